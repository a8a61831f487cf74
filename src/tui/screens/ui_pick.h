/* SPDX-License-Identifier: MIT */
/* The guide picker, shown first when the content directory holds several guides and none was
 * named. Enter loads the selected guide and opens its Home in place of the picker; Back from
 * that Home frees the guide and everything built for it (the state features keep per guide,
 * the screens) and shows the picker again with the same selection. */
#ifndef TRAIL_UI_PICK_H
#define TRAIL_UI_PICK_H

#include "ui_stack.h"

/* Loads a summary of every guide of opt.guides and shows the picker as the only screen. */
void ui_pick_start(struct ui *ui);
/* Records the picker's position for the next start: the guide open, else the one selected. */
void ui_pick_save(struct ui *ui);
/* At start: selects the guide selected when the browser last ended, and opens it when it was
 * open then. */
void ui_pick_resume(struct ui *ui);
/* Back on a guide's Home: closes the guide and shows the picker again. Returns the result
 * bits (UI_RES_NONE when no guide was opened from the picker). */
enum ui_result ui_pick_return(struct ui *ui, int arg);

#endif
