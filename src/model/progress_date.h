/* SPDX-License-Identifier: MIT */
/* The calendar: dates for the learner's plan (certification dates, the pace start date) and
 * the UTC times of the dotfile's changes.
 *
 * A date is a proleptic Gregorian day written "YYYY-MM-DD" (year 1970-9999), with no time and
 * no zone: it is a day on the learner's own calendar. Year 0 means "no date". Arithmetic goes
 * through day numbers (days since 1970-01-01), so month ends and leap years are exact. */
#ifndef TRAIL_PROGRESS_DATE_H
#define TRAIL_PROGRESS_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROGRESS_DATE_SIZE     11 /* "YYYY-MM-DD" and the NUL */
#define PROGRESS_DATE_MIN_YEAR 1970
#define PROGRESS_DATE_MAX_YEAR 9999

struct progress_date {
    int year, month, day; /* year 0: no date */
};

/* True when d holds a date (year != 0). */
bool progress_date_is_set(struct progress_date d);

/* True when d is a real calendar date in the supported years (2026-02-30 is not). */
bool progress_date_valid(struct progress_date d);

/* Parses exactly "YYYY-MM-DD" into *out. Returns 0, or -1 when s is not that shape or not a
 * real date (nothing is stored then). */
int progress_date_parse(const char *s, struct progress_date *out);

/* Why progress_date_parse() refuses s, as a phrase to follow "the date is": "not written
 * YYYY-MM-DD", "out of range (years 1970 to 9999)" or "not a real date" (a month or a day that
 * does not exist); NULL when it is a date. A static string. */
const char *progress_date_problem(const char *s);

/* Writes "YYYY-MM-DD" into buf (PROGRESS_DATE_SIZE bytes); "" when d is not set. */
void progress_date_format(struct progress_date d, char *buf, size_t size);

/* Days in the given month (1-12) of the given year: 28-31. */
int progress_date_days_in_month(int year, int month);

/* The day number of a valid date (days since 1970-01-01), and back. */
int64_t progress_date_days(struct progress_date d);
struct progress_date progress_date_from_days(int64_t days);

/* <0, 0, >0 as a is before, the same day as, or after b. */
int progress_date_compare(struct progress_date a, struct progress_date b);

/* The same day-of-month `months` months after d (months >= 0), clamped to the last day of that
 * month: 2024-01-31 + 1 month is 2024-02-29, + 2 months 2024-03-31. */
struct progress_date progress_date_add_months(struct progress_date d, int months);

/* Today in the local time zone (the learner's calendar): the day progress_now_ms() falls on. */
struct progress_date progress_date_today(void);

/* The day of the week of a valid date: 0 Monday .. 6 Sunday. */
int progress_date_weekday(struct progress_date d);

/* The learner's local day an instant falls on, and the instant a local day begins (its first
 * moment, which is not midnight on a day whose clocks go forward at midnight). Time zone rules,
 * daylight saving time included, are the C library's (TZ). */
struct progress_date progress_date_of_ms(int64_t ms);
int64_t progress_date_start_ms(struct progress_date d);

/* A week of the learner's calendar, Monday to Sunday: its Monday and the instants it begins
 * and ends ([from_ms, to_ms); a week with a clock change is an hour longer or shorter). */
struct progress_week {
    struct progress_date monday;
    int64_t from_ms, to_ms;
};
void progress_week_of(struct progress_date day, struct progress_week *out);

/* --- Times: ms since the epoch, UTC, as the dotfile writes them ---------------------------- */

#define PROGRESS_TIME_SIZE 32 /* room for a formatted timestamp */

/* Formats ms since the epoch as "2026-11-26T06:30:12.345Z" into buf (PROGRESS_TIME_SIZE). */
void progress_format_time(int64_t ms, char *buf, size_t size);
/* The last instant the dotfile can hold: 9999-12-31T23:59:59.999Z, in ms since the epoch. */
#define PROGRESS_TIME_MAX_MS INT64_C(253402300799999)

/* Parses "YYYY-MM-DDTHH:MM:SS[.sss]Z" (UTC only, 1970 to PROGRESS_TIME_MAX_MS; a leap second
 * :60 counts as the next second). Returns 0 or -1. */
int progress_parse_time(const char *s, int64_t *ms);
/* The current time in ms since the epoch: the one clock every "now" goes through. For tests
 * only, TRAIL_NOW fixes it: an ISO 8601 UTC time ("2026-12-06T09:00:00Z") or a date (that day
 * at 12:00 UTC); any other value is ignored. */
int64_t progress_now_ms(void);

#endif
