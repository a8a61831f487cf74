# SPDX-License-Identifier: MIT
# Moving the selection on Home rewrites only the two items' text: in the benchmark's pty driver
# at 80x24, the bytes trail writes for one j are under a tenth of a full repaint of the same
# screen (Ctrl-L), and the highlight covers the item's text, not the whole row (the cells
# after it keep the body's colours), in colour and in monochrome (reverse video).
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
driver="$TRAIL_BUILD_DIR/bench/pty_driver"
[ -x "$driver" ] || { echo "pty_driver not built"; exit 77; }
require_input "$FIXTURE"
tui_setup select
export XDG_CONFIG_HOME="$TUI_DIR/config" TERM=xterm-256color LC_ALL=C.UTF-8

out=$("$driver" -q 100 -t 10000 -e Quit -k j -k '\x0c' -- \
    "$TRAIL_BIN" --content "$FIXTURE")
expect_status 0 $? "trail drew Home, answered j and Ctrl-L, and quit"
keys=$(printf '%s\n' "$out" | sed -n 's/.* keys=\([0-9]*\),\([0-9]*\) .*/\1 \2/p')
read -r down full <<<"$keys"
echo "one j: $down bytes; a full repaint: $full bytes"
expect_ge "$down" 1 "j wrote something"
expect_le $((down * 10)) $((full - 1)) "j costs under a tenth of a full repaint"

# The selected row, in colour and in monochrome.
for mode in colour mono; do
    rm -rf "$HOME/.trail_progress.yaml" "${XDG_STATE_HOME:-$HOME/.local/state}/trail"
    tui_new_server "$mode"
    env=""
    [ "$mode" = mono ] && env="NO_COLOR=1"
    tui_start 80 24 "$env '$TRAIL_BIN' --content '$FIXTURE'"
    tui_wait "2/5" "$mode: Home is drawn, its first section selected"
    row=$(tui_screen -e | grep -F "Overview")
    if [ "$mode" = mono ]; then
        printf '%s' "$row" | grep -Eq $'\e\\[([0-9]+;)*7m' &&
            pass "$mode: the selected item is in reverse video" ||
            fail "$mode: no reverse video on the selected item: $(printf '%s' "$row" | cat -v)"
    else
        expect_contains "$row" $'\e[48;5;24m' "$mode: the selected item has the highlight colour"
    fi
    # With -N, tmux keeps the blanks a highlight covers; the row ends one column after the
    # text (the bar's padding), so the rest of the row is the body's.
    plain=$(tui_screen -N | grep -F "Overview")
    expect_contains "$plain|" "Overview · 1 topic |" "$mode: the highlight ends one column after the text"
    tui_keys q
    tui_wait "[exit 0]" "$mode: q quits"
done
finish
