/* SPDX-License-Identifier: MIT */
/* --json for the reports that print text: trail --check, --list and --search (--progress
 * --json is --export json, --status --json is status_line_json()). Each prints one JSON object
 * with "format" and "version" keys, described by a JSON Schema in docs/schemas/; strings are
 * escaped so that the output is safe on a terminal. Each returns 0, or 1 when out could not be
 * written. */
#ifndef TRAIL_JSON_REPORT_H
#define TRAIL_JSON_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "guide.h"
#include "progress.h"

/* trail --check --json: the guide directory dir, its messages in d, and what g (NULL when it
 * did not load) holds. Format "trail-check" (check.schema.json). */
int json_report_check(const char *dir, const struct guide *g, const struct diag *d, FILE *out);

/* trail --list --json, one guide at a time: json_report_list_begin(), then for each guide
 * json_report_list_guide() (g NULL: invalid, with its directory), then json_report_list_end().
 * Format "trail-list" (list.schema.json). */
void json_report_list_begin(FILE *out);
void json_report_list_guide(const char *id, const char *dir, const struct guide *g,
                            unsigned percent, bool selected, bool first, FILE *out);
int json_report_list_end(FILE *out);

/* trail --search --json: every entry of g matching query, in guide order, with the learner's
 * notes in p (may be NULL; a note field says "note": true). Format "trail-search"
 * (search.schema.json). Returns 0 when something matched, 1 when nothing did
 * (as --search does), and 2 when out could not be written. */
int json_report_search(const struct guide *g, const struct progress *p, const char *query,
                       FILE *out);

#endif
