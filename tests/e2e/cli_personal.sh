#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The learner's own actions appear wherever the guide's do, marked as theirs: --search (text and
# JSON), --print, --list-ids and the bash completion of item ids, --progress --left, --status,
# the Today plan (--agenda and T in the browser), / in the browser, the exports, and the shell
# commands acting on their ids. On a Markdown plan fixture and the dated-plan fixture guide;
# the progress file holds the actions (as `a` writes them) and the commands that only report
# leave it as it was.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup personal
data="${TRAIL_TEST_DATA:?}"
plan="$data/plans/small-plan.md"
sundial="$data/today/sundial"
require_input "$plan" "$sundial/guide.yaml"
tui_own_dirs
cat >"$state" <<'YAML'
version: 1
guides:
  small-plan:
    personal:
      mine/zf1:
        text: Practise the zebrafinch kata
        phase: basics
        after: basics/install-the-tools-guide
        changed: 2026-11-26T07:03:00.000Z
      mine/qk2:
        text: Teach a friend the quokka trick
        phase: practice
        changed: 2026-11-26T07:04:00.000Z
  sundial:
    start: 2026-10-20
    items:
      shadow/noon: done
    personal:
      mine/sd1:
        text: Sketch a heron dial
        phase: shadow
        after: shadow/noon
        changed: 2026-11-26T07:05:00.000Z
YAML
before=$(cat "$state")
trail() { "$TRAIL_BIN" --state "$state" "$@"; }

# --- Reports on the Markdown plan -------------------------------------------------------------
out=$(trail --search zebrafinch "$plan")
expect_status 0 $? "--search finds an own action"
expect_contains "$out" "Key action: Basics: Practise the zebrafinch kata (mine)" \
    "--search: the line names its section and marks it mine"
json=$(trail --search zebrafinch --json "$plan")
expect_contains "$json" '"id":"mine/zf1","personal":true' "--search --json: its id, marked personal"
out=$(trail --print "$plan")
expect_contains "$out" $'- Install the tools guide\n   - Practise the zebrafinch kata (mine)' \
    "--print: after the action it follows, marked mine"
expect_contains "$out" "- Teach a friend the quokka trick (mine)" "--print: the other section's"
ids=$(trail --list-ids "$plan")
expect_contains "$ids" $'basics/install-the-tools-guide\tInstall the tools guide\nmine/zf1\tPractise the zebrafinch kata' \
    "--list-ids: in its place, with its text"
expect_contains "$ids" $'mine/qk2\tTeach a friend the quokka trick' "--list-ids: every own action"
out=$(trail --progress --left "$plan")
expect_contains "$out" "[ ] Practise the zebrafinch kata (mine)" "--left lists it, marked mine"
out=$(trail --export markdown "$plan")
expect_contains "$out" "- [ ] Practise the zebrafinch kata *(mine)*" "--export markdown marks it"
out=$(trail --export json "$plan")
expect_contains "$out" '"id": "mine/zf1", "text": "Practise the zebrafinch kata"' "--export json holds it"
expect_contains "$out" '"personal": true' "--export json marks it"
[ "$(cat "$state")" = "$before" ] && pass "the reports leave the progress file as it was" ||
    fail "a report changed the progress file"

# Completion of item ids (bash): the own actions' ids are offered after `done`.
if command -v bash >/dev/null 2>&1; then
    got=$(TRAIL_STATE="$state" bash -c '. "$1"; COMP_WORDS=("$2" done --content "$3" mine/); COMP_CWORD=4
          COMPREPLY=(); _trail; printf "%s\n" "${COMPREPLY[@]}"' _ \
        "$TRAIL_SOURCE_DIR/completions/trail.bash" "$TRAIL_BIN" "$plan" 2>/dev/null | sort | tr '\n' ' ')
    expect_contains "$got" "mine/qk2 mine/zf1" "bash completes the own actions' ids after done"
fi

# --- Shell commands on their ids --------------------------------------------------------------
out=$(trail done mine/zf1 "$plan")
expect_status 0 $? "trail done on an own action's id"
expect_contains "$out" "Done: Practise the zebrafinch kata (mine/zf1" "done says which"
out=$(trail done zebrafinch "$plan")
expect_contains "$out" "Already done: Practise the zebrafinch kata" "its words find it too"
trail note mine/qk2 "Bring the slides" "$plan" >/dev/null
expect_status 0 $? "trail note on an own action"
trail --log 30m mine/qk2 "$plan" >/dev/null
expect_status 0 $? "trail --log on an own action"
out=$(trail --progress --left "$plan")
expect_not_contains "$out" "zebrafinch" "a ticked own action is no longer left"
out=$(trail --search slides "$plan")
expect_contains "$out" "note: Bring the slides (mine)" "its note is searched, the line marked mine"
trail undo "$plan" >/dev/null
expect_status 0 $? "trail undo takes the last change back"

# --- The Today plan and the status line ---------------------------------------------------------
env_now="TZ=UTC TRAIL_NOW=2026-12-07T09:00:00Z"
out=$(env $env_now "$TRAIL_BIN" --state "$state" --content "$sundial" --agenda)
expect_contains "$out" "overdue 2026-11-19  Sketch a heron dial (mine/sd1)" \
    "--agenda plans the own action in its place"
out=$(env $env_now "$TRAIL_BIN" --state "$state" --content "$sundial" --status)
expect_contains "$out" "next: Sketch a heron dial" "--status: it can be the next action"

# --- The browser: Today and / ---------------------------------------------------------------------
tui_start 80 24 "env $env_now TRAIL_STATE='$state' '$TRAIL_BIN' --content '$sundial'"
tui_wait "Read the Shadows" "the browser starts"
tui_keys T
tui_wait "Overdue (3)" "Today counts the own action"
expect_contains "$(tui_screen)" "Sketch a heron dial · mine" "Today lists it, marked mine"
tui_keys Escape /
tui_keys heron Enter
tui_wait "1 match" "/ finds the own action"
expect_contains "$(tui_screen)" "in Read the Shadows · mine" "the result says whose it is"
tui_keys q
finish
