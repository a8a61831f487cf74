# SPDX-License-Identifier: MIT
# The help overlay lists the keys of the current screen (from the key table, like the footer);
# any key closes it, q and Esc included, without acting on the screen below.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup help
require_input "$FIXTURE"
tui_start 80 24 "'$TRAIL_BIN' --content '$FIXTURE'"
tui_wait "1  Overview" "home is up"

tui_keys '?'
tui_wait "Keys: Home" "? opens the help for Home"
screen=$(tui_screen)
expect_contains "$screen" "Open the selected item" "help lists Enter on a list screen"
expect_contains "$screen" "Jump to a section" "help lists 1-9"
expect_not_contains "$screen" "Go back to where" "Home has no Back key to list"
footer=$(printf '%s\n' "$screen" | tail -n 1)
expect_not_contains "$footer" "Open" "the footer does not offer Home's keys under the help"
expect_not_contains "$footer" "Search" "nor its search key"
tui_keys q
tui_wait_gone "Keys: Home" "q closes the help"
tui_wait "1  Overview" "and only the help: Home is still there"

tui_keys 2 Enter '?'
tui_wait "Keys: Phase checklist" "help follows the screen"
expect_contains "$(tui_screen)" "Go back to where" "a sub-screen lists Back"
expect_not_contains "$(tui_screen)" "Open the selected item" "the checklist has no Open key"
tui_keys Escape
tui_wait_gone "Keys: Phase" "Esc closes the help"
expect_contains "$(tui_header)" "Lamp & Tower Basics" "Esc in the help did not go back"
tui_keys F1
tui_wait "Keys: Phase checklist" "F1 opens the help too"
tui_keys x
tui_wait_gone "Keys: Phase" "a key that does not scroll closes the help"
expect_contains "$(tui_header)" "1/5" "the key that closed the help did not move the selection"
expect_contains "$(tui_screen)" "[ ] Trim the wicks" "nor tick the action"

tui_keys q
tui_wait "[exit 0]" "q outside the help quits"

# help_text: the open overlay scrolled from top to bottom with j, one row at a time, its rows
# between the borders flattened into one line.
help_text() {
    local text pos end total i
    text=$(tui_screen | sed -n '/┌/,/└/p' | sed '1d;$d')
    for ((i = 0; i < 60; i++)); do
        pos=$(tui_screen | grep -o '[0-9]*-[0-9]* of [0-9]*' || true)
        [ -n "$pos" ] || break
        end=${pos#*-} end=${end%% *} total=${pos##* }
        [ "$end" -lt "$total" ] || break
        tui_keys j
        tui_wait_gone "$pos" "j scrolls" >/dev/null || break
        text+=$'\n'$(tui_screen | sed -n '/└/{x;p};h' | head -n 1)
    done
    printf '%s\n' "$text" | sed 's/[│┌┐└┘]//g' | tr -s ' \n' '  '
}

for size in 60x14 40x10; do
    tui_new_server "help-$size"
    rm -rf "$TUI_DIR/.local"
    tui_start "${size%x*}" "${size#*x}" "'$TRAIL_BIN' --content '$FIXTURE'"
    tui_wait "1  Overview" "$size: home is up"
    tui_keys '?'
    tui_wait "Keys: Home" "$size: the help opens"
    tui_wait " of " "$size: the help says it scrolls"
    flat=$(help_text)
    missing=0
    while IFS=$'\t' read -r names action screens help; do
        case ",$screens," in *,home,* | ",*,") ;; *) continue ;; esac
        case "$flat" in *"$help"*) ;; *) fail "$size: '$help' is cut or missing" && missing=1 ;; esac
    done < <("$TRAIL_BIN" --list-keys)
    [ $missing = 0 ] && pass "$size: every key of Home is listed with its whole description"
    case "$flat" in *"q Q ^C Quit trail"*) pass "$size: the default keys are listed (Q)" ;;
    *) fail "$size: no 'q Q ^C': $flat" ;; esac
    tui_keys Escape
    tui_wait_gone "Keys: Home" "$size: Esc closes the help"
    tui_keys q
    tui_wait "[exit 0]" "$size: quit"
done
finish
