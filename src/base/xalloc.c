/* SPDX-License-Identifier: MIT */
/* Allocation wrappers: out of memory is fatal, reported once, with the terminal restored by the
 * hook the UI registers. */
#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static xalloc_fatal_fn fatal_hook;

void xalloc_set_fatal_hook(xalloc_fatal_fn fn)
{
    fatal_hook = fn;
}

static void out_of_memory(size_t size)
{
    if (fatal_hook != NULL) {
        fatal_hook();
    }
    fprintf(stderr, "trail: out of memory (allocating %zu bytes)\n", size);
    abort();
}

void *xmalloc(size_t size)
{
    void *p = malloc(size == 0 ? 1 : size);
    if (p == NULL) {
        out_of_memory(size);
    }
    return p;
}

void *xmalloc_large(size_t size)
{
    if (size < XALLOC_LARGE) {
        return xmalloc(size);
    }
    void *p = NULL;
    if (posix_memalign(&p, XALLOC_LARGE, size) != 0) {
        out_of_memory(size);
    }
#ifdef MADV_HUGEPAGE
    /* The whole huge pages inside the block; the rest is left to ordinary pages. */
    madvise(p, size & ~(size_t)(XALLOC_LARGE - 1), MADV_HUGEPAGE); /* a hint: failure is fine */
#endif
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);
    if (p == NULL) {
        out_of_memory(n * size);
    }
    return p;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) {
        out_of_memory(SIZE_MAX);
    }
    size_t total = n * size;
    void *q = realloc(p, total == 0 ? 1 : total);
    if (q == NULL) {
        out_of_memory(total);
    }
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xasprintf(const char *fmt, ...)
{
    /* Most strings made here are paths and short messages: formatted once into a buffer that
     * has room for them, and only a longer one a second time into one of its size. */
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return xstrdup("");
    }
    char *p = xmalloc((size_t)n + 1);
    if ((size_t)n < sizeof small) {
        memcpy(p, small, (size_t)n + 1);
        return p;
    }
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
