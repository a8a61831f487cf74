#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Markdown plans from the command line: trail PLAN.md and --content PLAN.md open a plan, --check
# locates its problems, --print/--progress/--export show its sections, sub-items and the author's
# ticks, a content directory lists plans beside guides, and the plan file is never written.
set -u
. "$(dirname "$0")/lib/assert.sh"

plan="$TRAIL_TEST_DATA/plans/small-plan.md"
require_input "$plan"
scratch_dir
export TRAIL_STATE="$tmp/progress.yaml" HOME="$tmp"
before=$(sha256sum <"$plan")

out=$("$TRAIL_BIN" --check "$plan" 2>&1)
expect_status 0 $? "--check on a plan with warnings"
expect_contains "$out" "$plan:13:24: warning: link 'javascript:alert(1)' has the scheme 'javascript'" \
    "--check locates a forbidden link"
expect_contains "$out" "3 phases, 9 key actions" "--check counts sections and items"

out=$("$TRAIL_BIN" "$plan" --print)
expect_status 0 $? "trail PLAN.md --print"
expect_contains "$out" "Small Plan" "the first H1 is the title"
expect_contains "$out" "A plan for the tests, with a link <https://example.org/intro>." "the intro"
expect_contains "$out" "     - Chapter one" "a sub-item is indented under its parent"
expect_contains "$out" "   - The first book" "plain items of a section without tasks are actions"

out=$("$TRAIL_BIN" --content "$plan" --progress)
expect_status 0 $? "--content PLAN.md --progress"
expect_contains "$out" "2/9" "the author's ticks count as done"

out=$("$TRAIL_BIN" --content "$plan" --export markdown)
expect_contains "$out" "  - [ ] Chapter two" "the export nests sub-items"
expect_contains "$out" "- [x] Read the introduction" "the export shows the author's tick"

# The learner's own states from the shell, by words; the plan file is untouched.
out=$("$TRAIL_BIN" --content "$plan" todo "read the introduction" 2>&1)
expect_status 0 $? "untick an author's tick"
out=$("$TRAIL_BIN" --content "$plan" --export markdown)
expect_contains "$out" "- [ ] Read the introduction" "the learner's todo wins over the author's tick"
out=$("$TRAIL_BIN" --content "$plan" done "chapter two" 2>&1)
expect_status 0 $? "trail done on a plan item"
out=$("$TRAIL_BIN" --content "$plan" --export markdown)
expect_contains "$out" "  - [x] Chapter two" "the learner's tick shows"
expect_contains "$out" "- [x] Read the introduction" "a parent whose sub-items are all done is done"
out=$("$TRAIL_BIN" --content "$plan" --progress)
expect_contains "$out" "3/9" "the counts follow"
# That parent is done through its sub-items: reopening it alone would change nothing shown.
state_before=$(sha256sum <"$TRAIL_STATE")
out=$("$TRAIL_BIN" --content "$plan" todo "read the introduction" 2>&1)
expect_status 1 $? "todo on a parent done through its sub-items"
expect_contains "$out" "is done because its sub-items are; reopen one of them" "says why"
expect_status "$state_before" "$(sha256sum <"$TRAIL_STATE")" "the progress file is unchanged"
expect_status "$before" "$(sha256sum <"$plan")" "the plan file is never written"

# The plan changes upstream: a reworded item keeps its tick, a deleted one is orphaned.
cp "$plan" "$tmp/edited.md"
"$TRAIL_BIN" --state "$tmp/edit.yaml" --content "$tmp/edited.md" done "install the tools" >/dev/null
"$TRAIL_BIN" --state "$tmp/edit.yaml" --content "$tmp/edited.md" done "small program" >/dev/null
sed -i 's/Install the tools/Install the tool/; /Write a small program/d' "$tmp/edited.md"
out=$("$TRAIL_BIN" --state "$tmp/edit.yaml" --content "$tmp/edited.md" --export markdown)
expect_contains "$out" "- [x] Install the tool guide" "a reworded item keeps its tick"
out=$("$TRAIL_BIN" --state "$tmp/edit.yaml" --check "$tmp/edited.md" 2>&1)
expect_contains "$out" "saved progress of 'practice/write-a-small-program' matches no item" \
    "--check lists the deleted item's progress as orphaned"
expect_contains "$(cat "$tmp/edit.yaml")" "practice/write-a-small-program" "and it is kept"

# A content directory lists plans (by name without .md) beside guides.
mkdir "$tmp/content"
cp "$plan" "$tmp/content/"
cp -r "$FIXTURE" "$tmp/content/lighthouse"
out=$("$TRAIL_BIN" --content "$tmp/content" --list 2>&1)
expect_contains "$out" "small-plan" "--list shows the plan"
out=$("$TRAIL_BIN" --content "$tmp/content" --print small-plan)
expect_contains "$out" "Small Plan" "a plan opens by its name"

# An empty plan is a located error.
printf '# Nothing\n\nJust text.\n' >"$tmp/empty.md"
out=$("$TRAIL_BIN" --check "$tmp/empty.md" 2>&1)
expect_status 1 $? "--check on a plan without items"
expect_contains "$out" "$tmp/empty.md:1:1: error: the plan has no items" "the empty plan error"
finish
