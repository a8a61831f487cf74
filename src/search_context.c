/* Drawing helpers for search results: context windows and highlight columns.
 *
 * Both walk the original text by clusters (a character and the combining marks after it), so a
 * window never starts on a detached mark and a highlight covers whole characters. Widths are
 * those of the sanitised text as include/text.h specifies it (text_sanitize() keeps printable
 * characters as they are and rewrites only control, bidi, zero-width and invalid bytes), so the
 * columns computed here from the original are the columns of what the UI draws. wcwidth()
 * needs the caller's setlocale(). */
#include "search.h"

#include <stdint.h>
#include <wchar.h>

#include "text.h"

static bool is_combining(uint32_t cp)
{
    return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
           (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
           (cp >= 0xfe20 && cp <= 0xfe2f);
}

static bool is_bidi_control(uint32_t cp)
{
    return cp == 0x61c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* Columns of one character at the start of a cluster; *printable says whether combining marks
 * may attach to it. */
static int char_cols(uint32_t cp, unsigned flags, bool *printable)
{
    *printable = false;
    if (cp == '\n') {
        return (flags & TEXT_ONE_LINE) ? 1 : 0;
    }
    if (cp == UINT32_MAX || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || is_bidi_control(cp)) {
        return 1; /* a placeholder: U+2400-U+2421, or U+FFFD */
    }
    if ((flags & TEXT_ASCII) && cp >= 0x80) {
        return 1; /* '?' */
    }
    *printable = true;
    if (is_combining(cp)) {
        return 1; /* a mark with no base gets U+25CC */
    }
    int w = wcwidth((wchar_t)cp);
    return w < 0 ? 1 : w; /* a non-printable character becomes U+FFFD */
}

/* Returns the end of the cluster that starts at i (< end) and sets *cols to its width. */
static size_t next_cluster(const char *s, size_t i, size_t end, unsigned flags, int *cols)
{
    uint32_t cp;
    bool printable;
    i += text_utf8_decode(s + i, end - i, &cp);
    *cols = char_cols(cp, flags, &printable);
    if (!printable || (flags & TEXT_ASCII)) {
        return i;
    }
    while (i < end) {
        size_t k = text_utf8_decode(s + i, end - i, &cp);
        if (cp == UINT32_MAX || !is_combining(cp)) {
            break;
        }
        i += k;
    }
    return i;
}

static size_t span_cols(const char *s, size_t from, size_t to)
{
    size_t cols = 0;
    while (from < to) {
        int c;
        from = next_cluster(s, from, to, TEXT_ONE_LINE, &c);
        cols += (size_t)c;
    }
    return cols;
}

/* The first cluster boundary in [from, to] with at least `skip` columns before it. */
static size_t skip_cols(const char *s, size_t from, size_t to, size_t skip)
{
    size_t cols = 0;
    while (from < to && cols < skip) {
        int c;
        from = next_cluster(s, from, to, TEXT_ONE_LINE, &c);
        cols += (size_t)c;
    }
    return from;
}

/* The last cluster boundary in [from, to] with at most max columns before it. */
static size_t fit_cols(const char *s, size_t from, size_t to, size_t max)
{
    size_t cols = 0;
    while (from < to) {
        int c;
        size_t next = next_cluster(s, from, to, TEXT_ONE_LINE, &c);
        if (cols + (size_t)c > max) {
            break;
        }
        cols += (size_t)c;
        from = next;
    }
    return from;
}

void search_context_window(const char *text, size_t len, size_t at, size_t match_len, int max_cols,
                           struct search_window *out)
{
    (void)match_len; /* the window is placed by the match start; the rest may be cut */
    size_t max = max_cols < 1 ? 1 : (size_t)max_cols;
    if (at > len) {
        at = len;
    }
    size_t line_start = at, line_end = at;
    while (line_start > 0 && text[line_start - 1] != '\n') {
        line_start--;
    }
    while (line_end < len && text[line_end] != '\n') {
        line_end++;
    }
    /* A match starting inside a cluster starts the window with that cluster. */
    size_t c = line_start;
    while (c < at) {
        int w;
        size_t next = next_cluster(text, c, line_end, TEXT_ONE_LINE, &w);
        if (next > at) {
            at = c;
            break;
        }
        c = next;
    }
    size_t before = span_cols(text, line_start, at);
    size_t after = span_cols(text, at, line_end);
    size_t start = line_start;
    if (before + after > max) {
        size_t budget = max / 3;
        if (after < max - budget) {
            budget = max - after;
        }
        if (budget < before) {
            start = skip_cols(text, line_start, at, before - budget);
        }
    }
    size_t end = fit_cols(text, start, line_end, max);
    *out = (struct search_window){.start = start,
                                  .len = end - start,
                                  .cut_before = start > line_start,
                                  .cut_after = end < line_end};
}

size_t search_highlight_columns(const char *text, size_t from, size_t len, unsigned text_flags,
                                const struct search_range *ranges, size_t n,
                                struct search_span *out)
{
    size_t end = from + len, i = from, w = 0;
    int col = 0;
    for (size_t r = 0; r < n; r++) {
        size_t rs = ranges[r].start < from ? from : ranges[r].start;
        size_t re = ranges[r].start + ranges[r].len;
        re = re > end ? end : re;
        if (rs >= re) {
            continue;
        }
        while (i < end) {
            int c;
            size_t next = next_cluster(text, i, end, text_flags, &c);
            if (next > rs) {
                break;
            }
            col += c;
            i = next;
        }
        int start = col;
        while (i < re) {
            int c;
            i = next_cluster(text, i, end, text_flags, &c);
            col += c;
        }
        out[w++] = (struct search_span){start, col - start};
    }
    return w;
}
