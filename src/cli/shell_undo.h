/* SPDX-License-Identifier: MIT */
/* trail undo: takes back the last change made from the shell (trail done|todo|doing|skip,
 * trail note) to a guide's progress, as `task undo` does for taskwarrior.
 *
 * The browser's `u` undoes the browser's own changes, which it keeps in memory; a shell
 * command ends at once, so it leaves a record instead: in "$XDG_STATE_HOME/trail/undo.yaml"
 * (default ~/.local/state/trail/), one per guide and progress file, holding the item, the
 * value it had before and the value the command set. trail undo puts the old value back as a
 * new change (saved like any other: lock, merge, atomic replace) only while the item still
 * holds the value the command set: a change made since (in the browser, on another machine,
 * by an import) is never overwritten. Each command replaces the record; an undo clears it. */
#ifndef TRAIL_SHELL_UNDO_H
#define TRAIL_SHELL_UNDO_H

#include <stdio.h>

#include "guide.h"
#include "progress_store.h"

enum shell_undo_kind { SHELL_UNDO_STATE, SHELL_UNDO_NOTE };

/* Records a change of item id of guide_id in the store's file: its value before (a state
 * name, or the note's text; NULL when there was no note) and after. A record that cannot be
 * written is reported on err as a warning (the change itself stands). */
void shell_undo_record(const struct progress_store *s, const char *guide_id,
                       enum shell_undo_kind kind, const char *id, const char *before,
                       const char *after, FILE *err);

/* trail undo: puts back the value before the last recorded change of g's progress in s and
 * prints what it did in one line. Returns 0, or 1 (message on err) when there is nothing to
 * undo, the item changed since, or the save failed. */
int shell_undo_run(const struct guide *g, struct progress_store *s, unsigned text_flags, FILE *out,
                   FILE *err);

#endif
