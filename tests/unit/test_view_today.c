/* SPDX-License-Identifier: MIT */
/* The timeline laid out: the axis names the plan's years and its months at one regular step
 * (every month when they fit, never one left out on its own), each phase's bar, today's marker
 * and the position by ticks within the width at 40, 80, 120 and 200 columns; without a start
 * date the Career Path's timeline shows the plan's numbered months and how to set the date; and
 * the Career Path puts it above its phases when it takes at most half the screen, else below,
 * on the fixture guide lighthouse (4 phases of 3 months). Home's Today line counts the plan
 * Today shows, with the same hours per week (sundial, whose actions give effort_hours). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "view_check.h"

#include "guide.h"
#include "input.h"
#include "progress.h"
#include "view.h"
#include "view_guide.h"
#include "view_today.h"

#define T0 1764138612345 /* a fixed change time */

#define SUNDIAL TRAIL_TEST_DATA "/today/sundial" /* effort_hours on its second phase */

static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static struct guide *load_guide(void)
{
    struct guide *g = view_check_guide(GUIDE_PART_INFO | GUIDE_PART_PATH);
    assert_int_equal(g->n_phases, 4);
    return g;
}

static struct progress_date date(const char *s)
{
    struct progress_date d;
    assert_int_equal(progress_date_parse(s, &d), 0);
    return d;
}

/* A progress file started on `start` (NULL: none) with the first key action done. */
static struct progress *started(const struct guide *g, const char *start)
{
    struct progress *p = progress_new();
    if (start != NULL) {
        assert_int_equal(progress_set_start(p, g->id, date(start), T0), PROGRESS_CHANGED);
    }
    assert_int_equal(progress_set_state(p, g->id, g->phases[0].actions[0].id, PROGRESS_DONE, T0),
                     PROGRESS_CHANGED);
    return p;
}

/* Lays out the timeline of g for p on `today` at `width` into d (which the caller frees). */
static void lay_out(struct view_doc *d, const struct guide *g, const struct progress *p,
                    const char *today, int width, bool path)
{
    struct view_today t;
    view_today_compute(&t, g, p, date(today), 0);
    view_doc_init(d, width, 0);
    if (path) {
        view_today_path_timeline(d, g, p, &t);
    } else {
        view_today_timeline(d, g, p, &t);
    }
    view_today_done(&t);
    view_check_widths(d);
}

/* The axis: the line after the heading. */
static const struct view_line *axis(const struct view_doc *d)
{
    size_t at = view_check_find_line(d, 0, "Timeline");
    assert_true(at != SIZE_MAX && at + 1 < d->n_lines);
    return &d->lines[at + 1];
}

/* Which months the axis names, in order, as their indexes (0 = January) in out; returns how
 * many. */
static size_t named(const struct view_line *l, int *out)
{
    size_t n = 0;
    for (const char *s = l->text; *s != '\0'; s++) {
        for (int m = 0; m < 12; m++) {
            if (strncmp(s, months[m], 3) == 0 && (s == l->text || s[-1] == ' ')) {
                out[n++] = m;
            }
        }
    }
    return n;
}

static void test_axis_names_every_month_that_fits(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    /* Started on the last day of January: the plan's months begin on the 31st, the 28th... */
    struct progress *p = started(g, "2026-01-31");
    for (int width = 80; width <= 200; width += 40) {
        struct view_doc d;
        lay_out(&d, g, p, "2026-06-10", width, false);
        const struct view_line *l = axis(&d);
        assert_int_equal(strncmp(l->text, "2026 ", 5), 0); /* the year it spans */
        int m[24];
        assert_int_equal(named(l, m), 12);
        for (int k = 0; k < 12; k++) {
            assert_int_equal(m[k], k);
        }
        view_doc_free(&d);
    }
    progress_free(p);
    guide_free(g);
}

static void test_axis_steps_regularly_when_narrow(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = started(g, "2026-01-31");
    struct view_doc d;
    lay_out(&d, g, p, "2026-06-10", 40, false);
    int m[24] = {0};
    size_t n = named(axis(&d), m);
    assert_true(n >= 4);
    assert_int_equal(m[0], 0); /* from the plan's first month */
    for (size_t k = 1; k < n; k++) {
        assert_int_equal(m[k] - m[k - 1], m[1] - m[0]); /* one step, none left out alone */
    }
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

static void test_timeline_rows(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = started(g, "2026-03-15");
    for (int width = 40; width <= 200; width += 40) {
        struct view_doc d;
        lay_out(&d, g, p, "2026-12-07", width == 160 ? 200 : width, false);
        size_t at = view_check_find_line(&d, 0, "Timeline");
        assert_int_equal(at, 0);
        assert_int_equal(strncmp(d.lines[1].text, "2026-27 ", 8), 0);
        for (size_t ph = 0; ph < 4; ph++) { /* a bar per phase, today's marker through it */
            assert_non_null(strstr(d.lines[2 + ph].text, "│"));
        }
        assert_int_equal(strncmp(d.lines[6].text, "today", 5), 0);
        assert_int_equal(strncmp(d.lines[7].text, "you", 3), 0);
        assert_non_null(strstr(d.lines[7].text, "▲"));
        assert_true(view_check_find_line(&d, 8, "weeks") != SIZE_MAX);
        view_doc_free(&d);
    }
    progress_free(p);
    guide_free(g);
}

static void test_undated_path_timeline(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = started(g, NULL);
    struct view_doc d;
    lay_out(&d, g, p, "2026-12-07", 80, false);
    assert_int_equal(d.n_lines, 0); /* Today and --print: nothing without dates */
    view_doc_free(&d);
    lay_out(&d, g, p, "2026-12-07", 80, true);
    assert_int_equal(strncmp(d.lines[1].text, "Month ", 6), 0);
    assert_non_null(strstr(d.lines[1].text, " 1 "));
    assert_non_null(strstr(d.lines[2].text, "█")); /* the first phase's tick */
    assert_true(view_check_find_line(&d, 0, "No start date yet") != SIZE_MAX);
    for (size_t i = 0; i < d.n_lines; i++) {
        assert_true(strncmp(d.lines[i].text, "today", 5) != 0);
        assert_null(strstr(d.lines[i].text, "│"));
    }
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

static void test_path_places_the_timeline(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = started(g, "2026-03-15");
    struct view_today t;
    view_today_compute(&t, g, p, date("2026-12-07"), 0);
    struct view_doc d;
    view_doc_init(&d, 80, 0);
    view_guide_path(&d, g, p, &t, 22); /* an 80x24 screen: above the phases */
    size_t tl = view_check_find_line(&d, 0, "Timeline");
    assert_true(tl != SIZE_MAX && tl < d.items[0].first);
    assert_true(d.items[0].first < 22); /* the first phase is on the screen */
    view_doc_free(&d);
    view_doc_init(&d, 80, 0);
    view_guide_path(&d, g, p, &t, 12); /* too low: below them */
    tl = view_check_find_line(&d, 0, "Timeline");
    assert_true(tl != SIZE_MAX && tl > d.items[d.n_items - 1].first);
    view_doc_free(&d);
    view_doc_init(&d, 80, 0);
    view_guide_path(&d, g, p, NULL, 22); /* none asked for */
    assert_int_equal(view_check_find_line(&d, 0, "Timeline"), SIZE_MAX);
    view_doc_free(&d);
    view_today_done(&t);
    progress_free(p);
    guide_free(g);
}

/* Home's Today line, flattened. */
static char *home_line(const struct guide *g, const struct progress *p, unsigned hours)
{
    struct view_doc d;
    view_doc_init(&d, 120, 0);
    struct progress_schedule plan;
    progress_schedule_compute(p, g, date("2026-12-07"), hours, &plan);
    view_today_home(&d, g, p, &plan, date("2026-12-07"), false);
    progress_schedule_free(&plan);
    assert_int_equal(d.n_lines, 1);
    char *s = strdup(d.lines[0].text);
    view_doc_free(&d);
    return s;
}

static void test_home_counts_todays_plan(void **state)
{
    (void)state;
    struct diag dg = {0};
    struct guide *g = guide_load(SUNDIAL, GUIDE_PART_INFO | GUIDE_PART_PATH, &dg);
    assert_non_null(g);
    diag_free(&dg);
    struct progress *p = started(g, "2026-10-20");
    /* At 20 hours a week the dial plate's 10 hours are due this week; spread evenly, later. */
    char *at20 = home_line(g, p, 20), *none = home_line(g, p, 0);
    assert_non_null(strstr(at20, "2 overdue · 1 due this week"));
    assert_non_null(strstr(none, "2 overdue · 0 due this week"));
    struct view_today t;
    view_today_compute(&t, g, p, date("2026-12-07"), 20);
    assert_string_equal(g->phases[t.plan.items[2].phase].actions[t.plan.items[2].action].id,
                        "build/plate");
    assert_int_equal(t.plan.items[2].due.day, 10); /* Today's plan: the same week */
    view_today_done(&t);
    /* The progress file's hours win over the configuration's, on Home as on Today. */
    assert_int_equal(progress_set_hours(p, g->id, 5, T0), PROGRESS_CHANGED);
    char *at5 = home_line(g, p, 20);
    assert_non_null(strstr(at5, "2 overdue · 0 due this week"));
    free(at20);
    free(none);
    free(at5);
    progress_free(p);
    guide_free(g);
}

int main(void)
{
    view_check_begin();
    test_require_input(SUNDIAL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_axis_names_every_month_that_fits),
        cmocka_unit_test(test_axis_steps_regularly_when_narrow),
        cmocka_unit_test(test_timeline_rows),
        cmocka_unit_test(test_undated_path_timeline),
        cmocka_unit_test(test_path_places_the_timeline),
        cmocka_unit_test(test_home_counts_todays_plan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
