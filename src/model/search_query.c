/* SPDX-License-Identifier: MIT */
/* Queries: parsing, matching and match ranges.
 *
 * A query is a list of folded terms. Matching scans the index's folded buffer for the longest
 * term (likely the most selective one) with a finder (search_scan.c), prepared once per run;
 * each hit is mapped to its field by a galloping search forward from the previous hit's field
 * (hits only move forward, so this touches a few neighbouring fields, never the whole table),
 * and the other terms are looked for from the start of that candidate entry on. A term whose
 * next occurrence lies in a later entry moves the scan on to that entry (a zig-zag join), so
 * every term's search only moves forward: a query costs about one pass per term at worst, and
 * little more than one pass when its terms are rare. Nothing is allocated per field or per hit:
 * the results grow in the caller's struct search_results. Ranges, needed only for rows on
 * screen, are computed on demand per field. */
#define _GNU_SOURCE /* memmem(): glibc declares it for GNU only */

#include "search_internal.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct search_term {
    char *s; /* folded, NUL-terminated, never empty */
    size_t len;
};

struct search_query {
    struct search_term *terms;
    size_t n;
    size_t lead; /* the longest term: the one the scan looks for */
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Collapses runs of spaces in s to one and trims both ends; returns the new length. */
static size_t normalise_spaces(char *s, size_t len)
{
    size_t out = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ' ' && (out == 0 || s[out - 1] == ' ')) {
            continue;
        }
        s[out++] = s[i];
    }
    while (out > 0 && s[out - 1] == ' ') {
        out--;
    }
    s[out] = '\0';
    return out;
}

static void add_term(struct search_query *q, const char *s, size_t len)
{
    size_t flen;
    char *f = search_fold(s, len, &flen);
    flen = normalise_spaces(f, flen);
    if (flen == 0) {
        free(f);
        return;
    }
    q->terms = xreallocarray(q->terms, q->n + 1, sizeof *q->terms);
    q->terms[q->n++] = (struct search_term){f, flen};
}

struct search_query *search_query_new(const char *text)
{
    struct search_query *q = xcalloc(1, sizeof *q);
    const char *p = text;
    while (*p != '\0') {
        if (is_blank(*p)) {
            p++;
        } else if (*p == '"') {
            const char *end = strchr(p + 1, '"');
            size_t n = end != NULL ? (size_t)(end - p - 1) : strlen(p + 1);
            add_term(q, p + 1, n);
            p += n + 1 + (end != NULL);
        } else {
            size_t n = 0;
            while (p[n] != '\0' && !is_blank(p[n]) && p[n] != '"') {
                n++;
            }
            add_term(q, p, n);
            p += n;
        }
    }
    for (size_t i = 1; i < q->n; i++) {
        if (q->terms[i].len > q->terms[q->lead].len) {
            q->lead = i;
        }
    }
    return q;
}

void search_query_free(struct search_query *q)
{
    if (q == NULL) {
        return;
    }
    for (size_t i = 0; i < q->n; i++) {
        free(q->terms[i].s);
    }
    free(q->terms);
    free(q);
}

size_t search_query_count_terms(const struct search_query *q)
{
    return q->n;
}

/* The index of the field whose folded text (or trailing '\0') holds folded offset off, searched
 * forward from field `from` (whose start is at or before off): galloping, then binary search. */
static size_t field_from(const struct search_index *idx, size_t from, size_t off)
{
    size_t lo = from, hi = from + 1, step = 1;
    while (hi < idx->n_fields && idx->fields[hi].start <= off) {
        lo = hi;
        step *= 2;
        hi = lo + step;
    }
    hi = hi < idx->n_fields ? hi : idx->n_fields;
    /* fields[lo].start <= off, and hi is the end or a field that starts after off. */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (idx->fields[mid].start <= off) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static bool is_title(const struct search_index *idx, const struct search_field *fld)
{
    const struct search_entry *e = &idx->entries[fld->entry];
    return (size_t)(fld - idx->fields) < e->first_field + e->n_title;
}

static size_t entry_start(const struct search_index *idx, size_t entry)
{
    return idx->fields[idx->entries[entry].first_field].start;
}

/* Where the entry after `entry` starts (past the entry's last separator). */
static size_t entry_end(const struct search_index *idx, size_t entry)
{
    const struct search_entry *e = &idx->entries[entry];
    const struct search_field *last = &idx->fields[e->first_field + e->n_fields - 1];
    return last->start + last->len + 1;
}

static void push_result(struct search_results *out, const struct search_index *idx, size_t entry,
                        enum search_rank rank)
{
    if (out->n == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 64;
        out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
        out->scratch = xreallocarray(out->scratch, out->cap, sizeof *out->scratch);
    }
    search_index_get_entry(idx, entry, &out->v[out->n]);
    out->v[out->n++].rank = rank;
    if (rank == SEARCH_RANK_TITLE) {
        out->n_title++;
    }
}

/* Checks the candidate entry, where the lead term first occurs at field `hit`, for the other
 * terms (finders fd, one per term), each looked for from the entry's start up to hi. Returns 1
 * when all occur in it (and sets *rank), 0 when one first occurs in a later entry (*next is
 * where the scan resumes: no entry before it can match), -1 when one occurs nowhere further
 * (nothing else can match). */
static int check_entry(const struct search_index *idx, const struct search_query *q,
                       const struct search_finder *fd, size_t hit, size_t hi,
                       enum search_rank *rank, size_t *next)
{
    size_t entry = idx->fields[hit].entry;
    size_t first = idx->entries[entry].first_field;
    size_t start = idx->fields[first].start;
    /* Title fields come first, so a term's first occurrence is in a title or in none. */
    bool title = is_title(idx, &idx->fields[hit]);
    for (size_t i = 0; i < q->n; i++) {
        if (i == q->lead) {
            continue;
        }
        const char *h = search_finder_find(&fd[i], idx->folded + start, hi - start);
        if (h == NULL) {
            return -1;
        }
        const struct search_field *fld =
            &idx->fields[field_from(idx, first, (size_t)(h - idx->folded))];
        if (fld->entry != entry) {
            *next = entry_start(idx, fld->entry);
            return 0;
        }
        title = title || is_title(idx, fld);
    }
    *rank = title ? SEARCH_RANK_TITLE : SEARCH_RANK_BODY;
    return 1;
}

/* The folded bytes spanned by the entries of the kinds in the mask. */
static void kinds_span(const struct search_index *idx, unsigned kinds, size_t *lo, size_t *hi)
{
    *lo = idx->folded_len;
    *hi = 0;
    for (unsigned bit = 0; bit < SEARCH_N_KINDS; bit++) {
        if ((kinds & (1u << bit)) == 0 || idx->kind_lo[bit] == idx->kind_hi[bit]) {
            continue;
        }
        *lo = idx->kind_lo[bit] < *lo ? idx->kind_lo[bit] : *lo;
        *hi = idx->kind_hi[bit] > *hi ? idx->kind_hi[bit] : *hi;
    }
}

/* Title matches first, each class in guide order: a stable partition through the scratch. */
static void rank_results(struct search_results *out)
{
    size_t t = 0, b = out->n_title;
    for (size_t i = 0; i < out->n; i++) {
        if (out->v[i].rank == SEARCH_RANK_TITLE) {
            out->scratch[t++] = out->v[i];
        } else {
            out->scratch[b++] = out->v[i];
        }
    }
    if (out->n > 0) {
        memcpy(out->v, out->scratch, out->n * sizeof *out->v);
    }
}

size_t search_run(const struct search_index *idx, const struct search_query *q, unsigned kinds,
                  unsigned flags, struct search_results *out)
{
    out->n = 0;
    out->n_title = 0;
    if (q->n == 0) {
        for (size_t i = 0; i < idx->n_entries; i++) {
            if (idx->entries[i].kind & kinds) {
                push_result(out, idx, i, SEARCH_RANK_BODY);
            }
        }
        return out->n;
    }
    struct search_finder *fd = xreallocarray(NULL, q->n, sizeof *fd);
    for (size_t i = 0; i < q->n; i++) {
        search_finder_init(&fd[i], q->terms[i].s, q->terms[i].len, idx->byte_counts);
    }
    size_t p, hi, at = 0;
    kinds_span(idx, kinds, &p, &hi);
    while (p < hi) {
        const char *hit = search_finder_find(&fd[q->lead], idx->folded + p, hi - p);
        if (hit == NULL) {
            break;
        }
        at = field_from(idx, at, (size_t)(hit - idx->folded));
        size_t entry = idx->fields[at].entry;
        size_t next = entry_end(idx, entry);
        if ((idx->entries[entry].kind & kinds) == 0) {
            p = next;
            continue;
        }
        enum search_rank rank;
        int found = check_entry(idx, q, fd, at, hi, &rank, &next);
        if (found < 0) {
            break;
        }
        if (found > 0) {
            push_result(out, idx, entry, rank);
        }
        p = next;
    }
    free(fd);
    if ((flags & SEARCH_ORDER_GUIDE) == 0) {
        rank_results(out);
    }
    return out->n;
}

static void push_range(struct search_ranges *out, size_t start, size_t end)
{
    if (out->n == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 16;
        out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
    }
    out->v[out->n++] = (struct search_range){start, end > start ? end - start : 0};
}

static int cmp_range(const void *a, const void *b)
{
    const struct search_range *x = a, *y = b;
    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    return x->len < y->len ? -1 : x->len > y->len;
}

/* Sorts the ranges and merges those that overlap or touch. */
static void merge_ranges(struct search_ranges *out)
{
    if (out->n < 2) {
        return;
    }
    qsort(out->v, out->n, sizeof *out->v, cmp_range);
    size_t w = 0;
    for (size_t i = 1; i < out->n; i++) {
        struct search_range *cur = &out->v[w];
        size_t cur_end = cur->start + cur->len;
        if (out->v[i].start <= cur_end) {
            size_t end = out->v[i].start + out->v[i].len;
            cur->len = (end > cur_end ? end : cur_end) - cur->start;
        } else {
            out->v[++w] = out->v[i];
        }
    }
    out->n = w + 1;
}

size_t search_field_ranges(const struct search_index *idx, const struct search_query *q,
                           size_t entry, size_t k, struct search_ranges *out)
{
    const struct search_field *fld = &idx->fields[idx->entries[entry].first_field + k];
    const char *text = idx->folded + fld->start;
    out->n = 0;
    for (size_t i = 0; i < q->n; i++) {
        const struct search_term *t = &q->terms[i];
        size_t pos = 0;
        const char *hit;
        while (pos < fld->len && (hit = memmem(text + pos, fld->len - pos, t->s, t->len))) {
            size_t f = (size_t)(hit - text);
            push_range(out, search_map_start(idx, fld, f), search_map_end(idx, fld, f + t->len));
            pos = f + t->len;
        }
    }
    merge_ranges(out);
    return out->n;
}

void search_results_free(struct search_results *r)
{
    free(r->v);
    free(r->scratch);
    *r = (struct search_results){0};
}

void search_ranges_free(struct search_ranges *r)
{
    free(r->v);
    *r = (struct search_ranges){0};
}
