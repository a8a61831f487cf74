# A scratch directory with fixture guides for end-to-end scripts that need guides of their own
# ids (tests must not depend on the shipped guides' wording or ids). Sources assert.sh.
#   fixture_setup NAME ID...: sets WORK (removed on exit) and CONTENT (a content directory
#   holding one copy of the sample guide per ID, with that id and the title "Fixture ID"), and
#   points HOME, XDG_CONFIG_HOME and TRAIL_CONTENT into it.
. "$(dirname "${BASH_SOURCE[0]}")/assert.sh"

fixture_setup() {
    local name=$1 id
    shift
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/trail-$name.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    CONTENT="$WORK/guides"
    for id; do
        mkdir -p "$CONTENT/$id"
        cp "$TRAIL_SOURCE_DIR"/content/sample/*.yaml "$CONTENT/$id/"
        sed -i -e "s/^id: sample\$/id: $id/" -e "s/^title: .*/title: \"Fixture $id\"/" \
            "$CONTENT/$id/guide.yaml"
    done
    export HOME="$WORK" XDG_CONFIG_HOME="$WORK/xdg" TRAIL_CONTENT="$CONTENT"
    unset XDG_STATE_HOME
}
