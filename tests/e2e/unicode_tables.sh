# SPDX-License-Identifier: MIT
# TERM-3: the sanitiser's table of invisible code points is generated from the Unicode data.
#  1. The committed src/base/text_invisible_table.inc is what scripts/gen_invisible_table.py
#     writes from the installed data (Debian: unicode-data, /usr/share/unicode).
#  2. A probe guide holds every format (Cf) code point of that data, each between two letters,
#     in a key action's text; --print, --search and --export markdown must print none of them,
#     and keep the letters. A variation selector after an emoji stays; after a letter it goes.
# Skipped (77) without the data or python3.
set -u
. "$(dirname "$0")/lib/fixture.sh"
ucd=${TRAIL_UCD_DIR:-/usr/share/unicode}
if [ ! -f "$ucd/extracted/DerivedGeneralCategory.txt" ] || ! command -v python3 >/dev/null; then
    echo "skip: no Unicode data in $ucd (Debian package unicode-data) or no python3"
    exit 77
fi
fixture_setup unicode probe
export TRAIL_STATE="$WORK/progress.yaml"

python3 "$TRAIL_SOURCE_DIR/scripts/gen_invisible_table.py" "$ucd" >"$WORK/table.inc"
if cmp -s "$WORK/table.inc" "$TRAIL_SOURCE_DIR/src/base/text_invisible_table.inc"; then
    pass "the committed table is the generator's output for the data installed"
else
    fail "src/base/text_invisible_table.inc differs from the generator's output (run make unicode-tables):"$'\n'"$(diff "$TRAIL_SOURCE_DIR/src/base/text_invisible_table.inc" "$WORK/table.inc" | head -n 20)"
fi

# The probe: every Cf code point as a YAML escape, between letters; and the emoji cases.
python3 - "$ucd" "$CONTENT/probe/career-path.yaml" "$WORK/cf.txt" <<'PY'
import re, sys
ucd, path, listing = sys.argv[1:4]
cps = []
for line in open(ucd + "/extracted/DerivedGeneralCategory.txt", encoding="utf-8"):
    m = re.match(r"^([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*;\s*Cf\b", line)
    if m:
        cps.extend(range(int(m.group(1), 16), int(m.group(2) or m.group(1), 16) + 1))
open(listing, "w").write("".join("%X\n" % c for c in cps))
esc = lambda c: "\\u%04X" % c if c <= 0xFFFF else "\\U%08X" % c
probe = "probe" + "".join("x" + esc(c) for c in cps) + "x end"
emoji = "emoji \\U0001F600\\uFE0F keep, letter a\\uFE0F drop"
text = open(path, encoding="utf-8").read()
text = text.replace('"Dig each hole twice as wide as the root ball"', '"%s"' % probe)
text = text.replace('"Stake and tie every young tree"', '"%s"' % emoji)
open(path, "w", encoding="utf-8").write(text)
PY
expect_ge "$(wc -l <"$WORK/cf.txt")" 150 "the probe holds every Cf code point of the data"
out=$("$TRAIL_BIN" --check "$CONTENT/probe" 2>&1)
expect_status 0 $? "the probe guide loads: $out"

# find_cf NAME FILE: FILE holds no Cf code point, and the probe's letters.
find_cf() {
    local found
    found=$(python3 - "$WORK/cf.txt" "$2" <<'PY'
import sys
cps = {int(l, 16) for l in open(sys.argv[1])}
text = open(sys.argv[2], encoding="utf-8", errors="replace").read()
print(" ".join("U+%04X" % ord(ch) for ch in sorted(set(text)) if ord(ch) in cps))
PY
)
    if [ -z "$found" ]; then pass "$1: no format code point in the output"; else
        fail "$1: format code points in the output: $found"; fi
    expect_contains "$(cat "$2")" "probexxxxx" "$1: the letters around them are kept"
}
LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$CONTENT/probe" --print --width 1000 >"$WORK/print.txt"
find_cf "--print" "$WORK/print.txt"
LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$CONTENT/probe" --search probe >"$WORK/search.txt"
find_cf "--search" "$WORK/search.txt"
LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$CONTENT/probe" --export markdown >"$WORK/export.md"
find_cf "--export markdown" "$WORK/export.md"
expect_contains "$(cat "$WORK/print.txt")" $'emoji \U0001F600\uFE0F keep' \
    "a presentation selector after an emoji is kept"
expect_contains "$(cat "$WORK/print.txt")" "letter a drop" "one after a letter is dropped"
finish
