#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Rules that hold on every screen: a key that does not apply says where it works instead of
# doing nothing, and the marking keys work wherever a key action is listed (What's left); a
# breadcrumb too long for the row is shortened with an ellipsis, apart from the position; the
# call to action is drawn as text, not as a link that does nothing; the footer keeps "? Help" and "q Quit" however narrow the terminal; the help
# lists every key of a binding (q and Q) with its whole description; a pre-filled field (the
# start date, a tracked date) is replaced by what is typed, not appended to. Each of these
# messages names only the items that take what the key does (notes; evidence).
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup rules
guide="$FIXTURE"

# start COLS ROWS: a fresh server running trail on the fixture guide with a progress file of
# its own, Home showing.
start() {
    tui_new_server "$1x$2"
    tui_start "$1" "$2" "'$TRAIL_BIN' --content '$guide' --state '$TUI_DIR/$1x$2.yaml'"
    tui_wait "q Quit" "trail is up at $1x$2"
}

# says KEY TEXT WHAT: KEY on the screen shown puts TEXT in the status line.
says() {
    tui_keys "$1"
    tui_wait "$2" "$3"
}

start 80 24
says x "x: only on a key action." "x on Home says where it works"
tui_keys 1
tui_wait "Overview" "the overview is open"
says Enter "Enter: only on a list." "Enter on a text screen says so"
tui_keys 2 Enter
tui_wait "1/5" "a checklist is open"
says t "t: only on a certification." "t on a checklist says where it works"
says n "n: only where a search shows matches." "n without a search says so"
tui_keys 3
tui_wait "Coastal Light Keeper" "the certifications are open"
says x "x: only on a key action." "x on the certifications says so"
says S "S: only on Home." "S away from Home says so"
# A question takes no note (notes are on the learner's path: key actions, phases and
# certifications, as trail note and --list-ids have them): e and E say which items do.
tui_keys 4
tui_wait "Do I need a captain's licence" "the FAQ is open"
says e "e: only on a key action, phase or certification." "e on a question says which items take notes"
tui_keys Enter
tui_wait "No, a licence is not required" "a question is open"
says E "E: only on a key action, phase or certification." "E on an open question says so too"
# Evidence is for key actions and certifications only (as --attach takes it), not phases.
says v "v: only on a key action or certification." "v on a question says which items take evidence"
tui_keys 2
tui_wait "Lamp & Tower Basics" "the phases are listed"
says v "v: only on a key action or certification." "v on a phase says phases take none"
tui_keys 3
tui_wait "Coastal Light Keeper" "back to the certifications"

# The help: every key of a binding, every description whole.
tui_keys '?'
tui_wait "Keys: Certifications" "the help is up"
help=$(tui_screen)
expect_contains "$help" "q Q ^C" "the help lists q, Q and Ctrl-C"
expect_contains "$help" "Search: filter the FAQ list, elsewhere the whole guide" \
    "the help shows the whole description at 80 columns"
tui_keys q
tui_wait_gone "Keys:" "any key closes the help"

# A pre-filled date is replaced by typing.
tui_keys Home Escape S
tui_wait "Started on (YYYY-MM-DD" "S asks for the start date"
tui_keys -l "2026-01-05"
tui_keys Enter
tui_wait "Started on 2026-01-05." "the start date is set"
tui_keys S
tui_wait "2026-01-05" "the prompt shows the date set"
tui_keys -l "2026-02-01"
tui_keys Enter
tui_wait "Started on 2026-02-01." "typing replaced the date shown, not appended to it"

# What's left ticks the listed action directly, as its checklist would.
tui_keys w
tui_wait "20 key actions to do" "What's left lists every action"
tui_keys x
tui_wait "19 key actions to do" "x in What's left ticks the selected action"
tui_keys u
tui_wait "20 key actions to do" "u puts it back"

# A breadcrumb too long for the row: the crumbs before the current one give way to an
# ellipsis, and two blanks keep it from the position.
tui_keys 4 Enter
tui_wait "Do I need a captain" "a question is open"
header=$(tui_header)
expect_contains "$header" "Keeper › … › Do I need a captain's licence" "the middle crumb gives way"
case "$header" in
*"Keeper?  All"*) pass "two blanks before the position" ;;
*) fail "the breadcrumb runs into the position: $header" ;;
esac

tui_keys q
tui_wait "[exit 0]" "q quits"

# The call to action closes Home as text: it opens nothing, so it does not look like a link.
start 80 60
cta=$(tui_screen | grep -F "Light the Lamp")
expect_contains "$cta" "Light the Lamp" "Home ends with the call to action"
expect_not_contains "$cta" "»" "the call to action has no link arrow"
tui_keys q
tui_wait "[exit 0]" "q quits at 80x60"

# The way out and to help always show in the footer, on Home and on a checklist.
for size in "40 12" "60 16"; do
    set -- $size
    start "$1" "$2"
    expect_contains "$(tui_screen | tail -n 1)" "? Help  q Quit" "Home's footer at $1x$2"
    tui_keys 2 Enter
    tui_wait "Spc" "a checklist at $1x$2"
    expect_contains "$(tui_screen | tail -n 1)" "? Help  q Quit" "a checklist's footer at $1x$2"
    tui_keys q
    tui_wait "[exit 0]" "q quits at $1x$2"
done
finish
