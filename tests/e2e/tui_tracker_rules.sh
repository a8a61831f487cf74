#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The certification tracker refuses an impossible record, from the browser and from the
# command line alike: "passed" with the exam still ahead and no passed date. The form says why
# and keeps the progress file as it was; --import of an export holding such a record (a hand
# edit) refuses the whole file and changes nothing, byte for byte.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup tracker-rules
guide="$FIXTURE"

trail done basics/trim-wicks >/dev/null
cp "$state" "$TUI_DIR/before.yaml"

# ---- The browser's form.
tui_start 80 24 "'$TRAIL_BIN' --content '$guide' --state '$state'"
tui_wait "Sections" "Home is up"
tui_keys 3 Enter t
tui_wait "Track: Coastal Light Keeper" "t opens the form"
tui_keys Right Right Right Right
tui_wait "‹ passed ›" "the status is passed"
tui_keys Down 2099-06-01 Enter
tui_wait "the exam date is still ahead" "passed with an exam ahead and no passed date is refused"
tui_keys Down 2020-03-01 Enter
tui_wait "Tracked: exam on 2099-06-01 · passed on 2020-03-01" "with the passed date, it is taken"
tui_keys u
tui_wait "Undone:" "u takes it back"
tui_wait_gone "passed on 2020-03-01" "the certification shows no record again"
tui_keys q
tui_wait "[exit 0]" "q quits"
cmp -s "$state" "$TUI_DIR/before.yaml" && fail "the progress file did not change at all" ||
    pass "the progress file changed only by the accepted record and its undo"

# ---- The command line: an export holding the record, made by hand.
other="$TUI_DIR/other.yaml"
cat >"$other" <<'YAML'
version: 1
guides:
  lighthouse:
    certifications:
      keeper-level-one:
        status: passed
        exam: 2099-06-01
        changed: 2026-11-26T07:00:00.000Z
YAML
"$TRAIL_BIN" --content "$guide" --state "$other" --export json >"$TUI_DIR/export.json"
expect_contains "$(cat "$TUI_DIR/export.json")" '"exam": "2099-06-01"' "the hand-made record exports"
cp "$state" "$TUI_DIR/before.yaml"
err=$(trail --import "$TUI_DIR/export.json" 2>&1 >/dev/null)
expect_status 1 $? "--import of the impossible record fails"
expect_contains "$err" "keeper-level-one" "naming the certification"
expect_contains "$err" "the exam date is still ahead" "and what is wrong"
case "$err" in trail:*) pass "the message starts with trail:" ;; *) fail "message: $err" ;; esac
cmp -s "$state" "$TUI_DIR/before.yaml" && pass "the progress file is unchanged byte for byte" ||
    fail "the refused import changed the progress file"
finish
