/* SPDX-License-Identifier: MIT */
/* Shared by the unit tests that work on a real file system: a directory of their own. */
#ifndef TRAIL_TEST_TMPDIR_H
#define TRAIL_TEST_TMPDIR_H

/* Makes a new directory "/tmp/trail-<name>-XXXXXX"; returns its path (free it with
 * test_tmpdir_remove()), or NULL when it cannot be made. */
char *test_tmpdir_new(const char *name);

/* Removes dir and everything in it, and frees the string. 0, or -1 when it cannot. */
int test_tmpdir_remove(char *dir);

#endif
