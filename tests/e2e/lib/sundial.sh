# SPDX-License-Identifier: MIT
# The sundial fixture guide with a dated plan for the browser tests of Today and the time log,
# after tui_setup: sets GUIDE, HOME and the XDG directories inside TUI_DIR, 5 hours a week in
# the configuration, a progress file `state` started 2026-10-20 with one action done, and
# `env`, the environment that runs trail on it on Monday 2026-12-07.
sundial_setup() {
    GUIDE="${TRAIL_TEST_DATA:?}/today/sundial"
    require_input "$GUIDE/guide.yaml"
    export HOME="$TUI_DIR" XDG_CONFIG_HOME="$TUI_DIR/config" XDG_STATE_HOME="$TUI_DIR/state"
    mkdir -p "$XDG_CONFIG_HOME/trail"
    echo "hours_per_week = 5" >"$XDG_CONFIG_HOME/trail/config"
    state="$TUI_DIR/progress.yaml"
    cat >"$state" <<'YAML'
version: 1
guides:
  sundial:
    start: 2026-10-20
    items:
      shadow/noon: done
YAML
    env="TZ=UTC TRAIL_NOW=2026-12-07T09:00:00Z TRAIL_STATE='$state'"
}
