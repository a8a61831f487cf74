/* SPDX-License-Identifier: MIT */
/* Allocation that cannot fail: on exhaustion, restore the terminal (through the hook the UI
 * registers) and abort with a message. Used for memory only; every other failure is reported. */
#ifndef TRAIL_XALLOC_H
#define TRAIL_XALLOC_H

#include <stddef.h>

/* Called once before aborting on out-of-memory, e.g. to leave curses mode. May be NULL. */
typedef void (*xalloc_fatal_fn)(void);
void xalloc_set_fatal_hook(xalloc_fatal_fn fn);

void *xmalloc(size_t size);
/* xmalloc() for a block that will be filled whole (a file read into memory, a large table or
 * arena block): from XALLOC_LARGE bytes on, it starts on a 2 MiB boundary and the kernel is
 * asked to back it with transparent huge pages (madvise; a hint, ignored where they are off), so
 * that filling it costs a page fault per 2 MiB rather than per 4 KiB. Freed with free(). */
#define XALLOC_LARGE (2u * 1024u * 1024u)
void *xmalloc_large(size_t size);
void *xcalloc(size_t n, size_t size);
/* Resize to n * size bytes; aborts on overflow. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
