/* SPDX-License-Identifier: MIT */
/* Painting: the header, the top screen's body, the footer (key hints or the status), the open
 * modal and the "too small" notice. The loop calls ui_draw_all() and ui_draw_items(); modals
 * use the helpers to draw themselves. */
#ifndef TRAIL_UI_DRAW_H
#define TRAIL_UI_DRAW_H

#include <stddef.h>

#include "ui_stack.h"

void ui_draw_all(struct ui *ui);
/* Repaints the rows of items a and b (SIZE_MAX: none), the header and the footer. */
void ui_draw_items(struct ui *ui, size_t a, size_t b);
/* Draws sanitised text at (y, x) clipped to max columns; returns the columns drawn. */
int ui_draw_text(int y, int x, const char *s, size_t len, int max, attr_t attr);
/* Draws untrusted text s at (y, x) within max columns; text that does not fit is cut at a word
 * (text_fit_words()) and ends in an ellipsis. Returns the columns drawn. */
int ui_draw_cut(const struct ui *ui, int y, int x, const char *s, int max, attr_t attr);
/* Draws a box of w x h at (y0, x0) with a line border, blank inside, in attr (the help overlay,
 * the certification form). */
void ui_draw_box(int y0, int x0, int h, int w, attr_t attr);
/* Sanitises untrusted text, then draws it like ui_draw_text(). */
int ui_draw_untrusted(const struct ui *ui, int y, int x, const char *s, int max, attr_t attr);
/* Draws line `line` of d at (y, x), each run in its role's attribute, within d's width. */
void ui_draw_doc_line(const struct ui *ui, const struct view_doc *d, size_t line, int y, int x);

#endif
