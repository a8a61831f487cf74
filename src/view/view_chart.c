/* SPDX-License-Identifier: MIT */
/* Stat charts as document lines.
 *
 * A chart is a bar line (cells filled for the guide's range) and a ruler line of labels under
 * it. Labels are placed by priority (the guide's own values first, then scale ticks) and a
 * label that would touch one already placed is dropped, so a narrow terminal gets fewer labels,
 * never overlapping ones. Glyphs are plain ASCII when the document is TEXT_ASCII. Every chart
 * adds a fixed number of lines, so anchors of later lines do not depend on the width. */
#include "view_chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define MAX_LABELS 16
#define LABEL_SIZE 32

struct label {
    int col; /* first column, relative to the bar */
    char text[LABEL_SIZE];
    enum view_role role;
};

struct ruler {
    struct label l[MAX_LABELS];
    int n;
    int cells;
};

static long power_step(long max)
{
    long step = 1;
    while (step <= max / 10) {
        step *= 10;
    }
    return step;
}

long view_chart_scale_end(long max, long step)
{
    if (max < 1) {
        return 1;
    }
    if (step <= 0) {
        step = power_step(max);
    }
    long end = (max + step - 1) / step * step;
    return end < 1 ? 1 : end;
}

void view_chart_span(long lo, long hi, long scale_end, int cells, int *first, int *last)
{
    if (scale_end < 1) {
        scale_end = 1;
    }
    if (cells < 1) {
        *first = *last = 0;
        return;
    }
    lo = lo < 0 ? 0 : (lo > scale_end ? scale_end : lo);
    hi = hi < lo ? lo : (hi > scale_end ? scale_end : hi);
    /* Floor for the start, ceiling for the end: the bar covers every cell the range touches. */
    long f = lo * cells / scale_end;
    long l = (hi * cells + scale_end - 1) / scale_end - 1;
    if (f >= cells) {
        f = cells - 1;
    }
    if (l < f) {
        l = f;
    }
    *first = (int)f;
    *last = (int)l;
}

static const char *currency_symbol(const char *currency, bool ascii)
{
    static const struct {
        const char *code, *symbol;
        bool is_ascii;
    } map[] = {
        {"USD", "$", true},  {"CAD", "CA$", true}, {"AUD", "A$", true},
        {"EUR", "€", false}, {"GBP", "£", false},  {"JPY", "¥", false},
    };
    for (size_t i = 0; currency != NULL && i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(currency, map[i].code) == 0 && (map[i].is_ascii || !ascii)) {
            return map[i].symbol;
        }
    }
    return NULL;
}

char *view_chart_money(long amount, const char *currency, bool ascii, char *buf, size_t size)
{
    const char *sym = currency_symbol(currency, ascii);
    char pre[16] = "";
    if (sym != NULL) {
        snprintf(pre, sizeof pre, "%s", sym);
    } else if (currency != NULL) {
        snprintf(pre, sizeof pre, "%.3s ", currency);
    }
    long unit = 1;
    const char *suffix = "";
    if (amount >= 1000000 || amount <= -1000000) {
        unit = 1000000, suffix = "M";
    } else if (amount >= 1000 || amount <= -1000) {
        unit = 1000, suffix = "k";
    }
    long whole = amount / unit, tenth = (amount % unit) * 10 / unit;
    if (tenth != 0) {
        snprintf(buf, size, "%s%ld.%ld%s", pre, whole, tenth < 0 ? -tenth : tenth, suffix);
    } else {
        snprintf(buf, size, "%s%ld%s", pre, whole, suffix);
    }
    return buf;
}

int view_chart_cells(int width)
{
    return width < VIEW_CHART_MAX_CELLS ? width : VIEW_CHART_MAX_CELLS;
}

static int chart_cells(const struct view_doc *d, int indent)
{
    return view_chart_cells(d->width - indent);
}

/* Adds a label unless it would touch one already placed (one column apart at least). */
static void ruler_add(struct ruler *r, int col, bool right_align, enum view_role role,
                      const char *text)
{
    if (r->n == MAX_LABELS) {
        return;
    }
    int w = (int)strlen(text);
    if (right_align) {
        col = col + 1 - w;
    }
    if (col + w > r->cells) {
        col = r->cells - w;
    }
    if (col < 0 || w > r->cells) {
        return;
    }
    for (int i = 0; i < r->n; i++) {
        int s = r->l[i].col, e = s + (int)strlen(r->l[i].text);
        if (col < e + 1 && s < col + w + 1) {
            return;
        }
    }
    struct label *l = &r->l[r->n++];
    l->col = col;
    l->role = role;
    snprintf(l->text, sizeof l->text, "%s", text);
}

static int label_cmp(const void *a, const void *b)
{
    const struct label *x = a, *y = b;
    return (x->col > y->col) - (x->col < y->col);
}

static void ruler_emit(struct view_doc *d, struct ruler *r, int indent)
{
    qsort(r->l, (size_t)r->n, sizeof r->l[0], label_cmp);
    view_doc_begin_line(d);
    for (int i = 0; i < r->n; i++) {
        view_doc_pad_to(d, indent + r->l[i].col);
        view_doc_puts(d, r->l[i].role, r->l[i].text);
    }
    view_doc_end_line(d);
}

static void bar_emit(struct view_doc *d, int indent, int cells, int first, int last)
{
    bool ascii = (d->text_flags & TEXT_ASCII) != 0;
    const char *full = ascii ? "#" : "█", *empty = ascii ? "-" : "░";
    view_doc_begin_line(d);
    view_doc_pad_to(d, indent);
    for (int c = 0; c < cells; c++) {
        bool on = c >= first && c <= last;
        view_doc_puts(d, on ? VIEW_ROLE_BAR : VIEW_ROLE_BAR_EMPTY, on ? full : empty);
    }
    view_doc_end_line(d);
}

/* A range lo..hi on 0..end with tick labels every `tick`; fmt formats a value. */
typedef void (*label_fn)(long v, const struct guide_stats *st, bool ascii, char *buf, size_t size);

static size_t range_chart(struct view_doc *d, const struct guide_stats *st, int indent, long lo,
                          long hi, long end, long tick, label_fn fmt)
{
    int cells = chart_cells(d, indent);
    if (cells < 4) {
        return 0;
    }
    bool ascii = (d->text_flags & TEXT_ASCII) != 0;
    int first, last;
    view_chart_span(lo, hi, end, cells, &first, &last);
    bar_emit(d, indent, cells, first, last);

    struct ruler r = {.n = 0, .cells = cells};
    char buf[LABEL_SIZE];
    /* The range's own values first: the end under the last cell, the start under the first
     * cell or, when that would touch the end label, just left of it. */
    int lo_col = first;
    if (hi != lo) {
        fmt(hi, st, ascii, buf, sizeof buf);
        ruler_add(&r, last, true, VIEW_ROLE_ACCENT, buf);
        if (r.n > 0) {
            lo_col = r.l[0].col;
        }
    }
    fmt(lo, st, ascii, buf, sizeof buf);
    int w = (int)strlen(buf);
    if (r.n > 0 && lo_col - 1 - w < first) {
        lo_col = lo_col - 1 - w;
    } else {
        lo_col = first;
    }
    if (lo_col >= 0) {
        ruler_add(&r, lo_col, false, VIEW_ROLE_ACCENT, buf);
    }
    for (long v = 0; tick > 0 && v <= end; v += tick) {
        if (v > lo && v < hi) {
            continue; /* the span is labelled by its ends */
        }
        int col = (int)(v * cells / end);
        fmt(v, st, ascii, buf, sizeof buf);
        ruler_add(&r, col >= cells ? cells - 1 : col, v == end, VIEW_ROLE_DIM, buf);
    }
    ruler_emit(d, &r, indent);
    return 2;
}

static void money_label(long v, const struct guide_stats *st, bool ascii, char *buf, size_t size)
{
    if (v == 0) {
        snprintf(buf, size, "0");
        return;
    }
    view_chart_money(v, st->currency, ascii, buf, size);
}

static void percent_label(long v, const struct guide_stats *st, bool ascii, char *buf, size_t size)
{
    (void)st, (void)ascii;
    snprintf(buf, size, v > 0 && v == st->growth_percent ? "+%ld%%" : "%ld%%", v);
}

static void month_label(long v, const struct guide_stats *st, bool ascii, char *buf, size_t size)
{
    (void)st, (void)ascii;
    snprintf(buf, size, "%ld", v);
}

size_t view_chart_salary(struct view_doc *d, const struct guide_stats *st, int indent)
{
    if (!st->has_salary_range || st->salary_max <= 0 || st->salary_min < 0) {
        return 0;
    }
    /* 250000 -> a scale 0..300000 with a tick every 100000. */
    long step = power_step(st->salary_max);
    long end = view_chart_scale_end(st->salary_max, step);
    return range_chart(d, st, indent, st->salary_min, st->salary_max, end, step, money_label);
}

size_t view_chart_growth(struct view_doc *d, const struct guide_stats *st, int indent)
{
    if (!st->has_growth_percent || st->growth_percent <= 0) {
        return 0;
    }
    long end = view_chart_scale_end(st->growth_percent, 100);
    return range_chart(d, st, indent, 0, st->growth_percent, end, end / 2, percent_label);
}

size_t view_chart_time(struct view_doc *d, const struct guide_stats *st, int indent)
{
    if (!st->has_time_range || st->time_max_months <= 0) {
        return 0;
    }
    /* Months read best in quarters; a long career change in years. */
    long step = st->time_max_months > 24 ? 12 : 3;
    long end = view_chart_scale_end(st->time_max_months, step);
    return range_chart(d, st, indent, st->time_min_months, st->time_max_months, end, step,
                       month_label);
}

/* "Advanced" for GUIDE_LEVEL_ADVANCED, into buf. */
static void level_title(enum guide_level level, char *buf, size_t size)
{
    const char *name = guide_level_name(level);
    snprintf(buf, size, "%s", name != NULL ? name : "");
    if (buf[0] >= 'a' && buf[0] <= 'z') {
        buf[0] = (char)(buf[0] - 'a' + 'A');
    }
}

size_t view_chart_difficulty(struct view_doc *d, const struct guide_stats *st, int indent)
{
    int levels = GUIDE_LEVEL_MAX, cells = chart_cells(d, indent);
    int seg = (cells - (levels - 1)) / levels;
    if (st->level == GUIDE_LEVEL_NONE || seg < 1) {
        return 0;
    }
    bool ascii = (d->text_flags & TEXT_ASCII) != 0;
    const char *full = ascii ? "#" : "█", *empty = ascii ? "-" : "░";
    view_doc_begin_line(d);
    view_doc_pad_to(d, indent);
    for (int lv = 1; lv <= levels; lv++) {
        bool on = lv <= (int)st->level;
        for (int c = 0; c < seg; c++) {
            view_doc_puts(d, on ? VIEW_ROLE_BAR : VIEW_ROLE_BAR_EMPTY, on ? full : empty);
        }
        view_doc_pad_to(d, indent + lv * (seg + 1));
    }
    view_doc_end_line(d);

    /* Names under their segments; when one does not fit, every other level gets its initial. */
    char names[GUIDE_LEVEL_MAX + 1][LABEL_SIZE];
    bool all_fit = true;
    for (int lv = 1; lv <= levels; lv++) {
        level_title((enum guide_level)lv, names[lv], sizeof names[lv]);
        all_fit = all_fit && (int)strlen(names[lv]) <= seg;
    }
    struct ruler r = {.n = 0, .cells = cells};
    ruler_add(&r, ((int)st->level - 1) * (seg + 1), false, VIEW_ROLE_ACCENT, names[st->level]);
    for (int lv = 1; lv <= levels; lv++) {
        if (!all_fit) {
            names[lv][1] = '\0';
        }
        ruler_add(&r, (lv - 1) * (seg + 1), false, VIEW_ROLE_DIM, names[lv]);
    }
    ruler_emit(d, &r, indent);
    return 2;
}
