/* SPDX-License-Identifier: MIT */
/* The Today screen, the timeline and the heat map: see view_today.h.
 *
 * The timeline maps the plan's days onto the columns left after the phase names: column c
 * holds the days [c * span / cols, (c + 1) * span / cols), so every phase gets at least the
 * columns its days cover and the today marker falls in the column of today's day. A phase's
 * bar is filled from the left as far as its key actions are done (the same rounding as the
 * progress bars), so ahead and behind show as the fill against the today column. */
#include "view_today.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_journal.h"
#include "text.h"
#include "view_plan.h"
#include "view_progress.h"
#include "xalloc.h"

#define LABEL_MAX 22 /* columns for a phase's name in the timeline */

void view_today_compute(struct view_today *t, const struct guide *g, const struct progress *p,
                        struct progress_date today, unsigned hours_per_week)
{
    memset(t, 0, sizeof *t);
    t->today = today;
    t->hours_per_week = hours_per_week;
    struct progress *none = p == NULL ? progress_new() : NULL;
    const struct progress *doc = p != NULL ? p : none;
    progress_schedule_compute(doc, g, today, hours_per_week, &t->plan);
    t->hours_per_week = t->plan.hours_per_week; /* the progress file's, when it sets them */
    progress_forecast_compute(doc, g, today, &t->plan, &t->forecast);
    const struct progress_guide *pg = progress_find_guide(doc, g->id);
    progress_streak_compute(pg, today, &t->streak);
    struct progress_week wk;
    progress_week_of(today, &wk);
    t->week_minutes = progress_journal_minutes(pg, NULL, wk.from_ms, wk.to_ms);
    progress_free(none);
}

void view_today_done(struct view_today *t)
{
    progress_schedule_free(&t->plan);
}

/* --- Text helpers ------------------------------------------------------------------------ */

static void line(struct view_doc *d, enum view_role role, const char *s)
{
    view_doc_begin_line(d);
    view_doc_puts(d, role, s);
    view_doc_end_line(d);
}

static void dur(unsigned long minutes, char *buf, size_t size)
{
    if (minutes == 0) {
        snprintf(buf, size, "0m");
        return;
    }
    progress_duration_format(minutes > UINT32_MAX ? UINT32_MAX : (unsigned)minutes, buf, size);
}

static const char *const weekdays[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/* "Tue 12-08" for a day within a week of today, else the full date. */
static void short_date(struct progress_date d, struct progress_date today, char *buf, size_t size)
{
    int64_t diff = progress_date_days(d) - progress_date_days(today);
    if (diff == 0) {
        snprintf(buf, size, "today     ");
    } else if (diff > 0 && diff < 7) {
        snprintf(buf, size, "%s %02d-%02d", weekdays[progress_date_weekday(d)], d.month % 100,
                 d.day % 100);
    } else {
        progress_date_format(d, buf, size);
    }
}

/* --- The Today screen -------------------------------------------------------------------- */

/* Where a planned action's text starts, after its mark and date (and its note's marker). */
#define PLANNED_TEXT_COL 17

static void put_planned(struct view_doc *d, const struct guide *g, const struct progress *p,
                        const struct view_today *t, const struct progress_planned *it)
{
    const struct guide_action *a = &g->phases[it->phase].actions[it->action];
    char when[24];
    short_date(it->due, t->today, when, sizeof when);
    view_doc_begin_item(d, a->id);
    view_doc_begin_line(d);
    view_doc_puts(d, VIEW_ROLE_BODY, "  ");
    view_doc_puts(d, view_progress_mark_role(it->state), view_progress_mark(it->state));
    view_doc_puts(d, VIEW_ROLE_BODY, " ");
    view_doc_puts(d, it->overdue ? VIEW_ROLE_ERROR : VIEW_ROLE_DIM, when);
    view_doc_pad_to(d, PLANNED_TEXT_COL);
    unsigned long m =
        p != NULL ? progress_journal_minutes(progress_find_guide(p, g->id), a->id, 0, INT64_MAX)
                  : 0;
    char logged[48] = "";
    if (m > 0) {
        char buf[32];
        dur(m, buf, sizeof buf);
        snprintf(logged, sizeof logged, "  (%s logged)", buf);
    }
    char mine[32] = "";
    if (a->personal) {
        snprintf(mine, sizeof mine, " %s", view_plan_mine_marker(d->text_flags));
    }
    /* A text too long for the line ends in an ellipsis, before its marker and time logged. */
    view_doc_put_cut(d, VIEW_ROLE_BODY, a->text,
                     d->width - view_doc_line_width(d) - text_width(mine, strlen(mine)) -
                         text_width(logged, strlen(logged)));
    view_doc_puts(d, VIEW_ROLE_DIM, mine);
    view_doc_puts(d, VIEW_ROLE_DIM, logged);
    view_doc_end_line(d);
    if (p != NULL) {
        view_plan_add_note(d, progress_get_note(p, g->id, a->id), PLANNED_TEXT_COL);
    }
    view_doc_end_item(d);
}

static void put_week_line(struct view_doc *d, const struct view_today *t)
{
    char logged[32], target[32], buf[160];
    dur(t->week_minutes, logged, sizeof logged);
    if (t->hours_per_week > 0) {
        dur(t->hours_per_week * 60UL, target, sizeof target);
        snprintf(buf, sizeof buf, "This week: %s logged of %s", logged, target);
    } else {
        snprintf(buf, sizeof buf, "This week: %s logged (H sets your hours per week for a target)",
                 logged);
    }
    line(d, VIEW_ROLE_BODY, buf);
}

/* The items of the plan to show: overdue ones, this week's, and when the week holds none the
 * next one, so that there is always a next step while anything is left. */
static bool shown(const struct view_today *t, size_t i, int64_t week_end, bool *any_week)
{
    const struct progress_planned *it = &t->plan.items[i];
    if (it->overdue) {
        return true;
    }
    if (progress_date_days(it->due) <= week_end) {
        *any_week = true;
        return true;
    }
    return !*any_week && i == progress_schedule_overdue(&t->plan);
}

void view_today_screen(struct view_doc *d, const struct guide *g, const struct progress *p,
                       const struct view_today *t)
{
    char buf[256], date[PROGRESS_DATE_SIZE];
    progress_date_format(t->today, date, sizeof date);
    snprintf(buf, sizeof buf, "Today%s%s %s", text_sep(d->text_flags),
             weekdays[progress_date_weekday(t->today)], date);
    line(d, VIEW_ROLE_TITLE, buf);
    view_doc_add_blank(d);
    if (t->plan.pace.when == PROGRESS_PACE_UNSET || t->plan.pace.when == PROGRESS_PACE_NO_PLAN) {
        view_doc_add_text(d, VIEW_ROLE_BODY,
                          t->plan.pace.when == PROGRESS_PACE_UNSET
                              ? "No dated plan yet: set the day you started (S on Home, or trail "
                                "--start DATE) and trail spreads what is left over the weeks "
                                "of each phase."
                              : "This guide gives no months for its phases, so trail cannot "
                                "date a plan for it.",
                          0, NULL, VIEW_ROLE_BODY);
        view_doc_add_blank(d);
        put_week_line(d, t);
        view_doc_add_blank(d);
        view_today_streak(d, t);
        return;
    }
    size_t overdue = progress_schedule_overdue(&t->plan);
    if (t->plan.n_items > 0) {
        const struct progress_planned *next = &t->plan.items[0];
        char when[PROGRESS_DATE_SIZE];
        progress_date_format(next->due, when, sizeof when);
        view_doc_begin_line(d);
        view_doc_puts(d, VIEW_ROLE_ACCENT, "Next: ");
        snprintf(buf, sizeof buf, " (%s %s)", next->overdue ? "was due" : "due", when);
        view_doc_put_cut(d, VIEW_ROLE_ACCENT, g->phases[next->phase].actions[next->action].text,
                         d->width - view_doc_line_width(d) - text_width(buf, strlen(buf)));
        view_doc_puts(d, VIEW_ROLE_DIM, buf);
        view_doc_end_line(d);
    } else {
        line(d, VIEW_ROLE_ACCENT, "Every key action is done or skipped.");
    }
    put_week_line(d, t);
    char *fc = progress_forecast_text(&t->forecast, d->text_flags);
    view_doc_add_text(d, VIEW_ROLE_DIM, fc, 0, NULL, VIEW_ROLE_DIM);
    free(fc);
    int64_t week_end = progress_date_days(t->today) + 6 - progress_date_weekday(t->today);
    bool any_week = false;
    for (int part = 0; part < 2; part++) {
        bool heading = false;
        for (size_t i = 0; i < t->plan.n_items; i++) {
            bool late = t->plan.items[i].overdue;
            if ((part == 0) != late || !shown(t, i, week_end, &any_week)) {
                continue;
            }
            if (!heading) {
                view_doc_add_blank(d);
                snprintf(buf, sizeof buf, "%s", part == 0 ? "Overdue" : "This week");
                if (part == 0) {
                    snprintf(buf, sizeof buf, "Overdue (%zu)", overdue);
                } else if (progress_date_days(t->plan.items[i].due) > week_end) {
                    snprintf(buf, sizeof buf, "Coming next");
                }
                line(d, VIEW_ROLE_HEADING, buf);
                heading = true;
            }
            put_planned(d, g, p, t, &t->plan.items[i]);
        }
    }
    view_doc_add_blank(d);
    view_today_timeline(d, g, p, t);
    view_doc_add_blank(d);
    view_today_streak(d, t);
}

void view_today_home(struct view_doc *d, const struct guide *g, const struct progress *p,
                     const struct progress_schedule *plan, struct progress_date today, bool blank)
{
    if (p == NULL || plan == NULL || !(g->loaded & GUIDE_PART_PATH) ||
        guide_count_actions(g) == 0) {
        return;
    }
    if (plan->pace.when == PROGRESS_PACE_UNSET || plan->pace.when == PROGRESS_PACE_NO_PLAN) {
        return; /* Home's pace line says how to start a plan */
    }
    size_t overdue = progress_schedule_overdue(plan), week = 0;
    int64_t week_end = progress_date_days(today) + 6 - progress_date_weekday(today);
    for (size_t i = 0; i < plan->n_items; i++) {
        week += !plan->items[i].overdue && progress_date_days(plan->items[i].due) <= week_end;
    }
    struct progress_week wk;
    progress_week_of(today, &wk);
    char logged[32], buf[200];
    dur(progress_journal_minutes(progress_find_guide(p, g->id), NULL, wk.from_ms, wk.to_ms), logged,
        sizeof logged);
    snprintf(buf, sizeof buf, "%zu overdue%s%zu due this week%s%s logged this week", overdue,
             text_sep(d->text_flags), week, text_sep(d->text_flags), logged);
    if (blank) {
        view_doc_add_blank(d);
    }
    view_doc_begin_line(d);
    view_doc_puts(d, VIEW_ROLE_HEADING, "Today");
    view_doc_pad_to(d, 16);
    view_doc_puts(d, overdue > 0 ? VIEW_ROLE_ACCENT : VIEW_ROLE_BODY, buf);
    view_doc_puts(d, VIEW_ROLE_DIM, text_sep(d->text_flags));
    view_doc_puts(d, VIEW_ROLE_NUMBER, "T"); /* as Home names its sections' keys */
    view_doc_puts(d, VIEW_ROLE_DIM, " opens it");
    view_doc_end_line(d);
}

/* --- The timeline ------------------------------------------------------------------------ */

static const char *glyph(const struct view_doc *d, int which)
{
    static const char *const utf8[] = {"█", "░", "│", "▲", "·"};
    static const char *const ascii[] = {"#", "-", "|", "^", "."};
    return (d->text_flags & TEXT_ASCII) != 0 ? ascii[which] : utf8[which];
}
enum { G_DONE, G_LEFT, G_TODAY, G_YOU, G_EMPTY };

/* The timeline's scale: the plan's months over `cols` columns after a label column of `label`.
 * Dated, its unit is the day, from the start date; undated (no start date yet), the month of
 * the plan, from 0. */
struct scale {
    int label, cols;
    bool dated;
    struct progress_date start; /* dated */
    int months;                 /* the plan's length */
    int64_t first, span;        /* in the unit */
};

/* Sets the label column and the columns left for the bars; false when too narrow. */
static bool scale_width(struct scale *sc, const struct view_doc *d)
{
    sc->label = d->width / 4 < LABEL_MAX ? d->width / 4 : LABEL_MAX;
    sc->label = sc->label < 8 ? 8 : sc->label;
    sc->cols = d->width - sc->label - 1;
    return sc->cols >= 8;
}

/* The column of `at` (in the scale's unit); -1 before the first, cols after the last. */
static int column(int64_t at, const struct scale *sc)
{
    if (at < sc->first) {
        return -1;
    }
    int64_t c = (at - sc->first) * sc->cols / sc->span;
    return c >= sc->cols ? sc->cols : (int)c;
}

/* Where month k of the plan begins, in the scale's unit. */
static int64_t month_at(const struct scale *sc, int k)
{
    return sc->dated ? progress_date_days(progress_date_add_months(sc->start, k)) : k;
}

static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* Puts the axis's labels at every `step`-th month of the plan from its first: a month's name
 * (with the year when a year or more lies between two), or undated the month's number. Returns
 * false when two labels would touch; with d NULL it only checks. A label that would pass the
 * axis's end is left out. */
static bool put_labels(struct view_doc *d, const struct scale *sc, int step)
{
    int next_free = 0;
    for (int k = 0; k < sc->months; k += step) {
        char buf[16];
        if (sc->dated) {
            struct progress_date at = progress_date_add_months(sc->start, k);
            snprintf(buf, sizeof buf, step >= 12 ? "%s'%02d" : "%s",
                     month_names[(at.month + 11) % 12], at.year % 100);
        } else {
            snprintf(buf, sizeof buf, "%d", k + 1);
        }
        int c = column(month_at(sc, k), sc), w = (int)strlen(buf);
        if (c < next_free) {
            return false;
        }
        if (c + w > sc->cols) {
            break;
        }
        if (d != NULL) {
            view_doc_pad_to(d, sc->label + c);
            view_doc_puts(d, VIEW_ROLE_DIM, buf);
        }
        next_free = c + w + 1;
    }
    return true;
}

/* The axis: the years the plan spans (or "Month") in the label column, then the months' labels
 * at the smallest regular step at which they all fit, so that none is dropped on its own. */
static void put_axis(struct view_doc *d, const struct scale *sc)
{
    static const int steps[] = {1, 2, 3, 4, 6, 12, 24};
    int step = 0;
    for (size_t i = 0; i < sizeof steps / sizeof *steps && step == 0; i++) {
        step = put_labels(NULL, sc, steps[i]) ? steps[i] : 0;
    }
    char what[24] = "Month";
    if (sc->dated) {
        struct progress_date last = progress_date_add_months(sc->start, sc->months - 1);
        if (last.year == sc->start.year) {
            snprintf(what, sizeof what, "%d", sc->start.year % 10000);
        } else {
            snprintf(what, sizeof what, "%d-%02d", sc->start.year % 10000, last.year % 100);
        }
    }
    view_doc_begin_line(d);
    view_doc_put_cut(d, VIEW_ROLE_DIM, what, sc->label - 1);
    if (step > 0) {
        put_labels(d, sc, step);
    }
    view_doc_end_line(d);
}

/* One phase's row: its name, then its bar over columns [a, b) filled from the left as far as
 * its key actions are done, and the today marker in column today_col (-1: none). */
static void put_bar(struct view_doc *d, const struct scale *sc, const char *title,
                    const struct progress_counts *c, int a, int b, int today_col)
{
    view_doc_begin_line(d);
    view_doc_put_cut(d, VIEW_ROLE_BODY, title, sc->label - 1); /* a space after it */
    view_doc_pad_to(d, sc->label);
    int filled = view_progress_filled(c, b - a);
    int end = b > today_col + 1 ? b : today_col + 1;
    for (int k = 0; k < end && k < sc->cols; k++) {
        bool in = k >= a && k < b, done = in && k - a < filled;
        if (k == today_col) {
            view_doc_puts(d, VIEW_ROLE_ACCENT, glyph(d, G_TODAY));
        } else if (!in) {
            view_doc_puts(d, VIEW_ROLE_BODY, " ");
        } else {
            view_doc_puts(d, done ? VIEW_ROLE_BAR : VIEW_ROLE_BAR_EMPTY,
                          glyph(d, done ? G_DONE : G_LEFT));
        }
    }
    view_doc_end_line(d);
}

/* Every phase with months as a bar (dated: its window in the plan; undated: its months). */
static void put_phases(struct view_doc *d, const struct guide *g, const struct progress *p,
                       const struct view_today *t, const struct scale *sc, int today_col)
{
    struct progress *none = p == NULL ? progress_new() : NULL;
    const struct progress *doc = p != NULL ? p : none;
    for (size_t ph = 0; ph < g->n_phases; ph++) {
        const struct guide_phase *gp = &g->phases[ph];
        int64_t from = gp->start_month - 1, to = gp->end_month; /* undated: months */
        if (sc->dated) {
            const struct progress_window *w = &t->plan.windows[ph];
            if (!progress_date_is_set(w->from)) {
                continue;
            }
            from = progress_date_days(w->from);
            to = progress_date_days(w->to) + 1;
        } else if (gp->start_month < 1 || gp->end_month < gp->start_month) {
            continue;
        }
        int a = column(from, sc), b = column(to, sc);
        b = b > a ? b : a + 1;
        struct progress_counts c = {0};
        progress_count_phase(doc, g, ph, &c);
        put_bar(d, sc, gp->title, &c, a, b, today_col);
    }
    progress_free(none);
}

static void put_marker(struct view_doc *d, int label, int col, const char *what, const char *g,
                       enum view_role role)
{
    view_doc_begin_line(d);
    view_doc_puts(d, VIEW_ROLE_DIM, what);
    if (col >= 0) {
        view_doc_pad_to(d, label + col);
        view_doc_puts(d, role, g);
    }
    view_doc_end_line(d);
}

/* The dated timeline's markers (today, the position by ticks) and the sentence saying them. */
static void put_position(struct view_doc *d, const struct guide *g, const struct progress *p,
                         const struct view_today *t, const struct scale *sc, int today_col)
{
    const struct progress_schedule *s = &t->plan;
    put_marker(d, sc->label, today_col >= sc->cols ? sc->cols - 1 : today_col, "today",
               glyph(d, G_TODAY), VIEW_ROLE_ACCENT);
    struct progress_date pos = progress_schedule_position(s, p, g);
    int you = -1;
    if (p != NULL && progress_date_is_set(pos)) {
        you = column(progress_date_days(pos), sc);
        you = you >= sc->cols ? sc->cols - 1 : you;
    }
    put_marker(d, sc->label, you, "you", glyph(d, G_YOU), VIEW_ROLE_ACCENT);
    char text[256], today_s[PROGRESS_DATE_SIZE], pos_s[PROGRESS_DATE_SIZE], words[64];
    progress_date_format(t->today, today_s, sizeof today_s);
    progress_date_format(pos, pos_s, sizeof pos_s);
    long behind = 0;
    bool known = progress_schedule_lag(s, p, g, t->today, &behind);
    progress_lag_words(behind, words, sizeof words);
    if (s->pace.when == PROGRESS_PACE_BEFORE) {
        snprintf(text, sizeof text, "The plan starts in %ld days.", s->pace.days_to_start);
    } else if (!known) {
        snprintf(text, sizeof text, "Today is %s.", today_s);
    } else if ((labs(behind) + 3) / 7 == 0) {
        snprintf(text, sizeof text, "Today is %s; your ticks are where the plan is: %s.", today_s,
                 words);
    } else {
        snprintf(text, sizeof text, "Today is %s; your ticks are where the plan %s on %s: %s.",
                 today_s, behind > 0 ? "was" : "will be", pos_s, words);
    }
    view_doc_add_text(d, VIEW_ROLE_DIM, text, 0, NULL, VIEW_ROLE_DIM);
}

/* The timeline; undated only when `undated` (the plan's months without a calendar). Nothing
 * when the guide gives no months. */
static void timeline(struct view_doc *d, const struct guide *g, const struct progress *p,
                     const struct view_today *t, bool undated)
{
    const struct progress_schedule *s = &t->plan;
    struct scale sc = {.dated = s->windows != NULL};
    if (sc.dated) {
        sc.start = s->pace.start;
        sc.months = s->pace.total_months;
        sc.first = progress_date_days(s->pace.start);
        sc.span = progress_date_days(s->pace.plan_end) - sc.first + 1;
    } else {
        sc.months = undated && s->pace.when == PROGRESS_PACE_UNSET ? progress_plan_months(g) : 0;
        sc.span = sc.months;
    }
    if (sc.months <= 0 || sc.span <= 0) {
        return;
    }
    line(d, VIEW_ROLE_HEADING, "Timeline");
    if (!scale_width(&sc, d)) {
        line(d, VIEW_ROLE_DIM, "(too narrow for the timeline)");
        return;
    }
    put_axis(d, &sc);
    int64_t now = progress_date_days(t->today);
    int today_col = sc.dated && now >= sc.first ? column(now, &sc) : -1;
    put_phases(d, g, p, t, &sc, today_col);
    if (sc.dated) {
        put_position(d, g, p, t, &sc, today_col);
    } else {
        view_doc_add_text(d, VIEW_ROLE_DIM,
                          "No start date yet: S on Home (or trail --start DATE) puts the plan "
                          "on the calendar, with today and your position on it.",
                          0, NULL, VIEW_ROLE_DIM);
    }
}

void view_today_timeline(struct view_doc *d, const struct guide *g, const struct progress *p,
                         const struct view_today *t)
{
    timeline(d, g, p, t, false);
}

void view_today_path_timeline(struct view_doc *d, const struct guide *g, const struct progress *p,
                              const struct view_today *t)
{
    timeline(d, g, p, t, true);
}

/* --- The streak -------------------------------------------------------------------------- */

void view_today_streak(struct view_doc *d, const struct view_today *t)
{
    static const char *const utf8[] = {"·", "░", "▒", "█", " "};
    static const char *const ascii[] = {".", ":", "+", "#", " "};
    const char *const *gl = (d->text_flags & TEXT_ASCII) != 0 ? ascii : utf8;
    const struct progress_streak *st = &t->streak;
    char buf[160];
    snprintf(buf, sizeof buf, "Streak: %u day%s%slongest %u%s%u active day%s in 12 weeks",
             st->current, st->current == 1 ? "" : "s", text_sep(d->text_flags), st->longest,
             text_sep(d->text_flags), st->active_days, st->active_days == 1 ? "" : "s");
    line(d, VIEW_ROLE_HEADING, buf);
    int cellw = d->width >= 4 + 2 * PROGRESS_STREAK_WEEKS ? 2 : 1;
    if (d->width < 4 + PROGRESS_STREAK_WEEKS) {
        return;
    }
    for (int wd = 0; wd < 7; wd++) {
        view_doc_begin_line(d);
        view_doc_puts(d, VIEW_ROLE_DIM, weekdays[wd]);
        view_doc_puts(d, VIEW_ROLE_DIM, " ");
        for (int w = 0; w < PROGRESS_STREAK_WEEKS; w++) {
            unsigned h = st->heat[w * 7 + wd];
            view_doc_puts(d, h >= HEAT_LOW && h <= HEAT_HIGH ? VIEW_ROLE_BAR : VIEW_ROLE_BAR_EMPTY,
                          gl[h]);
            if (cellw == 2 && w + 1 < PROGRESS_STREAK_WEEKS) {
                view_doc_puts(d, VIEW_ROLE_BODY, " ");
            }
        }
        view_doc_end_line(d);
    }
    snprintf(buf, sizeof buf, "%s none  %s a little  %s some  %s an hour or more", gl[0], gl[1],
             gl[2], gl[3]);
    line(d, VIEW_ROLE_DIM, buf);
}
