/* SPDX-License-Identifier: MIT */
/* Checklist progress laid out as document pieces: the mark in front of a key action, a progress
 * bar with "done/total" and the percentage, and the counts behind the percentage. No curses:
 * view_guide.c puts these into the Home, career path and phase documents; the unit tests read
 * them. Every number comes from progress_count_*() and progress_percent(), the functions
 * `trail --progress` prints, so the screen and the command line cannot disagree. */
#ifndef TRAIL_VIEW_PROGRESS_H
#define TRAIL_VIEW_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "progress.h"
#include "view.h"

/* The widest a progress bar gets, and the narrowest drawn at all (below it only the numbers). */
#define VIEW_PROGRESS_BAR_MAX 20
#define VIEW_PROGRESS_BAR_MIN 4

/* The mark of a state: "[x]" done, "[~]" in progress, "[-]" skipped, "[ ]" to do. Static. */
const char *view_progress_mark(enum progress_state state);

/* "done", "in progress", "skipped", "to do"; with capital, "Done", "In progress"... Static. */
const char *view_progress_state_words(enum progress_state state, bool capital);

/* The role the mark is drawn in (each state has its own). */
enum view_role view_progress_mark_role(enum progress_state state);

/* The cells of a `cells`-wide bar that are filled: done * cells / (total - skipped), rounded
 * down so a bar is full only when everything counted is done; all of them when every action is
 * skipped; none without actions or cells. */
int view_progress_filled(const struct progress_counts *c, int cells);

/* "done 12 · in progress 3 · skipped 2 · to do 5" (" - " instead of " · " when ascii) into buf
 * (size bytes, truncated to fit). Returns buf. */
char *view_progress_counts_text(const struct progress_counts *c, bool ascii, char *buf,
                                size_t size);

/* "3/4 · 75%": done, the denominator (total - skipped) and the percentage, into buf. Returns
 * buf. */
char *view_progress_ratio_text(const struct progress_counts *c, bool ascii, char *buf, size_t size);

/* Puts a bar and its ratio text into the current line of d (begun by the caller), starting at
 * the line's current column: the bar takes up to VIEW_PROGRESS_BAR_MAX cells, fewer when the
 * line is short, none when fewer than VIEW_PROGRESS_BAR_MIN would fit. */
void view_progress_put_bar(struct view_doc *d, const struct progress_counts *c);

/* Adds one line: `indent` columns, then the bar and its ratio text. */
void view_progress_add_bar_line(struct view_doc *d, const struct progress_counts *c, int indent);

#endif
