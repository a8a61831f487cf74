/* SPDX-License-Identifier: MIT */
/* Today (T) and logging time (L). */
#ifndef TRAIL_UI_TODAY_H
#define TRAIL_UI_TODAY_H

#include "ui_stack.h"

/* Opens Today above the current screen (or returns to it when it is already open). */
enum ui_result ui_today_open(struct ui *ui, int arg);

/* Asks how long was spent on the top screen's subject and logs it (undoable with u). */
enum ui_result ui_today_log(struct ui *ui, int arg);

#endif
