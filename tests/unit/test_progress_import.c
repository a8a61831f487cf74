/* SPDX-License-Identifier: MIT */
/* Unit tests of trail --import: reading an export (the lossless "progress" object with notes,
 * certifications, start date and tombstones, escapes included; an older export's actions),
 * refusing what is not an export, merging with a summary (newer, older and both sides), and
 * the export -> import round trip through the real JSON writer, the hours per week included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress_import.h"
#include "progress_report.h"
#include "progress_store.h"
#include "xalloc.h"

#define G  "ml-engineer"
#define T0 1764138612345LL

static struct guide_action acts[] = {{.id = "f/1", .text = "Master Python"},
                                     {.id = "f/2", .text = "Learn \"Git\""}};
static struct guide_phase phases[] = {{.id = "f",
                                       .title = "Foundation",
                                       .start_month = 1,
                                       .end_month = 3,
                                       .actions = acts,
                                       .n_actions = 2}};
static struct guide_cert certs[] = {{.id = "aws", .name = "AWS \x1b[1m"}};
static struct guide guide = {
    .id = G, .title = "ML", .phases = phases, .n_phases = 1, .certs = certs, .n_certs = 1};

static struct progress_date D(int y, int m, int d) {
    return (struct progress_date){y, m, d};
}

static struct progress *
parse_ok(const char *text, char **id)
{
    struct diag d = {0};
    struct progress *p = progress_import_parse("x.json", text, strlen(text), id, &d);
    if (p == NULL || d.errors > 0) {
        diag_print(&d, stderr);
    }
    assert_non_null(p);
    assert_int_equal(d.errors, 0);
    diag_free(&d);
    return p;
}

/* Writes p through the real exporter (a store in a temporary directory) and returns the
 * JSON text (caller frees). */
static char *export_json(const struct progress *p)
{
    char tmpl[] = "/tmp/trail-import-test-XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    char *path = xasprintf("%s/p.yaml", dir);
    struct progress_store *s = progress_store_open(path);
    progress_merge(progress_store_doc(s), p);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(progress_report_json(&guide, s, out), 0);
    fclose(out);
    progress_store_close(s);
    assert_int_equal(access(path, F_OK), -1); /* an export never writes the file */
    char *lock = xasprintf("%s.lock", path);
    unlink(lock);
    free(lock);
    free(path);
    assert_int_equal(rmdir(dir), 0);
    return buf;
}

static void test_export_import_round_trip(void **state)
{
    (void)state;
    struct progress *a = progress_new();
    progress_set_state(a, G, "f/1", PROGRESS_DONE, T0);
    progress_set_state(a, G, "retired/x", PROGRESS_SKIPPED, T0 + 1); /* not in the guide */
    const char *note = "line one \"quoted\" \\ back\n\tline two: 日本語 😀\n"
                       "esc \x1b[31m c1 \xc2\x9b bidi \xe2\x80\xae end";
    progress_set_note(a, G, "f/1", note, strlen(note), T0 + 2);
    progress_set_note(a, G, "f", "phase note", 10, T0 + 3);
    progress_set_note(a, G, "gone", "x", 1, T0 + 4);
    progress_set_note(a, G, "gone", NULL, 0, T0 + 5); /* a tombstone travels too */
    struct progress_cert_info c = {
        .status = PROGRESS_CERT_PASSED, .passed = D(2024, 2, 29), .expires = D(2027, 2, 28)};
    progress_set_cert(a, G, "aws", &c, D(2026, 11, 26), T0 + 6, NULL);
    progress_set_start(a, G, D(2026, 12, 1), T0 + 7);
    progress_set_resume(a, G, "path", "f/1", 3, T0 + 8);
    char *json = export_json(a);
    /* Escaped for a terminal, readable by ydoc. */
    assert_null(strchr(json, '\x1b'));
    assert_non_null(strstr(json, "\\u001b[31m"));
    assert_non_null(strstr(json, "\"format\": \"trail-progress\""));
    char *id = NULL;
    struct progress *b = parse_ok(json, &id);
    assert_string_equal(id, G);
    assert_string_equal(progress_get_note(b, G, "f/1"), note);
    assert_string_equal(progress_get_note(b, G, "f"), "phase note");
    const struct progress_guide *bg = progress_find_guide(b, G);
    assert_null(progress_find_note(bg, "gone")->text);
    assert_int_equal(progress_find_note(bg, "gone")->changed, T0 + 5);
    assert_int_equal(progress_find_item(bg, "f/1")->changed, T0);
    assert_int_equal(progress_get_state(b, G, "retired/x"), PROGRESS_SKIPPED);
    struct progress_cert_info got;
    assert_true(progress_get_cert(b, G, "aws", &got));
    assert_int_equal(got.status, PROGRESS_CERT_PASSED);
    assert_int_equal(progress_date_compare(got.expires, D(2027, 2, 28)), 0);
    struct progress_date start;
    assert_true(progress_get_start(b, G, &start));
    assert_int_equal(progress_date_compare(start, D(2026, 12, 1)), 0);
    assert_null(progress_get_resume(b, G)); /* this machine's own: not exported */
    /* Into an empty document: everything arrives. */
    struct progress *empty = progress_new();
    struct progress_import_summary sum;
    progress_import_merge(empty, b, id, &sum);
    assert_int_equal(sum.items, 2);
    assert_int_equal(sum.notes, 2); /* the tombstone of "gone" changes nothing here */
    assert_int_equal(sum.certs, 1);
    assert_true(sum.start);
    assert_int_equal(sum.unchanged, 1);
    assert_string_equal(progress_get_note(empty, G, "f/1"), note);
    /* Importing the same export again changes nothing. */
    unsigned long gen = progress_generation(empty);
    progress_import_merge(empty, b, id, &sum);
    assert_false(progress_import_changed(&sum));
    assert_int_equal(sum.unchanged, 7);
    assert_int_equal(progress_generation(empty), gen);
    free(id);
    free(json);
    progress_free(a);
    progress_free(b);
    progress_free(empty);
}

static void test_hours_per_week_travel(void **state)
{
    (void)state;
    struct progress *a = progress_new();
    assert_int_equal(progress_set_hours(a, G, 6, T0), PROGRESS_CHANGED);
    char *json = export_json(a);
    assert_non_null(strstr(json, "\"hours_per_week\": 6,"));
    assert_non_null(strstr(json, "\"hours_per_week\": {\"hours\": 6, \"changed\": "));
    char *id = NULL;
    struct progress *b = parse_ok(json, &id);
    assert_int_equal(progress_get_hours(b, G, 0), 6);
    /* Into an empty document, then again: the hours arrive once. */
    struct progress *ours = progress_new();
    struct progress_import_summary sum;
    progress_import_merge(ours, b, id, &sum);
    assert_true(sum.hours);
    assert_int_equal(progress_get_hours(ours, G, 0), 6);
    progress_import_merge(ours, b, id, &sum);
    assert_false(sum.hours);
    assert_false(progress_import_changed(&sum));
    /* The latest change wins: ours, newer, stays; a newer export's replaces it. */
    assert_int_equal(progress_set_hours(ours, G, 9, T0 + 10), PROGRESS_CHANGED);
    progress_import_merge(ours, b, id, &sum);
    assert_false(sum.hours);
    assert_int_equal(progress_get_hours(ours, G, 0), 9);
    assert_int_equal(progress_set_hours(a, G, 0, T0 + 20), PROGRESS_CHANGED); /* cleared */
    char *json2 = export_json(a);
    assert_non_null(strstr(json2, "\"hours_per_week\": null,"));
    char *id2 = NULL;
    struct progress *c = parse_ok(json2, &id2);
    progress_import_merge(ours, c, id2, &sum);
    assert_true(sum.hours);
    assert_int_equal(progress_get_hours(ours, G, 0), 0);
    free(id);
    free(id2);
    free(json);
    free(json2);
    progress_free(a);
    progress_free(b);
    progress_free(c);
    progress_free(ours);
}

static void test_merge_newer_older_both(void **state)
{
    (void)state;
    /* Here: f/1 done at T0+10 (newer), f/2 in progress at T0 (older), a note at T0+10. */
    struct progress *ours = progress_new();
    progress_set_state(ours, G, "f/1", PROGRESS_DONE, T0 + 10);
    progress_set_state(ours, G, "f/2", PROGRESS_IN_PROGRESS, T0);
    progress_set_note(ours, G, "f/1", "ours", 4, T0 + 10);
    progress_set_note(ours, G, "f/2", "old", 3, T0);
    /* There: f/1 skipped at T0+5 (older), f/2 done at T0+5 (newer), f/2's note removed later,
     * and a start date only they have. */
    const char *json =
        "{\"guide\": \"ml-engineer\", \"progress\": {\n"
        " \"items\": {\"f/1\": {\"state\": \"skipped\", \"changed\": "
        "\"2025-11-26T06:30:12.350Z\"},\n"
        "  \"f/2\": {\"state\": \"done\", \"changed\": \"2025-11-26T06:30:12.350Z\"}},\n"
        " \"notes\": {\"f/1\": {\"text\": \"theirs\", \"changed\": "
        "\"2025-11-26T06:30:12.350Z\"},\n"
        "  \"f/2\": {\"changed\": \"2025-11-26T06:30:12.350Z\"}},\n"
        " \"start\": {\"date\": \"2026-12-01\", \"changed\": "
        "\"2025-11-26T06:30:12.350Z\"}}}";
    char *id = NULL;
    struct progress *theirs = parse_ok(json, &id);
    struct progress_import_summary sum;
    progress_import_merge(ours, theirs, id, &sum);
    assert_int_equal(progress_get_state(ours, G, "f/1"), PROGRESS_DONE); /* ours newer */
    assert_int_equal(progress_get_state(ours, G, "f/2"), PROGRESS_DONE); /* theirs newer */
    assert_string_equal(progress_get_note(ours, G, "f/1"), "ours");
    assert_null(progress_get_note(ours, G, "f/2")); /* their removal is newer */
    struct progress_date start;
    assert_true(progress_get_start(ours, G, &start));
    assert_int_equal(sum.items, 1);
    assert_int_equal(sum.notes, 1);
    assert_int_equal(sum.certs, 0);
    assert_true(sum.start);
    assert_false(sum.reset);
    assert_int_equal(sum.unchanged, 2); /* f/1's state and note */
    free(id);
    progress_free(theirs);
    progress_free(ours);
}

static void test_newer_reset_clears(void **state)
{
    (void)state;
    struct progress *ours = progress_new();
    progress_set_state(ours, G, "f/1", PROGRESS_DONE, T0);
    const char *json = "{\"guide\": \"ml-engineer\", \"progress\": {\"reset\": "
                       "\"2025-11-26T06:31:00.000Z\", \"items\": {}}}";
    char *id = NULL;
    struct progress *theirs = parse_ok(json, &id);
    struct progress_import_summary sum;
    progress_import_merge(ours, theirs, id, &sum);
    assert_true(sum.reset);
    assert_true(progress_import_changed(&sum));
    assert_int_equal(progress_get_state(ours, G, "f/1"), PROGRESS_TODO);
    free(id);
    progress_free(theirs);
    progress_free(ours);
}

static void test_old_export_format(void **state)
{
    (void)state;
    /* An export written before the "progress" object existed: its actions are read. */
    const char *json = "{\"guide\": \"ml-engineer\", \"phases\": [{\"id\": \"f\", \"actions\": [\n"
                       "  {\"id\": \"f/1\", \"state\": \"done\", \"changed\": "
                       "\"2025-11-26T06:30:12.345Z\"},\n"
                       "  {\"id\": \"f/2\", \"state\": \"todo\", \"changed\": null}]}]}";
    char *id = NULL;
    struct progress *p = parse_ok(json, &id);
    assert_int_equal(progress_get_state(p, G, "f/1"), PROGRESS_DONE);
    assert_null(progress_find_item(progress_find_guide(p, G), "f/2"));
    free(id);
    progress_free(p);
}

static void test_not_an_export(void **state)
{
    (void)state;
    const char *bad[] = {
        "",
        "[1, 2]",
        "{\"title\": \"no guide\"}",
        "{\"guide\": \"ml-engineer\"}",
        "{\"guide\": \"ml-engineer\", \"progress\": {\"items\": {\"f/1\": {\"state\": "
        "\"finished\", \"changed\": \"2025-11-26T06:30:12.345Z\"}}}}",
        "{\"guide\": \"ml-engineer\", \"progress\": {\"certifications\": {\"aws\": {\"status\": "
        "\"passed\", \"passed\": \"2026-02-30\", \"changed\": \"2025-11-26T06:30:12.345Z\"}}}}",
        "{\"guide\": \"ml-engineer\", \"progress\": {\"notes\": {\"f/1\": {\"text\": "
        "\"\\ud83d\\ude00\", \"changed\": \"2025-11-26T06:30:12.345Z\"}}}}",
        "{\"guide\": \"ml-engineer\", \"progress\": {\"items\": {}}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct diag d = {0};
        char *id = NULL;
        struct progress *p = progress_import_parse("x.json", bad[i], strlen(bad[i]), &id, &d);
        assert_true(p == NULL || d.errors > 0);
        assert_true(d.errors > 0);
        assert_true(d.msgs[0].file != NULL && strcmp(d.msgs[0].file, "x.json") == 0);
        free(id);
        progress_free(p);
        diag_free(&d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_export_import_round_trip),
        cmocka_unit_test(test_hours_per_week_travel),
        cmocka_unit_test(test_merge_newer_older_both),
        cmocka_unit_test(test_newer_reset_clears),
        cmocka_unit_test(test_old_export_format),
        cmocka_unit_test(test_not_an_export),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
