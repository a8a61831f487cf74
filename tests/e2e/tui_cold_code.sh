#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The code linked apart as not run at start (cmake/cold-code.ld) is not run at start: from the
# start to Home with every part of the guide loaded, no page of the binary's .text.trail_cold
# section is in memory (/proc/PID/pagemap), so a file on that list whose code came to run at
# start fails here instead of quietly costing the browser memory. Skipped when the linker did
# not take the script (no such section).
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
require readelf python3
read -r off size < <(readelf -SW "$TRAIL_BIN" | sed -n 's/.* \.text\.trail_cold  *[A-Z]*  *[0-9a-f]*  *\([0-9a-f]*\)  *\([0-9a-f]*\) .*/\1 \2/p')
[ -n "${size:-}" ] || { echo "skip: $TRAIL_BIN has no .text.trail_cold section"; exit 77; }
off=$((16#$off)) size=$((16#$size))
tui_setup cold_code

tui_start 80 24 "sh -c 'echo \$\$ >\"$TUI_DIR/pid\"; exec \"\$0\" \"\$@\"' '$TRAIL_BIN' --content '$FIXTURE'"
tui_wait "FAQ · 7 questions" "Home is up with every part loaded"
pid=$(cat "$TUI_DIR/pid")
# The pages of the binary's mapping that hold file offsets [off, off + size), and how many of
# them are present.
present=$(python3 - "$pid" "$TRAIL_BIN" "$off" "$size" <<'PY'
import os, struct, sys
pid, binary, off, size = sys.argv[1], os.path.realpath(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
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
            if off <= o < off + size:
                pm.seek(a // 4096 * 8)
                n += struct.unpack("Q", pm.read(8))[0] >> 63
print(n)
PY
)
[ "$present" = 0 ] && pass "no page of the code linked apart is in memory at Home" ||
    fail "$present pages of the code linked apart are in memory at Home"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
