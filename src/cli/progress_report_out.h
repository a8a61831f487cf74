/* SPDX-License-Identifier: MIT */
/* Writing the command-line progress reports (progress_report*.c): what they all do to a
 * stream, in one place. */
#ifndef TRAIL_PROGRESS_REPORT_OUT_H
#define TRAIL_PROGRESS_REPORT_OUT_H

#include <stdio.h>

#include "guide.h"
#include "progress_backup.h"
#include "progress_date.h"
#include "progress_store.h"

/* Flushes out: the report's exit status, 0 when everything was written, else 1. */
int report_finish(FILE *out);

/* Writes s sanitised to one line (text_flags as for --print). */
void report_put_clean(FILE *out, const char *s, unsigned text_flags);

/* Writes s sanitised to one line with Markdown's inline syntax characters escaped. */
void report_put_markdown(FILE *out, const char *s, unsigned text_flags);

/* Writes a note as Markdown lines, each starting with prefix; nothing for NULL. After a quote
 * (prefix "> ...") an empty line follows. */
void report_put_markdown_note(FILE *out, const char *note, const char *prefix, unsigned text_flags);

/* Writes s as a JSON string (null when s is NULL), escaping every control, C1 and bidi
 * character, so that the output is safe on a terminal (progress_report_json.c). */
void report_put_json_string(FILE *out, const char *s);

/* Writes s sanitised, quoted for a POSIX shell when it holds anything but [A-Za-z0-9/._+=:,@%-],
 * for commands the learner may copy. */
void report_put_word(FILE *out, const char *s);

/* When count > 0, adds "<count> <one>" (count 1) or "<count> <many>" to parts at *n, a new
 * string, and counts it in *n. */
void report_add_count(char **parts, size_t *n, size_t count, const char *one, const char *many);

/* Writes the n strings of parts as "a, b and c", freeing each. */
void report_put_list(FILE *out, char **parts, size_t n);

/* "3 marked key actions, 2 notes, 1 certification record and the start date 2026-01-05", or
 * "no progress" when the tally is empty. */
void report_put_tally(FILE *out, const struct progress_tally *t);

/* "Pace: " and progress_pace_line() of the plan of g for today, then a newline; nothing
 * without a start date. */
void report_put_pace(FILE *out, const struct progress *p, const struct guide *g,
                     struct progress_date today, unsigned text_flags);

/* After a successful save: prints what it could not do ("trail: warning: ...") to err, if
 * anything. */
void report_save_warning(const struct progress_store *s, FILE *err);

#endif
