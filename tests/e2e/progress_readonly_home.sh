#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The commands that only read (--progress, --progress --left, --list, --export, --print,
# --search, --check, --help, --version) create no file at all: run on an empty HOME, it stays
# empty (no progress file, no .lock). On a damaged progress file they leave it as it is and
# make no copy; a command that may write keeps one copy per distinct content however often it
# runs, and the README says how to clean the copies away.
set -u
. "$(dirname "$0")/lib/assert.sh"

: "${TRAIL_BIN:?}" "${TRAIL_SOURCE_DIR:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trail-rohome.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
unset TRAIL_STATE
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" TRAIL_CONTENT="${TRAIL_TEST_DATA:-$TRAIL_SOURCE_DIR/tests/data}/guides/lighthouse"
mkdir -p "$HOME"

readonly_cmds=("--progress" "--progress --left" "--list" "--export markdown" "--export json"
    "--print" "--search gpu" "--search nothing-matches-this" "--check" "--help" "--version")
for args in "${readonly_cmds[@]}"; do
    # shellcheck disable=SC2086
    "$TRAIL_BIN" $args >/dev/null 2>"$tmp/err" </dev/null
    status=$?
    if [ $status -le 1 ]; then pass "trail $args runs (exit $status)"; else
        fail "trail $args: exit $status: $(cat "$tmp/err")"; fi
    left=$(cd "$HOME" && find . -mindepth 1 | sort | tr '\n' ' ')
    expect_status "" "$left" "trail $args leaves HOME empty"
done

# A damaged progress file: read, never copied by the commands that only read.
state="$HOME/.trail_progress.yaml"
printf 'version: 1\nguides: [[[\n' >"$state"
before=$(cat "$state")
for i in 1 2 3; do
    out=$("$TRAIL_BIN" --progress 2>&1 >/dev/null)
done
expect_contains "$out" "is damaged" "--progress says the file is damaged"
expect_status ".trail_progress.yaml" "$(cd "$HOME" && ls -A)" \
    "three --progress on a damaged file create nothing"
expect_status "$before" "$(cat "$state")" "the damaged file is unchanged"
for args in "--list" "--export json"; do
    # shellcheck disable=SC2086
    "$TRAIL_BIN" $args >/dev/null 2>&1
done
expect_status ".trail_progress.yaml" "$(cd "$HOME" && ls -A)" "--list and --export neither"

# A command that may write (here --reset, refused without a terminal) keeps one copy, once.
for i in 1 2 3; do
    "$TRAIL_BIN" --reset </dev/null >/dev/null 2>&1
done
copies=$(cd "$HOME" && ls -A | grep -c '\.corrupt-')
expect_status 1 "$copies" "three runs that may write keep one copy of the damaged file"
expect_status "$before" "$(cat "$state")" "the refused reset left the file as it was"

# The README says where copies go and how to remove them.
readme=$(tr -s ' \n' '  ' <"$TRAIL_SOURCE_DIR/README.md")
expect_contains "$readme" "one copy per distinct content" "the README says copies do not pile up"
expect_contains "$readme" "rm ~/.trail_progress.yaml.corrupt-* ~/.trail_progress.yaml.bak-*" \
    "the README says how to remove the copies"

finish
