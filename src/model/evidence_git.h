/* SPDX-License-Identifier: MIT */
/* Reading a git repository for an evidence check, through libgit2, loaded only when a
 * repository is checked (so that no other run of trail pays for loading it and the libraries it
 * pulls in: TLS, SSH, HTTP parsing, PCRE).
 *
 * Nothing in the repository runs: it is opened without searching parent directories and without
 * the environment (GIT_DIR and the like are not read), its working tree is never checked out
 * and no filter, hook or configured program is ever called (only objects, references and the
 * config's remote URL are read); libgit2 refuses a repository another user owns. History is
 * walked only when HEAD is not the commit whose count was kept from the last check. */
#ifndef TRAIL_EVIDENCE_GIT_H
#define TRAIL_EVIDENCE_GIT_H

#include <stdbool.h>
#include <stdint.h>

#define EVIDENCE_GIT_OID_HEX 41 /* 40 hex digits and a NUL */

/* What a repository holds. Strings owned (free with evidence_git_done()). */
struct evidence_git {
    bool unborn;         /* no commit yet */
    long commits;        /* commits reachable from HEAD */
    int64_t last_commit; /* HEAD commit's time, s since the epoch */
    char head[EVIDENCE_GIT_OID_HEX];
    bool walked;       /* the history was walked (false: the count was reused) */
    bool readme;       /* HEAD's tree has a README */
    char *readme_line; /* its first line of text, or NULL */
    char *remote;      /* the "origin" remote's URL, or NULL */
};

/* Reads the repository whose working tree (or bare directory) is dir. When HEAD is the commit
 * known_head (may be NULL), known_commits is taken as the count and no history is read.
 * Returns 0 and fills *out, or -1 with *cause (a new sentence; caller frees): libgit2 is not
 * installed, dir is not a repository, or it cannot be read. */
int evidence_git_read(const char *dir, const char *known_head, long known_commits,
                      struct evidence_git *out, char **cause);

/* Frees what evidence_git_read() filled in. */
void evidence_git_done(struct evidence_git *g);

/* Whether libgit2 could be loaded (loads it). */
bool evidence_git_available(void);

/* Unloads libgit2 if it was loaded (at exit, so leak checkers see its memory returned). */
void evidence_git_unload(void);

#endif
