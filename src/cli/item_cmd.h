/* SPDX-License-Identifier: MIT */
/* Changing progress from the shell: trail done|todo|doing|skip ID, trail --mark STATE ID,
 * trail note ID TEXT|-, and the id list the shell completions read (trail --list-ids).
 *
 * An item is named by its id, a unique prefix of its id or of the id's last part
 * ("trim" for "basics/trim-wicks"), or a search phrase that matches exactly one item
 * ("learn git"). A name that matches none or several is refused with the candidates listed,
 * before anything is read for writing: the progress file stays as it was, byte for byte.
 * A change saves through the store, as the browser does (lock, merge, atomic replace), and
 * prints one line saying what changed; trail undo takes it back (undo_record.h). Each function
 * returns the exit status: 0 done (also when the item already had that value), 1 refused or not
 * saved (the message on err). */
#ifndef TRAIL_ITEM_CMD_H
#define TRAIL_ITEM_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "guide.h"
#include "progress.h"
#include "progress_store.h"
#include "undo_record.h"

/* What an item is: a key action has a state; a phase or certification only a note. */
enum item_cmd_kind {
    ITEM_CMD_ACTION = 1u << 0,
    ITEM_CMD_PHASE = 1u << 1,
    ITEM_CMD_CERT = 1u << 2,
};

/* An item of the guide. id and text are borrowed from the guide. */
struct item_cmd_ref {
    enum item_cmd_kind kind;
    const char *id;
    const char *text; /* the action's text, the phase's title, the certification's name */
};

/* Parses a state as the shell commands spell it: "todo", "doing" or "in-progress", "done",
 * "skip" or "skipped". Returns 0, or -1 for anything else. */
int item_cmd_parse_state(const char *name, enum progress_state *state);

/* Finds the one item of a kind in `kinds` (enum item_cmd_kind bits) that `name` names (see
 * above). Returns 0 and fills *out; 1 after printing to err why not: no match, or the
 * candidates (at most a screenful, then how many more). */
int item_cmd_resolve(const struct guide *g, const char *name, unsigned kinds,
                     struct item_cmd_ref *out, FILE *err);

/* trail done|todo|doing|skip ID: sets the state of the key action `name` names and saves;
 * prints "Done: <text> (<id>, was to do)" or "Already done: <text> (<id>)". */
int item_cmd_mark(const struct guide *g, struct progress_store *s, const char *name,
                  enum progress_state state, unsigned text_flags, FILE *out, FILE *err);

/* trail note ID TEXT: sets the note of the key action, phase or certification `name` names
 * to the len bytes at text (trailing white space dropped) and saves. A note that is empty then
 * is refused (the browser removes notes). */
int item_cmd_note(const struct guide *g, struct progress_store *s, const char *name,
                  const char *text, size_t len, unsigned text_flags, FILE *out, FILE *err);

/* trail undo: puts back the value before the last change made from the shell to g's progress
 * in s (undo_record.h) and prints what it did in one line. Returns 0, or 1 (message on err)
 * when there is nothing to undo, the item changed since, or the save failed. */
int item_cmd_undo(const struct guide *g, struct progress_store *s, unsigned text_flags, FILE *out,
                  FILE *err);

/* trail --log DURATION ID: logs `minutes` spent on the key action, phase or certification
 * `name` names and saves; prints "Logged 45m on <text> (<id>); 1h30m on it this week".
 * Returns 0, 1 when not saved, 2 when the name matches no item or several (nothing written). */
int item_cmd_log(const struct guide *g, struct progress_store *s, const char *name,
                 unsigned minutes, unsigned text_flags, FILE *out, FILE *err);

/* What every change from the shell does around it (evidence_cmd.c too): */
/* Refuses any change when the store never writes; 1 after saying why on err, else 0. */
int item_cmd_check_writable(struct progress_store *s, FILE *err);
/* Saves the store after a change, writing its undo record (id NULL: none) under the save's
 * lock; 0, or 1 after saying on err why `what` was not saved. A record that cannot be written
 * is a warning on err (the change itself stands). */
int item_cmd_save_change(struct progress_store *s, const char *guide_id, enum undo_record_kind kind,
                         const char *id, const char *before, const char *after, const char *what,
                         FILE *err);

/* trail --list-ids: every key action's id, then every phase's and certification's, one per
 * line as "<id>\t<text>" (the text sanitised to one line), for shell completions. */
int item_cmd_list_ids(const struct guide *g, FILE *out);

#endif
