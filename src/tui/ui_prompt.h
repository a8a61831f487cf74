/* SPDX-License-Identifier: MIT */
/* The input line at the bottom of the browser (the search prompt, the start date): a modal
 * that takes every key, replaces the footer and shows the terminal's cursor. Editing is the
 * one line-editing keymap (ui_edit.h); Enter and Esc end it through the owner's callback. */
#ifndef TRAIL_UI_PROMPT_H
#define TRAIL_UI_PROMPT_H

#include "ui_stack.h"
#include "view_input.h"

enum ui_prompt_event {
    UI_PROMPT_EDIT,   /* the text changed */
    UI_PROMPT_ACCEPT, /* Enter: the callback closes the prompt with ui_prompt_close(), or
                         leaves it open (e.g. nothing matched) */
    UI_PROMPT_CANCEL, /* Esc: the prompt is already closed when the callback runs */
};

struct ui_prompt;

/* Called on each event; returns result bits (the prompt line is always repainted). */
typedef enum ui_result (*ui_prompt_fn)(struct ui *ui, struct ui_prompt *p, enum ui_prompt_event ev);

struct ui_prompt {
    const char *label; /* drawn before the text, e.g. "/"; static */
    struct view_input input;
    ui_prompt_fn fn;
    char note[64]; /* drawn at the right end, e.g. "3 of 7"; plain ASCII */
    enum view_role note_role;
};

/* Opens p (owned by the caller, who keeps it alive while open) with text as the initial text
 * (NULL: empty) and shows the cursor. At most one prompt is open: an open one is closed. */
void ui_prompt_open(struct ui *ui, struct ui_prompt *p, const char *label, const char *text,
                    ui_prompt_fn fn);

/* Closes the open prompt (if any) and hides the cursor. The prompt's text stays readable until
 * it is opened again or freed with ui_prompt_free(). */
void ui_prompt_close(struct ui *ui);

/* Releases p's text; closes it first when it is the open one. */
void ui_prompt_free(struct ui *ui, struct ui_prompt *p);

/* The prompt a feature keeps in ui_data() under tag (ui_stack.h), made (empty, closed) the
 * first time; freed with the feature's state. */
struct ui_prompt *ui_prompt_kept(struct ui *ui, const void *tag);

/* Sets the note at the right of the prompt line (printf format). */
void ui_prompt_note(struct ui_prompt *p, enum view_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* True when p is the open prompt. */
bool ui_prompt_is_open(const struct ui *ui, const struct ui_prompt *p);

#endif
