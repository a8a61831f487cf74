# SPDX-License-Identifier: MIT
# Assertions for end-to-end scripts: each prints one line; finish exits non-zero on a failure.
failures=0
passes=0

pass() {
    passes=$((passes + 1))
    printf 'ok: %s\n' "$1"
}

fail() {
    failures=$((failures + 1))
    printf 'FAIL: %s\n' "$1"
}

expect_status() { # expected actual what
    if [ "$1" = "$2" ]; then pass "$3 (exit $2)"; else fail "$3: exit $2, expected $1"; fi
}

expect_contains() { # haystack needle what
    case "$1" in
    *"$2"*) pass "$3" ;;
    *) fail "$3: '$2' not found in:"$'\n'"$1" ;;
    esac
}

expect_not_contains() { # haystack needle what
    case "$1" in
    *"$2"*) fail "$3: '$2' found" ;;
    *) pass "$3" ;;
    esac
}

expect_le() { # a b what
    if [ "$1" -le "$2" ]; then pass "$3 ($1 <= $2)"; else fail "$3: $1 > $2"; fi
}

expect_ge() { # a b what
    if [ "$1" -ge "$2" ]; then pass "$3 ($1 >= $2)"; else fail "$3: $1 < $2"; fi
}

# skip_part WHAT: a part of the test cannot run here (a tool it needs is missing). The test
# runs the rest; finish then reports it skipped (77) if nothing failed, never passed.
skipped_parts=""
skip_part() {
    skipped_parts+="${skipped_parts:+; }$1"
    printf 'skip: %s\n' "$1"
}

# finish: the summary line; returns 1 after a failure, 77 (skipped) when a part could not run,
# else 0. The last command of a script.
finish() {
    printf '%d passed, %d failed\n' "$passes" "$failures"
    [ "$failures" -eq 0 ] || return 1
    if [ -n "$skipped_parts" ]; then
        printf 'skipped, not passed: %s\n' "$skipped_parts"
        return 77
    fi
}

# scratch_dir: `tmp` names a new directory, removed on exit.
scratch_dir() {
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
}

# cli_setup GUIDE: for command-line tests: TRAIL_CONTENT is GUIDE, the locale UTF-8, `tmp` a
# scratch directory (removed on exit) holding HOME and the XDG directories, and `S` names a
# progress file there (not created), which trail ARGS... uses.
cli_setup() {
    export TRAIL_CONTENT="$1" LC_ALL=C.UTF-8
    scratch_dir
    export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
    mkdir -p "$HOME"
    S="$tmp/p.yaml"
    trail() { "$TRAIL_BIN" --state "$S" "$@"; }
}

# require_input PATH...: skips the test (exit 77) unless every PATH exists: a test whose input
# is missing says so, it does not pass.
require_input() {
    local p
    for p; do
        [ -e "$p" ] || { echo "skip: input $p is missing"; exit 77; }
    done
}

# The fixture guides the tests run on (tests/data/guides; their shape is described in each
# guide.yaml): lighthouse, 4 phases of 5 key actions, 5 certifications, 7 questions; orchard,
# 2 phases of 2 + 3 key actions. Only content_ml_engineer.sh reads the shipped guides.
FIXTURE_GUIDES="${TRAIL_TEST_DATA:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../data" && pwd)}/guides"
FIXTURE="$FIXTURE_GUIDES/lighthouse"
# A progress file for it: two key actions done or begun, a note, a certification, a start date.
FIXTURE_STARTED="${FIXTURE_GUIDES%/guides}/progress/lighthouse-started.yaml"

# have_strace: true when strace is installed and may trace here (no ptrace restriction).
have_strace() {
    command -v strace >/dev/null 2>&1 && strace -qq -o /dev/null true 2>/dev/null
}

# require_strace: skips the test (exit 77) unless have_strace.
require_strace() {
    have_strace || { echo "skip: strace is missing or not permitted"; exit 77; }
}

# require CMD...: skips the test (exit 77) unless every CMD is installed.
require() {
    local c
    for c; do
        command -v "$c" >/dev/null 2>&1 || { echo "$c not found"; exit 77; }
    done
}
