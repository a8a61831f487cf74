/* SPDX-License-Identifier: MIT */
/* The browser's main loop: read every pending key, turn each into an action through the key
 * table, run it (the open modal, else the top screen's hook, else the wiring's command, else
 * the loop's own movement, Back, redraw and quit), then act on the result bits of the batch:
 * save once, lay out, paint once. */
#ifndef TRAIL_UI_LOOP_H
#define TRAIL_UI_LOOP_H

#include "ui_stack.h"

/* Starts the browser for app: the terminal, the key table, the geometry. Returns 0, or 2 with
 * the reason printed on stderr (then nothing needs ending). */
int ui_begin(struct ui *ui, const struct ui_app *app, struct guide *g,
             const struct ui_options *opt);
/* Paints the first frame, turns input on, opens the store, runs app->start, and reads keys
 * until the user quits. Returns the exit status (0, or 128 + a quit signal). */
int ui_loop(struct ui *ui);
/* Ends what ui_begin() started: closes the modal, leaves curses, prints unsaved (a message
 * from ui_store_finish(), freed here; NULL: none) on stderr, pops every screen, frees the
 * features' state and the key table, and closes the store. */
void ui_end(struct ui *ui, char *unsaved);
/* Runs action a on the top screen as its key would. Returns the result bits. */
enum ui_result ui_do_action(struct ui *ui, enum ui_action a, int arg);
/* Asks the loop to paint the current state (say, a "Loading..." status), then run fn(ui, arg)
 * before it reads more keys: slow work (loading a part of the guide) after a notice, without
 * a handler painting. */
void ui_defer(struct ui *ui, ui_later_fn fn, int arg);

#endif
