# SPDX-License-Identifier: MIT
# The configuration file ($XDG_CONFIG_HOME/trail/config) at 80x24, with TRAIL_CONTENT naming the
# two fixture guides: `guide = orchard` opens orchard without the picker (a GUIDE argument
# wins over it; an unknown id warns and shows the picker); `key.quit = Q` replaces quit's keys
# (q no longer quits, Q does, the footer and the help show Q); a rebound section key moves in
# the help too; bad lines are located warnings printed before the screen starts, and trail
# still starts; `theme = light` draws the footer dark on light (default: light on blue),
# NO_COLOR still wins and `theme = monochrome` draws no colours.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup config
export XDG_CONFIG_HOME="$TUI_DIR/xdg"
config="$XDG_CONFIG_HOME/trail/config"
mkdir -p "${config%/*}"
require_input "$FIXTURE_GUIDES/lighthouse" "$FIXTURE_GUIDES/orchard"
run="TRAIL_STATE='$TUI_DIR/progress.yaml' TRAIL_CONTENT='$FIXTURE_GUIDES' '$TRAIL_BIN'"
err="$TUI_DIR/err"
esc=$'\e'

# start NAME [ARGS]: a fresh server running trail, its standard error into $err, on fresh
# progress (trail reopens where the last case left off otherwise).
start() {
    rm -rf "$TUI_DIR/progress.yaml" "${XDG_STATE_HOME:-$HOME/.local/state}/trail"
    tui_new_server "$1"
    tui_start 80 24 "$run ${2:-} 2>'$err'"
}

# footer: the last row with its escape sequences.
footer() {
    tui_screen -e | tail -n 1
}

cat >"$config" <<'EOF'
# trail settings for the test
theme = light
colour = red
guide = orchard
key.quit = Q
key.frobnicate = x
key.section-2 = F5
key.help = C-c
EOF
start settings
tui_wait "1  Overview" "trail starts despite the bad lines"
expect_contains "$(tui_header)" "Orchard" "guide = orchard opens orchard without the picker"
tui_wait_flat "(2 more; ? lists them)" "the status line says the warnings at start"
tui_keys j # the status line gives way to the key hints
tui_wait "Q Quit" "the footer shows the rebound quit key"
expect_not_contains "$(tui_screen | tail -n 1)" "q Quit" "and not the old one"
warnings=$(cat "$err")
expect_contains "$warnings" "$config:3:1: warning: unknown setting 'colour'" \
    "an unknown setting is a located warning"
expect_contains "$warnings" "$config:6:5: warning: no action 'frobnicate'" \
    "an unknown action is a located warning at the action's name"
expect_contains "$warnings" "$config:8:12: warning: 'C-c' is kept by the terminal" \
    "a key the terminal keeps is a located warning at the key"
expect_status 3 "$(grep -c warning "$err")" "one warning per bad line, none for good ones"

# q no longer quits: keys are handled in order, so the help opening after it proves trail
# was still running when q arrived.
tui_keys q '?'
tui_wait "Keys: Home" "q does not quit any more; ? opens the help"
screen=$(tui_screen)
expect_contains "$screen" "Q ^C" "the help lists Q (and Ctrl-C) for quit"
expect_contains "$screen" "1 F5 3-9" "the help lists F5 for the second section"
tui_keys x
tui_wait_gone "Keys: Home" "a key closes the help"
tui_keys 2
tui_keys F5
tui_wait "Plant the Trees" "F5 opens the second section, the career path"
if footer | grep -qF "${esc}[48;5;252m"; then
    pass "theme = light: the footer has a light (grey) background"
else
    fail "theme = light: no light grey background in the footer: $(footer | cat -v)"
fi
tui_keys Q
tui_wait "[exit 0]" "Q quits with status 0"

# The default theme: the footer on dark grey.
printf 'guide = orchard\n' >"$config"
start default
tui_wait "1  Overview" "default theme: trail is up"
if footer | grep -qF "${esc}[48;5;238m"; then
    pass "theme = default: the footer is on dark grey"
else
    fail "theme = default: no dark grey background in the footer: $(footer | cat -v)"
fi
expect_not_contains "$(footer)" "${esc}[47m" "and not on white"
tui_keys q
tui_wait "[exit 0]" "without key.quit, q quits"

# NO_COLOR wins over theme = light; theme = monochrome draws no colours either.
printf 'guide = orchard\ntheme = light\n' >"$config"
tui_new_server nocolor
tui_start 80 24 "NO_COLOR=1 $run"
tui_wait "1  Overview" "NO_COLOR: trail is up"
if tui_screen -e | grep -qE "${esc}\\[(3|4)[0-7]m"; then
    fail "NO_COLOR with theme = light still drew colours: $(footer | cat -v)"
else
    pass "NO_COLOR wins over theme = light: no colours"
fi
tui_keys q
tui_wait "[exit 0]" "NO_COLOR: q quits"
printf 'guide = orchard\ntheme = monochrome\n' >"$config"
start mono
tui_wait "1  Overview" "monochrome: trail is up"
if tui_screen -e | grep -qE "${esc}\\[(3|4)[0-7]m"; then
    fail "theme = monochrome drew colours: $(footer | cat -v)"
else
    pass "theme = monochrome: no colours"
fi
tui_keys q
tui_wait "[exit 0]" "monochrome: q quits"

# A GUIDE argument wins over guide = ...; an unknown guide warns and shows the picker.
start argument lighthouse
tui_wait "1  Overview" "GUIDE argument: trail is up"
expect_contains "$(tui_header)" "Keeper" "trail lighthouse wins over guide = orchard"
tui_keys q
tui_wait "[exit 0]" "q quits"
printf '\n  guide = nosuch\n' >"$config"
start unknown
tui_wait "Choose a guide" "guide = nosuch falls back to the picker"
expect_contains "$(cat "$err")" "$config:2:11: warning: no guide 'nosuch'" \
    "an unknown guide is a located warning"
tui_keys q
tui_wait "[exit 0]" "q quits the picker"
finish
