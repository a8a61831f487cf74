/* SPDX-License-Identifier: MIT */
/* The learner's own actions: steps a learner adds to any guide's sections without touching the
 * guide's files. They live in the progress file (a guide entry's `personal` mapping, see
 * docs/progress-format.md), are merged entry by entry like the rest of it (the later change
 * wins; a removed action stays as an entry without text, so a merge cannot bring it back), and
 * are spliced into the loaded guide as actions marked `personal`, so every screen, report,
 * search and export shows them as it shows the guide's own. */
#ifndef TRAIL_PROGRESS_PERSONAL_H
#define TRAIL_PROGRESS_PERSONAL_H

#include <stddef.h>
#include <stdint.h>

#include "guide.h"
#include "progress.h"

#define PROGRESS_PERSONAL_MAX 1000 /* bytes in a personal action's text */

/* One personal action. text NULL: removed (a tombstone). */
struct progress_personal {
    char *id;    /* "mine/..." */
    char *text;  /* one line of valid UTF-8, 1..PROGRESS_PERSONAL_MAX bytes */
    char *phase; /* the id of the phase (section) it is in */
    char *after; /* the action it follows; NULL: first in the phase */
    int64_t changed;
};

/* guide_id's personal entries (tombstones included), in file order: their number, and entry i.
 * Borrowed; valid until the next change of the document. */
size_t progress_personal_count(const struct progress *p, const char *guide_id);
const struct progress_personal *progress_personal_at(const struct progress *p, const char *guide_id,
                                                     size_t i);
/* The entry of id, tombstones included, or NULL. */
const struct progress_personal *progress_personal_find(const struct progress *p,
                                                       const char *guide_id, const char *id);

/* A new id for a personal action of guide_id, unused in p ("mine/" and the time in base 36).
 * Returns a new string (caller frees). */
char *progress_personal_new_id(const struct progress *p, const char *guide_id, int64_t now_ms);

/* Adds, edits (text NULL: removes) the personal action id as a change at now_ms, undoable with
 * progress_undo_change(). phase and after say where it is (after NULL: first in the phase);
 * editing with phase NULL keeps its place. Returns PROGRESS_INVALID (and changes nothing) for
 * an id without the prefix, text that is empty, not one line of valid UTF-8 or too long, or a
 * new action without a phase; PROGRESS_SAME when nothing would change. */
enum progress_change progress_personal_set(struct progress *p, const char *guide_id, const char *id,
                                           const char *phase, const char *after, const char *text,
                                           int64_t now_ms);

/* Makes g's actions those of its files plus the personal actions p holds for it: each after its
 * `after` action (and that action's sub-actions) in its phase, at the same depth; one whose
 * phase is gone at the end of the last phase. Cheap when nothing changed since the last call.
 * The new arrays live in g's arena. The first call with a document also lets a Markdown plan's
 * actions take their saved ids back (progress_reattach()). */
void progress_personal_apply(struct guide *g, const struct progress *p);

#endif
