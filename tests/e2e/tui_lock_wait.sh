# SPDX-License-Identifier: MIT
# TUI-5: a save that must wait for another process's lock does not freeze the browser. While
# another process holds the progress file's lock, a tick shows a notice that trail is waiting,
# keys keep working (the tick stays on screen, the help opens and closes, another key action is
# ticked), and once the lock is free the changes are saved without another key. q while the
# save still waits says so and quits once it is saved; the file then holds every tick.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
tui_setup lockwait
DRIVER="${TRAIL_BUILD_DIR:?}/tests/progress_driver"
[ -x "$DRIVER" ] || { echo "skip: $DRIVER was not built"; exit 77; }

# hold: takes the lock in the background (HOLDER is its pid).
hold() {
    # The background job truncates hold.out only once it runs: remove the last holder's
    # "locked" first, or the wait below could see it before the new holder has the lock.
    rm -f "$TUI_DIR/hold.out"
    "$DRIVER" hold "$state" >"$TUI_DIR/hold.out" 2>&1 &
    HOLDER=$!
    local deadline=$((SECONDS + TUI_TIMEOUT))
    until grep -q locked "$TUI_DIR/hold.out" 2>/dev/null || [ $SECONDS -ge $deadline ]; do
        sleep 0.01
    done
    grep -q locked "$TUI_DIR/hold.out" && pass "another process holds the lock" ||
        fail "the lock was not taken: $(cat "$TUI_DIR/hold.out")"
}
release() {
    kill "$HOLDER" && wait "$HOLDER" 2>/dev/null
}
done_in_file() {
    LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$FIXTURE" --state "$state" --progress 2>/dev/null |
        grep -A1 '^Overall' | tail -n 1
}

tui_start 80 24 "'$TRAIL_BIN' --content '$FIXTURE' --state '$state'"
tui_wait "1  Overview" "trail is up"
tui_keys 2 Enter
tui_wait "[ ] Trim the wicks" "the checklist is open"
hold
tui_keys Space
tui_wait "Waiting for another trail" "a save that waits for the lock says so"
tui_wait "[x] Trim the wicks" "the tick is on screen while the save waits"
tui_keys j Space
tui_wait "[x] Keep the logbook" "keys still work: a second tick"
tui_keys '?'
tui_wait "Keys:" "keys still work: the help opens"
tui_keys Escape
tui_wait_gone "Keys:" "and closes"
expect_contains "$(done_in_file)" "done 0" "nothing is written while the lock is held"
release
tui_wait "Saved to" "once the lock is free, the changes are saved without a key"
expect_contains "$(done_in_file)" "done 2" "both ticks are in the file"

# q while the save still waits: trail says so and quits once it is saved.
hold
tui_keys j Space
tui_wait "Waiting for another trail" "the third tick's save waits"
tui_keys q
tui_wait "quits once" "q says trail quits once the change is saved"
release
tui_wait "[exit 0]" "trail quits once the save is done"
expect_contains "$(done_in_file)" "done 3" "all three ticks are in the file"

# q twice while the save waits: trail quits at once without it, and says so.
tui_new_server again
tui_start 80 24 "'$TRAIL_BIN' --content '$FIXTURE' --state '$state' 2>'$TUI_DIR/err'"
tui_wait "[x] Trim the wicks" "trail is up again on the checklist, with the saved ticks"
hold
tui_keys G Space
tui_wait "Waiting for another trail" "the last tick's save waits"
tui_keys q
tui_wait "quits once" "q: trail will quit once saved"
tui_keys q
tui_wait "[exit 0]" "q again quits at once, without waiting for the lock"
expect_contains "$(cat "$TUI_DIR/err")" "Changes made since the last save are lost" \
    "and says the change was not saved"
release
expect_contains "$(done_in_file)" "done 3" "the file holds the saved ticks only"
finish
