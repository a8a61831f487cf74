# SPDX-License-Identifier: MIT
# The sundial fixture guide with a dated plan, for the tests of Today, the time log, the
# timeline and the calendar. Sources assert.sh.
. "$(dirname "${BASH_SOURCE[0]}")/assert.sh"

# sundial_started FILE: a progress file started 2026-10-20 with one action done.
sundial_started() {
    printf 'version: 1\nguides:\n  sundial:\n    start: 2026-10-20\n    items:\n      shadow/noon: done\n' >"$1"
}

# sundial_cli: for command-line tests; exports TRAIL_CONTENT (the fixture), a UTF-8 locale, UTC
# and TRAIL_NOW (Monday 2026-12-07), HOME and the XDG directories in `tmp` (removed on exit);
# `S` names a progress file there (not created) and trail() runs trail on it.
sundial_cli() {
    GUIDE="${TRAIL_TEST_DATA:?}/today/sundial"
    require_input "$GUIDE/guide.yaml"
    cli_setup "$GUIDE"
    export TRAIL_NOW=2026-12-07T09:00:00Z TZ=UTC
}

# sundial_setup: for browser tests, after tui_setup: sets GUIDE, HOME and the XDG directories
# inside TUI_DIR, 5 hours a week in the configuration, the started progress file `state`, and
# `env`, the environment that runs trail on it on Monday 2026-12-07.
sundial_setup() {
    GUIDE="${TRAIL_TEST_DATA:?}/today/sundial"
    require_input "$GUIDE/guide.yaml"
    tui_own_dirs
    mkdir -p "$XDG_CONFIG_HOME/trail"
    echo "hours_per_week = 5" >"$XDG_CONFIG_HOME/trail/config"
    sundial_started "$state"
    env="TZ=UTC TRAIL_NOW=2026-12-07T09:00:00Z TRAIL_STATE='$state'"
}
