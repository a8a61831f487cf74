#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The shell completions (completions/trail.bash, completions/_trail) against the one option
# table, `trail --help`: every option it lists is completed by both shells (a missing one
# fails), and each option's value is completed by its kind: FILE -> files, DIR -> directories,
# FORMAT -> the export formats, DATE -> none and today, STATE -> the four states, DURATION -> a
# few durations, ITEM -> item ids, QUERY, N, FMT and TEXT -> nothing; never guide ids.
# bash runs the completion function with COMP_WORDS/COMP_CWORD; zsh runs as `zsh -f` with
# compinit in tmux, and the test reads the listed matches and the edited command line.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"

: "${TRAIL_BIN:?}" "${TRAIL_SOURCE_DIR:?}"
tui_setup completions
tmp=$TUI_DIR
export HOME="$tmp/home" TRAIL_STATE="$tmp/state/progress.yaml"
mkdir -p "$HOME" "$tmp/state"
bash_file="$TRAIL_SOURCE_DIR/completions/trail.bash"
zsh_dir="$TRAIL_SOURCE_DIR/completions"

# The option table: "--name ARG" per option (ARG empty when it takes none; "[DIR]" optional;
# a value that only "--name=VALUE" gives, as "--restore[=BACKUP]", appears as "BACKUP").
help=$("$TRAIL_BIN" --help)
# (An option's line starts in column 3 or 7; deeper ones continue a description.)
table=$(printf '%s\n' "$help" | grep -E '^(  -[A-Za-z], |      )--[a-z]' |
    sed -E 's/^ +(-[A-Za-z], )?(--[a-z-]+)(\[=([A-Z]+)\]| ([][A-Z]+))?.*/\2 \4\5/')
opts=$(printf '%s\n' "$table" | cut -d' ' -f1)
short=$(printf '%s\n' "$help" | grep -oE '^ +-[A-Za-z],' | tr -d ' ,')
expect_ge "$(printf '%s\n' "$opts" | wc -l)" 15 "trail --help lists the options"

# A scratch directory to complete in: one file, one directory.
work="$tmp/work"
mkdir -p "$work/guides-dir"
: >"$work/export.json"
guides="${TRAIL_TEST_DATA:-$TRAIL_SOURCE_DIR/tests/data}/guides"

# --- bash -------------------------------------------------------------------------------
bash_complete() { # words...: the completions, one a line, sorted
    (cd "$work" && TRAIL_CONTENT=$guides bash -c '
        . "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
        _trail; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_file" "$@" 2>/dev/null | awk NF | sort)
}
if command -v bash >/dev/null 2>&1; then
    all=$(bash_complete "$TRAIL_BIN" -)
    missing=""
    for o in $opts $short; do
        printf '%s\n' "$all" | grep -qxF -- "$o" || missing="$missing $o"
    done
    expect_status "" "$missing" "bash completes every option of --help (missing:$missing)"
    ids=$(bash_complete "$TRAIL_BIN" '')
    expect_contains "$ids" "lighthouse" "bash: a guide id as the operand"
    today=$(date +%Y-%m-%d)
    while read -r opt arg; do
        [ -n "$arg" ] || continue
        if printf '%s\n' "$help" | grep -qF -- "$opt[=$arg]"; then
            got=$(bash_complete "$TRAIL_BIN" "$opt" = '' | tr '\n' ' ')
        else
            got=$(bash_complete "$TRAIL_BIN" "$opt" '' | tr '\n' ' ')
        fi
        case $arg in
        FILE | BACKUP) want="export.json guides-dir " ;;
        DIR | '[DIR]') want="guides-dir " ;;
        FORMAT) want="ics json jsonresume markdown portfolio " ;;
        DATE) want="$today none " ;;
        QUERY | N | FMT | TEXT | ID) want="" ;;
        STATE) want="doing done skip todo " ;;
        DURATION) want="15m 1h 2h 30m 45m " ;;
        ITEM) want="$got" ;; # the guide's item ids, whatever they are: never guide ids (below)
        *) want="?" ;;
        esac
        expect_status "$want" "$got" "bash: $opt $arg completes its value"
        expect_not_contains "$got" "lighthouse" "bash: $opt offers no guide id"
    done <<<"$table"
    expect_status "export.json" "$(bash_complete "$TRAIL_BIN" --import = ex)" \
        "bash: --import=FILE completes the file"
else
    echo "note: bash not found"
fi

# --- zsh --------------------------------------------------------------------------------
if ! command -v zsh >/dev/null 2>&1; then
    echo "note: zsh not installed; zsh completion not checked (scripts/deps.sh test installs it)"
    finish
    exit $?
fi
zrc="$tmp/zshrc"
cat >"$zrc" <<ZRC
fpath=('$zsh_dir' \$fpath)
autoload -U compinit && compinit -u -D
zstyle ':completion:*' list-separator '--'
LISTMAX=0
PS1='ready%% '
cd '$work'
ZRC
tmx new-session -d -x 200 -y 60 "env -i HOME='$HOME' TERM=xterm PATH='${TRAIL_BIN%/*}:/usr/bin:/bin' \
    TRAIL_CONTENT='$guides' TRAIL_STATE='$TRAIL_STATE' zsh -f -i"
tui_keys ". '$zrc'" Enter
tui_wait "ready%" "compinit loaded"
prompt_line() { tui_screen | grep '^ready%' | tail -n 1; }

# Every option, as the list zsh shows for `trail -<Tab>`.
tui_keys 'trail -' Tab
tui_wait "no-mouse" "zsh lists the options"
screen=$(tui_screen)
missing=""
for o in $opts $short; do
    printf '%s\n' "$screen" | grep -qE -- "(^| )$o( |$)" || missing="$missing $o"
done
expect_status "" "$missing" "zsh completes every option of --help (missing:$missing)"

# zsh_tab LINE WANT WHAT: a fresh prompt, LINE typed and Tab; WANT must show.
zsh_tab() {
    tui_keys C-u C-l "$1" Tab
    tui_wait "$2" "zsh: $3"
}

# Values: a file after --import (and no stray '-'), the formats, the dates, directories.
zsh_tab 'trail --import ' "export.json" "--import offers files"
expect_not_contains "$(prompt_line)" "--import -" "zsh: no stray '-' after --import"
zsh_tab 'trail --import e' "trail --import export.json" "--import completes the file"
zsh_tab 'trail --import=ex' "trail --import=export.json" "--import=FILE completes the file"
zsh_tab 'trail --state ' "export.json" "--state offers files"
zsh_tab 'trail --export ' "markdown" "--export offers markdown"
zsh_tab 'trail --start ' "none" "--start offers none"
expect_not_contains "$(tui_screen)" "lighthouse" "zsh: --start offers no guide id"
zsh_tab 'trail --content ' "trail --content guides-dir/" "--content completes the directory"
zsh_tab 'trail --check=' "trail --check=guides-dir/" "--check=DIR completes the directory"
zsh_tab 'trail ' "lighthouse" "a guide id as the operand"

finish
