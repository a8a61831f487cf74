#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# DUR-5: a read-only state directory and a real full disk, made in a private mount namespace
# (tests run as root, and chmod does not stop root): the save fails with a clear message, the
# old file is intact, no temporary file is left, the start says the directory is read-only, and
# once space is freed the next save succeeds. Skipped (77) when unshare is not permitted.
set -u
. "$(dirname "$0")/lib/progress.sh"

if ! unshare -rm true 2>/dev/null; then
    echo "skip: unshare -rm (a private mount namespace) is not permitted here"
    exit 77
fi
make_states "$WORK"

# Runs the body in a private mount namespace; its output is the assertions' lines.
inner=$(
    unshare -rm bash -s -- "$WORK" "$DRIVER" "$MS_NEW" <<'INNER'
set -u
WORK=$1 DRIVER=$2 MS_NEW=$3
say() { printf '%s\n' "$*"; }
temps() { ls "$1".tmp-* 2>/dev/null | wc -l; }

# Read-only directory.
mkdir "$WORK/ro"
cp "$WORK/old" "$WORK/ro/p.yaml"
mount --bind "$WORK/ro" "$WORK/ro" && mount -o remount,bind,ro "$WORK/ro" || say "FAIL: mount ro"
out=$("$DRIVER" set "$WORK/ro/p.yaml" a/2 done "$MS_NEW" 2>&1)
say "RC_RO $?"
case "$out" in *"read-only"*) say "RO_NOTICE yes" ;; esac
case "$out" in *"Read-only file system"*) say "RO_ERROR yes" ;; esac
cmp -s "$WORK/old" "$WORK/ro/p.yaml" && say "RO_INTACT yes"
say "RO_TEMPS $(temps "$WORK/ro/p.yaml")"

# A tiny tmpfs, filled up.
mkdir "$WORK/full"
mount -t tmpfs -o size=64k tmpfs "$WORK/full" || say "FAIL: mount tmpfs"
cp "$WORK/old" "$WORK/full/p.yaml"
"$DRIVER" set "$WORK/full/p.yaml" a/0 done "$MS_NEW" >/dev/null 2>&1 # the lock file exists
cp "$WORK/full/p.yaml" "$WORK/full-before"
dd if=/dev/zero of="$WORK/full/filler" bs=1k count=1000 2>/dev/null
out=$("$DRIVER" set "$WORK/full/p.yaml" a/2 done "$MS_NEW" 2>&1)
say "RC_FULL $?"
case "$out" in *"No space left on device"*"kept in memory"*) say "FULL_ERROR yes" ;; esac
cmp -s "$WORK/full-before" "$WORK/full/p.yaml" && say "FULL_INTACT yes"
say "FULL_TEMPS $(temps "$WORK/full/p.yaml")"
rm -f "$WORK/full/filler"
"$DRIVER" set "$WORK/full/p.yaml" a/2 done "$MS_NEW" >/dev/null 2>&1
say "RC_FREED $?"
"$DRIVER" verify "$WORK/full/p.yaml" | grep -q "^ml-engineer a/2 done $MS_NEW\$" && say "FREED_SAVED yes"
INNER
)
printf '%s\n' "$inner" | grep '^FAIL' && fail "namespace setup"
val() { printf '%s\n' "$inner" | awk -v k="$1" '$1 == k { print $2 }'; }
expect_status 1 "$(val RC_RO)" "a save into a read-only directory fails"
[ "$(val RO_NOTICE)" = yes ] && pass "the start says the directory is read-only" ||
    fail "no read-only notice"
[ "$(val RO_ERROR)" = yes ] && pass "the save says 'Read-only file system'" ||
    fail "no EROFS message"
[ "$(val RO_INTACT)" = yes ] && pass "the file in the read-only directory is intact" ||
    fail "the file in the read-only directory changed"
expect_status 0 "$(val RO_TEMPS)" "no temporary file in the read-only directory"
expect_status 1 "$(val RC_FULL)" "a save on a full disk fails"
[ "$(val FULL_ERROR)" = yes ] && pass "the save says 'No space left on device' and keeps the change" ||
    fail "no ENOSPC message"
[ "$(val FULL_INTACT)" = yes ] && pass "the file on the full disk is intact" ||
    fail "the file on the full disk changed"
expect_status 0 "$(val FULL_TEMPS)" "no temporary file left on the full disk"
expect_status 0 "$(val RC_FREED)" "once space is freed the save succeeds"
[ "$(val FREED_SAVED)" = yes ] && pass "and the file holds the change" || fail "the change is missing"
finish
