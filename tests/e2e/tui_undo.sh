# SPDX-License-Identifier: MIT
# u undoes every change a learner makes in the browser, not only marks: a note written, then
# removed by an editor that leaves the buffer empty, comes back with u (and a second u removes
# it again), in the file too; a tracked certification goes back to untracked; a start date
# goes back to the one before, then to none. Each case has its own --state file.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
tui_setup undo
export TMPDIR="$TUI_DIR/tmp"
mkdir -p "$TMPDIR"
guide="$FIXTURE"

trail_cli() { # STATE ARGS...
    local state=$1
    shift
    LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$guide" --state "$state" "$@" 2>/dev/null
}

start() { # NAME STATE [ENV]
    tui_new_server "$1"
    tui_start 80 24 "${3:-} '$TRAIL_BIN' --content '$guide' --state '$2'"
    tui_wait "Keeper" "$1: trail is up"
}

# ---- A note removed with an empty editor buffer comes back.
ed="$TUI_DIR/editor.sh"
printf '#!/bin/sh\nif [ -e "%s/empty" ]; then : >"$1"; else printf "Trim the wicks at dusk.\\n" >"$1"; fi\n' \
    "$TUI_DIR" >"$ed"
chmod +x "$ed"
state="$TUI_DIR/notes.yaml"
start notes "$state" "EDITOR='$ed' VISUAL="
tui_keys 2 Enter j e
tui_wait "Note added." "a note is written"
tui_wait "✎ Trim the wicks at dusk." "it shows under its action"
touch "$TUI_DIR/empty"
tui_keys e
tui_wait "Note removed." "an empty editor buffer removes it"
tui_wait_gone "✎ Trim the wicks" "the note no longer shows"
expect_not_contains "$(trail_cli "$state" --export json)" "Trim the wicks at dusk." \
    "the removal is saved"
tui_keys u
tui_wait "is back." "u says the note is back"
tui_wait "✎ Trim the wicks at dusk." "u brings the removed note back"
expect_contains "$(trail_cli "$state" --export json)" "Trim the wicks at dusk." \
    "the note is back in the file"
tui_keys u
tui_wait "is removed again." "a second u undoes the note's writing"
tui_wait_gone "✎ Trim the wicks" "the note is gone again"
tui_keys u
tui_wait "Nothing to undo." "then nothing is left to undo"
tui_keys q
tui_wait "[exit 0]" "notes: q quits"
expect_not_contains "$(trail_cli "$state" --export json)" "Trim the wicks at dusk." \
    "the file has no note after the second undo"

# ---- A tracked certification goes back to untracked.
state="$TUI_DIR/certs.yaml"
start certs "$state"
tui_keys 3 Enter t
tui_wait "Track: Coastal Light Keeper" "t opens the form"
tui_keys Right Right Right Right Down Down 2020-03-01 Enter
tui_wait "Tracked: passed on 2020-03-01" "the certification is tracked"
expect_contains "$(trail_cli "$state" --export json)" '"passed": "2020-03-01"' "and saved"
tui_keys u
tui_wait "is not tracked again." "u undoes the tracker change"
tui_wait_gone "passed on 2020-03-01" "the screen no longer shows it"
expect_not_contains "$(trail_cli "$state" --export json)" '"passed": "2020-03-01"' \
    "the file no longer has the date"
tui_keys Escape Escape
tui_wait "1  Overview" "back on Home"
expect_not_contains "$(tui_screen)" "1 passed" "Home counts no passed certification"
tui_keys q
tui_wait "[exit 0]" "certs: q quits"

# ---- The start date goes back to the one before, then to none.
state="$TUI_DIR/start.yaml"
start start "$state"
tui_keys S 2000-01-01 Enter
tui_wait "Started on 2000-01-01." "a start date is set"
tui_keys S C-u 2001-05-05 Enter
tui_wait "Started on 2001-05-05." "and changed"
tui_keys u
tui_wait "Undone: the start date is 2000-01-01 again." "u puts the earlier date back"
tui_wait "ended on 2000-12-31" "the pace line follows"
expect_contains "$(trail_cli "$state" --progress)" "ended on 2000-12-31" "the file has it"
tui_keys u
tui_wait "Undone: the start date is cleared again." "a second u clears it"
tui_wait_gone "Pace  " "the pace line is gone"
tui_keys q
tui_wait "[exit 0]" "start: q quits"
expect_not_contains "$(trail_cli "$state" --progress)" "Pace:" "the file has no start date"

# ---- Once the browser's own history is empty, u takes back the shell's last change.
state="$TUI_DIR/shell.yaml"
export XDG_STATE_HOME="$TUI_DIR/state"
trail_cli "$state" done basics/logbook >/dev/null
expect_contains "$(trail_cli "$state" --export json)" '"basics/logbook": {"state": "done"' \
    "the shell marks an action done"
start shell "$state" "XDG_STATE_HOME='$XDG_STATE_HOME'"
tui_keys u
tui_wait "Undone (from the shell):" "u takes back the change made from the shell"
tui_wait "is to do again." "and says what it put back"
tui_keys q
tui_wait "[exit 0]" "shell: q quits"
expect_not_contains "$(trail_cli "$state" --export json)" '"basics/logbook": {"state": "done"' \
    "the file has the action to do again"
trail_cli "$state" undo >/dev/null
expect_status 1 $? "the record is spent: trail undo has nothing left to take back"

finish
