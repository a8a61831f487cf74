/* SPDX-License-Identifier: MIT */
/* Resume: where the learner left off. */
#ifndef TRAIL_UI_RESUME_H
#define TRAIL_UI_RESUME_H

#include "ui_stack.h"

/* Records the current screen, selected item and scroll as the resume position (not when
 * progress is read-only); the store's final save then writes it. */
void ui_resume_save(struct ui *ui);
/* Reopens the saved position when the screen and its item still exist in this guide; else
 * stays on Home. Call with only Home on the stack. */
void ui_resume_restore(struct ui *ui);

#endif
