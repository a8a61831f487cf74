#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every unit test under valgrind's memcheck: no invalid access, no use of uninitialised
# memory, no leak. (The sanitizer pass covers the rest of the suite; valgrind sees what
# ASan cannot, such as reads of uninitialised memory.)
set -u
. "$(dirname "$0")/../e2e/lib/assert.sh"

if [ "${TRAIL_SANITIZED:-0}" = 1 ]; then
    echo "valgrind cannot run sanitized binaries"
    exit 77
fi
require valgrind
ran=0
for t in "$TRAIL_BUILD_DIR"/tests/test_*; do
    [ -x "$t" ] || continue
    ran=$((ran + 1))
    name=$(basename "$t")
    log=$(mktemp)
    valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --track-fds=no "$t" >"$log" 2>&1
    rc=$?
    if [ "$rc" = 0 ]; then
        pass "$name is clean under memcheck"
    elif [ "$rc" = 77 ]; then
        echo "skip: $name: $(grep -m1 '^skip:' "$log")"
    else
        fail "$name under memcheck (exit $rc):"$'\n'"$(grep -E '==[0-9]+==' "$log" | head -30)"
    fi
    rm -f "$log"
done
if [ "$ran" = 0 ]; then
    echo "skip: no unit test built in $TRAIL_BUILD_DIR/tests"
    exit 77
fi
finish
