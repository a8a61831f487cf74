/* SPDX-License-Identifier: MIT */
/* The progress document: its guide entries, item states, the undo history, reset, merge and
 * counts. The entries themselves belong to progress_guide.c.
 *
 * Invariants: guide ids are unique and indexed by the shared id table, so finding a guide is
 * O(1) and reading a file of many guides stays linear. Every change a learner makes goes
 * through a setter that records what it replaced in the undo ring (item states here, notes,
 * certifications and the start date in progress_notes.c); undoing applies the old value as a
 * new change, so it merges and saves like any other. An item's change time only grows, so
 * "latest change wins" also orders the changes of one process. Unknown keys are opaque ydoc
 * subtrees copied into the document's arena; the document never interprets them. */
#include "progress.h"

#include <stdlib.h>
#include <string.h>

#include "progress_journal_internal.h"
#include "progress_evidence_internal.h"
#include "progress_internal.h"
#include "progress_personal.h"
#include "text.h"
#include "xalloc.h"

struct progress *progress_new(void)
{
    return xcalloc(1, sizeof(struct progress));
}

static void undo_entry_free(struct progress_undo *u)
{
    free(u->guide_id);
    free(u->id);
    free(u->text);
    free(u->phase);
    free(u->after);
    progress_evidence_free(u->evidence);
    memset(u, 0, sizeof *u);
}

static struct progress_undo *undo_at(const struct progress *p, size_t i)
{
    return (struct progress_undo *)&p->undo[(p->undo_head + i) % PROGRESS_UNDO_MAX];
}

void progress_free(struct progress *p)
{
    if (p == NULL) {
        return;
    }
    for (size_t i = 0; i < p->n_guides; i++) {
        progress_guide_clear(&p->guides[i]);
    }
    free(p->guides);
    idtable_free(&p->index);
    for (size_t i = 0; i < p->undo_len; i++) {
        undo_entry_free(undo_at(p, i));
    }
    arena_free(&p->arena);
    free(p);
}

struct progress_guide *progress_lookup_guide(const struct progress *p, const char *guide_id)
{
    size_t i = idtable_find(&p->index, guide_id);
    return i != IDTABLE_NONE ? &p->guides[i] : NULL;
}

const struct progress_guide *progress_find_guide(const struct progress *p, const char *guide_id)
{
    return progress_lookup_guide(p, guide_id);
}

void progress_reserve_guides(struct progress *p, size_t n)
{
    if (p->n_guides + n > p->cap_guides) {
        p->cap_guides = p->n_guides + n;
        p->guides = xreallocarray(p->guides, p->cap_guides, sizeof *p->guides);
    }
    idtable_reserve(&p->index, n);
}

struct progress_guide *progress_get_guide(struct progress *p, const char *guide_id)
{
    struct progress_guide *pg = progress_lookup_guide(p, guide_id);
    if (pg != NULL) {
        return pg;
    }
    if (p->n_guides == p->cap_guides || p->guides == NULL) {
        p->cap_guides = p->cap_guides ? p->cap_guides * 2 : 4;
        p->guides = xreallocarray(p->guides, p->cap_guides, sizeof *p->guides);
    }
    pg = &p->guides[p->n_guides];
    progress_guide_init(pg, arena_strdup(&p->arena, guide_id));
    idtable_put(&p->index, pg->id, p->n_guides); /* the id string does not move */
    p->n_guides++;
    return pg;
}

size_t progress_put_item(struct progress *p, const char *guide_id, const char *item_id,
                         enum progress_state state, int64_t changed)
{
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    struct progress_item *it = progress_guide_item_get(pg, item_id);
    it->state = state;
    it->changed = changed;
    return (size_t)(it - pg->items);
}

enum progress_state progress_get_state(const struct progress *p, const char *guide_id,
                                       const char *item_id)
{
    const struct progress_item *it = progress_find_item(progress_find_guide(p, guide_id), item_id);
    return it != NULL ? it->state : PROGRESS_TODO;
}

static bool id_ok(const char *id)
{
    return id != NULL && id[0] != '\0' && text_utf8_valid(id, strlen(id), NULL);
}

/* Sets the state as a change at now_ms without touching the undo history. */
static void set_raw(struct progress *p, const char *guide_id, const char *item_id,
                    enum progress_state state, int64_t now_ms)
{
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    struct progress_item *it = progress_guide_item_get(pg, item_id);
    it->changed = progress_change_time(pg, it->changed, now_ms);
    it->state = state;
    progress_journal_record(pg, PROGRESS_EVENT_STATE, item_id, state, 0, 0, now_ms);
    p->generation++;
}

void progress_undo_push(struct progress *p, struct progress_undo *u)
{
    if (p->undo_len == PROGRESS_UNDO_MAX) {
        undo_entry_free(undo_at(p, 0));
        p->undo_head = (p->undo_head + 1) % PROGRESS_UNDO_MAX;
        p->undo_len--;
    }
    *undo_at(p, p->undo_len) = *u;
    p->undo_len++;
    memset(u, 0, sizeof *u);
}

enum progress_change progress_set_state(struct progress *p, const char *guide_id,
                                        const char *item_id, enum progress_state state,
                                        int64_t now_ms)
{
    if (!id_ok(guide_id) || !id_ok(item_id) || (unsigned)state >= PROGRESS_STATE_COUNT) {
        return PROGRESS_INVALID;
    }
    enum progress_state prev = progress_get_state(p, guide_id, item_id);
    if (prev == state) {
        return PROGRESS_SAME;
    }
    struct progress_undo u = {.kind = PROGRESS_UNDO_STATE,
                              .guide_id = xstrdup(guide_id),
                              .id = xstrdup(item_id),
                              .state = prev};
    progress_undo_push(p, &u);
    set_raw(p, guide_id, item_id, state, now_ms);
    return PROGRESS_CHANGED;
}

/* Applies the old value u holds as a change at now_ms (no undo record of its own). */
static void undo_apply(struct progress *p, const struct progress_undo *u, int64_t now_ms)
{
    struct progress_guide *pg = progress_get_guide(p, u->guide_id);
    switch (u->kind) {
    case PROGRESS_UNDO_STATE:
        set_raw(p, u->guide_id, u->id, u->state, now_ms);
        return;
    case PROGRESS_UNDO_NOTE: {
        const struct progress_note *n = progress_find_note(pg, u->id);
        size_t len = u->text != NULL ? strlen(u->text) : 0;
        progress_put_note(pg, u->id, u->text, len,
                          progress_change_time(pg, n != NULL ? n->changed : 0, now_ms));
        progress_journal_record(pg, PROGRESS_EVENT_NOTE, u->id, PROGRESS_TODO, 0, 0, now_ms);
        break;
    }
    case PROGRESS_UNDO_CERT: {
        const struct progress_cert *c = progress_find_cert(pg, u->id);
        progress_put_cert(pg, u->id, &u->cert,
                          progress_change_time(pg, c != NULL ? c->changed : 0, now_ms));
        progress_journal_record(pg, PROGRESS_EVENT_CERT, u->id, PROGRESS_TODO, 0, 0, now_ms);
        break;
    }
    case PROGRESS_UNDO_START:
        progress_put_start(
            pg, u->date, progress_change_time(pg, progress_guide_more(pg)->start.changed, now_ms));
        progress_journal_record(pg, PROGRESS_EVENT_START, NULL, PROGRESS_TODO, 0, 0, now_ms);
        break;
    case PROGRESS_UNDO_HOURS:
        progress_put_hours(
            pg, u->hours, progress_change_time(pg, progress_guide_more(pg)->hours.changed, now_ms));
        progress_journal_record(pg, PROGRESS_EVENT_HOURS, NULL, PROGRESS_TODO, u->hours, 0, now_ms);
        break;
    case PROGRESS_UNDO_LOG:
        progress_journal_unlog(pg, u->event, now_ms);
        break;
    case PROGRESS_UNDO_PERSONAL: {
        const struct progress_personal *e = progress_personal_lookup(pg, u->id);
        progress_personal_put_back(pg, u,
                                   progress_change_time(pg, e != NULL ? e->changed : 0, now_ms));
        progress_journal_record(pg, PROGRESS_EVENT_MINE, u->id, PROGRESS_TODO, 0, 0, now_ms);
        break;
    }
    case PROGRESS_UNDO_EVIDENCE: {
        const struct progress_evidence *e =
            progress_evidence_find_in(pg, u->evidence->item, u->evidence->target);
        progress_evidence_put(pg, u->evidence,
                              progress_change_time(pg, e != NULL ? e->changed : 0, now_ms));
        progress_journal_record(pg, PROGRESS_EVENT_EVIDENCE, u->evidence->item, PROGRESS_TODO, 0, 0,
                                now_ms);
        break;
    }
    }
    p->generation++;
}

static const enum progress_undone_kind undone_kinds[] = {
    [PROGRESS_UNDO_STATE] = PROGRESS_UNDONE_STATE,
    [PROGRESS_UNDO_NOTE] = PROGRESS_UNDONE_NOTE,
    [PROGRESS_UNDO_CERT] = PROGRESS_UNDONE_CERT,
    [PROGRESS_UNDO_START] = PROGRESS_UNDONE_START,
    [PROGRESS_UNDO_PERSONAL] = PROGRESS_UNDONE_PERSONAL,
    [PROGRESS_UNDO_EVIDENCE] = PROGRESS_UNDONE_EVIDENCE,
    [PROGRESS_UNDO_LOG] = PROGRESS_UNDONE_LOG,
    [PROGRESS_UNDO_HOURS] = PROGRESS_UNDONE_HOURS,
};

bool progress_undo_change(struct progress *p, const char *guide_id, int64_t now_ms,
                          struct progress_undone *out)
{
    size_t i = p->undo_len;
    while (i > 0 && strcmp(undo_at(p, i - 1)->guide_id, guide_id) != 0) {
        i--;
    }
    if (i == 0) {
        return false;
    }
    struct progress_undo u = *undo_at(p, i - 1);
    /* Close the gap: the other guides' later changes keep their order. */
    for (size_t k = i; k < p->undo_len; k++) {
        *undo_at(p, k - 1) = *undo_at(p, k);
    }
    p->undo_len--;
    memset(undo_at(p, p->undo_len), 0, sizeof u);
    undo_apply(p, &u, now_ms);
    if (out != NULL) {
        const struct progress_guide *pg = progress_lookup_guide(p, u.guide_id);
        const struct progress_item *it =
            u.kind == PROGRESS_UNDO_STATE ? progress_find_item(pg, u.id) : NULL;
        const struct progress_note *n =
            u.kind == PROGRESS_UNDO_NOTE ? progress_find_note(pg, u.id) : NULL;
        const struct progress_cert *c =
            u.kind == PROGRESS_UNDO_CERT ? progress_find_cert(pg, u.id) : NULL;
        out->kind = undone_kinds[u.kind];
        out->target = NULL;
        out->id = it != NULL ? it->id : n != NULL ? n->id : c != NULL ? c->id : NULL;
        const struct progress_journal *j = &progress_guide_more(pg)->journal;
        for (size_t k = 0; u.kind == PROGRESS_UNDO_LOG && k < j->n; k++) {
            if (j->ev[k].id == u.event) {
                out->id = j->ev[k].item;
                out->minutes = j->ev[k].minutes;
            }
        }
        if (u.kind == PROGRESS_UNDO_PERSONAL) {
            out->id = progress_personal_lookup(pg, u.id)->id;
        }
        if (u.kind == PROGRESS_UNDO_EVIDENCE) {
            const struct progress_evidence *e =
                progress_evidence_find_in(pg, u.evidence->item, u.evidence->target);
            out->id = e != NULL ? e->item : NULL;
            out->target = e != NULL ? e->target : NULL;
        }
    }
    undo_entry_free(&u);
    return true;
}

bool progress_undo(struct progress *p, const char *guide_id, int64_t now_ms, const char **item_id)
{
    struct progress_undone done;
    if (!progress_undo_change(p, guide_id, now_ms, &done)) {
        return false;
    }
    if (item_id != NULL) {
        *item_id = done.id;
    }
    return true;
}

size_t progress_undo_depth(const struct progress *p, const char *guide_id)
{
    size_t n = 0;
    for (size_t i = 0; i < p->undo_len; i++) {
        if (strcmp(undo_at(p, i)->guide_id, guide_id) == 0) {
            n++;
        }
    }
    return n;
}

void progress_reset_guide(struct progress *p, const char *guide_id, int64_t now_ms)
{
    progress_guide_clear_as_of(progress_get_guide(p, guide_id), now_ms);
    p->generation++;
}

bool progress_merge(struct progress *ours, const struct progress *theirs)
{
    bool changed = false;
    for (size_t g = 0; g < theirs->n_guides; g++) {
        const struct progress_guide *tg = &theirs->guides[g];
        struct progress_guide *og = progress_lookup_guide(ours, tg->id);
        if (og == NULL) {
            og = progress_get_guide(ours, tg->id);
            changed = true;
        }
        changed |= progress_guide_merge(&ours->arena, og, tg);
    }
    changed |= progress_extra_merge(&ours->arena, &ours->extra, &theirs->extra);
    if (changed) {
        ours->generation++;
    }
    return changed;
}

unsigned long progress_generation(const struct progress *p)
{
    return p->generation;
}

size_t progress_count_guides(const struct progress *p)
{
    return p->n_guides;
}

const struct progress_guide *progress_guide_at(const struct progress *p, size_t i)
{
    return &p->guides[i];
}

/* The state an action shows is more than its saved entry in a Markdown plan: an item the
 * plan's author ticked ("- [x]") shows as done until the learner sets its state, and an item with
 * sub-items shows as done once every sub-item is done or skipped (at least one done), unless the
 * learner skipped it. A YAML guide's action shows its saved state alone. */
/* The sub-items of ph->actions[a] are the actions after it that are deeper. */
static bool children_done(const struct progress_guide *pg, const struct guide_phase *ph, size_t a)
{
    unsigned depth = ph->actions[a].depth;
    size_t done = 0, open = 0;
    for (size_t k = a + 1; k < ph->n_actions && ph->actions[k].depth > depth; k++) {
        if (ph->actions[k].depth != depth + 1) {
            continue;
        }
        enum progress_state st = progress_action_state(pg, ph, k);
        done += st == PROGRESS_DONE;
        open += st == PROGRESS_TODO || st == PROGRESS_IN_PROGRESS;
    }
    return done > 0 && open == 0;
}

enum progress_state progress_action_state(const struct progress_guide *pg,
                                          const struct guide_phase *ph, size_t a)
{
    const struct guide_action *act = &ph->actions[a];
    const struct progress_item *it = progress_find_item(pg, act->id);
    enum progress_state st = it != NULL ? it->state : act->ticked ? PROGRESS_DONE : PROGRESS_TODO;
    if (st != PROGRESS_DONE && st != PROGRESS_SKIPPED && a + 1 < ph->n_actions &&
        ph->actions[a + 1].depth > act->depth && children_done(pg, ph, a)) {
        st = PROGRESS_DONE;
    }
    return st;
}

void progress_count_phase(const struct progress *p, const struct guide *g, size_t phase,
                          struct progress_counts *c)
{
    memset(c, 0, sizeof *c);
    if (phase >= g->n_phases) {
        return;
    }
    const struct progress_guide *pg = progress_find_guide(p, g->id);
    const struct guide_phase *ph = &g->phases[phase];
    for (size_t a = 0; a < ph->n_actions; a++) {
        enum progress_state st = progress_action_state(pg, ph, a);
        c->total++;
        switch (st) {
        case PROGRESS_DONE:
            c->done++;
            break;
        case PROGRESS_IN_PROGRESS:
            c->in_progress++;
            break;
        case PROGRESS_SKIPPED:
            c->skipped++;
            break;
        default:
            c->todo++;
            break;
        }
    }
}

void progress_count_guide(const struct progress *p, const struct guide *g,
                          struct progress_counts *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < g->n_phases; i++) {
        struct progress_counts pc;
        progress_count_phase(p, g, i, &pc);
        c->total += pc.total;
        c->done += pc.done;
        c->in_progress += pc.in_progress;
        c->skipped += pc.skipped;
        c->todo += pc.todo;
    }
}

unsigned progress_percent(const struct progress_counts *c)
{
    if (c->total == 0) {
        return 0;
    }
    size_t denom = c->total - c->skipped;
    if (denom == 0) {
        return 100;
    }
    return (unsigned)((double)c->done * 100.0 / (double)denom);
}

size_t progress_current_phase(const struct progress *p, const struct guide *g)
{
    for (size_t i = 0; i < g->n_phases; i++) {
        struct progress_counts c;
        progress_count_phase(p, g, i, &c);
        if (c.todo + c.in_progress > 0) {
            return i;
        }
    }
    return g->n_phases;
}

size_t progress_count_unknown(const struct progress *p, const struct guide *g)
{
    const struct progress_guide *pg = progress_find_guide(p, g->id);
    if (pg == NULL) {
        return 0;
    }
    size_t known = 0;
    for (size_t i = 0; i < g->n_phases; i++) {
        for (size_t a = 0; a < g->phases[i].n_actions; a++) {
            known += progress_find_item(pg, g->phases[i].actions[a].id) != NULL;
        }
    }
    return pg->n_items > known ? pg->n_items - known : 0;
}
