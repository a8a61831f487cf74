/* SPDX-License-Identifier: MIT */
/* The finder (search_scan.c): it must return exactly what memmem() returns, the first
 * occurrence, whatever its anchors, the alignment of the text and where the term sits relative
 * to the sixteen-byte blocks and the end of the text. memmem() is the oracle. */
#define _GNU_SOURCE /* memmem() */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "search_internal.h"

static const char *find(const char *hay, size_t n, const char *s, const size_t *counts)
{
    struct search_finder f;
    search_finder_init(&f, s, strlen(s), counts);
    return search_finder_find(&f, hay, n);
}

static void test_hand_picked(void **state)
{
    (void)state;
    const char *hay = "the pipeline of pipelines";
    size_t n = strlen(hay);
    assert_ptr_equal(find(hay, n, "pipeline", NULL), hay + 4);
    assert_ptr_equal(find(hay, n, "pipelines", NULL), hay + 16);
    assert_ptr_equal(find(hay, n, "s", NULL), hay + 24);
    assert_ptr_equal(find(hay, n, "es", NULL), hay + 23);
    assert_null(find(hay, n, "pipelinez", NULL));
    assert_null(find(hay, n, "the pipeline of pipelines!", NULL)); /* longer than the text */
    assert_ptr_equal(find(hay, n, "", NULL), hay);
    /* A match that ends exactly at the end of the text, past the last full block. */
    char long_hay[100];
    memset(long_hay, 'a', sizeof long_hay);
    memcpy(long_hay + 93, "needle!", 7);
    assert_ptr_equal(find(long_hay, sizeof long_hay, "needle!", NULL), long_hay + 93);
    assert_null(find(long_hay, sizeof long_hay - 1, "needle!", NULL));
}

/* Anchors are the term's rarest bytes by the counts, never the same position twice. */
static void test_anchors_are_the_rarest_bytes(void **state)
{
    (void)state;
    size_t counts[256] = {0};
    counts['a'] = 100;
    counts['b'] = 50;
    counts['x'] = 1;
    counts['y'] = 2;
    struct search_finder f;
    search_finder_init(&f, "aaxabya", 7, counts);
    assert_int_equal(f.a, 2); /* 'x' */
    assert_int_equal(f.b, 5); /* 'y' */
    search_finder_init(&f, "ab", 2, counts);
    assert_int_equal(f.a, 0);
    assert_int_equal(f.b, 1);
    search_finder_init(&f, "abc", 3, NULL);
    assert_int_equal(f.a, 0);
    assert_int_equal(f.b, 2);
}

/* Samples at most SEARCH_COUNT_SAMPLES bytes, all of a short text. */
static void test_count_bytes(void **state)
{
    (void)state;
    size_t counts[256];
    search_count_bytes("abca", 4, counts);
    assert_int_equal(counts['a'], 2);
    assert_int_equal(counts['b'], 1);
    assert_int_equal(counts['z'], 0);
    size_t n = 10 * SEARCH_COUNT_SAMPLES;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, 'q', n);
    search_count_bytes(big, n, counts);
    assert_true(counts['q'] > 0 && counts['q'] <= SEARCH_COUNT_SAMPLES);
    free(big);
}

/* Random texts over a three-letter alphabet (many near misses), every offset into a buffer so
 * that blocks fall at every alignment, terms of 1 to 24 bytes, with and without counts. */
static void test_agrees_with_memmem(void **state)
{
    (void)state;
    enum { N = 300 };
    char buf[N + 1], term[32];
    size_t counts[256];
    srand(6);
    for (int round = 0; round < 3000; round++) {
        size_t n = (size_t)rand() % N;
        for (size_t i = 0; i < n; i++) {
            buf[i] = "abc"[rand() % (round % 2 ? 3 : 2)];
        }
        buf[n] = '\0';
        search_count_bytes(buf, n, counts);
        size_t tlen = 1 + (size_t)rand() % 24;
        if (n > tlen && rand() % 2) { /* a term taken from the text: it occurs */
            memcpy(term, buf + (size_t)rand() % (n - tlen), tlen);
        } else {
            for (size_t i = 0; i < tlen; i++) {
                term[i] = "abc"[rand() % 3];
            }
        }
        term[tlen] = '\0';
        size_t off = n ? (size_t)rand() % (n / 4 + 1) : 0;
        const char *want = memmem(buf + off, n - off, term, tlen);
        assert_ptr_equal(find(buf + off, n - off, term, counts), want);
        assert_ptr_equal(find(buf + off, n - off, term, NULL), want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_picked),
        cmocka_unit_test(test_anchors_are_the_rarest_bytes),
        cmocka_unit_test(test_count_bytes),
        cmocka_unit_test(test_agrees_with_memmem),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
