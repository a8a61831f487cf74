/* SPDX-License-Identifier: MIT */
/* See view_check.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <locale.h>

#include "guide.h"
#include "input.h"
#include "text.h"
#include "view_check.h"

#define FIXTURE TRAIL_TEST_DATA "/guides/lighthouse"

size_t view_check_find_line(const struct view_doc *d, size_t from, const char *s)
{
    for (size_t i = from; i < d->n_lines; i++) {
        if (strstr(d->lines[i].text, s) != NULL) {
            return i;
        }
    }
    return SIZE_MAX;
}

void view_check_widths(const struct view_doc *d)
{
    for (size_t i = 0; i < d->n_lines; i++) {
        assert_true(d->lines[i].width <= d->width);
        assert_int_equal(text_width(d->lines[i].text, d->lines[i].len), d->lines[i].width);
    }
}

struct guide *view_check_guide(unsigned parts)
{
    struct diag d = {0};
    struct guide *g = guide_load(FIXTURE, parts, &d);
    if (g == NULL) {
        diag_print(&d, stderr);
    }
    assert_non_null(g);
    diag_free(&d);
    return g;
}

void view_check_begin(void)
{
    test_require_input(FIXTURE);
    setlocale(LC_ALL, "C.UTF-8");
}
