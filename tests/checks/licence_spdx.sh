#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# trail is MIT-licensed: LICENSE holds the MIT text, the README says so, and every source file
# (src, tests, bench, scripts, completions, the build files) names the licence in an SPDX line
# among its first two lines. Data (guides, test inputs, fuzzing corpora) carries none.
set -u
. "$(dirname "$0")/../e2e/lib/assert.sh"

: "${TRAIL_SOURCE_DIR:?}"
cd "$TRAIL_SOURCE_DIR" || exit 1

expect_contains "$(head -n 1 LICENSE)" "MIT License" "LICENSE is the MIT licence"
expect_contains "$(cat LICENSE)" "Permission is hereby granted, free of charge" "with its text"
expect_contains "$(cat README.md)" "MIT licence" "the README names the licence"
if [ -s content/ml-engineer/SOURCE.md ]; then pass "the bundled guide says where its text comes from"; else
    fail "content/ml-engineer/SOURCE.md is missing"; fi

files=$(find src tests bench scripts completions cmake .ci -type f \
    \( -path tests/data -o -path tests/fuzz/corpus -o -path tests/fuzz/regressions \) -prune -o \
    -type f \( -name '*.[ch]' -o -name '*.inc' -o -name '*.sh' -o -name '*.py' -o \
    -name CMakeLists.txt -o -name '*.cmake' -o -path 'scripts/*' -o -path 'completions/*' -o -path .ci/run \) \
    -print | grep -vE '^tests/(data|fuzz/corpus|fuzz/regressions)/' | sort)
files="$files
CMakeLists.txt
Makefile
docs/trail.1"
missing=""
count=0
while IFS= read -r f; do
    [ -n "$f" ] || continue
    count=$((count + 1))
    if ! head -n 2 "$f" | grep -qE '^(/\* |# |\.\\" )SPDX-License-Identifier: MIT( \*/)?$'; then
        missing="$missing $f"
    fi
done <<<"$files"
expect_ge "$count" 150 "source files found"
if [ -z "$missing" ]; then pass "every source file has an SPDX line ($count files)"; else
    fail "no 'SPDX-License-Identifier: MIT' in the first two lines of:$missing"; fi

finish
