#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# trail --help, the man page (docs/trail.1) and README.md list the same long options, and
# neither the help nor the man page mentions an option that does not exist. The man page is
# compared as a reader sees it (rendered), and must pass mandoc's linter.
set -u
. "$(dirname "$0")/lib/assert.sh"

: "${TRAIL_BIN:?}" "${TRAIL_SOURCE_DIR:?}"
man_src="$TRAIL_SOURCE_DIR/docs/trail.1"
readme="$TRAIL_SOURCE_DIR/README.md"

# The man page as text: mandoc, else groff, else man-db; overstrike (bold, underline) removed.
render_man() {
    if command -v mandoc >/dev/null 2>&1; then
        mandoc -T ascii "$1"
    elif command -v groff >/dev/null 2>&1; then
        groff -mandoc -T ascii "$1" 2>/dev/null
    elif command -v man >/dev/null 2>&1; then
        MANWIDTH=80 MAN_KEEP_FORMATTING=0 man -l "$1" 2>/dev/null
    else
        return 1
    fi | sed 's/.\x08//g'
}
if ! man_text=$(render_man "$man_src") || [ -z "$man_text" ]; then
    echo "skip: no mandoc, groff or man to render the man page"
    exit 77
fi

expect_empty() { # text what
    if [ -z "$1" ]; then pass "$2"; else fail "$2: $1"; fi
}

longopts() { grep -oE -- '--[a-z][a-z-]*[a-z]' | sort -u; }

# The option list of each document.
help_text=$("$TRAIL_BIN" --help)
expect_status 0 $? "trail --help"
help_opts=$(printf '%s\n' "$help_text" | grep -E '^ +(-[A-Za-z], )?--[a-z]' |
    sed -E 's/^ +(-[A-Za-z], )?//' | longopts)
# In the man page: the tagged list of DESCRIPTION, items indented by 5 columns.
man_opts=$(printf '%s\n' "$man_text" | grep -E '^ {5}(-[A-Za-z], )?--[a-z]' |
    sed -E 's/^ {5}(-[A-Za-z], )?//; s/ .*//' | longopts)
# In README.md: the first column of the option table.
readme_opts=$(grep -E '^\| *`-' "$readme" | cut -d'|' -f2 | longopts)

[ -n "$help_opts" ] && pass "--help lists options" || fail "no options found in --help"
[ -n "$man_opts" ] && pass "the man page lists options" || fail "no options found in the man page"

# compare_sets NAME_A A NAME_B B: one line per option missing on either side.
compare_sets() {
    local only_a only_b
    only_a=$(comm -23 <(printf '%s\n' "$2") <(printf '%s\n' "$4") | tr '\n' ' ')
    only_b=$(comm -13 <(printf '%s\n' "$2") <(printf '%s\n' "$4") | tr '\n' ' ')
    if [ -z "$only_a" ] && [ -z "$only_b" ]; then
        pass "$1 and $3 list the same options ($(printf '%s\n' "$2" | wc -l))"
        return
    fi
    [ -n "$only_a" ] && fail "in $1 but not in $3: $only_a"
    [ -n "$only_b" ] && fail "in $3 but not in $1: $only_b"
}
compare_sets "trail --help" "$help_opts" "trail(1)" "$man_opts"
compare_sets "trail --help" "$help_opts" "README.md" "$readme_opts"

# The options the program really accepts: each listed one is accepted (or needs a value).
for opt in $help_opts; do
    out=$("$TRAIL_BIN" "$opt" --help 2>&1 </dev/null)
    expect_not_contains "$out" "unrecognized option" "trail accepts $opt"
done

# Every option mentioned anywhere in the help or the man page is a listed one.
for doc in "trail --help" "trail(1)"; do
    if [ "$doc" = "trail(1)" ]; then text=$man_text; else text=$help_text; fi
    unknown=$(comm -23 <(printf '%s\n' "$text" | longopts) <(printf '%s\n' "$help_opts") |
        tr '\n' ' ')
    expect_empty "$unknown" "$doc mentions no unknown option"
done

# The man page is clean for mandoc's linter (warnings and worse).
if command -v mandoc >/dev/null 2>&1; then
    out=$(mandoc -T lint -W warning "$man_src" 2>&1)
    expect_empty "$out" "mandoc -T lint -W warning docs/trail.1"
else
    skip_part "mandoc is missing: the man page's lint is not checked (scripts/deps.sh installs it)"
fi

finish
