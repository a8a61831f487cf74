/* SPDX-License-Identifier: MIT */
/* The set of ids of a guide, with where each was first defined, so a duplicate is reported with
 * both places even when the two are in different files loaded at different times. The index
 * is the shared id table; a failed part is rolled back by truncating the entries and
 * re-indexing them. */
#include "guide_ids.h"

#include <stdint.h>
#include <stdlib.h>

#include "idtable.h"
#include "xalloc.h"

/* An entry as kept: 16 bytes instead of the 24 of struct guide_id_entry, a difference of a
 * megabyte for the hundred thousand ids of a 50 MB guide. The file is an index into the few
 * files registered (one per part loaded); a column fits in 26 bits because a guide file has at
 * most YDOC_MAX_FILE_SIZE (64 MiB) bytes. */
#define GUIDE_IDS_FILES 64 /* files one registry can name; one per part loaded */
struct guide_id_row {
    const char *id;
    uint32_t line;
    uint32_t col : 26;
    uint32_t file : 6;
};

struct guide_ids {
    struct guide_id_row *v;
    size_t n, cap;
    struct idtable index; /* id -> index into v */
    const char *files[GUIDE_IDS_FILES];
    size_t n_files;
    struct guide_id_entry found; /* what guide_ids_find() returned last */
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

/* The entry of row i, or NULL when i is IDTABLE_NONE. */
static const struct guide_id_entry *found(struct guide_ids *ids, size_t i)
{
    if (i == IDTABLE_NONE || ids->v == NULL) {
        return NULL;
    }
    const struct guide_id_row *r = &ids->v[i];
    ids->found = (struct guide_id_entry){
        .id = r->id, .file = ids->files[r->file], .line = r->line, .col = r->col};
    return &ids->found;
}

const struct guide_id_entry *guide_ids_find(struct guide_ids *ids, const char *id)
{
    return found(ids, idtable_find(&ids->index, id));
}

/* The index of file among those named so far, added if new. */
static unsigned file_index(struct guide_ids *ids, const char *file)
{
    for (size_t i = 0; i < ids->n_files; i++) {
        if (ids->files[i] == file) {
            return (unsigned)i;
        }
    }
    if (ids->n_files == GUIDE_IDS_FILES) {
        return GUIDE_IDS_FILES - 1; /* never with four parts; the place may then be wrong */
    }
    ids->files[ids->n_files] = file;
    return (unsigned)ids->n_files++;
}

const struct guide_id_entry *guide_ids_add(struct guide_ids *ids,
                                           const struct guide_id_entry *entry)
{
    size_t old = idtable_add(&ids->index, entry->id, ids->n); /* one hash of the id */
    if (old != IDTABLE_NONE) {
        return found(ids, old);
    }
    if (ids->n == ids->cap || ids->v == NULL) {
        ids->cap = ids->cap ? ids->cap * 2 : 64;
        ids->v = xreallocarray(ids->v, ids->cap, sizeof *ids->v);
    }
    ids->v[ids->n] = (struct guide_id_row){.id = entry->id,
                                           .line = entry->line,
                                           .col = entry->col < (1u << 26) ? entry->col : 0,
                                           .file = file_index(ids, entry->file)};
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
