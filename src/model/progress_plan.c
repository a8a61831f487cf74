/* SPDX-License-Identifier: MIT */
/* The plan: what is left, the next action, certification counts and pace.
 *
 * Everything is derived on demand from the guide and the document; nothing is cached, so the
 * browser and the command line always agree with the saved states. Pace counts calendar
 * months from the start date with clamping (progress_date_add_months()), never fixed 30-day
 * blocks, so a month always begins on the start's day of the month or that month's last day. */
#include "progress_plan.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

size_t progress_list_left(const struct progress *p, const struct guide *g,
                          struct progress_left_item **out)
{
    const struct progress_guide *pg = progress_find_guide(p, g->id);
    struct progress_left_item *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < g->n_phases; i++) {
        for (size_t a = 0; a < g->phases[i].n_actions; a++) {
            enum progress_state st = progress_action_state(pg, &g->phases[i], a);
            if (st != PROGRESS_TODO && st != PROGRESS_IN_PROGRESS) {
                continue;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                v = xreallocarray(v, cap, sizeof *v);
            }
            v[n++] = (struct progress_left_item){i, a, st};
        }
    }
    *out = v;
    return n;
}

bool progress_next_action(const struct progress *p, const struct guide *g, size_t phase,
                          size_t action, size_t *out_phase, size_t *out_action)
{
    struct progress_left_item *left = NULL;
    size_t n = progress_list_left(p, g, &left);
    size_t pick = n;
    if (phase == SIZE_MAX) { /* from no action: the first in progress */
        for (size_t i = 0; i < n && pick == n; i++) {
            if (left[i].state == PROGRESS_IN_PROGRESS) {
                pick = i;
            }
        }
    } else { /* the first after (phase, action) in guide order */
        for (size_t i = 0; i < n && pick == n; i++) {
            if (left[i].phase > phase || (left[i].phase == phase && left[i].action > action)) {
                pick = i;
            }
        }
    }
    if (pick == n && n > 0) { /* else the first: wrapping around */
        pick = 0;
    }
    if (pick < n) {
        *out_phase = left[pick].phase;
        *out_action = left[pick].action;
    }
    free(left);
    return pick < n;
}

bool progress_suggest_next(const struct progress *p, const struct guide *g, size_t *phase,
                           size_t *action)
{
    return progress_next_action(p, g, SIZE_MAX, 0, phase, action);
}

void progress_count_certs(const struct progress *p, const struct guide *g,
                          struct progress_date today, struct progress_cert_counts *c)
{
    memset(c, 0, sizeof *c);
    struct progress_date upcoming = {0}, earliest = {0};
    for (size_t i = 0; i < g->n_certs; i++) {
        struct progress_cert_info info;
        if (!progress_get_cert(p, g->id, g->certs[i].id, &info)) {
            continue;
        }
        switch (info.status) {
        case PROGRESS_CERT_INTERESTED:
            c->interested++;
            break;
        case PROGRESS_CERT_STUDYING:
            c->studying++;
            break;
        case PROGRESS_CERT_EXAM_BOOKED:
            c->booked++;
            if (progress_date_is_set(info.exam) &&
                (!progress_date_is_set(earliest) ||
                 progress_date_compare(info.exam, earliest) < 0)) {
                earliest = info.exam;
            }
            if (progress_date_is_set(info.exam) && progress_date_compare(info.exam, today) >= 0 &&
                (!progress_date_is_set(upcoming) ||
                 progress_date_compare(info.exam, upcoming) < 0)) {
                upcoming = info.exam;
            }
            break;
        case PROGRESS_CERT_PASSED:
            if (progress_date_is_set(info.expires) &&
                progress_date_compare(info.expires, today) < 0) {
                c->expired++;
            } else {
                c->passed++;
            }
            break;
        case PROGRESS_CERT_NONE:
            break;
        }
    }
    c->next_exam = progress_date_is_set(upcoming) ? upcoming : earliest;
}

/* Appends ", part" (the separator first unless buf is empty) to the string at *buf. */
static void append(char **buf, const char *sep, const char *part)
{
    char *old = *buf;
    *buf = xasprintf("%s%s%s", old != NULL ? old : "", old != NULL ? sep : "", part);
    free(old);
}

static void append_count(char **buf, const char *sep, size_t n, const char *what)
{
    if (n > 0) {
        char part[64];
        snprintf(part, sizeof part, "%zu %s", n, what);
        append(buf, sep, part);
    }
}

char *progress_certs_text(const struct progress_cert_counts *c, unsigned text_flags)
{
    const char *sep = text_sep(text_flags);
    char *buf = NULL;
    append_count(&buf, sep, c->passed, "passed");
    append_count(&buf, sep, c->expired, "expired");
    if (c->booked > 0) {
        char date[PROGRESS_DATE_SIZE], part[96];
        progress_date_format(c->next_exam, date, sizeof date);
        if (c->booked == 1) {
            snprintf(part, sizeof part, "1 exam %s%s", date[0] ? "on " : "booked", date);
        } else {
            snprintf(part, sizeof part, "%zu exams booked%s%s", c->booked,
                     date[0] ? ", next on " : "", date);
        }
        append(&buf, sep, part);
    }
    append_count(&buf, sep, c->studying, "studying");
    append_count(&buf, sep, c->interested, "interested");
    return buf;
}

int progress_plan_months(const struct guide *g)
{
    int total = 0;
    for (size_t i = 0; i < g->n_phases; i++) {
        total = g->phases[i].end_month > total ? g->phases[i].end_month : total;
    }
    return total;
}

/* The month of the plan holding today (today on or after start): the largest n with
 * add_months(start, n - 1) <= today. */
static int month_of(struct progress_date start, struct progress_date today)
{
    long diff = ((long)today.year - start.year) * 12 + (today.month - start.month);
    if (progress_date_compare(progress_date_add_months(start, (int)diff), today) > 0) {
        diff--;
    }
    return (int)diff + 1;
}

void progress_compute_pace(const struct progress *p, const struct guide *g,
                           struct progress_date today, struct progress_pace *out)
{
    memset(out, 0, sizeof *out);
    out->current_phase = progress_current_phase(p, g);
    if (!progress_get_start(p, g->id, &out->start)) {
        return;
    }
    out->total_months = progress_plan_months(g);
    if (out->total_months == 0) {
        out->when = PROGRESS_PACE_NO_PLAN;
        return;
    }
    struct progress_date after = progress_date_add_months(out->start, out->total_months);
    out->plan_end = progress_date_from_days(progress_date_days(after) - 1);
    if (progress_date_compare(today, out->start) < 0) {
        out->when = PROGRESS_PACE_BEFORE;
        out->days_to_start = (long)(progress_date_days(out->start) - progress_date_days(today));
        return;
    }
    if (progress_date_compare(today, after) >= 0) {
        out->when = PROGRESS_PACE_AFTER;
        return;
    }
    out->when = PROGRESS_PACE_DURING;
    out->month = month_of(out->start, today);
    out->month_began = progress_date_add_months(out->start, out->month - 1);
}

char *progress_pace_text(const struct progress_pace *pace, unsigned text_flags)
{
    char start[PROGRESS_DATE_SIZE], end[PROGRESS_DATE_SIZE];
    progress_date_format(pace->start, start, sizeof start);
    progress_date_format(pace->plan_end, end, sizeof end);
    const char *sep = text_sep(text_flags);
    switch (pace->when) {
    case PROGRESS_PACE_UNSET:
        return NULL;
    case PROGRESS_PACE_NO_PLAN:
        return xasprintf("Started %s; the guide gives no months for its phases", start);
    case PROGRESS_PACE_BEFORE:
        return xasprintf("Starts in %ld day%s (%s)%s%d month%s planned", pace->days_to_start,
                         pace->days_to_start == 1 ? "" : "s", start, sep, pace->total_months,
                         pace->total_months == 1 ? "" : "s");
    case PROGRESS_PACE_AFTER:
        return xasprintf("The plan's %d month%s ended on %s", pace->total_months,
                         pace->total_months == 1 ? "" : "s", end);
    case PROGRESS_PACE_DURING:
        break;
    }
    return xasprintf("Month %d of %d", pace->month, pace->total_months);
}
