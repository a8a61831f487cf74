/* SPDX-License-Identifier: MIT */
/* The set of ids of a guide, with where each was first defined, so a duplicate is reported with
 * both places even when the two are in different files loaded at different times. Open
 * addressing over an array of entries; a failed part is rolled back by truncating the entries
 * and rehashing. */
#include "guide_ids.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct guide_ids {
    struct guide_id_entry *v;
    size_t n, cap;
    uint32_t *slots; /* index + 1 into v; 0 = empty */
    size_t nslots;   /* power of two, at least twice n */
};

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

static void rehash(struct guide_ids *ids, size_t nslots)
{
    free(ids->slots);
    ids->nslots = nslots;
    ids->slots = xcalloc(nslots, sizeof *ids->slots);
    for (size_t i = 0; i < ids->n; i++) {
        size_t j = hash_str(ids->v[i].id) & (nslots - 1);
        while (ids->slots[j] != 0) {
            j = (j + 1) & (nslots - 1);
        }
        ids->slots[j] = (uint32_t)(i + 1);
    }
}

struct guide_ids *guide_ids_new(void)
{
    struct guide_ids *ids = xcalloc(1, sizeof *ids);
    rehash(ids, 64);
    return ids;
}

void guide_ids_free(struct guide_ids *ids)
{
    if (ids != NULL) {
        free(ids->v);
        free(ids->slots);
        free(ids);
    }
}

const struct guide_id_entry *guide_ids_find(const struct guide_ids *ids, const char *id)
{
    size_t j = hash_str(id) & (ids->nslots - 1);
    while (ids->slots[j] != 0) {
        const struct guide_id_entry *e = &ids->v[ids->slots[j] - 1];
        if (strcmp(e->id, id) == 0) {
            return e;
        }
        j = (j + 1) & (ids->nslots - 1);
    }
    return NULL;
}

const struct guide_id_entry *guide_ids_add(struct guide_ids *ids,
                                           const struct guide_id_entry *entry)
{
    const struct guide_id_entry *old = guide_ids_find(ids, entry->id);
    if (old != NULL) {
        return old;
    }
    if (ids->n == ids->cap) {
        ids->cap = ids->cap ? ids->cap * 2 : 64;
        ids->v = xreallocarray(ids->v, ids->cap, sizeof *ids->v);
    }
    ids->v[ids->n++] = *entry;
    if (ids->n * 2 > ids->nslots) {
        rehash(ids, ids->nslots * 2);
    } else {
        size_t j = hash_str(entry->id) & (ids->nslots - 1);
        while (ids->slots[j] != 0) {
            j = (j + 1) & (ids->nslots - 1);
        }
        ids->slots[j] = (uint32_t)ids->n;
    }
    return NULL;
}

size_t guide_ids_count(const struct guide_ids *ids)
{
    return ids->n;
}

void guide_ids_truncate(struct guide_ids *ids, size_t n)
{
    if (n < ids->n) {
        ids->n = n;
        rehash(ids, ids->nslots);
    }
}
