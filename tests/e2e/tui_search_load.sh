# SPDX-License-Identifier: MIT
# TUI-5: the first whole-guide search of a guide whose FAQ is not loaded yet does not freeze
# the browser. The FAQ is made large enough (over 256 KiB) to be loaded on a thread of its own
# (smaller parts are read at once, like the rest of the guide), and strace delays its opening by
# 6 s (as a very large FAQ would take to parse). The search opens at once on what is loaded, with a notice that the rest is loading;
# what is typed goes into it meanwhile, and once the FAQ is in, its matches are added without
# another key. Esc closes a search while the FAQ still loads, and the next search finds the
# FAQ once it is in.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
require_strace
tui_setup searchload
guide="$TUI_DIR/guide"
cp -r "$FIXTURE" "$guide"
faq="$guide/faq.yaml"
# 700 more questions of about 450 bytes each, none of them with the word searched below.
for i in $(seq 700); do
    printf '  - id: filler-%d\n    question: "Filler question number %d about the tower?"\n' "$i" "$i"
    printf '    answer: >-\n      %s\n\n' "$(printf 'The lamp room is swept and the brass is polished %.0s' 1 2 3 4 5 6 7 8)"
done >>"$faq"
size=$(wc -c <"$faq")
expect_le $((256 * 1024)) "$size" "the FAQ is large enough for the loader thread (bytes)"
# Opening faq.yaml takes this long: waits for the FAQ to come in allow for it on top.
delay_s=6
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" # under ptrace

start() {
    tui_new_server "$1"
    tui_start 80 24 "strace -f -qq -o /dev/null -P '$faq' -e trace=openat \
        -e inject=openat:delay_enter=${delay_s}000000 '$TRAIL_BIN' --content '$guide' --state '$TUI_DIR/p.yaml'"
    tui_wait "1  Overview" "$1: trail is up"
}

# "licence" is in one FAQ answer only (tests/data/guides/lighthouse/faq.yaml).
start typed
tui_keys /
t0=$(date +%s%N)
tui_wait "loading the rest of the guide" "the search says the rest of the guide is loading"
tui_keys l i c e n c e
tui_wait "/licence" "what is typed goes into the search while the FAQ loads"
ms=$((($(date +%s%N) - t0) / 1000000))
expect_le "$ms" 4000 "the search took keys while the FAQ was still loading (ms after /)"
TUI_TIMEOUT=$((TUI_TIMEOUT + delay_s)) tui_wait "1 match" "once the FAQ is in, its match is added without another key"
tui_keys Enter
tui_wait "FAQ" "the match is the FAQ's"
tui_keys Escape Escape q
tui_wait "[exit 0]" "q quits"

start closed
tui_keys /
tui_wait "loading the rest of the guide" "a fresh start: the notice again"
tui_keys Escape
tui_wait_gone "loading the rest" "Esc closes the search while the FAQ loads"
tui_keys 2
tui_wait "Lamp & Tower Basics" "keys work on while it loads: the career path opens"
# The next search, typed while the FAQ may still be loading, counts its match once it is in.
tui_keys / l i c e n c e
tui_wait "/licence" "the next search opens"
TUI_TIMEOUT=$((TUI_TIMEOUT + delay_s)) tui_wait "1 match" "the next search finds the FAQ once it is in"
tui_keys Escape q
tui_wait "[exit 0]" "q quits"
finish
