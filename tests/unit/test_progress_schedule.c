/* SPDX-License-Identifier: MIT */
/* Unit tests of the dated plan, the forecast and the streak: the plan spreads what is left over
 * the days left in each phase and reflows when the learner ticks ahead, falls behind or changes
 * the start date or the hours; past phases are overdue; the forecast is a range from the last 4
 * weeks; the streak counts local days across month ends, leap days, year ends and clock
 * changes (TZ is set per test, the clock given through the journal's times). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "progress.h"
#include "progress_journal.h"
#include "progress_schedule.h"
#include "progress_streak.h"
#include "text.h"

#define G "ml"

static struct guide_action a1[] = {{.id = "f/1", .text = "One"},
                                   {.id = "f/2", .text = "Two"},
                                   {.id = "f/3", .text = "Three"},
                                   {.id = "f/4", .text = "Four"}};
static struct guide_action a2[] = {{.id = "s/1", .text = "Five"}, {.id = "s/2", .text = "Six"}};
static int effort2[] = {10, 30};
static struct guide_phase phases[] = {
    {.id = "f", .title = "F", .start_month = 1, .end_month = 1, .actions = a1, .n_actions = 4},
    {.id = "s",
     .title = "S",
     .start_month = 2,
     .end_month = 3,
     .actions = a2,
     .n_actions = 2,
     .effort_hours = effort2},
};
static struct guide guide = {.id = G, .title = "ML", .phases = phases, .n_phases = 2};

static struct progress_date D(int y, int m, int d) {
    return (struct progress_date){y, m, d};
}

static void
assert_date(struct progress_date got, int y, int m, int d)
{
    char buf[PROGRESS_DATE_SIZE], want[PROGRESS_DATE_SIZE];
    progress_date_format(got, buf, sizeof buf);
    progress_date_format(D(y, m, d), want, sizeof want);
    assert_string_equal(buf, want);
}

static int64_t at(struct progress_date d, int hour)
{
    return progress_date_days(d) * 86400000 + (int64_t)hour * 3600000;
}

static void set_tz(const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
}

/* Due dates of the items of a plan, by action id. */
static const struct progress_planned *find(const struct progress_schedule *s, const char *id)
{
    for (size_t i = 0; i < s->n_items; i++) {
        if (strcmp(guide.phases[s->items[i].phase].actions[s->items[i].action].id, id) == 0) {
            return &s->items[i];
        }
    }
    return NULL;
}

static void test_spread_and_reflow(void **state)
{
    (void)state;
    set_tz("UTC");
    struct progress *p = progress_new();
    struct progress_schedule s;
    progress_schedule_compute(p, &guide, D(2024, 1, 31), 0, &s);
    assert_int_equal(s.pace.when, PROGRESS_PACE_UNSET);
    assert_int_equal(s.n_items, 0);
    progress_schedule_free(&s);

    /* Start on Jan 31 in a leap year: phase 1 is Jan 31 - Feb 28, phase 2 Feb 29 - Apr 29. */
    progress_set_start(p, G, D(2024, 1, 31), 0);
    progress_schedule_compute(p, &guide, D(2024, 1, 31), 0, &s);
    assert_date(s.windows[0].from, 2024, 1, 31);
    assert_date(s.windows[0].to, 2024, 2, 28);
    assert_date(s.windows[1].from, 2024, 2, 29);
    assert_date(s.windows[1].to, 2024, 4, 29);
    assert_int_equal(s.n_items, 6);
    /* 29 days over 4 actions: the 8th, 15th, 22nd and 29th day. */
    assert_date(find(&s, "f/1")->due, 2024, 2, 7);
    assert_date(find(&s, "f/4")->due, 2024, 2, 28);
    assert_date(find(&s, "s/2")->due, 2024, 4, 29);
    assert_int_equal(progress_schedule_overdue(&s), 0);
    progress_schedule_free(&s);

    /* Ticking ahead: the three left share the same days. */
    progress_set_state(p, G, "f/1", PROGRESS_DONE, 1);
    progress_schedule_compute(p, &guide, D(2024, 1, 31), 0, &s);
    assert_null(find(&s, "f/1"));
    assert_date(find(&s, "f/2")->due, 2024, 2, 9);
    progress_schedule_free(&s);

    /* Falling behind: past phase 1's end, its actions are overdue and come first. */
    progress_schedule_compute(p, &guide, D(2024, 3, 1), 0, &s);
    assert_int_equal(progress_schedule_overdue(&s), 3);
    assert_true(s.items[0].overdue);
    assert_date(s.items[0].due, 2024, 2, 28);
    assert_false(find(&s, "s/1")->overdue);
    progress_schedule_free(&s);

    /* With hours per week, phase 2's efforts (10 h and 30 h) set the days: at 10 h a week,
     * s/1 takes 7 days and s/2 21 more, from Feb 29. */
    progress_schedule_compute(p, &guide, D(2024, 2, 1), 10, &s);
    assert_date(find(&s, "s/1")->due, 2024, 3, 6);
    assert_date(find(&s, "s/2")->due, 2024, 3, 27);
    progress_schedule_free(&s);
    /* At 2 h a week the work runs past the phase's end: the plan says so by its dates. */
    progress_schedule_compute(p, &guide, D(2024, 2, 1), 2, &s);
    assert_date(find(&s, "s/2")->due, 2024, 7, 17); /* 40 h at 2 h a week: 140 days */
    progress_schedule_free(&s);

    /* A new start date moves everything; across a year end. */
    progress_set_start(p, G, D(2025, 12, 15), 2);
    progress_schedule_compute(p, &guide, D(2025, 12, 20), 0, &s);
    assert_date(s.windows[0].to, 2026, 1, 14);
    assert_date(find(&s, "f/4")->due, 2026, 1, 14);
    assert_int_equal(progress_schedule_overdue(&s), 0);
    progress_schedule_free(&s);
    progress_free(p);
}

static void test_forecast(void **state)
{
    (void)state;
    set_tz("UTC");
    struct progress *p = progress_new();
    progress_set_start(p, G, D(2026, 1, 1), 0);
    struct progress_date today = D(2026, 1, 28);
    struct progress_schedule s;
    progress_schedule_compute(p, &guide, today, 0, &s);
    struct progress_forecast f;
    progress_forecast_compute(p, &guide, today, &s, &f);
    assert_false(f.known);
    char *text = progress_forecast_text(&f, 0);
    assert_non_null(strstr(text, "No forecast yet"));
    free(text);
    /* Two done in the newest week, one three weeks before: best 2 a week, average 3/4. */
    progress_set_state(p, G, "f/1", PROGRESS_DONE, at(D(2026, 1, 2), 10));
    progress_set_state(p, G, "f/2", PROGRESS_DONE, at(D(2026, 1, 27), 10));
    progress_set_state(p, G, "f/3", PROGRESS_SKIPPED, at(D(2026, 1, 28), 10));
    progress_schedule_free(&s);
    progress_schedule_compute(p, &guide, today, 0, &s);
    progress_forecast_compute(p, &guide, today, &s, &f);
    assert_true(f.known);
    assert_int_equal(f.left, 3);
    assert_int_equal(f.done_recent, 3);
    assert_date(f.early, 2026, 2, 8); /* 3 left at 2 a week: 10.5 days, 11 */
    assert_date(f.late, 2026, 2, 25); /* at 0.75 a week: 28 days */
    assert_date(f.plan_end, 2026, 3, 31);
    char *words = progress_forecast_words(&f);
    assert_string_equal(words, "about 6 weeks ahead of the plan");
    free(words);
    progress_schedule_free(&s);
    progress_free(p);
}

/* The pace line for today: the plan's calendar, then where the ticks put the learner in words. */
static char *pace_line_at(const struct progress *p, struct progress_date today)
{
    struct progress_schedule s;
    progress_schedule_compute(p, &guide, today, 0, &s);
    char *line = progress_pace_line(&s, p, &guide, today, TEXT_ASCII);
    progress_schedule_free(&s);
    return line;
}

static void expect_pace(const struct progress *p, struct progress_date today, const char *want)
{
    char *line = pace_line_at(p, today);
    assert_non_null(line);
    assert_string_equal(line, want);
    free(line);
}

static void test_pace_line(void **state)
{
    (void)state;
    set_tz("UTC");
    struct progress *p = progress_new();
    assert_null(pace_line_at(p, D(2026, 1, 1))); /* no start date, no line */
    /* F is January, S February and March: the plan ends on 2026-03-31. */
    progress_set_start(p, G, D(2026, 1, 1), 0);
    expect_pace(p, D(2025, 12, 27), "Starts in 5 days (2026-01-01) - 3 months planned");
    expect_pace(p, D(2026, 1, 1), "Month 1 of 3 - on schedule");
    /* Nothing ticked 45 days in: the ticks are where the plan was on day 1. No phase names. */
    expect_pace(p, D(2026, 2, 15), "Month 2 of 3 - about 6 weeks behind");
    expect_pace(p, D(2026, 5, 1), "The plan's 3 months ended on 2026-03-31 - about 17 weeks behind");
    /* F done on January 10: the ticks are where the plan is on February 1. */
    const char *f[] = {"f/1", "f/2", "f/3", "f/4"};
    for (size_t i = 0; i < 4; i++) {
        progress_set_state(p, G, f[i], PROGRESS_DONE, 1);
    }
    expect_pace(p, D(2026, 1, 10), "Month 1 of 3 - about 3 weeks ahead");
    /* Everything done: said so, not a lag from the plan's end. */
    progress_set_state(p, G, "s/1", PROGRESS_DONE, 2);
    progress_set_state(p, G, "s/2", PROGRESS_SKIPPED, 2);
    expect_pace(p, D(2026, 5, 1),
                "The plan's 3 months ended on 2026-03-31 - every key action done or skipped");
    /* The middle dot between the parts without TEXT_ASCII. */
    struct progress_schedule s;
    progress_schedule_compute(p, &guide, D(2026, 2, 1), 0, &s);
    char *line = progress_pace_line(&s, p, &guide, D(2026, 2, 1), 0);
    assert_string_equal(line, "Month 2 of 3 \xc2\xb7 every key action done or skipped");
    free(line);
    progress_schedule_free(&s);
    progress_free(p);
}

static void log_on(struct progress *p, struct progress_date d, int hour, unsigned minutes)
{
    assert_int_equal(progress_log_time(p, G, "f/1", minutes, at(d, hour), NULL), PROGRESS_CHANGED);
}

static void test_streak_calendar(void **state)
{
    (void)state;
    set_tz("UTC");
    struct progress *p = progress_new();
    /* Feb 28, Feb 29 and Mar 1 of a leap year, then Mar 2: four days in a row. */
    log_on(p, D(2024, 2, 28), 9, 10);
    log_on(p, D(2024, 2, 29), 9, 20);
    log_on(p, D(2024, 3, 1), 9, 90);
    log_on(p, D(2024, 3, 2), 9, 5);
    struct progress_streak st;
    progress_streak_compute(progress_find_guide(p, G), D(2024, 3, 2), &st);
    assert_int_equal(st.current, 4);
    assert_int_equal(st.longest, 4);
    progress_streak_compute(progress_find_guide(p, G), D(2024, 3, 3), &st);
    assert_int_equal(st.current, 4); /* today is still open */
    progress_streak_compute(progress_find_guide(p, G), D(2024, 3, 4), &st);
    assert_int_equal(st.current, 0);
    assert_int_equal(st.longest, 4);
    /* The heat map: 12 weeks from a Monday, levels by minutes. */
    progress_streak_compute(progress_find_guide(p, G), D(2024, 3, 2), &st);
    assert_int_equal(progress_date_weekday(st.first), 0);
    int64_t first = progress_date_days(st.first);
    assert_int_equal(st.heat[progress_date_days(D(2024, 2, 28)) - first], HEAT_LOW);
    assert_int_equal(st.heat[progress_date_days(D(2024, 2, 29)) - first], HEAT_MID);
    assert_int_equal(st.heat[progress_date_days(D(2024, 3, 1)) - first], HEAT_HIGH);
    assert_int_equal(st.heat[progress_date_days(D(2024, 3, 3)) - first], HEAT_FUTURE);
    assert_int_equal(st.active_days, 4);
    /* Across a year end. */
    struct progress *q = progress_new();
    log_on(q, D(2026, 12, 31), 12, 30);
    log_on(q, D(2027, 1, 1), 12, 30);
    progress_streak_compute(progress_find_guide(q, G), D(2027, 1, 1), &st);
    assert_int_equal(st.current, 2);
    progress_free(q);
    progress_free(p);
}

static void test_streak_local_days(void **state)
{
    (void)state;
    /* Berlin's clocks go forward on 2026-03-29 at 02:00. 23:30 local on the 28th is 22:30 UTC;
     * 00:30 local on the 30th is 22:30 UTC on the 29th: three local days in a row. */
    set_tz("Europe/Berlin");
    struct progress *p = progress_new();
    log_on(p, D(2026, 3, 28), 22, 10);
    progress_log_time(p, G, "f/1", 10, at(D(2026, 3, 29), 11), NULL);
    progress_log_time(p, G, "f/1", 10, at(D(2026, 3, 29), 22) + 30 * 60000, NULL);
    struct progress_streak st;
    progress_streak_compute(progress_find_guide(p, G), D(2026, 3, 30), &st);
    assert_int_equal(st.current, 3);
    /* In New York the same instants fall on the 28th, the 29th and the 29th. */
    set_tz("America/New_York");
    progress_streak_compute(progress_find_guide(p, G), D(2026, 3, 29), &st);
    assert_int_equal(st.current, 2);
    /* The week of a clock change is an hour shorter. */
    set_tz("Europe/Berlin");
    struct progress_week wk;
    progress_week_of(D(2026, 3, 29), &wk);
    assert_date(wk.monday, 2026, 3, 23);
    assert_int_equal(wk.to_ms - wk.from_ms, (int64_t)(7 * 24 - 1) * 3600000);
    progress_free(p);
    set_tz("UTC");
}

static void test_fixed_clock(void **state)
{
    (void)state;
    set_tz("UTC");
    setenv("TRAIL_NOW", "2024-02-29T23:59:59Z", 1);
    assert_date(progress_date_today(), 2024, 2, 29);
    setenv("TRAIL_NOW", "2026-12-31", 1);
    assert_int_equal(progress_now_ms(), at(D(2026, 12, 31), 12));
    set_tz("Pacific/Kiritimati"); /* UTC+14: noon UTC is already the next day there */
    assert_date(progress_date_today(), 2027, 1, 1);
    set_tz("UTC");
    setenv("TRAIL_NOW", "not a time", 1);
    assert_true(progress_now_ms() > at(D(2026, 1, 1), 0)); /* ignored: the real clock */
    unsetenv("TRAIL_NOW");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spread_and_reflow), cmocka_unit_test(test_forecast),
        cmocka_unit_test(test_streak_calendar),   cmocka_unit_test(test_streak_local_days),
        cmocka_unit_test(test_fixed_clock),       cmocka_unit_test(test_pace_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
