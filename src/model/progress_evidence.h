/* SPDX-License-Identifier: MIT */
/* Evidence: proof a learner attaches to a key action or a certification (a project directory,
 * a file, a git repository, a URL, a credential), kept in the progress file beside the notes
 * and merged the same way, and the result of its last offline check (evidence_check.h).
 *
 * A piece of evidence is named by its item and its target (the path, written with "~/" for
 * the home directory, or the URL): attaching the same target again changes its description.
 * Removing a piece leaves an entry without a kind (a tombstone), so a merge with an older copy
 * cannot bring it back. The attachment (kind, description, credential id) and the check each
 * carry their own time: the later attachment wins a merge, and so, separately, does the later
 * check, so a check made on one machine never undoes a description written on another.
 *
 * Dotfile format (inside a guide's entry):
 *     evidence:
 *       projects/portfolio:                 # the key action or certification id
 *         ~/src/churn-model:                # the target
 *           kind: repo                      # path, repo, url, credential; none: removed
 *           description: Churn prediction, end to end
 *           changed: 2026-12-06T10:00:00.000Z
 *           verified: 2026-12-06T10:05:00.000Z   # the last check, and what it found
 *           status: ok                      # ok, missing, empty, refused
 *           summary: repo, 214 commits, README
 *           commits: 214
 *           last-commit: 2026-12-01
 *           head: 4f1c...                   # the commit count is reused while HEAD is this
 *           remote: https://github.com/learner/churn-model.git
 *           readme: Churn prediction with gradient boosting */
#ifndef TRAIL_PROGRESS_EVIDENCE_H
#define TRAIL_PROGRESS_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "progress.h"

#define PROGRESS_EVIDENCE_TEXT_MAX 4096 /* bytes in a target, description or credential id */

enum progress_evidence_kind {
    PROGRESS_EVIDENCE_NONE = 0, /* removed (a tombstone) */
    PROGRESS_EVIDENCE_PATH,     /* a file or a directory */
    PROGRESS_EVIDENCE_REPO,     /* a git repository's directory */
    PROGRESS_EVIDENCE_URL,
    PROGRESS_EVIDENCE_CREDENTIAL, /* a certification's verification URL (and credential id) */
};
#define PROGRESS_EVIDENCE_KIND_COUNT 5

enum progress_check_status {
    PROGRESS_CHECK_NONE = 0, /* never checked */
    PROGRESS_CHECK_OK,
    PROGRESS_CHECK_MISSING, /* the path is not there */
    PROGRESS_CHECK_EMPTY,   /* an empty file, or a repository without a commit */
    PROGRESS_CHECK_REFUSED, /* not checked: a symlink out of home, a loop, a malformed URL... */
};
#define PROGRESS_CHECK_STATUS_COUNT 5

/* What the last check found. Strings owned by the record; NULL when unknown. */
struct progress_check {
    int64_t when; /* ms since the epoch; 0: never checked */
    enum progress_check_status status;
    char *summary;       /* one line for people: "repo, 214 commits, README", "missing" */
    long commits;        /* repositories: the commit count; -1 unknown */
    int64_t last_commit; /* repositories: the last commit's time, s since the epoch; 0 unknown */
    char *head;          /* repositories: HEAD's commit id (hex) */
    char *remote;        /* repositories: the origin remote's URL, as written in its config */
    char *readme;        /* the README's first line of text */
};

/* One piece of evidence. Records handed out are borrowed, valid until the next change. */
struct progress_evidence {
    char *key; /* internal: the row's index key */
    char *item;
    char *target;
    enum progress_evidence_kind kind;
    char *description; /* NULL: none */
    char *credential;  /* a credential id; NULL: none */
    int64_t changed;
    struct progress_check check;
};

/* What to attach: target and kind required; the strings are copied. */
struct progress_evidence_spec {
    const char *target;
    enum progress_evidence_kind kind;
    const char *description; /* NULL or "": none */
    const char *credential;  /* NULL or "": none */
};

/* "none", "path", "repo", "url", "credential", and parsing them (0 or -1). */
const char *progress_evidence_kind_name(enum progress_evidence_kind kind);
int progress_evidence_kind_parse(const char *name, enum progress_evidence_kind *kind);

/* "", "ok", "missing", "empty", "refused", and parsing them (0 or -1). */
const char *progress_check_status_name(enum progress_check_status status);
int progress_check_status_parse(const char *name, enum progress_check_status *status);

/* Whether s is one line of valid UTF-8 text of 1..PROGRESS_EVIDENCE_TEXT_MAX bytes (a target
 * may hold any character but NUL; a description or credential id no line break). */
bool progress_evidence_text_ok(const char *s, bool one_line);

/* Attaches (or updates) a piece of evidence to item_id as a change at now_ms, undoable.
 * Returns PROGRESS_INVALID on an empty id, a kind of NONE or text that is not valid,
 * PROGRESS_SAME when the piece is already attached as given. */
enum progress_change progress_evidence_attach(struct progress *p, const char *guide_id,
                                              const char *item_id,
                                              const struct progress_evidence_spec *spec,
                                              int64_t now_ms);

/* Removes a piece (leaving a tombstone), undoable. PROGRESS_SAME when it is not attached. */
enum progress_change progress_evidence_detach(struct progress *p, const char *guide_id,
                                              const char *item_id, const char *target,
                                              int64_t now_ms);

/* Records the result of a check of a piece (copied; c->when is the check's time). Not a
 * learner's change: not undoable. PROGRESS_SAME when the piece is not attached. */
enum progress_change progress_evidence_set_check(struct progress *p, const char *guide_id,
                                                 const char *item_id, const char *target,
                                                 const struct progress_check *c);

/* The piece of item_id with that target (tombstones included), or NULL. Borrowed. */
const struct progress_evidence *progress_evidence_find(const struct progress *p,
                                                       const char *guide_id, const char *item_id,
                                                       const char *target);

/* The same in guide entry pg (may be NULL). */
const struct progress_evidence *progress_evidence_find_in(const struct progress_guide *pg,
                                                          const char *item_id, const char *target);

/* Every piece of a guide entry (tombstones included), in the order attached: their number and
 * piece i. pg may be NULL. Borrowed. */
size_t progress_guide_count_evidence(const struct progress_guide *pg);
const struct progress_evidence *progress_guide_evidence(const struct progress_guide *pg, size_t i);

/* The attached pieces (no tombstones) of item_id, at most max of them, into out (borrowed);
 * returns how many there are in all. */
size_t progress_evidence_of(const struct progress *p, const char *guide_id, const char *item_id,
                            const struct progress_evidence **out, size_t max);

/* Whether key action a of guide_id is done but has no piece of a kind it expects (its guide's
 * `evidence:`, GUIDE_EVIDENCE_* bits). */
bool progress_evidence_missing(const struct progress *p, const char *guide_id,
                               const struct guide_action *a);

/* "a repository", "a path or a URL", ...: the kinds in GUIDE_EVIDENCE_* bits, for people. Into
 * buf (size bytes). */
void progress_evidence_expected_words(unsigned bits, char *buf, size_t size);

/* Frees what a check holds and zeroes it. */
void progress_check_clear(struct progress_check *c);

#endif
