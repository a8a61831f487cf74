/* SPDX-License-Identifier: MIT */
/* Unit tests of calendar dates: parsing real dates only, day numbers, clamped month addition
 * across month ends, leap years and year ends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "progress_date.h"

static struct progress_date D(int y, int m, int d) {
    return (struct progress_date){y, m, d};
}

static void
assert_date(struct progress_date got, int y, int m, int d)
{
    assert_int_equal(got.year, y);
    assert_int_equal(got.month, m);
    assert_int_equal(got.day, d);
}

static void test_parse_real_dates_only(void **state)
{
    (void)state;
    struct progress_date d = {0};
    assert_int_equal(progress_date_parse("2024-02-29", &d), 0); /* 2024 is a leap year */
    assert_date(d, 2024, 2, 29);
    assert_int_equal(progress_date_parse("2000-02-29", &d), 0); /* divisible by 400 */
    const char *bad[] = {"2023-02-29", "1900-02-29", "2026-02-30", "2026-04-31",  "2026-13-01",
                         "2026-00-10", "2026-01-00", "2026-1-01",  "2026-01-01x", "26-01-01",
                         "",           "1969-12-31", "2026/01/01", "2026-01-32",  "２026-01-01"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct progress_date before = d;
        assert_int_equal(progress_date_parse(bad[i], &d), -1);
        assert_int_equal(progress_date_compare(before, d), 0); /* untouched on failure */
    }
    char buf[PROGRESS_DATE_SIZE];
    progress_date_format(D(2027, 2, 10), buf, sizeof buf);
    assert_string_equal(buf, "2027-02-10");
    progress_date_format(D(0, 0, 0), buf, sizeof buf);
    assert_string_equal(buf, "");
}

static void test_days(void **state)
{
    (void)state;
    assert_int_equal(progress_date_days(D(1970, 1, 1)), 0);
    assert_int_equal(progress_date_days(D(1970, 3, 1)), 59);    /* 31 + 28 */
    assert_int_equal(progress_date_days(D(2000, 1, 1)), 10957); /* 30 years, 7 leap days */
    /* 2024 is a leap year: 366 days to 2025-01-01; 2023 is not: 365. */
    assert_int_equal(progress_date_days(D(2025, 1, 1)) - progress_date_days(D(2024, 1, 1)), 366);
    assert_int_equal(progress_date_days(D(2024, 1, 1)) - progress_date_days(D(2023, 1, 1)), 365);
    assert_int_equal(progress_date_days(D(2024, 3, 1)) - progress_date_days(D(2024, 2, 28)), 2);
    assert_int_equal(progress_date_days(D(2023, 3, 1)) - progress_date_days(D(2023, 2, 28)), 1);
    /* Round trip over every day of four years around a leap year and a century. */
    for (int64_t n = progress_date_days(D(2023, 1, 1)); n < progress_date_days(D(2027, 1, 1));
         n++) {
        struct progress_date d = progress_date_from_days(n);
        assert_true(progress_date_valid(d));
        assert_int_equal(progress_date_days(d), n);
    }
    assert_date(progress_date_from_days(progress_date_days(D(2100, 3, 1)) - 1), 2100, 2, 28);
}

static void test_add_months_clamps(void **state)
{
    (void)state;
    /* Jan 31 in a leap year: each month begins on the 31st or that month's last day, always
     * counted from the start, never from the clamped day before. */
    struct progress_date s = D(2024, 1, 31);
    assert_date(progress_date_add_months(s, 0), 2024, 1, 31);
    assert_date(progress_date_add_months(s, 1), 2024, 2, 29);
    assert_date(progress_date_add_months(s, 2), 2024, 3, 31);
    assert_date(progress_date_add_months(s, 3), 2024, 4, 30);
    assert_date(progress_date_add_months(s, 13), 2025, 2, 28);
    /* Jan 31 in a common year. */
    assert_date(progress_date_add_months(D(2023, 1, 31), 1), 2023, 2, 28);
    /* Feb 29 plus a year lands on Feb 28; Feb 28 stays the 28th in a leap year. */
    assert_date(progress_date_add_months(D(2024, 2, 29), 12), 2025, 2, 28);
    assert_date(progress_date_add_months(D(2024, 2, 29), 48), 2028, 2, 29);
    assert_date(progress_date_add_months(D(2023, 2, 28), 12), 2024, 2, 28);
    assert_date(progress_date_add_months(D(2023, 2, 28), 1), 2023, 3, 28);
    /* December to January changes the year. */
    assert_date(progress_date_add_months(D(2026, 12, 1), 1), 2027, 1, 1);
    assert_date(progress_date_add_months(D(2026, 12, 31), 2), 2027, 2, 28);
    assert_date(progress_date_add_months(D(2026, 11, 30), 14), 2028, 1, 30);
}

static void test_compare_and_days_in_month(void **state)
{
    (void)state;
    assert_true(progress_date_compare(D(2026, 12, 31), D(2027, 1, 1)) < 0);
    assert_true(progress_date_compare(D(2027, 2, 1), D(2027, 1, 31)) > 0);
    assert_int_equal(progress_date_compare(D(2027, 2, 1), D(2027, 2, 1)), 0);
    assert_int_equal(progress_date_days_in_month(2024, 2), 29);
    assert_int_equal(progress_date_days_in_month(2023, 2), 28);
    assert_int_equal(progress_date_days_in_month(1900, 2), 28);
    assert_int_equal(progress_date_days_in_month(2000, 2), 29);
    assert_int_equal(progress_date_days_in_month(2026, 4), 30);
    assert_int_equal(progress_date_days_in_month(2026, 12), 31);
    assert_true(progress_date_valid(progress_date_today()));
}

/* What is wrong with a date that is refused: its shape, its range, or the calendar. */
static void test_problem(void **state)
{
    (void)state;
    assert_null(progress_date_problem("2026-12-01"));
    assert_string_equal(progress_date_problem("2026-1-1"), "not written YYYY-MM-DD");
    assert_string_equal(progress_date_problem("tomorrow"), "not written YYYY-MM-DD");
    assert_string_equal(progress_date_problem(""), "not written YYYY-MM-DD");
    assert_string_equal(progress_date_problem("1969-12-31"), "out of range (years 1970 to 9999)");
    assert_string_equal(progress_date_problem("0000-01-01"), "out of range (years 1970 to 9999)");
    assert_string_equal(progress_date_problem("99999-01-01"), "out of range (years 1970 to 9999)");
    assert_string_equal(progress_date_problem("2026-02-30"), "not a real date");
    assert_string_equal(progress_date_problem("2026-13-01"), "not a real date");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_real_dates_only),
        cmocka_unit_test(test_problem),
        cmocka_unit_test(test_days),
        cmocka_unit_test(test_add_months_clamps),
        cmocka_unit_test(test_compare_and_days_in_month),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
