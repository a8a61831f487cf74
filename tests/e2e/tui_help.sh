# SPDX-License-Identifier: MIT
# The help overlay lists the keys of the current screen (from the key table, like the footer);
# any key closes it, q and Esc included, without acting on the screen below.
set -u
here=$(dirname "$0")
. "$here/lib/assert.sh"
. "$here/lib/tmux.sh"
tui_setup help
require_input "$FIXTURE"
tui_start 80 24 "HOME='$TUI_DIR' '$TRAIL_BIN' --content '$FIXTURE'"
tui_wait "1  Overview" "home is up"

tui_keys '?'
tui_wait "Keys: Home" "? opens the help for Home"
screen=$(tui_screen)
expect_contains "$screen" "Open the selected item" "help lists Enter on a list screen"
expect_contains "$screen" "Jump to a section" "help lists 1-9"
expect_not_contains "$screen" "Go back to where" "Home has no Back key to list"
tui_keys q
tui_wait_gone "Keys: Home" "q closes the help"
tui_wait "1  Overview" "and only the help: Home is still there"

tui_keys 2 Enter '?'
tui_wait "Keys: Phase checklist" "help follows the screen"
expect_contains "$(tui_screen)" "Go back to where" "a sub-screen lists Back"
expect_not_contains "$(tui_screen)" "Open the selected item" "the checklist has no Open key"
tui_keys Escape
tui_wait_gone "Keys: Phase" "Esc closes the help"
expect_contains "$(tui_header)" "Lamp & Tower Basics" "Esc in the help did not go back"
tui_keys F1
tui_wait "Keys: Phase checklist" "F1 opens the help too"
tui_keys j
tui_wait_gone "Keys: Phase" "any key closes the help"
expect_contains "$(tui_header)" "1/5" "the key that closed the help did not move the selection"

tui_keys q
tui_wait "[exit 0]" "q outside the help quits"
finish
