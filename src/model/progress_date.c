/* SPDX-License-Identifier: MIT */
/* Calendar dates: parsing, validation and month arithmetic.
 *
 * Invariant: every function but progress_date_valid() and progress_date_parse() expects a
 * valid date (callers validate at the edges: the file reader, the command line, the form).
 * Day numbers use Howard Hinnant's civil-from-days algorithms, exact for the proleptic
 * Gregorian calendar; month addition clamps the day to the target month's length instead of
 * overflowing into the next month, so "the same day N months later" is always in month N. */
#include "progress_date.h"

#include <stdio.h>
#include <time.h>

bool progress_date_is_set(struct progress_date d)
{
    return d.year != 0;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int progress_date_days_in_month(int year, int month)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    return mdays[month - 1] + (month == 2 && is_leap(year));
}

bool progress_date_valid(struct progress_date d)
{
    return d.year >= PROGRESS_DATE_MIN_YEAR && d.year <= PROGRESS_DATE_MAX_YEAR && d.month >= 1 &&
           d.month <= 12 && d.day >= 1 && d.day <= progress_date_days_in_month(d.year, d.month);
}

/* Reads exactly n digits; -1 if one is missing. */
static int read_digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int progress_date_parse(const char *s, struct progress_date *out)
{
    int y = read_digits(s, 4);
    if (y < 0 || s[4] != '-') {
        return -1;
    }
    int m = read_digits(s + 5, 2);
    if (m < 0 || s[7] != '-') {
        return -1;
    }
    int d = read_digits(s + 8, 2);
    if (d < 0 || s[10] != '\0') {
        return -1;
    }
    struct progress_date date = {y, m, d};
    if (!progress_date_valid(date)) {
        return -1;
    }
    *out = date;
    return 0;
}

void progress_date_format(struct progress_date d, char *buf, size_t size)
{
    if (!progress_date_is_set(d)) {
        snprintf(buf, size, "%s", "");
        return;
    }
    snprintf(buf, size, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
}

int64_t progress_date_days(struct progress_date d)
{
    int64_t y = d.year - (d.month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (d.month + 9) % 12; /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct progress_date progress_date_from_days(int64_t days)
{
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    struct progress_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

int progress_date_compare(struct progress_date a, struct progress_date b)
{
    if (a.year != b.year) {
        return a.year < b.year ? -1 : 1;
    }
    if (a.month != b.month) {
        return a.month < b.month ? -1 : 1;
    }
    return a.day < b.day ? -1 : a.day > b.day;
}

struct progress_date progress_date_add_months(struct progress_date d, int months)
{
    long total = (long)d.year * 12 + (d.month - 1) + months;
    struct progress_date r = {(int)(total / 12), (int)(total % 12) + 1, d.day};
    int last = progress_date_days_in_month(r.year, r.month);
    if (r.day > last) {
        r.day = last;
    }
    return r;
}

struct progress_date progress_date_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    struct progress_date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    return d;
}
