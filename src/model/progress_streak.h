/* SPDX-License-Identifier: MIT */
/* The learning streak: on which days of the learner's calendar something was learned (a day
 * with an event in the journal: a tick, a note, a time log...), the current and the longest
 * run of such days, and a heat map of the last 12 weeks. An unlog event (a time log taken
 * back) is no learning. Days are the learner's local days (progress_date_of_ms()). */
#ifndef TRAIL_PROGRESS_STREAK_H
#define TRAIL_PROGRESS_STREAK_H

#include <stdbool.h>
#include <stddef.h>

#include "progress.h"
#include "progress_date.h"

#define PROGRESS_STREAK_WEEKS 12
#define PROGRESS_STREAK_DAYS  (PROGRESS_STREAK_WEEKS * 7)

/* A day of the heat map: no learning, a little (events but under 15 minutes logged), some
 * (15 to 59 minutes, or 3 events or more), a lot (an hour or more); FUTURE after today. */
enum progress_heat { HEAT_NONE, HEAT_LOW, HEAT_MID, HEAT_HIGH, HEAT_FUTURE };

struct progress_streak {
    unsigned current;     /* days in a row up to today (or yesterday, while today is still open) */
    unsigned longest;     /* the longest run ever */
    unsigned active_days; /* days with learning in the 12 weeks */
    struct progress_date first;               /* the Monday the heat map begins on */
    unsigned char heat[PROGRESS_STREAK_DAYS]; /* enum progress_heat, day by day from `first` */
};

/* Computes the streak of guide entry pg (NULL: none) for `today`. */
void progress_streak_compute(const struct progress_guide *pg, struct progress_date today,
                             struct progress_streak *out);

#endif
