/* SPDX-License-Identifier: MIT */
/* Shared by the unit tests of the progress document: parsing a file's text and writing a
 * document out and reading it back, each with the checks every such test makes. Include after
 * <cmocka.h>. */
#ifndef TRAIL_TEST_PROGRESS_CHECK_H
#define TRAIL_TEST_PROGRESS_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "progress.h"
#include "progress_evidence.h"

/* Parses text as the progress file "t.yaml". The parse must succeed with no error and exactly
 * `warnings` warnings (the messages are printed when it does not). When keep is not NULL the
 * messages are left in *keep for the caller (diag_free() it); otherwise they are freed. */
struct progress *progress_check_parse(const char *text, size_t warnings, struct diag *keep);

/* Writes p out and parses the text back; that parse must be sound (no message at all). When
 * text is not NULL, *text gets the written text (free it). Returns the document read back. */
struct progress *progress_check_round_trip(const struct progress *p, char **text);

/* A passing check of a repository (3 commits, a README) made at `when`, as the evidence tests
 * record it; remote and readme are the texts to try. */
struct progress_check progress_check_repo(int64_t when, char *remote, char *readme);

#endif
