/* SPDX-License-Identifier: MIT */
/* Search matches drawn inside a screen's own layout: a phase, a certification or an answer
 * opened from the search results shows the matches of that search where its texts are laid out,
 * in VIEW_ROLE_MATCH, so n and N can step through them (view_search_mark_line()). */
#ifndef TRAIL_VIEW_MARKS_H
#define TRAIL_VIEW_MARKS_H

#include <stddef.h>

#include "search.h"
#include "view.h"

/* The search whose matches a layout shows: the index and the query, both borrowed. */
struct view_marks {
    const struct search_index *idx;
    const struct search_query *q;
};

/* The field of index entry `entry` with this role: its number, with *f filled, or SIZE_MAX
 * (also for entry SIZE_MAX). */
size_t view_marks_find_field(const struct search_index *idx, size_t entry,
                             enum search_field_role role, struct search_field_info *f);

/* view_doc_add_text() of text, with the matches of q highlighted when text is the field of
 * index entry `entry` with this role (the guide's own string, as the index holds it); plain
 * otherwise (no such entry or field, no match). Returns the lines added. */
size_t view_marks_add_field(struct view_doc *d, const struct search_index *idx,
                            const struct search_query *q, size_t entry, enum search_field_role role,
                            const char *text, enum view_role text_role, int indent,
                            const char *prefix, enum view_role prefix_role);

/* The same for the item of a kind (SEARCH_KIND_* bit), index and sub (an action within its
 * phase), with the marks of m; plain when m is NULL. */
size_t view_marks_add_text(struct view_doc *d, const struct view_marks *m, enum search_kind kind,
                           size_t index, size_t sub, enum search_field_role role, const char *text,
                           enum view_role text_role, int indent, const char *prefix,
                           enum view_role prefix_role);

#endif
