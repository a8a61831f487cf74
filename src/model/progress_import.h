/* SPDX-License-Identifier: MIT */
/* trail --import: merging progress exported on another machine (trail --export json).
 *
 * The export is read with ydoc (JSON is YAML's flow style; the exporter only writes escapes the
 * two share), so the same bounds apply: 64 MiB, depth 64, 64 KiB per string, and a located
 * error for anything else, including JSON that YAML does not read the same way (a "\uD83D"
 * surrogate-pair escape, as some tools write for characters beyond U+FFFF, is refused).
 * The export's "progress" object has the dotfile's guide-entry shape and is read by the same
 * code; an export from before it existed is read from its phases' actions (state, changed).
 * The merge is the store's: entry by entry, the latest change wins, a newer reset voids older
 * entries. */
#ifndef TRAIL_PROGRESS_IMPORT_H
#define TRAIL_PROGRESS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "progress.h"

/* What an import changed. An entry counts as updated when the other side's change is newer
 * and its value differs; a newer change with the same value (or an older change) counts as
 * unchanged. */
struct progress_import_summary {
    size_t items;     /* key-action states (including items this guide no longer has) */
    size_t notes;     /* notes added, changed or removed */
    size_t certs;     /* certification statuses or dates */
    size_t evidence;  /* pieces of evidence attached, changed or removed */
    bool start;       /* the start date was set, changed or cleared */
    bool hours;       /* the hours per week were set, changed or cleared */
    size_t events;    /* journal events the guide did not have (progress_journal.h) */
    bool reset;       /* the other side's newer reset cleared older entries here */
    size_t unchanged; /* entries of the export that changed nothing */
    size_t voided;    /* of those, entries that would have changed something but are older
                         than this guide's reset (progress_backup_lift() takes them anyway) */
};

/* Parses the len bytes of an export named `file` in messages. Returns a new document holding
 * the export's guide entry only (caller frees with progress_free()) and sets *guide_id to a new
 * string (caller frees); NULL with located errors in d when the text is not an export (an
 * error without a line when it is not JSON at all: another kind of file). Entries
 * that are not well formed are skipped with an error in d (d->errors > 0 then). */
struct progress *progress_import_parse(const char *file, const char *buf, size_t len,
                                       char **guide_id, struct diag *d);

/* The same for the file at path (a regular file of at most 64 MiB). */
struct progress *progress_import_load(const char *path, char **guide_id, struct diag *d);

/* Merges theirs (as progress_import_parse() returns it: one guide, guide_id) into ours (see
 * above) and fills *sum. Bumps ours->generation when something changed (so the store saves
 * it). */
void progress_import_merge(struct progress *ours, const struct progress *theirs,
                           const char *guide_id, struct progress_import_summary *sum);

/* True when the summary holds any change. */
bool progress_import_changed(const struct progress_import_summary *sum);

#endif
