/* SPDX-License-Identifier: MIT */
/* The daily loop on the command line: trail --agenda (today's plan in a few lines), the
 * calendar export (trail --export ics, RFC 5545) and the plan, time, streak and forecast
 * sections of trail --progress. Each returns 0, or -1 when writing failed. */
#ifndef TRAIL_TODAY_REPORT_H
#define TRAIL_TODAY_REPORT_H

#include <stdio.h>

#include "guide.h"
#include "progress.h"
#include "progress_date.h"

/* trail --agenda: one line per planned key action overdue or due this week (else the next
 * one), "overdue 2026-11-30  Learn Git (basics/git)"; nothing when there is no start date or
 * nothing is left. */
int today_report_agenda(const struct guide *g, const struct progress *p, unsigned hours_per_week,
                        struct progress_date today, unsigned text_flags, FILE *out);

/* trail --agenda --json: the same items as one JSON object, format "trail-agenda"
 * (docs/schemas/agenda.schema.json); an empty list when there is no start date, and "guide"
 * null when there is no progress at all. */
int today_report_agenda_json(const struct guide *g, const struct progress *p,
                             unsigned hours_per_week, struct progress_date today, FILE *out);

/* trail --export ics: a VCALENDAR with a VTODO per key action (due dates for the planned
 * ones, an alarm the day before; done and skipped ones completed and cancelled, so a calendar
 * that imported them before updates them), and a VEVENT for each certification's exam and
 * expiry date, with an alarm the day before. UIDs are made from the guide and item ids, so
 * importing again updates instead of duplicating. CRLF line ends, lines folded at 75 octets. */
int today_report_ics(const struct guide *g, const struct progress *p, unsigned hours_per_week,
                     struct progress_date today, FILE *out);

/* The sections --progress adds: time logged (this week, the last 4 weeks, per phase), the
 * timeline, the forecast and the streak, wrapped to `width`. */
int today_report_progress(const struct guide *g, const struct progress *p, unsigned hours_per_week,
                          struct progress_date today, int width, unsigned text_flags, FILE *out);

#endif
