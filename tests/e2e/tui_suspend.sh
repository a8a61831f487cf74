# SPDX-License-Identifier: MIT
# Suspend and resume with job control: trail runs from an interactive shell in the pane;
# Ctrl-Z stops it and gives the shell back its own screen and terminal modes, fg brings the
# browser back whole, with its keys working (the Down arrow needs the keypad mode restored),
# and after q the terminal modes are the ones the shell had before trail started. Then the
# whole job is stopped from inside the note editor (as Ctrl-Z in vim does): after fg and the
# editor's end, trail is back on its own (alternate) screen, not drawn over the shell's.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require bash
require_input "$FIXTURE"
tui_setup suspend
guide="$FIXTURE"

tui_start 80 24 "bash --norc --noprofile -i"
tui_keys "PS1='PROMPT\$ '" Enter
tui_wait "PROMPT$" "the shell is up"
tui_keys "stty -g >'$TUI_DIR/before'; '$TRAIL_BIN' --content '$guide'; stty -g >'$TUI_DIR/after'" \
    Enter
tui_wait "q Quit" "trail shows Home"
tui_wait "2/5" "the first section is selected (below Next)"

tui_keys C-z
tui_wait "Stopped" "Ctrl-Z stops trail"
tui_wait_gone "q Quit" "the shell's screen is back"
tui_keys "stty -g >'$TUI_DIR/stopped'" Enter
tui_wait_file "$TUI_DIR/stopped"
expect_status "$(cat "$TUI_DIR/before")" "$(cat "$TUI_DIR/stopped")" \
    "while trail is stopped the shell has its own terminal modes"

tui_keys fg Enter
tui_wait "q Quit" "fg brings trail back"
expect_contains "$(tui_screen)" "Lighthouse Keeper" "Home is drawn whole again"
tui_keys Down
tui_wait "3/5" "the Down arrow moves the selection after the resume"
tui_keys q
tui_wait_file "$TUI_DIR/after"
expect_status "$(cat "$TUI_DIR/before")" "$(cat "$TUI_DIR/after")" \
    "after q the terminal modes are the shell's"

# An editor with a screen of its own that stops the whole job, as vim does on Ctrl-Z.
ed="$TUI_DIR/stop-editor.sh"
cat >"$ed" <<'EOF'
#!/bin/sh
printf '\033[?1049h'
kill -TSTP 0
printf 'Khan Academy first.\n' >>"$1"
printf '\033[?1049l'
EOF
chmod +x "$ed"
tui_keys "clear; EDITOR='$ed' '$TRAIL_BIN' --content '$guide'" Enter
tui_wait "q Quit" "trail shows Home again"
tui_keys 2 Enter
tui_wait "Lamp & Tower Basics" "the first phase is open"
tui_keys e
tui_wait "Stopped" "the editor stopped the whole job"
tui_keys fg Enter
tui_wait "✎ Khan Academy first." "after fg and the editor, the note shows"
expect_status 1 "$(tmx display -p '#{alternate_on}')" "trail is back on its own screen"
tui_keys q
tui_wait "PROMPT$" "q goes back to the shell"
expect_status 0 "$(tmx display -p '#{alternate_on}')" "the shell has its own screen"
expect_not_contains "$(tui_screen)" "Quit" "nothing of trail is left on the shell's screen"
tui_keys exit Enter
tui_wait "[exit 0]" "the shell exits"
finish
