/* SPDX-License-Identifier: MIT */
/* trail --status: see status_line.h.
 *
 * The line is built as spans (text, colour role), each already sanitised, then written up to
 * the width asked for: the cut happens on whole characters and colours never count as width.
 * Pace here is the plan's measure of behind or ahead (progress_schedule_lag(): where the
 * learner's ticks put them on the dated plan, against today), worked out once with the plan;
 * "on track" within three days. */
#include "status_line.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "progress_plan.h"
#include "progress_report_out.h"
#include "progress_schedule.h"
#include "progress_streak.h"
#include "text.h"
#include "xalloc.h"

#define STATUS_MAX_SPANS 256 /* a format with more parts prints the first ones */

enum status_role { ROLE_PLAIN, ROLE_GUIDE, ROLE_BEHIND, ROLE_AHEAD };

struct span {
    char *text; /* sanitised, owned */
    enum status_role role;
};

struct line {
    struct span v[STATUS_MAX_SPANS];
    size_t n;
};

/* The facts a line can show, computed once. */
struct facts {
    const char *guide;
    struct progress_counts counts;
    const char *next; /* borrowed from the guide; NULL when nothing is left */
    char pace[48];
    enum status_role pace_role;
    unsigned streak; /* days in a row with learning, up to today or yesterday */
    char streak_text[24];
};

static const char *const placeholders[] = {"guide", "done", "total", "percent",
                                           "next",  "pace", "streak"};

/* The index of the placeholder at s (just after "%{"), its length in *len; -1 when unknown. */
static int placeholder_at(const char *s, size_t *len)
{
    const char *end = strchr(s, '}');
    if (end == NULL) {
        return -1;
    }
    *len = (size_t)(end - s);
    for (size_t i = 0; i < sizeof placeholders / sizeof placeholders[0]; i++) {
        if (strlen(placeholders[i]) == *len && strncmp(s, placeholders[i], *len) == 0) {
            return (int)i;
        }
    }
    return -1;
}

int status_line_check(const char *fmt, char **cause)
{
    for (const char *s = fmt; s != NULL && (s = strstr(s, "%{")) != NULL; s += 2) {
        size_t len = 0;
        if (placeholder_at(s + 2, &len) < 0) {
            if (cause != NULL) {
                *cause = strchr(s + 2, '}') == NULL
                             ? xstrdup("a %{ without its closing }")
                             : xasprintf("unknown placeholder %%{%.*s}; known: %%{guide} %%{done} "
                                         "%%{total} %%{percent} %%{next} %%{pace} %%{streak}",
                                         (int)len, s + 2);
            }
            return -1;
        }
    }
    return 0;
}

bool status_line_needs_journal(const char *fmt)
{
    return fmt != NULL && strstr(fmt, "%{streak}") != NULL;
}

unsigned status_line_parts(const char *fmt)
{
    if (fmt == NULL) {
        return GUIDE_PART_INFO | GUIDE_PART_PATH;
    }
    static const char *const need_path[] = {"%{done}", "%{total}", "%{percent}", "%{next}",
                                            "%{pace}"};
    for (size_t i = 0; i < sizeof need_path / sizeof need_path[0]; i++) {
        if (strstr(fmt, need_path[i]) != NULL) {
            return GUIDE_PART_INFO | GUIDE_PART_PATH;
        }
    }
    return GUIDE_PART_INFO;
}

/* "5 d" under two weeks, else "3 wk": the weeks rounded to the nearest, as Home and the
 * timeline count them (progress_lag_words()), so the prompt and the browser say one number. */
static void put_days(char *buf, size_t size, const char *before, long days, const char *after)
{
    if (days < 14) {
        snprintf(buf, size, "%s%ld d%s", before, days, after);
    } else {
        snprintf(buf, size, "%s%ld wk%s", before, (days + 3) / 7, after);
    }
}

/* The pace from the dated plan, worked out once: its pace (before, during, after the plan) and,
 * while it runs, the plan's measure of behind (progress_schedule_lag()), as the timeline gives
 * it. */
static void compute_pace(const struct progress *p, const struct guide *g,
                         struct progress_date today, struct facts *f)
{
    f->pace_role = ROLE_PLAIN;
    f->pace[0] = '\0';
    struct progress_schedule s;
    progress_schedule_compute(p, g, today, 0, &s);
    const struct progress_pace *pace = &s.pace;
    bool running = pace->when == PROGRESS_PACE_DURING || pace->when == PROGRESS_PACE_AFTER;
    long days = 0; /* no dated plan, or nothing done to measure by: no pace */
    if (pace->when == PROGRESS_PACE_BEFORE) {
        put_days(f->pace, sizeof f->pace, "starts in ", pace->days_to_start, "");
    } else if (running && pace->current_phase >= g->n_phases) {
        snprintf(f->pace, sizeof f->pace, "all done");
        f->pace_role = ROLE_AHEAD;
    } else if (running && progress_schedule_lag(&s, p, g, today, &days)) {
        if (days >= 4) {
            put_days(f->pace, sizeof f->pace, "", days, " behind");
            f->pace_role = ROLE_BEHIND;
        } else if (days <= -4) {
            put_days(f->pace, sizeof f->pace, "", -days, " ahead");
            f->pace_role = ROLE_AHEAD;
        } else {
            snprintf(f->pace, sizeof f->pace, "on track");
        }
    }
    progress_schedule_free(&s);
}

static void compute(const struct guide *g, const struct progress *p, struct progress_date today,
                    bool need_path, bool need_streak, struct facts *f)
{
    memset(f, 0, sizeof *f);
    f->guide = g->short_title != NULL ? g->short_title : g->title;
    if (need_streak) {
        struct progress_streak st;
        progress_streak_compute(progress_find_guide(p, g->id), today, &st);
        f->streak = st.current;
        snprintf(f->streak_text, sizeof f->streak_text, "%u d", st.current);
    }
    if (!need_path) {
        return;
    }
    progress_count_guide(p, g, &f->counts);
    size_t ph, ac;
    if (progress_suggest_next(p, g, &ph, &ac)) {
        f->next = g->phases[ph].actions[ac].text;
    }
    compute_pace(p, g, today, f);
}

static void add_span(struct line *l, const char *s, size_t len, enum status_role role,
                     unsigned flags)
{
    if (l->n < STATUS_MAX_SPANS && len > 0) {
        l->v[l->n++] = (struct span){text_sanitize(s, len, flags | TEXT_ONE_LINE, NULL), role};
    }
}

static void add_str(struct line *l, const char *s, enum status_role role, unsigned flags)
{
    if (s != NULL) {
        add_span(l, s, strlen(s), role, flags);
    }
}

static void add_placeholder(struct line *l, int which, const struct facts *f, unsigned flags)
{
    char num[32];
    size_t total = f->counts.total - f->counts.skipped;
    switch (which) {
    case 0:
        add_str(l, f->guide, ROLE_GUIDE, flags);
        return;
    case 1:
    case 2:
    case 3:
        snprintf(num, sizeof num, "%zu", which == 1 ? f->counts.done : total);
        if (which == 3) {
            snprintf(num, sizeof num, "%u%%", progress_percent(&f->counts));
        }
        add_str(l, num, ROLE_PLAIN, flags);
        return;
    case 4:
        add_str(l, f->next, ROLE_PLAIN, flags);
        return;
    case 5:
        add_str(l, f->pace, f->pace_role, flags);
        return;
    default: /* %{streak} */
        add_str(l, f->streak_text, ROLE_PLAIN, flags);
        return;
    }
}

static void build_format(struct line *l, const char *fmt, const struct facts *f, unsigned flags)
{
    const char *lit = fmt;
    for (const char *s = fmt; *s != '\0';) {
        size_t len = 0;
        int which = s[0] == '%' && s[1] == '{' ? placeholder_at(s + 2, &len) : -1;
        if (which < 0 && !(s[0] == '%' && s[1] == '%')) {
            s++;
            continue;
        }
        add_span(l, lit, (size_t)(s - lit), ROLE_PLAIN, flags);
        if (which >= 0) {
            add_placeholder(l, which, f, flags);
            s += len + 3;
        } else {
            add_span(l, "%", 1, ROLE_PLAIN, flags);
            s += 2;
        }
        lit = s;
    }
    add_span(l, lit, strlen(lit), ROLE_PLAIN, flags);
}

static void build_default(struct line *l, const struct facts *f, unsigned flags)
{
    const char *sep = text_sep(flags);
    char num[48];
    add_str(l, f->guide, ROLE_GUIDE, flags);
    snprintf(num, sizeof num, " %zu/%zu", f->counts.done, f->counts.total - f->counts.skipped);
    add_str(l, num, ROLE_PLAIN, flags);
    if (f->next != NULL) {
        add_str(l, sep, ROLE_PLAIN, flags);
        add_str(l, "next: ", ROLE_PLAIN, flags);
        add_str(l, f->next, ROLE_PLAIN, flags);
    }
    if (f->pace[0] != '\0') {
        add_str(l, sep, ROLE_PLAIN, flags);
        add_str(l, f->pace, f->pace_role, flags);
    }
}

static const char *sgr(enum status_role role)
{
    switch (role) {
    case ROLE_GUIDE:
        return "\x1b[1m";
    case ROLE_BEHIND:
        return "\x1b[31m";
    case ROLE_AHEAD:
        return "\x1b[32m";
    case ROLE_PLAIN:
        break;
    }
    return NULL;
}

/* Writes the spans, cut to width columns (0: no cap) with an ellipsis at the cut. */
static void put_line(const struct line *l, int width, bool color, unsigned flags, FILE *out)
{
    const char *dots = text_ellipsis(flags);
    int dots_w = (flags & TEXT_ASCII) ? 3 : 1;
    int total = 0;
    for (size_t i = 0; i < l->n; i++) {
        total += text_width(l->v[i].text, strlen(l->v[i].text));
    }
    bool cut = width > 0 && total > width;
    int room = cut ? width - dots_w : INT32_MAX;
    for (size_t i = 0; i < l->n && room > 0; i++) {
        const char *s = l->v[i].text;
        int cols = 0;
        size_t n = text_fit(s, strlen(s), room, &cols);
        const char *on = color ? sgr(l->v[i].role) : NULL;
        fputs(on != NULL ? on : "", out);
        fwrite(s, 1, n, out);
        fputs(on != NULL ? "\x1b[0m" : "", out);
        room -= cols;
        if (n < strlen(s)) {
            break;
        }
    }
    fputs(cut ? dots : "", out);
    fputc('\n', out);
}

int status_line_print(const struct guide *g, const struct progress *p, const char *fmt, int width,
                      bool color, struct progress_date today, unsigned text_flags, FILE *out)
{
    struct facts f;
    compute(g, p, today, (status_line_parts(fmt) & GUIDE_PART_PATH) != 0,
            status_line_needs_journal(fmt), &f);
    struct line *l = xcalloc(1, sizeof *l);
    if (fmt != NULL) {
        build_format(l, fmt, &f, text_flags);
    } else {
        build_default(l, &f, text_flags);
    }
    put_line(l, width, color, text_flags, out);
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].text);
    }
    free(l);
    return report_finish(out);
}

int status_line_json(const struct guide *g, const struct progress *p, struct progress_date today,
                     FILE *out)
{
    struct facts f;
    compute(g, p, today, true, true, &f);
    fputs("{\"format\":\"trail-status\",\"version\":1,\"guide\":{\"id\":", out);
    report_put_json_string(out, g->id);
    fputs(",\"title\":", out);
    report_put_json_string(out, f.guide);
    fprintf(out, "},\"done\":%zu,\"total\":%zu,\"percent\":%u,\"next\":", f.counts.done,
            f.counts.total - f.counts.skipped, progress_percent(&f.counts));
    report_put_json_string(out, f.next);
    fputs(",\"pace\":", out);
    report_put_json_string(out, f.pace[0] != '\0' ? f.pace : NULL);
    fprintf(out, ",\"streak\":%u}\n", f.streak);
    return report_finish(out);
}
