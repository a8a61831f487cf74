#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The real binary under valgrind's memcheck in every non-interactive mode, on the bundled
# guide, the sample guide and the hostile fixtures: no invalid access, no uninitialised read,
# no leak. (The unit tests run under memcheck in valgrind_unit.sh; the browser runs under
# ASan+UBSan in the sanitizer pass.)
set -u
. "$(dirname "$0")/lib/assert.sh"

if [ "${TRAIL_SANITIZED:-0}" = 1 ]; then
    echo "valgrind cannot run sanitized binaries"
    exit 77
fi
require valgrind
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" TRAIL_STATE="$tmp/progress.yaml"
ml="$TRAIL_SOURCE_DIR/content/ml-engineer"
hostile="$TRAIL_TEST_DATA/hostile/controls"

# vg WHAT ARGS...: runs trail under memcheck; exit 99 means valgrind found something.
vg() {
    local what=$1
    shift
    valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        "$TRAIL_BIN" "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" = 99 ]; then
        fail "$what under memcheck:"$'\n'"$(grep -E '==[0-9]+==' "$tmp/err" | head -30)"
    elif [ "$rc" -ge 2 ]; then
        fail "$what: exit $rc:"$'\n'"$(head -5 "$tmp/err")"
    else
        pass "$what is clean under memcheck (exit $rc)"
    fi
}

vg "--check" --check "$ml"
vg "--check of the hostile guide" --check "$hostile"
vg "--print" --content "$ml" --print
vg "--print of the hostile guide" --content "$hostile" --print --width 30
vg "--search" --content "$ml" --search "gpu"
vg "--search with no match" --content "$ml" --search '"no such phrase"'
vg "--start" --content "$ml" --start 2026-01-31
vg "--progress --left" --content "$ml" --progress --left
vg "--export json" --content "$ml" --export json
cp "$tmp/out" "$tmp/export.json"
vg "--export markdown" --content "$ml" --export markdown
vg "--import" --content "$ml" --import "$tmp/export.json"
vg "--list" --content "$TRAIL_SOURCE_DIR/content" --list
vg "--reset --yes" --content "$ml" --reset --yes
printf 'version: 1\nguides: [\n' >"$tmp/damaged.yaml"
vg "--progress on a damaged file" --content "$ml" --state "$tmp/damaged.yaml" --progress
finish
