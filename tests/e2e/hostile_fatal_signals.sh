# SPDX-License-Identifier: MIT
# TUI-5: every signal whose default action ends the process restores the terminal, not only
# the four the browser has always handled. For each of them, trail is started in a pane,
# signalled, and the pane's `stty -g` must equal the pre-launch one, the alternate screen must
# be left and the cursor shown. The signals that would only terminate end trail with 128 + the
# signal (after saving, as SIGTERM does); those that would dump core restore and re-raise.
# Flow control: while the browser runs, the pane's terminal has IXON off (Ctrl-S does not
# freeze the display) and Ctrl-S reaches trail as a key; it is back on after trail quits.
# A signal trail was started with ignored stays ignored.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
. "$here/lib/hostile.sh"
. "$here/lib/fixture.sh"
tui_setup hfatal
fixture_setup hfatal fixture
trap 'for s in $TUI_SOCKS; do tmux -L "$s" kill-server >/dev/null 2>&1; done; rm -rf "$TUI_DIR" "$WORK"' EXIT
export TRAIL_STATE="$WORK/progress.yaml"

# Under ASan the core-dumping signals are reported by the sanitizer's own handler first;
# the terminal must still be restored, which is what is checked.
for sig in USR1 USR2 ALRM PIPE VTALRM PROF IO PWR RTMIN RTMAX XCPU XFSZ SYS TRAP; do
    name=sig-$sig
    host_start "$name" 80 24 --content "$CONTENT/fixture"
    tui_wait "1  Overview" "$name: trail is up" >/dev/null || continue
    kill -s "$sig" "$(host_pid "$name")"
    host_finished "$name"
    rc=$(cat "$TUI_DIR/$name.rc" 2>/dev/null)
    [ -n "$rc" ] && [ "$rc" -ge 128 ] && pass "$name: ended by the signal (exit $rc)" ||
        fail "$name: exit status '$rc'"
done

# Flow control while the browser runs.
name=ixon
host_start "$name" 80 24 --content "$CONTENT/fixture"
tui_wait "1  Overview" "$name: trail is up"
tty=$(tmx display -p '#{pane_tty}')
expect_contains " $(stty -a <"$tty") " " -ixon " "IXON is off while the browser runs"
tui_keys C-s
tui_keys 2
tui_wait "Plant the Trees" "after Ctrl-S, keys still reach trail and the screen updates"
tui_keys q
host_finished "$name"
expect_contains " $(stty -F "$tty" -a 2>/dev/null || stty -a <"$tty") " " ixon " \
    "IXON is back on after trail quits"

# A quit signal trail was started with ignored (nohup, a background job's SIGPIPE) stays
# ignored: the browser goes on and quits normally afterwards.
name=ignored
HOST_WRAP="trap '' USR2;" host_start "$name" 80 24 --content "$CONTENT/fixture"
tui_wait "Plant the Trees" "$name: trail is up, where the last run left it"
kill -s USR2 "$(host_pid "$name")"
tui_keys Escape
tui_wait "1  Overview" "$name: trail goes on after a signal it was started ignoring"
tui_keys q
host_finished "$name"
expect_status 0 "$(cat "$TUI_DIR/$name.rc" 2>/dev/null)" "$name: trail quits normally"
finish
