/* SPDX-License-Identifier: MIT */
/* Unit tests for text_wrap() and text_fit(): a real paragraph of the guide at several widths
 * (checked by properties that together pin greedy wrapping down), hand-worked cases for
 * spaces, paragraphs, long words, wide and combining characters, and text_fit() never
 * splitting a character. */
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

#define ACUTE  "\xcc\x81"     /* U+0301 COMBINING ACUTE ACCENT, width 0 */
#define ZHONG  "\xe4\xb8\xad" /* U+4E2D, width 2 */
#define WEN    "\xe6\x96\x87" /* U+6587, width 2 */
#define ZI     "\xe5\xad\x97" /* U+5B57, width 2 */
#define ENDASH "\xe2\x80\x93" /* U+2013, width 1 */

/* The "What You'll Learn" paragraph of the Machine Learning Engineer guide, verbatim. */
static const char paragraph[] =
    "A Machine Learning Engineer bridges the gap between data science research and software "
    "engineering, designing, building, and deploying scalable ML systems into production. "
    "Day-to-day, they collaborate with data scientists to operationalize models, develop robust "
    "ML pipelines, manage infrastructure, and ensure models perform reliably at scale. This role "
    "is critical for turning AI prototypes into real-world applications that drive business "
    "value and innovation.";

static int setup_locale(void **state)
{
    (void)state;
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
        fprintf(stderr, "the C.UTF-8 locale is not available\n");
        return -1;
    }
    return 0;
}

/* Wraps s and compares with the expected lines (NULL-terminated) and their widths. */
static void check_wrap(const char *s, size_t len, int width, const char *const *want,
                       const int *want_w)
{
    struct text_line *lines = NULL;
    size_t n = text_wrap(s, len, width, &lines);
    size_t want_n = 0;
    while (want[want_n] != NULL) {
        want_n++;
    }
    if (n != want_n) {
        for (size_t i = 0; i < n; i++) {
            fprintf(stderr, "line %zu: [%.*s]\n", i, (int)lines[i].len, s + lines[i].start);
        }
    }
    assert_int_equal(n, want_n);
    for (size_t i = 0; i < n; i++) {
        assert_true(lines[i].start + lines[i].len <= len);
        assert_int_equal(lines[i].len, strlen(want[i]));
        assert_memory_equal(s + lines[i].start, want[i], lines[i].len);
        assert_int_equal(lines[i].width, want_w[i]);
    }
    free(lines);
}

/* WRAP for ASCII text, where each line's width is its length. */
static void check_wrap_ascii(const char *s, int width, const char *const *want)
{
    int w[64];
    size_t i = 0;
    for (; want[i] != NULL; i++) {
        w[i] = (int)strlen(want[i]);
    }
    check_wrap(s, strlen(s), width, want, w);
}

#define WRAP_ASCII(s, width, ...)                                                                  \
    do {                                                                                           \
        static const char *const want_[] = {__VA_ARGS__, NULL};                                    \
        check_wrap_ascii(s, width, want_);                                                         \
    } while (0)

#define WRAP_W(s, width, widths, ...)                                                              \
    do {                                                                                           \
        static const char *const want_[] = {__VA_ARGS__, NULL};                                    \
        static const int w_[] = widths;                                                            \
        check_wrap(s, sizeof(s) - 1, width, want_, w_);                                            \
    } while (0)

#define W(...)                                                                                     \
    {                                                                                              \
        __VA_ARGS__                                                                                \
    }

static size_t first_word_len(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] != ' ') {
        i++;
    }
    return i;
}

static void check_paragraph_at(int limit)
{
    size_t len = sizeof paragraph - 1;
    struct text_line *lines = NULL;
    size_t n = text_wrap(paragraph, len, limit, &lines);
    assert_true(n >= (len + (size_t)limit - 1) / (size_t)limit);
    char *joined = malloc(len + n + 1);
    assert_non_null(joined);
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        const char *l = paragraph + lines[i].start;
        /* the paragraph is ASCII, so width == bytes */
        assert_int_equal(lines[i].width, (int)lines[i].len);
        assert_int_equal(lines[i].width, text_width(l, lines[i].len));
        assert_true(lines[i].width <= limit);
        assert_true(lines[i].len > 0);
        assert_int_not_equal(l[0], ' ');
        assert_int_not_equal(l[lines[i].len - 1], ' ');
        if (i + 1 < n) {
            /* greedy: the next line's first word would not have fitted after a space */
            const char *next = paragraph + lines[i + 1].start;
            size_t word = first_word_len(next, lines[i + 1].len);
            assert_true(lines[i].width + 1 + (int)word > limit);
        }
        if (i > 0) {
            joined[j++] = ' ';
        }
        memcpy(joined + j, l, lines[i].len);
        j += lines[i].len;
    }
    assert_int_equal(j, len);
    assert_memory_equal(joined, paragraph, len);
    free(joined);
    free(lines);
}

static void test_paragraph_widths(void **state)
{
    (void)state;
    check_paragraph_at(20);
    check_paragraph_at(40);
    check_paragraph_at(80);
    check_paragraph_at(200);
    /* wider than the whole paragraph: one line */
    struct text_line *lines;
    assert_int_equal(text_wrap(paragraph, sizeof paragraph - 1, 1000, &lines), 1);
    assert_int_equal(lines[0].len, sizeof paragraph - 1);
    free(lines);
}

static void test_paragraph_start(void **state)
{
    (void)state;
    /* Worked by hand: "A Machine Learning" is 18 columns, "Engineer" does not fit in 20. */
    struct text_line *lines;
    size_t n = text_wrap(paragraph, sizeof paragraph - 1, 20, &lines);
    assert_true(n > 2);
    assert_int_equal(lines[0].start, 0);
    assert_int_equal(lines[0].len, 18);
    assert_int_equal(lines[1].start, 19);
    assert_memory_equal(paragraph + lines[1].start, "Engineer bridges the", 20);
    free(lines);
}

static void test_empty_and_spaces(void **state)
{
    (void)state;
    struct text_line *lines = (struct text_line *)&lines; /* must be overwritten */
    assert_int_equal(text_wrap("", 0, 10, &lines), 0);
    assert_null(lines);
    /* a line of only spaces is one empty line, at any width */
    WRAP_ASCII("     ", 3, "");
    WRAP_ASCII("     ", 10, "");
    /* trailing spaces do not belong to the line */
    WRAP_ASCII("abc   ", 10, "abc");
    /* the run at a soft break belongs to neither line; inner runs stay */
    WRAP_ASCII("abc   def", 4, "abc", "def");
    WRAP_ASCII("abc   def", 20, "abc   def");
    /* indentation is kept when the first word fits after it, dropped otherwise */
    WRAP_ASCII("  ab cd", 10, "  ab cd");
    WRAP_ASCII("  abcd", 4, "abcd");
    WRAP_ASCII("  ab cd", 4, "  ab", "cd");
    WRAP_ASCII("  abc d", 4, "abc", "d");
}

static void test_paragraphs(void **state)
{
    (void)state;
    WRAP_ASCII("a\n\nb", 10, "a", "", "b");
    WRAP_ASCII("\n\n", 10, "", "");
    WRAP_ASCII("\n", 10, "");
    WRAP_ASCII("a\n", 10, "a");
    WRAP_ASCII("a\n\n", 10, "a", "");
    WRAP_ASCII("one two\nthree", 5, "one", "two", "three");
    WRAP_ASCII("one two\nthree", 3, "one", "two", "thr", "ee");
    WRAP_ASCII("ab  \n  cd", 10, "ab", "  cd");
}

static void test_greedy_breaks(void **state)
{
    (void)state;
    WRAP_ASCII("abc def", 3, "abc", "def");
    WRAP_ASCII("abc def", 6, "abc", "def");
    WRAP_ASCII("abc def", 7, "abc def");
    WRAP_ASCII("a b c d e", 3, "a b", "c d", "e");
}

static void test_long_word(void **state)
{
    (void)state;
    /* a word that does not fit starts a new line, and is broken only if wider than a line */
    WRAP_ASCII("ab cdefghij", 5, "ab", "cdefg", "hij");
    WRAP_ASCII("a verylongwordhere b", 4, "a", "very", "long", "word", "here", "b");
    WRAP_ASCII("abcdef", 1, "a", "b", "c", "d", "e", "f");
    /* a width below 1 counts as 1 */
    WRAP_ASCII("ab", 0, "a", "b");
}

static void test_wide_chars(void **state)
{
    (void)state;
    /* a 2-column character that would take the last column moves to the next line */
    WRAP_W(ZHONG WEN ZI, 5, W(4, 2), ZHONG WEN, ZI);
    WRAP_W(ZHONG WEN ZI, 4, W(4, 2), ZHONG WEN, ZI);
    WRAP_W(ZHONG WEN ZI, 3, W(2, 2, 2), ZHONG, WEN, ZI);
    WRAP_W("a" ZHONG, 2, W(1, 2), "a", ZHONG);
    WRAP_W("ab" ZHONG "c", 3, W(2, 3), "ab", ZHONG "c");
    /* width 1: each wide character on a line of its own, overflowing to 2 columns */
    WRAP_W(ZHONG WEN, 1, W(2, 2), ZHONG, WEN);
    WRAP_W(ZHONG " " WEN, 1, W(2, 2), ZHONG, WEN);
    WRAP_W("a" ZHONG "b", 1, W(1, 2, 1), "a", ZHONG, "b");
}

static void test_combining_chars(void **state)
{
    (void)state;
    /* e + U+0301 is one column and is never split */
    WRAP_W("e" ACUTE "e" ACUTE "e" ACUTE, 2, W(2, 1), "e" ACUTE "e" ACUTE, "e" ACUTE);
    WRAP_W("e" ACUTE ACUTE "x", 1, W(1, 1), "e" ACUTE ACUTE, "x");
    WRAP_W(ZHONG ACUTE WEN, 3, W(2, 2), ZHONG ACUTE, WEN);
    /* past the edge already (a wide character at width 1), the mark still stays with it */
    WRAP_W(ZHONG ACUTE "x", 1, W(2, 1), ZHONG ACUTE, "x");
    /* a space carrying a mark is a character, not a place to break */
    WRAP_W("ab " ACUTE "cd ef", 4, W(4, 4), "ab " ACUTE "c", "d ef");
    WRAP_W("caf\xc3\xa9 cre" ACUTE "me", 5, W(4, 5), "caf\xc3\xa9", "cre" ACUTE "me");
}

static void test_en_dash(void **state)
{
    (void)state;
    /* From the guide: 42 columns in 44 bytes. At 32 columns the dash still fits on the first
     * line (a byte count would have said 34); at 31 it moves down. */
    static const char cert[] = "AWS Certified Machine Learning " ENDASH " Specialty";
    WRAP_W(cert, 32, W(32, 9), "AWS Certified Machine Learning " ENDASH, "Specialty");
    WRAP_W(cert, 31, W(30, 11), "AWS Certified Machine Learning", ENDASH " Specialty");
    WRAP_W(cert, 42, W(42), "AWS Certified Machine Learning " ENDASH " Specialty");
}

/* Large inputs: finishing at all (within the test timeout) is what O(n) buys; the line counts
 * are exact. */
static void test_large_inputs(void **state)
{
    (void)state;
    size_t len = 4u << 20;
    char *s = malloc(len);
    assert_non_null(s);
    memset(s, 'x', len);
    struct text_line *lines;
    size_t n = text_wrap(s, len, 80, &lines);
    assert_int_equal(n, (len + 79) / 80);
    assert_int_equal(lines[n - 1].start + lines[n - 1].len, len);
    free(lines);
    /* "ab " repeated: 27 words ("ab ab ... ab", 27 * 2 + 26 = 80 columns) per line */
    for (size_t i = 0; i < len; i++) {
        s[i] = (i % 3 == 2) ? ' ' : (char)('a' + i % 3);
    }
    n = text_wrap(s, len, 80, &lines);
    size_t words = len / 3 + (len % 3 != 0);
    assert_int_equal(n, (words + 26) / 27);
    assert_int_equal(lines[0].width, 80);
    free(lines);
    free(s);
}

static void test_fit(void **state)
{
    (void)state;
    int cols = -1;
    assert_int_equal(text_fit("hello", 5, 3, &cols), 3);
    assert_int_equal(cols, 3);
    assert_int_equal(text_fit("hello", 5, 10, &cols), 5);
    assert_int_equal(cols, 5);
    assert_int_equal(text_fit("hello", 5, 0, &cols), 0);
    assert_int_equal(cols, 0);
    assert_int_equal(text_fit("hello", 5, -4, &cols), 0);
    assert_int_equal(cols, 0);
    assert_int_equal(text_fit("", 0, 5, NULL), 0);
    /* a wide character needing one column more is left out, whole */
    assert_int_equal(text_fit(ZHONG WEN, 6, 3, &cols), 3);
    assert_int_equal(cols, 2);
    assert_int_equal(text_fit(ZHONG WEN, 6, 1, &cols), 0);
    assert_int_equal(cols, 0);
    assert_int_equal(text_fit(ZHONG WEN, 6, 4, &cols), 6);
    assert_int_equal(cols, 4);
    /* marks come along with their base */
    assert_int_equal(text_fit("e" ACUTE "x", 4, 1, &cols), 3);
    assert_int_equal(cols, 1);
    assert_int_equal(text_fit("a" ENDASH "b", 5, 2, &cols), 4);
    assert_int_equal(cols, 2);
    /* stops at a line break */
    assert_int_equal(text_fit("abc\ndef", 7, 10, &cols), 3);
    assert_int_equal(cols, 3);
}

static bool is_mark(const char *s, size_t len)
{
    uint32_t cp;
    text_utf8_decode(s, len, &cp);
    return cp == 0x301;
}

static void test_fit_never_splits(void **state)
{
    (void)state;
    static const char s[] = "a" ZHONG "e" ACUTE ACUTE ENDASH WEN "b" ZI "c" ACUTE;
    size_t len = sizeof s - 1;
    int total = text_width(s, len);
    assert_int_equal(total, 1 + 2 + 1 + 1 + 2 + 1 + 2 + 1);
    size_t prev = 0;
    for (int max = 0; max <= total + 2; max++) {
        int cols;
        size_t k = text_fit(s, len, max, &cols);
        assert_true(k >= prev); /* more columns never fit less */
        prev = k;
        assert_true(cols <= max);
        assert_int_equal(cols, text_width(s, k));
        assert_true(text_utf8_valid(s, k, NULL)); /* no sequence cut */
        if (k < len) {
            assert_false(is_mark(s + k, len - k)); /* no mark left behind */
            /* the next character would not fit: its width is the fewest columns that fit it */
            int next_cols = 0;
            while (text_fit(s + k, len - k, next_cols, NULL) == 0) {
                next_cols++;
            }
            assert_true(cols + next_cols > max);
        } else {
            assert_int_equal(cols, total);
        }
    }
}

/* A cut before an ellipsis ends at a word when one ends in the last half, without a word of
 * punctuation alone; a short word is cut where it must be. */
static void test_fit_words(void **state)
{
    (void)state;
    const char *s = "Learn Git and basic software engineering practices";
    assert_int_equal(text_fit_words(s, strlen(s), 100), strlen(s)); /* it fits: all of it */
    assert_int_equal(text_fit_words(s, strlen(s), 43),
                     strlen("Learn Git and basic software engineering"));
    assert_int_equal(text_fit_words(s, strlen(s), 40),
                     strlen("Learn Git and basic software engineering"));
    assert_int_equal(text_fit_words(s, strlen(s), 39), strlen("Learn Git and basic software"));
    assert_int_equal(text_fit_words(s, strlen(s), 4), 4); /* "Lear": no word ends in time */
    const char *p = "Production & MLOps Focus";
    assert_int_equal(text_fit_words(p, strlen(p), 17), strlen("Production"));
    assert_int_equal(text_fit_words(p, strlen(p), 12), strlen("Production"));
    const char *l = "Lamp & Tower Basics";
    assert_int_equal(text_fit_words(l, strlen(l), 17), strlen("Lamp & Tower"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paragraph_widths),
        cmocka_unit_test(test_paragraph_start),
        cmocka_unit_test(test_empty_and_spaces),
        cmocka_unit_test(test_paragraphs),
        cmocka_unit_test(test_greedy_breaks),
        cmocka_unit_test(test_long_word),
        cmocka_unit_test(test_wide_chars),
        cmocka_unit_test(test_combining_chars),
        cmocka_unit_test(test_en_dash),
        cmocka_unit_test(test_large_inputs),
        cmocka_unit_test(test_fit),
        cmocka_unit_test(test_fit_never_splits),
        cmocka_unit_test(test_fit_words),
    };
    return cmocka_run_group_tests(tests, setup_locale, NULL);
}
