/* SPDX-License-Identifier: MIT */
/* Unit tests of the learner's own actions: add, edit and remove as undoable changes, through
 * emit -> parse, merged (the later change wins, a removal is not undone by an older copy),
 * voided by a reset, refused when invalid, and spliced into a guide after their action. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "progress_check.h"
#include "progress_personal.h"

#define G  "ml-engineer"
#define T0 1764138612345LL /* 2025-11-26T06:30:12.345Z */

static void test_add_edit_remove_undo(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    char *id = progress_personal_new_id(p, G, T0);
    assert_memory_equal(id, "mine/", 5);
    assert_int_equal(progress_personal_set(p, G, id, "a", "a/1", "Read the book", T0),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_personal_set(p, G, id, NULL, NULL, "Read the book", T0 + 1),
                     PROGRESS_SAME);
    assert_int_equal(progress_personal_set(p, G, id, NULL, NULL, "Read two books", T0 + 2),
                     PROGRESS_CHANGED);
    const struct progress_personal *e = progress_personal_find(p, G, id);
    assert_string_equal(e->text, "Read two books");
    assert_string_equal(e->phase, "a"); /* an edit keeps the place */
    assert_string_equal(e->after, "a/1");
    assert_int_equal(progress_personal_set(p, G, id, NULL, NULL, NULL, T0 + 3), PROGRESS_CHANGED);
    assert_null(progress_personal_find(p, G, id)->text); /* a tombstone */

    struct progress_undone u;
    assert_true(progress_undo_change(p, G, T0 + 4, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_PERSONAL);
    assert_string_equal(u.id, id);
    assert_string_equal(progress_personal_find(p, G, id)->text, "Read two books");
    assert_true(progress_undo_change(p, G, T0 + 5, &u));
    assert_string_equal(progress_personal_find(p, G, id)->text, "Read the book");
    assert_true(progress_undo_change(p, G, T0 + 6, &u));
    assert_null(progress_personal_find(p, G, id)->text); /* the add undone */
    free(id);
    progress_free(p);
}

static void test_invalid(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    unsigned long gen = progress_generation(p);
    assert_int_equal(progress_personal_set(p, G, "a/1", "a", NULL, "x", T0), PROGRESS_INVALID);
    assert_int_equal(progress_personal_set(p, G, "mine/1", "a", NULL, "", T0), PROGRESS_INVALID);
    assert_int_equal(progress_personal_set(p, G, "mine/1", "a", NULL, "two\nlines", T0),
                     PROGRESS_INVALID);
    assert_int_equal(progress_personal_set(p, G, "mine/1", "a", NULL, "bad \xff", T0),
                     PROGRESS_INVALID);
    assert_int_equal(progress_personal_set(p, G, "mine/1", NULL, NULL, "no phase", T0),
                     PROGRESS_INVALID);
    assert_int_equal(progress_personal_set(p, G, "mine/1", NULL, NULL, NULL, T0), PROGRESS_SAME);
    assert_int_equal(progress_generation(p), gen);
    assert_int_equal(progress_personal_count(p, G), 0);
    progress_free(p);
}

static void test_round_trip_merge_reset(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    progress_personal_set(p, G, "mine/a", "a", NULL, "First, 日本 \"quoted\": yes", T0);
    progress_personal_set(p, G, "mine/b", "b", "b/1", "Second", T0);
    progress_personal_set(p, G, "mine/b", NULL, NULL, NULL, T0 + 10); /* removed */
    struct progress *q = progress_check_round_trip(p, NULL);
    assert_int_equal(progress_personal_count(q, G), 2);
    const struct progress_personal *a = progress_personal_find(q, G, "mine/a");
    assert_string_equal(a->text, "First, 日本 \"quoted\": yes");
    assert_string_equal(a->phase, "a");
    assert_null(a->after);
    assert_int_equal(a->changed, T0);
    assert_null(progress_personal_find(q, G, "mine/b")->text);

    /* An older copy that still has mine/b does not bring it back; a newer edit wins. */
    struct progress *old = progress_new();
    progress_personal_set(old, G, "mine/b", "b", "b/1", "Second", T0 + 5);
    progress_personal_set(old, G, "mine/a", "a", NULL, "First, edited", T0 + 20);
    assert_true(progress_merge(q, old));
    assert_null(progress_personal_find(q, G, "mine/b")->text);
    assert_string_equal(progress_personal_find(q, G, "mine/a")->text, "First, edited");
    assert_false(progress_merge(q, old));

    /* A reset voids them. */
    progress_reset_guide(q, G, T0 + 100);
    assert_int_equal(progress_personal_count(q, G), 0);
    struct progress *r = progress_check_round_trip(q, NULL);
    assert_int_equal(progress_personal_count(r, G), 0);
    progress_free(p);
    progress_free(q);
    progress_free(old);
    progress_free(r);
}

static void test_hand_written(void **state)
{
    (void)state;
    const char *text = "version: 1\nguides:\n  ml-engineer:\n    personal:\n"
                       "      mine/x:\n        text: Mine\n        phase: a\n"
                       "      mine/bad:\n        text: No phase\n"
                       "      other/y:\n        text: Wrong prefix\n        phase: a\n";
    struct diag d = {0};
    struct progress *p = progress_check_parse(text, 1, &d);
    assert_int_equal(progress_personal_count(p, G), 1);
    assert_int_equal(d.msgs[0].line, 9);
    assert_non_null(strstr(d.msgs[0].text, "kept as written"));
    diag_free(&d);
    /* What trail cannot read is written back as it was, not dropped at the next save. */
    size_t len = 0;
    char *out = progress_emit(p, &len);
    assert_non_null(out);
    assert_non_null(strstr(out, "mine/x:"));
    assert_non_null(strstr(out, "mine/bad:\n        text: No phase"));
    assert_non_null(strstr(out, "other/y:\n        text: Wrong prefix\n        phase: a"));
    struct progress *q = progress_check_parse(out, 1, NULL);
    assert_int_equal(progress_personal_count(q, G), 1);
    free(out);
    progress_free(q);
    progress_free(p);
}

static struct guide_action acts_a[] = {{.id = "a/1", .text = "One"},
                                       {.id = "a/1a", .text = "Sub", .depth = 1},
                                       {.id = "a/2", .text = "Two"}};
static struct guide_action acts_b[] = {{.id = "b/1", .text = "Three"}};
static int effort_a[] = {5, 2, 7};
static struct guide_phase phases[] = {
    {.id = "a", .title = "A", .actions = acts_a, .n_actions = 3, .effort_hours = effort_a},
    {.id = "b", .title = "B", .actions = acts_b, .n_actions = 1},
};

static void test_apply(void **state)
{
    (void)state;
    struct guide g = {.id = G, .title = "G", .phases = phases, .n_phases = 2};
    struct progress *p = progress_new();
    progress_personal_apply(&g, p);
    assert_ptr_equal(g.phases[0].actions, acts_a); /* nothing to splice */
    progress_personal_set(p, G, "mine/1", "a", "a/1", "After one", T0);
    progress_personal_set(p, G, "mine/2", "a", NULL, "First of all", T0);
    progress_personal_set(p, G, "mine/3", "gone", NULL, "Orphan", T0);
    progress_personal_set(p, G, "mine/4", "a", "mine/1", "After mine", T0);
    progress_personal_apply(&g, p);
    const char *want[] = {"mine/2", "a/1", "a/1a", "mine/1", "mine/4", "a/2"};
    assert_int_equal(g.phases[0].n_actions, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_string_equal(g.phases[0].actions[i].id, want[i]);
    }
    assert_true(g.phases[0].actions[3].personal);
    assert_int_equal(g.phases[0].actions[3].depth, 0);
    /* The efforts follow their actions; the learner's own take none. */
    const int want_effort[] = {0, 5, 2, 0, 0, 7};
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(g.phases[0].effort_hours[i], want_effort[i]);
    }
    assert_string_equal(g.phases[1].actions[1].id, "mine/3"); /* the last phase */
    /* The counts see them; a removal takes them out again. */
    struct progress_counts c;
    progress_count_guide(p, &g, &c);
    assert_int_equal(c.total, 8);
    struct guide_action *before = g.phases[0].actions;
    progress_personal_apply(&g, p);
    assert_ptr_equal(g.phases[0].actions, before); /* unchanged: not rebuilt */
    progress_personal_set(p, G, "mine/1", NULL, NULL, NULL, T0 + 1);
    progress_personal_set(p, G, "mine/2", NULL, NULL, NULL, T0 + 1);
    progress_personal_set(p, G, "mine/3", NULL, NULL, NULL, T0 + 1);
    progress_personal_set(p, G, "mine/4", NULL, NULL, NULL, T0 + 1);
    progress_personal_apply(&g, p);
    assert_int_equal(g.phases[0].n_actions, 3);
    assert_int_equal(g.phases[0].effort_hours[2], 7);
    assert_int_equal(g.phases[1].n_actions, 1);
    arena_free(&g.arena);
    progress_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_edit_remove_undo),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_round_trip_merge_reset),
        cmocka_unit_test(test_hand_written),
        cmocka_unit_test(test_apply),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
