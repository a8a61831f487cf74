/* SPDX-License-Identifier: MIT */
/* The learning companion laid out as document pieces: a note's one-line preview under its
 * item, the note in full, a certification's status line, Home's "Next:", pace and certification
 * lines, and the "What's left" screen. No curses: view_guide.c and the ui_* screens use these,
 * the unit tests read them. Every number and sentence comes from progress_plan.h, the functions
 * `trail --progress` prints, so the screen and the command line cannot disagree. */
#ifndef TRAIL_VIEW_PLAN_H
#define TRAIL_VIEW_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "guide.h"
#include "progress.h"
#include "progress_date.h"
#include "progress_schedule.h"
#include "view.h"

/* The lines of a note's preview under its item; a longer note ends in an ellipsis there and is
 * read in full in its own view (view_plan_note()). */
#define VIEW_PLAN_NOTE_LINES 1

/* The marker of an item with a note: "✎", or "*" with TEXT_ASCII. Static. */
const char *view_plan_note_marker(unsigned text_flags);
/* The marker after the learner's own action: "· mine", or "(mine)" with TEXT_ASCII. Static. */
const char *view_plan_mine_marker(unsigned text_flags);

/* Adds a note's preview, the same in every list and on the item's own screen: the marker at
 * column `indent`, then the first VIEW_PLAN_NOTE_LINES lines of note (untrusted, sanitised)
 * wrapped to the document's width from `indent` + 2, dimmed; a note that needs more ends in an
 * ellipsis. Returns the lines added: 0 when note is NULL or empty. */
size_t view_plan_add_note(struct view_doc *d, const char *note, int indent);
/* A note in full: the name of its item (untrusted) as the title, a line saying whose note it
 * is, then the whole note (untrusted, sanitised) wrapped to the width, its line breaks kept.
 * note NULL or empty: a line saying there is none. */
void view_plan_note(struct view_doc *d, const char *name, const char *note);

/* A certification's status and dates for people, into buf (size bytes, truncated to fit):
 * "exam booked · exam on 2027-02-10", "passed on 2026-10-01 · expires on 2029-10-01",
 * "studying"; ", " instead of " · " when ascii. "" when nothing is set. Returns buf. */
char *view_plan_cert_text(const struct progress_cert_info *c, bool ascii, char *buf, size_t size);

/* The id of Home's "Next" line, an item: Enter on it goes to that action. */
extern const char view_plan_next_id[];

/* Home's companion lines when p is not NULL, each "Label" then its value from column
 * label_cols (the label on a line of its own when the screen is narrow): "Next" and the action
 * progress_suggest_next() picks, as an item of id view_plan_next_id, "Pace" and
 * progress_pace_line() when a start date is set, "Certifications" and progress_certs_text() when
 * the certifications are loaded and one has a status. plan (borrowed) is the dated plan of g and
 * p for today, the learner's date (progress_schedule_compute()). Adds nothing when there is
 * nothing to say. */
void view_plan_home(struct view_doc *d, const struct guide *g, const struct progress *p,
                    const struct progress_schedule *plan, struct progress_date today,
                    int label_cols);

/* "What's left": a title, a count line, then per phase with something left a heading and one
 * item per key action still to do or in progress (in guide order, so grouped by phase), with
 * its mark and, when it has a note, the note's preview. Item ids are the actions' ids. With
 * nothing left, a line saying so. p may be NULL (everything is to do). */
void view_plan_left(struct view_doc *d, const struct guide *g, const struct progress *p);

#endif
