#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Changing progress from the shell: trail done|todo|doing|skip ITEM, --mark STATE ITEM,
# trail note ITEM TEXT|-, --import -, --list-ids. Items by id, prefix or words; every refusal
# (unknown item, ambiguous name, unknown state, empty note, a non-export on standard input)
# exits non-zero and leaves the progress file byte for byte as it was.
set -u
. "$(dirname "$0")/lib/assert.sh"

require_input "$FIXTURE"
cli_setup "$FIXTURE"

# ---- marking -------------------------------------------------------------------------------
out=$(trail done basics/trim-wicks 2>&1)
expect_status 0 $? "done by id"
expect_contains "$out" "Done: Trim the wicks and clean the soot from every burner of the lamp (basics/trim-wicks, was to do)" \
    "done says what changed in one line"
[ "$(printf '%s\n' "$out" | wc -l)" = 1 ] && pass "one line" || fail "more than one line: $out"
expect_contains "$(cat "$S")" "state: done" "the state is in the file"
out=$(trail done basics/trim-wicks 2>&1)
expect_status 0 $? "done again"
expect_contains "$out" "Already done: Trim the wicks" "done again says nothing changed"
out=$(trail doing knots 2>&1)
expect_status 0 $? "doing by a prefix of the id's last part"
expect_contains "$out" "In progress: Tie the six knots" "doing marks in progress"
out=$(trail skip optics/spare 2>&1)
expect_status 0 $? "skip by a prefix of the id"
expect_contains "$out" "Skipped: Fit the spare lamp" "skip marks skipped"
out=$(trail done "tide tables" 2>&1)
expect_status 0 $? "done by words"
expect_contains "$out" "(basics/tides, was to do)" "words find the one item"
out=$(trail --mark todo basics/tides 2>&1)
expect_status 0 $? "--mark todo"
expect_contains "$out" "To do: Read the tide tables" "--mark STATE ITEM works like the words"
out=$("$TRAIL_BIN" --state "$S" --progress 2>&1)
expect_contains "$out" "done 1 · in progress 1 · skipped 1" "--progress sees the shell's changes"

# ---- notes ---------------------------------------------------------------------------------
out=$(trail note basics/radio "Channel 16 first" 2>&1)
expect_status 0 $? "note with text"
expect_contains "$out" "Note added to key action basics/radio" "note says what it did"
out=$(printf 'Line one\nline two\n\n' | trail note basics - 2>&1)
expect_status 0 $? "note from standard input on a phase"
expect_contains "$out" "Note added to phase basics: Lamp & Tower Basics" "a phase takes a note"
expect_contains "$(cat "$S")" "Line one" "the note from standard input is saved"
out=$(trail --note radio "Channel 16, then 9" 2>&1)
expect_status 0 $? "--note ITEM TEXT"
expect_contains "$out" "Note replaced on key action basics/radio" "--note replaces a note"

# ---- trail undo (on a file of its own) ---------------------------------------------------------
export XDG_STATE_HOME="$tmp/state"
main_state=$S S="$tmp/undo.yaml"
out=$(trail done basics/logbook 2>&1) && out=$(trail undo 2>&1)
expect_status 0 $? "undo after done"
expect_contains "$out" "Undone: basics/logbook is todo again" "undo says what it took back"
expect_not_contains "$(trail --export json)" '"basics/logbook": {"state": "done"' "the state is back"
out=$(trail undo 2>&1)
expect_status 1 $? "a second undo has nothing to take back"
expect_contains "$out" "no change made from the shell to undo" "says so"
trail note basics/radio "Channel 16, then 9" >/dev/null
trail note basics/radio "Channel 16, then 12" >/dev/null
out=$(trail undo 2>&1)
expect_status 0 $? "undo after a note"
expect_contains "$(trail --export json)" '"text": "Channel 16, then 9"' "the old note is back"
trail done basics/logbook >/dev/null
trail --mark skip basics/logbook >/dev/null
out=$(trail undo 2>&1)
expect_status 0 $? "undo takes back the last command only"
expect_contains "$out" "basics/logbook is done again" "the state before the last command"
trail done basics/knots >/dev/null
trail --reset --yes >/dev/null 2>&1
cp "$S" "$tmp/undo-before"
out=$(trail undo 2>&1)
expect_status 1 $? "undo after the item changed elsewhere"
expect_contains "$out" "basics/knots: it changed since" "undo never overwrites a later change"
cmp -s "$S" "$tmp/undo-before" && pass "a refused undo leaves the file alone" ||
    fail "a refused undo changed the file"
S=$main_state

# ---- refusals: the file stays byte for byte --------------------------------------------------
cp "$S" "$tmp/before"
refused() { # status what command...
    local want=$1 what=$2 out rc
    shift 2
    out=$("$@" 2>&1 </dev/null)
    rc=$?
    expect_status "$want" "$rc" "$what is refused"
    if cmp -s "$S" "$tmp/before"; then pass "$what leaves the file alone"; else
        fail "$what changed the file"; fi
    last=$out
}
refused 1 "an unknown id" trail done basics/nothing-like-it
expect_contains "$last" "no key action of guide 'lighthouse' is named or matches" "unknown: says so"
refused 1 "an ambiguous prefix" trail done basics
expect_contains "$last" "5 key actions match 'basics'" "ambiguous: says how many"
expect_contains "$last" "  basics/logbook  Keep the logbook in ink" "ambiguous: lists candidates"
refused 1 "ambiguous words" trail done "every"
expect_contains "$last" "name one of them by its id" "ambiguous words: lists candidates"
refused 2 "an unknown state" trail --mark finished basics/logbook
expect_contains "$last" "--mark takes todo, doing, done or skip, not 'finished'" "names the state"
refused 2 "a missing item" trail done
refused 1 "an empty note from standard input" trail note basics/logbook -
expect_contains "$last" "the note is empty" "empty note: says so"
out=$(printf '  \n\n' | trail note basics/logbook - 2>&1)
expect_status 1 $? "a blank note from standard input is refused"
cmp -s "$S" "$tmp/before" && pass "a blank note leaves the file alone" || fail "blank note wrote"
refused 1 "a note on an unknown item" trail note nowhere "text"
out=$(printf 'version: 1\nguides: {}\n' | trail --import - 2>&1)
expect_status 1 $? "a progress file (not an export) on --import - is refused"
expect_contains "$out" "nothing imported from -" "--import - says nothing was imported"
cmp -s "$S" "$tmp/before" && pass "a refused --import - leaves the file alone" ||
    fail "a refused --import - changed the file"
out=$(printf 'not json at all: [' | trail --import - 2>&1)
expect_status 1 $? "garbage on --import - is refused"
cmp -s "$S" "$tmp/before" && pass "garbage on --import - leaves the file alone" ||
    fail "garbage on --import - changed the file"

# ---- --import - ------------------------------------------------------------------------------
"$TRAIL_BIN" --state "$S" --export json >"$tmp/export.json"
expect_status 0 $? "--export json"
S2="$tmp/other.yaml"
out=$("$TRAIL_BIN" --state "$S2" --import - <"$tmp/export.json" 2>&1)
expect_status 0 $? "--import - reads an export from standard input"
expect_contains "$out" "Imported -: 3 key-action states, 2 notes and 8 journal events updated" \
    "--import - summary"
a=$("$TRAIL_BIN" --state "$S" --progress) b=$("$TRAIL_BIN" --state "$S2" --progress)
[ "$a" = "$b" ] && pass "the import carried every change" || fail "import differs: $a / $b"

# ---- at the same time: each command holds the lock from reading to saving ---------------------
# Four shells each toggle an item of their own twelve times: every last toggle is in the file.
S="$tmp/together.yaml"
trail done basics/logbook >/dev/null
toggles() { # item
    local i w
    for ((i = 1; i <= 12; i++)); do
        w=done
        ((i % 2 == 0)) && w=todo
        ((i == 12)) && w=skip
        trail "$w" "$1" >/dev/null 2>>"$tmp/together.err" || echo "$1 $w failed" >>"$tmp/together.err"
    done
}
pids=()
for item in basics/trim-wicks basics/tides basics/radio optics/spare-lamp; do
    toggles "$item" &
    pids+=($!)
done
wait "${pids[@]}"
[ ! -s "$tmp/together.err" ] && pass "four shells changing progress at once all succeed" ||
    fail "a shell failed: $(cat "$tmp/together.err")"
json=$(trail --export json)
for item in basics/trim-wicks basics/tides basics/radio optics/spare-lamp; do
    expect_contains "$json" "\"$item\": {\"state\": \"skipped\"" "$item holds its shell's last change"
done
expect_contains "$json" '"basics/logbook": {"state": "done"' "the change made before is kept"

# A refused command on a progress file that is not there yet creates no file at all.
S="$tmp/fresh/progress.yaml"
mkdir -p "$tmp/fresh"
trail done basics/nothing-like-it >/dev/null 2>&1
expect_status 1 $? "an unknown id on a new progress file is refused"
[ -z "$(ls -A "$tmp/fresh")" ] && pass "the refused command created no file" ||
    fail "the refused command left $(ls -A "$tmp/fresh")"
S=$main_state

# ---- --list-ids ----------------------------------------------------------------------------
out=$("$TRAIL_BIN" --list-ids)
expect_status 0 $? "--list-ids"
expect_contains "$out" $'basics/trim-wicks\tTrim the wicks' "--list-ids: id, tab, text"
expect_contains "$out" $'optics\t' "--list-ids lists phases"
[ "$(printf '%s\n' "$out" | wc -l)" -ge 25 ] && pass "--list-ids lists every item" ||
    fail "--list-ids is short"

# ---- completions ---------------------------------------------------------------------------
comp=$(PATH="$(dirname "$TRAIL_BIN"):$PATH" bash -c '
    . "$1/completions/trail.bash"
    t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _trail; echo "${COMPREPLY[*]}"; }
    t trail done basics/t; t trail --mark d; t trail --mark done sto; t trail no; t trail note basics/ra
' _ "$TRAIL_SOURCE_DIR")
expect_contains "$comp" "basics/trim-wicks basics/tides" "bash completes item ids after done"
expect_contains "$comp" "doing done" "bash completes --mark's states"
expect_contains "$comp" "storms/foghorn storms/shutters" "bash completes ids after --mark STATE"
printf '%s\n' "$comp" | grep -qx note && pass "bash completes the command words" ||
    fail "bash does not complete 'no' to note: $comp"
expect_contains "$comp" "basics/radio" "bash completes ids after note"
finish
