/* SPDX-License-Identifier: MIT */
/* Drawing helpers for search results: context windows, and highlight ranges carried over from
 * the original text to the sanitised text the UI draws.
 *
 * Highlights are found in the original text; the screen shows text_sanitize() of it. The walker
 * below replays text_sanitize() code point by code point with the sanitiser's own mapping
 * (text_sanitize_cp(): kept, replaced by a one-character placeholder, dropped, or preceded by
 * U+25CC when a combining mark is first on a line) and counts the bytes and columns it would
 * produce, so an original offset maps to a sanitised offset and column without allocating.
 * Sanitising is left to right and depends on nothing after the current code point, so a prefix of
 * the original maps to a prefix of the sanitised text. The unit tests check the walker against
 * text_sanitize() itself. Windows are cut between clusters (a character and the combining marks
 * after it). wcwidth() needs the caller's setlocale(). */
#include "search.h"

#include <stdint.h>
#include <wchar.h>

#include "text.h"

/* A position in the original text and what the sanitised text has up to it. */
struct walk {
    const char *s;
    size_t i, end;
    unsigned flags;
    bool line_start; /* nothing drawn yet on the current output line */
    uint32_t prev;   /* the code point drawn last on the line (0: none), for text_sanitize_cp() */
    size_t bytes;    /* sanitised bytes so far */
    int cols;        /* columns so far on the current line ('\n' counts 0) */
};

static int cp_cols(uint32_t cp)
{
    int w = wcwidth((wchar_t)cp);
    return w < 0 ? 1 : w;
}

/* Decodes the code point at w->i without moving; returns its length. */
static size_t peek(const struct walk *w, uint32_t *cp)
{
    return text_utf8_decode(w->s + w->i, w->end - w->i, cp);
}

/* The code point before the next one, as text_sanitize() passes it on (none in ASCII output). */
static uint32_t walk_prev(const struct walk *w)
{
    return (w->flags & TEXT_ASCII) ? 0 : w->prev;
}

/* Moves past one code point, counting what the sanitiser makes of it. */
static void walk_step(struct walk *w)
{
    uint32_t cp;
    w->i += peek(w, &cp);
    if (cp == '\n') {
        w->bytes++;
        w->cols += (w->flags & TEXT_ONE_LINE) ? 1 : 0;
        w->line_start = true;
        w->prev = 0;
        return;
    }
    bool mark;
    uint32_t r = text_sanitize_cp(cp, walk_prev(w), &mark);
    if (r == TEXT_SANITIZE_DROP) {
        return;
    }
    w->prev = r;
    if (w->flags & TEXT_ASCII) {
        w->bytes++;
        w->cols++;
    } else {
        char buf[4];
        if (mark && w->line_start) {
            w->bytes += text_utf8_encode(0x25cc, buf);
            w->cols += cp_cols(0x25cc);
        }
        w->bytes += text_utf8_encode(r, buf);
        w->cols += cp_cols(r);
    }
    w->line_start = false;
}

/* Moves past one cluster: a code point and the combining marks that follow it. */
static void walk_cluster(struct walk *w)
{
    walk_step(w);
    while (w->i < w->end) {
        uint32_t cp;
        bool mark;
        peek(w, &cp);
        if (cp == '\n' || text_sanitize_cp(cp, walk_prev(w), &mark) == TEXT_SANITIZE_DROP ||
            !mark) {
            break;
        }
        walk_step(w);
    }
}

static struct walk walk_begin(const char *s, size_t from, size_t end, unsigned flags)
{
    return (struct walk){.s = s, .i = from, .end = end, .flags = flags, .line_start = true};
}

/* Walks to the first code point boundary at or after target (<= w->end). */
static void walk_to(struct walk *w, size_t target)
{
    while (w->i < target) {
        walk_step(w);
    }
}

void search_context_window(const char *text, size_t len, size_t at, size_t match_len, int max_cols,
                           unsigned text_flags, struct search_window *out)
{
    unsigned flags = TEXT_ONE_LINE | (text_flags & TEXT_ASCII);
    (void)match_len; /* the window is placed by the match start; the rest may be cut */
    int max = max_cols < 1 ? 1 : max_cols;
    at = at > len ? len : at;
    size_t line_start = at, line_end = at;
    while (line_start > 0 && text[line_start - 1] != '\n') {
        line_start--;
    }
    while (line_end < len && text[line_end] != '\n') {
        line_end++;
    }
    /* Columns before the cluster holding the match start, and of the whole line. */
    struct walk w = walk_begin(text, line_start, line_end, flags);
    size_t match_cluster = line_start;
    int before = 0;
    while (w.i < line_end && w.i <= at) {
        match_cluster = w.i;
        before = w.cols;
        walk_cluster(&w);
    }
    if (w.i <= at) { /* the match starts at the end of the line */
        match_cluster = w.i;
        before = w.cols;
    }
    walk_to(&w, line_end);
    int after = w.cols - before;
    size_t start = line_start;
    if (w.cols > max) {
        int budget = max / 3;
        budget = after < max - budget ? max - after : budget;
        if (budget < before) {
            struct walk s = walk_begin(text, line_start, match_cluster, flags);
            while (s.i < match_cluster && s.cols < before - budget) {
                walk_cluster(&s);
            }
            start = s.i;
        }
    }
    /* A cut falls between words when a space lies between it and the match: "…research", not
     * "…p between"; the spaces at the cut go. */
    if (start > line_start && text[start - 1] != ' ') {
        size_t sp = start;
        while (sp < match_cluster && text[sp] != ' ') {
            sp++;
        }
        start = sp < match_cluster ? sp : start;
    }
    while (start > line_start && start < match_cluster && text[start] == ' ') {
        start++;
    }
    struct walk e = walk_begin(text, start, line_end, flags);
    while (e.i < line_end) {
        struct walk next = e;
        walk_cluster(&next);
        if (next.cols > max) {
            break;
        }
        e = next;
    }
    size_t end = e.i;
    if (end < line_end && text[end] != ' ') {
        size_t keep = at + match_len > start ? at + match_len : start, sp = end;
        while (sp > keep && text[sp - 1] != ' ') {
            sp--;
        }
        end = sp > keep ? sp : end;
    }
    while (end < line_end && end > start && text[end - 1] == ' ') {
        end--;
    }
    *out = (struct search_window){.start = start,
                                  .len = end - start,
                                  .cut_before = start > line_start,
                                  .cut_after = end < line_end};
}

void search_sanitized_ranges(const char *text, size_t len, unsigned text_flags,
                             const struct search_range *ranges, size_t n, struct search_range *out)
{
    struct walk w = walk_begin(text, 0, len, text_flags);
    for (size_t r = 0; r < n; r++) {
        size_t rs = ranges[r].start > len ? len : ranges[r].start;
        size_t re = rs + ranges[r].len > len ? len : rs + ranges[r].len;
        if (w.i > rs) { /* overlapping input: restart (never for search_field_ranges()) */
            w = walk_begin(text, 0, len, text_flags);
        }
        walk_to(&w, rs);
        size_t start = w.bytes;
        walk_to(&w, re);
        out[r] = (struct search_range){start, w.bytes - start};
    }
}

size_t search_highlight_columns(const char *text, size_t from, size_t len, unsigned text_flags,
                                const struct search_range *ranges, size_t n,
                                struct search_span *out)
{
    size_t end = from + len, k = 0;
    struct walk w = walk_begin(text, from, end, text_flags);
    for (size_t r = 0; r < n; r++) {
        size_t rs = ranges[r].start < from ? from : ranges[r].start;
        size_t re = ranges[r].start + ranges[r].len;
        re = re > end ? end : re;
        if (rs >= re) {
            continue;
        }
        if (w.i > rs) {
            w = walk_begin(text, from, end, text_flags);
        }
        walk_to(&w, rs);
        int start = w.cols;
        walk_to(&w, re);
        out[k++] = (struct search_span){start, w.cols - start};
    }
    return k;
}
