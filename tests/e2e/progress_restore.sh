# SPDX-License-Identifier: MIT
# Nothing a reset clears is lost: --reset names the guide and file and counts what goes, and
# says where its backup is; --restore lists the backups with their dates and contents and
# brings one back (keeping what changed since, and a backup of what it replaces); an --import
# of an export older than the reset says it dropped entries and --over-reset takes them.
set -u
. "$(dirname "$0")/lib/fixture.sh"
fixture_setup restore fixture
work=$WORK
export TRAIL_STATE="$work/progress.yaml"
bin=$TRAIL_BIN
cat >"$TRAIL_STATE" <<'EOF'
version: 1
guides:
  fixture:
    items:
      plant/dig:
        state: done
        changed: 2026-11-26T06:30:12.345Z
      plant/stake:
        state: skipped
        changed: 2026-11-26T06:30:12.345Z
    notes:
      plant/dig:
        text: my own words
        changed: 2026-11-26T06:31:00.000Z
    certifications:
      grafting:
        status: studying
        changed: 2026-11-26T07:00:00.000Z
    start:
      date: 2026-01-05
      changed: 2026-11-26T07:01:00.000Z
EOF
"$bin" --export json >"$work/export.json"
before=$("$bin" --progress)

out=$("$bin" --reset --yes 2>&1)
expect_status 0 $? "--reset --yes"
expect_contains "$out" "guide 'fixture'" "--reset names the guide"
expect_contains "$out" "$TRAIL_STATE:" "--reset names the progress file"
expect_contains "$out" "2 marked key actions, 1 note, 1 certification record and the start date 2026-01-05" \
    "--reset counts every kind of entry it clears"
backup=$(ls "$TRAIL_STATE".bak-* 2>/dev/null | head -n 1)
expect_contains "$out" "kept as $backup" "--reset says where its backup is"
expect_contains "$out" "trail --restore=$backup fixture" "--reset says how to undo it"

# An export made before the reset: its entries are older than the reset.
out=$("$bin" --import "$work/export.json" 2>&1)
expect_status 0 $? "--import of an export older than the reset"
expect_not_contains "$out" "everything was up to date" "the import does not claim all was up to date"
expect_contains "$out" "5 entries are older than this guide's last reset" "the import counts what it dropped"
expect_contains "$out" "--over-reset" "and says how to take them"

# --restore alone lists the backups with their dates and contents.
out=$("$bin" --restore 2>&1)
expect_status 0 $? "--restore lists the backups"
expect_contains "$out" "$backup" "the list names the backup"
expect_contains "$out" "2 marked key actions, 1 note, 1 certification record and the start date 2026-01-05" \
    "the list says what the backup holds"
expect_contains "$out" "UTC" "the list dates the backup"

# A change made after the reset, then the restore: the change survives, the rest comes back.
"$bin" --start 2026-02-01 >/dev/null 2>&1
out=$("$bin" --restore "$backup" 2>&1)
expect_status 0 $? "--restore BACKUP"
expect_contains "$out" "Restored from $backup" "the restore names the backup"
expect_contains "$out" "The file as it was before is kept as" "the restore keeps a backup of what it replaces"
after=$("$bin" --progress)
expect_contains "$after" "Notes: 1" "the note is back"
expect_contains "$(printf '%s\n' "$after" | grep Overall -A1)" "done 1" "the done key action is back"
expect_contains "$(printf '%s\n' "$after" | grep Overall -A1)" "skipped 1" "the skipped key action is back"
json=$("$bin" --export json)
expect_contains "$json" '"date": "2026-02-01"' "the start date set after the reset wins over the backup's"
expect_contains "$json" "studying" "the certification record is back"

# Reset again; --import --over-reset takes the old export.
"$bin" --reset --yes >/dev/null 2>&1
out=$("$bin" --import "$work/export.json" --over-reset 2>&1)
expect_status 0 $? "--import --over-reset"
expect_contains "$out" "2 key-action states, 1 note, 1 certification and the start date updated" \
    "--over-reset takes what the reset had cleared"
expect_contains "$("$bin" --progress)" "Notes: 1" "the note is back after --over-reset"
out=$("$bin" --over-reset 2>&1)
expect_status 2 $? "--over-reset without --import is a usage error"
finish
