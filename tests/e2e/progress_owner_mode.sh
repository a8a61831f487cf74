# SPDX-License-Identifier: MIT
# DUR-11, DUR-12 and the save path's messages, through the real binary:
# - a progress file the learner made read-only (0444) or group-readable (0640) keeps its mode
#   after a save, and trail says when it wrote a read-only file;
# - a file another user owns is refused, unchanged, with its owner and mode;
# - a symlink in a world-writable sticky directory that the user does not own is not followed;
# - a notice about a read-only directory gives the reason (not "Success") and never suggests
#   a shared directory such as /tmp;
# - a backup copy killed while it is written leaves no .bak-* file, only a temporary file the
#   next start removes;
# - a directory fsync that fails after the rename reports what happened: the import is in the
#   file, with a warning, exit 0.
set -u
. "$(dirname "$0")/lib/fixture.sh"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" # strace and setpriv runs
fixture_setup owner fixture
work=$WORK content=$CONTENT
chmod 0755 "$work"
chmod -R a+rX "$content"
bin=$TRAIL_BIN
mode() { stat -c %a "$1"; }

# --- The learner's mode is kept.
f="$work/ro.yaml"
"$bin" --state "$f" --start 2026-01-05 >/dev/null 2>&1
chmod 0444 "$f"
out=$("$bin" --state "$f" --start 2026-02-01 2>&1)
expect_status 0 $? "a save over a read-only (0444) file"
expect_status 444 "$(mode "$f")" "the read-only file keeps mode 0444"
expect_contains "$out" "read-only (mode 0444): trail saved the change anyway" \
    "trail says it wrote a read-only file"
expect_contains "$(cat "$f")" "2026-02-01" "the change is saved"
f="$work/group.yaml"
"$bin" --state "$f" --start 2026-01-05 >/dev/null 2>&1
chmod 0640 "$f"
"$bin" --state "$f" --start 2026-02-01 >/dev/null 2>&1
expect_status 640 "$(mode "$f")" "a group-readable (0640) file keeps its mode"
out=$(TRAIL_STATE="$work/ro.yaml" "$bin" --reset --yes 2>&1)
expect_contains "$out" "Cleared" "a reset of a read-only file works"
expect_status 444 "$(mode "$work/ro.yaml")" "and keeps the mode"

# --- Backup killed mid-write (F6): no .bak-* holding part of the file.
if have_strace; then
    f="$work/kill.yaml"
    "$bin" --state "$f" --start 2026-01-05 >/dev/null 2>&1
    # The first write of a reset is the backup copy's.
    (strace -f -qq -o /dev/null -e inject=write:signal=KILL:when=1 -- \
        "$bin" --state "$f" --reset --yes; true) >/dev/null 2>&1
    n=$(find "$work" -maxdepth 1 -name 'kill.yaml.bak-*' | wc -l)
    expect_status 0 "$n" "a backup killed mid-write leaves no .bak-* file"
    "$bin" --state "$f" --progress >/dev/null 2>&1
    n=$(find "$work" -maxdepth 1 -name 'kill.yaml.tmp-*' | wc -l)
    expect_status 0 "$n" "the next start removes the killed copy's temporary file"
    expect_contains "$(cat "$f")" "2026-01-05" "the progress file is intact"

    # F8: the directory fsync after the rename fails.
    f="$work/sync.yaml"
    "$bin" --state "$f" --start 2026-01-05 >/dev/null 2>&1
    "$bin" --state "$f" --export json >"$work/export.json"
    "$bin" --state "$f" --start 2026-03-03 >/dev/null 2>&1
    # The export's start date becomes the newer change: its change time moves to 9999.
    sed -i -E 's/("changed": ")[0-9]{4}/\19999/' "$work/export.json"
    # An import syncs the temporary file (fsync #1), then the directory (#2).
    out=$(strace -f -qq -o /dev/null -e inject=fsync:error=EIO:when=2 -- \
        "$bin" --state "$f" --import "$work/export.json" 2>&1)
    expect_status 0 $? "an import whose directory fsync fails still succeeded"
    expect_not_contains "$out" "nothing imported" "it does not claim nothing was imported"
    expect_contains "$out" "warning" "it warns"
    expect_contains "$out" "power loss" "and says what the failed sync risks"
    expect_contains "$(cat "$f")" "2026-01-05" "the imported date is in the file"
else
    skip_part "strace is missing or not permitted: the killed-copy and fsync cases"
fi

# --- Another user's file, a symlink in a shared sticky directory (root only: needs chown).
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
    f="$work/theirs.yaml"
    "$bin" --state "$f" --start 2026-01-05 >/dev/null 2>&1
    chown nobody "$f"
    cp -p "$f" "$work/theirs.ref"
    out=$("$bin" --state "$f" --start 2026-02-01 2>&1)
    [ $? -ne 0 ] && pass "a save to another user's file fails" || fail "a save to another user's file succeeded"
    expect_contains "$out" "belongs to" "the message says whose file it is"
    cmp -s "$f" "$work/theirs.ref" && pass "the other user's file is unchanged" ||
        fail "the other user's file changed"
    expect_status nobody "$(stat -c %U "$f")" "and still theirs"
    expect_status 600 "$(mode "$f")" "with its mode"

    shared="$work/shared"
    mkdir "$shared"
    chmod 1777 "$shared"
    mkdir -m 0700 "$work/private"
    printf 'version: 1\n' >"$work/private/secret.yaml"
    cp "$work/private/secret.yaml" "$work/secret.ref"
    ln -s "$work/private/secret.yaml" "$shared/trail.yaml"
    chown -h nobody "$shared/trail.yaml"
    out=$("$bin" --state "$shared/trail.yaml" --start 2026-02-01 2>&1)
    [ $? -ne 0 ] && pass "a planted symlink is not followed" || fail "a planted symlink was followed"
    cmp -s "$work/private/secret.yaml" "$work/secret.ref" && pass "its target is unchanged" ||
        fail "the planted symlink's target was replaced"
    expect_contains "$out" "symlink" "the message names the symlink"

    # F4 and F7: a read-only directory for the user nobody.
    mkdir -m 0755 "$work/rodir"
    if out=$(cd / && setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
        env HOME="$work/rodir" "$bin" --state "$work/rodir/p.yaml" --progress 2>&1); then :; fi
    expect_contains "$out" "is read-only (Permission denied)" "the notice gives the reason"
    expect_not_contains "$out" "(Success)" "not 'Success'"
    expect_not_contains "$out" "/tmp/trail_progress" "it suggests no shared directory"
    expect_contains "$out" "$work/rodir/.local/state/trail/progress.yaml" \
        "it suggests a file in the learner's own space"
else
    skip_part "not root: the other-user cases"
fi
finish
