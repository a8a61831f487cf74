# SPDX-License-Identifier: MIT
# bash completion for trail(1).                                    -*- shell-script -*-
#
# Completes the options (those `trail --help` lists: tests/e2e/completions.sh checks it), the
# values of --export and --start, directories for --content and --check, files for --state and
# --import, and guide ids. Guide ids are the directories holding a guide.yaml in the content
# directory trail would use: the --content given on the line, else $TRAIL_CONTENT, else the
# guides installed next to the trail being completed (PREFIX/share/trail/guides). Only when
# none is found is trail itself asked (`trail --list`, first column), with a progress file that
# cannot exist, so that completing never reads or touches the learner's progress.
# After `done`, `todo`, `doing`, `skip`, `note`, `--mark STATE`, `--log DURATION` and `--note`, item ids come from
# `trail --list-ids`, which reads the guide and only reads the progress file (for the
# learner's own actions).
# Needs nothing but bash; works with or without the bash-completion package.

# _trail_item_ids PROGRAM CONTENT: the item ids of the guide trail acts on, one a line.
_trail_item_ids()
{
    local bin=${1/#\~/$HOME}
    "$bin" ${2:+--content "${2/#\~/$HOME}"} --list-ids 2>/dev/null | cut -f1
}

# _trail_ids_in DIR: prints the guide ids of DIR, one a line (DIR itself when it is a guide).
_trail_ids_in()
{
    local d
    if [[ -f $1/guide.yaml ]]; then
        d=${1%/}
        printf '%s\n' "${d##*/}"
        return
    fi
    for d in "$1"/*/; do
        [[ -f ${d}guide.yaml ]] || continue
        d=${d%/}
        printf '%s\n' "${d##*/}"
    done
}

# _trail_guide_ids PROGRAM CONTENT: the guide ids, as trail would find them.
_trail_guide_ids()
{
    local prog=$1 content=$2 bin root ids
    if [[ -n $content ]]; then
        _trail_ids_in "${content/#\~/$HOME}"
        return
    fi
    if [[ -n ${TRAIL_CONTENT-} ]]; then
        _trail_ids_in "$TRAIL_CONTENT"
        return
    fi
    if [[ $prog == */* ]]; then
        bin=${prog/#\~/$HOME}
    else
        bin=$(type -P -- "$prog" 2>/dev/null)
    fi
    for root in ${bin:+"${bin%/*}/../share/trail/guides"} /usr/local/share/trail/guides \
        /usr/share/trail/guides; do
        ids=$(_trail_ids_in "$root")
        if [[ -n $ids ]]; then
            printf '%s\n' "$ids"
            return
        fi
    done
    if [[ -n $bin && -x $bin ]]; then
        "$bin" --list --state /dev/null/none 2>/dev/null | while read -r root _; do
            printf '%s\n' "$root"
        done
    fi
}

# Completes one of the words in $1.
_trail_words()
{
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

# Completes file (-f) or directory (-d) names.
_trail_paths()
{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen "$1" -- "$2")
}

_trail()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local opts="--content --check --print --search --list --progress --left --start --import
        --over-reset --export --reset --yes --restore --state --width --no-mouse --mark --note --attach --detach --description --credential --verify --with-notes --with-paths --merge
        --log --agenda --list-ids --status --format --color --json --help --version -h -V"
    local i word content="" check="" operands=() command=""

    # --opt=value: bash splits it at '=' into "--opt" "=" "value".
    local eq=""
    if [[ $cur == = ]]; then
        cur=""
        eq=1
    elif [[ $prev == = ]] && ((COMP_CWORD >= 2)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
        eq=1
    fi

    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == --content ]]; then
            content=${COMP_WORDS[i + 1]}
            [[ $content == = ]] && content=${COMP_WORDS[i + 2]}
        elif [[ $word == --check ]]; then
            check=1
        elif [[ $word == --mark || $word == --note || $word == --attach || $word == --detach || $word == --log ]]; then
            command=$word
            ((i++))
        elif [[ $word != -* && $word != = && ${COMP_WORDS[i - 1]} != @(--content|--state|--export|--search|--width|--start|--import|--description|--credential|--merge|=) ]]; then
            operands+=("$word")
        fi
    done

    case $prev in
    --content)
        _trail_paths -d "$cur"
        return
        ;;
    --state | --import | --merge)
        _trail_paths -f "$cur"
        return
        ;;
    --export)
        _trail_words "markdown json portfolio jsonresume ics" "$cur"
        return
        ;;
    --start)
        _trail_words "none $(date +%Y-%m-%d)" "$cur"
        return
        ;;
    --restore)
        # Its BACKUP is optional, so only --restore=BACKUP gives one; else a guide id follows.
        if [[ -n $eq ]]; then
            _trail_paths -f "$cur"
            return
        fi
        ;;
    --mark)
        _trail_words "todo doing done skip" "$cur"
        return
        ;;
    --log)
        _trail_words "15m 30m 45m 1h 2h" "$cur"
        return
        ;;
    --note | --attach | --detach)
        _trail_words "$(_trail_item_ids "${COMP_WORDS[0]}" "$content")" "$cur"
        return
        ;;
    --search | --width | --format | --description | --credential)
        return
        ;;
    esac

    # The operand after a command word (or after --mark STATE) is an item.
    if [[ $cur != -* ]] && { [[ $command == @(--mark|--log) && ${#operands[@]} -eq 0 ]] ||
        [[ ${#operands[@]} -eq 1 && ${operands[0]} == @(done|todo|doing|skip|note) ]]; }; then
        _trail_words "$(_trail_item_ids "${COMP_WORDS[0]}" "$content")" "$cur"
        return
    fi

    # The operand after --attach/--detach ITEM is a path (or a URL).
    if [[ $cur != -* && $command == --@(attach|detach) && ${#operands[@]} -eq 0 ]]; then
        _trail_paths -f "$cur"
        return
    fi

    if [[ $cur == -* ]]; then
        _trail_words "$opts" "$cur"
    elif [[ -n $check ]]; then
        _trail_paths -d "$cur"
    else
        local ids
        ids=$(_trail_guide_ids "${COMP_WORDS[0]}" "$content")
        if [[ ${#operands[@]} -eq 0 && -z $command ]]; then
            ids+=$'\n'"done todo doing skip note undo merge-file"
        fi
        _trail_words "$ids" "$cur"
    fi
}

complete -F _trail trail
