/* SPDX-License-Identifier: MIT */
/* Id-keyed rows of the progress document (notes, certifications, evidence): an array of rows
 * that each begin with their owned id, and the shared id table indexing them. The owner frees
 * what the rows hold; this file only moves them. */
#include <stdlib.h>
#include <string.h>

#include "progress_internal.h"
#include "xalloc.h"

static char *row_id(const struct progress_table *t, size_t size, size_t i)
{
    return *(char **)((char *)t->rows + i * size);
}

void progress_table_reindex(struct progress_table *t, size_t size)
{
    idtable_clear(&t->index);
    for (size_t i = 0; i < t->n; i++) {
        idtable_put(&t->index, row_id(t, size, i), i);
    }
}

void *progress_table_find(const struct progress_table *t, size_t size, const char *id)
{
    size_t i = idtable_find(&t->index, id);
    return i != IDTABLE_NONE ? (char *)t->rows + i * size : NULL;
}

/* The row of id, added (zeroed, with a copy of id) when absent. */
void *progress_table_get(struct progress_table *t, size_t size, const char *id)
{
    void *row = progress_table_find(t, size, id);
    if (row != NULL) {
        return row;
    }
    if (t->n == t->cap || t->rows == NULL) {
        t->cap = t->cap ? t->cap * 2 : 4;
        t->rows = xreallocarray(t->rows, t->cap, size);
    }
    row = (char *)t->rows + t->n * size;
    memset(row, 0, size);
    char *copy = xstrdup(id);
    *(char **)row = copy;
    idtable_put(&t->index, copy, t->n);
    t->n++;
    return row;
}

void progress_table_free(struct progress_table *t)
{
    free(t->rows);
    idtable_free(&t->index);
    memset(t, 0, sizeof *t);
}
