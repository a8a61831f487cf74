/* The command-line progress reports: trail --progress, --export markdown|json and --reset.
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
#include "progress_store.h"

/* trail --progress: per phase a bar, the percentage, done / (total - skipped) and the counts
 * behind them; then the same overall, the current phase and the number of saved items the
 * guide does not have. Plain text, one fact per line, for scripts. */
int progress_report_text(const struct guide *g, struct progress_store *s, unsigned text_flags,
                         FILE *out);

/* trail --export markdown: the career path as a Markdown checklist ("- [x] ...") with progress
 * per phase, for a portfolio README. */
int progress_report_markdown(const struct guide *g, struct progress_store *s, unsigned text_flags,
                             FILE *out);

/* trail --export json: the same data as one JSON object (UTF-8, properly escaped). */
int progress_report_json(const struct guide *g, struct progress_store *s, FILE *out);

/* trail --reset: clears g's progress after asking "[y/N]" on `in` when it is a terminal (yes
 * skips the question); the old file is kept as a backup whose name is printed to out. Errors
 * go to err. */
int progress_report_reset(const struct guide *g, struct progress_store *s, bool yes, FILE *in,
                          FILE *out, FILE *err);

/* Prints what opening the store found (damaged file kept aside, read-only reason) to err as
 * "trail: ..." lines; prints nothing when there is nothing to say. */
void progress_report_notices(struct progress_store *s, FILE *err);

#endif
