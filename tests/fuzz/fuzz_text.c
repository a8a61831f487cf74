/* SPDX-License-Identifier: MIT */
/* Fuzzes the terminal sanitiser and the width-aware wrapper (src/base/text.h), with the
 * properties of TERM-1 checked on every input.
 *
 * Input: byte 0 chooses the flags (bit 0 TEXT_ONE_LINE, bit 1 TEXT_ASCII), byte 1 the wrap
 * width (byte - 2, so widths below 1 are reached too); the rest is the text.
 *
 * Properties: sanitising is idempotent; its output is valid UTF-8, NUL-free, without C0 (but
 * '\n'), DEL, C1, bidi or zero-width code points, every code point printable (wcwidth >= 0),
 * printable ASCII under TEXT_ASCII; the sum of wcwidth() equals text_width(); text_fit() ends on
 * a cluster boundary within its budget; the wrapped lines are in order, hold no '\n', do not
 * end in a space, have the width text_width() gives, fit the width (a single overwide cluster
 * excepted), and leave out nothing but spaces and '\n'. The raw input goes through the
 * measuring functions as well: they are total. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "fuzz_common.h"
#include "text.h"

#define FUZZ_TEXT_MAX_INPUT (256u * 1024u)

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_init_locale();
    return 0;
}

/* Sum of wcwidth() over the code points of sanitised text ('\n' counts 0). */
static long long sum_widths(const char *s, size_t len)
{
    long long w = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += text_utf8_decode(s + i, len - i, &cp);
        FUZZ_CHECK(cp != UINT32_MAX, "sanitised text decodes");
        if (cp != '\n') {
            int cw = wcwidth((wchar_t)cp);
            FUZZ_CHECK(cw >= 0, "every sanitised code point is printable");
            w += cw;
        }
    }
    return w;
}

static void check_sanitized(const char *s, size_t len, unsigned flags)
{
    FUZZ_CHECK(s[len] == '\0' && strlen(s) == len, "the output is a C string of its length");
    fuzz_check_terminal_safe(s, len, (flags & TEXT_ONE_LINE) != 0, NULL, "text_sanitize() output");
    for (size_t i = 0; (flags & TEXT_ASCII) && i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        FUZZ_CHECK((c >= 0x20 && c < 0x7f) || c == '\n', "TEXT_ASCII output is printable ASCII");
    }
    FUZZ_CHECK(sum_widths(s, len) == text_width(s, len), "text_width() sums wcwidth()");
    size_t again_len;
    char *again = text_sanitize(s, len, flags, &again_len);
    FUZZ_CHECK(again_len == len && memcmp(again, s, len) == 0, "text_sanitize() is idempotent");
    free(again);
}

static void check_fit(const char *s, size_t len, int max_cols)
{
    int cols = -1;
    size_t n = text_fit(s, len, max_cols, &cols);
    FUZZ_CHECK(n <= len && memchr(s, '\n', n) == NULL, "text_fit() stops before a newline");
    FUZZ_CHECK(cols >= 0 && cols <= (max_cols > 0 ? max_cols : 0), "text_fit() fits");
    FUZZ_CHECK(text_width(s, n) == cols, "text_fit() reports the width of what fits");
    /* One more column never fits less. */
    FUZZ_CHECK(text_fit(s, len, max_cols + 1, NULL) >= n, "text_fit() is monotonic");
}

/* The bytes between lines (and around them) are only spaces and newlines; lines are in order. */
static void check_gap(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        FUZZ_CHECK(s[i] == ' ' || s[i] == '\n', "wrapping leaves out only spaces and newlines");
    }
}

static void check_wrap(const char *s, size_t len, int width)
{
    struct text_line *lines;
    size_t n = text_wrap(s, len, width, &lines);
    int w = width < 1 ? 1 : width;
    size_t pos = 0;
    size_t newlines = 0;
    for (size_t i = 0; i < len; i++) {
        newlines += s[i] == '\n';
    }
    FUZZ_CHECK(n == 0 ? len == 0 || lines == NULL : lines != NULL, "lines come as an array");
    for (size_t i = 0; i < n; i++) {
        const struct text_line *l = &lines[i];
        FUZZ_CHECK(l->start >= pos && l->start + l->len <= len, "lines are in order");
        check_gap(s, pos, l->start);
        FUZZ_CHECK(memchr(s + l->start, '\n', l->len) == NULL, "a line holds no newline");
        FUZZ_CHECK(l->len == 0 || s[l->start + l->len - 1] != ' ', "a line never ends in a space");
        FUZZ_CHECK(text_width(s + l->start, l->len) == l->width, "a line has its width");
        if (l->width > w) {
            /* Only one cluster wider than the page may overflow, alone on its line. */
            FUZZ_CHECK(text_fit(s + l->start, l->len, w, NULL) == 0, "an overflow is one cluster");
            FUZZ_CHECK(text_fit(s + l->start, l->len, l->width, NULL) == l->len,
                       "an overflowing line is a single cluster");
        }
        pos = l->start + l->len;
    }
    check_gap(s, pos, len);
    /* Each paragraph gives at least one line (a final '\n' starts no new paragraph). */
    size_t paragraphs = len == 0 ? 0 : newlines + (s[len - 1] != '\n');
    FUZZ_CHECK(n >= paragraphs, "every paragraph has a line");
    free(lines);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_TEXT_MAX_INPUT) {
        return -1;
    }
    unsigned flags = size > 0 ? data[0] & (TEXT_ONE_LINE | TEXT_ASCII) : 0;
    int width = size > 1 ? (int)data[1] - 2 : 80;
    size_t skip = size > 2 ? 2 : size;
    char *raw = fuzz_copy(data + skip, size - skip);
    size_t rlen = size - skip;

    size_t len;
    char *s = text_sanitize(raw, rlen, flags, &len);
    check_sanitized(s, len, flags);
    check_fit(s, len, width);
    check_wrap(s, len, width);

    /* The measuring functions are total on unsanitised bytes. */
    struct text_line *raw_lines;
    (void)text_width(raw, rlen);
    (void)text_fit(raw, rlen, width, NULL);
    (void)text_wrap(raw, rlen, width, &raw_lines);
    free(raw_lines);
    free(s);
    free(raw);
    return 0;
}
