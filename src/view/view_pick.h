/* SPDX-License-Identifier: MIT */
/* The guide picker as a document: one item per guide of the content directory, with its title,
 * id, number of key actions and the learner's progress in it. No curses: ui_pick.c draws it,
 * the unit tests read it. */
#ifndef TRAIL_VIEW_PICK_H
#define TRAIL_VIEW_PICK_H

#include <stddef.h>

#include "guide.h"
#include "progress.h"
#include "view.h"

/* One guide offered. g: loaded with at least its career path, or NULL when it failed to load
 * (the entry then says so). Both borrowed. */
struct view_pick_entry {
    const char *id;
    const struct guide *g;
};

/* Lays out the picker into d: a heading, then per guide an item (keyed by its id) of three
 * lines: the title, "id · N key actions", and a progress bar with "done/total · percent" from
 * p (borrowed; NULL: no progress shown). */
void view_pick(struct view_doc *d, const struct view_pick_entry *v, size_t n,
               const struct progress *p);

#endif
