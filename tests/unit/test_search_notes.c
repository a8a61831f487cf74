/* SPDX-License-Identifier: MIT */
/* The learner's notes in the search index: found on their key action, phase or certification
 * as a body field, with match ranges in the note's own text; copied, so the index outlives
 * changes to the document; the stamp that tells the browser to rebuild; and the results
 * screen, which shows a note only where it matches. Uses the bundled guide. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "guide.h"
#include "progress.h"
#include "search.h"
#include "view.h"
#include "view_check.h"
#include "view_search.h"

#define T0 1764138612345

static struct guide *load_guide(void)
{
    return view_check_guide(GUIDE_PART_ALL);
}

static size_t run(const struct search_index *idx, const char *text, struct search_results *res)
{
    struct search_query *q = search_query_new(text);
    size_t n = search_run(idx, q, SEARCH_KIND_ALL, 0, res);
    search_query_free(q);
    return n;
}

static void set_note(struct progress *p, const struct guide *g, const char *id, const char *text,
                     int64_t t)
{
    assert_int_equal(progress_set_note(p, g->id, id, text, strlen(text), t), PROGRESS_CHANGED);
}

static void test_notes_are_found_on_their_items(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = progress_new();
    struct search_results res = {0};
    struct search_index *idx = search_index_build_notes(g, p);
    assert_int_equal(run(idx, "3blue1brown", &res), 0);
    search_index_free(idx);

    const char *action = g->phases[0].actions[4].id;
    set_note(p, g, action, "Khan Academy first, then 3Blue1Brown.", T0);
    set_note(p, g, g->phases[1].id, "Ask Dana about the GPU budget", T0);
    set_note(p, g, g->certs[3].id, "Employer pays the GPU exam fee", T0);
    idx = search_index_build_notes(g, p);
    assert_int_equal(run(idx, "3blue1brown", &res), 1);
    assert_int_equal(res.v[0].kind, SEARCH_KIND_ACTION);
    assert_int_equal(res.v[0].index, 0);
    assert_int_equal(res.v[0].sub, 4);
    assert_int_equal(res.v[0].rank, SEARCH_RANK_BODY); /* a note is not a title */
    /* The note is the entry's last field; its range is in the note's text. */
    size_t e = res.v[0].entry, k = search_entry_count_fields(idx, e) - 1;
    struct search_field_info f;
    search_entry_get_field(idx, e, k, &f);
    assert_int_equal(f.role, SEARCH_FIELD_NOTE);
    assert_false(f.title);
    struct search_query *q = search_query_new("3blue1brown");
    struct search_ranges r = {0};
    assert_int_equal(search_field_ranges(idx, q, e, k, &r), 1);
    assert_int_equal(r.v[0].start, strlen("Khan Academy first, then "));
    assert_int_equal(r.v[0].len, strlen("3Blue1Brown"));
    search_ranges_free(&r);
    search_query_free(q);
    /* A phase's and a certification's notes, found by words only the notes have. */
    assert_int_equal(run(idx, "dana gpu", &res), 1);
    assert_int_equal(res.v[0].kind, SEARCH_KIND_PHASE);
    assert_int_equal(res.v[0].index, 1);
    assert_int_equal(run(idx, "employer pays", &res), 1);
    assert_int_equal(res.v[0].kind, SEARCH_KIND_CERT);
    assert_int_equal(res.v[0].index, 3);
    /* The note is copied: the document changes and goes, the index still has the text. */
    set_note(p, g, action, "something else", T0 + 1);
    progress_free(p);
    assert_int_equal(run(idx, "3blue1brown", &res), 1);
    search_index_free(idx);
    /* Without progress (and in search_index_build()) notes are not searched. */
    idx = search_index_build(g);
    assert_int_equal(run(idx, "employer pays", &res), 0);
    search_index_free(idx);
    search_results_free(&res);
    guide_free(g);
}

static void test_stamp_changes_with_every_note_change(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = progress_new();
    const char *a = g->phases[0].actions[0].id;
    assert_int_equal(search_notes_stamp(g, NULL), 0);
    assert_int_equal(search_notes_stamp(g, p), 0);
    set_note(p, g, a, "first", T0);
    unsigned long long s1 = search_notes_stamp(g, p);
    assert_int_not_equal(s1, 0);
    /* A tick is not a note change. */
    assert_int_equal(progress_set_state(p, g->id, a, PROGRESS_DONE, T0), PROGRESS_CHANGED);
    assert_int_equal(search_notes_stamp(g, p), s1);
    set_note(p, g, a, "second", T0);
    unsigned long long s2 = search_notes_stamp(g, p);
    assert_int_not_equal(s2, s1);
    /* Removing the note leaves a tombstone, a change too. */
    assert_int_equal(progress_set_note(p, g->id, a, "", 0, T0), PROGRESS_CHANGED);
    unsigned long long s3 = search_notes_stamp(g, p);
    assert_int_not_equal(s3, s2);
    assert_int_not_equal(s3, s1);
    progress_free(p);
    guide_free(g);
}

/* The results screen shows a note as context where it matches, and the phase otherwise, with
 * the note's preview under it as every list has it. */
static void test_results_show_matching_notes(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = progress_new();
    set_note(p, g, g->phases[0].actions[3].id, "use git worktrees", T0);
    struct search_index *idx = search_index_build_notes(g, p);
    struct search_results res = {0};
    struct search_query *q = search_query_new("worktrees");
    search_run(idx, q, SEARCH_KIND_ALL, 0, &res);
    struct view_doc d;
    view_doc_init(&d, 80, 0);
    view_search_results(&d, g, idx, q, &res, "worktrees");
    assert_int_equal(d.n_items, 1);
    const struct view_item *it = &d.items[0];
    assert_string_equal(it->id, g->phases[0].actions[3].id);
    assert_string_equal(d.lines[it->first + 1].text, "    \xe2\x9c\x8e use git worktrees");
    assert_int_equal(it->count, 2); /* the note is the context: not shown twice */
    view_doc_free(&d);
    search_query_free(q);
    /* Words only the action's own text has: the context is its phase, not the note. */
    q = search_query_new("marine distress");
    search_run(idx, q, SEARCH_KIND_ACTION, 0, &res);
    view_doc_init(&d, 80, 0);
    view_search_results(&d, g, idx, q, &res, "marine distress");
    size_t item = view_doc_find_item(&d, g->phases[0].actions[3].id);
    assert_int_not_equal(item, SIZE_MAX);
    assert_non_null(strstr(d.lines[d.items[item].first + 1].text, "in Lamp & Tower Basics"));
    /* Its note shows as in every list, under the context. */
    assert_int_equal(d.items[item].count, 3);
    assert_string_equal(d.lines[d.items[item].first + 2].text,
                        "    \xe2\x9c\x8e use git worktrees");
    view_doc_free(&d);
    search_query_free(q);
    search_results_free(&res);
    search_index_free(idx);
    progress_free(p);
    guide_free(g);
}

int main(void)
{
    view_check_begin();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_notes_are_found_on_their_items),
        cmocka_unit_test(test_stamp_changes_with_every_note_change),
        cmocka_unit_test(test_results_show_matching_notes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
