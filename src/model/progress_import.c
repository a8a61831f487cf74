/* SPDX-License-Identifier: MIT */
/* Import of an exported progress file: parsing the JSON export and merging it with a summary.
 *
 * Invariant: the summary is computed against the same rule the merge applies (an entry of
 * theirs wins when it is newer than ours and than the reset after merging), before the merge,
 * and the merge itself is progress_merge() on a document holding only the imported guide, so
 * an import can never do anything a concurrent instance's save could not. Unknown keys of an
 * export are not imported. */
#include "progress_import.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress_journal_internal.h"
#include "progress_evidence_internal.h"
#include "progress_internal.h"
#include "xalloc.h"
#include "ydoc.h"

/* Reads the actions of an export without a "progress" object. */
static bool read_phases(struct progress *p, const char *file, const char *guide_id,
                        const struct ydoc_node *phases, struct diag *d)
{
    bool ok = true;
    progress_get_guide(p, guide_id);
    for (size_t i = 0; phases->kind == YDOC_SEQ && i < phases->u.seq.n; i++) {
        const struct ydoc_node *actions = ydoc_map_get(phases->u.seq.items[i], "actions");
        for (size_t a = 0; actions != NULL && actions->kind == YDOC_SEQ && a < actions->u.seq.n;
             a++) {
            const struct ydoc_node *v = actions->u.seq.items[a];
            const struct ydoc_node *id = ydoc_map_get(v, "id");
            const struct ydoc_node *state = ydoc_map_get(v, "state");
            const struct ydoc_node *changed = ydoc_map_get(v, "changed");
            enum progress_state st;
            int64_t t;
            if (ydoc_is_scalar(changed) && changed->u.scalar.plain &&
                strcmp(changed->u.scalar.str, "null") == 0) {
                continue; /* never changed on that machine */
            }
            if (!ydoc_is_scalar(id) || id->u.scalar.len == 0 || !ydoc_is_scalar(state) ||
                progress_state_parse(state->u.scalar.str, &st) != 0 || !ydoc_is_scalar(changed) ||
                progress_parse_time(changed->u.scalar.str, &t) != 0) {
                diag_add(d, DIAG_ERROR, file, v->line, v->col,
                         "an action needs an id, a state and a changed time");
                ok = false;
                continue;
            }
            progress_put_item(p, guide_id, id->u.scalar.str, st, t);
        }
    }
    return ok;
}

static struct progress *import_doc(const struct ydoc *doc, char **guide_id, struct diag *d)
{
    const struct ydoc_node *root = doc->root;
    const struct ydoc_node *guide = ydoc_map_get(root, "guide");
    const struct ydoc_node *progress = ydoc_map_get(root, "progress");
    const struct ydoc_node *phases = ydoc_map_get(root, "phases");
    if (root == NULL || root->kind != YDOC_MAP || !ydoc_is_scalar(guide) ||
        guide->u.scalar.len == 0 || (progress == NULL && phases == NULL)) {
        diag_add(d, DIAG_ERROR, doc->file, root != NULL ? root->line : 0, 0,
                 "not a progress export (trail --export json): no guide and progress");
        return NULL;
    }
    struct progress *p = progress_new();
    if (progress != NULL) {
        progress_read_guide_entry(p, doc->file, guide->u.scalar.str, progress, true, d);
    } else {
        read_phases(p, doc->file, guide->u.scalar.str, phases, d);
    }
    progress_clear_extras(p); /* they point into doc, and are not imported */
    struct progress_guide *pg = progress_get_guide(p, guide->u.scalar.str);
    progress_put_resume(pg, NULL, NULL, 0, 0); /* this machine's own */
    *guide_id = xstrdup(guide->u.scalar.str);
    return p;
}

/* An export is a JSON object: its first character, after blanks, is '{'. Anything else (a
 * Markdown export, a progress file, a picture) is said to be the wrong kind of file instead of
 * being handed to the parser, whose complaint would be about YAML. Returns true when it is. */
static bool json_object_start(const char *file, const char *buf, size_t len, struct diag *d)
{
    size_t i = 0;
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r')) {
        i++;
    }
    if (i < len && buf[i] == '{') {
        return true;
    }
    diag_add(d, DIAG_ERROR, file, 0, 0,
             i == len ? "empty: --import takes what 'trail --export json' writes"
                      : "not a JSON export: --import takes what 'trail --export json' writes");
    return false;
}

struct progress *progress_import_parse(const char *file, const char *buf, size_t len,
                                       char **guide_id, struct diag *d)
{
    if (!json_object_start(file, buf, len, d)) {
        return NULL;
    }
    struct ydoc *doc = ydoc_parse(file, buf, len, d);
    if (doc == NULL) {
        return NULL;
    }
    struct progress *p = import_doc(doc, guide_id, d);
    ydoc_free(doc);
    return p;
}

struct progress *progress_import_load(const char *path, char **guide_id, struct diag *d)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd >= 0) { /* else ydoc_load_file() says why */
        char head[4096];
        ssize_t n = read(fd, head, sizeof head);
        close(fd);
        if (n >= 0 && !json_object_start(path, head, (size_t)n, d)) {
            return NULL;
        }
    }
    struct ydoc *doc = ydoc_load_file(path, d);
    if (doc == NULL) {
        return NULL;
    }
    struct progress *p = import_doc(doc, guide_id, d);
    ydoc_free(doc);
    return p;
}

/* Whether a change of theirs at t wins over ours at o, under the reset after the merge. */
static bool wins(int64_t reset, int64_t t, int64_t o)
{
    return t > reset && t > o;
}

static bool same_str(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static bool same_cert(const struct progress_cert_info *a, const struct progress_cert_info *b)
{
    return a->status == b->status && progress_date_compare(a->exam, b->exam) == 0 &&
           progress_date_compare(a->passed, b->passed) == 0 &&
           progress_date_compare(a->expires, b->expires) == 0;
}

/* Counts one entry changed at t (ours: o, 0 when not live): updated (*n) when theirs wins with
 * a different value, else unchanged; voided too when only the reset kept it out. */
static void tally(struct progress_import_summary *sum, size_t *n, int64_t reset, int64_t t,
                  int64_t o, bool same)
{
    if (wins(reset, t, o) && !same) {
        (*n)++;
        return;
    }
    sum->unchanged++;
    if (!same && t <= reset && t > o) {
        sum->voided++;
    }
}

/* Whether a reset at time `reset` voids any entry of og. */
static bool voided(const struct progress_guide *og, int64_t reset)
{
    const struct progress_guide_more *om = progress_guide_more(og);
    for (size_t i = 0; i < og->n_items; i++) {
        if (og->items[i].changed <= reset) {
            return true;
        }
    }
    const struct progress_note *notes = om->notes.rows;
    for (size_t i = 0; i < om->notes.n; i++) {
        if (notes[i].changed <= reset) {
            return true;
        }
    }
    const struct progress_cert *certs = om->certs.rows;
    for (size_t i = 0; i < om->certs.n; i++) {
        if (certs[i].changed <= reset) {
            return true;
        }
    }
    return (om->start.changed != 0 && om->start.changed <= reset) ||
           (om->hours.changed != 0 && om->hours.changed <= reset);
}

static void summarise(const struct progress_guide *og, const struct progress_guide *tg,
                      struct progress_import_summary *sum)
{
    const struct progress_guide_more *tm = progress_guide_more(tg);
    const struct progress_guide_more *om = progress_guide_more(og);
    int64_t reset = og != NULL && og->reset > tg->reset ? og->reset : tg->reset;
    sum->reset = og != NULL && tg->reset > og->reset && voided(og, tg->reset);
    for (size_t i = 0; i < tg->n_items; i++) {
        const struct progress_item *t = &tg->items[i];
        const struct progress_item *o = progress_find_item(og, t->id);
        bool live = o != NULL && o->changed > reset;
        enum progress_state ours = live ? o->state : PROGRESS_TODO;
        tally(sum, &sum->items, reset, t->changed, live ? o->changed : 0, ours == t->state);
    }
    const struct progress_note *tn = tm->notes.rows;
    for (size_t i = 0; i < tm->notes.n; i++) {
        const struct progress_note *o = progress_find_note(og, tn[i].id);
        bool live = o != NULL && o->changed > reset;
        tally(sum, &sum->notes, reset, tn[i].changed, live ? o->changed : 0,
              same_str(live ? o->text : NULL, tn[i].text));
    }
    const struct progress_cert *tc = tm->certs.rows;
    static const struct progress_cert_info none = {0};
    for (size_t i = 0; i < tm->certs.n; i++) {
        const struct progress_cert *o = progress_find_cert(og, tc[i].id);
        bool live = o != NULL && o->changed > reset;
        tally(sum, &sum->certs, reset, tc[i].changed, live ? o->changed : 0,
              same_cert(live ? &o->info : &none, &tc[i].info));
    }
    for (size_t i = 0; i < progress_guide_count_evidence(tg); i++) {
        const struct progress_evidence *t = progress_guide_evidence(tg, i);
        const struct progress_evidence *o = progress_evidence_find_in(og, t->item, t->target);
        bool live = o != NULL && o->changed > reset;
        bool same = live ? o->kind == t->kind && same_str(o->description, t->description) &&
                               same_str(o->credential, t->credential)
                         : t->kind == PROGRESS_EVIDENCE_NONE;
        tally(sum, &sum->evidence, reset, t->changed, live ? o->changed : 0, same);
    }
    if (tm->start.changed != 0) {
        bool live = og != NULL && om->start.changed > reset;
        struct progress_date ours = live ? om->start.date : (struct progress_date){0};
        size_t n = 0;
        tally(sum, &n, reset, tm->start.changed, live ? om->start.changed : 0,
              progress_date_compare(ours, tm->start.date) == 0);
        sum->start = n > 0;
    }
    if (tm->hours.changed != 0) {
        bool live = og != NULL && om->hours.changed > reset;
        size_t n = 0;
        tally(sum, &n, reset, tm->hours.changed, live ? om->hours.changed : 0,
              (live ? om->hours.hours : 0) == tm->hours.hours);
        sum->hours = n > 0;
    }
}

void progress_import_merge(struct progress *ours, const struct progress *theirs,
                           const char *guide_id, struct progress_import_summary *sum)
{
    memset(sum, 0, sizeof *sum);
    const struct progress_guide *tg = progress_lookup_guide(theirs, guide_id);
    if (tg == NULL) {
        return;
    }
    summarise(progress_lookup_guide(ours, guide_id), tg, sum);
    size_t before = progress_journal_count(progress_lookup_guide(ours, guide_id));
    progress_merge(ours, theirs);
    size_t after = progress_journal_count(progress_lookup_guide(ours, guide_id));
    sum->events = after > before ? after - before : 0;
}

bool progress_import_changed(const struct progress_import_summary *sum)
{
    return sum->items + sum->notes + sum->certs + sum->evidence + sum->events > 0 || sum->start ||
           sum->hours || sum->reset;
}
