/* SPDX-License-Identifier: MIT */
/* Shared by the unit tests that read files: a test whose input is missing is skipped (exit 77,
 * ctest's SKIP_RETURN_CODE), never passed. */
#ifndef TRAIL_TEST_INPUT_H
#define TRAIL_TEST_INPUT_H

/* Exits the test program with status 77 and a message on stderr naming path, unless path
 * exists. Call from main() before running the tests that read it. */
void test_require_input(const char *path);

#endif
