/* SPDX-License-Identifier: MIT */
/* The certification tracker's form (t), a modal over the certification screens. */
#ifndef TRAIL_UI_CERTFORM_H
#define TRAIL_UI_CERTFORM_H

#include "ui_stack.h"

/* Opens the form for the certification that is the top screen's subject (shown or selected).
 * Returns the result bits. */
enum ui_result ui_certform_open(struct ui *ui, int arg);

#endif
