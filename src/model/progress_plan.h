/* SPDX-License-Identifier: MIT */
/* The learner's plan, computed from the guide and the progress document: what is left, the
 * next action to suggest, the certification summary and the pace against the calendar.
 *
 * Nothing here changes the document. "today" is always a parameter (progress_date_today() in
 * the program, fixed dates in tests). Text results are new strings (caller frees), one line,
 * guide text sanitised with the given text_flags (TEXT_ASCII also swaps the " · " separator
 * for ", "). Pace uses only the month ranges the guide states (start_month/end_month of each
 * phase): no date is invented. */
#ifndef TRAIL_PROGRESS_PLAN_H
#define TRAIL_PROGRESS_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "guide.h"
#include "progress.h"
#include "progress_date.h"

/* --- What's left and the next action ------------------------------------------------------- */

struct progress_left_item {
    size_t phase, action;      /* indexes into g->phases and its actions */
    enum progress_state state; /* PROGRESS_TODO or PROGRESS_IN_PROGRESS */
};

/* Lists every key action still to do or in progress, in guide order (so grouped by phase).
 * Returns the count and stores a new array in *out (caller frees with free(); NULL when the
 * count is 0). */
size_t progress_list_left(const struct progress *p, const struct guide *g,
                          struct progress_left_item **out);

/* The one rule for "the next action", which Home's "Next", the browser's ] and the command
 * line's reports all follow. From no action (phase == SIZE_MAX): the first action in progress
 * in guide order, else the first one to do. From the action (phase, action): the next one in
 * guide order, wrapping around, that is to do or in progress (itself when it is the only one).
 * Returns true and sets *out_phase and *out_action; false when every action is done or
 * skipped. */
bool progress_next_action(const struct progress *p, const struct guide *g, size_t phase,
                          size_t action, size_t *out_phase, size_t *out_action);

/* The action to suggest as "Next: ...": progress_next_action() from no action. */
bool progress_suggest_next(const struct progress *p, const struct guide *g, size_t *phase,
                           size_t *action);

/* --- Certifications ------------------------------------------------------------------------ */

struct progress_cert_counts {
    size_t interested, studying, booked, passed;
    size_t expired;                 /* passed, with an expiry date before today */
    struct progress_date next_exam; /* booked: the earliest exam date from today on, else the
                                       earliest one; year 0 when no booked exam has a date */
};

/* Counts the statuses of g's certifications (GUIDE_PART_CERTS must be loaded); entries for
 * certifications the guide does not have are not counted. */
void progress_count_certs(const struct progress *p, const struct guide *g,
                          struct progress_date today, struct progress_cert_counts *c);

/* "1 passed · 1 exam on 2027-02-10 · 2 studying"; NULL when no certification has a status. */
char *progress_certs_text(const struct progress_cert_counts *c, unsigned text_flags);

/* --- Pace ---------------------------------------------------------------------------------- */

enum progress_pace_when {
    PROGRESS_PACE_UNSET = 0, /* no start date */
    PROGRESS_PACE_NO_PLAN,   /* the guide's phases give no months */
    PROGRESS_PACE_BEFORE,    /* today is before the start date */
    PROGRESS_PACE_DURING,    /* today is in month `month` of the plan */
    PROGRESS_PACE_AFTER,     /* the plan's last month has ended */
};

/* Month N of the plan begins on the start date's day of the month N - 1 months later, clamped
 * to that month's last day (start 2024-01-31: month 2 begins 2024-02-29, month 3 2024-03-31).
 * The plan has as many months as the highest end_month of a phase; its last day is the day
 * before month total + 1 would begin. */
struct progress_pace {
    enum progress_pace_when when;
    struct progress_date start;
    int total_months;
    struct progress_date plan_end;    /* the plan's last day (BEFORE, DURING, AFTER) */
    long days_to_start;               /* BEFORE: 1 or more */
    int month;                        /* DURING: 1..total_months */
    struct progress_date month_began; /* DURING: the first day of `month` */
    size_t current_phase;             /* where the ticks are: progress_current_phase() */
};

/* The plan's length in months: the highest end_month of a phase (0 when none is given). */
int progress_plan_months(const struct guide *g);

/* Computes the pace of g for `today` from the guide's start date in p. Always fills *out. */
void progress_compute_pace(const struct progress *p, const struct guide *g,
                           struct progress_date today, struct progress_pace *out);

/* Where today falls on the plan's calendar, e.g.
 *   "Month 5 of 12"
 *   "Starts in 12 days (2026-12-01) · 12 months planned"
 *   "The plan's 12 months ended on 2027-11-30"
 * NULL for PROGRESS_PACE_UNSET; for NO_PLAN a sentence saying the guide gives no months. The
 * start of the pace line (progress_pace_line()), which says in words where the ticks put the
 * learner. */
char *progress_pace_text(const struct progress_pace *pace, unsigned text_flags);

#endif
