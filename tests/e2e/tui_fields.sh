#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Pre-filled fields behave as in any form: the first key typed replaces the whole value, the
# arrows then edit it where the cursor is, and an error never takes the field's room. The
# start date prompt (S) and the certification tracker's date fields (t), at 80x24 and 40x12:
# the value shown is replaced, Left and Backspace edit it, and a refused date is said on the
# row above the prompt while the prompt keeps its label and the whole value typed.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
tui_setup fields
tui_own_dirs

start() { # COLS ROWS
    tui_new_server "$1x$2"
    tui_start "$1" "$2" "'$TRAIL_BIN' --content '$FIXTURE' --state '$TUI_DIR/$1x$2.yaml'"
    tui_wait "q Quit" "trail is up at $1x$2"
}

for size in "80 24" "40 12"; do
    set -- $size
    start "$1" "$2"
    # The start date: set, then replaced by typing, then edited with the arrows.
    tui_keys S
    tui_wait "Started on" "$1x$2: S asks for the start date"
    tui_keys -l "2026-01-05"
    tui_keys Enter
    tui_wait "Started on 2026-01-05." "$1x$2: the start date is set"
    tui_keys S
    tui_wait "2026-01-05" "$1x$2: the prompt shows the date set"
    tui_keys -l "2026-02-01"
    tui_wait "2026-02-01" "$1x$2: the typed date shows"
    expect_not_contains "$(tui_screen | tail -n 1)" "2026-01-052026" "$1x$2: typing replaced the date"
    tui_keys Left BSpace
    tui_keys -l "2"
    tui_wait "2026-02-21" "$1x$2: Left and Backspace edit where the cursor is"
    # A refused date: the message on the row above, the prompt whole.
    tui_keys Home
    tui_keys -l "x"
    tui_keys Enter
    tui_wait "a date is like" "$1x$2: a refused date says why"
    prompt=$(tui_screen | tail -n 1)
    expect_contains "$prompt" "x2026-02-21" "$1x$2: the error leaves the whole value in view"
    expect_contains "$prompt" "Started on" "$1x$2: and the label's start"
    expect_not_contains "$prompt" "a date is like" "$1x$2: the error is not on the prompt's row"
    tui_keys Home Delete Enter
    tui_wait "Started on 2026-02-21." "$1x$2: the edited date is set"
    tui_keys q
    tui_wait "[exit 0]" "$1x$2: q quits"
done

# The tracker's date fields.
start 80 24
tui_keys 3
tui_wait "Maritime Radio Operator" "the certifications are open"
tui_keys j t
tui_wait "Track: Maritime" "t opens the tracker"
tui_keys Right Down
tui_keys -l "2027-02-28"
tui_keys Enter
tui_wait "exam on 2027-02-28" "the exam date is saved"
tui_keys t
tui_wait "[2027-02-28" "the form shows the date saved"
tui_keys Down
tui_keys -l "2027-03-15"
tui_wait "[2027-03-15" "typing replaced the date shown"
expect_not_contains "$(tui_screen)" "2027-02-282027" "not appended to it"
tui_keys Left BSpace
tui_keys -l "7"
tui_wait "[2027-03-75" "Left and Backspace edit where the cursor is"
tui_keys Enter
tui_wait "not a real date" "a refused date says why"
expect_contains "$(tui_screen)" "[2027-03-75" "the field keeps its whole value"
tui_keys BSpace # the cursor stayed after the 7
tui_keys -l "1"
tui_keys Enter
tui_wait "exam on 2027-03-15" "the edited date is saved"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
