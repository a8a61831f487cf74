/* SPDX-License-Identifier: MIT */
/* Checklist progress in the browser: ticking key actions, undo, the next action to do, and
 * what the store found at start. Changes return UI_RES_SAVE: the loop saves them. */
#ifndef TRAIL_UI_PROGRESS_H
#define TRAIL_UI_PROGRESS_H

#include "progress.h"
#include "ui_stack.h"

/* Says once, in the status line, what opening the store found (a damaged file kept aside, why
 * progress is read-only) and, with a guide open, how many saved items this guide does not
 * have. */
void ui_progress_start(struct ui *ui);
/* Says in the status line how many saved items the open guide does not have, if any (for a
 * guide opened from the picker). */
void ui_progress_note_unknown(struct ui *ui);
/* Sets the selected key action of checklist screen s to state, or back to "to do" when it is
 * in that state already. Returns the result bits. */
enum ui_result ui_progress_mark(struct ui *ui, struct ui_screen *s, enum progress_state state);
/* The marking keys on a screen that lists key actions (a checklist, What's left): Space or x,
 * p and s mark the selected one; other actions return UI_RES_PASS. */
enum ui_result ui_progress_mark_key(struct ui *ui, struct ui_screen *s, enum ui_action a);
/* A list of key actions (What's left, Today): the marking keys as ui_progress_mark_key(), and
 * Enter opens the phase of the selected action above the list with that action selected, so
 * Back returns to the list. Other actions return UI_RES_PASS. */
enum ui_result ui_progress_action_list(struct ui *ui, struct ui_screen *s, enum ui_action a);
/* "to do", "in progress", "done", "skipped": a state as the status line says it. */
const char *ui_progress_state_words(enum progress_state st);
/* Undoes the last change (several levels). */
enum ui_result ui_progress_undo(struct ui *ui, int arg);
/* Opens the phase of the next key action (progress_next_action(): after the selected one on a
 * checklist, else the one Home suggests as "Next") and selects it. */
enum ui_result ui_progress_next_todo(struct ui *ui, int arg);

/* What the learner calls item id: a key action's text, a phase's title, a certification's
 * name; the id itself when the guide (or its loaded parts) has none of them. Borrowed. */
const char *ui_progress_subject_name(const struct guide *g, const char *id);

#endif
