#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Today (T) and logging time (L) in the browser, on a fixture guide with a dated plan: Home's
# Today line points at it (wrapped at a word when wide); Today lists the overdue actions first, the time logged this
# week, the forecast, the timeline and the streak; L logs time on the selected action through
# a prompt (a bad duration is refused in the prompt, nothing written), u takes it back; the
# timeline is drawn whole at 40, 80 and 200 columns, and without colour; Home and Today count
# the same plan, with the progress file's hours per week, else the configuration's.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
. "$here/lib/sundial.sh"
tui_setup today
sundial_setup
run="env $env '$TRAIL_BIN' --content '$GUIDE'"
export LC_ALL=C.UTF-8 # ${#line} counts characters

tui_start 80 40 "$run"
tui_wait "Today           2 overdue" "Home points at Today with what is overdue"
expect_contains "$(tui_screen)" "T opens it" "and names its key"
tui_keys T
tui_wait "Overdue (2)" "T opens Today with the overdue actions"
screen=$(tui_screen)
expect_contains "$screen" "2026-11-19 Measure the shadow" "an overdue action with its date"
expect_contains "$screen" "This week: 0m logged of 5h" "the week's time against the target"
expect_contains "$screen" "Timeline" "the timeline"
expect_contains "$screen" "Streak:" "the streak"
expect_contains "$screen" "Next: Measure the shadow" "one obvious next step"

# L on the selected action: a bad duration stays in the prompt, a good one is logged.
tui_keys Down L
tui_wait "Time spent" "L asks for the time spent"
tui_keys 5x Enter
tui_wait "not a duration" "a bad duration is refused in the prompt"
expect_not_contains "$(cat "$state")" " log " "nothing is logged"
tui_keys C-u 1h30m Enter
tui_wait "Logged 1h30m on" "the time is logged"
tui_wait_in_file "$state" "log 1h30m shadow/latitude" "the log is saved as a journal line"
tui_wait "This week: 1h30m logged of 5h" "the week's time counts it"
# Home's Today line, of several colours, is now wider than 80 columns: it wraps at a word and
# goes on under its value, never cut inside a word ("T ope").
tui_keys Escape
tui_wait "Today           2 overdue" "back on Home"
today=$(tui_screen | awk '/^ Today  /{on=1; print; next} on && /^                 [^ ]/{print; next} {on=0}')
# (A separator at the break goes with it: the words are compared without the separators.)
joined=$(printf '%s\n' "$today" | sed 's/·//g' | tr -s ' \n' '  ' | sed 's/ $//')
case $joined in
" Today 2 overdue 0 due this week 1h30m logged this week T opens it")
    pass "80 columns: Home's Today line keeps every word whole" ;;
*) fail "80 columns: Home's Today line is cut: '$joined'" ;;
esac
expect_ge "$(printf '%s\n' "$today" | wc -l)" 2 "80 columns: the line wraps rather than cuts"
tui_keys T
tui_wait "Overdue (2)" "Today again"
tui_keys u
tui_wait "no longer counts" "u takes the log back"
tui_wait_in_file "$state" " unlog " "the undo is saved as an unlog line"
tui_wait "This week: 0m logged of 5h" "the week's time no longer counts it"
tui_keys q
tui_wait "[exit 0]" "q quits"

# The timeline at 40, 80 and 200 columns, in colour and without: every phase's bar (a label cut
# with an ellipsis), the today marker and the position by ticks, and a sentence saying it in
# words.
for cols in 40 80 200; do
    for nc in "" "NO_COLOR=1"; do
        tui_new_server "w$cols$nc"
        tui_start "$cols" 60 "env $nc $env '$TRAIL_BIN' --content '$GUIDE'"
        tui_wait "Today" "$cols columns ${nc:-in colour}: Home"
        tui_keys T
        tui_wait "Timeline" "$cols columns ${nc:-in colour}: Today"
        screen=$(tui_screen)
        # "Read the Shadows", cut at a word's end where narrow ("Read…", not "Read th…").
        for row in "Read" "Build" "Tune It" "today" "you"; do
            expect_contains "$screen" "$row" "$cols columns: the timeline's row $row"
        done
        expect_contains "$(printf '%s' "$screen" | tr -d '\n ')" "yourticksarewheretheplanwason" \
            "$cols columns: the position in words"
        over=0
        while IFS= read -r l; do
            [ "${#l}" -gt "$cols" ] && over=$((over + 1))
        done <<<"$screen"
        expect_status 0 "$over" "$cols columns: no line is wider than the screen"
        tui_keys q
    done
done

# Home and Today count one plan: the configuration's hours per week (20) spread the effort, so
# the dial plate (10 hours) is due this week on both; the progress file's hours (5) win over
# them, on both.
echo "hours_per_week = 20" >"$XDG_CONFIG_HOME/trail/config"
tui_new_server hours
tui_start 80 40 "$run"
tui_wait "2 overdue · 1 due this week" "Home counts what the configuration's hours make due"
tui_keys T
tui_wait "This week" "Today lists this week's actions"
expect_contains "$(tui_screen)" "Cut the dial plate" "the one Home counts"
tui_keys q
sundial_started "$state"
printf '    hours_per_week: {hours: 5, changed: 2026-12-01T00:00:00.000Z}\n' >>"$state"
tui_new_server hours5
tui_start 80 40 "$run"
tui_wait "2 overdue · 0 due this week" "Home counts with the progress file's hours"
tui_keys T
tui_wait "Coming next" "Today has nothing due this week either"
tui_keys q
finish
