# SPDX-License-Identifier: MIT
# Text that mixes printable ASCII with other characters is drawn cell for cell as written:
# combining marks stay on their base (an ASCII letter included), wide characters take two
# columns, and the ASCII around them is neither shifted nor cut. The orchard fixture's intro gets
# such text; Home shows it wrapped at the same place, whole.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require perl
tui_setup text
guide="$TUI_DIR/guide"
require_input "$FIXTURE_GUIDES/orchard"
cp -r "$FIXTURE_GUIDES/orchard" "$guide"
# e + U+0301, x + U+0308, two CJK characters, Cyrillic, e with two marks.
mixed=$'Cafe\xcc\x81 x\xcc\x88y \xe6\xa8\xa1\xe5\x9e\x8bab \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 e\xcc\x81\xcc\x81 end.'
MIXED=$mixed perl -0pi -e 's/Orchard fixture: a small guide/$ENV{MIXED} Orchard fixture: a small guide/' \
    "$guide/guide.yaml"
"$TRAIL_BIN" --check "$guide" >/dev/null
expect_status 0 $? "the changed orchard guide is valid"

tui_start 70 30 "'$TRAIL_BIN' --content '$guide'"
tui_wait "Orchard Grower" "Home is up"
# 41 columns of mixed text (the CJK pair takes four), then the intro's ASCII up to column 69.
line=" $mixed Orchard fixture: a small guide about"
expect_contains "$(tui_screen)" "$line" "the mixed line is drawn whole, in order"
row=$(tui_screen | grep -nF -- "$line" | cut -d: -f1)
next=$(tui_screen | sed -n "$((row + 1))p")
expect_contains "$next" " planting and tending fruit trees, used by the tests" "the next row follows on"
tui_keys q
tui_wait "[exit 0]" "trail exits 0"
finish
