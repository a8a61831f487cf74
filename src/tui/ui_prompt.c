/* SPDX-License-Identifier: MIT */
/* The bottom-line input prompt: keys to edits (view_input.c does the editing) and drawing with
 * the cursor. The owner learns of every edit through its callback, so a search can narrow a
 * list as each character is typed. While open, curses must place the real cursor, so
 * leaveok() is turned off and the cursor shown; closing restores both. */
#include "ui_prompt.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define CTRL(c) ((c)&0x1f)
#define FN(k)   ((k) | UI_KEY_FN)

void ui_prompt_open(struct ui *ui, struct ui_prompt *p, const char *label, const char *text,
                    ui_prompt_fn fn)
{
    ui_prompt_close(ui);
    p->label = label;
    p->fn = fn;
    p->note[0] = '\0';
    p->note_role = VIEW_ROLE_FOOTER;
    view_input_set(&p->input, text);
    ui->prompt = p;
    leaveok(stdscr, FALSE);
    curs_set(1);
}

void ui_prompt_close(struct ui *ui)
{
    if (ui->prompt == NULL) {
        return;
    }
    ui->prompt = NULL;
    curs_set(0);
    leaveok(stdscr, TRUE);
}

void ui_prompt_free(struct ui *ui, struct ui_prompt *p)
{
    if (ui->prompt == p) {
        ui_prompt_close(ui);
    }
    view_input_free(&p->input);
}

void ui_prompt_note(struct ui_prompt *p, enum view_role role, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->note, sizeof p->note, fmt, ap);
    va_end(ap);
    p->note_role = role;
}

/* Applies an editing key; returns 1 when the text changed, 0 when only the cursor moved or
 * nothing happened, -1 for a key that is not an edit. */
static int edit(struct view_input *in, int key)
{
    switch (key) {
    case FN(KEY_BACKSPACE):
    case 127:
    case 8:
        return view_input_backspace(in);
    case FN(KEY_DC):
        return view_input_delete(in);
    case CTRL('u'):
        return view_input_clear(in);
    case FN(KEY_LEFT):
        view_input_left(in);
        return 0;
    case FN(KEY_RIGHT):
        view_input_right(in);
        return 0;
    case FN(KEY_HOME):
    case CTRL('a'):
        view_input_home(in);
        return 0;
    case FN(KEY_END):
    case CTRL('e'):
        view_input_end(in);
        return 0;
    default:
        break;
    }
    if (key & UI_KEY_FN) {
        return 0;
    }
    return view_input_insert(in, (uint32_t)key) ? 1 : -1;
}

enum ui_result ui_prompt_key(struct ui *ui, int key)
{
    struct ui_prompt *p = ui->prompt;
    if (key == FN(KEY_MOUSE)) {
        MEVENT ev;
        getmouse(&ev); /* consume it: the prompt has the focus */
        return UI_RES_NONE;
    }
    if (key == 27) {
        ui_prompt_close(ui);
        enum ui_result r = p->fn(ui, p, UI_PROMPT_CANCEL);
        return r > UI_RES_ALL ? r : UI_RES_ALL;
    }
    if (key == '\n' || key == '\r' || key == FN(KEY_ENTER)) {
        enum ui_result r = p->fn(ui, p, UI_PROMPT_ACCEPT);
        return r > UI_RES_ALL ? r : UI_RES_ALL;
    }
    int changed = edit(&p->input, key);
    if (changed > 0) {
        enum ui_result r = p->fn(ui, p, UI_PROMPT_EDIT);
        return r > UI_RES_ROWS ? r : UI_RES_ROWS;
    }
    /* Only the cursor moved (or an unusable key): the footer is redrawn with every paint. */
    return UI_RES_ROWS;
}

void ui_prompt_draw(struct ui *ui)
{
    const struct ui_prompt *p = ui->prompt;
    int y = ui->rows - 1;
    attr_t a = ui_theme_attr(&ui->theme, VIEW_ROLE_BODY);
    attrset(a);
    mvhline(y, 0, ' ', ui->cols);
    int note_w = (int)strlen(p->note);
    int x = 1, right = ui->cols - 1;
    if (note_w > 0 && note_w + 12 < ui->cols) {
        right = ui->cols - 1 - note_w - 1;
        ui_draw_text(y, right + 1, p->note, (size_t)note_w, note_w,
                     ui_theme_attr(&ui->theme, p->note_role));
    }
    x += ui_draw_untrusted(ui, y, x, p->label, right - x,
                           ui_theme_attr(&ui->theme, VIEW_ROLE_ACCENT));
    int width = right - x;
    if (width < 1) {
        move(y, x < ui->cols ? x : ui->cols - 1);
        return;
    }
    size_t from = 0;
    int cursor = 0;
    char *clean = view_input_visible(&p->input, width, ui->text_flags, &from, &cursor);
    ui_draw_text(y, x, clean + from, strlen(clean + from), width, a);
    free(clean);
    move(y, x + cursor);
}
