# SPDX-License-Identifier: MIT
# Checklist progress in the browser at 80x24, each case with its own --state file: Space and p
# tick two key actions, which are still ticked after quitting and starting again, with the bars
# and percentages on the career path and Home agreeing with `trail --progress` (it reads the
# same file); s, u (several levels) and ] (across phases); a save that fails (the state file's
# parent is a regular file; a read-only bind mount when unshare is permitted) shows why, keeps
# the tick on screen and makes q warn once; SIGTERM and SIGHUP after a tick whose save had
# failed: the save at exit puts the tick in the file.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
tui_setup progress
guide="$FIXTURE"
dot="·"

# The plain-text report of a state file.
report() {
    LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$guide" --state "$1" --progress 2>/dev/null
}

# report_line STATE TITLE: the progress line under TITLE ("1. Lamp & Tower Basics", "Overall").
report_line() {
    report "$1" | awk -v t="$2" 'found { print; exit } $0 == t { found = 1 }'
}

# ratio LINE: "1/5 · 20%" as the browser shows it, from a report line "[...]  20%  1/5  done...".
ratio() {
    printf '%s\n' "$1" | awk -v d="$dot" '{ print $3 " " d " " $2 }'
}

# counts LINE: "done 1 · in progress 1 · skipped 0 · to do 3" from a report line.
counts() {
    printf '%s\n' "$1" | sed 's/.*\(done [0-9]* \)/\1/'
}

# wait_report STATE TEXT WHAT: polls the report until it contains TEXT.
wait_report() {
    local deadline=$((SECONDS + TUI_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        if report "$1" | grep -qF -- "$2"; then
            pass "$3"
            return 0
        fi
        sleep 0.05
    done
    fail "$3: the report never said '$2':"$'\n'"$(report "$1")"
    return 1
}

# start NAME STATE [PREFIX]: a fresh server running trail on STATE; its pid goes to
# $TUI_DIR/NAME.pid (the inner shell becomes trail) and its exit status to $TUI_DIR/NAME.rc.
start() {
    local name=$1 state=$2 prefix=${3:-}
    tui_new_server "$name"
    tui_start 80 24 "$prefix sh -c 'echo \$\$ >\"$TUI_DIR/$name.pid\"; exec \"\$0\" \"\$@\"'" \
        "'$TRAIL_BIN' --content '$guide' --state '$state'; echo \$? >'$TUI_DIR/$name.rc'"
    tui_wait "Keeper" "$name: trail is up"
}

# ---- Tick two actions, quit, start again: both ticked, the numbers agree with --progress.
state="$TUI_DIR/ticks/progress.yaml"
start ticks "$state"
tui_keys 2 Enter
tui_wait "[ ] Trim the wicks" "ticks: the first phase's checklist is open"
tui_keys Space
tui_wait "[x] Trim the wicks" "Space marks the action done"
tui_keys j p
tui_wait "[~] Keep the logbook in ink" "p marks the next one in progress"
tui_wait "1/5 · 20%" "the phase header counts 1 done of 5"
wait_report "$state" "done 1 · in progress 1 · skipped 0 · to do 18" "both changes are saved at once"
tui_keys q
tui_wait "[exit 0]" "ticks: q quits with status 0"

start again "$state"
# trail resumes in the checklist where it quit (tui_companion.sh tests resume); back to Home.
tui_wait "Career Path › Lamp & Tower Basics" "again: trail reopens the checklist it quit in"
tui_keys Escape Escape
tui_wait "Current phase" "again: Back twice is Home"
home=$(tui_screen)
line=$(report_line "$state" Overall)
expect_contains "$home" "$(ratio "$line")" "Home's overall ratio and percentage agree with --progress"
expect_contains "$home" "$(counts "$line")" "Home's counts agree with --progress"
expect_contains "$home" "Current phase   1. Lamp & Tower Basics" "Home names the current phase"
expect_contains "$(report "$state")" "Current phase: 1. Lamp & Tower Basics" \
    "--progress names the same current phase"
tui_keys 2
tui_wait "Lamp & Tower Basics (Months 1-3)" "again: the career path is open"
line=$(report_line "$state" "1. Lamp & Tower Basics")
expect_contains "$(tui_screen)" "$(ratio "$line")" "the first phase's bar agrees with --progress"
line=$(report_line "$state" "2. Optics & Clockwork")
expect_contains "$(tui_screen)" "$(ratio "$line")" "the second phase's bar agrees with --progress"
tui_keys Enter
tui_wait "[x] Trim the wicks" "the done mark is still there after a restart"
tui_wait "[~] Keep the logbook in ink" "the in-progress mark too"

# ---- s, then undo over several levels.
tui_keys j j s
tui_wait "[-] Tie the six knots" "s marks the third action skipped"
tui_keys j x
tui_wait "[x] Learn the marine radio" "x marks the fourth action done"
tui_wait "2/4 · 50%" "skipped actions leave the denominator (2 of 5 - 1)"
wait_report "$state" "done 2 · in progress 1 · skipped 1 · to do 16" "s and x are saved"
tui_keys s
tui_wait "[-] Learn the marine radio" "s on a done action marks it skipped"
tui_keys s
tui_wait "[ ] Learn the marine radio" "s again makes it to do"
tui_keys u
tui_wait "[-] Learn the marine radio" "u undoes the last change"
tui_keys u u
tui_wait "[ ] Learn the marine radio" "two more u undo the two changes before"
expect_contains "$(tui_screen)" "[-] Tie the six knots" "one level at a time"
tui_keys u
tui_wait "[ ] Tie the six knots" "a fourth u undoes the first change"
wait_report "$state" "done 1 · in progress 1 · skipped 0 · to do 18" "the undos are saved"
tui_keys u
tui_wait "Nothing to undo." "u with nothing left to undo says so"

# ---- ] jumps to the next action to do, across phases.
tui_keys Escape Escape
tui_wait "Current phase   1. Lamp & Tower Basics" "back on Home"
tui_keys ']'
tui_wait "Career Path › Lamp & Tower Basics" "] from Home opens the phase of the first action to do"
tui_wait "2/5" "and selects it (the in-progress action)"
tui_keys ']'
tui_wait "3/5" "] moves to the next action to do"
tui_keys G ']'
tui_wait "Career Path › Optics & Clockwork" "] after the last action opens the next phase"
tui_wait "1/5" "and selects its first action"
tui_keys Escape
tui_wait "2/4" "Back returns to the career path with that phase selected"
tui_keys q
tui_wait "[exit 0]" "again: q quits with status 0"

# ---- Saved items this guide does not have: said once on Home, kept in the file.
mkdir -p "$TUI_DIR/unknown"
unknown="$TUI_DIR/unknown/progress.yaml"
cat >"$unknown" <<'EOF'
version: 1
guides:
  lighthouse:
    items:
      gone/first:
        state: done
        changed: 2025-11-26T06:30:12.345Z
      gone/second:
        state: skipped
        changed: 2025-11-26T06:30:12.345Z
      basics/trim-wicks:
        state: done
        changed: 2025-11-26T06:30:12.345Z
EOF
start unknown "$unknown"
tui_wait "2 saved items are not in this guide; kept." "Home says how many saved items are unknown"
tui_keys j
tui_wait_gone "saved items are not in this guide" "the notice goes with the next key"
tui_keys 2 Enter j Space
tui_wait "[x] Keep the logbook in ink" "unknown: a tick"
wait_report "$unknown" "done 2 · in progress 0" "unknown: the tick is saved"
grep -q "gone/first" "$unknown" && grep -q "gone/second" "$unknown" &&
    pass "the unknown items are still in the file" || fail "unknown items were dropped"
tui_keys Escape Escape
tui_wait "Current phase" "unknown: back on Home"
expect_not_contains "$(tui_screen)" "not in this guide" "the notice is said only once"
tui_keys q
tui_wait "[exit 0]" "unknown: q quits"

# ---- A damaged file: kept aside, said once, and progress starts from what could be read.
mkdir -p "$TUI_DIR/damaged"
damaged="$TUI_DIR/damaged/progress.yaml"
printf 'version: 1\nguides: [\n' >"$damaged"
start damaged "$damaged"
tui_wait_flat "the original is kept as $damaged.corrupt-" "the start says the damaged file is kept aside"
tui_keys q
tui_wait "[exit 0]" "damaged: q quits"
# A file from a newer version: read-only, said at the start, ticks say why they are not saved.
newer="$TUI_DIR/damaged/newer.yaml"
printf 'version: 99\nguides: {}\n' >"$newer"
cp "$newer" "$TUI_DIR/newer.orig"
start newer "$newer"
tui_wait_flat "Progress is read-only" "the start says a newer version's file is read-only"
tui_keys 2 Enter Space
tui_wait "[x] Trim the wicks" "newer: ticking works in memory"
tui_wait_flat "Progress is not saved" "the status line says it is not saved"
tui_keys q q
tui_wait "[exit 0]" "newer: q, q quits"
cmp -s "$newer" "$TUI_DIR/newer.orig" && pass "the newer version's file is untouched" ||
    fail "the newer version's file changed"

# ---- A save that must fail: the state file's parent is a regular file.
: >"$TUI_DIR/not-a-dir"
bad="$TUI_DIR/not-a-dir/progress.yaml"
start failing "$bad"
tui_wait_flat "Not a directory" "the start says the progress file cannot be read"
tui_keys 2 Enter
tui_wait "[ ] Trim the wicks" "failing: the checklist is open"
tui_keys Space
tui_wait "[x] Trim the wicks" "the tick still shows in memory"
tui_wait_flat "Could not save progress" "the status line says the save failed"
tui_wait_flat "Not a directory" "and why"
tui_keys j
tui_wait_gone "Could not save" "the message goes with the next key"
tui_keys q
tui_wait_flat "Press q again to quit without saving" "q with unsaved changes warns"
tui_wait_flat "trail --state FILE" "and says how to write elsewhere"
tui_keys q
tui_wait "[exit 0]" "a second q quits"
tui_wait_flat "Changes made since the last save are lost" "leaving says what was not saved"
[ -e "$bad" ] && fail "a file appeared under a regular file" || pass "nothing was written"

# ---- The next change retries a failed save: once the fault is gone, both changes are saved.
parent="$TUI_DIR/retry"
: >"$parent"
start retry "$parent/progress.yaml"
tui_keys 2 Enter Space
tui_wait_flat "Could not save progress" "retry: the first save fails"
rm -f "$parent" && mkdir "$parent"
tui_keys j x
tui_wait "[x] Keep the logbook in ink" "retry: a second tick"
tui_wait_flat "Saved to $parent/progress.yaml" "the status line says progress is saved again"
expect_contains "$(report "$parent/progress.yaml")" "done 2 · in progress 0" \
    "the next change saved both ticks"
tui_keys q
tui_wait "[exit 0]" "retry: q quits at once, nothing is unsaved"

# ---- A read-only bind mount (a private mount namespace; root ignores chmod).
if unshare -rm true 2>/dev/null; then
    mkdir -p "$TUI_DIR/ro"
    ro="$TUI_DIR/ro/progress.yaml"
    start readonly "$ro" "unshare -rm sh -c 'mount --bind \"$TUI_DIR/ro\" \"$TUI_DIR/ro\" &&
        mount -o remount,bind,ro \"$TUI_DIR/ro\" && exec \"\$@\"' sh"
    tui_wait_flat "is read-only" "the start says the directory is read-only"
    tui_keys 2 Enter Space
    tui_wait "[x] Trim the wicks" "readonly: ticking still works in memory"
    tui_wait_flat "Read-only file system" "the status line says why it is not saved"
    tui_keys q
    tui_wait_flat "Press q again" "readonly: q warns once"
    tui_keys q
    tui_wait "[exit 0]" "readonly: a second q quits"
    [ -e "$ro" ] && fail "a file appeared in the read-only directory" || pass "nothing was written"
else
    skip_part "unshare -rm is not permitted here: the read-only bind mount case"
fi

# ---- SIGTERM and SIGHUP after a tick whose save failed; the fault is gone before the signal.
for sig in TERM HUP; do
    parent="$TUI_DIR/sig-$sig"
    : >"$parent"
    start "sig$sig" "$parent/progress.yaml"
    tui_keys 2 Enter Space
    tui_wait "[x] Trim the wicks" "SIG$sig: ticked"
    tui_wait_flat "Could not save progress" "SIG$sig: the first save failed"
    rm -f "$parent" && mkdir "$parent"
    kill -s "$sig" "$(cat "$TUI_DIR/sig$sig.pid")"
    tui_wait_file "$TUI_DIR/sig$sig.rc"
    want=$((128 + $(kill -l "$sig")))
    expect_status "$want" "$(cat "$TUI_DIR/sig$sig.rc")" "SIG$sig: exit status"
    expect_contains "$(report "$parent/progress.yaml")" "done 1 · in progress 0" \
        "SIG$sig: the tick was saved on the way out"
done

finish
