/* SPDX-License-Identifier: MIT */
/* The guide picker's document. Every number on it comes from guide_count_actions(),
 * progress_count_guide() and progress_percent(), the functions `trail --list` prints, so the
 * picker and the command line cannot disagree. Item ids are the guides' ids (directory names),
 * so the selection survives a reflow and a return from a guide. */
#include "view_pick.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "view_progress.h"

#define PICK_INDENT 2

static void entry(struct view_doc *d, const struct view_pick_entry *e, const struct progress *p)
{
    const char *sep = text_sep(d->text_flags);
    view_doc_begin_item(d, e->id);
    view_doc_begin_line(d);
    view_doc_puts(d, VIEW_ROLE_HEADING, e->g != NULL ? e->g->title : e->id);
    view_doc_end_line(d);
    view_doc_begin_line(d);
    view_doc_pad_to(d, PICK_INDENT);
    view_doc_puts(d, VIEW_ROLE_DIM, e->id);
    view_doc_puts(d, VIEW_ROLE_DIM, sep);
    if (e->g == NULL) {
        view_doc_puts(d, VIEW_ROLE_ERROR, "could not be loaded (Enter shows why)");
        view_doc_end_line(d);
        view_doc_end_item(d);
        return;
    }
    size_t n = guide_count_actions(e->g);
    char count[64];
    snprintf(count, sizeof count, "%zu key action%s", n, n == 1 ? "" : "s");
    view_doc_puts(d, VIEW_ROLE_NUMBER, count);
    view_doc_end_line(d);
    if (p != NULL) {
        struct progress_counts c;
        progress_count_guide(p, e->g, &c);
        view_progress_add_bar_line(d, &c, PICK_INDENT);
    }
    view_doc_end_item(d);
}

void view_pick(struct view_doc *d, const struct view_pick_entry *v, size_t n,
               const struct progress *p)
{
    view_doc_begin_line(d);
    view_doc_puts(d, VIEW_ROLE_TITLE, "Choose a guide");
    view_doc_end_line(d);
    view_doc_add_blank(d);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            view_doc_add_blank(d);
        }
        entry(d, &v[i], p);
    }
}
