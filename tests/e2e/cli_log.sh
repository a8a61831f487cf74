#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# trail --log DURATION ITEM: a time log is a journal event in the progress file, counted per
# week, taken back by trail undo; a bad duration or an item that names nothing is exit 2 with
# the progress file unchanged byte for byte; the same export imported twice counts once; two
# processes logging at once lose nothing.
set -u
. "$(dirname "$0")/lib/assert.sh"

require_input "$FIXTURE"
cli_setup "$FIXTURE"
export TRAIL_NOW=2026-12-07T09:00:00Z

out=$(trail --log 45m basics/trim-wicks 2>&1)
expect_status 0 $? "--log 45m"
expect_contains "$out" "Logged 45m on Trim the wicks" "--log says what it logged"
expect_contains "$out" "45m on it this week" "--log says the week's time on the item"
out=$(trail --log 1h30m trim 2>&1)
expect_contains "$out" "2h15m on it this week" "a second log adds up"
expect_contains "$(cat "$S")" "log 1h30m basics/trim-wicks" "the log is a journal line"

cp "$S" "$tmp/before"
for bad in "45" "5x" "0m" "25h" ""; do
    out=$(trail --log "$bad" basics/trim-wicks 2>&1)
    expect_status 2 $? "--log '$bad' is refused with exit 2"
    cmp -s "$S" "$tmp/before" && pass "--log '$bad' leaves the file as it was" ||
        fail "--log '$bad' changed the file"
done
expect_contains "$(trail --log 5x basics/trim-wicks 2>&1)" "not a duration" "the error says why"
out=$(trail --log 45m no-such-item 2>&1)
expect_status 2 $? "--log on an unknown item is refused with exit 2"
cmp -s "$S" "$tmp/before" && pass "an unknown item leaves the file as it was" ||
    fail "an unknown item changed the file"
out=$(trail --log 45m 2>&1)
expect_status 2 $? "--log without an item is a usage error"

out=$(trail undo 2>&1)
expect_status 0 $? "trail undo after --log"
expect_contains "$out" "the time logged no longer counts" "undo takes the log back"
expect_contains "$(cat "$S")" " unlog " "the undo is an unlog line"
out=$(trail --log 15m basics/trim-wicks 2>&1)
expect_contains "$out" "1h on it this week" "the taken-back log no longer counts"

# The same export imported twice, and merged back, counts each event once.
trail --export json >"$tmp/export.json"
out=$("$TRAIL_BIN" --state "$tmp/other.yaml" --import "$tmp/export.json" 2>&1)
expect_contains "$out" "journal events updated" "an import takes the journal"
out=$("$TRAIL_BIN" --state "$tmp/other.yaml" --import "$tmp/export.json" 2>&1)
expect_contains "$out" "nothing changed" "importing it again adds nothing"
out=$("$TRAIL_BIN" --state "$tmp/other.yaml" --log 5m basics/trim-wicks 2>&1)
expect_contains "$out" "1h5m on it this week" "the imported logs count once"

# Two processes logging at once (no fixed clock): every log is kept.
unset TRAIL_NOW
P="$tmp/race.yaml"
for i in 1 2 3 4 5 6 7 8 9 10; do
    "$TRAIL_BIN" --state "$P" --log 1m basics/trim-wicks >/dev/null 2>&1 &
    "$TRAIL_BIN" --state "$P" --log 2m basics/tides >/dev/null 2>&1 &
    wait
done
expect_status 20 "$(grep -c ' log [12]m ' "$P")" "twenty logs made two at a time are all kept"
finish
