/* SPDX-License-Identifier: MIT */
/* Progress that follows a Markdown plan's items when the plan's file changes (see
 * progress_reattach.c for the matching rules). */
#ifndef TRAIL_PROGRESS_REATTACH_H
#define TRAIL_PROGRESS_REATTACH_H

#include <stddef.h>

#include "guide.h"
#include "progress.h"

/* For a Markdown plan: gives each of g's actions that has nothing saved the saved id it most
 * likely was (the same item moved to another section, or its wording edited by at most a fifth
 * of its characters), so that the saved state and note show on it. Returns how many actions
 * took a saved id. Nothing for a YAML guide, whose ids are written in its files. */
size_t progress_reattach(struct guide *g, const struct progress *p);

/* The saved states of g in p whose id g has no action or phase for (the learner's own actions
 * aside): a new array of borrowed ids in *out (caller frees the array), and their number. */
size_t progress_orphans(const struct guide *g, const struct progress *p, const char ***out);

#endif
