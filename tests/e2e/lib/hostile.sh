# SPDX-License-Identifier: MIT
# Helpers for tests/e2e/hostile_*.sh, sourced after lib/assert.sh and lib/tmux.sh: start trail
# in a pane while recording its pid, exit status and stderr, and inspect the process.

# host_use NAME: makes NAME's tmux server (see host_start) the one tmx and tui_* talk to.
host_use() {
    TUI_SOCK="trail-$TUI_NAME-$1-$$"
}

# host_pane NAME COLS ROWS COMMAND...: runs a shell command line in a new tmux server of
# COLS x ROWS (the servers of earlier cases keep running until the script exits) and makes it
# current. The pane stays open after the command ends.
host_pane() {
    local name=$1 cols=$2 rows=$3
    shift 3
    host_use "$name"
    TUI_SOCKS="$TUI_SOCKS $TUI_SOCK"
    tui_start "$cols" "$rows" "$@"
}

# host_start NAME COLS ROWS [TRAIL ARGS...]: runs trail in a new pane (see host_pane). The
# inner shell records its pid and then becomes trail, so NAME.pid is trail's pid; trail's
# stderr goes to NAME.err, its exit status to NAME.rc and `stty -g` before and after to
# NAME.before / NAME.after (all in $TUI_DIR). Extra arguments are passed shell-quoted.
# HOST_WRAP, when set, is a command line put in front (e.g. strace ...): it runs the shell that
# becomes trail, so NAME.pid is still trail's pid.
host_start() {
    local name=$1 cols=$2 rows=$3
    shift 3
    local args="" a
    for a in "$@"; do
        args+=" $(printf '%q' "$a")"
    done
    rm -f "$TUI_DIR/$name".{pid,rc,err,before,after}
    host_pane "$name" "$cols" "$rows" "stty -g >'$TUI_DIR/$name.before';" \
        "${HOST_WRAP:-} sh -c 'echo \$\$ >\"$TUI_DIR/$name.pid\"; exec \"\$0\" \"\$@\"'" \
        "'$TRAIL_BIN'$args 2>'$TUI_DIR/$name.err';" \
        "echo \$? >'$TUI_DIR/$name.rc'; stty -g >'$TUI_DIR/$name.after'"
}

# host_pid NAME: trail's pid once the pane has recorded it (empty on timeout).
host_pid() {
    local deadline=$((SECONDS + TUI_TIMEOUT))
    until [ -s "$TUI_DIR/$1.pid" ] || [ $SECONDS -ge $deadline ]; do
        sleep 0.02
    done
    cat "$TUI_DIR/$1.pid" 2>/dev/null
}

# host_cpu PID: the process's user + system CPU time so far, in clock ticks.
host_cpu() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) } # fields after "(comm) ", which may itself hold spaces
    set -- $stat
    echo $((${12} + ${13}))
}

# host_idle PID WHAT: over about two seconds with no input, the process uses (almost) no CPU:
# at most 10 clock ticks (a loop that spins would use 100 a second; the bound is generous for a
# loaded machine).
host_idle() {
    local before after deadline=$((SECONDS + 2))
    before=$(host_cpu "$1")
    until [ $SECONDS -ge $deadline ]; do
        sleep 0.2
    done
    after=$(host_cpu "$1")
    if [ -n "$before" ] && [ -n "$after" ]; then
        expect_le $((after - before)) 10 "$2: CPU ticks used over 1-2 s"
    else
        fail "$2: cannot read trail's CPU time"
    fi
}

# host_finished NAME: waits for the pane's trail to end; checks the terminal is restored.
host_finished() {
    local name=$1
    tui_wait_file "$TUI_DIR/$name.after" || return 1
    if cmp -s "$TUI_DIR/$name.before" "$TUI_DIR/$name.after"; then
        pass "$name: stty -g unchanged"
    else
        fail "$name: stty -g was $(cat "$TUI_DIR/$name.before"), now $(cat "$TUI_DIR/$name.after")"
    fi
    tmx display -p '#{alternate_on}' | grep -qx 0 && pass "$name: alternate screen left" ||
        fail "$name: still on the alternate screen"
    tmx display -p '#{cursor_flag}' | grep -qx 1 && pass "$name: cursor shown" ||
        fail "$name: cursor hidden"
}

# host_no_sanitizer_report NAME: trail's stderr holds no AddressSanitizer, LeakSanitizer or
# UndefinedBehaviorSanitizer report.
host_no_sanitizer_report() {
    if grep -qE 'Sanitizer|runtime error:' "$TUI_DIR/$1.err" 2>/dev/null; then
        fail "$1: a sanitizer report:"$'\n'"$(head -n 40 "$TUI_DIR/$1.err")"
    else
        pass "$1: no sanitizer report"
    fi
}

# host_wait_last REGEX WHAT: polls until the pane's last row matches the extended REGEX.
host_last_is() { tui_screen | tail -n 1 | grep -qE -- "$1"; }
host_wait_last() {
    tui_until "$2" host_last_is "$1"
}

# host_step KEY TEXT WHAT: presses KEY, then polls until the screen has changed and shows TEXT
# (so a TEXT that was already on screen does not pass before KEY was handled).
host_changed_to() { # BEFORE TEXT
    local now
    now=$(tui_screen)
    [ "$now" != "$1" ] && grep -qF -- "$2" <<<"$now"
}
host_step() {
    local before
    before=$(tui_screen)
    tui_keys "$1"
    tui_until "$3" host_changed_to "$before" "$2"
}
