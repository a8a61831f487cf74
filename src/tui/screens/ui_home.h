/* SPDX-License-Identifier: MIT */
/* Home's command: the pace start date prompt (S). */
#ifndef TRAIL_UI_HOME_H
#define TRAIL_UI_HOME_H

#include "ui_stack.h"

/* Opens the prompt for the day the learner started (pace counts from it). */
enum ui_result ui_home_start_prompt(struct ui *ui, int arg);

#endif
