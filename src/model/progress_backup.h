/* SPDX-License-Identifier: MIT */
/* What a guide's progress holds, for the messages of --reset and --restore, and bringing back
 * what a reset cleared: from a backup copy of the dotfile (trail --restore) or from an export
 * older than the reset (trail --import --over-reset).
 *
 * A reset is a tombstone (progress.h): every entry changed at or before it is void, and a merge
 * keeps it. To bring entries back, they are re-timed to just after the reset, so that they win
 * over the tombstone but lose to every change made since: what the learner did after the reset
 * is never overwritten. */
#ifndef TRAIL_PROGRESS_BACKUP_H
#define TRAIL_PROGRESS_BACKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "progress.h"
#include "progress_date.h"

/* What a reset of one guide would clear. */
struct progress_tally {
    size_t states;  /* key actions marked done, in progress or skipped */
    size_t notes;   /* notes with text */
    size_t certs;   /* certification records (a status or a date) */
    bool has_start; /* a start date is set */
    struct progress_date start;
};

/* Counts guide_id's live entries in p (all zero when p has no entry for it). */
void progress_backup_tally(const struct progress *p, const char *guide_id,
                           struct progress_tally *t);

/* True when the tally holds nothing. */
bool progress_backup_tally_empty(const struct progress_tally *t);

/* Reads guide_id's entry from the dotfile (or a backup copy of it) at path. Returns a new
 * document holding that guide only, possibly empty (caller frees with progress_free()); NULL
 * with a located error in d when the file is not a readable progress file. Entries that are
 * not well formed are skipped with an error in d. */
struct progress *progress_backup_load(const char *path, const char *guide_id, struct diag *d);

/* Re-times the entries of guide_id in theirs that ours' reset of that guide voids to just
 * after that reset, and drops theirs' own reset, so that a merge into ours takes them unless
 * ours changed the same entry since. Returns the number of entries re-timed. */
size_t progress_backup_lift(struct progress *theirs, const struct progress *ours,
                            const char *guide_id);

#endif
