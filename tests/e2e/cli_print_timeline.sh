#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# trail --print shows the learner's timeline after the career path when the progress file
# gives a start date: every phase's bar, today's marker, the position by ticks and a sentence
# saying it, at 40, 80 and 200 columns, no line wider than asked, as plain text through a pipe
# with or without NO_COLOR (no escape byte); nothing of it without a start date or progress.
set -u
. "$(dirname "$0")/lib/sundial.sh"
sundial_cli

out=$(trail --print --width 80)
expect_status 0 $? "--print without progress"
expect_not_contains "$out" "Timeline" "no timeline without progress"
[ ! -e "$S" ] && pass "--print creates no progress file" || fail "--print created $S"

cat >"$S" <<'YAML'
version: 1
guides:
  sundial:
    items:
      shadow/noon: done
YAML
out=$(trail --print --width 80)
expect_not_contains "$out" "Timeline" "no timeline without a start date"

sundial_started "$S"
cp "$S" "$tmp/before.yaml"
for cols in 40 80 200; do
    for nc in "" 1; do
        what="$cols columns${nc:+, NO_COLOR}"
        out=$(env ${nc:+NO_COLOR=1} "$TRAIL_BIN" --state "$S" --print --width "$cols" | cat)
        expect_status 0 "${PIPESTATUS[0]}" "$what: --print"
        section=$(printf '%s\n' "$out" | sed -n '/^Timeline$/,/^Recommended Certifications$/p')
        expect_contains "$section" $'Timeline\n--------' "$what: the timeline's heading after the path"
        for row in "Read the" "Build" "Tune It" "today" "you"; do
            expect_contains "$section" "$row" "$what: the timeline's row $row"
        done
        expect_contains "$section" "│" "$what: today's marker"
        expect_contains "$section" "▲" "$what: the position by ticks"
        expect_contains "$(printf '%s' "$section" | tr -d '\n ')" \
            "Todayis2026-12-07;yourticksarewheretheplanwason2026-10-30" "$what: said in words"
        path_at=$(printf '%s\n' "$out" | grep -n '^Career Path$' | cut -d: -f1)
        tl_at=$(printf '%s\n' "$out" | grep -n '^Timeline$' | cut -d: -f1)
        expect_ge "${tl_at:-0}" "$((${path_at:-99999} + 1))" "$what: after the career path"
        over=0
        while IFS= read -r l; do
            [ "${#l}" -gt "$cols" ] && over=$((over + 1))
        done <<<"$out"
        expect_status 0 "$over" "$what: no line is wider than asked"
        expect_not_contains "$(printf '%s' "$out" | od -An -c)" "033" "$what: no escape byte"
    done
done
cmp -s "$S" "$tmp/before.yaml" && pass "--print leaves the progress file alone" ||
    fail "--print changed the progress file"
finish
