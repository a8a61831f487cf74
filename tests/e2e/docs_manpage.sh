#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The man page against trail --help: its SYNOPSIS shows every option --help lists, its EXIT
# STATUS says word for word what --help's "Exit status" says (130 after Ctrl-C included), it
# has SEE ALSO and BUGS sections, and the two spellings of --check DIR (operand, =DIR) that
# the page shows are both accepted.
set -u
. "$(dirname "$0")/lib/assert.sh"

: "${TRAIL_BIN:?}" "${TRAIL_SOURCE_DIR:?}"
require mandoc
man_text=$(mandoc -T ascii "$TRAIL_SOURCE_DIR/docs/trail.1" | sed 's/.\x08//g')
help=$("$TRAIL_BIN" --help)

section() { # NAME: the rendered section's text
    printf '%s\n' "$man_text" | awk -v s="$1" '/^[A-Z]/ { on = ($0 == s); next } on'
}
words() { tr -s ' \t\n' '\n\n\n' | awk NF | tr '\n' ' '; }

synopsis=$(section SYNOPSIS)
opts=$(printf '%s\n' "$help" | grep -E '^(  -[A-Za-z], |      )--[a-z]' |
    sed -E 's/^ +(-[A-Za-z], )?(--[a-z-]+).*/\2/')
missing=""
for o in $opts; do
    case $o in --help | --version) continue ;; esac # as -h | -V
    printf '%s\n' "$synopsis" | grep -qE -- "$o([^a-z-]|$)" || missing="$missing $o"
done
expect_status "" "$missing" "SYNOPSIS shows every option (missing:$missing)"
expect_contains "$synopsis" "trail -h | -V" "SYNOPSIS shows -h and -V"
expect_contains "$synopsis" "--check=dir" "SYNOPSIS shows --check=dir"

help_exit=$(printf '%s\n' "$help" | sed -n '/^Exit status:/,$p' | tail -n +2 | words)
man_exit=$(section "EXIT STATUS" | sed '0,/says:/d' | words)
expect_status "$help_exit" "$man_exit" "EXIT STATUS in trail(1) is --help's, word for word"
expect_contains "$help_exit" "130 the browser was stopped by Ctrl-C" "130 after Ctrl-C is documented"

for s in "SEE ALSO" BUGS; do
    if [ -n "$(section "$s")" ]; then pass "trail(1) has $s"; else fail "trail(1) has no $s"; fi
done
expect_contains "$(section BUGS)" "Report bugs" "BUGS says where to report them"

guide="${TRAIL_TEST_DATA:-$TRAIL_SOURCE_DIR/tests/data}/guides/lighthouse"
out=$("$TRAIL_BIN" --check="$guide" 2>&1)
expect_status 0 $? "--check=DIR is accepted"
expect_contains "$out" "$guide: valid guide" "--check=DIR checks DIR"
out=$("$TRAIL_BIN" --check "$guide" 2>&1)
expect_status 0 $? "--check DIR is accepted"
out=$("$TRAIL_BIN" --check=/nonexistent/guide 2>&1)
expect_status 2 $? "--check=DIR with a missing DIR is refused"
expect_contains "$out" "/nonexistent/guide" "naming the directory"

finish
