/* SPDX-License-Identifier: MIT */
/* An index from string ids to row numbers, for tables whose rows own their ids: the guide
 * loader's id registry, the progress document's guides, items, notes and certifications.
 *
 * Open addressing with linear probing over a power-of-two array of slots kept at most three
 * quarters full, so a lookup or an insertion is O(1) on average and building a table of n ids is
 * O(n). A slot holds the id pointer (borrowed: it must stay valid, and at the same address, while
 * it is in the table), part of its hash (compared before the strings) and the row number (below
 * 2^32). Rows that move or go away are handled by the owner:
 * idtable_clear() and idtable_put() again. A zeroed struct
 * idtable is an empty table. */
#ifndef TRAIL_IDTABLE_H
#define TRAIL_IDTABLE_H

#include <stddef.h>
#include <stdint.h>

#define IDTABLE_NONE SIZE_MAX /* idtable_find(): no such id */

struct idtable_slot {
    const char *id; /* NULL: empty */
    uint32_t hash;  /* the id's hash, low bits: growing never reads the ids again */
    uint32_t row;
};

struct idtable {
    struct idtable_slot *slots;
    size_t n_slots; /* 0 or a power of two, at least 4/3 of n */
    size_t n;
};

/* FNV-1a, 64-bit, of the NUL-terminated s; and one FNV-1a step over the len bytes at p,
 * continuing from h (start from IDTABLE_HASH_SEED). */
#define IDTABLE_HASH_SEED UINT64_C(14695981039346656037)
uint64_t idtable_hash(const char *s);
uint64_t idtable_hash_bytes(uint64_t h, const void *p, size_t len);

/* A hash of the len bytes at p continuing from h, eight bytes a step (in the machine's byte
 * order, so for data that stays on the machine): a checksum of a whole buffer at about a
 * tenth of the cost of idtable_hash_bytes(). Each step multiplies as FNV does and folds the
 * high half into the low one, so that a change in any bit reaches every later bit. */
uint64_t idtable_hash_words(uint64_t h, const void *p, size_t len);

/* The row of id, or IDTABLE_NONE. */
size_t idtable_find(const struct idtable *t, const char *id);

/* Adds id (borrowed) as row `row`. The id must not be in the table yet (idtable_find()
 * first); the table grows as needed. */
void idtable_put(struct idtable *t, const char *id, size_t row);

/* idtable_find() and idtable_put() in one, hashing id once: the row of id when it is in the
 * table already (nothing is added), else IDTABLE_NONE after adding id (borrowed) as `row`. */
size_t idtable_add(struct idtable *t, const char *id, size_t row);

/* The same in two steps, for a loader that adds many ids: idtable_key() hashes the len bytes of
 * id (its length), idtable_prefetch() asks for the slot where that key's probing starts to be
 * brought into the cache, and idtable_add_key() adds the id with that key. Prefetching the next
 * few ids' slots while working on the ones before hides the wait for memory that a large
 * table's slots, each met once at a random place, cost otherwise. */
uint32_t idtable_key(const char *id, size_t len);
void idtable_prefetch(const struct idtable *t, uint32_t key);
size_t idtable_add_key(struct idtable *t, const char *id, uint32_t key, size_t row);

/* Makes room for n more ids, so that adding them never grows the table: a loader that knows
 * about how many ids come saves the copies (and the fresh memory) of growing step by step. An
 * empty table gets the fewest slots that hold n (two for one id). */
void idtable_reserve(struct idtable *t, size_t n);

/* Forgets every id, keeping the slots for reuse. */
void idtable_clear(struct idtable *t);

/* Frees the slots; the table is then empty (and may be used again). */
void idtable_free(struct idtable *t);

#endif
