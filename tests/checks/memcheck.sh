#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# valgrind's memcheck (`make memcheck`): every unit test, and the real binary in every
# non-interactive mode on the fixture guides and the hostile fixtures: no invalid access, no
# use of uninitialised memory, no leak. (The browser runs under ASan+UBSan in `make test`;
# valgrind sees what ASan cannot, such as reads of uninitialised memory.)
set -u
. "$(dirname "$0")/../e2e/lib/assert.sh"

if [ "${TRAIL_SANITIZED:-0}" = 1 ]; then
    echo "valgrind cannot run sanitized binaries"
    exit 77
fi
require valgrind
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---- The unit tests. A test that exits 77 lacks its input: said, not counted as clean.
ran=0
for t in "$TRAIL_BUILD_DIR"/tests/test_*; do
    [ -x "$t" ] || continue
    ran=$((ran + 1))
    name=$(basename "$t")
    log=$tmp/unit.log
    # TRAIL_VALGRIND: timing tests skip themselves (memcheck distorts every figure).
    TRAIL_VALGRIND=1 valgrind --quiet --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite --track-fds=no "$t" >"$log" 2>&1
    rc=$?
    if [ "$rc" = 0 ]; then
        pass "$name is clean under memcheck"
    elif [ "$rc" = 77 ]; then
        skip_part "$name: $(grep -m1 "^skip:" "$log")"
    else
        fail "$name under memcheck (exit $rc):"$'\n'"$(grep -E '==[0-9]+==' "$log" | head -30)"
    fi
done
[ "$ran" != 0 ] || skip_part "no unit test built in $TRAIL_BUILD_DIR/tests"

# ---- The binary, each non-interactive mode.
export HOME="$tmp" TRAIL_STATE="$tmp/progress.yaml"
guide="$FIXTURE"
hostile="$TRAIL_TEST_DATA/hostile/controls"
require_input "$guide" "$hostile"

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

vg "--check" --check "$guide"
vg "--check of the hostile guide" --check "$hostile"
vg "--print" --content "$guide" --print
vg "--print of the hostile guide" --content "$hostile" --print --width 30
vg "--search" --content "$guide" --search "argand"
vg "--search with no match" --content "$guide" --search '"no such phrase"'
vg "--start" --content "$guide" --start 2026-01-31
vg "--progress --left" --content "$guide" --progress --left
vg "--export json" --content "$guide" --export json
cp "$tmp/out" "$tmp/export.json"
vg "--export markdown" --content "$guide" --export markdown
vg "--import" --content "$guide" --import "$tmp/export.json"
vg "--list" --content "$FIXTURE_GUIDES" --list
vg "--reset --yes" --content "$guide" --reset --yes
printf 'version: 1\nguides: [\n' >"$tmp/damaged.yaml"
vg "--progress on a damaged file" --content "$guide" --state "$tmp/damaged.yaml" --progress
finish
