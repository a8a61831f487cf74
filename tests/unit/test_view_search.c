/* SPDX-License-Identifier: MIT */
/* Search as documents: highlights on wrapped UTF-8 text (byte offsets and display columns, a
 * match across a line break, ASCII mode), the whole-guide results grouped by section with the
 * matching line in context, the filtered FAQ list and its count, and finding match lines. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "view_check.h"

#include "search.h"
#include "test_search_util.h"
#include "text.h"
#include "view.h"
#include "view_search.h"

/* "Écrire un résumé clair. Un bon RÉSUMÉ aide." wrapped at 20 columns:
 *   "Écrire un résumé"        16 columns
 *   "clair. Un bon RÉSUMÉ"    20 columns
 *   "aide."                                                  */
#define ANSWER                                                                                     \
    "\xc3\x89"                                                                                     \
    "crire un r\xc3\xa9sum\xc3\xa9 clair. Un bon R\xc3\x89SUM\xc3\x89 aide."

/* The end of run r of line l. */
static size_t run_end(const struct view_line *l, size_t r)
{
    return r + 1 < l->n_runs ? l->runs[r + 1].start : l->len;
}

/* Checks that line l has exactly one MATCH run, covering bytes [start, start + len) at display
 * column col, width cols. */
static void expect_one_match(const struct view_line *l, size_t start, size_t len, int col, int cols)
{
    size_t found = 0;
    for (size_t r = 0; r < l->n_runs; r++) {
        if (l->runs[r].role != VIEW_ROLE_MATCH) {
            continue;
        }
        found++;
        assert_int_equal(l->runs[r].start, start);
        assert_int_equal(run_end(l, r) - l->runs[r].start, len);
        assert_int_equal(text_width(l->text, start), col);
        assert_int_equal(text_width(l->text + start, len), cols);
    }
    assert_int_equal(found, 1);
}

static void expect_no_match(const struct view_line *l)
{
    for (size_t r = 0; r < l->n_runs; r++) {
        assert_int_not_equal(l->runs[r].role, VIEW_ROLE_MATCH);
    }
}

struct fixture {
    struct guide *g;
    struct search_index *idx;
    struct search_query *q;
    struct view_doc d;
};

static void answer_doc(struct fixture *f, const char *query, int width, unsigned flags)
{
    f->g = tg_new();
    tg_add_faq(f->g, "Question?", ANSWER);
    f->idx = search_index_build(f->g);
    f->q = search_query_new(query);
    view_doc_init(&f->d, width, flags);
}

static void fixture_free(struct fixture *f)
{
    view_doc_free(&f->d);
    search_query_free(f->q);
    search_index_free(f->idx);
    tg_free(f->g);
}

static void test_highlights_on_wrapped_utf8(void **state)
{
    (void)state;
    struct fixture f;
    answer_doc(&f, "resume", 20, 0);
    size_t body = view_search_faq(&f.d, f.g, 0, f.idx, f.q);
    /* "Question?", blank, then three answer lines. */
    assert_int_equal(body, 2);
    assert_int_equal(f.d.n_lines, 5);
    expect_no_match(&f.d.lines[0]);
    const struct view_line *l1 = &f.d.lines[2], *l2 = &f.d.lines[3];
    assert_int_equal(l1->width, 16);
    assert_int_equal(l2->width, 20);
    /* "Écrire un " is 11 bytes (É takes 2) and 10 columns; "résumé" 8 bytes, 6 columns. */
    expect_one_match(l1, 11, 8, 10, 6);
    assert_memory_equal(l1->text + 11, "r\xc3\xa9sum\xc3\xa9", 8);
    /* "clair. Un bon " is 14 bytes and columns; "RÉSUMÉ" 8 bytes, 6 columns, at the edge. */
    expect_one_match(l2, 14, 8, 14, 6);
    expect_no_match(&f.d.lines[4]);
    assert_int_equal(view_search_mark_line(&f.d, 0, f.d.n_lines, true), 2);
    assert_int_equal(view_search_mark_line(&f.d, 3, f.d.n_lines, true), 3);
    assert_int_equal(view_search_mark_line(&f.d, 0, f.d.n_lines, false), 3);
    assert_int_equal(view_search_mark_line(&f.d, 4, f.d.n_lines, true), SIZE_MAX);
    assert_int_equal(view_search_mark_line(&f.d, 0, 2, false), SIZE_MAX);
    fixture_free(&f);
}

static void test_highlight_across_a_line_break(void **state)
{
    (void)state;
    struct fixture f;
    answer_doc(&f, "\"resume clair\"", 20, 0);
    view_search_faq(&f.d, f.g, 0, f.idx, f.q);
    assert_int_equal(f.d.n_lines, 5);
    /* The phrase starts at "résumé" on the first line and ends with "clair" on the second;
     * the space of the soft break is on neither line. */
    expect_one_match(&f.d.lines[2], 11, 8, 10, 6);
    expect_one_match(&f.d.lines[3], 0, 5, 0, 5);
    assert_memory_equal(f.d.lines[3].text, "clair", 5);
    fixture_free(&f);
}

static void test_highlights_in_ascii_mode(void **state)
{
    (void)state;
    struct fixture f;
    answer_doc(&f, "resume", 20, TEXT_ASCII);
    view_search_faq(&f.d, f.g, 0, f.idx, f.q);
    /* Every non-ASCII character is one '?': offsets shrink, columns stay. */
    assert_string_equal(f.d.lines[2].text, "?crire un r?sum?");
    expect_one_match(&f.d.lines[2], 10, 6, 10, 6);
    assert_string_equal(f.d.lines[3].text, "clair. Un bon R?SUM?");
    expect_one_match(&f.d.lines[3], 14, 6, 14, 6);
    fixture_free(&f);
}

static void test_marked_text_spans(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 9, 0);
    /* Sanitised "aaa bbb ccc ddd": one mark over "bbb ccc" crossing the break, one over "d". */
    const struct view_span marks[] = {{4, 7}, {14, 1}};
    size_t n = view_doc_add_marked_text(&d, VIEW_ROLE_BODY, "aaa bbb ccc ddd", 2, "*",
                                        VIEW_ROLE_DIM, marks, 2, VIEW_ROLE_MATCH);
    assert_int_equal(n, 2);
    assert_string_equal(d.lines[0].text, "* aaa bbb");
    assert_string_equal(d.lines[1].text, "  ccc ddd");
    expect_one_match(&d.lines[0], 6, 3, 6, 3);
    const struct view_line *l = &d.lines[1];
    /* "  " body, "ccc" match, " dd" body, "d" match. */
    assert_int_equal(l->n_runs, 4);
    assert_int_equal(l->runs[1].start, 2);
    assert_int_equal(l->runs[1].role, VIEW_ROLE_MATCH);
    assert_int_equal(l->runs[2].start, 5);
    assert_int_equal(l->runs[2].role, VIEW_ROLE_BODY);
    assert_int_equal(l->runs[3].start, 8);
    assert_int_equal(l->runs[3].role, VIEW_ROLE_MATCH);
    view_doc_free(&d);
}

static struct guide *docker_guide(void)
{
    struct guide *g = tg_new();
    tg_add_overview(g, "Tools", "Containers: Docker everywhere.");
    tg_add_phase(g, "Production", "Ship models with docker images.");
    tg_add_action(g, "Write unit tests");
    tg_add_action(g, "Learn Docker and Kubernetes");
    tg_add_cert(g, "Docker Certified Associate", "Docker, Inc.", "Containers.");
    tg_add_faq(g, "Is Python enough?", "No.");
    tg_add_faq(g, "Do I need DOCKER?", "Yes.");
    return g;
}

/* The index of the first line holding `text`, or SIZE_MAX. */
static void test_results_grouped_by_section(void **state)
{
    (void)state;
    struct guide *g = docker_guide();
    struct search_index *idx = search_index_build(g);
    struct search_query *q = search_query_new("docker");
    struct search_results res = {0};
    assert_int_equal(search_run(idx, q, SEARCH_KIND_ALL, 0, &res), 5);
    struct view_doc d;
    view_doc_init(&d, 60, 0);
    view_search_results(&d, g, idx, q, &res, "docker");
    assert_string_equal(d.lines[0].text, "5 matches");
    /* Headings in section order, whatever the ranking. */
    const char *heads[] = {"Overview", "Career path phases", "Key actions", "Certifications",
                           "FAQ"};
    size_t prev = 0;
    for (size_t i = 0; i < 5; i++) {
        size_t at = view_check_find_line(&d, 0, heads[i]);
        assert_true(at != SIZE_MAX && at > prev);
        assert_int_equal(d.lines[at].runs[0].role, VIEW_ROLE_HEADING);
        prev = at;
    }
    /* One item per result, mapped back to the result it shows. */
    assert_int_equal(d.n_items, 5);
    const enum search_kind kinds[] = {SEARCH_KIND_OVERVIEW, SEARCH_KIND_PHASE, SEARCH_KIND_ACTION,
                                      SEARCH_KIND_CERT, SEARCH_KIND_FAQ};
    for (size_t i = 0; i < 5; i++) {
        size_t r = view_search_result_at(&res, i);
        assert_true(r < res.n);
        assert_int_equal(res.v[r].kind, kinds[i]);
    }
    assert_int_equal(view_search_result_at(&res, 5), SIZE_MAX);
    assert_string_equal(d.items[2].id, g->phases[0].actions[1].id);
    assert_string_equal(d.items[4].id, g->faqs[1].id);
    /* The key action: its text with the match, then the phase it belongs to. */
    const struct view_item *it = &d.items[2];
    assert_int_equal(it->count, 2);
    assert_string_equal(d.lines[it->first].text, "  Learn Docker and Kubernetes");
    expect_one_match(&d.lines[it->first], 8, 6, 8, 6);
    assert_string_equal(d.lines[it->first + 1].text, "    in Production");
    /* The overview block: its title, then the matching line of its text in context. */
    it = &d.items[0];
    assert_string_equal(d.lines[it->first].text, "  Tools");
    assert_string_equal(d.lines[it->first + 1].text, "    Containers: Docker everywhere.");
    expect_one_match(&d.lines[it->first + 1], 16, 6, 16, 6);
    view_doc_free(&d);
    search_results_free(&res);
    search_query_free(q);
    search_index_free(idx);
    tg_free(g);
}

static void test_context_window_is_cut_around_the_match(void **state)
{
    (void)state;
    struct guide *g = tg_new();
    tg_add_faq(g, "Which tools?",
               "You will use many tools over the years, among them notebooks, editors, "
               "trackers, schedulers and finally Kubernetes for serving.");
    struct search_index *idx = search_index_build(g);
    struct search_query *q = search_query_new("kubernetes");
    struct search_results res = {0};
    search_run(idx, q, SEARCH_KIND_ALL, 0, &res);
    struct view_doc d;
    view_doc_init(&d, 40, 0);
    view_search_results(&d, g, idx, q, &res, "kubernetes");
    assert_int_equal(d.n_items, 1);
    const struct view_line *l = &d.lines[d.items[0].first + 1];
    assert_true(l->width <= 40);
    /* Cut before (an ellipsis after the indent), the match in view, whole. */
    assert_memory_equal(l->text, "    \xe2\x80\xa6", 7);
    size_t found = 0;
    for (size_t r = 0; r < l->n_runs; r++) {
        if (l->runs[r].role == VIEW_ROLE_MATCH) {
            assert_int_equal(run_end(l, r) - l->runs[r].start, 10);
            assert_memory_equal(l->text + l->runs[r].start, "Kubernetes", 10);
            found++;
        }
    }
    assert_int_equal(found, 1);
    view_doc_free(&d);
    search_results_free(&res);
    search_query_free(q);
    search_index_free(idx);
    tg_free(g);
}

static void test_faq_list_filter(void **state)
{
    (void)state;
    struct guide *g = tg_new();
    tg_add_faq(g, "Do I need a PhD?", "No.");
    tg_add_faq(g, "How important are GPUs?", "Very.");
    tg_add_faq(g, "Where to start?", "With a GPU at home.");
    struct search_index *idx = search_index_build(g);
    struct search_query *q = search_query_new("gpu");
    struct search_results res = {0};
    search_run(idx, q, SEARCH_KIND_FAQ, 0, &res);
    struct view_doc d;
    view_doc_init(&d, 60, 0);
    view_search_faqs(&d, g, idx, q, &res, "gpu");
    assert_int_not_equal(view_check_find_line(&d, 0, "2 of 3 questions match \"gpu\""), SIZE_MAX);
    assert_int_equal(d.n_items, 2);
    /* The question match ranks first; the numbers are those of the full list. */
    assert_string_equal(d.items[0].id, g->faqs[1].id);
    assert_string_equal(d.lines[d.items[0].first].text, " 2  How important are GPUs?");
    expect_one_match(&d.lines[d.items[0].first], 22, 3, 22, 3);
    assert_int_equal(d.items[0].count, 1);
    /* Only the answer matches: its matching line goes under the question. */
    assert_string_equal(d.items[1].id, g->faqs[2].id);
    assert_int_equal(d.items[1].count, 2);
    expect_no_match(&d.lines[d.items[1].first]);
    assert_string_equal(d.lines[d.items[1].first + 1].text, "      With a GPU at home.");
    expect_one_match(&d.lines[d.items[1].first + 1], 13, 3, 13, 3);
    view_doc_free(&d);

    /* No match: it says so, and there is nothing to select. */
    search_query_free(q);
    q = search_query_new("zzz");
    search_run(idx, q, SEARCH_KIND_FAQ, 0, &res);
    view_doc_init(&d, 60, 0);
    view_search_faqs(&d, g, idx, q, &res, "zzz");
    assert_int_equal(d.n_items, 0);
    assert_int_not_equal(view_check_find_line(&d, 0, "No match for \"zzz\""), SIZE_MAX);
    view_doc_free(&d);

    /* The empty query shows everything. */
    search_query_free(q);
    q = search_query_new("");
    search_run(idx, q, SEARCH_KIND_FAQ, 0, &res);
    view_doc_init(&d, 60, 0);
    view_search_faqs(&d, g, idx, q, &res, "");
    assert_int_equal(d.n_items, 3);
    assert_int_not_equal(view_check_find_line(&d, 0, "3 of 3"), SIZE_MAX);
    for (size_t i = 0; i < d.n_lines; i++) {
        expect_no_match(&d.lines[i]);
    }
    view_doc_free(&d);
    search_results_free(&res);
    search_query_free(q);
    search_index_free(idx);
    tg_free(g);
}

static void test_entry_screen(void **state)
{
    (void)state;
    struct guide *g = docker_guide();
    tg_set_cta(g, "Start today", "Install Docker first.", "Go");
    struct search_index *idx = search_index_build(g);
    struct search_query *q = search_query_new("docker");
    size_t entry = search_index_find_entry(idx, SEARCH_KIND_CTA, 0, 0);
    assert_int_not_equal(entry, SIZE_MAX);
    struct view_doc d;
    view_doc_init(&d, 60, 0);
    size_t body = view_search_entry(&d, g, idx, q, entry);
    assert_string_equal(d.lines[0].text, "Start today");
    assert_int_equal(d.lines[0].runs[0].role, VIEW_ROLE_TITLE);
    size_t at = view_check_find_line(&d, 0, "Install Docker first.");
    assert_true(at != SIZE_MAX && at >= body);
    expect_one_match(&d.lines[at], 8, 6, 8, 6);
    assert_int_equal(view_search_mark_line(&d, body, d.n_lines, true), at);
    view_doc_free(&d);
    search_query_free(q);
    search_index_free(idx);
    tg_free(g);
}

int main(void)
{
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_highlights_on_wrapped_utf8),
        cmocka_unit_test(test_highlight_across_a_line_break),
        cmocka_unit_test(test_highlights_in_ascii_mode),
        cmocka_unit_test(test_marked_text_spans),
        cmocka_unit_test(test_results_grouped_by_section),
        cmocka_unit_test(test_context_window_is_cut_around_the_match),
        cmocka_unit_test(test_faq_list_filter),
        cmocka_unit_test(test_entry_screen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
