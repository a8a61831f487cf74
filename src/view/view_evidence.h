/* SPDX-License-Identifier: MIT */
/* Evidence as the browser shows it under its item: first what the last checks found, beside
 * the item's state ("done · verified 2026-12-06: repo, 214 commits, README"), then one line
 * per piece: its description, its credential id and its target (sanitised: a path or a remote
 * may hold escapes), with its own result when there are several or it does not hold. */
#ifndef TRAIL_VIEW_EVIDENCE_H
#define TRAIL_VIEW_EVIDENCE_H

#include <stddef.h>

#include "progress_evidence.h"
#include "view.h"

/* Adds the result line and a line per piece of evidence attached to item_id of guide_id, at
 * column indent, each cut to the width. state (may be NULL) leads the result line: a key
 * action's state in words, drawn in state_role. Returns the number of lines added (0 when
 * there is no evidence or p is NULL). */
size_t view_evidence_add(struct view_doc *d, const struct progress *p, const char *guide_id,
                         const char *item_id, const char *state, enum view_role state_role,
                         int indent);

/* "verified 2026-12-06: repo, 214 commits, README", "missing (checked 2026-12-06)", or "not
 * checked yet (V checks)" for a piece, into buf (size bytes). */
void view_evidence_result(const struct progress_evidence *e, char *buf, size_t size);

/* What the last checks of n pieces found, as one line into buf: the piece's result for one;
 * "verified DATE: all 3 hold", "1 of 3 does not hold (checked DATE)", ... for several (DATE:
 * the latest check). Returns the role to draw it in: done when every piece holds, error when
 * one does not, dim while none was checked. */
enum view_role view_evidence_summary(const struct progress_evidence *const *v, size_t n, char *buf,
                                     size_t size);

#endif
