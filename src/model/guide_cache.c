/* SPDX-License-Identifier: MIT */
/* Compiled copies of a guide's parts: see guide_cache.h.
 *
 * A copy (kept by file_cache.h) is the part's fields in a fixed order, after the part's own
 * bit: numbers as 64-bit integers in the machine's own byte order, strings as a length
 * (UINT64_MAX for none) and the bytes with a NUL after them, so that the guide can point into
 * the copy, read whole into its arena, without copying each string again. */
#include "guide_cache.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_cache.h"
#include "guide_ids.h"
#include "text.h"
#include "xalloc.h"

#define CACHE_KIND   "guides"
#define CACHE_NO_STR UINT64_MAX

/* The key of part's source file; NULL when the part has no compiled copy. Of a Markdown plan
 * only the first screen (GUIDE_PART_INFO) has one, under the plan's own key (guide_md.h). */
static const struct file_cache_key *source_of(const struct guide *g, enum guide_part part)
{
    unsigned i = part == GUIDE_PART_INFO ? 0 : part == GUIDE_PART_PATH && !g->markdown ? 1 : 4;
    return i < 4 && (g->available & part) ? &g->files[i] : NULL;
}

/* ---- Writing ---- */

struct out {
    char *buf;
    size_t len, cap;
};

static void put_bytes(struct out *o, const void *p, size_t n)
{
    if (o->len + n > o->cap) {
        o->cap = (o->len + n) * 2;
        o->buf = xreallocarray(o->buf, o->cap, 1);
    }
    memcpy(o->buf + o->len, p, n);
    o->len += n;
}

static void put_num(struct out *o, long long v)
{
    uint64_t u = (uint64_t)v;
    put_bytes(o, &u, sizeof u);
}

static void put_str(struct out *o, const char *s)
{
    uint64_t n = s != NULL ? strlen(s) : CACHE_NO_STR;
    put_bytes(o, &n, sizeof n);
    if (s != NULL) {
        put_bytes(o, s, strlen(s) + 1);
    }
}

static void put_stat(struct out *o, const struct guide_stat *s)
{
    put_num(o, s->present);
    put_str(o, s->label);
    put_str(o, s->text);
}

/* An id with the place it was read from, for the duplicate check of the parts read later. */
static void put_id(struct out *o, struct guide_ids *ids, const char *id)
{
    const struct guide_id_entry *e = guide_ids_find(ids, id);
    put_str(o, id);
    put_num(o, e != NULL ? e->line : 0);
    put_num(o, e != NULL ? e->col : 0);
}

static void put_info(struct out *o, const struct guide *g)
{
    put_str(o, g->id);
    put_str(o, g->title);
    put_num(o, g->short_title == g->title);
    put_str(o, g->short_title == g->title ? NULL : g->short_title);
    put_str(o, g->intro);
    const struct guide_stats *st = &g->stats;
    put_stat(o, &st->salary);
    put_num(o, st->has_salary_range);
    put_num(o, st->salary_min);
    put_num(o, st->salary_max);
    put_str(o, st->currency);
    put_stat(o, &st->growth);
    put_num(o, st->has_growth_percent);
    put_num(o, st->growth_percent);
    put_num(o, st->growth_by_year);
    put_stat(o, &st->time);
    put_num(o, st->has_time_range);
    put_num(o, st->time_min_months);
    put_num(o, st->time_max_months);
    put_stat(o, &st->difficulty);
    put_num(o, st->level);
    put_num(o, (long long)g->n_overview);
    for (size_t i = 0; i < g->n_overview; i++) {
        put_str(o, g->overview[i].title);
        put_str(o, g->overview[i].text);
    }
    put_num(o, g->cta != NULL);
    if (g->cta != NULL) {
        put_str(o, g->cta->title);
        put_str(o, g->cta->text);
        put_str(o, g->cta->button);
    }
}

/* n numbers at once: a record's numbers follow its strings. */
static void put_nums(struct out *o, size_t n, const long long *v)
{
    for (size_t i = 0; i < n; i++) {
        put_num(o, v[i]);
    }
}

static void put_path(struct out *o, const struct guide *g)
{
    put_str(o, g->path_title);
    put_num(o, (long long)g->n_phases);
    for (size_t i = 0; i < g->n_phases; i++) {
        const struct guide_phase *ph = &g->phases[i];
        put_id(o, g->ids, ph->id);
        const char *strs[] = {ph->title, ph->duration, ph->summary, ph->actions_title};
        for (size_t k = 0; k < 4; k++) {
            put_str(o, strs[k]);
        }
        put_nums(o, 5,
                 (const long long[]){ph->start_month, ph->end_month, ph->depth,
                                     ph->effort_hours != NULL, (long long)ph->n_actions});
        for (size_t j = 0; j < ph->n_actions; j++) {
            const struct guide_action *a = &ph->actions[j];
            put_id(o, g->ids, a->id);
            put_str(o, a->text);
            put_str(o, a->link);
            put_nums(o, 5,
                     (const long long[]){a->depth, a->line, a->ticked, a->evidence,
                                         ph->effort_hours != NULL ? ph->effort_hours[j] : 0});
        }
    }
}

void guide_cache_write(const struct guide *g, enum guide_part part, const char *file)
{
    const struct file_cache_key *k = source_of(g, part);
    if (k == NULL) {
        return;
    }
    struct out o = {0};
    put_num(&o, part);
    if (part == GUIDE_PART_INFO) {
        put_info(&o, g);
    } else {
        put_path(&o, g);
    }
    file_cache_write(CACHE_KIND, file, k, o.buf, o.len);
    free(o.buf);
}

/* ---- Reading ---- */

struct in {
    const char *p, *end;
    bool bad;
};

static long long get_num(struct in *r)
{
    uint64_t u = 0;
    if ((size_t)(r->end - r->p) < sizeof u) {
        r->bad = true;
        return 0;
    }
    memcpy(&u, r->p, sizeof u);
    r->p += sizeof u;
    return (long long)u;
}

/* A count of items of at least min_bytes each that the rest of the payload can hold. */
static size_t get_count(struct in *r, size_t min_bytes)
{
    long long n = get_num(r);
    if (n < 0 || (unsigned long long)n > (size_t)(r->end - r->p) / min_bytes) {
        r->bad = true;
        return 0;
    }
    return (size_t)n;
}

static int get_int(struct in *r, long long min, long long max)
{
    long long v = get_num(r);
    if (v < min || v > max) {
        r->bad = true;
        return 0;
    }
    return (int)v;
}

static unsigned get_uint(struct in *r)
{
    long long v = get_num(r);
    if (v < 0 || v > (long long)UINT32_MAX) {
        r->bad = true;
        return 0;
    }
    return (unsigned)v;
}

static bool get_bool(struct in *r)
{
    return get_int(r, 0, 1) != 0;
}

/* A string of the copy: NUL-terminated where it lies, valid UTF-8 without NUL, as guide.h
 * promises of every string of a guide. */
static const char *get_str(struct in *r)
{
    uint64_t n = (uint64_t)get_num(r);
    if (r->bad || n == CACHE_NO_STR) {
        return NULL;
    }
    if (n >= (uint64_t)(r->end - r->p) || r->p[n] != '\0' || memchr(r->p, '\0', n) != NULL ||
        !text_utf8_valid(r->p, n, NULL)) {
        r->bad = true;
        return NULL;
    }
    const char *s = r->p;
    r->p += n + 1;
    return s;
}

/* A string the part must have. */
static const char *get_text(struct in *r)
{
    const char *s = get_str(r);
    r->bad |= s == NULL;
    return s;
}

static void get_stat(struct in *r, struct guide_stat *s)
{
    s->present = get_bool(r);
    s->label = get_str(r);
    s->text = get_str(r);
    r->bad |= s->present && (s->label == NULL || s->text == NULL);
}

static void get_info(struct in *r, struct guide *g)
{
    g->id = get_text(r);
    g->title = get_text(r);
    bool same = get_bool(r);
    g->short_title = get_str(r);
    g->short_title = same ? g->title : g->short_title;
    r->bad |= g->short_title == NULL;
    g->intro = get_str(r);
    struct guide_stats *st = &g->stats;
    get_stat(r, &st->salary);
    st->has_salary_range = get_bool(r);
    st->salary_min = get_num(r);
    st->salary_max = get_num(r);
    st->currency = get_str(r);
    get_stat(r, &st->growth);
    st->has_growth_percent = get_bool(r);
    st->growth_percent = get_int(r, -1000, 1000);
    st->growth_by_year = get_int(r, 0, 9999);
    get_stat(r, &st->time);
    st->has_time_range = get_bool(r);
    st->time_min_months = get_int(r, 0, 600);
    st->time_max_months = get_int(r, 0, 600);
    get_stat(r, &st->difficulty);
    st->level = (enum guide_level)get_int(r, GUIDE_LEVEL_NONE, GUIDE_LEVEL_MAX);
    g->n_overview = get_count(r, 2 * sizeof(uint64_t));
    g->overview =
        g->n_overview > 0 ? arena_calloc(&g->arena, g->n_overview, sizeof *g->overview) : NULL;
    for (size_t i = 0; i < g->n_overview && !r->bad; i++) {
        g->overview[i].title = get_text(r);
        g->overview[i].text = get_text(r);
    }
    if (get_bool(r)) {
        g->cta = arena_alloc(&g->arena, sizeof *g->cta);
        g->cta->title = get_text(r);
        g->cta->text = get_text(r);
        g->cta->button = get_str(r);
    }
}

/* An id, registered in g's table where it was read from; a clash (which a parse of the same
 * source would have refused) makes the copy unusable. */
static const char *get_id(struct in *r, struct guide *g, const char *file)
{
    const char *id = get_text(r);
    unsigned line = get_uint(r);
    unsigned col = get_uint(r);
    if (r->bad) {
        return NULL;
    }
    struct guide_id_entry e = {.id = id, .file = file, .line = line, .col = col};
    r->bad |= guide_ids_add(g->ids, &e) != NULL;
    return id;
}

static void get_path(struct in *r, struct guide *g, const char *file)
{
    g->path_title = get_text(r);
    g->n_phases = get_count(r, 10 * sizeof(uint64_t));
    g->phases = arena_calloc(&g->arena, g->n_phases + 1, sizeof *g->phases);
    for (size_t i = 0; i < g->n_phases && !r->bad; i++) {
        struct guide_phase *ph = &g->phases[i];
        ph->id = get_id(r, g, file);
        ph->title = get_text(r);
        ph->duration = get_str(r);
        ph->summary = get_str(r);
        ph->actions_title = get_str(r);
        ph->start_month = get_int(r, 0, 600);
        ph->end_month = get_int(r, 0, 600);
        ph->depth = get_uint(r);
        bool effort = get_bool(r);
        ph->n_actions = get_count(r, 8 * sizeof(uint64_t));
        ph->actions = arena_calloc(&g->arena, ph->n_actions + 1, sizeof *ph->actions);
        ph->effort_hours = effort ? arena_calloc(&g->arena, ph->n_actions + 1, sizeof(int)) : NULL;
        for (size_t j = 0; j < ph->n_actions && !r->bad; j++) {
            struct guide_action *a = &ph->actions[j];
            a->id = get_id(r, g, file);
            a->text = get_text(r);
            a->link = get_str(r);
            a->depth = get_uint(r);
            a->line = get_uint(r);
            a->ticked = get_bool(r);
            a->evidence = get_uint(r);
            int hours = get_int(r, 0, 1000);
            if (ph->effort_hours != NULL) {
                ph->effort_hours[j] = hours;
            }
        }
    }
}

bool guide_cache_read(struct guide *g, enum guide_part part, const char *file)
{
    const struct file_cache_key *k = source_of(g, part);
    size_t n = 0;
    char *kept = k != NULL ? file_cache_read(CACHE_KIND, file, k, &n) : NULL;
    if (kept == NULL) {
        return false;
    }
    /* Read into a copy of g, so that a copy found bad halfway leaves g as it was. */
    struct guide tmp = *g;
    char *buf = arena_alloc(&tmp.arena, n);
    memcpy(buf, kept, n);
    free(kept);
    size_t ids_before = g->ids != NULL ? guide_ids_count(g->ids) : 0; /* a plan has none */
    struct in r = {.p = buf, .end = buf + n};
    if (get_num(&r) == (long long)part) {
        if (part == GUIDE_PART_INFO) {
            get_info(&r, &tmp);
        } else {
            get_path(&r, &tmp, file);
        }
    } else {
        r.bad = true; /* the file was renamed: another part's copy */
    }
    if (r.bad || r.p != r.end) {
        if (g->ids != NULL) {
            guide_ids_truncate(g->ids, ids_before);
        }
        g->arena = tmp.arena; /* what was allocated stays with the guide until it is freed */
        return false;
    }
    *g = tmp;
    g->loaded |= part | (part == GUIDE_PART_INFO ? GUIDE_PART_HEAD : 0);
    return true;
}
