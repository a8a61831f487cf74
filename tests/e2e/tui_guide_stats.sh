#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Start-up does not look at a file twice: from the start to the loaded guide (Home, then every
# part loaded after the first frame), each file of the guide is looked up by name (stat and
# the like) once. The sizes that decide how the rest of the guide is loaded come from the
# look guide_load() took, and guide.yaml's own is the one that found the guide.
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

for f in guide.yaml career-path.yaml certifications.yaml faq.yaml; do
    # By name (an fstat of a file being read is not a look-up), whatever the call is called.
    n=$(grep -E "^[0-9]+ +[a-z0-9_]*stat[a-z0-9_]*\([A-Z_, ]*\"$FIXTURE/$f\"" "$trace" | wc -l)
    [ "$n" = 1 ] && pass "$f is looked up once" || fail "$f is looked up $n times"
done
finish
