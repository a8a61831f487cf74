# SPDX-License-Identifier: MIT
# The terminal is restored however trail ends: q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT and a crash
# (SIGSEGV): `stty -g` in the pane is the same before and after, the alternate screen is left
# and the exit status says how it ended.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
tui_setup terminal

# run_case NAME HOW EXPECTED_STATUS: HOW is "key:<tmux key>" or "signal:<name>".
run_case() {
    local name=$1 how=$2 want=$3
    tui_new_server "$name"
    rm -f "$TUI_DIR/before" "$TUI_DIR/after" "$TUI_DIR/rc" "$TUI_DIR/pid"
    # The inner shell records its pid and becomes trail, so the signal goes to trail itself.
    tui_start 80 24 "stty -g >'$TUI_DIR/before';" \
        "sh -c 'echo \$\$ >\"$TUI_DIR/pid\"; exec \"\$0\" \"\$@\"'" \
        "'$TRAIL_BIN' --content '$FIXTURE';" \
        "echo \$? >'$TUI_DIR/rc'; stty -g >'$TUI_DIR/after'"
    tui_wait "1  Overview" "$name: trail is up"
    tmx display -p '#{alternate_on}' | grep -qx 1 && pass "$name: alternate screen on" ||
        fail "$name: alternate screen not on"
    case $how in
    key:*) tui_keys "${how#key:}" ;;
    signal:*) kill -s "${how#signal:}" "$(cat "$TUI_DIR/pid")" ;;
    esac
    tui_wait_file "$TUI_DIR/after"
    expect_status "$want" "$(cat "$TUI_DIR/rc")" "$name: exit status"
    if cmp -s "$TUI_DIR/before" "$TUI_DIR/after"; then pass "$name: stty settings restored"; else
        fail "$name: stty before $(cat "$TUI_DIR/before") after $(cat "$TUI_DIR/after")"; fi
    tmx display -p '#{alternate_on}' | grep -qx 0 && pass "$name: alternate screen left" ||
        fail "$name: still on the alternate screen"
    tmx display -p '#{cursor_flag}' | grep -qx 1 && pass "$name: cursor shown" ||
        fail "$name: cursor hidden"
}

run_case quit key:q 0
run_case ctrl-c key:C-c 130
run_case sigterm signal:TERM 143
run_case sighup signal:HUP 129
run_case sigquit signal:QUIT 131
run_case sigsegv signal:SEGV 139
finish
