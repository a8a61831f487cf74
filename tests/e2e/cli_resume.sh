#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# trail --export jsonresume: the projects and certificates of a JSON Resume, validated field by
# field against tests/data/jsonresume/sections.schema.json (the published schema's types, date
# pattern and fields for those two sections) with python3-jsonschema, every url a web address;
# --merge FILE keeps everything else of FILE as it was (values, order) and replaces only the
# entries of the same name. A file that is not a JSON object is refused with its location.
# --export portfolio is checked through a Markdown parser in tests/unit/test_portfolio.c.
set -u
. "$(dirname "$0")/lib/assert.sh"

require_input "$FIXTURE" "$TRAIL_TEST_DATA/jsonresume/sections.schema.json"
require git python3
python3 -c 'import jsonschema' 2>/dev/null || { echo "python3-jsonschema not found"; exit 77; }
cli_setup "$FIXTURE"

git init -q "$HOME/lamp"
printf '# Lamp telemetry\n' >"$HOME/lamp/README.md"
git -C "$HOME/lamp" add -A
GIT_AUTHOR_DATE=2026-11-20T08:00:00Z GIT_COMMITTER_DATE=2026-11-20T08:00:00Z \
    git -C "$HOME/lamp" -c user.name=t -c user.email=t@example.com commit -qm one
git -C "$HOME/lamp" remote add origin "git@example.com:keeper/lamp.git"
trail --attach basics/trim-wicks "$HOME/lamp" --description "Lamp \"telemetry\"" >/dev/null
trail --attach keeper-level-one "https://example.org/verify/1" >/dev/null
trail --verify >/dev/null
# A passed certification, as the tracker writes it.
python3 - "$S" <<'EOF'
import sys
p = sys.argv[1]
text = open(p).read().replace("  lighthouse:\n", "  lighthouse:\n    certifications:\n"
    "      keeper-level-one:\n        status: passed\n        passed: 2026-10-01\n"
    "        changed: 2026-11-01T00:00:00.000Z\n", 1)
open(p, "w").write(text)
EOF

validate() { # FILE: validates the two sections; prints problems
    python3 - "$TRAIL_TEST_DATA/jsonresume/sections.schema.json" "$1" <<'EOF'
import json, sys, urllib.parse
import jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
for e in jsonschema.Draft4Validator(schema).iter_errors(doc):
    print("schema:", "/".join(map(str, e.path)), e.message)
for section in ("projects", "certificates"):
    for entry in doc.get(section, []):
        if "url" in entry:
            u = urllib.parse.urlparse(entry["url"])
            if u.scheme not in ("http", "https") or not u.netloc:
                print("not a web address:", entry["url"])
EOF
}

trail --export jsonresume >"$tmp/resume.json"
expect_status 0 $? "--export jsonresume"
problems=$(validate "$tmp/resume.json")
if [ -z "$problems" ]; then pass "the sections are valid JSON Resume"; else fail "$problems"; fi
out=$(cat "$tmp/resume.json")
expect_contains "$out" '"name": "Lamp \"telemetry\""' "the project is named by its description"
expect_contains "$out" '"url": "https://example.com/keeper/lamp"' "its url is the remote's web address"
expect_contains "$out" '"endDate": "2026-11-20"' "its end date is the last commit's"
expect_contains "$out" '"date": "2026-10-01"' "the certificate has its passed date"
expect_contains "$out" '"url": "https://example.org/verify/1"' "and its credential link"
expect_not_contains "$out" "$HOME" "no local path"

# Merge into a résumé: everything else as it was, our entries replacing those of their name.
cat >"$tmp/mine.json" <<'EOF'
{
  "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
  "basics": {"name": "Ada", "label": "Keeper", "email": "ada@example.com", "score": 4.5e1,
             "remote": true, "manager": null, "profiles": []},
  "work": [{"name": "Harbour", "startDate": "2020-01", "highlights": ["Ünïcödé ✓"]}],
  "projects": [{"name": "Older project", "url": "https://example.com/old"},
               {"name": "Lamp \"telemetry\"", "description": "stale"}],
  "meta": {"version": "v1.0.0"}
}
EOF
trail --export jsonresume --merge "$tmp/mine.json" >"$tmp/merged.json"
expect_status 0 $? "--export jsonresume --merge"
problems=$(validate "$tmp/merged.json")
if [ -z "$problems" ]; then pass "the merged résumé is valid"; else fail "$problems"; fi
same=$(python3 - "$tmp/mine.json" "$tmp/merged.json" <<'EOF'
import json, sys
a = json.load(open(sys.argv[1]))
b = json.load(open(sys.argv[2]))
bad = []
if list(a)[:len(a)] != [k for k in b if k in a]:
    bad.append("the keys' order changed")
for k in a:
    if k not in ("projects", "certificates") and a[k] != b.get(k):
        bad.append("%s changed" % k)
names = [p["name"] for p in b["projects"]]
if names != ["Older project", 'Lamp "telemetry"']:
    bad.append("projects: %r" % names)
if any(p.get("description") == "stale" for p in b["projects"]):
    bad.append("the stale entry was kept")
print("; ".join(bad))
EOF
)
if [ -z "$same" ]; then pass "--merge keeps everything else as it was"; else fail "$same"; fi
printf '[1, 2]\n' >"$tmp/array.json"
out=$(trail --export jsonresume --merge "$tmp/array.json" 2>&1)
expect_status 1 $? "a résumé that is not an object is refused"
expect_contains "$out" "array.json:1:1:" "with its location"
out=$(trail --export jsonresume --with-paths 2>&1)
expect_status 2 $? "--with-paths goes with --export portfolio only"
finish
