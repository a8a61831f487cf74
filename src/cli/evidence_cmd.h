/* SPDX-License-Identifier: MIT */
/* Evidence from the shell: trail --attach ITEM PATH|URL [--description TEXT] [--credential ID],
 * trail --detach ITEM PATH|URL and trail --verify [ITEM].
 *
 * ITEM names a key action or a certification as the other shell commands do (item_cmd.h). A
 * path is kept absolute, with "~" for the home directory (evidence_check.h); a URL as given.
 * Attaching and detaching save through the store like every change and leave the record
 * trail undo takes back. Each function returns the exit status: 0 done, 1 refused or not
 * saved (the message on err); --verify also returns 1 when a piece does not hold. */
#ifndef TRAIL_EVIDENCE_CMD_H
#define TRAIL_EVIDENCE_CMD_H

#include <stdio.h>

#include "guide.h"
#include "progress_store.h"

/* What trail --attach is given beside the item. */
struct evidence_cmd_piece {
    const char *target;      /* the path or URL as written */
    const char *description; /* NULL: none */
    const char *credential;  /* a certification's credential id; NULL: keep the one it has, "":
                              * remove it */
};

/* trail --attach: attaches the piece to the item `name` names. A credential id makes the piece
 * a certification's credential: only on a certification, and only with a URL. */
int evidence_cmd_attach(const struct guide *g, struct progress_store *s, const char *name,
                        const struct evidence_cmd_piece *piece, unsigned text_flags, FILE *out,
                        FILE *err);

/* trail --detach: removes the piece of that target from the item `name` names. */
int evidence_cmd_detach(const struct guide *g, struct progress_store *s, const char *name,
                        const char *target, unsigned text_flags, FILE *out, FILE *err);

/* trail --verify: checks every piece of g's evidence (name non-NULL: of that item only),
 * prints one line per piece and a total, and saves the results (not when the store is
 * read-only: the results are still printed). */
int evidence_cmd_verify(const struct guide *g, struct progress_store *s, const char *name,
                        unsigned text_flags, FILE *out, FILE *err);

#endif
