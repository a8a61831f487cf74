/* SPDX-License-Identifier: MIT */
/* Hyperlinks: the links the top screen shows (struct view_link) made OSC 8 hyperlinks on
 * terminals that understand them, after the frame is painted. */
#ifndef TRAIL_UI_LINKS_H
#define TRAIL_UI_LINKS_H

#include <stdbool.h>

#include "ui_stack.h"

/* Whether this terminal gets OSC 8 hyperlinks, decided as systemd and gcc decide:
 * TRAIL_HYPERLINKS says ("0", "no", "off" or "never": no; anything else: yes); unset, not on a
 * terminal that shows no colours, on TERM dumb, linux, vt* or cons*, nor when NO_COLOR asks for
 * plain output. Call after curses started. */
bool ui_links_wanted(void);

/* Writes the hyperlinks over the visible links of the top screen, each over the cells curses
 * has just drawn (the same characters in the same colours), the cursor and attributes saved
 * and restored around them so curses' idea of the terminal stays true. Call right after a
 * refresh(). Nothing when hyperlinks are off or a modal covers the body. A link whose address
 * guide_md_link_target() refuses is left as plain text. */
void ui_links_paint(struct ui *ui);

#endif
