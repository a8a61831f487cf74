#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Plain trail reopens where the learner left off, the guide picker included: the guide that
# was selected in the picker is selected again; the guide that was open when trail ended is
# opened again (at its own position), and Back from its Home still reaches the picker. The
# position lives in the state file ($XDG_STATE_HOME/trail/resume.yaml), not in progress.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup resume-picker
tui_own_dirs
require_input "$FIXTURE_GUIDES/lighthouse" "$FIXTURE_GUIDES/orchard"
run="TRAIL_STATE='$state' TRAIL_CONTENT='$FIXTURE_GUIDES' '$TRAIL_BIN'"

# start NAME: a fresh server running plain trail.
start() {
    tui_new_server "$1"
    tui_start 80 24 "$run"
}

start first
tui_wait "Choose a guide" "the picker opens"
tui_wait "1/2" "the first guide is selected"
tui_keys j
tui_wait "2/2" "j selects orchard"
tui_keys q
tui_wait "[exit 0]" "q quits from the picker"

start second
tui_wait "Choose a guide" "the picker opens again, no guide opened"
tui_wait "2/2" "with orchard selected, as it was at quit"
tui_keys Enter
tui_wait "1  Overview" "Enter opens orchard"
tui_keys 2
tui_wait "Plant the Trees" "orchard's career path is open"
tui_keys q
tui_wait "[exit 0]" "q quits with orchard open"
[ -s "$XDG_STATE_HOME/trail/resume.yaml" ] && pass "the position is in the state file" ||
    fail "no state file"
expect_not_contains "$(cat "$state" 2>/dev/null)" "picker" "the progress file holds no picker position"

start third
tui_wait "Orchard › Career Path" "orchard is opened again, at its career path"
tui_keys Escape Escape
tui_wait "Choose a guide" "Back from its Home reaches the picker"
tui_wait "2/2" "with orchard selected"
tui_keys k q
tui_wait "[exit 0]" "q quits from the picker, lighthouse selected"

start fourth
tui_wait "Choose a guide" "closed at quit: the picker, not a guide"
tui_wait "1/2" "with lighthouse selected"
tui_keys q
tui_wait "[exit 0]" "q quits"

# A guide whose directory is not named as its id: the picker names it by its directory.
content="$TUI_DIR/content"
mkdir -p "$content"
cp -R "$FIXTURE_GUIDES/lighthouse" "$content/beacon"
cp -R "$FIXTURE_GUIDES/orchard" "$content/grove"
run="TRAIL_STATE='$state' TRAIL_CONTENT='$content' '$TRAIL_BIN'"
start renamed
tui_wait "Choose a guide" "the picker of the renamed guides"
tui_keys j Enter
tui_wait "1  Overview" "the second guide (grove, id orchard) opens"
tui_keys q
tui_wait "[exit 0]" "q quits with it open"
start renamed-again
tui_wait "1  Overview" "it opens again at the next start"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
