/* SPDX-License-Identifier: MIT */
/* Search as documents: the whole-guide results grouped by section, the filtered FAQ list, and
 * text with its matches highlighted (VIEW_ROLE_MATCH runs). No curses here: ui_search.c and
 * ui_faq.c draw these documents, the unit tests read them.
 *
 * Every function borrows the guide, the index built from it and the query; the index must be
 * current (built after the guide's last guide_load_parts()). Highlights are the ranges
 * search_field_ranges() gives, carried over to the sanitised, wrapped text. */
#ifndef TRAIL_VIEW_SEARCH_H
#define TRAIL_VIEW_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "guide.h"
#include "search.h"
#include "view.h"

/* The sections of the results screen, in screen order. */
enum view_search_group {
    VIEW_SEARCH_OVERVIEW = 0, /* the intro, the overview blocks and the call to action */
    VIEW_SEARCH_PHASES,
    VIEW_SEARCH_ACTIONS,
    VIEW_SEARCH_CERTS,
    VIEW_SEARCH_FAQ,
    VIEW_SEARCH_GROUPS
};

/* The group a result of this kind is shown in. */
enum view_search_group view_search_group_of(enum search_kind kind);

/* The group's heading ("Key actions"). Static. */
const char *view_search_group_title(enum view_search_group group);

/* Lays out the results of a whole-guide search: a count line (or "No match for ..." quoting
 * `query`, the text typed), then per non-empty group a heading and one item per result, in
 * res's order within the group: the entry's name and, below it, the matching line in context
 * (for a key action, the phase it belongs to). Item ids are the guide's ids ("intro", "cta"
 * and an overview block's title for entries without one). */
void view_search_results(struct view_doc *d, const struct guide *g, const struct search_index *idx,
                         const struct search_query *q, const struct search_results *res,
                         const char *query);

/* The index into res->v of the result shown as item `item` of view_search_results(), or
 * SIZE_MAX when there is no such item. */
size_t view_search_result_at(const struct search_results *res, size_t item);

/* The FAQ list filtered to the results res (of SEARCH_KIND_FAQ, in res's order): the title, a
 * count line ("3 of 7 questions match ...", or "No match for ...") and one item per question,
 * numbered as in the full list, with its matches highlighted. When only the answer matches,
 * the matching line of the answer is shown under the question. */
void view_search_faqs(struct view_doc *d, const struct guide *g, const struct search_index *idx,
                      const struct search_query *q, const struct search_results *res,
                      const char *query);

/* One FAQ answer, like view_guide_faq(), with the matches of q highlighted in the question and
 * the answer. Returns the document line where the answer starts. */
size_t view_search_faq(struct view_doc *d, const struct guide *g, size_t faq,
                       const struct search_index *idx, const struct search_query *q);

/* Any entry of the index as a text screen: its title fields as the title (the guide's title
 * for the intro), then its other fields, with the matches of q highlighted. Returns the
 * document line where the body starts. */
size_t view_search_entry(struct view_doc *d, const struct guide *g, const struct search_index *idx,
                         const struct search_query *q, size_t entry);

/* The first (forward) or last (!forward) line in [from, to) holding a VIEW_ROLE_MATCH run, or
 * SIZE_MAX when none does. */
size_t view_search_mark_line(const struct view_doc *d, size_t from, size_t to, bool forward);

#endif
