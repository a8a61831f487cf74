/* SPDX-License-Identifier: MIT */
/* Block YAML put together by hand: see yaml_out.h. */
#include "yaml_out.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "xalloc.h"

bool yaml_out_plain_safe(const char *s, size_t len)
{
    static const char first_bad[] = "-?:,[]{}#&*!|>'\"%@` ";
    if (len == 0 || strchr(first_bad, s[0]) != NULL || s[len - 1] == ' ' || s[len - 1] == ':') {
        return false;
    }
    /* Every line of the journal goes through here at each read and write: most bytes are
     * printable ASCII that needs no closer look, found by one bit of a mask (bit c - 0x20 set
     * for the space, '"', '#', '\'', ':' and '\\'; none of them is above '_'). */
    const uint64_t look = 1ull << (' ' - 0x20) | 1ull << ('"' - 0x20) | 1ull << ('#' - 0x20) |
                          1ull << ('\'' - 0x20) | 1ull << (':' - 0x20) | 1ull << ('\\' - 0x20);
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)s[i];
        unsigned b = c - 0x20; /* past 0x5e for a control byte or one above '~' */
        if (b < 0x5f && (b >= 64 || !((look >> b) & 1))) {
            continue;
        }
        if (b >= 0x5f || c == '"' || c == '\\' || c == '\'' ||
            (c == ':' && i + 1 < len && s[i + 1] == ' ') ||
            (c == '#' && i > 0 && s[i - 1] == ' ') ||
            (c == ' ' && i + 1 < len && s[i + 1] == ' ')) {
            return false;
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
