# SPDX-License-Identifier: MIT
# Helpers for driving the real browser in tmux: a private server per test (tmux -L), a pane of
# a fixed size, and waits that poll capture-pane against a deadline (never a fixed sleep).
# Sources lib/assert.sh.
. "$(dirname "${BASH_SOURCE[0]}")/assert.sh"

TUI_TIMEOUT=${TUI_TIMEOUT:-10}

# tui_setup NAME: a private socket and a scratch directory TUI_DIR, both removed on exit; HOME
# is TUI_DIR (exported), never the real home, whatever a case forgets, and `state` names a
# progress file there.
tui_setup() {
    command -v tmux >/dev/null 2>&1 || { echo "tmux not found"; exit 77; }
    : "${TRAIL_BIN:?TRAIL_BIN must name the trail binary}"
    TUI_NAME=$1
    TUI_SOCK="trail-$1-$$"
    TUI_SOCKS=$TUI_SOCK
    TUI_DIR=$(mktemp -d)
    trap 'for s in $TUI_SOCKS; do tmux -L "$s" kill-server >/dev/null 2>&1; done; rm -rf "$TUI_DIR"' EXIT
    printf 'set -g default-terminal "%s"\nset -g status off\nset -g escape-time 0\n' \
        "${TUI_TERM:-tmux-256color}" >"$TUI_DIR/tmux.conf"
    export HOME="$TUI_DIR"
    state="$TUI_DIR/progress.yaml"
}

# tui_own_dirs: after tui_setup, the configuration and state directories (XDG_CONFIG_HOME,
# XDG_STATE_HOME) are in TUI_DIR too.
tui_own_dirs() {
    export XDG_CONFIG_HOME="$TUI_DIR/config" XDG_STATE_HOME="$TUI_DIR/state"
}

# trail ARGS...: the command line on the guide `guide` (the fixture guide unless set) and the
# progress file `state`.
trail() { "$TRAIL_BIN" --content "${guide:-$FIXTURE}" --state "$state" "$@"; }

# tui_prepare ARGS...: before the browser starts, runs trail ARGS (output discarded, a UTF-8
# locale); a failure is recorded.
tui_prepare() {
    LC_ALL=C.UTF-8 trail "$@" >/dev/null 2>&1 || fail "trail $* failed"
}

# tui_footer_ok WHAT: the pane's last row, the footer, ends with the way to help and the way out.
tui_footer_ok() {
    local last
    last=$(tui_screen | tail -n 1)
    case "$last" in
    *"? Help  q Quit") pass "$1: the footer ends with ? Help and q Quit" ;;
    *) fail "$1: the footer is '$last'" ;;
    esac
}

# tui_new_server SUFFIX: stops this test's tmux server and uses a fresh one (its own socket,
# so a server still shutting down cannot be confused with the new one).
tui_new_server() {
    tmx kill-server >/dev/null 2>&1
    TUI_SOCK="trail-$TUI_NAME-$1-$$"
    TUI_SOCKS="$TUI_SOCKS $TUI_SOCK"
}

tmx() {
    tmux -L "$TUI_SOCK" -f "$TUI_DIR/tmux.conf" "$@"
}

# tui_start COLS ROWS COMMAND: runs COMMAND (a shell command line) in a new pane with a UTF-8
# locale. When it ends, "[exit N]" is printed and the pane stays open.
tui_start() {
    local cols=$1 rows=$2
    shift 2
    tmx new-session -d -x "$cols" -y "$rows" -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 \
        "$*; echo \"[exit \$?]\"; exec sleep 3600"
}

tui_screen() {
    tmx capture-pane -p "$@"
}

# tui_until WHAT TEST...: polls until the command TEST... succeeds, then records WHAT as
# passed; when the deadline passes, records a failure with the screen and returns non-zero.
tui_until() {
    local what=$1 deadline=$((SECONDS + TUI_TIMEOUT))
    shift
    while [ $SECONDS -lt $deadline ]; do
        if "$@"; then
            pass "$what"
            return 0
        fi
        sleep 0.05
    done
    fail "$what: timed out; the screen was:"$'\n'"$(tui_screen)"
    return 1
}

tui_shows() { tui_screen | grep -qF -- "$1"; }
tui_shows_flat() { tui_screen | tr -s ' \n' '  ' | grep -qF -- "$1"; }
tui_lacks() { ! tui_shows "$1"; }

# tui_wait TEXT [WHAT]: polls the pane until it shows TEXT (see tui_until).
tui_wait() {
    tui_until "${2:-"screen shows '$1'"}" tui_shows "$1"
}

# tui_wait_gone TEXT [WHAT]: polls until the pane no longer shows TEXT.
tui_wait_gone() {
    tui_until "${2:-"screen no longer shows '$1'"}" tui_lacks "$1"
}

# tui_wait_flat TEXT WHAT: like tui_wait, but TEXT may be wrapped over several rows (a long status).
tui_wait_flat() {
    tui_until "$2" tui_shows_flat "$1"
}

# tui_wait_file FILE: polls until FILE exists and is not empty.
tui_wait_file() {
    local deadline=$((SECONDS + TUI_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        [ -s "$1" ] && return 0
        sleep 0.05
    done
    fail "timed out waiting for $1"
    return 1
}

# tui_wait_in_file FILE TEXT WHAT: polls until FILE holds TEXT (a save is done after the key's
# batch).
tui_wait_in_file() {
    tui_until "$3" grep -qF -- "$2" "$1" 2>/dev/null
}

tui_keys() {
    tmx send-keys "$@"
}

# The header line (breadcrumb and position).
tui_header() {
    tui_screen | head -n 1
}
