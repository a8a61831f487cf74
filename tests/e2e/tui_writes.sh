# SPDX-License-Identifier: MIT
# Each frame reaches the terminal whole, in one write. ncurses 6 flushes at every cursor
# movement until the program has once left curses and resumed, which trail does before its
# first frame (ui_term_open). The real binary runs in tmux under strace, which records its
# writes to the terminal: the first frame, up to its footer, takes at most four (curses'
# start, its leave and re-entry, the hidden cursor, the frame), where it took one per row;
# a full repaint (Ctrl-L) takes at most two. The bounds follow where ncurses 6.4 flushes: at
# the end of an update, when its buffer of about a screenful fills, and after curs_set().
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require strace
strace -o /dev/null true 2>/dev/null || { echo "strace cannot trace here"; exit 77; }
require_input "$FIXTURE"
tui_setup writes
log="$TUI_DIR/strace"
guide="$FIXTURE"

# The writes to the terminal (fd 1) in the log, one line each.
writes() { grep '^write(1, ' "$log" 2>/dev/null; }

# wait_write TEXT N: polls the log until it holds at least N writes that contain TEXT.
wait_write() {
    local deadline=$((SECONDS + TUI_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        [ "$(writes | grep -cF -- "$1")" -ge "$2" ] && return 0
        sleep 0.05
    done
    fail "timed out waiting for write $2 of '$1'; the log has $(writes | wc -l) writes"
    return 1
}

# LeakSanitizer cannot run under ptrace: the sanitized build checks leaks everywhere else.
tui_start 80 24 "ASAN_OPTIONS='${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0' \
    strace -o '$log' -e trace=write -e signal=none -s 65536 '$TRAIL_BIN' --content '$guide'"
tui_wait "Quit" "the first frame is up"
wait_write "Quit" 1 || { finish; exit; }
first=$(writes | grep -nF "Quit" | head -1 | cut -d: -f1)
expect_ge 4 "$first" "the first frame, footer included, took at most 4 writes"

# The repaint once the career path is loaded (its phase count on Home) ends the start.
tui_wait "4 phases" "Home shows the career path's phase count"
wait_write "4 phases" 1 || { finish; exit; }
before=$(writes | wc -l)
quits=$(writes | grep -cF "Quit")
tui_keys C-l
wait_write "Quit" "$((quits + 1))" || { finish; exit; }
repaint=$(writes | sed -n "$((before + 1)),\$p" | grep -nF "Quit" | head -1 | cut -d: -f1)
expect_ge 2 "${repaint:-99}" "a full repaint took at most 2 writes"
tui_keys q
tui_wait "[exit 0]" "trail exits 0"
finish
