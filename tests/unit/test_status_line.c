/* SPDX-License-Identifier: MIT */
/* Unit tests of the status line (status_line.c): the default line, placeholders, the pace
 * against the plan's calendar (behind, on track, ahead, before the start, all done), the
 * width cut on whole characters, colours only when asked, and the JSON facts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "progress.h"
#include "progress_journal.h"
#include "progress_schedule.h"
#include "status_line.h"

#define G "keeper"

static struct guide_action acts_a[] = {{.id = "a/1", .text = "Learn Git"},
                                       {.id = "a/2", .text = "Learn \x1b[31mPython"}};
static struct guide_action acts_b[] = {{.id = "b/1", .text = "Deploy"},
                                       {.id = "b/2", .text = "Monitor"}};
static struct guide_phase phases[] = {
    {.id = "a",
     .title = "Basics",
     .start_month = 1,
     .end_month = 2,
     .actions = acts_a,
     .n_actions = 2},
    {.id = "b",
     .title = "Later",
     .start_month = 3,
     .end_month = 4,
     .actions = acts_b,
     .n_actions = 2},
};
static struct guide guide = {
    .id = G, .title = "ML Engineer", .short_title = "ML Eng", .phases = phases, .n_phases = 2};

static char *line(const struct progress *p, const char *fmt, int width, bool color,
                  struct progress_date today)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(status_line_print(&guide, p, fmt, width, color, today, 0, out), 0);
    fclose(out);
    return buf;
}

static void expect_line(const struct progress *p, const char *fmt, int width,
                        struct progress_date today, const char *want)
{
    char *got = line(p, fmt, width, false, today);
    assert_string_equal(got, want);
    free(got);
}

static const struct progress_date jan1 = {2026, 1, 1};

static void test_default_and_placeholders(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 1000);
    progress_set_state(p, G, "b/2", PROGRESS_SKIPPED, 1000);
    expect_line(p, NULL, 0, jan1, "ML Eng 1/3 \xc2\xb7 next: Learn \xe2\x90\x9b[31mPython\n");
    expect_line(p, "%{done}/%{total} %{percent} %% [%{streak}]", 0, jan1, "1/3 33% % [0 d]\n");
    expect_line(p, "%{pace}|", 0, jan1, "|\n"); /* no start date: no pace */
    progress_free(p);
}

static void test_pace(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    progress_set_start(p, G, jan1, 1000);
    /* Phase a is planned for months 1-2 (2026-01-01 .. 2026-02-28, 59 days). Behind is
     * measured from the day by which the plan expected as much done as is done: with nothing
     * done, 2026-01-01. */
    expect_line(p, "%{pace}", 0, (struct progress_date){2026, 2, 1}, "4 wk behind\n");
    expect_line(p, "%{pace}", 0, (struct progress_date){2026, 3, 5}, "9 wk behind\n");
    /* 104 days: 14.9 weeks, "about 15 weeks behind" on Home and the timeline; the same here. */
    expect_line(p, "%{pace}", 0, (struct progress_date){2026, 4, 15}, "15 wk behind\n");
    char words[64];
    progress_lag_words(104, words, sizeof words);
    assert_string_equal(words, "about 15 weeks behind");
    expect_line(p, "%{pace}", 0, (struct progress_date){2025, 12, 25}, "starts in 7 d\n");
    /* Half of phase a done: where the plan was on 2026-01-30 (29 days in). */
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 2000);
    expect_line(p, "%{pace}", 0, (struct progress_date){2026, 2, 1}, "on track\n");
    expect_line(p, "%{pace}", 0, (struct progress_date){2026, 2, 4}, "5 d behind\n");
    progress_set_state(p, G, "a/2", PROGRESS_DONE, 2000);
    /* In phase b (months 3-4, from 2026-03-01) already on 2026-02-01: 28 days ahead. */
    expect_line(p, "%{pace}", 0, (struct progress_date){2026, 2, 1}, "4 wk ahead\n");
    progress_set_state(p, G, "b/1", PROGRESS_DONE, 2000);
    progress_set_state(p, G, "b/2", PROGRESS_DONE, 2000);
    expect_line(p, "%{pace}", 0, (struct progress_date){2026, 2, 1}, "all done\n");
    expect_line(p, NULL, 0, (struct progress_date){2026, 2, 1}, "ML Eng 4/4 \xc2\xb7 all done\n");
    progress_free(p);
}

static void test_width_and_color(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 1000);
    expect_line(p, NULL, 20, jan1, "ML Eng 1/4 \xc2\xb7 next: \xe2\x80\xa6\n");
    expect_line(p, "%{guide}", 6, jan1, "ML Eng\n"); /* fits exactly: no cut */
    char *c = line(p, "%{guide} %{done}", 0, true, jan1);
    assert_string_equal(c, "\x1b[1mML Eng\x1b[0m 1\n");
    free(c);
    progress_free(p);
}

static void test_checks_and_parts(void **state)
{
    (void)state;
    char *why = NULL;
    assert_int_equal(status_line_check("%{done} %{nope}", &why), -1);
    assert_non_null(strstr(why, "unknown placeholder %{nope}"));
    free(why);
    assert_int_equal(status_line_check("%{done", &why), -1);
    free(why);
    assert_int_equal(status_line_check("100%% %{percent}", NULL), 0);
    assert_int_equal(status_line_check(NULL, NULL), 0);
    assert_int_equal(status_line_parts("%{guide}"), GUIDE_PART_INFO);
    assert_int_equal(status_line_parts("%{guide} %{next}"), GUIDE_PART_INFO | GUIDE_PART_PATH);
    assert_int_equal(status_line_parts(NULL), GUIDE_PART_INFO | GUIDE_PART_PATH);
}

/* %{streak}: the days in a row with learning up to today, or yesterday while today is open; a
 * log taken back is none; only %{streak} needs the journal. */
static void test_streak(void **state)
{
    (void)state;
    setenv("TZ", "UTC", 1);
    tzset();
    struct progress *p = progress_new();
    struct progress_date jan2 = {2026, 1, 2}, jan3 = {2026, 1, 3};
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 1766998800000); /* 2025-12-29 */
    progress_log_time(p, G, "a/1", 30, 1767085200000, NULL);       /* 2025-12-30 */
    progress_set_note(p, G, "a/1", "a note", 6, 1767171600000);    /* 2025-12-31 */
    uint64_t last = 0;
    progress_log_time(p, G, "b/2", 15, 1767258000000, &last); /* 2026-01-01 */
    expect_line(p, "%{streak}", 0, jan1, "4 d\n");
    expect_line(p, "%{streak}", 0, jan2, "4 d\n");
    expect_line(p, "%{streak}", 0, jan3, "0 d\n");
    progress_unlog_time(p, G, last, 1767258000001);
    expect_line(p, "[%{streak}]", 0, jan1, "[3 d]\n");
    assert_true(status_line_needs_journal("%{done} %{streak}"));
    assert_false(status_line_needs_journal("%{done} %{pace} %{next}"));
    assert_false(status_line_needs_journal(NULL));
    progress_free(p);
}

static void test_json(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(status_line_json(&guide, p, jan1, out), 0);
    fclose(out);
    assert_string_equal(buf,
                        "{\"format\":\"trail-status\",\"version\":1,\"guide\":{\"id\":\"keeper\","
                        "\"title\":\"ML Eng\"},\"done\":0,\"total\":4,\"percent\":0,"
                        "\"next\":\"Learn Git\",\"pace\":null,\"streak\":0}\n");
    free(buf);
    progress_free(p);
}

int main(void)
{
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_and_placeholders),
        cmocka_unit_test(test_pace),
        cmocka_unit_test(test_width_and_color),
        cmocka_unit_test(test_checks_and_parts),
        cmocka_unit_test(test_streak),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
