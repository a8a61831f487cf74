#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The dependency graph of src/ (tests/arch/depgraph.py): no include goes up a layer, and no two
# files depend on each other. tests/arch/known-cycles.txt lists the cycles the code still has,
# to be taken apart; the test fails when the graph has a problem that file does not list, and
# when the file lists one that is gone (so the list only shrinks).
set -u
: "${TRAIL_SOURCE_DIR:?}" "${TRAIL_BUILD_DIR:?}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
command -v nm >/dev/null 2>&1 || { echo "nm not found: skipped"; exit 77; }
here="$TRAIL_SOURCE_DIR/tests/arch"
actual=$(python3 "$here/depgraph.py" "$TRAIL_SOURCE_DIR/src" "$TRAIL_BUILD_DIR")
status=$?
[ "$status" -le 1 ] || { echo "depgraph.py failed ($status)"; exit 1; }
if ! diff -u "$here/known-cycles.txt" <(printf '%s\n' "$actual" | sed '/^$/d'); then
    echo "FAIL: the dependency graph differs from tests/arch/known-cycles.txt (- listed, + found)"
    exit 1
fi
echo "ok: $(wc -l <"$here/known-cycles.txt") known cycle(s), nothing else"
