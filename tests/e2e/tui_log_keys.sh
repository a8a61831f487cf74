#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# L logs time on whatever key action, phase or certification is selected, on every screen
# that selects one (a phase, its checklist, What's left, the search results), not only on
# Today; on a screen with none selected (Home) it says so in the status line and writes
# nothing. A fixture guide with a dated plan.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
. "$here/lib/sundial.sh"
tui_setup log_keys
sundial_setup
cp "$state" "$TUI_DIR/before.yaml"

# log_here DURATION NAME ID WHERE: L on the selection, DURATION in the prompt; the status line
# names what it was logged on and the journal keeps it.
log_here() {
    tui_keys L
    tui_wait "Time spent" "$4: L asks for the time spent"
    tui_keys "$1" Enter
    tui_wait "Logged $1 on \"$2\"" "$4: the time is logged on the selection"
    tui_wait_in_file "$state" "log $1 $3" "$4: the log is a journal line"
}

tui_start 80 40 "env $env '$TRAIL_BIN' --content '$GUIDE'"
tui_wait "T opens it" "Home"
tui_keys L
tui_wait "No key action is selected here" "Home: L says no action is selected"
expect_not_contains "$(tui_screen)" "Time spent" "Home: no prompt opens"
cmp -s "$state" "$TUI_DIR/before.yaml"
expect_status 0 $? "Home: the progress file is unchanged"

tui_keys 2
tui_wait "Career Path" "the career path"
log_here 20m "Read the Shadows" "shadow" "a phase"
tui_keys Enter
tui_wait "Key Actions" "the phase's checklist"
tui_keys Down Down
log_here 25m "Find your latitude" "shadow/latitude" "the checklist"
tui_keys w
tui_wait "key actions to do or in progress" "What's left"
tui_keys Down Down
log_here 10m "Cut the dial plate" "build/plate" "What's left"
tui_keys / gnomon Enter
tui_wait "matches" "the search results"
tui_keys L
tui_wait "No key action is selected here" "results: L on an overview entry says so"
tui_keys Down Down
log_here 5m "Set the gnomon at your latitude" "build/gnomon" "the search results"
tui_keys T
tui_wait "This week: 1h logged of 5h" "Today counts every log"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
