#!/bin/sh
# SPDX-License-Identifier: MIT
# Install the Debian packages trail needs to build and test, only those that are missing.
# Usage: scripts/deps.sh [build|test|all]   (default: test)
#   build: what `make`, `make run`, `make install` and `make package` need (no test library);
#   test:  that and what the test suite needs (cmocka, tmux, the linters, zsh, ...).
# Exits 0 when everything is present, non-zero with a message when it cannot install.
set -eu

want=${1:-test}
build_pkgs="cmake make gcc pkg-config libncurses-dev libyaml-dev libgit2-dev libmd4c-dev dpkg-dev"
test_pkgs="libcmocka-dev python3 python3-icalendar calcurse tmux strace util-linux less clang libclang-rt-14-dev valgrind mandoc man-db zsh
    unicode-data cppcheck clang-tidy python3-jsonschema python3-yaml lintian git
    python-commonmark-bkrs-doc"

case "$want" in
build) pkgs=$build_pkgs ;;
test | all) pkgs="$build_pkgs $test_pkgs" ;;
*)
    echo "deps.sh: unknown set '$want' (use build, test or all)" >&2
    exit 2
    ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "deps.sh: not a Debian system (no dpkg-query); install by hand: $pkgs" >&2
    exit 1
fi

missing=""
for p in $pkgs; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    if [ "$status" != "installed" ]; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

echo "deps.sh: installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "deps.sh: need root to install:$missing (no sudo found); install them and retry" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
# Another apt-get running (say, unattended-upgrades) holds dpkg's lock: wait for it.
wait_lock="-o DPkg::Lock::Timeout=600"
# shellcheck disable=SC2086
if ! $sudo apt-get $wait_lock update -qq ||
    ! $sudo apt-get $wait_lock install -y -qq --no-install-recommends $missing; then
    echo "deps.sh: apt-get could not install:$missing" >&2
    exit 1
fi
