/* SPDX-License-Identifier: MIT */
/* UTF-8 decoding and validation (RFC 3629): overlong forms, surrogates and code points above
 * U+10FFFF are invalid. An invalid sequence always consumes exactly one byte, so a caller
 * stepping through bytes resynchronises on the next lead byte. */
#include "text.h"

#include <string.h>

size_t text_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    uint32_t v, min;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 2, v = c & 0x1f, min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 3, v = c & 0x0f, min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = UINT32_MAX;
        return 1;
    }
    if (n < need) {
        *cp = UINT32_MAX;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if ((p[i] & 0xc0) != 0x80) {
            *cp = UINT32_MAX;
            return 1;
        }
        v = (v << 6) | (p[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
        *cp = UINT32_MAX;
        return 1;
    }
    *cp = v;
    return need;
}

size_t text_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xc0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xe0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (unsigned char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (unsigned char)(0xf0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
    o[3] = (unsigned char)(0x80 | (cp & 0x3f));
    return 4;
}

/* The length of the valid 2- or 3-byte sequence at p (n bytes left), the most common outside
 * ASCII; 0 for anything else (text_utf8_decode() decides). The rules are text_utf8_decode()'s:
 * no overlong form, no surrogate. */
static size_t utf8_short_len(const unsigned char *p, size_t n)
{
    unsigned char c = p[0];
    if (c >= 0xc2 && c <= 0xdf) {
        return n >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
    }
    if (c >= 0xe0 && c <= 0xef && n >= 3 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
        bool overlong = c == 0xe0 && p[1] < 0xa0, surrogate = c == 0xed && p[1] >= 0xa0;
        return overlong || surrogate ? 0 : 3;
    }
    return 0;
}

bool text_utf8_valid(const char *s, size_t n, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    const uint64_t high = UINT64_C(0x8080808080808080);
    while (i < n) {
        /* ASCII sixteen and eight bytes at once: most of a plan or a guide */
        for (uint64_t a, b; i + 16 <= n; i += 16) {
            memcpy(&a, p + i, 8);
            memcpy(&b, p + i + 8, 8);
            if (((a | b) & high) != 0) {
                break;
            }
        }
        if (i == n) {
            break;
        }
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if ((w & high) == 0) {
                i += 8;
                continue;
            }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            i += (size_t)__builtin_ctzll(w & high) / 8; /* to the first byte past ASCII */
#else
            while (p[i] < 0x80) {
                i++;
            }
#endif
        } else if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = utf8_short_len(p + i, n - i);
        if (k == 0) {
            uint32_t cp;
            k = text_utf8_decode(s + i, n - i, &cp);
            if (cp == UINT32_MAX) {
                if (bad != NULL) {
                    *bad = i;
                }
                return false;
            }
        }
        i += k;
    }
    return true;
}

size_t text_join(char *buf, size_t size, const char *const *parts, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(parts[i]);
        if (len + 1 < size) {
            size_t room = size - 1 - len;
            memcpy(buf + len, parts[i], l < room ? l : room);
        }
        len += l;
    }
    if (size > 0) {
        buf[len < size ? len : size - 1] = '\0';
    }
    return len;
}
