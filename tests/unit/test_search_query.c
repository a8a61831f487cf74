/* SPDX-License-Identifier: MIT */
/* Matching, ranking, kind filters, highlight ranges and columns, context windows, over small
 * guides built in code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <locale.h>

#include "search.h"
#include "text.h"
#include "test_search_util.h"

/* Runs query over g and returns the number of results, leaving them in *res. */
static size_t run(struct guide *g, const char *query, unsigned kinds, unsigned flags,
                  struct search_results *res)
{
    struct search_index *idx = search_index_build(g);
    struct search_query *q = search_query_new(query);
    size_t n = search_run(idx, q, kinds, flags, res);
    search_query_free(q);
    search_index_free(idx);
    return n;
}

static struct guide *faq_guide(void)
{
    struct guide *g = tg_new();
    tg_add_faq(g, "How do I ship Docker images?", "Build them in CI and push to a registry.");
    tg_add_faq(g, "What runs containers?", "Kubernetes clusters run containers built by Docker.");
    tg_add_faq(g, "Is Kubernetes hard?", "It takes practice.");
    return g;
}

static void test_words_all_required_any_order(void **state)
{
    (void)state;
    struct guide *g = faq_guide();
    struct search_results res = {0};
    /* Only FAQ 1 holds both words (in its answer). */
    assert_int_equal(run(g, "kubernetes docker", SEARCH_KIND_ALL, 0, &res), 1);
    assert_int_equal(res.v[0].kind, SEARCH_KIND_FAQ);
    assert_int_equal(res.v[0].index, 1);
    /* Words may sit in different fields of the entry: "ship" (question) + "registry" (answer). */
    assert_int_equal(run(g, "registry SHIP", SEARCH_KIND_ALL, 0, &res), 1);
    assert_int_equal(res.v[0].index, 0);
    search_results_free(&res);
    tg_free(g);
}

static void test_scan_jumps_to_the_entry_of_a_later_term(void **state)
{
    (void)state;
    struct guide *g = tg_new();
    tg_add_faq(g, "longword first", "x");
    tg_add_faq(g, "longword second", "x");
    tg_add_faq(g, "brief", "longword third");
    tg_add_faq(g, "brief", "fourth");
    tg_add_faq(g, "longword fifth", "brief");
    struct search_results res = {0};
    /* The scan looks for "longword" and finds "brief" first in FAQ 2: FAQs 0 and 1 are passed
     * over, FAQ 3 lacks "longword", FAQ 4 has both (title and body). */
    assert_int_equal(run(g, "brief longword", SEARCH_KIND_ALL, 0, &res), 2);
    assert_int_equal(res.v[0].index, 2);
    assert_int_equal(res.v[0].rank, SEARCH_RANK_TITLE); /* "brief" is FAQ 2's question */
    assert_int_equal(res.v[1].index, 4);
    assert_int_equal(res.v[1].rank, SEARCH_RANK_TITLE);
    search_results_free(&res);
    tg_free(g);
}

/* Words for the cross-check: accented and case variants fold together. */
static const char *const vocab[] = {
    "model",
    "Model",
    "MODEL",
    "r\xc3\xa9sum\xc3\xa9",
    "resume",
    "Stra\xc3\x9f"
    "e",
    "strasse",
    "\xce\x9f\xce\x94\xce\x9f\xce\xa3",
    "\xce\xbf\xce\xb4\xcf\x8c\xcf\x82",
    "data",
    "pipeline",
    "\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0",
    "gpu",
    "GPUs",
    "\xe6\x97\xa5\xe6\x9c\xac",
};
#define N_VOCAB (sizeof vocab / sizeof vocab[0])

static char *random_text(unsigned *seed, int words)
{
    char buf[512] = "";
    for (int i = 0; i < words; i++) {
        strcat(buf, vocab[(unsigned)rand_r(seed) % N_VOCAB]);
        strcat(buf, i % 3 == 2 ? "\n" : " ");
    }
    return xstrdup(buf);
}

/* Whether the folded term occurs in the folding of text (NULL: no). */
static bool naive_has(const char *text, const char *term)
{
    if (text == NULL) {
        return false;
    }
    char *f = search_fold(text, strlen(text), NULL);
    bool has = strstr(f, term) != NULL;
    free(f);
    return has;
}

static void test_matches_a_naive_search(void **state)
{
    (void)state;
    unsigned seed = 12345;
    struct guide *g = tg_new();
    for (int i = 0; i < 150; i++) {
        char *qn = random_text(&seed, 1 + i % 3), *an = random_text(&seed, i % 7);
        tg_add_faq(g, qn, an);
        free(qn);
        free(an);
    }
    struct search_index *idx = search_index_build(g);
    struct search_results res = {0};
    for (int round = 0; round < 300; round++) {
        const char *w[2] = {vocab[(unsigned)rand_r(&seed) % N_VOCAB],
                            vocab[(unsigned)rand_r(&seed) % N_VOCAB]};
        int nw = 1 + round % 2;
        char query[128];
        snprintf(query, sizeof query, "%s %s", w[0], nw == 2 ? w[1] : "");
        struct search_query *q = search_query_new(query);
        search_run(idx, q, SEARCH_KIND_FAQ, 0, &res);
        /* The naive answer: titles first, then bodies, each in guide order. */
        size_t expect[2][150], n_expect[2] = {0, 0};
        for (size_t i = 0; i < g->n_faqs; i++) {
            bool all = true, title = false;
            for (int k = 0; k < nw; k++) {
                char *t = search_fold(w[k], strlen(w[k]), NULL);
                bool in_q = naive_has(g->faqs[i].question, t);
                all = all && (in_q || naive_has(g->faqs[i].answer, t));
                title = title || in_q;
                free(t);
            }
            if (all) {
                expect[title ? 0 : 1][n_expect[title ? 0 : 1]++] = i;
            }
        }
        assert_int_equal(res.n, n_expect[0] + n_expect[1]);
        assert_int_equal(res.n_title, n_expect[0]);
        for (size_t i = 0; i < res.n; i++) {
            size_t want = i < n_expect[0] ? expect[0][i] : expect[1][i - n_expect[0]];
            assert_int_equal(res.v[i].index, want);
        }
        search_query_free(q);
    }
    search_results_free(&res);
    search_index_free(idx);
    tg_free(g);
}

static void test_phrase_versus_words(void **state)
{
    (void)state;
    struct guide *g = tg_new();
    tg_add_faq(g, "Deep learning models", "x");
    tg_add_faq(g, "Learning to go deep", "x");
    tg_add_faq(g, "Deep\nlearning across a line break", "x");
    struct search_results res = {0};
    assert_int_equal(run(g, "deep learning", SEARCH_KIND_ALL, SEARCH_ORDER_GUIDE, &res), 3);
    assert_int_equal(run(g, "\"deep learning\"", SEARCH_KIND_ALL, SEARCH_ORDER_GUIDE, &res), 2);
    assert_int_equal(res.v[0].index, 0);
    assert_int_equal(res.v[1].index, 2);
    /* Spaces inside the quotes are normalised; an unterminated quote runs to the end. */
    assert_int_equal(run(g, "\"  DEEP   learning ", SEARCH_KIND_ALL, 0, &res), 2);
    assert_int_equal(run(g, "\"go deep\" learning", SEARCH_KIND_ALL, 0, &res), 1);
    assert_int_equal(res.v[0].index, 1);
    search_results_free(&res);
    tg_free(g);
}

static void test_title_matches_rank_first(void **state)
{
    (void)state;
    struct guide *g = tg_new();
    tg_add_faq(g, "Which language?", "Python, mostly.");         /* body */
    tg_add_faq(g, "Is Python enough?", "No.");                   /* title */
    tg_add_faq(g, "Which libraries?", "The Python data stack."); /* body */
    tg_add_faq(g, "Python or R?", "Python.");                    /* title and body */
    struct search_results res = {0};
    assert_int_equal(run(g, "python", SEARCH_KIND_ALL, 0, &res), 4);
    assert_int_equal(res.n_title, 2);
    size_t want[] = {1, 3, 0, 2}; /* titles in guide order, then bodies in guide order */
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(res.v[i].index, want[i]);
        assert_int_equal(res.v[i].rank, i < 2 ? SEARCH_RANK_TITLE : SEARCH_RANK_BODY);
    }
    /* The scan looks for the longest term ("mostly", in the body); the other one ("which")
     * found in the title ranks the entry as a title match too. */
    assert_int_equal(run(g, "which mostly", SEARCH_KIND_ALL, 0, &res), 1);
    assert_int_equal(res.v[0].index, 0);
    assert_int_equal(res.v[0].rank, SEARCH_RANK_TITLE);
    /* Guide order on request. */
    assert_int_equal(run(g, "python", SEARCH_KIND_ALL, SEARCH_ORDER_GUIDE, &res), 4);
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(res.v[i].index, i);
    }
    search_results_free(&res);
    tg_free(g);
}

static struct guide *mixed_guide(void)
{
    struct guide *g = tg_new();
    g->intro = tg_str(g, "An intro about Python.");
    tg_add_overview(g, "What You'll Learn", "Python and more.");
    tg_add_phase(g, "Foundations", "Learn Python.");
    tg_add_action(g, "Master Python");
    tg_add_action(g, "Learn Git");
    tg_add_phase(g, "Deployment", "Ship it.");
    tg_add_action(g, "Learn Docker");
    tg_add_cert(g, "Python Cert", "PSF", "A certificate.");
    tg_add_faq(g, "Python?", "Yes.");
    tg_set_cta(g, "Start now", "Write Python today.", "Go");
    return g;
}

static void test_empty_query_matches_everything_in_guide_order(void **state)
{
    (void)state;
    struct guide *g = mixed_guide();
    struct search_results res = {0};
    /* intro, overview, phase 0, 2 actions, phase 1, 1 action, cert, faq, cta */
    enum search_kind want[] = {SEARCH_KIND_INTRO,  SEARCH_KIND_OVERVIEW, SEARCH_KIND_PHASE,
                               SEARCH_KIND_ACTION, SEARCH_KIND_ACTION,   SEARCH_KIND_PHASE,
                               SEARCH_KIND_ACTION, SEARCH_KIND_CERT,     SEARCH_KIND_FAQ,
                               SEARCH_KIND_CTA};
    const char *queries[] = {"", "   ", "\"\""};
    for (size_t q = 0; q < 3; q++) {
        assert_int_equal(run(g, queries[q], SEARCH_KIND_ALL, 0, &res), 10);
        for (size_t i = 0; i < 10; i++) {
            assert_int_equal(res.v[i].kind, want[i]);
            assert_int_equal(res.v[i].entry, i);
        }
    }
    assert_int_equal(res.v[4].index, 0);
    assert_int_equal(res.v[4].sub, 1);
    assert_int_equal(res.v[6].index, 1);
    assert_int_equal(res.v[6].sub, 0);
    assert_int_equal(run(g, "", SEARCH_KIND_FAQ, 0, &res), 1);
    search_results_free(&res);
    tg_free(g);
}

static void test_no_match(void **state)
{
    (void)state;
    struct guide *g = mixed_guide();
    struct search_results res = {0};
    assert_int_equal(run(g, "blockchain", SEARCH_KIND_ALL, 0, &res), 0);
    assert_int_equal(run(g, "python blockchain", SEARCH_KIND_ALL, 0, &res), 0);
    /* Terms never match across two fields: the FAQ's question ends "Python?", answer "Yes." */
    assert_int_equal(run(g, "\"python? yes\"", SEARCH_KIND_ALL, 0, &res), 0);
    search_results_free(&res);
    tg_free(g);
}

static void test_kind_filter(void **state)
{
    (void)state;
    struct guide *g = mixed_guide();
    struct search_results res = {0};
    /* intro, overview, phase 0, its first action, cert, FAQ, call to action */
    assert_int_equal(run(g, "python", SEARCH_KIND_ALL, SEARCH_ORDER_GUIDE, &res), 7);
    assert_int_equal(run(g, "python", SEARCH_KIND_FAQ, 0, &res), 1);
    assert_int_equal(res.v[0].kind, SEARCH_KIND_FAQ);
    assert_int_equal(run(g, "learn", SEARCH_KIND_ACTION, SEARCH_ORDER_GUIDE, &res), 2);
    assert_int_equal(res.v[0].sub, 1); /* Learn Git */
    assert_int_equal(res.v[1].index, 1);
    assert_int_equal(run(g, "learn", SEARCH_KIND_PHASE | SEARCH_KIND_OVERVIEW, 0, &res), 2);
    assert_int_equal(res.v[0].kind, SEARCH_KIND_OVERVIEW); /* its title holds "Learn" */
    assert_int_equal(res.v[1].kind, SEARCH_KIND_PHASE);
    search_results_free(&res);
    tg_free(g);
}

static void test_unicode_queries(void **state)
{
    (void)state;
    struct guide *g = tg_new();
    tg_add_faq(g, "Tailor your Resume", "x");
    tg_add_faq(g, "\xce\x9f\xce\x94\xce\x9f\xce\xa3", "x"); /* ΟΔΟΣ */
    tg_add_faq(g,
               "ab\xff"
               "cd",
               "x"); /* invalid byte */
    struct search_results res = {0};
    assert_int_equal(run(g, "r\xc3\xa9sum\xc3\xa9", SEARCH_KIND_ALL, 0, &res), 1);
    assert_int_equal(res.v[0].index, 0);
    assert_int_equal(run(g, "RESUME", SEARCH_KIND_ALL, 0, &res), 1);
    assert_int_equal(run(g, "\xce\xbf\xce\xb4\xcf\x8c\xcf\x82", SEARCH_KIND_ALL, 0, &res), 1);
    assert_int_equal(res.v[0].index, 1);
    assert_int_equal(run(g, "bc", SEARCH_KIND_ALL, 0, &res), 0);
    assert_int_equal(run(g, "ab", SEARCH_KIND_ALL, 0, &res), 1);
    search_results_free(&res);
    tg_free(g);
}

/* The ranges of query in the only field of a one-FAQ guide's question. */
static size_t question_ranges(const char *question, const char *query, struct search_ranges *r)
{
    struct guide *g = tg_new();
    tg_add_faq(g, question, NULL);
    struct search_index *idx = search_index_build(g);
    struct search_query *q = search_query_new(query);
    size_t n = search_field_ranges(idx, q, 0, 0, r);
    search_query_free(q);
    search_index_free(idx);
    tg_free(g);
    return n;
}

static void test_ranges_are_original_byte_offsets(void **state)
{
    (void)state;
    struct search_ranges r = {0};
    /* "Café résumé": C a f é(2) ' ' -> "résumé" starts at byte 6 and is 8 bytes long. */
    assert_int_equal(question_ranges("Caf\xc3\xa9 r\xc3\xa9sum\xc3\xa9", "resume", &r), 1);
    assert_int_equal(r.v[0].start, 6);
    assert_int_equal(r.v[0].len, 8);
    assert_int_equal(question_ranges("Caf\xc3\xa9 r\xc3\xa9sum\xc3\xa9", "cafe resume", &r), 2);
    assert_int_equal(r.v[0].start, 0);
    assert_int_equal(r.v[0].len, 5);
    /* A match that ends right before an accented letter stops there: "résum" in "résumé". */
    assert_int_equal(question_ranges("r\xc3\xa9sum\xc3\xa9", "resum", &r), 1);
    assert_int_equal(r.v[0].start, 0);
    assert_int_equal(r.v[0].len, 6);
    /* ß folds to "ss": a match of either s covers the whole ß (bytes 4-5). */
    assert_int_equal(question_ranges("Stra\xc3\x9f"
                                     "e",
                                     "s", &r),
                     2);
    assert_int_equal(r.v[0].start, 0);
    assert_int_equal(r.v[0].len, 1);
    assert_int_equal(r.v[1].start, 4);
    assert_int_equal(r.v[1].len, 2);
    /* A combining mark after the match belongs to it: "Cafe" + U+0301 is 6 bytes. */
    assert_int_equal(question_ranges("Cafe\xcc\x81 au lait", "cafe", &r), 1);
    assert_int_equal(r.v[0].len, 6);
    assert_int_equal(question_ranges("Cafe\xcc\x81 au lait", "au", &r), 1);
    assert_int_equal(r.v[0].start, 7);
    assert_int_equal(r.v[0].len, 2);
    /* Cyrillic folds keep their length, so offsets stay one to one: "Ёж ёж" */
    assert_int_equal(question_ranges("\xd0\x81\xd0\xb6 \xd1\x91\xd0\xb6", "\xd0\xb5\xd0\xb6", &r),
                     2);
    assert_int_equal(r.v[1].start, 5);
    assert_int_equal(r.v[1].len, 4);
    /* After 2-byte letters folded to 1 byte the offsets shift back: "Éé ee" */
    assert_int_equal(question_ranges("\xc3\x89\xc3\xa9 ee", "ee", &r), 2);
    assert_int_equal(r.v[0].start, 0);
    assert_int_equal(r.v[0].len, 4);
    assert_int_equal(r.v[1].start, 5);
    assert_int_equal(r.v[1].len, 2);
    /* Overlapping matches of two terms merge. */
    assert_int_equal(question_ranges("kubernetes", "kube netes", &r), 2);
    assert_int_equal(question_ranges("kubernetes", "kuber bern", &r), 1);
    assert_int_equal(r.v[0].start, 0);
    assert_int_equal(r.v[0].len, 6);
    search_ranges_free(&r);
}

static void test_highlight_columns(void **state)
{
    (void)state;
    /* 日本語 (9 bytes, 6 columns) + ' ' + résumé (8 bytes, 6 columns) */
    const char *s = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e r\xc3\xa9sum\xc3\xa9";
    struct search_range r[] = {{3, 3}, {10, 8}};
    struct search_span sp[2];
    assert_int_equal(search_highlight_columns(s, 0, strlen(s), 0, r, 2, sp), 2);
    assert_int_equal(sp[0].col, 2);
    assert_int_equal(sp[0].width, 2);
    assert_int_equal(sp[1].col, 7);
    assert_int_equal(sp[1].width, 6);
    /* The same in a window starting at byte 10: the first range is outside it. */
    assert_int_equal(search_highlight_columns(s, 10, strlen(s) - 10, 0, r, 2, sp), 1);
    assert_int_equal(sp[0].col, 0);
    assert_int_equal(sp[0].width, 6);
    /* A control byte is drawn as one placeholder column; '\n' too with TEXT_ONE_LINE. */
    const char *c = "a\x1b\nbc";
    struct search_range rc = {4, 1};
    assert_int_equal(search_highlight_columns(c, 0, 5, TEXT_ONE_LINE, &rc, 1, sp), 1);
    assert_int_equal(sp[0].col, 4);
    assert_int_equal(sp[0].width, 1);
    assert_int_equal(search_highlight_columns(c, 0, 5, 0, &rc, 1, sp), 1);
    assert_int_equal(sp[0].col, 3);
}

static void test_sanitized_ranges(void **state)
{
    (void)state;
    /* ESC becomes U+241B (3 bytes), a ZWSP is dropped: "résumé" moves from byte 6 to 5. */
    const char *s = "a\x1b\xe2\x80\x8b r\xc3\xa9sum\xc3\xa9";
    struct search_range in = {6, 8}, out;
    search_sanitized_ranges(s, strlen(s), 0, &in, 1, &out);
    assert_int_equal(out.start, 5);
    assert_int_equal(out.len, 8);
    search_sanitized_ranges(s, strlen(s), TEXT_ASCII, &in, 1, &out);
    assert_int_equal(out.start, 3); /* "a? " */
    assert_int_equal(out.len, 6);   /* "r?sum?" */
}

/* Pieces for random texts: everything the sanitiser treats specially. */
static const char *const pieces[] = {
    "a",
    "Z ",
    "\xc3\xa9",
    "\xcc\x81",
    "\x1b",
    "\n",
    "\t",
    "\x7f",
    "\xff",
    "\xc2\x9b",
    "\xe2\x80\x8b",
    "\xc2\xad",
    "\xe2\x80\xae",
    "\xe6\x97\xa5",
    "\xe2\x97\x8c",
    "\xe2\x90\x80",
    "\xef\xbf\xbd",
    "\xf0\x9f\x9a\x80",
    "\xd2\x83",
    "\xef\xbf\xb0",     /* U+FFF0, default-ignorable: dropped */
    "\xef\xb8\x8f",     /* U+FE0F: kept after an emoji, dropped after anything else */
    "\xf3\xa0\x80\x81", /* U+E0001, a tag character: dropped */
    "\xc3",
};
#define N_PIECES (sizeof pieces / sizeof pieces[0])

/* Offsets and columns computed by walking the original agree with text_sanitize() and
 * text_width() on every prefix ending at a piece boundary. */
static void test_sanitized_offsets_agree_with_the_sanitiser(void **state)
{
    (void)state;
    unsigned seed = 99;
    const unsigned flag_sets[] = {0, TEXT_ONE_LINE, TEXT_ASCII, TEXT_ASCII | TEXT_ONE_LINE};
    for (int round = 0; round < 400; round++) {
        char text[256] = "";
        size_t ends[40], n_ends = 0;
        int n = 1 + round % 30;
        for (int i = 0; i < n; i++) {
            const char *p = pieces[(unsigned)rand_r(&seed) % N_PIECES];
            /* "\xc3" alone is a truncated sequence only at the end or before ASCII; keep it
             * from joining the next piece into a valid character. */
            if (strcmp(p, "\xc3") == 0 && i + 1 < n) {
                p = "\xc3!";
            }
            strcat(text, p);
            ends[n_ends++] = strlen(text);
        }
        size_t len = strlen(text);
        for (size_t f = 0; f < 4; f++) {
            for (size_t e = 0; e < n_ends; e++) {
                struct search_range in = {0, ends[e]}, out;
                size_t slen;
                char *san = text_sanitize(text, ends[e], flag_sets[f], &slen);
                search_sanitized_ranges(text, len, flag_sets[f], &in, 1, &out);
                assert_int_equal(out.len, slen);
                if (memchr(san, '\n', slen) == NULL) {
                    struct search_span sp;
                    if (search_highlight_columns(text, 0, len, flag_sets[f], &in, 1, &sp) == 1) {
                        assert_int_equal(sp.width, text_width(san, slen));
                    } else {
                        assert_int_equal(text_width(san, slen), 0);
                    }
                }
                free(san);
            }
        }
    }
}

static void test_context_window(void **state)
{
    (void)state;
    struct search_window w;
    /* A short line is returned whole; the line is the one holding the match. */
    const char *two = "first line\nsecond line here";
    search_context_window(two, strlen(two), 18, 4, 40, 0, &w);
    assert_int_equal(w.start, 11);
    assert_int_equal(w.len, 16);
    assert_false(w.cut_before);
    assert_false(w.cut_after);
    /* A long line is cut to 30 columns with the match about a third in: 100 'a' then "match". */
    char long_line[160];
    memset(long_line, 'a', 100);
    strcpy(long_line + 100, "match");
    memset(long_line + 105, 'b', 50);
    long_line[155] = '\0';
    search_context_window(long_line, 155, 100, 5, 30, 0, &w);
    assert_int_equal(w.start, 90); /* 10 = 30 / 3 columns before the match */
    assert_int_equal(w.len, 30);
    assert_true(w.cut_before);
    assert_true(w.cut_after);
    /* Near the end of the line the window takes more before the match. */
    search_context_window(long_line, 155, 150, 5, 30, 0, &w);
    assert_int_equal(w.start + w.len, 155);
    assert_int_equal(w.len, 30);
    assert_false(w.cut_after);
    /* Cuts fall on character boundaries: 40 × "é" (2 bytes, 1 column each); byte 41 is inside
     * character 20, which starts the match. */
    char accents[81];
    for (int i = 0; i < 40; i++) {
        memcpy(accents + 2 * i, "\xc3\xa9", 2);
    }
    accents[80] = '\0';
    search_context_window(accents, 80, 41, 2, 9, 0, &w);
    assert_int_equal(w.start % 2, 0);
    assert_int_equal(w.len, 18);
    assert_int_equal(w.start, 34); /* character 17: 3 = 9 / 3 columns before the match */
    /* Drawn in ASCII, a combining mark is a '?' of its own: the window counts it. */
    const char *marks = "e\xcc\x81"
                        "e\xcc\x81"
                        "e\xcc\x81"
                        "e\xcc\x81"
                        " match "
                        "e\xcc\x81"
                        "e\xcc\x81"
                        "e\xcc\x81";
    search_context_window(marks, strlen(marks), 17, 5, 8, TEXT_ASCII, &w);
    char *drawn = text_sanitize(marks + w.start, w.len, TEXT_ASCII | TEXT_ONE_LINE, NULL);
    assert_true(text_width(drawn, strlen(drawn)) <= 8);
    assert_true(w.start <= 17 && w.start + w.len > 17);
    free(drawn);
    /* Between words where a space lies between a cut and the match: whole words either side,
     * the match whole, no space at a cut. */
    const char *words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo";
    size_t golf = (size_t)(strstr(words, "golf") - words);
    for (int cols = 12; cols <= 40; cols++) {
        search_context_window(words, strlen(words), golf, 4, cols, 0, &w);
        assert_true(w.cut_before || w.cut_after);
        assert_true(w.len <= (size_t)cols);
        assert_true(words[w.start] != ' ' && words[w.start + w.len - 1] != ' ');
        assert_true(!w.cut_before || words[w.start - 1] == ' ');
        assert_true(!w.cut_after || words[w.start + w.len] == ' ');
        assert_true(w.start <= golf && w.start + w.len >= golf + 4);
    }
}

static void test_find_entry_and_fields(void **state)
{
    (void)state;
    struct guide *g = mixed_guide();
    struct search_index *idx = search_index_build(g);
    assert_int_equal(search_index_count_entries(idx), 10);
    assert_int_equal(search_index_find_entry(idx, SEARCH_KIND_INTRO, 0, 0), 0);
    assert_int_equal(search_index_find_entry(idx, SEARCH_KIND_ACTION, 0, 1), 4);
    assert_int_equal(search_index_find_entry(idx, SEARCH_KIND_PHASE, 1, 0), 5);
    assert_int_equal(search_index_find_entry(idx, SEARCH_KIND_ACTION, 1, 0), 6);
    assert_int_equal(search_index_find_entry(idx, SEARCH_KIND_FAQ, 0, 0), 8);
    assert_int_equal(search_index_find_entry(idx, SEARCH_KIND_CTA, 0, 0), 9);
    assert_int_equal(search_index_find_entry(idx, SEARCH_KIND_FAQ, 1, 0), SIZE_MAX);
    assert_int_equal(search_index_find_entry(idx, SEARCH_KIND_ACTION, 1, 1), SIZE_MAX);
    size_t cert = search_index_find_entry(idx, SEARCH_KIND_CERT, 0, 0);
    assert_int_equal(search_entry_count_fields(idx, cert), 3);
    struct search_field_info f;
    search_entry_get_field(idx, cert, 0, &f);
    assert_int_equal(f.role, SEARCH_FIELD_CERT_NAME);
    assert_true(f.title);
    assert_ptr_equal(f.text, g->certs[0].name);
    search_entry_get_field(idx, cert, 2, &f);
    assert_int_equal(f.role, SEARCH_FIELD_CERT_DESCRIPTION);
    assert_false(f.title);
    assert_int_equal(f.len, strlen("A certificate."));
    search_index_free(idx);
    tg_free(g);
}

static void test_empty_guide(void **state)
{
    (void)state;
    struct guide *g = tg_new();
    tg_add_faq(g, "", NULL); /* an entry with nothing to search is not indexed */
    struct search_results res = {0};
    assert_int_equal(run(g, "", SEARCH_KIND_ALL, 0, &res), 0);
    assert_int_equal(run(g, "x", SEARCH_KIND_ALL, 0, &res), 0);
    search_results_free(&res);
    tg_free(g);
}

static int setup_locale(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") == NULL ? -1 : 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_all_required_any_order),
        cmocka_unit_test(test_scan_jumps_to_the_entry_of_a_later_term),
        cmocka_unit_test(test_matches_a_naive_search),
        cmocka_unit_test(test_phrase_versus_words),
        cmocka_unit_test(test_title_matches_rank_first),
        cmocka_unit_test(test_empty_query_matches_everything_in_guide_order),
        cmocka_unit_test(test_no_match),
        cmocka_unit_test(test_kind_filter),
        cmocka_unit_test(test_unicode_queries),
        cmocka_unit_test(test_ranges_are_original_byte_offsets),
        cmocka_unit_test(test_highlight_columns),
        cmocka_unit_test(test_sanitized_ranges),
        cmocka_unit_test(test_sanitized_offsets_agree_with_the_sanitiser),
        cmocka_unit_test(test_context_window),
        cmocka_unit_test(test_find_entry_and_fields),
        cmocka_unit_test(test_empty_guide),
    };
    return cmocka_run_group_tests(tests, setup_locale, NULL);
}
