/* SPDX-License-Identifier: MIT */
/* The progress document: item states per guide, undo, merge and counts.
 *
 * Invariants: a guide entry's item ids are unique and indexed by an open-addressing hash table
 * (slots hold index + 1, 0 is empty, the table is at most half full), so counting a large guide
 * stays linear. No entry's change time is at or before its guide's reset time: such entries are
 * void and removed wherever one could appear (set, merge, parse). An item's change time only
 * grows, so "latest change wins" also orders the changes of one process. Unknown keys are
 * opaque ydoc subtrees copied into the document's arena; the document never interprets them. */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "progress_internal.h"
#include "text.h"
#include "xalloc.h"

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h;
}

static void index_rebuild(struct progress_guide *pg, size_t n_slots)
{
    free(pg->slots);
    pg->slots = xcalloc(n_slots, sizeof *pg->slots);
    pg->n_slots = n_slots;
    for (size_t i = 0; i < pg->n_items; i++) {
        size_t h = hash_str(pg->items[i].id) & (n_slots - 1);
        while (pg->slots[h] != 0) {
            h = (h + 1) & (n_slots - 1);
        }
        pg->slots[h] = i + 1;
    }
}

struct progress *progress_new(void)
{
    return xcalloc(1, sizeof(struct progress));
}

static void guide_entry_free(struct progress_guide *pg)
{
    for (size_t i = 0; i < pg->n_items; i++) {
        free(pg->items[i].id);
        free(pg->items[i].emitted);
    }
    free(pg->items);
    free(pg->slots);
    free(pg->id);
    progress_records_free(pg);
}

void progress_free(struct progress *p)
{
    if (p == NULL) {
        return;
    }
    for (size_t i = 0; i < p->n_guides; i++) {
        guide_entry_free(&p->guides[i]);
    }
    free(p->guides);
    for (size_t i = 0; i < p->undo_len; i++) {
        struct progress_undo *u = &p->undo[(p->undo_head + i) % PROGRESS_UNDO_MAX];
        free(u->guide_id);
        free(u->item_id);
    }
    arena_free(&p->arena);
    free(p);
}

struct progress_guide *progress_find_guide(const struct progress *p, const char *guide_id)
{
    for (size_t i = 0; i < p->n_guides; i++) {
        if (strcmp(p->guides[i].id, guide_id) == 0) {
            return &p->guides[i];
        }
    }
    return NULL;
}

struct progress_guide *progress_get_guide(struct progress *p, const char *guide_id)
{
    struct progress_guide *pg = progress_find_guide(p, guide_id);
    if (pg != NULL) {
        return pg;
    }
    if (p->n_guides == p->cap_guides) {
        p->cap_guides = p->cap_guides ? p->cap_guides * 2 : 4;
        p->guides = xreallocarray(p->guides, p->cap_guides, sizeof *p->guides);
    }
    pg = &p->guides[p->n_guides++];
    memset(pg, 0, sizeof *pg);
    pg->id = xstrdup(guide_id);
    return pg;
}

struct progress_item *progress_find_item(const struct progress_guide *pg, const char *item_id)
{
    if (pg == NULL || pg->n_slots == 0) {
        return NULL;
    }
    size_t h = hash_str(item_id) & (pg->n_slots - 1);
    while (pg->slots[h] != 0) {
        struct progress_item *it = &pg->items[pg->slots[h] - 1];
        if (strcmp(it->id, item_id) == 0) {
            return it;
        }
        h = (h + 1) & (pg->n_slots - 1);
    }
    return NULL;
}

/* Appends a new item (the id must not be present yet) and returns it. */
static struct progress_item *add_item(struct progress_guide *pg, const char *item_id)
{
    if (pg->n_items == pg->cap_items) {
        pg->cap_items = pg->cap_items ? pg->cap_items * 2 : 16;
        pg->items = xreallocarray(pg->items, pg->cap_items, sizeof *pg->items);
    }
    struct progress_item *it = &pg->items[pg->n_items++];
    memset(it, 0, sizeof *it);
    it->id = xstrdup(item_id);
    if (pg->n_items * 2 > pg->n_slots) {
        index_rebuild(pg, pg->n_slots ? pg->n_slots * 2 : 32);
    } else {
        size_t h = hash_str(item_id) & (pg->n_slots - 1);
        while (pg->slots[h] != 0) {
            h = (h + 1) & (pg->n_slots - 1);
        }
        pg->slots[h] = pg->n_items;
    }
    return it;
}

/* Removes the entries void under the guide's reset time (companion entries included).
 * Returns true if any was removed. */
static bool drop_void(struct progress_guide *pg)
{
    bool records = progress_records_drop_void(pg);
    size_t kept = 0;
    for (size_t i = 0; i < pg->n_items; i++) {
        if (pg->items[i].changed <= pg->reset) {
            free(pg->items[i].id);
            free(pg->items[i].emitted);
            continue;
        }
        pg->items[kept++] = pg->items[i];
    }
    bool dropped = kept != pg->n_items;
    pg->n_items = kept;
    if (dropped) {
        index_rebuild(pg, pg->n_slots ? pg->n_slots : 32);
    }
    return dropped || records;
}

struct progress_item *progress_put_item(struct progress *p, const char *guide_id,
                                        const char *item_id, enum progress_state state,
                                        int64_t changed)
{
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    struct progress_item *it = progress_find_item(pg, item_id);
    if (it == NULL) {
        it = add_item(pg, item_id);
    }
    it->state = state;
    it->changed = changed;
    return it;
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

/* Sets the state without touching the undo history. */
static void set_raw(struct progress *p, const char *guide_id, const char *item_id,
                    enum progress_state state, int64_t now_ms)
{
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    struct progress_item *it = progress_find_item(pg, item_id);
    if (it == NULL) {
        it = add_item(pg, item_id);
    }
    int64_t t = now_ms;
    if (t <= it->changed) {
        t = it->changed + 1;
    }
    if (t <= pg->reset) {
        t = pg->reset + 1;
    }
    it->state = state;
    it->changed = t;
    p->generation++;
}

static void undo_push(struct progress *p, const char *guide_id, const char *item_id,
                      enum progress_state prev)
{
    if (p->undo_len == PROGRESS_UNDO_MAX) {
        struct progress_undo *old = &p->undo[p->undo_head];
        free(old->guide_id);
        free(old->item_id);
        p->undo_head = (p->undo_head + 1) % PROGRESS_UNDO_MAX;
        p->undo_len--;
    }
    struct progress_undo *u = &p->undo[(p->undo_head + p->undo_len) % PROGRESS_UNDO_MAX];
    u->guide_id = xstrdup(guide_id);
    u->item_id = xstrdup(item_id);
    u->state = prev;
    p->undo_len++;
}

int progress_set_state(struct progress *p, const char *guide_id, const char *item_id,
                       enum progress_state state, int64_t now_ms)
{
    if (!id_ok(guide_id) || !id_ok(item_id) || (unsigned)state >= PROGRESS_STATE_COUNT) {
        return -1;
    }
    enum progress_state prev = progress_get_state(p, guide_id, item_id);
    if (prev == state) {
        return 0;
    }
    undo_push(p, guide_id, item_id, prev);
    set_raw(p, guide_id, item_id, state, now_ms);
    return 0;
}

static struct progress_undo *undo_at(struct progress *p, size_t i)
{
    return &p->undo[(p->undo_head + i) % PROGRESS_UNDO_MAX];
}

bool progress_undo(struct progress *p, const char *guide_id, int64_t now_ms, const char **item_id)
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
    *undo_at(p, p->undo_len) = (struct progress_undo){0};
    set_raw(p, u.guide_id, u.item_id, u.state, now_ms);
    struct progress_item *it = progress_find_item(progress_find_guide(p, u.guide_id), u.item_id);
    if (item_id != NULL) {
        *item_id = it->id;
    }
    free(u.guide_id);
    free(u.item_id);
    return true;
}

size_t progress_undo_depth(const struct progress *p, const char *guide_id)
{
    size_t n = 0;
    for (size_t i = 0; i < p->undo_len; i++) {
        if (strcmp(p->undo[(p->undo_head + i) % PROGRESS_UNDO_MAX].guide_id, guide_id) == 0) {
            n++;
        }
    }
    return n;
}

void progress_reset_guide(struct progress *p, const char *guide_id, int64_t now_ms)
{
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    int64_t t = now_ms > pg->reset ? now_ms : pg->reset;
    for (size_t i = 0; i < pg->n_items; i++) {
        if (pg->items[i].changed > t) {
            t = pg->items[i].changed;
        }
    }
    int64_t latest = progress_records_latest(pg);
    pg->reset = latest > t ? latest : t;
    drop_void(pg);
    p->generation++;
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

/* Adds theirs' keys that ours lacks; returns true if any was added. */
static bool extra_merge(struct arena *a, struct progress_extra *ours,
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
    return true;
}

static void copy_extra(struct arena *a, struct progress_extra *dst,
                       const struct progress_extra *src)
{
    dst->pairs = NULL;
    dst->n = 0;
    extra_merge(a, dst, src);
}

static bool merge_guide(struct progress *ours, struct progress_guide *og,
                        const struct progress_guide *tg)
{
    bool changed = false;
    if (tg->reset > og->reset) {
        og->reset = tg->reset;
        changed |= drop_void(og);
    }
    for (size_t i = 0; i < tg->n_items; i++) {
        const struct progress_item *ti = &tg->items[i];
        if (ti->changed <= og->reset) {
            continue;
        }
        struct progress_item *oi = progress_find_item(og, ti->id);
        if (oi == NULL) {
            oi = add_item(og, ti->id);
        } else if (ti->changed <= oi->changed) {
            continue;
        }
        oi->state = ti->state;
        oi->changed = ti->changed;
        copy_extra(&ours->arena, &oi->extra, &ti->extra);
        changed = true;
    }
    changed |= progress_records_merge(og, tg);
    changed |= extra_merge(&ours->arena, &og->extra, &tg->extra);
    return changed;
}

void progress_merge(struct progress *ours, const struct progress *theirs)
{
    bool changed = false;
    for (size_t g = 0; g < theirs->n_guides; g++) {
        const struct progress_guide *tg = &theirs->guides[g];
        struct progress_guide *og = progress_find_guide(ours, tg->id);
        if (og == NULL) {
            og = progress_get_guide(ours, tg->id);
            changed = true;
        }
        changed |= merge_guide(ours, og, tg);
    }
    changed |= extra_merge(&ours->arena, &ours->extra, &theirs->extra);
    if (changed) {
        ours->generation++;
    }
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
        const struct progress_item *it = progress_find_item(pg, ph->actions[a].id);
        enum progress_state st = it != NULL ? it->state : PROGRESS_TODO;
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

bool progress_next_todo(const struct progress *p, const struct guide *g, size_t phase,
                        size_t action, size_t *out_phase, size_t *out_action)
{
    const struct progress_guide *pg = progress_find_guide(p, g->id);
    size_t total = 0;
    for (size_t i = 0; i < g->n_phases; i++) {
        total += g->phases[i].n_actions;
    }
    size_t ph = 0, ac = 0;
    if (phase < g->n_phases) {
        ph = phase;
        ac = action + 1; /* start after the given position */
    }
    for (size_t seen = 0; seen <= total; seen++) {
        while (ph < g->n_phases && ac >= g->phases[ph].n_actions) {
            ph++;
            ac = 0;
        }
        if (ph >= g->n_phases) {
            ph = 0;
            ac = 0;
            while (ph < g->n_phases && g->phases[ph].n_actions == 0) {
                ph++;
            }
            if (ph >= g->n_phases) {
                return false;
            }
        }
        const struct progress_item *it = progress_find_item(pg, g->phases[ph].actions[ac].id);
        enum progress_state st = it != NULL ? it->state : PROGRESS_TODO;
        if (st == PROGRESS_TODO || st == PROGRESS_IN_PROGRESS) {
            *out_phase = ph;
            *out_action = ac;
            return true;
        }
        ac++;
    }
    return false;
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

static const char *const state_names[PROGRESS_STATE_COUNT] = {"todo", "in-progress", "done",
                                                              "skipped"};

const char *progress_state_name(enum progress_state state)
{
    return (unsigned)state < PROGRESS_STATE_COUNT ? state_names[state] : "todo";
}

int progress_state_parse(const char *name, enum progress_state *state)
{
    for (unsigned i = 0; i < PROGRESS_STATE_COUNT; i++) {
        if (strcmp(name, state_names[i]) == 0) {
            *state = (enum progress_state)i;
            return 0;
        }
    }
    return -1;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

/* The date of a day count since 1970-01-01 (Howard Hinnant's civil_from_days). */
static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

/* Writes v as exactly n decimal digits ending at p[n - 1]. */
static void put_digits(char *p, unsigned v, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* Saving thousands of items formats thousands of times, so this is plain arithmetic rather
 * than gmtime_r() and snprintf(); years past 9999 (never parsed, but a time can be bumped)
 * take the general path, which prints them in full. */
void progress_format_time(int64_t ms, char *buf, size_t size)
{
    if (ms < 0) {
        ms = 0;
    }
    int64_t days = ms / 86400000;
    unsigned in_day = (unsigned)(ms % 86400000);
    int64_t y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    if (y > 9999 || size < sizeof "2026-11-26T06:30:12.345Z") {
        time_t secs = (time_t)(ms / 1000);
        struct tm tm;
        gmtime_r(&secs, &tm);
        snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ms % 1000));
        return;
    }
    memcpy(buf, "0000-00-00T00:00:00.000Z", sizeof "0000-00-00T00:00:00.000Z");
    put_digits(buf, (unsigned)y, 4);
    put_digits(buf + 5, m, 2);
    put_digits(buf + 8, d, 2);
    put_digits(buf + 11, in_day / 3600000, 2);
    put_digits(buf + 14, in_day / 60000 % 60, 2);
    put_digits(buf + 17, in_day / 1000 % 60, 2);
    put_digits(buf + 20, in_day % 1000, 3);
}

/* Reads exactly n digits at *s; returns -1 if any is missing. */
static int digits(const char **s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if ((*s)[i] < '0' || (*s)[i] > '9') {
            return -1;
        }
        v = v * 10 + ((*s)[i] - '0');
    }
    *s += n;
    return v;
}

static bool expect(const char **s, char c)
{
    if (**s != c) {
        return false;
    }
    (*s)++;
    return true;
}

int progress_parse_time(const char *s, int64_t *ms)
{
    int y = digits(&s, 4);
    bool ok = y >= 1970 && expect(&s, '-');
    int mo = ok ? digits(&s, 2) : -1;
    ok = ok && mo >= 1 && mo <= 12 && expect(&s, '-');
    int d = ok ? digits(&s, 2) : -1;
    ok = ok && d >= 1 && d <= 31 && expect(&s, 'T');
    int h = ok ? digits(&s, 2) : -1;
    ok = ok && h >= 0 && h <= 23 && expect(&s, ':');
    int mi = ok ? digits(&s, 2) : -1;
    ok = ok && mi >= 0 && mi <= 59 && expect(&s, ':');
    int se = ok ? digits(&s, 2) : -1;
    ok = ok && se >= 0 && se <= 60;
    int frac = 0;
    if (ok && *s == '.') {
        s++;
        frac = digits(&s, 3);
        ok = frac >= 0;
    }
    ok = ok && expect(&s, 'Z') && *s == '\0';
    if (!ok) {
        return -1;
    }
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[mo - 1] || (mo == 2 && d == 29 && !leap)) {
        return -1;
    }
    int64_t days = days_from_civil(y, (unsigned)mo, (unsigned)d);
    int64_t t = ((days * 24 + h) * 60 + mi) * 60000 + (int64_t)se * 1000 + frac;
    /* A leap second (:60) is read as the next second; past 9999-12-31T23:59:59.999Z that
     * would be written back as a five-digit year this reader refuses, losing the entry. */
    if (t > PROGRESS_TIME_MAX_MS) {
        return -1;
    }
    *ms = t;
    return 0;
}

int64_t progress_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
