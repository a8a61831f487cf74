/* SPDX-License-Identifier: MIT */
/* Unit tests of xasprintf(): strings that fit the first buffer and strings that do not (one
 * byte short of it, exactly it, one past it, far past it) come out whole and terminated. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void test_lengths(void **state)
{
    (void)state;
    static const size_t lengths[] = {0, 1, 254, 255, 256, 257, 1000, 70000};
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        size_t n = lengths[i];
        char *want = malloc(n + 1);
        assert_non_null(want);
        for (size_t k = 0; k < n; k++) {
            want[k] = (char)('a' + k % 26);
        }
        want[n] = '\0';
        /* Split in two arguments, so the format really runs. */
        char *got = xasprintf("%.*s%s", (int)(n / 2), want, want + n / 2);
        assert_int_equal(strlen(got), n);
        assert_string_equal(got, want);
        free(got);
        free(want);
    }
    char *mixed = xasprintf("%s/%s: %d%%", "/home/a learner", ".trail_progress.yaml", 42);
    assert_string_equal(mixed, "/home/a learner/.trail_progress.yaml: 42%");
    free(mixed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lengths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
