/* SPDX-License-Identifier: MIT */
/* The loader's id registry (private to guide_load.c and guide_model.c). */
#ifndef TRAIL_GUIDE_IDS_H
#define TRAIL_GUIDE_IDS_H

#include <stddef.h>

struct guide_id_entry {
    const char *id;   /* borrowed: lives in the guide's arena */
    const char *file; /* borrowed */
    unsigned line, col;
};

struct guide_ids;

struct guide_ids *guide_ids_new(void);
void guide_ids_free(struct guide_ids *ids);
/* Adds entry (copied; its strings are borrowed). Returns NULL, or the earlier entry with the
 * same id, in which case nothing is added. */
const struct guide_id_entry *guide_ids_add(struct guide_ids *ids,
                                           const struct guide_id_entry *entry);
/* The entry of id, or NULL. The entry returned here and by guide_ids_add() is a copy, valid
 * until the next call. */
const struct guide_id_entry *guide_ids_find(struct guide_ids *ids, const char *id);
size_t guide_ids_count(const struct guide_ids *ids);
/* Forgets every entry added after the first n. */
void guide_ids_truncate(struct guide_ids *ids, size_t n);

#endif
