#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Hostile Markdown plans: every file of tests/data/plans/hostile (raw HTML, escape sequences
# and C1 controls raw and as entities, forbidden link schemes, unclosed fences, setext and
# empty headings, NUL, bad UTF-8, an empty file...) opens or fails with a located error, and
# what is printed or drawn holds no raw HTML and no control byte. A 50 MB plan, lists and quotes
# nested 10,000 deep and a 1 MB line are read in bounded time and memory.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
corpus="$TRAIL_TEST_DATA/plans/hostile"
require_input "$corpus/raw-html.md"
scratch_dir
export TRAIL_STATE="$tmp/progress.yaml" HOME="$tmp"

for f in "$corpus"/*.md; do
    name=$(basename "$f")
    out=$("$TRAIL_BIN" --check "$f" 2>&1)
    rc=$?
    case $rc in
    0) pass "$name: opens" ;;
    1) expect_contains "$out" "$f:" "$name: fails with a located error" ;;
    *) fail "$name: --check exit $rc: $out" ;;
    esac
    [ "$rc" = 0 ] || continue
    printed=$("$TRAIL_BIN" --content "$f" --print 2>&1 | od -An -c)
    expect_not_contains "$printed" '033' "$name: no escape byte in --print"
    expect_not_contains "$printed" '302 233' "$name: no C1 control in --print"
    text=$("$TRAIL_BIN" --content "$f" --print 2>&1)
    expect_not_contains "$text" "<script" "$name: no raw HTML in --print"
    expect_not_contains "$text" "onerror" "$name: no HTML attribute in --print"
done

# The browser draws the escape sequences of an item as placeholders.
if command -v tmux >/dev/null 2>&1; then
    tui_setup hostile-md
    tui_start 80 24 "'$TRAIL_BIN' --state '$tmp/tui.yaml' '$corpus/control-bytes.md'"
    tui_wait "Escapes" "the plan with escapes opens"
    tui_keys Enter Enter
    tui_wait "␛[31mred" "an escape sequence shows as text"
    tui_keys q
else
    skip_part "tmux is not installed"
fi

# bounded FILE WHAT SECONDS: --check on FILE ends within SECONDS, with a peak RSS of at most
# six times the file's size plus 64 MiB (the text, md4c's own and the guide built from it;
# twice that under the sanitizers, whose shadow memory and quarantine come on top).
bounded() {
    local start=$SECONDS out rss size
    out=$( { /usr/bin/time -f "rss=%M" timeout "$3" "$TRAIL_BIN" --check "$1" >/dev/null; } 2>&1)
    local rc=$?
    [ "$rc" -le 1 ] && pass "$2: --check ends (exit $rc, $((SECONDS - start)) s)" ||
        fail "$2: --check exit $rc (a timeout is 124): $out"
    rss=$(printf '%s\n' "$out" | sed -n 's/^rss=//p')
    size=$(($(stat -c %s "$1") / 1024))
    local k=1
    [ -n "${TRAIL_SANITIZED:-}" ] && k=2
    [ -n "$rss" ] && expect_le "$rss" $(((size * 6 + 65536) * k)) "$2: memory is bounded (KiB)"
}

python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
with open(d + "/big.md", "w") as f:
    f.write("# Big\n")
    n = 0
    while f.tell() < 50 * 1024 * 1024:
        f.write("\n## Section %d\n\nSome *text* with a [link](https://example.org/%d).\n\n" % (n, n))
        for i in range(20):
            f.write("- [ ] Item %d.%d with `code` and **bold** words\n" % (n, i))
        n += 1
with open(d + "/deep-list.md", "w") as f:
    f.write("# Deep\n\n## S\n\n- [ ] top\n" + "- " * 10000 + "[ ] deepest\n")
with open(d + "/deep-quote.md", "w") as f:
    f.write("# Deep\n\n## S\n\n- [ ] top\n\n" + ">" * 10000 + " quoted\n")
with open(d + "/long-line.md", "w") as f:
    f.write("# Long\n\n## S\n\n- [ ] " + "word " * 210000 + "\n")
PY
bounded "$tmp/big.md" "a 50 MB plan" 120
bounded "$tmp/deep-list.md" "lists nested 10,000 deep" 60
bounded "$tmp/deep-quote.md" "quotes nested 10,000 deep" 60
bounded "$tmp/long-line.md" "a 1 MB line" 60
finish
