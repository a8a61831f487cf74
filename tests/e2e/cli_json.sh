#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --json on every report (--progress, --list, --search, --check, --status) and --export json:
# each output validates against its JSON Schema in docs/schemas/ (python3-jsonschema), and so
# do the fixture guides' YAML files against the guide schemas. Exit statuses match the text
# reports'. A guide text holding escapes comes out escaped (no raw ESC on the terminal). The
# export holds each piece of evidence's last check: when, its status and what it found, and the
# hours per week, which an import takes.
set -u
. "$(dirname "$0")/lib/assert.sh"

: "${TRAIL_SOURCE_DIR:?}"
require_input "$FIXTURE" "$FIXTURE_GUIDES/orchard"
python3 -c 'import jsonschema, yaml' 2>/dev/null ||
    { echo "skip: python3-jsonschema or python3-yaml is not installed"; exit 77; }
schemas="$TRAIL_SOURCE_DIR/docs/schemas"
cli_setup "$FIXTURE"

# check SCHEMA FILE: validates FILE (JSON, or YAML with .yaml) against docs/schemas/SCHEMA;
# prints why not.
check() {
    python3 - "$schemas/$1" "$2" <<'PY' 2>&1
import json, sys, jsonschema, yaml
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
path = sys.argv[2]
doc = yaml.safe_load(open(path)) if path.endswith(".yaml") else json.load(open(path))
jsonschema.Draft202012Validator(schema).validate(doc)
PY
}
validate() { # SCHEMA FILE WHAT
    local why
    if why=$(check "$1" "$2"); then pass "$3 validates against $1"; else
        fail "$3 does not validate against $1: $why"; fi
}

trail done trim >/dev/null && trail doing knots >/dev/null && trail skip radio >/dev/null
trail note trim "first note" >/dev/null && trail --start 2026-01-01 >/dev/null
printf 'log\n' >"$tmp/log.txt"
trail --attach trim "$tmp/log.txt" --description "The log" >/dev/null &&
    trail --attach trim "$tmp/gone" >/dev/null &&
    trail --attach marine-radio https://example.org/verify/7 --credential K-7 >/dev/null ||
    fail "evidence is attached"
trail --attach knots https://example.org/unchecked >/dev/null
trail --verify >/dev/null
expect_status 1 $? "--verify (a piece is missing)"
trail --attach knots https://example.org/unchecked --description "described after the check" \
    >/dev/null
trail --attach knots https://example.org/fresh >/dev/null

# The hours per week, as the browser's H keeps them in the guide's entry.
python3 - "$S" <<'PY' || fail "the hours per week are set"
import re, sys
text = open(sys.argv[1]).read()
text = re.sub(r"(?m)^(guides:\n  [^ \n]+:\n)",
              r"\1    hours_per_week: {hours: 6, changed: 2026-12-01T00:00:00.000Z}\n", text, 1)
open(sys.argv[1], "w").write(text)
PY

trail --progress --json >"$tmp/progress.json"
expect_status 0 $? "--progress --json"
validate export.schema.json "$tmp/progress.json" "--progress --json"
trail --export json >"$tmp/export.json"
validate export.schema.json "$tmp/export.json" "--export json"
# The last check of each piece: its time, its status and what it found; none before a check.
python3 - "$tmp/export.json" "$tmp" <<'PY' 2>&1 && pass "the export holds each piece's last check" ||
import json, re, sys
ev = json.load(open(sys.argv[1]))["progress"]["evidence"]
t = sys.argv[2]
log, gone = ev["basics/trim-wicks"][t + "/log.txt"], ev["basics/trim-wicks"][t + "/gone"]
cred = ev["marine-radio"]["https://example.org/verify/7"]
late = ev["basics/knots"]["https://example.org/unchecked"]
stamp = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"
assert re.match(stamp, log["verified"]) and log["status"] == "ok", log
assert log["summary"] == "file, 4 bytes", log
assert gone["status"] == "missing" and gone["summary"] == "missing", gone
assert cred["status"] == "ok" and cred["credential"] == "K-7" and cred["kind"] == "credential", cred
assert "verified" in late and late["description"] == "described after the check", late
fresh = ev["basics/knots"]["https://example.org/fresh"]
assert not set(fresh) & {"verified", "status", "summary"}, fresh
PY
    fail "the export does not hold each piece's last check"
expect_contains "$(cat "$tmp/export.json")" '"hours_per_week": 6,' "the export gives the hours per week"
expect_contains "$(cat "$tmp/export.json")" '"hours_per_week": {"hours": 6, "changed": "2026-12-01T' \
    "and their entry, with its change time"
# Imported elsewhere, the checks and the hours come along: the evidence exports again as it was.
out=$("$TRAIL_BIN" --state "$tmp/q.yaml" --import "$tmp/export.json")
expect_contains "$out" "the hours per week" "the import's summary names the hours per week"
expect_contains "$(cat "$tmp/q.yaml")" "hours: 6" "the import keeps them"
"$TRAIL_BIN" --state "$tmp/q.yaml" --export json >"$tmp/again.json"
python3 - "$tmp/export.json" "$tmp/again.json" <<'PY' 2>&1 &&
import json, sys
a, b = (json.load(open(f))["progress"]["evidence"] for f in sys.argv[1:3])
assert a == b, (a, b)
PY
    pass "an import keeps each piece's last check" || fail "an import loses the last checks"

trail --status --json >"$tmp/status.json"
expect_status 0 $? "--status --json"
validate status.schema.json "$tmp/status.json" "--status --json"

TRAIL_NOW=2026-06-01T09:00:00Z trail --agenda --json >"$tmp/agenda.json"
expect_status 0 $? "--agenda --json"
validate agenda.schema.json "$tmp/agenda.json" "--agenda --json"
expect_contains "$(cat "$tmp/agenda.json")" '"today":"2026-06-01","guide":"lighthouse","items":[{"when":"overdue"' \
    "--agenda --json lists the overdue actions first, with the day it is for"
text=$(TRAIL_NOW=2026-06-01T09:00:00Z trail --agenda | wc -l)
items=$(grep -o '"when":' "$tmp/agenda.json" | wc -l)
expect_status "$text" "$items" "--agenda --json holds the same items as --agenda"
expect_contains "$(cat "$tmp/agenda.json")" '"when":"week","due":"2026-06-06","id":"optics/polish-lens"' \
    "and the ones due this week after them"
"$TRAIL_BIN" --state "$tmp/none.yaml" --agenda --json >"$tmp/agenda-none.json"
expect_status 0 $? "--agenda --json without progress"
validate agenda.schema.json "$tmp/agenda-none.json" "--agenda --json without progress"
expect_contains "$(cat "$tmp/agenda-none.json")" '"guide":null,"items":[]' "an empty agenda"

TRAIL_CONTENT="$FIXTURE_GUIDES" trail --list --json >"$tmp/list.json"
expect_status 0 $? "--list --json"
validate list.schema.json "$tmp/list.json" "--list --json"
expect_contains "$(cat "$tmp/list.json")" '"id":"orchard"' "--list --json lists every guide"

trail --search "lamp" --json >"$tmp/search.json"
expect_status 0 $? "--search --json with matches"
validate search.schema.json "$tmp/search.json" "--search --json"
expect_contains "$(cat "$tmp/search.json")" '"kind":"action","section":"Key action","id":"basics/trim-wicks"' \
    "a key action comes with its id"
trail --search "zzzq-nothing" --json >"$tmp/none.json"
expect_status 1 $? "--search --json without a match exits 1, as --search does"
validate search.schema.json "$tmp/none.json" "an empty --search --json"

"$TRAIL_BIN" --check "$FIXTURE" --json >"$tmp/check.json"
expect_status 0 $? "--check --json on a valid guide"
validate check.schema.json "$tmp/check.json" "--check --json"
mkdir -p "$tmp/bad" && cp "$FIXTURE"/*.yaml "$tmp/bad/"
printf 'format: 1\nid: Bad Id\ntitle: "\\e]0;x\\a"\nsurprise: 1\n' >"$tmp/bad/guide.yaml"
"$TRAIL_BIN" --check "$tmp/bad" --json >"$tmp/bad.json" 2>"$tmp/bad.err"
expect_status 1 $? "--check --json on an invalid guide exits 1"
validate check.schema.json "$tmp/bad.json" "--check --json with errors"
expect_contains "$(cat "$tmp/bad.json")" '"level":"error","file":' "errors are located"
[ ! -s "$tmp/bad.err" ] && pass "--check --json keeps stderr quiet" || fail "stderr: $(cat "$tmp/bad.err")"
if LC_ALL=C grep -q $'\x1b' "$tmp"/*.json; then fail "a raw ESC reached the JSON"; else
    pass "no raw ESC in any JSON output"; fi

out=$(trail --print --json 2>&1)
expect_status 2 $? "--json with a report that has no JSON is a usage error"
out=$(trail --progress --left --json 2>&1)
expect_status 2 $? "--json with --left is a usage error"

# The guide format's schemas accept every fixture guide's files.
for g in "$FIXTURE_GUIDES"/*/; do
    for part in guide career-path certifications faq; do
        [ -f "$g$part.yaml" ] || continue
        validate "$part.schema.json" "$g$part.yaml" "$(basename "$g")/$part.yaml"
    done
done
# ...and refuse what --check refuses (an id with capitals, an unknown key).
check guide.schema.json "$tmp/bad/guide.yaml" >/dev/null &&
    fail "the guide schema accepts a bad guide.yaml" ||
    pass "the guide schema refuses a bad guide.yaml"
finish
