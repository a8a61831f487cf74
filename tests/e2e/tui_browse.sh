# SPDX-License-Identifier: MIT
# The browser at 80x24 on the lighthouse fixture guide: every section opens, a phase, a certification and
# an FAQ answer open, Back returns to the same item and scroll position, Tab and Shift-Tab move
# between sections, q quits with status 0.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup browse
guide="$FIXTURE"
require_input "$guide"
tui_start 80 24 "'$TRAIL_BIN' --content '$guide'"

tui_wait "Lighthouse Keeper" "home shows the guide title"
tui_wait "1  Overview" "home lists the sections, numbered"
screen=$(tui_screen)
expect_contains "$screen" "Avg. Salary     \$100,000 - \$250,000" "home shows the salary stat"
expect_contains "$screen" "Enter Open" "footer shows the keys of Home"
expect_contains "$(tui_header)" " Keeper" "header starts with the short title"

# Overview: prose and the drawn stats.
tui_keys 1
tui_wait "Keeper › Overview" "1 opens the overview with its breadcrumb"
tui_wait "What a Keeper Does" "overview shows What a Keeper Does"
tui_keys G
tui_wait "Beginner" "overview draws the difficulty gauge"
screen=$(tui_screen)
expect_contains "$screen" "\$100k" "salary scale labels the minimum"
expect_contains "$screen" "\$300k" "salary scale ends at a rounded-up maximum"
expect_contains "$screen" "+30%" "job growth bar is labelled"
expect_contains "$screen" "█" "bars are drawn"

# Career path -> phase checklist -> back to the same phase.
tui_keys 2
tui_wait "Keeper › Career Path" "2 opens the career path"
tui_wait "Lamp & Tower Basics (Months 1-3)" "phases show their months"
expect_contains "$(tui_screen)" "3 months" "phases show their duration"
tui_keys j j
tui_wait "3/4" "j moves the selection down twice"
tui_keys Enter
tui_wait "Career Path › Night Watch & Storms" "Enter opens the selected phase"
tui_wait "[ ] Sound the foghorn every thirty" "the phase shows its key actions as a checklist"
tui_keys Escape
tui_wait "3/4" "Esc returns to the same phase"
expect_contains "$(tui_header)" "Keeper › Career Path" "breadcrumb is back to the path"
tui_keys Right
tui_wait "Career Path › Night Watch & Storms" "Right opens the phase too"
tui_keys Left
tui_wait "3/4" "Left goes back to the same phase"

# Certifications: list with issuers -> description -> back.
tui_keys 3
tui_wait "Recommended Certifications" "3 opens the certifications"
tui_wait "Northern Lighthouse Board (NLB)" "certifications show their issuer"
tui_keys j
tui_wait "2/5" "second certification selected"
tui_keys Enter
tui_wait "Certifies skills in operating marine radio" "Enter opens the description"
tui_keys BSpace
tui_wait "2/5" "Backspace returns to the same certification"

# FAQ: list -> answer (scrolls at a small height is covered elsewhere) -> back.
tui_keys 4
tui_wait "Frequently Asked Questions" "4 opens the FAQ"
tui_keys G
tui_wait "7/7" "G selects the last question"
tui_keys k Enter
tui_wait "The hardest parts include the long nights alone" "Enter opens the answer"
tui_keys Escape
tui_wait "6/7" "Esc returns to the same question"

# Tab / Shift-Tab cycle through the sections; Esc from a section goes Home with its selection.
tui_keys Tab
tui_wait "Keeper › Overview" "Tab from the last section wraps to the first"
tui_keys BTab
tui_wait "Keeper › FAQ" "Shift-Tab goes back to the FAQ"
tui_keys Escape
tui_wait "5/5" "Esc from a section returns Home with the section selected"
tui_keys Escape
tui_wait "5/5" "Esc on Home does nothing"

tui_keys q
tui_wait "[exit 0]" "q quits with status 0"
finish
