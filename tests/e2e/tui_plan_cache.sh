#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A Markdown plan's first screen kept in the user's cache: the first open writes a copy of its
# title and introduction, the next draws the same screen from it and reads the plan once (for
# its sections, after the first frame) instead of twice; md4c is loaded once per run either way
# (strace counts both), and the plan is looked at once by its name. An edit in place that keeps the size and the modification time is seen,
# and a damaged copy is ignored.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$TRAIL_TEST_DATA/plans/small-plan.md"
tui_setup plan-cache
export XDG_CACHE_HOME="$TUI_DIR/cache"
plan="$TUI_DIR/plan.md"
cp "$TRAIL_TEST_DATA/plans/small-plan.md" "$plan"
# Waits until the clock is past the plan's last change by more than a file-time tick, so that
# a copy written from now on is trusted.
tick() {
    local last
    last=$(find "$plan" -printf '%C@\n' | tr -d .)
    last=${last:0:19}
    while [ "$(date +%s%N)" -le "$((10#$last + 20000000))" ]; do :; done
}
kept() { find "$XDG_CACHE_HOME/trail/guides" -type f 2>/dev/null | wc -l; }
trace=""
have_strace && trace=yes || skip_part "strace is not installed (counting md4c's loads)"

# open_plan N TITLE: the browser on the plan (under strace when it can run), until Home has
# counted the sections; its screen then goes to screen.N, the files it opened and looked at
# to trace.N.
open_plan() {
    local prefix=""
    # LeakSanitizer cannot run under ptrace: the unit tests check these loads for leaks.
    [ -n "$trace" ] && prefix="ASAN_OPTIONS='${ASAN_OPTIONS:-}:detect_leaks=0' \
        strace -f -qq -e trace=openat,%%stat -o '$TUI_DIR/trace.$1'"
    tui_new_server "$1"
    tui_start 80 24 "$prefix '$TRAIL_BIN' --state '$state' '$plan'"
    tui_wait "$2" "open $1: the title shows"
    tui_wait "Plan · 3 sections" "open $1: Home counts the sections"
    tui_screen >"$TUI_DIR/screen.$1"
    tui_keys q
    tui_wait "[exit 0]" "open $1: q quits"
}
opened() { grep -c "openat(.*$1" "$TUI_DIR/trace.$2"; }
looked_at() { grep -v openat "$TUI_DIR/trace.$2" | grep -c "\"$1\""; }

tick
open_plan 1 "Small Plan"
expect_status 1 "$(kept)" "the first open keeps a copy of the first screen"
open_plan 2 "Small Plan"
expect_status "$(cat "$TUI_DIR/screen.1")" "$(cat "$TUI_DIR/screen.2")" \
    "the screen drawn from the copy is the one drawn from the plan"
if [ -n "$trace" ]; then
    expect_status 1 "$(opened libmd4c 1)" "md4c is loaded once when the plan is parsed twice"
    expect_status 2 "$(opened "$plan" 1)" "without a copy, the plan is read for Home, then whole"
    expect_status 1 "$(opened libmd4c 2)" "md4c is loaded once, for the sections"
    expect_status 1 "$(opened "$plan" 2)" "with the copy, the plan is read once, whole"
    expect_status 1 "$(looked_at "$plan" 2)" "the plan is looked at once by its name"
fi

# In place, with the same size and modification time: only the change time tells.
cp -p "$plan" "$TUI_DIR/ref"
ino=$(stat -c %i "$plan")
printf 'Small Plum' | dd of="$plan" bs=1 seek=2 conv=notrunc status=none
touch -r "$TUI_DIR/ref" "$plan"
expect_status "$ino $(stat -c '%s %y' "$TUI_DIR/ref")" "$(stat -c '%i %s %y' "$plan")" \
    "the edit kept the inode, the size and the modification time"
open_plan 3 "Small Plum"
expect_not_contains "$(cat "$TUI_DIR/screen.3")" "Small Plan" "the old title is gone"

# A damaged copy: ignored, and written again.
tick
open_plan 4 "Small Plum"
copy=$(find "$XDG_CACHE_HOME/trail/guides" -type f)
truncate -s 100 "$copy"
open_plan 5 "Small Plum"
expect_status "$(cat "$TUI_DIR/screen.4")" "$(cat "$TUI_DIR/screen.5")" \
    "a cut copy is ignored: the plan's own first screen"
[ -n "$trace" ] && expect_status 2 "$(opened "$plan" 5)" "the plan is read for Home again"
finish
