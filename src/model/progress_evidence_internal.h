/* SPDX-License-Identifier: MIT */
/* Internal to the progress model: how the document's owners (progress_guide.c, the undo in
 * progress_model.c, the reader and the emitter) reach a guide entry's evidence rows, which
 * progress_evidence_rows.c keeps and progress_evidence.c reads, writes and changes. */
#ifndef TRAIL_PROGRESS_EVIDENCE_INTERNAL_H
#define TRAIL_PROGRESS_EVIDENCE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "progress_evidence.h"
#include "progress_internal.h"

/* --- Evidence (progress_evidence_rows.c; reading and writing in progress_evidence.c)
 * --------------------------------------------------- */

/* Frees pg's evidence rows and forgets its unread ones. */
void progress_evidence_clear_all(struct progress_guide *pg);
/* Drops the pieces changed at or before pg->reset; true if any was dropped. */
bool progress_evidence_drop_void(struct progress_guide *pg);
/* progress_guide_lift() for the pieces: adds how many moved to *n. */
void progress_evidence_lift(struct progress_guide *pg, int64_t reset, size_t *n);
/* The latest of t and every piece's change time. */
int64_t progress_evidence_latest(const struct progress_guide *pg, int64_t t);
/* Merges tg's pieces into og (the later attachment wins, and separately the later check);
 * true if og changed. */
bool progress_evidence_merge(struct progress_guide *og, const struct progress_guide *tg);
/* Puts `before`'s attachment (a piece with its item and target; kind NONE: not attached) in pg
 * as a change at `changed` (undo). */
void progress_evidence_put(struct progress_guide *pg, const struct progress_evidence *before,
                           int64_t changed);
/* The row of (item, target) in pg (may be NULL), or NULL; the row, added when absent (kind NONE,
 * changed 0). Valid until the next row is added. */
struct progress_evidence *progress_evidence_row_find(const struct progress_guide *pg,
                                                     const char *item, const char *target);
struct progress_evidence *progress_evidence_row_get(struct progress_guide *pg, const char *item,
                                                    const char *target);
/* Sets e's attachment (the strings copied; kind NONE: removed, its check forgotten). */
void progress_evidence_put_attachment(struct progress_evidence *e, enum progress_evidence_kind kind,
                                      const char *description, const char *credential,
                                      int64_t changed);
/* Replaces *to with a copy of *from. */
void progress_check_copy(struct progress_check *to, const struct progress_check *from);
/* Frees a piece allocated on its own (an undo record's) and what it holds. */
void progress_evidence_free(struct progress_evidence *e);
/* Reads a guide's `evidence` value v (see progress_evidence.h) into pg. Entries that are not
 * well formed are warned about (*warned set) and kept as written, or with strict, reported as
 * errors and skipped. Returns false when the file is damaged there (v is not a mapping). */
bool progress_evidence_read(struct progress *p, struct progress_guide *pg, const char *file,
                            const struct ydoc_node *v, bool strict, struct diag *d, bool *warned);
/* pg's evidence as a ydoc mapping to emit under the key `evidence` (nodes in arena a), or NULL
 * when there is none. */
const struct ydoc_node *progress_evidence_tree(struct arena *a, const struct progress_guide *pg);

#endif
