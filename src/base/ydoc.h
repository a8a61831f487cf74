/* SPDX-License-Identifier: MIT */
/* A YAML document as a small tree of scalars, sequences and mappings, each with its location.
 *
 * Built from libyaml's event API (never the document API) so that what an attacker controls is
 * bounded: file size, nesting depth, scalar length and node count. Aliases and anchors are
 * rejected (a 300-byte alias bomb expands to 10^8 nodes), as are complex (non-scalar) and
 * duplicate mapping keys, NUL characters in scalars and streams of more than one document.
 * Every error is located: "file:line:col: what is wrong". The tree lives in an arena. */
#ifndef TRAIL_YDOC_H
#define TRAIL_YDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

#define YDOC_MAX_FILE_SIZE (64u * 1024u * 1024u) /* bytes */
#define YDOC_MAX_DEPTH     64u                   /* nested collections */
#define YDOC_MAX_SCALAR    (64u * 1024u)         /* bytes in one scalar */

enum ydoc_kind { YDOC_SCALAR, YDOC_SEQ, YDOC_MAP };

struct ydoc_node;

struct ydoc_pair {
    struct ydoc_node *key; /* always a scalar */
    struct ydoc_node *value;
};

/* 24 bytes: a 50 MB guide has about a million nodes, so their size shows in the load time. */
struct ydoc_node {
    unsigned line;     /* 1-based start of the node */
    unsigned col : 24; /* 1-based; columns past 16777215 read as that */
    unsigned kind : 8; /* enum ydoc_kind */
    union {
        struct {
            char *str;    /* NUL-terminated, valid UTF-8, no NUL inside */
            uint32_t len; /* bytes, without the terminator (at most YDOC_MAX_SCALAR) */
            bool plain;   /* unquoted: may be a number, boolean or null */
        } scalar;
        struct {
            struct ydoc_node **items;
            uint32_t n; /* at most the node limit */
        } seq;
        struct {
            struct ydoc_pair *pairs;
            uint32_t n;
        } map;
    } u;
};

struct ydoc {
    struct arena arena;
    char *file;             /* name used in messages */
    struct ydoc_node *root; /* NULL for an empty document */
};

/* Parses len bytes of buf, named `file` in messages. Returns a new document (caller frees with
 * ydoc_free()), or NULL after adding located errors to d. An empty stream gives a document whose
 * root is NULL. */
struct ydoc *ydoc_parse(const char *file, const char *buf, size_t len, struct diag *d);

/* Who reads a buffer for ydoc_parse(): block YAML of the shape libyaml's emitter writes is
 * read by ydoc_fast_read() (ydoc_fast.h), all else by libyaml. The tests read a text both
 * ways and compare the trees: ydoc_parse_with() takes one reader only (with FAST, NULL and
 * no message when that reader does not take the text). */
enum ydoc_reader { YDOC_READ_ANY, YDOC_READ_LIBYAML, YDOC_READ_FAST };
struct ydoc *ydoc_parse_with(enum ydoc_reader reader, const char *file, const char *buf, size_t len,
                             struct diag *d);

/* Opens a regular file of at most YDOC_MAX_FILE_SIZE bytes for reading. Returns the descriptor
 * (caller closes) and its size in *size (if not NULL), or -1 after adding an error to d. */
int ydoc_open_file(const char *path, size_t *size, struct diag *d);

/* Reads and parses a file (at most YDOC_MAX_FILE_SIZE bytes). NULL with an error on failure. */
struct ydoc *ydoc_load_file(const char *path, struct diag *d);

/* ydoc_load_file() reading only as far as it must: it stops once the top-level mapping has a
 * value for each of keys (NULL-terminated). The root then holds the pairs read so far, and what
 * follows is neither read into the tree nor checked: for a command that needs a document's
 * first keys only (trail done needs guide.yaml's format and id). Without them all, the whole
 * file is read, as ydoc_load_file() does. */
struct ydoc *ydoc_load_file_head(const char *path, const char *const *keys, struct diag *d);

void ydoc_free(struct ydoc *doc);

/* Reads fd (a file, a pipe) to its end, at most YDOC_MAX_FILE_SIZE + 1 bytes, so that a caller
 * can tell a stream that is too large; hint is the expected size (0 when unknown). Returns a new
 * buffer (caller frees) with its length in *len, NULL on a read error (errno set). */
char *ydoc_read_fd(int fd, size_t hint, size_t *len);

/* Whether n is a plain scalar YAML reads as null: empty ("key:" with nothing after it), "~",
 * "null", "Null" or "NULL". n may be NULL (false). */
bool ydoc_is_null(const struct ydoc_node *n);
/* n is a scalar (false for NULL). */
bool ydoc_is_scalar(const struct ydoc_node *n);

/* The value of `key` in mapping `map`, or NULL (also when map is not a mapping). */
struct ydoc_node *ydoc_map_get(const struct ydoc_node *map, const char *key);

/* Name of a node's kind for messages: "a string", "a list", "a mapping". */
const char *ydoc_kind_name(enum ydoc_kind kind);

#endif
