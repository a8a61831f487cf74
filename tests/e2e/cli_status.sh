#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# trail --status: one line for a prompt or tmux. Nothing (exit 0) without progress; the
# default line and --format placeholders; --width cuts with an ellipsis; no escape byte unless
# --color; a bad placeholder is a usage error; reading leaves no file behind (no lock file, no
# rewrite), so a prompt running it never touches the learner's files; %{streak} counts the days
# in a row with learning in the journal, up to today or yesterday, logs taken back left out.
set -u
. "$(dirname "$0")/lib/assert.sh"

require_input "$FIXTURE"
cli_setup "$FIXTURE"
export TZ=UTC TRAIL_NOW=2026-12-06T12:00:00Z

out=$(trail --status 2>&1)
expect_status 0 $? "--status without a progress file"
[ -z "$out" ] && pass "--status prints nothing without progress" || fail "printed: $out"
[ ! -e "$S" ] && pass "--status creates no progress file" || fail "--status created $S"
printf 'version: 1\nguides:\n  other:\n    items: {}\n' >"$S"
out=$(trail --status 2>&1)
expect_status 0 $? "--status with progress of another guide only"
[ -z "$out" ] && pass "nothing for a guide without progress" || fail "printed: $out"

trail done trim >/dev/null && trail done basics/logbook >/dev/null && trail doing knots >/dev/null &&
    trail skip handover/visits >/dev/null
cp "$S" "$tmp/copy"
ls -A "$tmp" >"$tmp/../status-before.$$"
out=$(trail --status 2>&1)
expect_status 0 $? "--status"
expect_contains "$out" "Keeper 2/19 · next: Tie the six knots every keeper uses" \
    "the default line: guide, done/total (skipped left out), next"
[ "$(printf '%s\n' "$out" | wc -l)" = 1 ] && pass "one line" || fail "not one line: $out"
cmp -s "$S" "$tmp/copy" && pass "--status leaves the file alone" || fail "--status wrote"
ls -A "$tmp" | cmp -s - "$tmp/../status-before.$$" && pass "--status creates no file (no lock)" ||
    fail "--status left a file: $(ls -A "$tmp")"
rm -f "$tmp/../status-before.$$"

out=$(trail --status --format '%{done}/%{total} %{percent} [%{streak}] %% %{guide}')
expect_status 0 $? "--status --format"
expect_status "2/19 10% [1 d] % Keeper" "$out" "placeholders, %% and %{streak}: marked today"
out=$(trail --status --format '%{next}')
expect_status "Tie the six knots every keeper uses (bowline, cleat hitch, reef knot)" "$out" "%{next}"
out=$(trail --status --format 'x %{pace} y')
expect_status "x  y" "$out" "%{pace} is empty without a start date"
trail --start 2000-01-01 >/dev/null
out=$(trail --status --format '%{pace}')
expect_contains "$out" " wk behind" "a start long ago puts the learner behind"
out=$(trail --status)
expect_contains "$out" " · next: Tie the six knots every keeper uses (bowline, cleat hitch, reef knot) · " \
    "the default line shows the pace after the next action"
trail --start 2999-01-01 >/dev/null
out=$(trail --status --format '%{pace}')
expect_contains "$out" "starts in " "a start to come says when"

out=$(trail --status --width 24)
expect_status "Keeper 2/19 · next: Tie…" "$out" "--width cuts the line with an ellipsis"
w=$(printf '%s' "$out" | wc -m)
expect_le "$w" 24 "--width caps the columns"

out=$(trail --status | od -An -c)
expect_not_contains "$out" "033" "no escape without --color"
out=$(trail --status --color | od -An -c)
expect_contains "$out" "033   [   1   m" "--color adds SGR escapes"

out=$(trail --status --format '%{nope}' 2>&1)
expect_status 2 $? "an unknown placeholder"
expect_contains "$out" "unknown placeholder %{nope}" "the message names it"
out=$(trail --status --format 'a %{done' 2>&1)
expect_status 2 $? "an unterminated placeholder"
out=$(trail --progress --color 2>&1)
expect_status 2 $? "--color without --status"

# The streak from a journal written by hand: four days in a row, then a gap.
cp "$S" "$tmp/marked.yaml"
cat >"$S" <<'YAML'
version: 1
guides:
  lighthouse:
    items:
      trim: done
      basics/logbook: done
journal:
  lighthouse:
  - 2026-11-28T09:00:00.000Z 00000000000000a1 done trim
  - 2026-12-03T09:00:00.000Z 00000000000000a2 log 30m trim
  - 2026-12-04T21:00:00.000Z 00000000000000a3 note trim
  - 2026-12-05T09:00:00.000Z 00000000000000a4 log 1h trim
  - 2026-12-06T08:00:00.000Z 00000000000000a5 log 20m knots
YAML
out=$(trail --status --format '%{streak}')
expect_status "4 d" "$out" "%{streak}: four days in a row up to today"
out=$(TRAIL_NOW=2026-12-07T08:00:00Z trail --status --format '%{streak}')
expect_status "4 d" "$out" "%{streak}: still 4 the next day, while it is open"
out=$(TRAIL_NOW=2026-12-08T08:00:00Z trail --status --format '%{streak}')
expect_status "0 d" "$out" "%{streak}: broken after a day without learning"
out=$(trail --status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["streak"])' 2>&1)
expect_status 4 "$out" "--status --json has the streak"
echo "  - 2026-12-06T09:00:00.000Z 00000000000000b1 unlog 00000000000000a5" >>"$S"
out=$(trail --status --format '%{streak}')
expect_status "3 d" "$out" "%{streak}: a log taken back is no learning"
out=$(trail --status --format '%{done}/%{total} %{pace}')
with=$(trail --status --format '%{done}/%{total} %{pace} %{streak}')
expect_status "$out 3 d" "$with" "a format without %{streak} reads the same items"
cp "$tmp/marked.yaml" "$S"

out=$(trail --status --json)
expect_status 0 $? "--status --json"
if command -v python3 >/dev/null; then
    v=$(printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["format"], d["version"], d["done"], d["total"], d["guide"]["id"])')
    expect_status "trail-status 1 2 19 lighthouse" "$v" "--status --json holds the facts"
fi
finish
