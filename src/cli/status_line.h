/* SPDX-License-Identifier: MIT */
/* trail --status: one short line for a shell prompt, tmux's status-right or a bar, e.g.
 *   "ML Engineer 6/20 · next: Learn Git · 2 wk behind"
 *
 * A --format string picks the parts: %{guide} (the short title), %{done}, %{total} (key
 * actions not skipped), %{percent}, %{next} (the action to do next), %{pace} ("2 wk behind",
 * "on track", "1 wk ahead", "starts in 5 d"; empty without a start date: today against the
 * learner's position by ticks, progress_schedule_lag()), %{streak} (the days
 * in a row with learning up to today, or yesterday while today is open: "4 d", "0 d") and %%
 * for a percent sign. Without --format the line is
 * the guide, done/total, then " · next: ..." and " · <pace>" when they are not empty.
 * Everything printed is sanitised to one line; the line is cut at the width asked for (an
 * ellipsis marks the cut); SGR colours are added only when asked. */
#ifndef TRAIL_STATUS_LINE_H
#define TRAIL_STATUS_LINE_H

#include <stdbool.h>
#include <stdio.h>

#include "guide.h"
#include "progress.h"
#include "progress_date.h"

/* Which parts of the guide a format needs: GUIDE_PART_INFO, plus GUIDE_PART_PATH when a
 * placeholder counts, names or paces key actions. fmt NULL is the default line. */
unsigned status_line_parts(const char *fmt);

/* Whether a format needs the progress file's journal (%{streak} does); fmt NULL is the default
 * line, which does not. --status reads the journal only then, as it is the bulk of the file. */
bool status_line_needs_journal(const char *fmt);

/* Checks a format: 0, or -1 with *cause (if not NULL) set to a new sentence naming the first
 * unknown placeholder or unterminated %{ (caller frees). fmt NULL is fine. */
int status_line_check(const char *fmt, char **cause);

/* Prints the line for g and p (progress of every guide; g's entry is used) and a newline.
 * width > 0 caps the line's display columns; color adds SGR sequences; text_flags as for
 * --print. Returns 0, or 1 when out could not be written. */
int status_line_print(const struct guide *g, const struct progress *p, const char *fmt, int width,
                      bool color, struct progress_date today, unsigned text_flags, FILE *out);

/* The same facts as one JSON object (format "trail-status", version 1; docs/schemas/). */
int status_line_json(const struct guide *g, const struct progress *p, struct progress_date today,
                     FILE *out);

#endif
