/* SPDX-License-Identifier: MIT */
/* Private to the search_*.c files: the index layout shared by building and querying. */
#ifndef TRAIL_SEARCH_INTERNAL_H
#define TRAIL_SEARCH_INTERNAL_H

#include <stddef.h>

#include "search.h"

#define SEARCH_N_KINDS 7

/* How many bytes of the folded buffer search_count_bytes() samples at most. */
#define SEARCH_COUNT_SAMPLES 65536

/* Where folded and original offsets of a field part ways: one character whose folding has a
 * different length, or more than one character ("ß" -> "ss"). Offsets are from the field start.
 * Between marks, folded and original bytes correspond one to one. */
struct search_mark {
    size_t f, o;       /* where the character starts, folded and original */
    size_t flen, olen; /* its folded and original lengths */
};

struct search_field {
    size_t start, len; /* the folded text: folded[start, start + len) */
    const char *text;  /* the original, borrowed from the guide */
    size_t text_len;
    size_t first_mark; /* marks[first_mark, first_mark + n_marks) */
    size_t n_marks;    /* 0: folded offsets equal original offsets (pure ASCII, say) */
    size_t entry;
    enum search_field_role role;
};

struct search_entry {
    enum search_kind kind;
    size_t index, sub;
    size_t first_field, n_fields; /* fields[first_field, ...), title fields first */
    size_t n_title;               /* how many of them are title fields */
};

struct search_index {
    char *folded; /* every field folded, each followed by '\0' so no match spans two */
    size_t folded_len;
    struct search_field *fields;
    size_t n_fields;
    struct search_entry *entries;
    size_t n_entries;
    struct search_mark *marks;
    size_t n_marks;
    char **owned; /* copies of the notes that fields point into */
    size_t n_owned;
    /* Per kind (bit number), the folded bytes its entries span; lo == hi when it has none. */
    size_t kind_lo[SEARCH_N_KINDS], kind_hi[SEARCH_N_KINDS];
    size_t byte_counts[256]; /* a sample of folded's bytes, to pick rare anchors for a finder */
};

/* A term prepared for searching (search_scan.c): s[a] and s[b] are the anchors, its rarest
 * bytes, compared first. Borrows s. */
struct search_finder {
    const char *s;
    size_t len;
    size_t a, b; /* a <= b < len */
};

/* Counts the bytes of a sample (at most SEARCH_COUNT_SAMPLES, evenly spread) of buf. */
void search_count_bytes(const char *buf, size_t len, size_t counts[256]);

/* Prepares finding s (len bytes, borrowed) in text whose byte counts are given (NULL: anchor
 * the first and last bytes). */
void search_finder_init(struct search_finder *f, const char *s, size_t len,
                        const size_t counts[256]);

/* The first occurrence of the finder's term in hay[0, n), as memmem() would return it, or NULL.
 * An empty term occurs at hay. */
const char *search_finder_find(const struct search_finder *f, const char *hay, size_t n);

/* Original offsets of folded offset f (relative to the field start) as the start and as the
 * end of a match: a match that begins or ends inside the folding of one character covers the
 * whole character, and combining marks dropped at f belong to the match that ends there. */
size_t search_map_start(const struct search_index *idx, const struct search_field *fld, size_t f);
size_t search_map_end(const struct search_index *idx, const struct search_field *fld, size_t f);

#endif
