# SPDX-License-Identifier: MIT
# Home fits its sections: at 80x24 with progress, a start date and a tracked certification,
# the title and every section of the menu show together (the intro is cut to fit, the stats go
# two to a row) and the view is not scrolled; the whole intro is on the Overview. Each section
# has one label, the same on the menu before and after its part loads and in the breadcrumb,
# with a count; the closing words are text, not a link.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup home
require_input "$FIXTURE" "$FIXTURE_STARTED"
cp "$FIXTURE_STARTED" "$HOME/.trail_progress.yaml"

tui_start 80 24 "'$TRAIL_BIN' --content '$FIXTURE'"
tui_wait "FAQ · 7 questions" "Home at 80x24 shows the last section with its count"
screen=$(tui_screen)
expect_contains "$(printf '%s\n' "$screen" | sed -n 2p)" "Lighthouse Keeper" \
    "the title is on the first body row"
for entry in "1  Overview · 1 topic" "2  Career Path · 4 phases" \
    "3  Certifications · 5 certifications" "4  FAQ · 7 questions"; do
    expect_contains "$screen" "$entry" "the menu shows '$entry'"
done
expect_contains "$screen" "Pace" "with the pace line"
expect_contains "$screen" "Certifications  1 studying" "and the certification line"
expect_contains "$screen" "Job Growth" "the stats go two to a row"
expect_contains "$(tui_header)" "2/5" "the position is on the first section (Next, an item too, is above it)"
tui_keys 3
tui_wait "Keeper › Certifications " "the breadcrumb says the menu's label"
tui_wait "Recommended Certifications" "the screen keeps the part's own title"
tui_keys Escape
tui_wait "3  Certifications · 5 certifications" "the label is the same once the part is in"
tui_keys 1
tui_wait "Keeper › Overview" "the overview"
tui_wait "reflow when the terminal grows wider." "the overview has the whole intro"
tui_keys q
tui_wait "[exit 0]" "quit"

# A short terminal: the menu still shows whole, with the title above it.
tui_new_server short
rm -rf "${XDG_STATE_HOME:-$HOME/.local/state}/trail" # not where the last run quit
tui_start 60 14 "'$TRAIL_BIN' --content '$FIXTURE'"
tui_wait "4  FAQ" "60x14: the last section shows"
screen=$(tui_screen)
expect_contains "$(printf '%s\n' "$screen" | sed -n 2p)" "Lighthouse Keeper" "60x14: the title shows"
expect_contains "$screen" "1  Overview" "60x14: the first section shows"
# The breadcrumb at 40 columns: cut with an ellipsis, two blanks before the position.
tui_keys 4 Enter
tui_wait "licence" "40 columns: a question"
tmx resize-window -x 40 -y 12
tui_wait "Keeper › FAQ › " "the location of the question"
header=$(tui_header)
expect_contains "$header" "…" "a long breadcrumb ends in an ellipsis"
printf '%s\n' "$header" | grep -qE '…  +[A-Za-z0-9/%]+$' && pass "it stops two columns before the position" ||
    fail "the breadcrumb runs into the position: '$header'"
tui_keys q
tui_wait "[exit 0]" "quit"
finish
