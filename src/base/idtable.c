/* SPDX-License-Identifier: MIT */
/* The one id index of trail (see idtable.h).
 *
 * Invariant: n_slots is 0 or a power of two with n * 4 <= n_slots * 3, so every probe
 * sequence reaches an empty slot and ends. Three quarters full, not half: a slot is 16 bytes, and a
 * large guide's ids would otherwise cost megabytes of empty slots, while linear probing
 * still averages a few probes a lookup at that load. Slots are never deleted one by one (no
 * tombstones): owners that drop rows clear the table and put the survivors back, which keeps
 * probing exact. */
#include "idtable.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The slots' hash of an id: eight bytes a step, where FNV-1a takes one (a large plan's ids are
 * long paths, and hashing them byte by byte was a good part of loading it). Kept in memory only:
 * nothing stores it, so it may change. */
uint32_t idtable_key(const char *id, size_t n)
{
    uint64_t h = IDTABLE_HASH_SEED ^ n, w;
    for (; n >= 8; id += 8, n -= 8) {
        memcpy(&w, id, 8);
        h = (h ^ w) * UINT64_C(0x9e3779b97f4a7c15);
        h ^= h >> 29;
    }
    w = 0;
    memcpy(&w, id, n);
    h = (h ^ w) * UINT64_C(0x9e3779b97f4a7c15);
    return (uint32_t)(h ^ (h >> 32));
}

static uint32_t slot_hash(const char *id)
{
    return idtable_key(id, strlen(id));
}

uint64_t idtable_hash_bytes(uint64_t h, const void *p, size_t len)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < len; i++) {
        h ^= s[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

uint64_t idtable_hash_words(uint64_t h, const void *p, size_t len)
{
    const unsigned char *s = p;
    for (; len >= sizeof(uint64_t); s += sizeof(uint64_t), len -= sizeof(uint64_t)) {
        uint64_t w;
        memcpy(&w, s, sizeof w);
        h = (h ^ w) * UINT64_C(1099511628211);
        h ^= h >> 29;
    }
    return idtable_hash_bytes(h, s, len);
}

uint64_t idtable_hash(const char *s)
{
    uint64_t h = IDTABLE_HASH_SEED;
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

size_t idtable_find(const struct idtable *t, const char *id)
{
    if (t->n == 0) {
        return IDTABLE_NONE;
    }
    uint32_t hash = slot_hash(id);
    size_t mask = t->n_slots - 1;
    for (size_t h = hash & mask; t->slots[h].id != NULL; h = (h + 1) & mask) {
        if (t->slots[h].hash == hash && strcmp(t->slots[h].id, id) == 0) {
            return t->slots[h].row;
        }
    }
    return IDTABLE_NONE;
}

static void insert(struct idtable_slot *slots, size_t n_slots, struct idtable_slot s)
{
    size_t mask = n_slots - 1;
    size_t h = s.hash & mask;
    while (slots[h].id != NULL) {
        h = (h + 1) & mask;
    }
    slots[h] = s;
}

/* Makes room for one more id: doubles the slots, or starts at 8 (room for 6 ids), so that a
 * table filled one id at a time is not copied at each of its first few ids. */
static void grow(struct idtable *t)
{
    if ((t->n + 1) * 4 > t->n_slots * 3) {
        idtable_reserve(t, t->n_slots > 0 ? 1 : 6);
    }
}

void idtable_put(struct idtable *t, const char *id, size_t row)
{
    grow(t);
    struct idtable_slot s = {.id = id, .hash = slot_hash(id), .row = (uint32_t)row};
    insert(t->slots, t->n_slots, s);
    t->n++;
}

void idtable_prefetch(const struct idtable *t, uint32_t key)
{
    if (t->n_slots > 0) {
        __builtin_prefetch(&t->slots[key & (t->n_slots - 1)], 1);
    }
}

size_t idtable_add(struct idtable *t, const char *id, size_t row)
{
    return idtable_add_key(t, id, slot_hash(id), row);
}

size_t idtable_add_key(struct idtable *t, const char *id, uint32_t hash, size_t row)
{
    grow(t);
    size_t mask = t->n_slots - 1, h = hash & mask;
    for (; t->slots[h].id != NULL; h = (h + 1) & mask) {
        if (t->slots[h].hash == hash && strcmp(t->slots[h].id, id) == 0) {
            return t->slots[h].row;
        }
    }
    t->slots[h] = (struct idtable_slot){.id = id, .hash = hash, .row = (uint32_t)row};
    t->n++;
    return IDTABLE_NONE;
}

void idtable_reserve(struct idtable *t, size_t n)
{
    size_t n_slots = t->n_slots ? t->n_slots : 2; /* as few as hold n: a guide of one item */
    while ((t->n + n) * 4 > n_slots * 3) {
        n_slots *= 2;
    }
    if (n_slots > t->n_slots) {
        /* Zeroed by writing: probing reads a slot before it writes it, and fresh memory read
         * first costs a second page fault at the write. */
        struct idtable_slot *slots = xmalloc_large(n_slots * sizeof *slots);
        memset(slots, 0, n_slots * sizeof *slots);
        for (size_t i = 0; i < t->n_slots; i++) {
            if (t->slots[i].id != NULL) {
                insert(slots, n_slots, t->slots[i]);
            }
        }
        free(t->slots);
        t->slots = slots;
        t->n_slots = n_slots;
    }
}

void idtable_clear(struct idtable *t)
{
    if (t->n > 0) {
        memset(t->slots, 0, t->n_slots * sizeof *t->slots);
        t->n = 0;
    }
}

void idtable_free(struct idtable *t)
{
    free(t->slots);
    memset(t, 0, sizeof *t);
}
