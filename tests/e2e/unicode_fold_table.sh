#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The search's folding table is generated from the Unicode data: the committed
# src/model/search_fold_table.inc is what scripts/gen_fold_table.py writes from the installed
# data (Debian: unicode-data, /usr/share/unicode), and `make unicode-tables` writes it there.
# Skipped (77) without the data or python3.
set -u
. "$(dirname "$0")/lib/assert.sh"

: "${TRAIL_SOURCE_DIR:?}"
ucd=${TRAIL_UCD_DIR:-/usr/share/unicode}
if [ ! -f "$ucd/UnicodeData.txt" ] || [ ! -f "$ucd/CaseFolding.txt" ] ||
    ! command -v python3 >/dev/null; then
    echo "skip: no Unicode data in $ucd (Debian package unicode-data) or no python3"
    exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trail-fold.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
table="$TRAIL_SOURCE_DIR/src/model/search_fold_table.inc"

python3 "$TRAIL_SOURCE_DIR/scripts/gen_fold_table.py" "$ucd" >"$tmp/table.inc"
expect_status 0 $? "the generator runs on $ucd"
if cmp -s "$tmp/table.inc" "$table"; then
    pass "the committed table is the generator's output for the data installed"
else
    fail "src/model/search_fold_table.inc differs from the generator's output (run make unicode-tables):"$'\n'"$(diff "$table" "$tmp/table.inc" | head -n 20)"
fi
version=$(head -n 1 "$ucd/CaseFolding.txt" | grep -oE '[0-9]+\.[0-9]+\.[0-9]+')
expect_contains "$(head -n 3 "$table")" "Unicode $version data" "the table names the data's version"

# Some folds the search relies on (tests/unit/test_search_fold.c has more).
for pair in "0x00DF, {0x0073, 0x0073}" "0x00C9, {0x0065}" "0x0401, {0x0435}" \
    "0xFB01, {0x0066, 0x0069}" "0x01C5, {0x0064, 0x007A}" "0x00A0, {0x0020}"; do
    expect_contains "$(cat "$table")" "{$pair}" "the table has {$pair}"
done
expect_not_contains "$(cat "$table")" "{0x0439," "й stays a letter of its own"

# make unicode-tables regenerates it in place (a dry run: it names the generator and the file).
out=$(make -n -C "$TRAIL_SOURCE_DIR" unicode-tables 2>&1)
expect_contains "$out" "scripts/gen_fold_table.py /usr/share/unicode" "make unicode-tables runs the generator"

finish
