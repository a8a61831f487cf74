#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Start-up does not look at a part of the guide twice: from the start to the loaded guide
# (Home, then every part loaded after the first frame), the career path's, certifications' and
# FAQ's files are each looked up by name (stat and the like) once: the sizes that decide how
# they are loaded after the first frame come from the look guide_load() took. guide.yaml is
# looked up twice at the most: to find the guide, and for the key of its compiled copy.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
require_strace
tui_setup guide_stats
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" # under ptrace
trace="$TUI_DIR/trace"

tui_start 80 24 "strace -f -qq -o '$trace' -e trace=%file '$TRAIL_BIN' --content '$FIXTURE'"
tui_wait "FAQ · 7 questions" "Home is up with every part loaded"
tui_keys q
tui_wait "[exit 0]" "q quits"

# n FILE: how many times FILE was looked up by name (an fstat of a file being read is not a
# look-up), whatever the call is called.
n() { grep -E "^[0-9]+ +[a-z0-9_]*stat[a-z0-9_]*\([A-Z_, ]*\"$FIXTURE/$1\"" "$trace" | wc -l; }
for f in career-path.yaml certifications.yaml faq.yaml; do
    [ "$(n "$f")" = 1 ] && pass "$f is looked up once" || fail "$f is looked up $(n "$f") times"
done
[ "$(n guide.yaml)" = 1 ] && pass "guide.yaml is looked up once" || fail "guide.yaml is looked up $(n guide.yaml) times"
finish
