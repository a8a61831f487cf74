#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# trail --check and --print on the lighthouse fixture guide and on broken guides; exit statuses.
set -u
. "$(dirname "$0")/lib/assert.sh"

guide="$FIXTURE"
require_input "$guide"
scratch_dir

# --check: a valid guide, exit 0, counts in the summary.
out=$("$TRAIL_BIN" --check "$guide" 2>&1)
expect_status 0 $? "--check on a valid guide"
expect_contains "$out" "4 phases, 20 key actions, 5 certifications, 7 questions" "--check summary"

# --check on a broken guide: located error, exit 1.
mkdir "$tmp/bad"
printf 'format: 1\nid: bad\ntitle: Bad\n' >"$tmp/bad/guide.yaml"
printf 'title: FAQ\nquestions:\n  - id: q\n    question: Why?\n    answer:\n      - list\n' \
    >"$tmp/bad/faq.yaml"
out=$("$TRAIL_BIN" --check "$tmp/bad" 2>&1)
expect_status 1 $? "--check on an invalid guide"
expect_contains "$out" "$tmp/bad/faq.yaml:6:7: error: 'answer' must be a string, not a list" \
    "--check located error"

# A YAML syntax error comes from libyaml's mark.
printf 'format: 1\nid: x\ntitle: [unclosed\n' >"$tmp/bad/guide.yaml"
out=$("$TRAIL_BIN" --check "$tmp/bad" 2>&1)
expect_status 1 $? "--check on a YAML syntax error"
expect_contains "$out" "$tmp/bad/guide.yaml:4:1: error:" "--check syntax error location"

# Not a guide at all: exit 2.
out=$("$TRAIL_BIN" --check "$tmp/none" 2>&1)
expect_status 2 $? "--check on a missing directory"
expect_contains "$out" "no such directory" "--check missing directory message"

# --print: every phase, certification and question of the guide is there.
out=$("$TRAIL_BIN" --content "$guide" --print)
expect_status 0 $? "--print"
for s in "Lamp & Tower Basics (Months 1-3)" "Optics & Clockwork (Months 4-6)" \
    "Night Watch & Storms (Months 7-9)" "Handover & Shore Posts (Months 10-12)" \
    "Coastal Light Keeper – Level One" "Maritime Radio Operator Certificate" \
    "First Aid at Sea" "Lens and Optics Technician" "Diesel Generator Maintenance" \
    "Do I need a captain's licence to become a Lighthouse Keeper?" \
    "What's the main difference between a Harbour Master and a Lighthouse Keeper?" \
    "Are keeper posts scarce now that most lights are automatic?" \
    "Can I become a keeper through self-study and volunteering?" \
    "How important is knowledge of lamps (Argand/Fresnel) for this role?" \
    "What are the hardest parts of being a keeper?" \
    "Which coasts hire the most keepers?" "\$100,000 - \$250,000" \
    "Light the Lamp"; do
    expect_contains "$out" "$s" "--print shows '$s'"
done

# Wrapped by display width (80 when not a terminal; --width otherwise); the en dash counts 1,
# a CJK character 2.
for w in 80 40; do
    if [ "$w" = 80 ]; then out=$("$TRAIL_BIN" --content "$guide" --print); else
        out=$("$TRAIL_BIN" --content "$guide" --print --width "$w"); fi
    widest=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
    expect_le "$widest" "$w" "--print lines fit $w columns"
    expect_ge "$widest" $((w - 12)) "--print fills $w columns"
done

# Text with escape sequences is printed with placeholders, never raw.
mkdir "$tmp/esc"
printf 'format: 1\nid: esc\ntitle: "Evil \\e]0;pwned\\a title"\nintro: "a\\rb \\x9b31m c"\n' \
    >"$tmp/esc/guide.yaml"
"$TRAIL_BIN" --content "$tmp/esc" --print >"$tmp/esc.out"
expect_status 0 $? "--print of a guide with escapes"
if LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$tmp/esc.out" ||
    LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$tmp/esc.out"; then
    fail "--print wrote a raw control character"
else
    pass "--print wrote no raw control character"
fi
expect_contains "$(cat "$tmp/esc.out")" "Evil ␛]0;pwned␇ title" "--print shows ESC and BEL placeholders"

# --search: grep-like exit statuses; each line names the section and the entry.
out=$("$TRAIL_BIN" --content "$guide" --search licence)
expect_status 0 $? "--search licence"
expect_contains "$out" "FAQ: Do I need a captain's licence to become a Lighthouse Keeper?" \
    "--search licence line"
expect_status 1 "$(printf '%s\n' "$out" | wc -l)" "--search licence finds exactly one entry"
out=$("$TRAIL_BIN" --content "$guide" --search "FOGHORN thirty")
expect_contains "$out" "Key action: Night Watch & Storms: Sound the foghorn every thirty" \
    "--search words in any case"
out=$("$TRAIL_BIN" --content "$guide" --search "no-such-word-anywhere")
expect_status 1 $? "--search with no match"
expect_status 0 "${#out}" "--search with no match prints nothing"
"$TRAIL_BIN" --content "$tmp/none" --search x >/dev/null 2>&1
expect_status 2 $? "--search on a missing guide"

# Narrow pages: a stat label wider than the page and long titles still fit, and the output
# stays valid UTF-8 (nothing is cut inside a character).
mkdir "$tmp/narrow"
printf 'format: 1\nid: narrow\ntitle: "%s"\nstats:\n  salary:\n    label: "%s"\n    text: "%s"\n' \
    "Ünïcödé title that is rather long indeed" "A very long label for a stat – with a dash" \
    "Some text that goes on and on and on" >"$tmp/narrow/guide.yaml"
out=$("$TRAIL_BIN" --content "$tmp/narrow" --print --width 20)
expect_status 0 $? "--print --width 20 of a guide with long labels"
widest=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
expect_le "$widest" 20 "--print --width 20 lines fit"
if printf '%s' "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then
    pass "--print output is valid UTF-8"
else
    fail "--print output is not valid UTF-8"
fi
expect_contains "$out" "A very long label" "--print shows the long label"

# Usage errors.
"$TRAIL_BIN" --bogus >/dev/null 2>&1
expect_status 2 $? "unknown option"
out=$("$TRAIL_BIN" --help)
expect_status 0 $? "--help"
expect_contains "$out" "Usage: trail" "--help usage line"
out=$("$TRAIL_BIN" --version)
expect_contains "$out" "trail " "--version"

finish
