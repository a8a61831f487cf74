#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Keys that arrive together are one batch, and a batch is saved once: three ticks typed
# faster than trail reads them (the keys wait in the terminal while trail is stopped) make one
# locked write of the progress file, not three. strace counts the renames onto the file (each
# save writes a temporary file and renames it over the progress file); a single tick afterwards
# makes exactly one more.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require strace python3
strace -o /dev/null true 2>/dev/null || { echo "strace cannot trace here"; exit 77; }
tui_setup savebatch
guide="$TUI_DIR/batch"
log="$TUI_DIR/strace"
mkdir "$guide"
cat >"$guide/guide.yaml" <<'YAML'
format: 1
id: batch
title: "Batch Guide"
YAML
cat >"$guide/career-path.yaml" <<'YAML'
title: "Career Path"
phases:
  - id: p
    title: "Only Phase"
    start_month: 1
    end_month: 2
    duration: "2 months"
    summary: "Three actions."
    actions:
      - id: p/a
        text: "First action"
      - id: p/b
        text: "Second action"
      - id: p/c
        text: "Third action"
YAML

# expect_saves N WHAT: the log holds exactly N renames onto the progress file.
expect_saves() {
    local n
    n=$(saves)
    if [ "$n" = "$1" ]; then pass "$2 ($n)"; else fail "$2: $n renames, expected $1"; fi
}

# The renames onto the progress file so far.
saves() { grep -c "rename(.*\"$state\")" "$log" 2>/dev/null || true; }

# queued N: polls until the pane's terminal holds N bytes trail has not read yet.
queued() {
    local tty deadline=$((SECONDS + TUI_TIMEOUT))
    tty=$(tmx display-message -p '#{pane_tty}')
    while [ $SECONDS -lt $deadline ]; do
        python3 - "$tty" "$1" <<'PY' && return 0
import fcntl, os, struct, sys, termios
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
n = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
sys.exit(0 if n >= int(sys.argv[2]) else 1)
PY
        sleep 0.05
    done
    fail "the keys never reached the terminal"
    return 1
}

# wait_saves N WHAT: polls the log until it holds N renames onto the progress file.
wait_saves() {
    local deadline=$((SECONDS + TUI_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        [ "$(saves)" -ge "$1" ] && break
        sleep 0.05
    done
}

# LeakSanitizer cannot run under ptrace: the sanitized build checks leaks everywhere else.
tui_start 80 24 "ASAN_OPTIONS='${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0' \
    strace -f -o '$log' -e trace=rename -e signal=none \
    sh -c 'echo \$\$ >\"$TUI_DIR/pid\"; exec \"\$0\" \"\$@\"' \
    '$TRAIL_BIN' --content '$guide' --state '$state'"
tui_wait "Batch Guide" "trail is up"
tui_keys Tab
tui_wait "Only Phase" "the career path is open"
tui_keys Enter
tui_wait "First action" "the checklist is open"
expect_saves 0 "nothing saved before the first tick"

pid=$(cat "$TUI_DIR/pid")
kill -STOP "$pid"
tui_keys -l "xjxjx"
queued 5
kill -CONT "$pid"
tui_wait "3/3" "the three ticks show"
wait_saves 1
expect_saves 1 "three quick ticks are saved with one write"
report=$(LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$guide" --state "$state" --progress 2>&1)
expect_contains "$report" "done 3" "the file holds the three ticks"

tui_keys x
wait_saves 2
expect_saves 2 "one more tick is one more write"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
