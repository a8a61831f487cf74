/* SPDX-License-Identifier: MIT */
/* The learning streak: see progress_streak.h. The journal's events become the day numbers of
 * the learner's calendar (local time, so an event at 23:30 on the last day of a month before a
 * clock change still counts for that day), sorted once; runs are counted over distinct days. */
#include "progress_streak.h"

#include <stdlib.h>
#include <string.h>

#include "progress_journal.h"
#include "xalloc.h"

static int cmp_days(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

void progress_streak_compute(const struct progress_guide *pg, struct progress_date today,
                             struct progress_streak *out)
{
    memset(out, 0, sizeof *out);
    int64_t now = progress_date_days(today);
    int64_t first = now - progress_date_weekday(today) - 7 * (PROGRESS_STREAK_WEEKS - 1);
    out->first = progress_date_from_days(first);
    unsigned events[PROGRESS_STREAK_DAYS] = {0};
    unsigned minutes[PROGRESS_STREAK_DAYS] = {0};
    size_t n = progress_journal_count(pg);
    int64_t *days = n > 0 ? xreallocarray(NULL, n, sizeof *days) : NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const struct progress_event *e = progress_journal_at(pg, i);
        if (e->kind == PROGRESS_EVENT_UNLOG ||
            (e->kind == PROGRESS_EVENT_LOG && progress_journal_unlogged(pg, e->id))) {
            continue;
        }
        int64_t d = progress_date_days(progress_date_of_ms(e->at));
        days[k++] = d;
        if (d >= first && d <= now) {
            events[d - first]++;
            minutes[d - first] += e->kind == PROGRESS_EVENT_LOG ? e->minutes : 0;
        }
    }
    for (int64_t d = first; d < first + PROGRESS_STREAK_DAYS; d++) {
        size_t i = (size_t)(d - first);
        unsigned char h = d > now                              ? HEAT_FUTURE
                          : minutes[i] >= 60                   ? HEAT_HIGH
                          : minutes[i] >= 15 || events[i] >= 3 ? HEAT_MID
                          : events[i] > 0                      ? HEAT_LOW
                                                               : HEAT_NONE;
        out->heat[i] = h;
        out->active_days += h != HEAT_NONE && h != HEAT_FUTURE;
    }
    if (k > 1) {
        qsort(days, k, sizeof *days, cmp_days);
    }
    unsigned run = 0;
    int64_t prev = INT64_MIN, last_run_end = INT64_MIN;
    for (size_t i = 0; i < k; i++) {
        if (days[i] == prev || days[i] > now) {
            continue;
        }
        run = prev != INT64_MIN && days[i] == prev + 1 ? run + 1 : 1;
        prev = days[i];
        out->longest = run > out->longest ? run : out->longest;
        last_run_end = days[i];
        out->current = run;
    }
    if (last_run_end < now - 1) {
        out->current = 0; /* neither today nor yesterday: the streak is broken */
    }
    free(days);
}
