/* SPDX-License-Identifier: MIT */
/* Notes: written in $VISUAL / $EDITOR (fallback vi) (e), read in full in trail (E). */
#ifndef TRAIL_UI_NOTE_H
#define TRAIL_UI_NOTE_H

#include "ui_stack.h"

/* Opens the note of the top screen's subject (its selected item, or the certification shown)
 * in the editor; what comes back is the new note (an empty one removes it), saved by the loop.
 * Says in the status line what happened. Returns the result bits. */
enum ui_result ui_note_edit(struct ui *ui, int arg);
/* Opens the note view on the top screen's subject (on a phase's checklist whose selected action
 * has no note, the phase's): the whole note, which scrolls; Back returns. Without a note the
 * status line says so. Returns the result bits. */
enum ui_result ui_note_read(struct ui *ui, int arg);

#endif
