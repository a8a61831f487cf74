#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The way out and the way to help always show: at 40x12, the narrowest size the browser draws,
# the footer of every screen (Home, the Overview, the career path, a phase, the
# certifications, a certification, the FAQ, a question, What's left, the search results, a
# search match, Today, the note view and the guide picker) ends with "? Help  q Quit".
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE" "$FIXTURE_GUIDES/orchard"
tui_setup footer
tui_own_dirs
tui_prepare note basics/logbook "A note"

# footer NAME WAIT KEYS...: a fresh browser at 40x12, KEYS typed, WAIT awaited in the header.
footer() {
    local name=$1 want=$2
    shift 2
    tui_new_server "$name"
    tui_start 40 12 "${RUN:-'$TRAIL_BIN' --content '$FIXTURE' --state '$state'}"
    tui_wait "q Quit" "$name: trail is up at 40x12"
    [ $# -gt 0 ] && tui_keys "$@"
    tui_wait "$want" "$name: the screen is shown"
    tui_wait_gone "Loading" "$name: nothing is loading"
    tui_footer_ok "$name"
    tui_keys q
}

footer home "Keeper"
footer overview "› Overview" 1
footer path "› Career Path" 2
footer phase "Key Actions" 2 Enter
footer certs "› Certifications" 3
footer cert "Northern Lighthouse" 3 Enter
footer faqs "› FAQ" 4
footer faq "› FAQ ›" 4 Enter
footer left "What's left" w
footer results "› Search" / keeper Enter
footer match "› Intro" / keeper Enter Enter
footer today "› Today" T
footer note "› Note" 2 Enter j E
RUN="TRAIL_STATE='$state' TRAIL_CONTENT='$FIXTURE_GUIDES' '$TRAIL_BIN'" footer pick "Choose a guide"
finish
