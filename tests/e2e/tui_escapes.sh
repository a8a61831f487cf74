# SPDX-License-Identifier: MIT
# A guide whose every string holds terminal control sequences (OSC title, CSI, DCS, C1, CR,
# BS, DEL, bidi overrides, zero-width characters) is browsed through every screen while the
# raw bytes trail writes are recorded (script). The record holds no OSC/DCS/APC/PM/SOS
# introducer, no C1 control, none of the fixture's CSI sequences and no bidi or zero-width
# character; the alternate screen is left only by trail (once before its first frame, once on
# quitting); the pane title is unchanged; the placeholders are on screen.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require script perl
tui_setup escapes
raw="$TUI_DIR/raw"
tui_start 80 24 "script -q -e -c \"'$TRAIL_BIN' --content '$TRAIL_TEST_DATA/tui-escapes'\" '$raw'"

tui_wait "Escapes ␛]0;pwned␇ Guide" "the title shows the ESC and BEL placeholders"
expect_contains "$(tui_screen)" "Clear ␛[2J screen" "the intro shows the CSI as text"
tmx display -p '#{pane_title}' | grep -q pwned && fail "the pane title was changed" ||
    pass "the pane title is unchanged"
tui_keys 1 G
tui_wait "Learn ␛]0;pwned␇" "overview shows placeholders"
tui_keys 2 Enter
tui_wait "Phase ␛]0;pwned␇ One" "the phase shows placeholders"
tui_wait "[ ] Action ␛]0;pwned␇ with ␍ carriage return" "CR is a visible placeholder"
tui_keys 3 Enter
tui_wait "Description ␛]0;pwned␇" "the certification shows placeholders"
tui_keys 4 Enter
tui_wait "Answer ␛]0;pwned␇" "the answer shows placeholders"
tui_keys '?' q
tui_wait_gone "Keys:" "help closed"
tui_keys q
tui_wait "[exit 0]" "trail and script exit 0"
tmx display -p '#{pane_title}' | grep -q pwned && fail "the pane title was changed" ||
    pass "the pane title is still unchanged"

expect_ge "$(wc -c <"$raw")" 1000 "the raw output was recorded"
# Count what must not be there: OSC, DCS, APC, PM, SOS introducers; C1 controls (decoded as
# UTF-8); the fixture's own CSI sequences; bidi controls and zero-width characters.
perl -CS -0777 -ne '
    my $raw = $_;
    sub count { my ($re) = @_; my $n = () = $raw =~ /$re/g; return $n }
    my @checks = (
        ["OSC", qr/\e\]/],
        ["DCS/SOS/PM/APC", qr/\e[PX^_]/],
        ["C1 control", qr/[\x{80}-\x{9f}]/],
        ["CSI 2J", qr/\e\[2J/],
        ["CSI blink", qr/\e\[5m/],
        ["bidi control", qr/[\x{202a}-\x{202e}\x{2066}-\x{2069}\x{200e}\x{200f}]/],
        ["zero-width", qr/[\x{200b}-\x{200d}\x{feff}]/],
        ["pwned after ESC", qr/\e\]0;pwned/],
        ["rmcup", qr/\e\[\?1049l/],
    );
    for my $c (@checks) { print "$c->[0]=" . count($c->[1]) . "\n" }
    # trail leaves the alternate screen once before it draws anything (ui_term_open), so
    # the first leave comes before the first text of the first frame.
    my ($leave, $text) = (index($raw, "\e[?1049l"), index($raw, "Escapes"));
    print "early=" . ($leave >= 0 && $text >= 0 && $leave < $text ? 1 : 0) . "\n";
' <"$raw" >"$TUI_DIR/counts" 2>"$TUI_DIR/perl.err"
[ -s "$TUI_DIR/perl.err" ] && fail "perl: $(cat "$TUI_DIR/perl.err")"
while IFS== read -r what n; do
    if [ "$what" = rmcup ]; then
        expect_status 2 "$n" "the alternate screen is left twice, by trail itself"
    elif [ "$what" = early ]; then
        expect_status 1 "$n" "the first leave comes before anything is drawn"
    else
        expect_status 0 "$n" "raw output holds no $what"
    fi
done <"$TUI_DIR/counts"
expect_contains "$(cat "$raw")" "␛]0;pwned␇" "the raw output holds the placeholders"
finish
