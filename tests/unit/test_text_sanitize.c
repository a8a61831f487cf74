/* SPDX-License-Identifier: MIT */
/* Unit tests for text_sanitize() and text_width(): every control class, escape sequences,
 * bidi and zero-width characters, invalid UTF-8, orphaned combining marks, TEXT_ASCII and
 * TEXT_ONE_LINE, and two properties over a table of nasty inputs plus generated ones:
 * idempotence, and "only printable code points remain and their widths add up". */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "text.h"

/* UTF-8 encodings of what the sanitiser writes, spelled out byte by byte so the expected
 * values do not come from the code under test. */
#define FFFD    "\xef\xbf\xbd" /* U+FFFD */
#define DOTTED  "\xe2\x97\x8c" /* U+25CC */
#define PIC_ESC "\xe2\x90\x9b" /* U+241B */
#define PIC_BEL "\xe2\x90\x87" /* U+2407 */
#define PIC_DEL "\xe2\x90\xa1" /* U+2421 */
#define ACUTE   "\xcc\x81"     /* U+0301 COMBINING ACUTE ACCENT */
#define HAN     "\xe4\xb8\xad" /* U+4E2D, a wide (2-column) character */
#define ENDASH  "\xe2\x80\x93" /* U+2013 */

static int setup_locale(void **state)
{
    (void)state;
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
        fprintf(stderr, "the C.UTF-8 locale is not available\n");
        return -1;
    }
    return 0;
}

static void check_san(const char *in, size_t in_len, unsigned flags, const char *want,
                      size_t want_len)
{
    size_t n = 12345;
    char *out = text_sanitize(in, in_len, flags, &n);
    assert_non_null(out);
    assert_int_equal(n, want_len);
    assert_memory_equal(out, want, want_len);
    assert_int_equal(out[n], '\0');
    free(out);
}

/* For string literals: lengths come from sizeof, so embedded NULs count. */
#define CHECK(in, flags, want) check_san(in, sizeof(in) - 1, flags, want, sizeof(want) - 1)

static void test_plain_ascii_unchanged(void **state)
{
    (void)state;
    CHECK("Master Python programming", 0, "Master Python programming");
    CHECK("two\nlines\n", 0, "two\nlines\n");
    CHECK("two\nlines\n", TEXT_ONE_LINE, "two lines ");
    CHECK("", 0, "");
    /* out_len may be NULL */
    char *out = text_sanitize("abc", 3, 0, NULL);
    assert_string_equal(out, "abc");
    free(out);
}

static void test_long_plain_copy(void **state)
{
    (void)state;
    size_t len = 1u << 20;
    char *in = malloc(len);
    assert_non_null(in);
    for (size_t i = 0; i < len; i++) {
        in[i] = (i % 61 == 60) ? '\n' : (char)(' ' + i % 95);
    }
    size_t n;
    char *out = text_sanitize(in, len, 0, &n);
    assert_int_equal(n, len);
    assert_memory_equal(out, in, len);
    free(out);
    free(in);
}

static void test_every_c0_control(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 0x20; c++) {
        char in[3] = {'a', (char)c, 'b'};
        if (c == '\n') {
            check_san(in, 3, 0, "a\nb", 3);
            check_san(in, 3, TEXT_ONE_LINE, "a b", 3);
        } else if (c == '\t') {
            check_san(in, 3, 0, "a b", 3);
        } else {
            /* U+2400 + c is E2 90 (80 + c) for c < 0x40 */
            char want[5] = {'a', '\xe2', '\x90', (char)(0x80 + c), 'b'};
            check_san(in, 3, 0, want, 5);
            check_san(in, 3, TEXT_ASCII, "a?b", 3);
        }
    }
    CHECK("over\rwrite", 0, "over\xe2\x90\x8dwrite");
    CHECK("back\bspace", 0, "back\xe2\x90\x88space");
    CHECK("nul\0byte", 0,
          "nul\xe2\x90\x80"
          "byte");
}

static void test_del(void **state)
{
    (void)state;
    CHECK("a\x7f"
          "b",
          0, "a" PIC_DEL "b");
    CHECK("a\x7f"
          "b",
          TEXT_ASCII, "a?b");
}

static void test_every_c1_control(void **state)
{
    (void)state;
    for (unsigned c = 0x80; c <= 0x9f; c++) {
        char in[4] = {'a', '\xc2', (char)c, 'b'}; /* U+0080..U+009F encoded properly */
        check_san(in, 4, 0, "a" FFFD "b", 5);
        check_san(in, 4, TEXT_ASCII, "a?b", 3);
    }
    /* CSI as C1: U+009B encoded, and the raw 8-bit byte (invalid UTF-8 on its own) */
    CHECK("\xc2\x9b"
          "31mred",
          0, FFFD "31mred");
    CHECK("\x9b"
          "31mred",
          0, FFFD "31mred");
    CHECK("\xc2\x85"
          "next",
          0, FFFD "next"); /* NEL */
}

static void test_escape_sequences(void **state)
{
    (void)state;
    /* The ESC becomes visible; the rest of the sequence is inert text. */
    CHECK("\x1b[2J\x1b[H", 0, PIC_ESC "[2J" PIC_ESC "[H");
    CHECK("\x1b[31mred\x1b[0m", 0, PIC_ESC "[31mred" PIC_ESC "[0m");
    /* OSC to set the title, terminated by BEL, and OSC 8 hyperlink terminated by ST */
    CHECK("\x1b]0;pwned\x07", 0, PIC_ESC "]0;pwned" PIC_BEL);
    CHECK("\x1b]8;;http://e.x/\x1b\\link", 0, PIC_ESC "]8;;http://e.x/" PIC_ESC "\\link");
    /* DCS and a C1 OSC */
    CHECK("\x1bPq#0\x1b\\", 0, PIC_ESC "Pq#0" PIC_ESC "\\");
    CHECK("\xc2\x9d"
          "0;t\xc2\x9c",
          0, FFFD "0;t" FFFD);
    CHECK("\x1b[2J", TEXT_ASCII, "?[2J");
}

static void test_bidi_controls(void **state)
{
    (void)state;
    static const char *const bidi[] = {
        "\xd8\x9c",                                                     /* U+061C */
        "\xe2\x80\x8e", "\xe2\x80\x8f",                                 /* U+200E-200F */
        "\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", /* U+202A-202D */
        "\xe2\x80\xae",                                                 /* U+202E */
        "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9", /* U+2066-2069 */
    };
    for (size_t i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
        char in[16];
        int len = snprintf(in, sizeof in, "a%sb", bidi[i]);
        check_san(in, (size_t)len, 0, "a" FFFD "b", 5);
        check_san(in, (size_t)len, TEXT_ASCII, "a?b", 3);
    }
    /* The "Trojan Source" shape: an override that would make the text read backwards */
    CHECK("access\u202e \u2066// check\u2069 \u2066", 0,
          "access" FFFD " " FFFD "// check" FFFD " " FFFD);
}

static void test_zero_width_dropped(void **state)
{
    (void)state;
    static const char *const zw[] = {
        "\xe2\x80\x8b", "\xe2\x80\x8c", "\xe2\x80\x8d", /* U+200B-200D */
        "\xe2\x81\xa0",                                 /* U+2060 */
        "\xef\xbb\xbf",                                 /* U+FEFF */
        "\xe1\xa0\x8e",                                 /* U+180E */
        "\xc2\xad",                                     /* U+00AD */
    };
    for (size_t i = 0; i < sizeof zw / sizeof zw[0]; i++) {
        char in[16];
        int len = snprintf(in, sizeof in, "pass%sword", zw[i]);
        check_san(in, (size_t)len, 0, "password", 8);
        check_san(in, (size_t)len, TEXT_ASCII, "password", 8);
    }
    CHECK("\xef\xbb\xbf"
          "BOM first",
          0, "BOM first");
}

/* Every format and default-ignorable code point goes, by the table generated from the Unicode
 * data (TERM-3): tag characters, variation selectors after a letter, the Arabic number signs,
 * interlinear annotation, Hangul fillers, shorthand format controls, the reserved ranges. A
 * presentation selector after an emoji stays. */
static void test_format_characters_dropped(void **state)
{
    (void)state;
    static const uint32_t cps[] = {
        0x0600,  0x06dd,  0x070f,  0x115f,  0x1160,  0x17b4,  0x180b,  0x2061,  0x2064,  0x206a,
        0x3164,  0xfe00,  0xfe0f,  0xfff9,  0xfffb,  0xffa0,  0x110bd, 0x13430, 0x1bca0, 0x1d173,
        0xe0001, 0xe0020, 0xe0041, 0xe007f, 0xe0100, 0xe01ef, 0xe0fff, 0x034f,
    };
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char in[16] = "ab";
        size_t n = 2 + text_utf8_encode(cps[i], in + 2);
        in[n++] = 'c';
        check_san(in, n, 0, "abc", 3);
        check_san(in, n, TEXT_ASCII, "abc", 3);
    }
    /* U+1F600 then U+FE0F: kept; a digit's keycap selector too; after a letter it goes. */
    CHECK("\xf0\x9f\x98\x80\xef\xb8\x8f!", 0, "\xf0\x9f\x98\x80\xef\xb8\x8f!");
    CHECK("1\xef\xb8\x8f", 0, "1\xef\xb8\x8f");
    CHECK("a\xef\xb8\x8f", 0, "a");
    CHECK("\xef\xb8\x8f"
          "a",
          0, "a");
    CHECK("\xf0\x9f\x98\x80\xef\xb8\x8f\xef\xb8\x8f", 0, "\xf0\x9f\x98\x80\xef\xb8\x8f");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    CHECK("\xff", 0, FFFD);
    CHECK("a\xfe\xff"
          "b",
          0, "a" FFFD FFFD "b");
    CHECK("\xc0\xaf", 0, FFFD FFFD);                   /* overlong '/' */
    CHECK("\xe0\x80\xaf", 0, FFFD FFFD FFFD);          /* overlong '/', three bytes */
    CHECK("\xc1\xbf", 0, FFFD FFFD);                   /* overlong DEL */
    CHECK("\xed\xa0\x80", 0, FFFD FFFD FFFD);          /* surrogate U+D800 */
    CHECK("\xed\xbf\xbf", 0, FFFD FFFD FFFD);          /* surrogate U+DFFF */
    CHECK("\xf4\x90\x80\x80", 0, FFFD FFFD FFFD FFFD); /* above U+10FFFF */
    CHECK("x\xe4\xb8", 0, "x" FFFD FFFD);              /* truncated at the end */
    CHECK("\xe4\xb8x", 0, FFFD FFFD "x");              /* truncated, then ASCII */
    CHECK("\xe4" HAN, 0, FFFD HAN);                    /* resynchronises on the next lead byte */
    CHECK("\x80\xbf", 0, FFFD FFFD);                   /* lone continuation bytes */
    CHECK("\xc0\xaf\xff", TEXT_ASCII, "???");
}

/* text_utf8_valid() finds the first invalid byte wherever it is among ASCII runs of any length
 * (its fast paths take eight and sixteen bytes at once), and passes valid text around them. */
static void test_utf8_valid_position(void **state)
{
    (void)state;
    char s[81];
    for (size_t run = 0; run < 40; run++) {
        for (size_t len = run + 1; len < sizeof s; len += 7) {
            memset(s, 'a', len);
            s[len] = (char)0xff; /* past the end: never read */
            assert_true(text_utf8_valid(s, len, NULL));
            if (run + 2 <= len) {
                memcpy(s + run, "\xc3\xa9", 2); /* a valid character past ASCII */
                assert_true(text_utf8_valid(s, len, NULL));
            }
            s[run] = (char)0xff;
            size_t bad = SIZE_MAX;
            assert_false(text_utf8_valid(s, len, &bad));
            assert_int_equal(bad, run);
            s[run] = (char)0xe4; /* a character cut off by the end or by ASCII */
            bad = SIZE_MAX;
            assert_false(text_utf8_valid(s, len, &bad));
            assert_int_equal(bad, run);
        }
    }
}

static void test_nonprintable_code_points(void **state)
{
    (void)state;
    /* wcwidth() calls these non-printable: unassigned U+0378, LINE SEPARATOR, noncharacters */
    CHECK("a\xcd\xb8"
          "b",
          0, "a" FFFD "b");
    CHECK("a\xe2\x80\xa8"
          "b",
          0, "a" FFFD "b");
    CHECK("a\xef\xbf\xbe\xef\xbf\xbf"
          "b",
          0, "a" FFFD FFFD "b");
    /* printable non-ASCII is kept as it is */
    CHECK("caf\u00e9 " HAN " " ENDASH " \U0001F600", 0, "caf\u00e9 " HAN " " ENDASH " \U0001F600");
}

static void test_combining_marks(void **state)
{
    (void)state;
    CHECK("e" ACUTE, 0, "e" ACUTE);                       /* attached: kept */
    CHECK(ACUTE "a", 0, DOTTED ACUTE "a");                /* at the start: gets a base */
    CHECK("a\n" ACUTE "b", 0, "a\n" DOTTED ACUTE "b");    /* after '\n': gets a base */
    CHECK(ACUTE ACUTE, 0, DOTTED ACUTE ACUTE);            /* one base for the cluster */
    CHECK("\u200b" ACUTE, 0, DOTTED ACUTE);               /* only a dropped char before */
    CHECK("a\n" ACUTE, TEXT_ONE_LINE, "a " DOTTED ACUTE); /* the line started there */
    CHECK("\x01" ACUTE, 0, "\xe2\x90\x81" ACUTE);         /* the placeholder is its base */
    CHECK("\t" ACUTE, 0, " " ACUTE);                      /* so is the space from a TAB */
    CHECK("\xff" ACUTE, 0, FFFD ACUTE);                   /* and U+FFFD */
    CHECK(ACUTE "e" ACUTE, TEXT_ASCII, "?e?");            /* ASCII: one '?' each, no base */
}

static void test_ascii_mode(void **state)
{
    (void)state;
    CHECK("caf\u00e9 " HAN "\n" ENDASH "\x1b[0m\xff\u202e", TEXT_ASCII, "caf? ?\n??[0m??");
    CHECK("a\nb", TEXT_ASCII | TEXT_ONE_LINE, "a b");
    CHECK("plain", TEXT_ASCII, "plain");
}

/* Inputs meant to hurt: every class above, mixed, at the edges of the text. */
static const struct nasty {
    const char *s;
    size_t len;
} nasty[] = {
#define N(x)                                                                                       \
    {                                                                                              \
        x, sizeof(x) - 1                                                                           \
    }
    N(""),
    N("\n"),
    N("\n\n\n"),
    N(ACUTE),
    N("\n" ACUTE),
    N("\u200b\u200d" ACUTE ACUTE "\n\xc2\xad" ACUTE),
    N("\x1b]0;title\x07\x1b[2J\x1b[?1049h"),
    N("\xc2\x9b"
      "6n\x9b"
      "6n\x9d"
      "0;x\x9c"),
    N("\r\b\x7f\t\v\f\x00\x01\x1f"),
    N("\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"),
    N("\xed\xa0\x80\xed\xb0\x80\xc0\x80\xe0\x80\x80\xf0\x80\x80\x80\xf8\x88\x80\x80\x80"),
    N("\xe4\xb8"),
    N("\xf0\x9f\x98"),
    N("\xef\xbf\xbd\xe2\x97\x8c\xe2\x90\x9b\xe2\x90\xa1"),
    N(HAN HAN ACUTE "\n" HAN),
    N("\xef\xbb\xbf\xef\xbb\xbf" ACUTE),
    N("a\n\xe2\x80\x8b\n" ACUTE),
    N("\xe2\x80\xa8\xe2\x80\xa9\xef\xbf\xbe\xf4\x8f\xbf\xbf"),
    N("\xcd\xb8\xcc\x81"),
    N("AWS Certified Machine Learning " ENDASH " Specialty"),
#undef N
};

static const unsigned all_flags[] = {0, TEXT_ONE_LINE, TEXT_ASCII, TEXT_ONE_LINE | TEXT_ASCII};

static void check_idempotent(const char *s, size_t len, unsigned flags)
{
    size_t n1, n2;
    char *once = text_sanitize(s, len, flags, &n1);
    char *twice = text_sanitize(once, n1, flags, &n2);
    assert_int_equal(n2, n1);
    assert_memory_equal(twice, once, n1);
    free(once);
    free(twice);
}

static bool is_forbidden(uint32_t cp)
{
    return (cp < 0x20 && cp != '\n') || (cp >= 0x7f && cp <= 0x9f) || cp == 0x00ad ||
           cp == 0x061c || cp == 0x180e || (cp >= 0x200b && cp <= 0x200f) ||
           (cp >= 0x202a && cp <= 0x202e) || cp == 0x2060 || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0xfeff;
}

/* The output property: valid UTF-8, nothing forbidden, every code point printable, no mark
 * first on a line, and text_width() equal to the sum of wcwidth() over the code points. */
static void check_output_property(const char *s, size_t len, unsigned flags)
{
    size_t n;
    char *out = text_sanitize(s, len, flags, &n);
    assert_true(text_utf8_valid(out, n, NULL));
    assert_int_equal(strlen(out), n);
    int sum = 0;
    bool line_start = true;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += text_utf8_decode(out + i, n - i, &cp);
        assert_false(is_forbidden(cp));
        if ((flags & TEXT_ONE_LINE) != 0) {
            assert_int_not_equal(cp, '\n');
        }
        if ((flags & TEXT_ASCII) != 0) {
            assert_true(cp == '\n' || (cp >= 0x20 && cp < 0x7f));
        }
        if (cp == '\n') {
            line_start = true;
            continue;
        }
        int w = wcwidth((wchar_t)cp);
        assert_true(w >= 0);
        assert_false(line_start && w == 0);
        line_start = false;
        sum += w;
    }
    assert_int_equal(text_width(out, n), sum);
    free(out);
}

static void test_nasty_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
        for (size_t f = 0; f < sizeof all_flags / sizeof all_flags[0]; f++) {
            check_idempotent(nasty[i].s, nasty[i].len, all_flags[f]);
            check_output_property(nasty[i].s, nasty[i].len, all_flags[f]);
        }
    }
}

/* Deterministic generated inputs: fragments of the nasty classes and random bytes glued
 * together, so sequences meet each other at every boundary. */
static void test_generated_inputs(void **state)
{
    (void)state;
    static const char *const frag[] = {
        "a",        " ",
        "\n",       "\t",
        "\r",       "\x1b",
        "[",        "\x7f",
        "\xc2\x9b", "\x9b",
        ACUTE,      HAN,
        ENDASH,     "\u200b",
        "\u202e",   "\u2066",
        "\xc2\xad", "\xef\xbb\xbf",
        "\xff",     "\xe4\xb8",
        "\xed\xa0", "\xf0\x9f\x98\x80",
        "\xcd\xb8", "\xe2\x97\x8c",
        FFFD,       "\xe2\x90\x9b",
    };
    size_t nfrag = sizeof frag / sizeof frag[0];
    uint32_t seed = 12345;
    char buf[256];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        int pieces = (int)(seed >> 16) % 24;
        for (int p = 0; p < pieces; p++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            if (r % 4 == 0) {
                buf[len++] = (char)(r >> 2);
            } else {
                const char *f = frag[(r >> 2) % nfrag];
                size_t fl = strlen(f);
                memcpy(buf + len, f, fl);
                len += fl;
            }
        }
        for (size_t f = 0; f < sizeof all_flags / sizeof all_flags[0]; f++) {
            check_idempotent(buf, len, all_flags[f]);
            check_output_property(buf, len, all_flags[f]);
        }
    }
}

static void test_width(void **state)
{
    (void)state;
    assert_int_equal(text_width("", 0), 0);
    assert_int_equal(text_width("abc", 3), 3);
    assert_int_equal(text_width(HAN HAN, 6), 4);
    assert_int_equal(text_width("e" ACUTE, 3), 1);
    assert_int_equal(text_width(ENDASH, 3), 1);
    assert_int_equal(text_width("a\nb", 3), 2);
    /* "AWS Certified Machine Learning – Specialty": 42 characters, each one column */
    static const char line[] = "AWS Certified Machine Learning " ENDASH " Specialty";
    assert_int_equal(text_width(line, sizeof line - 1), 42);
    /* unsanitised input still measures: an invalid byte counts as the U+FFFD it will become */
    assert_int_equal(text_width("\xff\xfe", 2), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_ascii_unchanged),
        cmocka_unit_test(test_long_plain_copy),
        cmocka_unit_test(test_every_c0_control),
        cmocka_unit_test(test_del),
        cmocka_unit_test(test_every_c1_control),
        cmocka_unit_test(test_escape_sequences),
        cmocka_unit_test(test_bidi_controls),
        cmocka_unit_test(test_zero_width_dropped),
        cmocka_unit_test(test_format_characters_dropped),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_utf8_valid_position),
        cmocka_unit_test(test_nonprintable_code_points),
        cmocka_unit_test(test_combining_marks),
        cmocka_unit_test(test_ascii_mode),
        cmocka_unit_test(test_nasty_table),
        cmocka_unit_test(test_generated_inputs),
        cmocka_unit_test(test_width),
    };
    return cmocka_run_group_tests(tests, setup_locale, NULL);
}
