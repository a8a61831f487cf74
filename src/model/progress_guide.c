/* SPDX-License-Identifier: MIT */
/* One guide's entry of the progress document: its item states, notes, certification entries,
 * start date, resume position and unknown keys. This file is the only one that builds, changes
 * or frees a struct progress_guide's storage; the document (progress_model.c) and the
 * companion setters (progress_notes.c) go through it.
 *
 * Invariants: items, notes and certifications live in rows indexed by the shared id table
 * (idtable.h), so a large file stays linear; the index is rebuilt whenever rows move (after
 * dropping void entries). No entry's change time is at or before the guide's reset time: such
 * entries are void and removed wherever one could appear. A removal is an entry without a
 * value (a tombstone) so that a merge with an older copy cannot resurrect it. Unknown keys are
 * opaque ydoc subtrees in the document's arena; nothing here interprets them. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "progress_journal_internal.h"
#include "progress_evidence_internal.h"
#include "progress_internal.h"
#include "xalloc.h"

void progress_guide_init(struct progress_guide *pg, char *id)
{
    memset(pg, 0, sizeof *pg);
    pg->id = id;
}

static void more_free(struct progress_guide *pg)
{
    struct progress_guide_more *m = pg->more;
    struct progress_note *notes = m->notes.rows;
    for (size_t i = 0; i < m->notes.n; i++) {
        free(notes[i].id);
        free(notes[i].text);
    }
    progress_table_free(&m->notes);
    struct progress_cert *certs = m->certs.rows;
    for (size_t i = 0; i < m->certs.n; i++) {
        free(certs[i].id);
    }
    progress_table_free(&m->certs);
    progress_evidence_clear_all(pg);
    free(m->resume.screen);
    free(m->resume.item);
    progress_journal_free(&m->journal);
    progress_personal_clear(pg);
    free(m);
}

void progress_guide_clear(struct progress_guide *pg)
{
    for (size_t i = 0; i < pg->n_items; i++) {
        free(pg->items[i].id);
        free(pg->aux[i].emitted);
    }
    free(pg->items); /* aux lives in the same block */
    idtable_free(&pg->index);
    if (pg->more != NULL) {
        more_free(pg);
    }
    memset(pg, 0, sizeof *pg); /* the id is the document's arena's */
}

/* --- Items ------------------------------------------------------------------------------ */

/* Most guide entries of a large file hold an item or two: up to this many, an entry has no id
 * table (the slots would be most of its memory) and a lookup compares the rows. */
#define ITEMS_UNINDEXED 8

struct progress_item *progress_lookup_item(const struct progress_guide *pg, const char *item_id)
{
    if (pg == NULL) {
        return NULL;
    }
    if (pg->index.n_slots == 0) { /* a few items: compared row by row */
        for (size_t i = 0; i < pg->n_items; i++) {
            if (strcmp(pg->items[i].id, item_id) == 0) {
                return &pg->items[i];
            }
        }
        return NULL;
    }
    size_t i = idtable_find(&pg->index, item_id);
    return i != IDTABLE_NONE ? &pg->items[i] : NULL;
}

/* Indexes the items with room for n more: once a guide has more than ITEMS_UNINDEXED, and from
 * then on while it lives. */
static void index_items(struct progress_guide *pg, size_t n)
{
    idtable_reserve(&pg->index, pg->n_items + n);
    for (size_t i = 0; i < pg->n_items; i++) {
        idtable_put(&pg->index, pg->items[i].id, i);
    }
}

const struct progress_item *progress_find_item(const struct progress_guide *pg, const char *item_id)
{
    return progress_lookup_item(pg, item_id);
}

/* Gives the items (and their aux rows, which follow them in the same block) room for cap. */
static void items_resize(struct progress_guide *pg, size_t cap)
{
    size_t row = sizeof *pg->items + sizeof *pg->aux;
    _Static_assert(sizeof(struct progress_item) % _Alignof(struct progress_item_aux) == 0,
                   "the aux rows after the items are aligned");
    struct progress_item *items = xreallocarray(NULL, cap, row);
    struct progress_item_aux *aux = (struct progress_item_aux *)(items + cap);
    if (pg->n_items > 0 && pg->items != NULL) {
        memcpy(items, pg->items, pg->n_items * sizeof *items);
        memcpy(aux, pg->aux, pg->n_items * sizeof *aux);
    }
    free(pg->items);
    pg->items = items;
    pg->aux = aux;
    pg->cap_items = cap;
}

void progress_guide_reserve_items(struct progress_guide *pg, size_t n)
{
    if (pg->n_items + n > pg->cap_items) {
        items_resize(pg, pg->n_items + n);
    }
    if (pg->index.n_slots > 0) {
        idtable_reserve(&pg->index, n);
    } else if (pg->n_items + n > ITEMS_UNINDEXED) {
        index_items(pg, n);
    }
}

struct progress_item *progress_guide_item_get(struct progress_guide *pg, const char *item_id)
{
    struct progress_item *it = progress_lookup_item(pg, item_id);
    if (it != NULL) {
        return it;
    }
    if (pg->n_items == pg->cap_items || pg->items == NULL) {
        items_resize(pg, pg->cap_items ? pg->cap_items * 2 : 4);
    }
    memset(&pg->aux[pg->n_items], 0, sizeof *pg->aux);
    it = &pg->items[pg->n_items];
    memset(it, 0, sizeof *it);
    it->id = xstrdup(item_id);
    if (pg->index.n_slots > 0) {
        idtable_put(&pg->index, it->id, pg->n_items);
    }
    pg->n_items++;
    if (pg->index.n_slots == 0 && pg->n_items > ITEMS_UNINDEXED) {
        index_items(pg, 0);
    }
    return it;
}

int64_t progress_change_time(const struct progress_guide *pg, int64_t prev, int64_t now_ms)
{
    int64_t t = now_ms;
    if (t <= prev) {
        t = prev + 1;
    }
    if (t <= pg->reset) {
        t = pg->reset + 1;
    }
    return t;
}

/* --- Companion entries ------------------------------------------------------------------ */

struct progress_note *progress_lookup_note(const struct progress_guide *pg, const char *id)
{
    return pg != NULL ? progress_table_find(&progress_guide_more(pg)->notes,
                                            sizeof(struct progress_note), id)
                      : NULL;
}

const struct progress_note *progress_find_note(const struct progress_guide *pg, const char *id)
{
    return progress_lookup_note(pg, id);
}

const struct progress_cert *progress_find_cert(const struct progress_guide *pg, const char *id)
{
    return pg != NULL ? progress_table_find(&progress_guide_more(pg)->certs,
                                            sizeof(struct progress_cert), id)
                      : NULL;
}

void progress_put_note(struct progress_guide *pg, const char *id, const char *text, size_t len,
                       int64_t changed)
{
    struct progress_note *n =
        progress_table_get(&progress_guide_more_get(pg)->notes, sizeof *n, id);
    free(n->text);
    n->text = text != NULL && len > 0 ? xstrndup(text, len) : NULL;
    n->changed = changed;
}

void progress_put_cert(struct progress_guide *pg, const char *id,
                       const struct progress_cert_info *info, int64_t changed)
{
    struct progress_cert *c =
        progress_table_get(&progress_guide_more_get(pg)->certs, sizeof *c, id);
    c->info = *info;
    c->changed = changed;
}

void progress_put_start(struct progress_guide *pg, struct progress_date date, int64_t changed)
{
    struct progress_guide_more *m = progress_guide_more_get(pg);
    m->start.date = date;
    m->start.changed = changed;
}

void progress_put_hours(struct progress_guide *pg, unsigned hours, int64_t changed)
{
    struct progress_guide_more *m = progress_guide_more_get(pg);
    m->hours.hours = hours;
    m->hours.changed = changed;
}

void progress_put_resume(struct progress_guide *pg, const char *screen, const char *item,
                         long scroll, int64_t changed)
{
    struct progress_resume *r = &progress_guide_more_get(pg)->resume;
    free(r->screen);
    free(r->item);
    r->screen = screen != NULL ? xstrdup(screen) : NULL;
    r->item = item != NULL ? xstrdup(item) : NULL;
    r->scroll = scroll;
    r->changed = changed;
}

/* --- Reset ------------------------------------------------------------------------------ */

static bool drop_void_items(struct progress_guide *pg)
{
    size_t kept = 0;
    for (size_t i = 0; i < pg->n_items; i++) {
        if (pg->items[i].changed <= pg->reset) {
            free(pg->items[i].id);
            free(pg->aux[i].emitted);
            continue;
        }
        pg->aux[kept] = pg->aux[i];
        pg->items[kept++] = pg->items[i];
    }
    bool dropped = kept != pg->n_items;
    pg->n_items = kept;
    if (dropped && pg->index.n_slots > 0) {
        idtable_clear(&pg->index);
        for (size_t i = 0; i < kept; i++) {
            idtable_put(&pg->index, pg->items[i].id, i);
        }
    }
    return dropped;
}

static void note_free_row(void *row)
{
    struct progress_note *n = row;
    free(n->id);
    free(n->text);
}

static void cert_free_row(void *row)
{
    free(((struct progress_cert *)row)->id);
}

bool progress_guide_drop_void(struct progress_guide *pg)
{
    bool dropped = drop_void_items(pg);
    struct progress_guide_more *m = pg->more;
    if (m == NULL) {
        return dropped;
    }
    dropped |= progress_table_drop_before(&m->notes, sizeof(struct progress_note),
                                          offsetof(struct progress_note, changed), pg->reset,
                                          note_free_row);
    dropped |= progress_table_drop_before(&m->certs, sizeof(struct progress_cert),
                                          offsetof(struct progress_cert, changed), pg->reset,
                                          cert_free_row);
    dropped |= progress_journal_drop_void(pg);
    dropped |= progress_personal_drop_void(pg);
    dropped |= progress_evidence_drop_void(pg);
    if (m->start.changed != 0 && m->start.changed <= pg->reset) {
        memset(&m->start, 0, sizeof m->start);
        dropped = true;
    }
    if (m->hours.changed != 0 && m->hours.changed <= pg->reset) {
        memset(&m->hours, 0, sizeof m->hours);
        dropped = true;
    }
    if (m->resume.changed != 0 && m->resume.changed <= pg->reset) {
        free(m->resume.screen);
        free(m->resume.item);
        memset(&m->resume, 0, sizeof m->resume);
        dropped = true;
    }
    return dropped;
}

void progress_guide_clear_as_of(struct progress_guide *pg, int64_t now_ms)
{
    int64_t t = now_ms > pg->reset ? now_ms : pg->reset;
    int64_t latest = progress_guide_latest(pg);
    pg->reset = latest > t ? latest : t;
    progress_guide_drop_void(pg);
    struct progress_guide_more *m = pg->more;
    if (m == NULL) {
        return;
    }
    memset(&m->unread_items, 0, sizeof m->unread_items); /* the arena keeps the nodes */
    memset(&m->unread_notes, 0, sizeof m->unread_notes);
    memset(&m->unread_certs, 0, sizeof m->unread_certs);
    memset(&m->unread_other, 0, sizeof m->unread_other);
    memset(&m->unread_personal, 0, sizeof m->unread_personal);
    for (size_t i = 0; i < m->journal.n_unread; i++) {
        free(m->journal.unread[i]);
    }
    m->journal.n_unread = 0;
    memset(&m->unread_evidence, 0, sizeof m->unread_evidence);
}

/* Moves a change time at or before reset to just after it; counts it. */
static void lift(int64_t *changed, int64_t reset, size_t *n)
{
    progress_rows_lift(changed, 1, sizeof *changed, 0, reset, n);
}

size_t progress_guide_lift(struct progress_guide *pg, int64_t reset)
{
    size_t n = 0;
    pg->reset = 0;
    progress_rows_lift(pg->items, pg->n_items, sizeof *pg->items,
                       offsetof(struct progress_item, changed), reset, &n);
    struct progress_guide_more *m = pg->more;
    if (m == NULL) {
        return n;
    }
    progress_rows_lift(m->notes.rows, m->notes.n, sizeof(struct progress_note),
                       offsetof(struct progress_note, changed), reset, &n);
    progress_rows_lift(m->certs.rows, m->certs.n, sizeof(struct progress_cert),
                       offsetof(struct progress_cert, changed), reset, &n);
    lift(&m->start.changed, reset, &n);
    lift(&m->hours.changed, reset, &n);
    progress_evidence_lift(pg, reset, &n);
    return n + progress_journal_lift(pg, reset) + progress_personal_lift(pg, reset);
}

int64_t progress_guide_latest(const struct progress_guide *pg)
{
    const struct progress_guide_more *m = progress_guide_more(pg);
    int64_t t = m->start.changed > m->resume.changed ? m->start.changed : m->resume.changed;
    t = m->hours.changed > t ? m->hours.changed : t;
    t = progress_rows_latest(pg->items, pg->n_items, sizeof *pg->items,
                             offsetof(struct progress_item, changed), t);
    t = progress_rows_latest(m->notes.rows, m->notes.n, sizeof(struct progress_note),
                             offsetof(struct progress_note, changed), t);
    t = progress_rows_latest(m->certs.rows, m->certs.n, sizeof(struct progress_cert),
                             offsetof(struct progress_cert, changed), t);
    t = progress_personal_latest(pg, progress_journal_latest(pg, t));
    return progress_evidence_latest(pg, t);
}

/* --- Unknown keys ----------------------------------------------------------------------- */

/* Appends a pair that still points into the ydoc tree; progress_extra_detach() copies it out later.
 * The room doubles, so many unknown keys in one mapping are read in linear time. */
void progress_extra_add(struct arena *a, struct progress_extra *e, const struct ydoc_pair *pair)
{
    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 4;
        struct ydoc_pair *pairs = arena_calloc(a, e->cap, sizeof *pairs);
        if (e->n > 0) {
            memcpy(pairs, e->pairs, e->n * sizeof *pairs);
        }
        e->pairs = pairs;
    }
    e->pairs[e->n++] = *pair;
}

/* Deep-copies a ydoc subtree into arena a. */
static struct ydoc_node *copy_node(struct arena *a, const struct ydoc_node *n)
{
    struct ydoc_node *c = arena_alloc(a, sizeof *c);
    *c = *n;
    if (n->kind == YDOC_SCALAR) {
        c->u.scalar.str = arena_strndup(a, n->u.scalar.str, n->u.scalar.len);
    } else if (n->kind == YDOC_SEQ) {
        c->u.seq.items = arena_calloc(a, n->u.seq.n ? n->u.seq.n : 1, sizeof *c->u.seq.items);
        for (size_t i = 0; i < n->u.seq.n; i++) {
            c->u.seq.items[i] = copy_node(a, n->u.seq.items[i]);
        }
    } else {
        c->u.map.pairs = arena_calloc(a, n->u.map.n ? n->u.map.n : 1, sizeof *c->u.map.pairs);
        for (size_t i = 0; i < n->u.map.n; i++) {
            c->u.map.pairs[i].key = copy_node(a, n->u.map.pairs[i].key);
            c->u.map.pairs[i].value = copy_node(a, n->u.map.pairs[i].value);
        }
    }
    return c;
}

static bool extra_has(const struct progress_extra *e, const char *key)
{
    for (size_t i = 0; i < e->n; i++) {
        if (strcmp(e->pairs[i].key->u.scalar.str, key) == 0) {
            return true;
        }
    }
    return false;
}

bool progress_extra_merge(struct arena *a, struct progress_extra *ours,
                          const struct progress_extra *theirs)
{
    size_t add = 0;
    for (size_t i = 0; i < theirs->n; i++) {
        add += !extra_has(ours, theirs->pairs[i].key->u.scalar.str);
    }
    if (add == 0) {
        return false;
    }
    struct ydoc_pair *pairs = arena_calloc(a, ours->n + add, sizeof *pairs);
    if (ours->n > 0) {
        memcpy(pairs, ours->pairs, ours->n * sizeof *pairs);
    }
    size_t n = ours->n;
    for (size_t i = 0; i < theirs->n; i++) {
        if (!extra_has(ours, theirs->pairs[i].key->u.scalar.str)) {
            pairs[n].key = copy_node(a, theirs->pairs[i].key);
            pairs[n].value = copy_node(a, theirs->pairs[i].value);
            n++;
        }
    }
    ours->pairs = pairs;
    ours->n = n;
    ours->cap = n;
    return true;
}

void progress_extra_detach(struct arena *a, struct progress_extra *e)
{
    if (e->n == 0) {
        memset(e, 0, sizeof *e); /* the usual case: nothing to copy */
        return;
    }
    const struct progress_extra from = *e;
    memset(e, 0, sizeof *e);
    progress_extra_merge(a, e, &from);
}

/* --- Merge ------------------------------------------------------------------------------ */

/* Whether a change of theirs at time t replaces ours (changed at o; 0 when absent). */
static bool theirs_wins(const struct progress_guide *og, int64_t t, int64_t o)
{
    return t > og->reset && t > o;
}

static bool merge_items(struct arena *a, struct progress_guide *og, const struct progress_guide *tg)
{
    bool changed = false;
    for (size_t i = 0; i < tg->n_items; i++) {
        const struct progress_item *ti = &tg->items[i];
        struct progress_item *oi = progress_lookup_item(og, ti->id);
        if (ti->changed <= og->reset || (oi != NULL && ti->changed <= oi->changed)) {
            continue;
        }
        oi = progress_guide_item_get(og, ti->id);
        oi->state = ti->state;
        oi->changed = ti->changed;
        struct progress_extra *e = &og->aux[oi - og->items].extra;
        memset(e, 0, sizeof *e);
        progress_extra_merge(a, e, &tg->aux[i].extra);
        changed = true;
    }
    return changed;
}

static bool merge_records(struct progress_guide *og, const struct progress_guide *tg)
{
    bool changed = false;
    const struct progress_guide_more *tm = progress_guide_more(tg);
    const struct progress_note *tn = tm->notes.rows;
    for (size_t i = 0; i < tm->notes.n; i++) {
        const struct progress_note *on = progress_find_note(og, tn[i].id);
        if (theirs_wins(og, tn[i].changed, on != NULL ? on->changed : 0)) {
            size_t len = tn[i].text != NULL ? strlen(tn[i].text) : 0;
            progress_put_note(og, tn[i].id, tn[i].text, len, tn[i].changed);
            changed = true;
        }
    }
    const struct progress_cert *tc = tm->certs.rows;
    for (size_t i = 0; i < tm->certs.n; i++) {
        const struct progress_cert *oc = progress_find_cert(og, tc[i].id);
        if (theirs_wins(og, tc[i].changed, oc != NULL ? oc->changed : 0)) {
            progress_put_cert(og, tc[i].id, &tc[i].info, tc[i].changed);
            changed = true;
        }
    }
    /* og's own are read afresh: putting a note may have given it more than items. */
    if (theirs_wins(og, tm->start.changed, progress_guide_more(og)->start.changed)) {
        progress_guide_more_get(og)->start = tm->start;
        changed = true;
    }
    if (theirs_wins(og, tm->hours.changed, progress_guide_more(og)->hours.changed)) {
        progress_guide_more_get(og)->hours = tm->hours;
        changed = true;
    }
    if (theirs_wins(og, tm->resume.changed, progress_guide_more(og)->resume.changed)) {
        progress_put_resume(og, tm->resume.screen, tm->resume.item, tm->resume.scroll,
                            tm->resume.changed);
        changed = true;
    }
    return changed;
}

bool progress_guide_merge(struct arena *a, struct progress_guide *og,
                          const struct progress_guide *tg)
{
    bool changed = false;
    if (tg->reset > og->reset) {
        og->reset = tg->reset;
        changed |= progress_guide_drop_void(og);
    }
    changed |= merge_items(a, og, tg);
    if (tg->more == NULL) {
        return changed; /* nothing but items to take */
    }
    changed |= merge_records(og, tg);
    changed |= progress_journal_merge(og, tg);
    changed |= progress_personal_merge(og, tg);
    changed |= progress_evidence_merge(og, tg);
    struct progress_guide_more *om = progress_guide_more_get(og);
    const struct progress_guide_more *tm = tg->more;
    changed |= progress_extra_merge(a, &om->extra, &tm->extra);
    changed |= progress_extra_merge(a, &om->unread_items, &tm->unread_items);
    changed |= progress_extra_merge(a, &om->unread_notes, &tm->unread_notes);
    changed |= progress_extra_merge(a, &om->unread_certs, &tm->unread_certs);
    changed |= progress_extra_merge(a, &om->unread_other, &tm->unread_other);
    changed |= progress_extra_merge(a, &om->unread_personal, &tm->unread_personal);
    changed |= progress_extra_merge(a, &om->unread_evidence, &tm->unread_evidence);
    return changed;
}

/* --- Accessors -------------------------------------------------------------------------- */

const char *progress_guide_id(const struct progress_guide *pg)
{
    return pg->id;
}

int64_t progress_guide_reset(const struct progress_guide *pg)
{
    return pg->reset;
}

size_t progress_guide_count_items(const struct progress_guide *pg)
{
    return pg != NULL ? pg->n_items : 0;
}

const struct progress_item *progress_guide_item(const struct progress_guide *pg, size_t i)
{
    return &pg->items[i];
}

size_t progress_guide_count_note_entries(const struct progress_guide *pg)
{
    return pg != NULL ? progress_guide_more(pg)->notes.n : 0;
}

const struct progress_note *progress_guide_note(const struct progress_guide *pg, size_t i)
{
    return &((const struct progress_note *)progress_guide_more(pg)->notes.rows)[i];
}

size_t progress_guide_count_cert_entries(const struct progress_guide *pg)
{
    return pg != NULL ? progress_guide_more(pg)->certs.n : 0;
}

const struct progress_cert *progress_guide_cert(const struct progress_guide *pg, size_t i)
{
    return &((const struct progress_cert *)progress_guide_more(pg)->certs.rows)[i];
}

struct progress_start progress_guide_start(const struct progress_guide *pg)
{
    struct progress_start none = {0};
    return pg != NULL ? progress_guide_more(pg)->start : none;
}

struct progress_hours progress_guide_hours(const struct progress_guide *pg)
{
    struct progress_hours none = {0};
    return pg != NULL ? progress_guide_more(pg)->hours : none;
}
