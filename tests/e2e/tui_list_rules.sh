#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Two rules that hold on every list and every screen showing a match. Space, x, p and s tick
# the listed key action in What's left and in the search results as on its checklist (done,
# in progress, skipped, and the same key again puts it back to do), saved to the file. n and N
# move on every screen that shows a search's matches: the results list, an Overview entry
# opened from it, a question opened from it, the filtered FAQ list and a question opened from
# that list (a phase and a certification are in tui_search_next).
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
tui_setup list_rules
tui_own_dirs
tui_start 80 24 "'$TRAIL_BIN' --content '$FIXTURE' --state '$state'"
tui_wait "q Quit" "trail is up"

progress() {
    "$TRAIL_BIN" --content "$FIXTURE" --state "$state" --progress 2>/dev/null
}

# saved TEXT WHAT: polls --progress until it shows TEXT (the batch's save is written after the
# screen shows the change).
saved() {
    local deadline=$((SECONDS + TUI_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        progress | grep -qF -- "$1" && { pass "$2"; return 0; }
        sleep 0.05
    done
    fail "$2: --progress says: $(progress)"
}

# What's left: each marking key on the first action listed.
tui_keys w
tui_wait "20 key actions to do or in progress" "What's left lists every action"
tui_keys Space
tui_wait "19 key actions to do or in progress" "Space ticks the selected action done"
tui_keys u
tui_wait "20 key actions to do or in progress" "u puts it back"
tui_keys p
tui_wait "[~] Trim the wicks" "p marks it in progress, still listed"
tui_keys p
tui_wait "[ ] Trim the wicks" "p again puts it back to do"
tui_keys s
tui_wait "19 key actions to do or in progress" "s skips it"
tui_keys Escape
tui_wait_gone "What's left" "back"
saved "skipped 1" "the skip is saved"

# The search results: the key action found, each key, and again to put it back.
tui_keys / "foghorn" Enter
tui_wait "1 match" "the search finds one key action"
tui_keys Space
tui_wait_flat '"Sound the foghorn every thirty seconds through a night of fog" is done.' \
    "Space ticks the result done"
tui_keys x
tui_wait_flat "is to do." "x again puts it back to do"
tui_keys p
tui_wait_flat "is in progress." "p marks it in progress"
tui_keys s
tui_wait_flat "is skipped." "s skips it"
tui_keys s
tui_wait_flat "is to do." "s again puts it back"
tui_keys p
tui_wait_flat "is in progress." "p once more"
tui_keys Escape
tui_wait_gone "Keeper › Search" "back from the results"
saved "in progress 1" "the mark made in the results is saved"

# n and N on the results list, on an Overview entry and on a question opened from it.
tui_keys / logbook Enter
tui_wait "1/10" "ten results for logbook"
tui_keys n
tui_wait "2/10" "n on the results selects the next"
tui_keys N
tui_wait "1/10" "N the previous"
tui_keys Enter
tui_wait "Keeper › Overview" "the first result is an Overview entry"
tui_keys n
tui_wait_gone "Keeper › Overview" "n on an Overview entry goes to the next match"
tui_keys N
tui_wait "Keeper › Overview" "N comes back"
tui_keys Escape G Enter
tui_wait "Keeper › FAQ ›" "the last result is a question"
last=$(tui_header)
tui_keys N
tui_wait_gone "$last" "N on a question opened from the results goes to the previous match"
tui_keys Escape Escape 4
tui_wait "Keeper › FAQ" "the FAQ"

# The filtered FAQ list, and a question opened from it.
tui_keys / && tui_keys -l keepers
tui_wait "of 7" "the filter matches several questions"
tui_keys Enter
tui_wait "1/" "the filter is kept"
tui_keys n
tui_wait "2/" "n on the filtered list selects the next question"
tui_keys N Enter
tui_wait "Keeper › FAQ › " "a question is open"
first=$(tui_header)
for _ in 1 2 3 4 5 6; do
    tui_keys n
    [ "$(tui_header)" != "$first" ] && break
done
tui_wait_gone "$first" "n on the question reaches the next filtered question"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
