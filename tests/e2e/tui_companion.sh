# SPDX-License-Identifier: MIT
# The learning companion in the browser at 80x24, each case with its own --state file under a
# private HOME and TMPDIR: a note written through a scripted $EDITOR (shown under its action,
# in the file, found by / and removed again; the temporary file is private and gone; a failing
# editor and one that writes invalid UTF-8 change nothing; SIGINT during the editor is left to
# it, SIGTERM waits for it and keeps the note); "What's left" lists exactly the
# actions not done or skipped and Enter opens one; trail reopens where it quit, and on Home
# when that item is gone; a certification marked passed with a date shows in the list, on
# Home and in --export json, and a bad date is refused in the form; the pace line after
# setting a start date far in the past, one far in the future, and clearing it.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
tui_setup companion
export TMPDIR="$TUI_DIR/tmp"
export XDG_STATE_HOME="$TUI_DIR/state" # where the browser keeps its resume positions
resume_file="$XDG_STATE_HOME/trail/resume.yaml"
mkdir -p "$TMPDIR"
guide="$FIXTURE"
dot="·"

trail_cli() { # STATE ARGS...: the command line on a state file
    local state=$1
    shift
    LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$guide" --state "$state" "$@" 2>/dev/null
}

# start NAME STATE [ENV]: a fresh server running trail on STATE with ENV (VAR=value ...).
start() {
    local name=$1 state=$2 env=${3:-}
    tui_new_server "$name"
    tui_start 80 24 "$env '$TRAIL_BIN' --content '$guide' --state '$state'"
    tui_wait "Keeper" "$name: trail is up"
}

# wait_file FILE TEXT WHAT: polls until FILE contains TEXT.
wait_file() {
    local deadline=$((SECONDS + TUI_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        if grep -qF -- "$2" "$1" 2>/dev/null; then
            pass "$3"
            return 0
        fi
        sleep 0.05
    done
    fail "$3: '$2' never appeared in $1"
    return 1
}

# ---- Notes through a scripted editor.
ed="$TUI_DIR/append.sh"
cat >"$ed" <<EOF
#!/bin/sh
stat -c %a "\$1" >"$TUI_DIR/mode"
printf '%s\n' "\$1" >"$TUI_DIR/path"
printf 'Khan Academy first, then 3Blue1Brown.\n' >>"\$1"
EOF
printf '#!/bin/sh\nexit 3\n' >"$TUI_DIR/fail.sh"
printf '#!/bin/sh\nprintf "bad \\377 byte\\n" >"$1"\n' >"$TUI_DIR/badutf8.sh"
printf '#!/bin/sh\n: >"$1"\n' >"$TUI_DIR/empty.sh"
chmod +x "$ed" "$TUI_DIR/fail.sh" "$TUI_DIR/badutf8.sh" "$TUI_DIR/empty.sh"

state="$TUI_DIR/notes/progress.yaml"
mkdir -p "$TUI_DIR/notes"
start notes "$state" "EDITOR='$ed' VISUAL="
tui_keys 2 Enter j
tui_wait "2/5" "notes: the second action is selected"
tui_keys e
tui_wait "✎ Khan Academy first, then 3Blue1Brown." "the note shows under its action"
tui_wait "Note added." "the status line says the note was added"
screen=$(tui_screen)
line=$(printf '%s\n' "$screen" | grep -n "Keep the logbook in ink" | cut -d: -f1)
nline=$(printf '%s\n' "$screen" | grep -n "✎ Khan Academy" | cut -d: -f1)
expect_status "$((line + 1))" "$nline" "the note is on the line under the action's text"
wait_file "$state" "Khan Academy first, then 3Blue1Brown." "the note is in the progress file"
expect_status 600 "$(cat "$TUI_DIR/mode")" "the editor got a file only the learner can read"
[ -e "$(cat "$TUI_DIR/path")" ] && fail "the temporary note file was left behind" ||
    pass "the temporary note file is removed"
expect_contains "$(trail_cli "$state" --progress)" "Notes: 1" "--progress counts the note"

tui_keys / 3blue1brown
tui_wait "1 match" "/ finds the note"
tui_wait "✎ Khan Academy first, then 3Blue1Brown." "the result shows the note as every list does"
tui_keys Enter Enter
tui_wait "Keeper › Career Path › Lamp & Tower" "Enter opens the action's checklist, where it lives"
expect_contains "$(tui_header)" "2/5" "with the noted action selected"
tui_keys Escape Escape
tui_wait_gone "› Search" "back at the checklist"
tui_keys q
tui_wait "[exit 0]" "notes: q quits"

# The editor fails, then writes invalid UTF-8: the note stays; then an empty file removes it.
start notes2 "$state" "EDITOR='$TUI_DIR/fail.sh' VISUAL="
tui_wait "✎ Khan Academy" "notes2: trail reopens at the noted action"
tui_keys e
tui_wait_flat "failed (exit 3); the note was not changed." "a failing editor is reported"
tui_keys q
tui_wait "[exit 0]" "notes2: q quits"
start notes3 "$state" "VISUAL='$TUI_DIR/badutf8.sh'"
tui_keys e
tui_wait_flat "not valid UTF-8" "\$VISUAL comes first; invalid UTF-8 is refused"
expect_contains "$(tui_screen)" "✎ Khan Academy" "the note is unchanged"
tui_keys q
tui_wait "[exit 0]" "notes3: q quits"
grep -q "Khan Academy" "$state" && pass "the file still has the note" || fail "the note was lost"
start notes4 "$state" "EDITOR='$TUI_DIR/empty.sh' VISUAL="
tui_keys e
tui_wait "Note removed." "an empty note removes it"
tui_wait_gone "✎ Khan" "the note no longer shows"
tui_keys q
tui_wait "[exit 0]" "notes4: q quits"
grep -q "Khan Academy" "$state" && fail "the removed note is still in the file" ||
    pass "the removed note is gone from the file"
[ -z "$(ls -A "$TMPDIR")" ] && pass "no temporary file is left" || fail "left: $(ls "$TMPDIR")"

# The editor starts with the signal mask and dispositions trail itself started with: nothing
# blocked (trail blocks its quit signals and SIGWINCH while curses is on), SIGINT and SIGQUIT
# not ignored, so Ctrl-C and resizing work inside it. (grep reads its own status: a program
# the editor's shell starts gets the mask the shell was given.)
mask_ed="$TUI_DIR/mask.sh"
cat >"$mask_ed" <<EOF
#!/bin/sh
grep -E '^Sig(Blk|Ign):' /proc/self/status >"$TUI_DIR/sigs"
printf 'mask checked\n' >>"\$1"
EOF
chmod +x "$mask_ed"
start notes5 "$state" "EDITOR='$mask_ed' VISUAL="
tui_keys e
tui_wait "mask checked" "notes5: the mask-checking editor ran"
tui_keys q
tui_wait "[exit 0]" "notes5: q quits"
blk=$(sed -n 's/^SigBlk:[[:space:]]*//p' "$TUI_DIR/sigs")
ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' "$TUI_DIR/sigs")
expect_status 0000000000000000 "$blk" "the editor starts with no signal blocked"
expect_status 0 $((0x$ign & 0x6)) "the editor starts with SIGINT and SIGQUIT not ignored"

# SIGINT while the editor runs is the editor's (trail ignores it); SIGTERM makes trail wait for
# the editor, keep the note and then quit cleanly with 128 + 15.
wait_ed="$TUI_DIR/wait.sh"
cat >"$wait_ed" <<EOF
#!/bin/sh
echo editing >"$TUI_DIR/editing"
while [ ! -e "$TUI_DIR/release" ]; do sleep 0.05; done
rm -f "$TUI_DIR/editing" "$TUI_DIR/release"
printf 'written after a signal\n' >>"\$1"
EOF
chmod +x "$wait_ed"
state="$TUI_DIR/signals/progress.yaml"
mkdir -p "$TUI_DIR/signals"
tui_new_server signals
tui_start 80 24 "EDITOR='$wait_ed' VISUAL= sh -c 'echo \$\$ >\"$TUI_DIR/trail.pid\"; exec \"\$0\" \"\$@\"'" \
    "'$TRAIL_BIN' --content '$guide' --state '$state'; echo \$? >'$TUI_DIR/signals.rc'"
tui_wait "Keeper" "signals: trail is up"
tui_keys 2 Enter e
tui_wait_file "$TUI_DIR/editing"
kill -INT "$(cat "$TUI_DIR/trail.pid")"
: >"$TUI_DIR/release"
tui_wait "✎ written after a signal" "after SIGINT in the editor trail still runs and keeps the note"
tui_keys j e
tui_wait_file "$TUI_DIR/editing"
kill -TERM "$(cat "$TUI_DIR/trail.pid")"
: >"$TUI_DIR/release"
tui_wait_file "$TUI_DIR/signals.rc"
expect_status 143 "$(cat "$TUI_DIR/signals.rc")" "SIGTERM during the editor: trail quits after it"
[ "$(grep -c "written after a signal" "$state")" = 2 ] && pass "both notes are in the file" ||
    fail "a note was lost:"$'\n'"$(cat "$state")"

# ---- What's left: tick one action and skip another, then w.
state="$TUI_DIR/left/progress.yaml"
mkdir -p "$TUI_DIR/left"
start left "$state"
tui_keys 2 Enter Space j s
tui_wait "[-] Keep the logbook in ink" "left: one done, one skipped"
tui_keys Escape Escape w
tui_wait "18 key actions to do or in progress" "w opens What's left with the count"
expect_contains "$(tui_header)" "1/18" "it lists 18 items"
expect_contains "$(trail_cli "$state" --progress --left)" "(18 of 20 key actions)" \
    "--progress --left says the same"
screen=$(tui_screen)
expect_not_contains "$screen" "Trim the wicks" "the done action is not listed"
expect_not_contains "$screen" "Keep the logbook in ink" "the skipped one neither"
expect_contains "$screen" "1. Lamp & Tower Basics (Months 1-3)" "grouped under its phase"
expect_contains "$screen" "[ ] Tie the six knots" "the first untouched action"
expect_contains "$screen" "2. Optics & Clockwork (Months 4-6)" "the next phase"
tui_keys j Enter
tui_wait "Keeper › Career Path › Lamp & Tower Basics" "Enter opens the action's phase; the breadcrumb says where it lives"
expect_contains "$(tui_header)" "4/5" "with the action selected (Learn the marine radio)"
tui_keys Space
tui_wait "[x] Learn the marine radio" "ticked in the checklist"
tui_keys Escape
tui_wait "17 key actions to do or in progress" "Back returns to What's left, updated"
expect_not_contains "$(tui_screen)" "Learn the marine radio" "the ticked action left the list"

# ---- Resume: quit inside a phase at an item; start again at the same place.
tui_keys Escape Escape 2 Enter j j
tui_wait "3/5" "resume: the third action is selected"
tui_keys q
tui_wait "[exit 0]" "resume: q quits"
wait_file "$resume_file" 'screen: "phase:basics"' "the position is kept in the state file"
grep -q "resume:" "$state" && fail "the position went into the progress file" ||
    pass "the progress file holds no position"
# Browsing alone (moving the selection, quitting) leaves the progress file byte for byte.
cp "$state" "$TUI_DIR/before-browse"
start browse "$state"
tui_wait "3/5" "browse: trail reopens the same action"
tui_keys j
tui_wait "4/5" "browse: the selection moves"
tui_keys q
tui_wait "[exit 0]" "browse: q quits"
cmp -s "$state" "$TUI_DIR/before-browse" && pass "browsing alone does not rewrite progress" ||
    fail "browsing alone rewrote the progress file"
start resume "$state"
tui_wait "Career Path › Lamp & Tower Basics" "trail reopens the same phase"
expect_contains "$(tui_header)" "4/5" "with the same action selected"
tui_keys Escape
tui_wait "Lamp & Tower Basics (Months 1-3)" "Back goes to the career path, as if opened by hand"
expect_contains "$(tui_header)" "1/4" "with the phase selected"
tui_keys q
tui_wait "[exit 0]" "resume: q quits again"
# An item that is gone: Home.
sed -i 's/^\(      item: \).*/\1gone\/nowhere/' "$resume_file"
grep -q "item: gone/nowhere" "$resume_file" && pass "the saved item was replaced" || fail "no item"
start gone "$state"
tui_wait "1  Overview" "an item that is gone: trail starts on Home"
expect_not_contains "$(tui_header)" "›" "Home is the only screen"
tui_keys q
tui_wait "[exit 0]" "gone: q quits"
# A position an older trail kept in the progress file itself is still read.
old="$TUI_DIR/old/progress.yaml"
mkdir -p "$TUI_DIR/old"
cat >"$old" <<'YAML'
version: 1
guides:
  lighthouse:
    resume:
      screen: phase:optics
      item: optics/clockwork
      scroll: 0
      changed: 2026-01-01T00:00:00.000Z
YAML
start old "$old"
tui_wait "Career Path › Optics & Clockwork" "an old resume entry in the progress file is read"
expect_contains "$(tui_header)" "2/5" "with its action selected"
tui_keys q
tui_wait "[exit 0]" "old: q quits"

# ---- The certification tracker.
state="$TUI_DIR/certs/progress.yaml"
mkdir -p "$TUI_DIR/certs"
start certs "$state"
tui_keys 3 Enter t
tui_wait "Track: Coastal Light Keeper" "t opens the form"
tui_keys Right Right Right Right
tui_wait "‹ passed ›" "Right cycles the status to passed"
tui_keys Down Down 2020-03-01 Down 2019-01-01 Enter
tui_wait "the expiry date must be after the passed date" "a bad expiry is refused inline"
tui_keys C-u Enter
tui_wait "Tracked: passed on 2020-03-01" "Enter saves"
tui_wait_gone "Track: Coastal" "the form closes"
expect_contains "$(tui_screen)" "passed on 2020-03-01" "the certification screen shows it"
tui_keys Escape
tui_wait "    passed on 2020-03-01" "back at the list, which shows it under the name"
tui_keys Escape
tui_wait "Certifications  1 passed" "Home counts it"
json=$(trail_cli "$state" --export json)
expect_contains "$json" '"status": "passed"' "--export json has the status"
expect_contains "$json" '"passed": "2020-03-01"' "and the date"
tui_keys 3 j t Escape
tui_wait "Not changed." "Esc in the form changes nothing"
tui_keys q
tui_wait "[exit 0]" "certs: q quits"
start certs2 "$state"
tui_wait "Certifications" "certs2: up"
tui_keys Escape Escape
tui_wait "Certifications  1 passed" "after a restart Home still counts it"
tui_keys q
tui_wait "[exit 0]" "certs2: q quits"

# ---- Pace: a start far in the past (the 12 months ended the day before 2001-01-01), one far
# in the future, and none. Today is 2001-01-15: with nothing ticked, the ticks are where the
# plan was on its first day, 380 days before.
state="$TUI_DIR/pace/progress.yaml"
mkdir -p "$TUI_DIR/pace"
now="TZ=UTC TRAIL_NOW=2001-01-15T12:00:00Z"
start pace "$state" "$now"
expect_not_contains "$(tui_screen)" "Pace" "no pace line without a start date"
tui_keys S
tui_wait "Started on (YYYY-MM-DD" "S opens the date prompt"
tui_keys 2000-02-30 Enter
tui_wait "not a real date; a date is like" "an impossible date is refused"
tui_keys C-u 1900-01-01 Enter
tui_wait "out of range (years 1970 to 9999)" "a year out of range says so"
tui_keys C-u 2000-01-01 Enter
tui_wait "Pace            The plan's 12 months ended on 2000-12-31 $dot about 54 weeks" \
    "the pace line after the plan says the lag in words"
expect_not_contains "$(tui_screen)" "you:" "the pace line names no phase"
wait_file "$state" "date: 2000-01-01" "the start date is saved"
expect_contains "$(TZ=UTC TRAIL_NOW=2001-01-15T12:00:00Z trail_cli "$state" --progress)" \
    "Pace: The plan's 12 months ended on 2000-12-31 $dot about 54 weeks behind" \
    "--progress says the same"
tui_keys S C-u 9999-01-01 Enter
tui_wait "(9999-01-01) $dot 12 months planned" "a start in the future"
tui_keys S C-u Enter
tui_wait "The start date is cleared." "an empty date clears it"
expect_not_contains "$(tui_screen)" "Pace  " "the pace line is gone"
tui_keys q
tui_wait "[exit 0]" "pace: q quits"

finish
