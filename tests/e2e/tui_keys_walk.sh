#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# No key does nothing in silence. The test walks every screen of the browser (Home, the
# Overview, the career path, a phase, the certifications, a certification, the FAQ, a
# question, What's left, the search results, a search match, Today, the note view and the
# guide picker) and, on each, presses every key of the key table (`trail --list-keys`) that
# does not work there: each one must put "KEY: only WHERE." in the status line. Then the keys
# that do work on a screen but not on what is selected say why: Esc on the first screen, a
# section number Home does not list, a key bound nowhere, u with nothing to undo, o on an action without a link,
# r and D on the guide's own action, E on an item without a note, t nowhere near a
# certification.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE" "$FIXTURE_GUIDES/orchard"
tui_setup keys_walk
tui_own_dirs
tui_prepare note basics/logbook "A note"
tui_prepare --start "$(date -u +%F)"

table=$("$TRAIL_BIN" --list-keys)
expect_ge "$(printf '%s\n' "$table" | wc -l)" 30 "the key table lists its bindings"

# The tmux name of a key as the table labels it.
tmux_key() {
    case $1 in
    Space) echo Space ;; Enter) echo Enter ;; Esc) echo Escape ;; PgUp) echo PPage ;;
    PgDn) echo NPage ;; Shift-Tab) echo BTab ;; Bksp) echo BSpace ;; ^?) echo C-"${1#^}" ;;
    *) echo "$1" ;;
    esac
}

# walk KIND KEYS...: opens a fresh browser, types KEYS to reach the screen of kind KIND, then
# presses every key the table does not bind on KIND and checks its message.
walk() {
    local kind=$1 n=0
    shift
    tui_new_server "$kind"
    tui_start 100 30 "${RUN:-'$TRAIL_BIN' --content '$FIXTURE' --state '$state'}"
    tui_wait "q Quit" "$kind: trail is up"
    for k; do
        case $k in
        wait:*) tui_wait "${k#wait:}" "$kind: reached ${k#wait:}" ;;
        *) tui_keys "$k" ;;
        esac
    done
    local keys action kinds desc label
    while IFS=$'\t' read -r keys action kinds desc; do
        case ",$kinds," in
        *",$kind,"* | ",*,") continue ;;
        ",guide,") [ "$kind" != pick ] && continue ;; # the picker is the one screen outside a guide
        esac
        label=${keys%% *}
        tui_keys "$(tmux_key "$label")"
        if [ "$action" = back ]; then
            tui_wait "$label: this is the first screen" "$kind: $label (back) says why not" || return
        else
            tui_wait "$label: only " "$kind: $label ($action) says where it works" || return
        fi
        n=$((n + 1))
    done <<<"$table"
    expect_ge "$n" 1 "$kind: some keys of the table do not work there"
    tui_keys q
}

walk home "wait:1  Overview"
walk overview 1 "wait:Keeper › Overview"
walk path 2 "wait:Keeper › Career Path"
walk phase 2 Enter "wait:Key Actions"
walk certs 3 "wait:Keeper › Certifications"
walk cert 3 Enter "wait:Keeper › Certifications › "
walk faqs 4 "wait:Keeper › FAQ"
walk faq 4 Enter "wait:Keeper › FAQ › "
walk left w "wait:Keeper › What's left"
# The results with an Overview entry selected: no key action, nothing that takes a note.
walk results / keeper Enter "wait:Keeper › Search" "wait:Overview"
walk match / keeper Enter "wait:Keeper › Search" Enter "wait:Keeper › Intro"
walk today T "wait:Keeper › Today"
walk note 2 Enter j E "wait:Keeper › Note"
RUN="TRAIL_STATE='$state' TRAIL_CONTENT='$FIXTURE_GUIDES' '$TRAIL_BIN'" walk pick "wait:Choose a guide"

# Keys that work on the screen, but not on what is there, say why.
# A progress file of its own (nothing to undo) and a fresh start (no position to resume).
tui_new_server why
tui_start 80 24 "XDG_STATE_HOME='$TUI_DIR/state2' '$TRAIL_BIN' --content '$FIXTURE' --state '$TUI_DIR/why.yaml'"
tui_wait "q Quit" "why: trail is up"
tui_keys Escape
tui_wait "Esc: this is the first screen; q quits." "Esc on Home says there is nothing behind it"
tui_keys 7
tui_wait "7: there is no section 7; Home lists 4." "a section Home does not list says so"
tui_keys z
tui_wait "z: not a key of trail; ? lists the keys." "a key bound nowhere says so"
tui_keys u
tui_wait "Nothing to undo." "u with nothing to undo says so"
tui_keys 2 Enter
tui_wait "Key Actions" "why: a checklist"
tui_keys o
tui_wait "This key action has no link." "o on an action without a link says so"
tui_keys r
tui_wait "Only your own actions can be edited" "r on the guide's action says so"
tui_keys D
tui_wait "Only your own actions can be removed" "D on the guide's action says so"
tui_keys E
tui_wait "E: the selected item has no note; e writes one." "E without a note says so"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
