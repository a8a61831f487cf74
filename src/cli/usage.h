/* SPDX-License-Identifier: MIT */
/* What trail --help prints: the command line, its options and exit statuses. */
#ifndef TRAIL_USAGE_H
#define TRAIL_USAGE_H

#include <stdio.h>

void cli_usage(FILE *out);

#endif
