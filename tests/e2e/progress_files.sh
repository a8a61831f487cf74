#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# DUR-1, DUR-6, DUR-7, DUR-9 from the outside: the order of a save's syscalls (strace), file
# and directory modes under umask 000/022/077, the symlink matrix (nothing hangs), and damaged,
# NUL-filled, huge and newer-version files (kept aside or read-only, never lost).
set -u
. "$(dirname "$0")/lib/progress.sh"

# ---- DUR-1: temp O_CREAT|O_EXCL|O_CLOEXEC 0600 -> write -> fsync -> close -> rename -> fsync dir
if have_strace; then
    F="$WORK/order/p.yaml"
    "$DRIVER" set "$F" a/1 done 2>/dev/null
    strace -f -qq -o "$WORK/trace" -e trace=openat,write,fsync,close,rename,unlink \
        -- "$DRIVER" set "$F" a/2 done 2>/dev/null
    order=$(awk -v f="$F" '
        index($0, f ".tmp-") && /openat\(/ {
            if ($0 ~ /O_WRONLY\|O_CREAT\|O_EXCL/ && $0 ~ /O_CLOEXEC/ && $0 ~ /, 0600\) = [0-9]+$/) {
                fd = $NF; print "create"
            } else { print "bad-create" }
            next }
        fd != "" && index($0, "write(" fd ",") { if (last != "write") print "write"; last = "write"; next }
        fd != "" && index($0, "fsync(" fd ")") { print "fsync"; last = ""; next }
        fd != "" && index($0, "close(" fd ")") { print "close"; fd = ""; next }
        /rename\(/ && index($0, ".tmp-") { print "rename"; renamed = 1; next }
        renamed && /openat\(/ && /O_DIRECTORY/ { dfd = $NF; next }
        dfd != "" && index($0, "fsync(" dfd ")") { print "fsync-dir"; dfd = ""; next }
    ' "$WORK/trace" | tr '\n' ' ')
    expect_contains "$order" "create write fsync close rename fsync-dir" "a save's syscall order"
    if grep -q 'O_TRUNC' "$WORK/trace"; then fail "a save opened something with O_TRUNC"; else
        pass "no O_TRUNC anywhere in a save"; fi
    if grep -E "openat\([^,]*, \"$F\", [^)]*O_(WRONLY|RDWR)" "$WORK/trace" >/dev/null; then
        fail "the target was opened for writing"; else pass "the target is never opened for writing"; fi
else
    skip_part "strace is missing or not permitted: the syscall order is not checked"
fi

# ---- DUR-6: modes under each umask -------------------------------------------------------
for mask in 000 022 077; do
    d="$WORK/umask$mask/a/b"
    (umask "$mask" && "$DRIVER" set "$d/p.yaml" a/1 done 2>/dev/null)
    modes="$(stat -c %a "$d/p.yaml") $(stat -c %a "$d/p.yaml.lock") $(stat -c %a "$d") $(stat -c %a "$WORK/umask$mask/a")"
    expect_contains "$modes" "600 600 700 700" "umask $mask: file, lock 0600; created dirs 0700"
done

# ---- DUR-7: symlink matrix through the driver, each bounded by a timeout ------------------
S="$WORK/links"
mkdir "$S"
"$DRIVER" set "$S/real.yaml" a/1 done 2>/dev/null
ln -s real.yaml "$S/l1"
ln -s l1 "$S/l2"
ln -s "$S/l2" "$S/l3"
ln -s l3 "$S/l4"
ln -s l4 "$S/l5"
ln -s l5 "$S/l6"
timeout 10 "$DRIVER" set "$S/l5" a/2 done 2>/dev/null
expect_status 0 $? "a chain of 5 symlinks is followed"
[ -L "$S/l5" ] && [ -L "$S/l1" ] && pass "the links stay symlinks" || fail "a link was replaced"
"$DRIVER" verify "$S/real.yaml" | grep -q "a/2 done" && pass "the link's target got the change" ||
    fail "the target did not get the change"
mkfifo "$S/fifo"
ln -s fifo "$S/to-fifo"
ln -s missing.yaml "$S/dangling"
ln -s loop-b "$S/loop-a"
ln -s loop-a "$S/loop-b"
ln -s /dev/null "$S/to-null"
ln -s "$S" "$S/to-dir"
for case in "l6:symlinks" "to-fifo:FIFO" "fifo:FIFO" "dangling:dangling" "loop-a:loop" \
    "to-null:device" "to-dir:directory"; do
    name=${case%%:*} word=${case#*:}
    out=$(timeout 10 "$DRIVER" set "$S/$name" a/3 done 2>&1)
    rc=$?
    [ "$rc" -eq 1 ] && pass "$name is refused (exit 1)" || fail "$name: exit $rc, expected 1"
    expect_contains "$out" "$word" "$name: the message says $word"
done
[ -p "$S/fifo" ] && [ -L "$S/dangling" ] && [ ! -e "$S/missing.yaml" ] &&
    pass "refused targets are left as they were" || fail "a refused target was changed"

# ---- DUR-9: damaged, NUL-filled, huge and newer files -------------------------------------
D="$WORK/damage"
mkdir "$D"
check_kept() { # name what: the damaged file is copied aside byte for byte, then replaced
    local f="$D/$1" copy
    cp "$f" "$D/$1.orig"
    out=$("$DRIVER" set "$f" a/9 done 2>&1)
    expect_status 0 $? "$2: the save goes on"
    expect_contains "$out" "damaged" "$2: the damage is reported"
    copy=$(ls "$f".corrupt-* 2>/dev/null | head -n1)
    [ -n "$copy" ] && cmp -s "$copy" "$D/$1.orig" && pass "$2: the original bytes are kept" ||
        fail "$2: no exact copy of the original"
    "$DRIVER" verify "$f" >/dev/null 2>&1
    expect_status 0 $? "$2: the new file is sound"
}
printf 'version: 1\nguides:\n  ml-engineer:\n    items:\n      a/1:\n        state: do' >"$D/trunc.yaml"
check_kept trunc.yaml "a truncated file"
head -c 4096 /dev/zero >"$D/nul.yaml"
check_kept nul.yaml "a NUL-filled file"
head -c 4096 /dev/urandom >"$D/binary.yaml"
check_kept binary.yaml "a binary file"
printf 'version: 1\nguides:\n  ml-engineer:\n    items:\n      a/\xff:\n        state: done\n' >"$D/utf8.yaml"
check_kept utf8.yaml "invalid UTF-8"
printf 'version: 1\nguides: [wrong, types]\n' >"$D/types.yaml"
check_kept types.yaml "wrong types"
truncate -s 17M "$D/huge.yaml"
out=$(timeout 20 "$DRIVER" set "$D/huge.yaml" a/9 done 2>&1)
expect_status 0 $? "a huge file: the save goes on"
expect_contains "$out" "larger than" "a huge file is reported"
[ "$(stat -c %s "$D"/huge.yaml.corrupt-*)" = $((17 * 1024 * 1024)) ] &&
    pass "a huge file is kept whole" || fail "the huge file's copy is not whole"
printf 'version: 3\nguides: {}\n' >"$D/newer.yaml"
cp "$D/newer.yaml" "$D/newer.orig"
out=$("$DRIVER" set "$D/newer.yaml" a/9 done 2>&1)
expect_status 1 $? "a newer-version file is not saved over"
expect_contains "$out" "newer" "the newer version is the reason given"
cmp -s "$D/newer.yaml" "$D/newer.orig" && pass "the newer file is untouched" ||
    fail "the newer file changed"
finish
