/* SPDX-License-Identifier: MIT */
/* The learning companion's entries of a guide: notes, certification statuses, the pace start
 * date and the resume position.
 *
 * Invariants: notes and certifications live in id-keyed tables (an open-addressing index at
 * most half full, as for items, so a large hostile file stays linear); every entry carries the
 * time of its last change and a removal is an entry without a value (a tombstone) so that a
 * merge with an older copy cannot resurrect it. No entry is changed at or before its guide's
 * reset time: such entries are dropped (tables) or cleared (start, resume). A note's text is
 * valid UTF-8 without NUL or trailing white space, 1..PROGRESS_NOTE_MAX bytes; certification
 * dates are valid calendar dates with expires after passed. */
#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "progress_internal.h"
#include "text.h"
#include "xalloc.h"

/* --- Id-keyed tables ---------------------------------------------------------------------- */

static size_t hash_id(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h;
}

static char *row_id(const struct progress_table *t, size_t size, size_t i)
{
    return *(char **)((char *)t->rows + i * size);
}

static void table_index(struct progress_table *t, size_t size, size_t n_slots)
{
    free(t->slots);
    t->slots = xcalloc(n_slots, sizeof *t->slots);
    t->n_slots = n_slots;
    for (size_t i = 0; i < t->n; i++) {
        size_t h = hash_id(row_id(t, size, i)) & (n_slots - 1);
        while (t->slots[h] != 0) {
            h = (h + 1) & (n_slots - 1);
        }
        t->slots[h] = i + 1;
    }
}

static void *table_find(const struct progress_table *t, size_t size, const char *id)
{
    if (t->n_slots == 0) {
        return NULL;
    }
    size_t h = hash_id(id) & (t->n_slots - 1);
    while (t->slots[h] != 0) {
        size_t i = t->slots[h] - 1;
        if (strcmp(row_id(t, size, i), id) == 0) {
            return (char *)t->rows + i * size;
        }
        h = (h + 1) & (t->n_slots - 1);
    }
    return NULL;
}

/* The row of id, added (zeroed, with a copy of id) when absent. */
static void *table_get(struct progress_table *t, size_t size, const char *id)
{
    void *row = table_find(t, size, id);
    if (row != NULL) {
        return row;
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 8;
        t->rows = xreallocarray(t->rows, t->cap, size);
    }
    row = (char *)t->rows + t->n * size;
    memset(row, 0, size);
    *(char **)row = xstrdup(id);
    t->n++;
    if (t->n * 2 > t->n_slots) {
        table_index(t, size, t->n_slots ? t->n_slots * 2 : 16);
    } else {
        size_t h = hash_id(id) & (t->n_slots - 1);
        while (t->slots[h] != 0) {
            h = (h + 1) & (t->n_slots - 1);
        }
        t->slots[h] = t->n;
    }
    return row;
}

static void table_free(struct progress_table *t)
{
    free(t->rows);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

void progress_records_free(struct progress_guide *pg)
{
    struct progress_note *notes = pg->notes.rows;
    for (size_t i = 0; i < pg->notes.n; i++) {
        free(notes[i].id);
        free(notes[i].text);
    }
    table_free(&pg->notes);
    struct progress_cert *certs = pg->certs.rows;
    for (size_t i = 0; i < pg->certs.n; i++) {
        free(certs[i].id);
    }
    table_free(&pg->certs);
    free(pg->resume.screen);
    free(pg->resume.item);
    memset(&pg->resume, 0, sizeof pg->resume);
}

/* --- Reset and merge ---------------------------------------------------------------------- */

static bool drop_void_notes(struct progress_guide *pg)
{
    struct progress_note *notes = pg->notes.rows;
    size_t kept = 0;
    for (size_t i = 0; i < pg->notes.n; i++) {
        if (notes[i].changed <= pg->reset) {
            free(notes[i].id);
            free(notes[i].text);
            continue;
        }
        notes[kept++] = notes[i];
    }
    bool dropped = kept != pg->notes.n;
    pg->notes.n = kept;
    if (dropped) {
        table_index(&pg->notes, sizeof *notes, pg->notes.n_slots ? pg->notes.n_slots : 16);
    }
    return dropped;
}

static bool drop_void_certs(struct progress_guide *pg)
{
    struct progress_cert *certs = pg->certs.rows;
    size_t kept = 0;
    for (size_t i = 0; i < pg->certs.n; i++) {
        if (certs[i].changed <= pg->reset) {
            free(certs[i].id);
            continue;
        }
        certs[kept++] = certs[i];
    }
    bool dropped = kept != pg->certs.n;
    pg->certs.n = kept;
    if (dropped) {
        table_index(&pg->certs, sizeof *certs, pg->certs.n_slots ? pg->certs.n_slots : 16);
    }
    return dropped;
}

bool progress_records_drop_void(struct progress_guide *pg)
{
    bool dropped = drop_void_notes(pg);
    dropped |= drop_void_certs(pg);
    if (pg->start.changed != 0 && pg->start.changed <= pg->reset) {
        memset(&pg->start, 0, sizeof pg->start);
        dropped = true;
    }
    if (pg->resume.changed != 0 && pg->resume.changed <= pg->reset) {
        free(pg->resume.screen);
        free(pg->resume.item);
        memset(&pg->resume, 0, sizeof pg->resume);
        dropped = true;
    }
    return dropped;
}

int64_t progress_records_latest(const struct progress_guide *pg)
{
    int64_t t = pg->start.changed > pg->resume.changed ? pg->start.changed : pg->resume.changed;
    const struct progress_note *notes = pg->notes.rows;
    for (size_t i = 0; i < pg->notes.n; i++) {
        t = notes[i].changed > t ? notes[i].changed : t;
    }
    const struct progress_cert *certs = pg->certs.rows;
    for (size_t i = 0; i < pg->certs.n; i++) {
        t = certs[i].changed > t ? certs[i].changed : t;
    }
    return t;
}

void progress_put_note(struct progress_guide *pg, const char *id, const char *text, size_t len,
                       int64_t changed)
{
    struct progress_note *n = table_get(&pg->notes, sizeof *n, id);
    free(n->text);
    n->text = text != NULL && len > 0 ? xstrndup(text, len) : NULL;
    n->changed = changed;
}

void progress_put_cert(struct progress_guide *pg, const char *id,
                       const struct progress_cert_info *info, int64_t changed)
{
    struct progress_cert *c = table_get(&pg->certs, sizeof *c, id);
    c->info = *info;
    c->changed = changed;
}

void progress_put_resume(struct progress_guide *pg, const char *screen, const char *item,
                         long scroll, int64_t changed)
{
    free(pg->resume.screen);
    free(pg->resume.item);
    pg->resume.screen = screen != NULL ? xstrdup(screen) : NULL;
    pg->resume.item = item != NULL ? xstrdup(item) : NULL;
    pg->resume.scroll = scroll;
    pg->resume.changed = changed;
}

/* Whether a change of theirs at time t replaces ours (changed at o; 0 when absent). */
static bool theirs_wins(const struct progress_guide *og, int64_t t, int64_t o)
{
    return t > og->reset && t > o;
}

bool progress_records_merge(struct progress_guide *og, const struct progress_guide *tg)
{
    bool changed = false;
    const struct progress_note *tn = tg->notes.rows;
    for (size_t i = 0; i < tg->notes.n; i++) {
        const struct progress_note *on = progress_find_note(og, tn[i].id);
        if (theirs_wins(og, tn[i].changed, on != NULL ? on->changed : 0)) {
            size_t len = tn[i].text != NULL ? strlen(tn[i].text) : 0;
            progress_put_note(og, tn[i].id, tn[i].text, len, tn[i].changed);
            changed = true;
        }
    }
    const struct progress_cert *tc = tg->certs.rows;
    for (size_t i = 0; i < tg->certs.n; i++) {
        const struct progress_cert *oc = progress_find_cert(og, tc[i].id);
        if (theirs_wins(og, tc[i].changed, oc != NULL ? oc->changed : 0)) {
            progress_put_cert(og, tc[i].id, &tc[i].info, tc[i].changed);
            changed = true;
        }
    }
    if (theirs_wins(og, tg->start.changed, og->start.changed)) {
        og->start = tg->start;
        changed = true;
    }
    if (theirs_wins(og, tg->resume.changed, og->resume.changed)) {
        progress_put_resume(og, tg->resume.screen, tg->resume.item, tg->resume.scroll,
                            tg->resume.changed);
        changed = true;
    }
    return changed;
}

/* --- Changes ------------------------------------------------------------------------------ */

static bool id_ok(const char *id)
{
    return id != NULL && id[0] != '\0' && text_utf8_valid(id, strlen(id), NULL);
}

/* The time of a change made at now_ms to an entry last changed at prev: strictly after it and
 * after the guide's reset. */
static int64_t change_time(const struct progress_guide *pg, int64_t prev, int64_t now_ms)
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

static bool is_trailing_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int progress_set_note(struct progress *p, const char *guide_id, const char *id, const char *text,
                      size_t len, int64_t now_ms)
{
    if (!id_ok(guide_id) || !id_ok(id)) {
        return -1;
    }
    if (text == NULL) {
        len = 0;
    }
    while (len > 0 && is_trailing_space(text[len - 1])) {
        len--;
    }
    if (len > PROGRESS_NOTE_MAX ||
        (len > 0 && (memchr(text, '\0', len) != NULL || !text_utf8_valid(text, len, NULL)))) {
        return -1;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    struct progress_note *n = progress_find_note(pg, id);
    const char *old = n != NULL ? n->text : NULL;
    if ((len == 0 && old == NULL) ||
        (len > 0 && old != NULL && strlen(old) == len && memcmp(old, text, len) == 0)) {
        return 0;
    }
    progress_put_note(pg, id, text, len, change_time(pg, n != NULL ? n->changed : 0, now_ms));
    p->generation++;
    return 0;
}

struct progress_note *progress_find_note(const struct progress_guide *pg, const char *id)
{
    return pg != NULL ? table_find(&pg->notes, sizeof(struct progress_note), id) : NULL;
}

const char *progress_get_note(const struct progress *p, const char *guide_id, const char *id)
{
    const struct progress_note *n = progress_find_note(progress_find_guide(p, guide_id), id);
    return n != NULL ? n->text : NULL;
}

size_t progress_count_notes(const struct progress *p, const char *guide_id)
{
    const struct progress_guide *pg = progress_find_guide(p, guide_id);
    if (pg == NULL) {
        return 0;
    }
    const struct progress_note *notes = pg->notes.rows;
    size_t n = 0;
    for (size_t i = 0; i < pg->notes.n; i++) {
        n += notes[i].text != NULL;
    }
    return n;
}

/* --- Certifications ----------------------------------------------------------------------- */

static const char *const cert_names[PROGRESS_CERT_STATUS_COUNT] = {"none", "interested", "studying",
                                                                   "exam-booked", "passed"};
static const char *const cert_labels[PROGRESS_CERT_STATUS_COUNT] = {"", "interested", "studying",
                                                                    "exam booked", "passed"};

const char *progress_cert_status_name(enum progress_cert_status status)
{
    return (unsigned)status < PROGRESS_CERT_STATUS_COUNT ? cert_names[status] : "none";
}

const char *progress_cert_status_label(enum progress_cert_status status)
{
    return (unsigned)status < PROGRESS_CERT_STATUS_COUNT ? cert_labels[status] : "";
}

int progress_cert_status_parse(const char *name, enum progress_cert_status *status)
{
    for (unsigned i = 0; i < PROGRESS_CERT_STATUS_COUNT; i++) {
        if (strcmp(name, cert_names[i]) == 0) {
            *status = (enum progress_cert_status)i;
            return 0;
        }
    }
    return -1;
}

static bool date_ok(struct progress_date d)
{
    return !progress_date_is_set(d) || progress_date_valid(d);
}

int progress_cert_validate(const struct progress_cert_info *c, struct progress_date today,
                           const char **why)
{
    const char *bad = NULL;
    if ((unsigned)c->status >= PROGRESS_CERT_STATUS_COUNT) {
        bad = "the status is not one of none, interested, studying, exam-booked, passed";
    } else if (!date_ok(c->exam)) {
        bad = "the exam date is not a real date (YYYY-MM-DD)";
    } else if (!date_ok(c->passed)) {
        bad = "the passed date is not a real date (YYYY-MM-DD)";
    } else if (!date_ok(c->expires)) {
        bad = "the expiry date is not a real date (YYYY-MM-DD)";
    } else if (progress_date_is_set(c->passed) && progress_date_is_set(c->expires) &&
               progress_date_compare(c->expires, c->passed) <= 0) {
        bad = "the expiry date must be after the passed date";
    } else if (progress_date_is_set(c->passed) && progress_date_is_set(today) &&
               progress_date_compare(c->passed, today) > 0) {
        bad = "the passed date is in the future";
    }
    if (why != NULL) {
        *why = bad;
    }
    return bad != NULL ? -1 : 0;
}

static bool cert_empty(const struct progress_cert_info *c)
{
    return c->status == PROGRESS_CERT_NONE && !progress_date_is_set(c->exam) &&
           !progress_date_is_set(c->passed) && !progress_date_is_set(c->expires);
}

static bool cert_same(const struct progress_cert_info *a, const struct progress_cert_info *b)
{
    return a->status == b->status && progress_date_compare(a->exam, b->exam) == 0 &&
           progress_date_compare(a->passed, b->passed) == 0 &&
           progress_date_compare(a->expires, b->expires) == 0;
}

int progress_set_cert(struct progress *p, const char *guide_id, const char *cert_id,
                      const struct progress_cert_info *c, struct progress_date today,
                      int64_t now_ms, const char **why)
{
    if (!id_ok(guide_id) || !id_ok(cert_id)) {
        if (why != NULL) {
            *why = "the certification id is empty or not valid UTF-8";
        }
        return -1;
    }
    if (progress_cert_validate(c, today, why) != 0) {
        return -1;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    struct progress_cert *old = progress_find_cert(pg, cert_id);
    struct progress_cert_info none = {0};
    if (cert_same(old != NULL ? &old->info : &none, c)) {
        return 0;
    }
    int64_t t = change_time(pg, old != NULL ? old->changed : 0, now_ms);
    progress_put_cert(pg, cert_id, c, t);
    p->generation++;
    return 0;
}

struct progress_cert *progress_find_cert(const struct progress_guide *pg, const char *id)
{
    return pg != NULL ? table_find(&pg->certs, sizeof(struct progress_cert), id) : NULL;
}

bool progress_get_cert(const struct progress *p, const char *guide_id, const char *cert_id,
                       struct progress_cert_info *out)
{
    const struct progress_cert *c = progress_find_cert(progress_find_guide(p, guide_id), cert_id);
    memset(out, 0, sizeof *out);
    if (c == NULL || cert_empty(&c->info)) {
        return false;
    }
    *out = c->info;
    return true;
}

/* --- Start date and resume ---------------------------------------------------------------- */

int progress_set_start(struct progress *p, const char *guide_id, struct progress_date date,
                       int64_t now_ms)
{
    if (!id_ok(guide_id) || !date_ok(date)) {
        return -1;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    if (progress_date_compare(pg->start.date, date) == 0) {
        return 0;
    }
    pg->start.changed = change_time(pg, pg->start.changed, now_ms);
    pg->start.date = date;
    p->generation++;
    return 0;
}

bool progress_get_start(const struct progress *p, const char *guide_id, struct progress_date *out)
{
    const struct progress_guide *pg = progress_find_guide(p, guide_id);
    if (pg == NULL || !progress_date_is_set(pg->start.date)) {
        memset(out, 0, sizeof *out);
        return false;
    }
    *out = pg->start.date;
    return true;
}

static bool resume_str_ok(const char *s)
{
    return s == NULL || (id_ok(s) && strlen(s) <= PROGRESS_RESUME_MAX);
}

static bool str_same(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

int progress_set_resume(struct progress *p, const char *guide_id, const char *screen,
                        const char *item, long scroll, int64_t now_ms)
{
    if (!id_ok(guide_id) || screen == NULL || !resume_str_ok(screen) || !resume_str_ok(item) ||
        scroll < 0 || scroll > PROGRESS_SCROLL_MAX) {
        return -1;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    struct progress_resume *r = &pg->resume;
    if (r->changed != 0 && str_same(r->screen, screen) && str_same(r->item, item) &&
        r->scroll == scroll) {
        return 0;
    }
    progress_put_resume(pg, screen, item, scroll, change_time(pg, r->changed, now_ms));
    p->generation++;
    return 0;
}

const struct progress_resume *progress_get_resume(const struct progress *p, const char *guide_id)
{
    const struct progress_guide *pg = progress_find_guide(p, guide_id);
    return pg != NULL && pg->resume.screen != NULL ? &pg->resume : NULL;
}
