/* SPDX-License-Identifier: MIT */
/* The learner's progress as the browser holds it: the store opened after the first frame,
 * and the one save per batch of keys. A handler that changes progress returns UI_RES_SAVE;
 * the loop marks every screen stale at once (they all may show progress) and calls
 * ui_store_flush() after the keys pending, so three quick ticks are one locked write. */
#ifndef TRAIL_UI_STORE_H
#define TRAIL_UI_STORE_H

#include <stdbool.h>

#include "progress.h"
#include "ui_stack.h"

/* The learner's progress document, or NULL when the browser runs without a store. Borrowed. */
struct progress *ui_store_doc(struct ui *ui);
/* For a change the model did not make, the status line says why: `invalid` (an error) when ch
 * is PROGRESS_INVALID, `same` when it is PROGRESS_SAME; then true (the handler returns
 * UI_RES_ALL). False when ch is PROGRESS_CHANGED. */
bool ui_store_unchanged(struct ui *ui, enum progress_change ch, const char *invalid,
                        const char *same);
/* Opens the progress file given by opt.store_path, unless a store was given or is open. */
void ui_store_open(struct ui *ui);
/* Saves when a change is pending. A failure shows the store's message, and so does the first
 * success after a failure ("Saved to ..."), so the learner knows the earlier changes are safe
 * now; every screen is laid out again (the save merged what other instances saved). */
void ui_store_flush(struct ui *ui);
/* How often the loop retries a save that waits for another process's lock. */
#define UI_STORE_RETRY_MS 50
/* Whether q may quit now: true when everything is saved (it retries a failed save first) or
 * the learner was already warned; otherwise warns in the status line, once. */
bool ui_store_may_quit(struct ui *ui);
/* Saves what is still unsaved as the browser ends (q, a signal, a lost terminal). Returns NULL,
 * or a message for standard error (caller frees) when changes could not be saved. */
char *ui_store_finish(struct ui *ui);

#endif
