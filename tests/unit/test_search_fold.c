/* SPDX-License-Identifier: MIT */
/* Folding: case pairs per script, accents, special letters, whitespace, wide characters and
 * invalid UTF-8. Expected strings are written out by hand from the Unicode case pairs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "search.h"

static void assert_folds(const char *in, const char *want)
{
    size_t len;
    char *got = search_fold(in, strlen(in), &len);
    assert_string_equal(got, want);
    assert_int_equal(len, strlen(want));
    free(got);
}

static void test_ascii_case(void **state)
{
    (void)state;
    assert_folds("Hello WORLD 42!", "hello world 42!");
    assert_folds("", "");
}

static void test_whitespace_becomes_space(void **state)
{
    (void)state;
    assert_folds("a\tb\nc\rd", "a b c d");
    assert_folds("a\xc2\xa0"
                 "b",
                 "a b"); /* U+00A0 no-break space */
}

static void test_latin1(void **state)
{
    (void)state;
    assert_folds("\xc3\x80\xc3\x89\xc3\x8e\xc3\x95\xc3\x9c\xc3\x87\xc3\x91", "aeiouc"
                                                                             "n"); /* ÀÉÎÕÜÇÑ */
    assert_folds("\xc3\xa0\xc3\xa9\xc3\xae\xc3\xb5\xc3\xbc\xc3\xa7\xc3\xb1",
                 "aeioucn"); /* àéîõüçñ */
    assert_folds("R\xc3\xa9sum\xc3\xa9", "resume");
    assert_folds("\xc3\xa6 \xc3\x86", "ae ae");             /* æ Æ */
    assert_folds("\xc3\xb8 \xc3\x98", "o o");               /* ø Ø */
    assert_folds("\xc3\xbe \xc3\xb0", "th d");              /* þ ð */
    assert_folds("\xc3\x97 \xc3\xb7", "\xc3\x97 \xc3\xb7"); /* × ÷ are not letters */
}

static void test_sharp_s(void **state)
{
    (void)state;
    assert_folds("Stra\xc3\x9f"
                 "e",
                 "strasse"); /* Straße */
    assert_folds("STRA\xe1\xba\x9e"
                 "E",
                 "strasse"); /* STRAẞE, capital sharp s U+1E9E */
}

static void test_latin_extended(void **state)
{
    (void)state;
    assert_folds("\xc5\x81\xc3\xb3\x64\xc5\xba", "lodz");     /* Łódź */
    assert_folds("\xc5\x93 \xc5\x92", "oe oe");               /* œ Œ */
    assert_folds("\xc4\x9e\xc4\x9f\xc5\x90\xc5\x91", "ggoo"); /* ĞğŐő */
    assert_folds("\xc4\xb0", "i");                            /* İ */
    assert_folds("\xc8\x98\xc8\x99\xc8\x9a\xc8\x9b", "sstt"); /* ȘșȚț (Extended-B) */
    assert_folds("\xc7\x8d\xc7\x8e", "aa");                   /* Ǎǎ (Extended-B) */
    assert_folds("\xc7\x84", "dz");                           /* Ǆ */
    assert_folds("\xe1\xbb\x87", "e");                        /* ệ (Vietnamese) */
}

static void test_greek(void **state)
{
    (void)state;
    /* ΑΒΓΔ -> αβγδ */
    assert_folds("\xce\x91\xce\x92\xce\x93\xce\x94", "\xce\xb1\xce\xb2\xce\xb3\xce\xb4");
    /* ΟΔΟΣ and οδός (final sigma, tonos) both -> οδοσ */
    const char *odos = "\xce\xbf\xce\xb4\xce\xbf\xcf\x83";
    assert_folds("\xce\x9f\xce\x94\xce\x9f\xce\xa3", odos);
    assert_folds("\xce\xbf\xce\xb4\xcf\x8c\xcf\x82", odos);
    /* Ά έ ώ ΐ -> α ε ω ι */
    assert_folds("\xce\x86 \xce\xad \xcf\x8e \xce\x90", "\xce\xb1 \xce\xb5 \xcf\x89 \xce\xb9");
}

static void test_cyrillic(void **state)
{
    (void)state;
    /* ПРИВЕТ -> привет */
    assert_folds("\xd0\x9f\xd0\xa0\xd0\x98\xd0\x92\xd0\x95\xd0\xa2",
                 "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
    /* Ёлка and ёлка -> елка */
    const char *elka = "\xd0\xb5\xd0\xbb\xd0\xba\xd0\xb0";
    assert_folds("\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0", elka);
    assert_folds("\xd1\x91\xd0\xbb\xd0\xba\xd0\xb0", elka);
    /* Й is a letter of its own: it folds to й, not to и */
    assert_folds("\xd0\x99", "\xd0\xb9");
}

static void test_combining_marks_dropped(void **state)
{
    (void)state;
    assert_folds("Cafe\xcc\x81", "cafe");             /* e + U+0301 */
    assert_folds("n\xcc\x83o\xcc\x88\xcc\x81", "no"); /* several marks */
}

static void test_wide_and_other_characters_unchanged(void **state)
{
    (void)state;
    assert_folds("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
    assert_folds("\xf0\x9f\x9a\x80", "\xf0\x9f\x9a\x80"); /* an emoji */
    /* fullwidth Ｔ folds to fullwidth ｔ, not to ASCII */
    assert_folds("\xef\xbc\xb4", "\xef\xbd\x94");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    assert_folds("\xff", "\xef\xbf\xbd");
    assert_folds("a\xc3", "a\xef\xbf\xbd");                               /* truncated */
    assert_folds("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");                 /* overlong '/' */
    assert_folds("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* a surrogate */
}

static void test_fold_char_lengths(void **state)
{
    (void)state;
    char out[SEARCH_FOLD_MAX];
    size_t n;
    assert_int_equal(search_fold_char("\xc3\xa9x", 3, out, &n), 2); /* é */
    assert_int_equal(n, 1);
    assert_int_equal(out[0], 'e');
    assert_int_equal(search_fold_char("\xcc\x81", 2, out, &n), 2); /* U+0301 */
    assert_int_equal(n, 0);
    assert_int_equal(search_fold_char("\xff", 1, out, &n), 1);
    assert_int_equal(n, 3);
}

static void test_idempotent(void **state)
{
    (void)state;
    const char *s = "Stra\xc3\x9f"
                    "e \xce\x9f\xce\x94\xce\x9f\xce\xa3 \xd0\x81 \xc3\x86 \xff";
    size_t n1, n2;
    char *once = search_fold(s, strlen(s), &n1);
    char *twice = search_fold(once, n1, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(once, twice, n1);
    free(once);
    free(twice);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_case),
        cmocka_unit_test(test_whitespace_becomes_space),
        cmocka_unit_test(test_latin1),
        cmocka_unit_test(test_sharp_s),
        cmocka_unit_test(test_latin_extended),
        cmocka_unit_test(test_greek),
        cmocka_unit_test(test_cyrillic),
        cmocka_unit_test(test_combining_marks_dropped),
        cmocka_unit_test(test_wide_and_other_characters_unchanged),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_fold_char_lengths),
        cmocka_unit_test(test_idempotent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
