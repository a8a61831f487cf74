/* SPDX-License-Identifier: MIT */
/* Where the browser was, kept apart from the progress file: a browser that only moved the
 * selection never rewrites the learner's progress (which may live in a dotfiles repository).
 *
 * The positions live in "$XDG_STATE_HOME/trail/resume.yaml" (default
 * "~/.local/state/trail/resume.yaml"), a file in the progress file's own format holding only
 * `resume` entries, so it is read, merged under its lock and saved atomically by the same
 * store. Each entry is keyed "<guide id>@<progress file>", so that progress files chosen with
 * --state keep positions of their own. A position an older trail kept in the progress file
 * itself is still read while the state file has none for that guide. */
#ifndef TRAIL_PROGRESS_RESUME_H
#define TRAIL_PROGRESS_RESUME_H

#include <stdbool.h>

#include "progress.h"

/* The state file's path; a new string (caller frees), NULL when no home directory is known. */
char *progress_resume_path(void);

/* Saves the position of guide_id, for the progress file at progress_target (the store's
 * target), to the state file: screen, item (may be NULL) and scroll as progress_set_resume()
 * takes them. Returns 0, or -1 when it could not be saved (a browser then simply starts on
 * Home next time). */
int progress_resume_save(const char *progress_target, const char *guide_id, const char *screen,
                         const char *item, long scroll);

/* The saved position of guide_id: from the state file, else from p's own resume entry (an
 * older trail's). Returns true and fills *out with new strings (free out->screen and out->item;
 * item may be NULL); false when there is none. */
bool progress_resume_load(const char *progress_target, const struct progress *p,
                          const char *guide_id, struct progress_resume *out);

/* The guide picker's position, kept in the same file under a name no guide id can take (a
 * guide's id is a directory's name, which holds no '/'): the guide selected in the picker,
 * and whether it was open when the browser ended. Returns 0, or -1 when it could not be
 * saved. */
int progress_resume_save_picker(const char *progress_target, const char *guide_id, bool open);

/* The picker's saved position: true with *guide_id a new string (caller frees) and *open;
 * false when none was saved. */
bool progress_resume_load_picker(const char *progress_target, char **guide_id, bool *open);

#endif
