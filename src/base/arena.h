/* SPDX-License-Identifier: MIT */
/* A bump allocator: many small allocations freed together. The guide model and the parsed YAML
 * tree live in arenas, so a 50 MB guide is freed in a handful of calls. */
#ifndef TRAIL_ARENA_H
#define TRAIL_ARENA_H

#include <stddef.h>

struct arena_block;
struct arena {
    struct arena_block *head;
    size_t total; /* bytes handed out, for statistics */
};

/* Memory aligned for any type, valid until arena_free(). Never NULL (aborts on OOM). */
void *arena_alloc(struct arena *a, size_t size);
/* The same with the given alignment (a power of two up to that of max_align_t): packs the small
 * nodes and strings of a large tree tighter. */
void *arena_alloc_align(struct arena *a, size_t size, size_t align);
void *arena_calloc(struct arena *a, size_t n, size_t size);
/* Copies n bytes of s and a terminating NUL into the arena (byte-aligned). */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Moves every block of src into dst (src is left empty): what was allocated from src stays
 * valid until arena_free(dst). Lets a parse tree's strings become the model's without copies. */
void arena_adopt(struct arena *dst, struct arena *src);
/* Frees every block; the arena is empty and reusable afterwards. */
void arena_free(struct arena *a);

#endif
