/* SPDX-License-Identifier: MIT */
/* Unit tests of the command-line reports: --progress text, Markdown and JSON exports, --reset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress.h"
#include "progress_report.h"
#include "progress_store.h"
#include "text.h"
#include "tmpdir.h"
#include "xalloc.h"

#define G "ml-engineer"

static struct guide_action actions_a[] = {
    {.id = "a/1", .text = "Master Python (NumPy, Pandas)"},
    {.id = "a/2", .text = "Learn *Git*"},
    {.id = "a/3", .text = "Evil \x1b]0;title\x07 \"quoted\" \xc2\x9b text"},
};
static struct guide_action actions_b[] = {{.id = "b/1", .text = "Deploy"},
                                          {.id = "b/2", .text = "Monitor"}};
static struct guide_phase phases[] = {
    {.id = "a", .title = "Foundation", .actions = actions_a, .n_actions = 3},
    {.id = "b", .title = "Production", .actions = actions_b, .n_actions = 2},
};
static struct guide_cert certs[] = {{.id = "aws", .name = "AWS ML"}, {.id = "gcp", .name = "GCP"}};
static struct guide guide = {.id = G,
                             .title = "ML Engineer",
                             .path_title = "Career Path",
                             .phases = phases,
                             .n_phases = 2,
                             .certs = certs,
                             .n_certs = 2};

static char *dir;
static struct progress_store *store;

static int setup(void **state)
{
    (void)state;
    dir = test_tmpdir_new("report-test");
    char *path = xasprintf("%s/p.yaml", dir);
    store = progress_store_open(path);
    free(path);
    struct progress *p = progress_store_doc(store);
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 1000);
    progress_set_state(p, G, "a/2", PROGRESS_SKIPPED, 1000);
    progress_set_state(p, G, "a/3", PROGRESS_IN_PROGRESS, 1000);
    progress_set_state(p, G, "b/1", PROGRESS_DONE, 1000);
    progress_set_state(p, G, "gone/1", PROGRESS_DONE, 1000);
    progress_set_state(p, G, "gone/2", PROGRESS_DONE, 1000);
    return progress_store_save(store) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    progress_store_close(store);
    return test_tmpdir_remove(dir);
}

/* Runs a report into a memory buffer; returns it (caller frees). which: 0 text, 1 Markdown,
 * 2 JSON, 3 ASCII text, 4 what's left. */
static char *capture(int which, int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (which == 0) {
        *rc = progress_report_text(&guide, store, 0, out);
    } else if (which == 1) {
        *rc = progress_report_markdown(&guide, store, 0, out);
    } else if (which == 2) {
        *rc = progress_report_json(&guide, store, out);
    } else if (which == 3) {
        *rc = progress_report_text(&guide, store, TEXT_ASCII, out);
    } else {
        *rc = progress_report_left(&guide, store, 0, out);
    }
    fclose(out);
    return buf;
}

static void test_text(void **state)
{
    (void)state;
    int rc;
    char *out = capture(0, &rc);
    assert_int_equal(rc, 0);
    /* Phase a: 1 done of 2 (a/2 skipped) = 50%, bar half full. Overall: 2 of 4 = 50%. */
    const char *expected =
        "ML Engineer: progress\n"
        "1. Foundation\n"
        "   [##########----------]  50%  1/2  done 1 \xc2\xb7 in progress 1 \xc2\xb7 skipped 1 "
        "\xc2\xb7 to do 0\n"
        "2. Production\n"
        "   [##########----------]  50%  1/2  done 1 \xc2\xb7 in progress 0 \xc2\xb7 skipped 0 "
        "\xc2\xb7 to do 1\n"
        "Overall\n"
        "   [##########----------]  50%  2/4  done 2 \xc2\xb7 in progress 1 \xc2\xb7 skipped 1 "
        "\xc2\xb7 to do 1\n"
        "Current phase: 1. Foundation\n"
        "2 saved items are not in this guide; kept.\n"
        /* a/3 is in progress, so it is the next action; sanitised like every guide text. */
        "Next: Evil \xe2\x90\x9b]0;title\xe2\x90\x87 \"quoted\" \xef\xbf\xbd text\n";
    assert_string_equal(out, expected);
    free(out);
    out = capture(3, &rc);
    assert_non_null(strstr(out, "done 1 - in progress 1 - skipped 1 - to do 0\n"));
    free(out);
}

static void test_markdown(void **state)
{
    (void)state;
    int rc;
    char *out = capture(1, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "# ML Engineer: Career Path\n"));
    assert_non_null(strstr(out, "\n## 1. Foundation (1/2, 50%)\n\n"));
    assert_non_null(strstr(out, "- [x] Master Python (NumPy, Pandas)\n"));
    assert_non_null(strstr(out, "- [ ] ~~Learn \\*Git\\*~~ *(skipped)*\n"));
    assert_non_null(strstr(out, "- [x] Deploy\n- [ ] Monitor\n"));
    assert_non_null(strstr(out, " *(in progress)*\n"));
    /* Sanitised: no ESC, BEL or C1 reaches the output. */
    assert_null(strchr(out, '\x1b'));
    assert_null(strchr(out, '\x07'));
    assert_null(strstr(out, "\xc2\x9b"));
    free(out);
}

static void test_json(void **state)
{
    (void)state;
    int rc;
    char *out = capture(2, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "\"guide\": \"ml-engineer\""));
    assert_non_null(strstr(out, "\"overall\": {\"total\": 5, \"done\": 2, \"in_progress\": 1, "
                                "\"skipped\": 1, \"todo\": 1, \"percent\": 50}"));
    assert_non_null(strstr(out, "\"current_phase\": \"a\""));
    assert_non_null(strstr(out, "\"unknown_items\": 2"));
    /* The exact text, with controls, quotes and C1 escaped. */
    assert_non_null(strstr(out, "\"Evil \\u001b]0;title\\u0007 \\\"quoted\\\" \\u009b text\""));
    assert_non_null(strstr(out, "{\"id\": \"b/2\", \"text\": \"Monitor\", \"state\": \"todo\", "
                                "\"changed\": null, \"note\": null}"));
    assert_non_null(strstr(out, "\"state\": \"done\", \"changed\": \"1970-01-01T00:00:01.000Z\""));
    assert_null(strchr(out, '\x1b'));
    free(out);
}

static void test_left(void **state)
{
    (void)state;
    int rc;
    char *out = capture(4, &rc);
    assert_int_equal(rc, 0);
    /* a/1 done, a/2 skipped, b/1 done: a/3 (in progress) and b/2 (to do) are left. */
    assert_string_equal(out, "ML Engineer: what's left (2 of 5 key actions)\n"
                             "1. Foundation\n"
                             "   [~] Evil \xe2\x90\x9b]0;title\xe2\x90\x87 \"quoted\" "
                             "\xef\xbf\xbd text (in progress)\n"
                             "2. Production\n"
                             "   [ ] Monitor\n");
    free(out);
}

static void test_companion_lines(void **state)
{
    (void)state;
    struct progress *p = progress_store_doc(store);
    const char *note = "first line\nsecond *line*";
    assert_int_equal(progress_set_note(p, G, "a/1", note, strlen(note), 2000), PROGRESS_CHANGED);
    assert_int_equal(progress_set_note(p, G, "b", "phase note", 10, 2000), PROGRESS_CHANGED);
    struct progress_cert_info c = {.status = PROGRESS_CERT_EXAM_BOOKED, .exam = {2027, 2, 10}};
    assert_int_equal(progress_set_cert(p, G, "aws", &c, (struct progress_date){0}, 2000, NULL),
                     PROGRESS_CHANGED);
    int rc;
    char *out = capture(0, &rc);
    assert_non_null(strstr(out, "\nCertifications: 1 exam on 2027-02-10\n"));
    assert_non_null(strstr(out, "\nNotes: 2\n"));
    free(out);
    out = capture(1, &rc);
    assert_non_null(strstr(out, "- [x] Master Python (NumPy, Pandas)\n  > first line\n"
                                "  > second \\*line\\*\n"));
    assert_non_null(strstr(out, "\n## 2. Production (1/2, 50%)\n\n> phase note\n\n"));
    assert_non_null(strstr(out, "\n## Certifications\n\n- **AWS ML**: exam booked \xc2\xb7 exam on "
                                "2027-02-10\n"));
    free(out);
    out = capture(2, &rc);
    assert_non_null(strstr(out, "\"note\": \"first line\\nsecond *line*\"}"));
    assert_non_null(strstr(out, "{\"id\": \"aws\", \"name\": \"AWS ML\", \"status\": "
                                "\"exam-booked\", \"exam\": \"2027-02-10\", \"passed\": null"));
    free(out);
}

static void test_reset(void **state)
{
    (void)state;
    char *obuf = NULL, *ebuf = NULL;
    size_t olen = 0, elen = 0;
    FILE *out = open_memstream(&obuf, &olen), *err = open_memstream(&ebuf, &elen);
    FILE *in = tmpfile(); /* not a terminal */
    assert_int_equal(progress_report_reset(&guide, store, false, in, out, err), 2);
    fflush(err);
    assert_non_null(strstr(ebuf, "--yes"));
    assert_int_equal(progress_get_state(progress_store_doc(store), G, "a/1"), PROGRESS_DONE);
    assert_int_equal(progress_report_reset(&guide, store, true, in, out, err), 0);
    fflush(out);
    assert_non_null(strstr(obuf, "Cleared the progress of guide 'ml-engineer' (ML Engineer) in "));
    assert_non_null(strstr(obuf, "p.yaml: 6 marked key actions"));
    assert_non_null(strstr(obuf, "p.yaml.bak-"));
    assert_non_null(strstr(obuf, "to undo the reset, run: trail --restore="));
    assert_int_equal(progress_get_state(progress_store_doc(store), G, "a/1"), PROGRESS_TODO);
    fclose(in);
    fclose(out);
    fclose(err);
    free(obuf);
    free(ebuf);
    int rc;
    char *text = capture(0, &rc);
    assert_non_null(strstr(text, "Overall\n   [--------------------]   0%  0/5  done 0"));
    assert_null(strstr(text, "not in this guide"));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_left),
        cmocka_unit_test(test_companion_lines),
        cmocka_unit_test(test_reset),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
