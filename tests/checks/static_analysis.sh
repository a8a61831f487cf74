#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The program's sources pass gcc -fanalyzer, cppcheck and clang-tidy (.clang-tidy) with no
# warning (`make lint`). A tool that is not installed makes the check report itself skipped
# (exit 77, skip_part) once the others ran, never passed.
set -u
. "$(dirname "$0")/../e2e/lib/assert.sh"

if [ "${TRAIL_SANITIZED:-0}" = 1 ]; then
    echo "static analysis runs in the plain build only"
    exit 77
fi
src="$TRAIL_SOURCE_DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# gcc's analyzer, over a build of the program alone.
if cmake -S "$src" -B "$tmp/fa" -DCMAKE_C_FLAGS=-fanalyzer -DTRAIL_TESTS=OFF >/dev/null &&
    cmake --build "$tmp/fa" -j 2 >"$tmp/fa.log" 2>&1; then
    warnings=$(grep -c 'warning:' "$tmp/fa.log")
    expect_status 0 "$warnings" "gcc -fanalyzer reports nothing"
    [ "$warnings" = 0 ] || grep 'warning:' "$tmp/fa.log" | head -20
else
    fail "the -fanalyzer build failed: $(tail -5 "$tmp/fa.log")"
fi

if command -v cppcheck >/dev/null; then
    cppcheck --enable=warning,performance,portability --std=c11 --inline-suppr --quiet \
        --error-exitcode=1 $(find "$src/src" -type d -printf "-I %p ") -D_XOPEN_SOURCE=700 "$src/src" >"$tmp/cc.log" 2>&1
    expect_status 0 $? "cppcheck reports nothing"
    head -20 "$tmp/cc.log"
else
    skip_part "cppcheck is missing"
fi

if command -v clang-tidy >/dev/null; then
    # The compile database of the tree under test knows every flag.
    find "$src/src" -name "*.c" | xargs -P 2 -n 4 clang-tidy -p "$TRAIL_BUILD_DIR" --quiet \
        >"$tmp/tidy.log" 2>/dev/null
    warnings=$(grep -c 'warning:' "$tmp/tidy.log")
    expect_status 0 "$warnings" "clang-tidy reports nothing"
    [ "$warnings" = 0 ] || grep 'warning:' "$tmp/tidy.log" | head -20
else
    skip_part "clang-tidy is missing"
fi
finish
