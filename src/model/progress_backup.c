/* SPDX-License-Identifier: MIT */
/* Tallies of a guide's progress and the way back from a reset (progress_backup.h).
 *
 * A backup copy is a whole dotfile; only the chosen guide's entry is read from it, with the
 * dotfile's own entry reader, so a backup is understood exactly as the dotfile would be. Unknown
 * keys of a backup are not taken back (they stay in the backup). */
#include "progress_backup.h"

#include <string.h>

#include "progress_internal.h"
#include "ydoc.h"

void progress_backup_tally(const struct progress *p, const char *guide_id, struct progress_tally *t)
{
    memset(t, 0, sizeof *t);
    const struct progress_guide *pg = progress_find_guide(p, guide_id);
    if (pg == NULL) {
        return;
    }
    const struct progress_guide_more *m = progress_guide_more(pg);
    for (size_t i = 0; i < pg->n_items; i++) {
        if (pg->items[i].state != PROGRESS_TODO && pg->items[i].changed > pg->reset) {
            t->states++;
        }
    }
    const struct progress_note *notes = m->notes.rows;
    for (size_t i = 0; i < m->notes.n; i++) {
        t->notes += notes[i].text != NULL && notes[i].changed > pg->reset;
    }
    const struct progress_cert *certs = m->certs.rows;
    for (size_t i = 0; i < m->certs.n; i++) {
        const struct progress_cert_info *c = &certs[i].info;
        bool any = c->status != PROGRESS_CERT_NONE || c->exam.year != 0 || c->passed.year != 0 ||
                   c->expires.year != 0;
        t->certs += any && certs[i].changed > pg->reset;
    }
    t->has_start = m->start.date.year != 0 && m->start.changed > pg->reset;
    if (t->has_start) {
        t->start = m->start.date;
    }
}

bool progress_backup_tally_empty(const struct progress_tally *t)
{
    return t->states == 0 && t->notes == 0 && t->certs == 0 && !t->has_start;
}

struct progress *progress_backup_load(const char *path, const char *guide_id, struct diag *d)
{
    struct ydoc *doc = ydoc_load_file(path, d);
    if (doc == NULL) {
        return NULL;
    }
    const struct ydoc_node *root = doc->root;
    if (root != NULL && root->kind != YDOC_MAP) {
        diag_add(d, DIAG_ERROR, doc->file, root->line, root->col, "not a progress file");
        ydoc_free(doc);
        return NULL;
    }
    struct progress *p = progress_new();
    const struct ydoc_node *entry = ydoc_map_get(ydoc_map_get(root, "guides"), guide_id);
    if (entry != NULL) {
        progress_read_guide_entry(p, doc->file, guide_id, entry, false, d);
        progress_clear_extras(p); /* they point into doc */
        struct progress_guide *pg = progress_get_guide(p, guide_id);
        progress_put_resume(pg, NULL, NULL, 0, 0); /* where the browser is now stays */
    }
    ydoc_free(doc);
    return p;
}

size_t progress_backup_lift(struct progress *theirs, const struct progress *ours,
                            const char *guide_id)
{
    struct progress_guide *tg = progress_lookup_guide(theirs, guide_id);
    const struct progress_guide *og = progress_find_guide(ours, guide_id);
    if (tg == NULL || og == NULL || og->reset == 0) {
        return 0;
    }
    return progress_guide_lift(tg, og->reset);
}
