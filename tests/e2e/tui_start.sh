# SPDX-License-Identifier: MIT
# The browser's start: the first frame needs guide.yaml only, and the career path is loaded
# right after it, before the first key is read. At 80x24: Home settles with the path's phases
# and the progress block; a key sent at once still lands on the loaded Home; a career-path.yaml
# with a YAML error shows the error screen with its located message (where trail used to stop
# before the screen), Back goes to Home, and `trail --check` still prints the error on stderr.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup start
export XDG_CONFIG_HOME="$TUI_DIR/config" # no config file there
require_input "$FIXTURE"
guide="$TUI_DIR/guide"
cp -R "$FIXTURE" "$guide"

tui_start 80 24 "TRAIL_STATE='$state' '$TRAIL_BIN' --content '$guide'"
tui_wait "Career Path · 4 phases" "Home settles with the number of phases"
screen=$(tui_screen)
expect_contains "$screen" "0/20 · 0%" "and the overall progress"
expect_contains "$screen" "Current phase   1. Lamp & Tower Basics" "and the current phase"
tui_wait "FAQ · 7 questions" "the FAQ's count comes in without a key"
expect_not_contains "$(tui_screen | grep -E '^ +[0-9]  |^ Progress')" "…" "no placeholder is left"
tui_keys q
tui_wait "[exit 0]" "q quits"

# Keys sent before the screen settles are read after the career path is loaded: Tab opens
# the first section, then 2 the career path with its phases.
tui_new_server early
tui_start 80 24 "sleep 0.2; TRAIL_STATE='$state' '$TRAIL_BIN' --content '$guide'"
tui_keys 2
tui_wait "Lamp & Tower Basics (Months 1-3)" "a key typed before the first frame opens the path"
tui_keys q
tui_wait "[exit 0]" "q quits from the path"

# A broken career-path.yaml: the browser shows the error screen over Home.
printf 'title: Career Path\nphases: [unclosed\n' >"$guide/career-path.yaml"
tui_new_server broken
tui_start 80 24 "TRAIL_STATE='$state' '$TRAIL_BIN' --content '$guide'"
tui_wait "Could not load career-path.yaml." "a broken career path shows the error screen"
expect_contains "$(tui_screen)" "career-path.yaml:3:1: error:" "with the located error"
tui_keys Escape
tui_wait "1  Overview" "Back goes to Home"
expect_not_contains "$(tui_screen)" "phases" "Home does not claim phases it could not load"
tui_keys q
tui_wait "[exit 0]" "q quits"

out=$("$TRAIL_BIN" --check "$guide" 2>&1)
expect_status 1 $? "--check fails on the broken career path"
expect_contains "$out" "career-path.yaml:3:1: error:" "--check prints the located error"
finish
