#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A Markdown plan in the browser at 80x24: its sections and sub-items, o opening an item's link
# through a recording stub in $BROWSER (one argument, no shell; a javascript: link refused),
# and the learner's own actions: a adds one after the selected action, marked "mine", ticked
# with Space, r edits it, D removes it and u brings it back, each an event of the journal; r on
# the guide's own action refuses; Space on a parent done through its sub-items says so; the
# plan file is never written, and the same keys work on a YAML guide.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
plan="$TRAIL_TEST_DATA/plans/small-plan.md"
require_input "$plan" "$FIXTURE"
tui_setup plan
before=$(sha256sum <"$plan")

# The stub browser records how it was called: the argument count, then each argument.
cat >"$TUI_DIR/browser" <<'STUB'
#!/bin/sh
printf '%s\n' "$#" "$@" >"$OPENED.tmp" && mv "$OPENED.tmp" "$OPENED"
STUB
chmod +x "$TUI_DIR/browser"

tui_start 80 24 "OPENED='$TUI_DIR/opened' BROWSER='$TUI_DIR/browser' '$TRAIL_BIN'" \
    "--state '$state' '$plan'"
tui_wait "Small Plan" "the plan opens with its title"
tui_wait "Plan · 3 sections" "Home counts the sections"
tui_keys Enter Enter
tui_wait "Install the tools guide" "the first section's items"
tui_wait "https://example.org/tools" "an item's link shows under it"
expect_contains "$(tui_screen)" "   [x] Chapter one" "a sub-item is indented, with the author's tick"

tui_keys o
tui_wait_file "$TUI_DIR/opened"
expect_status "1
https://example.org/tools" "$(cat "$TUI_DIR/opened")" "o passes the link as the one argument"
rm -f "$TUI_DIR/opened"
tui_keys j j j j
tui_wait "javascript:alert(1)" "the bad link shows"
tui_keys o
tui_wait_flat "Only http, https and mailto links open" "a javascript: link is refused"
[ ! -e "$TUI_DIR/opened" ] && pass "nothing was opened" || fail "the refused link was opened"

# The learner's own action.
tui_keys k
tui_keys a
tui_wait "Your action:" "a asks for the text"
tui_keys "Practise daily" Enter
tui_wait "Practise daily · mine" "the new action shows, marked as the learner's"
tui_wait_flat "Your action is added" "the status says so"
tui_keys Space
tui_wait "[x] Practise daily" "Space ticks it"
tui_keys r
tui_wait "Your action: Practise daily" "r offers its text"
tui_keys C-u "Practise every day" Enter
tui_wait "Practise every day · mine" "r edits it"
tui_keys D
tui_wait_gone "Practise every day" "D removes it"
tui_keys u
tui_wait "Practise every day · mine" "u brings it back"
tui_keys g r
tui_wait_flat "Only your own actions can be edited" "r on the guide's action refuses"
# A parent done through its sub-items: Space on it says so and writes nothing.
tui_keys j Space
tui_wait "[ ] Read the introduction" "Space reopens the author's tick"
tui_keys j j Space
tui_wait "[x] Chapter two" "Space ticks the last open sub-item"
tui_wait "[x] Read the introduction" "the parent is done through its sub-items"
state_before=$(sha256sum <"$state")
tui_keys k k Space
tui_wait_flat "Done because its sub-items are" "Space on that parent says why it stays done"
expect_status "$state_before" "$(sha256sum <"$state")" "and writes nothing"
tui_keys q
tui_wait "[exit 0]" "q quits"

out=$("$TRAIL_BIN" --state "$state" --content "$plan" --export markdown)
expect_contains "$out" "- [x] Practise every day *(mine)*" "the export shows it, ticked and marked"
expect_contains "$(cat "$state")" "text: Practise every day" "it lives in the progress file"
mine=$(grep -c ' mine mine/' "$state")
expect_status 4 "$mine" "adding, rewording, removing and bringing it back are 4 journal events"
expect_status "$before" "$(sha256sum <"$plan")" "the plan file was never written"

# Any guide: the same keys on a YAML guide's phase.
tui_new_server yaml
tui_start 80 24 "'$TRAIL_BIN' --state '$state' --content '$FIXTURE'"
tui_wait "1  Overview" "the YAML guide opens"
tui_keys 2 Enter a
tui_wait "Your action:" "a works on a YAML guide's phase"
tui_keys "Call the keeper" Enter
tui_wait "Call the keeper · mine" "the action is added to the guide's phase"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
