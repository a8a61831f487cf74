#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One rule for "the next action": Home's "Next", ] from Home, Enter on "Next", --progress and
# --status all name the same action (the first in progress, else the first to do), even when
# an action to do comes before it in the guide; from a checklist, ] goes on in guide order.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup next
guide="$FIXTURE"

# The second phase's second action is in progress; everything before it is still to do.
trail doing optics/clockwork >/dev/null
expect_status 0 $? "trail doing optics/clockwork"

out=$(trail --progress)
expect_contains "$out" "Next: Wind and oil the clockwork" "--progress names the action in progress"
out=$(trail --status --format '%{next}')
expect_contains "$out" "Wind and oil the clockwork" "--status names the same action"

tui_start 80 24 "'$TRAIL_BIN' --content '$guide' --state '$state'"
tui_wait "Next            Wind and oil the clockwork" "Home's Next names the same action"
tui_keys ']'
tui_wait "Career Path › Optics & Clockwork" "] from Home opens that action's phase"
tui_wait "2/5" "and selects that action"
tui_keys ']'
tui_wait "3/5" "] on a checklist goes on to the next action in guide order"

# Enter on "Next" goes where ] went.
tui_keys Escape Escape
tui_wait "Sections" "back on Home"
tui_keys g
tui_wait "1/5" "Next is the first entry of Home"
tui_keys Enter
tui_wait "Career Path › Optics & Clockwork" "Enter on Next opens that action's phase"
tui_wait "2/5" "and selects that action"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
