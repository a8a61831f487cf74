/* SPDX-License-Identifier: MIT */
/* The help overlay (? F1): the keys that work on the screen shown. */
#ifndef TRAIL_UI_HELP_H
#define TRAIL_UI_HELP_H

#include "ui_stack.h"

/* At start: says the config file's first warning in the status line (with how many more the
 * overlay lists), before what the status line already says. */
void ui_help_start(struct ui *ui);
/* Opens the overlay over the top screen; the movement keys scroll it, any other key closes it. */
enum ui_result ui_help_open(struct ui *ui, int arg);

#endif
