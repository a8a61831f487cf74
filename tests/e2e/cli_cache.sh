#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The compiled copies the shell commands keep in the user's cache (--status, --agenda, done):
# they are written after a clean load and then used, and never show anything but what the
# files say now: an edit (even one that keeps the size and the modification time), a copy
# damaged or replaced by another part's, a guide with a warning (which is never kept, so the
# warning is printed every time), a cache that cannot be written. The same for where the
# progress file's journal starts.
set -u
. "$(dirname "$0")/lib/assert.sh"

require_input "$FIXTURE_GUIDES/orchard"
export LC_ALL=C.UTF-8 TZ=UTC TRAIL_NOW=2026-12-06T12:00:00Z
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"
G="$tmp/orchard" S="$tmp/p.yaml"
cp -r "$FIXTURE_GUIDES/orchard" "$G"
trail() { "$TRAIL_BIN" --content "$G" --state "$S" "$@"; }
# Waits until the clock is past the last change of the guide's files by more than a file-time
# tick (at most 10 ms), so that a copy written now is trusted (a copy written in the tick of
# its source's change is not).
tick() {
    local last
    last=$(find "$G" -name '*.yaml' -printf '%C@\n' | sort -n | tail -1 | tr -d .)
    last=${last:0:19}
    while [ "$(date +%s%N)" -le "$((10#$last + 20000000))" ]; do :; done
}
kept() { find "$XDG_CACHE_HOME/trail/$1" -type f 2>/dev/null | wc -l; }
next() { trail --status --format '%{next}' 2>&1; }

trail done plant/dig >/dev/null
tick
expect_status "Stake and tie every young tree" "$(next)" "the next action"
expect_status 2 "$(kept guides)" "a copy of guide.yaml and of career-path.yaml is kept"
expect_status "Stake and tie every young tree" "$(next)" "the same line from the copies"
if command -v strace >/dev/null 2>&1; then
    strace -f -qq -e trace=openat,open -o "$tmp/trace" "$TRAIL_BIN" --content "$G" --state "$S" \
        --status >/dev/null 2>&1
    if grep -q 'career-path.yaml\|guide.yaml' "$tmp/trace"; then
        fail "the guide's YAML was read although its copies were kept"
    else
        pass "the YAML is not read when its copies are kept"
    fi
    grep -q "$XDG_CACHE_HOME/trail/guides/" "$tmp/trace" && pass "the copies are read" ||
        fail "no copy was read"
    # Every copy names the binary that wrote it; the binary is looked at once per run.
    strace -f -qq -e trace=stat,newfstatat,statx -o "$tmp/trace" "$TRAIL_BIN" --content "$G" \
        --state "$S" --status >/dev/null 2>&1
    n=$(grep -c '/proc/self/exe' "$tmp/trace")
    [ "$n" = 1 ] && pass "the binary is stat'ed once for two copies" ||
        fail "the binary is stat'ed $n times for two copies"
fi

# An edit right away (within the clock tick the copy was written in, as often as not).
sed -i 's/Stake and tie every young tree/Stake and tie every young pear/' "$G/career-path.yaml"
expect_status "Stake and tie every young pear" "$(next)" "an edit right after is seen"
tick
next >/dev/null # its copy, trusted: written a tick after the edit
# In place, with the same size and modification time: only the change time tells.
cp -p "$G/career-path.yaml" "$tmp/ref"
ino=$(stat -c %i "$G/career-path.yaml") size=$(stat -c %s "$G/career-path.yaml")
at=$(grep -bo "young pear" "$G/career-path.yaml" | cut -d: -f1)
printf 'young plum' | dd of="$G/career-path.yaml" bs=1 seek="$at" conv=notrunc status=none
touch -r "$tmp/ref" "$G/career-path.yaml"
expect_status "$ino $size $(stat -c %Y.%y "$tmp/ref")" \
    "$(stat -c '%i %s %Y.%y' "$G/career-path.yaml")" "the edit kept inode, size and time"
expect_status "Stake and tie every young plum" "$(next)" \
    "an edit that keeps the inode, size and modification time is seen"
next >/dev/null

# Damaged copies: every byte of the path's copy changed in turn would take long; flip a byte in
# the middle and cut one short, then put another part's copy in its place.
copy=$(grep -l "young plum" "$XDG_CACHE_HOME"/trail/guides/* | head -1)
[ -n "$copy" ] && pass "the path's copy holds the edit" || fail "no copy holds the edit"
size=$(stat -c %s "$copy")
printf 'X' | dd of="$copy" bs=1 seek=$((size / 2)) conv=notrunc status=none
expect_status "Stake and tie every young plum" "$(next)" "a damaged copy is not used"
next >/dev/null
truncate -s $((size - 3)) "$copy"
expect_status "Stake and tie every young plum" "$(next)" "a copy cut short is not used"
next >/dev/null
info=$(grep -L "young plum" "$XDG_CACHE_HOME"/trail/guides/* | head -1)
cp "$info" "$copy"
out=$(trail --status 2>&1)
expect_status "Orchard 1/5 · next: Stake and tie every young plum" "$out" \
    "guide.yaml's copy in the path's place is not used"

# A warning is printed by every run: a guide with one is never kept.
sed -i 's/^title: "Career Path"/title: "Career Path"\nsubtitle: "unknown key"/' \
    "$G/career-path.yaml"
for run in 1 2; do
    err=$(trail --status 2>&1 >/dev/null)
    expect_contains "$err" "career-path.yaml:3:1: warning: unknown key 'subtitle'" \
        "the warning, run $run"
done

# A cache that cannot be written changes nothing but speed.
rm -rf "$XDG_CACHE_HOME"
mkdir -p "$XDG_CACHE_HOME" && chmod 500 "$XDG_CACHE_HOME"
sed -i '/^subtitle:/d' "$G/career-path.yaml"
out=$(trail --status 2>&1)
expect_status 0 $? "--status with a cache it cannot write"
expect_status "Orchard 1/5 · next: Stake and tie every young plum" "$out" "the line all the same"
chmod 700 "$XDG_CACHE_HOME"

# Where the journal starts: the agenda reads the file up to it, and sees every edit.
trail --start 2026-11-01 >/dev/null
for i in $(seq 1 200); do trail --log 10m plant/stake >/dev/null || break; done
first=$(trail --agenda)
expect_contains "$first" "plant/stake" "the agenda lists the action"
expect_status 1 "$(kept journal-at)" "where the journal starts is kept"
expect_status "$first" "$(trail --agenda)" "the same agenda from what was kept"
sed -i '/^      plant\/dig:$/{n;s/state: done/state: todo/}' "$S"
out=$(trail --agenda)
expect_contains "$out" "plant/dig" "a hand edit of the progress file is seen"
trail done plant/stake >/dev/null
out=$(trail --agenda)
expect_not_contains "$out" "plant/stake" "an action marked done leaves the agenda"
finish
