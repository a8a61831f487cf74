/* SPDX-License-Identifier: MIT */
/* Unit tests of progress_backup.c: the tally of what a reset clears, reading one guide from a
 * dotfile backup, and re-timing entries a reset voided so that a merge takes them back without
 * overwriting a change made after the reset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress_backup.h"
#include "progress_internal.h"

#define G "fixture"

static struct progress *filled(int64_t t)
{
    struct progress *p = progress_new();
    assert_int_equal(progress_set_state(p, G, "a/1", PROGRESS_DONE, t), PROGRESS_CHANGED);
    assert_int_equal(progress_set_state(p, G, "a/2", PROGRESS_SKIPPED, t), PROGRESS_CHANGED);
    assert_int_equal(progress_set_state(p, G, "a/3", PROGRESS_TODO, t), PROGRESS_SAME);
    assert_int_equal(progress_set_note(p, G, "a/1", "words", 5, t), PROGRESS_CHANGED);
    struct progress_cert_info c = {.status = PROGRESS_CERT_STUDYING};
    assert_int_equal(progress_set_cert(p, G, "cert", &c, (struct progress_date){0}, t, NULL),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_start(p, G, (struct progress_date){2026, 1, 5}, t),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_state(p, "other", "x/1", PROGRESS_DONE, t), PROGRESS_CHANGED);
    return p;
}

static void test_tally(void **state)
{
    (void)state;
    struct progress *p = filled(1000);
    struct progress_tally t;
    progress_backup_tally(p, G, &t);
    assert_int_equal(t.states, 2); /* a/3 is back to to-do */
    assert_int_equal(t.notes, 1);
    assert_int_equal(t.certs, 1);
    assert_true(t.has_start);
    assert_int_equal(t.start.year, 2026);
    progress_reset_guide(p, G, 5000);
    progress_backup_tally(p, G, &t);
    assert_true(progress_backup_tally_empty(&t));
    progress_backup_tally(p, "nosuch", &t);
    assert_true(progress_backup_tally_empty(&t));
    progress_free(p);
}

static void test_lift(void **state)
{
    (void)state;
    struct progress *old = filled(1000);
    struct progress *ours = filled(1000);
    progress_reset_guide(ours, G, 5000);
    /* After the reset, the learner sets a/1 to in progress: that change must win. */
    assert_int_equal(progress_set_state(ours, G, "a/1", PROGRESS_IN_PROGRESS, 6000),
                     PROGRESS_CHANGED);
    struct progress *plain = filled(1000);
    progress_merge(ours, plain); /* without lifting, the reset keeps everything out */
    progress_free(plain);
    assert_int_equal(progress_get_state(ours, G, "a/2"), PROGRESS_TODO);
    assert_true(progress_backup_lift(old, ours, G) > 0);
    progress_merge(ours, old);
    assert_int_equal(progress_get_state(ours, G, "a/1"), PROGRESS_IN_PROGRESS);
    assert_int_equal(progress_get_state(ours, G, "a/2"), PROGRESS_SKIPPED);
    assert_string_equal(progress_get_note(ours, G, "a/1"), "words");
    struct progress_date d;
    assert_true(progress_get_start(ours, G, &d));
    assert_int_equal(d.day, 5);
    progress_free(old);
    progress_free(ours);
}

static void test_load(void **state)
{
    (void)state;
    char path[] = "/tmp/trail-backup-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *text = "version: 1\n"
                       "guides:\n"
                       "  fixture:\n"
                       "    items:\n"
                       "      a/1:\n"
                       "        state: done\n"
                       "        changed: 2026-11-26T06:30:12.345Z\n"
                       "  other:\n"
                       "    items:\n"
                       "      x/1:\n"
                       "        state: done\n"
                       "        changed: 2026-11-26T06:30:12.345Z\n";
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    struct diag d = {0};
    struct progress *p = progress_backup_load(path, G, &d);
    assert_non_null(p);
    assert_int_equal(d.errors, 0);
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_DONE);
    assert_null(progress_find_guide(p, "other")); /* only the guide asked for */
    progress_free(p);
    assert_int_equal(truncate(path, 3), 0); /* "ver": not a progress file */
    p = progress_backup_load(path, G, &d);
    assert_null(p);
    assert_true(d.errors > 0);
    diag_free(&d);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tally),
        cmocka_unit_test(test_lift),
        cmocka_unit_test(test_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
