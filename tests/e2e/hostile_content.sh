# SPDX-License-Identifier: MIT
# Hostile guide content: each case ends in a located error from trail --check (and the same
# error, never a crash, from --print and the browser) or in a safe rendering, where no raw
# control byte reaches the output.
#  1. tests/data/hostile/controls: every string holds every C0 control but NUL, DEL, every C1
#     control, 7- and 8-bit ESC/CSI/OSC/DCS/APC/PM/SOS sequences, bidi controls and zero-width
#     characters (as YAML escapes). --print, --search and --export, and the browser (every
#     screen, 80x24 and 41x12, raw bytes recorded with script), show placeholders; the output
#     is valid UTF-8 with none of those characters, and none of the fixture's sequences.
#  2. The same characters written raw into a file: control bytes and invalid UTF-8 are located
#     errors; raw bidi, zero-width and line-separator characters load and are dropped or
#     replaced in the output.
#  3. A 1 MB single line: a located error (the 64 KiB text limit), in guide.yaml and, in the
#     browser, in faq.yaml; a 60 KiB single word loads, prints and is shown wrapped.
#  4. 10,000-deep and 10^6-deep nesting and alias bombs: located errors at once (a `timeout`
#     guards against a hang; nothing here measures time), in a guide and in a progress file.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
. "$here/lib/hostile.sh"
require script perl
require_input "$FIXTURE"
tui_setup hcontent
controls="$TRAIL_TEST_DATA/hostile/controls"
W="$TUI_DIR/w" # generated guides
mkdir -p "$W"

# unsafe FILE [TUI]: prints what FILE holds that must not reach a terminal, one "what=count"
# a line; TUI (a raw terminal record) also counts the fixture's own sequences. Empty = clean.
unsafe() {
    perl -e '
        local $/; my $raw = <STDIN>; my $tui = $ARGV[0];
        my %n;
        my $text = $raw;
        utf8::decode($text) or $n{"invalid UTF-8"} = 1;
        sub count { my ($s, $re) = @_; my $c = () = $s =~ /$re/g; return $c }
        $n{"C1 control"} = count($text, qr/[\x{80}-\x{9f}]/);
        $n{"bidi control"} = count($text, qr/[\x{202a}-\x{202e}\x{2066}-\x{2069}\x{200e}\x{200f}]/);
        $n{"zero-width"} = count($text, qr/[\x{200b}-\x{200d}\x{2060}\x{feff}]/);
        $n{"line/paragraph separator"} = count($text, qr/[\x{2028}\x{2029}]/);
        $n{"BEL"} = count($raw, qr/\x07/);
        $n{"OSC/DCS/SOS/PM/APC"} = count($raw, qr/\e[\]PX^_]/);
        if ($tui) {
            $n{"fixture CSI"} = count($raw, qr/\e\[(?:2J|5m|31m)/);
            $n{"pwned"} = count($raw, qr/\e.{0,3}pwned/s);
            $n{"RIS"} = count($raw, qr/\ec/);
            # the two trail sends: before its first frame (ui_term_open) and on leaving
            $n{"rmcup"} = count($raw, qr/\e\[\?1049l/) - 2;
        } else {
            $n{"C0 control"} = count($raw, qr/[\x00-\x09\x0b-\x1f]/);
            $n{"DEL"} = count($raw, qr/\x7f/);
        }
        for (sort keys %n) { print "$_=$n{$_}\n" if $n{$_} }
    ' "${2:-}" <"$1"
}

expect_clean() { # FILE WHAT [TUI]
    local found
    found=$(unsafe "$1" "${3:-}")
    if [ -z "$found" ]; then pass "$2: nothing unsafe"; else
        fail "$2: unsafe output: $(printf '%s' "$found" | tr '\n' ' ')"; fi
}

# ---- 1. The controls guide.
out=$("$TRAIL_BIN" --check "$controls" 2>&1)
expect_status 0 $? "controls: --check accepts escapes"
expect_contains "$out" "1 phase, 1 key action, 1 certification, 1 question" \
    "controls: loaded whole"
i=0
for m in "--print" "--print --width 20" "--search end" "--export markdown" "--export json"; do
    i=$((i + 1))
    # shellcheck disable=SC2086 # $m is a list of options
    LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$controls" $m >"$TUI_DIR/m$i.out" 2>"$TUI_DIR/m$i.err"
    expect_status 0 $? "controls: trail $m"
    expect_clean "$TUI_DIR/m$i.out" "controls: trail $m, stdout"
    expect_clean "$TUI_DIR/m$i.err" "controls: trail $m, stderr"
done
expect_contains "$(cat "$TUI_DIR/m1.out")" "Title C0[␁␂␃␄␅␆␇␈" "--print shows C0 placeholders"
expect_contains "$(cat "$TUI_DIR/m1.out")" "␛]0;pwned␇" "--print shows the OSC as text"

# browse NAME COLS ROWS: records a session through every screen of the controls guide.
browse() {
    local name=$1 raw="$TUI_DIR/$1.raw"
    host_pane "$name" "$2" "$3" "script -q -e -c \"'$TRAIL_BIN' --content '$controls'" \
        "2>'$TUI_DIR/$name.err'\" '$raw'; echo \$? >'$TUI_DIR/$name.rc'"
    tui_wait "q Quit" "$name: the browser runs"
    local step
    for step in "1:Intro C0" "2:PhaseTitle" "Enter:ActionText" "3:CertName" "Enter:Issuer" \
        "4:Question" "Enter:C0[" "/:matches" "e:matches" "Enter:Up/Dn" "Escape:Question" \
        "?:Keys:" "q:Question"; do
        host_step "${step%%:*}" "${step#*:}" "$name: ${step%%:*} shows '${step#*:}'" || break
    done
    expect_contains "$(tui_screen)" "␛]0;pwned␇" "$name: placeholders on screen"
    tmx display -p '#{pane_title}' | grep -q pwned && fail "$name: the pane title was changed" ||
        pass "$name: the pane title is unchanged"
    tui_keys q
    tui_wait_file "$TUI_DIR/$name.rc"
    expect_status 0 "$(cat "$TUI_DIR/$name.rc")" "$name: q exits 0"
    expect_ge "$(wc -c <"$raw")" 4000 "$name: the screens were recorded"
    expect_clean "$raw" "$name: raw terminal output" tui
    host_no_sanitizer_report "$name"
}
browse controls-80x24 80 24
browse controls-41x12 41 12

# ---- 2. Raw bytes in a file. guide NAME INTRO-BYTES: a guide whose intro holds the bytes.
guide() {
    mkdir -p "$W/$1"
    printf 'format: 1\nid: h\ntitle: "T"\nintro: "a%bb"\n' "$2" >"$W/$1/guide.yaml"
}
# The intro's text starts at column 9, so the bad byte is at column 10.
bad=()
for i in $(seq 1 31) 127; do
    case $i in 9 | 10 | 13) continue ;; esac
    bad+=("$(printf '\\x%02x' "$i")")
done
for i in $(seq 128 159); do
    [ "$i" = 133 ] && continue # U+0085 NEL is a YAML line break; below
    bad+=("$(printf '\\xc2\\x%02x' "$i")")
done
bad+=('\x1b]0;pwned\x07' '\x1b[2J' '\x1bP1$r\x1b\\' '\x9b31m' '\x80' '\xc0\xaf' '\xed\xa0\x80'
    '\xf4\x90\x80\x80' '\xf8\x88\x80\x80\x80' '\xfe' '\xff' '\xe2\x82')
n_ok=0
for b in "${bad[@]}"; do
    guide raw "$b"
    out=$("$TRAIL_BIN" --check "$W/raw" 2>&1)
    rc=$?
    if [ $rc = 1 ] && [[ $out == *"$W/raw/guide.yaml:4:10: error: "* ]]; then
        n_ok=$((n_ok + 1))
    else
        fail "raw $b: exit $rc, not the located error: $out"
    fi
    printf '%s' "$out" >"$TUI_DIR/raw.out"
    found=$(unsafe "$TUI_DIR/raw.out")
    [ -z "$found" ] || fail "raw $b: the error message holds $found"
done
expect_status ${#bad[@]} "$n_ok" \
    "each raw control byte and invalid UTF-8 form is a located error at 4:10"
printf 'format: 1\nid: h\ntitle: "T"\nintro: "ab\xe2\x82' >"$W/raw/guide.yaml"
out=$("$TRAIL_BIN" --check "$W/raw" 2>&1)
expect_status 1 $? "UTF-8 cut short at the end of the file"
expect_contains "$out" "$W/raw/guide.yaml:4:11: error: invalid UTF-8" "located at its first byte"

# The same refusal from --print and from the browser (before the screen is touched).
guide raw '\x1b]0;pwned\x07'
out=$("$TRAIL_BIN" --content "$W/raw" --print 2>&1)
expect_status 2 $? "--print of a guide with a raw ESC"
expect_contains "$out" "$W/raw/guide.yaml:4:10: error: control characters are not allowed" \
    "--print says where"
host_pane raw-tui 80 24 \
    "script -q -e -c \"'$TRAIL_BIN' --content '$W/raw'\" '$TUI_DIR/raw-tui.raw';" \
    "echo \$? >'$TUI_DIR/raw-tui.rc'"
tui_wait_file "$TUI_DIR/raw-tui.rc"
expect_status 2 "$(cat "$TUI_DIR/raw-tui.rc")" "the browser refuses a guide with a raw ESC"
expect_contains "$(tui_screen | tr -d '\n')" \
    "guide.yaml:4:10: error: control characters are not allowed" "the browser says where"
if LC_ALL=C grep -q $'\033' "$TUI_DIR/raw-tui.raw"; then fail "the refusal wrote an escape byte"
else pass "the refusal wrote no escape byte"; fi

# Raw characters that are valid YAML: loaded, then dropped or replaced.
n_ok=0
for b in '\xe2\x80\xae' '\xe2\x81\xa6' '\xe2\x81\xa9' '\xe2\x80\x8b' '\xef\xbb\xbf' '\xe2\x81\xa0' \
    '\xe2\x80\xa8' '\xe2\x80\xa9' '\xc2\x85' '\xe2\x80\x8f'; do
    guide ok "$b"
    "$TRAIL_BIN" --content "$W/ok" --print >"$TUI_DIR/ok.out" 2>&1
    rc=$?
    if [ $rc = 0 ] && [ -z "$(unsafe "$TUI_DIR/ok.out")" ] &&
        grep -q '^a.*b$' "$TUI_DIR/ok.out"; then
        n_ok=$((n_ok + 1))
    else
        fail "raw $b: exit $rc, printed $(od -c "$TUI_DIR/ok.out" | head -n 3)"
    fi
done
expect_status 10 "$n_ok" "raw bidi, zero-width, separator and NEL characters print safely"

# ---- 3. Long lines and words.
mkdir -p "$W/mb"
{
    printf 'format: 1\nid: h\ntitle: "T"\nintro: "'
    head -c 1048576 /dev/zero | tr '\0' a
    printf '"\n'
} >"$W/mb/guide.yaml"
out=$(timeout 20 "$TRAIL_BIN" --check "$W/mb" 2>&1)
expect_status 1 $? "a 1 MB single line: --check"
expect_contains "$out" "$W/mb/guide.yaml:4:8: error: text longer than 65536 bytes" "located"
out=$(timeout 20 "$TRAIL_BIN" --content "$W/mb" --print 2>&1)
expect_status 2 $? "a 1 MB single line: --print refuses"
expect_contains "$out" "guide.yaml:4:8: error: text longer than 65536 bytes" "--print says where"

# The 1 MB line in faq.yaml of a good guide, and a 60 KiB word as an answer in another copy.
mkdir -p "$W/mbfaq" "$W/word"
cp "$FIXTURE/"*.yaml "$W/mbfaq/"
cp "$FIXTURE/"*.yaml "$W/word/"
{
    printf 'title: FAQ\nquestions:\n  - id: q\n    question: "Long?"\n    answer: '
    head -c 1048576 /dev/zero | tr '\0' a
    printf '\n'
} >"$W/mbfaq/faq.yaml"
word=$(head -c 61440 /dev/zero | tr '\0' w)
printf 'title: FAQ\nquestions:\n  - id: q\n    question: "Word?"\n    answer: "start %s end"\n' \
    "$word" >"$W/word/faq.yaml"
host_start mbfaq 80 24 --content "$W/mbfaq"
tui_wait "1  Overview" "mbfaq: the guide opens (faq.yaml is read when needed)"
tui_keys 4
tui_wait "faq.yaml:5:13: error: text longer than 65536" "mbfaq: FAQ shows the located error"
tui_keys q
host_finished mbfaq >/dev/null
expect_status 0 "$(cat "$TUI_DIR/mbfaq.rc")" "mbfaq: q exits 0"
host_no_sanitizer_report mbfaq

out=$("$TRAIL_BIN" --check "$W/word" 2>&1)
expect_status 0 $? "a 60 KiB word loads"
"$TRAIL_BIN" --content "$W/word" --print --width 80 >"$TUI_DIR/word.out"
expect_status 0 $? "a 60 KiB word prints"
expect_le "$(LC_ALL=C.UTF-8 wc -L <"$TUI_DIR/word.out")" 80 "--print wraps it within 80 columns"
expect_status 61440 "$(grep -E '^ *w+( end)?$' "$TUI_DIR/word.out" | tr -cd w | wc -c)" \
    "every letter is printed, on lines of their own"
host_start word 80 24 --content "$W/word"
tui_wait "1  Overview" "word: the guide opens"
tui_keys 4 Enter
tui_wait "Word?" "word: the answer is open"
tui_wait "start" "word: the answer starts"
tui_keys G
tui_wait " end" "word: G reaches the end of the answer"
rows=$(tui_screen | grep -c '^ *wwwwwwwwww*$')
expect_ge "$rows" 10 "word: the word is wrapped over whole rows"
tui_keys q
host_finished word >/dev/null
expect_status 0 "$(cat "$TUI_DIR/word.rc")" "word: q exits 0"
host_no_sanitizer_report word

# ---- 4. Nesting and aliases, in a guide and in a progress file.
nest() { # OPEN CLOSE COUNT: COUNT nested OPEN, then COUNT CLOSE
    head -c "$3" /dev/zero | tr '\0' "$1"
    head -c "$3" /dev/zero | tr '\0' "$2"
}
bomb='a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]'
mkdir -p "$W/s"
s_case() { # NAME EXPECTED-LOCATION-AND-MESSAGE: checks the guide in $W/s
    local out rc
    out=$(timeout 20 "$TRAIL_BIN" --check "$W/s" 2>&1)
    rc=$?
    expect_status 1 $rc "$1: --check"
    expect_contains "$out" "$W/s/guide.yaml:$2" "$1: located error"
    out=$(timeout 20 "$TRAIL_BIN" --content "$W/s" --print 2>&1)
    expect_status 2 $? "$1: --print refuses"
}
{ printf 'format: 1\nid: h\ntitle: "T"\nintro: '; nest '[' ']' 10000; echo; } >"$W/s/guide.yaml"
s_case "10,000 nested [" "4:71: error: nested deeper than 64 levels"
{ printf 'format: 1\nid: h\ntitle: "T"\nintro: '; nest '{' '}' 10000; echo; } >"$W/s/guide.yaml"
s_case "10,000 nested {" "4:71: error: nested deeper than 64 levels"
{ printf 'format: 1\nid: h\ntitle: "T"\nintro: '; nest '[' ']' 1000000; echo; } >"$W/s/guide.yaml"
s_case "10^6 nested [" "4:71: error: nested deeper than 64 levels"
# Block nesting: a mapping per line, each indented one more space.
{
    printf 'format: 1\nid: h\ntitle: "T"\nintro:\n'
    perl -e 'print " " x $_, "k:\n" for 1 .. 2000'
} >"$W/s/guide.yaml"
s_case "2,000 nested block mappings" "68:65: error: nested deeper than 64 levels"
printf 'format: 1\nid: h\ntitle: "T"\n%s\n' "$bomb" >"$W/s/guide.yaml"
s_case "billion laughs" "4:4: error: anchors and aliases are not supported"
printf 'format: 1\nid: h\ntitle: "T"\nintro: &a [*a]\n' >"$W/s/guide.yaml"
s_case "a node holding itself" "4:8: error: anchors and aliases are not supported"

# A progress file like that is damaged: kept aside, never overwritten, never a crash.
guide_dir="$FIXTURE"
p_case() { # NAME MESSAGE: checks the progress file $W/p/$NAME.yaml
    local f="$W/p/$1.yaml" out
    cp "$f" "$TUI_DIR/p.orig"
    out=$(timeout 20 "$TRAIL_BIN" --content "$guide_dir" --state "$f" --progress 2>&1)
    expect_status 0 $? "$1 progress file: --progress reports"
    expect_contains "$out" "$1.yaml is damaged ($2)" "$1 progress file: --progress says why"
    expect_not_contains "$out" "Sanitizer" "$1 progress file: no sanitizer report"
    host_start "p-$1" 80 24 --content "$guide_dir" --state "$f"
    tui_wait "Avg. Salary" "$1 progress file: the browser starts"
    tui_keys 2 Enter Space
    tui_wait "[x] Trim the wicks" "$1 progress file: a tick works"
    tui_keys q
    host_finished "p-$1" >/dev/null
    expect_status 0 "$(cat "$TUI_DIR/p-$1.rc")" "$1 progress file: q exits 0"
    host_no_sanitizer_report "p-$1"
    local kept=0 c
    for c in "$f" "$f".corrupt-*; do
        [ -f "$c" ] && cmp -s "$c" "$TUI_DIR/p.orig" && kept=1
    done
    expect_status 1 "$kept" "$1 progress file: its bytes are kept"
}
mkdir -p "$W/p"
{ printf 'version: 1\nguides: '; nest '[' ']' 10000; echo; } >"$W/p/deep.yaml"
p_case deep "line 2: nested deeper than 64 levels"
printf 'version: 1\n%s\nguides: *i\n' "$bomb" >"$W/p/bomb.yaml"
p_case bomb "line 2: anchors and aliases are not supported"
finish
