/* SPDX-License-Identifier: MIT */
/* Located diagnostics: "file:line:col: error: what is wrong". A loader fills a caller-owned
 * struct diag; the caller prints or inspects it and frees it with diag_free(). */
#ifndef TRAIL_DIAG_H
#define TRAIL_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag_msg {
    enum diag_level level;
    char *file;    /* may be NULL when the message is not about a file */
    unsigned line; /* 1-based; 0 when unknown */
    unsigned col;  /* 1-based; 0 when unknown */
    char *text;
};

/* At most DIAG_MAX messages are kept; later ones are counted in `dropped`. */
#define DIAG_MAX 100

struct diag {
    struct diag_msg *msgs;
    size_t n, cap;
    size_t errors, warnings, dropped;
};

void diag_add(struct diag *d, enum diag_level level, const char *file, unsigned line, unsigned col,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Prints each message as "file:line:col: error: text"; one about no line of a file as
 * "trail: file: error: text" (parts that are unknown are left out). */
void diag_print(const struct diag *d, FILE *out);
/* Formats one message into buf (always NUL-terminated, truncated to size). */
void diag_format(const struct diag_msg *m, char *buf, size_t size);
/* Puts the messages about each file in line and column order, the files in the order they first
 * appear (messages gathered by several readers of one file come out as a reader of it reads). */
void diag_sort(struct diag *d);
void diag_free(struct diag *d);
/* A key, id or text quoted in a message, written to buf: at most 48 bytes of it, anything but
 * printable ASCII as '?' and "..." when cut, so a hostile file cannot put escape sequences on
 * the user's terminal through an error. Returns buf. */
const char *diag_quote(const char *s, char *buf, size_t size);

#endif
