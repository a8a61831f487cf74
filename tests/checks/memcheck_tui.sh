#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# valgrind's memcheck on the browser at the smallest terminal sizes (`make memcheck`). curses
# writes a terminal's bottom-right cell by inserting a character in front of it; one column
# wide, there is no cell in front of it, and ncurses then reads outside its line (seen as stray
# wide characters on the screen, now and then). ASan does not see it: curses is not built
# with it. Each size is met at start-up and by a resize; the screen must show the notice (or
# as much of it as fits) and memcheck must find nothing.
set -u
. "$(dirname "$0")/../e2e/lib/tmux.sh"

if [ "${TRAIL_SANITIZED:-0}" = 1 ]; then
    echo "valgrind cannot run sanitized binaries"
    exit 77
fi
require valgrind
tui_setup memcheck-tui
require_input "$FIXTURE"
# Valgrind starts slowly: the waits get longer.
TUI_TIMEOUT=$((TUI_TIMEOUT * 4))
vg="valgrind --quiet --error-exitcode=99 --log-file='$TUI_DIR/vg.log'"
cmd="$vg '$TRAIL_BIN' --content '$FIXTURE' 2>'$TUI_DIR/err'; echo \$? >'$TUI_DIR/rc'"

# top_is TEXT: the pane's first row is TEXT, nothing more.
top_is() { [ "$(tui_screen | head -n 1 | sed 's/ *$//')" = "$1" ]; }
blank() { [ -z "$(tui_screen | tr -d ' \n')" ]; }

# ended WHAT: after q, the exit status is 0 and the log names no error.
ended() {
    tui_keys q
    tui_wait_file "$TUI_DIR/rc"
    expect_status 0 "$(cat "$TUI_DIR/rc" 2>/dev/null)" "$1: q quits with no memcheck error"
    local errors
    errors=$(grep -E '==[0-9]+==' "$TUI_DIR/vg.log" 2>/dev/null | head -30)
    [ -z "$errors" ] && pass "$1: memcheck's log is empty" || fail "$1:"$'\n'"$errors"
}

for size in 1x2 2x1 1x3 3x1 10x3; do
    tui_new_server "$size"
    rm -f "$TUI_DIR/rc" "$TUI_DIR/vg.log"
    tui_start "${size%x*}" "${size#*x}" "$cmd"
    case $size in
    10x3) tui_wait "Too small" "starts at $size with the notice" ;;
    3x1) tui_until "starts at $size with the notice, clipped" top_is "To" ;;
    *) tui_until "starts at $size with the notice, clipped" top_is "T" ;;
    esac
    ended "started at $size"
done

# Down to 1x1 and back, in one run.
tui_new_server walk
rm -f "$TUI_DIR/rc" "$TUI_DIR/vg.log"
tui_start 80 24 "$cmd"
tui_wait "q Quit" "up at 80x24"
tmx resize-window -x 1 -y 2
tui_until "resized to 1x2: the notice, clipped" top_is "T"
tmx resize-window -x 1 -y 1
tui_until "resized to 1x1: the bottom-right cell stays blank" blank
tmx resize-window -x 2 -y 1
tui_until "resized to 2x1: the notice, clipped" top_is "T"
tmx resize-window -x 80 -y 24
tui_wait "q Quit" "back at 80x24"
ended "the resize walk"
finish
