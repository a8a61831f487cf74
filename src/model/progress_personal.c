/* SPDX-License-Identifier: MIT */
/* The learner's own actions (progress_personal.h): looked up, added, edited and removed as
 * undoable changes of the document, and spliced into the loaded guide (their entries in a guide
 * entry are progress_personal_entries.c's).
 *
 * The splice rebuilds only the phases that hold a personal action, or held one at the last
 * splice, and only when the entries changed (a hash over them), so a tick rebuilds nothing. */
#include "progress_personal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_internal.h"
#include "progress_journal_internal.h"
#include "progress_reattach.h"
#include "text.h"
#include "xalloc.h"

/* --- Changes --------------------------------------------------------------------------------- */

size_t progress_personal_count(const struct progress *p, const char *guide_id)
{
    const struct progress_guide *pg = progress_lookup_guide(p, guide_id);
    return pg != NULL ? progress_guide_more(pg)->n_personal : 0;
}

const struct progress_personal *progress_personal_at(const struct progress *p, const char *guide_id,
                                                     size_t i)
{
    return &progress_guide_more(progress_lookup_guide(p, guide_id))->personal[i];
}

const struct progress_personal *progress_personal_find(const struct progress *p,
                                                       const char *guide_id, const char *id)
{
    return progress_personal_lookup(progress_lookup_guide(p, guide_id), id);
}

char *progress_personal_new_id(const struct progress *p, const char *guide_id, int64_t now_ms)
{
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    uint64_t v = now_ms > 0 ? (uint64_t)now_ms : 0;
    for (;; v++) {
        char tmp[16], id[32];
        size_t n = 0;
        uint64_t x = v;
        do {
            tmp[n++] = digits[x % 36];
            x /= 36;
        } while (x > 0 && n < sizeof tmp);
        size_t k = strlen(PROGRESS_PERSONAL_PREFIX);
        memcpy(id, PROGRESS_PERSONAL_PREFIX, k);
        while (n > 0) {
            id[k++] = tmp[--n];
        }
        id[k] = '\0';
        if (progress_personal_find(p, guide_id, id) == NULL) {
            return xstrdup(id);
        }
    }
}

static char *dup_or_null(const char *s)
{
    return s != NULL ? xstrdup(s) : NULL;
}

static bool same(const char *a, const char *b)
{
    return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

enum progress_change progress_personal_set(struct progress *p, const char *guide_id, const char *id,
                                           const char *phase, const char *after, const char *text,
                                           int64_t now_ms)
{
    const struct progress_personal *old = progress_personal_find(p, guide_id, id);
    bool exists = old != NULL && old->text != NULL;
    if (strncmp(id, PROGRESS_PERSONAL_PREFIX, 5) != 0 || id[5] == '\0' ||
        (text != NULL && !progress_personal_text_ok(text)) ||
        (!exists && phase == NULL && text != NULL)) {
        return PROGRESS_INVALID;
    }
    if (exists && phase == NULL) {
        phase = old->phase, after = old->after;
    }
    if ((!exists && text == NULL) ||
        (exists && same(old->text, text) && same(old->phase, phase) && same(old->after, after))) {
        return PROGRESS_SAME;
    }
    struct progress_undo u = {.kind = PROGRESS_UNDO_PERSONAL,
                              .guide_id = xstrdup(guide_id),
                              .id = xstrdup(id),
                              .text = exists ? xstrdup(old->text) : NULL,
                              .phase = exists ? xstrdup(old->phase) : NULL,
                              .after = exists ? dup_or_null(old->after) : NULL};
    /* Copy before the undo push and the put below move or free old's strings. */
    char *ph = dup_or_null(text != NULL ? phase : NULL);
    char *af = dup_or_null(text != NULL ? after : NULL);
    progress_undo_push(p, &u);
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    const struct progress_personal *e = progress_personal_lookup(pg, id);
    progress_personal_put(pg, id, text, ph, af,
                          progress_change_time(pg, e != NULL ? e->changed : 0, now_ms));
    progress_journal_record(pg, PROGRESS_EVENT_MINE, id, PROGRESS_TODO, 0, 0, now_ms);
    free(ph);
    free(af);
    p->generation++;
    return PROGRESS_CHANGED;
}

/* --- The splice ------------------------------------------------------------------------------ */

static uint64_t hash_str(uint64_t h, const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    }
    return (h ^ 0xff) * 1099511628211u;
}

/* The phase index of id in g, or g->n_phases. */
static size_t phase_index(const struct guide *g, const char *id)
{
    for (size_t i = 0; i < g->n_phases; i++) {
        if (strcmp(g->phases[i].id, id) == 0) {
            return i;
        }
    }
    return g->n_phases;
}

/* Where an action following `after` goes in v[0..n): past after's sub-actions; 0 when after is
 * NULL; n when it is not there. *depth gets after's depth. */
static size_t insert_at(const struct guide_action *v, size_t n, const char *after, unsigned *depth)
{
    *depth = 0;
    if (after == NULL) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(v[i].id, after) == 0) {
            *depth = v[i].depth;
            size_t k = i + 1;
            while (k < n && v[k].depth > v[i].depth) {
                k++;
            }
            return k;
        }
    }
    return n;
}

/* Rebuilds phase ph: its own actions, then each live personal entry of the phase spliced in.
 * where[i] is entry i's phase index (g->n_phases: its phase is gone; SIZE_MAX: removed). */
static void splice_phase(struct guide *g, size_t ph, const struct progress_guide *pg,
                         const size_t *where, size_t last)
{
    struct guide_phase *P = &g->phases[ph];
    size_t n_own = 0, n_mine = 0;
    for (size_t i = 0; i < P->n_actions; i++) {
        n_own += !P->actions[i].personal;
    }
    for (size_t i = 0; pg != NULL && i < progress_guide_more(pg)->n_personal; i++) {
        n_mine += where[i] == ph || (where[i] == g->n_phases && ph == last);
    }
    struct guide_action *v = arena_calloc(&g->arena, n_own + n_mine + 1, sizeof *v);
    /* effort_hours runs parallel to the actions: it is rebuilt with them (own actions take
     * none). */
    int *ev =
        P->effort_hours != NULL ? arena_calloc(&g->arena, n_own + n_mine + 1, sizeof *ev) : NULL;
    size_t n = 0;
    for (size_t i = 0; i < P->n_actions; i++) {
        if (!P->actions[i].personal) {
            if (ev != NULL) {
                ev[n] = P->effort_hours[i];
            }
            v[n++] = P->actions[i];
        }
    }
    for (size_t i = 0; pg != NULL && i < progress_guide_more(pg)->n_personal; i++) {
        const struct progress_personal *e = &progress_guide_more(pg)->personal[i];
        size_t at = where[i];
        if (at != ph && !(at == g->n_phases && ph == last)) {
            continue;
        }
        unsigned depth;
        size_t k = insert_at(v, n, at == ph ? e->after : NULL, &depth);
        k = at == ph ? k : n;
        memmove(&v[k + 1], &v[k], (n - k) * sizeof *v);
        v[k] = (struct guide_action){.id = arena_strdup(&g->arena, e->id),
                                     .text = arena_strdup(&g->arena, e->text),
                                     .depth = depth,
                                     .personal = true};
        if (ev != NULL) {
            memmove(&ev[k + 1], &ev[k], (n - k) * sizeof *ev);
            ev[k] = 0;
        }
        n++;
    }
    P->actions = v;
    P->effort_hours = ev;
    P->n_actions = n;
}

void progress_personal_apply(struct guide *g, const struct progress *p)
{
    if (p != NULL && !g->reattached) {
        g->reattached = true;
        progress_reattach(g, p); /* before the splice: only the plan's own actions match */
    }
    const struct progress_guide *pg = p != NULL ? progress_lookup_guide(p, g->id) : NULL;
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; pg != NULL && i < progress_guide_more(pg)->n_personal; i++) {
        const struct progress_personal *e = &progress_guide_more(pg)->personal[i];
        h = hash_str(hash_str(hash_str(hash_str(h, e->id), e->text), e->phase), e->after);
    }
    if (h == g->personal_hash || g->n_phases == 0) {
        return;
    }
    g->personal_hash = h;
    size_t last = g->n_phases - 1, n = pg != NULL ? progress_guide_more(pg)->n_personal : 0;
    size_t *where = xcalloc(n + 1, sizeof *where);
    for (size_t i = 0; i < n; i++) {
        const struct progress_personal *e = &progress_guide_more(pg)->personal[i];
        where[i] = e->text != NULL ? phase_index(g, e->phase) : SIZE_MAX;
    }
    for (size_t ph = 0; ph < g->n_phases; ph++) {
        bool had = false, has = false;
        for (size_t i = 0; i < g->phases[ph].n_actions && !had; i++) {
            had = g->phases[ph].actions[i].personal;
        }
        for (size_t i = 0; i < n && !has; i++) {
            has = where[i] == ph || (where[i] == g->n_phases && ph == last);
        }
        if (had || has) {
            splice_phase(g, ph, pg, where, last);
        }
    }
    free(where);
}
