/* SPDX-License-Identifier: MIT */
/* Loading the rest of a guide (certifications, FAQ) on a thread of its own, so that a large
 * FAQ never holds up the screen (TUI-5); small ones are loaded at once instead: the loop keeps
 * reading keys and painting while the thread parses, and takes the parts over when it is done. */
#ifndef TRAIL_UI_LOADER_H
#define TRAIL_UI_LOADER_H

#include <stdbool.h>

#include "ui_stack.h"

/* Arranges for then(ui, arg) to run once ui->g has every part it can load. Parts whose files
 * are small are loaded at once, before it returns. Returns false when every part is in (or
 * failed to load) on return, or the parts cannot be loaded apart (then nothing is started:
 * the caller loads what is missing itself); true when the thread loads them: the caller shows a
 * notice, and the loop calls then when they are in. A key the learner presses meanwhile cancels
 * then (ui_loader_cancel_then()), not the loading. */
bool ui_loader_start(struct ui *ui, ui_later_fn then, int arg);

/* True while the thread runs. */
bool ui_loader_busy(const struct ui *ui);

/* Called by the loop after each batch: takes the parts over when the thread is done, and sets
 * *then and *arg to what waited for them (*then NULL when nothing did), for the loop to run
 * like ui_defer()'s work. Returns the result bits to paint (UI_RES_ALL when something
 * changed). */
enum ui_result ui_loader_poll(struct ui *ui, ui_later_fn *then, int *arg);

/* Forgets the waiting `then` (the learner moved on); the parts are still taken over. */
void ui_loader_cancel_then(struct ui *ui);

/* Waits for the thread and frees what it loaded (the browser ends). */
void ui_loader_free(struct ui *ui);

#endif
