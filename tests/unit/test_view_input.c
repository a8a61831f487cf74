/* SPDX-License-Identifier: MIT */
/* The prompt's editable line: UTF-8 insertion, Backspace/Delete by character (a base with its
 * combining marks), refusal of control characters, cursor movement, and the visible part of a
 * long line at narrow widths (wide characters, ASCII mode). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"
#include "view_input.h"

static void type(struct view_input *in, const uint32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_true(view_input_insert(in, cps[i]));
    }
}

static void test_insert_utf8_and_backspace(void **state)
{
    (void)state;
    struct view_input in = {0};
    assert_string_equal(view_input_text(&in), "");
    const uint32_t cps[] = {'a', 0xe9, 0x6f22}; /* a, é (2 bytes), 漢 (3 bytes) */
    type(&in, cps, 3);
    assert_string_equal(view_input_text(&in), "a\xc3\xa9\xe6\xbc\xa2");
    assert_int_equal(in.len, 6);
    assert_int_equal(in.cursor, 6);
    assert_true(view_input_backspace(&in)); /* the whole 3-byte character */
    assert_string_equal(view_input_text(&in), "a\xc3\xa9");
    assert_true(view_input_backspace(&in));
    assert_string_equal(view_input_text(&in), "a");
    assert_true(view_input_backspace(&in));
    assert_false(view_input_backspace(&in)); /* nothing left */
    assert_int_equal(in.len, 0);
    view_input_free(&in);
}

static void test_combining_mark_is_one_character(void **state)
{
    (void)state;
    struct view_input in = {0};
    const uint32_t cps[] = {'x', 'e', 0x301, 'y'}; /* x, e + combining acute, y */
    type(&in, cps, 4);
    assert_true(view_input_left(&in)); /* before y */
    assert_int_equal(in.cursor, 4);
    assert_true(view_input_left(&in)); /* before e: not between e and its mark */
    assert_int_equal(in.cursor, 1);
    assert_true(view_input_right(&in));
    assert_int_equal(in.cursor, 4);
    assert_true(view_input_backspace(&in)); /* e and the mark together */
    assert_string_equal(view_input_text(&in), "xy");
    assert_int_equal(in.cursor, 1);
    view_input_free(&in);
}

static void test_edit_in_the_middle(void **state)
{
    (void)state;
    struct view_input in = {0};
    view_input_set(&in, "gpu");
    assert_int_equal(in.cursor, 3);
    assert_true(view_input_home(&in));
    assert_false(view_input_home(&in));
    assert_true(view_input_insert(&in, '['));
    assert_true(view_input_end(&in));
    assert_true(view_input_insert(&in, ']'));
    assert_string_equal(view_input_text(&in), "[gpu]");
    assert_true(view_input_home(&in));
    assert_true(view_input_delete(&in));
    assert_string_equal(view_input_text(&in), "gpu]");
    assert_true(view_input_end(&in));
    assert_false(view_input_delete(&in)); /* nothing under the cursor */
    assert_false(view_input_right(&in));
    assert_true(view_input_clear(&in));
    assert_string_equal(view_input_text(&in), "");
    assert_int_equal(in.cursor, 0);
    assert_false(view_input_clear(&in));
    view_input_free(&in);
}

static void test_selected_text_is_replaced_by_typing(void **state)
{
    (void)state;
    struct view_input in = {0};
    view_input_select_all(&in); /* nothing to select */
    assert_false(in.selected);
    view_input_set(&in, "2027-02-28");
    view_input_select_all(&in);
    assert_true(in.selected);
    assert_true(view_input_insert(&in, '2'));
    assert_false(in.selected);
    assert_string_equal(view_input_text(&in), "2");
    /* Backspace clears a selected text; a movement keeps it and ends the selection. */
    view_input_set(&in, "2027-02-28");
    view_input_select_all(&in);
    assert_true(view_input_backspace(&in));
    assert_string_equal(view_input_text(&in), "");
    view_input_set(&in, "2027-02-28");
    view_input_select_all(&in);
    assert_true(view_input_left(&in));
    assert_false(in.selected);
    assert_true(view_input_insert(&in, '9'));
    assert_string_equal(view_input_text(&in), "2027-02-298");
    view_input_free(&in);
}

static void test_controls_are_refused(void **state)
{
    (void)state;
    struct view_input in = {0};
    const uint32_t bad[] = {0x1b, '\n', '\t', 0x7f, 0x85, 0x9b, 0xd800, 0x110000};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_false(view_input_insert(&in, bad[i]));
    }
    assert_int_equal(in.len, 0);
    /* view_input_set keeps only the valid printable characters. */
    view_input_set(&in, "a\x1b[31m\xff"
                        "b");
    assert_string_equal(view_input_text(&in), "a[31mb");
    view_input_set(&in, NULL);
    assert_string_equal(view_input_text(&in), "");
    view_input_free(&in);
}

static void test_visible_window_follows_cursor(void **state)
{
    (void)state;
    struct view_input in = {0};
    size_t from;
    int col;
    view_input_set(&in, "abcdefgh"); /* 8 columns, cursor after h at column 8 */
    char *s = view_input_visible(&in, 5, 0, &from, &col);
    /* The cursor must land on column <= 4: drop "abcd". */
    assert_int_equal(from, 4);
    assert_int_equal(col, 4);
    assert_string_equal(s + from, "efgh");
    free(s);
    view_input_home(&in);
    s = view_input_visible(&in, 5, 0, &from, &col);
    assert_int_equal(from, 0);
    assert_int_equal(col, 0);
    free(s);

    /* Four wide characters, 2 columns each: width 5 allows the cursor at column 4. */
    view_input_set(&in, "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97");
    s = view_input_visible(&in, 5, 0, &from, &col);
    assert_int_equal(from, 6); /* two characters dropped */
    assert_int_equal(col, 4);
    free(s);
    s = view_input_visible(&in, 4, 0, &from, &col);
    assert_int_equal(from, 9); /* column 3 is too far for 2-column steps: three dropped */
    assert_int_equal(col, 2);
    free(s);
    view_input_free(&in);
}

static void test_visible_in_ascii_mode(void **state)
{
    (void)state;
    struct view_input in = {0};
    view_input_set(&in, "r\xc3\xa9sum\xc3\xa9"); /* résumé: 8 bytes, 6 columns */
    view_input_left(&in);                        /* before the last é */
    size_t from;
    int col;
    char *s = view_input_visible(&in, 40, TEXT_ASCII, &from, &col);
    assert_string_equal(s, "r?sum?");
    assert_int_equal(from, 0);
    assert_int_equal(col, 5);
    free(s);
    view_input_free(&in);
}

int main(void)
{
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_insert_utf8_and_backspace),
        cmocka_unit_test(test_combining_mark_is_one_character),
        cmocka_unit_test(test_edit_in_the_middle),
        cmocka_unit_test(test_selected_text_is_replaced_by_typing),
        cmocka_unit_test(test_controls_are_refused),
        cmocka_unit_test(test_visible_window_follows_cursor),
        cmocka_unit_test(test_visible_in_ascii_mode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
