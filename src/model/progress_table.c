/* SPDX-License-Identifier: MIT */
/* Id-keyed rows of the progress document (notes, certifications, evidence): an array of rows
 * that each begin with their owned id, and the shared id table indexing them. The owner frees
 * what the rows hold; this file only moves them. Beside them, what a guide's reset and merge do
 * to the change times of any kind of row (the latest, lifting past a reset, dropping the rows
 * a reset voided), given where in its row each kind keeps that time, and how any entry's
 * change time is read as a person wrote it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "progress_date.h"
#include "progress_internal.h"
#include "xalloc.h"
#include "ydoc.h"

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

static int64_t *time_of(const void *rows, size_t size, size_t at, size_t i)
{
    return (int64_t *)((char *)rows + i * size + at);
}

int64_t progress_rows_latest(const void *rows, size_t n, size_t size, size_t at, int64_t t)
{
    for (size_t i = 0; i < n; i++) {
        int64_t c = *time_of(rows, size, at, i);
        t = c > t ? c : t;
    }
    return t;
}

void progress_rows_lift(void *rows, size_t n, size_t size, size_t at, int64_t reset, size_t *lifted)
{
    for (size_t i = 0; i < n; i++) {
        int64_t *c = time_of(rows, size, at, i);
        if (*c != 0 && *c <= reset) {
            *c = reset + 1;
            (*lifted)++;
        }
    }
}

bool progress_table_drop_before(struct progress_table *t, size_t size, size_t at, int64_t reset,
                                progress_row_free_fn *free_row)
{
    size_t kept = 0;
    for (size_t i = 0; i < t->n; i++) {
        char *row = (char *)t->rows + i * size;
        if (*time_of(t->rows, size, at, i) <= reset) {
            free_row(row);
        } else if (kept++ != i) {
            memcpy((char *)t->rows + (kept - 1) * size, row, size);
        }
    }
    bool dropped = kept != t->n;
    t->n = kept;
    if (dropped) {
        progress_table_reindex(t, size);
    }
    return dropped;
}

/* Missing: just after the guide's reset, so every dated change wins over the entry. */
bool progress_read_changed(const struct progress_guide *pg, const struct ydoc_node *v, int64_t *t,
                           const struct ydoc_node **bad)
{
    const struct ydoc_node *changed = v->kind == YDOC_MAP ? ydoc_map_get(v, "changed") : NULL;
    struct progress_date day;
    if (changed == NULL) {
        *t = pg->reset + 1;
        return true;
    }
    if (changed->kind == YDOC_SCALAR && progress_parse_time(changed->u.scalar.str, t) == 0) {
        return true;
    }
    if (changed->kind == YDOC_SCALAR && progress_date_parse(changed->u.scalar.str, &day) == 0) {
        *t = progress_date_days(day) * 86400000;
        return true;
    }
    *bad = changed;
    return false;
}

void progress_table_free(struct progress_table *t)
{
    free(t->rows);
    idtable_free(&t->index);
    memset(t, 0, sizeof *t);
}
