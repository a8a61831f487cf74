/* SPDX-License-Identifier: MIT */
/* The rows of evidence in a guide entry, below the document (progress_guide.c frees, voids,
 * lifts and merges them through here; progress_evidence.c changes them).
 *
 * Rows live in the entry's `evidence` table (progress_table.c), keyed by "<length of item>:
 * <item><target>", which no two (item, target) pairs share. A row is never deleted while its
 * guide lives, except when a reset voids it: removal leaves kind NONE. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "progress_evidence_internal.h"
#include "progress_internal.h"
#include "xalloc.h"

/* An optional text: NULL for none or "". */
static char *opt_dup(const char *s)
{
    return s != NULL && s[0] != '\0' ? xstrdup(s) : NULL;
}

static char *row_key(const char *item, const char *target)
{
    return xasprintf("%zu:%s%s", strlen(item), item, target);
}

/* The row of (item, target) in pg, or NULL; pg must not be NULL. */
static struct progress_evidence *row_lookup(const struct progress_guide *pg, const char *item,
                                            const char *target)
{
    char *key = row_key(item, target);
    struct progress_evidence *e =
        progress_table_find(&progress_guide_more(pg)->evidence, sizeof *e, key);
    free(key);
    return e;
}

struct progress_evidence *progress_evidence_row_find(const struct progress_guide *pg,
                                                     const char *item, const char *target)
{
    return pg != NULL ? row_lookup(pg, item, target) : NULL;
}

struct progress_evidence *progress_evidence_row_get(struct progress_guide *pg, const char *item,
                                                    const char *target)
{
    char *key = row_key(item, target);
    struct progress_evidence *e =
        progress_table_get(&progress_guide_more_get(pg)->evidence, sizeof *e, key);
    free(key);
    if (e->item == NULL) {
        e->item = xstrdup(item);
        e->target = xstrdup(target);
        e->check.commits = -1;
    }
    return e;
}

void progress_check_clear(struct progress_check *c)
{
    free(c->summary);
    free(c->head);
    free(c->remote);
    free(c->readme);
    memset(c, 0, sizeof *c);
    c->commits = -1;
}

void progress_check_copy(struct progress_check *to, const struct progress_check *from)
{
    progress_check_clear(to);
    *to = *from;
    to->summary = opt_dup(from->summary);
    to->head = opt_dup(from->head);
    to->remote = opt_dup(from->remote);
    to->readme = opt_dup(from->readme);
}

static void row_free_fields(struct progress_evidence *e)
{
    free(e->key);
    free(e->item);
    free(e->target);
    free(e->description);
    free(e->credential);
    progress_check_clear(&e->check);
}

void progress_evidence_free(struct progress_evidence *e)
{
    if (e != NULL) {
        row_free_fields(e);
        free(e);
    }
}

void progress_evidence_clear_all(struct progress_guide *pg)
{
    struct progress_guide_more *m = pg->more;
    if (m == NULL) {
        return;
    }
    struct progress_evidence *rows = m->evidence.rows;
    for (size_t i = 0; i < m->evidence.n; i++) {
        row_free_fields(&rows[i]);
    }
    progress_table_free(&m->evidence);
    memset(&m->unread_evidence, 0, sizeof m->unread_evidence); /* the arena keeps the nodes */
}

void progress_evidence_put_attachment(struct progress_evidence *e, enum progress_evidence_kind kind,
                                      const char *description, const char *credential,
                                      int64_t changed)
{
    char *d = opt_dup(description), *c = opt_dup(credential);
    free(e->description);
    free(e->credential);
    e->kind = kind;
    e->description = kind != PROGRESS_EVIDENCE_NONE ? d : NULL;
    e->credential = kind != PROGRESS_EVIDENCE_NONE ? c : NULL;
    if (kind == PROGRESS_EVIDENCE_NONE) {
        free(d);
        free(c);
        progress_check_clear(&e->check);
    }
    e->changed = changed;
}

const struct progress_evidence *progress_evidence_find_in(const struct progress_guide *pg,
                                                          const char *item_id, const char *target)
{
    return progress_evidence_row_find(pg, item_id, target);
}

size_t progress_guide_count_evidence(const struct progress_guide *pg)
{
    return pg != NULL ? progress_guide_more(pg)->evidence.n : 0;
}

const struct progress_evidence *progress_guide_evidence(const struct progress_guide *pg, size_t i)
{
    return &((const struct progress_evidence *)progress_guide_more(pg)->evidence.rows)[i];
}

/* --- Reset, merge ------------------------------------------------------------------------- */

static void free_row(void *row)
{
    row_free_fields(row);
}

bool progress_evidence_drop_void(struct progress_guide *pg)
{
    return pg->more != NULL &&
           progress_table_drop_before(&pg->more->evidence, sizeof(struct progress_evidence),
                                      offsetof(struct progress_evidence, changed), pg->reset,
                                      free_row);
}

void progress_evidence_lift(struct progress_guide *pg, int64_t reset, size_t *n)
{
    progress_rows_lift(progress_guide_more(pg)->evidence.rows, progress_guide_more(pg)->evidence.n,
                       sizeof(struct progress_evidence),
                       offsetof(struct progress_evidence, changed), reset, n);
}

int64_t progress_evidence_latest(const struct progress_guide *pg, int64_t t)
{
    return progress_rows_latest(
        progress_guide_more(pg)->evidence.rows, progress_guide_more(pg)->evidence.n,
        sizeof(struct progress_evidence), offsetof(struct progress_evidence, changed), t);
}

bool progress_evidence_merge(struct progress_guide *og, const struct progress_guide *tg)
{
    bool changed = false;
    const struct progress_evidence *rows = progress_guide_more(tg)->evidence.rows;
    for (size_t i = 0; i < progress_guide_more(tg)->evidence.n; i++) {
        const struct progress_evidence *t = &rows[i];
        struct progress_evidence *o = row_lookup(og, t->item, t->target);
        if (t->changed > og->reset && (o == NULL || t->changed > o->changed)) {
            o = progress_evidence_row_get(og, t->item, t->target);
            progress_evidence_put_attachment(o, t->kind, t->description, t->credential, t->changed);
            changed = true;
        }
        if (o != NULL && o->kind != PROGRESS_EVIDENCE_NONE && t->kind != PROGRESS_EVIDENCE_NONE &&
            t->check.when > o->check.when) {
            progress_check_copy(&o->check, &t->check);
            changed = true;
        }
    }
    return changed;
}

void progress_evidence_put(struct progress_guide *pg, const struct progress_evidence *before,
                           int64_t changed)
{
    struct progress_evidence *e = progress_evidence_row_get(pg, before->item, before->target);
    progress_evidence_put_attachment(e, before->kind, before->description, before->credential,
                                     changed);
}
