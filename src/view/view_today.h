/* SPDX-License-Identifier: MIT */
/* The daily loop laid out: the Today screen (this week's planned actions with their dates,
 * overdue first, the time logged against the week's target and one next step), the timeline
 * of the path (each phase a bar over the plan's months, today's marker and the learner's
 * position by ticks) and the streak's heat map.
 *
 * Everything is text that reads without colour: the timeline and the heat map use distinct
 * glyphs (ASCII ones under TEXT_ASCII), and each ends with a sentence that says in words what
 * the picture shows, for a screen reader or a pipe. */
#ifndef TRAIL_VIEW_TODAY_H
#define TRAIL_VIEW_TODAY_H

#include <stdbool.h>

#include "guide.h"
#include "progress.h"
#include "progress_schedule.h"
#include "progress_streak.h"
#include "view.h"

/* What the Today screen shows, computed once per layout: the caller owns it (free with
 * view_today_done()). */
struct view_today {
    struct progress_date today;
    unsigned hours_per_week;
    struct progress_schedule plan;
    struct progress_forecast forecast;
    struct progress_streak streak;
    unsigned long week_minutes; /* logged this week */
};

/* Computes what the screen shows for g, p (may be NULL: no progress) and today. */
void view_today_compute(struct view_today *t, const struct guide *g, const struct progress *p,
                        struct progress_date today, unsigned hours_per_week);
void view_today_done(struct view_today *t);

/* The Today screen: each planned key action is an item with the action's id. */
void view_today_screen(struct view_doc *d, const struct guide *g, const struct progress *p,
                       const struct view_today *t);

/* Home's pointer to Today, above its progress: "Today  2 overdue · 3 due this week · 1h logged
 * this week · T opens it", when the guide's path is loaded and the
 * plan has dates (nothing on the first frame, drawn before the progress is read); after an
 * empty line when `blank`. plan (borrowed; NULL: no progress) is Today's plan of g and p for
 * today, with the configuration's hours per week, as view_today_compute() makes it. */
void view_today_home(struct view_doc *d, const struct guide *g, const struct progress *p,
                     const struct progress_schedule *plan, struct progress_date today, bool blank);

/* The timeline of the plan (nothing when it has no dates), ending with a sentence. The axis
 * names the years in its label column and the months at the smallest regular step at which
 * every label fits. */
void view_today_timeline(struct view_doc *d, const struct guide *g, const struct progress *p,
                         const struct view_today *t);

/* The timeline for the Career Path screen: view_today_timeline(), and without a start date
 * the phases as bars over the plan's numbered months, then how to set the start date (nothing
 * when the guide gives no months). */
void view_today_path_timeline(struct view_doc *d, const struct guide *g, const struct progress *p,
                              const struct view_today *t);

/* The streak line and the 12-week heat map. */
void view_today_streak(struct view_doc *d, const struct view_today *t);

#endif
