/* SPDX-License-Identifier: MIT */
/* A line of text being typed (the search prompt's model): UTF-8 editing with a cursor, and the
 * part of it that fits a field of the screen. No curses here; ui_prompt.c feeds it keys and
 * draws it.
 *
 * The text is valid UTF-8 holding only printable characters (view_input_insert() refuses
 * controls), and the cursor is always at a character boundary, never between a character and
 * the combining marks after it. */
#ifndef TRAIL_VIEW_INPUT_H
#define TRAIL_VIEW_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct view_input {
    char *text;    /* NUL-terminated; owned; NULL until the first edit (reads as "") */
    size_t len;    /* bytes in text */
    size_t cursor; /* byte offset of the cursor, <= len */
    size_t cap;
    bool selected; /* the whole text is selected: the next character typed replaces it */
};

/* The text, never NULL; borrowed until the next edit. */
const char *view_input_text(const struct view_input *in);

/* Replaces the text with a copy of s (NULL: empty), keeping its valid printable characters,
 * and puts the cursor at the end. */
void view_input_set(struct view_input *in, const char *s);
void view_input_free(struct view_input *in);

/* Selects the whole text (a pre-filled field), so that the first character typed replaces it
 * and Backspace or Delete clear it, as in any form; a movement key keeps the text and ends the
 * selection. No-op on an empty text. */
void view_input_select_all(struct view_input *in);

/* Inserts the character cp at the cursor. Returns false (and changes nothing) for a control
 * character (C0, DEL, C1), a surrogate, a value above U+10FFFF or one wcwidth() calls
 * unprintable. Needs setlocale(). */
bool view_input_insert(struct view_input *in, uint32_t cp);

/* Each returns true when the text or the cursor changed. */
bool view_input_backspace(struct view_input *in); /* deletes the character before the cursor */
bool view_input_delete(struct view_input *in);    /* deletes the character at the cursor */
bool view_input_clear(struct view_input *in);     /* deletes everything */
bool view_input_left(struct view_input *in);
bool view_input_right(struct view_input *in);
bool view_input_home(struct view_input *in);
bool view_input_end(struct view_input *in);

/* What to draw in a field `width` columns wide (>= 1) so that the cursor is visible: a new
 * sanitised copy of the text (caller frees), with *from the byte of it to start drawing at and
 * *cursor_col the cursor's column counted from there (< width, so the cursor never sits past
 * the field). text_flags: TEXT_ASCII or 0, as for text_sanitize(). */
char *view_input_visible(const struct view_input *in, int width, unsigned text_flags, size_t *from,
                         int *cursor_col);

#endif
