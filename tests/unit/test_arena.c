/* SPDX-License-Identifier: MIT */
/* Unit tests of the arena: alignment per request, strings packed byte by byte, large one-off
 * allocations, adoption and reuse after freeing. */
#include <setjmp.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"

static bool aligned(const void *p, size_t align)
{
    return ((uintptr_t)p & (align - 1)) == 0;
}

/* Mixed requests keep each one's alignment and never overlap; the default stays aligned for
 * any type even after odd-sized strings. */
static void test_alignment_and_no_overlap(void **state)
{
    (void)state;
    struct arena a = {0};
    unsigned char *prev_end = NULL;
    for (int i = 0; i < 5000; i++) {
        size_t align = (size_t)1 << (i % 5); /* 1, 2, 4, 8, 16 */
        size_t size = (size_t)(i * 7 % 61) + 1;
        unsigned char *p = arena_alloc_align(&a, size, align);
        assert_true(aligned(p, align));
        memset(p, 0xab, size);
        if (prev_end != NULL && p > prev_end - size && p < prev_end) {
            fail_msg("allocation %d overlaps the one before", i);
        }
        prev_end = p + size;
        char *s = arena_strndup(&a, "odd", 3);
        assert_string_equal(s, "odd");
        void *m = arena_alloc(&a, 24);
        assert_true(aligned(m, alignof(max_align_t)));
    }
    arena_free(&a);
}

/* Strings take their length plus the terminator, nothing more, within a block. */
static void test_strings_are_packed(void **state)
{
    (void)state;
    struct arena a = {0};
    char *first = arena_strndup(&a, "abc", 3);
    char *second = arena_strndup(&a, "de", 2);
    char *third = arena_strdup(&a, "f");
    assert_ptr_equal(second, first + 4);
    assert_ptr_equal(third, second + 3);
    assert_string_equal(first, "abc");
    assert_string_equal(second, "de");
    /* A node after them is 8-aligned: at most 7 bytes of padding. */
    void *node = arena_alloc_align(&a, 24, 8);
    assert_true(aligned(node, 8));
    assert_true((char *)node - (third + 2) < 8);
    arena_free(&a);
}

/* Strings that fill a block to its last byte, and the ones that no longer fit, stay whole and
 * apart across many blocks. */
static void test_strings_fill_blocks(void **state)
{
    (void)state;
    struct arena a = {0};
    char *prev = NULL;
    size_t prev_len = 0;
    for (int i = 0; i < 20000; i++) {
        size_t len = (size_t)(i * 13 % 97);
        char text[100];
        memset(text, 'a' + i % 26, len);
        char *s = arena_strndup(&a, text, len);
        assert_int_equal(strlen(s), len);
        assert_memory_equal(s, text, len);
        if (prev != NULL && s > prev && s <= prev + prev_len) {
            fail_msg("string %d overlaps the one before", i);
        }
        assert_int_equal(strlen(prev != NULL ? prev : ""), prev_len);
        prev = s, prev_len = len;
    }
    arena_free(&a);
}

/* Allocations larger than a block, adoption and reuse after arena_free(). */
static void test_large_adopt_and_reuse(void **state)
{
    (void)state;
    struct arena a = {0}, b = {0};
    char *big = arena_alloc_align(&a, 3u * 1024u * 1024u, 1);
    memset(big, 1, 3u * 1024u * 1024u);
    char *s = arena_strdup(&a, "kept");
    arena_adopt(&b, &a);
    assert_null(a.head);
    assert_string_equal(s, "kept");
    arena_free(&b);
    assert_null(b.head);
    assert_string_equal(arena_strdup(&b, "again"), "again");
    arena_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alignment_and_no_overlap),
        cmocka_unit_test(test_strings_are_packed),
        cmocka_unit_test(test_strings_fill_blocks),
        cmocka_unit_test(test_large_adopt_and_reuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
