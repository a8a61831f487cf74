/* SPDX-License-Identifier: MIT */
/* Skipping a unit test whose input is missing (input.h). */
#include "input.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

void test_require_input(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "skip: input %s is missing\n", path);
        exit(77);
    }
}
