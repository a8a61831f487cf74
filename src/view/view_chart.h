/* SPDX-License-Identifier: MIT */
/* Charts for the guide's header stats, laid out as document lines: a range bar on a labelled
 * scale (salary, time to career), a percentage bar (job growth) and a level gauge
 * (difficulty). Only numbers the guide gives are drawn; a scale's end is derived from them
 * (view_chart_scale_end()). */
#ifndef TRAIL_VIEW_CHART_H
#define TRAIL_VIEW_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "guide.h"
#include "view.h"

/* The widest a chart's bar gets, in columns. */
#define VIEW_CHART_MAX_CELLS 60

/* max rounded up to a multiple of step (> 0): 250000, 100000 -> 300000; 12, 6 -> 12.
 * With step <= 0 the step is the largest power of ten not above max. Returns >= 1. */
long view_chart_scale_end(long max, long step);

/* The cells [*first, *last] of a `cells`-wide bar covering lo..hi on the scale 0..scale_end.
 * The span is never empty: a range narrower than a cell still fills one. */
void view_chart_span(long lo, long hi, long scale_end, int cells, int *first, int *last);

/* Formats an amount of money compactly ("$100k", "$1.5M", "EUR 950") into buf; currency is an
 * ISO 4217 code or NULL (no symbol). ascii: never use a non-ASCII symbol. Returns buf. */
char *view_chart_money(long amount, const char *currency, bool ascii, char *buf, size_t size);

/* The cells of the bars for a document of width w. */
int view_chart_cells(int width);

/* Each adds its chart, indented by `indent` columns, when the guide has the numbers;
 * each returns the number of lines it added (0 when the stat has no numbers). */
size_t view_chart_salary(struct view_doc *d, const struct guide_stats *st, int indent);
size_t view_chart_growth(struct view_doc *d, const struct guide_stats *st, int indent);
size_t view_chart_time(struct view_doc *d, const struct guide_stats *st, int indent);
size_t view_chart_difficulty(struct view_doc *d, const struct guide_stats *st, int indent);

#endif
