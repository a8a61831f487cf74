#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The timeline on the Career Path screen, on a fixture guide with a dated plan: at 40, 80 and
# 200 columns (in colour and without) the axis with the plan's years and every month, each
# phase's bar, today's marker, the position by ticks and the sentence saying it, above the
# phases, with the first phase still on an 80x24 screen and no line wider than the screen; on a
# screen too low for both, the phases come first and the timeline below them; without a start
# date, the phases as bars over the plan's numbered months and how to set the start date, and
# no today marker.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
. "$here/lib/sundial.sh"
tui_setup path_timeline
sundial_setup
export LC_ALL=C.UTF-8 # ${#line} counts characters

# open_path COLS ROWS [ENV]: a fresh browser of that size on the Career Path screen.
open_path() {
    tui_new_server "$1x$2${3:-}"
    tui_start "$1" "$2" "env ${3:-} $env '$TRAIL_BIN' --content '$GUIDE'"
    tui_wait "Career Path" "$1x$2 ${3:-in colour}: Home"
    tui_keys 2
    tui_wait "Sundial › Career Path" "$1x$2 ${3:-in colour}: 2 opens the Career Path"
}

no_wider() {
    local over=0 l
    while IFS= read -r l; do
        [ "${#l}" -gt "$1" ] && over=$((over + 1))
    done <<<"$(tui_screen)"
    expect_status 0 "$over" "$2: no line is wider than the screen"
}

for cols in 40 80 200; do
    for nc in "" "NO_COLOR=1"; do
        what="$cols columns ${nc:-in colour}"
        open_path "$cols" 40 "$nc"
        tui_wait "Timeline" "$what: the timeline"
        screen=$(tui_screen)
        axis=$(printf '%s\n' "$screen" | grep '^ *2026-27 ')
        for m in Oct Nov Dec Jan; do
            expect_contains "$axis" " $m" "$what: the axis names $m"
        done
        for row in "Read th" "Build" "Tune It" "today" "you"; do
            expect_contains "$screen" "$row" "$what: the timeline's row $row"
        done
        expect_contains "$screen" "│" "$what: today's marker"
        expect_contains "$screen" "▲" "$what: the position by ticks"
        expect_contains "$(printf '%s' "$screen" | tr -d '\n ')" \
            "Todayis2026-12-07;yourticksarewheretheplanwason2026-10-30:about5weeksbehind." \
            "$what: the position in words"
        tl_at=$(printf '%s\n' "$screen" | grep -n '^ *Timeline' | cut -d: -f1)
        ph_at=$(printf '%s\n' "$screen" | grep -n 'Read the Shadows (Month 1)' | cut -d: -f1)
        expect_ge "${ph_at:-0}" "$((${tl_at:-99} + 1))" "$what: the timeline above the phases"
        no_wider "$cols" "$what"
    done
done

# 80x24: the timeline does not push the phases off the screen.
open_path 80 24
tui_wait "Read the Shadows (Month 1)" "80x24: the first phase shows under the timeline"
expect_contains "$(tui_screen)" "Timeline" "80x24: with the timeline"

# A screen too low for both: the phases first, the timeline below them (End and Down reach it).
open_path 80 16
tui_wait "Read the Shadows (Month 1)" "80x16: the first phase shows"
expect_not_contains "$(tui_screen)" "Timeline" "80x16: the timeline is not above the phases"
tui_keys End Down Down Down Down Down Down Down Down
tui_wait "weeks behind." "80x16: the timeline is below the phases"

# No start date: the plan's months without a calendar, and how to set the start date.
printf 'version: 1\nguides:\n  sundial:\n    items:\n      shadow/noon: done\n' >"$state"
for cols in 40 80; do
    open_path "$cols" 40
    tui_wait "Timeline" "$cols columns, no start date: the timeline"
    screen=$(tui_screen)
    expect_contains "$(printf '%s\n' "$screen" | grep '^ *Month ')" "1" "$cols columns: months by number"
    for row in "Read th" "Build" "Tune It"; do
        expect_contains "$screen" "$row" "$cols columns, no start date: the row $row"
    done
    expect_contains "$(printf '%s' "$screen" | tr -s ' \n' '  ')" "No start date yet: S on Home" \
        "$cols columns: how to set the start date"
    expect_status "" "$(printf '%s\n' "$screen" | grep '^ *today')" \
        "$cols columns: no today marker without a date"
    no_wider "$cols" "$cols columns, no start date"
done
finish
