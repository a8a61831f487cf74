/* SPDX-License-Identifier: MIT */
/* Drawing helpers for search results: context windows, and highlight ranges carried over from
 * the original text to the sanitised text the UI draws.
 *
 * Highlights are found in the original text; the screen shows text_sanitize() of it. The walker
 * below replays text_sanitize()'s per-code-point mapping (include/text.h spells it out: kept,
 * replaced by a one-character placeholder, dropped, or preceded by U+25CC when a combining mark
 * is first on a line) and counts the bytes and columns it would produce, so an original offset
 * maps to a sanitised offset and column without allocating. Sanitising is left to right and
 * depends on nothing after the current code point, so a prefix of the original maps to a prefix
 * of the sanitised text. The unit tests check the walker against text_sanitize() itself.
 * Windows are cut between clusters (a character and the combining marks after it). wcwidth()
 * needs the caller's setlocale(). */
#include "search.h"

#include <stdint.h>
#include <wchar.h>

#include "text.h"

#define WALK_DROP UINT32_MAX

/* A position in the original text and what the sanitised text has up to it. */
struct walk {
    const char *s;
    size_t i, end;
    unsigned flags;
    bool line_start; /* nothing drawn yet on the current output line */
    size_t bytes;    /* sanitised bytes so far */
    int cols;        /* columns so far on the current line ('\n' counts 0) */
};

static bool is_dropped(uint32_t cp)
{
    return cp == 0xad || cp == 0x180e || (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 ||
           cp == 0xfeff;
}

static bool is_bidi_control(uint32_t cp)
{
    return cp == 0x61c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* What text_sanitize() draws for cp (not '\n'; UINT32_MAX for an invalid byte), or WALK_DROP.
 * *mark is set for a combining mark (wcwidth 0). */
static uint32_t sanitised_cp(uint32_t cp, bool *mark)
{
    *mark = false;
    if (cp == UINT32_MAX || (cp >= 0x80 && cp <= 0x9f) || is_bidi_control(cp)) {
        return 0xfffd;
    }
    if (cp == '\t') {
        return ' ';
    }
    if (cp < 0x20) {
        return 0x2400 + cp;
    }
    if (cp == 0x7f) {
        return 0x2421;
    }
    if (cp < 0x7f) {
        return cp;
    }
    if (is_dropped(cp)) {
        return WALK_DROP;
    }
    if ((cp >= 0x2400 && cp <= 0x2421) || cp == 0xfffd || cp == 0x25cc) {
        return cp; /* the sanitiser's own placeholders */
    }
    int w = wcwidth((wchar_t)cp);
    if (w < 0) {
        return 0xfffd;
    }
    *mark = w == 0;
    return cp;
}

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

/* Moves past one code point, counting what the sanitiser makes of it. */
static void walk_step(struct walk *w)
{
    uint32_t cp;
    w->i += peek(w, &cp);
    if (cp == '\n') {
        w->bytes++;
        w->cols += (w->flags & TEXT_ONE_LINE) ? 1 : 0;
        w->line_start = true;
        return;
    }
    bool mark;
    uint32_t r = sanitised_cp(cp, &mark);
    if (r == WALK_DROP) {
        return;
    }
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
        if (cp == '\n' || sanitised_cp(cp, &mark) == WALK_DROP || !mark) {
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
    struct walk e = walk_begin(text, start, line_end, flags);
    while (e.i < line_end) {
        struct walk next = e;
        walk_cluster(&next);
        if (next.cols > max) {
            break;
        }
        e = next;
    }
    *out = (struct search_window){.start = start,
                                  .len = e.i - start,
                                  .cut_before = start > line_start,
                                  .cut_after = e.i < line_end};
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
