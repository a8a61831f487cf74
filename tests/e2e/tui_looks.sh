# SPDX-License-Identifier: MIT
# Mouse (click selects, click on the selection opens, double-click opens, wheel scrolls;
# --no-mouse leaves the mouse to the terminal), NO_COLOR, a monochrome vt100 and a non-UTF-8
# locale (ASCII only on screen).
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup looks
require_input "$FIXTURE"
run="'$TRAIL_BIN' --content '$FIXTURE'"
# Each case starts on Home: forget where the case before quit (trail resumes there).
fresh() { rm -rf "$HOME/.trail_progress.yaml" "${XDG_STATE_HOME:-$HOME/.local/state}/trail"; }

# X10 mouse reports: ESC [ M, then 32 + button, 32 + column, 32 + row (1-based).
mouse() { # button col row (0-based col and row)
    printf '\033[M%b%b%b' "\\$(printf %03o $((32 + $1)))" "\\$(printf %03o $((33 + $2)))" \
        "\\$(printf %03o $((33 + $3)))"
}
click() { tui_keys -l "$(mouse 0 "$1" "$2")$(mouse 3 "$1" "$2")"; }

tui_start 80 24 "$run"
tui_wait "  2  Career Path" "Home is up"
tui_wait "2/5" "its progress is in (Next, above the sections, moves them down)"
tmx display -p '#{mouse_any_flag}' | grep -qx 1 && pass "trail asks for mouse reports" ||
    fail "mouse reporting is off"
row=$(tui_screen | grep -n "  2  Career Path" | cut -d: -f1)
click 6 $((row - 1))
tui_wait "3/5" "a click selects the row"
click 6 $((row - 1))
tui_wait "Keeper › Career Path" "a click on the selected row opens it"
tui_keys Escape 1
tui_wait "Keeper › Overview" "overview open"
tui_wait "Top" "overview starts at the top"
tui_keys -l "$(mouse 65 10 10)"
tui_wait_gone " Top" "the wheel scrolls down"
tui_keys -l "$(mouse 64 10 10)"
tui_wait " Top" "the wheel scrolls back up"
tui_keys 4
tui_wait "1/7" "FAQ open"
tui_keys -l "$(mouse 0 8 4)$(mouse 3 8 4)$(mouse 0 8 4)$(mouse 3 8 4)"
tui_wait "What's the main difference" "a double click opens the question"
tui_wait "Harbour Masters manage the traffic" "and shows its answer"
screen=$(tui_screen -e)
expect_contains "$screen" $'\033[48;5;238m' "the header is drawn in colour"
# A click on a checklist's mark ticks it; a click on the text only selects.
tui_keys Escape 2 Enter
tui_wait "[ ] Trim the wicks" "a phase checklist"
row=$(tui_screen | grep -n "Read the tide tables" | cut -d: -f1)
line=$(tui_screen | sed -n "${row}p")
prefix=${line%%\[*}
click $((${#prefix} + 1)) $((row - 1))
tui_wait "[x] Read the tide tables" "a click on [ ] ticks the action"
row=$(tui_screen | grep -n "Tie the six knots" | cut -d: -f1)
click 30 $((row - 1))
tui_wait "3/5" "a click on an action's text selects it"
expect_contains "$(tui_screen)" "[ ] Tie the six knots" "and does not tick it"
tui_keys u
tui_wait "[ ] Read the tide tables" "the tick is undone with u"
tui_keys q
tui_wait "[exit 0]" "quit"

tui_new_server nomouse
fresh
tui_start 80 24 "$run --no-mouse"
tui_wait "  2  Career Path" "Home is up with --no-mouse"
tmx display -p '#{mouse_any_flag}' | grep -qx 0 && pass "--no-mouse leaves the mouse alone" ||
    fail "--no-mouse still captures the mouse"
tui_keys q
tui_wait "[exit 0]" "quit"

# The same every time from the config file, with no option to repeat.
tui_new_server mouseoff
fresh
mkdir -p "$TUI_DIR/cfg/trail"
printf 'mouse = off\n' >"$TUI_DIR/cfg/trail/config"
tui_start 80 24 "XDG_CONFIG_HOME='$TUI_DIR/cfg' $run"
tui_wait "  2  Career Path" "Home is up with mouse = off in the config"
tmx display -p '#{mouse_any_flag}' | grep -qx 0 && pass "mouse = off leaves the mouse alone" ||
    fail "mouse = off still captures the mouse"
tui_keys q
tui_wait "[exit 0]" "quit"
rm -r "$TUI_DIR/cfg"

tui_new_server nocolor
fresh
tui_start 80 24 "NO_COLOR=1 $run"
tui_wait "  1  Overview" "Home is up with NO_COLOR"
screen=$(tui_screen -e)
if printf '%s' "$screen" | grep -qE $'\033\\[([0-9;]*;)?(3[0-7]|4[0-7]|38|48)[;m]'; then
    fail "NO_COLOR: colour attributes on screen"
else pass "NO_COLOR: no colour on screen"; fi
expect_contains "$screen" $'\033[7m' "NO_COLOR: the selection is in reverse video"
tui_keys q
tui_wait "[exit 0]" "quit"

printf 'set -g default-terminal vt100\nset -g status off\n' >"$TUI_DIR/tmux.conf"
tui_new_server vt100
fresh
tui_start 80 24 "$run"
tui_wait "  1  Overview" "Home is up on a vt100"
expect_contains "$(tui_screen -e)" $'\033[7m' "vt100: the selection is in reverse video"
tui_keys 2 Enter
tui_wait "[ ] Trim the wicks" "vt100: a phase checklist opens"
tui_keys q
tui_wait "[exit 0]" "quit"

printf 'set -g default-terminal tmux-256color\nset -g status off\n' >"$TUI_DIR/tmux.conf"
tui_new_server ascii
fresh
tui_start 80 24 "LANG=C LC_ALL=C $run"
tui_wait "  1  Overview" "Home is up in the C locale"
expect_contains "$(tui_screen)" "Career Path - 4 phases" "C locale: an ASCII separator"
tui_keys 3
tui_wait "Keeper > Certifications" "C locale: an ASCII breadcrumb"
tui_wait "Coastal Light Keeper ? Level One" "C locale: the en dash becomes ?"
if tui_screen | LC_ALL=C grep -q '[^ -~]'; then fail "C locale: non-ASCII on screen"; else
    pass "C locale: only ASCII on screen"; fi
tui_keys 1 G
tui_wait "Beginner" "C locale: the overview draws"
expect_contains "$(tui_screen)" "####" "C locale: bars in ASCII"
tui_keys q
tui_wait "[exit 0]" "quit"
finish
