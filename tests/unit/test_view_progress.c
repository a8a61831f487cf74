/* SPDX-License-Identifier: MIT */
/* Checklist progress in the view-model: marks and their roles, bar fill, the ratio and counts
 * texts, bars that shrink on narrow lines, and progress on the Home, career path and phase
 * documents of the bundled guide (4 phases of 5 key actions). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "view_check.h"

#include "guide.h"
#include "progress.h"
#include "text.h"
#include "view.h"
#include "view_guide.h"
#include "view_progress.h"

#define T0 1764138612345 /* a fixed change time */

static struct progress_counts counts(size_t total, size_t done, size_t in_progress, size_t skipped)
{
    struct progress_counts c = {total, done, in_progress, skipped,
                                total - done - in_progress - skipped};
    return c;
}

static void test_marks_and_roles_differ(void **state)
{
    (void)state;
    assert_string_equal(view_progress_mark(PROGRESS_DONE), "[x]");
    assert_string_equal(view_progress_mark(PROGRESS_IN_PROGRESS), "[~]");
    assert_string_equal(view_progress_mark(PROGRESS_SKIPPED), "[-]");
    assert_string_equal(view_progress_mark(PROGRESS_TODO), "[ ]");
    assert_int_equal(view_progress_mark_role(PROGRESS_DONE), VIEW_ROLE_DONE);
    assert_int_equal(view_progress_mark_role(PROGRESS_IN_PROGRESS), VIEW_ROLE_STARTED);
    assert_int_equal(view_progress_mark_role(PROGRESS_SKIPPED), VIEW_ROLE_SKIPPED);
    assert_int_equal(view_progress_mark_role(PROGRESS_TODO), VIEW_ROLE_CHECKBOX);
}

static void test_filled_cells(void **state)
{
    (void)state;
    struct progress_counts c = counts(10, 3, 0, 0);
    assert_int_equal(view_progress_filled(&c, 20), 6); /* 3 * 20 / 10 */
    /* Skipped leave the denominator: 2 of (5 - 1) on 20 cells is 10. */
    c = counts(5, 2, 1, 1);
    assert_int_equal(view_progress_filled(&c, 20), 10);
    /* 2 of 3 on 20 cells is 13.3: rounded down. */
    c = counts(4, 2, 0, 1);
    assert_int_equal(view_progress_filled(&c, 20), 13);
    /* 79 of 80 is not a full bar. */
    c = counts(80, 79, 0, 0);
    assert_int_equal(view_progress_filled(&c, 20), 19);
    c = counts(80, 80, 0, 0);
    assert_int_equal(view_progress_filled(&c, 20), 20);
    /* Everything skipped: nothing is left to do, the bar is full (progress_percent says 100). */
    c = counts(3, 0, 0, 3);
    assert_int_equal(view_progress_filled(&c, 8), 8);
    c = counts(0, 0, 0, 0);
    assert_int_equal(view_progress_filled(&c, 8), 0);
    c = counts(4, 4, 0, 0);
    assert_int_equal(view_progress_filled(&c, 0), 0);
}

static void test_counts_and_ratio_text(void **state)
{
    (void)state;
    char buf[160];
    struct progress_counts c = counts(22, 12, 3, 2);
    assert_string_equal(view_progress_counts_text(&c, false, buf, sizeof buf),
                        "done 12 \xc2\xb7 in progress 3 \xc2\xb7 skipped 2 \xc2\xb7 to do 5");
    assert_string_equal(view_progress_counts_text(&c, true, buf, sizeof buf),
                        "done 12 - in progress 3 - skipped 2 - to do 5");
    /* 12 of 20 counted (22 - 2 skipped) is 60%. */
    assert_string_equal(view_progress_ratio_text(&c, true, buf, sizeof buf), "12/20 - 60%");
    c = counts(80, 79, 1, 0);
    assert_string_equal(view_progress_ratio_text(&c, false, buf, sizeof buf), "79/80 \xc2\xb7 98%");
    /* A small buffer is truncated, never overrun. */
    char small[8];
    assert_string_equal(view_progress_counts_text(&c, true, small, sizeof small), "done 79");
}

/* The bar line of counts c in a document `width` wide, as text. */
static void bar_line(const struct progress_counts *c, int width, unsigned flags, char *out,
                     size_t size)
{
    struct view_doc d;
    view_doc_init(&d, width, flags);
    view_progress_add_bar_line(&d, c, 2);
    assert_int_equal(d.n_lines, 1);
    assert_true(d.lines[0].width <= width);
    snprintf(out, size, "%s", d.lines[0].text);
    view_doc_free(&d);
}

static void test_bar_shrinks_then_goes(void **state)
{
    (void)state;
    char line[256];
    struct progress_counts c = counts(5, 2, 1, 1); /* 2/4, 50% */
    bar_line(&c, 80, TEXT_ASCII, line, sizeof line);
    assert_string_equal(line, "  ##########----------  2/4 - 50%");
    /* The indent, the gap and 9 columns of ratio leave 7 cells at width 20: 3 filled. */
    bar_line(&c, 20, TEXT_ASCII, line, sizeof line);
    assert_string_equal(line, "  ###----  2/4 - 50%");
    /* At 16 columns only 2 cells would fit: no bar, only the numbers. */
    bar_line(&c, 16, TEXT_ASCII, line, sizeof line);
    assert_string_equal(line, "  2/4 - 50%");
    /* UTF-8 blocks, each one column. */
    bar_line(&c, 80, 0, line, sizeof line);
    assert_non_null(strstr(line, "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x91"));
    assert_non_null(strstr(line, "2/4 \xc2\xb7 50%"));
}

/* ---- The guide's documents ---- */

static struct guide *load_guide(void)
{
    struct guide *g = view_check_guide(GUIDE_PART_INFO | GUIDE_PART_PATH);
    assert_int_equal(g->n_phases, 4);
    for (size_t i = 0; i < g->n_phases; i++) {
        assert_int_equal(g->phases[i].n_actions, 5);
    }
    return g;
}

/* Phase 1: the first action done, the second in progress, the third skipped. */
static struct progress *some_progress(const struct guide *g)
{
    struct progress *p = progress_new();
    const struct guide_phase *ph = &g->phases[0];
    assert_int_equal(progress_set_state(p, g->id, ph->actions[0].id, PROGRESS_DONE, T0),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_state(p, g->id, ph->actions[1].id, PROGRESS_IN_PROGRESS, T0),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_state(p, g->id, ph->actions[2].id, PROGRESS_SKIPPED, T0),
                     PROGRESS_CHANGED);
    return p;
}

/* The first line of action `a`'s item in a phase document starts with mark, drawn in role. */
static void check_action(const struct view_doc *d, const struct guide_action *a, const char *mark,
                         enum view_role role, enum view_role text_role)
{
    size_t item = view_doc_find_item(d, a->id);
    assert_int_not_equal(item, SIZE_MAX);
    const struct view_line *l = &d->lines[d->items[item].first];
    assert_memory_equal(l->text, mark, 3);
    assert_true(l->n_runs >= 2);
    assert_int_equal(l->runs[0].role, role);
    assert_int_equal(l->runs[l->n_runs - 1].role, text_role);
}

static void test_phase_shows_marks_and_counts(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = some_progress(g);
    const struct guide_phase *ph = &g->phases[0];
    struct view_doc d;
    view_doc_init(&d, 80, 0);
    view_guide_phase(&d, g, 0, p, NULL);
    view_check_widths(&d);
    assert_int_equal(d.n_items, 5);
    check_action(&d, &ph->actions[0], "[x]", VIEW_ROLE_DONE, VIEW_ROLE_BODY);
    check_action(&d, &ph->actions[1], "[~]", VIEW_ROLE_STARTED, VIEW_ROLE_BODY);
    check_action(&d, &ph->actions[2], "[-]", VIEW_ROLE_SKIPPED, VIEW_ROLE_SKIPPED);
    check_action(&d, &ph->actions[3], "[ ]", VIEW_ROLE_CHECKBOX, VIEW_ROLE_BODY);
    /* 1 done of 5 - 1 skipped = 1/4, 25%; the header holds it before the first action. */
    size_t bar = view_check_find_line(&d, 0, "1/4 \xc2\xb7 25%");
    assert_true(bar < d.items[0].first);
    assert_non_null(strstr(d.lines[bar].text, "\xe2\x96\x88"));
    size_t cnt = view_check_find_line(
        &d, 0, "done 1 \xc2\xb7 in progress 1 \xc2\xb7 skipped 1 \xc2\xb7 to do 2");
    assert_int_equal(cnt, bar + 1);
    view_doc_free(&d);

    /* Without progress: every box empty, no bar. */
    view_doc_init(&d, 80, 0);
    view_guide_phase(&d, g, 0, NULL, NULL);
    check_action(&d, &ph->actions[0], "[ ]", VIEW_ROLE_CHECKBOX, VIEW_ROLE_BODY);
    assert_int_equal(view_check_find_line(&d, 0, "1/4"), SIZE_MAX);
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

static void test_path_shows_a_bar_per_phase(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = some_progress(g);
    struct view_doc d;
    view_doc_init(&d, 78, TEXT_ASCII);
    view_guide_path(&d, g, p, NULL, 0);
    view_check_widths(&d);
    assert_int_equal(d.n_items, 4);
    const char *want[] = {"1/4 - 25%", "0/5 - 0%", "0/5 - 0%", "0/5 - 0%"};
    for (size_t i = 0; i < 4; i++) {
        const struct view_item *it = &d.items[i];
        size_t l = view_check_find_line(&d, it->first, want[i]);
        assert_true(l < it->first + it->count);
        /* Indented under the title; the bar is 20 cells, 5 of them filled for 25%. */
        const char *bar = i == 0 ? "    #####---------------  " : "    --------------------  ";
        assert_memory_equal(d.lines[l].text, bar, strlen(bar));
    }
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

static void test_home_shows_overall_progress(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = some_progress(g);
    struct view_doc d;
    view_doc_init(&d, 78, TEXT_ASCII);
    view_guide_home(&d, g, p);
    view_check_widths(&d);
    /* 1 done of 20 - 1 skipped: 1/19, 5% (5.26 rounded down); 20 * 1 / 19 = 1 cell filled. */
    size_t l = view_check_find_line(&d, 0, "Progress");
    assert_int_not_equal(l, SIZE_MAX);
    assert_string_equal(d.lines[l].text, "Progress        #-------------------  1/19 - 5%");
    assert_string_equal(d.lines[l + 1].text,
                        "                done 1 - in progress 1 - skipped 1 - to do 17");
    assert_string_equal(d.lines[l + 2].text, "Current phase   1. Lamp & Tower Basics");
    /* Between the stats and the menu. */
    assert_true(l > view_check_find_line(&d, 0, "Difficulty"));
    assert_true(l < view_check_find_line(&d, 0, "Sections"));
    view_doc_free(&d);

    /* Everything done or skipped: no current phase. */
    for (size_t i = 0; i < g->n_phases; i++) {
        for (size_t a = 0; a < g->phases[i].n_actions; a++) {
            progress_set_state(p, g->id, g->phases[i].actions[a].id,
                               a == 4 ? PROGRESS_SKIPPED : PROGRESS_DONE, T0 + 1);
        }
    }
    view_doc_init(&d, 78, TEXT_ASCII);
    view_guide_home(&d, g, p);
    l = view_check_find_line(&d, 0, "Progress");
    assert_string_equal(d.lines[l].text, "Progress        ####################  16/16 - 100%");
    assert_non_null(strstr(d.lines[l + 2].text, "none: every key action is done or skipped"));
    view_doc_free(&d);

    /* Without progress: no block. */
    view_doc_init(&d, 78, TEXT_ASCII);
    view_guide_home(&d, g, NULL);
    assert_int_equal(view_check_find_line(&d, 0, "Progress"), SIZE_MAX);
    assert_int_equal(view_check_find_line(&d, 0, "Current phase"), SIZE_MAX);
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

static void test_home_progress_on_a_narrow_screen(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = some_progress(g);
    struct view_doc d;
    view_doc_init(&d, 28, TEXT_ASCII);
    view_guide_home(&d, g, p);
    view_check_widths(&d);
    /* The label on its own line; the bar at the chart indent, shrunk to 15 cells so the
     * numbers fit (1 * 15 / 19 fills none). */
    size_t l = view_check_find_line(&d, 0, "Progress");
    assert_string_equal(d.lines[l].text, "Progress");
    assert_string_equal(d.lines[l + 1].text, "  ---------------  1/19 - 5%");
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

/* Before the career path is loaded (the browser's first frame), Home holds a placeholder for
 * the progress and the number of phases; once it is loaded, the real ones. */
static void test_home_placeholders_before_the_path(void **state)
{
    (void)state;
    struct diag diag = {0};
    struct guide *g = view_check_guide(GUIDE_PART_INFO);
    assert_true(g->available & GUIDE_PART_PATH);
    assert_false(g->loaded & GUIDE_PART_PATH);
    struct progress *p = progress_new();
    struct view_doc d;
    view_doc_init(&d, 78, TEXT_ASCII);
    view_guide_home(&d, g, p);
    view_check_widths(&d);
    size_t l = view_check_find_line(&d, 0, "Progress");
    assert_int_not_equal(l, SIZE_MAX);
    assert_string_equal(d.lines[l].text, "Progress        ...");
    assert_int_equal(view_check_find_line(&d, 0, "Current phase"), SIZE_MAX);
    assert_int_not_equal(view_check_find_line(&d, 0, " 2  Career Path - ..."), SIZE_MAX);
    view_doc_free(&d);

    assert_int_equal(guide_load_parts(g, GUIDE_PART_PATH, &diag), 0);
    view_doc_init(&d, 78, 0);
    view_guide_home(&d, g, p);
    l = view_check_find_line(&d, 0, "Progress");
    assert_non_null(strstr(d.lines[l].text, "0/20 \xc2\xb7 0%"));
    assert_int_not_equal(view_check_find_line(&d, 0, " 2  Career Path \xc2\xb7 4 phases"),
                         SIZE_MAX);
    view_doc_free(&d);
    diag_free(&diag);
    progress_free(p);
    guide_free(g);
}

int main(void)
{
    view_check_begin();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks_and_roles_differ),
        cmocka_unit_test(test_filled_cells),
        cmocka_unit_test(test_counts_and_ratio_text),
        cmocka_unit_test(test_bar_shrinks_then_goes),
        cmocka_unit_test(test_phase_shows_marks_and_counts),
        cmocka_unit_test(test_home_placeholders_before_the_path),
        cmocka_unit_test(test_path_shows_a_bar_per_phase),
        cmocka_unit_test(test_home_shows_overall_progress),
        cmocka_unit_test(test_home_progress_on_a_narrow_screen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
