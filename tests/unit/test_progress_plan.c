/* SPDX-License-Identifier: MIT */
/* Unit tests of the plan: what's left, the next action, certification counts and the pace
 * line against the calendar (month ends, leap years, year ends, before and after the plan). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "progress_plan.h"
#include "text.h"

#define G  "ml-engineer"
#define T0 1764138612345LL

static struct guide_action a1[] = {{.id = "f/1", .text = "Master Python"},
                                   {.id = "f/2", .text = "Learn Git"},
                                   {.id = "f/3", .text = "Refresh math"},
                                   {.id = "f/4", .text = "Build projects"},
                                   {.id = "f/5", .text = "Complete a course"}};
static struct guide_action a2[] = {{.id = "s/1", .text = "Learn PyTorch"},
                                   {.id = "s/2", .text = "Study CNNs"}};
static struct guide_action a3[] = {{.id = "p/1", .text = "Learn Docker"}};
static struct guide_phase phases[] = {
    {.id = "f",
     .title = "Foundation",
     .start_month = 1,
     .end_month = 3,
     .actions = a1,
     .n_actions = 5},
    {.id = "s",
     .title = "Specialization",
     .start_month = 4,
     .end_month = 6,
     .actions = a2,
     .n_actions = 2},
    {.id = "p",
     .title = "Production",
     .start_month = 7,
     .end_month = 12,
     .actions = a3,
     .n_actions = 1},
};
static struct guide_cert certs[] = {{.id = "aws", .name = "AWS"},
                                    {.id = "gcp", .name = "GCP"},
                                    {.id = "tf", .name = "TF"},
                                    {.id = "az", .name = "Azure"}};
static struct guide guide = {
    .id = G, .title = "ML", .phases = phases, .n_phases = 3, .certs = certs, .n_certs = 4};

static struct progress_date D(int y, int m, int d) {
    return (struct progress_date){y, m, d};
}

static void
test_left_and_next(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    progress_set_state(p, G, "f/1", PROGRESS_DONE, T0);
    progress_set_state(p, G, "f/2", PROGRESS_SKIPPED, T0);
    progress_set_state(p, G, "s/2", PROGRESS_IN_PROGRESS, T0);
    progress_set_state(p, G, "p/1", PROGRESS_DONE, T0);
    struct progress_left_item *left = NULL;
    size_t n = progress_list_left(p, &guide, &left);
    /* f/3, f/4, f/5 (to do) and s/1 (to do), s/2 (in progress), in guide order. */
    assert_int_equal(n, 5);
    size_t want[5][2] = {{0, 2}, {0, 3}, {0, 4}, {1, 0}, {1, 1}};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(left[i].phase, want[i][0]);
        assert_int_equal(left[i].action, want[i][1]);
    }
    assert_int_equal(left[4].state, PROGRESS_IN_PROGRESS);
    free(left);
    /* The action in progress is suggested before the first one to do. */
    size_t ph = 9, ac = 9;
    assert_true(progress_suggest_next(p, &guide, &ph, &ac));
    assert_int_equal(ph, 1);
    assert_int_equal(ac, 1);
    progress_set_state(p, G, "s/2", PROGRESS_DONE, T0 + 1);
    assert_true(progress_suggest_next(p, &guide, &ph, &ac));
    assert_int_equal(ph, 0);
    assert_int_equal(ac, 2);
    const char *ids[] = {"f/3", "f/4", "f/5", "s/1"};
    for (size_t i = 0; i < 4; i++) {
        progress_set_state(p, G, ids[i], PROGRESS_DONE, T0 + 2);
    }
    assert_false(progress_suggest_next(p, &guide, &ph, &ac));
    assert_int_equal(progress_list_left(p, &guide, &left), 0);
    assert_null(left);
    progress_free(p);
}

/* One rule for the next action: from no action the one in progress (Home's "Next", ] from
 * Home, --progress), from an action the next one left in guide order, wrapping around. */
static void test_next_action(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    size_t ph = 9, ac = 9;
    assert_true(progress_next_action(p, &guide, SIZE_MAX, 0, &ph, &ac));
    assert_int_equal(ph, 0);
    assert_int_equal(ac, 0);
    progress_set_state(p, G, "s/1", PROGRESS_IN_PROGRESS, T0);
    assert_true(progress_next_action(p, &guide, SIZE_MAX, 0, &ph, &ac));
    assert_int_equal(ph, 1);
    assert_int_equal(ac, 0);
    assert_true(progress_suggest_next(p, &guide, &ph, &ac)); /* the same rule */
    assert_int_equal(ph, 1);
    assert_int_equal(ac, 0);
    /* From s/1: s/2, then p/1, then around to f/1. */
    assert_true(progress_next_action(p, &guide, 1, 0, &ph, &ac));
    assert_int_equal(ph, 1);
    assert_int_equal(ac, 1);
    assert_true(progress_next_action(p, &guide, 2, 0, &ph, &ac));
    assert_int_equal(ph, 0);
    assert_int_equal(ac, 0);
    /* From a done action: the next one left after it. */
    progress_set_state(p, G, "f/2", PROGRESS_DONE, T0);
    assert_true(progress_next_action(p, &guide, 0, 1, &ph, &ac));
    assert_int_equal(ph, 0);
    assert_int_equal(ac, 2);
    /* Only one left: itself. */
    const char *ids[] = {"f/1", "f/3", "f/4", "f/5", "s/1", "s/2"};
    for (size_t i = 0; i < 6; i++) {
        progress_set_state(p, G, ids[i], PROGRESS_SKIPPED, T0 + 1);
    }
    assert_true(progress_next_action(p, &guide, 2, 0, &ph, &ac));
    assert_int_equal(ph, 2);
    assert_int_equal(ac, 0);
    progress_set_state(p, G, "p/1", PROGRESS_DONE, T0 + 2);
    assert_false(progress_next_action(p, &guide, 2, 0, &ph, &ac));
    assert_false(progress_next_action(p, &guide, SIZE_MAX, 0, &ph, &ac));
    progress_free(p);
}

static void test_cert_summary(void **state)
{
    (void)state;
    struct progress_date today = D(2026, 11, 26);
    struct progress *p = progress_new();
    assert_null(progress_certs_text(&(struct progress_cert_counts){0}, 0));
    struct progress_cert_info pass = {.status = PROGRESS_CERT_PASSED, .passed = D(2026, 1, 5)};
    struct progress_cert_info book = {.status = PROGRESS_CERT_EXAM_BOOKED, .exam = D(2027, 2, 10)};
    progress_set_cert(p, G, "aws", &pass, today, T0, NULL);
    progress_set_cert(p, G, "gcp", &book, today, T0, NULL);
    progress_set_cert(p, G, "not-in-guide", &pass, today, T0, NULL);
    struct progress_cert_counts c;
    progress_count_certs(p, &guide, today, &c);
    assert_int_equal(c.passed, 1);
    assert_int_equal(c.booked, 1);
    char *s = progress_certs_text(&c, 0);
    assert_string_equal(s, "1 passed \xc2\xb7 1 exam on 2027-02-10");
    free(s);
    s = progress_certs_text(&c, TEXT_ASCII);
    assert_string_equal(s, "1 passed - 1 exam on 2027-02-10");
    free(s);
    /* A second booked exam: the next one from today on is named, not a past one. */
    struct progress_cert_info past = {.status = PROGRESS_CERT_EXAM_BOOKED, .exam = D(2026, 1, 1)};
    struct progress_cert_info soon = {.status = PROGRESS_CERT_EXAM_BOOKED, .exam = D(2026, 12, 1)};
    progress_set_cert(p, G, "tf", &past, today, T0, NULL);
    progress_set_cert(p, G, "az", &soon, today, T0, NULL);
    progress_count_certs(p, &guide, today, &c);
    s = progress_certs_text(&c, 0);
    assert_string_equal(s, "1 passed \xc2\xb7 3 exams booked, next on 2026-12-01");
    free(s);
    /* An expired pass counts apart. */
    struct progress_cert_info expired = {
        .status = PROGRESS_CERT_PASSED, .passed = D(2020, 1, 1), .expires = D(2023, 1, 1)};
    struct progress_cert_info studying = {.status = PROGRESS_CERT_STUDYING};
    progress_set_cert(p, G, "aws", &expired, today, T0 + 1, NULL);
    progress_set_cert(p, G, "tf", &studying, today, T0 + 1, NULL);
    progress_count_certs(p, &guide, today, &c);
    s = progress_certs_text(&c, TEXT_ASCII);
    assert_string_equal(s, "1 expired - 2 exams booked, next on 2026-12-01 - 1 studying");
    free(s);
    progress_free(p);
}

/* The pace line for a start date and today. */
static char *pace_at(struct progress *p, struct progress_date start, struct progress_date today,
                     struct progress_pace *out)
{
    progress_set_start(p, G, start, T0);
    progress_compute_pace(p, &guide, today, out);
    return progress_pace_text(out, TEXT_ASCII);
}

static void expect_month(struct progress_date start, struct progress_date today, int month)
{
    struct progress *p = progress_new();
    struct progress_pace pace;
    free(pace_at(p, start, today, &pace));
    assert_int_equal(pace.when, PROGRESS_PACE_DURING);
    assert_int_equal(pace.month, month);
    progress_free(p);
}

static void test_pace_calendar(void **state)
{
    (void)state;
    /* Start Jan 31 of a leap year: month 2 begins on Feb 29, month 3 on Mar 31. */
    expect_month(D(2024, 1, 31), D(2024, 2, 28), 1);
    expect_month(D(2024, 1, 31), D(2024, 2, 29), 2);
    expect_month(D(2024, 1, 31), D(2024, 3, 30), 2);
    expect_month(D(2024, 1, 31), D(2024, 3, 31), 3);
    expect_month(D(2024, 1, 31), D(2024, 4, 30), 4);
    /* The same start in a common year: month 2 begins on Feb 28. */
    expect_month(D(2023, 1, 31), D(2023, 2, 27), 1);
    expect_month(D(2023, 1, 31), D(2023, 2, 28), 2);
    /* Start on a leap day: a year later month 13 would begin on 2025-02-28. */
    expect_month(D(2024, 2, 29), D(2024, 3, 28), 1);
    expect_month(D(2024, 2, 29), D(2024, 3, 29), 2);
    expect_month(D(2023, 2, 28), D(2023, 3, 27), 1);
    expect_month(D(2023, 2, 28), D(2023, 3, 28), 2);
    /* December to January. */
    expect_month(D(2026, 12, 1), D(2026, 12, 31), 1);
    expect_month(D(2026, 12, 1), D(2027, 1, 1), 2);
    expect_month(D(2026, 12, 15), D(2027, 1, 14), 1);
    expect_month(D(2026, 12, 15), D(2027, 1, 15), 2);
    expect_month(D(2026, 12, 1), D(2027, 4, 15), 5);
}

static void test_pace_line(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    /* 4 of 5 Foundation actions done: the ticks are in Foundation. The line names no phase:
     * the pace line says where the ticks are in words (progress_pace_line()). */
    const char *ids[] = {"f/1", "f/2", "f/3", "f/4"};
    for (size_t i = 0; i < 4; i++) {
        progress_set_state(p, G, ids[i], PROGRESS_DONE, T0);
    }
    struct progress_pace pace;
    char *s = pace_at(p, D(2026, 12, 1), D(2027, 4, 15), &pace);
    assert_string_equal(s, "Month 5 of 12");
    assert_int_equal(pace.current_phase, 0);
    assert_int_equal(progress_date_compare(pace.month_began, D(2027, 4, 1)), 0);
    assert_int_equal(progress_date_compare(pace.plan_end, D(2027, 11, 30)), 0);
    free(s);
    progress_free(p);
    /* Before the start. */
    p = progress_new();
    s = pace_at(p, D(2026, 12, 1), D(2026, 11, 26), &pace);
    assert_int_equal(pace.when, PROGRESS_PACE_BEFORE);
    assert_string_equal(s, "Starts in 5 days (2026-12-01) - 12 months planned");
    free(s);
    s = pace_at(p, D(2026, 12, 1), D(2026, 11, 30), &pace);
    assert_string_equal(s, "Starts in 1 day (2026-12-01) - 12 months planned");
    free(s);
    /* The last day of month 12, then the day after: the plan's end is past. */
    s = pace_at(p, D(2026, 12, 1), D(2027, 11, 30), &pace);
    assert_int_equal(pace.when, PROGRESS_PACE_DURING);
    assert_int_equal(pace.month, 12);
    assert_string_equal(s, "Month 12 of 12");
    free(s);
    s = pace_at(p, D(2026, 12, 1), D(2027, 12, 1), &pace);
    assert_int_equal(pace.when, PROGRESS_PACE_AFTER);
    assert_string_equal(s, "The plan's 12 months ended on 2027-11-30");
    free(s);
    /* Everything done. */
    const char *all[] = {"f/1", "f/2", "f/3", "f/4", "f/5", "s/1", "s/2", "p/1"};
    for (size_t i = 0; i < 8; i++) {
        progress_set_state(p, G, all[i], PROGRESS_DONE, T0 + 1);
    }
    s = pace_at(p, D(2026, 12, 1), D(2027, 1, 1), &pace);
    assert_string_equal(s, "Month 2 of 12");
    assert_int_equal(pace.current_phase, guide.n_phases);
    free(s);
    /* No start date: no line. */
    progress_set_start(p, G, D(0, 0, 0), T0 + 2);
    progress_compute_pace(p, &guide, D(2027, 1, 1), &pace);
    assert_int_equal(pace.when, PROGRESS_PACE_UNSET);
    assert_null(progress_pace_text(&pace, 0));
    progress_free(p);
}

static void test_pace_without_months(void **state)
{
    (void)state;
    struct guide_phase bare[] = {{.id = "x", .title = "X", .actions = a3, .n_actions = 1}};
    struct guide g = {.id = G, .title = "ML", .phases = bare, .n_phases = 1};
    struct progress *p = progress_new();
    progress_set_start(p, G, D(2026, 12, 1), T0);
    struct progress_pace pace;
    progress_compute_pace(p, &g, D(2027, 1, 1), &pace);
    assert_int_equal(pace.when, PROGRESS_PACE_NO_PLAN);
    char *s = progress_pace_text(&pace, 0);
    assert_non_null(strstr(s, "no months"));
    free(s);
    progress_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_left_and_next), cmocka_unit_test(test_next_action),
        cmocka_unit_test(test_cert_summary),  cmocka_unit_test(test_pace_calendar),
        cmocka_unit_test(test_pace_line),     cmocka_unit_test(test_pace_without_months),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
