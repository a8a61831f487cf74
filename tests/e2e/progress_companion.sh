#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The companion's command line: --start (pace), --progress --left (what's left), --export with
# notes and certifications, and --import of another machine's export (summary, idempotence,
# refusals). Every run uses its own --state file; exit statuses and output are checked.
set -u
. "$(dirname "$0")/lib/assert.sh"

require_input "$FIXTURE"
export TRAIL_CONTENT="$FIXTURE" PROGRESS_DRIVER_GUIDE=lighthouse
DRIVER="$TRAIL_BUILD_DIR/tests/progress_driver"
[ -x "$DRIVER" ] || { echo "skip: $DRIVER was not built"; exit 77; }
export LC_ALL=C.UTF-8
scratch_dir
trail() { "$TRAIL_BIN" "$@"; }

# ---- --start -----------------------------------------------------------------------------
S="$tmp/start.yaml"
out=$(TZ=UTC TRAIL_NOW=2001-01-15T12:00:00Z trail --state "$S" --start 2000-01-01 2>&1)
expect_status 0 $? "--start with a date"
expect_contains "$out" "Start date for Lighthouse Keeper: 2000-01-01" "--start says what it set"
# Twelve months from 2000-01-01 end the day before 2001-01-01; with nothing ticked the ticks are
# where the plan was on its first day, 380 days before 2001-01-15: the lag in words, no phase.
expect_contains "$out" "Pace: The plan's 12 months ended on 2000-12-31 · about 54 weeks behind" \
    "--start prints the pace"
expect_not_contains "$out" "you:" "--start's pace line names no phase"
expect_contains "$(cat "$S")" "date: 2000-01-01" "the start date is in the dotfile"
out=$(TZ=UTC TRAIL_NOW=2001-01-15T12:00:00Z trail --state "$S" --progress 2>&1)
expect_contains "$out" "Pace: The plan's 12 months ended on 2000-12-31 · about 54 weeks behind" \
    "--progress shows the pace"
cp "$S" "$tmp/before"
out=$(trail --state "$S" --start 2026-02-30 2>&1)
expect_status 2 $? "--start with an impossible date"
expect_contains "$out" "--start: '2026-02-30' is not a real date; give a date YYYY-MM-DD or 'none'" \
    "--start names the bad date"
cmp -s "$S" "$tmp/before" && pass "a refused --start leaves the file alone" ||
    fail "a refused --start changed the file"
out=$(trail --state "$S" --start 2999-01-01 2>&1)
expect_contains "$out" "Pace: Starts in " "a future start counts the days"
out=$(trail --state "$S" --start none 2>&1)
expect_status 0 $? "--start none"
expect_contains "$out" "Start date for Lighthouse Keeper cleared." "--start none clears it"
out=$(trail --state "$S" --progress 2>&1)
expect_not_contains "$out" "Pace:" "no pace line without a start date"

# ---- --progress --left -------------------------------------------------------------------
L="$tmp/left.yaml"
cat >"$L" <<'YAML'
version: 1
guides:
  lighthouse:
    items:
      basics/trim-wicks: {state: done, changed: 2026-01-01T00:00:00.000Z}
      basics/logbook: {state: skipped, changed: 2026-01-01T00:00:00.000Z}
      basics/tides: {state: in-progress, changed: 2026-01-01T00:00:00.000Z}
YAML
out=$(trail --state "$L" --progress --left 2>&1)
expect_status 0 $? "--progress --left"
expect_contains "$out" "Lighthouse Keeper: what's left (18 of 20 key actions)" "--left counts"
expect_contains "$out" "1. Lamp & Tower Basics
   [ ] Tie the six knots every keeper uses (bowline, cleat hitch, reef knot)
   [ ] Learn the marine radio and its distress calls by heart
   [~] Read the tide tables for the coming three months (in progress)
2. Optics & Clockwork" "--left groups by phase, without done or skipped actions"
expect_not_contains "$out" "Trim the wicks" "--left leaves out done actions"
out=$(trail --state "$L" --progress 2>&1)
expect_contains "$out" "Next: Read the tide tables" "--progress suggests the action in progress"
out=$(trail --state "$L" --left 2>&1)
expect_status 2 $? "--left without --progress"
expect_contains "$out" "--left goes with --progress" "--left explains"

# ---- --export and --import ----------------------------------------------------------------
A="$tmp/a.yaml"
B="$tmp/b.yaml"
cat >"$A" <<'YAML'
version: 1
guides:
  lighthouse:
    items:
      basics/trim-wicks: {state: done, changed: 2026-01-01T00:00:00.000Z}
      basics/tides: {state: in-progress, changed: 2026-01-02T00:00:00.000Z}
    notes:
      basics/tides:
        text: |-
          Khan Academy first,
          then «3Blue1Brown» — 線形代数.
        changed: 2026-01-03T00:00:00.000Z
    certifications:
      keeper-level-one: {status: passed, passed: 2026-01-05, expires: 2029-01-05,
                         changed: 2026-01-05T00:00:00.000Z}
    start: {date: 2025-12-01, changed: 2026-01-01T00:00:00.000Z}
YAML
trail --state "$A" --export json >"$tmp/a.json"
expect_status 0 $? "--export json"
expect_contains "$(cat "$tmp/a.json")" '"text": "Khan Academy first,\nthen «3Blue1Brown» — 線形代数."' \
    "the export holds the note's exact text"
out=$(trail --state "$A" --export markdown)
expect_contains "$out" "  > Khan Academy first,
  > then «3Blue1Brown» — 線形代数." "the Markdown export quotes the note under its action"
expect_contains "$out" "**Coastal Light Keeper – Level One**: passed · passed on 2026-01-05 · expires on 2029-01-05" \
    "the Markdown export lists the certification"
expect_contains "$(trail --state "$A" --progress)" "Certifications: 1 passed" \
    "--progress counts the certifications"

out=$(trail --state "$B" --import "$tmp/a.json" 2>&1)
expect_status 0 $? "--import into an empty file"
expect_contains "$out" "2 key-action states, 1 note, 1 certification and the start date updated." \
    "--import summarises what changed"
trail --state "$B" --export json >"$tmp/b.json"
diff <(grep -v '"exported"' "$tmp/a.json") <(grep -v '"exported"' "$tmp/b.json") >/dev/null &&
    pass "export -> import -> export gives the same export" ||
    fail "the re-export differs: $(diff <(grep -v '"exported"' "$tmp/a.json") <(grep -v '"exported"' "$tmp/b.json"))"
cp "$B" "$tmp/b.before"
out=$(trail --state "$B" --import "$tmp/a.json" 2>&1)
expect_status 0 $? "--import again"
expect_contains "$out" "nothing changed, everything was up to date; 5 entries unchanged." \
    "a second import changes nothing"
cmp -s "$B" "$tmp/b.before" && pass "an import that changes nothing does not rewrite the file" ||
    fail "the file was rewritten"

# A newer change on B survives an import of A's older one; A's newer note still arrives.
"$DRIVER" set "$B" basics/tides done 1770000000000 2>/dev/null # 2026-02-02
sed -i 's/then «3Blue1Brown» — 線形代数\./then 3Blue1Brown./' "$A"
sed -i 's/changed: 2026-01-03T00:00:00.000Z/changed: 2026-03-01T00:00:00.000Z/' "$A"
trail --state "$A" --export json >"$tmp/a2.json"
out=$(trail --state "$B" --import "$tmp/a2.json" 2>&1)
expect_status 0 $? "--import over newer progress"
expect_contains "$out" ": 1 note updated; 4 entries unchanged." \
    "only the newer note is taken"
out=$(trail --state "$B" --progress --left)
expect_not_contains "$out" "Read the tide tables" "B's newer 'done' is kept"
expect_contains "$(trail --state "$B" --export markdown)" "  > then 3Blue1Brown." \
    "A's newer note arrived"

# Refusals: nothing imported, the file unchanged, exit 1.
cp "$B" "$tmp/b.before"
printf '{"guide": "lighthouse", "progress": {"items": {"x": {"state": "finished", "changed": "2026-01-01T00:00:00Z"}}}}' \
    >"$tmp/bad.json"
printf '{"guide": "data-engineer", "progress": {"items": {}}}' >"$tmp/other.json"
printf 'not json at all: [' >"$tmp/broken.json"
for case in "bad.json:state" "other.json:guide 'data-engineer'" "broken.json:broken.json:" \
    "missing.json:cannot open"; do
    f=${case%%:*} word=${case#*:}
    out=$(trail --state "$B" --import "$tmp/$f" 2>&1)
    expect_status 1 $? "--import $f is refused"
    expect_contains "$out" "nothing imported from" "--import $f: says nothing was imported"
    expect_contains "$out" "$word" "--import $f: says why"
done
cmp -s "$B" "$tmp/b.before" && pass "refused imports leave the file alone" ||
    fail "a refused import changed the file"

finish
