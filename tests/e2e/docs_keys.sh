#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The action names the configuration file can rebind (key.<action>) are the names of the rows
# of the browser's key table, which the binary lists with the hidden `trail --list-keys` (one
# binding a line: keys, action, screens, description, separated by tabs), and the man page
# lists exactly those: every table name in trail(1)'s list of actions, and no name there that
# the table lacks. The section rows (section-1 .. section-9) are listed as one, section-n.
set -u
. "$(dirname "$0")/lib/assert.sh"

: "${TRAIL_BIN:?}" "${TRAIL_SOURCE_DIR:?}"
man_src="$TRAIL_SOURCE_DIR/docs/trail.1"
export HOME=$(mktemp -d) XDG_CONFIG_HOME= # the default table, whatever the user's config
trap 'rm -rf "$HOME"' EXIT

table=$("$TRAIL_BIN" --list-keys)
expect_status 0 $? "trail --list-keys"
bad=$(printf '%s\n' "$table" | awk -F'\t' 'NF != 4 || $1 == "" || $2 == "" || $4 == ""')
if [ -z "$bad" ]; then pass "each line has keys, an action, screens and a description"; else
    fail "malformed lines: $bad"; fi
names=$(printf '%s\n' "$table" | cut -f2 | sed -E 's/^section-[1-9]$/section-n/' | sort -u)
# The man page's list: ".It Cm name Ta keys" (section-n as ".It Cm section- Ns Ar n Ta ...").
listed=$(sed -n '/^\.Bl -column "mark-in-progress"/,/^\.El/p' "$man_src" |
    sed -nE 's/^\.It Cm ([a-z0-9-]+)( Ns Ar n)? Ta .*/\1\2/p' | sed 's/ Ns Ar n/n/' | sort -u)

expect_ge "$(printf '%s\n' "$names" | wc -l)" 22 "the key table has its rows (found by name)"
missing=$(comm -23 <(printf '%s\n' "$names") <(printf '%s\n' "$listed"))
extra=$(comm -13 <(printf '%s\n' "$names") <(printf '%s\n' "$listed"))
if [ -z "$missing" ]; then pass "trail(1) lists every action of the key table"; else
    fail "trail(1) does not list: $missing"; fi
if [ -z "$extra" ]; then pass "trail(1) lists no action the key table lacks"; else
    fail "trail(1) lists unknown actions: $extra"; fi

# The hidden option stays out of --help (the documentation tests compare the options there).
expect_not_contains "$("$TRAIL_BIN" --help)" "--list-keys" "--list-keys is not in --help"
finish
