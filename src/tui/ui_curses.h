/* SPDX-License-Identifier: MIT */
/* The one header that includes curses (wide-character build), and the key codes the browser
 * reads: a character, or a function key (KEY_UP, ...) marked with UI_KEY_FN. Nothing outside
 * src/tui includes it. */
#ifndef TRAIL_UI_CURSES_H
#define TRAIL_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

/* Function keys (KEY_UP, ...) are kept apart from characters by this bit. */
#define UI_KEY_FN 0x1000000
/* The code of function key k, and of Ctrl with character c. */
#define UI_FN(k)   ((k) | UI_KEY_FN)
#define UI_CTRL(c) ((c)&0x1f)
#define UI_KEY_ESC 27

#endif
