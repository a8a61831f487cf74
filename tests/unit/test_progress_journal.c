/* SPDX-License-Identifier: MIT */
/* Unit tests of the journal: durations, events made by every change, time logs and their
 * undo, the text form read back by both readers (line by line and through YAML), merging as a
 * set (nothing counted twice, nothing lost), resets, and lines a person wrote. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "progress.h"
#include "progress_journal_internal.h"
#include "progress_personal.h"
#include "xalloc.h"

#define G "orchard"

static int64_t T(const char *s)
{
    int64_t t = 0;
    assert_int_equal(progress_parse_time(s, &t), 0);
    return t;
}

static struct progress *parse(const char *text, enum progress_parse_status *st, struct diag *d)
{
    return progress_parse("p.yaml", text, strlen(text), st, d);
}

/* A line in each shape, whole and cut short: the length is always the whole line's, and what
 * fits is written and ended, as snprintf() does. */
static void test_line_format(void **state)
{
    (void)state;
    const int64_t at = T("2026-03-04T05:06:07.089Z");
    const struct {
        struct progress_event e;
        const char *line;
    } cases[] = {
        {{.at = at,
          .id = 0xabc,
          .kind = PROGRESS_EVENT_STATE,
          .state = PROGRESS_DONE,
          .item = "roots/soil"},
         "2026-03-04T05:06:07.089Z 0000000000000abc done roots/soil"},
        {{.at = at, .id = 1, .kind = PROGRESS_EVENT_LOG, .minutes = 90, .item = "roots/soil"},
         "2026-03-04T05:06:07.089Z 0000000000000001 log 1h30m roots/soil"},
        {{.at = at, .id = 2, .kind = PROGRESS_EVENT_UNLOG, .ref = 0xff},
         "2026-03-04T05:06:07.089Z 0000000000000002 unlog 00000000000000ff"},
        {{.at = at, .id = 3, .kind = PROGRESS_EVENT_HOURS, .minutes = 6},
         "2026-03-04T05:06:07.089Z 0000000000000003 hours 6"},
        {{.at = at, .id = 4, .kind = PROGRESS_EVENT_START},
         "2026-03-04T05:06:07.089Z 0000000000000004 start"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[PROGRESS_EVENT_LINE_MAX];
        size_t want = strlen(cases[i].line);
        assert_int_equal(progress_event_format(&cases[i].e, buf, sizeof buf), want);
        assert_string_equal(buf, cases[i].line);
        for (size_t size = 0; size <= want + 1; size++) {
            char cut[PROGRESS_EVENT_LINE_MAX];
            memset(cut, 'x', sizeof cut);
            assert_int_equal(progress_event_format(&cases[i].e, cut, size), want);
            if (size > 0) {
                size_t got = size - 1 < want ? size - 1 : want;
                assert_memory_equal(cut, cases[i].line, got);
                assert_int_equal(cut[got], '\0');
            }
            assert_int_equal(cut[size], 'x'); /* nothing written past size */
        }
    }
}

static void test_durations(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        unsigned min;
    } good[] = {{"45m", 45},  {"1h", 60},     {"1h30m", 90},    {"1h30", 90},
                {"1.5h", 90}, {"90 min", 90}, {"2 hours", 120}, {"24h", 1440},
                {"1m", 1},    {"0.5h", 30},   {"1H 5M", 65},    {"10 minutes", 10}};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        unsigned m = 0;
        assert_int_equal(progress_duration_parse(good[i].s, &m, NULL), 0);
        assert_int_equal(m, good[i].min);
    }
    const char *bad[] = {"", "45", "5x", "h", "0m", "25h", "1441m", "-5m", "m45", "1h30x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        unsigned m = 7;
        char *why = NULL;
        assert_int_equal(progress_duration_parse(bad[i], &m, &why), -1);
        assert_non_null(why);
        assert_int_equal(m, 7);
        free(why);
    }
    char buf[16];
    progress_duration_format(45, buf, sizeof buf);
    assert_string_equal(buf, "45m");
    progress_duration_format(120, buf, sizeof buf);
    assert_string_equal(buf, "2h");
    progress_duration_format(95, buf, sizeof buf);
    assert_string_equal(buf, "1h35m");
}

static void test_every_change_is_an_event(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    int64_t t = T("2026-12-06T09:00:00Z");
    progress_set_state(p, G, "plant/dig", PROGRESS_DONE, t);
    progress_set_note(p, G, "plant/dig", "deep", 4, t + 1);
    struct progress_date start = {2026, 12, 1};
    progress_set_start(p, G, start, t + 2);
    progress_set_resume(p, G, "path", NULL, 0, t + 3); /* not a learner's change */
    assert_int_equal(progress_log_time(p, G, "plant/dig", 45, t + 4, NULL), PROGRESS_CHANGED);
    const struct progress_guide *pg = progress_find_guide(p, G);
    assert_int_equal(progress_journal_count(pg), 4);
    assert_int_equal(progress_journal_at(pg, 0)->kind, PROGRESS_EVENT_STATE);
    assert_int_equal(progress_journal_at(pg, 1)->kind, PROGRESS_EVENT_NOTE);
    assert_int_equal(progress_journal_at(pg, 2)->kind, PROGRESS_EVENT_START);
    assert_int_equal(progress_journal_at(pg, 3)->kind, PROGRESS_EVENT_LOG);
    assert_int_equal(progress_journal_minutes(pg, NULL, t, t + 10), 45);
    assert_int_equal(progress_journal_minutes(pg, "plant/dig", t + 5, t + 10), 0);
    /* Refused input changes nothing. */
    assert_int_equal(progress_log_time(p, G, "plant/dig", 0, t, NULL), PROGRESS_INVALID);
    assert_int_equal(progress_log_time(p, G, "", 5, t, NULL), PROGRESS_INVALID);
    assert_int_equal(progress_log_time(p, G, "x", PROGRESS_LOG_MAX_MINUTES + 1, t, NULL),
                     PROGRESS_INVALID);
    assert_int_equal(progress_journal_count(progress_find_guide(p, G)), 4);
    progress_free(p);
}

/* Adding, rewording, moving and removing an own action, changing the start date, and undoing
 * each, are events like ticks and notes; they are written and read back as "mine" and "start"
 * lines. A refused change or one that changes nothing is none. */
static void test_own_actions_and_start_are_events(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    int64_t t = T("2026-12-06T09:00:00Z");
    const char *id = "mine/k1";
    assert_int_equal(progress_personal_set(p, G, id, "plant", NULL, "Dig a test hole", t),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_personal_set(p, G, id, NULL, NULL, "Dig two test holes", t + 1),
                     PROGRESS_CHANGED);
    assert_int_equal(
        progress_personal_set(p, G, id, "plant", "plant/dig", "Dig two test holes", t + 2),
        PROGRESS_CHANGED);
    assert_int_equal(progress_personal_set(p, G, id, NULL, NULL, NULL, t + 3), PROGRESS_CHANGED);
    assert_int_equal(progress_personal_set(p, G, id, NULL, NULL, NULL, t + 4), PROGRESS_SAME);
    assert_int_equal(progress_personal_set(p, G, "k2", "plant", NULL, "no prefix", t + 4),
                     PROGRESS_INVALID);
    const struct progress_guide *pg = progress_find_guide(p, G);
    assert_int_equal(progress_journal_count(pg), 4);
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(progress_journal_at(pg, i)->kind, PROGRESS_EVENT_MINE);
        assert_string_equal(progress_journal_at(pg, i)->item, id);
    }
    struct progress_undone u;
    assert_true(progress_undo_change(p, G, t + 5, &u)); /* the removal: it is back */
    pg = progress_find_guide(p, G);
    assert_int_equal(progress_journal_count(pg), 5);
    assert_int_equal(progress_journal_at(pg, 4)->kind, PROGRESS_EVENT_MINE);
    struct progress_date d1 = {2026, 11, 1}, d2 = {2026, 12, 1};
    progress_set_start(p, G, d1, t + 6);
    progress_set_start(p, G, d2, t + 7);
    assert_true(progress_undo_change(p, G, t + 8, &u)); /* back to d1 */
    pg = progress_find_guide(p, G);
    assert_int_equal(progress_journal_count(pg), 8);
    for (size_t i = 5; i < 8; i++) {
        assert_int_equal(progress_journal_at(pg, i)->kind, PROGRESS_EVENT_START);
    }
    /* Written and read back as the same events. */
    size_t len = 0;
    char *text = progress_emit(p, &len);
    assert_non_null(strstr(text, " mine mine/k1\n"));
    struct diag d = {0};
    enum progress_parse_status st;
    struct progress *q = progress_parse("p.yaml", text, len, &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(d.n, 0);
    const struct progress_guide *b = progress_find_guide(q, G);
    assert_int_equal(progress_journal_count(b), 8);
    for (size_t i = 0; i < 8; i++) {
        assert_int_equal(progress_journal_at(b, i)->kind, progress_journal_at(pg, i)->kind);
        assert_int_equal(progress_journal_at(b, i)->id, progress_journal_at(pg, i)->id);
    }
    free(text);
    diag_free(&d);
    progress_free(q);
    progress_free(p);
}

static void test_undo_log(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    int64_t t = T("2026-12-06T09:00:00Z");
    uint64_t id = 0;
    progress_log_time(p, G, "plant/dig", 30, t, &id);
    progress_log_time(p, G, "plant/dig", 30, t, NULL); /* the same at the same ms: both count */
    const struct progress_guide *pg = progress_find_guide(p, G);
    assert_int_equal(progress_journal_minutes(pg, NULL, t, t + 10), 60);
    struct progress_undone u;
    assert_true(progress_undo_change(p, G, t + 5, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_LOG);
    assert_string_equal(u.id, "plant/dig");
    assert_int_equal(u.minutes, 30);
    pg = progress_find_guide(p, G);
    assert_int_equal(progress_journal_minutes(pg, NULL, t, t + 10), 30);
    assert_int_equal(progress_unlog_time(p, G, id, t + 6), PROGRESS_CHANGED);
    assert_int_equal(progress_unlog_time(p, G, id, t + 7), PROGRESS_SAME);
    assert_int_equal(progress_unlog_time(p, G, 12345, t + 7), PROGRESS_INVALID);
    assert_int_equal(progress_journal_minutes(progress_find_guide(p, G), NULL, t, t + 10), 0);
    progress_free(p);
}

/* The text a document is written as reads back as the same events, by the line reader (plain
 * lines) and by the YAML reader (a quoted line makes the file go through it). */
static void round_trip(const char *item)
{
    struct progress *p = progress_new();
    int64_t t = T("2026-12-06T09:00:00Z");
    progress_set_state(p, G, item, PROGRESS_DONE, t);
    progress_log_time(p, G, item, 75, t + 1, NULL);
    size_t len = 0;
    char *text = progress_emit(p, &len);
    struct diag d = {0};
    enum progress_parse_status st;
    struct progress *q = progress_parse("p.yaml", text, len, &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(d.n, 0);
    const struct progress_guide *a = progress_find_guide(p, G), *b = progress_find_guide(q, G);
    assert_int_equal(progress_journal_count(b), 2);
    for (size_t i = 0; i < 2; i++) {
        const struct progress_event *x = progress_journal_at(a, i), *y = progress_journal_at(b, i);
        assert_int_equal(x->id, y->id);
        assert_int_equal(x->at, y->at);
        assert_int_equal(x->kind, y->kind);
        assert_int_equal(x->minutes, y->minutes);
        assert_string_equal(x->item, y->item);
    }
    size_t len2 = 0;
    char *again = progress_emit(q, &len2);
    assert_string_equal(text, again);
    free(text);
    free(again);
    diag_free(&d);
    progress_free(p);
    progress_free(q);
}

static void test_round_trip(void **state)
{
    (void)state;
    round_trip("plant/dig");
    round_trip("needs: quoting # and \"more\"");
    round_trip("ünïcödé \xe2\x80\xa8 line separator");
}

static void test_split_only_own_shape(void **state)
{
    (void)state;
    const char *own = "version: 1\njournal:\n  g:\n  - 2026-12-06 log 1h x\n";
    assert_int_equal(progress_journal_split(own, strlen(own)), strlen("version: 1\n"));
    const char *others[] = {
        "version: 1\njournal:\n  g:\n    - 2026-12-06 log 1h x\n", /* indented otherwise */
        "version: 1\njournal:\n  - 2026-12-06 log 1h x\n",         /* no guide key */
        "journal:\n  g:\n  - 2026-12-06 log 1h x\nversion: 1\n",   /* not the last key */
        "version: 1\njournal:\n  g:\n  - 2026-12-06 log 1h x # comment\n",
        "version: 1\njournal:\n  g:\n  - 2026-12-06 log 1h x", /* no final line break */
        "version: 1\njournal: {}\n",
    };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        assert_int_equal(progress_journal_split(others[i], strlen(others[i])), strlen(others[i]));
        /* ...and the YAML reader still reads each (the last ones as what they say). */
        struct diag d = {0};
        enum progress_parse_status st;
        struct progress *p = parse(others[i], &st, &d);
        progress_free(p);
        diag_free(&d);
    }
}

static void test_hand_written_lines(void **state)
{
    (void)state;
    const char *text = "version: 1\n"
                       "journal:\n"
                       "  orchard:\n"
                       "  - 2026-12-05 log 1h30m plant/dig\n"
                       "  - 2026-12-05 log 1h30m plant/dig\n"
                       "  - yesterday log 1h plant/dig\n"
                       "  - 2026-12-06T10:00:00Z done plant/stake\n";
    struct diag d = {0};
    enum progress_parse_status st;
    struct progress *p = parse(text, &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.msgs[0].line, 6);
    const struct progress_guide *pg = progress_find_guide(p, G);
    /* A line without an id gets one made from its text: the same line is the same event. */
    assert_int_equal(progress_journal_count(pg), 2);
    assert_int_equal(progress_journal_minutes(pg, NULL, 0, INT64_MAX), 90);
    struct progress *twice = progress_new();
    progress_merge(twice, p);
    progress_merge(twice, p);
    assert_int_equal(progress_journal_minutes(progress_find_guide(twice, G), NULL, 0, INT64_MAX),
                     90);
    /* The line not understood is written back as it was. */
    size_t len = 0;
    char *out = progress_emit(p, &len);
    assert_non_null(strstr(out, "  - yesterday log 1h plant/dig\n"));
    free(out);
    progress_free(twice);
    progress_free(p);
    diag_free(&d);
}

/* Lines read in the writer's own shape and kept (PROGRESS_PARSE_KEEP_LINES) are written back
 * as they were, a line a person wrote another way (a date only, no id, a time without
 * milliseconds) included: read again they are the same events, as when every event is
 * formatted anew (a merge into an empty document keeps no line). */
static void test_kept_lines_change_nothing(void **state)
{
    (void)state;
    const char *lines = "  - 2026-12-05T09:00:00.000Z 00000000000000a1 done plant/dig\n"
                        "  - 2026-12-05T09:30:00.000Z 00000000000000a2 log 1h30m plant/dig\n"
                        "  - 2026-12-05 log 45m plant/stake\n"
                        "  - 2026-12-06T10:00:00Z 00000000000000a3 done plant/stake\n"
                        "  - 2026-12-06T11:00:00.000Z 00000000000000a4 note plant/stake\n";
    char *text = xasprintf("version: 1\njournal:\n  orchard:\n%s", lines);
    struct diag d = {0};
    enum progress_parse_status st;
    struct progress *p =
        progress_parse_with("p.yaml", text, strlen(text), PROGRESS_PARSE_KEEP_LINES, &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(d.warnings, 0);
    progress_log_time(p, G, "plant/dig", 20, T("2026-12-07T08:00:00Z"), NULL);
    size_t len = 0, fresh_len = 0;
    char *out = progress_emit(p, &len);
    assert_non_null(strstr(out, lines)); /* as they were, and the new event after them */
    assert_non_null(strstr(out, "  - 2026-12-07T08:00:00.000Z "));
    struct progress *fresh = progress_new();
    progress_merge(fresh, p);
    char *formatted = progress_emit(fresh, &fresh_len);
    assert_null(strstr(formatted, "  - 2026-12-05 log 45m plant/stake\n"));
    /* Both texts read back as the same six events. */
    const char *texts[] = {out, formatted};
    for (size_t i = 0; i < 2; i++) {
        struct progress *q = parse(texts[i], &st, &d);
        assert_int_equal(st, PROGRESS_PARSE_OK);
        assert_int_equal(progress_journal_count(progress_find_guide(q, G)), 6);
        assert_false(progress_merge(q, p));
        assert_false(progress_merge(p, q));
        progress_free(q);
    }
    assert_int_equal(progress_journal_minutes(progress_find_guide(p, G), NULL, 0, INT64_MAX), 155);
    /* A second save of the same document writes the same bytes again. */
    char *again = progress_emit(p, &len);
    assert_string_equal(again, out);
    free(again);
    free(formatted);
    free(out);
    free(text);
    progress_free(fresh);
    progress_free(p);
    diag_free(&d);
}

static void test_merge_is_a_union(void **state)
{
    (void)state;
    int64_t t = T("2026-12-06T09:00:00Z");
    struct progress *a = progress_new(), *b = progress_new();
    progress_log_time(a, G, "plant/dig", 10, t, NULL);
    progress_log_time(b, G, "plant/dig", 20, t + 1, NULL);
    struct progress *c = progress_new();
    progress_merge(c, a);
    progress_merge(c, b);
    assert_true(progress_merge(a, b));
    assert_false(progress_merge(a, b)); /* nothing new the second time */
    assert_true(progress_merge(b, c));
    const struct progress_guide *ga = progress_find_guide(a, G), *gb = progress_find_guide(b, G);
    assert_int_equal(progress_journal_minutes(ga, NULL, 0, INT64_MAX), 30);
    assert_int_equal(progress_journal_minutes(gb, NULL, 0, INT64_MAX), 30);
    assert_int_equal(progress_journal_count(gb), 2);
    progress_free(a);
    progress_free(b);
    progress_free(c);
}

static void test_reset_voids_events(void **state)
{
    (void)state;
    int64_t t = T("2026-12-06T09:00:00Z");
    struct progress *a = progress_new();
    progress_log_time(a, G, "plant/dig", 10, t, NULL);
    struct progress *old = progress_new();
    progress_merge(old, a);
    progress_reset_guide(a, G, t + 5);
    assert_int_equal(progress_journal_count(progress_find_guide(a, G)), 0);
    progress_merge(a, old); /* an older copy cannot bring the log back */
    assert_int_equal(progress_journal_count(progress_find_guide(a, G)), 0);
    progress_log_time(a, G, "plant/dig", 15, t + 1, NULL); /* after the reset, whatever now says */
    assert_int_equal(progress_journal_minutes(progress_find_guide(a, G), NULL, 0, INT64_MAX), 15);
    progress_free(a);
    progress_free(old);
}

static void test_no_journal_flag(void **state)
{
    (void)state;
    const char *text = "version: 1\n"
                       "guides:\n"
                       "  orchard:\n"
                       "    items:\n"
                       "      plant/dig: done\n"
                       "journal:\n"
                       "  orchard:\n"
                       "  - 2026-12-05 log 1h30m plant/dig\n";
    struct diag d = {0};
    enum progress_parse_status st;
    struct progress *p =
        progress_parse_with("p.yaml", text, strlen(text), PROGRESS_PARSE_NO_JOURNAL, &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(progress_get_state(p, G, "plant/dig"), PROGRESS_DONE);
    assert_int_equal(progress_journal_count(progress_find_guide(p, G)), 0);
    progress_free(p);
    diag_free(&d);

    /* A bad byte in the journal left out is not looked at; a key after the journal (a hand
     * edit) is read, the journal then with it. */
    const char *bad = "version: 1\n"
                      "guides:\n"
                      "  orchard:\n"
                      "    items:\n"
                      "      plant/dig: done\n"
                      "journal:\n"
                      "  orchard:\n"
                      "  - 2026-12-05 note \xff\n";
    p = progress_parse_with("p.yaml", bad, strlen(bad), PROGRESS_PARSE_NO_JOURNAL, &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(d.n, 0);
    assert_int_equal(progress_get_state(p, G, "plant/dig"), PROGRESS_DONE);
    progress_free(p);
    const char *after = "version: 1\n"
                        "journal:\n"
                        "  orchard:\n"
                        "  - 2026-12-05 log 1h30m plant/dig\n"
                        "guides:\n"
                        "  orchard:\n"
                        "    items:\n"
                        "      plant/dig: done\n";
    p = progress_parse_with("p.yaml", after, strlen(after), PROGRESS_PARSE_NO_JOURNAL, &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(progress_get_state(p, G, "plant/dig"), PROGRESS_DONE);
    progress_free(p);
    diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_format),
        cmocka_unit_test(test_durations),
        cmocka_unit_test(test_every_change_is_an_event),
        cmocka_unit_test(test_own_actions_and_start_are_events),
        cmocka_unit_test(test_undo_log),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_split_only_own_shape),
        cmocka_unit_test(test_hand_written_lines),
        cmocka_unit_test(test_kept_lines_change_nothing),
        cmocka_unit_test(test_merge_is_a_union),
        cmocka_unit_test(test_reset_voids_events),
        cmocka_unit_test(test_no_journal_flag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
