/* SPDX-License-Identifier: MIT */
/* The dated plan and the forecast: see progress_schedule.h.
 *
 * Arithmetic is on day numbers of the one calendar (progress_date.h), so month ends, leap days
 * and year ends need no special case; the journal's instants become days of the learner's own
 * calendar through progress_date_of_ms(), which follows the time zone's clock changes. */
#include "progress_schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_journal.h"
#include "text.h"
#include "xalloc.h"

/* The actions still to do of phase ph: in progress first, then in guide order. */
static size_t left_of(const struct progress *p, const struct guide *g, size_t ph,
                      struct progress_planned *out)
{
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        enum progress_state want = pass == 0 ? PROGRESS_IN_PROGRESS : PROGRESS_TODO;
        for (size_t a = 0; a < g->phases[ph].n_actions; a++) {
            if (progress_get_state(p, g->id, g->phases[ph].actions[a].id) == want) {
                out[n++] = (struct progress_planned){.phase = ph, .action = a, .state = want};
            }
        }
    }
    return n;
}

static int effort_of(const struct guide *g, size_t phase, size_t action)
{
    const int *e = g->phases[phase].effort_hours;
    return e != NULL ? e[action] : 0;
}

/* Spreads the k items over the days [from, to]: by effort at `hours` a week when every item
 * has one (or some have, the others taking their average), else evenly. */
static void spread(const struct guide *g, struct progress_planned *it, size_t k, int64_t from,
                   int64_t to, unsigned hours)
{
    long known = 0, sum = 0;
    for (size_t j = 0; j < k; j++) {
        int e = effort_of(g, it[j].phase, it[j].action);
        known += e > 0;
        sum += e;
    }
    int64_t days = to - from + 1;
    if (known == 0 || hours == 0) {
        for (size_t j = 0; j < k; j++) {
            int64_t d = (int64_t)((j + 1) * (uint64_t)days + k - 1) / (int64_t)k - 1;
            it[j].due = progress_date_from_days(from + (d > 0 ? d : 0));
        }
        return;
    }
    double average = (double)sum / (double)known, cumulative = 0, per_day = hours / 7.0;
    for (size_t j = 0; j < k; j++) {
        int e = effort_of(g, it[j].phase, it[j].action);
        cumulative += e > 0 ? e : average;
        double d = cumulative / per_day;
        int64_t whole = (int64_t)d;
        whole += (double)whole < d; /* the day the work is finished */
        it[j].due = progress_date_from_days(from + (whole > 0 ? whole - 1 : 0));
    }
}

static int by_due(const void *a, const void *b)
{
    const struct progress_planned *x = a, *y = b;
    int c = progress_date_compare(x->due, y->due);
    if (c != 0) {
        return c;
    }
    if (x->phase != y->phase) {
        return x->phase < y->phase ? -1 : 1;
    }
    return x->action < y->action ? -1 : x->action > y->action;
}

void progress_schedule_compute(const struct progress *p, const struct guide *g,
                               struct progress_date today, unsigned hours_per_week,
                               struct progress_schedule *out)
{
    memset(out, 0, sizeof *out);
    out->hours_per_week = progress_get_hours(p, g->id, hours_per_week);
    hours_per_week = out->hours_per_week;
    progress_compute_pace(p, g, today, &out->pace);
    if (out->pace.when == PROGRESS_PACE_UNSET || out->pace.when == PROGRESS_PACE_NO_PLAN) {
        return;
    }
    out->windows = xcalloc(g->n_phases ? g->n_phases : 1, sizeof *out->windows);
    size_t total = guide_count_actions(g);
    out->items = xcalloc(total ? total : 1, sizeof *out->items);
    int64_t now = progress_date_days(today);
    for (size_t ph = 0; ph < g->n_phases; ph++) {
        const struct guide_phase *phase = &g->phases[ph];
        if (phase->start_month <= 0) {
            continue;
        }
        struct progress_window *w = &out->windows[ph];
        w->from = progress_date_add_months(out->pace.start, phase->start_month - 1);
        int64_t to =
            progress_date_days(progress_date_add_months(out->pace.start, phase->end_month)) - 1;
        w->to = progress_date_from_days(to);
        struct progress_planned *it = out->items + out->n_items;
        size_t k = left_of(p, g, ph, it);
        if (k == 0) {
            continue;
        }
        int64_t from = progress_date_days(w->from);
        if (now > to) {
            for (size_t j = 0; j < k; j++) {
                it[j].due = w->to;
            }
        } else {
            spread(g, it, k, now > from ? now : from, to, hours_per_week);
        }
        for (size_t j = 0; j < k; j++) {
            it[j].overdue = progress_date_days(it[j].due) < now;
        }
        out->n_items += k;
    }
    if (out->n_items > 1) {
        qsort(out->items, out->n_items, sizeof *out->items, by_due);
    }
}

void progress_schedule_free(struct progress_schedule *s)
{
    free(s->windows);
    free(s->items);
    memset(s, 0, sizeof *s);
}

size_t progress_schedule_overdue(const struct progress_schedule *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        n += s->items[i].overdue;
    }
    return n;
}

/* --- The forecast ------------------------------------------------------------------------ */

/* Per week of the last 4 (0 the oldest), the key actions of g done or skipped then and still
 * so now, each counted once (its last such event). Returns the total. */
static size_t recent_ticks(const struct progress *p, const struct guide *g,
                           const struct progress_guide *pg, int64_t first_day, size_t *week)
{
    size_t total = 0;
    for (size_t ph = 0; ph < g->n_phases; ph++) {
        for (size_t a = 0; a < g->phases[ph].n_actions; a++) {
            const char *id = g->phases[ph].actions[a].id;
            enum progress_state st = progress_get_state(p, g->id, id);
            if (st != PROGRESS_DONE && st != PROGRESS_SKIPPED) {
                continue;
            }
            int64_t last = -1;
            for (size_t i = 0; i < progress_journal_count(pg); i++) {
                const struct progress_event *e = progress_journal_at(pg, i);
                if (e->kind == PROGRESS_EVENT_STATE && e->state == st && e->item != NULL &&
                    strcmp(e->item, id) == 0) {
                    int64_t day = progress_date_days(progress_date_of_ms(e->at));
                    last = day > last ? day : last;
                }
            }
            int64_t k = last - first_day;
            if (last >= 0 && k >= 0 && k < 7 * PROGRESS_FORECAST_WEEKS) {
                week[k / 7]++;
                total++;
            }
        }
    }
    return total;
}

/* The days `left` units of work take at `per_week` a week. */
static int64_t days_for(double left, double per_week)
{
    double d = left / per_week * 7.0;
    int64_t whole = (int64_t)d;
    return whole + ((double)whole < d);
}

void progress_forecast_compute(const struct progress *p, const struct guide *g,
                               struct progress_date today, const struct progress_schedule *s,
                               struct progress_forecast *out)
{
    memset(out, 0, sizeof *out);
    struct progress_counts c = {0};
    progress_count_guide(p, g, &c);
    out->left = c.todo + c.in_progress;
    out->finished = out->left == 0 && c.total > 0;
    if (s != NULL && s->pace.when != PROGRESS_PACE_UNSET && s->pace.when != PROGRESS_PACE_NO_PLAN) {
        out->has_plan_end = true;
        out->plan_end = s->pace.plan_end;
    }
    const struct progress_guide *pg = progress_find_guide(p, g->id);
    int64_t now = progress_date_days(today);
    int64_t first = now - 7 * PROGRESS_FORECAST_WEEKS + 1;
    size_t week[PROGRESS_FORECAST_WEEKS] = {0};
    out->done_recent = recent_ticks(p, g, pg, first, week);
    out->minutes =
        progress_journal_minutes(pg, NULL, progress_date_start_ms(progress_date_from_days(first)),
                                 progress_date_start_ms(progress_date_from_days(now + 1)));
    if (out->finished || out->done_recent == 0) {
        return;
    }
    size_t best = 0;
    for (size_t i = 0; i < PROGRESS_FORECAST_WEEKS; i++) {
        best = week[i] > best ? week[i] : best;
    }
    double average = (double)out->done_recent / PROGRESS_FORECAST_WEEKS;
    int64_t early = days_for((double)out->left, (double)best);
    int64_t late = days_for((double)out->left, average);
    /* With an effort for every action left and time logged, the hours give a range too. */
    long effort = 0;
    bool all = true;
    for (size_t i = 0; s != NULL && i < s->n_items; i++) {
        int e = effort_of(g, s->items[i].phase, s->items[i].action);
        all = all && e > 0;
        effort += e;
    }
    if (s != NULL && s->n_items > 0 && all && out->minutes > 0) {
        double hours_week = (double)out->minutes / 60.0 / PROGRESS_FORECAST_WEEKS;
        int64_t by_hours = days_for((double)effort, hours_week);
        early = by_hours < early ? by_hours : early;
        late = by_hours > late ? by_hours : late;
    }
    out->known = true;
    out->early = progress_date_from_days(now + early);
    out->late = progress_date_from_days(now + late);
    if (out->has_plan_end) {
        out->behind_days = now + (early + late) / 2 - progress_date_days(out->plan_end);
    }
}

char *progress_forecast_words(const struct progress_forecast *f)
{
    if (!f->known || !f->has_plan_end) {
        return NULL;
    }
    long d = f->behind_days < 0 ? -f->behind_days : f->behind_days;
    if (d < 7) {
        return xstrdup("on track with the plan");
    }
    const char *side = f->behind_days > 0 ? "behind" : "ahead of";
    long weeks = (d + 3) / 7;
    if (weeks < 9) {
        return xasprintf("about %ld week%s %s the plan", weeks, weeks == 1 ? "" : "s", side);
    }
    long months = (d + 15) / 30;
    return xasprintf("about %ld months %s the plan", months, side);
}

char *progress_forecast_text(const struct progress_forecast *f, unsigned text_flags)
{
    const char *sep = text_sep(text_flags);
    if (f->finished) {
        return xstrdup("Every key action is done or skipped");
    }
    if (!f->known) {
        return xasprintf("No forecast yet: nothing was done in the last %d weeks",
                         PROGRESS_FORECAST_WEEKS);
    }
    char early[PROGRESS_DATE_SIZE], late[PROGRESS_DATE_SIZE], end[PROGRESS_DATE_SIZE];
    progress_date_format(f->early, early, sizeof early);
    progress_date_format(f->late, late, sizeof late);
    progress_date_format(f->plan_end, end, sizeof end);
    char hours[64] = "", dur[32];
    if (f->minutes > 0) {
        progress_duration_format(f->minutes > UINT32_MAX ? UINT32_MAX : (unsigned)f->minutes, dur,
                                 sizeof dur);
        snprintf(hours, sizeof hours, ", %s logged", dur);
    }
    char *range = progress_date_compare(f->early, f->late) == 0
                      ? xasprintf("Finish about %s", early)
                      : xasprintf("Finish between %s and %s", early, late);
    char *words = progress_forecast_words(f);
    char *text =
        xasprintf("%s at the pace of the last %d weeks (%zu done%s)%s%s%s%s%s", range,
                  PROGRESS_FORECAST_WEEKS, f->done_recent, hours, f->has_plan_end ? sep : "",
                  f->has_plan_end ? "the plan ends " : "", f->has_plan_end ? end : "",
                  words != NULL ? ": " : "", words != NULL ? words : "");
    free(range);
    free(words);
    return text;
}

struct progress_date progress_schedule_position(const struct progress_schedule *s,
                                                const struct progress *p, const struct guide *g)
{
    struct progress_date none = {0};
    if (s->windows == NULL) {
        return none;
    }
    size_t ph = progress_current_phase(p, g);
    if (ph >= g->n_phases) {
        return s->pace.plan_end;
    }
    const struct progress_window *w = &s->windows[ph];
    if (!progress_date_is_set(w->from)) {
        return none;
    }
    struct progress_counts c = {0};
    progress_count_phase(p, g, ph, &c);
    int64_t from = progress_date_days(w->from), to = progress_date_days(w->to);
    return progress_date_from_days(from + (to - from + 1) * progress_percent(&c) / 100);
}

bool progress_schedule_lag(const struct progress_schedule *s, const struct progress *p,
                           const struct guide *g, struct progress_date today, long *days)
{
    *days = 0;
    if (s->pace.when == PROGRESS_PACE_BEFORE) {
        return false;
    }
    struct progress_date pos = progress_schedule_position(s, p, g);
    if (p == NULL || !progress_date_is_set(pos)) {
        return false;
    }
    *days = (long)(progress_date_days(today) - progress_date_days(pos));
    return true;
}

void progress_lag_words(long days, char *buf, size_t size)
{
    long weeks = (labs(days) + 3) / 7;
    if (weeks == 0) {
        snprintf(buf, size, "on schedule");
    } else {
        snprintf(buf, size, "about %ld week%s %s", weeks, weeks == 1 ? "" : "s",
                 days > 0 ? "behind" : "ahead");
    }
}

char *progress_pace_line(const struct progress_schedule *s, const struct progress *p,
                         const struct guide *g, struct progress_date today, unsigned text_flags)
{
    char *line = progress_pace_text(&s->pace, text_flags);
    if (line == NULL ||
        (s->pace.when != PROGRESS_PACE_DURING && s->pace.when != PROGRESS_PACE_AFTER)) {
        return line;
    }
    char words[64];
    long lag = 0;
    if (s->pace.current_phase >= g->n_phases) {
        snprintf(words, sizeof words, "every key action done or skipped");
    } else if (progress_schedule_lag(s, p, g, today, &lag)) {
        progress_lag_words(lag, words, sizeof words);
    } else {
        return line;
    }
    char *more = xasprintf("%s%s%s", line, text_sep(text_flags), words);
    free(line);
    return more;
}
