#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# make package builds a .deb (a Release build of its own, installed under /usr) whose control
# fields and contents are right, that lintian (when installed) finds nothing to say about at
# its default level (and no hardening or stripping remark at info level), and whose binary is
# hardened (PIE, relro, bind now, fortified) and stripped. Then the package is used from its
# installed paths:
# - in CI (CI=true, as root): dpkg -i, then /usr/bin/trail --version, --check and --print with
#   the default installed guide (no --content), then dpkg -r;
# - elsewhere (a developer's machine): dpkg -x into a scratch directory, and the same commands
#   with --content pointing into it.
# The build is independent of the build under test, so the sanitized run of the suite skips it.
set -u
. "$(dirname "$0")/../e2e/lib/assert.sh"

: "${TRAIL_SOURCE_DIR:?}"
if [ -n "${TRAIL_SANITIZED:-}" ]; then
    echo "skip: the package is built once, by the plain run of the suite"
    exit 77
fi
for tool in cpack dpkg-deb make objdump; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "skip: $tool not installed"
        exit 77
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/trail-package.XXXXXX")
installed=""
cleanup() {
    if [ -n "$installed" ]; then
        dpkg -r trail >/dev/null 2>&1
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
unset TRAIL_CONTENT MAKEFLAGS MAKELEVEL MFLAGS
export TRAIL_STATE="$tmp/state/progress.yaml" HOME="$tmp/home"
mkdir -p "$tmp/state" "$HOME"

# Build it as a developer would: make package (the deps step is taken as done).
if ! make -C "$TRAIL_SOURCE_DIR" -o deps-build package PKG_DIR="$tmp/build" JOBS=2 \
    WERROR=ON >"$tmp/build.log" 2>&1; then
    fail "make package failed:"$'\n'"$(tail -n 30 "$tmp/build.log")"
    finish
    exit 1
fi
pass "make package"
debs=("$tmp"/build/trail_*.deb)
if [ "${#debs[@]}" -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "make package left no single trail_*.deb in its build directory"
    finish
    exit 1
fi
deb=${debs[0]}
pass "built ${deb##*/}"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
expect_status "trail" "$(field Package)" "Package"
expect_status "utils" "$(field Section)" "Section"
version=$(field Version)
expect_contains "${deb##*/}" "trail_${version}_$(field Architecture).deb" "file name"
maint=$(field Maintainer)
case $maint in
*?" <"*@*">") pass "Maintainer is 'name <email>'" ;;
*) fail "Maintainer is '$maint'" ;;
esac
case $maint in
*@example.* | *.example">" | *.invalid">" | *@localhost">") fail "Maintainer is a placeholder: $maint" ;;
*) pass "Maintainer is no placeholder address" ;;
esac
expect_contains "$(field Description)" "career guides" "Description"
depends=$(field Depends)
expect_contains "$depends" "libc6" "Depends names libc6"
expect_contains "$depends" "libmd4c0" "Depends names libmd4c0 (loaded with dlopen for Markdown plans)"
# The libraries trail loads at run time are dependencies, those linked in statically are not:
# make package links libyaml and ncursesw as shared libraries (TRAIL_STATIC_LIBS=OFF).
dpkg-deb -x "$deb" "$tmp/needed"
needed=$(objdump -p "$tmp/needed/usr/bin/trail" 2>/dev/null | awk '$1 == "NEEDED" {print $2}')
expect_contains "$needed" "libc.so" "objdump lists the binary's shared libraries"
expect_contains "$needed" "libyaml" "the packaged trail loads libyaml, so Debian's updates reach it"
expect_contains "$needed" "libncursesw" "the packaged trail loads ncursesw"
for pair in libncursesw:libncursesw6 libtinfo:libtinfo6 libyaml:libyaml-0-2; do
    lib=${pair%%:*} pkg=${pair#*:}
    if printf '%s\n' "$needed" | grep -q "^$lib"; then
        expect_contains "$depends" "$pkg" "Depends names $pkg ($lib is loaded at run time)"
    else
        expect_not_contains "$depends" "$pkg" "Depends leaves out $pkg ($lib is linked in)"
    fi
done

# libgit2 is opened with dlopen() when evidence is verified: a dependency, but not NEEDED, so
# no start of trail loads it.
expect_contains "$depends" "libgit2-1." "Depends names libgit2 (loaded when evidence is verified)"
expect_not_contains "$needed" "libgit2" "the binary does not load libgit2 at start"

# Contents: everything under /usr, in the places Debian tools look.
list=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for f in ./usr/bin/trail ./usr/share/man/man1/trail.1.gz ./usr/share/doc/trail/README.md \
    ./usr/share/doc/trail/copyright ./usr/share/doc/trail/changelog.gz \
    ./usr/share/bash-completion/completions/trail ./usr/share/zsh/vendor-completions/_trail \
    ./usr/share/trail/guides/ml-engineer/guide.yaml; do
    expect_contains "$list" "$f" "package holds $f"
done
expect_not_contains "$(printf '%s\n' "$list" | grep -v '^\./usr/')" "./" "nothing outside /usr"
expect_not_contains "$list" "guides/sample" "the example guide is not packaged"

# The binary looks for its guides where the package puts them.
dpkg-deb -x "$deb" "$tmp/root"
expect_status 0 $? "dpkg-deb -x"
doc="$tmp/root/usr/share/doc/trail"
expect_contains "$(head -n 1 "$doc/copyright")" \
    "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" \
    "copyright is machine-readable (DEP-5)"
expect_contains "$(cat "$doc/copyright")" "License: MIT" "copyright names the MIT licence"
expect_contains "$(zcat "$doc/changelog.gz" | head -n 1)" "trail ($version)" \
    "the changelog's first entry is this version"
expect_contains "$(zcat "$tmp/root/usr/share/man/man1/trail.1.gz" | head -n 3)" "trail(1)" \
    "the man page is gzip'd"

# Hardened and stripped, as Debian builds its packages.
elf="$tmp/root/usr/bin/trail"
if command -v readelf >/dev/null 2>&1; then
    expect_contains "$(readelf -h "$elf")" "DYN (Position-Independent Executable" "PIE"
    expect_contains "$(readelf -lW "$elf")" "GNU_RELRO" "relro"
    expect_contains "$(readelf -dW "$elf" | grep -E 'FLAGS')" "NOW" "bind now (-z now)"
    if readelf -sW --dyn-syms "$elf" | grep -qE '__[a-z]+_chk'; then pass "fortified (_chk functions)"; else
        fail "no fortified function: built without -D_FORTIFY_SOURCE=2"; fi
    sections=$(readelf -SW "$elf")
    expect_not_contains "$sections" " .symtab " "stripped of its symbol table"
    expect_not_contains "$sections" " .comment " "no .comment section"
fi

# lintian: nothing at its default level (errors, warnings), no hardening or stripping remark.
if command -v lintian >/dev/null 2>&1; then
    out=$(lintian --allow-root "$deb" 2>&1)
    expect_status "" "$out" "lintian finds no error or warning"
    out=$(lintian --allow-root -I "$deb" 2>&1)
    for tag in hardening-no binary-has-unneeded-section unstripped-binary; do
        expect_not_contains "$out" "$tag" "lintian -I: no $tag"
    done
else
    echo "note: lintian not installed; the package is not linted (scripts/deps.sh test installs it)"
fi
if grep -qaF "/usr/share/trail/guides" "$tmp/root/usr/bin/trail"; then
    pass "the binary's installed guide directory is /usr/share/trail/guides"
else
    fail "the binary does not look in /usr/share/trail/guides"
fi
# ...and there only: it names no directory of the machine it was built on.
if grep -qaF "$TRAIL_SOURCE_DIR" "$tmp/root/usr/bin/trail"; then
    fail "the packaged binary names the source tree ($TRAIL_SOURCE_DIR)"
else
    pass "the packaged binary names no directory of the source tree"
fi

# run_installed BIN: the three commands CI runs after installing, with the default guide.
run_installed() {
    local bin=$1 out
    out=$("$bin" --version)
    expect_status 0 $? "$bin --version"
    expect_status "trail $version" "$out" "--version matches the package version"
    out=$("$bin" --check 2>&1)
    expect_status 0 $? "$bin --check"
    expect_contains "$out" "/usr/share/trail/guides/ml-engineer: valid guide 'ml-engineer'" \
        "--check checks the installed default guide"
    out=$("$bin" --print)
    expect_status 0 $? "$bin --print"
    expect_contains "$out" "Machine Learning Engineer" "--print shows the bundled guide"
    expect_contains "$out" "Foundation Building (Months 1-3)" "--print shows the career path"
}

if [ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ] && command -v dpkg >/dev/null 2>&1; then
    if dpkg-query -W -f='${db:Status-Status}' trail 2>/dev/null | grep -q '^installed$'; then
        echo "note: a trail package was already installed; this test replaces and removes it"
    fi
    if dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1; then
        installed=1
        pass "dpkg -i"
    else
        fail "dpkg -i failed:"$'\n'"$(cat "$tmp/dpkg.log")"
    fi
    if [ -n "$installed" ]; then
        expect_status "/usr/bin/trail" "$(command -v trail)" "trail is on PATH"
        run_installed /usr/bin/trail
        if command -v man >/dev/null 2>&1; then
            expect_status "/usr/share/man/man1/trail.1.gz" "$(man -w trail 2>&1)" "man finds trail(1)"
        fi
        dpkg -r trail >"$tmp/dpkg.log" 2>&1
        expect_status 0 $? "dpkg -r"
        installed=""
        if [ -e /usr/bin/trail ] || [ -e /usr/share/trail/guides ]; then
            fail "dpkg -r left files behind"
        else
            pass "dpkg -r removed the files"
        fi
    fi
else
    # Unpacked, the binary still looks in /usr/share/trail/guides: point it at the copy, and
    # check that the guide it opens is the one inside the package.
    root="$tmp/root"
    out=$("$root/usr/bin/trail" --version)
    expect_status 0 $? "unpacked trail --version"
    expect_status "trail $version" "$out" "--version matches the package version"
    guides="$root/usr/share/trail/guides"
    out=$("$root/usr/bin/trail" --content "$guides" --check 2>&1)
    expect_status 0 $? "unpacked trail --check"
    expect_contains "$out" "$guides/ml-engineer: valid guide 'ml-engineer'" \
        "--check checks the packaged default guide"
    out=$("$root/usr/bin/trail" --content "$guides" --print)
    expect_status 0 $? "unpacked trail --print"
    expect_contains "$out" "Machine Learning Engineer" "--print shows the bundled guide"
    expect_contains "$out" "Foundation Building (Months 1-3)" "--print shows the career path"
    out=$("$root/usr/bin/trail" --content "$guides" --list)
    expect_status 1 "$(printf '%s\n' "$out" | wc -l)" "the package ships one guide"
fi

finish
