/* SPDX-License-Identifier: MIT */
/* Config file: settings, located warnings for bad lines, defaults when absent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

static char path[64];

static void write_config(const char *text, size_t len)
{
    snprintf(path, sizeof path, "/tmp/trail-config-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
}

static void test_settings(void **state)
{
    (void)state;
    const char *text = "# my settings\n"
                       "theme = light\n"
                       "\n"
                       "  guide=sample  \n"
                       "key.quit = Q\n"
                       "key.search = C-f\n";
    write_config(text, strlen(text));
    struct config c;
    struct diag d = {0};
    assert_int_equal(config_load(&c, path, &d), 0);
    assert_int_equal(d.warnings, 0);
    assert_int_equal(c.theme, CONFIG_THEME_LIGHT);
    assert_string_equal(c.guide, "sample");
    assert_int_equal(c.n_bindings, 2);
    assert_string_equal(c.bindings[0].action, "quit");
    assert_string_equal(c.bindings[0].key, "Q");
    assert_int_equal(c.bindings[1].line, 6);
    assert_int_equal(c.bindings[1].action_col, 5); /* "key.search": "search" starts at 5 */
    assert_int_equal(c.bindings[1].key_col, 14);
    assert_int_equal(c.guide_line, 4);
    assert_int_equal(c.guide_col, 9); /* "  guide=sample" */
    config_free(&c);
    diag_free(&d);
    unlink(path);
}

static void test_bad_lines_warn(void **state)
{
    (void)state;
    const char text[] = "theme = neon\n" /* 1: bad value */
                        "colour = red\n" /* 2: unknown setting */
                        "just words\n"   /* 3: no '=' */
                        "guide =\n"      /* 4: no value */
                        "bad\xff = 1\n"  /* 5: invalid UTF-8 */
                        "a\0b = c\n"     /* 6: NUL */
                        "theme = monochrome\n";
    write_config(text, sizeof text - 1);
    struct config c;
    struct diag d = {0};
    assert_int_equal(config_load(&c, path, &d), 0);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 6);
    unsigned want_line[] = {1, 2, 3, 4, 5, 6};
    unsigned want_col[] = {9, 1, 1, 8, 1, 1};
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(d.msgs[i].level, DIAG_WARNING);
        assert_int_equal(d.msgs[i].line, want_line[i]);
        assert_int_equal(d.msgs[i].col, want_col[i]);
        assert_string_equal(d.msgs[i].file, path);
    }
    assert_non_null(strstr(d.msgs[1].text, "unknown setting 'colour'"));
    assert_int_equal(c.theme, CONFIG_THEME_MONOCHROME); /* later good line still applies */
    assert_null(c.guide);
    config_free(&c);
    diag_free(&d);
    unlink(path);
}

static void test_hours_per_week(void **state)
{
    (void)state;
    const char text[] = "hours_per_week = 6\n"
                        "hours_per_week = 0\n"    /* 2: below the range */
                        "hours_per_week = 101\n"  /* 3: above it */
                        "hours_per_week = six\n"; /* 4: not a number */
    write_config(text, sizeof text - 1);
    struct config c;
    struct diag d = {0};
    assert_int_equal(config_load(&c, path, &d), 0);
    assert_int_equal(d.warnings, 3);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(d.msgs[i].line, i + 2);
        assert_non_null(strstr(d.msgs[i].text, "from 1 to 100"));
    }
    assert_int_equal(c.hours_per_week, 6); /* the refused lines change nothing */
    config_free(&c);
    diag_free(&d);
    unlink(path);
}

static void test_mouse(void **state)
{
    (void)state;
    const char text[] = "mouse = off\n"
                        "mouse = maybe\n"; /* 2: neither on nor off */
    write_config(text, sizeof text - 1);
    struct config c;
    struct diag d = {0};
    assert_int_equal(config_load(&c, path, &d), 0);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.msgs[0].line, 2);
    assert_int_equal(d.msgs[0].col, 9);
    assert_non_null(strstr(d.msgs[0].text, "on or off"));
    assert_true(c.mouse_off); /* the refused line changes nothing */
    config_free(&c);
    diag_free(&d);
    write_config("mouse = on\n", 11);
    assert_int_equal(config_load(&c, path, &d), 0);
    assert_false(c.mouse_off);
    config_free(&c);
    diag_free(&d);
    unlink(path);
}

static void test_missing_file(void **state)
{
    (void)state;
    struct config c;
    struct diag d = {0};
    assert_int_equal(config_load(&c, "/nonexistent/trail/config", &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(c.theme, CONFIG_THEME_DEFAULT);
    assert_null(c.path);
    config_free(&c);
}

static void test_default_path(void **state)
{
    (void)state;
    setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
    char *p = config_default_path();
    assert_string_equal(p, "/x/cfg/trail/config");
    free(p);
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/home/u", 1);
    p = config_default_path();
    assert_string_equal(p, "/home/u/.config/trail/config");
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settings),       cmocka_unit_test(test_bad_lines_warn),
        cmocka_unit_test(test_hours_per_week),
        cmocka_unit_test(test_mouse), cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_default_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
