# SPDX-License-Identifier: MIT
# The guide picker at 80x24. TRAIL_CONTENT names the fixture guides (tests/data/guides), two
# guides: lighthouse (4 phases of 5 key actions) and orchard (2 phases, 2 + 3 key actions), so
# trail without GUIDE shows both with their key actions and progress; Esc there goes nowhere
# and says so; Enter opens the selected guide; Esc on its Home returns to the picker with the same
# selection; a key action ticked in orchard shows as orchard's progress (and only orchard's);
# the search index is the open guide's (a query that matches only lighthouse finds nothing in
# orchard after switching). A guide that fails to load shows its located error and Back
# returns to the picker. A guide opened from the picker says how many saved items it does not
# have. `trail orchard` and a directory with one guide open without the picker.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup picker
export XDG_CONFIG_HOME="$TUI_DIR/config" # no config file there
require_input "$FIXTURE_GUIDES/lighthouse" "$FIXTURE_GUIDES/orchard"
run="TRAIL_STATE='$state' TRAIL_CONTENT='$FIXTURE_GUIDES' '$TRAIL_BIN'"

tui_start 80 24 "$run"
tui_wait "Choose a guide" "without GUIDE, several guides open the picker"
screen=$(tui_screen)
expect_contains "$screen" "Lighthouse Keeper" "the picker lists lighthouse's title"
expect_contains "$screen" "lighthouse · 20 key actions" "with its id and key actions"
expect_contains "$screen" "Orchard Grower" "the picker lists orchard's title"
expect_contains "$screen" "orchard · 5 key actions" "with its id and key actions"
expect_contains "$screen" "0/5 · 0%" "orchard's progress starts at nothing done"
expect_contains "$(tui_header)" "1/2" "the first guide is selected"
expect_not_contains "$(tui_screen | tail -n 1)" "Search" "no guide key in the picker's footer"
tui_keys Escape
tui_wait "Esc: this is the first screen; q quits." "Esc on the picker goes nowhere and says so"
tui_keys '?'
tui_wait "Keys: Guides" "? lists the picker's keys"
expect_not_contains "$(tui_screen)" "Jump to a section" "the help lists no guide keys"
tui_keys x
tui_wait_gone "Keys: Guides" "a key closes the help"

# Open orchard, tick its first key action, go back: orchard's progress, not lighthouse's.
tui_keys j Enter
tui_wait "1  Overview" "Enter opens the selected guide's Home"
expect_contains "$(tui_header)" "Orchard" "the header names the orchard guide"
expect_contains "$(tui_screen | tail -n 1)" "Esc Back" "Home offers Back to the picker"
tui_keys 2 Enter
tui_wait "[ ] Dig each hole" "the first phase's checklist is open"
tui_keys Space
tui_wait "[x] Dig each hole" "Space ticks the key action"
tui_keys Escape Escape Escape
tui_wait "Choose a guide" "Esc from the guide's Home returns to the picker"
expect_contains "$(tui_header)" "2/2" "with the same selection: orchard"
screen=$(tui_screen)
expect_contains "$screen" "1/5 · 20%" "the picker shows orchard's progress: 1 of 5"
expect_contains "$screen" "0/20 · 0%" "lighthouse's progress is untouched"
list=$(TRAIL_STATE="$state" TRAIL_CONTENT="$FIXTURE_GUIDES" "$TRAIL_BIN" --list)
expect_contains "$list" "(5 key actions, 20% done)" "trail --list agrees with the picker"

# The search index follows the open guide.
tui_keys k Enter
tui_wait "Lighthouse Keeper" "k Enter opens lighthouse"
tui_keys /
tui_keys -l foghorn
tui_wait "Sound the foghorn" "lighthouse's search finds its foghorn action"
tui_keys Escape
tui_wait_gone "/foghorn" "Esc closes the search"
tui_keys Escape Escape
tui_wait "Choose a guide" "back in the picker"
tui_keys j Enter
tui_wait "1  Overview" "orchard opens again"
expect_contains "$(tui_header)" "Orchard" "the header names orchard"
tui_keys /
tui_keys -l foghorn
tui_wait "No match for \"foghorn\"" "orchard's search does not use lighthouse's index"
tui_keys Escape Escape
tui_keys Escape
tui_wait "Choose a guide" "back in the picker after the search"
tui_keys q
tui_wait "[exit 0]" "q on the picker quits with status 0"

# A guide that fails to load: its located error, then Back to the picker.
content="$TUI_DIR/content"
mkdir -p "$content/broken"
cp -R "$FIXTURE_GUIDES/orchard" "$content/orchard"
printf 'format: 1\nid: broken\ntitle: [unclosed\n' >"$content/broken/guide.yaml"
tui_new_server broken
tui_start 80 24 "TRAIL_STATE='$state' TRAIL_CONTENT='$content' '$TRAIL_BIN'"
tui_wait "Choose a guide" "a broken guide still gets the picker"
expect_contains "$(tui_screen)" "broken · could not be loaded" "the picker says it failed"
tui_keys g Enter # orchard, chosen last time, is selected: broken is the first
tui_wait "Could not load broken." "Enter on it shows the error screen"
expect_contains "$(tui_screen)" "broken/guide.yaml:4:1: error:" "with the located error (the end of file)"
tui_keys Escape
tui_wait "Choose a guide" "Back returns to the picker"
tui_keys j Enter
tui_wait "1  Overview" "the other guide still opens"
tui_keys q
tui_wait "[exit 0]" "q quits from a guide opened in the picker"

# A guide opened from the picker says how many saved items of its own it does not have.
cat >"$TUI_DIR/unknown.yaml" <<'EOF'
version: 1
guides:
  orchard:
    items:
      gone/first:
        state: done
        changed: 2025-11-26T06:30:12.345Z
EOF
tui_new_server unknown
tui_start 80 24 "TRAIL_STATE='$TUI_DIR/unknown.yaml' TRAIL_CONTENT='$content' '$TRAIL_BIN'"
tui_wait "Choose a guide" "unknown items: the picker is up"
expect_not_contains "$(tui_screen)" "not in this guide" "the picker names no guide's unknown items"
tui_keys j Enter
tui_wait "1 saved item is not in this guide; kept." "opening orchard says so for orchard"
tui_keys q
tui_wait "[exit 0]" "q quits"

# GUIDE opens one guide directly; so does a directory holding a single guide.
tui_new_server named
tui_start 80 24 "$run orchard"
tui_wait "1  Overview" "trail orchard opens orchard without the picker"
expect_contains "$(tui_header)" "Orchard" "the header names orchard"
expect_not_contains "$(tui_screen | tail -n 1)" "Esc Back" "no picker to go back to"
tui_keys q
tui_wait "[exit 0]" "q quits"
rm -rf "$content/broken"
tui_new_server single
tui_start 80 24 "TRAIL_STATE='$state' TRAIL_CONTENT='$content' '$TRAIL_BIN'"
tui_wait "1  Overview" "a directory with one guide opens it without the picker"
tui_keys q
tui_wait "[exit 0]" "q quits"
finish
