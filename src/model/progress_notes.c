/* SPDX-License-Identifier: MIT */
/* The learning companion's changes: notes, certification statuses, the pace start date and
 * the resume position, checked and applied to a guide entry (progress_guide.c stores them).
 *
 * Invariants: a note's text is valid UTF-8 without NUL or trailing white space,
 * 1..PROGRESS_NOTE_MAX bytes; certification dates are valid calendar dates with expires after
 * passed. Every change of a note, a certification or the start date records the value it
 * replaces in the document's undo ring first, so the browser's undo covers them like states;
 * the resume position is the browser's own bookkeeping and is not undoable. */
#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "progress_journal_internal.h"
#include "text.h"
#include "xalloc.h"

/* --- Changes ------------------------------------------------------------------------------ */

static bool id_ok(const char *id)
{
    return id != NULL && id[0] != '\0' && text_utf8_valid(id, strlen(id), NULL);
}

static bool is_trailing_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

enum progress_change progress_set_note(struct progress *p, const char *guide_id, const char *id,
                                       const char *text, size_t len, int64_t now_ms)
{
    if (!id_ok(guide_id) || !id_ok(id)) {
        return PROGRESS_INVALID;
    }
    if (text == NULL) {
        len = 0;
    }
    while (len > 0 && is_trailing_space(text[len - 1])) {
        len--;
    }
    if (len > PROGRESS_NOTE_MAX ||
        (len > 0 && (memchr(text, '\0', len) != NULL || !text_utf8_valid(text, len, NULL)))) {
        return PROGRESS_INVALID;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    const struct progress_note *n = progress_find_note(pg, id);
    const char *old = n != NULL ? n->text : NULL;
    if ((len == 0 && old == NULL) ||
        (len > 0 && old != NULL && strlen(old) == len && memcmp(old, text, len) == 0)) {
        return PROGRESS_SAME;
    }
    struct progress_undo u = {.kind = PROGRESS_UNDO_NOTE,
                              .guide_id = xstrdup(guide_id),
                              .id = xstrdup(id),
                              .text = old != NULL ? xstrdup(old) : NULL};
    progress_undo_push(p, &u);
    progress_put_note(pg, id, text, len,
                      progress_change_time(pg, n != NULL ? n->changed : 0, now_ms));
    progress_journal_record(pg, PROGRESS_EVENT_NOTE, id, PROGRESS_TODO, 0, 0, now_ms);
    p->generation++;
    return PROGRESS_CHANGED;
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
    const struct progress_note *notes = progress_guide_more(pg)->notes.rows;
    size_t n = 0;
    for (size_t i = 0; i < progress_guide_more(pg)->notes.n; i++) {
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
    int i = progress_name_find(name, cert_names, 0, PROGRESS_CERT_STATUS_COUNT);
    if (i >= 0) {
        *status = (enum progress_cert_status)i;
    }
    return i >= 0 ? 0 : -1;
}

static bool date_ok(struct progress_date d)
{
    return !progress_date_is_set(d) || progress_date_valid(d);
}

int progress_cert_validate(const struct progress_cert_info *c, struct progress_date today,
                           char **cause)
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
    } else if (c->status == PROGRESS_CERT_PASSED && !progress_date_is_set(c->passed) &&
               progress_date_is_set(c->exam) && progress_date_is_set(today) &&
               progress_date_compare(c->exam, today) > 0) {
        bad = "passed, but the exam date is still ahead: give the passed date, or change the "
              "exam date";
    }
    if (cause != NULL) {
        *cause = bad != NULL ? xstrdup(bad) : NULL;
    }
    return bad != NULL ? -1 : 0;
}

int progress_certs_validate(const struct progress *p, const char *guide_id,
                            struct progress_date today, char **cause)
{
    const struct progress_guide *pg = progress_find_guide(p, guide_id);
    size_t n = pg != NULL ? progress_guide_count_cert_entries(pg) : 0;
    for (size_t i = 0; i < n; i++) {
        const struct progress_cert *c = progress_guide_cert(pg, i);
        char *why = NULL;
        if (progress_cert_validate(&c->info, today, &why) != 0) {
            *cause = xasprintf("certification '%s': %s", c->id, why);
            free(why);
            return -1;
        }
    }
    *cause = NULL;
    return 0;
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

enum progress_change progress_set_cert(struct progress *p, const char *guide_id,
                                       const char *cert_id, const struct progress_cert_info *c,
                                       struct progress_date today, int64_t now_ms, char **cause)
{
    if (!id_ok(guide_id) || !id_ok(cert_id)) {
        if (cause != NULL) {
            *cause = xstrdup("the certification id is empty or not valid UTF-8");
        }
        return PROGRESS_INVALID;
    }
    if (progress_cert_validate(c, today, cause) != 0) {
        return PROGRESS_INVALID;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    const struct progress_cert *old = progress_find_cert(pg, cert_id);
    struct progress_cert_info none = {0};
    if (cert_same(old != NULL ? &old->info : &none, c)) {
        return PROGRESS_SAME;
    }
    struct progress_undo u = {.kind = PROGRESS_UNDO_CERT,
                              .guide_id = xstrdup(guide_id),
                              .id = xstrdup(cert_id),
                              .cert = old != NULL ? old->info : none};
    progress_undo_push(p, &u);
    int64_t t = progress_change_time(pg, old != NULL ? old->changed : 0, now_ms);
    progress_put_cert(pg, cert_id, c, t);
    progress_journal_record(pg, PROGRESS_EVENT_CERT, cert_id, PROGRESS_TODO, 0, 0, now_ms);
    p->generation++;
    return PROGRESS_CHANGED;
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

enum progress_change progress_set_start(struct progress *p, const char *guide_id,
                                        struct progress_date date, int64_t now_ms)
{
    if (!id_ok(guide_id) || !date_ok(date)) {
        return PROGRESS_INVALID;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    if (progress_date_compare(progress_guide_more(pg)->start.date, date) == 0) {
        return PROGRESS_SAME;
    }
    struct progress_undo u = {.kind = PROGRESS_UNDO_START,
                              .guide_id = xstrdup(guide_id),
                              .date = progress_guide_more(pg)->start.date};
    progress_undo_push(p, &u);
    progress_put_start(pg, date,
                       progress_change_time(pg, progress_guide_more(pg)->start.changed, now_ms));
    progress_journal_record(pg, PROGRESS_EVENT_START, NULL, PROGRESS_TODO, 0, 0, now_ms);
    p->generation++;
    return PROGRESS_CHANGED;
}

enum progress_change progress_set_hours(struct progress *p, const char *guide_id, unsigned hours,
                                        int64_t now_ms)
{
    if (!id_ok(guide_id) ||
        (hours != 0 && (hours < PROGRESS_HOURS_MIN || hours > PROGRESS_HOURS_MAX))) {
        return PROGRESS_INVALID;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    if (progress_guide_more(pg)->hours.hours == hours) {
        return PROGRESS_SAME;
    }
    struct progress_undo u = {.kind = PROGRESS_UNDO_HOURS,
                              .guide_id = xstrdup(guide_id),
                              .hours = progress_guide_more(pg)->hours.hours};
    progress_undo_push(p, &u);
    progress_put_hours(pg, hours,
                       progress_change_time(pg, progress_guide_more(pg)->hours.changed, now_ms));
    progress_journal_record(pg, PROGRESS_EVENT_HOURS, NULL, PROGRESS_TODO, hours, 0, now_ms);
    p->generation++;
    return PROGRESS_CHANGED;
}

unsigned progress_get_hours(const struct progress *p, const char *guide_id, unsigned fallback)
{
    const struct progress_guide *pg = p != NULL ? progress_find_guide(p, guide_id) : NULL;
    return pg != NULL && progress_guide_more(pg)->hours.hours > 0
               ? progress_guide_more(pg)->hours.hours
               : fallback;
}

bool progress_get_start(const struct progress *p, const char *guide_id, struct progress_date *out)
{
    const struct progress_guide *pg = progress_find_guide(p, guide_id);
    if (pg == NULL || !progress_date_is_set(progress_guide_more(pg)->start.date)) {
        memset(out, 0, sizeof *out);
        return false;
    }
    *out = progress_guide_more(pg)->start.date;
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

enum progress_change progress_set_resume(struct progress *p, const char *guide_id,
                                         const char *screen, const char *item, long scroll,
                                         int64_t now_ms)
{
    if (!id_ok(guide_id) || screen == NULL || !resume_str_ok(screen) || !resume_str_ok(item) ||
        scroll < 0 || scroll > PROGRESS_SCROLL_MAX) {
        return PROGRESS_INVALID;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    const struct progress_resume *r = &progress_guide_more(pg)->resume;
    if (r->changed != 0 && str_same(r->screen, screen) && str_same(r->item, item) &&
        r->scroll == scroll) {
        return PROGRESS_SAME;
    }
    progress_put_resume(pg, screen, item, scroll, progress_change_time(pg, r->changed, now_ms));
    p->generation++;
    return PROGRESS_CHANGED;
}

const struct progress_resume *progress_get_resume(const struct progress *p, const char *guide_id)
{
    const struct progress_guide *pg = progress_lookup_guide(p, guide_id);
    return pg != NULL && progress_guide_more(pg)->resume.screen != NULL
               ? &progress_guide_more(pg)->resume
               : NULL;
}
