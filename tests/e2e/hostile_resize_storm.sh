# SPDX-License-Identifier: MIT
# TUI-2: a storm of 400 resizes to random sizes (1x1 and other tiny ones included) while
# navigation keys arrive, in a few seconds, then 80 more while the search prompt is edited.
# Afterwards trail is alive and answers keys, has written no sanitizer report, and once back on
# Home at a settled size its screen equals that of a fresh start at the same size; then it
# idles (its CPU time barely grows over a second) and q still exits 0 with the terminal
# restored. Last, with strace slowing trail's writes, a resize that arrives during a paint is
# seen without another key.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
. "$here/lib/hostile.sh"
require_input "$FIXTURE"
tui_setup storm
guide="$FIXTURE"
RANDOM=${STORM_SEED:-7} # the same storm every run; STORM_SEED=N tries another
echo "storm seed ${STORM_SEED:-7}"

host_start storm 80 24 --content "$guide" --state "$TUI_DIR/storm.yaml"
tui_wait "1  Overview" "trail is up at 80x24"
pid=$(host_pid storm)

# Keys that only navigate (no progress change, no prompt, never q).
keys=(j k l h Tab BTab 1 2 3 4 g G NPage PPage Down Up Enter Left '?' ']')
tiny=("1 1" "2 1" "1 2" "3 3" "10 3" "20 5" "39 9" "40 10")
resizes=0
for ((batch = 0; batch < 50; batch++)); do
    cmd=()
    for ((i = 0; i < 8; i++)); do
        if ((RANDOM % 3 == 0)); then
            read -r w h <<<"${tiny[RANDOM % ${#tiny[@]}]}"
        else
            w=$((1 + RANDOM % 200)) h=$((1 + RANDOM % 60))
        fi
        cmd+=(resize-window -x "$w" -y "$h" ';' send-keys "${keys[RANDOM % ${#keys[@]}]}" ';')
        resizes=$((resizes + 1))
    done
    tmx "${cmd[@]}"
    # Every other batch arrives on its own, so trail sees resizes one by one as well as bursts.
    ((batch % 2 == 0)) && tmx resize-window -x 1 -y 1 && resizes=$((resizes + 1))
done
# A second, shorter storm with the search prompt open, typing into it and editing it.
tmx resize-window -x 80 -y 24
tui_wait "q Quit" "a full screen is drawn at 80x24 between the storms"
tui_keys /
pkeys=(e n g i n e e r BSpace Left Right Home End C-u m l)
for ((batch = 0; batch < 10; batch++)); do
    cmd=()
    for ((i = 0; i < 8; i++)); do
        w=$((1 + RANDOM % 120)) h=$((1 + RANDOM % 40))
        cmd+=(resize-window -x "$w" -y "$h" ';' send-keys "${pkeys[RANDOM % ${#pkeys[@]}]}" ';')
        resizes=$((resizes + 1))
    done
    tmx "${cmd[@]}"
done
tmx resize-window -x 80 -y 24
host_wait_last '^ /' "the prompt is drawn at 80x24 after its storm"
tui_keys Escape Escape
echo "sent $resizes resizes"
if kill -0 "$pid" 2>/dev/null; then pass "trail is alive after the storm"; else
    fail "trail died in the storm: $(cat "$TUI_DIR/storm.err")"; fi

# Settle at 73x21 and go back to Home's first entry (h pops a screen, and closes help). Keys
# that arrive while trail still thinks the terminal is too small are ignored, so the keys wait
# until a screen with the key hints at the foot is drawn at the new size (or, when the second
# Escape above reached Home, the message that says Esc does nothing there, in their place).
tmx resize-window -x 73 -y 21
host_wait_last 'q Quit|q quits' "a full screen is drawn at 73x21"
tui_keys h h h h h h h h h h g j
tui_wait "Sections" "Home is shown again at 73x21"
tui_wait "2/5" "Home's first section is selected (below Next), as at a fresh start"

# A fresh trail at 73x21 in a second server, for comparison.
host_start fresh 73 21 --content "$guide" --state "$TUI_DIR/fresh.yaml"
tui_wait "2/5" "a fresh start at 73x21 is up, its first section selected"
# Home's first frame shows placeholders until the career path is loaded right after it.
tui_wait "Current phase" "the fresh start has loaded the career path"
# The sections' counts come with the rest of the guide, loaded in the background: until then
# they read "…".
deadline=$((SECONDS + TUI_TIMEOUT))
while tui_screen | grep -q ' · …' && [ $SECONDS -lt $deadline ]; do
    sleep 0.05
done
tui_screen | grep -q ' · …' && fail "the fresh start never loaded the rest of the guide" ||
    pass "the fresh start has loaded the rest of the guide (every section counted)"
fresh=$(tui_screen)
fresh_pid=$(host_pid fresh)
tui_keys q
host_finished fresh >/dev/null
[ "$fresh_pid" != "$pid" ] || fail "the fresh start is not another process"

host_use storm
deadline=$((SECONDS + TUI_TIMEOUT))
until [ "$(tui_screen)" = "$fresh" ] || [ $SECONDS -ge $deadline ]; do
    sleep 0.05
done
if [ "$(tui_screen)" = "$fresh" ]; then
    pass "after the storm the screen equals a fresh start at 73x21"
else
    fail "the screen after the storm differs from a fresh start:"$'\n'"$(diff \
        <(printf '%s\n' "$fresh") <(tui_screen))"
fi

# Idle: with no input, trail uses (almost) no CPU.
host_idle "$pid" "idle after the storm"

tui_keys j
tui_wait "3/5" "trail still answers keys"
tui_keys q
host_finished storm
expect_status 0 "$(cat "$TUI_DIR/storm.rc" 2>/dev/null)" "q exits 0 after the storm"
host_no_sanitizer_report storm
expect_status 0 "$(wc -c <"$TUI_DIR/storm.err")" "nothing on stderr"

# ---- A resize that arrives while trail paints is not lost. strace holds every write trail
# makes for 150 ms (a window that a poll on a loaded machine does not miss), so the resize can
# be sent while the paint after a key is being written (trail is then stopped by the tracer:
# state "t"). Trail must lay out again for the new size without waiting for another key.
if ! have_strace; then
    skip_part "strace is missing or not permitted (resize during a paint)"
    finish
    exit
fi
state_of() { # PID: the process state letter (S sleeping, t stopped by the tracer, ...)
    local stat
    read -r stat <"/proc/$1/stat" 2>/dev/null || return 1
    stat=${stat##*) }
    echo "${stat%% *}"
}
wait_state() { # PID LETTER WHAT: judged on the one reading that ended the wait, since a
    # traced process passes through other states between two held writes
    local deadline=$((SECONDS + TUI_TIMEOUT)) seen
    seen=$(state_of "$1")
    until [ "$seen" = "$2" ] || [ $SECONDS -ge $deadline ]; do
        sleep 0.01
        seen=$(state_of "$1")
    done
    [ "$seen" = "$2" ] && pass "$3" || fail "$3: state $seen"
}
# LeakSanitizer cannot run under ptrace.
HOST_WRAP="env ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 strace -f -qq -o /dev/null \
    -e trace=write -e inject=write:delay_exit=150000"
host_start paint 80 24 --content "$guide" --state "$TUI_DIR/paint.yaml"
HOST_WRAP=
tui_wait "2/5" "paint: Home is up (slowly), its progress loaded"
pid=$(host_pid paint)
wait_state "$pid" S "paint: trail waits for input"
tui_keys j
wait_state "$pid" t "paint: trail is writing the paint after j"
tmx resize-window -x 60 -y 20
deadline=$((SECONDS + TUI_TIMEOUT))
until tui_header | grep -qE '^ Keeper +3/5$' && [ "$(tui_header | wc -L)" -le 60 ] &&
    [ "$(tui_header | wc -L)" -ge 58 ] || [ $SECONDS -ge $deadline ]; do
    sleep 0.05
done
if tui_header | grep -qE '^ Keeper +3/5$' && [ "$(tui_header | wc -L)" -ge 58 ]; then
    pass "paint: the resize during the paint was seen: laid out for 60 columns"
else
    fail "paint: the resize during the paint was lost:"$'\n'"$(tui_screen)"
fi
tui_keys q
host_finished paint >/dev/null
expect_status 0 "$(cat "$TUI_DIR/paint.rc")" "paint: q exits 0"
finish
