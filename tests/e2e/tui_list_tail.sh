#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A list that ends in text taller than the screen (the orchard's Career Path: its last phase's
# summary runs past 24 lines) reads like a pager: Down and j on the last entry scroll on to the
# end of that text and stop there, the text's last line on the last row; Up comes back the
# same way; Page Down and Page Up do the same a page at a time.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
guide="$FIXTURE_GUIDES/orchard"
require_input "$guide/career-path.yaml"
tui_setup list_tail
tui_own_dirs
tui_start 80 24 "'$TRAIL_BIN' --content '$guide' --state '$state'"
tui_wait "q Quit" "trail is up"
last="The grove is yours."

tui_keys 2
tui_wait "2  Tend the Grove" "the Career Path lists the two phases"
expect_not_contains "$(tui_screen)" "$last" "the end of the last phase's summary is below the screen"
# Down to the last phase, then on: 40 presses are more than the text is long.
tui_keys j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j
tui_wait "$last" "Down on the last entry reaches the end of the text after it"
# It stops there: the text's last line on the last row above the footer, not beyond.
last_row_has() { tui_screen | sed -n 23p | grep -qF -- "$1"; }
tui_until "the text's last line is on the last row" last_row_has "$last"
tui_keys j j j
tui_keys k
tui_wait_gone "$last" "Up scrolls back one line: Down had stopped at the end"
tui_keys Down
tui_wait "$last" "Down scrolls it back"
# Page Up a page at a time back to the phase's title; Page Down to the end again.
tui_keys PageUp PageUp PageUp
tui_wait "2  Tend the Grove" "Page Up comes back to the last entry"
tui_keys PageDown PageDown PageDown PageDown
tui_wait "$last" "Page Down on the last entry pages on to the end"
# Up from there comes back through the text, then moves to the phase before.
tui_keys k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k
tui_wait "1  Plant the Trees" "Up goes back through the text to the first phase"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
