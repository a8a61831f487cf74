/* Where guides are found: --content, $TRAIL_CONTENT, the installed data directory, and the
 * source tree's content/ (so a freshly built trail runs without installing). */
#ifndef TRAIL_GUIDE_LOCATE_H
#define TRAIL_GUIDE_LOCATE_H

#include "diag.h"

#define GUIDE_DEFAULT_ID "ml-engineer"

/* Resolves the guide directory to open. `dir` is what --content gave (NULL if nothing): a guide
 * directory, or a directory of guides. Without it, $TRAIL_CONTENT, then the installed guides,
 * then the source tree are tried. In a directory of guides, `id` (or GUIDE_DEFAULT_ID when NULL)
 * is chosen, or the only guide there. Returns a new path (caller frees), or NULL after adding
 * an error to d. */
char *guide_locate(const char *dir, const char *id, struct diag *d);

/* True when dir holds a guide (a guide.yaml). */
int guide_locate_is_guide(const char *dir);

#endif
