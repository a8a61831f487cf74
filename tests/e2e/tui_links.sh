#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Links shown in the browser are OSC 8 hyperlinks where the terminal takes them: the bytes
# trail writes to its terminal are recorded with script(1) (tmux before 3.4 drops OSC 8, so
# capture-pane cannot show them) on a fixture plan whose items link with https, mailto,
# javascript: and file:, and whose introduction and description hold links too. The http(s) and
# mailto links are wrapped in "ESC ] 8 ; ; URL ST" around the text shown (the address, in the
# introduction and a description), the address percent-encoded where RFC 3986 wants it;
# javascript: and file: links are shown as plain text, never as a hyperlink. TRAIL_HYPERLINKS=0,
# TERM=linux and NO_COLOR turn them off; TRAIL_HYPERLINKS=1 forces them on.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require script
plan="$TRAIL_TEST_DATA/plans/links-plan.md"
require_input "$plan"
tui_setup links

# record NAME ENV...: NAME.raw holds what trail wrote while it showed the plan's section (its
# items and their links), with the environment ENV.
record() {
    local name=$1
    shift
    tui_new_server "$name"
    tui_start 100 30 "script -q -c \"env $* '$TRAIL_BIN' --state '$TUI_DIR/$name.yaml' '$plan'\"" \
        "'$TUI_DIR/$name.raw'"
    tui_wait "Plan · 1 section" "$name: Home is drawn" >/dev/null
    tui_keys Enter Enter
    tui_wait "file:///etc/passwd" "$name: the section shows the items and their links" >/dev/null
    tui_keys q
    tui_wait "[exit 0]" "$name: trail quits" >/dev/null
}
osc() { printf '\033]8;;%s\033\\' "$1"; }

record on TERM=xterm-256color
raw=$(cat "$TUI_DIR/on.raw")
# has_link RAW URL TEXT: RAW opens the hyperlink URL, then writes TEXT (after the SGR of its
# colours), then closes it.
has_link() {
    RAW=$1 URL=$2 TEXT=$3 perl -e '
        my ($r, $u, $t) = @ENV{qw(RAW URL TEXT)};
        exit($r =~ /\e\]8;;\Q$u\E\e\\(?:\e\[[0-9;]*m)*\Q$t\E\e\]8;;\e\\/ ? 0 : 1)'
}
has_link "$raw" 'https://example.org/tutorial?a=1&b=2' 'https://example.org/tutorial?a=1&b=2' &&
    pass "an https link is a hyperlink around its text" ||
    fail "no hyperlink around the https link's text: $(printf '%s' "$raw" | cat -v | tail -c 600)"
expect_contains "$raw" "$(osc 'mailto:team@example.org')" "a mailto link is a hyperlink"
# The links of the plan's other text are shown as their addresses, hyperlinks too: in the
# introduction on Home, in the section's description.
has_link "$raw" 'https://example.org/plan-home' 'https://example.org/plan-home' &&
    pass "a link in the introduction is a hyperlink around its address" ||
    fail "no hyperlink in the introduction: $(printf '%s' "$raw" | cat -v | head -c 1500)"
has_link "$raw" 'https://example.org/notes' 'https://example.org/notes' &&
    pass "a link in a section's description is a hyperlink around its address" ||
    fail "no hyperlink in the description: $(printf '%s' "$raw" | cat -v | tail -c 1500)"
expect_contains "$raw" "javascript:void(0)" "the description's javascript: link is shown as text"
expect_contains "$raw" "$(osc 'https://example.org/caf%C3%A9%20page')" \
    "the address is percent-encoded (a space, a letter past ASCII)"
expect_contains "$raw" "$(osc '')" "each hyperlink is closed"
expect_not_contains "$raw" "$(printf '\033]8;;javascript')" "a javascript: link is never a hyperlink"
expect_not_contains "$raw" "$(printf '\033]8;;file')" "a file: link is never a hyperlink"
expect_contains "$raw" "javascript:alert(1)" "the javascript: link is shown as text"

for mode in "off TRAIL_HYPERLINKS=0 TERM=xterm-256color" "linux TERM=linux" \
    "nocolor NO_COLOR=1 TERM=xterm-256color"; do
    set -- $mode
    name=$1
    shift
    record "$name" "$@"
    expect_not_contains "$(cat "$TUI_DIR/$name.raw")" "$(printf '\033]8;')" "$*: no hyperlink"
done
record forced TRAIL_HYPERLINKS=1 TERM=linux
expect_contains "$(cat "$TUI_DIR/forced.raw")" "$(osc 'mailto:team@example.org')" \
    "TRAIL_HYPERLINKS=1 turns them on"
finish
