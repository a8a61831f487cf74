/* SPDX-License-Identifier: MIT */
/* The guide's sections (Overview, Career path, Certifications, FAQ): opening one as the only
 * screen above Home, Tab / Shift-Tab and 1-9, and loading the part of the guide a section
 * needs. The wiring file's section list (ui->app->sections) says which screen lists each. */
#ifndef TRAIL_UI_SECTION_H
#define TRAIL_UI_SECTION_H

#include <stdbool.h>

#include "ui_stack.h"

/* Opens section sec as the only screen above Home. When its part of the guide is not loaded,
 * it says "Loading <file>..." and loads it once the loop has painted that (ui_defer()).
 * Returns the result bits. */
enum ui_result ui_section_open(struct ui *ui, enum view_section sec);
/* Opens section sec at once, without a notice (at start, and for features that go on from
 * there). Returns true when the section's list is on top; false when its part could not be
 * loaded (the error screen is on top then). */
bool ui_section_show(struct ui *ui, enum view_section sec);
/* Tab / Shift-Tab: the next / previous section, Home counting as before the first. */
enum ui_result ui_section_step(struct ui *ui, bool forward);
/* 1-9: section number n of Home's menu (0-based). */
enum ui_result ui_section_jump(struct ui *ui, int n);
/* Returns to the screen of kind `kind` when one is open (popping the screens above it), or
 * pushes it as a screen that is not a section (What's left, Today); when the stack is full, says so
 * in the status line. Returns the result bits. */
enum ui_result ui_open_kind(struct ui *ui, const char *kind, const char *crumb);
/* Loads a part of the guide; on failure pushes the error screen with the located messages and
 * returns false. */
bool ui_section_load(struct ui *ui, unsigned part);

#endif
