/* SPDX-License-Identifier: MIT */
/* The whole guide as plain text (trail --print): headings underlined, prose wrapped by display
 * width, every string sanitised. Readable in a pager and safe to send to a terminal. */
#ifndef TRAIL_GUIDE_PRINT_H
#define TRAIL_GUIDE_PRINT_H

#include <stdio.h>

struct guide;

/* Prints every loaded part of g wrapped to `width` columns (at least 20 is used), sanitising
 * with text_flags (enum text_flags). Returns 0, or -1 when writing to out failed. */
int guide_print(const struct guide *g, int width, unsigned text_flags, FILE *out);

#endif
