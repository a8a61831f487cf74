/* SPDX-License-Identifier: MIT */
/* Folding for search: one character at a time, so the index can record where folded and
 * original offsets part ways.
 *
 * ASCII folds by arithmetic (A-Z to a-z, whitespace to ' '), which keeps a pure ASCII text the
 * same length as its folding. Other characters are decoded, combining marks U+0300-U+036F are
 * dropped, and the rest is looked up in a sorted table (search_fold_table.inc: case folding plus
 * accent removal for Latin, Greek and Cyrillic) by binary search; characters not in the table,
 * CJK among them, fold to themselves. Invalid UTF-8 folds byte by byte to U+FFFD, which no
 * ASCII query can match. Folding is idempotent: folded text folds to itself. */
#include "search.h"

#include <stdint.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

struct fold_entry {
    uint16_t cp;
    uint16_t to[3]; /* 0-terminated when shorter than 3 */
};

static const struct fold_entry fold_table[] = {
#include "search_fold_table.inc"
};

#define FOLD_TABLE_LEN (sizeof fold_table / sizeof fold_table[0])

static char fold_ascii(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') {
        return (char)(c - 'A' + 'a');
    }
    if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
        return ' ';
    }
    return (char)c;
}

static const struct fold_entry *fold_lookup(uint32_t cp)
{
    size_t lo = 0, hi = FOLD_TABLE_LEN;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (fold_table[mid].cp < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < FOLD_TABLE_LEN && fold_table[lo].cp == cp) {
        return &fold_table[lo];
    }
    return NULL;
}

size_t search_fold_char(const char *s, size_t n, char *out, size_t *out_len)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        out[0] = fold_ascii(c);
        *out_len = 1;
        return 1;
    }
    uint32_t cp;
    size_t k = text_utf8_decode(s, n, &cp);
    if (cp == UINT32_MAX) {
        *out_len = text_utf8_encode(0xfffd, out);
        return 1;
    }
    if (cp >= 0x300 && cp <= 0x36f) {
        *out_len = 0;
        return k;
    }
    const struct fold_entry *e = cp <= 0xffff ? fold_lookup(cp) : NULL;
    if (e == NULL) {
        memcpy(out, s, k);
        *out_len = k;
        return k;
    }
    size_t len = 0;
    for (size_t i = 0; i < 3 && e->to[i] != 0; i++) {
        len += text_utf8_encode(e->to[i], out + len);
    }
    *out_len = len;
    return k;
}

char *search_fold(const char *s, size_t len, size_t *out_len)
{
    /* Folding rarely changes the length: start at len and grow when a character needs more. */
    size_t cap = len + 1;
    size_t used = 0;
    char *buf = xmalloc(cap);
    size_t i = 0;
    while (i < len) {
        if (cap - used < SEARCH_FOLD_MAX + 1) {
            cap = cap * 2 + SEARCH_FOLD_MAX + 1;
            buf = xreallocarray(buf, cap, 1);
        }
        if ((unsigned char)s[i] < 0x80) {
            buf[used++] = fold_ascii((unsigned char)s[i++]);
            continue;
        }
        size_t n;
        i += search_fold_char(s + i, len - i, buf + used, &n);
        used += n;
    }
    buf[used] = '\0';
    if (out_len != NULL) {
        *out_len = used;
    }
    return buf;
}
