# SPDX-License-Identifier: MIT
# Shared setup for the progress store's end-to-end scripts (tests/e2e/progress_*.sh).
# Sources assert.sh; sets DRIVER (the store's test driver), WORK (a private scratch directory
# removed on exit) and helpers. Exits 77 (skipped) when the driver was not built.
. "$(dirname "${BASH_SOURCE[0]}")/assert.sh"

DRIVER="${TRAIL_BUILD_DIR:?}/tests/progress_driver"
if [ ! -x "$DRIVER" ]; then
    echo "skip: $DRIVER was not built"
    exit 77
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/trail-progress-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Fixed change times, so a save's output is the same every run.
MS_OLD=1764138612345 # 2025-11-26T06:30:12.345Z
MS_NEW=1764138699999

# same_file A B: true when both files exist and are byte-identical.
same_file() { [ -f "$1" ] && [ -f "$2" ] && cmp -s "$1" "$2"; }

# temps FILE: the number of FILE.tmp-* files left next to FILE.
temps() { local n=0 f; for f in "$1".tmp-*; do [ -e "$f" ] && n=$((n + 1)); done; echo "$n"; }

# wait_for TIMEOUT_S COMMAND...: polls COMMAND every 10 ms until it succeeds; false on timeout.
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.01
    done
}

# make_states DIR: DIR/old (a saved file) and DIR/new (the same file after the test's save of
# item a/2 at MS_NEW), both written by the driver itself.
make_states() {
    mkdir -p "$1/ref"
    "$DRIVER" set "$1/ref/p.yaml" a/1 done "$MS_OLD" 2>/dev/null
    "$DRIVER" set "$1/ref/p.yaml" 'x/needs: quoting' skipped "$MS_OLD" 2>/dev/null
    cp "$1/ref/p.yaml" "$1/old"
    "$DRIVER" set "$1/ref/p.yaml" a/2 done "$MS_NEW" 2>/dev/null
    cp "$1/ref/p.yaml" "$1/new"
    rm -rf "$1/ref"
}

# restore SRC DST: puts a copy of SRC at DST (through a rename, like the store itself).
restore() { cp "$1" "$2.restore" && mv -f "$2.restore" "$2"; }

# traced_save: skips the test (77) without a usable strace; otherwise makes the states in WORK,
# puts the old one at F ($WORK/p.yaml) and saves the new one there under strace -f, the trace
# in $WORK/trace. LeakSanitizer cannot run under ptrace, so leak checks are off from here on
# (the sanitizer build checks leaks in the other tests).
traced_save() {
    require_strace
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
    make_states "$WORK"
    F="$WORK/p.yaml"
    restore "$WORK/old" "$F"
    strace -f -qq -o "$WORK/trace" -- "$DRIVER" set "$F" a/2 done "$MS_NEW" 2>/dev/null
}
