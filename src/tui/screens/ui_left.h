/* SPDX-License-Identifier: MIT */
/* "What's left" (w). */
#ifndef TRAIL_UI_LEFT_H
#define TRAIL_UI_LEFT_H

#include "ui_stack.h"

/* Opens it above the current screen (or returns to it when it is already open). */
enum ui_result ui_left_open(struct ui *ui, int arg);

#endif
