/* SPDX-License-Identifier: MIT */
/* Bump allocator. Blocks grow geometrically from 4 KiB to 8 MiB; an allocation larger than a
 * block gets a block of its own. Alignment is that of max_align_t unless asked otherwise.
 *
 * A large guide's tree fills tens of megabytes of fresh memory, and every 4 KiB page of it
 * costs a page fault: blocks of 2 MiB and more come from xmalloc_large(), which asks the kernel
 * for transparent huge pages. Small guides never reach that block size. */
#include "arena.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct arena_block {
    struct arena_block *next;
    size_t size, used;
    alignas(max_align_t) unsigned char data[];
};

#define ARENA_MIN_BLOCK (4u * 1024u)
#define ARENA_MAX_BLOCK (8u * 1024u * 1024u)
void *arena_alloc(struct arena *a, size_t size)
{
    return arena_alloc_align(a, size, alignof(max_align_t));
}

/* Blocks start aligned for any type; within one, the offset is rounded up to align and the
 * size to a multiple of it, so the next allocation of the same alignment needs no padding. */
void *arena_alloc_align(struct arena *a, size_t size, size_t align)
{
    if (size > SIZE_MAX - 2 * alignof(max_align_t)) {
        return xmalloc(SIZE_MAX); /* aborts with a message */
    }
    size = (size + align - 1) & ~(align - 1);
    struct arena_block *b = a->head;
    if (b != NULL) {
        size_t pad = ((b->used + align - 1) & ~(align - 1)) - b->used;
        if (b->size - b->used >= size + pad) {
            b->used += pad;
        }
    }
    if (b == NULL || b->size - b->used < size) {
        size_t want = b == NULL ? ARENA_MIN_BLOCK : b->size * 2;
        if (want > ARENA_MAX_BLOCK) {
            want = ARENA_MAX_BLOCK;
        }
        if (want < size) {
            want = size;
        }
        struct arena_block *nb = xmalloc_large(sizeof *nb + want);
        nb->size = want;
        nb->used = 0;
        if (b != NULL && want == size && b->size - b->used >= 64) {
            /* A large one-off: keep filling the current block afterwards. */
            nb->next = b->next;
            b->next = nb;
            nb->used = size;
            a->total += size;
            return nb->data;
        }
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->total += size;
    return p;
}

void *arena_calloc(struct arena *a, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) {
        return xmalloc(SIZE_MAX);
    }
    void *p = arena_alloc(a, n * size);
    memset(p, 0, n * size);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    /* Most strings fit in the current block: take them without arena_alloc_align()'s checks
     * (a large guide copies hundreds of thousands). */
    struct arena_block *b = a->head;
    char *p;
    if (b != NULL && n < b->size - b->used) {
        p = (char *)b->data + b->used;
        b->used += n + 1;
        a->total += n + 1;
    } else {
        p = arena_alloc_align(a, n + 1, 1);
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void arena_adopt(struct arena *dst, struct arena *src)
{
    if (src->head == NULL) {
        return;
    }
    if (dst->head == NULL) {
        dst->head = src->head;
    } else {
        /* Keep dst's current block first so it goes on filling; src's go behind it. */
        struct arena_block *tail = src->head;
        while (tail->next != NULL) {
            tail = tail->next;
        }
        tail->next = dst->head->next;
        dst->head->next = src->head;
    }
    dst->total += src->total;
    src->head = NULL;
    src->total = 0;
}

void arena_free(struct arena *a)
{
    struct arena_block *b = a->head;
    while (b != NULL) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}
