/* SPDX-License-Identifier: MIT */
/* The command-line progress reports: trail --progress [--left], --export markdown|json,
 * --reset, --start DATE and --import FILE.
 *
 * Each function writes to the streams it is given and returns the process exit status:
 * 0 success, 1 failure (output could not be written, the reset could not be saved or was
 * declined), 2 a reset asked for confirmation where none can be given (no terminal, no --yes).
 * Guide text goes through text_sanitize() (text_flags as for --print); JSON escapes every
 * control, C1 and bidi character instead, so both are safe to send to a terminal. */
#ifndef TRAIL_PROGRESS_REPORT_H
#define TRAIL_PROGRESS_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "guide.h"
#include "progress_date.h"
#include "progress_store.h"

/* trail --progress: per phase a bar, the percentage, done / (total - skipped) and the counts
 * behind them; then the same overall, the current phase, the number of saved items the guide
 * does not have, and when there is something to say: "Next: <action>", "Certifications: 1
 * passed · 1 exam on 2027-02-10" (needs GUIDE_PART_CERTS loaded), "Pace: Month 5 of 12 · ..."
 * and "Notes: N". Plain text, one fact per line, for scripts. */
int progress_report_text(const struct guide *g, struct progress_store *s, unsigned text_flags,
                         FILE *out);

/* trail --export markdown: the career path as a Markdown checklist ("- [x] ...") with progress
 * per phase, the start date, notes as quotes under their item, and the certifications that
 * have a status or a note, for a portfolio README. */
int progress_report_markdown(const struct guide *g, struct progress_store *s, unsigned text_flags,
                             FILE *out);

/* trail --export json: the same data as one JSON object (UTF-8, properly escaped), plus a
 * lossless "progress" object (every entry with its change time, tombstones included) that
 * trail --import reads (progress_report_json.c describes the layout). */
int progress_report_json(const struct guide *g, struct progress_store *s, FILE *out);

/* trail --reset: clears g's progress after asking "[y/N]" on `in` when it is a terminal (yes
 * skips the question); the old file is kept as a backup whose name is printed to out. Errors
 * go to err. */
int progress_report_reset(const struct guide *g, struct progress_store *s, bool yes, FILE *in,
                          FILE *out, FILE *err);

/* trail --progress --left: every key action still to do or in progress, grouped by phase
 * ("  [ ] text", "  [~] text (in progress)"), or a line saying nothing is left. */
int progress_report_left(const struct guide *g, struct progress_store *s, unsigned text_flags,
                         FILE *out);

/* trail --start DATE|none: sets (or with a date of year 0, clears) g's pace start date, saves,
 * and prints what was done and the pace line. Errors (read-only store, failed save) go to
 * err and return 1. */
int progress_report_start(const struct guide *g, struct progress_store *s,
                          struct progress_date date, unsigned text_flags, FILE *out, FILE *err);

/* trail --import FILE: merges the export at path into g's progress (progress_import.h), saves,
 * and prints the summary ("3 key-action states, 2 notes, 1 certification updated; 17 entries
 * unchanged"). Entries older than the guide's last reset are not taken: they are counted, and
 * the line after the summary says how to take them (over_reset true: they are taken, except
 * where a change made since the reset is newer). Nothing is imported (exit 1, message to err)
 * when the file is not an export, an entry of it is malformed, it is another guide's, the
 * store is read-only or the save fails. */
int progress_report_import(const struct guide *g, struct progress_store *s, const char *path,
                           bool over_reset, FILE *out, FILE *err);

/* trail --restore [BACKUP]: without a backup (NULL), lists the backups of the progress file,
 * oldest first, each with its time and what it holds of g's progress (exit 1 when there is
 * none). With one, brings back g's progress as that backup holds it, except where a change
 * made since is newer; the file as it was is kept as a new backup first, and the summary
 * names it. Errors as for progress_report_import(). */
int progress_report_restore(const struct guide *g, struct progress_store *s, const char *backup,
                            FILE *out, FILE *err);

/* Prints what opening the store found (damaged file kept aside, read-only reason) to err as
 * "trail: ..." lines; prints nothing when there is nothing to say. */
void progress_report_notices(struct progress_store *s, FILE *err);

#endif
