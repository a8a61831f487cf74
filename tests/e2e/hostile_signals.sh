# SPDX-License-Identifier: MIT
# TUI-4 with DUR-2/DUR-4's promise for signals: trail is signalled while in use and while a save
# is running, and each time the terminal is restored (`stty -g` as before the launch, the
# alternate screen left, the cursor shown) and the progress file is whole.
#  1. In use, with a tick whose save had failed (so only the save on the way out can keep it):
#     SIGINT, SIGTERM, SIGHUP and SIGQUIT each save it and exit with 128 + the signal.
#  2. While the save of a tick waits for the lock another process holds (the browser says so
#     and retries): SIGINT, SIGTERM or SIGHUP (twice) does not lose the tick: the save on the
#     way out waits for the lock, and once it is free the tick is saved and trail exits. The
#     same during the save on the way out.
#  3. During the write of the temporary file (strace holds trail in its fsync): SIGINT,
#     SIGTERM, SIGHUP: the new version is saved; SIGKILL: the old version stays byte for byte
#     and the temporary file it left is removed by the next start.
# Afterwards no temporary file is left and nothing was set aside as damaged.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
. "$here/lib/hostile.sh"
require_input "$FIXTURE"
tui_setup hsig
guide="$FIXTURE"
DRIVER="${TRAIL_BUILD_DIR:?}/tests/progress_driver"
[ -x "$DRIVER" ] || { echo "skip: $DRIVER was not built"; exit 77; }

# The old version of a state file: one action done. Ticking the first action makes it two.
write_old() {
    mkdir -p "$(dirname "$1")"
    printf '%s\n' 'version: 1' 'guides:' '  lighthouse:' '    items:' \
        '      basics/logbook:' '        state: done' \
        '        changed: 2025-11-26T06:30:12.345Z' >"$1"
}

report() {
    LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$guide" --state "$1" --progress 2>&1
}

# whole NAME STATE DONE: STATE parses and counts DONE actions done; nothing was set aside as
# damaged and no temporary file is left next to it.
whole() {
    local name=$1 state=$2 done=$3 out
    out=$(report "$state")
    expect_contains "$out" "Overall" "$name: the progress file parses"
    expect_contains "$out" "done $done · in progress 0" "$name: $done actions done in the file"
    local extra
    extra=$(cd "$(dirname "$state")" && ls -A | grep -vxF -e "$(basename "$state")" \
        -e "$(basename "$state").lock")
    if [ -z "$extra" ]; then pass "$name: no temporary or set-aside file next to it"; else
        fail "$name: left next to the file: $extra"; fi
}

# wait_fd PID GLOB WHAT: polls until PID has a file matching GLOB open.
wait_fd() {
    local deadline=$((SECONDS + TUI_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        if find "/proc/$1/fd" -lname "$2" 2>/dev/null | grep -q .; then
            pass "$3"
            return 0
        fi
        sleep 0.01
    done
    fail "$3: timed out"
    return 1
}

# hold STATE: takes STATE's save lock in the background (HOLDER is its pid) until release.
hold() {
    local out="$TUI_DIR/$(basename "$(dirname "$1")").hold"
    "$DRIVER" hold "$1" >"$out" 2>&1 &
    HOLDER=$!
    local deadline=$((SECONDS + 3 * TUI_TIMEOUT))
    until grep -q locked "$out" 2>/dev/null || ! kill -0 "$HOLDER" 2>/dev/null ||
        [ $SECONDS -ge $deadline ]; do
        sleep 0.01
    done
    grep -q locked "$out" 2>/dev/null ||
        fail "the lock was not taken: $(cat "$out" 2>/dev/null) (holder alive: $(kill -0 "$HOLDER" \
            2>/dev/null && echo yes || echo no))"
    rm -f "$out"
}
release() {
    kill "$HOLDER" && wait "$HOLDER" 2>/dev/null
}

# open_phase NAME: opens the first phase's checklist.
open_phase() {
    tui_wait "1  Overview" "$1: trail is up" >/dev/null || return 1
    tui_keys 2 Enter
    tui_wait "[ ] Trim the wicks" "$1: the checklist is open" >/dev/null
}

# ended NAME SIG: trail ended with 128 + SIG and left the terminal as it found it.
ended() {
    host_finished "$1"
    expect_status $((128 + $(kill -l "$2"))) "$(cat "$TUI_DIR/$1.rc" 2>/dev/null)" \
        "$1: exit status"
    host_no_sanitizer_report "$1"
}

# ---- 1. In use, after a failed save: the save on the way out keeps the tick.
for sig in INT TERM HUP QUIT; do
    name=use-$sig
    parent="$TUI_DIR/$name"
    : >"$parent" # a regular file where the state's directory should be: the save fails
    host_start "$name" 80 24 --content "$guide" --state "$parent/progress.yaml"
    open_phase "$name"
    tui_keys Space
    tui_wait "[x] Trim the wicks" "$name: ticked in memory" >/dev/null
    rm -f "$parent" && mkdir "$parent"
    kill -s "$sig" "$(host_pid "$name")"
    ended "$name" "$sig"
    whole "$name" "$parent/progress.yaml" 1
done

# ---- 2. During a save that waits for the lock: the tick's own, and the one on the way out.
for sig in INT TERM HUP; do
    name=lock-$sig
    state="$TUI_DIR/$name/progress.yaml"
    write_old "$state"
    host_start "$name" 80 24 --content "$guide" --state "$state"
    open_phase "$name"
    pid=$(host_pid "$name")
    hold "$state"
    tui_keys Space
    # The browser does not block on the lock: it says it waits and retries from its loop.
    tui_wait "Waiting for another trail" "$name: the tick's save waits for the lock"
    kill -s "$sig" "$pid" && kill -s "$sig" "$pid"
    # The save goes on after the signals: still waiting for the lock, trail holds it open.
    wait_fd "$pid" "*/$name/progress.yaml.lock" "$name: the save goes on after two signals"
    release
    ended "$name" "$sig"
    whole "$name" "$state" 2
done

name=lock-exit
parent="$TUI_DIR/$name"
: >"$parent"
host_start "$name" 80 24 --content "$guide" --state "$parent/progress.yaml"
open_phase "$name"
pid=$(host_pid "$name")
tui_keys Space
tui_wait "[x] Trim the wicks" "$name: ticked in memory" >/dev/null
rm -f "$parent" && mkdir "$parent"
hold "$parent/progress.yaml"
kill -s TERM "$pid"
wait_fd "$pid" "*/$name/progress.yaml.lock" "$name: the save on the way out waits for the lock"
kill -s HUP "$pid" && kill -s INT "$pid"
wait_fd "$pid" "*/$name/progress.yaml.lock" "$name: it goes on after SIGHUP and SIGINT"
release
ended "$name" TERM
whole "$name" "$parent/progress.yaml" 1

# ---- 3. During the write: strace delays the first fsync (the temporary file's) by 1.5 s.
if ! have_strace; then
    skip_part "strace is missing or not permitted (signals during the write)"
    finish
    exit
fi
# LeakSanitizer cannot run under ptrace: leaks are checked in parts 1 and 2 instead.
HOST_WRAP="env ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 strace -f -qq -o /dev/null \
    -e trace=fsync -e inject=fsync:delay_enter=1500000:when=1"
for sig in INT TERM HUP KILL; do
    name=write-$sig
    state="$TUI_DIR/$name/progress.yaml"
    write_old "$state"
    cp "$state" "$TUI_DIR/$name.old"
    host_start "$name" 80 24 --content "$guide" --state "$state"
    open_phase "$name"
    pid=$(host_pid "$name")
    tui_keys Space
    wait_fd "$pid" "*/$name/progress.yaml.tmp-*" "$name: the temporary file is being written"
    kill -s "$sig" "$pid"
    if [ "$sig" != KILL ]; then
        ended "$name" "$sig"
        whole "$name" "$state" 2
        continue
    fi
    tui_wait_file "$TUI_DIR/$name.rc"
    cmp -s "$state" "$TUI_DIR/$name.old" &&
        pass "$name: the old version is intact, byte for byte" ||
        fail "$name: the file changed"
    n=$(find "$TUI_DIR/$name" -name 'progress.yaml.tmp-*' | wc -l)
    expect_status 1 "$n" "$name: the killed save left its temporary file"
    HOST_WRAP='' host_start "$name-next" 80 24 --content "$guide" --state "$state"
    tui_wait "1  Overview" "$name: the next start is up"
    n=$(find "$TUI_DIR/$name" -name 'progress.yaml.tmp-*' | wc -l)
    expect_status 0 "$n" "$name: the next start removed it"
    tui_keys q
    host_finished "$name-next" >/dev/null
    whole "$name" "$state" 1
done
finish
