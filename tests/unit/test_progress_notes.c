/* SPDX-License-Identifier: MIT */
/* Unit tests of the companion entries: notes (multi-line, UTF-8, removal tombstones, merge),
 * certification statuses and dates, the start date and the resume position, each through
 * emit -> parse and merge, and voided by a reset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "progress_check.h"

#define G  "ml-engineer"
#define T0 1764138612345LL /* 2025-11-26T06:30:12.345Z */

static void test_notes_round_trip(void **state)
{
    (void)state;
    static const char *const notes[] = {
        "one line",
        "Khan Academy first,\nthen 3Blue1Brown.",
        "  indented first line\nsecond",
        "Ünïcödé: 日本語, emoji 😀, math ∑ x²\nzweite Zeile",
        "- looks like a list\n# looks like a comment\nkey: value",
        "trailing spaces   \non a line\n\n\nafter blank lines",
        "tab\there\r\nwindows line",
        "\"quotes\" and 'apostrophes' and \\backslash\\",
        "escape \x1b[31m red \xc2\x9b and bidi \xe2\x80\xae in text",
        "true",
        "42",
        "---\n...",
    };
    size_t n = sizeof notes / sizeof notes[0];
    struct progress *p = progress_new();
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "a/%zu", i);
        assert_int_equal(progress_set_note(p, G, id, notes[i], strlen(notes[i]), T0 + (int64_t)i),
                         PROGRESS_CHANGED);
    }
    char *text = NULL;
    struct progress *q = progress_check_round_trip(p, &text);
    /* A multi-line note is a readable literal block in the file. */
    assert_non_null(strstr(text, "text: |-\n          Khan Academy first,\n          then"));
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "a/%zu", i);
        assert_string_equal(progress_get_note(q, G, id), notes[i]);
        assert_int_equal(progress_find_note(progress_find_guide(q, G), id)->changed,
                         T0 + (int64_t)i);
    }
    assert_int_equal(progress_count_notes(q, G), n);
    free(text);
    progress_free(p);
    progress_free(q);
}

static void test_note_limits(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    /* An editor's final newline is not kept; a note of only white space removes nothing that
     * is not there and is no change. */
    assert_int_equal(progress_set_note(p, G, "a/1", "text\n\n", 6, T0), PROGRESS_CHANGED);
    assert_string_equal(progress_get_note(p, G, "a/1"), "text");
    unsigned long gen = progress_generation(p);
    assert_int_equal(progress_set_note(p, G, "a/1", "text\n", 5, T0 + 1), PROGRESS_SAME);
    assert_int_equal(progress_generation(p), gen); /* same text: no change */
    assert_int_equal(progress_set_note(p, G, "a/2", " \n\t\r\n", 5, T0), PROGRESS_SAME);
    assert_null(progress_find_note(progress_find_guide(p, G), "a/2"));
    /* Invalid input changes nothing. */
    assert_int_equal(progress_set_note(p, G, "a/1", "bad \xff utf8", 10, T0), PROGRESS_INVALID);
    assert_int_equal(progress_set_note(p, G, "a/1", "nul\0inside", 10, T0), PROGRESS_INVALID);
    assert_int_equal(progress_set_note(p, G, "", "x", 1, T0), PROGRESS_INVALID);
    char *big = malloc(PROGRESS_NOTE_MAX + 1);
    memset(big, 'x', PROGRESS_NOTE_MAX + 1);
    assert_int_equal(progress_set_note(p, G, "a/1", big, PROGRESS_NOTE_MAX + 1, T0),
                     PROGRESS_INVALID);
    assert_string_equal(progress_get_note(p, G, "a/1"), "text");
    /* The largest note is accepted and survives the file (the reader's scalar limit). */
    assert_int_equal(progress_set_note(p, G, "a/3", big, PROGRESS_NOTE_MAX, T0), PROGRESS_CHANGED);
    struct progress *q = progress_check_round_trip(p, NULL);
    assert_int_equal(strlen(progress_get_note(q, G, "a/3")), PROGRESS_NOTE_MAX);
    free(big);
    progress_free(p);
    progress_free(q);
}

static void test_note_removal_merge(void **state)
{
    (void)state;
    /* Both copies start with the note; one removes it later: the removal wins both ways and
     * survives the file as a tombstone. */
    struct progress *a = progress_new(), *b = progress_new();
    progress_set_note(a, G, "a/1", "keep?", 5, T0);
    progress_merge(b, a);
    assert_string_equal(progress_get_note(b, G, "a/1"), "keep?");
    assert_int_equal(progress_set_note(b, G, "a/1", "", 0, T0 + 100), PROGRESS_CHANGED);
    assert_null(progress_get_note(b, G, "a/1"));
    struct progress *b2 = progress_check_round_trip(b, NULL);
    const struct progress_note *tomb = progress_find_note(progress_find_guide(b2, G), "a/1");
    assert_non_null(tomb);
    assert_null(tomb->text);
    assert_int_equal(tomb->changed, T0 + 100);
    progress_merge(a, b2);
    assert_null(progress_get_note(a, G, "a/1"));
    progress_merge(b2, a); /* merging the old copy back does not resurrect it */
    assert_null(progress_get_note(b2, G, "a/1"));
    /* An edit made after the removal wins over the tombstone. */
    progress_set_note(a, G, "a/1", "rewritten", 9, T0 + 200);
    progress_merge(b2, a);
    assert_string_equal(progress_get_note(b2, G, "a/1"), "rewritten");
    /* Ties keep ours. */
    progress_set_note(a, G, "a/2", "mine", 4, T0 + 300);
    progress_set_note(b2, G, "a/2", "theirs", 6, T0 + 300);
    progress_merge(a, b2);
    assert_string_equal(progress_get_note(a, G, "a/2"), "mine");
    progress_free(a);
    progress_free(b);
    progress_free(b2);
}

static struct progress_date D(int y, int m, int d) {
    return (struct progress_date){y, m, d};
}

static void
test_cert_dates_validated(void **state)
{
    (void)state;
    struct progress_date today = D(2026, 11, 26);
    char *why = NULL;
    struct progress_cert_info c = {.status = PROGRESS_CERT_PASSED, .passed = D(2026, 2, 30)};
    assert_int_equal(progress_cert_validate(&c, today, &why), -1);
    assert_non_null(strstr(why, "passed date is not a real date"));
    free(why);
    c = (struct progress_cert_info){.status = PROGRESS_CERT_EXAM_BOOKED, .exam = D(2027, 2, 29)};
    assert_int_equal(progress_cert_validate(&c, today, NULL), -1); /* 2027 is not leap */
    c = (struct progress_cert_info){
        .status = PROGRESS_CERT_PASSED, .passed = D(2026, 3, 1), .expires = D(2026, 2, 28)};
    assert_int_equal(progress_cert_validate(&c, today, &why), -1);
    assert_string_equal(why, "the expiry date must be after the passed date");
    free(why);
    c.expires = c.passed; /* the same day is not after */
    assert_int_equal(progress_cert_validate(&c, today, NULL), -1);
    c.expires = D(2029, 3, 1);
    assert_int_equal(progress_cert_validate(&c, today, &why), 0);
    assert_null(why);
    /* A pass lies in the past for the form, but a file written elsewhere is not judged by
     * this machine's clock. */
    c.passed = D(2026, 11, 27);
    assert_int_equal(progress_cert_validate(&c, today, &why), -1);
    assert_string_equal(why, "the passed date is in the future");
    free(why);
    assert_int_equal(progress_cert_validate(&c, D(0, 0, 0), &why), 0);
    c.passed = today;
    assert_int_equal(progress_cert_validate(&c, today, NULL), 0);
    /* Passed, with the exam still ahead and no passed date: impossible today, not in a file. */
    c = (struct progress_cert_info){.status = PROGRESS_CERT_PASSED, .exam = D(2026, 12, 1)};
    assert_int_equal(progress_cert_validate(&c, today, &why), -1);
    assert_non_null(strstr(why, "the exam date is still ahead"));
    free(why);
    assert_int_equal(progress_cert_validate(&c, D(0, 0, 0), NULL), 0);
    c.exam = today; /* taken today */
    assert_int_equal(progress_cert_validate(&c, today, NULL), 0);
    c.exam = D(2026, 12, 1);
    c.passed = D(2026, 11, 1); /* a date says when it was passed */
    assert_int_equal(progress_cert_validate(&c, today, NULL), 0);
    c = (struct progress_cert_info){.status = PROGRESS_CERT_EXAM_BOOKED, .exam = D(2026, 12, 1)};
    assert_int_equal(progress_cert_validate(&c, today, NULL), 0);

    struct progress *p = progress_new();
    struct progress_cert_info bad = {.status = PROGRESS_CERT_PASSED, .passed = D(2026, 2, 30)};
    assert_int_equal(progress_set_cert(p, G, "aws", &bad, today, T0, &why), PROGRESS_INVALID);
    assert_non_null(why);
    free(why);
    assert_null(progress_find_guide(p, G));
    progress_free(p);
}

static void test_cert_round_trip_and_clear(void **state)
{
    (void)state;
    struct progress_date today = D(2026, 11, 26);
    struct progress *p = progress_new();
    struct progress_cert_info booked = {.status = PROGRESS_CERT_EXAM_BOOKED,
                                        .exam = D(2027, 2, 10)};
    struct progress_cert_info passed = {
        .status = PROGRESS_CERT_PASSED, .passed = D(2024, 2, 29), .expires = D(2027, 2, 28)};
    assert_int_equal(progress_set_cert(p, G, "aws-ml-specialty", &booked, today, T0, NULL),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_cert(p, G, "google-pmle", &passed, today, T0 + 1, NULL),
                     PROGRESS_CHANGED);
    char *text = NULL;
    struct progress *q = progress_check_round_trip(p, &text);
    assert_non_null(strstr(text, "status: exam-booked\n        exam: 2027-02-10\n"));
    struct progress_cert_info got;
    assert_true(progress_get_cert(q, G, "aws-ml-specialty", &got));
    assert_int_equal(got.status, PROGRESS_CERT_EXAM_BOOKED);
    assert_int_equal(progress_date_compare(got.exam, booked.exam), 0);
    assert_false(progress_date_is_set(got.passed));
    assert_true(progress_get_cert(q, G, "google-pmle", &got));
    assert_int_equal(progress_date_compare(got.passed, D(2024, 2, 29)), 0);
    assert_int_equal(progress_date_compare(got.expires, D(2027, 2, 28)), 0);
    /* Clearing leaves a tombstone that wins over the older status in a merge. */
    struct progress_cert_info none = {0};
    assert_int_equal(progress_set_cert(q, G, "google-pmle", &none, today, T0 + 50, NULL),
                     PROGRESS_CHANGED);
    assert_false(progress_get_cert(q, G, "google-pmle", &got));
    assert_int_equal(got.status, PROGRESS_CERT_NONE);
    struct progress *r = progress_check_round_trip(q, NULL);
    progress_merge(r, p);
    assert_false(progress_get_cert(r, G, "google-pmle", &got));
    assert_true(progress_get_cert(r, G, "aws-ml-specialty", &got));
    free(text);
    progress_free(p);
    progress_free(q);
    progress_free(r);
}

static void test_bad_entries_skipped(void **state)
{
    (void)state;
    const char *text =
        "version: 1\n"
        "guides:\n"
        "  ml-engineer:\n"
        "    certifications:\n"
        "      a: {status: passed, passed: 2026-02-30, changed: 2026-01-01T00:00:00Z}\n"
        "      b: {status: passed, passed: 2026-03-01, expires: 2026-01-01,\n"
        "          changed: 2026-01-01T00:00:00Z}\n"
        "      c: {status: retired, changed: 2026-01-01T00:00:00Z}\n"
        "      d: {status: studying}\n"
        "      e: {status: passed, passed: 2026-03-01, changed: 2026-04-01T00:00:00Z}\n"
        "    notes:\n"
        "      x: {text: [1, 2], changed: 2026-01-01T00:00:00Z}\n"
        "      y: {text: fine, changed: 2026-01-01T00:00:00Z}\n"
        "    start: {date: 2023-02-29, changed: 2026-01-01T00:00:00Z}\n"
        "    resume: {screen: path, scroll: -3, changed: 2026-01-01T00:00:00Z}\n";
    /* What cannot be understood is a located warning, never damage: a, b, c, x, start and
     * resume. */
    struct diag d = {0};
    struct progress *p = progress_check_parse(text, 6, &d);
    assert_int_equal(d.msgs[0].line, 5);
    assert_int_equal(d.msgs[0].col, 35);
    struct progress_cert_info got;
    assert_false(progress_get_cert(p, G, "a", &got));
    assert_false(progress_get_cert(p, G, "b", &got));
    assert_false(progress_get_cert(p, G, "c", &got));
    assert_true(progress_get_cert(p, G, "d", &got)); /* no changed: the oldest change */
    assert_int_equal(got.status, PROGRESS_CERT_STUDYING);
    assert_true(progress_get_cert(p, G, "e", &got));
    assert_null(progress_get_note(p, G, "x"));
    assert_string_equal(progress_get_note(p, G, "y"), "fine");
    struct progress_date start;
    assert_false(progress_get_start(p, G, &start));
    assert_null(progress_get_resume(p, G));
    /* The entries not understood are written back as they were (the resume position, the
     * browser's own, is not). */
    size_t len = 0;
    char *out = progress_emit(p, &len);
    assert_non_null(strstr(out, "      a:\n        status: passed\n        passed: 2026-02-30\n"));
    assert_non_null(strstr(out, "      c:\n        status: retired\n"));
    assert_non_null(strstr(out, "      x:\n        text:\n        - 1\n"));
    assert_non_null(strstr(out, "    start:\n      date: 2023-02-29\n"));
    assert_null(strstr(out, "resume"));
    /* Set again in the browser, an entry replaces the one kept as written. */
    struct progress_cert_info c = {.status = PROGRESS_CERT_INTERESTED};
    assert_int_equal(progress_set_cert(p, G, "c", &c, D(2026, 11, 26), T0, NULL), PROGRESS_CHANGED);
    assert_int_equal(progress_set_start(p, G, D(2026, 12, 1), T0), PROGRESS_CHANGED);
    free(out);
    out = progress_emit(p, &len);
    assert_null(strstr(out, "retired"));
    assert_null(strstr(out, "2023-02-29"));
    struct progress *q = progress_check_parse(out, 3, NULL); /* a, b, x still */
    assert_true(progress_get_cert(q, G, "c", &got));
    progress_free(q);
    free(out);
    diag_free(&d);
    progress_free(p);
}

static void test_start_and_resume(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    assert_int_equal(progress_set_start(p, G, D(2026, 2, 30), T0), PROGRESS_INVALID);
    assert_int_equal(progress_set_start(p, G, D(2026, 12, 1), T0), PROGRESS_CHANGED);
    assert_int_equal(progress_set_resume(p, G, "path", "foundation/core-math", 4, T0),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_resume(p, G, "", NULL, 0, T0), PROGRESS_INVALID);
    assert_int_equal(progress_set_resume(p, G, "path", NULL, -1, T0), PROGRESS_INVALID);
    struct progress *q = progress_check_round_trip(p, NULL);
    struct progress_date d;
    assert_true(progress_get_start(q, G, &d));
    assert_int_equal(progress_date_compare(d, D(2026, 12, 1)), 0);
    const struct progress_resume *r = progress_get_resume(q, G);
    assert_non_null(r);
    assert_string_equal(r->screen, "path");
    assert_string_equal(r->item, "foundation/core-math");
    assert_int_equal(r->scroll, 4);
    /* Clearing the start is a change that wins over the older date. */
    assert_int_equal(progress_set_start(q, G, D(0, 0, 0), T0 + 10), PROGRESS_CHANGED);
    assert_false(progress_get_start(q, G, &d));
    struct progress *q2 = progress_check_round_trip(q, NULL);
    progress_merge(q2, p);
    assert_false(progress_get_start(q2, G, &d));
    /* The later resume position wins. */
    progress_set_resume(p, G, "certs", NULL, 0, T0 + 20);
    progress_merge(q2, p);
    assert_string_equal(progress_get_resume(q2, G)->screen, "certs");
    assert_null(progress_get_resume(q2, G)->item);
    progress_free(p);
    progress_free(q);
    progress_free(q2);
}

/* The hours per week: 1 to 100 (0 clears), undoable, written and read back, written by hand
 * as a bare number, refused when not a number of that range (kept as written, with a
 * warning), merged by the later change, and winning over the configuration's. */
static void test_hours_per_week(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    assert_int_equal(progress_get_hours(p, G, 7), 7);
    assert_int_equal(progress_set_hours(p, G, 101, T0), PROGRESS_INVALID);
    assert_int_equal(progress_set_hours(p, G, 6, T0), PROGRESS_CHANGED);
    assert_int_equal(progress_set_hours(p, G, 6, T0 + 1), PROGRESS_SAME);
    assert_int_equal(progress_get_hours(p, G, 7), 6);
    assert_int_equal(progress_set_hours(p, G, 100, T0 + 2), PROGRESS_CHANGED);
    struct progress_undone u;
    assert_true(progress_undo_change(p, G, T0 + 3, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_HOURS);
    assert_int_equal(progress_get_hours(p, G, 0), 6);
    char *text = NULL;
    struct progress *q = progress_check_round_trip(p, &text);
    assert_non_null(strstr(text, "hours_per_week:\n      hours: 6\n"));
    free(text);
    assert_int_equal(progress_get_hours(q, G, 0), 6);
    /* Cleared: the configuration's counts again, and the clearing wins a merge. */
    assert_int_equal(progress_set_hours(q, G, 0, T0 + 10), PROGRESS_CHANGED);
    assert_int_equal(progress_get_hours(q, G, 7), 7);
    progress_merge(q, p);
    assert_int_equal(progress_get_hours(q, G, 7), 7);
    progress_merge(p, q);
    assert_int_equal(progress_get_hours(p, G, 7), 7);
    progress_free(p);
    progress_free(q);

    const char *hand = "version: 1\nguides:\n  " G ":\n    hours_per_week: 12\n";
    p = progress_check_parse(hand, 0, NULL);
    assert_int_equal(progress_get_hours(p, G, 0), 12);
    progress_free(p);
    const char *bad = "version: 1\nguides:\n  " G ":\n    hours_per_week: 101\n";
    struct diag d = {0};
    p = progress_check_parse(bad, 1, &d);
    assert_non_null(strstr(d.msgs[0].text, "from 1 to 100"));
    assert_int_equal(progress_get_hours(p, G, 0), 0);
    size_t len = 0;
    text = progress_emit(p, &len);
    assert_non_null(strstr(text, "hours_per_week: 101\n")); /* kept as written */
    free(text);
    progress_free(p);
    diag_free(&d);
}

static void test_reset_voids_companion(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    struct progress_cert_info c = {.status = PROGRESS_CERT_STUDYING};
    progress_set_note(p, G, "a/1", "n", 1, T0);
    progress_set_cert(p, G, "aws", &c, D(0, 0, 0), T0 + 5, NULL);
    progress_set_start(p, G, D(2026, 12, 1), T0 + 6);
    progress_set_resume(p, G, "path", NULL, 0, T0 + 7);
    struct progress *old = progress_check_round_trip(p, NULL);
    progress_reset_guide(p, G, T0 + 1); /* earlier than the entries: the reset moves past */
    assert_null(progress_get_note(p, G, "a/1"));
    assert_int_equal(progress_guide_count_note_entries(progress_find_guide(p, G)), 0);
    struct progress_date d;
    assert_false(progress_get_start(p, G, &d));
    assert_null(progress_get_resume(p, G));
    /* The old copy merged in brings nothing back; a change after the reset stays. */
    progress_merge(p, old);
    assert_null(progress_get_note(p, G, "a/1"));
    assert_false(progress_get_cert(p, G, "aws", &c));
    progress_set_note(p, G, "a/1", "after", 5, T0);
    assert_string_equal(progress_get_note(p, G, "a/1"), "after");
    assert_true(progress_find_note(progress_find_guide(p, G), "a/1")->changed >
                progress_guide_reset(progress_find_guide(p, G)));
    progress_free(p);
    progress_free(old);
}

/* Every change of the companion is undoable, in order, mixed with state changes: a note
 * removed comes back with its text, a certification and a start date go back to what they
 * were; the resume position is not a change of the learner's and is not in the history. */
static void test_undo_companion(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    struct progress_date today = D(2026, 11, 26);
    struct progress_cert_info booked = {.status = PROGRESS_CERT_EXAM_BOOKED,
                                        .exam = D(2027, 2, 10)};
    struct progress_cert_info passed = {.status = PROGRESS_CERT_PASSED, .passed = D(2026, 1, 5)};
    progress_set_note(p, G, "a/1", "first", 5, T0);
    progress_set_state(p, G, "a/1", PROGRESS_DONE, T0 + 1);
    progress_set_cert(p, G, "aws", &booked, today, T0 + 2, NULL);
    progress_set_start(p, G, D(2026, 12, 1), T0 + 3);
    progress_set_cert(p, G, "aws", &passed, today, T0 + 4, NULL);
    progress_set_note(p, G, "a/1", "", 0, T0 + 5); /* an empty editor buffer */
    progress_set_start(p, G, D(2027, 1, 1), T0 + 6);
    progress_set_resume(p, G, "path", "a/1", 2, T0 + 7);
    assert_int_equal(progress_undo_depth(p, G), 7);

    struct progress_undone u;
    struct progress_date d;
    struct progress_cert_info c;
    assert_true(progress_undo_change(p, G, T0 + 10, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_START);
    assert_null(u.id);
    assert_true(progress_get_start(p, G, &d));
    assert_int_equal(progress_date_compare(d, D(2026, 12, 1)), 0);

    assert_true(progress_undo_change(p, G, T0 + 11, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_NOTE);
    assert_string_equal(u.id, "a/1");
    assert_string_equal(progress_get_note(p, G, "a/1"), "first");

    assert_true(progress_undo_change(p, G, T0 + 12, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_CERT);
    assert_string_equal(u.id, "aws");
    assert_true(progress_get_cert(p, G, "aws", &c));
    assert_int_equal(c.status, PROGRESS_CERT_EXAM_BOOKED);
    assert_int_equal(progress_date_compare(c.exam, D(2027, 2, 10)), 0);

    assert_true(progress_undo_change(p, G, T0 + 13, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_START);
    assert_false(progress_get_start(p, G, &d)); /* no start date before the first */

    assert_true(progress_undo_change(p, G, T0 + 14, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_CERT);
    assert_false(progress_get_cert(p, G, "aws", &c)); /* untracked again */

    assert_true(progress_undo_change(p, G, T0 + 15, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_STATE);
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_TODO);

    assert_true(progress_undo_change(p, G, T0 + 16, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_NOTE);
    assert_null(progress_get_note(p, G, "a/1"));
    assert_false(progress_undo_change(p, G, T0 + 17, &u));
    /* The resume position was left alone; the undone values are saved like changes. */
    assert_non_null(progress_get_resume(p, G));
    struct progress *q = progress_check_round_trip(p, NULL);
    assert_null(progress_get_note(q, G, "a/1"));
    assert_false(progress_get_cert(q, G, "aws", &c));
    assert_true(progress_find_note(progress_find_guide(q, G), "a/1")->changed > T0 + 5);
    progress_free(q);
    progress_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_undo_companion),
        cmocka_unit_test(test_notes_round_trip),
        cmocka_unit_test(test_note_limits),
        cmocka_unit_test(test_note_removal_merge),
        cmocka_unit_test(test_cert_dates_validated),
        cmocka_unit_test(test_cert_round_trip_and_clear),
        cmocka_unit_test(test_bad_entries_skipped),
        cmocka_unit_test(test_start_and_resume),
        cmocka_unit_test(test_hours_per_week),
        cmocka_unit_test(test_reset_voids_companion),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
