/* SPDX-License-Identifier: MIT */
/* Checking evidence offline, with a fixed set of checks written here: nothing a guide or a
 * progress file says is ever run. A path must exist (a file must not be empty); a repository
 * must be one, with at least one commit (evidence_git.h: its commit count, last commit date,
 * README and remote); a URL is checked for its form only and never fetched.
 *
 * Symlinks are followed only from inside the home directory to inside it; any other symlink
 * on the way (out of home, a loop, one under /proc) is reported and not followed further.
 * Only regular files and directories are looked at: a FIFO, a device or a socket is reported,
 * never opened, so no check can hang. */
#ifndef TRAIL_EVIDENCE_CHECK_H
#define TRAIL_EVIDENCE_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "progress_evidence.h"

/* The target for a path given on the command line or in the browser: made absolute against
 * cwd (when relative), "." and ".." and repeated slashes taken out by their text (no symlink is
 * followed), and the home directory written "~". home and cwd may be NULL. Returns a new
 * string (caller frees), or NULL when the path is empty or relative without a cwd. */
char *evidence_target_from_path(const char *path, const char *cwd, const char *home);

/* Whether s looks like a URL ("scheme://..."). */
bool evidence_is_url(const char *s);

/* The kind to attach target as: a URL is a `url` (a `credential` when for_cert), a
 * directory holding ".git" a `repo`, anything else a `path`. Only looks, follows no
 * symlink out of home (evidence_check.h's rule); home may be NULL. */
enum progress_evidence_kind evidence_guess_kind(const char *target, const char *home,
                                                bool for_cert);

/* Checks piece e as of now_ms into *out (owned strings; progress_check_clear() frees them).
 * home may be NULL (then no symlink is followed). The last check's HEAD and count in e are
 * reused while HEAD has not moved. */
void evidence_check_piece(const struct progress_evidence *e, const char *home, int64_t now_ms,
                          struct progress_check *out);

/* What evidence_check_guide() did. */
struct evidence_check_summary {
    size_t checked, ok, failed; /* failed: missing, empty or refused */
    size_t walked;              /* repositories whose history was read */
};

/* Checks every attached piece of guide_id in p (item_id non-NULL: only that item's) and
 * records each result in p (progress_evidence_set_check()). Fills *sum when not NULL. */
void evidence_check_guide(struct progress *p, const char *guide_id, const char *item_id,
                          const char *home, int64_t now_ms, struct evidence_check_summary *sum);

/* The home directory ($HOME when it is an absolute path), or NULL. Borrowed from the
 * environment. */
const char *evidence_home(void);

#endif
