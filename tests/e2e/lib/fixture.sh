# SPDX-License-Identifier: MIT
# A scratch directory with fixture guides for end-to-end scripts that need guides of ids of
# their own (for instance the default id, ml-engineer, without the shipped guide). Sources
# assert.sh.
#   fixture_setup NAME ID...: sets WORK (removed on exit) and CONTENT (a content directory
#   holding one copy of the orchard fixture guide per ID, with that id and the title
#   "Fixture ID"), and points HOME, XDG_CONFIG_HOME and TRAIL_CONTENT into it.
. "$(dirname "${BASH_SOURCE[0]}")/assert.sh"

fixture_setup() {
    local name=$1 id
    shift
    require_input "$FIXTURE_GUIDES/orchard/guide.yaml"
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/trail-$name.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    CONTENT="$WORK/guides"
    for id; do
        mkdir -p "$CONTENT/$id"
        cp "$FIXTURE_GUIDES"/orchard/*.yaml "$CONTENT/$id/"
        sed -i -e "s/^id: orchard\$/id: $id/" -e "s/^title: .*/title: \"Fixture $id\"/" \
            "$CONTENT/$id/guide.yaml"
    done
    export HOME="$WORK" XDG_CONFIG_HOME="$WORK/xdg" TRAIL_CONTENT="$CONTENT"
    unset XDG_STATE_HOME
}
