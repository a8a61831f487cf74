#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# cmake --install into a scratch prefix: every file lands where GNUInstallDirs, man, bash-completion
# and zsh expect it; the installed guide (the bundled one alone: the sample is an example in
# docs/examples, not installed) is valid and listed;
# the man page renders from its installed path; the installed completions complete options,
# --export's formats, directories and the guide ids found next to the installed binary.
set -u
. "$(dirname "$0")/lib/assert.sh"

: "${TRAIL_BUILD_DIR:?}" "${TRAIL_SOURCE_DIR:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trail-install.XXXXXX")
zsock="trail-install-zsh-$$"
trap 'tmux -L "$zsock" kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
unset TRAIL_CONTENT
export TRAIL_STATE="$tmp/state/progress.yaml" HOME="$tmp/home"
mkdir -p "$tmp/state" "$HOME"

prefix="$tmp/prefix"
out=$(cmake --install "$TRAIL_BUILD_DIR" --prefix "$prefix" 2>&1)
expect_status 0 $? "cmake --install --prefix"
for f in bin/trail share/man/man1/trail.1 share/bash-completion/completions/trail \
    share/zsh/site-functions/_trail share/doc/trail/README.md \
    share/doc/trail/content-format.md share/doc/trail/progress-format.md; do
    if [ -f "$prefix/$f" ]; then pass "installed $f"; else fail "not installed: $f"; fi
done
if [ -e "$prefix/share/trail/guides/sample" ]; then fail "the sample guide is installed"; else
    pass "the sample guide is not installed"; fi
for g in ml-engineer; do
    for f in guide.yaml career-path.yaml certifications.yaml faq.yaml; do
        if [ -f "$prefix/share/trail/guides/$g/$f" ]; then pass "installed guide $g/$f"; else
            fail "not installed: share/trail/guides/$g/$f"; fi
    done
done
if [ -x "$prefix/bin/trail" ]; then pass "installed binary is executable"; else
    fail "installed binary is not executable"; fi
# A binary with libyaml and ncurses linked in installs their licences beside its documentation.
if command -v objdump >/dev/null 2>&1 && [ -f /usr/share/doc/libyaml-dev/copyright ] &&
    ! objdump -p "$prefix/bin/trail" | grep -q 'NEEDED.*libyaml'; then
    for n in libyaml ncurses; do
        if grep -q "Copyright" "$prefix/share/doc/trail/linked/$n.copyright" 2>/dev/null; then
            pass "the licence of $n, linked in, is installed"
        else fail "not installed: share/doc/trail/linked/$n.copyright"; fi
    done
fi

# The installed binary and guides.
bin="$prefix/bin/trail"
guides="$prefix/share/trail/guides"
out=$("$bin" --version)
expect_status 0 $? "installed trail --version"
expect_contains "$out" "trail " "installed trail --version names trail"
out=$("$bin" --check "$guides/ml-engineer" 2>&1)
expect_status 0 $? "installed ml-engineer guide is valid"
# The example guide for authors (docs/examples/sample): 2 phases of 2 and 3 actions,
# 1 certification, 3 questions, every key of the format and no warning.
example="$TRAIL_SOURCE_DIR/docs/examples/sample"
out=$("$bin" --check "$example" 2>&1)
expect_status 0 $? "the example guide is valid"
counts="2 phases, 5 key actions, 1 certification, 3 questions"
expect_contains "$out" "valid guide 'sample': $counts" "example guide counts"
expect_not_contains "$out" "warning" "example guide has no warnings"
out=$("$bin" --content "$guides" --list)
expect_status 0 $? "--list over the installed guides"
expect_contains "$out" "ml-engineer          Machine Learning Engineer" "--list shows ml-engineer"
expect_status 1 "$(printf '%s\n' "$out" | wc -l)" "--list shows exactly one guide"
out=$("$bin" --content "$guides" --print | head -n 1)
expect_status "Machine Learning Engineer" "$out" "without GUIDE, the default guide opens"
# With the example beside it, there are two guides; the example opens by its id.
cp -r "$example" "$guides/sample"
out=$("$bin" --content "$guides" --list)
expect_status 2 "$(printf '%s\n' "$out" | wc -l)" "--list shows two guides once the example is added"
out=$("$bin" --content "$guides" sample --print)
expect_contains "$out" "Sample guide: a small example of the trail format." "trail sample --print"
expect_contains "$out" "1. Read the Format (Months 1-2)" "sample phase 1"
expect_contains "$out" "2. Write a Guide (Months 3-4)" "sample phase 2"
expect_contains "$out" "> Start Writing" "sample call to action"
out=$("$bin" --content "$guides" sample --progress)
expect_status 0 $? "trail sample --progress"

# The man page, read from where it was installed.
if command -v man >/dev/null 2>&1; then
    out=$(MANWIDTH=80 man -l "$prefix/share/man/man1/trail.1" 2>"$tmp/man.err" | col -b)
    expect_contains "$out" "trail — browse a career guide" "man -l renders NAME"
    for s in SYNOPSIS DESCRIPTION KEYS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES; do
        expect_contains "$out" $'\n'"$s"$'\n' "man page has section $s"
    done
    expect_status "" "$(cat "$tmp/man.err")" "man -l prints no diagnostics"
else
    skip_part "man is missing: the man page's rendering"
fi
if command -v lexgrog >/dev/null 2>&1; then
    out=$(lexgrog "$prefix/share/man/man1/trail.1" 2>&1)
    expect_status 0 $? "lexgrog parses the NAME section"
    expect_contains "$out" '"trail - browse a career guide' "lexgrog whatis line"
fi

# bash completion, as installed. The ids come from the guides next to the installed binary.
expect_same() { # expected actual what
    if [ "$1" = "$2" ]; then pass "$3"; else fail "$3: got [$2], expected [$1]"; fi
}
bash_complete() { # words...: prints the completions, one per line
    env -u TRAIL_CONTENT PATH="$prefix/bin:/usr/bin:/bin" bash -c '
        . "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
        _trail; printf "%s\n" "${COMPREPLY[@]}"' _ \
        "$prefix/share/bash-completion/completions/trail" "$@" 2>/dev/null | sort
}
mkdir -p "$tmp/dirs/guides-a" "$tmp/dirs/guides-b"
cp -r "$guides/sample" "$tmp/dirs/guides-a/my-guide"
# The first operand is a guide id or a command word (done, todo, doing, skip, note).
words=$'doing\ndone\nmerge-file\nnote\nskip\ntodo\nundo'
expect_same "$(printf 'ml-engineer\nsample\n%s' "$words" | sort)" "$(bash_complete trail '')" \
    "bash: guide ids and command words"
expect_same "$(printf 'sample\nskip')" "$(bash_complete trail s)" "bash: guide id prefix"
expect_same "$(printf 'ics\njson\njsonresume\nmarkdown\nportfolio')" "$(bash_complete trail --export '')" "bash: --export"
expect_same "$(printf -- '--no-mouse\n--note')" "$(bash_complete trail --no)" "bash: option prefix"
expect_same "$(printf -- '--print\n--progress')" "$(bash_complete trail --pr)" "bash: options"
expect_same "my-guide" "$(bash_complete trail --content "$tmp/dirs/guides-a" my)" \
    "bash: ids of the --content directory"
expect_same "my-guide" "$(bash_complete trail --content = "$tmp/dirs/guides-a" my)" \
    "bash: ids of --content=DIR"
expect_same "my-guide" "$(TRAIL_CONTENT=$tmp/dirs/guides-a bash -c '
        . "$1"; COMP_WORDS=(trail "my"); COMP_CWORD=1; _trail; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$prefix/share/bash-completion/completions/trail")" "bash: ids of TRAIL_CONTENT"
expect_same "$(printf '%s\n' "$tmp/dirs/guides-a" "$tmp/dirs/guides-b")" \
    "$(bash_complete trail --content "$tmp/dirs/guides-")" "bash: --content completes directories"
expect_same "$(printf '%s\n' "$tmp/dirs/guides-a" "$tmp/dirs/guides-b")" \
    "$(bash_complete trail --check "$tmp/dirs/guides-")" "bash: --check completes directories"
expect_same "" "$(bash_complete trail --search '')" "bash: nothing after --search"

# zsh completion, as installed, in a real interactive zsh (tmux drives it; polling, no sleeps).
zsh_screen_has() { tmux -L "$zsock" capture-pane -p | grep -qF -- "$1"; }
zsh_wait() { # text what
    local deadline=$((SECONDS + 10))
    until zsh_screen_has "$1"; do
        if [ $SECONDS -ge $deadline ]; then
            fail "$2: timed out; the screen was:"$'\n'"$(tmux -L "$zsock" capture-pane -p)"
            return 1
        fi
        sleep 0.05
    done
    pass "$2"
}
if command -v zsh >/dev/null 2>&1 && command -v tmux >/dev/null 2>&1; then
    zdir="$tmp/zdot"
    mkdir -p "$zdir"
    printf '%s\n' "fpath=('$prefix/share/zsh/site-functions' \$fpath)" \
        "autoload -U compinit && compinit -u -d '$zdir/.zcompdump'" "PS1='ready%% '" \
        >"$zdir/.zshrc"
    tmux -L "$zsock" -f /dev/null new-session -d -x 100 -y 30 \
        "env -i HOME='$zdir' ZDOTDIR='$zdir' TERM=xterm PATH='$prefix/bin:/usr/bin:/bin' zsh -i"
    zsh_wait "ready%" "zsh started"
    tmux -L "$zsock" send-keys 'trail --export ' Tab
    zsh_wait "markdown" "zsh: --export offers markdown"
    zsh_wait "json" "zsh: --export offers json"
    tmux -L "$zsock" send-keys C-u 'trail ' Tab
    zsh_wait "ml-engineer" "zsh: guide id ml-engineer from the installed guides"
    zsh_wait "sample" "zsh: guide id sample from the installed guides"
    tmux -L "$zsock" send-keys C-u 'trail --pr' Tab
    zsh_wait "--progress  -- print progress per phase and overall" "zsh: options with descriptions"
    tmux -L "$zsock" send-keys C-u "trail --content=$tmp/dirs/guides-a my" Tab
    zsh_wait "guides-a my-guide" "zsh: ids of the --content directory"
    tmux -L "$zsock" send-keys C-u "trail --content=$FIXTURE done basics/ti" Tab
    zsh_wait "done basics/tides" "zsh: item ids after a command word"
    tmux -L "$zsock" send-keys C-u "trail --content=$FIXTURE --mark skip storms/fog" Tab
    zsh_wait "skip storms/foghorn" "zsh: item ids after --mark STATE"
else
    skip_part "zsh or tmux is missing: the zsh completion"
fi

# make install PREFIX=DIR installs into DIR (dry run: the real one would rebuild in build/).
out=$(make -n -C "$TRAIL_SOURCE_DIR" install PREFIX=/opt/trail-test 2>&1)
expect_contains "$out" "-DCMAKE_INSTALL_PREFIX=/opt/trail-test" "make install configures PREFIX"
expect_contains "$out" "cmake --install build --prefix /opt/trail-test" "make install PREFIX="

finish
