/* SPDX-License-Identifier: MIT */
/* The line-editing keymap, the one used by every input line (the prompt, a form's fields):
 * printable characters insert (UTF-8, wide characters and combining marks included),
 * Backspace deletes the character before the cursor, Delete the one under it, Ctrl-U clears
 * the line, Left/Right/Home/End (and Ctrl-A/Ctrl-E) move. */
#ifndef TRAIL_UI_EDIT_H
#define TRAIL_UI_EDIT_H

#include "view_input.h"

/* Applies key to in. Returns 1 when the text changed, 0 when only the cursor moved or the key
 * did nothing (a function key), -1 for a key that is not an edit. */
int ui_edit_key(struct view_input *in, int key);

#endif
