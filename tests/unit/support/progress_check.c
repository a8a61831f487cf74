/* SPDX-License-Identifier: MIT */
/* Parsing and round trips of progress documents, checked (progress_check.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "progress_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct progress *parse_checked(const char *text, size_t len, size_t warnings,
                                      struct diag *keep)
{
    struct diag d = {0};
    enum progress_parse_status st;
    struct progress *p = progress_parse("t.yaml", text, len, &st, &d);
    if (st != PROGRESS_PARSE_OK || d.errors != 0 || d.warnings != warnings) {
        diag_print(&d, stderr);
        fprintf(stderr, "%.*s", (int)len, text);
    }
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, warnings);
    if (keep != NULL) {
        *keep = d;
    } else {
        diag_free(&d);
    }
    return p;
}

struct progress *progress_check_parse(const char *text, size_t warnings, struct diag *keep)
{
    return parse_checked(text, strlen(text), warnings, keep);
}

struct progress *progress_check_round_trip(const struct progress *p, char **text)
{
    size_t len = 0;
    char *out = progress_emit(p, &len);
    assert_non_null(out);
    struct progress *q = parse_checked(out, len, 0, NULL);
    if (text != NULL) {
        *text = out;
    } else {
        free(out);
    }
    return q;
}

struct progress_check progress_check_repo(int64_t when, char *remote, char *readme)
{
    return (struct progress_check){.when = when,
                                   .status = PROGRESS_CHECK_OK,
                                   .summary = "repo, 3 commits, README",
                                   .commits = 3,
                                   .last_commit = 1764000000,
                                   .head = "0123456789abcdef0123456789abcdef01234567",
                                   .remote = remote,
                                   .readme = readme};
}
