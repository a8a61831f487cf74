/* SPDX-License-Identifier: MIT */
/* Evidence in the browser: the form that attaches, changes or removes a piece on the selected
 * key action or certification (v), and the offline check of every piece (V). */
#ifndef TRAIL_UI_EVIDENCE_H
#define TRAIL_UI_EVIDENCE_H

#include "ui_stack.h"

/* Opens the form for the top screen's subject. Returns the result bits. */
enum ui_result ui_evidence_form(struct ui *ui, int arg);

/* Says it is checking, then checks every piece of the guide's evidence after the next paint
 * and says what holds. Returns the result bits. */
enum ui_result ui_evidence_verify(struct ui *ui, int arg);

#endif
