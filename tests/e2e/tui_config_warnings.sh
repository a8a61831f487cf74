#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The config file's warnings show inside the browser at start: the first in the status line
# with how many more there are, and every one in the help overlay (?), in line order, whichever
# part of trail found them (settings, key bindings); standard error gets them in the same
# order, so they are still on the terminal after trail ends.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup config-warnings
export XDG_CONFIG_HOME="$TUI_DIR/xdg"
config="$XDG_CONFIG_HOME/trail/config"
mkdir -p "${config%/*}"
require_input "$FIXTURE_GUIDES/orchard"
err="$TUI_DIR/err"

# Key bindings are read after the settings: their warnings come on lines 2 and 4.
cat >"$config" <<'EOF2'
# trail settings for the test
key.frobnicate = x
theme = purple
key.help = C-c
colour = red
EOF2
tui_start 100 50 "TRAIL_STATE='$TUI_DIR/progress.yaml' '$TRAIL_BIN' --content '$FIXTURE_GUIDES/orchard' 2>'$err'"
tui_wait "Sections" "trail starts despite the bad lines"
tui_wait_flat "config:2:5: warning: no action 'frobnicate'" \
    "the status line shows the first warning, of line 2"
tui_wait_flat "(3 more; ? lists them)" "and says how many more the help lists"
lines=$(grep -o 'config:[0-9]*:' "$err" | tr -d '\n')
expect_contains "$lines" "config:2:config:3:config:4:config:5:" "standard error has them in line order"

tui_keys '?'
tui_wait "Warnings about the config file" "the help has the warnings"
help=$(tui_screen)
lines=$(printf '%s\n' "$help" | grep -o 'config:[0-9]*:' | tr -d '\n')
expect_contains "$lines" "config:2:config:3:config:4:config:5:" "the help lists all four, in line order"
expect_contains "$help" "unknown setting" "with what is wrong"
tui_keys Escape
tui_wait_gone "Warnings about the config file" "a key closes the help"
tui_keys q
tui_wait "[exit 0]" "q quits"

# A config file without problems: nothing said.
printf 'theme = light\n' >"$config"
tui_new_server clean
tui_start 100 50 "TRAIL_STATE='$TUI_DIR/progress.yaml' '$TRAIL_BIN' --content '$FIXTURE_GUIDES/orchard' 2>'$err'"
tui_wait "Sections" "trail starts"
tui_keys '?'
tui_wait "Keys: Home" "the help is up"
expect_not_contains "$(tui_screen)" "Warnings" "no warnings section without warnings"
tui_keys Escape q
tui_wait "[exit 0]" "q quits"
finish
