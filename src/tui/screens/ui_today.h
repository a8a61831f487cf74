/* SPDX-License-Identifier: MIT */
/* Today (T) and logging time (L). */
#ifndef TRAIL_UI_TODAY_H
#define TRAIL_UI_TODAY_H

#include "ui_stack.h"

/* Opens Today above the current screen (or returns to it when it is already open). */
enum ui_result ui_today_open(struct ui *ui, int arg);

/* Asks for the hours a week the learner gives this guide's plan (1 to 100; kept in the progress
 * file, undoable). Today asks by itself, once a run, when it opens on a dated plan that spreads
 * effort_hours and has no hours, in the progress file or the configuration. */
enum ui_result ui_today_hours(struct ui *ui, int arg);

/* Asks how long was spent on the top screen's subject and logs it (undoable with u). */
enum ui_result ui_today_log(struct ui *ui, int arg);

#endif
