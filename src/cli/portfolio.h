/* SPDX-License-Identifier: MIT */
/* The portfolio and the résumé made from evidence: trail --export portfolio (a Markdown page
 * for a GitHub profile README or a portfolio site) and trail --export jsonresume (the
 * `projects` and `certificates` sections of a JSON Resume document, jsonresume.org).
 *
 * Projects are the repositories attached as evidence, with their descriptions, their README's
 * first line and a web link made from their remote (never a local path, a user name or a
 * token in a URL); certifications are those tracked as passed, with their credential links.
 * Both read what the last trail --verify found: neither reads a repository. Nothing private
 * goes out unless asked for: notes only with `notes`, local paths only with `paths` (and never
 * in the résumé). */
#ifndef TRAIL_PORTFOLIO_H
#define TRAIL_PORTFOLIO_H

#include <stdbool.h>
#include <stdio.h>

#include "guide.h"
#include "progress.h"

struct portfolio_options {
    bool notes; /* include the learner's notes */
    bool paths; /* include local paths */
};

/* Writes the Markdown page. Returns 0, or 1 when the output could not be written. */
int portfolio_markdown(const struct guide *g, const struct progress *p,
                       const struct portfolio_options *o, FILE *out);

/* Writes a JSON Resume document holding the projects and certificates; with merge_file, that
 * file's document with its `projects` and `certificates` updated (entries of the same name
 * replaced, the others kept) and everything else as it was. Returns 0, or 1 after a located
 * message on err (the file cannot be read or is not a JSON object). */
int portfolio_jsonresume(const struct guide *g, const struct progress *p, const char *merge_file,
                         FILE *out, FILE *err);

/* The web link for a git remote URL: https://host/path for https://, http://, ssh:// and
 * scp-like (git@host:path) remotes, without user, password or a trailing ".git"; NULL for
 * anything else (a local path, a file:// URL). A new string; caller frees. */
char *portfolio_remote_link(const char *remote);

#endif
