/* SPDX-License-Identifier: MIT */
/* Where guides are found: --content, $TRAIL_CONTENT, the installed data directory, and the
 * source tree's content/ (so a freshly built trail runs without installing). */
#ifndef TRAIL_GUIDE_LOCATE_H
#define TRAIL_GUIDE_LOCATE_H

#include "diag.h"
#include "guide.h"

#define GUIDE_DEFAULT_ID "ml-engineer"

/* Resolves the guide directory to open. `dir` is what --content gave (NULL if nothing): a guide
 * directory, or a directory of guides. Without it, $TRAIL_CONTENT, then the installed guides,
 * then the source tree are tried. In a directory of guides, `id` (or GUIDE_DEFAULT_ID when NULL)
 * is chosen, or the only guide there. Returns a new path (caller frees), or NULL after adding
 * an error to d. With seen (may be NULL), what was learnt of the guide's guide.yaml on the way,
 * for guide_load_seen(). */
char *guide_locate(const char *dir, const char *id, struct guide_seen *seen, struct diag *d);

/* One guide found in a content directory. */
struct guide_entry {
    char *id;               /* the directory's name; a plan's file name without ".md" */
    char *dir;              /* its path */
    struct guide_seen seen; /* for guide_load_seen() */
};

/* Lists the guides of the content directory in use (`dir` as for guide_locate(), or the first
 * of $TRAIL_CONTENT, the installed guides and the source tree that holds any), sorted by id.
 * A directory that is itself a guide lists just that one. seen (may be NULL): what
 * guide_md_is_plan() learnt of dir, when dir is a plan found so already. Returns the count and
 * a new array in *out (free with guide_entries_free()); 0 with an error in d when there is
 * none. */
size_t guide_catalog(const char *dir, const struct guide_seen *seen, struct guide_entry **out,
                     struct diag *d);
void guide_entries_free(struct guide_entry *v, size_t n);

/* True when dir holds a guide (a guide.yaml) or is a Markdown plan (guide_md.h). */
int guide_locate_is_guide(const char *dir);

#endif
