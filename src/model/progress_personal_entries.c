/* SPDX-License-Identifier: MIT */
/* The learner's own actions as entries of a guide entry (progress_personal.h for what they
 * are): kept, voided by a reset, merged, read from and written to the `personal` mapping.
 *
 * A guide entry holds them in one array in file order (a learner adds a few, so lookups are
 * linear). Each entry has its own change time; a removal keeps the entry without text, so that
 * a merge with an older copy cannot bring the action back. This file calls nothing else of the
 * document: the guide entry, the reader and the emitter call it. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_internal.h"
#include "progress_personal.h"
#include "text.h"
#include "xalloc.h"

/* --- Entries of a guide entry ------------------------------------------------------------ */

static void entry_free(struct progress_personal *e)
{
    free(e->id);
    free(e->text);
    free(e->phase);
    free(e->after);
}

void progress_personal_clear(struct progress_guide *pg)
{
    struct progress_guide_more *m = pg->more;
    if (m == NULL) {
        return;
    }
    for (size_t i = 0; i < m->n_personal; i++) {
        entry_free(&m->personal[i]);
    }
    free(m->personal);
    m->personal = NULL;
    m->n_personal = m->cap_personal = 0;
}

/* The entry of id in an existing guide entry, or NULL. */
static struct progress_personal *find_entry(const struct progress_guide *pg, const char *id)
{
    const struct progress_guide_more *m = progress_guide_more(pg);
    for (size_t i = 0; i < m->n_personal; i++) {
        if (strcmp(m->personal[i].id, id) == 0) {
            return &m->personal[i];
        }
    }
    return NULL;
}

struct progress_personal *progress_personal_lookup(const struct progress_guide *pg, const char *id)
{
    return pg != NULL ? find_entry(pg, id) : NULL;
}

static char *dup_or_null(const char *s)
{
    return s != NULL ? xstrdup(s) : NULL;
}

/* Stores an entry as given (copies the strings); text NULL is a tombstone. */
void progress_personal_put(struct progress_guide *pg, const char *id, const char *text,
                           const char *phase, const char *after, int64_t changed)
{
    struct progress_personal *e = find_entry(pg, id);
    if (e == NULL) {
        struct progress_guide_more *m = progress_guide_more_get(pg);
        if (m->n_personal == m->cap_personal) {
            m->cap_personal = m->cap_personal ? m->cap_personal * 2 : 8;
            m->personal = xreallocarray(m->personal, m->cap_personal, sizeof *m->personal);
        }
        e = &m->personal[m->n_personal++];
        memset(e, 0, sizeof *e);
        e->id = xstrdup(id);
    }
    char *t = dup_or_null(text), *ph = dup_or_null(phase), *af = dup_or_null(after);
    free(e->text), free(e->phase), free(e->after);
    e->text = t, e->phase = ph, e->after = af;
    e->changed = changed;
}

bool progress_personal_drop_void(struct progress_guide *pg)
{
    struct progress_guide_more *m = pg->more;
    size_t k = 0;
    for (size_t i = 0; m != NULL && i < m->n_personal; i++) {
        if (m->personal[i].changed != 0 && m->personal[i].changed <= pg->reset) {
            entry_free(&m->personal[i]);
        } else {
            m->personal[k++] = m->personal[i];
        }
    }
    bool dropped = m != NULL && k != m->n_personal;
    if (m != NULL) {
        m->n_personal = k;
    }
    return dropped;
}

size_t progress_personal_lift(struct progress_guide *pg, int64_t reset)
{
    size_t n = 0;
    const struct progress_guide_more *m = progress_guide_more(pg);
    progress_rows_lift(m->personal, m->n_personal, sizeof *m->personal,
                       offsetof(struct progress_personal, changed), reset, &n);
    return n;
}

int64_t progress_personal_latest(const struct progress_guide *pg, int64_t t)
{
    const struct progress_guide_more *m = progress_guide_more(pg);
    return progress_rows_latest(m->personal, m->n_personal, sizeof *m->personal,
                                offsetof(struct progress_personal, changed), t);
}

bool progress_personal_merge(struct progress_guide *og, const struct progress_guide *tg)
{
    bool changed = false;
    const struct progress_guide_more *tm = progress_guide_more(tg);
    for (size_t i = 0; i < tm->n_personal; i++) {
        const struct progress_personal *t = &tm->personal[i];
        const struct progress_personal *o = find_entry(og, t->id);
        if (t->changed > og->reset && (o == NULL || t->changed > o->changed)) {
            progress_personal_put(og, t->id, t->text, t->phase, t->after, t->changed);
            changed = true;
        }
    }
    return changed;
}

/* --- The file ------------------------------------------------------------------------------ */

static const char *scalar(const struct ydoc_node *map, const char *key)
{
    const struct ydoc_node *v = ydoc_map_get(map, key);
    return v != NULL && v->kind == YDOC_SCALAR && v->u.scalar.len > 0 ? v->u.scalar.str : NULL;
}

bool progress_personal_text_ok(const char *text)
{
    size_t n = text != NULL ? strlen(text) : 0;
    return n > 0 && n <= PROGRESS_PERSONAL_MAX && text_utf8_valid(text, n, NULL) &&
           strchr(text, '\n') == NULL;
}

const struct ydoc_node *progress_personal_read(struct progress_guide *pg,
                                               const struct ydoc_pair *pair)
{
    const char *id = pair->key->u.scalar.str;
    const struct ydoc_node *e = pair->value;
    int64_t changed;
    const struct ydoc_node *bad_time = NULL;
    if (e->kind != YDOC_MAP || strncmp(id, PROGRESS_PERSONAL_PREFIX, 5) != 0 ||
        !progress_read_changed(pg, e, &changed, &bad_time)) {
        return bad_time != NULL ? bad_time : e;
    }
    const char *text = scalar(e, "text"), *phase = scalar(e, "phase");
    if (text != NULL && (!progress_personal_text_ok(text) || phase == NULL)) {
        return e;
    }
    if (changed > pg->reset) {
        progress_personal_put(pg, id, text, text != NULL ? phase : NULL,
                              text != NULL ? scalar(e, "after") : NULL, changed);
    }
    return NULL;
}

/* A scalar node in arena a. */
static struct ydoc_node *node_str(struct arena *a, const char *s)
{
    struct ydoc_node *n = arena_calloc(a, 1, sizeof *n);
    n->kind = YDOC_SCALAR;
    n->u.scalar.str = arena_strdup(a, s);
    n->u.scalar.len = (uint32_t)strlen(s);
    n->u.scalar.plain = true;
    return n;
}

static void node_add(struct arena *a, struct ydoc_node *map, const char *key,
                     struct ydoc_node *value)
{
    map->u.map.pairs[map->u.map.n].key = node_str(a, key);
    map->u.map.pairs[map->u.map.n++].value = value;
}

struct ydoc_node *progress_personal_node(struct arena *a, const struct progress_guide *pg)
{
    const struct progress_extra *unread = &progress_guide_more(pg)->unread_personal;
    if (progress_guide_more(pg)->n_personal == 0 && unread->n == 0) {
        return NULL;
    }
    struct ydoc_node *map = arena_calloc(a, 1, sizeof *map);
    map->kind = YDOC_MAP;
    map->u.map.pairs =
        arena_calloc(a, progress_guide_more(pg)->n_personal + unread->n, sizeof *map->u.map.pairs);
    for (size_t i = 0; i < progress_guide_more(pg)->n_personal; i++) {
        const struct progress_personal *e = &progress_guide_more(pg)->personal[i];
        struct ydoc_node *m = arena_calloc(a, 1, sizeof *m);
        m->kind = YDOC_MAP;
        m->u.map.pairs = arena_calloc(a, 4, sizeof *m->u.map.pairs);
        if (e->text != NULL) {
            node_add(a, m, "text", node_str(a, e->text));
            node_add(a, m, "phase", node_str(a, e->phase));
            if (e->after != NULL) {
                node_add(a, m, "after", node_str(a, e->after));
            }
        }
        char when[PROGRESS_TIME_SIZE];
        progress_format_time(e->changed, when, sizeof when);
        node_add(a, m, "changed", node_str(a, when));
        node_add(a, map, e->id, m);
    }
    for (size_t i = 0; i < unread->n; i++) {
        if (find_entry(pg, unread->pairs[i].key->u.scalar.str) == NULL) {
            map->u.map.pairs[map->u.map.n++] = unread->pairs[i];
        }
    }
    return map;
}

void progress_personal_put_back(struct progress_guide *pg, const struct progress_undo *u,
                                int64_t changed)
{
    progress_personal_put(pg, u->id, u->text, u->phase, u->after, changed);
}
