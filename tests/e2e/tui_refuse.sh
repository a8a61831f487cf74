# SPDX-License-Identifier: MIT
# Where the full-screen browser cannot run, trail says why in one line, suggests --print and
# exits 2, writing no escape sequence: stdin or stdout not a terminal, TERM unset, empty,
# unknown, or unable to address the cursor (dumb). The terminal settings stay as they were.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
tui_setup refuse
guide="$FIXTURE"

# Without any terminal (as ctest runs us): stdin and stdout are not terminals.
"$TRAIL_BIN" --content "$guide" </dev/null >"$TUI_DIR/out" 2>"$TUI_DIR/err"
expect_status 2 $? "no terminal at all"
expect_status 1 "$(wc -l <"$TUI_DIR/err")" "one line on stderr"
expect_contains "$(cat "$TUI_DIR/err")" "trail --print" "the line suggests --print"
expect_status 0 "$(wc -c <"$TUI_DIR/out")" "nothing on stdout"

# Inside a terminal, one case per pane run; each writes its stdout, stderr and status.
check() { # name env-prefix redirections what-to-find
    local name=$1 envs=$2 redir=$3 want=$4
    tui_new_server "$name"
    tui_start 80 24 "stty -g >'$TUI_DIR/$name.before'; $envs '$TRAIL_BIN' --content '$guide'" \
        "$redir 2>'$TUI_DIR/$name.err'; echo \$? >'$TUI_DIR/$name.rc';" \
        "stty -g >'$TUI_DIR/$name.after'"
    tui_wait_file "$TUI_DIR/$name.after"
    expect_status 2 "$(cat "$TUI_DIR/$name.rc")" "$name: exit status 2"
    expect_status 1 "$(wc -l <"$TUI_DIR/$name.err")" "$name: one line on stderr"
    expect_contains "$(cat "$TUI_DIR/$name.err")" "$want" "$name: says why"
    expect_contains "$(cat "$TUI_DIR/$name.err")" "trail --print" "$name: suggests --print"
    if grep -q $'\033' "$TUI_DIR/$name.err" "$TUI_DIR/$name.out" 2>/dev/null; then
        fail "$name: an escape byte was written"
    else pass "$name: no escape byte written"; fi
    cmp -s "$TUI_DIR/$name.before" "$TUI_DIR/$name.after" && pass "$name: stty unchanged" ||
        fail "$name: stty changed"
}

check stdout-pipe "" ">'$TUI_DIR/stdout-pipe.out'" "standard output is not a terminal"
check stdin-eof "" "</dev/null >'$TUI_DIR/stdin-eof.out'" "standard input is not a terminal"
check term-unset "env -u TERM" "" "TERM is not set"
check term-empty "TERM=" "" "TERM is not set"
check term-unknown "TERM=no-such-terminal-xyz" "" "unknown terminal type TERM=no-such-terminal-xyz"
check term-dumb "TERM=dumb" "" "TERM=dumb cannot move the cursor"

# TERM=dumb has a terminfo entry, so its refusal comes from trail's own check: what reached
# the terminal itself, recorded by script between its own first and last lines, is the one
# line of the message and not a byte more (no escape, no carriage return of curses).
if command -v script >/dev/null 2>&1; then
    TERM=xterm script -q -e -c "TERM=dumb '$TRAIL_BIN' --content '$guide'" "$TUI_DIR/dumb.raw" \
        </dev/null >/dev/null 2>&1
    expect_status 2 $? "term-dumb under script: exit status 2"
    got=$(perl -0777 -ne 's/\A[^\n]*\n//; s/\nScript done[^\n]*\n\z//; print' "$TUI_DIR/dumb.raw" |
        od -An -tx1 | tr -s ' \n' ' ')
    want=$(printf "trail: TERM=dumb cannot move the cursor; try 'trail --print' to read the guide as text\r\n" |
        od -An -tx1 | tr -s ' \n' ' ')
    expect_status "$want" "$got" "term-dumb: the terminal got the message and nothing else"
fi
finish
