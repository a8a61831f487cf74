/* SPDX-License-Identifier: MIT */
/* The learner's own actions (a, r, D) and opening an action's link (o), on a checklist. */
#ifndef TRAIL_UI_MINE_H
#define TRAIL_UI_MINE_H

#include "ui_stack.h"

/* a: asks for the text of a new action after the selected one (first in an empty phase). */
enum ui_result ui_mine_add(struct ui *ui, int arg);
/* r: asks for the selected own action's new text. */
enum ui_result ui_mine_edit(struct ui *ui, int arg);
/* D: removes the selected own action (u brings it back). */
enum ui_result ui_mine_remove(struct ui *ui, int arg);
/* o: opens the selected action's http, https or mailto link with $BROWSER or xdg-open. */
enum ui_result ui_mine_open_link(struct ui *ui, int arg);

#endif
