/* SPDX-License-Identifier: MIT */
/* The names of the key-action states, as the dotfile spells them and as a person may write
 * them. A leaf of the progress model: the document, the reader and the journal all use it. */
#include <stdbool.h>

#include "progress.h"
#include "progress_internal.h"

static const char *const state_names[PROGRESS_STATE_COUNT] = {"todo", "in-progress", "done",
                                                              "skipped"};

const char *progress_state_name(enum progress_state state)
{
    return (unsigned)state < PROGRESS_STATE_COUNT ? state_names[state] : "todo";
}

bool progress_name_matches(const char *written, const char *name)
{
    for (; *written != '\0' && *name != '\0'; written++, name++) {
        char c = *written >= 'A' && *written <= 'Z' ? (char)(*written - 'A' + 'a') : *written;
        if (c != *name && !(*name == '-' && (c == ' ' || c == '_'))) {
            return false;
        }
    }
    return *written == '\0' && *name == '\0';
}

int progress_name_find(const char *written, const char *const *names, unsigned first,
                       unsigned count)
{
    for (unsigned i = first; i < count; i++) {
        if (progress_name_matches(written, names[i])) {
            return (int)i;
        }
    }
    return -1;
}

int progress_state_parse(const char *name, enum progress_state *state)
{
    int i = progress_name_find(name, state_names, 0, PROGRESS_STATE_COUNT);
    if (i >= 0) {
        *state = (enum progress_state)i;
    }
    return i >= 0 ? 0 : -1;
}
