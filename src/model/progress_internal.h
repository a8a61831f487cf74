/* SPDX-License-Identifier: MIT */
/* Internal to the progress model (progress_model.c, progress_notes.c, progress_yaml.c and the
 * import): the companion entries' storage, reset voiding and merging. */
#ifndef TRAIL_PROGRESS_INTERNAL_H
#define TRAIL_PROGRESS_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "progress.h"

/* Frees the notes, certifications and resume strings of a guide entry. */
void progress_records_free(struct progress_guide *pg);

/* Drops every companion entry changed at or before pg->reset; true if any was dropped. */
bool progress_records_drop_void(struct progress_guide *pg);

/* The latest change time of pg's companion entries (0 when there are none). */
int64_t progress_records_latest(const struct progress_guide *pg);

/* Merges tg's companion entries into og, each keeping its latest change (ties: ours); entries
 * at or before og->reset are not taken. Returns true if og changed. */
bool progress_records_merge(struct progress_guide *og, const struct progress_guide *tg);

/* Stores entries exactly as read from a file (no generation bump, the time as given). text
 * NULL is a removed note; the len bytes at text are copied. */
void progress_put_note(struct progress_guide *pg, const char *id, const char *text, size_t len,
                       int64_t changed);
void progress_put_cert(struct progress_guide *pg, const char *id,
                       const struct progress_cert_info *info, int64_t changed);
void progress_put_resume(struct progress_guide *pg, const char *screen, const char *item,
                         long scroll, int64_t changed);

/* Reads one guide entry of the dotfile shape (reset, items, notes, certifications, start,
 * resume and unknown keys) from the mapping v into p as guide guide_id; entries that are not
 * well formed are skipped with a located error in d. Unknown keys are kept pointing into v's
 * tree (progress_clear_extras() or a merge into another document detaches them). Returns
 * false when something was skipped. */
bool progress_read_guide_entry(struct progress *p, const char *file, const char *guide_id,
                               const struct ydoc_node *v, struct diag *d);

/* Forgets every unknown key of p (top level, guides, items). */
void progress_clear_extras(struct progress *p);

#endif
