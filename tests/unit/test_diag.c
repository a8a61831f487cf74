/* SPDX-License-Identifier: MIT */
/* Diagnostics: formatting, the cap on stored messages, and sanitising of what they quote. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "diag.h"

static void test_format(void **state)
{
    (void)state;
    struct diag d = {0};
    diag_add(&d, DIAG_ERROR, "g/faq.yaml", 12, 5, "'%s' must be a string", "answer");
    diag_add(&d, DIAG_WARNING, "g/guide.yaml", 0, 0, "odd");
    diag_add(&d, DIAG_ERROR, NULL, 0, 0, "no file");
    char buf[256];
    diag_format(&d.msgs[0], buf, sizeof buf);
    assert_string_equal(buf, "g/faq.yaml:12:5: error: 'answer' must be a string");
    diag_format(&d.msgs[1], buf, sizeof buf);
    assert_string_equal(buf, "g/guide.yaml: warning: odd");
    diag_format(&d.msgs[2], buf, sizeof buf);
    assert_string_equal(buf, "error: no file");
    assert_int_equal(d.errors, 2);
    assert_int_equal(d.warnings, 1);
    diag_free(&d);
}

static void test_cap(void **state)
{
    (void)state;
    struct diag d = {0};
    for (int i = 0; i < DIAG_MAX + 25; i++) {
        diag_add(&d, DIAG_ERROR, "f", 1, 1, "e%d", i);
    }
    assert_int_equal(d.n, DIAG_MAX);
    assert_int_equal(d.dropped, 25);
    assert_int_equal(d.errors, DIAG_MAX + 25);
    diag_free(&d);
}

/* A message quoting hostile text (escape sequences, C1, bidi, a cut UTF-8 sequence) is safe to
 * print: no control byte, valid UTF-8. */
static void test_sanitised(void **state)
{
    (void)state;
    struct diag d = {0};
    diag_add(&d, DIAG_ERROR, "evil\x1b]0;x\a.yaml", 1, 1, "key '%s' \xe2\x80\xae '\xe2\x80'",
             "\x1b[2J\r\xc2\x9b");
    const char *t = d.msgs[0].text;
    for (const unsigned char *c = (const unsigned char *)t; *c != '\0'; c++) {
        assert_true(*c >= 0x20 && *c != 0x7f);
        assert_false(c[0] == 0xc2 && c[1] >= 0x80 && c[1] <= 0x9f); /* C1 */
        assert_false(c[0] == 0xe2 && c[1] == 0x80 && c[2] == 0xae); /* U+202E */
    }
    assert_non_null(strstr(t, "\xe2\x90\x9b[2J")); /* ESC shown as U+241B */
    assert_null(strchr(d.msgs[0].file, 0x1b));
    diag_free(&d);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_cap),
        cmocka_unit_test(test_sanitised),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
