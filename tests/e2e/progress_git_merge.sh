#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The progress file in git: two clones of a repository holding it tick different items and the
# same item; a real `git merge` with trail's merge driver (trail merge-file %O %A %B) keeps
# every change (the later one for the shared item, both notes), exits 0 and leaves no conflict
# marker. The same merge without the driver conflicts, so the test can tell. Also: merge-file
# on an unreadable side exits 1 with what could be read, and browsing never rewrites the file.
set -u
. "$(dirname "$0")/lib/assert.sh"

require_input "$FIXTURE"
command -v git >/dev/null || { echo "skip: git is not installed"; exit 77; }
export TRAIL_CONTENT="$FIXTURE" LC_ALL=C.UTF-8
scratch_dir
export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 XDG_STATE_HOME="$tmp/state"
mkdir -p "$HOME"
git config --global user.name Learner
git config --global user.email learner@example.org
git config --global init.defaultBranch main
t() { local dir=$1; shift; "$TRAIL_BIN" --state "$dir/progress.yaml" "$@" >/dev/null; }

mkdir "$tmp/a" && cd "$tmp/a" && git init -q .
echo 'progress.yaml merge=trail' >.gitattributes
t "$tmp/a" done basics/trim-wicks
git add -A && git commit -qm start
git clone -q "$tmp/a" "$tmp/b"
git clone -q "$tmp/a" "$tmp/c"
for r in a b; do
    git -C "$tmp/$r" config merge.trail.driver "$TRAIL_BIN merge-file %O %A %B"
done

# A ticks one item and notes it; B ticks another, notes it, and changes a shared item later.
t "$tmp/a" done basics/knots
t "$tmp/a" note basics/knots "the bowline first"
t "$tmp/a" done storms/foghorn
git -C "$tmp/a" commit -qam "a"
t "$tmp/c" done basics/radio
t "$tmp/c" skip storms/foghorn
git -C "$tmp/c" commit -qam "c: no driver"
t "$tmp/b" done basics/radio
t "$tmp/b" note basics/radio "channel 16"
sleep 0.01 # B's change of the shared item comes after A's
t "$tmp/b" skip storms/foghorn
git -C "$tmp/b" commit -qam "b"

out=$(git -C "$tmp/b" pull -q --no-rebase "$tmp/a" main 2>&1)
expect_status 0 $? "git pull merges with the driver"
f=$(cat "$tmp/b/progress.yaml")
expect_not_contains "$f" "<<<<<<<" "no conflict marker"
expect_not_contains "$f" ">>>>>>>" "no conflict marker (end)"
out=$("$TRAIL_BIN" --state "$tmp/b/progress.yaml" --export json)
expect_contains "$out" '"basics/knots": {"state": "done"' "A's tick survives"
expect_contains "$out" '"basics/radio": {"state": "done"' "B's tick survives"
expect_contains "$out" '"storms/foghorn": {"state": "skipped"' "the later change of the shared item wins"
expect_contains "$out" "the bowline first" "A's note survives"
expect_contains "$out" "channel 16" "B's note survives"
git -C "$tmp/b" diff --quiet HEAD && pass "the merge is committed, nothing left over" ||
    fail "the merge left changes: $(git -C "$tmp/b" status --short)"
[ -z "$(git -C "$tmp/b" status --porcelain)" ] && pass "the driver leaves no stray file" ||
    fail "stray files: $(git -C "$tmp/b" status --porcelain)"

# Without the driver, the same kind of history conflicts: the driver is what makes it merge.
out=$(git -C "$tmp/c" pull -q --no-rebase "$tmp/a" main 2>&1)
[ $? -ne 0 ] && grep -q '<<<<<<<' "$tmp/c/progress.yaml" &&
    pass "without the driver git conflicts (the test can fail)" ||
    fail "git merged without the driver: the test would not notice a broken driver"

# merge-file by hand: an unreadable side is a best effort with exit 1, never a marker.
cp "$tmp/b/progress.yaml" "$tmp/ours.yaml"
printf 'version: 1\nguides: [\n' >"$tmp/theirs.yaml"
"$TRAIL_BIN" merge-file /dev/null "$tmp/ours.yaml" "$tmp/theirs.yaml" 2>"$tmp/err"
expect_status 1 $? "merge-file with a damaged side"
expect_contains "$(cat "$tmp/err")" "damaged" "says which side is damaged"
expect_contains "$(cat "$tmp/ours.yaml")" "channel 16" "keeps what could be read"
# A side that does not exist is unreadable too: said, exit 1; a missing OURS is not created.
"$TRAIL_BIN" merge-file /dev/null "$tmp/ours.yaml" "$tmp/no-such-theirs.yaml" 2>"$tmp/err"
expect_status 1 $? "merge-file with a missing THEIRS"
expect_contains "$(cat "$tmp/err")" "no-such-theirs.yaml: no such file" "a missing side is named"
"$TRAIL_BIN" merge-file /dev/null "$tmp/no-such-ours.yaml" "$tmp/ours.yaml" 2>"$tmp/err"
expect_status 1 $? "merge-file with a missing OURS"
expect_contains "$(cat "$tmp/err")" "no-such-ours.yaml: no such file" "a missing OURS is named"
[ -e "$tmp/no-such-ours.yaml" ] && fail "a missing OURS was created" || pass "a missing OURS is not created"
"$TRAIL_BIN" merge-file "$tmp/ours.yaml" "$tmp/ours.yaml" 2>/dev/null
expect_status 2 $? "merge-file without three files is a usage error"
finish
