# SPDX-License-Identifier: MIT
# Hand-written progress files load as a person meant them: every YAML example of
# docs/progress-format.md, used as the progress file of read-only commands, loads with exit 0,
# no copy set aside as damaged and the file unchanged byte for byte; the example with entries
# trail cannot understand gets a warning with file:line:col for each, and a save (a tick in
# --start) keeps those entries as written.
set -u
here=$(dirname "$0")
. "$here/lib/assert.sh"
doc="$TRAIL_SOURCE_DIR/docs/progress-format.md"
require_input "$doc"
require_input "$FIXTURE"
scratch_dir
export HOME="$tmp"

awk -v dir="$tmp" '
    /^```yaml$/ { n++; out = sprintf("%s/example-%d.yaml", dir, n); inside = 1; next }
    /^```$/ { inside = 0; next }
    inside { print > out }
' "$doc"
count=$(ls "$tmp"/example-*.yaml 2>/dev/null | wc -l)
expect_ge "$count" 3 "the page has its examples"

for f in "$tmp"/example-*.yaml; do
    name=$(basename "$f")
    cp "$f" "$tmp/orig"
    err=$("$TRAIL_BIN" --content "$FIXTURE" --state "$f" --progress 2>&1 >/dev/null)
    expect_status 0 $? "$name: --progress succeeds"
    expect_not_contains "$err" "damaged" "$name: not called damaged"
    ls "$tmp" | grep -q "corrupt" && fail "$name: a copy was set aside: $(ls "$tmp")" ||
        pass "$name: no copy is set aside"
    cmp -s "$f" "$tmp/orig" && pass "$name: the file is unchanged" || fail "$name: the file changed"
    warns=$(grep -c "# trail warns here" "$f")
    got=$(printf '%s\n' "$err" | grep -o "$name:[0-9]*:[0-9]*: warning:" | wc -l)
    expect_status "$warns" "$got" "$name: one located warning per marked line"
    while IFS=: read -r line _; do
        expect_contains "$err" "$name:$line:" "$name: the warning names line $line"
    done < <(grep -n "# trail warns here" "$f")
done

# A save keeps what was not understood, as written, and the rest as trail writes it.
f=$(grep -l "# trail warns here" "$tmp"/example-*.yaml | head -1)
"$TRAIL_BIN" --content "$FIXTURE" --state "$f" --start 2026-02-01 >/dev/null 2>&1
expect_status 0 $? "a save on the file with warnings succeeds"
expect_contains "$(cat "$f")" "state: finished" "the state trail cannot read is kept"
expect_contains "$(cat "$f")" "changed: last tuesday" "so is the time it cannot read"
expect_contains "$(cat "$f")" "foundation/git-software-engineering:
        state: done" "the understood item is written in full"
ls "$tmp" | grep -q "corrupt" && fail "a copy was set aside on save" || pass "no copy on save"

finish
