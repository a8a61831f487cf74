#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Messages speak one way. Every error starts "trail:" (never the binary's path, as getopt would
# print it) unless it is located in a file (file:line:col:); an unknown guide lists the guides
# there; --import of the wrong kind of file says so in one sentence, without the parser's line
# numbers; a count of one is singular (the "single" fixture has one of everything); a date
# out of range says so; a quoted search is not quoted twice; an import with nothing in it does
# not count "0 entries unchanged".
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup messages
export XDG_CONFIG_HOME="$TUI_DIR/xdg"
single="$TRAIL_TEST_DATA/single"
require_input "$single/guide.yaml" "$FIXTURE_GUIDES/orchard"
trail() { "$TRAIL_BIN" --state "$state" "$@"; }

# err_of ARG...: standard error of trail ARG... (its status in $rc).
err_of() {
    err=$("$TRAIL_BIN" --state "$state" "$@" 2>&1 >/dev/null </dev/null)
    rc=$?
}
# speaks ARG...: each line of standard error starts "trail:" (or "Try 'trail --help'").
speaks() {
    err_of "$@"
    local bad
    bad=$(printf '%s\n' "$err" | grep -v -e '^trail: ' -e "^Try 'trail --help'" -e '^$')
    if [ "$rc" != 0 ] && [ -n "$err" ] && [ -z "$bad" ]; then
        pass "trail $*: exit $rc, every line starts trail:"
    else
        fail "trail $*: exit $rc, lines not starting trail: '$bad' (all: $err)"
    fi
}

speaks --frobnicate
speaks --search
speaks --s
speaks --print=yes
speaks -x
speaks --content "$TUI_DIR/nowhere" --print
speaks --content "$FIXTURE_GUIDES" --print nosuch
speaks --content "$single" --start 2026-02-30
speaks --content "$single" --import "$TUI_DIR/nowhere.json"
speaks --content "$single" done "no such item"
speaks --content "$single" undo
speaks --width 5 --print
printf 'version: 1\nguides: [\n' >"$TUI_DIR/damaged.yaml"
printf 'version: 1\n' >"$TUI_DIR/base.yaml"
speaks merge-file "$TUI_DIR/base.yaml" "$TUI_DIR/damaged.yaml" "$TUI_DIR/base.yaml"
expect_not_contains "$(err_of --frobnicate; echo "$err")" "$TRAIL_BIN" "getopt's message is not the binary's path"

# --check of a broken guide: located errors (file:line:col:), then trail's own summary.
mkdir -p "$TUI_DIR/broken"
cp "$single"/*.yaml "$TUI_DIR/broken/"
printf 'format: 1\nid: broken\ntitle: [unclosed\n' >"$TUI_DIR/broken/guide.yaml"
err_of --check "$TUI_DIR/broken"
expect_contains "$err" "$TUI_DIR/broken/guide.yaml:4:1: error:" "--check: the error is located"
expect_contains "$err" "trail: $TUI_DIR/broken: invalid (1 error, 0 warnings)" \
    "--check: the summary starts trail:, its counts singular"

# An unknown guide: the guides there.
err_of --content "$FIXTURE_GUIDES" --print nosuch
expect_contains "$err" "no guide 'nosuch' here; the guides there: lighthouse, orchard" \
    "an unknown guide lists the guides available"

# Dates: out of range, not real, not a date.
err_of --content "$single" --start 1900-01-01
expect_contains "$err" "'1900-01-01' is out of range (years 1970 to 9999)" "a year out of range says so"
err_of --content "$single" --start 2026-02-30
expect_contains "$err" "'2026-02-30' is not a real date" "a day that does not exist says so"
err_of --content "$single" --start 1.2.2026
expect_contains "$err" "'1.2.2026' is not written YYYY-MM-DD" "a date in another shape says so"

# A hand-edited progress file: its dates are judged the same way.
printf 'version: 1\nguides:\n  single:\n    start: 1900-01-01\n' >"$TUI_DIR/hand.yaml"
out=$("$TRAIL_BIN" --content "$single" --state "$TUI_DIR/hand.yaml" --progress 2>&1)
expect_contains "$out" "hand.yaml:4:12: warning: the start date is out of range (years 1970 to 9999)" \
    "a start date out of range in the file says so"

# --import of the wrong kind of file.
trail --content "$single" --export markdown >"$TUI_DIR/export.md"
err_of --content "$single" --import "$TUI_DIR/export.md"
expect_status 1 "$rc" "--import of a Markdown export fails"
expect_contains "$err" "not a JSON export: --import takes what 'trail --export json' writes" \
    "and says it is the wrong kind of file"
expect_not_contains "$err" "line" "without the parser's line numbers"
expect_status 1 "$(printf '%s\n' "$err" | grep -c .)" "in one line"
printf '{"guide": "single", "progress": [1,\n' >"$TUI_DIR/broken.json"
err_of --content "$single" --import "$TUI_DIR/broken.json"
expect_status 1 "$(printf '%s' "$err" | grep -o "$TUI_DIR/broken.json" | wc -l)" \
    "a broken export is named once"

# Counts of one are singular.
out=$("$TRAIL_BIN" --check "$single")
expect_contains "$out" "1 phase, 1 key action, 1 certification, 1 question" "--check: one of each"
out=$(trail --content "$single" --list)
expect_contains "$out" "(1 key action, 0% done)" "--list: 1 key action"
out=$(trail --content "$single" --export markdown)
expect_contains "$out" "(0/1 key action;" "--export markdown: 1 key action"
out=$(trail --content "$single" --progress --left)
expect_contains "$out" "what's left (1 of 1 key action)" "--progress --left: 1 key action"
out=$(trail --content "$single" --start 2999-01-01)
expect_contains "$out" "1 month planned" "the pace: 1 month"
out=$(trail --content "$single" --start 2020-01-01)
expect_contains "$out" "The plan's 1 month ended" "the pace after the plan: 1 month"

# An import that holds nothing: no "0 entries unchanged".
printf '{"guide": "single", "progress": {}}\n' >"$TUI_DIR/empty.json"
out=$(trail --content "$single" --import "$TUI_DIR/empty.json" 2>&1)
expect_not_contains "$out" "0 entries" "an empty import does not count 0 entries"
expect_contains "$out" "nothing changed: it holds no progress" "it says there was nothing"

# The browser: one phase, one key action; a quoted search quoted once.
tui_start 80 24 "'$TRAIL_BIN' --state '$state' --content '$single'"
tui_wait "Career Path · 1 phase" "Home: 1 phase"
tui_keys 2
tui_wait "1 month · 1 key action" "the career path: 1 key action"
tui_keys / '"no such words"' Enter
tui_wait 'No match for "no such words"' "a quoted search is shown with its own quotes"
expect_not_contains "$(tui_screen)" '""' "never doubled"
tui_keys Escape 4 /
tui_keys '"smoker helps"'
tui_keys Enter
tui_wait 'question matches "smoker helps"' "the FAQ filter quotes a phrase once"
expect_not_contains "$(tui_screen)" '""' "never doubled there either"
tui_keys C-c
tui_wait "[exit" "trail ends"
finish
