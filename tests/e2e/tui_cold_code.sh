#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What is linked apart as not used at start (cmake/cold-code.ld) is not used at start: from the
# start to Home with every part of the guide loaded, no page of the binary's .text.trail_cold
# and .rodata.trail_cold sections is in memory (/proc/PID/pagemap), so a file on that list
# whose code or constants came to be used at start fails here instead of quietly costing the
# browser memory. Skipped when the binary has no such section (a linker that did not take the
# script, a sanitizer build).
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
require readelf python3
# "offset size" (hexadecimal) of each section linked apart.
sections=$(readelf -SW "$TRAIL_BIN" |
    sed -n 's/.* \.\(text\|rodata\)\.trail_cold  *[A-Z]*  *[0-9a-f]*  *\([0-9a-f]*\)  *\([0-9a-f]*\) .*/\2 \3/p')
[ -n "$sections" ] || { echo "skip: $TRAIL_BIN has no section linked apart"; exit 77; }
tui_setup cold_code

tui_start 80 24 "sh -c 'echo \$\$ >\"$TUI_DIR/pid\"; exec \"\$0\" \"\$@\"' '$TRAIL_BIN' --content '$FIXTURE'"
tui_wait "FAQ · 7 questions" "Home is up with every part loaded"
pid=$(cat "$TUI_DIR/pid")
# The pages of the binary's mappings that hold those file offsets, and how many are present.
present=$(python3 - "$pid" "$TRAIL_BIN" $sections <<'PY'
import os, struct, sys
pid, binary = sys.argv[1], os.path.realpath(sys.argv[2])
ranges = [(int(o, 16), int(o, 16) + int(s, 16)) for o, s in zip(sys.argv[3::2], sys.argv[4::2])]
n = 0
with open(f"/proc/{pid}/pagemap", "rb") as pm:
    for line in open(f"/proc/{pid}/maps"):
        f = line.split()
        if len(f) < 6 or os.path.realpath(f[5]) != binary:
            continue
        lo, hi = (int(x, 16) for x in f[0].split("-"))
        moff = int(f[2], 16)
        for a in range(lo, hi, 4096):
            o = moff + (a - lo)
            if any(start <= o < end for start, end in ranges):
                pm.seek(a // 4096 * 8)
                n += struct.unpack("Q", pm.read(8))[0] >> 63
print(n)
PY
)
[ "$present" = 0 ] && pass "no page of what is linked apart is in memory at Home" ||
    fail "$present pages of what is linked apart are in memory at Home"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
