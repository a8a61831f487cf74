/* SPDX-License-Identifier: MIT */
/* Selection and scrolling over a laid-out document: the one place that implements list
 * movement (arrows, pages, Home/End, the mouse wheel) for every screen.
 *
 * A document with items behaves as a list: the selection is an item and the view follows it.
 * A document without items is plain text: movement scrolls. Positions are kept per screen, so
 * going back restores them untouched; across a reflow they are carried by view_list_save()
 * and view_list_restore(), keyed by the selected item's id and the top line's anchor. */
#ifndef TRAIL_VIEW_LIST_H
#define TRAIL_VIEW_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "view.h"

struct view_pos {
    size_t top; /* first visible line */
    size_t sel; /* selected item; SIZE_MAX when the document has no items */
};

enum view_move {
    VIEW_MOVE_UP,
    VIEW_MOVE_DOWN,
    VIEW_MOVE_PAGE_UP,
    VIEW_MOVE_PAGE_DOWN,
    VIEW_MOVE_HOME,
    VIEW_MOVE_END,
};

/* What survives a reflow: the selected item's id (borrowed) and the top line's anchor. */
struct view_mark {
    const char *id;
    size_t sel;
    uint64_t top_anchor;
};

/* The first position of a document: top line, first item selected. */
void view_list_reset(struct view_pos *p, const struct view_doc *d);

/* Applies one movement for a view `height` lines tall. Returns true when the position
 * changed (the caller redraws), false at an edge. */
bool view_list_move(struct view_pos *p, const struct view_doc *d, enum view_move m, size_t height);

/* Scrolls the view by delta lines (the wheel); a selection that leaves the view is moved to
 * the nearest visible item. Returns true when the position changed. */
bool view_list_scroll(struct view_pos *p, const struct view_doc *d, long delta, size_t height);

/* Clamps the position to the document and scrolls so the selection is visible. */
void view_list_fix(struct view_pos *p, const struct view_doc *d, size_t height);

/* Selects item `id` (NULL: none) and scrolls so it is visible. Returns false, changing
 * nothing, when d has no such item. */
bool view_list_select_id(struct view_pos *p, const struct view_doc *d, const char *id,
                         size_t height);

/* The item shown on view row `row` (0 = first body row), or SIZE_MAX. */
size_t view_list_hit(const struct view_pos *p, const struct view_doc *d, size_t row);

void view_list_save(const struct view_pos *p, const struct view_doc *d, struct view_mark *m);
/* Restores a saved position in a re-laid-out document d (same content, new width). */
void view_list_restore(struct view_pos *p, const struct view_doc *d, const struct view_mark *m,
                       size_t height);

#endif
