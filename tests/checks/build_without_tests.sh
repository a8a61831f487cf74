#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A plain `cmake -S . -B build && cmake --build build` needs only what trail links (libyaml,
# ncursesw): with cmocka hidden, configure leaves the test suite out and says so, the build
# passes and its trail runs; -DTRAIL_TESTS=ON then fails at configure time naming the package.
# cmocka is hidden in a private mount namespace (unshare -m, root) where its pkg-config file
# and headers are empty files; without that privilege, pkg-config is pointed at a copy of its
# search path that lacks cmocka.pc.
set -u
. "$(dirname "$0")/../e2e/lib/assert.sh"

: "${TRAIL_SOURCE_DIR:?}"
if [ -n "${TRAIL_SANITIZED:-}" ]; then
    echo "skip: the build without tests is checked once, by the plain run of the suite"
    exit 77
fi
require cmake pkg-config
if ! pkg-config --exists cmocka; then
    echo "skip: cmocka is not installed, so there is nothing to hide (a plain build is the test)"
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/trail-notests.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
unset MAKEFLAGS MAKELEVEL MFLAGS

# run_hidden CMD...: runs CMD with cmocka hidden.
pcfile=$(pkg-config --variable=pcfiledir cmocka)/cmocka.pc
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
    how="a private mount namespace"
    run_hidden() {
        unshare -m sh -c '
            mount --make-rprivate / 2>/dev/null
            mount --bind /dev/null "$1" || exit 125
            for h in /usr/include/cmocka*.h; do
                [ -e "$h" ] && { mount --bind /dev/null "$h" || exit 125; }
            done
            shift
            exec "$@"' _ "$pcfile" "$@"
    }
else
    how="pkg-config's search path without cmocka.pc"
    mkdir -p "$tmp/pc"
    for d in $(pkg-config --variable=pc_path pkg-config | tr ':' ' '); do
        for f in "$d"/*.pc; do
            [ -e "$f" ] && [ "${f##*/}" != cmocka.pc ] && ln -sf "$f" "$tmp/pc/"
        done
    done
    run_hidden() { PKG_CONFIG_LIBDIR="$tmp/pc" PKG_CONFIG_PATH="" "$@"; }
fi
out=$(run_hidden pkg-config --exists cmocka 2>&1)
if [ $? -eq 0 ]; then
    fail "cmocka is still visible with $how"
    finish
    exit 1
fi
pass "cmocka hidden ($how)"

out=$(run_hidden cmake -S "$TRAIL_SOURCE_DIR" -B "$tmp/build" 2>&1)
expect_status 0 $? "cmake -S . -B build without cmocka"
expect_contains "$out" "cmocka not found: the test suite is not built" "configure says the tests are left out"
expect_not_contains "$out" "CMake Error" "configure prints no error"
if [ -e "$tmp/build/CTestTestfile.cmake" ] && grep -q "add_test" "$tmp/build/CTestTestfile.cmake" \
    "$tmp/build/tests/CTestTestfile.cmake" 2>/dev/null; then
    fail "tests were configured although cmocka is missing"
else
    pass "no test configured"
fi

if run_hidden cmake --build "$tmp/build" -j 2 >"$tmp/build.log" 2>&1; then
    pass "cmake --build build without cmocka"
else
    fail "cmake --build failed without cmocka:"$'\n'"$(tail -n 30 "$tmp/build.log")"
fi
out=$("$tmp/build/trail" --version 2>&1)
expect_status 0 $? "the built trail runs"
out=$("$tmp/build/trail" --check "$TRAIL_SOURCE_DIR/content/ml-engineer" 2>&1)
expect_status 0 $? "the built trail checks the bundled guide"

# Asked for explicitly, the tests make configure fail, and the message names the package.
out=$(run_hidden cmake -S "$TRAIL_SOURCE_DIR" -B "$tmp/build-on" -DTRAIL_TESTS=ON 2>&1)
status=$?
if [ $status -ne 0 ]; then pass "-DTRAIL_TESTS=ON without cmocka fails (exit $status)"; else
    fail "-DTRAIL_TESTS=ON without cmocka configured"; fi
expect_contains "$out" "libcmocka-dev" "the failure names libcmocka-dev"

# The build directory, configured again once cmocka is back, builds the tests (AUTO).
out=$(cmake -S "$TRAIL_SOURCE_DIR" -B "$tmp/build" 2>&1)
expect_status 0 $? "configure again with cmocka present"
if grep -q "add_test" "$tmp/build/tests/CTestTestfile.cmake" 2>/dev/null; then
    pass "with cmocka back, the same build directory configures the tests"
else
    fail "with cmocka back, the tests are still left out"
fi

finish
