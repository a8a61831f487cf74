# SPDX-License-Identifier: MIT
# Resizing: 80x24 -> 30x8 shows a "too small" notice that fits; -> 100x30 reflows the text to
# the new width and keeps the selection; tiny sizes down to 1x1 never crash and q still quits.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup resize
require_input "$FIXTURE"
cmd="'$TRAIL_BIN' --content '$FIXTURE'"
tui_start 80 24 "$cmd"
tui_wait "1  Overview" "home is up at 80x24"
tui_keys 4 j j
tui_wait "3/7" "third question selected"

tmx resize-window -x 30 -y 8
tui_wait "Terminal too small" "30x8 shows the notice"
tui_wait "30x8, need 40x10" "the notice says the size"
widest=$(tui_screen | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
expect_le "$widest" 30 "the notice fits in 30 columns"
tui_keys j   # ignored while too small
tmx resize-window -x 100 -y 30
tui_wait "Frequently Asked Questions" "100x30 shows the guide again"
tui_wait "3/7" "the selection survived the resizes"
tui_keys Escape
tui_wait "Sections" "back to Home at 100x30"
# The intro reflows to the wider measure: a line longer than 80 columns exists now.
widest=$(tui_screen | grep -v '^ Keeper' | sed 's/…/./g' | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
expect_ge "$widest" 81 "text reflowed to the new width"
expect_le "$widest" 100 "and still fits"
tui_keys q
tui_wait "[exit 0]" "q quits after the resizes"

# Start at tiny sizes: a notice (or as much of it as fits), never a crash. At 1x1 the only cell
# is the bottom-right one, which curses cannot write on a terminal with automatic margins, so
# there we only check that trail is running. At 80x24 and 300x100, Home with its key hints.
for size in 1x1 2x1 1x2 10x3 20x5 80x24 300x100; do
    tui_new_server "$size"
    rm -f "$TUI_DIR/rc"
    tui_start "${size%x*}" "${size#*x}" "$cmd 2>'$TUI_DIR/err'; echo \$? >'$TUI_DIR/rc'"
    case $size in
    1x1) want= ;;
    2x1 | 1x2) want=T ;;
    10x3) want="Too small" ;;
    80x24 | 300x100) want="q Quit" ;;
    *) want="Terminal too small" ;;
    esac
    if [ -n "$want" ]; then
        tui_wait "$want" "starts at $size with the notice (clipped to fit) or Home"
        if [ "$size" = 10x3 ]; then # the shorter wordings, whole words
            expect_contains "$(tui_screen)" "need 40x10" "at 10x3 the notice says the size needed"
            expect_contains "$(tui_screen)" "q quits" "at 10x3 the notice says how to quit"
        fi
    else
        shell=$(tmx display -p '#{pane_pid}')
        deadline=$((SECONDS + TUI_TIMEOUT))
        until pgrep -P "$shell" -x trail >/dev/null || [ $SECONDS -ge $deadline ]; do
            sleep 0.05
        done
        if pgrep -P "$shell" -x trail >/dev/null; then pass "runs at $size"; else
            fail "trail is not running at $size"; fi
    fi
    tui_keys q
    tui_wait_file "$TUI_DIR/rc"
    expect_status 0 "$(cat "$TUI_DIR/rc" 2>/dev/null)" "q quits at $size"
    expect_status 0 "$(wc -c <"$TUI_DIR/err")" "nothing on stderr at $size"
done
finish
