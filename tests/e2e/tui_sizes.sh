# SPDX-License-Identifier: MIT
# A sweep of terminal sizes, from the smallest trail draws (40x10) to 200x60, with progress, a
# start date and a tracked certification: the footer always shows the way out and the way to
# help, on Home and on a phase; Home shows its title and every section of its menu at every
# size (its least is the title, "Sections" and the entries: 6 body rows, which 40x10 has);
# below 40x10 the notice says the size needed.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
tui_setup sizes
require_input "$FIXTURE" "$FIXTURE_STARTED"

progress() {
    rm -rf "$HOME/.local"
    cp "$FIXTURE_STARTED" "$HOME/.trail_progress.yaml"
}

for size in 40x10 48x12 60x14 72x20 80x24 100x30 120x40 160x50 200x60; do
    tui_new_server "$size"
    progress
    tui_start "${size%x*}" "${size#*x}" "'$TRAIL_BIN' --content '$FIXTURE'"
    tui_wait "FAQ · " "$size: Home is up with its last section"
    screen=$(tui_screen)
    expect_contains "$(printf '%s\n' "$screen" | sed -n 2p)" "Lighthouse Keeper" \
        "$size: the title is on the first body row"
    missing=""
    for entry in "1  Overview" "2  Career Path" "3  Certifications" "4  FAQ"; do
        case "$screen" in *"$entry"*) ;; *) missing+=" '$entry'" ;; esac
    done
    [ -z "$missing" ] && pass "$size: Home shows every section" ||
        fail "$size: Home lacks$missing:"$'\n'"$screen"
    tui_footer_ok "$size Home"
    tui_keys 2 Enter
    tui_wait "Lamp & Tower Basics" "$size: a phase"
    tui_footer_ok "$size phase"
    tui_keys q
    tui_wait "[exit 0]" "$size: quit"
done

# Below the least size: the notice, and q still quits.
tui_new_server small
progress
tui_start 39 9 "'$TRAIL_BIN' --content '$FIXTURE'"
tui_wait "need 40x10" "39x9: the notice says the size needed"
tui_keys q
tui_wait "[exit 0]" "39x9: q quits"
finish
