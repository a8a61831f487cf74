/* SPDX-License-Identifier: MIT */
/* The progress dotfile on disk: where it is, loading it, and saving it so it is never lost.
 *
 * Call order: progress_store_open() once (it never fails: every problem becomes a notice or a
 * read-only reason), change the document from progress_store_doc() with progress_set_state()
 * and friends, call progress_store_save() after each change (and before quitting while
 * progress_store_dirty()), progress_store_close() at the end.
 *
 * A save resolves a symlinked path to its target (a chain of at most PROGRESS_STORE_MAX_LINKS
 * links; dangling links, loops, FIFOs, directories and devices are refused), takes an flock on
 * "<target>.lock", re-reads the target and merges it (each item keeps its latest change), writes
 * "<target>.tmp-XXXXXX" (O_CREAT|O_EXCL, 0600), fsyncs it, renames it over the target and fsyncs
 * the directory. The target is never truncated or written in place. A damaged file is first
 * copied to "<target>.corrupt-<YYYYmmddTHHMMSSZ>" (once per distinct content: an identical
 * copy already there is reused, as for the ".bak-" copy a reset keeps); a file from a newer
 * version is never written. All messages are plain sentences naming the path; strings returned are
 * owned by the store and valid until its next call. */
#ifndef TRAIL_PROGRESS_STORE_H
#define TRAIL_PROGRESS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "progress.h"

#define PROGRESS_STORE_MAX_LINKS    5
#define PROGRESS_STORE_MAX_SIZE     (16u * 1024u * 1024u) /* a larger file counts as damaged */
#define PROGRESS_STORE_LOCK_WAIT_MS 10000                 /* give up waiting for the lock */

struct progress_store;

/* The dotfile path: $TRAIL_STATE if set and not empty, else $HOME/.trail_progress.yaml (the
 * password database's home when HOME is unset). Returns a new string (caller frees), or NULL
 * when no home directory is known. */
char *progress_default_path(void);

/* Opens the dotfile at path (borrowed; copied): removes stale "<target>.tmp-*" files left by a
 * killed save when no other instance holds the lock, loads the file, keeps a copy of a damaged
 * one. Returns a new store (caller frees with progress_store_close()); never NULL. */
struct progress_store *progress_store_open(const char *path);

/* Opens the dotfile at path as progress_store_open() does, for a command that changes it at
 * once and ends: the lock is taken before reading (when its file is there already, so that a
 * refused command creates nothing) and held until progress_store_close(), so that saving need
 * not read and merge the file again. Never for a command that waits for a person (standard
 * input, a prompt) or does long work before it saves: other instances wait for the lock. */
struct progress_store *progress_store_open_change(const char *path);

/* Opens the dotfile at path for reading only, as the commands that only report do: it creates
 * no file at all (no lock file, no copy of a damaged file, which it leaves as it is and says so
 * in the notice) and every save is refused. Otherwise as progress_store_open(). */
struct progress_store *progress_store_open_read(const char *path);

/* Reads the dotfile at path for a report that must be fast and leave no trace (trail
 * --status): no lock, no clean-up, no copy of a damaged file, nothing written beside it (with
 * PROGRESS_PARSE_NO_JOURNAL, where its journal starts is kept in the user's cache, see
 * file_cache.h). Returns what
 * could be read (caller frees with progress_free()), NULL when there is no file or it cannot be
 * read; *found says whether a file was read. */
struct progress *progress_store_peek(const char *path, bool *found);
/* progress_store_peek() with progress_parse_with()'s flags (PROGRESS_PARSE_NO_JOURNAL). */
struct progress *progress_store_peek_with(const char *path, unsigned flags, bool *found);

/* durable false: saves skip the fsyncs (still atomic, still locked and merged), for trail's
 * own state files whose loss on a power cut is harmless: the browser's resume position and
 * the undo record of a shell command. Never for the learner's progress. */
void progress_store_set_durable(struct progress_store *s, bool durable);

/* Frees the store without saving. */
void progress_store_close(struct progress_store *s);

/* The in-memory document (borrowed; owned by the store). */
struct progress *progress_store_doc(struct progress_store *s);

/* Saves the document as described above. Returns 0 when the file is durably on disk, -1 on
 * failure: the message then says why (strerror and path), the document keeps every change and
 * the next save tries again. After a successful save the document also holds what other
 * instances had saved. */
int progress_store_save(struct progress_store *s);

/* Makes the next successful save call fn(arg) while it still holds the file's lock, right after
 * the file was replaced; once. For what must follow the saves in their order: the undo record
 * of a shell command, so that two commands saving one after the other never leave the record
 * of the earlier one. fn must not save this store. */
void progress_store_on_save(struct progress_store *s, void (*fn)(void *arg), void *arg);

/* The same save without waiting for the lock: returns PROGRESS_STORE_BUSY when another process
 * holds it (nothing is read or written; the message says trail is waiting, the document stays
 * dirty), else what progress_store_save() returns. For the browser, which must not freeze
 * while another instance saves: it tries again from its loop. */
#define PROGRESS_STORE_BUSY 1
int progress_store_save_try(struct progress_store *s);

/* Clears guide_id's progress: keeps a copy of the current file as "<target>.bak-<time>", writes
 * the reset tombstone and saves. Returns 0 or -1 (message set); *backup (if not NULL) gets the
 * backup's path (borrowed, NULL when there was no file to back up). */
int progress_store_reset(struct progress_store *s, const char *guide_id, const char **backup);

/* Makes the next save keep a copy of the file as it is as "<target>.bak-<time>" before
 * replacing it (as a reset does), so that what the save replaces can be restored. */
void progress_store_want_backup(struct progress_store *s);

/* The backup the last save kept (borrowed), or NULL when it kept none. */
const char *progress_store_backup(const struct progress_store *s);

/* The backups kept next to the file ("<target>.bak-*"), oldest first: their count, and in
 * *paths a new array of new strings (caller frees each and the array; NULL when none). */
size_t progress_store_backups(const struct progress_store *s, char ***paths);

/* What the learner should know about the last save although it succeeded, as a sentence: its
 * directory could not be synced to disk, or the file is read-only (its mode is kept); NULL
 * when nothing. Borrowed. */
const char *progress_store_warning(const struct progress_store *s);

/* True when the document has changes not saved yet. */
bool progress_store_dirty(const struct progress_store *s);

/* The outcome of the last save or reset ("Saved to ...", "Could not save ...: No space left on
 * device; your changes are kept in memory"); NULL before the first. */
const char *progress_store_message(const struct progress_store *s);

/* What opening found that the learner must be told once: a damaged file kept aside, a
 * read-only directory. NULL when there is nothing to say. */
const char *progress_store_notice(const struct progress_store *s);

/* Why the store never writes (a file from a newer version, a refused symlink target, a file
 * that could not be read or copied aside); NULL when saving is allowed. */
const char *progress_store_readonly(const struct progress_store *s);

/* The path as given, and the file a save writes (symlinks resolved; equal to the path when it
 * could not be resolved). Borrowed. */
const char *progress_store_path(const struct progress_store *s);
const char *progress_store_target(const struct progress_store *s);

/* The path of trail's file `name` in the learner's state directory:
 * "$XDG_STATE_HOME/trail/<name>" when that is an absolute path, else
 * "~/.local/state/trail/<name>". Returns a new string (caller frees), NULL when no home
 * directory is known. */
char *progress_store_state_path(const char *name);

/* Somewhere else the learner could save to when the dotfile cannot be written, in the
 * learner's own space, never a shared directory such as /tmp (where another user could plant a
 * symlink): "$XDG_STATE_HOME/trail/progress.yaml", else "~/.local/state/trail/progress.yaml".
 * Returns a new string (caller frees) for messages such as "run trail --state FILE". */
char *progress_store_suggest_path(const struct progress_store *s);

#endif
