/* SPDX-License-Identifier: MIT */
/* The id table: lookups after growth, clearing and reuse, hashing, and linear build time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "idtable.h"

static char **make_ids(size_t n)
{
    char **ids = malloc(n * sizeof *ids);
    for (size_t i = 0; i < n; i++) {
        ids[i] = malloc(64);
        snprintf(ids[i], 64, "phase-%zu/action-%zu", i / 7, i);
    }
    return ids;
}

static void free_ids(char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(ids[i]);
    }
    free(ids);
}

static void test_empty(void **state)
{
    (void)state;
    struct idtable t = {0};
    assert_int_equal(idtable_find(&t, "x"), IDTABLE_NONE);
    idtable_clear(&t);
    idtable_free(&t);
    assert_int_equal(idtable_find(&t, ""), IDTABLE_NONE);
}

static void test_put_find(void **state)
{
    (void)state;
    size_t n = 5000;
    char **ids = make_ids(n);
    struct idtable t = {0};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(idtable_find(&t, ids[i]), IDTABLE_NONE);
        idtable_put(&t, ids[i], i);
        /* Always at most half full, a power of two. */
        assert_true(t.n * 4 <= t.n_slots * 3);
        assert_int_equal(t.n_slots & (t.n_slots - 1), 0);
    }
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(idtable_find(&t, ids[i]), i);
    }
    /* Found by content, not by pointer. */
    char copy[32];
    snprintf(copy, sizeof copy, "%s", ids[1234]);
    assert_int_equal(idtable_find(&t, copy), 1234);
    assert_int_equal(idtable_find(&t, "phase-0/action-"), IDTABLE_NONE);
    assert_int_equal(idtable_find(&t, ""), IDTABLE_NONE);
    idtable_free(&t);
    free_ids(ids, n);
}

static void test_clear_and_rebuild(void **state)
{
    (void)state;
    size_t n = 300;
    char **ids = make_ids(n);
    struct idtable t = {0};
    for (size_t i = 0; i < n; i++) {
        idtable_put(&t, ids[i], i);
    }
    size_t slots = t.n_slots;
    idtable_clear(&t);
    assert_int_equal(t.n, 0);
    assert_int_equal(t.n_slots, slots); /* kept for reuse */
    assert_int_equal(idtable_find(&t, ids[0]), IDTABLE_NONE);
    /* Rows that survive a removal come back under their new numbers. */
    for (size_t i = 0, row = 0; i < n; i += 2, row++) {
        idtable_put(&t, ids[i], row);
    }
    assert_int_equal(idtable_find(&t, ids[10]), 5);
    assert_int_equal(idtable_find(&t, ids[11]), IDTABLE_NONE);
    idtable_free(&t);
    free_ids(ids, n);
}

/* idtable_add() finds or adds in one call; idtable_reserve() sizes the table once. */
static void test_add_reserve(void **state)
{
    (void)state;
    size_t n = 3000;
    char **ids = make_ids(n);
    struct idtable t = {0};
    idtable_reserve(&t, n);
    size_t slots = t.n_slots;
    assert_true(n * 4 <= slots * 3);
    assert_int_equal(slots & (slots - 1), 0);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(idtable_add(&t, ids[i], i), IDTABLE_NONE);
    }
    assert_int_equal(t.n_slots, slots); /* no growth after the reserve */
    assert_int_equal(t.n, n);
    char copy[32];
    snprintf(copy, sizeof copy, "%s", ids[77]);
    assert_int_equal(idtable_add(&t, copy, 9999), 77); /* taken: nothing added */
    assert_int_equal(t.n, n);
    assert_int_equal(idtable_find(&t, ids[2999]), 2999);
    /* Past the reserve the table grows as idtable_put() makes it. */
    assert_int_equal(idtable_add(&t, "beyond", n), IDTABLE_NONE);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(idtable_find(&t, ids[i]), i);
    }
    /* A reserve on a filled table keeps what is in it. */
    idtable_reserve(&t, 4 * n);
    assert_true(t.n_slots > slots);
    assert_int_equal(idtable_find(&t, ids[1500]), 1500);
    assert_int_equal(idtable_find(&t, "beyond"), n);
    idtable_free(&t);
    free_ids(ids, n);
}

/* Adding in two steps (key, prefetch, add) is adding: the same ids found, the same taken. */
static void test_add_key(void **state)
{
    (void)state;
    size_t n = 2000;
    char **ids = make_ids(n);
    struct idtable t = {0};
    idtable_prefetch(&t, 0); /* an empty table: nothing to fetch */
    for (size_t i = 0; i < n; i++) {
        uint32_t key = idtable_key(ids[i], strlen(ids[i]));
        idtable_prefetch(&t, key);
        assert_int_equal(idtable_add_key(&t, ids[i], key, i), IDTABLE_NONE);
    }
    assert_int_equal(t.n, n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(idtable_find(&t, ids[i]), i);
    }
    char copy[32];
    snprintf(copy, sizeof copy, "%s", ids[5]);
    assert_int_equal(idtable_add(&t, copy, 9999), 5);
    assert_int_equal(idtable_add_key(&t, copy, idtable_key(copy, strlen(copy)), 9999), 5);
    assert_int_equal(idtable_add_key(&t, "new", idtable_key("new", 3), n), IDTABLE_NONE);
    assert_int_equal(idtable_find(&t, "new"), n);
    idtable_free(&t);
    free_ids(ids, n);
}

static void test_hash(void **state)
{
    (void)state;
    /* FNV-1a 64 reference values. */
    assert_true(idtable_hash("") == UINT64_C(0xcbf29ce484222325));
    assert_true(idtable_hash("a") == UINT64_C(0xaf63dc4c8601ec8c));
    assert_true(idtable_hash("foobar") == UINT64_C(0x85944171f73967e8));
    assert_true(idtable_hash_bytes(IDTABLE_HASH_SEED, "foobar", 6) == idtable_hash("foobar"));
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double build_time(char **ids, size_t n)
{
    double t0 = seconds();
    struct idtable t = {0};
    for (size_t i = 0; i < n; i++) {
        idtable_put(&t, ids[i], i);
    }
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(idtable_find(&t, ids[i]), i);
    }
    idtable_free(&t);
    return seconds() - t0;
}

/* 20 times the ids must not take anywhere near 400 times as long: CPU time, best of three,
 * and a bound loose enough for loaded and sanitised runs (quadratic growth would be 20 times
 * slower per id; the bound allows 4). */
/* The word-at-a-time checksum: the same bytes give the same hash however they are aligned;
 * flipping any one bit of a buffer (words and tail alike), or dropping its last byte, gives
 * another. */
static void test_hash_words(void **state)
{
    (void)state;
    unsigned char buf[75], moved[80];
    for (size_t i = 0; i < sizeof buf; i++) {
        buf[i] = (unsigned char)(i * 37 + 11);
    }
    uint64_t h = idtable_hash_words(IDTABLE_HASH_SEED, buf, sizeof buf);
    memcpy(moved + 3, buf, sizeof buf);
    assert_true(idtable_hash_words(IDTABLE_HASH_SEED, moved + 3, sizeof buf) == h);
    assert_true(idtable_hash_words(IDTABLE_HASH_SEED, buf, sizeof buf - 1) != h);
    uint64_t seen[sizeof buf * 8];
    for (size_t bit = 0; bit < sizeof buf * 8; bit++) {
        buf[bit / 8] ^= (unsigned char)(1u << (bit % 8));
        seen[bit] = idtable_hash_words(IDTABLE_HASH_SEED, buf, sizeof buf);
        buf[bit / 8] ^= (unsigned char)(1u << (bit % 8));
        assert_true(seen[bit] != h);
        for (size_t k = 0; k < bit; k++) {
            assert_true(seen[k] != seen[bit]);
        }
    }
}

static void test_linear(void **state)
{
    (void)state;
    if (getenv("TRAIL_VALGRIND") != NULL) {
        skip();
    }
    size_t small = 10000, big = 200000;
    char **ids = make_ids(big);
    double ts = 1e9, tb = 1e9;
    for (int run = 0; run < 3; run++) {
        double s = build_time(ids, small), b = build_time(ids, big);
        ts = s < ts ? s : ts;
        tb = b < tb ? b : tb;
    }
    ts = ts > 1e-5 ? ts : 1e-5;
    assert_true(tb / ts < 20.0 * 4);
    free_ids(ids, big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_put_find),
        cmocka_unit_test(test_clear_and_rebuild),
        cmocka_unit_test(test_add_reserve),
        cmocka_unit_test(test_add_key),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_hash_words),
        cmocka_unit_test(test_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
