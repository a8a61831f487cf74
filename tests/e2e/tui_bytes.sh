# SPDX-License-Identifier: MIT
# Moving the selection writes only the rows that changed: the bytes trail writes for one Down
# on Home are compared with the bytes of a whole session that only paints Home once. Both runs
# record raw output with script and differ by exactly the Down key, so the bytes between their
# common start and end are what Down wrote: no clear, and only the rows that changed.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require script
require_input "$FIXTURE"
tui_setup bytes

# session NAME KEYS...: records NAME.raw, a session at 80x24 that waits for Home, presses KEYS
# (waiting for the selection counter each time), then quits.
session() {
    local name=$1
    shift
    tui_new_server "$name"
    tui_start 80 24 "script -q -c \"'$TRAIL_BIN' --content '$FIXTURE'\"" \
        "'$TUI_DIR/$name.raw'"
    tui_wait "1  Overview" "$name: Home is drawn" >/dev/null
    tui_wait "FAQ · 7 questions" "$name: Home has settled (the rest of the guide is in)" \
        >/dev/null
    tui_wait "2/5" "$name: its first section selected (below Next)" >/dev/null
    local n=2
    for key in "$@"; do
        tui_keys "$key"
        n=$((n + 1))
        tui_wait "$n/5" "$name: selection moved to $n" >/dev/null
    done
    tui_keys q
    tui_wait "[exit 0]" "$name: quit" >/dev/null
}

session base
session down j
# The two records share the start (Home painted) and the end (leaving curses): what lies
# between is what Down wrote. Report its size, whether it clears, and the rows it addresses.
perl -0777 -e '
    local $/;
    open my $fa, "<", $ARGV[0] or die; my $a = <$fa>;
    open my $fb, "<", $ARGV[1] or die; my $b = <$fb>;
    for ($a, $b) {  # script(1) frames the record with dated lines: not trail output
        s/\AScript started[^\n]*\n//;
        s/\n?Script done[^\n]*\n?\z//;
    }
    my $p = 0;
    $p++ while $p < length($a) && $p < length($b) && substr($a, $p, 1) eq substr($b, $p, 1);
    $p = rindex($b, "\e", $p) if rindex($b, "\e", $p) >= 0;  # start at a whole sequence
    my $s = 0;
    $s++ while $s < length($a) - $p && $s < length($b) - $p
        && substr($a, -1 - $s, 1) eq substr($b, -1 - $s, 1);
    my $mid = substr($b, $p, length($b) - $p - $s);
    my %rows;
    $rows{$1} = 1 while $mid =~ /\e\[(\d+)(?:;\d+)?[Hd]/g;
    my $clears = () = $mid =~ /\e\[[0-2]?J/g;
    printf "%d %d %d %d\n", length($a), length($mid), $clears, scalar(keys %rows);
' "$TUI_DIR/base.raw" "$TUI_DIR/down.raw" >"$TUI_DIR/diff"
read -r total cost clears rows <"$TUI_DIR/diff"
echo "painting Home: $total bytes; one Down: $cost bytes, $clears clears, $rows rows addressed"
expect_ge "$cost" 1 "Down wrote something"
expect_le $((cost * 4)) "$total" "Down costs a fraction of painting the screen"
expect_status 0 "$clears" "Down clears nothing"
expect_le "$rows" 3 "Down rewrites the two items and the header's counter only"
finish
