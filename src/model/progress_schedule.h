/* SPDX-License-Identifier: MIT */
/* The dated plan and the forecast: what to study on which day, and when the learner will
 * finish at their recent pace.
 *
 * The plan starts from the start date and the months each phase gives (start_month,
 * end_month: the only durations a guide states). Each phase's window runs from the day its
 * first month begins to the day before the month after its last one (the calendar of
 * progress_plan.h's pace). The key actions still to do in a phase are spread over the days
 * left in its window, from today (or the window's first day, for a phase still to come):
 * evenly, or, when the guide gives effort_hours for them and the learner gives hours per week,
 * in proportion to their effort at that many hours a week (so a plan that needs more hours
 * than the weeks hold runs past the phase's end). An action of a phase whose window has ended
 * is due on that phase's last day: overdue. So the plan reflows whenever the learner ticks
 * ahead, falls behind, or changes the start date or the hours.
 *
 * The forecast counts the key actions done or skipped in the last 4 weeks (from the journal)
 * and, when every action left has an effort and time was logged, the hours logged: the finish
 * date is a range, from the best week's pace to the 4 weeks' average. Nothing here changes the
 * document; today is always a parameter (progress_date_today() in the program). */
#ifndef TRAIL_PROGRESS_SCHEDULE_H
#define TRAIL_PROGRESS_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

#include "guide.h"
#include "progress.h"
#include "progress_date.h"
#include "progress_plan.h"

struct progress_planned {
    size_t phase, action;      /* indexes into g->phases and its actions */
    enum progress_state state; /* PROGRESS_TODO or PROGRESS_IN_PROGRESS */
    struct progress_date due;
    bool overdue; /* due before today */
};

/* A phase's window in the plan; from.year 0 when the phase gives no months. */
struct progress_window {
    struct progress_date from, to; /* first and last day */
};

struct progress_schedule {
    struct progress_pace pace;       /* when UNSET or NO_PLAN there are no dates below */
    unsigned hours_per_week;         /* the progress file's, else as given; 0 when neither */
    struct progress_window *windows; /* one per phase (g->n_phases), NULL without dates */
    struct progress_planned *items;  /* every action still to do, by due date, overdue first */
    size_t n_items;
};

/* Computes the plan of g for `today` with the learner's hours per week: those the progress
 * file sets for g (progress_set_hours()), else hours_per_week (the configuration's; 0: not
 * given). Fills *out; free it with progress_schedule_free(). */
void progress_schedule_compute(const struct progress *p, const struct guide *g,
                               struct progress_date today, unsigned hours_per_week,
                               struct progress_schedule *out);
void progress_schedule_free(struct progress_schedule *s);

/* How many items of the plan are overdue. */
size_t progress_schedule_overdue(const struct progress_schedule *s);

/* --- Where the ticks put the learner ----------------------------------------------------- */

/* The learner's position on the dated plan by ticks: the day by which the plan expected as much
 * done as is done (the current phase's window, as far into it as that phase's progress); the
 * plan's end when all is done; year 0 when the plan has no dates. */
struct progress_date progress_schedule_position(const struct progress_schedule *s,
                                                const struct progress *p, const struct guide *g);

/* Today against that position, in days: > 0 behind, < 0 ahead. False when there is no
 * position (no dates, or the plan has not started). The one measure of "behind" that the
 * timeline, Home, the status line and --progress give. */
bool progress_schedule_lag(const struct progress_schedule *s, const struct progress *p,
                           const struct guide *g, struct progress_date today, long *days);

/* A lag in words: "about 3 weeks behind", "about 1 week ahead", "on schedule" (under half a
 * week either way). */
void progress_lag_words(long days, char *buf, size_t size);

/* The pace line Home, --progress and --start print: progress_pace_text() of the plan s
 * (progress_schedule_compute() of p, g and `today`), followed, while the plan runs or after it
 * ended, by where the ticks put the learner in words: "Month 5 of 12 · about 18 weeks behind",
 * "The plan's 12 months ended on 2027-11-30 · every key action done or skipped". A new string
 * (caller frees), or NULL as progress_pace_text(). */
char *progress_pace_line(const struct progress_schedule *s, const struct progress *p,
                         const struct guide *g, struct progress_date today, unsigned text_flags);

/* --- The forecast ------------------------------------------------------------------------ */

#define PROGRESS_FORECAST_WEEKS 4

struct progress_forecast {
    bool known;                 /* false: nothing done in the last 4 weeks, no forecast */
    bool finished;              /* every action is done or skipped */
    size_t left;                /* actions still to do */
    size_t done_recent;         /* done or skipped in the last 4 weeks */
    unsigned long minutes;      /* logged in the last 4 weeks */
    struct progress_date early; /* the finish range */
    struct progress_date late;
    bool has_plan_end;
    struct progress_date plan_end;
    long behind_days; /* the range's middle against the plan's end: > 0 behind, < 0 ahead */
};

/* Computes the forecast of g for `today` (the plan's end from s; s may be NULL). */
void progress_forecast_compute(const struct progress *p, const struct guide *g,
                               struct progress_date today, const struct progress_schedule *s,
                               struct progress_forecast *out);

/* "about 3 weeks behind the plan", "on track with the plan", "about 2 months ahead of the
 * plan"; NULL when there is no forecast or no plan. A new string (caller frees). */
char *progress_forecast_words(const struct progress_forecast *f);

/* "Finish between 2027-03-01 and 2027-04-12 at your pace of the last 4 weeks (9 done, 6h
 * logged); the plan ends 2027-02-10: about 5 weeks behind the plan", or the reason there is
 * no forecast. A new string (caller frees); text_flags TEXT_ASCII swaps " · " for ", ". */
char *progress_forecast_text(const struct progress_forecast *f, unsigned text_flags);

#endif
