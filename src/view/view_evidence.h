/* SPDX-License-Identifier: MIT */
/* Evidence as the browser shows it under its item: one line per piece, its target (sanitised:
 * a path or a remote may hold escapes) and what its last check found, "verified 2026-12-06:
 * repo, 214 commits, README", or that it was never checked. */
#ifndef TRAIL_VIEW_EVIDENCE_H
#define TRAIL_VIEW_EVIDENCE_H

#include <stddef.h>

#include "progress_evidence.h"
#include "view.h"

/* Adds a line per piece of evidence attached to item_id of guide_id, at column indent, each
 * cut to the width. Returns the number of lines added (0 when there is none or p is NULL). */
size_t view_evidence_add(struct view_doc *d, const struct progress *p, const char *guide_id,
                         const char *item_id, int indent);

/* "verified 2026-12-06: repo, 214 commits, README", "missing (checked 2026-12-06)", or "not
 * checked yet" for a piece, into buf (size bytes). */
void view_evidence_result(const struct progress_evidence *e, char *buf, size_t size);

#endif
