/* SPDX-License-Identifier: MIT */
/* Keys to view_input edits (view_input.c does the editing). */
#include "ui_edit.h"

#include <stdint.h>

#include "ui_curses.h"

int ui_edit_key(struct view_input *in, int key)
{
    switch (key) {
    case UI_FN(KEY_BACKSPACE):
    case 127:
    case 8:
        return view_input_backspace(in);
    case UI_FN(KEY_DC):
        return view_input_delete(in);
    case UI_CTRL('u'):
        return view_input_clear(in);
    case UI_FN(KEY_LEFT):
        view_input_left(in);
        return 0;
    case UI_FN(KEY_RIGHT):
        view_input_right(in);
        return 0;
    case UI_FN(KEY_HOME):
    case UI_CTRL('a'):
        view_input_home(in);
        return 0;
    case UI_FN(KEY_END):
    case UI_CTRL('e'):
        view_input_end(in);
        return 0;
    default:
        break;
    }
    if (key & UI_KEY_FN) {
        return 0;
    }
    return view_input_insert(in, (uint32_t)key) ? 1 : -1;
}
