#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Evidence in the browser: v attaches a repository (made here, with a fixed commit date) to a
# key action through its two-line form, the piece shows under the action, V checks it and the
# line says "verified ...: repo, 2 commits, README"; u takes the attachment back, and a second
# v with "-" as the description removes a piece (u brings it back). "What's left" lists a done
# action whose guide expects a repository until one is attached. A browser and a shell command
# attaching at once both keep their piece. A certification's credential id is set, changed and
# undone through the form. Hostile evidence (escapes in a description, a path and a remote, a
# symlink loop, /proc) never reaches the terminal raw, and V ends.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"
require_input "$FIXTURE"
require git
tui_setup evidence
export HOME="$TUI_DIR/home"
mkdir -p "$HOME"
guide="$TUI_DIR/guide"
cp -r "$FIXTURE" "$guide"
# The fixture's first action expects a repository (a copy: the fixture itself stays as it is).
sed -i '0,/text: "Trim the wicks/s//evidence: [repo]\n        text: "Trim the wicks/' \
    "$guide/career-path.yaml"
grep -q 'evidence: \[repo\]' "$guide/career-path.yaml" || fail "the guide copy expects evidence"

git init -q "$HOME/lamp"
printf '# Lamp\n' >"$HOME/lamp/README.md"
for i in 1 2; do
    printf '%s\n' "$i" >>"$HOME/lamp/log"
    git -C "$HOME/lamp" add -A
    GIT_AUTHOR_DATE=2026-11-20T08:00:00Z GIT_COMMITTER_DATE=2026-11-20T08:00:00Z \
        git -C "$HOME/lamp" -c user.name=t -c user.email=t@example.com commit -qm "$i"
done

state="$TUI_DIR/p.yaml"
trail_cli() { LC_ALL=C.UTF-8 "$TRAIL_BIN" --content "$guide" --state "$state" "$@" 2>/dev/null; }
start() { # NAME [COLS ROWS]
    tui_new_server "$1"
    tui_start "${2:-80}" "${3:-24}" "cd '$HOME' && '$TRAIL_BIN' --content '$guide' --state '$state'"
    tui_wait "Keeper" "$1: trail is up"
}

trail_cli done basics/trim-wicks >/dev/null
expect_contains "$(trail_cli --progress --left)" "Done, evidence still expected" \
    "--progress --left lists it too"
start one
tui_keys w End
tui_wait "Done, evidence still expected" "What's left lists the done action without its repository"
tui_keys Escape 2 Enter v
tui_wait "Evidence, a path or URL:" "v opens the form"
tui_keys lamp Enter
tui_wait "Description (optional):" "then asks for a description"
tui_keys "Lamp log" Enter
tui_wait "Evidence attached to" "the status line says it is attached"
tui_wait "done · not checked yet (V checks)" "the result line shows beside the state"
tui_wait "· Lamp log · ~/lamp" "the piece shows under its action"
expect_contains "$(trail_cli --export json)" '"~/lamp": {"kind": "repo", "description": "Lamp log"' \
    "the piece is saved, its path with ~"
tui_keys V
tui_wait "1 holds, 0 do not" "V checks it"
tui_wait "done · verified $(date -u +%Y-%m-%d): repo, 2 commits, README" \
    "the line beside the state says when it was verified and what the check found"
tui_wait "✓ Lamp log · ~/lamp" "the piece is marked as holding"
tui_keys w End
tui_wait "What's left" "What's left opens"
expect_not_contains "$(tui_screen)" "evidence still expected" "the action has its repository now"
tui_keys Escape u
tui_wait "Undone: evidence is removed from" "u takes the attachment back"
tui_wait_gone "Lamp log" "the piece no longer shows"

# Attach again, then remove it with "-" and bring it back with u.
tui_keys v lamp Enter "Lamp log" Enter
tui_wait "Lamp log · ~/lamp" "attached again"
tui_keys v lamp Enter
tui_wait "Description ('-' removes it):" "naming an attached piece edits it"
tui_keys C-u - Enter
tui_wait "Evidence removed from" "'-' removes it"
tui_wait_gone "Lamp log" "the piece no longer shows"
tui_keys u
tui_wait "Lamp log" "u brings the removed piece back"
tui_keys q
tui_wait "[exit 0]" "q quits"

# Two instances attach at once: the browser's form is open while a shell command attaches
# another piece and saves; the browser's save then merges, and both pieces are kept.
rm -f "$state"
mkdir -p "$HOME/a" "$HOME/b"
start two
tui_keys 2 Enter v a Enter
tui_wait "Description (optional):" "the browser's form is open"
trail_cli --attach basics/trim-wicks "$HOME/b" --description "from b" >/dev/null
expect_contains "$(trail_cli --export json)" '"~/b": {"kind": "path"' "the shell's piece is saved"
tui_keys "from a" Enter
tui_wait "Evidence attached" "the browser attaches its own"
tui_keys q
tui_wait "[exit 0]" "the browser quits"
out=$(trail_cli --export json)
expect_contains "$out" '"~/a": {"kind": "path", "description": "from a"' "the browser's piece is kept"
expect_contains "$out" '"~/b": {"kind": "path", "description": "from b"' "the shell's piece is kept"

# A certification's credential: the form asks for its id after the URL's description; the
# id shows beside the URL and is saved; v again offers it to change; u takes a change back.
start cred
tui_keys 3 Enter
tui_wait "Coastal Light Keeper" "the certifications are open"
tui_keys v
tui_wait "Evidence, a credential's URL or a path:" "v on a certification asks for its URL"
tui_keys https://example.org/v/1 Enter Enter
tui_wait "Credential id (optional):" "then for the credential's id"
tui_keys K-1 Enter
tui_wait "(credential)" "the credential is attached"
tui_wait "credential K-1" "its id shows beside the URL"
expect_contains "$(trail_cli --export json)" '"credential": "K-1"' "the id is saved"
tui_keys v https://example.org/v/1 Enter Enter
tui_wait "Credential id (optional): K-1" "v again offers the id to change"
tui_keys C-u K-2 Enter
tui_wait "credential K-2" "the new id shows"
tui_keys u
tui_wait "credential K-1" "u brings the old id back"
expect_contains "$(trail_cli --export json)" '"credential": "K-1"' "the old id is saved again"
tui_keys q
tui_wait "[exit 0]" "q quits"

# Hostile evidence is shown sanitised: a description and a path with escapes, a symlink
# loop, a path into /proc and a repository whose remote URL holds escapes; V ends.
esc=$(printf '\033') bel=$(printf '\007')
rm -f "$state"
trail_cli --attach basics/trim-wicks "$HOME/lamp" --description "x${esc}]0;pwned${bel}y" \
    >/dev/null
mkdir -p "$HOME/bad${esc}]0;pwned${bel}dir"
ln -s loop1 "$HOME/loop2" && ln -s loop2 "$HOME/loop1"
git init -q "$HOME/evil" && printf '# Evil\n' >"$HOME/evil/README.md" &&
    git -C "$HOME/evil" add -A &&
    git -C "$HOME/evil" -c user.name=t -c user.email=t@example.com commit -qm 1 &&
    git -C "$HOME/evil" remote add origin "https://example.com/${esc}[2J${esc}]0;pwned${bel}.git" ||
    fail "git could not make the hostile repository"
for p in "$HOME/bad${esc}]0;pwned${bel}dir" "$HOME/loop1" /proc/self/status "$HOME/evil"; do
    trail_cli --attach basics/knots "$p" >/dev/null || fail "attach a hostile path"
done
start hostile 100 40
tui_keys 2 Enter
tui_wait "Trim the wicks" "the checklist shows"
tui_wait "x" "the hostile description shows"
tui_keys V
tui_wait "Checked 5 pieces of evidence: 3 hold, 2 do not." "V checks the hostile pieces and ends"
tui_wait "a symlink loop" "a symlink loop is reported"
screen=$(tui_screen)
expect_contains "$screen" "bad" "the path with escapes shows"
expect_not_contains "$(tmx display-message -p '#{pane_title}')" "pwned" \
    "no escape from a description, a path or a remote reaches the terminal (the title is unchanged)"
tui_keys q
finish
