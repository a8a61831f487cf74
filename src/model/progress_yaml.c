/* SPDX-License-Identifier: MIT */
/* The dotfile text, read: through ydoc, bounded and alias-free (progress_emit.c writes it).
 *
 * Reading never gives up on a damaged file: a NUL byte, invalid UTF-8 or a YAML error cuts the
 * text at the start of the offending line and the prefix before it is parsed again (a few
 * times at most), then every entry that is well formed is kept and every one that is not is
 * skipped with a located message. A `version` above ours keeps what can be understood and
 * marks the document NEWER so the store never overwrites it. Unknown keys at the top level, in
 * a guide and in an item are copied into the document as opaque subtrees and emitted back
 * after the known keys, in their original order. The companion entries (notes, certifications,
 * start, resume) are read strictly: an entry missing its change time or holding an invalid
 * value is skipped with a located message, and unknown keys inside them are not kept. */
#include "progress.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_journal_internal.h"
#include "progress_evidence_internal.h"
#include "progress_internal.h"
#include "text.h"
#include "xalloc.h"

#define SALVAGE_ATTEMPTS 8
#define GUIDES_AHEAD     8 /* guide entries whose index slots are fetched ahead */

struct reader {
    const char *file;
    struct diag *d;
    struct progress *p;
    bool damaged;
    bool warned;    /* something was not understood */
    bool strict;    /* what a person may write loosely is an error here (a machine's export) */
    size_t settled; /* guide entries [0, settled) are settle()d */
};

static void damage(struct reader *r, const struct ydoc_node *n, const char *what)
{
    r->damaged = true;
    diag_add(r->d, DIAG_ERROR, r->file, n != NULL ? n->line : 0, n != NULL ? n->col : 0, "%s",
             what);
}

/* Offset of the start of 1-based line `line` in buf (len when past the end). */
static size_t line_start(const char *buf, size_t len, unsigned line)
{
    size_t off = 0;
    for (unsigned l = 1; l < line && off < len; off++) {
        if (buf[off] == '\n') {
            l++;
        }
    }
    return off;
}

/* Offset of the start of the line holding byte `at`. */
static size_t line_start_of(const char *buf, size_t at)
{
    while (at > 0 && buf[at - 1] != '\n') {
        at--;
    }
    return at;
}

static unsigned line_of(const char *buf, size_t at)
{
    unsigned line = 1;
    for (size_t i = 0; i < at; i++) {
        line += buf[i] == '\n';
    }
    return line;
}

/* Cuts the text before a NUL byte or invalid UTF-8; returns the usable length. */
static size_t cut_bad_bytes(struct reader *r, const char *buf, size_t len)
{
    const char *nul = memchr(buf, '\0', len);
    if (nul != NULL) {
        size_t at = (size_t)(nul - buf);
        diag_add(r->d, DIAG_ERROR, r->file, line_of(buf, at), 0, "a NUL byte at offset %zu", at);
        r->damaged = true;
        len = line_start_of(buf, at);
    }
    size_t bad = 0;
    if (!text_utf8_valid(buf, len, &bad)) {
        diag_add(r->d, DIAG_ERROR, r->file, line_of(buf, bad), 0, "invalid UTF-8 at offset %zu",
                 bad);
        r->damaged = true;
        len = line_start_of(buf, bad);
    }
    return len;
}

/* Parses the longest prefix that ydoc accepts, cutting at each error's line. */
static struct ydoc *parse_prefix(struct reader *r, const char *buf, size_t len)
{
    for (int attempt = 0; attempt < SALVAGE_ATTEMPTS && len > 0; attempt++) {
        struct diag tmp = {0};
        struct ydoc *doc = ydoc_parse(r->file, buf, len, attempt == 0 ? r->d : &tmp);
        unsigned line = attempt == 0 ? 0 : (tmp.n > 0 ? tmp.msgs[0].line : 0);
        if (attempt == 0 && doc == NULL) {
            for (size_t i = 0; i < r->d->n; i++) {
                if (r->d->msgs[i].level == DIAG_ERROR) {
                    line = r->d->msgs[i].line;
                    break;
                }
            }
        }
        diag_free(&tmp);
        if (doc != NULL) {
            return doc;
        }
        r->damaged = true;
        size_t cut = line > 0 ? line_start(buf, len, line) : 0;
        if (cut >= len) {
            /* The error is at the very end: drop the last line. */
            cut = len > 0 ? line_start_of(buf, len - 1) : 0;
        }
        len = cut;
    }
    return NULL;
}

static void extra_add(struct reader *r, struct progress_extra *e, const struct ydoc_pair *pair)
{
    progress_extra_add(&r->p->arena, e, pair);
}

/* Something a person wrote that cannot be understood: a located warning; the file is not
 * damaged for it. */
static void warn(struct reader *r, const struct ydoc_node *n, const char *what)
{
    r->warned = true;
    diag_add(r->d, r->strict ? DIAG_ERROR : DIAG_WARNING, r->file, n->line, n->col, "%s", what);
    r->damaged |= r->strict;
}

/* Keeps an entry that cannot be understood as it was written (emitted back in its mapping),
 * with a warning saying why. */
static void keep_unread(struct reader *r, struct progress_extra *e, const struct ydoc_pair *pair,
                        const struct ydoc_node *at, const char *why)
{
    if (r->strict) {
        warn(r, at, why);
        return;
    }
    r->warned = true;
    diag_add(r->d, DIAG_WARNING, r->file, at->line, at->col, "%s; the entry is kept as written",
             why);
    extra_add(r, e, pair);
}

#define BAD_CHANGED "changed is not a date (YYYY-MM-DD) or an ISO 8601 UTC time"

static void read_item(struct reader *r, struct progress_guide *pg, const struct ydoc_pair *pair)
{
    const char *id = pair->key->u.scalar.str;
    const struct ydoc_node *v = pair->value;
    /* "item: done" is what a person may write for an entry with only a state. */
    const struct ydoc_node *state = v->kind == YDOC_MAP ? ydoc_map_get(v, "state") : v;
    enum progress_state st;
    if (id[0] == '\0') {
        keep_unread(r, &progress_guide_more_get(pg)->unread_items, pair, pair->key,
                    "an item with an empty id");
        return;
    }
    if (!ydoc_is_scalar(state) || progress_state_parse(state->u.scalar.str, &st) != 0) {
        keep_unread(r, &progress_guide_more_get(pg)->unread_items, pair, state != NULL ? state : v,
                    "an item's state is not one of todo, in-progress, done, skipped");
        return;
    }
    const struct ydoc_node *bad = NULL;
    int64_t t;
    if (!progress_read_changed(pg, v, &t, &bad)) {
        keep_unread(r, &progress_guide_more_get(pg)->unread_items, pair, bad, BAD_CHANGED);
        return;
    }
    if (progress_lookup_item(pg, id) != NULL) {
        return; /* ydoc rejects duplicate keys; kept as a guard */
    }
    struct progress_item *it = progress_guide_item_get(pg, id);
    it->state = st;
    it->changed = t;
    size_t at = (size_t)(it - pg->items);
    for (size_t i = 0; v->kind == YDOC_MAP && i < v->u.map.n; i++) {
        const char *k = v->u.map.pairs[i].key->u.scalar.str;
        if (strcmp(k, "state") != 0 && strcmp(k, "changed") != 0) {
            extra_add(r, &pg->aux[at].extra, &v->u.map.pairs[i]);
        }
    }
}

/* The learner's own actions: an entry that is not well formed is kept as written, with one
 * warning for the first. */
static void read_personal(struct reader *r, struct progress_guide *pg, const struct ydoc_node *v)
{
    if (v->kind != YDOC_MAP) {
        warn(r, v, "personal is not a mapping of the learner's own actions");
        return;
    }
    bool warned = false;
    for (size_t i = 0; i < v->u.map.n; i++) {
        const struct ydoc_node *bad = progress_personal_read(pg, &v->u.map.pairs[i]);
        if (bad != NULL && !warned) {
            keep_unread(r, &progress_guide_more_get(pg)->unread_personal, &v->u.map.pairs[i], bad,
                        "a personal action needs a one-line text, a phase and a valid changed");
            warned = true;
        } else if (bad != NULL) {
            extra_add(r, &progress_guide_more_get(pg)->unread_personal, &v->u.map.pairs[i]);
        }
    }
}

/* The entries of a companion mapping: true when v is a mapping (else a message). */
static bool companion_map(struct reader *r, const struct ydoc_node *v, const char *what)
{
    if (v->kind != YDOC_MAP) {
        diag_add(r->d, DIAG_ERROR, r->file, v->line, v->col, "%s is not a mapping", what);
        r->damaged = true;
        return false;
    }
    return true;
}

static void read_note(struct reader *r, struct progress_guide *pg, const struct ydoc_pair *pair)
{
    const char *id = pair->key->u.scalar.str;
    const struct ydoc_node *v = pair->value;
    /* "item: some text" is a note as a person may write it. */
    const struct ydoc_node *text = v->kind == YDOC_MAP ? ydoc_map_get(v, "text") : v;
    if (id[0] == '\0' || (text != NULL && text->kind != YDOC_SCALAR)) {
        keep_unread(r, &progress_guide_more_get(pg)->unread_notes, pair, text != NULL ? text : v,
                    id[0] == '\0' ? "a note with an empty id" : "a note's text is not a string");
        return;
    }
    const struct ydoc_node *bad = NULL;
    int64_t t;
    if (!progress_read_changed(pg, v, &t, &bad)) {
        keep_unread(r, &progress_guide_more_get(pg)->unread_notes, pair, bad, BAD_CHANGED);
        return;
    }
    size_t len = text != NULL ? text->u.scalar.len : 0;
    while (len > 0 && strchr(" \t\r\n", text->u.scalar.str[len - 1]) != NULL) {
        len--;
    }
    progress_put_note(pg, id, text != NULL ? text->u.scalar.str : NULL, len, t);
}

/* Reads an optional date key; false (and *bad pointing at it) when it is there but not a real
 * date. */
static bool read_date(const struct ydoc_node *v, const char *key, struct progress_date *out,
                      const struct ydoc_node **bad)
{
    const struct ydoc_node *n = ydoc_map_get(v, key);
    memset(out, 0, sizeof *out);
    if (n == NULL || (n->kind == YDOC_SCALAR && n->u.scalar.plain && n->u.scalar.len == 0)) {
        return true;
    }
    if (!ydoc_is_scalar(n) || progress_date_parse(n->u.scalar.str, out) != 0) {
        *bad = n;
        return false;
    }
    return true;
}

static void read_cert(struct reader *r, struct progress_guide *pg, const struct ydoc_pair *pair)
{
    const char *id = pair->key->u.scalar.str;
    const struct ydoc_node *v = pair->value;
    const struct ydoc_node *status = v->kind == YDOC_MAP ? ydoc_map_get(v, "status") : v;
    struct progress_cert_info info = {0};
    if (id[0] == '\0') {
        keep_unread(r, &progress_guide_more_get(pg)->unread_certs, pair, pair->key,
                    "a certification with an empty id");
        return;
    }
    if (!ydoc_is_scalar(status) || progress_cert_status_parse(status->u.scalar.str, &info.status)) {
        keep_unread(r, &progress_guide_more_get(pg)->unread_certs, pair,
                    status != NULL ? status : v,
                    "a certification's status is not one of none, interested, studying, "
                    "exam-booked, passed");
        return;
    }
    const struct ydoc_node *bad = NULL;
    char *why = NULL;
    struct progress_date no_today = {0};
    if (v->kind == YDOC_MAP &&
        (!read_date(v, "exam", &info.exam, &bad) || !read_date(v, "passed", &info.passed, &bad) ||
         !read_date(v, "expires", &info.expires, &bad))) {
        char bad_date[96];
        snprintf(bad_date, sizeof bad_date, "a certification date is %s",
                 ydoc_is_scalar(bad) ? progress_date_problem(bad->u.scalar.str) : "not a date");
        keep_unread(r, &progress_guide_more_get(pg)->unread_certs, pair, bad, bad_date);
        return;
    }
    if (progress_cert_validate(&info, no_today, &why) != 0) {
        keep_unread(r, &progress_guide_more_get(pg)->unread_certs, pair, v, why);
        free(why);
        return;
    }
    int64_t t;
    if (!progress_read_changed(pg, v, &t, &bad)) {
        keep_unread(r, &progress_guide_more_get(pg)->unread_certs, pair, bad, BAD_CHANGED);
        return;
    }
    progress_put_cert(pg, id, &info, t);
}

static void read_start(struct reader *r, struct progress_guide *pg, const struct ydoc_pair *pair)
{
    const struct ydoc_node *v = pair->value;
    /* "start: 2026-12-01" is a start date as a person may write it. */
    const struct ydoc_node *date = v->kind == YDOC_MAP ? ydoc_map_get(v, "date") : v;
    const struct ydoc_node *bad = NULL;
    struct progress_date d = {0};
    int64_t t;
    if (date != NULL && !ydoc_is_null(date) &&
        (!ydoc_is_scalar(date) || progress_date_parse(date->u.scalar.str, &d) != 0)) {
        char why[96];
        snprintf(why, sizeof why, "the start date is %s",
                 ydoc_is_scalar(date) ? progress_date_problem(date->u.scalar.str) : "not a date");
        keep_unread(r, &progress_guide_more_get(pg)->unread_other, pair, date, why);
    } else if (!progress_read_changed(pg, v, &t, &bad)) {
        keep_unread(r, &progress_guide_more_get(pg)->unread_other, pair, bad, BAD_CHANGED);
    } else {
        progress_put_start(pg, d, t);
    }
}

/* "hours_per_week: {hours: 6, changed: ...}", or "hours_per_week: 6" as a person may write it;
 * null or 0 is a cleared entry. */
static void read_hours(struct reader *r, struct progress_guide *pg, const struct ydoc_pair *pair)
{
    const struct ydoc_node *v = pair->value;
    const struct ydoc_node *h = v->kind == YDOC_MAP ? ydoc_map_get(v, "hours") : v;
    const struct ydoc_node *bad = NULL;
    unsigned long n = 0;
    bool ok = h == NULL || ydoc_is_null(h);
    if (!ok && ydoc_is_scalar(h) && h->u.scalar.str[0] >= '0' && h->u.scalar.str[0] <= '9') {
        char *end = NULL;
        n = strtoul(h->u.scalar.str, &end, 10);
        ok = end != NULL && *end == '\0' && n <= PROGRESS_HOURS_MAX;
    }
    int64_t t;
    if (!ok) {
        keep_unread(r, &progress_guide_more_get(pg)->unread_other, pair, h,
                    "the hours per week are not a whole number from 1 to 100");
    } else if (!progress_read_changed(pg, v, &t, &bad)) {
        keep_unread(r, &progress_guide_more_get(pg)->unread_other, pair, bad, BAD_CHANGED);
    } else {
        progress_put_hours(pg, (unsigned)n, t);
    }
}

static const char *resume_str(struct reader *r, const struct ydoc_node *v, const char *key,
                              bool *ok)
{
    const struct ydoc_node *n = ydoc_map_get(v, key);
    if (n == NULL) {
        return NULL;
    }
    if (!ydoc_is_scalar(n) || n->u.scalar.len == 0 || n->u.scalar.len > PROGRESS_RESUME_MAX) {
        warn(r, n, "a resume string is not 1-256 bytes of text; the resume position is not used");
        *ok = false;
        return NULL;
    }
    return n->u.scalar.str;
}

static void read_resume(struct reader *r, struct progress_guide *pg, const struct ydoc_node *v)
{
    if (v->kind != YDOC_MAP) {
        warn(r, v, "resume is not a mapping; the resume position is not used");
        return;
    }
    int64_t t;
    const struct ydoc_node *bad = NULL;
    bool ok = progress_read_changed(pg, v, &t, &bad);
    if (!ok) {
        warn(r, bad, BAD_CHANGED "; the resume position is not used");
    }
    const char *screen = ok ? resume_str(r, v, "screen", &ok) : NULL;
    const char *item = ok ? resume_str(r, v, "item", &ok) : NULL;
    const struct ydoc_node *scroll = ydoc_map_get(v, "scroll");
    long n = 0;
    if (ok && scroll != NULL) {
        const char *str = ydoc_is_scalar(scroll) ? scroll->u.scalar.str : "";
        char *end = NULL;
        errno = 0;
        n = strtol(str, &end, 10);
        if (errno != 0 || end == str || *end != '\0' || n < 0 || n > PROGRESS_SCROLL_MAX) {
            warn(r, scroll,
                 "resume scroll is not a whole number from 0 to 1000000000; the resume position "
                 "is not used");
            ok = false;
        }
    }
    if (ok && screen == NULL) {
        warn(r, v, "resume has no screen; the resume position is not used");
        ok = false;
    }
    if (ok) {
        progress_put_resume(pg, screen, item, n, t);
    }
}

/* Reads the companion keys of a guide entry; returns false for any other key. */
static bool read_companion(struct reader *r, struct progress_guide *pg,
                           const struct ydoc_pair *pair)
{
    const char *k = pair->key->u.scalar.str;
    const struct ydoc_node *v = pair->value;
    if ((strcmp(k, "notes") == 0 || strcmp(k, "certifications") == 0) && ydoc_is_null(v)) {
        return true; /* "notes:" with nothing under it */
    }
    if (strcmp(k, "notes") == 0 && companion_map(r, v, "notes")) {
        for (size_t i = 0; i < v->u.map.n; i++) {
            read_note(r, pg, &v->u.map.pairs[i]);
        }
    } else if (strcmp(k, "certifications") == 0 && companion_map(r, v, "certifications")) {
        for (size_t i = 0; i < v->u.map.n; i++) {
            read_cert(r, pg, &v->u.map.pairs[i]);
        }
    } else if (strcmp(k, "journal") == 0) {
        r->warned |= !progress_journal_read_list(pg, v, r->file, r->strict, r->d);
        r->damaged |= r->strict && r->warned;
    } else if (strcmp(k, "start") == 0) {
        read_start(r, pg, pair);
    } else if (strcmp(k, "hours_per_week") == 0) {
        read_hours(r, pg, pair);
    } else if (strcmp(k, "resume") == 0) {
        read_resume(r, pg, v);
    } else if (strcmp(k, "personal") == 0 && !ydoc_is_null(v)) {
        read_personal(r, pg, v);
    } else if (strcmp(k, "personal") == 0) {
        return true;
    } else if (strcmp(k, "evidence") == 0) {
        r->damaged |= !progress_evidence_read(r->p, pg, r->file, v, r->strict, r->d, &r->warned);
    } else {
        return strcmp(k, "notes") == 0 || strcmp(k, "certifications") == 0;
    }
    return true;
}

static void read_guide_value(struct reader *r, const char *id, const struct ydoc_node *v)
{
    struct progress_guide *pg = progress_get_guide(r->p, id);
    const struct ydoc_node *reset = ydoc_map_get(v, "reset");
    struct progress_date day;
    if (ydoc_is_scalar(reset) && progress_date_parse(reset->u.scalar.str, &day) == 0) {
        pg->reset = progress_date_days(day) * 86400000;
    } else if (reset != NULL && (!ydoc_is_scalar(reset) ||
                                 progress_parse_time(reset->u.scalar.str, &pg->reset) != 0)) {
        damage(r, reset, "reset is not a date (YYYY-MM-DD) or an ISO 8601 UTC time");
        pg->reset = 0;
    }
    const struct ydoc_node *items = ydoc_map_get(v, "items");
    if (ydoc_is_null(items)) {
        items = NULL;
    }
    if (items != NULL && items->kind != YDOC_MAP) {
        damage(r, items, "items is not a mapping");
    } else if (items != NULL) {
        progress_guide_reserve_items(pg, items->u.map.n);
        for (size_t i = 0; i < items->u.map.n; i++) {
            read_item(r, pg, &items->u.map.pairs[i]);
        }
    }
    for (size_t i = 0; i < v->u.map.n; i++) {
        const char *k = v->u.map.pairs[i].key->u.scalar.str;
        if (strcmp(k, "reset") != 0 && strcmp(k, "items") != 0 &&
            !read_companion(r, pg, &v->u.map.pairs[i])) {
            extra_add(r, &progress_guide_more_get(pg)->extra, &v->u.map.pairs[i]);
        }
    }
}

/* Copies the unknown keys of a guide entry out of the tree into the document's arena and drops
 * the entries its reset voids. Done as soon as the entry is read, while it and its part of the
 * tree are still in the cache: a large file's tree is larger than the cache, and a pass over
 * every entry afterwards missed on each. */
static void settle(struct progress *p, struct progress_guide *pg)
{
    progress_guide_drop_void(pg);
    struct progress_guide_more *m = pg->more;
    if (m != NULL) {
        progress_extra_detach(&p->arena, &m->extra);
        progress_extra_detach(&p->arena, &m->unread_items);
        progress_extra_detach(&p->arena, &m->unread_notes);
        progress_extra_detach(&p->arena, &m->unread_certs);
        progress_extra_detach(&p->arena, &m->unread_other);
        progress_extra_detach(&p->arena, &m->unread_personal);
        progress_extra_detach(&p->arena, &m->unread_evidence);
    }
    for (size_t i = 0; i < pg->n_items; i++) {
        progress_extra_detach(&p->arena, &pg->aux[i].extra);
    }
}

static void read_guide(struct reader *r, const struct ydoc_pair *pair)
{
    const char *id = pair->key->u.scalar.str;
    const struct ydoc_node *v = pair->value;
    if (id[0] != '\0' && ydoc_is_null(v)) {
        progress_get_guide(r->p, id); /* "my-guide:" with nothing under it yet */
        return;
    }
    if (id[0] == '\0' || v->kind != YDOC_MAP) {
        damage(r, v, id[0] == '\0' ? "a guide with an empty id" : "a guide is not a mapping");
        return;
    }
    read_guide_value(r, id, v);
}

bool progress_read_guide_entry(struct progress *p, const char *file, const char *guide_id,
                               const struct ydoc_node *v, bool strict, struct diag *d)
{
    struct reader r = {.file = file, .d = d, .p = p, .strict = strict};
    if (v->kind != YDOC_MAP) {
        damage(&r, v, "the progress is not a mapping");
        return false;
    }
    read_guide_value(&r, guide_id, v);
    return !r.damaged;
}

void progress_clear_extras(struct progress *p)
{
    memset(&p->extra, 0, sizeof p->extra);
    for (size_t g = 0; g < p->n_guides; g++) {
        struct progress_guide *pg = &p->guides[g];
        struct progress_guide_more *m = pg->more;
        if (m != NULL) {
            memset(&m->extra, 0, sizeof m->extra);
            memset(&m->unread_items, 0, sizeof m->unread_items);
            memset(&m->unread_notes, 0, sizeof m->unread_notes);
            memset(&m->unread_certs, 0, sizeof m->unread_certs);
            memset(&m->unread_other, 0, sizeof m->unread_other);
            memset(&m->unread_evidence, 0, sizeof m->unread_evidence);
        }
        for (size_t i = 0; i < pg->n_items; i++) {
            memset(&pg->aux[i].extra, 0, sizeof pg->aux[i].extra);
        }
    }
}

/* The top-level journal as a YAML tree: a mapping of guide ids to lists of lines. */
static void read_journal(struct reader *r, const struct ydoc_node *v)
{
    if (ydoc_is_null(v)) {
        return;
    }
    if (v->kind != YDOC_MAP) {
        warn(r, v, "the journal is not a mapping of guide ids to lists of lines; it is not read");
        return;
    }
    for (size_t i = 0; i < v->u.map.n; i++) {
        const char *id = v->u.map.pairs[i].key->u.scalar.str;
        if (id[0] != '\0') {
            r->warned |= !progress_journal_read_list(progress_get_guide(r->p, id),
                                                     v->u.map.pairs[i].value, r->file, false, r->d);
        }
    }
}

/* The journal in its own shape (progress_journal_split()): the len bytes at buf, beginning
 * with its "journal:" line on line `lno`, read line by line. */
static void read_journal_text(struct reader *r, const char *buf, size_t len, unsigned lno,
                              bool keep)
{
    const char *end = buf + len;
    const char *s = memchr(buf, '\n', len); /* the end of the "journal:" line */
    struct progress_guide *pg = NULL;
    for (s = s != NULL ? s + 1 : end, lno++; s < end; lno++) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        e = e != NULL ? e : end;
        const char *key = NULL;
        size_t key_len = 0;
        enum progress_journal_line kind = progress_journal_line_kind(s, e, &key, &key_len);
        if (kind == JOURNAL_LINE_KEY) {
            char *id = xstrndup(key, key_len);
            pg = progress_get_guide(r->p, id);
            free(id);
        } else if (kind == JOURNAL_LINE_EVENT && pg != NULL) {
            size_t before = progress_guide_more(pg)->journal.n;
            r->warned |= !progress_journal_read_line(pg, key, key_len, r->file, lno,
                                                     (unsigned)(key - s) + 1, false, r->d);
            if (keep && progress_guide_more(pg)->journal.n == before + 1) {
                progress_journal_keep_line(pg, key, key_len);
            }
        }
        s = e + 1;
    }
}

/* Reads the version; returns it, or 0 when it is missing or not a positive integer. */
static long read_version(struct reader *r, const struct ydoc_node *root)
{
    const struct ydoc_node *v = ydoc_map_get(root, "version");
    if (v == NULL) {
        warn(r, root, "no version is given; read as version 1");
        return 1;
    }
    if (!ydoc_is_scalar(v)) {
        damage(r, v, "version is not a positive whole number");
        return 0;
    }
    char *end = NULL;
    errno = 0;
    long version = strtol(v->u.scalar.str, &end, 10);
    if (errno != 0 || end == v->u.scalar.str || *end != '\0' || version < 1) {
        damage(r, v, "version is not a positive whole number");
        return 0;
    }
    return version;
}

static void read_root(struct reader *r, const struct ydoc_node *root,
                      enum progress_parse_status *status)
{
    if (root->kind != YDOC_MAP) {
        damage(r, root, "the file is not a mapping of version and guides");
        return;
    }
    long version = read_version(r, root);
    if (version > PROGRESS_FORMAT_VERSION) {
        diag_add(r->d, DIAG_ERROR, r->file, 0, 0,
                 "written by a newer trail (file version %ld, this trail reads version %d)",
                 version, PROGRESS_FORMAT_VERSION);
        *status = PROGRESS_PARSE_NEWER;
    }
    const struct ydoc_node *guides = ydoc_map_get(root, "guides");
    if (ydoc_is_null(guides)) {
        guides = NULL;
    }
    if (guides != NULL && guides->kind != YDOC_MAP) {
        damage(r, guides, "guides is not a mapping");
    } else if (guides != NULL) {
        /* The index's slots of the ids a few guides ahead are fetched into the cache
         * meanwhile: in an index larger than the cache each id's slot is a miss otherwise. */
        size_t n = guides->u.map.n;
        const struct ydoc_pair *pairs = guides->u.map.pairs;
        progress_reserve_guides(r->p, n);
        for (size_t i = 0; i < n; i++) {
            if (i + GUIDES_AHEAD < n) {
                const struct ydoc_node *k = pairs[i + GUIDES_AHEAD].key;
                idtable_prefetch(&r->p->index, idtable_key(k->u.scalar.str, k->u.scalar.len));
            }
            size_t g = r->p->n_guides;
            read_guide(r, &pairs[i]);
            if (r->p->n_guides > g) { /* a new entry (not one the input damaged) */
                settle(r->p, &r->p->guides[g]);
            }
        }
        r->settled = r->p->n_guides;
    }
    for (size_t i = 0; i < root->u.map.n; i++) {
        const char *k = root->u.map.pairs[i].key->u.scalar.str;
        if (strcmp(k, "journal") == 0) {
            read_journal(r, root->u.map.pairs[i].value);
        } else if (strcmp(k, "version") != 0 && strcmp(k, "guides") != 0) {
            extra_add(r, &r->p->extra, &root->u.map.pairs[i]);
        }
    }
}

/* Finishes what settle() did for each guide entry as it was read: the entries made after (by
 * the journal) are settled, and the journal events read after an entry are dropped when its
 * reset voids them. In a damaged file, entries not understood are most likely what the damage
 * left (a line cut short): they are dropped, as the original is kept aside whole. */
static struct progress *detach(struct progress *p, size_t settled, bool damaged)
{
    progress_extra_detach(&p->arena, &p->extra);
    for (size_t g = 0; g < p->n_guides; g++) {
        struct progress_guide *pg = &p->guides[g];
        struct progress_guide_more *m = pg->more;
        if (damaged && m != NULL) {
            memset(&m->unread_items, 0, sizeof m->unread_items);
            memset(&m->unread_notes, 0, sizeof m->unread_notes);
            memset(&m->unread_certs, 0, sizeof m->unread_certs);
            memset(&m->unread_other, 0, sizeof m->unread_other);
            memset(&m->unread_evidence, 0, sizeof m->unread_evidence);
        }
        if (g >= settled) {
            settle(p, pg);
        } else if (m != NULL) {
            progress_guide_drop_void(pg);
        }
    }
    return p;
}

struct progress *progress_parse(const char *file, const char *buf, size_t len,
                                enum progress_parse_status *status, struct diag *d)
{
    return progress_parse_with(file, buf, len, 0, status, d);
}

struct progress *progress_parse_with(const char *file, const char *buf, size_t len, unsigned flags,
                                     enum progress_parse_status *status, struct diag *d)
{
    struct reader r = {.file = file, .d = d, .p = progress_new()};
    *status = PROGRESS_PARSE_OK;
    size_t use, head;
    if ((flags & PROGRESS_PARSE_NO_JOURNAL) != 0) {
        /* The journal left out is not looked at, not even for bad bytes. */
        use = head = cut_bad_bytes(&r, buf, progress_journal_skip(buf, len));
    } else {
        use = cut_bad_bytes(&r, buf, len);
        /* A journal in its own shape at the end is read line by line, without the YAML parser. */
        head = progress_journal_split(buf, use);
    }
    struct ydoc *doc = parse_prefix(&r, buf, head);
    const struct ydoc_node *root = doc != NULL ? doc->root : NULL;
    bool null_root = root != NULL && root->kind == YDOC_SCALAR && root->u.scalar.plain &&
                     root->u.scalar.len == 0; /* "---" alone: an empty document */
    if (root != NULL && !null_root) {
        read_root(&r, root, status);
    }
    if (head < use && (flags & PROGRESS_PARSE_NO_JOURNAL) == 0) {
        read_journal_text(&r, buf + head, use - head, line_of(buf, head),
                          (flags & PROGRESS_PARSE_KEEP_LINES) != 0);
    }
    /* Every writer ends the file with a line break: a file that ends mid-line and holds an
     * entry that cannot be read was most likely cut short (a crash, a full disk), not
     * written so by a person, and its original is kept aside like any damaged file. */
    if (!r.damaged && r.warned && use == len && len > 0 && buf[len - 1] != '\n') {
        diag_add(d, DIAG_ERROR, file, line_of(buf, len), 0,
                 "the file ends mid-line with an entry that cannot be read: it looks cut short");
        r.damaged = true;
    }
    struct progress *p = detach(r.p, r.settled, r.damaged);
    ydoc_free(doc);
    if (*status == PROGRESS_PARSE_OK && r.damaged) {
        *status = PROGRESS_PARSE_DAMAGED;
    }
    return p;
}
