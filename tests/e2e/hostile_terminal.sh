# SPDX-License-Identifier: MIT
# TUI-3, the cases tui_refuse.sh leaves out. Inside a real terminal (tmux), with every byte
# written to it recorded (script): stdin at EOF or closed while stdout is the terminal, and
# stdout closed, give the one-line message and exit 2 without writing a single escape byte;
# every non-interactive mode run on the escape-laden guide with stdout to a file writes no
# escape or C1 byte to stdout or stderr; LANG=C and LC_ALL=C run the browser in ASCII mode
# (no byte above 0x7f reaches the terminal, on any screen, even for the escape-laden guide).
# `stty -g` is unchanged after each. Last, a terminal that goes away without a SIGHUP (its
# pty is closed; trail's stdin is not its controlling terminal): trail notices, keeps the tick
# it saved and exits 0 instead of hanging or spinning.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
. "$here/lib/hostile.sh"
require script
require_input "$FIXTURE"
tui_setup hterm
guide="$FIXTURE"
evil="$TRAIL_TEST_DATA/tui-escapes"

# record NAME SHELL-COMMAND [ENV...]: runs SHELL-COMMAND under script in a new 80x24 pane,
# recording the bytes sent to the terminal in NAME.raw (without script's own header and
# footer lines), the status in NAME.rc and `stty -g` before and after.
record() {
    local name=$1 cmd=$2
    shift 2
    rm -f "$TUI_DIR/$name".{rc,before,after,raw,log}
    host_pane "$name" 80 24 "stty -g >'$TUI_DIR/$name.before';" \
        "env $* script -q -e -c $(printf '%q' "$cmd") '$TUI_DIR/$name.log';" \
        "echo \$? >'$TUI_DIR/$name.rc'; stty -g >'$TUI_DIR/$name.after'"
}

# recorded NAME: waits for NAME's run to end; strips script's header and footer lines.
recorded() {
    tui_wait_file "$TUI_DIR/$1.after" || return 1
    sed -e '1{/^Script started/d}' -e '${/^Script done/d}' "$TUI_DIR/$1.log" >"$TUI_DIR/$1.raw"
    cmp -s "$TUI_DIR/$1.before" "$TUI_DIR/$1.after" && pass "$1: stty -g unchanged" ||
        fail "$1: stty -g changed"
}

no_escape() { # FILE WHAT
    if LC_ALL=C grep -q $'\033' "$1" || LC_ALL=C grep -qP '\xc2[\x80-\x9f]' "$1"; then
        fail "$2: an escape or C1 byte was written:"$'\n'"$(od -c "$1" | head -n 8)"
    else
        pass "$2: no escape or C1 byte"
    fi
}

# ---- Refused before curses starts: the terminal receives the message and nothing else.
T="'$TRAIL_BIN' --content '$guide'"
record stdin-eof "$T </dev/null"
record stdin-closed "$T <&-"
record stdout-closed "$T >&-"
for name in stdin-eof stdin-closed stdout-closed; do
    host_use "$name"
    recorded "$name"
    expect_status 2 "$(cat "$TUI_DIR/$name.rc")" "$name: exit status 2"
    no_escape "$TUI_DIR/$name.raw" "$name: the terminal"
    expect_status 1 "$(grep -c . "$TUI_DIR/$name.raw")" "$name: one line on the terminal"
    expect_contains "$(cat "$TUI_DIR/$name.raw")" "trail --print" "$name: suggests --print"
done
expect_contains "$(cat "$TUI_DIR/stdin-eof.raw")" "standard input is not a terminal" \
    "stdin-eof: says why"
expect_contains "$(cat "$TUI_DIR/stdout-closed.raw")" "standard output is not a terminal" \
    "stdout-closed: says why"

# ---- Every non-interactive mode, in a terminal, stdout to a file, on the escape-laden guide.
modes=("--print" "--search pwned" "--check" "--list" "--progress" "--export markdown"
    "--export json" "--print --width 1")
i=0
for m in "${modes[@]}"; do
    i=$((i + 1))
    record "mode$i" \
        "'$TRAIL_BIN' --content '$evil' $m >'$TUI_DIR/mode$i.out' 2>'$TUI_DIR/mode$i.err'"
done
i=0
for m in "${modes[@]}"; do
    i=$((i + 1))
    host_use "mode$i"
    recorded "mode$i" >/dev/null
    no_escape "$TUI_DIR/mode$i.out" "trail $m >file: stdout"
    no_escape "$TUI_DIR/mode$i.err" "trail $m >file: stderr"
    no_escape "$TUI_DIR/mode$i.raw" "trail $m >file: the terminal"
done
expect_contains "$(cat "$TUI_DIR/mode1.out")" "Escapes ␛]0;pwned␇ Guide" \
    "--print shows placeholders"
expect_status 0 "$(cat "$TUI_DIR/mode1.rc")" "--print to a file in a terminal exits 0"

# ---- LANG=C and LC_ALL=C: the browser runs, in ASCII. Every kind of screen is drawn.
# ascii_session NAME GUIDE ENV... -- KEY TEXT...: records a session that presses each KEY and
# waits for its TEXT, then quits.
ascii_session() {
    local name=$1 dir=$2 envs=()
    shift 2
    while [ "$1" != -- ]; do
        envs+=("$1")
        shift
    done
    shift
    record "$name" "'$TRAIL_BIN' --content '$dir' 2>'$TUI_DIR/$name.err'" "${envs[@]}"
    tui_wait "q Quit" "$name: the browser runs" || return
    while [ $# -ge 2 ]; do
        tui_keys "$1"
        # Quiet on success, the screen on a failure.
        tui_wait "$2" "$name: $1 shows '$2'" >"$TUI_DIR/wait.out" || cat "$TUI_DIR/wait.out"
        shift 2
    done
    tui_keys q
    recorded "$name"
    expect_status 0 "$(cat "$TUI_DIR/$name.rc")" "$name: q exits 0"
    expect_ge "$(wc -c <"$TUI_DIR/$name.raw")" 2000 "$name: screens were drawn"
    if LC_ALL=C grep -q $'[\x80-\xff]' "$TUI_DIR/$name.raw"; then
        fail "$name: a non-ASCII byte reached the terminal"
    else
        pass "$name: only ASCII reached the terminal"
    fi
    expect_status 0 "$(wc -c <"$TUI_DIR/$name.err")" "$name: nothing on stderr"
}
screens=(1 "What a Keeper Does" 2 "Months 1-3" Enter "Trim the wicks" 3 "Level One" Enter
    "Northern Lighthouse" 4 "licence" Enter "logbooks" / "matches" Escape "Keeper > FAQ" '?' "Keys:"
    q "Quit")
ascii_session lang-c "$guide" -u LC_ALL LANG=C -- "${screens[@]}"
ascii_session lc-all-c "$guide" LANG=C.UTF-8 LC_ALL=C -- "${screens[@]}"
ascii_session lc-all-c-evil "$evil" LC_ALL=C -- 1 "Learn" 2 "Phase" Enter "Action" \
    3 "Cert" Enter "Description" 4 "Question" Enter "Answer" '?' "Keys:" q "Quit"
for seq in $'\033]0;pwned' $'\033[2J' $'\033[5m' $'\033P1$r' $'\033]8;;'; do
    expect_not_contains "$(cat "$TUI_DIR/lc-all-c-evil.raw")" "$seq" \
        "lc-all-c-evil: the fixture's $(printf '%q' "$seq") never reaches the terminal"
done

# ---- The terminal goes away without a signal (python3 drives a pty of its own).
if ! command -v python3 >/dev/null 2>&1; then
    skip_part "python3 not found (terminal closed without SIGHUP)"
    finish
    exit
fi
cat >"$TUI_DIR/gone.py" <<'EOF'
import os, select, subprocess, sys, time
trail, guide, state, err = sys.argv[1:5]
master, slave = os.openpty()
env = dict(os.environ, TERM="xterm", LANG="C.UTF-8", LC_ALL="C.UTF-8")
with open(err, "wb") as errf:
    p = subprocess.Popen([trail, "--content", guide, "--state", state], stdin=slave,
                         stdout=slave, stderr=errf, start_new_session=True, env=env)
os.close(slave)
def wait_for(text):
    seen, end = b"", time.time() + 10
    while text not in seen and time.time() < end:
        if select.select([master], [], [], 0.1)[0]:
            seen += os.read(master, 65536)
    return text in seen
if not wait_for(b"Overview"):
    print("no Home"); p.kill(); sys.exit(1)
os.write(master, b"2\r ")  # the career path, its first phase, tick the first action
if not wait_for(b"[x]"):
    print("no tick"); p.kill(); sys.exit(1)
os.close(master)
try:
    print("exit", p.wait(timeout=10))
except subprocess.TimeoutExpired:
    p.kill()
    print("still running after the terminal went away")
EOF
out=$(python3 "$TUI_DIR/gone.py" "$TRAIL_BIN" "$guide" "$TUI_DIR/gone.yaml" "$TUI_DIR/gone.err" \
    2>&1)
expect_status "exit 0" "$out" "a terminal closed under trail: it exits 0"
expect_contains "$(LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$guide" --state "$TUI_DIR/gone.yaml" \
    --progress 2>&1)" "done 1 · in progress 0" "the tick made before is in the file"
if grep -qE 'Sanitizer|runtime error:' "$TUI_DIR/gone.err"; then
    fail "a sanitizer report: $(head -n 20 "$TUI_DIR/gone.err")"
else
    pass "no sanitizer report"
fi
finish
