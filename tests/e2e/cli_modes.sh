#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One command per run. Every pair of options that choose what trail does (--print, --progress,
# --export, --start, ...), and every such option with a command word (done, note, undo,
# merge-file), is a usage error that names both (exit 2), whichever comes first; so is an
# option given twice with two values and an option that only changes one command given without
# it. --list GUIDE is documented: it marks GUIDE. Nothing is written by a refused command.
set -u
. "$(dirname "$0")/lib/fixture.sh"
fixture_setup modes orchard
export TRAIL_STATE="$WORK/progress.yaml"
bin=$TRAIL_BIN
printf '{}\n' >"$WORK/import.json"

# refused WHAT ARG...: trail ARG... exits 2 before doing anything, with one "trail: " line
# naming each of the words in WHAT (space-separated).
refused() {
    local what=$1 err rc
    shift
    err=$("$bin" "$@" 2>&1 >/dev/null </dev/null)
    rc=$?
    local ok=1
    [ "$rc" = 2 ] || ok=0
    case "$err" in trail:*) ;; *) ok=0 ;; esac
    for w in $what; do
        case "$err" in *"$w"*) ;; *) ok=0 ;; esac
    done
    if [ $ok = 1 ]; then
        passes=$((passes + 1))
    else
        fail "trail $* (exit $rc): expected exit 2 naming '$what', got: $err"
    fi
}

# The options that choose a mode, each with an argument it accepts.
modes=(--check --print "--search=root" --progress --list "--export=markdown" --reset
    "--start=2026-01-05" "--import=$WORK/import.json" --list-keys --restore "--mark=done"
    "--note=dig" --list-ids --status "--attach=dig" "--detach=dig" --verify)
name() { local n=${1%%=*}; printf '%s' "$n"; }

pairs=0
for a in "${modes[@]}"; do
    for b in "${modes[@]}"; do
        [ "$a" = "$b" ] && continue
        refused "$(name "$a") $(name "$b")" "$a" "$b"
        pairs=$((pairs + 1))
    done
done
pass "every ordered pair of the ${#modes[@]} mode options is refused ($pairs pairs)"

# A mode option and a command word: the word would otherwise be taken for GUIDE.
words=("done dig" "todo dig" "doing dig" "skip dig" "note dig text" "undo"
    "merge-file a b c")
for a in --print "--search=root" --progress --list "--export=json" --reset "--start=none" \
    "--import=$WORK/import.json" --list-keys --list-ids --status --verify; do
    for w in "${words[@]}"; do
        # shellcheck disable=SC2086 # the words are separate arguments
        refused "$(name "$a") ${w%% *}" "$a" $w
        # shellcheck disable=SC2086
        refused "$(name "$a") ${w%% *}" $w "$a"
    done
done
pass "a mode option with a command word is refused, before or after it"

# The same option twice: harmless with the same value, refused with two.
refused "--search root tree" --search root --search tree
refused "--export markdown json" --export markdown --export json
refused "--mark done todo" --mark done --mark todo dig
refused "--start" --start 2026-01-05 --start 2026-02-01
refused "--state" --state "$WORK/a.yaml" --state "$WORK/b.yaml" --progress
refused "--content" --content "$WORK/a" --content "$WORK/b" --print
refused "--width" --width 40 --width 50 --print
refused "--format" --status --format a --format b
refused "--check=DIR --content" --check="$CONTENT/orchard" --content "$WORK"
refused "--content --check=DIR" --content "$WORK" --check="$CONTENT/orchard"
out=$("$bin" --search root --search root 2>&1)
expect_status 0 $? "--search given twice with the same query"
expect_contains "$out" "root" "and it searches"

# Options that change one command only, with every other mode (and with the browser's, none).
allowed() { # modifier mode -> 0 when the pair is documented
    case "$1 $2" in
    "--left --progress" | "--json --progress" | "--json --list" | "--json --check" | \
        "--json --status" | "--json --search=root" | "--format=%{done} --status" | \
        "--color --status" | "--over-reset --import="* | "--yes --reset" | \
        "--width=40 --print" | "--width=40 --status" | "--no-mouse " | \
        "--description=x --attach="*) return 0 ;;
    esac
    return 1
}
checked=0
for m in --left --json "--format=%{done}" --color --over-reset --yes "--width=40" --no-mouse \
    "--description=x"; do
    for a in "${modes[@]}" ""; do
        allowed "$m" "$a" && continue
        operands=()
        case "$a" in --mark=*) operands=(dig) ;; --note=*) operands=(text) ;;
        --attach=* | --detach=*) operands=("$WORK/import.json") ;; esac
        # shellcheck disable=SC2086 # "" is the browser: no mode option
        refused "$(name "$m")" "$m" $a "${operands[@]}"
        checked=$((checked + 1))
    done
done
pass "each option that changes one command is refused with the others ($checked pairs)"

# GUIDE given to the key table; --list GUIDE marks GUIDE as the one the commands act on.
refused "--list-keys orchard" --list-keys orchard
out=$("$bin" --list orchard 2>&1)
expect_contains "$out" "(selected)" "--list GUIDE marks GUIDE"

[ ! -e "$TRAIL_STATE" ] && pass "no refused command created the progress file" ||
    fail "a refused command created $TRAIL_STATE"

# The documented combinations still work.
"$bin" --progress --left >/dev/null 2>&1
expect_status 0 $? "--progress --left"
"$bin" --print --width 40 >/dev/null 2>&1
expect_status 0 $? "--print --width"
"$bin" --list --json >/dev/null 2>&1
expect_status 0 $? "--list --json"
finish
