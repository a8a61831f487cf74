# SPDX-License-Identifier: MIT
# Hostile input from the terminal: what a user, a paste or a confused terminal can type. The
# raw bytes trail writes are recorded (script) while it gets
#  1. C1 controls, C0 controls, bidi and zero-width characters and invalid UTF-8 typed into
#     the search prompt: the prompt drops or replaces them, never shows the raw character;
#  2. mouse reports for cells far outside the screen (X10 and SGR encodings), and 200 bytes
#     that are not UTF-8 typed one at a time (a Latin-1 terminal);
#  3. 16 KiB of random bytes (seeded; without q, Q and the bytes the terminal turns into
#     signals or flow control: ^C ^Z ^\ ^S), in bursts, with resizes between them.
# Afterwards trail is alive, draws a normal screen, quits with q (status 0) and leaves the
# terminal as it found it; its output never held an OSC/DCS/APC/PM/SOS introducer, a C1
# control, a bidi control or a zero-width character; the progress file it saved still parses.
set -u
shopt -s extglob
here=$(dirname "$0")
. "$here/lib/tmux.sh"
. "$here/lib/hostile.sh"
require script perl
require_input "$FIXTURE"
tui_setup hinput
guide="$FIXTURE"
raw="$TUI_DIR/input.raw"
seed=${INPUT_SEED:-5}
echo "input seed $seed"

host_pane input 80 24 "stty -g >'$TUI_DIR/input.before';" \
    "script -q -e -c \"'$TRAIL_BIN' --content '$guide' --state '$state' 2>'$TUI_DIR/input.err'\"" \
    "'$raw'; echo \$? >'$TUI_DIR/input.rc'; stty -g >'$TUI_DIR/input.after'"
tui_wait "1  Overview" "trail is up"

# prompt_shows HEX... EXPECTED WHAT: opens the prompt, clears it, types "x", the bytes and "y";
# the prompt line then reads " /" EXPECTED (trailing blanks and the match count aside).
prompt_shows() {
    local want=${*: -2:1} what=${*: -1}
    tui_keys /
    host_wait_last '^ /' "$what: the prompt is open" >/dev/null
    tui_keys C-u x
    tui_keys -H "${@:1:$#-2}"
    tui_keys y
    local deadline=$((SECONDS + TUI_TIMEOUT)) line=""
    while [ $SECONDS -lt $deadline ]; do
        line=$(tui_screen | tail -n 1 | sed 's/  .*//')
        [ "$line" = " /$want" ] && break
        sleep 0.05
    done
    expect_status " /$want" "$line" "$what"
    tui_keys Escape
    host_wait_last '^ Up/Dn' "$what: the prompt is closed" >/dev/null
}
# In the prompt ESC is a key (it closes it), so a typed sequence starts with the C1 CSI
# (U+009B, typed as UTF-8) instead. Control characters typed are not text: they are dropped.
prompt_shows c2 9b 33 31 6d "x31my" "C1 CSI typed into the prompt is dropped"
prompt_shows c2 9d 30 3b 70 77 6e 65 64 07 "x0;pwnedy" "C1 OSC and BEL typed are dropped"
prompt_shows e2 80 ae "x�y" "U+202E typed into the prompt is replaced"
prompt_shows e2 81 a6 "x�y" "U+2066 typed into the prompt is replaced"
prompt_shows e2 80 8b "xy" "U+200B typed into the prompt is dropped"
prompt_shows 02 0b 7f "y" "^B ^K are dropped, DEL erases"
# Invalid UTF-8 is dropped too. curses may swallow the bytes that arrive right after a broken
# sequence (up to a multibyte character's length), so "y" is typed until one shows; then the
# prompt must hold nothing but the x and those y's.
tui_keys /
host_wait_last '^ /' "invalid UTF-8: the prompt is open" >/dev/null
tui_keys C-u x
tui_keys -H ff fe c0 af ed a0 80 e9
deadline=$((SECONDS + TUI_TIMEOUT))
until [[ $(tui_screen | tail -n 1) == " /x"+(y)\ * ]] || [ $SECONDS -ge $deadline ]; do
    tui_keys y
    sleep 0.05
done
line=$(tui_screen | tail -n 1 | sed 's/  .*//')
[[ $line == " /x"+(y) ]] && pass "invalid UTF-8 typed into the prompt is dropped ($line)" ||
    fail "invalid UTF-8 typed into the prompt: the prompt reads '$line'"
tui_keys Escape
host_wait_last '^ Up/Dn' "invalid UTF-8: the prompt is closed" >/dev/null

# Mouse reports far outside the 80x24 screen, in both encodings (clicks and the wheel).
tui_keys -H 1b 5b 4d 20 ff ff 1b 5b 4d 23 ff ff 1b 5b 4d 60 ff ff 1b 5b 4d 61 21 ff
tui_keys -H 1b 5b 3c 30 3b 39 39 39 39 3b 39 39 39 39 4d \
    1b 5b 3c 30 3b 39 39 39 39 3b 39 39 39 39 6d
tui_keys -H 1b 5b 3c 36 34 3b 35 30 30 3b 35 30 30 4d 1b 5b 3c 36 35 3b 30 3b 30 4d
tui_keys g
tui_wait "1/5" "after mouse reports off the screen, keys still work"
tui_keys j
tui_wait "2/5" "and move the selection"

# A Latin-1 terminal: 200 keystrokes of "é" as one byte each (0xe9, never valid UTF-8). Each
# wakes trail without making a key; that is input, not a terminal gone: trail stays.
tui_keys g
tui_wait "1/5" "before Latin-1 typing: Home's first entry (Next)"
for ((i = 0; i < 200; i++)); do
    tui_keys -H e9
done
# curses may swallow a key that arrives right after a broken sequence: G (idempotent) is
# pressed until it shows.
deadline=$((SECONDS + TUI_TIMEOUT))
until tui_header | grep -q "5/5" || [ $SECONDS -ge $deadline ]; do
    tui_keys G
    sleep 0.1
done
tui_wait "5/5" "after 200 invalid bytes typed one by one trail still runs and answers keys"

# Random bytes in bursts of 64, with a resize every eighth burst.
RANDOM=$seed
for ((burst = 0; burst < 256; burst++)); do
    bytes=()
    for ((i = 0; i < 64; i++)); do
        b=$((RANDOM % 256))
        case $b in 3 | 19 | 26 | 28 | 81 | 113) b=32 ;; esac # ^C ^S ^Z ^\ Q q
        bytes+=("$(printf '%02x' "$b")")
    done
    tui_keys -H "${bytes[@]}"
    ((burst % 8 == 7)) && tmx resize-window -x $((20 + RANDOM % 100)) -y $((5 + RANDOM % 40))
done
pid=$(pgrep -f -n -- "--state $state" || true)
[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && pass "trail is alive after 16 KiB of random input" ||
    fail "trail died: $(cat "$TUI_DIR/input.err" 2>/dev/null)"

# Back to a known screen: the prompt and help close on Escape, and Back pops every screen.
# When an Escape reaches Home, the message that says Esc does nothing there stands in place of
# the key hints.
tmx resize-window -x 80 -y 24
tui_keys Escape Escape Escape
host_wait_last 'q Quit|q quits' "a normal screen at 80x24"
tui_keys h h h h h h h h
tui_wait "1  Overview" "Home again"
# Idle again: nothing left half-read makes the loop spin (100 ticks a second if it did).
if [ -n "$pid" ]; then
    host_idle "$pid" "idle after the input"
fi
tui_keys q
tui_wait_file "$TUI_DIR/input.after"
expect_status 0 "$(cat "$TUI_DIR/input.rc")" "q exits 0"
cmp -s "$TUI_DIR/input.before" "$TUI_DIR/input.after" && pass "stty -g unchanged" ||
    fail "stty -g changed"
host_no_sanitizer_report input

found=$(perl -e '
    local $/; my $raw = <STDIN>; my $text = $raw;
    my %n;
    utf8::decode($text) or $n{"invalid UTF-8"} = 1;
    sub count { my ($s, $re) = @_; my $c = () = $s =~ /$re/g; return $c }
    $n{"OSC/DCS/SOS/PM/APC"} = count($raw, qr/\e[\]PX^_]/);
    $n{"C1 control"} = count($text, qr/[\x{80}-\x{9f}]/);
    $n{"bidi control"} = count($text, qr/[\x{202a}-\x{202e}\x{2066}-\x{2069}\x{200e}\x{200f}]/);
    $n{"zero-width"} = count($text, qr/[\x{200b}-\x{200d}\x{2060}\x{feff}]/);
    $n{"BEL"} = count($raw, qr/\x07/);
    for (sort keys %n) { print "$_=$n{$_} " if $n{$_} }
' <"$raw")
if [ -z "$found" ]; then pass "the raw output holds nothing unsafe"; else
    fail "the raw output holds $found"; fi
expect_ge "$(wc -c <"$raw")" 10000 "the raw output was recorded"
if [ -e "$state" ]; then
    out=$(LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$guide" --state "$state" --progress 2>&1)
    expect_contains "$out" "Overall" "the progress file saved during the storm parses"
    expect_not_contains "$out" "damaged" "and is not damaged"
fi
finish
