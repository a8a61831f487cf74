/* SPDX-License-Identifier: MIT */
/* Finding a folded term in the folded buffer: the inner loop of every query.
 *
 * glibc memmem() sets up its shift table on every call and then compares byte by byte; a query
 * calls it once per candidate entry and term, so both costs add up on a large guide. A finder
 * is prepared once per query instead: it picks the two rarest bytes of the term (by the index's
 * byte counts; rare bytes mean few false candidates) as anchors, and the scan compares sixteen
 * positions at once against both anchors (SSE2, part of every x86-64), verifying a whole term
 * only where both anchor bytes sit at the right distance. One-byte terms use memchr(). Without
 * SSE2 the finder falls back to memmem(), so the result never depends on the platform: it is
 * always the first occurrence, exactly as memmem() would return it. */
#define _GNU_SOURCE /* memmem(): glibc declares it for GNU only */

#include "search_internal.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

void search_count_bytes(const char *buf, size_t len, size_t counts[256])
{
    memset(counts, 0, 256 * sizeof counts[0]);
    /* A sample is enough to rank bytes by rarity and keeps this cheap on a 50 MB guide. */
    size_t stride = len / SEARCH_COUNT_SAMPLES + 1;
    for (size_t i = 0; i < len; i += stride) {
        counts[(unsigned char)buf[i]]++;
    }
}

void search_finder_init(struct search_finder *f, const char *s, size_t len,
                        const size_t counts[256])
{
    *f = (struct search_finder){.s = s, .len = len, .a = 0, .b = len > 1 ? len - 1 : 0};
    if (len > 2 && counts != NULL) {
        size_t r1 = 0, r2 = 1;
        if (counts[(unsigned char)s[r2]] < counts[(unsigned char)s[r1]]) {
            r1 = 1;
            r2 = 0;
        }
        for (size_t i = 2; i < len; i++) {
            size_t c = counts[(unsigned char)s[i]];
            if (c < counts[(unsigned char)s[r1]]) {
                r2 = r1;
                r1 = i;
            } else if (c < counts[(unsigned char)s[r2]] && s[i] != s[r1]) {
                r2 = i;
            }
        }
        f->a = r1 < r2 ? r1 : r2;
        f->b = r1 < r2 ? r2 : r1;
    }
}

#if defined(__SSE2__) && defined(__GNUC__)
/* Candidates are start positions i + k (k < 16) where s[a] and s[b] both match. */
static const char *find_sse2(const struct search_finder *f, const char *hay, size_t n)
{
    const __m128i va = _mm_set1_epi8(f->s[f->a]);
    const __m128i vb = _mm_set1_epi8(f->s[f->b]);
    size_t i = 0;
    for (; i + 15 + f->len <= n; i += 16) {
        __m128i ha = _mm_loadu_si128((const __m128i *)(const void *)(hay + i + f->a));
        __m128i hb = _mm_loadu_si128((const __m128i *)(const void *)(hay + i + f->b));
        unsigned mask = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(ha, va), _mm_cmpeq_epi8(hb, vb)));
        while (mask != 0) {
            unsigned k = (unsigned)__builtin_ctz(mask);
            if (memcmp(hay + i + k, f->s, f->len) == 0) {
                return hay + i + k;
            }
            mask &= mask - 1;
        }
    }
    return i < n ? memmem(hay + i, n - i, f->s, f->len) : NULL;
}
#endif

const char *search_finder_find(const struct search_finder *f, const char *hay, size_t n)
{
    if (f->len == 0 || f->len > n) {
        return f->len == 0 ? hay : NULL;
    }
    if (f->len == 1) {
        return memchr(hay, f->s[0], n);
    }
#if defined(__SSE2__) && defined(__GNUC__)
    return find_sse2(f, hay, n);
#else
    return memmem(hay, n, f->s, f->len);
#endif
}
