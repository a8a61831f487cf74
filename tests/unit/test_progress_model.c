/* SPDX-License-Identifier: MIT */
/* Unit tests of the progress document: states, undo, reset, merge, counts, times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "progress.h"

#define G "ml-engineer"

/* A small guide: phase "a" with 3 actions, phase "b" with 2, phase "c" with none. */
static struct guide_action actions_a[] = {
    {.id = "a/1", .text = "One"}, {.id = "a/2", .text = "Two"}, {.id = "a/3", .text = "Three"}};
static struct guide_action actions_b[] = {{.id = "b/1", .text = "Four"},
                                          {.id = "b/2", .text = "Five"}};
static struct guide_phase phases[] = {
    {.id = "a", .title = "Phase A", .actions = actions_a, .n_actions = 3},
    {.id = "b", .title = "Phase B", .actions = actions_b, .n_actions = 2},
    {.id = "c", .title = "Phase C", .actions = NULL, .n_actions = 0},
};
static struct guide guide = {.id = G, .title = "Guide", .phases = phases, .n_phases = 3};

static void test_set_get(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_TODO);
    assert_int_equal(progress_set_state(p, G, "a/1", PROGRESS_DONE, 1000), PROGRESS_CHANGED);
    assert_int_equal(progress_set_state(p, G, "a/1", PROGRESS_DONE, 1001), PROGRESS_SAME);
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(p, "other", "a/1"), PROGRESS_TODO);
    /* Empty ids and invalid UTF-8 are refused. */
    assert_int_equal(progress_set_state(p, G, "", PROGRESS_DONE, 1000), PROGRESS_INVALID);
    assert_int_equal(progress_set_state(p, G, "bad\xff", PROGRESS_DONE, 1000), PROGRESS_INVALID);
    /* Many items: the index keeps every one findable. */
    char id[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(id, sizeof id, "x/%d", i);
        progress_set_state(p, G, id, (enum progress_state)(i % 4), 2000 + i);
    }
    for (int i = 0; i < 1000; i++) {
        snprintf(id, sizeof id, "x/%d", i);
        assert_int_equal(progress_get_state(p, G, id), i % 4);
    }
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_DONE); /* set before the index */
    progress_free(p);
}

/* A guide of a few items is searched row by row and one of more through an index, whether its
 * items come one by one or from a file (where the reader makes room for them all at once). */
static void test_items_few_and_many(void **state)
{
    (void)state;
    char text[4096] = "version: 1\nguides:\n  few:\n    items:\n";
    for (int i = 0; i < 3; i++) {
        snprintf(text + strlen(text), sizeof text - strlen(text), "      f/%d: done\n", i);
    }
    strcat(text, "  many:\n    items:\n");
    for (int i = 0; i < 12; i++) {
        snprintf(text + strlen(text), sizeof text - strlen(text), "      m/%d: skipped\n", i);
    }
    enum progress_parse_status st;
    struct diag d = {0};
    struct progress *p = progress_parse("p.yaml", text, strlen(text), &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    char id[32];
    for (int i = 0; i < 12; i++) {
        snprintf(id, sizeof id, "f/%d", i);
        assert_int_equal(progress_get_state(p, "few", id), i < 3 ? PROGRESS_DONE : PROGRESS_TODO);
        snprintf(id, sizeof id, "m/%d", i);
        assert_int_equal(progress_get_state(p, "many", id), PROGRESS_SKIPPED);
    }
    /* The few grow past the row-by-row search; every item stays findable. */
    for (int i = 3; i < 12; i++) {
        snprintf(id, sizeof id, "f/%d", i);
        assert_int_equal(progress_set_state(p, "few", id, PROGRESS_IN_PROGRESS, 5000 + i),
                         PROGRESS_CHANGED);
    }
    for (int i = 0; i < 12; i++) {
        snprintf(id, sizeof id, "f/%d", i);
        assert_int_equal(progress_get_state(p, "few", id),
                         i < 3 ? PROGRESS_DONE : PROGRESS_IN_PROGRESS);
    }
    assert_int_equal(progress_set_state(p, "many", "m/12", PROGRESS_DONE, 6000), PROGRESS_CHANGED);
    assert_int_equal(progress_get_state(p, "many", "m/0"), PROGRESS_SKIPPED);
    assert_int_equal(progress_get_state(p, "many", "m/12"), PROGRESS_DONE);
    progress_free(p);
    diag_free(&d);
}

static void test_change_time_increases(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 5000);
    /* Same millisecond, and a clock that went back: the change still supersedes. */
    progress_set_state(p, G, "a/1", PROGRESS_SKIPPED, 5000);
    const struct progress_item *it = progress_find_item(progress_find_guide(p, G), "a/1");
    assert_int_equal(it->changed, 5001);
    progress_set_state(p, G, "a/1", PROGRESS_TODO, 10);
    assert_int_equal(it->changed, 5002);
    /* Setting the same state again is not a change. */
    unsigned long gen = progress_generation(p);
    assert_int_equal(progress_set_state(p, G, "a/1", PROGRESS_TODO, 9000), PROGRESS_SAME);
    assert_int_equal(progress_generation(p), gen);
    assert_int_equal(it->changed, 5002);
    progress_free(p);
}

static void test_undo(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 100);
    progress_set_state(p, G, "a/1", PROGRESS_SKIPPED, 200);
    progress_set_state(p, G, "a/2", PROGRESS_IN_PROGRESS, 300);
    assert_int_equal(progress_undo_depth(p, G), 3);
    const char *id = NULL;
    assert_true(progress_undo(p, G, 400, &id));
    assert_string_equal(id, "a/2");
    assert_int_equal(progress_get_state(p, G, "a/2"), PROGRESS_TODO);
    assert_true(progress_undo(p, G, 500, &id));
    assert_string_equal(id, "a/1");
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_DONE);
    assert_true(progress_undo(p, G, 600, NULL));
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_TODO);
    assert_false(progress_undo(p, G, 700, NULL));
    /* An undo is a new change, so a merge carries it to other instances. */
    assert_int_equal(progress_find_item(progress_find_guide(p, G), "a/1")->changed, 600);
    progress_free(p);
}

/* Each guide undoes its own changes, even when they interleave in the shared history. */
static void test_undo_per_guide(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 100);
    progress_set_state(p, "other", "b/1", PROGRESS_DONE, 200);
    progress_set_state(p, G, "a/2", PROGRESS_SKIPPED, 300);
    progress_set_state(p, "other", "b/2", PROGRESS_IN_PROGRESS, 400);
    assert_int_equal(progress_undo_depth(p, G), 2);
    assert_int_equal(progress_undo_depth(p, "other"), 2);
    assert_int_equal(progress_undo_depth(p, "none"), 0);
    const char *id = NULL;
    assert_true(progress_undo(p, G, 500, &id));
    assert_string_equal(id, "a/2");
    assert_true(progress_undo(p, G, 600, &id));
    assert_string_equal(id, "a/1");
    assert_false(progress_undo(p, G, 700, &id));
    /* The other guide's changes were untouched and are still undoable, newest first. */
    assert_int_equal(progress_get_state(p, "other", "b/2"), PROGRESS_IN_PROGRESS);
    assert_true(progress_undo(p, "other", 800, &id));
    assert_string_equal(id, "b/2");
    assert_true(progress_undo(p, "other", 900, &id));
    assert_string_equal(id, "b/1");
    assert_int_equal(progress_undo_depth(p, "other"), 0);
    progress_free(p);
}

static void test_undo_limit(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    for (int i = 0; i < PROGRESS_UNDO_MAX + 10; i++) {
        progress_set_state(p, G, "a/1", i % 2 ? PROGRESS_TODO : PROGRESS_DONE, 100 + i);
    }
    assert_int_equal(progress_undo_depth(p, G), PROGRESS_UNDO_MAX);
    int n = 0;
    while (progress_undo(p, G, 10000 + n, NULL)) {
        n++;
    }
    assert_int_equal(n, PROGRESS_UNDO_MAX);
    /* The oldest kept change was number 10 (done, set over todo from change 9). */
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_TODO);
    progress_free(p);
}

static void test_reset(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 100);
    progress_set_state(p, G, "gone/x", PROGRESS_DONE, 9000); /* later than the reset call */
    progress_set_state(p, "other", "o/1", PROGRESS_DONE, 100);
    progress_reset_guide(p, G, 5000);
    const struct progress_guide *pg = progress_find_guide(p, G);
    assert_int_equal(progress_guide_count_items(pg), 0);
    assert_int_equal(progress_guide_reset(pg), 9000); /* moved past every entry it clears */
    assert_int_equal(progress_get_state(p, "other", "o/1"), PROGRESS_DONE);
    /* A change after a reset is always after it, even with an older clock. */
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 10);
    assert_int_equal(progress_find_item(pg, "a/1")->changed, 9001);
    progress_free(p);
}

static void test_merge_latest_wins(void **state)
{
    (void)state;
    struct progress *ours = progress_new(), *theirs = progress_new();
    progress_set_state(ours, G, "a/1", PROGRESS_DONE, 100); /* theirs is later */
    progress_set_state(theirs, G, "a/1", PROGRESS_SKIPPED, 200);
    progress_set_state(ours, G, "a/2", PROGRESS_DONE, 300); /* ours is later */
    progress_set_state(theirs, G, "a/2", PROGRESS_TODO, 250);
    progress_set_state(ours, G, "a/3", PROGRESS_DONE, 400); /* a tie: ours */
    progress_set_state(theirs, G, "a/3", PROGRESS_IN_PROGRESS, 400);
    progress_set_state(theirs, G, "b/1", PROGRESS_DONE, 50);       /* only theirs */
    progress_set_state(ours, G, "b/2", PROGRESS_DONE, 60);         /* only ours */
    progress_set_state(theirs, "other", "o/1", PROGRESS_DONE, 70); /* another guide */
    progress_merge(ours, theirs);
    assert_int_equal(progress_get_state(ours, G, "a/1"), PROGRESS_SKIPPED);
    assert_int_equal(progress_get_state(ours, G, "a/2"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(ours, G, "a/3"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(ours, G, "b/1"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(ours, G, "b/2"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(ours, "other", "o/1"), PROGRESS_DONE);
    assert_int_equal(progress_find_item(progress_find_guide(ours, G), "a/1")->changed, 200);
    /* The other way round gives the same states except the tie. */
    progress_merge(theirs, ours);
    assert_int_equal(progress_get_state(theirs, G, "a/1"), PROGRESS_SKIPPED);
    assert_int_equal(progress_get_state(theirs, G, "a/2"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(theirs, G, "a/3"), PROGRESS_IN_PROGRESS);
    assert_int_equal(progress_get_state(theirs, G, "b/2"), PROGRESS_DONE);
    progress_free(ours);
    progress_free(theirs);
}

static void test_merge_reset_tombstone(void **state)
{
    (void)state;
    struct progress *ours = progress_new(), *theirs = progress_new();
    progress_set_state(ours, G, "a/1", PROGRESS_DONE, 100); /* before their reset: void */
    progress_set_state(ours, G, "a/2", PROGRESS_DONE, 900); /* after it: kept */
    progress_reset_guide(theirs, G, 500);
    progress_set_state(theirs, G, "b/1", PROGRESS_DONE, 600);
    unsigned long gen = progress_generation(ours);
    assert_true(progress_merge(ours, theirs));
    assert_true(progress_generation(ours) != gen);
    const struct progress_guide *pg = progress_find_guide(ours, G);
    assert_int_equal(progress_guide_reset(pg), 500);
    assert_null(progress_find_item(pg, "a/1"));
    assert_int_equal(progress_get_state(ours, G, "a/2"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(ours, G, "b/1"), PROGRESS_DONE);
    /* Merging again changes nothing. */
    gen = progress_generation(ours);
    assert_false(progress_merge(ours, theirs));
    assert_int_equal(progress_generation(ours), gen);
    progress_free(ours);
    progress_free(theirs);
}

static void test_counts(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    struct progress_counts c;
    progress_count_guide(p, &guide, &c);
    assert_int_equal(c.total, 5);
    assert_int_equal(c.todo, 5);
    assert_int_equal(progress_percent(&c), 0);
    assert_int_equal(progress_current_phase(p, &guide), 0);
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 1);
    progress_set_state(p, G, "a/2", PROGRESS_SKIPPED, 2);
    progress_set_state(p, G, "a/3", PROGRESS_IN_PROGRESS, 3);
    progress_set_state(p, G, "b/1", PROGRESS_DONE, 4);
    progress_set_state(p, G, "gone/1", PROGRESS_DONE, 5);
    progress_set_state(p, G, "gone/2", PROGRESS_SKIPPED, 6);
    progress_set_state(p, G, "gone/3", PROGRESS_TODO, 6); /* todo over no entry: no change */
    progress_count_phase(p, &guide, 0, &c);
    assert_int_equal(c.done, 1);
    assert_int_equal(c.skipped, 1);
    assert_int_equal(c.in_progress, 1);
    assert_int_equal(c.todo, 0);
    assert_int_equal(progress_percent(&c), 50); /* 1 of 2: the skipped one left */
    progress_count_guide(p, &guide, &c);
    assert_int_equal(c.total, 5);
    assert_int_equal(c.done, 2);
    assert_int_equal(c.todo, 1);
    assert_int_equal(progress_percent(&c), 50); /* 2 of 4 */
    assert_int_equal(progress_count_unknown(p, &guide), 2);
    assert_int_equal(progress_current_phase(p, &guide), 0); /* a/3 is in progress */
    progress_set_state(p, G, "a/3", PROGRESS_DONE, 7);
    assert_int_equal(progress_current_phase(p, &guide), 1);
    progress_set_state(p, G, "b/2", PROGRESS_SKIPPED, 8);
    assert_int_equal(progress_current_phase(p, &guide), 3); /* all done or skipped */
    progress_free(p);
}

static void test_percent(void **state)
{
    (void)state;
    struct progress_counts c = {.total = 80, .done = 79, .todo = 1};
    assert_int_equal(progress_percent(&c), 98); /* rounded down: never 100 before the end */
    c = (struct progress_counts){.total = 3, .skipped = 3};
    assert_int_equal(progress_percent(&c), 100);
    c = (struct progress_counts){.total = 3, .done = 1, .todo = 2};
    assert_int_equal(progress_percent(&c), 33);
    c = (struct progress_counts){0};
    assert_int_equal(progress_percent(&c), 0);
}

/* The arithmetic formatter agrees with gmtime_r() over 1970-9999, leap days and month ends
 * included, and parses back to the same time. */
static void test_format_time_matches_gmtime(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252ull; /* xorshift64: a fixed, reproducible sequence */
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int64_t ms = (int64_t)(x % 253402300800000ull);
        if (i % 4 == 0) { /* the last millisecond of some day */
            ms = ms - ms % 86400000 + 86399999;
        }
        time_t secs = (time_t)(ms / 1000);
        struct tm tm;
        gmtime_r(&secs, &tm);
        char want[64], got[PROGRESS_TIME_SIZE];
        snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ms % 1000));
        progress_format_time(ms, got, sizeof got);
        assert_string_equal(got, want);
        int64_t back = -1;
        assert_int_equal(progress_parse_time(got, &back), 0);
        assert_int_equal(back, ms);
    }
}

static void test_times(void **state)
{
    (void)state;
    int64_t ms;
    assert_int_equal(progress_parse_time("1970-01-01T00:00:01.000Z", &ms), 0);
    assert_int_equal(ms, 1000);
    /* 2000-03-01 is 11017 days after the epoch: 30 years, 7 leap days, Jan+Feb 2000 (60). */
    assert_int_equal(progress_parse_time("2000-03-01T00:00:00Z", &ms), 0);
    assert_int_equal(ms, 951868800000LL);
    assert_int_equal(progress_parse_time("2024-02-29T23:59:59.999Z", &ms), 0);
    char buf[PROGRESS_TIME_SIZE];
    progress_format_time(ms, buf, sizeof buf);
    assert_string_equal(buf, "2024-02-29T23:59:59.999Z");
    progress_format_time(951868800123LL, buf, sizeof buf);
    assert_string_equal(buf, "2000-03-01T00:00:00.123Z");
    progress_format_time(0, buf, sizeof buf);
    assert_string_equal(buf, "1970-01-01T00:00:00.000Z");
    /* 9999-12-31T23:59:59 is 253402300799 s after the epoch: the last 4-digit year. */
    progress_format_time(253402300799999LL, buf, sizeof buf);
    assert_string_equal(buf, "9999-12-31T23:59:59.999Z");
    progress_format_time(253402300800000LL, buf, sizeof buf);
    assert_string_equal(buf, "10000-01-01T00:00:00.000Z");
    /* The last instant, and a leap second that stays inside the range, round trip. */
    assert_int_equal(progress_parse_time("9999-12-31T23:59:59.999Z", &ms), 0);
    assert_int_equal(ms, PROGRESS_TIME_MAX_MS);
    progress_format_time(ms, buf, sizeof buf);
    assert_string_equal(buf, "9999-12-31T23:59:59.999Z");
    assert_int_equal(progress_parse_time("2016-12-31T23:59:60Z", &ms), 0);
    progress_format_time(ms, buf, sizeof buf);
    assert_string_equal(buf, "2017-01-01T00:00:00.000Z");
    const char *bad[] = {"2023-02-29T00:00:00Z",
                         "2026-11-26T06:30:12.345",
                         "2026-11-26 06:30:12Z",
                         "2026-13-01T00:00:00Z",
                         "2026-11-26T24:00:00Z",
                         "2026-11-26T06:30:12.3Z",
                         "1969-12-31T23:59:59Z",
                         "9999-12-31T23:59:60.999Z", /* would be written as year 10000 */
                         "",
                         "yesterday",
                         "2026-11-26T06:30:12.345Z trailing"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(progress_parse_time(bad[i], &ms), -1);
    }
}

static void test_state_names(void **state)
{
    (void)state;
    enum progress_state st;
    const char *names[] = {"todo", "in-progress", "done", "skipped"};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(progress_state_parse(names[i], &st), 0);
        assert_int_equal(st, i);
        assert_string_equal(progress_state_name(st), names[i]);
    }
    /* As a person may write them. */
    assert_int_equal(progress_state_parse("Done", &st), 0);
    assert_int_equal(st, PROGRESS_DONE);
    assert_int_equal(progress_state_parse("IN PROGRESS", &st), 0);
    assert_int_equal(st, PROGRESS_IN_PROGRESS);
    assert_int_equal(progress_state_parse("in_progress", &st), 0);
    assert_int_equal(st, PROGRESS_IN_PROGRESS);
    assert_int_equal(progress_state_parse("SKIPPED", &st), 0);
    assert_int_equal(st, PROGRESS_SKIPPED);
    assert_int_equal(progress_state_parse("", &st), -1);
    assert_int_equal(progress_state_parse("finished", &st), -1);
    assert_int_equal(progress_state_parse("done!", &st), -1);
    assert_int_equal(progress_state_parse("don", &st), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_get),
        cmocka_unit_test(test_items_few_and_many),
        cmocka_unit_test(test_change_time_increases),
        cmocka_unit_test(test_undo),
        cmocka_unit_test(test_undo_per_guide),
        cmocka_unit_test(test_undo_limit),
        cmocka_unit_test(test_reset),
        cmocka_unit_test(test_merge_latest_wins),
        cmocka_unit_test(test_merge_reset_tombstone),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_format_time_matches_gmtime),
        cmocka_unit_test(test_state_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
