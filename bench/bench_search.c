/* SPDX-License-Identifier: MIT */
/* bench_search: figure 2, search per keystroke on a large guide vs. memmem.
 *
 * Loads the whole guide, builds the search index once (not measured: it happens once per
 * guide), then for 1-, 2- and 3-word queries measures (a) one query as the browser runs it on
 * a keystroke: search_query_new() + search_run() over every kind, ranked; (b) the reference:
 * glibc memmem() counting every occurrence of the query's longest word in the same folded text,
 * one pass over all of it. The folded text is rebuilt here from the index's own fields through
 * search_fold(), joined by '\n', so both sides scan the same bytes. It also types each query
 * one character at a time and reports the slowest keystroke (every prefix is a query).
 *
 * Usage: bench_search GUIDE_DIR RUNS
 * Output, one line per query: "<label>|<query ms>|<memmem ms>|<slowest keystroke ms>" (medians
 * of RUNS). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "guide.h"
#include "search.h"
#include "xalloc.h"

#define BS_MAX_RUNS 101

struct folded {
    char *buf;
    size_t len, cap;
};

static double bs_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int bs_compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double bs_median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], bs_compare);
    return v[n / 2];
}

static void bs_append(struct folded *f, const char *s, size_t n)
{
    if (f->len + n + 1 > f->cap) {
        f->cap = (f->len + n + 1) * 2;
        f->buf = xreallocarray(f->buf, f->cap, 1);
    }
    memcpy(f->buf + f->len, s, n);
    f->len += n;
    f->buf[f->len++] = '\n';
}

/* Every field of every entry, folded, in index order. */
static void bs_fold_all(const struct search_index *idx, struct folded *f)
{
    size_t entries = search_index_count_entries(idx);
    for (size_t e = 0; e < entries; e++) {
        size_t fields = search_entry_count_fields(idx, e);
        for (size_t k = 0; k < fields; k++) {
            struct search_field_info info;
            search_entry_get_field(idx, e, k, &info);
            size_t n;
            char *s = search_fold(info.text, info.len, &n);
            bs_append(f, s, n);
            free(s);
        }
    }
}

static size_t bs_memmem_count(const struct folded *f, const char *word)
{
    size_t wlen = strlen(word), count = 0;
    const char *p = f->buf, *end = f->buf + f->len;
    while ((p = memmem(p, (size_t)(end - p), word, wlen)) != NULL) {
        count++;
        p += wlen;
    }
    return count;
}

static double bs_query_ms(const struct search_index *idx, const char *text,
                          struct search_results *res)
{
    double t0 = bs_now();
    struct search_query *q = search_query_new(text);
    search_run(idx, q, SEARCH_KIND_ALL, 0, res);
    double t = bs_now() - t0;
    search_query_free(q);
    return t;
}

/* The slowest keystroke while typing text: each prefix is run as a query. */
static double bs_typing_ms(const struct search_index *idx, const char *text,
                           struct search_results *res)
{
    double worst = 0;
    char prefix[256];
    for (size_t i = 1; i <= strlen(text) && i < sizeof prefix; i++) {
        memcpy(prefix, text, i);
        prefix[i] = '\0';
        double t = bs_query_ms(idx, prefix, res);
        worst = t > worst ? t : worst;
    }
    return worst;
}

static const char *bs_longest_word(const char *text, char *out, size_t size)
{
    out[0] = '\0';
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (n > strlen(out) && n < size) {
            memcpy(out, p, n);
            out[n] = '\0';
        }
        p += n + (p[n] == ' ');
    }
    return out;
}

int main(int argc, char **argv)
{
    static const char *const queries[][2] = {
        {"1 word", "pipeline"},
        {"2 words", "kubernetes drift"},
        {"3 words", "cafe gradient latency"},
    };
    int runs = argc == 3 ? atoi(argv[2]) : 0;
    if (runs < 1 || runs > BS_MAX_RUNS) {
        fputs("Usage: bench_search GUIDE_DIR RUNS(1-101)\n", stderr);
        return 2;
    }
    setlocale(LC_ALL, "");
    struct diag d = {0};
    struct guide *g = guide_load(argv[1], GUIDE_PART_ALL, &d);
    if (g == NULL) {
        diag_print(&d, stderr);
        diag_free(&d);
        return 1;
    }
    struct search_index *idx = search_index_build(g);
    struct folded f = {0};
    bs_fold_all(idx, &f);
    struct search_results res = {0};
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        const char *text = queries[i][1];
        char word[128];
        bs_longest_word(text, word, sizeof word);
        double q[BS_MAX_RUNS], m[BS_MAX_RUNS], k[BS_MAX_RUNS];
        size_t hits = 0;
        for (int r = 0; r < runs; r++) {
            q[r] = bs_query_ms(idx, text, &res);
            double t0 = bs_now();
            hits = bs_memmem_count(&f, word);
            m[r] = bs_now() - t0;
            k[r] = bs_typing_ms(idx, text, &res);
        }
        bs_query_ms(idx, text, &res);
        printf("%s '%s', %zu results|%.3f|%.3f|%.3f\n", queries[i][0], text, res.n,
               bs_median(q, runs), bs_median(m, runs), bs_median(k, runs));
        if (hits == 0) {
            fprintf(stderr, "bench_search: '%s' never occurs in the folded text\n", word);
        }
    }
    search_results_free(&res);
    free(f.buf);
    search_index_free(idx);
    guide_free(g);
    diag_free(&d);
    return 0;
}
