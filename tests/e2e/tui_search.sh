# SPDX-License-Identifier: MIT
# Search in the browser at 80x24 on the lighthouse fixture guide. In the FAQ, / narrows the
# list as each character is typed ("/licence" leaves exactly the licence question, "1 of 7";
# "/argand" the lamps one), Backspace and Ctrl-U edit, Esc restores the list and selection,
# Enter keeps the filter, Esc on the filtered list clears it, a query with no match says so and
# keeps the prompt open, n wraps with a note. Elsewhere / searches the whole guide: "foghorn"
# lists the key action,
# Enter opens its phase with that action selected, Back returns to the results.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup search
guide="$FIXTURE"
require_input "$guide"
tui_start 80 24 "TRAIL_STATE='$state' '$TRAIL_BIN' --content '$guide'"
tui_wait "1  Overview" "home is up"
expect_contains "$(tui_screen | tail -n 1)" "/ Search" "the footer shows the search key"

questions=("Do I need a captain's licence" "main difference between a Harbour Master"
    "Are keeper posts scarce" "self-study and volunteering" "knowledge of lamps (Argand/Fresnel)"
    "hardest parts" "Which coasts hire")

# The FAQ list narrows as the query is typed.
tui_keys 4
tui_wait "Frequently Asked Questions" "4 opens the FAQ"
tui_keys j j
tui_wait "3/7" "the third question is selected"
tui_keys /
tui_wait "7 of 7" "/ opens the prompt; the empty query shows every question"
tui_keys -l licence
tui_wait "1 of 7" "/licence leaves one question of seven"
screen=$(tui_screen)
expect_contains "$screen" "1  Do I need a captain's licence to become a Lighthouse Keeper?" \
    "the licence question stays, with its number"
for q in "${questions[@]:1}"; do
    expect_not_contains "$screen" "$q" "no other question: $q"
done
expect_contains "$(tui_screen | tail -n 1)" "/licence" "the prompt shows the query"
if tui_screen -e | grep -q $'\e\\[[0-9;]*mlicence\e\\['; then
    pass "the match is drawn in its own attributes"
else
    fail "licence is not highlighted: $(tui_screen -e | grep -F licence | cat -v)"
fi

# Ctrl-U clears and Backspace edits; /argand finds the lamps question.
tui_keys C-u
tui_wait "7 of 7" "Ctrl-U clears the query: every question again"
tui_keys -l argandx
tui_wait "No match for \"argandx\"" "/argandx matches nothing"
tui_keys BSpace
tui_wait "1 of 7" "Backspace deletes a character: /argand leaves one question"
screen=$(tui_screen)
expect_contains "$screen" "How important is knowledge of lamps (Argand/Fresnel) for this role?" \
    "/argand finds the lamps question"
expect_not_contains "$screen" "Do I need a captain" "the licence question is filtered out"

# Esc cancels: the full list, and the selection as it was.
tui_keys Escape
tui_wait "3/7" "Esc restores the selection"
screen=$(tui_screen)
for q in "${questions[@]}"; do
    expect_contains "$screen" "$q" "Esc restores the full list: $q"
done
expect_not_contains "$screen" "of 7" "no count once the search is cancelled"
expect_contains "$(tui_screen | tail -n 1)" "Enter Open" "the footer is back"

# Enter keeps the filter; the answer shows the match; Esc clears the filter, then goes back.
tui_keys / && tui_keys -l licence
tui_wait "1 of 7" "the filter again"
tui_keys Enter
tui_wait "Enter Open" "Enter moves to the list"
expect_contains "$(tui_screen)" "1 of 7 question matches \"licence\"" "the filter is kept"
tui_keys Enter
tui_wait "No, a licence is not required" "Enter opens the filtered question's answer"
esc=$'\e'
if tui_screen -e | grep -qE "$esc\[[0-9;]*mlicence($esc\[[0-9;]*m)+ is not required"; then
    pass "the answer highlights the match"
else
    fail "the answer does not highlight licence: $(tui_screen -e | grep -F 'not required' | cat -v)"
fi
tui_keys Escape
tui_wait "1/1" "Back returns to the filtered list"
tui_keys Escape
tui_wait "Filter cleared" "Esc on the filtered list clears the filter"
tui_wait "1/7" "the selected question stays selected in the full list"
expect_contains "$(tui_header)" "Keeper › FAQ" "still in the FAQ"

# A query with no match says so and keeps the prompt open, even on Enter.
tui_keys / && tui_keys -l xyzzy
tui_wait "No match for \"xyzzy\"" "the list says nothing matched"
expect_contains "$(tui_screen | tail -n 1)" "No match" "the prompt says nothing matched"
tui_keys Enter
tui_wait "/xyzzy" "Enter keeps the prompt open when nothing matched"
expect_contains "$(tui_screen | tail -n 1)" "No match" "and still says so"
tui_keys Escape
tui_wait "1/7" "Esc leaves the prompt"

# n moves to the next match and wraps with a note.
tui_keys / && tui_keys -l keepers
# the whole query, not a count of its first letters
tui_wait 'of 7 questions match "keepers"' "a query matching several questions"
count=$(tui_screen | grep -o '[0-9] of 7' | head -n 1 | cut -c1)
tui_keys Enter
tui_wait "Enter Open" "the filter is kept"
tui_keys G
tui_wait "$count/$count" "G selects the last match"
tui_keys n
tui_wait "search wrapped" "n past the last match wraps, with a note"
tui_wait "1/$count" "n wrapped to the first match"
tui_keys N
tui_wait "$count/$count" "N wraps back to the last"
tui_keys Escape
tui_wait "Filter cleared" "the filter is cleared"

# Everywhere else / searches the whole guide.
tui_keys 2
tui_wait "Lamp & Tower Basics (Months 1-3)" "2 opens the career path"
tui_keys /
tui_wait "Search" "/ opens the results screen"
tui_keys -l foghorn
tui_wait "Sound the foghorn every thirty seconds through a night of fog" \
    "foghorn lists the key action"
screen=$(tui_screen)
expect_contains "$screen" "Key actions" "results are grouped by section"
expect_contains "$screen" "in Night Watch & Storms" "the key action shows its phase"
expect_contains "$(tui_screen | tail -n 1)" "1 match" "the prompt counts the matches"
tui_keys Enter
tui_wait "Enter Open" "Enter moves to the results"
tui_keys Enter
tui_wait "Keeper › Career Path › Night Watch & Storms" \
    "Enter opens the key action's phase; the breadcrumb says where it lives, not how it was reached"
tui_wait "1/5" "with that action selected"
tui_keys Escape
# The phase shows the action too: wait for the results' own breadcrumb.
tui_wait "Keeper › Search " "Back returns to the results, whose breadcrumb is the search"
expect_contains "$(tui_screen)" "Sound the foghorn" "the results list the action"

# / on the results edits the query; an action further down is selected when opened.
tui_keys /
tui_wait "/foghorn" "/ on the results reopens the query"
tui_keys C-u && tui_keys -l paraffin
tui_wait "Keep the paraffin store full and log every delivery" "paraffin finds its action"
tui_keys Enter Enter
tui_wait "Keeper › Career Path › Night Watch & Storms" "Enter opens its phase"
tui_wait "4/5" "the fourth action is selected"
tui_keys Escape
tui_wait "Keep the paraffin store full" "Back returns to the results"

# No match in the whole guide says so; Esc puts the last results back.
tui_keys / && tui_keys C-u && tui_keys -l qwertyuiop
tui_wait "No match for \"qwertyuiop\"" "a whole-guide query with no match says so"
tui_keys Enter
tui_wait "/qwertyuiop" "Enter keeps the prompt open"
tui_keys Escape
tui_wait "Keep the paraffin store full" "Esc restores the previous results"
tui_keys Escape
tui_wait "Lamp & Tower Basics (Months 1-3)" "Back leaves the results for the career path"

tui_keys q
tui_wait "[exit 0]" "q quits with status 0"
finish
