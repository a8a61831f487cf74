#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# n / N after a search, as in less: a phase or a certification opened from the results shows
# the matches highlighted, and n goes to the next match: inside the screen, then the next
# result, opened at its match (the results' selection follows, so Back returns to it); N goes
# back the same way. Each result is one stop: a phase opened from its own result steps
# through the phase's matches, its key actions being results of their own. Space/x/p/s tick
# a key action in the results.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup search-next
tui_start 80 24 "'$TRAIL_BIN' --content '$FIXTURE' --state '$TUI_DIR/progress.yaml'"
tui_wait "q Quit" "trail is up"

# "logbook": 2 overview entries, the phases Lamp & Tower Basics and Handover & Shore Posts,
# a key action in each, a certification, three questions.
tui_keys / logbook Enter
tui_wait "1/10" "the search has ten results"
tui_keys j j j
tui_wait "4/10" "the fourth result: the phase Handover & Shore Posts"
tui_keys Enter
tui_wait "Career Path › Handover & Shore Posts" "Enter opens the phase"
if tui_screen -e | grep -q $'\e\[[0-9;]*mlogbook'; then
    pass "the phase shows the match highlighted"
else
    fail "no highlighted match on the phase: $(tui_screen -e | grep logbook | cat -v)"
fi
tui_keys n
tui_wait "Career Path › Lamp & Tower Basics" "n opens the next result: the key action in the first phase"
tui_wait "2/5" "with that key action selected"
expect_not_contains "$(tui_screen)" "only where" "n is not refused on a phase opened from a search"
tui_keys n
tui_wait "Career Path › Handover & Shore Posts" "n: the key action of the last phase"
tui_wait "1/5" "selected"
tui_keys n
tui_wait "Certifications › Coastal Light Keeper" "n: the certification"
if tui_screen -e | grep -q $'\e\[[0-9;]*mlogbook'; then
    pass "the certification shows the match highlighted"
else
    fail "no highlighted match on the certification"
fi
tui_keys N
tui_wait "Career Path › Handover & Shore Posts" "N goes back to the previous result"
tui_keys Escape
tui_wait "6/10" "Back: the results, with the last result shown selected"

# The marking keys tick a key action listed in the results, and say where they work elsewhere.
tui_keys x
tui_wait '"Bind a year of logbooks with an index of every storm" is done.' \
    "x on a key action in the results ticks it"
tui_keys g x
tui_wait "x: only on a key action." "x on another result says where it works"
tui_keys q
tui_wait "[exit 0]" "q quits"
out=$("$TRAIL_BIN" --content "$FIXTURE" --state "$TUI_DIR/progress.yaml" --progress)
expect_contains "$out" "done 1" "the tick is saved"
finish
