# SPDX-License-Identifier: MIT
# The palette as drawn (tmux-256color, cells read with lib/sgr.py): no bold black on a colour
# anywhere; the selection is a background bar that keeps each run's foreground (a full progress
# bar stays full, [x] stays green, [ ] stays visible); the light theme draws "Next" in the
# accent, not green, and progress figures not in red; NO_COLOR and the monochrome theme select
# in reverse video without reversing a bar's blocks; a key named in the body is not drawn in
# the footer's colours.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require python3
tui_setup palette
require_input "$FIXTURE"
run="'$TRAIL_BIN' --content '$FIXTURE'"
sgr() { tui_screen -e | python3 "$here/lib/sgr.py" "$@"; }

progress() {
    rm -rf "$HOME/.trail_progress.yaml" "${XDG_STATE_HOME:-$HOME/.local/state}/trail"
    cat >"$HOME/.trail_progress.yaml" <<'EOF'
version: 1
guides:
  lighthouse:
    items:
      basics/trim-wicks: done
      basics/logbook: done
      basics/knots: in-progress
      basics/radio: skipped
      optics/polish-lens: done
      optics/clockwork: done
      optics/characteristic: done
      optics/spare-lamp: done
      optics/weather-station: done
    certifications:
      marine-radio: studying
    start: 2026-10-01
EOF
}

# theme NAME: the config file's theme.
theme() {
    mkdir -p "$HOME/.config/trail"
    printf 'theme = %s\n' "$1" >"$HOME/.config/trail/config"
}

# Every screen of the tour, checked for bold dark text on a colour: Home, the career path with
# a phase selected, a phase with an action selected, certifications, the FAQ, the help.
tour() { # light|dark
    local what=$1
    sgr bold-dark "$what" >/dev/null && pass "$what: Home has no bold dark text on colour" ||
        fail "$what: Home: $(sgr bold-dark "$what")"
    tui_keys 2
    tui_wait "Optics & Clockwork" "$what: career path"
    tui_keys Down
    tui_wait "2/4" "$what: second phase selected"
    sgr bold-dark "$what" >/dev/null && pass "$what: career path clean" ||
        fail "$what: career path: $(sgr bold-dark "$what")"
    tui_keys Enter
    tui_wait "Polish the great lens" "$what: a phase opens"
    sgr bold-dark "$what" >/dev/null && pass "$what: phase clean" ||
        fail "$what: phase: $(sgr bold-dark "$what")"
    tui_keys 3
    tui_wait "Maritime Radio Operator" "$what: certifications"
    sgr bold-dark "$what" >/dev/null && pass "$what: certifications clean" ||
        fail "$what: certifications: $(sgr bold-dark "$what")"
    tui_keys '?'
    tui_wait "Keys: " "$what: help"
    sgr bold-dark "$what" >/dev/null && pass "$what: help clean" ||
        fail "$what: help: $(sgr bold-dark "$what")"
    tui_keys Escape
    tui_wait_gone "Keys: " "$what: help closed"
    tui_keys q
    tui_wait "[exit 0]" "$what: quit"
}

# Default palette.
progress
tui_start 80 24 "$run"
tui_wait "Sections" "Home is up"
header=$(sgr at "Keeper" | head -n 1)
case "$header" in
"- - "*) fail "the header has no background: $header" ;;
*) pass "the header is a bar ($header)" ;;
esac
read -r f b bold rev <<<"$(sgr at "T opens it" | head -n 1)"
[ "$b" = - ] && [ "$rev" = 0 ] &&
    pass "Home's T is drawn as the body's keys are, not as a bar chip ($f on $b)" ||
    fail "Home's T looks like the footer inside the body: $f on $b reverse $rev"
tour dark

# Inside the selection: a full bar stays full, [x] keeps its colour, text keeps the default.
tui_new_server sel
progress
tui_start 80 24 "$run"
tui_wait "Sections" "Home is up"
tui_keys 2
tui_wait "Optics & Clockwork" "career path"
plain_bar=$(sgr at "█" | head -n 1)
tui_keys Down
tui_wait "2/4" "the full phase selected"
# Selecting it scrolls the list: poll until the selection's row is painted.
deadline=$((SECONDS + TUI_TIMEOUT))
while :; do
    row=$(tui_screen | grep -n "5/5" | head -n 1 | cut -d: -f1)
    sel_bar=$(tui_screen -e | sed -n "${row:-1}p" | python3 "$here/lib/sgr.py" at "█" | head -n 1)
    read -r sf sb sbold srev <<<"$sel_bar"
    [ "$sb" != - ] || [ $SECONDS -ge $deadline ] && break
    sleep 0.05
done
read -r pf pb pbold prev <<<"$plain_bar"
[ "$sf" = "$pf" ] && [ "$srev" = 0 ] && [ "$sb" != - ] &&
    pass "a selected full bar keeps its colour on the selection ($sel_bar)" ||
    fail "a selected full bar: '$sel_bar', unselected '$plain_bar'"
tui_keys Enter
tui_wait "Polish the great lens" "the full phase opens"
tui_keys Escape Up Enter
tui_wait "Trim the wicks" "the first phase"
tui_keys Down
tui_wait "2/5" "a done action selected"
read -r f b bold rev <<<"$(sgr at "[x] Keep" | head -n 1)"
[ "$b" != - ] && [ "$rev" = 0 ] && [ "$f" != 0 ] && [ "$f" != 16 ] && [ "$f" != - ] &&
    pass "a selected [x] keeps its colour on the bar ($f on $b)" ||
    fail "a selected [x]: fg $f bg $b reverse $rev"
read -r f b bold rev <<<"$(sgr at "Keep the logbook" | head -n 1)"
[ "$f" = - ] && [ "$b" != - ] && [ "$bold" = 0 ] &&
    pass "selected text: the default foreground on the bar" || fail "selected text: $f on $b bold $bold"
tui_keys Down Down Down
tui_wait "5/5" "a to-do action selected"
read -r f b bold rev <<<"$(sgr at "[ ] Read" | head -n 1)"
[ "$b" != - ] && [ "$f" != "$b" ] && [ "$f" != 0 ] && [ "$rev" = 0 ] &&
    pass "a selected [ ] stays readable ($f on $b)" || fail "a selected [ ]: $f on $b rev $rev"
tui_keys q
tui_wait "[exit 0]" "quit"

# The light palette.
tui_new_server light
progress
theme light
tui_start 80 24 "$run"
tui_wait "Sections" "Home is up in the light theme"
title=$(sgr at "Keeper" | sed -n 2p)
next=$(sgr at "Tie the six" | head -n 1)
case "${next%% *}" in
2 | 10 | 22 | 28 | 34 | 40 | 46 | 82) fail "light: Next is green ($next)" ;;
*) pass "light: Next is not green ($next)" ;;
esac
ratio=$(sgr at "8/19" | head -n 1)
case "${ratio%% *}" in
1 | 9 | 88 | 124 | 160 | 196) fail "light: the progress figures are red ($ratio)" ;;
*) pass "light: the progress figures are not red ($ratio)" ;;
esac
tour light
rm -f "$HOME/.config/trail/config"

# NO_COLOR and the monochrome theme: reverse video for the selection, never for a bar.
for mode in nocolor mono; do
    tui_new_server "$mode"
    progress
    if [ $mode = mono ]; then
        theme monochrome
        tui_start 80 24 "$run"
    else
        tui_start 80 24 "NO_COLOR=1 $run"
    fi
    tui_wait "Sections" "$mode: Home is up"
    tui_keys 2
    tui_wait "Optics & Clockwork" "$mode: career path"
    tui_keys Down
    tui_wait "2/4" "$mode: the full phase selected"
    deadline=$((SECONDS + TUI_TIMEOUT))
    while :; do # until the scrolled list is painted, as above
        row=$(tui_screen | grep -n "5/5" | head -n 1 | cut -d: -f1)
        bar=$(tui_screen -e | sed -n "${row:-1}p" | python3 "$here/lib/sgr.py" at "█" | head -n 1)
        title=$(tui_screen -e | grep -F "Optics & Clockwork (" | head -n 1 |
            python3 "$here/lib/sgr.py" at "Optics" | head -n 1)
        # Both from a painted screen: the bar's row is read in a capture of its own.
        [ "${title##* }" = 1 ] && [ -n "$bar" ] || [ $SECONDS -ge $deadline ] && break
        sleep 0.05
    done
    [ "${bar##* }" = 0 ] && pass "$mode: a selected bar is not reversed" ||
        fail "$mode: selected bar reversed ($bar)"
    [ "${title##* }" = 1 ] && pass "$mode: the selection is reverse video" ||
        fail "$mode: selection not reversed ($title)"
    if tui_screen -e | grep -qE $'\033\\[([0-9;]*;)?(3[0-7]|4[0-7]|38|48)[;m]'; then
        fail "$mode: colour on screen"
    else pass "$mode: no colour on screen"; fi
    tui_keys q
    tui_wait "[exit 0]" "$mode: quit"
    rm -f "$HOME/.config/trail/config"
done
finish
