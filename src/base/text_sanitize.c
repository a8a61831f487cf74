/* SPDX-License-Identifier: MIT */
/* The terminal sanitiser: untrusted bytes in, text that is safe to draw out.
 *
 * One pass over the input decodes UTF-8 and maps each code point to itself, to a visible
 * placeholder, or to nothing. Invariants that make the function idempotent: everything the
 * mapping produces (U+2400-U+2421 control pictures, U+FFFD, U+25CC, ' ', '?') maps to itself
 * again, and a combining mark never ends up first on a line, so the base added in front of an
 * orphaned mark is never added twice. "First on a line" is judged on the output: a zero-width
 * character that is dropped in front of a mark does not give it a base. Plain printable ASCII,
 * the bulk of any guide, is copied byte by byte without decoding, and an input that is entirely
 * plain is copied with one memcpy.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth() */
#endif
#include "text.h"

#include <string.h>
#include <wchar.h>

#include "xalloc.h"

#define TEXT_REPLACEMENT  0xfffdu /* U+FFFD REPLACEMENT CHARACTER */
#define TEXT_DOTTED_BASE  0x25ccu /* U+25CC DOTTED CIRCLE, the base of an orphaned mark */
#define TEXT_PICTURE_BASE 0x2400u /* U+2400 SYMBOL FOR NULL; C0 byte c becomes U+2400 + c */
#define TEXT_PICTURE_DEL  0x2421u /* U+2421 SYMBOL FOR DELETE */
#define TEXT_DROP         TEXT_SANITIZE_DROP

/* A growing output buffer; always has room for the NUL the caller gets at the end. */
struct out {
    char *p;
    size_t n, cap;
};

static void out_reserve(struct out *o, size_t more)
{
    if (o->cap - o->n >= more + 1) {
        return;
    }
    size_t cap = o->cap;
    while (cap - o->n < more + 1) {
        cap = cap < 64 ? 64 : cap + cap / 2;
    }
    o->p = xreallocarray(o->p, cap, 1);
    o->cap = cap;
}

static void out_put_cp(struct out *o, uint32_t cp)
{
    o->n += text_utf8_encode(cp, o->p + o->n);
}

struct text_range {
    uint32_t lo, hi;
};

/* text_invisible[] (Unicode format characters and default-ignorable code points) and
 * text_emoji[] (the Emoji property), generated from the Unicode data. */
#include "text_invisible_table.inc"

static bool in_ranges(const struct text_range *v, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < v[mid].lo) {
            hi = mid;
        } else if (cp > v[mid].hi) {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    return false;
}

#define IN_TABLE(t, cp) in_ranges((t), sizeof(t) / sizeof((t)[0]), (cp))

/* Invisible characters that are removed outright (TERM-3): every format character and
 * default-ignorable code point (zero-width characters, tag characters, variation selectors,
 * Hangul fillers, ...). They carry no text, and left in they let two strings that look the
 * same differ, hide a word from search or smuggle text past the reader. The one exception is
 * a text or emoji presentation selector (U+FE0E, U+FE0F) right after an emoji, which chooses
 * how the emoji is drawn; prev is the code point written before cp (0 at the start). */
static bool is_dropped(uint32_t cp, uint32_t prev)
{
    if (cp < 0xad || !IN_TABLE(text_invisible, cp)) {
        return false;
    }
    return !((cp == 0xfe0e || cp == 0xfe0f) && prev != 0 && IN_TABLE(text_emoji, prev));
}

/* Bidi controls reorder what the terminal shows (the "Trojan Source" trick); they are replaced
 * by a visible U+FFFD rather than dropped, so their presence is noticed. */
static bool is_bidi_control(uint32_t cp)
{
    return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* The code points this file emits as replacements: printable whatever the locale says, so that
 * a second pass keeps them even where wcwidth() does not know them. */
static bool is_own_output(uint32_t cp)
{
    return (cp >= TEXT_PICTURE_BASE && cp <= TEXT_PICTURE_DEL) || cp == TEXT_REPLACEMENT ||
           cp == TEXT_DOTTED_BASE;
}

uint32_t text_sanitize_cp(uint32_t cp, uint32_t prev, bool *zero_width)
{
    *zero_width = false;
    if (cp == UINT32_MAX) {
        return TEXT_REPLACEMENT;
    }
    if (cp == '\t') {
        return ' ';
    }
    if (cp < 0x20) {
        return TEXT_PICTURE_BASE + cp;
    }
    if (cp < 0x7f) {
        return cp;
    }
    if (cp == 0x7f) {
        return TEXT_PICTURE_DEL;
    }
    if (cp <= 0x9f) {
        return TEXT_REPLACEMENT;
    }
    if (is_bidi_control(cp)) {
        return TEXT_REPLACEMENT;
    }
    if (is_dropped(cp, prev)) {
        return TEXT_DROP;
    }
    if (is_own_output(cp)) {
        return cp;
    }
    int w = wcwidth((wchar_t)cp);
    if (w < 0) {
        return TEXT_REPLACEMENT;
    }
    *zero_width = w == 0;
    return cp;
}

/* Appends the sanitised form of one decoded code point. *line_start is true while nothing has
 * been written on the current output line (so a combining mark there has no base); *prev is
 * the last code point written (0 at a line start or in ASCII output, where no emoji is drawn
 * and so no presentation selector is kept). */
static void emit_cp(struct out *o, uint32_t cp, unsigned flags, bool *line_start, uint32_t *prev)
{
    if (cp == '\n') {
        o->p[o->n++] = (flags & TEXT_ONE_LINE) ? ' ' : '\n';
        *line_start = true;
        *prev = 0;
        return;
    }
    bool zero_width;
    uint32_t r = text_sanitize_cp(cp, (flags & TEXT_ASCII) ? 0 : *prev, &zero_width);
    if (r == TEXT_DROP) {
        return;
    }
    *prev = r;
    if (flags & TEXT_ASCII) {
        o->p[o->n++] = r < 0x80 ? (char)r : '?';
    } else {
        if (zero_width && *line_start) {
            out_put_cp(o, TEXT_DOTTED_BASE);
        }
        out_put_cp(o, r);
    }
    *line_start = false;
}

static bool is_plain(unsigned char c, unsigned flags)
{
    return (c >= 0x20 && c < 0x7f) || (c == '\n' && !(flags & TEXT_ONE_LINE));
}

char *text_sanitize(const char *s, size_t len, unsigned flags, size_t *out_len)
{
    size_t plain = 0;
    while (plain < len && is_plain((unsigned char)s[plain], flags)) {
        plain++;
    }
    /* Room for the plain prefix and the rest at one byte each; placeholders grow it later. */
    struct out o = {NULL, 0, len + (len - plain) / 4 + 9};
    o.p = xmalloc(o.cap);
    memcpy(o.p, s, plain);
    o.n = plain;
    bool line_start = plain == 0 || s[plain - 1] == '\n';
    uint32_t prev = plain > 0 ? (unsigned char)s[plain - 1] : 0;
    size_t i = plain;
    while (i < len) {
        out_reserve(&o, 8); /* U+25CC plus a 4-byte code point, at most */
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f) {
            o.p[o.n++] = (char)c;
            line_start = false;
            prev = c;
            i++;
            continue;
        }
        uint32_t cp;
        i += text_utf8_decode(s + i, len - i, &cp);
        emit_cp(&o, cp, flags, &line_start, &prev);
    }
    o.p[o.n] = '\0';
    if (out_len != NULL) {
        *out_len = o.n;
    }
    return o.p;
}
