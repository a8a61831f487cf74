# TUI-5: the first whole-guide search of a guide whose FAQ is not loaded yet does not freeze
# the browser. strace delays the opening of faq.yaml by 6 s (as a very large FAQ would take to
# parse); meanwhile the status line says the guide is loading, keys keep working (the help
# opens and closes), and a key cancels the waiting search but not the loading: once the FAQ is
# in, / opens the search at once and finds a question. Without a key, the search opens by
# itself when the FAQ is in.
set -u
here=$(dirname "$0")
. "$here/lib/assert.sh"
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
require strace
strace -qq -o /dev/null true 2>/dev/null || { echo "skip: strace not permitted"; exit 77; }
tui_setup searchload
export HOME="$TUI_DIR"
guide="$TUI_DIR/guide"
cp -r "$FIXTURE" "$guide"
faq="$guide/faq.yaml"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" # under ptrace

start() {
    tui_new_server "$1"
    tui_start 80 24 "strace -f -qq -o /dev/null -P '$faq' -e trace=openat \
        -e inject=openat:delay_enter=6000000 '$TRAIL_BIN' --content '$guide' --state '$TUI_DIR/p.yaml'"
    tui_wait "1  Overview" "$1: trail is up"
}

start keys
tui_keys /
t0=$(date +%s%N)
tui_wait "Loading the guide for the search" "the search says the guide is loading"
tui_keys '?'
tui_wait "Keys:" "keys still work while it loads: the help opens"
ms=$((($(date +%s%N) - t0) / 1000000))
expect_le "$ms" 4000 "the help opened while the FAQ was still loading (ms after /)"
tui_keys Escape
tui_wait_gone "Keys:" "and closes"
# Once the FAQ is in (its question reaches the search), / opens the search at once.
sleep_until_loaded() {
    local deadline=$((SECONDS + TUI_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        tui_keys /
        if tui_screen | grep -qF "Loading the guide"; then
            tui_keys Escape
            sleep 0.2
            continue
        fi
        return 0
    done
    return 1
}
sleep_until_loaded && pass "the loading ends" || fail "the FAQ never finished loading"
tui_keys Escape
tui_keys / l i c e n c e
tui_wait "FAQ" "the search finds the FAQ's questions"
tui_keys Escape Escape q
tui_wait "[exit 0]" "q quits"

start wait
tui_keys /
tui_wait "Loading the guide for the search" "the notice shows again in a fresh start"
tui_wait_gone "Loading the guide for the search" "the search opens by itself once the FAQ is in"
tui_keys l i c e n c e
tui_wait "FAQ" "and searches the FAQ"
tui_keys Escape Escape q
tui_wait "[exit 0]" "q quits"
finish
