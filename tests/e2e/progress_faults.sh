#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# DUR-4: ENOSPC, EIO and EROFS injected (strace) at each open, read, lock, write, fsync, close
# and rename of a save: the save reports the error with the path, the old file is unchanged,
# no temporary file is left, and a second save in the same process (the fault gone) writes
# what the failed one kept in memory. A fault while reading the file at start makes the store
# read-only instead (an unreadable file is never overwritten).
set -u
. "$(dirname "$0")/lib/progress.sh"

traced_save
# "name N" for the file syscalls from the marker on, leaving out the driver's own messages.
awk '
    /^[0-9]+ +[a-z_0-9]+\(/ {
        name = $2; sub(/\(.*/, "", name); count[name]++
        if (index($0, "progress-driver-begin")) { on = 1; next }
        if (!on || name !~ /^(openat|read|flock|fchmod|write|fsync|close|rename|mkdir)$/) next
        if (name == "write" && $0 ~ /write\([12],/) next
        print name, count[name]
    }' "$WORK/trace" >"$WORK/points"
expect_ge "$(wc -l <"$WORK/points")" 20 "the save's file syscalls are traced"

declare -A text=([ENOSPC]="No space left on device" [EIO]="Input/output error"
    [EROFS]="Read-only file system")
declare -A failed_by=()
bad=0 failed=0 tolerated=0 readonly=0 runs=0
while read -r sys n; do
    for err in ENOSPC EIO EROFS; do
        what="$err at $sys #$n"
        restore "$WORK/old" "$F"
        out=$(strace -f -qq -o /dev/null -e "inject=$sys:error=$err:when=$n" -- \
            "$DRIVER" set "$F" a/2 done "$MS_NEW" 2>&1)
        rc=$?
        runs=$((runs + 1))
        if [ "$(temps "$F")" -ne 0 ]; then
            bad=$((bad + 1))
            fail "$what: a temporary file was left"
            rm -f "$F".tmp-*
        fi
        if [ "$rc" -eq 0 ]; then
            tolerated=$((tolerated + 1))
            same_file "$F" "$WORK/new" || { bad=$((bad + 1)); fail "$what: saved, but not the new version"; }
            continue
        fi
        case "$out" in
        *"${text[$err]}"*) ;;
        *) bad=$((bad + 1)); fail "$what: the message does not say '${text[$err]}': $out" ;;
        esac
        case "$out" in
        *"saved, but cannot sync"*) expected="$WORK/new" ;; # only the directory fsync failed
        *) expected="$WORK/old" ;;
        esac
        same_file "$F" "$expected" || { bad=$((bad + 1)); fail "$what: the file changed"; }
        case "$out" in
        *"read-only"*) readonly=$((readonly + 1)); continue ;;
        esac
        failed=$((failed + 1))
        failed_by[$sys]=1
        # The same fault once, then a retry in the same process: the change kept in memory is
        # written.
        restore "$WORK/old" "$F"
        out=$(strace -f -qq -o /dev/null -e "inject=$sys:error=$err:when=$n" -- \
            "$DRIVER" set "$F" a/2 done "$MS_NEW" retry 2>&1)
        rc=$?
        if [ "$rc" -ne 3 ] || ! same_file "$F" "$WORK/new" || [ "$(temps "$F")" -ne 0 ]; then
            bad=$((bad + 1))
            fail "$what: the retry did not save the kept change (exit $rc): $out"
        fi
    done
done <"$WORK/points"
echo "info: $runs runs: $failed failed saves, $readonly read-only starts, $tolerated tolerated faults"
expect_status 0 "$bad" "every injected fault: error reported, old file intact, no temp, retry saves"
for sys in openat write fsync close rename flock; do
    [ -n "${failed_by[$sys]:-}" ] && pass "a fault in $sys fails the save cleanly" ||
        fail "no fault in $sys failed the save: is it still checked?"
done
expect_ge "$readonly" 1 "a fault while reading the file at start makes the store read-only"
finish
