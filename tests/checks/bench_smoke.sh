#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The benchmark runs at its smallest size and prints its table: one row per figure, the load
# figure with numbers. It checks that the benchmark works, never how fast anything is.
set -u
. "$(dirname "$0")/../e2e/lib/assert.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

out=$(BENCH_SIZES=1 BENCH_RUNS=1 BENCH_QUIET=100 BENCH_DATA="$tmp" \
    bash "$TRAIL_SOURCE_DIR/bench/run.sh" "$TRAIL_BUILD_DIR" 2>"$tmp/stderr")
expect_status 0 $? "bench/run.sh at 1 MB"
[ -s "$tmp/stderr" ] && printf 'stderr:\n%s\n' "$(cat "$tmp/stderr")"

expect_contains "$out" "| # | Figure | trail | Reference | Ratio | Target | Met |" "table header"
for n in 1 2 3 4 5 6; do
    expect_contains "$out" "| $n | " "a row for figure $n"
done
# The generated guide was valid (run.sh checks it) and the load row has two times and a ratio.
load=$(printf '%s\n' "$out" | grep '^| 1 | Load, 1 MB')
if printf '%s\n' "$load" | grep -Eq '\| [0-9]+\.[0-9]+ ms \| [0-9]+\.[0-9]+ ms \| [0-9]+\.[0-9]+ \|'; then
    pass "load row has numbers: $load"
else
    fail "load row malformed: '$load'"
fi
rss=$(printf '%s\n' "$out" | grep '^| 5 | Peak RSS, 1 MB')
if printf '%s\n' "$rss" | grep -Eq '\| [0-9.]+ MiB \| [0-9.]+ MiB \| [0-9]+\.[0-9]+ \|'; then
    pass "memory row has numbers: $rss"
else
    fail "memory row malformed: '$rss'"
fi
save=$(printf '%s\n' "$out" | grep '^| 6 | Durable save')
if printf '%s\n' "$save" | grep -Eq '\| [0-9.]+ ms \| [0-9.]+ ms \| [0-9]+\.[0-9]+ \|'; then
    pass "save row has numbers: $save"
else
    fail "save row malformed: '$save'"
fi
expect_contains "$(cat "$tmp/guide-1mb/faq.yaml")" "question-0" "the generated FAQ is there"

finish
