/* SPDX-License-Identifier: MIT */
/* The certification tracker's form as a model: filled from an entry, the status cycling and
 * the focus moving with wrap-around, typed dates turned into an entry or a sentence naming the
 * field or the rule broken, and the layout (a line per field, the focus marked, the cursor's
 * column in a date field, the error in place of the hints). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "progress.h"
#include "text.h"
#include "view.h"
#include "view_form.h"

static struct progress_date date(const char *s)
{
    struct progress_date d;
    assert_int_equal(progress_date_parse(s, &d), 0);
    return d;
}

static void type(struct view_input *in, const char *s)
{
    for (const char *c = s; *c != '\0'; c++) {
        assert_true(view_input_insert(in, (unsigned char)*c));
    }
}

static void test_init_cycle_and_move(void **state)
{
    (void)state;
    struct view_cert_form f;
    struct progress_cert_info c = {.status = PROGRESS_CERT_EXAM_BOOKED, .exam = date("2027-02-10")};
    view_cert_form_init(&f, &c);
    assert_int_equal(f.status, PROGRESS_CERT_EXAM_BOOKED);
    assert_string_equal(view_input_text(&f.dates[0]), "2027-02-10");
    assert_string_equal(view_input_text(&f.dates[1]), "");
    assert_int_equal(f.focus, VIEW_FORM_STATUS);
    assert_null(view_cert_form_input(&f));
    /* exam booked -> passed -> none (wraps) -> passed (back). */
    view_cert_form_cycle(&f, 1);
    assert_int_equal(f.status, PROGRESS_CERT_PASSED);
    view_cert_form_cycle(&f, 1);
    assert_int_equal(f.status, PROGRESS_CERT_NONE);
    view_cert_form_cycle(&f, -1);
    assert_int_equal(f.status, PROGRESS_CERT_PASSED);
    /* The focus wraps both ways; a date field has an input. */
    view_cert_form_move(&f, -1);
    assert_int_equal(f.focus, VIEW_FORM_EXPIRES);
    assert_ptr_equal(view_cert_form_input(&f), &f.dates[2]);
    view_cert_form_move(&f, 1);
    assert_int_equal(f.focus, VIEW_FORM_STATUS);
    view_cert_form_move(&f, 1);
    assert_ptr_equal(view_cert_form_input(&f), &f.dates[0]);
    view_cert_form_free(&f);

    view_cert_form_init(&f, NULL);
    assert_int_equal(f.status, PROGRESS_CERT_NONE);
    assert_string_equal(view_input_text(&f.dates[2]), "");
    view_cert_form_free(&f);
}

static void test_collect(void **state)
{
    (void)state;
    struct progress_date today = date("2026-11-26");
    struct view_cert_form f;
    struct progress_cert_info out;
    view_cert_form_init(&f, NULL);
    f.status = PROGRESS_CERT_PASSED;
    type(&f.dates[1], "2026-10-01");
    type(&f.dates[2], "2029-10-01");
    assert_int_equal(view_cert_form_collect(&f, today, &out), 0);
    assert_string_equal(f.why, "");
    assert_int_equal(out.status, PROGRESS_CERT_PASSED);
    assert_false(progress_date_is_set(out.exam));
    assert_int_equal(progress_date_compare(out.passed, date("2026-10-01")), 0);
    assert_int_equal(progress_date_compare(out.expires, date("2029-10-01")), 0);

    /* Not a date: the sentence names the field; nothing is stored in out. */
    type(&f.dates[0], "2027-02-30");
    out.status = PROGRESS_CERT_NONE;
    assert_int_equal(view_cert_form_collect(&f, today, &out), -1);
    assert_non_null(strstr(f.why, "exam date"));
    assert_int_equal(out.status, PROGRESS_CERT_NONE);
    view_input_clear(&f.dates[0]);

    /* A year the calendar does not cover is out of range, not "not a real date". */
    view_input_set(&f.dates[0], "1900-01-01");
    assert_int_equal(view_cert_form_collect(&f, today, &out), -1);
    assert_string_equal(f.why, "the exam date is out of range (years 1970 to 9999)");
    view_input_set(&f.dates[0], "2026-02-30");
    assert_int_equal(view_cert_form_collect(&f, today, &out), -1);
    assert_string_equal(f.why, "the exam date is not a real date");
    view_input_set(&f.dates[0], "");
    /* The model's rules: expiry after the pass, a pass not in the future. */
    view_input_set(&f.dates[2], "2026-09-30");
    assert_int_equal(view_cert_form_collect(&f, today, &out), -1);
    assert_string_equal(f.why, "the expiry date must be after the passed date");
    view_input_set(&f.dates[2], "");
    view_input_set(&f.dates[1], "2026-11-27");
    assert_int_equal(view_cert_form_collect(&f, today, &out), -1);
    assert_string_equal(f.why, "the passed date is in the future");
    /* Fixed: the error goes. */
    view_input_set(&f.dates[1], "2026-11-26");
    assert_int_equal(view_cert_form_collect(&f, today, &out), 0);
    assert_string_equal(f.why, "");
    view_cert_form_free(&f);
}

static void test_layout(void **state)
{
    (void)state;
    struct view_cert_form f;
    struct progress_cert_info c = {.status = PROGRESS_CERT_STUDYING};
    view_cert_form_init(&f, &c);
    struct view_doc d;
    view_doc_init(&d, 56, TEXT_ASCII);
    int cursor = 0;
    size_t focus = view_cert_form_layout(&d, &f, "AWS ML \x1b[1m", &cursor);
    assert_string_equal(d.lines[0].text, "Track: AWS ML ?[1m");
    assert_int_equal(focus, 2);
    assert_string_equal(d.lines[2].text, "> Status     < studying >");
    assert_string_equal(d.lines[3].text, "  Exam date  [           ]");
    assert_int_equal(cursor, -1);
    assert_non_null(strstr(d.lines[d.n_lines - 1].text, "Enter save, Esc cancel"));
    assert_non_null(strstr(d.lines[d.n_lines - 1].text, "Left/Right status"));
    view_doc_free(&d);

    /* Focus on "Passed on" with a date typed: the cursor after it, inside the brackets. */
    view_cert_form_move(&f, 1);
    view_cert_form_move(&f, 1);
    type(view_cert_form_input(&f), "2026-10");
    view_doc_init(&d, 56, TEXT_ASCII);
    focus = view_cert_form_layout(&d, &f, "X", &cursor);
    assert_int_equal(focus, 4);
    assert_string_equal(d.lines[4].text, "> Passed on  [2026-10    ]");
    assert_int_equal(cursor, VIEW_FORM_VALUE_COL + 1 + 7);
    /* On a date, Left and Right move the cursor, and the hints say so. */
    assert_non_null(strstr(d.lines[d.n_lines - 1].text, "Left/Right cursor"));
    view_doc_free(&d);

    /* A failed collect shows its sentence instead of the hints. */
    assert_int_equal(view_cert_form_collect(&f, date("2026-11-26"), &c), -1);
    view_doc_init(&d, 56, TEXT_ASCII);
    view_cert_form_layout(&d, &f, "X", NULL);
    const struct view_line *last = &d.lines[d.n_lines - 1];
    assert_string_equal(last->text, "the passed date is not written YYYY-MM-DD");
    assert_int_equal(last->runs[0].role, VIEW_ROLE_ERROR);
    view_doc_free(&d);
    view_cert_form_free(&f);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_cycle_and_move),
        cmocka_unit_test(test_collect),
        cmocka_unit_test(test_layout),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
