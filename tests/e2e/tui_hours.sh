#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The hours per week in the browser, on a fixture guide with a dated plan and no hours in the
# configuration: Today asks for them by itself when it first opens; a number outside 1..100
# stays in the prompt with the range and writes nothing; an accepted one is kept in the
# progress file, sets the week's target, and u takes it back; H changes them later; Today does
# not ask again once they are set, nor twice in one run when the prompt was dismissed; a
# narrow terminal cuts the prompt's label at a word.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
. "$here/lib/sundial.sh"
tui_setup hours
sundial_setup
rm -f "$XDG_CONFIG_HOME/trail/config" # no hours_per_week there
cp "$state" "$TUI_DIR/before.yaml"
run="env $env '$TRAIL_BIN' --content '$GUIDE'"

tui_start 80 30 "$run"
tui_wait "T opens it" "Home"
tui_keys T
tui_wait "Hours a week for this plan (1-100):" "Today asks for the hours a plan lacks"
for bad in 0 101 lots; do
    tui_keys C-u "$bad" Enter
    tui_wait "a whole number from 1 to 100" "$bad is refused with the range"
done
cmp -s "$state" "$TUI_DIR/before.yaml"
expect_status 0 $? "a refused number writes nothing"
tui_keys C-u 6 Enter
tui_wait "6 hours a week" "6 is taken"
tui_wait "This week: 0m logged of 6h" "the week's target follows"
tui_wait_in_file "$state" "hours: 6" "the hours are kept in the progress file"
tui_keys u
tui_wait "Undone: the hours per week are cleared again" "u takes them back"
tui_wait_in_file "$state" "hours: 0" "the undo is saved"
tui_keys H
tui_wait "Hours a week for this plan (1-100):" "H asks again"
tui_keys C-u 8 Enter
tui_wait "This week: 0m logged of 8h" "H changes them"
tui_wait_in_file "$state" "hours: 8" "the new hours are saved"
tui_keys q
tui_wait "[exit 0]" "q quits"

# Set: Today opens without asking.
tui_new_server again
tui_start 80 30 "$run"
tui_wait "T opens it" "Home, again"
tui_keys T
tui_wait "This week: 0m logged of 8h" "Today uses the hours kept"
expect_not_contains "$(tui_screen)" "Hours a week" "and does not ask"
tui_keys q
tui_wait "[exit 0]" "q quits"

# Dismissed: asked once a run.
sundial_started "$state"
tui_new_server dismissed
tui_start 80 30 "$run"
tui_wait "T opens it" "Home, no hours"
tui_keys T
tui_wait "Hours a week for this plan (1-100):" "asked"
tui_keys Escape
tui_wait_gone "Hours a week" "Esc dismisses it"
tui_keys Escape T
tui_wait "Streak:" "Today again"
expect_not_contains "$(tui_screen)" "Hours a week" "not asked twice in a run"
tui_keys q
tui_wait "[exit 0]" "q quits"

# Narrow: the prompt's label gives way to the field, cut at a word's end with an ellipsis.
tui_new_server narrow
tui_start 40 12 "$run"
tui_wait "q Quit" "Home at 40x12"
tui_keys H
tui_wait "Hours a week for this…" "40 columns: the label ends at a word"
expect_not_contains "$(tui_screen)" "this pl…" "40 columns: no word cut in half"
tui_keys Escape q
tui_wait "[exit 0]" "q quits at 40x12"
finish
