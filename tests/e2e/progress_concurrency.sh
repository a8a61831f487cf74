#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# DUR-8: two and then four instances each toggle their own item 500 times, every toggle saved:
# at the end each item's last toggle is in the file (no lost update), and a reader polling the
# file meanwhile always finds it valid. The same item toggled by two instances ends at the
# latest change. A lock holder killed with SIGKILL does not block the others.
set -u
. "$(dirname "$0")/lib/progress.sh"

# run_toggles FILE N TIMES: N drivers toggling item t/1..t/N TIMES times each, in parallel,
# while a reader checks the file; checks every driver's last change is in the file.
run_toggles() {
    local file=$1 n=$2 times=$3 i pids=() rc bad=0
    for ((i = 1; i <= n; i++)); do
        "$DRIVER" toggle "$file" "t/$i" "$times" >"$WORK/last.$i" 2>"$WORK/err.$i" &
        pids+=($!)
    done
    local reads=0 invalid=0
    while kill -0 "${pids[@]}" 2>/dev/null; do
        if [ -e "$file" ]; then
            "$DRIVER" verify "$file" >/dev/null 2>&1 || invalid=$((invalid + 1))
            reads=$((reads + 1))
        fi
    done
    for ((i = 1; i <= n; i++)); do
        wait "${pids[$((i - 1))]}"
        rc=$?
        [ "$rc" -eq 0 ] || { bad=$((bad + 1)); fail "driver $i exit $rc: $(cat "$WORK/err.$i")"; }
    done
    expect_status 0 "$invalid" "$n instances: the file was valid at each of $reads reads"
    local final
    final=$("$DRIVER" verify "$file" 2>&1)
    for ((i = 1; i <= n; i++)); do
        read -r item state changed <"$WORK/last.$i"
        printf '%s\n' "$final" | grep -qx "ml-engineer $item $state $changed" ||
            { bad=$((bad + 1)); fail "$n instances: the last toggle of $item ($state at $changed) is lost"; }
    done
    expect_status 0 "$bad" "$n instances x $times toggles: every last toggle is in the file"
}

run_toggles "$WORK/two.yaml" 2 500
run_toggles "$WORK/four.yaml" 4 500

# The same item in two instances: the file ends with the later of their last changes.
F="$WORK/same.yaml"
"$DRIVER" toggle "$F" same 200 >"$WORK/same.1" 2>&1 &
p1=$!
"$DRIVER" toggle "$F" same 200 >"$WORK/same.2" 2>&1 &
p2=$!
wait "$p1"
r1=$?
wait "$p2"
r2=$?
expect_status 0 "$((r1 + r2))" "two instances toggling the same item"
read -r _ s1 c1 <"$WORK/same.1"
read -r _ s2 c2 <"$WORK/same.2"
if [ "$c1" -ge "$c2" ]; then want="$s1 $c1"; else want="$s2 $c2"; fi
got=$("$DRIVER" verify "$F" | awk '$2 == "same" { print $3, $4 }')
[ "$got" = "$want" ] && pass "the same item ends at the latest change ($want)" ||
    fail "the same item ends at '$got', expected the latest change '$want'"

# SIGKILL of the lock holder: a waiting save goes through.
F="$WORK/held.yaml"
"$DRIVER" hold "$F" >"$WORK/hold.out" &
holder=$!
wait_for 10 grep -q locked "$WORK/hold.out" && pass "a process holds the save lock" ||
    fail "the holder did not take the lock"
"$DRIVER" set "$F" a/1 done >"$WORK/set.out" 2>&1 &
setter=$!
kill -KILL "$holder"
wait "$holder" 2>/dev/null
wait_for 10 bash -c "! kill -0 $setter 2>/dev/null" && pass "the waiting save finished" ||
    { fail "the waiting save is blocked"; kill "$setter"; }
wait "$setter"
expect_status 0 $? "the save after the lock holder was killed"
"$DRIVER" verify "$F" | grep -q "^ml-engineer a/1 done " && pass "its change is in the file" ||
    fail "its change is not in the file"
finish
