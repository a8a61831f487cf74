/* SPDX-License-Identifier: MIT */
/* The calendar: dates (parsing, validation, month arithmetic) and the dotfile's UTC times,
 * both through the same day numbers.
 *
 * Invariant: every function but progress_date_valid() and progress_date_parse() expects a
 * valid date (callers validate at the edges: the file reader, the command line, the form).
 * Day numbers use Howard Hinnant's civil-from-days algorithms, exact for the proleptic
 * Gregorian calendar; month addition clamps the day to the target month's length instead of
 * overflowing into the next month, so "the same day N months later" is always in month N.
 *
 * This is also the program's one clock: progress_now_ms() and progress_date_today() are the
 * only readers of the current time, and the TRAIL_NOW environment variable (for tests only)
 * fixes it, so plans, streaks and forecasts can be tested on any day. */
#include "progress_date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

const char *progress_date_problem(const char *s)
{
    struct progress_date d;
    if (progress_date_parse(s, &d) == 0) {
        return NULL;
    }
    size_t digits = strspn(s, "0123456789");
    const char *rest = s + digits;
    bool shaped = digits >= 4 && rest[0] == '-' && read_digits(rest + 1, 2) >= 0 &&
                  rest[3] == '-' && read_digits(rest + 4, 2) >= 0 && rest[6] == '\0';
    if (!shaped) {
        return "not written YYYY-MM-DD";
    }
    int y = digits == 4 ? read_digits(s, 4) : PROGRESS_DATE_MAX_YEAR + 1;
    if (y < PROGRESS_DATE_MIN_YEAR || y > PROGRESS_DATE_MAX_YEAR) {
        return "out of range (years 1970 to 9999)";
    }
    return "not a real date";
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
    time_t now = (time_t)(progress_now_ms() / 1000);
    struct tm tm;
    localtime_r(&now, &tm);
    struct progress_date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    return d;
}

int progress_date_weekday(struct progress_date d)
{
    int64_t days = progress_date_days(d); /* 1970-01-01 was a Thursday */
    return (int)(((days + 3) % 7 + 7) % 7);
}

struct progress_date progress_date_of_ms(int64_t ms)
{
    time_t t = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    struct tm tm;
    localtime_r(&t, &tm);
    struct progress_date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    return d;
}

int64_t progress_date_start_ms(struct progress_date d)
{
    struct tm tm = {
        .tm_year = d.year - 1900, .tm_mon = d.month - 1, .tm_mday = d.day, .tm_isdst = -1};
    time_t t = mktime(&tm);
    /* A day whose clocks jump over midnight begins at the jump: mktime() may have moved the
     * time into the day before or after; step to the day's first whole hour. */
    for (int h = 0; h < 3 && t != (time_t)-1; h++) {
        struct tm back;
        localtime_r(&t, &back);
        if (back.tm_mday == d.day) {
            break;
        }
        struct tm next = {.tm_year = d.year - 1900,
                          .tm_mon = d.month - 1,
                          .tm_mday = d.day,
                          .tm_hour = h + 1,
                          .tm_isdst = -1};
        t = mktime(&next);
    }
    if (t == (time_t)-1) {
        return progress_date_days(d) * 86400000;
    }
    return (int64_t)t * 1000;
}

void progress_week_of(struct progress_date day, struct progress_week *out)
{
    int64_t monday = progress_date_days(day) - progress_date_weekday(day);
    out->monday = progress_date_from_days(monday);
    out->from_ms = progress_date_start_ms(out->monday);
    out->to_ms = progress_date_start_ms(progress_date_from_days(monday + 7));
}

/* Writes v as exactly n decimal digits ending at p[n - 1]. */
static void put_digits(char *p, unsigned v, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* Saving thousands of items formats thousands of times, so this is plain arithmetic rather
 * than gmtime_r() and snprintf(); years past 9999 (never parsed, but a time can be bumped)
 * take the general path, which prints them in full. */
void progress_format_time(int64_t ms, char *buf, size_t size)
{
    if (ms < 0) {
        ms = 0;
    }
    int64_t days = ms / 86400000;
    unsigned in_day = (unsigned)(ms % 86400000);
    struct progress_date date = progress_date_from_days(days);
    unsigned y = (unsigned)date.year, m = (unsigned)date.month, d = (unsigned)date.day;
    if (y > 9999 || size < sizeof "2026-11-26T06:30:12.345Z") {
        time_t secs = (time_t)(ms / 1000);
        struct tm tm;
        gmtime_r(&secs, &tm);
        snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ms % 1000));
        return;
    }
    memcpy(buf, "0000-00-00T00:00:00.000Z", sizeof "0000-00-00T00:00:00.000Z");
    put_digits(buf, y, 4);
    put_digits(buf + 5, m, 2);
    put_digits(buf + 8, d, 2);
    put_digits(buf + 11, in_day / 3600000, 2);
    put_digits(buf + 14, in_day / 60000 % 60, 2);
    put_digits(buf + 17, in_day / 1000 % 60, 2);
    put_digits(buf + 20, in_day % 1000, 3);
}

/* Reads exactly n digits at *s; returns -1 if any is missing. */
static int digits(const char **s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if ((*s)[i] < '0' || (*s)[i] > '9') {
            return -1;
        }
        v = v * 10 + ((*s)[i] - '0');
    }
    *s += n;
    return v;
}

static bool expect(const char **s, char c)
{
    if (**s != c) {
        return false;
    }
    (*s)++;
    return true;
}

int progress_parse_time(const char *s, int64_t *ms)
{
    int y = digits(&s, 4);
    bool ok = y >= 1970 && expect(&s, '-');
    int mo = ok ? digits(&s, 2) : -1;
    ok = ok && mo >= 1 && mo <= 12 && expect(&s, '-');
    int d = ok ? digits(&s, 2) : -1;
    ok = ok && d >= 1 && d <= 31 && expect(&s, 'T');
    int h = ok ? digits(&s, 2) : -1;
    ok = ok && h >= 0 && h <= 23 && expect(&s, ':');
    int mi = ok ? digits(&s, 2) : -1;
    ok = ok && mi >= 0 && mi <= 59 && expect(&s, ':');
    int se = ok ? digits(&s, 2) : -1;
    ok = ok && se >= 0 && se <= 60;
    int frac = 0;
    if (ok && *s == '.') {
        s++;
        frac = digits(&s, 3);
        ok = frac >= 0;
    }
    ok = ok && expect(&s, 'Z') && *s == '\0';
    if (!ok) {
        return -1;
    }
    struct progress_date date = {y, mo, d};
    if (!progress_date_valid(date)) {
        return -1;
    }
    int64_t days = progress_date_days(date);
    int64_t t = ((days * 24 + h) * 60 + mi) * 60000 + (int64_t)se * 1000 + frac;
    /* A leap second (:60) is read as the next second; past 9999-12-31T23:59:59.999Z that
     * would be written back as a five-digit year this reader refuses, losing the entry. */
    if (t > PROGRESS_TIME_MAX_MS) {
        return -1;
    }
    *ms = t;
    return 0;
}

/* TRAIL_NOW, for tests only: "YYYY-MM-DDTHH:MM:SS[.sss]Z", or a date (that day at noon UTC).
 * Returns 0 and the time, or -1 when it is not set or not one of these. */
static int fixed_now(int64_t *ms)
{
    const char *env = getenv("TRAIL_NOW");
    struct progress_date d;
    if (env == NULL || env[0] == '\0') {
        return -1;
    }
    if (progress_parse_time(env, ms) == 0) {
        return 0;
    }
    if (progress_date_parse(env, &d) == 0) {
        *ms = progress_date_days(d) * 86400000 + 12 * 3600000;
        return 0;
    }
    return -1;
}

int64_t progress_now_ms(void)
{
    int64_t fixed;
    if (fixed_now(&fixed) == 0) {
        return fixed;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
