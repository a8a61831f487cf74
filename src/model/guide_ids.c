/* SPDX-License-Identifier: MIT */
/* The set of ids of a guide, with where each was first defined, so a duplicate is reported with
 * both places even when the two are in different files loaded at different times. The index
 * is the shared id table; a failed part is rolled back by truncating the entries and
 * re-indexing them. */
#include "guide_ids.h"

#include <stdlib.h>

#include "idtable.h"
#include "xalloc.h"

struct guide_ids {
    struct guide_id_entry *v;
    size_t n, cap;
    struct idtable index; /* id -> index into v */
};

struct guide_ids *guide_ids_new(void)
{
    return xcalloc(1, sizeof(struct guide_ids));
}

void guide_ids_free(struct guide_ids *ids)
{
    if (ids != NULL) {
        free(ids->v);
        idtable_free(&ids->index);
        free(ids);
    }
}

const struct guide_id_entry *guide_ids_find(const struct guide_ids *ids, const char *id)
{
    size_t i = idtable_find(&ids->index, id);
    return i != IDTABLE_NONE && ids->v != NULL ? &ids->v[i] : NULL;
}

const struct guide_id_entry *guide_ids_add(struct guide_ids *ids,
                                           const struct guide_id_entry *entry)
{
    const struct guide_id_entry *old = guide_ids_find(ids, entry->id);
    if (old != NULL) {
        return old;
    }
    if (ids->n == ids->cap || ids->v == NULL) {
        ids->cap = ids->cap ? ids->cap * 2 : 64;
        ids->v = xreallocarray(ids->v, ids->cap, sizeof *ids->v);
    }
    ids->v[ids->n] = *entry;
    idtable_put(&ids->index, entry->id, ids->n);
    ids->n++;
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
        idtable_clear(&ids->index);
        for (size_t i = 0; i < n; i++) {
            idtable_put(&ids->index, ids->v[i].id, i);
        }
    }
}
