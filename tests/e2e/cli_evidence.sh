#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Evidence from the shell: --attach (paths, repositories, URLs, credentials with their id:
# kept when the URL is attached again, removed by an empty id, undone), --detach,
# trail undo, each an event of the journal, and --verify on repositories this test makes with fixed commit dates: the commit
# count, the last commit's date and the README; a second verify with HEAD unchanged reads no
# history (strace: no pack or loose object is opened); a deleted directory becomes "missing"
# without losing its record. Hostile evidence (control characters in a path, a symlink loop, a
# symlink out of home, /proc, a FIFO, a remote URL with escapes) is shown sanitised and never
# hangs. Refusals leave the progress file byte for byte as it was. Two instances attaching at
# once lose nothing.
set -u
. "$(dirname "$0")/lib/assert.sh"

require_input "$FIXTURE"
require git timeout
cli_setup "$FIXTURE"
trail() { timeout 20 "$TRAIL_BIN" --state "$S" "$@"; }

# A repository with n commits, the last one dated $2; no user config is needed.
make_repo() { # dir n last-date [remote]
    git init -q "$1" || return 1
    local i
    for ((i = 1; i <= $2; i++)); do
        printf 'step %d\n' "$i" >>"$1/work.txt"
        [ "$i" = 1 ] && printf '# Lamp telemetry\n\nReads the lamp.\n' >"$1/README.md"
        git -C "$1" add -A
        GIT_AUTHOR_DATE="$3" GIT_COMMITTER_DATE="$3" git -C "$1" -c user.name=t \
            -c user.email=t@example.com commit -qm "step $i" || return 1
    done
    [ -z "${4:-}" ] || git -C "$1" remote add origin "$4"
}

make_repo "$HOME/lamp" 3 "2026-11-20T08:00:00Z" "https://user:secret@example.com/keeper/lamp.git" ||
    fail "git could not make the repository"

# ---- attach, detach, undo ------------------------------------------------------------------
out=$(cd "$HOME" && trail --attach basics/trim-wicks lamp --description "Lamp telemetry" 2>&1)
expect_status 0 $? "attach a repository by a relative path"
expect_contains "$out" "Attached to Trim the wicks" "attach says what it did"
expect_contains "$out" "~/lamp (repo)" "the path is kept with ~ and is seen as a repository"
out=$(trail --attach keeper-level-one "https://example.org/verify/123" 2>&1)
expect_status 0 $? "attach a URL to a certification"
expect_contains "$out" "(credential)" "a URL on a certification is a credential"
out=$(trail --attach basics/knots "https://example.org/knots" 2>&1)
expect_status 0 $? "attach a URL to a key action"

# A certification's credential: its id beside the URL where it is verified.
out=$(trail --attach keeper-level-one "https://example.org/verify/123" --credential K-123 2>&1)
expect_status 0 $? "set a certification's credential id"
expect_contains "$out" "(credential K-123)" "attach says the credential id"
out=$(trail --attach keeper-level-one "https://example.org/verify/123" --description "Level one")
expect_contains "$out" "(credential K-123)" "attaching the URL again keeps the id"
expect_contains "$(trail --export json)" \
    '"https://example.org/verify/123": {"kind": "credential", "description": "Level one", "credential": "K-123"' \
    "the credential id is saved with its URL"
trail --attach keeper-level-one "https://example.org/verify/123" --credential K-124 >/dev/null
expect_contains "$(trail --export json)" '"credential": "K-124"' "a new id replaces it"
out=$(trail undo 2>&1)
expect_status 0 $? "trail undo after changing the id"
expect_contains "$(trail --export json)" '"credential": "K-123"' "undo brings the old id back"
trail --attach keeper-level-one "https://example.org/verify/123" --credential "" >/dev/null
expect_not_contains "$(trail --export json)" '"credential": "K-12' "an empty id removes it"
trail undo >/dev/null
before=$(cat "$S")
out=$(trail --attach basics/knots "https://example.org/knots" --credential K-1 2>&1)
expect_status 1 $? "a credential id on a key action is refused"
expect_contains "$out" "--credential goes with a certification" "and says why"
out=$(trail --attach keeper-level-one "$HOME" --credential K-1 2>&1)
expect_status 1 $? "a credential id with a path is refused"
out=$(trail --attach keeper-level-one "https://example.org/v" --credential "$(printf 'a\nb')" 2>&1)
expect_status 1 $? "a credential id of two lines is refused"
out=$(trail --verify --credential K-1 2>&1)
expect_status 2 $? "--credential without --attach is a usage error"
[ "$(cat "$S")" = "$before" ] && pass "refused credentials leave the file as it was" ||
    fail "a refused credential changed the file"
before=$(cat "$S")
out=$(trail --attach no-such-item /tmp 2>&1)
expect_status 1 $? "attach to an unknown item"
[ "$(cat "$S")" = "$before" ] && pass "a refused attach leaves the file as it was" ||
    fail "a refused attach changed the file"
out=$(trail --attach basics/knots "" 2>&1)
expect_status 1 $? "attach an empty path"
out=$(trail --attach basics/knots x --description "$(printf 'two\nlines')" 2>&1)
expect_status 1 $? "a description of two lines is refused"
[ "$(cat "$S")" = "$before" ] && pass "refusals leave the file as it was" ||
    fail "a refusal changed the file"
out=$(trail --detach basics/knots "https://example.org/knots" 2>&1)
expect_status 0 $? "detach"
expect_contains "$out" "Removed from Tie the six knots" "detach says what it did"
out=$(trail undo 2>&1)
expect_status 0 $? "trail undo after detach"
expect_contains "$out" "its evidence is back" "undo brings the evidence back"
expect_contains "$(trail --export json)" '"https://example.org/knots": {"kind": "url"' \
    "the piece is attached again"
out=$(trail --detach basics/knots "https://example.org/nothing" 2>&1)
expect_status 1 $? "detach what is not attached"
# Each change is an event of the journal: the knots' attach, detach and undo; the
# certification's attach, three changes of its id or description, two undos and a removal.
expect_status 3 "$(grep -c ' evidence basics/knots$' "$S")" "the knots' evidence changes are events"
expect_status 7 "$(grep -c ' evidence keeper-level-one$' "$S")" \
    "the credential's changes, its id's included, are events"

# ---- verify --------------------------------------------------------------------------------
out=$(trail --verify 2>&1)
expect_status 0 $? "verify: everything holds"
expect_contains "$out" "repo, 3 commits, README, last commit 2026-11-20" \
    "verify reads the commit count, the last commit's date and the README"
expect_contains "$out" "URL (form only, not fetched)" "a URL is checked for its form only"
expect_contains "$(cat "$S")" "last-commit: 2026-11-20T08:00:00.000Z" "the check is saved"
expect_contains "$(cat "$S")" "readme: Lamp telemetry" "the README's first line is kept"
expect_contains "$(cat "$S")" "remote: https://example.com/keeper/lamp.git" "the remote is kept"
expect_not_contains "$(cat "$S")" "secret" "without the password its URL holds"
if command -v strace >/dev/null 2>&1; then
    strace -f -qq -e trace=openat -o "$tmp/trace" "$TRAIL_BIN" --state "$S" --verify >/dev/null 2>&1
    if grep -q 'objects/' "$tmp/trace"; then
        opened=$(grep -c 'objects/[0-9a-f][0-9a-f]/\|objects/pack/.*\.pack' "$tmp/trace")
        # HEAD's commit and tree and the README are read (3 loose objects), not the history.
        expect_le "$opened" 3 "a second verify with HEAD unchanged opens only HEAD's objects"
    else
        fail "strace saw no object opened at all"
    fi
else
    skip_part "strace is not installed (the history-reading check)"
fi
make_repo "$tmp/more" 0 "2026-11-21T08:00:00Z"
GIT_AUTHOR_DATE="2026-11-22T09:30:00Z" GIT_COMMITTER_DATE="2026-11-22T09:30:00Z" \
    git -C "$HOME/lamp" -c user.name=t -c user.email=t@example.com commit -q --allow-empty -m four
out=$(trail --verify 2>&1)
expect_contains "$out" "repo, 4 commits, README, last commit 2026-11-22" \
    "a new commit moves HEAD: the history is read again"
mv "$HOME/lamp" "$HOME/lamp-moved"
out=$(trail --verify 2>&1)
expect_status 1 $? "verify with a piece missing"
expect_contains "$out" "missing" "a deleted directory is missing"
expect_contains "$(cat "$S")" "description: Lamp telemetry" "the record stays"
mv "$HOME/lamp-moved" "$HOME/lamp"

# ---- hostile evidence ----------------------------------------------------------------------
esc=$(printf '\033')
mkdir -p "$HOME/bad${esc}]0;pwned$(printf '\007')dir"
ln -s loop1 "$HOME/loop2" && ln -s loop2 "$HOME/loop1"
ln -s /etc "$HOME/etc-link"
mkfifo "$HOME/fifo"
make_repo "$HOME/evil" 1 "2026-11-20T08:00:00Z" "https://example.com/${esc}[2J${esc}]0;x$(printf '\007').git"
for p in "$HOME/bad${esc}]0;pwned$(printf '\007')dir" "$HOME/loop1" "$HOME/etc-link/hostname" \
    /proc/self/status /proc/1/mem "$HOME/fifo" "$HOME/evil"; do
    trail --attach basics/radio "$p" >"$tmp/out" 2>&1
    expect_status 0 $? "attach a hostile path"
    if grep -q "$esc" "$tmp/out"; then fail "an escape reached the terminal: $(cat -v "$tmp/out")"; fi
done
out=$(trail --verify 2>&1)
rc=$?
[ "$rc" = 1 ] && pass "verify of hostile evidence ends (exit 1)" || fail "verify exit $rc"
if printf '%s' "$out" | grep -q "$esc"; then
    fail "an escape reached the terminal: $(printf '%s' "$out" | cat -v)"
else
    pass "verify shows hostile paths sanitised"
fi
expect_contains "$out" "a symlink loop" "a symlink loop is reported"
expect_contains "$out" "a symlink that leads out of the home directory" "a symlink out of home"
expect_contains "$out" "not a file or a directory" "a FIFO is reported, never opened"
expect_contains "$out" "repo, 1 commit, README" "a repository with a hostile remote is read"
out=$(trail --export portfolio 2>&1)
if printf '%s' "$out" | grep -q "$esc"; then fail "an escape reached the portfolio"; else
    pass "the portfolio holds no escape"; fi
expect_not_contains "$out" "secret" "a password in a remote URL never reaches the portfolio"
expect_contains "$out" "[Lamp telemetry](https://example.com/keeper/lamp)" \
    "the project links to its remote's web address"
expect_not_contains "$out" "$HOME" "no local path without --with-paths"

# ---- two instances at once -------------------------------------------------------------------
# Sixteen commands, two at a time, each attaching its own piece: every piece is kept.
for i in 1 2 3 4 5 6 7 8; do
    trail --attach basics/tides "https://example.org/a/$i" >/dev/null &
    trail --attach basics/tides "https://example.org/b/$i" >/dev/null &
    wait
done
kept=$(trail --export json | grep -o '"https://example.org/[ab]/[0-9]": {"kind": "url"' | wc -l)
expect_status 16 "$kept" "two instances attaching at once lose nothing"
finish
