/* SPDX-License-Identifier: MIT */
/* Layout of documents: wrapping by display width (wide and combining characters), prefixes
 * and indents, role runs, clipping, sanitising, items and anchors, at widths 20, 40, 80, 200. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"
#include "view.h"

static const int widths[] = {20, 40, 80, 200};

/* Every line fits, its width is what it measures, and it has no control byte. */
static void check_lines(const struct view_doc *d)
{
    for (size_t i = 0; i < d->n_lines; i++) {
        const struct view_line *l = &d->lines[i];
        assert_true(l->width <= d->width);
        assert_int_equal(text_width(l->text, l->len), l->width);
        assert_int_equal(strlen(l->text), l->len);
        assert_true(text_utf8_valid(l->text, l->len, NULL));
        for (size_t k = 0; k < l->len; k++) {
            unsigned char c = (unsigned char)l->text[k];
            assert_true(c >= 0x20 && c != 0x7f);
        }
        if (i > 0) {
            assert_true(d->lines[i - 1].anchor <= l->anchor);
        }
    }
}

/* The words of all lines joined with single spaces. */
static char *joined(const struct view_doc *d, size_t from)
{
    size_t cap = 1;
    for (size_t i = from; i < d->n_lines; i++) {
        cap += d->lines[i].len + 1;
    }
    char *s = calloc(1, cap);
    for (size_t i = from; i < d->n_lines; i++) {
        if (d->lines[i].len == 0) {
            continue;
        }
        if (s[0] != '\0') {
            strcat(s, " ");
        }
        strcat(s, d->lines[i].text);
    }
    return s;
}

static void test_wide_characters_never_straddle(void **state)
{
    (void)state;
    /* Ten CJK characters, two columns each: exactly 20 columns. */
    const char *cjk = "日本語のテキストです";
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        struct view_doc d;
        view_doc_init(&d, widths[w], 0);
        view_doc_add_text(&d, VIEW_ROLE_BODY, cjk, 0, NULL, VIEW_ROLE_BODY);
        assert_int_equal(d.n_lines, 1);
        assert_int_equal(d.lines[0].width, 20);
        check_lines(&d);
        view_doc_free(&d);
    }
    /* At 19 columns the tenth character cannot share the line: 9 (18 columns) + 1. */
    struct view_doc d;
    view_doc_init(&d, 19, 0);
    view_doc_add_text(&d, VIEW_ROLE_BODY, cjk, 0, NULL, VIEW_ROLE_BODY);
    assert_int_equal(d.n_lines, 2);
    assert_int_equal(d.lines[0].width, 18);
    assert_int_equal(d.lines[1].width, 2);
    assert_string_equal(d.lines[1].text, "す");
    check_lines(&d);
    view_doc_free(&d);
}

static void test_combining_marks_stay_with_base(void **state)
{
    (void)state;
    /* "café" written with a combining acute: 4 columns, 6 bytes. Twelve of them plus spaces. */
    char text[256] = "";
    for (int i = 0; i < 12; i++) {
        strcat(text, i ? " cafe\xcc\x81" : "cafe\xcc\x81");
    }
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        struct view_doc d;
        view_doc_init(&d, widths[w], 0);
        view_doc_add_text(&d, VIEW_ROLE_BODY, text, 0, NULL, VIEW_ROLE_BODY);
        check_lines(&d);
        /* 12 words of 4 columns + 11 spaces = 59 columns: lines hold floor((w+1)/5) words. */
        size_t per_line = (size_t)(widths[w] + 1) / 5;
        size_t expect = (12 + per_line - 1) / per_line;
        assert_int_equal(d.n_lines, expect);
        for (size_t i = 0; i < d.n_lines; i++) {
            /* never a mark at the start of a line, never a bare "e" at the end */
            assert_true(memcmp(d.lines[i].text, "\xcc\x81", 2) != 0);
            assert_true(d.lines[i].text[d.lines[i].len - 1] != 'e');
        }
        char *all = joined(&d, 0);
        assert_string_equal(all, text);
        free(all);
        view_doc_free(&d);
    }
}

static void test_guide_paragraph_keeps_every_word(void **state)
{
    (void)state;
    const char *text = "Master Python programming and key libraries (NumPy, Pandas) – then "
                       "complete an online specialization in Machine Learning fundamentals.";
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        struct view_doc d;
        view_doc_init(&d, widths[w], 0);
        view_doc_add_text(&d, VIEW_ROLE_BODY, text, 4, "[ ]", VIEW_ROLE_CHECKBOX);
        check_lines(&d);
        /* The box is on the first line only, in its own run (the padding after it is plain
         * body); the text starts at column 4. */
        assert_memory_equal(d.lines[0].text, "[ ] Master", 10);
        assert_int_equal(d.lines[0].runs[0].role, VIEW_ROLE_CHECKBOX);
        assert_int_equal(d.lines[0].runs[1].role, VIEW_ROLE_BODY);
        assert_int_equal(d.lines[0].runs[1].start, 3);
        for (size_t i = 1; i < d.n_lines; i++) {
            assert_memory_equal(d.lines[i].text, "    ", 4);
            assert_true(d.lines[i].text[4] != ' ');
        }
        /* 135 columns of text: one line at 200, more below. */
        assert_int_equal(d.n_lines == 1, widths[w] == 200);
        view_doc_free(&d);
    }
}

static void test_paragraphs_and_blank_lines(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 40, 0);
    view_doc_add_text(&d, VIEW_ROLE_BODY, "First paragraph.\n\nSecond one.", 0, NULL,
                      VIEW_ROLE_BODY);
    assert_int_equal(d.n_lines, 3);
    assert_string_equal(d.lines[0].text, "First paragraph.");
    assert_int_equal(d.lines[1].len, 0);
    assert_string_equal(d.lines[2].text, "Second one.");
    view_doc_add_blank(&d);
    assert_int_equal(d.n_lines, 4);
    check_lines(&d);
    view_doc_free(&d);
}

static void test_escape_sequences_become_visible(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 80, 0);
    view_doc_add_text(&d, VIEW_ROLE_BODY, "title\x1b]0;pwned\x07 and \r\b\x7f done", 0, NULL,
                      VIEW_ROLE_BODY);
    view_doc_begin_line(&d);
    view_doc_puts(&d, VIEW_ROLE_BODY, "csi \x1b[2J c1 \xc2\x9b end");
    view_doc_end_line(&d);
    check_lines(&d);
    assert_non_null(strstr(d.lines[0].text, "\xe2\x90\x9b]0;pwned")); /* U+241B ESC picture */
    assert_null(memchr(d.lines[1].text, 0x1b, d.lines[1].len));
    assert_null(strstr(d.lines[1].text, "\xc2\x9b")); /* the C1 CSI is gone */
    view_doc_free(&d);
}

static void test_runs_clip_and_trailing_spaces(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 20, 0);
    view_doc_begin_line(&d);
    assert_int_equal(view_doc_puts(&d, VIEW_ROLE_DIM, "Label"), 5);
    view_doc_pad_to(&d, 8);
    assert_int_equal(view_doc_line_width(&d), 8);
    /* 23 columns asked, 12 left: one word wider than the room, so the line breaks after the
     * label; the word is wider than the room under the value (column 8) too, so it starts at
     * column 0 and is cut where it no longer fits: 19 letters, then the wide character would
     * need columns 20-21 and goes. */
    assert_int_equal(view_doc_puts(&d, VIEW_ROLE_BODY, "abcdefghijklmnopqrs日本"), 23);
    view_doc_end_line(&d);
    view_doc_begin_line(&d);
    view_doc_puts(&d, VIEW_ROLE_BODY, "x   ");
    view_doc_end_line(&d);
    check_lines(&d);
    assert_int_equal(d.n_lines, 3);
    assert_string_equal(d.lines[0].text, "Label");
    assert_int_equal(d.lines[0].n_runs, 1);
    assert_int_equal(d.lines[0].runs[0].role, VIEW_ROLE_DIM);
    assert_string_equal(d.lines[1].text, "abcdefghijklmnopqrs");
    assert_int_equal(d.lines[1].width, 19);
    assert_int_equal(d.lines[1].n_runs, 1);
    assert_int_equal(d.lines[1].runs[0].role, VIEW_ROLE_BODY);
    assert_string_equal(d.lines[2].text, "x");
    view_doc_free(&d);
}

/* Adds Home's Today line: its label, the facts, the separator, the key and its words. */
static void today_line(struct view_doc *d, const char *facts, const char *sep)
{
    view_doc_begin_line(d);
    view_doc_puts(d, VIEW_ROLE_HEADING, "Today");
    view_doc_pad_to(d, 16);
    view_doc_puts(d, VIEW_ROLE_BODY, facts);
    view_doc_puts(d, VIEW_ROLE_DIM, sep);
    view_doc_puts(d, VIEW_ROLE_NUMBER, "T");
    view_doc_puts(d, VIEW_ROLE_DIM, " opens it");
    view_doc_end_line(d);
    check_lines(d);
}

/* A line of several colours wider than the document breaks at a space, never inside a word,
 * each piece keeping its colours, and goes on under the value after the label. */
static void test_mixed_line_wraps_at_words(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 40, 0);
    today_line(&d, "0 overdue - 10h15m logged", " - ");
    assert_int_equal(d.n_lines, 2);
    assert_string_equal(d.lines[0].text, "Today           0 overdue - 10h15m");
    assert_string_equal(d.lines[1].text, "                logged - T opens it");
    const struct view_line *l = &d.lines[1];
    enum view_role want[] = {VIEW_ROLE_BODY, VIEW_ROLE_DIM, VIEW_ROLE_NUMBER, VIEW_ROLE_DIM};
    size_t at[] = {0, 22, 25, 26};
    assert_int_equal(l->n_runs, 4);
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(l->runs[i].role, want[i]);
        assert_int_equal(l->runs[i].start, at[i]);
    }
    assert_true(d.lines[1].anchor > d.lines[0].anchor);
    /* With the separator between facts, the break goes there, and the separator with it. */
    today_line(&d, "0 overdue \xc2\xb7 9h logged", " \xc2\xb7 ");
    assert_int_equal(d.n_lines, 4);
    assert_string_equal(d.lines[2].text, "Today           0 overdue \xc2\xb7 9h logged");
    assert_string_equal(d.lines[3].text, "                T opens it");
    /* Every width: no line wider than the document, no word split across two lines. */
    for (int w = 12; w <= 60; w++) { /* from the widest word's width */
        struct view_doc e;
        view_doc_init(&e, w, 0);
        view_doc_begin_line(&e);
        view_doc_puts(&e, VIEW_ROLE_HEADING, "Next");
        view_doc_pad_to(&e, 6);
        view_doc_puts(&e, VIEW_ROLE_ACCENT, "Learn Git and basic practices");
        view_doc_puts(&e, VIEW_ROLE_DIM, " (due 2026-12-12)");
        view_doc_end_line(&e);
        check_lines(&e);
        for (size_t i = 0; i < e.n_lines; i++) {
            const char *t = e.lines[i].text;
            size_t n = e.lines[i].len;
            assert_true(n == 0 || t[n - 1] != ' ');
            const char *last = strrchr(t, ' ');
            char word[64];
            /* the last word on a line is whole: one of the words put */
            snprintf(word, sizeof word, " %s ", last != NULL ? last + 1 : t);
            if (strstr(" Next Learn Git and basic practices (due 2026-12-12) ", word) == NULL) {
                print_error("width %d line %zu: [%s]\n", w, i, t);
            }
            assert_non_null(strstr(" Next Learn Git and basic practices (due 2026-12-12) ", word));
        }
        view_doc_free(&e);
    }
    view_doc_free(&d);
}

static void test_ascii_mode(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 40, TEXT_ASCII);
    view_doc_add_text(&d, VIEW_ROLE_BODY, "AWS – Specialty 日本", 0, NULL, VIEW_ROLE_BODY);
    check_lines(&d);
    for (size_t k = 0; k < d.lines[0].len; k++) {
        assert_true((unsigned char)d.lines[0].text[k] < 0x80);
    }
    assert_memory_equal(d.lines[0].text, "AWS ? Specialty", 15);
    view_doc_free(&d);
}

static void test_items_and_lookup(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 20, 0);
    view_doc_add_text(&d, VIEW_ROLE_TITLE, "Title", 0, NULL, VIEW_ROLE_TITLE);
    view_doc_begin_item(&d, "a");
    view_doc_add_text(&d, VIEW_ROLE_BODY, "one two three four five six", 0, NULL,
                      VIEW_ROLE_BODY); /* 27 columns: two lines at 20 */
    view_doc_end_item(&d);
    view_doc_add_blank(&d);
    view_doc_begin_item(&d, "b");
    view_doc_end_item(&d); /* empty: still owns a line */
    assert_int_equal(d.n_items, 2);
    assert_int_equal(d.items[0].first, 1);
    assert_int_equal(d.items[0].count, 2);
    assert_int_equal(d.items[1].first, 4);
    assert_int_equal(d.items[1].count, 1);
    assert_int_equal(view_doc_item_at(&d, 0), SIZE_MAX);
    assert_int_equal(view_doc_item_at(&d, 2), 0);
    assert_int_equal(view_doc_item_at(&d, 3), SIZE_MAX);
    assert_int_equal(view_doc_item_at(&d, 4), 1);
    assert_int_equal(view_doc_find_item(&d, "b"), 1);
    assert_int_equal(view_doc_find_item(&d, "zz"), SIZE_MAX);
    view_doc_free(&d);
}

/* The cells a link covers on its line, as text. */
static char *link_text(const struct view_doc *d, const struct view_link *k)
{
    const struct view_line *l = &d->lines[k->line];
    size_t from = text_fit(l->text, l->len, k->col, NULL);
    size_t n = text_fit(l->text + from, l->len - from, k->width, NULL);
    char *s = calloc(1, n + 1);
    memcpy(s, l->text + from, n);
    return s;
}

/* With text_links, the http, https and mailto addresses in prose are links over the cells that
 * show them, a wrapped one a link on each of its lines; punctuation after one is not part of
 * it, nor is another scheme or a word that only ends in one. */
static void test_addresses_in_text_are_links(void **state)
{
    (void)state;
    const char *text = "See <https://example.org/a_(b)>, mailto:me@example.org. or "
                       "javascript:alert(1) and xhttps://no.example and "
                       "(https://example.org/x). Then https://example.org/a/very/long/path/"
                       "that/wraps/over/lines";
    struct view_doc d;
    view_doc_init(&d, 30, 0);
    view_doc_add_text(&d, VIEW_ROLE_BODY, text, 2, NULL, VIEW_ROLE_BODY);
    assert_int_equal(d.n_links, 0); /* off unless asked for */
    view_doc_free(&d);

    view_doc_init(&d, 30, 0);
    d.text_links = true;
    view_doc_add_text(&d, VIEW_ROLE_BODY, text, 2, NULL, VIEW_ROLE_BODY);
    check_lines(&d);
    assert_true(d.n_links >= 5);
    const char *want[] = {"https://example.org/a_(b)", "mailto:me@example.org",
                          "https://example.org/x"};
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(d.links[i].url, want[i]);
        char *shown = link_text(&d, &d.links[i]);
        assert_string_equal(shown, want[i]);
        free(shown);
        assert_true(d.links[i].col >= 2);
    }
    /* The long one: every line of it links to the whole address. */
    char *whole = calloc(1, 200);
    for (size_t i = 3; i < d.n_links; i++) {
        assert_string_equal(d.links[i].url,
                            "https://example.org/a/very/long/path/that/wraps/over/lines");
        assert_true(i == 3 || d.links[i].line == d.links[i - 1].line + 1);
        char *shown = link_text(&d, &d.links[i]);
        strcat(whole, shown);
        free(shown);
    }
    assert_string_equal(whole, "https://example.org/a/very/long/path/that/wraps/over/lines");
    free(whole);
    /* An action's link line is one link, not found again in its text. */
    size_t before = d.n_links;
    view_doc_add_link(&d, VIEW_ROLE_DIM, "https://example.org/item", 4);
    assert_int_equal(d.n_links, before + 1);
    view_doc_free(&d);
}

static void test_tiny_widths_do_not_break(void **state)
{
    (void)state;
    for (int w = -3; w <= 4; w++) {
        struct view_doc d;
        view_doc_init(&d, w, 0);
        view_doc_add_text(&d, VIEW_ROLE_BODY, "日本 wide and words", 8, "[ ]", VIEW_ROLE_CHECKBOX);
        check_lines(&d);
        assert_true(d.n_lines > 0);
        view_doc_free(&d);
    }
}

int main(void)
{
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wide_characters_never_straddle),
        cmocka_unit_test(test_combining_marks_stay_with_base),
        cmocka_unit_test(test_guide_paragraph_keeps_every_word),
        cmocka_unit_test(test_paragraphs_and_blank_lines),
        cmocka_unit_test(test_escape_sequences_become_visible),
        cmocka_unit_test(test_runs_clip_and_trailing_spaces),
        cmocka_unit_test(test_mixed_line_wraps_at_words),
        cmocka_unit_test(test_ascii_mode),
        cmocka_unit_test(test_items_and_lookup),
        cmocka_unit_test(test_addresses_in_text_are_links),
        cmocka_unit_test(test_tiny_widths_do_not_break),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
