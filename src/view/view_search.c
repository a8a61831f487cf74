/* SPDX-License-Identifier: MIT */
/* Search results and highlighted text laid out as documents.
 *
 * Matches are found as byte ranges of the guide's original strings (search_field_ranges()).
 * Wrapped text carries them over to the sanitised text with search_sanitized_ranges() and lets
 * view_doc_add_marked_text() split each wrapped line into plain and VIEW_ROLE_MATCH runs. A
 * one-line context is a window of the original line (search_context_window()) put piece by
 * piece, each piece sanitised as it is put; ranges cover whole characters with their combining
 * marks, so no piece starts with a mark and piecewise sanitising equals sanitising the whole.
 * Layout depends on the width only through wrapping and windows, never on which items are
 * selected, so the UI can re-lay out freely. */
#include "view_search.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "view_guide.h"
#include "view_marks.h"
#include "view_plan.h"
#include "xalloc.h"

#define RESULT_INDENT  2
#define CONTEXT_INDENT 4
#define FAQ_INDENT     4 /* as the unfiltered list: view_guide_faqs() */

static const char *const group_titles[VIEW_SEARCH_GROUPS] = {
    "Overview", "Career path phases", "Key actions", "Certifications", "FAQ"};

enum view_search_group view_search_group_of(enum search_kind kind)
{
    switch (kind) {
    case SEARCH_KIND_PHASE:
        return VIEW_SEARCH_PHASES;
    case SEARCH_KIND_ACTION:
        return VIEW_SEARCH_ACTIONS;
    case SEARCH_KIND_CERT:
        return VIEW_SEARCH_CERTS;
    case SEARCH_KIND_FAQ:
        return VIEW_SEARCH_FAQ;
    default:
        return VIEW_SEARCH_OVERVIEW;
    }
}

const char *view_search_group_title(enum view_search_group group)
{
    return group < VIEW_SEARCH_GROUPS ? group_titles[group] : "";
}

/* Puts on the current line the window of `text` around its first range (its start when r is
 * empty) that fits the rest of the line, the ranges highlighted, cuts shown by an ellipsis. */
static void put_window(struct view_doc *d, enum view_role role, const char *text,
                       const struct search_ranges *r)
{
    size_t len = strlen(text);
    const char *dots = text_ellipsis(d->text_flags);
    int dots_w = text_width(dots, strlen(dots));
    int room = d->width - view_doc_line_width(d) - 2 * dots_w;
    struct search_window w;
    search_context_window(text, len, r->n > 0 ? r->v[0].start : 0, r->n > 0 ? r->v[0].len : 0,
                          room < 1 ? 1 : room, d->text_flags, &w);
    if (w.cut_before) {
        view_doc_puts(d, VIEW_ROLE_DIM, dots);
    }
    size_t at = w.start, end = w.start + w.len;
    for (size_t i = 0; i < r->n && r->v[i].start < end; i++) {
        size_t rs = r->v[i].start > at ? r->v[i].start : at;
        size_t re = r->v[i].start + r->v[i].len < end ? r->v[i].start + r->v[i].len : end;
        if (re <= rs) {
            continue;
        }
        view_doc_put(d, role, text + at, rs - at);
        view_doc_put(d, VIEW_ROLE_MATCH, text + rs, re - rs);
        at = re;
    }
    view_doc_put(d, role, text + at, end - at);
    if (w.cut_after) {
        view_doc_puts(d, VIEW_ROLE_DIM, dots);
    }
}

/* One line at `indent`: a window of field k of entry (its matches highlighted). */
static void window_line(struct view_doc *d, const struct search_index *idx,
                        const struct search_query *q, size_t entry, size_t k, int indent,
                        enum view_role role, struct search_ranges *r)
{
    struct search_field_info f;
    search_entry_get_field(idx, entry, k, &f);
    search_field_ranges(idx, q, entry, k, r);
    view_doc_begin_line(d);
    view_doc_pad_to(d, indent);
    if (f.role == SEARCH_FIELD_NOTE) { /* as the note's preview in every list */
        view_doc_puts(d, VIEW_ROLE_ACCENT, view_plan_note_marker(d->text_flags));
        view_doc_pad_to(d, indent + 2);
    }
    put_window(d, role, f.text, r);
    view_doc_end_line(d);
}

/* The entry's first title field, the non-title field to show as context (the first that
 * matches, else the first that is not the learner's note) and the learner's note; SIZE_MAX for
 * none. */
static void pick_fields(const struct search_index *idx, const struct search_query *q, size_t entry,
                        size_t *title, size_t *context, size_t *note, struct search_ranges *r)
{
    *title = *context = *note = SIZE_MAX;
    size_t first_body = SIZE_MAX, n = search_entry_count_fields(idx, entry);
    for (size_t k = 0; k < n; k++) {
        struct search_field_info f;
        search_entry_get_field(idx, entry, k, &f);
        if (f.title) {
            *title = *title == SIZE_MAX ? k : *title;
            continue;
        }
        if (f.role == SEARCH_FIELD_NOTE) { /* context only where it matches */
            *note = *note == SIZE_MAX ? k : *note;
        } else {
            first_body = first_body == SIZE_MAX ? k : first_body;
        }
        if (*context == SIZE_MAX && search_field_ranges(idx, q, entry, k, r) > 0) {
            *context = k;
        }
    }
    if (*context == SIZE_MAX) {
        *context = first_body;
    }
}

static const char *result_id(const struct guide *g, const struct search_result *r)
{
    const char *id = search_result_id(g, r);
    if (id != NULL) {
        return id;
    }
    switch (r->kind) {
    case SEARCH_KIND_OVERVIEW:
        return g->overview[r->index].title != NULL ? g->overview[r->index].title : "overview";
    case SEARCH_KIND_CTA:
        return "cta";
    default:
        return "intro";
    }
}

/* One result: its name, then its matching line in context, then its note's preview as every
 * list shows it (unless the note is the matching line). */
static void result_item(struct view_doc *d, const struct guide *g, const struct search_index *idx,
                        const struct search_query *q, const struct search_result *r,
                        struct search_ranges *ranges)
{
    size_t title, context, note;
    pick_fields(idx, q, r->entry, &title, &context, &note, ranges);
    view_doc_begin_item(d, result_id(g, r));
    if (title != SIZE_MAX) {
        window_line(d, idx, q, r->entry, title, RESULT_INDENT, VIEW_ROLE_BODY, ranges);
    } else {
        view_doc_begin_line(d);
        view_doc_pad_to(d, RESULT_INDENT);
        view_doc_puts(d, VIEW_ROLE_BODY, g->title != NULL ? g->title : "");
        view_doc_end_line(d);
    }
    if (context != SIZE_MAX) {
        window_line(d, idx, q, r->entry, context, CONTEXT_INDENT, VIEW_ROLE_DIM, ranges);
    } else if (r->kind == SEARCH_KIND_ACTION) {
        view_doc_begin_line(d);
        view_doc_pad_to(d, CONTEXT_INDENT);
        view_doc_puts(d, VIEW_ROLE_DIM, "in ");
        view_doc_puts(d, VIEW_ROLE_DIM, g->phases[r->index].title);
        if (g->phases[r->index].actions[r->sub].personal) {
            view_doc_puts(d, VIEW_ROLE_DIM, " ");
            view_doc_puts(d, VIEW_ROLE_DIM, view_plan_mine_marker(d->text_flags));
        }
        view_doc_end_line(d);
    }
    if (note != SIZE_MAX && note != context) {
        struct search_field_info f;
        search_entry_get_field(idx, r->entry, note, &f);
        view_plan_add_note(d, f.text, CONTEXT_INDENT);
    }
    view_doc_end_item(d);
}

/* The query in quotes, or as typed when it holds quotes of its own ("a phrase"): never
 * ""a phrase"". */
static void put_query(struct view_doc *d, enum view_role role, const char *query)
{
    bool own = strchr(query, '"') != NULL;
    view_doc_puts(d, role, own ? "" : "\"");
    view_doc_puts(d, role, query);
    view_doc_puts(d, role, own ? "" : "\"");
}

/* "No match for "query"" on a line of its own. */
static void no_match(struct view_doc *d, const char *query)
{
    view_doc_begin_line(d);
    view_doc_puts(d, VIEW_ROLE_ERROR, "No match for ");
    put_query(d, VIEW_ROLE_ERROR, query);
    view_doc_end_line(d);
}

void view_search_results(struct view_doc *d, const struct guide *g, const struct search_index *idx,
                         const struct search_query *q, const struct search_results *res,
                         const char *query)
{
    if (res->n == 0) {
        no_match(d, query);
        return;
    }
    char count[64];
    snprintf(count, sizeof count, "%zu %s", res->n, res->n == 1 ? "match" : "matches");
    view_doc_begin_line(d);
    view_doc_puts(d, VIEW_ROLE_DIM, count);
    view_doc_end_line(d);
    struct search_ranges ranges = {0};
    for (int grp = 0; grp < VIEW_SEARCH_GROUPS; grp++) {
        bool heading = false;
        for (size_t i = 0; i < res->n; i++) {
            if (view_search_group_of(res->v[i].kind) != (enum view_search_group)grp) {
                continue;
            }
            if (!heading) {
                view_doc_add_blank(d);
                view_doc_add_text(d, VIEW_ROLE_HEADING, group_titles[grp], 0, NULL,
                                  VIEW_ROLE_HEADING);
                heading = true;
            }
            result_item(d, g, idx, q, &res->v[i], &ranges);
        }
    }
    search_ranges_free(&ranges);
}

size_t view_search_result_at(const struct search_results *res, size_t item)
{
    size_t k = 0;
    for (int grp = 0; grp < VIEW_SEARCH_GROUPS; grp++) {
        for (size_t i = 0; i < res->n; i++) {
            if (view_search_group_of(res->v[i].kind) == (enum view_search_group)grp &&
                k++ == item) {
                return i;
            }
        }
    }
    return SIZE_MAX;
}

static void faq_item(struct view_doc *d, const struct guide *g, const struct search_index *idx,
                     const struct search_query *q, size_t faq, struct search_ranges *r)
{
    const struct guide_faq *f = &g->faqs[faq];
    size_t entry = search_index_find_entry(idx, SEARCH_KIND_FAQ, faq, 0);
    char num[24];
    snprintf(num, sizeof num, " %zu", faq + 1);
    view_doc_begin_item(d, f->id);
    view_marks_add_field(d, idx, q, entry, SEARCH_FIELD_FAQ_QUESTION, f->question, VIEW_ROLE_BODY,
                         FAQ_INDENT, num, VIEW_ROLE_NUMBER);
    struct search_field_info info;
    size_t kq = view_marks_find_field(idx, entry, SEARCH_FIELD_FAQ_QUESTION, &info);
    size_t ka = view_marks_find_field(idx, entry, SEARCH_FIELD_FAQ_ANSWER, &info);
    bool in_question = kq != SIZE_MAX && search_field_ranges(idx, q, entry, kq, r) > 0;
    if (!in_question && ka != SIZE_MAX && search_field_ranges(idx, q, entry, ka, r) > 0) {
        window_line(d, idx, q, entry, ka, FAQ_INDENT + 2, VIEW_ROLE_DIM, r);
    }
    view_doc_end_item(d);
}

void view_search_faqs(struct view_doc *d, const struct guide *g, const struct search_index *idx,
                      const struct search_query *q, const struct search_results *res,
                      const char *query)
{
    view_doc_add_text(d, VIEW_ROLE_TITLE, view_guide_section_title(g, VIEW_SECTION_FAQ), 0, NULL,
                      VIEW_ROLE_TITLE);
    if (res->n == 0) {
        no_match(d, query);
        return;
    }
    char count[80];
    snprintf(count, sizeof count, "%zu of %zu", res->n, g->n_faqs);
    view_doc_begin_line(d);
    view_doc_puts(d, VIEW_ROLE_NUMBER, count);
    if (search_query_count_terms(q) > 0) {
        view_doc_puts(d, VIEW_ROLE_DIM, res->n == 1 ? " question matches " : " questions match ");
        put_query(d, VIEW_ROLE_DIM, query);
    }
    view_doc_end_line(d);
    view_doc_add_blank(d);
    struct search_ranges r = {0};
    for (size_t i = 0; i < res->n; i++) {
        if (res->v[i].kind == SEARCH_KIND_FAQ && res->v[i].index < g->n_faqs) {
            faq_item(d, g, idx, q, res->v[i].index, &r);
        }
    }
    search_ranges_free(&r);
}

size_t view_search_faq(struct view_doc *d, const struct guide *g, size_t faq,
                       const struct search_index *idx, const struct search_query *q)
{
    if (faq >= g->n_faqs) {
        return 0;
    }
    const struct guide_faq *f = &g->faqs[faq];
    size_t entry = search_index_find_entry(idx, SEARCH_KIND_FAQ, faq, 0);
    view_marks_add_field(d, idx, q, entry, SEARCH_FIELD_FAQ_QUESTION, f->question, VIEW_ROLE_TITLE,
                         0, NULL, VIEW_ROLE_TITLE);
    view_doc_add_blank(d);
    size_t body = d->n_lines;
    view_marks_add_field(d, idx, q, entry, SEARCH_FIELD_FAQ_ANSWER, f->answer, VIEW_ROLE_BODY, 0,
                         NULL, VIEW_ROLE_BODY);
    return body;
}

size_t view_search_entry(struct view_doc *d, const struct guide *g, const struct search_index *idx,
                         const struct search_query *q, size_t entry)
{
    size_t n = search_entry_count_fields(idx, entry);
    bool titled = false;
    for (size_t k = 0; k < n; k++) {
        struct search_field_info f;
        search_entry_get_field(idx, entry, k, &f);
        if (f.title) {
            view_marks_add_field(d, idx, q, entry, f.role, f.text, VIEW_ROLE_TITLE, 0, NULL,
                                 VIEW_ROLE_TITLE);
            titled = true;
        }
    }
    if (!titled) {
        view_doc_add_text(d, VIEW_ROLE_TITLE, g->title, 0, NULL, VIEW_ROLE_TITLE);
    }
    size_t body = d->n_lines;
    for (size_t k = 0; k < n; k++) {
        struct search_field_info f;
        search_entry_get_field(idx, entry, k, &f);
        if (!f.title) {
            view_doc_add_blank(d);
            view_marks_add_field(d, idx, q, entry, f.role, f.text, VIEW_ROLE_BODY, 0, NULL,
                                 VIEW_ROLE_BODY);
        }
    }
    return body;
}

static bool has_mark(const struct view_line *l)
{
    for (size_t r = 0; r < l->n_runs; r++) {
        if (l->runs[r].role == VIEW_ROLE_MATCH) {
            return true;
        }
    }
    return false;
}

size_t view_search_mark_line(const struct view_doc *d, size_t from, size_t to, bool forward)
{
    to = to > d->n_lines ? d->n_lines : to;
    for (size_t i = from; i < to; i++) {
        size_t line = forward ? i : to - 1 - (i - from);
        if (has_mark(&d->lines[line])) {
            return line;
        }
    }
    return SIZE_MAX;
}
