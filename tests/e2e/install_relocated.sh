#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A relocatable install: `cmake --install --prefix DIR` for a scratch DIR, the tree then moved
# elsewhere, and the source and build trees out of reach (a private mount namespace hides them
# under empty directories): the installed trail still finds the guides installed beside it
# (bin/../share/trail/guides), for --check, --list and the browser's first screen: the bundled
# guide's Home, without a picker, and the picker once a second guide is installed. Then
# `make uninstall`'s script removes exactly what the install manifest lists.
set -u
here=$(dirname "$0")
. "$here/lib/tmux.sh"

: "${TRAIL_BUILD_DIR:?}" "${TRAIL_SOURCE_DIR:?}"
tui_setup relocated
tmp=$TUI_DIR
unset TRAIL_CONTENT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" TRAIL_STATE="$tmp/state/progress.yaml"
mkdir -p "$HOME" "$tmp/state"

# install PREFIX MANIFEST_COPY: cmake --install, keeping its manifest (another test may install
# from the same build at the same time and overwrite it: then install again).
install_to() {
    local try
    for try in 1 2 3; do
        cmake --install "$TRAIL_BUILD_DIR" --prefix "$1" >"$tmp/install.log" 2>&1 || return 1
        cp "$TRAIL_BUILD_DIR/install_manifest.txt" "$2" || return 1
        if ! grep -qv "^$1/" "$2"; then
            return 0
        fi
    done
    return 1
}

install_to "$tmp/first" "$tmp/first.manifest"
expect_status 0 $? "cmake --install --prefix DIR"
mv "$tmp/first" "$tmp/moved"
bin="$tmp/moved/bin/trail"
guides="$tmp/moved/share/trail/guides"

# Without hiding anything: the guide --check finds is the one beside the moved binary.
out=$("$bin" --check 2>&1)
expect_status 0 $? "the moved trail --check"
expect_contains "$out" "$guides/ml-engineer: valid guide 'ml-engineer'" \
    "the moved trail checks the guide installed beside it"

# hidden CMD...: runs CMD with the source and build trees replaced by empty directories.
if [ "$(id -u)" -ne 0 ] || ! unshare -m true 2>/dev/null; then
    echo "note: no private mount namespace (unshare -m needs root): trees not hidden"
    finish
    exit $?
fi
# The build tree first: it may be inside the source tree.
hide="mount --make-rprivate / 2>/dev/null; mount -t tmpfs trail-hidden '$TRAIL_BUILD_DIR' &&
    mount -t tmpfs trail-hidden '$TRAIL_SOURCE_DIR' || exit 125"
hidden() { unshare -m sh -c "$hide; exec \"\$@\"" _ "$@"; }

out=$(hidden sh -c 'ls -A "$1"; ls -A "$2" 2>/dev/null; exit 0' _ "$TRAIL_SOURCE_DIR" \
    "$TRAIL_BUILD_DIR" 2>&1)
expect_status 0 $? "the trees can be hidden"
expect_status "" "$out" "the hidden trees look empty"

out=$(hidden "$bin" --list 2>&1)
expect_status 0 $? "trail --list, source tree out of reach"
expect_contains "$out" "ml-engineer          Machine Learning Engineer" "--list finds the installed guide"
expect_not_contains "$out" "no guide" "--list finds guides"
out=$(hidden "$bin" --print 2>&1 | head -n 1)
expect_status "Machine Learning Engineer" "$out" "--print opens the installed guide"

# The browser's first screen, run by tmux inside the namespace.
# The bundled guide alone is installed: it opens without a picker.
tui_start 80 24 "unshare -m sh -c \"$hide; exec '$bin'\""
tui_wait "Machine Learning Engineer" "the browser opens the installed guide"
tui_wait "1  Overview" "on its Home"
expect_not_contains "$(tui_screen)" "Choose a guide" "no picker for one installed guide"
expect_not_contains "$(tui_screen)" "no guide" "no 'no guide found'"
tui_keys q
tui_wait "[exit 0]" "q quits with status 0"

# A second guide installed beside it: the picker opens first.
cp -r "$TRAIL_SOURCE_DIR/docs/examples/sample" "$guides/sample"
tui_new_server several
tui_start 80 24 "unshare -m sh -c \"$hide; exec '$bin'\""
tui_wait "Choose a guide" "with two guides installed, the picker opens"
expect_contains "$(tui_screen)" "Sample Guide" "the picker lists the second guide"
tui_keys q
tui_wait "[exit 0]" "q quits the picker with status 0"

# The install manifest: the uninstall script removes every file listed and trail's own
# directories, and nothing else.
install_to "$tmp/second" "$tmp/second.manifest"
expect_status 0 $? "install again, for uninstall"
mkdir -p "$tmp/second/share/other" && : >"$tmp/second/share/other/keep"
out=$(sh "$TRAIL_SOURCE_DIR/scripts/uninstall.sh" "$tmp/second.manifest" 2>&1)
expect_status 0 $? "scripts/uninstall.sh MANIFEST"
left=$(cd "$tmp/second" && find . -type f | sort)
expect_status "./share/other/keep" "$left" "uninstall leaves only what it did not install"
if [ -e "$tmp/second/share/trail" ] || [ -e "$tmp/second/share/doc/trail" ]; then
    fail "uninstall left share/trail or share/doc/trail"
else
    pass "uninstall removed trail's own directories"
fi
out=$(make -n -C "$TRAIL_SOURCE_DIR" uninstall BUILD_DIR=/nonexistent 2>&1)
expect_contains "$out" "scripts/uninstall.sh /nonexistent/install_manifest.txt" \
    "make uninstall runs the script on the build's manifest"

finish
