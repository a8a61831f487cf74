/* SPDX-License-Identifier: MIT */
/* The whole guide as plain text (trail --print): headings underlined, prose wrapped by display
 * width, every string sanitised. Readable in a pager and safe to send to a terminal. */
#ifndef TRAIL_GUIDE_PRINT_H
#define TRAIL_GUIDE_PRINT_H

#include <stdio.h>

struct guide;
struct view_doc;

/* Prints every loaded part of g wrapped to `width` columns (at least 20 is used), sanitising
 * with text_flags (enum text_flags). timeline (NULL or empty: none) is the learner's timeline
 * laid out at that width, its first line the heading: it follows the career path. Returns 0,
 * or -1 when writing to out failed. */
int guide_print(const struct guide *g, const struct view_doc *timeline, int width,
                unsigned text_flags, FILE *out);

#endif
