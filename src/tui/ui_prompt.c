/* SPDX-License-Identifier: MIT */
/* The bottom-line input prompt, a modal: keys to edits (ui_edit.c) and drawing with the
 * cursor. The owner learns of every edit through its callback, so a search can narrow a list
 * as each character is typed. While open, curses must place the real cursor, so leaveok() is
 * turned off and the cursor shown; closing restores both. */
#include "ui_prompt.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_edit.h"
#include "ui_modal.h"
#include "ui_status.h"
#include "xalloc.h"

static enum ui_result prompt_key(struct ui *ui, void *data, int key);
static void prompt_draw(struct ui *ui, void *data);
static void prompt_close(struct ui *ui, void *data);

static const struct ui_modal_ops prompt_modal = {
    .name = "prompt",
    .footer = true,
    .key = prompt_key,
    .draw = prompt_draw,
    .close = prompt_close,
};

void ui_prompt_open(struct ui *ui, struct ui_prompt *p, const char *label, const char *text,
                    ui_prompt_fn fn)
{
    ui_modal_close(ui);
    p->label = label;
    p->fn = fn;
    p->note[0] = '\0';
    p->note_role = VIEW_ROLE_FOOTER;
    view_input_set(&p->input, text);
    ui_modal_open(ui, &prompt_modal, p);
    leaveok(stdscr, FALSE);
    curs_set(1);
}

static void prompt_close(struct ui *ui, void *data)
{
    (void)ui;
    (void)data;
    curs_set(0);
    leaveok(stdscr, TRUE);
}

void ui_prompt_close(struct ui *ui)
{
    if (ui->modal == &prompt_modal) {
        ui_modal_close(ui);
    }
}

bool ui_prompt_is_open(const struct ui *ui, const struct ui_prompt *p)
{
    return ui_modal_data(ui, &prompt_modal) == p;
}

void ui_prompt_free(struct ui *ui, struct ui_prompt *p)
{
    if (ui_prompt_is_open(ui, p)) {
        ui_prompt_close(ui);
    }
    view_input_free(&p->input);
}

static void kept_free(struct ui *ui, void *ptr)
{
    ui_prompt_free(ui, ptr);
    free(ptr);
}

struct ui_prompt *ui_prompt_kept(struct ui *ui, const void *tag)
{
    struct ui_prompt *pr = ui_data(ui, tag);
    if (pr == NULL) {
        pr = xcalloc(1, sizeof *pr);
        ui_data_set(ui, tag, pr, kept_free, false);
    }
    return pr;
}

void ui_prompt_note(struct ui_prompt *p, enum view_role role, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ui_message_vset(p->note, sizeof p->note, &p->note_role, role, fmt, ap);
    va_end(ap);
}

static enum ui_result prompt_key(struct ui *ui, void *data, int key)
{
    struct ui_prompt *p = data;
    if (key == UI_FN(KEY_MOUSE)) {
        MEVENT ev;
        getmouse(&ev); /* consume it: the prompt has the focus */
        return UI_RES_NONE;
    }
    if (key == UI_KEY_ESC) {
        ui_prompt_close(ui);
        return p->fn(ui, p, UI_PROMPT_CANCEL) | UI_RES_ALL;
    }
    if (key == '\n' || key == '\r' || key == UI_FN(KEY_ENTER)) {
        return p->fn(ui, p, UI_PROMPT_ACCEPT) | UI_RES_ALL;
    }
    if (ui_edit_key(&p->input, key) > 0) {
        return p->fn(ui, p, UI_PROMPT_EDIT) | UI_RES_ROWS;
    }
    /* Only the cursor moved (or an unusable key): the footer is redrawn with every paint. */
    return UI_RES_ROWS;
}

/* The least room the field keeps beside a note: a date and the cursor. */
#define FIELD_MIN 12

/* The prompt's line: the label, the field, and the note (an error, a hint) beside the field
 * when all three fit; otherwise the note goes on the row above, so it never takes the field's
 * room or cuts the label. */
static void prompt_draw(struct ui *ui, void *data)
{
    const struct ui_prompt *p = data;
    int y = ui->rows - 1;
    attr_t a = ui_theme_attr(&ui->theme, VIEW_ROLE_BODY);
    attrset(a);
    mvhline(y, 0, ' ', ui->cols);
    int note_w = text_width(p->note, strlen(p->note));
    const char *typed = view_input_text(&p->input);
    int field_w = text_width(typed, strlen(typed)) + 2;
    field_w = field_w < FIELD_MIN ? FIELD_MIN : field_w;
    int label_w = text_width(p->label, strlen(p->label));
    int x = 1, right = ui->cols - 1;
    ui->status_rows = 1;
    if (note_w > 0 && 1 + label_w + field_w + 1 + note_w + 1 <= ui->cols) {
        right = ui->cols - 1 - note_w - 1;
        ui_draw_text(y, right + 1, p->note, strlen(p->note), note_w,
                     ui_theme_attr(&ui->theme, p->note_role));
    } else if (note_w > 0 && y >= 2) {
        attr_t bar = ui_theme_attr(&ui->theme, VIEW_ROLE_FOOTER);
        attrset(bar);
        mvhline(y - 1, 0, ' ', ui->cols);
        ui_draw_text(y - 1, 1, p->note, strlen(p->note), ui->cols - 2,
                     ui_theme_attr(&ui->theme, p->note_role));
        attrset(a);
        ui->status_rows = 2; /* over the body: the next paint is a full one */
    }
    /* A narrow terminal cuts the label (with an ellipsis), never the field. */
    int label_room = right - x - FIELD_MIN;
    attr_t accent = ui_theme_attr(&ui->theme, VIEW_ROLE_ACCENT);
    if (label_w <= label_room) {
        x += ui_draw_untrusted(ui, y, x, p->label, label_room, accent);
    } else if (label_room > 2) {
        x += ui_draw_cut(ui, y, x, p->label, label_room - 1, accent) + 1;
    }
    int width = right - x;
    if (width < 1) {
        move(y, x < ui->cols ? x : ui->cols - 1);
        return;
    }
    size_t from = 0;
    int cursor = 0;
    char *clean = view_input_visible(&p->input, width, ui->text_flags, &from, &cursor);
    attr_t text = p->input.selected ? ui_theme_attr(&ui->theme, VIEW_ROLE_SELECTED) : a;
    ui_draw_text(y, x, clean + from, strlen(clean + from), width, text);
    free(clean);
    move(y, x + cursor);
}
