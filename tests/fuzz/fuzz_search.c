/* SPDX-License-Identifier: MIT */
/* Fuzzes the search model (src/model/search.h): folding, the index, queries, match ranges and the
 * drawing helpers, on a guide built in memory from the input (no YAML: the fuzzer's effort goes
 * into the text).
 *
 * Input: byte 0 chooses the context width (1-64 columns) and the text flags, then the query up
 * to the first '\n', then the guide's texts separated by '\n' bytes, each split at its first TAB
 * into a title and a body. Text 0 is the intro; text i > 0 becomes, in turn, an overview block,
 * a phase with one key action, a certification, a question, and (once) the call to action. As
 * the loader guarantees, every string is valid UTF-8 without NUL (invalid bytes become '?') and
 * required ones are non-empty.
 *
 * Properties: an empty query matches every entry; results are ranked (title matches first,
 * guide order within a class) or in guide order; for a one-word query, an entry matches exactly
 * when the folded word occurs in one of its folded fields; match ranges are sorted, disjoint,
 * inside the field and on character boundaries, and a title-ranked result has one in a title
 * field; sanitised ranges, context windows and highlight columns stay inside their text; and
 * search_print() output is safe for a terminal and says "matched" exactly when search_run()
 * finds something. */
#define _GNU_SOURCE /* memmem() */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "guide.h"
#include "search.h"
#include "text.h"
#include "xalloc.h"

#define FUZZ_SEARCH_MAX_INPUT (64u * 1024u)
#define FUZZ_SEARCH_MAX_TEXTS 64

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_init_locale();
    return 0;
}

/* A copy of [s, s + n) in the guide's arena: valid UTF-8, no NUL; NULL when empty unless
 * required ("-" then). */
static const char *field(struct guide *g, const char *s, size_t n, int required)
{
    if (n == 0) {
        return required ? "-" : NULL;
    }
    char *out = arena_strndup(&g->arena, s, n);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = text_utf8_decode(out + i, n - i, &cp);
        if (cp == UINT32_MAX || cp == 0) {
            out[i] = '?';
        }
        i += k;
    }
    return out;
}

static void add_text(struct guide *g, size_t i, const char *s, size_t n)
{
    const char *tab = memchr(s, '\t', n);
    size_t tn = tab != NULL ? (size_t)(tab - s) : n;
    const char *title = field(g, s, tn, 1);
    const char *body = tab != NULL ? field(g, tab + 1, n - tn - 1, 1) : title;
    if (i % 5 == 4 && g->cta == NULL) { /* one call to action; later turns are questions */
        g->cta = arena_calloc(&g->arena, 1, sizeof *g->cta);
        g->cta->title = title, g->cta->text = body, g->cta->button = field(g, s, tn, 0);
        return;
    }
    switch (i % 5) {
    case 1: {
        struct guide_text *t = &g->overview[g->n_overview++];
        t->title = title, t->text = body;
        break;
    }
    case 2: {
        struct guide_phase *ph = &g->phases[g->n_phases];
        ph->id = arena_strdup(&g->arena, (char[]){(char)('a' + g->n_phases % 26), '\0'});
        ph->title = title, ph->summary = body;
        ph->actions = arena_calloc(&g->arena, 1, sizeof *ph->actions);
        ph->actions[0].id = ph->id, ph->actions[0].text = body;
        ph->n_actions = 1;
        g->n_phases++;
        break;
    }
    case 3: {
        struct guide_cert *c = &g->certs[g->n_certs++];
        c->id = "c", c->name = title, c->issuer = body, c->description = body;
        break;
    }
    default: {
        struct guide_faq *f = &g->faqs[g->n_faqs++];
        f->id = "q", f->question = title, f->answer = body;
        break;
    }
    }
}

static struct guide *build_guide(const char *s, size_t n)
{
    struct guide *g = xcalloc(1, sizeof *g);
    g->id = "fuzz", g->title = "Fuzz", g->short_title = "Fuzz";
    g->path_title = "Path", g->certs_title = "Certs", g->faq_title = "FAQ";
    g->available = g->loaded = GUIDE_PART_ALL;
    g->overview = arena_calloc(&g->arena, FUZZ_SEARCH_MAX_TEXTS, sizeof *g->overview);
    g->phases = arena_calloc(&g->arena, FUZZ_SEARCH_MAX_TEXTS, sizeof *g->phases);
    g->certs = arena_calloc(&g->arena, FUZZ_SEARCH_MAX_TEXTS, sizeof *g->certs);
    g->faqs = arena_calloc(&g->arena, FUZZ_SEARCH_MAX_TEXTS, sizeof *g->faqs);
    size_t i = 0;
    for (const char *end = s + n; s <= end && i < FUZZ_SEARCH_MAX_TEXTS; i++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t len = nl != NULL ? (size_t)(nl - s) : (size_t)(end - s);
        if (i == 0) {
            g->intro = field(g, s, len, 0);
        } else {
            add_text(g, i, s, len);
        }
        s += len + 1;
    }
    return g;
}

static void free_guide(struct guide *g)
{
    arena_free(&g->arena);
    free(g);
}

static void check_ranges(const struct search_field_info *f, const struct search_ranges *r)
{
    size_t prev_end = 0;
    for (size_t i = 0; i < r->n; i++) {
        const struct search_range *x = &r->v[i];
        FUZZ_CHECK(x->len > 0 && x->start + x->len <= f->len, "a range is inside its field");
        FUZZ_CHECK(i == 0 || x->start > prev_end, "ranges are sorted and merged");
        FUZZ_CHECK(((unsigned char)f->text[x->start] & 0xc0) != 0x80, "a range starts a character");
        FUZZ_CHECK(x->start + x->len == f->len ||
                       ((unsigned char)f->text[x->start + x->len] & 0xc0) != 0x80,
                   "a range ends a character");
        prev_end = x->start + x->len;
    }
}

/* The drawing helpers on every range of a field: everything stays inside its text. */
static void check_drawing(const struct search_field_info *f, const struct search_ranges *r,
                          int cols, unsigned flags)
{
    struct search_range *san = xreallocarray(NULL, r->n + 1, sizeof *san);
    struct search_span *spans = xreallocarray(NULL, r->n + 1, sizeof *spans);
    size_t slen;
    char *s = text_sanitize(f->text, f->len, flags, &slen);
    search_sanitized_ranges(f->text, f->len, flags, r->v, r->n, san);
    for (size_t i = 0; i < r->n; i++) {
        FUZZ_CHECK(san[i].start + san[i].len <= slen, "a sanitised range is inside the text");
        FUZZ_CHECK(i == 0 || san[i].start >= san[i - 1].start, "sanitised ranges stay sorted");
        struct search_window w;
        search_context_window(f->text, f->len, r->v[i].start, r->v[i].len, cols, flags, &w);
        FUZZ_CHECK(w.start + w.len <= f->len, "a context window is inside the text");
        FUZZ_CHECK(memchr(f->text + w.start, '\n', w.len) == NULL, "a window is one line");
        size_t wlen;
        char *ws = text_sanitize(f->text + w.start, w.len, flags | TEXT_ONE_LINE, &wlen);
        int width = text_width(ws, wlen);
        free(ws);
        /* The window is measured as it is drawn, with flags: in ASCII a combining mark is a '?'
         * of its own and a wide character a single '?', so only the drawn width is bounded. */
        FUZZ_CHECK(width <= cols, "a window fits its columns as drawn");
        size_t n = search_highlight_columns(f->text, w.start, w.len, flags | TEXT_ONE_LINE, r->v,
                                            r->n, spans);
        FUZZ_CHECK(n <= r->n, "at most one span per range");
        for (size_t k = 0; k < n; k++) {
            FUZZ_CHECK(spans[k].col >= 0 && spans[k].width >= 0 &&
                           spans[k].col + spans[k].width <= width,
                       "a highlight is inside its window");
        }
    }
    free(s);
    free(spans);
    free(san);
}

/* One-word queries against a naive search: fold the word as the query does, then look for it
 * in each folded field. */
static int naive_match(const struct search_index *idx, size_t entry, const char *word)
{
    size_t tlen;
    char *t = search_fold(word, strlen(word), &tlen);
    size_t out = 0;
    for (size_t i = 0; i < tlen; i++) { /* the query's space normalisation */
        if (t[i] == ' ' && (out == 0 || t[out - 1] == ' ')) {
            continue;
        }
        t[out++] = t[i];
    }
    while (out > 0 && t[out - 1] == ' ') {
        out--;
    }
    int found = 0;
    for (size_t k = 0; out > 0 && !found && k < search_entry_count_fields(idx, entry); k++) {
        struct search_field_info f;
        search_entry_get_field(idx, entry, k, &f);
        size_t flen;
        char *ff = search_fold(f.text, f.len, &flen);
        found = memmem(ff, flen, t, out) != NULL;
        free(ff);
    }
    free(t);
    return found;
}

static void check_results(const struct search_index *idx, const struct search_query *q,
                          const struct search_results *res, int cols, unsigned flags)
{
    size_t entries = search_index_count_entries(idx);
    size_t terms = search_query_count_terms(q);
    FUZZ_CHECK(res->n <= entries && res->n_title <= res->n, "results are counted");
    FUZZ_CHECK(terms > 0 || res->n == entries, "the empty query matches every entry");
    struct search_ranges ranges = {0};
    for (size_t i = 0; i < res->n; i++) {
        const struct search_result *r = &res->v[i];
        FUZZ_CHECK(r->rank == (i < res->n_title ? SEARCH_RANK_TITLE : SEARCH_RANK_BODY),
                   "title matches rank first");
        FUZZ_CHECK(i == 0 || r->rank != res->v[i - 1].rank || r->entry > res->v[i - 1].entry,
                   "guide order within a rank");
        int in_title = 0, any = 0;
        for (size_t k = 0; k < search_entry_count_fields(idx, r->entry); k++) {
            struct search_field_info f;
            search_entry_get_field(idx, r->entry, k, &f);
            FUZZ_CHECK(strlen(f.text) == f.len, "a field has its length");
            search_field_ranges(idx, q, r->entry, k, &ranges);
            check_ranges(&f, &ranges);
            check_drawing(&f, &ranges, cols, flags);
            in_title |= f.title && ranges.n > 0;
            any |= ranges.n > 0;
        }
        FUZZ_CHECK(terms == 0 || any, "a matching entry has a range");
        FUZZ_CHECK(r->rank != SEARCH_RANK_TITLE || in_title, "a title match is in a title");
    }
    search_ranges_free(&ranges);
}

/* Results of a one-word query in guide order: an entry is in them iff it matches naively. */
static void check_one_word(const struct search_index *idx, const struct search_query *q,
                           const struct search_results *res, const char *query)
{
    if (search_query_count_terms(q) != 1 || strpbrk(query, " \t\"") != NULL) {
        return;
    }
    size_t next = 0, entries = search_index_count_entries(idx);
    for (size_t i = 0; i < res->n; i++) {
        for (; next < res->v[i].entry; next++) {
            FUZZ_CHECK(!naive_match(idx, next, query), "a one-word match is found");
        }
        FUZZ_CHECK(naive_match(idx, next++, query), "a one-word result matches");
    }
    for (; next < entries; next++) {
        FUZZ_CHECK(!naive_match(idx, next, query), "a one-word match is found");
    }
}

static void check_print(const struct guide *g, const char *query, unsigned flags, size_t matches)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    FUZZ_CHECK(f != NULL, "open_memstream");
    int rc = search_print(g, NULL, query, flags, false, f);
    fclose(f);
    FUZZ_CHECK(rc == (matches > 0 ? 0 : 1), "search_print() says whether something matched");
    fuzz_check_terminal_safe(out, len, 0, NULL, "search_print() output");
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > FUZZ_SEARCH_MAX_INPUT) {
        return -1;
    }
    int cols = 1 + (data[0] & 63);
    unsigned flags = (data[0] & 64) ? TEXT_ASCII : 0;
    char *buf = fuzz_copy(data + 1, size - 1);
    size_t len = size - 1;
    char *nl = memchr(buf, '\n', len);
    size_t qlen = nl != NULL ? (size_t)(nl - buf) : len;
    char *query = xstrndup(buf, qlen); /* stops at a NUL, as a C string query would */
    struct guide *g = build_guide(nl != NULL ? nl + 1 : buf + len, nl != NULL ? len - qlen - 1 : 0);

    struct search_index *idx = search_index_build(g);
    struct search_query *q = search_query_new(query);
    struct search_results res = {0};
    search_run(idx, q, SEARCH_KIND_ALL, 0, &res);
    check_results(idx, q, &res, cols, flags);
    size_t ranked = res.n;
    search_run(idx, q, SEARCH_KIND_ALL, SEARCH_ORDER_GUIDE, &res);
    FUZZ_CHECK(res.n == ranked, "ranking does not change what matches");
    for (size_t i = 1; i < res.n; i++) {
        FUZZ_CHECK(res.v[i].entry > res.v[i - 1].entry, "SEARCH_ORDER_GUIDE keeps guide order");
    }
    check_one_word(idx, q, &res, query);
    search_run(idx, q, SEARCH_KIND_FAQ, 0, &res);
    for (size_t i = 0; i < res.n; i++) {
        FUZZ_CHECK(res.v[i].kind == SEARCH_KIND_FAQ, "a kind mask filters");
    }
    check_print(g, query, flags, ranked);

    search_results_free(&res);
    search_query_free(q);
    search_index_free(idx);
    free_guide(g);
    free(query);
    free(buf);
    return 0;
}
