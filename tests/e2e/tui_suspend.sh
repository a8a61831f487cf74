# Suspend and resume with job control: trail runs from an interactive shell in the pane;
# Ctrl-Z stops it and gives the shell back its own screen and terminal modes, fg brings the
# browser back whole, with its keys working (the Down arrow needs the keypad mode restored),
# and after q the terminal modes are the ones the shell had before trail started.
set -u
here=$(dirname "$0")
. "$here/lib/assert.sh"
. "$here/lib/tmux.sh"
command -v bash >/dev/null 2>&1 || { echo "bash not found"; exit 77; }
tui_setup suspend
export HOME="$TUI_DIR"
guide="$TRAIL_SOURCE_DIR/content/ml-engineer"

tui_start 80 24 "bash --norc --noprofile -i"
tui_keys "PS1='PROMPT\$ '" Enter
tui_wait "PROMPT$" "the shell is up"
tui_keys "stty -g >'$TUI_DIR/before'; '$TRAIL_BIN' --content '$guide'; stty -g >'$TUI_DIR/after'" \
    Enter
tui_wait "q Quit" "trail shows Home"
expect_contains "$(tui_header)" "1/4" "the first section is selected"

tui_keys C-z
tui_wait "Stopped" "Ctrl-Z stops trail"
tui_wait_gone "q Quit" "the shell's screen is back"
tui_keys "stty -g >'$TUI_DIR/stopped'" Enter
tui_wait_file "$TUI_DIR/stopped"
expect_status "$(cat "$TUI_DIR/before")" "$(cat "$TUI_DIR/stopped")" \
    "while trail is stopped the shell has its own terminal modes"

tui_keys fg Enter
tui_wait "q Quit" "fg brings trail back"
expect_contains "$(tui_screen)" "Machine Learning Engineer" "Home is drawn whole again"
tui_keys Down
tui_wait "2/4" "the Down arrow moves the selection after the resume"
tui_keys q
tui_wait_file "$TUI_DIR/after"
expect_status "$(cat "$TUI_DIR/before")" "$(cat "$TUI_DIR/after")" \
    "after q the terminal modes are the shell's"
tui_keys exit Enter
tui_wait "[exit 0]" "the shell exits"
finish
