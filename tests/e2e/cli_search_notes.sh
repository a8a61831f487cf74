#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# trail --search finds the learner's notes, as / does in the browser, and highlights the
# matches when standard output is a terminal, never in a pipe; --search --json marks a note.
# It reads the progress file and creates none.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup search-notes
guide="$FIXTURE"

trail note basics/logbook "Ask the harbourmaster about kelp" >/dev/null
out=$(trail --search kelp)
expect_status 0 $? "--search finds a word only a note holds"
expect_contains "$out" "Key action: Lamp & Tower Basics: note: Ask the harbourmaster about kelp" \
    "the line names the item and shows the note"
expect_not_contains "$out" $'\e' "no escape sequence in a pipe"
json=$(trail --search kelp --json)
expect_contains "$json" '"id":"basics/logbook"' "--json: the item of the note"
expect_contains "$json" '"note":true' "--json marks the note"
out=$("$TRAIL_BIN" --content "$guide" --state "$TUI_DIR/none.yaml" --search kelp)
expect_status 1 $? "without the note, nothing matches"
[ ! -e "$TUI_DIR/none.yaml" ] && pass "--search creates no progress file" ||
    fail "--search created a progress file"

# On a terminal: the match is highlighted (SGR), the rest is not.
tui_start 120 10 "'$TRAIL_BIN' --content '$guide' --state '$state' --search kelp"
tui_wait "[exit 0]" "--search runs on a terminal"
line=$(tui_screen -e | grep -F "harbourmaster")
case "$line" in
*$'\e['*kelp*) pass "on a terminal the match is highlighted" ;;
*) fail "no highlight on a terminal: $(printf '%s' "$line" | cat -v)" ;;
esac
case "$line" in
*$'\e['*harbourmaster*kelp*) fail "more than the match is highlighted: $(printf '%s' "$line" | cat -v)" ;;
*) pass "only the match" ;;
esac
finish
