#!/bin/sh
# SPDX-License-Identifier: MIT
# Removes what `cmake --install` installed, as listed in its install manifest (one path a line),
# then the directories trail owns (share/trail, share/doc/trail) when they are left empty.
# Usage: scripts/uninstall.sh build/install_manifest.txt
set -eu

manifest=${1:?usage: uninstall.sh INSTALL_MANIFEST}
if [ ! -f "$manifest" ]; then
    echo "uninstall: no $manifest: nothing was installed from this build (run make install)" >&2
    exit 1
fi

dirs=""
while IFS= read -r f || [ -n "$f" ]; do
    [ -n "$f" ] || continue
    if [ -e "$f" ] || [ -L "$f" ]; then
        rm -f -- "$f"
        echo "removed $f"
    fi
    case $f in
    */share/trail/* | */share/doc/trail/*) dirs="$dirs
${f%/*}" ;;
    esac
done <"$manifest"

# The deepest directories first; rmdir leaves any that still hold something.
printf '%s\n' "$dirs" | awk 'NF' | sort -u | awk '{ print length($0) "\t" $0 }' | sort -rn |
    cut -f2- | while IFS= read -r d; do
    while :; do
        case $d in
        */share/trail | */share/trail/* | */share/doc/trail | */share/doc/trail/*) ;;
        *) break ;;
        esac
        rmdir -- "$d" 2>/dev/null || break
        d=${d%/*}
    done
done
