/* SPDX-License-Identifier: MIT */
/* Measuring and wrapping sanitised text by display columns.
 *
 * The unit of layout is the cluster: one code point plus the zero-width code points (combining
 * marks) that follow it. Nothing here ever splits a cluster, so a mark stays with its base and a
 * wide character is never cut in half. Widths come from wcwidth(); a code point it calls
 * non-printable, or an invalid byte, counts one column (what the terminal shows for U+FFFD),
 * so the functions are total even on text that was not sanitised.
 *
 * text_wrap() is a single greedy pass: it remembers the last run of spaces on the current line
 * (the break opportunity) and the width scanned since, so when a cluster does not fit it can
 * break at that run without rescanning. Every byte is looked at a bounded number of times, so
 * wrapping is O(n) in the text length, however long the words or lines.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth() */
#endif
#include "text.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "xalloc.h"

static int cp_width(uint32_t cp)
{
    if (cp == '\n') {
        return 0;
    }
    if (cp == UINT32_MAX) {
        return 1;
    }
    int w = wcwidth((wchar_t)cp);
    return w < 0 ? 1 : w;
}

/* Scans the cluster at s[pos] (pos < len): returns the offset just past it and sets *w to its
 * width. The caller stops at '\n' itself; a '\n' never joins a cluster. */
static size_t cluster_next(const char *s, size_t len, size_t pos, int *w)
{
    unsigned char c = (unsigned char)s[pos];
    size_t i;
    if (c >= 0x20 && c < 0x7f) {
        *w = 1;
        i = pos + 1;
    } else {
        uint32_t cp;
        i = pos + text_utf8_decode(s + pos, len - pos, &cp);
        *w = cp_width(cp);
    }
    /* Only a multi-byte sequence can be a combining mark. */
    while (i < len && (unsigned char)s[i] >= 0x80) {
        uint32_t cp;
        size_t k = text_utf8_decode(s + i, len - i, &cp);
        if (cp == UINT32_MAX || wcwidth((wchar_t)cp) != 0) {
            break;
        }
        i += k;
    }
    return i;
}

int text_untrusted_width(const char *s, unsigned flags)
{
    size_t len = 0;
    char *clean = text_sanitize(s, strlen(s), flags, &len);
    int w = text_width(clean, len);
    free(clean);
    return w;
}

int text_width(const char *s, size_t len)
{
    long long w = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f) {
            w++;
            i++;
            continue;
        }
        uint32_t cp;
        i += text_utf8_decode(s + i, len - i, &cp);
        w += cp_width(cp);
    }
    return w > INT_MAX ? INT_MAX : (int)w;
}

size_t text_fit(const char *s, size_t len, int max_cols, int *cols)
{
    size_t pos = 0;
    int w = 0;
    while (pos < len && s[pos] != '\n') {
        int cw;
        size_t next = cluster_next(s, len, pos, &cw);
        if (cw > max_cols - w) {
            break;
        }
        w += cw;
        pos = next;
    }
    if (cols != NULL) {
        *cols = w;
    }
    return pos;
}

size_t text_fit_words(const char *s, size_t len, int max_cols)
{
    size_t fit = text_fit(s, len, max_cols, NULL);
    if (fit >= len) {
        return fit;
    }
    size_t at = fit;
    while (at > fit / 2 && s[at] != ' ') {
        at--;
    }
    size_t n = at > fit / 2 ? at : fit;
    while (n > 0 && s[n - 1] == ' ') {
        n--; /* "word …", never "word  …" */
    }
    size_t w = n; /* the start of the last word when it is punctuation alone */
    while (w > 0 && s[w - 1] != ' ' && strchr("&+-/:;,|", s[w - 1]) != NULL) {
        w--;
    }
    if (w < n && w > 0 && s[w - 1] == ' ' && w - 1 >= fit / 2) {
        for (n = w - 1; n > 0 && s[n - 1] == ' ';) {
            n--;
        }
    }
    return n;
}

/* The state of the greedy pass over one paragraph (the text between two '\n'). */
struct wrap {
    int width;
    struct text_line *lines;
    size_t n, cap;
    size_t start;      /* first byte of the current line */
    long long w;       /* columns from start to the scan position, spaces included */
    size_t end;        /* just past the line's last non-space cluster (start if none) */
    int end_w;         /* columns from start to end */
    bool in_space;     /* the last thing scanned was a space */
    bool brk;          /* a run of spaces on this line is a break opportunity */
    size_t brk_end;    /* the content end in front of that run */
    int brk_w;         /* its width */
    size_t brk_next;   /* the first byte after that run */
    long long w_after; /* columns from brk_next to the scan position */
};

static void wrap_push(struct wrap *wr, size_t start, size_t end, int width)
{
    if (wr->n == wr->cap) {
        wr->cap = wr->cap < 16 ? 16 : wr->cap * 2;
        wr->lines = xreallocarray(wr->lines, wr->cap, sizeof *wr->lines);
    }
    wr->lines[wr->n++] = (struct text_line){.start = start, .len = end - start, .width = width};
}

static void wrap_begin_line(struct wrap *wr, size_t start)
{
    wr->start = start;
    wr->w = 0;
    wr->end = start;
    wr->end_w = 0;
    wr->in_space = false;
    wr->brk = false;
    wr->w_after = 0;
}

/* Ends the line at the last run of spaces; the clusters scanned since move to a new line. A run
 * with nothing in front of it (indentation wider than the line) is dropped without a line. */
static void wrap_soft_break(struct wrap *wr)
{
    if (wr->brk_end > wr->start) {
        wrap_push(wr, wr->start, wr->brk_end, wr->brk_w);
    }
    wr->start = wr->brk_next;
    wr->w = wr->w_after;
    if (wr->end < wr->start) {
        wr->end = wr->start;
    }
    wr->end_w = (int)wr->w_after;
    wr->brk = false;
}

/* Ends the line in the middle of a word, just before the cluster at pos. */
static void wrap_hard_break(struct wrap *wr, size_t pos)
{
    wrap_push(wr, wr->start, pos, wr->end_w);
    wrap_begin_line(wr, pos);
}

static void wrap_paragraph(struct wrap *wr, const char *s, size_t a, size_t b)
{
    wrap_begin_line(wr, a);
    size_t pos = a;
    while (pos < b) {
        int cw;
        size_t next = cluster_next(s, b, pos, &cw);
        /* A space carrying a combining mark is a visible character, not a break. */
        if (s[pos] == ' ' && next == pos + 1) {
            if (!wr->in_space) {
                wr->in_space = true;
                wr->brk = true;
                wr->brk_end = wr->end;
                wr->brk_w = wr->end_w;
            }
            pos++;
            wr->w++;
            wr->brk_next = pos;
            wr->w_after = 0;
            continue;
        }
        wr->in_space = false;
        if (wr->w + cw > wr->width && wr->brk) {
            wrap_soft_break(wr);
        }
        /* Still no room: the word is wider than a line, so break inside it. On an empty line
         * the cluster is placed even if wider than the line (it overflows, alone). */
        if (wr->w > 0 && wr->w + cw > wr->width) {
            wrap_hard_break(wr, pos);
        }
        wr->w += cw;
        wr->w_after += cw;
        wr->end = next;
        wr->end_w = (int)wr->w;
        pos = next;
    }
    wrap_push(wr, wr->start, wr->end, wr->end_w);
}

size_t text_wrap(const char *s, size_t len, int width, struct text_line **lines)
{
    struct wrap wr = {.width = width < 1 ? 1 : width};
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(s + pos, '\n', len - pos);
        size_t b = nl != NULL ? (size_t)(nl - s) : len;
        wrap_paragraph(&wr, s, pos, b);
        pos = nl != NULL ? b + 1 : len;
    }
    *lines = wr.lines;
    return wr.n;
}

const char *text_sep(unsigned flags)
{
    return (flags & TEXT_ASCII) ? " - " : " \xc2\xb7 "; /* U+00B7 middle dot */
}

const char *text_ellipsis(unsigned flags)
{
    return (flags & TEXT_ASCII) ? "..." : "\xe2\x80\xa6"; /* U+2026 */
}
