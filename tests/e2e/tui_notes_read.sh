#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Notes are readable in full inside trail, and look the same wherever a noted item is listed.
# On the fixture guide with notes set from the shell (one long, with escape sequences and more
# lines than the screen): every list that shows a noted item (a phase's checklist, What's left,
# the search results, the career path, the certifications, Today) has the same one-line
# preview under it, "✎" and the note's first words, cut with an ellipsis; E there, and on the
# item's own screen, opens the note view with the whole note, which scrolls to its last line;
# the escape sequences are shown as harmless pictures and never reach the terminal (its title
# stays); Esc returns to the same selection; E on an item without a note says so; on a
# checklist whose selected action has no note, E reads the phase's; e in the view edits the
# note shown, and the view and the preview follow. Today, with its one action, opens at its
# top, and cuts the action's text with an ellipsis.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
tui_setup notes_read
export TMPDIR="$TUI_DIR/tmp"
export XDG_STATE_HOME="$TUI_DIR/state"
mkdir -p "$TMPDIR"
guide="$FIXTURE"

trail_cli() {
    LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$guide" --state "$state" "$@" >/dev/null 2>&1
}

long=$(
    printf 'Use the blue pen for ships and the black one for weather; the keeper before me '
    printf 'wrote in pencil and half of it has faded. \033]0;pwned\007\033[31mred?\n'
    for i in $(seq -w 1 30); do printf 'row %s of the list\n' "$i"; done
    printf 'THE END'
)
printf '%s' "$long" | trail_cli note basics/logbook - || fail "trail note (long) failed"
trail_cli note optics "Polish on dry days only, with the chamois kept in the drawer under the lamp room stairs." ||
    fail "trail note (phase) failed"
trail_cli note marine-radio "Exam booked through the coastguard office: bring two photos and the signed logbook pages." ||
    fail "trail note (cert) failed"
trail_cli --start "$(date -u +%F)" || fail "trail --start failed"
trail_cli done basics/trim-wicks || fail "trail done failed" # the logbook is next on Today
preview="✎ Use the blue pen for ships"

ed="$TUI_DIR/editor.sh"
printf '#!/bin/sh\nprintf "Rewritten in the view.\\n" >"$1"\n' >"$ed"
chmod +x "$ed"
tui_new_server main
tui_start 80 24 "EDITOR='$ed' VISUAL= '$TRAIL_BIN' --content '$guide' --state '$state'"
tui_wait "q Quit" "trail is up"
title=$(tmx display -p '#{pane_title}')

# preview_line: the preview line of the screen shown, from its marker on.
preview_line() {
    tui_screen | grep -F -- "$preview" | head -n 1 | sed 's/^ *//'
}

# A phase's checklist: the preview under the action, one line, cut.
tui_keys 2 Enter
tui_wait "Key Actions" "the first phase's checklist is open"
screen=$(tui_screen)
line=$(printf '%s\n' "$screen" | grep -n "Keep the logbook in ink" | cut -d: -f1)
pline=$(printf '%s\n' "$screen" | grep -nF -- "$preview" | cut -d: -f1)
expect_status "$((line + 1))" "${pline:-0}" "the preview is on the line under the action"
checklist=$(preview_line)
case "$checklist" in
*"…") pass "a note longer than its preview ends in an ellipsis" ;;
*) fail "the preview is not cut: $checklist" ;;
esac
expect_not_contains "$screen" "row 01" "the preview is one line"
expect_not_contains "$screen" "and half of it" "the rest of the first line is not shown"

# E on it: the whole note, sanitised, scrolling to its end.
tui_keys Home j E
tui_wait "Keeper › Note" "E opens the note view"
screen=$(tui_screen)
expect_contains "$screen" "Keep the logbook in ink" "the view names the item"
expect_contains "$screen" "and half of it has faded" "the view shows the whole first paragraph"
expect_contains "$screen" "␛]0;pwned␇␛[31mred?" "escape sequences show as pictures"
expect_not_contains "$screen" "THE END" "a note taller than the screen is not all on it"
tui_keys G
tui_wait "THE END" "the view scrolls to the note's last line"
expect_status "$title" "$(tmx display -p '#{pane_title}')" "the note never set the terminal's title"
tui_keys Escape
tui_wait "Key Actions" "Esc goes back to the checklist"
expect_contains "$(tui_header)" "2/5" "with the noted action still selected"

# E on an action without a note says so; on the second phase it reads the phase's note.
tui_keys j E
tui_wait "has no note; e writes one." "E on an action without a note says so"
tui_keys Escape
tui_wait "Keeper › Career Path" "the career path is open"
tui_keys j
tui_wait "✎ Polish on dry days only" "the career path shows the phase's preview"
tui_keys Enter
tui_wait "Wind and oil the clockwork" "the second phase is open"
expect_contains "$(tui_screen)" "✎ Polish on dry days only" "the phase shows its own preview"
tui_keys E
tui_wait "The phase's note" "E on an action without a note reads the phase's"
tui_wait "Keeper › Note" "the note view shows the phase's note"
tui_wait_flat "under the lamp room stairs." "all of the phase's note"
tui_keys Escape Escape
tui_keys E
tui_wait "Keeper › Note" "E on the career path opens the selected phase's note"
tui_wait_flat "under the lamp room stairs." "the phase's whole note"
tui_keys Escape

# What's left: the same preview; E opens the same note.
tui_keys w
tui_wait "key actions to do" "What's left is open"
expect_status "$checklist" "$(preview_line)" "What's left shows the same preview as the checklist"
tui_keys E
tui_wait "Keeper › Note" "E in What's left opens the note"
tui_keys G
tui_wait "THE END" "all of it"
tui_keys Escape Escape

# Search results: a result whose note does not match still shows its preview; one whose note
# matches shows it in the same place, the same way.
tui_keys / "visibility" Enter
tui_wait "1 match" "the search finds the action by its text"
expect_status "$checklist" "$(preview_line)" "the result shows the same preview"
tui_keys E
tui_wait "Keeper › Note" "E on a search result opens its note"
tui_keys Escape Escape
tui_keys / "blue pen" Enter
tui_wait "1 match" "the search finds the note"
expect_contains "$(tui_screen)" "$preview" "a matching note is shown as its preview is"
tui_keys Escape

# The certifications, and a certification itself.
tui_keys 3
tui_wait "Maritime Radio Operator" "the certifications are open"
expect_contains "$(tui_screen)" "✎ Exam booked through the coastguard" "the list shows the preview"
tui_keys j E
tui_wait "Keeper › Note" "E on the certifications opens the selected one's note"
tui_wait_flat "the signed logbook pages." "all of it"
tui_keys Escape Enter
tui_wait "Keeper › Certifications › Maritime" "the certification is open"
expect_contains "$(tui_screen)" "✎ Exam booked through the coastguard" "it shows its preview"
tui_keys E
tui_wait_flat "the signed logbook pages." "E on the certification itself opens its note"
tui_keys Escape Escape j E
tui_wait "has no note; e writes one." "E on a certification without a note says so"

# Today lists the noted action with the same preview.
tui_keys T
tui_wait "Keeper › Today" "Today is open"
tui_wait "$preview" "Today shows the preview"
screen=$(tui_screen)
expect_contains "$screen" "Today · " "Today opens at its top, its title in view"
expect_contains "$screen" "visibility and every…" "an action too long for its line ends in an ellipsis, at a word"
expect_contains "$screen" "every… (due 20" "so does Next, keeping its date"
today=$(preview_line)
case "$checklist" in
"${today% …}"*) pass "Today's preview is the checklist's, cut to its narrower column" ;;
*) fail "Today's preview differs: '$today' against '$checklist'" ;;
esac

# e in the view edits the note it shows; the view and the preview follow.
tui_keys w
tui_wait "key actions to do" "What's left again"
tui_keys E
tui_wait "Keeper › Note" "the note view again"
tui_keys e
tui_wait "Note saved." "e in the view edits the note shown"
tui_wait "Rewritten in the view." "the view shows the new note"
tui_keys Escape
tui_wait "✎ Rewritten in the view." "the preview follows"
tui_keys q
tui_wait "[exit 0]" "q quits"
grep -q "Rewritten in the view." "$state" && pass "the new note is saved" ||
    fail "the new note is not in the file"
finish
