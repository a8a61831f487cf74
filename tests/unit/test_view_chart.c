/* SPDX-License-Identifier: MIT */
/* Stat charts: scale ends, spans, money labels, and the chart lines at several widths. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"
#include "view.h"
#include "view_chart.h"

static void test_scale_end(void **state)
{
    (void)state;
    assert_int_equal(view_chart_scale_end(250000, 0), 300000); /* step 100000 */
    assert_int_equal(view_chart_scale_end(200000, 0), 200000);
    assert_int_equal(view_chart_scale_end(12, 3), 12);
    assert_int_equal(view_chart_scale_end(13, 3), 15);
    assert_int_equal(view_chart_scale_end(30, 100), 100);
    assert_int_equal(view_chart_scale_end(7, 0), 7); /* step 1 */
    assert_int_equal(view_chart_scale_end(0, 0), 1);
}

static void test_span(void **state)
{
    (void)state;
    int f, l;
    /* 100k..250k of 300k on 60 cells: cells 20 .. 50-1. */
    view_chart_span(100000, 250000, 300000, 60, &f, &l);
    assert_int_equal(f, 20);
    assert_int_equal(l, 49);
    /* 8..12 of 12 months on 36 cells: 24 .. 35. */
    view_chart_span(8, 12, 12, 36, &f, &l);
    assert_int_equal(f, 24);
    assert_int_equal(l, 35);
    /* A range narrower than a cell still fills one. */
    view_chart_span(50, 50, 1000, 10, &f, &l);
    assert_int_equal(f, 0);
    assert_int_equal(l, 0);
    /* Out-of-scale values are clamped. */
    view_chart_span(-5, 500, 100, 10, &f, &l);
    assert_int_equal(f, 0);
    assert_int_equal(l, 9);
}

static void test_money(void **state)
{
    (void)state;
    char b[32];
    assert_string_equal(view_chart_money(100000, "USD", false, b, sizeof b), "$100k");
    assert_string_equal(view_chart_money(250000, "USD", true, b, sizeof b), "$250k");
    assert_string_equal(view_chart_money(1500000, "USD", false, b, sizeof b), "$1.5M");
    assert_string_equal(view_chart_money(12500, "GBP", false, b, sizeof b), "£12.5k");
    assert_string_equal(view_chart_money(950, "EUR", true, b, sizeof b), "EUR 950");
    assert_string_equal(view_chart_money(950, NULL, true, b, sizeof b), "950");
}

static struct guide_stats ml_stats(void)
{
    struct guide_stats s;
    memset(&s, 0, sizeof s);
    s.has_salary_range = true;
    s.salary_min = 100000;
    s.salary_max = 250000;
    s.currency = "USD";
    s.has_growth_percent = true;
    s.growth_percent = 30;
    s.growth_by_year = 2026;
    s.has_time_range = true;
    s.time_min_months = 8;
    s.time_max_months = 12;
    s.level = GUIDE_LEVEL_ADVANCED;
    return s;
}

/* Counts the columns of the bar line drawn in role r. */
static int cols_in_role(const struct view_line *l, enum view_role r)
{
    int n = 0;
    for (size_t i = 0; i < l->n_runs; i++) {
        size_t end = i + 1 < l->n_runs ? l->runs[i + 1].start : l->len;
        if (l->runs[i].role == r) {
            n += text_width(l->text + l->runs[i].start, end - l->runs[i].start);
        }
    }
    return n;
}

static void test_salary_chart(void **state)
{
    (void)state;
    struct guide_stats s = ml_stats();
    struct view_doc d;
    view_doc_init(&d, 80, 0);
    assert_int_equal(view_chart_salary(&d, &s, 2), 2);
    /* 60 cells (the maximum), of which 30 filled: 100k..250k of 300k. */
    assert_int_equal(cols_in_role(&d.lines[0], VIEW_ROLE_BAR), 30);
    assert_int_equal(cols_in_role(&d.lines[0], VIEW_ROLE_BAR_EMPTY), 30);
    /* Labels: "0" at the bar's start (column 2), "$100k" under cell 20 (column 22), "$250k"
     * ending under cell 49 (columns 47-51), "$300k" ending at the bar's end (57-61). */
    const char *r = d.lines[1].text;
    assert_int_equal(r[2], '0');
    assert_memory_equal(r + 22, "$100k", 5);
    assert_memory_equal(r + 47, "$250k", 5);
    assert_memory_equal(r + 57, "$300k", 5);
    assert_null(strstr(r, "$200k")); /* a tick inside the span is left out */
    view_doc_free(&d);
}

static void test_charts_fit_every_width(void **state)
{
    (void)state;
    static const int widths[] = {20, 40, 80, 200};
    struct guide_stats s = ml_stats();
    for (size_t w = 0; w < 4; w++) {
        for (unsigned ascii = 0; ascii < 2; ascii++) {
            struct view_doc d;
            view_doc_init(&d, widths[w], ascii ? TEXT_ASCII : 0);
            size_t n = view_chart_salary(&d, &s, 2) + view_chart_growth(&d, &s, 2) +
                       view_chart_time(&d, &s, 2) + view_chart_difficulty(&d, &s, 2);
            assert_int_equal(n, 8);
            assert_int_equal(d.n_lines, 8);
            for (size_t i = 0; i < d.n_lines; i++) {
                assert_true(d.lines[i].width <= widths[w]);
                assert_int_equal(text_width(d.lines[i].text, d.lines[i].len), d.lines[i].width);
                if (ascii) {
                    for (size_t k = 0; k < d.lines[i].len; k++) {
                        assert_true((unsigned char)d.lines[i].text[k] < 0x80);
                    }
                }
            }
            /* The value labels always make it: they are placed first. */
            assert_non_null(strstr(d.lines[1].text, "$100k"));
            assert_non_null(strstr(d.lines[3].text, "+30%"));
            assert_non_null(strstr(d.lines[5].text, "12"));
            view_doc_free(&d);
        }
    }
}

static void test_difficulty_gauge(void **state)
{
    (void)state;
    struct guide_stats s = ml_stats();
    struct view_doc d;
    view_doc_init(&d, 80, 0);
    assert_int_equal(view_chart_difficulty(&d, &s, 2), 2);
    /* 60 cells: 4 segments of (60 - 3) / 4 = 14 cells; advanced = 3 of 4 filled. */
    assert_int_equal(cols_in_role(&d.lines[0], VIEW_ROLE_BAR), 42);
    assert_int_equal(cols_in_role(&d.lines[0], VIEW_ROLE_BAR_EMPTY), 14);
    assert_non_null(strstr(d.lines[1].text, "Beginner"));
    assert_non_null(strstr(d.lines[1].text, "Expert"));
    /* The current level is the accented label. */
    assert_int_equal(cols_in_role(&d.lines[1], VIEW_ROLE_ACCENT), (int)strlen("Advanced"));
    view_doc_free(&d);
    /* No level, no gauge. */
    s.level = GUIDE_LEVEL_NONE;
    view_doc_init(&d, 80, 0);
    assert_int_equal(view_chart_difficulty(&d, &s, 2), 0);
    assert_int_equal(d.n_lines, 0);
    view_doc_free(&d);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scale_end),
        cmocka_unit_test(test_span),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_salary_chart),
        cmocka_unit_test(test_charts_fit_every_width),
        cmocka_unit_test(test_difficulty_gauge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
