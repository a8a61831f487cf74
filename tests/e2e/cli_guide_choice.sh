# SPDX-License-Identifier: MIT
# Which guide a command acts on: one rule for the browser and every command. GUIDE (or a
# --content directory that is itself a guide) wins, then the config's `guide =`, then the
# default guide, then the only one. A content directory holds two fixture guides made from the
# sample: "ml-engineer" (the default id) and "second"; the config says `guide = second`.
set -u
. "$(dirname "$0")/lib/fixture.sh"
fixture_setup guide-choice ml-engineer second
work=$WORK content=$CONTENT
export TRAIL_STATE="$work/progress.yaml"
mkdir -p "$XDG_CONFIG_HOME/trail"
printf 'guide = second\n' >"$XDG_CONFIG_HOME/trail/config"
bin=$TRAIL_BIN

out=$("$bin" --progress 2>&1)
expect_contains "$out" "Fixture second: progress" "--progress uses the configured guide"
out=$("$bin" --print --width 80 2>&1)
expect_contains "$out" "Fixture second" "--print uses the configured guide"
out=$("$bin" --export markdown 2>&1)
expect_contains "$out" "# Fixture second" "--export markdown uses the configured guide"
out=$("$bin" --export json 2>&1)
expect_contains "$out" '"guide": "second"' "--export json uses the configured guide"
# A word only the configured guide holds.
sed -i 's/Choose the rootstock/Choose the quince rootstock/' "$content/second/career-path.yaml"
out=$("$bin" --search quince 2>&1)
expect_status 0 $? "--search searches the configured guide"
expect_contains "$out" "quince rootstock" "--search finds the configured guide's word"
"$bin" --start 2026-01-05 >/dev/null 2>&1
expect_contains "$(cat "$TRAIL_STATE")" "second" "--start sets the configured guide's date"
expect_not_contains "$(cat "$TRAIL_STATE")" "ml-engineer" "and not the default guide's"
out=$("$bin" --check 2>&1)
expect_contains "$out" "guide 'second'" "--check checks the configured guide"
out=$("$bin" --list 2>&1)
expect_contains "$(printf '%s\n' "$out" | grep second)" "(selected)" "--list marks the configured guide"
expect_not_contains "$(printf '%s\n' "$out" | grep ml-engineer)" "(selected)" \
    "--list does not mark the default guide"

# An explicit GUIDE wins over the config.
out=$("$bin" --progress ml-engineer 2>&1)
expect_contains "$out" "Fixture ml-engineer: progress" "GUIDE wins over the config"
out=$("$bin" --content "$content/ml-engineer" --progress 2>&1)
expect_contains "$out" "Fixture ml-engineer: progress" "--content GUIDEDIR wins over the config"
out=$("$bin" --list ml-engineer 2>&1)
expect_contains "$(printf '%s\n' "$out" | grep ml-engineer)" "(selected)" "--list GUIDE marks GUIDE"

# --reset clears the configured guide only, and names it and its file.
"$bin" --start 2026-01-05 ml-engineer >/dev/null 2>&1
out=$("$bin" --reset --yes 2>&1)
expect_contains "$out" "'second'" "--reset names the guide it clears"
expect_contains "$out" "$TRAIL_STATE" "--reset names the progress file"
out=$("$bin" --progress ml-engineer 2>&1)
expect_contains "$out" "Pace:" "--reset left the other guide's start date alone"

# A configured guide that is not there: a located warning, then the default guide.
printf 'guide = nosuch\n' >"$XDG_CONFIG_HOME/trail/config"
out=$("$bin" --progress 2>&1)
expect_contains "$out" "config:1:9: warning: no guide 'nosuch'" "an unknown configured guide warns"
expect_contains "$out" "Fixture ml-engineer: progress" "and the default guide is used"
finish
