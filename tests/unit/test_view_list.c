/* SPDX-License-Identifier: MIT */
/* List movement: selection and scrolling over items of several lines, pages, edges, plain
 * text scrolling, the wheel, hit testing, and keeping the place across a reflow. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "view.h"
#include "view_list.h"

static const char *const ids[] = {"i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9"};

/* A title line, then ten items of two lines each separated by blank lines, then a footer line:
 * line 0 title; item k at lines 1 + 3k (2 lines), blank at 3 + 3k; footer at line 31. */
static void build(struct view_doc *d)
{
    view_doc_init(d, 40, 0);
    view_doc_add_text(d, VIEW_ROLE_TITLE, "Title", 0, NULL, VIEW_ROLE_TITLE);
    for (int k = 0; k < 10; k++) {
        char a[32], b[32];
        snprintf(a, sizeof a, "item %d", k);
        snprintf(b, sizeof b, "detail %d", k);
        view_doc_begin_item(d, ids[k]);
        view_doc_add_text(d, VIEW_ROLE_BODY, a, 0, NULL, VIEW_ROLE_BODY);
        view_doc_add_text(d, VIEW_ROLE_DIM, b, 2, NULL, VIEW_ROLE_DIM);
        view_doc_end_item(d);
        view_doc_add_blank(d);
    }
    view_doc_add_text(d, VIEW_ROLE_BODY, "footer", 0, NULL, VIEW_ROLE_BODY);
}

static void test_down_follows_selection(void **state)
{
    (void)state;
    struct view_doc d;
    build(&d);
    assert_int_equal(d.n_lines, 32);
    struct view_pos p;
    view_list_reset(&p, &d);
    assert_int_equal(p.sel, 0);
    assert_false(view_list_move(&p, &d, VIEW_MOVE_UP, 8)); /* at the top already */
    /* Items 0 and 1 end at lines 2 and 5: visible in 8 rows from 0. */
    assert_true(view_list_move(&p, &d, VIEW_MOVE_DOWN, 8));
    assert_int_equal(p.sel, 1);
    assert_int_equal(p.top, 0);
    /* Item 2 spans lines 7-8: the view scrolls just enough, top = 8 + 1 - 8 = 1. */
    view_list_move(&p, &d, VIEW_MOVE_DOWN, 8);
    assert_int_equal(p.sel, 2);
    assert_int_equal(p.top, 1);
    /* Back up to item 0: the title above it comes back into view. */
    view_list_move(&p, &d, VIEW_MOVE_UP, 8);
    view_list_move(&p, &d, VIEW_MOVE_UP, 8);
    assert_int_equal(p.sel, 0);
    assert_int_equal(p.top, 0);
    view_doc_free(&d);
}

static void test_end_home_and_trailing_lines(void **state)
{
    (void)state;
    struct view_doc d;
    build(&d);
    struct view_pos p;
    view_list_reset(&p, &d);
    assert_true(view_list_move(&p, &d, VIEW_MOVE_END, 8));
    assert_int_equal(p.sel, 9);
    /* The last item (lines 28-29) and the footer (31): the last page, top = 32 - 8. */
    assert_int_equal(p.top, 24);
    assert_false(view_list_move(&p, &d, VIEW_MOVE_DOWN, 8));
    assert_true(view_list_move(&p, &d, VIEW_MOVE_HOME, 8));
    assert_int_equal(p.sel, 0);
    assert_int_equal(p.top, 0);
    view_doc_free(&d);
}

/* A list of one item between a header and a long trailer (a day's plan): it opens at the
 * top, with the header in view, and Down scrolls on through the whole trailer, as a pager does,
 * and stops at its end; Up comes back the same way and scrolls the header back. */
static void test_one_item_opens_at_the_top(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 40, 0);
    for (int i = 0; i < 4; i++) {
        view_doc_add_text(&d, VIEW_ROLE_BODY, "header", 0, NULL, VIEW_ROLE_BODY);
    }
    view_doc_begin_item(&d, ids[0]);
    view_doc_add_text(&d, VIEW_ROLE_BODY, "the one item", 0, NULL, VIEW_ROLE_BODY);
    view_doc_end_item(&d);
    for (int i = 0; i < 20; i++) {
        view_doc_add_text(&d, VIEW_ROLE_BODY, "trailer", 0, NULL, VIEW_ROLE_BODY);
    }
    struct view_pos p;
    view_list_reset(&p, &d);
    view_list_fix(&p, &d, 8);
    assert_int_equal(p.sel, 0);
    assert_int_equal(p.top, 0);
    for (int i = 0; i < 3; i++) {
        assert_true(view_list_move(&p, &d, VIEW_MOVE_DOWN, 8));
    }
    assert_int_equal(p.top, 3);
    assert_true(view_list_move(&p, &d, VIEW_MOVE_DOWN, 8));
    assert_int_equal(p.top, 4); /* the item on the first row */
    /* On past it to the trailer's last page: 25 lines, top 17. A relayout keeps the place. */
    for (int i = 0; i < 13; i++) {
        assert_true(view_list_move(&p, &d, VIEW_MOVE_DOWN, 8));
    }
    assert_int_equal(p.top, 17);
    assert_false(view_list_move(&p, &d, VIEW_MOVE_DOWN, 8));
    assert_int_equal(p.sel, 0);
    view_list_fix(&p, &d, 8);
    assert_int_equal(p.top, 17);
    for (int i = 0; i < 17; i++) {
        assert_true(view_list_move(&p, &d, VIEW_MOVE_UP, 8));
    }
    assert_int_equal(p.top, 0);
    assert_false(view_list_move(&p, &d, VIEW_MOVE_UP, 8));
    view_doc_free(&d);
}

/* The last item taller than the view, then text after the list (a section's long description
 * under its last entry): Down and Page Down read on through both as a pager does and stop at
 * the end; Page Up and Up come back to the item's first line before the selection moves. */
static void test_past_the_last_item(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 40, 0);
    view_doc_begin_item(&d, ids[0]); /* line 0 */
    view_doc_add_text(&d, VIEW_ROLE_BODY, "first", 0, NULL, VIEW_ROLE_BODY);
    view_doc_end_item(&d);
    view_doc_begin_item(&d, ids[1]); /* lines 1-12 */
    for (int i = 0; i < 12; i++) {
        view_doc_add_text(&d, VIEW_ROLE_BODY, "tall", 0, NULL, VIEW_ROLE_BODY);
    }
    view_doc_end_item(&d);
    for (int i = 0; i < 10; i++) { /* lines 13-22 */
        view_doc_add_text(&d, VIEW_ROLE_BODY, "after", 0, NULL, VIEW_ROLE_BODY);
    }
    struct view_pos p;
    view_list_reset(&p, &d);
    assert_true(view_list_move(&p, &d, VIEW_MOVE_DOWN, 8));
    assert_int_equal(p.sel, 1);
    assert_int_equal(p.top, 1); /* its first line, and as much of it as fits */
    for (int i = 0; i < 14; i++) {
        assert_true(view_list_move(&p, &d, VIEW_MOVE_DOWN, 8));
    }
    assert_int_equal(p.top, 15); /* the last page: 23 lines - 8 */
    assert_false(view_list_move(&p, &d, VIEW_MOVE_DOWN, 8));
    assert_false(view_list_move(&p, &d, VIEW_MOVE_PAGE_DOWN, 8));
    assert_int_equal(p.sel, 1);
    /* Page Up: a page back (7 lines), then to the item's first line, then to the item before. */
    assert_true(view_list_move(&p, &d, VIEW_MOVE_PAGE_UP, 8));
    assert_int_equal(p.top, 8);
    assert_int_equal(p.sel, 1);
    assert_true(view_list_move(&p, &d, VIEW_MOVE_PAGE_UP, 8));
    assert_int_equal(p.top, 1);
    assert_int_equal(p.sel, 1);
    assert_true(view_list_move(&p, &d, VIEW_MOVE_PAGE_DOWN, 8));
    assert_int_equal(p.top, 8); /* Page Down on the last item pages on */
    for (int i = 0; i < 7; i++) {
        assert_true(view_list_move(&p, &d, VIEW_MOVE_UP, 8));
    }
    assert_int_equal(p.top, 1);
    assert_int_equal(p.sel, 1);
    assert_true(view_list_move(&p, &d, VIEW_MOVE_UP, 8));
    assert_int_equal(p.sel, 0);
    assert_int_equal(p.top, 0);
    view_doc_free(&d);
}

static void test_pages(void **state)
{
    (void)state;
    struct view_doc d;
    build(&d);
    struct view_pos p;
    view_list_reset(&p, &d);
    /* A page is height - 1 = 7 lines: top 7; the first item starting at or after line 7 is
     * item 2 (line 7). */
    assert_true(view_list_move(&p, &d, VIEW_MOVE_PAGE_DOWN, 8));
    assert_int_equal(p.top, 7);
    assert_int_equal(p.sel, 2);
    view_list_move(&p, &d, VIEW_MOVE_PAGE_DOWN, 8);
    assert_int_equal(p.top, 14);
    assert_int_equal(p.sel, 5); /* item 5 starts at line 16 */
    view_list_move(&p, &d, VIEW_MOVE_PAGE_UP, 8);
    assert_int_equal(p.top, 7);
    assert_int_equal(p.sel, 2);
    for (int i = 0; i < 10; i++) {
        view_list_move(&p, &d, VIEW_MOVE_PAGE_DOWN, 8);
    }
    assert_int_equal(p.sel, 9);
    assert_int_equal(p.top, 24);
    for (int i = 0; i < 10; i++) {
        view_list_move(&p, &d, VIEW_MOVE_PAGE_UP, 8);
    }
    assert_int_equal(p.sel, 0);
    assert_int_equal(p.top, 0);
    view_doc_free(&d);
}

static void test_text_scrolls(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 20, 0);
    for (int i = 0; i < 30; i++) {
        view_doc_add_text(&d, VIEW_ROLE_BODY, "line", 0, NULL, VIEW_ROLE_BODY);
    }
    struct view_pos p;
    view_list_reset(&p, &d);
    assert_int_equal(p.sel, SIZE_MAX);
    assert_true(view_list_move(&p, &d, VIEW_MOVE_DOWN, 10));
    assert_int_equal(p.top, 1);
    view_list_move(&p, &d, VIEW_MOVE_PAGE_DOWN, 10);
    assert_int_equal(p.top, 10);
    view_list_move(&p, &d, VIEW_MOVE_END, 10);
    assert_int_equal(p.top, 20);
    assert_false(view_list_move(&p, &d, VIEW_MOVE_DOWN, 10));
    view_list_move(&p, &d, VIEW_MOVE_PAGE_UP, 10);
    assert_int_equal(p.top, 11);
    view_list_move(&p, &d, VIEW_MOVE_HOME, 10);
    assert_int_equal(p.top, 0);
    /* A document shorter than the view never scrolls. */
    assert_false(view_list_move(&p, &d, VIEW_MOVE_END, 40));
    view_doc_free(&d);
}

static void test_wheel_and_hit(void **state)
{
    (void)state;
    struct view_doc d;
    build(&d);
    struct view_pos p;
    view_list_reset(&p, &d);
    /* Scrolling 3 lines hides item 0 (lines 1-2): the selection moves to item 1 (line 4). */
    assert_true(view_list_scroll(&p, &d, 3, 8));
    assert_int_equal(p.top, 3);
    assert_int_equal(p.sel, 1);
    assert_int_equal(view_list_hit(&p, &d, 1), 1);        /* line 4 */
    assert_int_equal(view_list_hit(&p, &d, 0), SIZE_MAX); /* line 3, blank */
    assert_int_equal(view_list_hit(&p, &d, 4), 2);        /* line 7 */
    assert_true(view_list_scroll(&p, &d, -100, 8));
    assert_int_equal(p.top, 0);
    assert_false(view_list_scroll(&p, &d, -1, 8));
    assert_true(view_list_scroll(&p, &d, 1000, 8));
    assert_int_equal(p.top, 24);
    view_doc_free(&d);
}

static void layout_para(struct view_doc *d, int width)
{
    const char *para = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo "
                       "lima mike november oscar papa quebec romeo sierra tango uniform";
    view_doc_init(d, width, 0);
    view_doc_add_text(d, VIEW_ROLE_TITLE, "Title", 0, NULL, VIEW_ROLE_TITLE);
    view_doc_add_text(d, VIEW_ROLE_BODY, para, 0, NULL, VIEW_ROLE_BODY);
}

static void test_reflow_keeps_place(void **state)
{
    (void)state;
    struct view_doc wide, narrow;
    layout_para(&wide, 40);
    layout_para(&narrow, 20);
    struct view_pos p = {.top = 2, .sel = SIZE_MAX};
    char first_word[32];
    sscanf(wide.lines[2].text, "%31s", first_word);
    struct view_mark m;
    view_list_save(&p, &wide, &m);
    struct view_pos q;
    view_list_restore(&q, &narrow, &m, 3);
    /* The new top line holds the word the old top line started with. */
    assert_true(q.top > 2);
    assert_non_null(strstr(narrow.lines[q.top].text, first_word));
    view_doc_free(&wide);
    view_doc_free(&narrow);
}

static void test_reflow_keeps_selection(void **state)
{
    (void)state;
    struct view_doc a, b;
    build(&a);
    struct view_pos p;
    view_list_reset(&p, &a);
    for (int i = 0; i < 7; i++) {
        view_list_move(&p, &a, VIEW_MOVE_DOWN, 8);
    }
    struct view_mark m;
    view_list_save(&p, &a, &m);
    assert_string_equal(m.id, "i7");
    build(&b);
    struct view_pos q;
    view_list_restore(&q, &b, &m, 5);
    assert_int_equal(q.sel, 7);
    /* Item 7 (lines 22-23) is visible in 5 rows. */
    assert_true(q.top <= 22 && 23 < q.top + 5);
    view_doc_free(&a);
    view_doc_free(&b);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_down_follows_selection),
        cmocka_unit_test(test_end_home_and_trailing_lines),
        cmocka_unit_test(test_one_item_opens_at_the_top),
        cmocka_unit_test(test_past_the_last_item),
        cmocka_unit_test(test_pages),
        cmocka_unit_test(test_text_scrolls),
        cmocka_unit_test(test_wheel_and_hit),
        cmocka_unit_test(test_reflow_keeps_place),
        cmocka_unit_test(test_reflow_keeps_selection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
