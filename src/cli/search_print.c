/* SPDX-License-Identifier: MIT */
/* `trail --search QUERY`: matching entries as grep-like lines.
 *
 * Each line is "<section>: <title>: <context>", where the title is what names the entry on
 * screen (the question, the phase title, the certification name; for a key action the title of
 * its phase, the action itself being the context) and the context is a window of the first body
 * field that matches, or the start of the first body field when only the title matched. Parts
 * that are absent are left out with their separator. The learner's notes are searched too, as
 * the browser's / does: a match in a note gives its item's line, the note as context after
 * "note: ". Everything printed comes from the guide or the progress file and is untrusted: it
 * goes through text_sanitize() with TEXT_ONE_LINE (and TEXT_ASCII when the locale's character
 * set is not UTF-8, as main.c decides for --print). With highlight, the matches are marked with
 * SGR escapes (bold, red unless colour is off), as grep --color does on a terminal. */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define SEARCH_PRINT_CONTEXT_COLS 60

const char *search_kind_name(enum search_kind kind)
{
    switch (kind) {
    case SEARCH_KIND_INTRO:
        return "Intro";
    case SEARCH_KIND_OVERVIEW:
        return "Overview";
    case SEARCH_KIND_PHASE:
        return "Phase";
    case SEARCH_KIND_ACTION:
        return "Key action";
    case SEARCH_KIND_CERT:
        return "Certification";
    case SEARCH_KIND_FAQ:
        return "FAQ";
    case SEARCH_KIND_CTA:
        return "Call to action";
    default:
        return "Guide";
    }
}

/* Writes the len bytes at s sanitised to one line. */
static void put_safe(const char *s, size_t len, unsigned flags, FILE *out)
{
    size_t n;
    char *safe = text_sanitize(s, len, flags | TEXT_ONE_LINE, &n);
    fwrite(safe, 1, n, out);
    free(safe);
}

/* How matches are marked: nothing (a pipe), or the SGR sequences around each. */
struct marks {
    const char *on, *off;
};

/* Writes text[from, from + len) like put_safe(), each part that a range covers between the
 * marks (ranges: byte offsets into text, sorted, whole characters). */
static void put_marked(const char *text, size_t from, size_t len, const struct search_ranges *r,
                       const struct marks *m, unsigned flags, FILE *out)
{
    size_t at = from, end = from + len;
    for (size_t i = 0; m->on != NULL && r != NULL && i < r->n; i++) {
        size_t s = r->v[i].start > at ? r->v[i].start : at;
        size_t e = r->v[i].start + r->v[i].len < end ? r->v[i].start + r->v[i].len : end;
        if (s >= e) {
            continue;
        }
        put_safe(text + at, s - at, flags, out);
        fputs(m->on, out);
        put_safe(text + s, e - s, flags, out);
        fputs(m->off, out);
        at = e;
    }
    put_safe(text + at, end - at, flags, out);
}

/* The text that names an entry in its line; NULL when it has none. */
static const char *entry_title(const struct guide *g, const struct search_result *r)
{
    switch (r->kind) {
    case SEARCH_KIND_INTRO:
        return g->title;
    case SEARCH_KIND_OVERVIEW:
        return g->overview[r->index].title;
    case SEARCH_KIND_PHASE:
    case SEARCH_KIND_ACTION:
        return g->phases[r->index].title;
    case SEARCH_KIND_CERT:
        return g->certs[r->index].name;
    case SEARCH_KIND_FAQ:
        return g->faqs[r->index].question;
    case SEARCH_KIND_CTA:
        return g->cta->title;
    default:
        return NULL;
    }
}

/* Prints the context of an entry: the first field other than its title that matches, else the
 * first field other than its title from the start. Prints nothing when there is none. */
static void put_context(const struct search_index *idx, const struct search_query *q,
                        const struct search_result *r, const char *title, unsigned flags,
                        const struct marks *m, struct search_ranges *ranges, FILE *out)
{
    struct search_field_info fallback = {0}, f;
    size_t at = 0, n = search_entry_count_fields(idx, r->entry);
    bool found = false;
    for (size_t k = 0; k < n && !found; k++) {
        search_entry_get_field(idx, r->entry, k, &f);
        if (f.text == title) {
            continue;
        }
        if (fallback.text == NULL) {
            fallback = f;
        }
        if (search_field_ranges(idx, q, r->entry, k, ranges) > 0) {
            fallback = f;
            at = ranges->v[0].start;
            found = true;
        }
    }
    if (fallback.text == NULL) {
        return;
    }
    struct search_window w;
    search_context_window(fallback.text, fallback.len, at, 0, SEARCH_PRINT_CONTEXT_COLS, flags, &w);
    fputs(fallback.role == SEARCH_FIELD_NOTE ? ": note: " : ": ", out);
    if (w.cut_before) {
        fputs("...", out);
    }
    put_marked(fallback.text, w.start, w.len, found ? ranges : NULL, m, flags, out);
    if (w.cut_after) {
        fputs("...", out);
    }
}

/* Writes an entry's title, its matches marked when it is one of the entry's fields (a key
 * action's title is its phase's, which is another entry). */
static void put_title(const struct search_index *idx, const struct search_query *q,
                      const struct search_result *r, const char *title, unsigned flags,
                      const struct marks *m, struct search_ranges *ranges, FILE *out)
{
    size_t n = search_entry_count_fields(idx, r->entry);
    for (size_t k = 0; k < n; k++) {
        struct search_field_info f;
        search_entry_get_field(idx, r->entry, k, &f);
        if (f.text == title) {
            search_field_ranges(idx, q, r->entry, k, ranges);
            put_marked(title, 0, strlen(title), ranges, m, flags, out);
            return;
        }
    }
    put_safe(title, strlen(title), flags, out);
}

int search_print(const struct guide *g, const struct progress *p, const char *query,
                 unsigned text_flags, bool highlight, FILE *out)
{
    struct search_index *idx = search_index_build_notes(g, p);
    struct search_query *q = search_query_new(query);
    struct search_results res = {0};
    struct search_ranges ranges = {0};
    unsigned flags = text_flags & TEXT_ASCII;
    const char *no_color = getenv("NO_COLOR");
    struct marks m = {0};
    if (highlight) {
        m.on = no_color != NULL && no_color[0] != '\0' ? "\033[1m" : "\033[1;31m";
        m.off = "\033[m";
    }
    search_run(idx, q, SEARCH_KIND_ALL, SEARCH_ORDER_GUIDE, &res);
    for (size_t i = 0; i < res.n; i++) {
        const struct search_result *r = &res.v[i];
        const char *title = entry_title(g, r);
        fputs(search_kind_name(r->kind), out);
        if (title != NULL && title[0] != '\0') {
            fputs(": ", out);
            put_title(idx, q, r, title, flags, &m, &ranges, out);
        }
        put_context(idx, q, r, title, flags, &m, &ranges, out);
        if (r->kind == SEARCH_KIND_ACTION && g->phases[r->index].actions[r->sub].personal) {
            fputs(" (mine)", out); /* the learner's own action */
        }
        fputc('\n', out);
    }
    int rc = res.n > 0 ? 0 : 1;
    search_ranges_free(&ranges);
    search_results_free(&res);
    search_query_free(q);
    search_index_free(idx);
    return rc;
}
