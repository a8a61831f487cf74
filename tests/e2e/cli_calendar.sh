#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# trail --export ics and --agenda on the dated plan: the calendar is RFC 5545 (CRLF line
# ends, lines folded at 75 octets, escaped text, stable UIDs), a parser reads it, calcurse
# imports its to-dos and its certification events; --agenda prints one line per item and
# nothing without a start date.
set -u
. "$(dirname "$0")/lib/assert.sh"

GUIDE="${TRAIL_TEST_DATA:?}/today/sundial"
require_input "$GUIDE/guide.yaml"
export TRAIL_CONTENT="$GUIDE" LC_ALL=C.UTF-8 TRAIL_NOW=2026-12-07T09:00:00Z TZ=UTC
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config" HOME="$tmp"
S="$tmp/p.yaml"
trail() { "$TRAIL_BIN" --state "$S" "$@"; }

# No start date: the agenda says nothing and succeeds.
out=$(trail --agenda 2>&1)
expect_status 0 $? "--agenda without progress"
expect_status "" "$out" "--agenda without progress prints nothing"
trail note shadow/noon "a note" >/dev/null
out=$(trail --agenda 2>&1)
expect_status "" "$out" "--agenda without a start date prints nothing"

cat >"$S" <<'YAML'
version: 1
guides:
  sundial:
    start: 2026-10-20
    items:
      shadow/noon: done
    certifications:
      gnomonics:
        status: exam-booked
        exam: 2027-02-10
YAML
out=$(trail --agenda 2>&1)
expect_status 0 $? "--agenda"
expect_contains "$out" "overdue 2026-11-19" "an action of a phase that ended is overdue"
[ "$(printf '%s\n' "$out" | wc -l)" = 2 ] && pass "one line per overdue item" ||
    fail "--agenda lines: $out"
expect_not_contains "$out" "shadow/noon" "a done action is not in the agenda"

trail --export ics >"$tmp/a.ics"
expect_status 0 $? "--export ics"
lines=$(wc -l <"$tmp/a.ics")
crlf=$(grep -c $'\r$' "$tmp/a.ics")
expect_status "$lines" "$crlf" "every line ends in CRLF"
long=$(tr -d '\r' <"$tmp/a.ics" | awk 'length($0) > 75' | wc -l)
expect_status 0 "$long" "no line is longer than 75 octets"
expect_ge "$(grep -c '^ ' "$tmp/a.ics")" 1 "the long action text is folded"
unfolded=$(tr -d '\r' <"$tmp/a.ics" | awk '/^ / { sub(/^ /, ""); printf "%s", $0; next } { printf "\n%s", $0 }')
expect_contains "$unfolded" 'SUMMARY:Measure the shadow'"'"'s length at each season\, at noon\; compare' \
    "commas and semicolons are escaped"
expect_contains "$unfolded" 'table \\ notebook' "a backslash is escaped"
expect_contains "$unfolded" "UID:sundial/action/shadow/latitude@trail" "an action's UID is its id"
expect_contains "$unfolded" "TRIGGER;RELATED=END:-P1D" "an alarm the day before a due date"
expect_contains "$unfolded" "UID:sundial/exam/gnomonics@trail" "the exam is an event"
expect_contains "$unfolded" "SUMMARY:Exam: Gnomonics Diploma\, Level 1" "the event says what"
expect_contains "$unfolded" "STATUS:COMPLETED" "a done action is completed"
trail --log 30m shadow/latitude >/dev/null
trail --export ics >"$tmp/b.ics"
expect_status "$(grep '^UID' "$tmp/a.ics")" "$(grep '^UID' "$tmp/b.ics")" \
    "the UIDs are the same from export to export"

# A parser reads it as RFC 5545.
py=""
for c in python3 /usr/bin/python3; do
    if "$c" -c 'import icalendar' 2>/dev/null; then py=$c; break; fi
done
if [ -n "$py" ]; then
    out=$("$py" - "$tmp/a.ics" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
todos = [c for c in cal.walk('VTODO')]
events = [c for c in cal.walk('VEVENT')]
due = [str(t.get('due').dt) for t in todos if t.get('due') is not None]
print(len(todos), len(events), len(cal.walk('VALARM')), min(due))
print([str(t.get('summary')) for t in todos if 'season' in str(t.get('summary'))][0])
PY
)
    expect_status 0 $? "icalendar parses the export"
    expect_contains "$out" "6 1 6 2026-11-19" "6 to-dos, 1 event, an alarm for each due date and the exam"
    expect_contains "$out" "at each season, at noon; compare the four marks, and write them down in a table \\ notebook" \
        "the parser reads the text back as written"
else
    skip_part "python3-icalendar is not installed"
fi

# A calendar program imports it.
if command -v calcurse >/dev/null 2>&1; then
    mkdir -p "$tmp/cal"
    out=$(calcurse -D "$tmp/cal" -i "$tmp/a.ics" 2>&1)
    expect_contains "$out" "1 event / 6 todos / 0 skipped" "calcurse imports every component"
    todo=$(calcurse -D "$tmp/cal" -t 2>&1)
    expect_contains "$todo" "Find your latitude" "calcurse lists the to-dos"
    expect_not_contains "$todo" "Mark the noon shadow" "a completed to-do is not listed as to do"
    app=$(calcurse -D "$tmp/cal" -a -d 02/10/2027 2>&1)
    expect_contains "$app" "Exam: Gnomonics Diploma, Level 1" "calcurse shows the exam on its day"
else
    skip_part "calcurse is not installed"
fi
finish
