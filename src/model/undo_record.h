/* SPDX-License-Identifier: MIT */
/* The undo record of the shell's changes (trail done|todo|doing|skip, trail note).
 *
 * The browser keeps its own changes' undo history in memory; a shell command ends at once, so
 * it leaves a record instead: in "$XDG_STATE_HOME/trail/undo/" (default
 * ~/.local/state/trail/undo/), one file per guide and progress file, holding the item, the
 * value it had before and the value the command set. `trail undo`, and the browser's `u` once its
 * own history is empty, put the old value back as a new change only while the item still holds the
 * value the command set: a change made since (in the browser, on another machine, by an import)
 * is never overwritten. Each command replaces the record; an undo clears it. */
#ifndef TRAIL_UNDO_RECORD_H
#define TRAIL_UNDO_RECORD_H

#include <stdint.h>

#include "progress.h"
#include "progress_evidence.h"
#include "progress_store.h"

/* LOG: a time log (trail --log); its record's "after" is the log's event id, and undoing it
 * takes the log back (progress_unlog_time()). */
enum undo_record_kind {
    UNDO_RECORD_STATE,
    UNDO_RECORD_NOTE,
    UNDO_RECORD_EVIDENCE,
    UNDO_RECORD_LOG
};

/* An evidence change's record: id is "<item>\n<target>", before and after are "" (not
 * attached) or "<kind>:<description>", followed by "\n<credential id>" when the piece has one
 * (undo_record_evidence_value() writes them). */
char *undo_record_evidence_id(const char *item, const char *target);
char *undo_record_evidence_value(const struct progress_evidence *e);

/* Records a change of item id of guide_id in the store's file: its value before (a state
 * name, or the note's text; NULL when there was no note) and after. Returns 0, or -1 with
 * *cause (a new string; caller frees) when the record cannot be written. */
int undo_record_save(const struct progress_store *s, const char *guide_id,
                     enum undo_record_kind kind, const char *id, const char *before,
                     const char *after, char **cause);

/* What undo_record_take() put back: the kind, the item's id and the value before the change
 * (a state name, the note's text, "" for no note; for evidence, as recorded, "" for not
 * attached). Owned; free with undo_record_done(). */
struct undo_record_taken {
    enum undo_record_kind kind;
    char *id;
    char *before;
};

/* Puts back in doc (the progress of store s) the value before the last recorded change of
 * guide_id, as a change at now_ms. Returns 1 when it did (out filled), 0 when nothing is
 * recorded, -1 when the record cannot be applied (*cause says why: the item changed since,
 * or the record is damaged; a new string, caller frees). out is filled for 1 and -1 (free it with
 * undo_record_done()). The record stays until undo_record_clear(). */
int undo_record_take(const struct progress_store *s, struct progress *doc, const char *guide_id,
                     int64_t now_ms, struct undo_record_taken *out, char **cause);

/* Drops guide_id's record in the store's file (best effort: a record left behind is refused
 * next time, since the item no longer holds its value). */
void undo_record_clear(const struct progress_store *s, const char *guide_id);

/* Frees what undo_record_take() filled in. */
void undo_record_done(struct undo_record_taken *t);

#endif
