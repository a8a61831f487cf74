/* SPDX-License-Identifier: MIT */
/* Writing the command-line progress reports (progress_report*.c): what they all do to a
 * stream, in one place. */
#ifndef TRAIL_PROGRESS_REPORT_OUT_H
#define TRAIL_PROGRESS_REPORT_OUT_H

#include <stdio.h>

/* Flushes out: the report's exit status, 0 when everything was written, else 1. */
int report_finish(FILE *out);

/* Writes s sanitised to one line (text_flags as for --print). */
void report_put_clean(FILE *out, const char *s, unsigned text_flags);

#endif
