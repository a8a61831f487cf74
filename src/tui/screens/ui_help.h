/* SPDX-License-Identifier: MIT */
/* The help overlay (? F1): the keys that work on the screen shown. */
#ifndef TRAIL_UI_HELP_H
#define TRAIL_UI_HELP_H

#include "ui_stack.h"

/* Opens the overlay over the top screen; the movement keys scroll it, any other key closes it. */
enum ui_result ui_help_open(struct ui *ui, int arg);

#endif
