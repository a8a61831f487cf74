/* SPDX-License-Identifier: MIT */
/* Shared by the view-model unit tests: finding and checking the lines of a laid-out document.
 * Include after <cmocka.h>. */
#ifndef TRAIL_TEST_VIEW_CHECK_H
#define TRAIL_TEST_VIEW_CHECK_H

#include <stddef.h>

#include "view.h"

/* The index of the first line at or after `from` containing s, or SIZE_MAX. */
size_t view_check_find_line(const struct view_doc *d, size_t from, const char *s);

/* Every line fits the document's width, and its width is what text_width() measures. */
void view_check_widths(const struct view_doc *d);

/* The lighthouse fixture guide (tests/data/guides/lighthouse) with `parts` (enum guide_part
 * bits) loaded; the load must succeed. Free it with guide_free(). */
struct guide *view_check_guide(unsigned parts);

/* For main() before the tests: skips the program (exit 77) when the fixture guide is missing,
 * and sets a UTF-8 locale. */
void view_check_begin(void);

#endif
