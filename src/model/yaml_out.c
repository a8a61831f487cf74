/* SPDX-License-Identifier: MIT */
/* Block YAML put together by hand: see yaml_out.h. */
#include "yaml_out.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "xalloc.h"

/* What a byte asks of a plain scalar, by its value: '0' nothing, '1' a look at its neighbours
 * (the space, ':' and '#': ": " and " #" end a plain scalar, and two spaces are a fold a writer
 * might change), '2' quotes (controls, quotes, the backslash, DEL and every byte above it). */
static const char byte_class[257] = "22222222222222222222222222222222"  /* 0x00 */
                                    "10210002000000000000000000100000"  /* 0x20 */
                                    "00000000000000000000000000002000"  /* 0x40 */
                                    "00000000000000000000000000000002"  /* 0x60 */
                                    "22222222222222222222222222222222"  /* 0x80 */
                                    "22222222222222222222222222222222"  /* 0xa0 */
                                    "22222222222222222222222222222222"  /* 0xc0 */
                                    "22222222222222222222222222222222"; /* 0xe0 */

bool yaml_out_plain_safe(const char *s, size_t len)
{
    static const char first_bad[] = "-?:,[]{}#&*!|>'\"%@` ";
    if (len == 0 || memchr(first_bad, s[0], sizeof first_bad - 1) != NULL || s[len - 1] == ' ' ||
        s[len - 1] == ':') {
        return false;
    }
    /* Every line of the journal goes through here at each read: most bytes need no closer
     * look, which one load from the table tells. */
    for (size_t i = 0; i < len; i++) {
        char k = byte_class[(unsigned char)s[i]];
        if (k == '0') {
            continue;
        }
        char c = s[i];
        if (k == '2' || (c == ':' && s[i + 1] == ' ') || (c == '#' && s[i - 1] == ' ') ||
            (c == ' ' && s[i + 1] == ' ')) {
            return false; /* s[i + 1] and s[i - 1] are there: s ends and begins otherwise */
        }
    }
    /* A plain null or boolean would be read back as one by some readers: quote them. */
    return !(len == 1 && s[0] == '~') && !(len == 4 && memcmp(s, "null", 4) == 0) &&
           !(len == 4 && memcmp(s, "true", 4) == 0) && !(len == 5 && memcmp(s, "false", 5) == 0);
}

void yaml_out_put(struct yaml_out *o, const char *s, size_t n)
{
    if (*o->len + n + 1 > *o->cap) {
        size_t cap = *o->cap ? *o->cap : 4096;
        while (*o->len + n + 1 > cap) {
            cap *= 2;
        }
        *o->buf = xreallocarray(*o->buf, cap, 1);
        *o->cap = cap;
    }
    memcpy(*o->buf + *o->len, s, n);
    *o->len += n;
    (*o->buf)[*o->len] = '\0';
}

/* Writes s double-quoted, escaping what YAML would otherwise read differently. */
static void put_quoted(struct yaml_out *o, const char *s, size_t len)
{
    yaml_out_put(o, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[12];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            yaml_out_put(o, esc, 2);
        } else if (c < 0x20 || c == 0x7f) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            yaml_out_put(o, esc, 4);
        } else if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] < 0xa0) {
            snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)s[i + 1]); /* C1 controls */
            yaml_out_put(o, esc, 4);
            i++;
        } else if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
            yaml_out_put(o, (unsigned char)s[i + 2] == 0xa8 ? "\\L" : "\\P",
                         2); /* line separators */
            i += 2;
        } else if (c == 0xef && i + 2 < len && (unsigned char)s[i + 1] == 0xbb &&
                   (unsigned char)s[i + 2] == 0xbf) {
            yaml_out_put(o, "\\uFEFF", 6);
            i += 2;
        } else {
            yaml_out_put(o, (const char *)&s[i], 1);
        }
    }
    yaml_out_put(o, "\"", 1);
}

void yaml_out_scalar(struct yaml_out *o, const char *s, size_t len)
{
    if (yaml_out_plain_safe(s, len)) {
        yaml_out_put(o, s, len);
    } else {
        put_quoted(o, s, len);
    }
}
