/* SPDX-License-Identifier: MIT */
/* The certification tracker's form: a box over the certification screen with the status
 * (cycled with Left/Right or Space) and three dates (typed, edited like the prompt). While it
 * is open it takes every key, like the prompt. Enter checks the fields through the model
 * (view_cert_form_collect(), then progress_set_cert() and its `why`): a problem is shown in the
 * box, which stays open; otherwise the entry is saved like a tick. Esc closes it unchanged. */
#include "ui_curses.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "view_form.h"
#include "view_plan.h"
#include "xalloc.h"

#define CTRL(c)       ((c)&0x1f)
#define FN(k)         ((k) | UI_KEY_FN)
#define FORM_MAX_COLS 64

struct ui_certform {
    struct view_cert_form f;
    size_t cert; /* index into g->certs */
};

enum ui_result ui_certform_open(struct ui *ui, size_t cert)
{
    struct progress *p = ui_progress_doc(ui);
    if (p == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Tracking needs a progress file.");
        return UI_RES_ALL;
    }
    ui_certform_close(ui);
    struct ui_certform *cf = xcalloc(1, sizeof *cf);
    struct progress_cert_info info;
    progress_get_cert(p, ui->g->id, ui->g->certs[cert].id, &info);
    view_cert_form_init(&cf->f, &info);
    cf->cert = cert;
    ui->form = cf;
    leaveok(stdscr, FALSE);
    return UI_RES_ALL;
}

void ui_certform_close(struct ui *ui)
{
    if (ui->form == NULL) {
        return;
    }
    view_cert_form_free(&ui->form->f);
    free(ui->form);
    ui->form = NULL;
    curs_set(0);
    leaveok(stdscr, TRUE);
}

/* Enter: checks the fields and saves them, or shows why not. */
static enum ui_result save(struct ui *ui)
{
    struct ui_certform *cf = ui->form;
    struct progress *p = ui_progress_doc(ui);
    struct progress_date today = progress_date_today();
    struct progress_cert_info info;
    if (view_cert_form_collect(&cf->f, today, &info) != 0) {
        return UI_RES_ALL;
    }
    const char *why = NULL, *id = ui->g->certs[cf->cert].id;
    unsigned long gen = p->generation;
    if (progress_set_cert(p, ui->g->id, id, &info, today, progress_now_ms(), &why) != 0) {
        cf->f.why = why != NULL ? why : "these dates cannot be kept";
        return UI_RES_ALL;
    }
    ui_certform_close(ui);
    if (p->generation == gen) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "The certification is unchanged.");
        return UI_RES_ALL;
    }
    char text[256];
    view_plan_cert_text(&info, (ui->text_flags & TEXT_ASCII) != 0, text, sizeof text);
    ui_status_set(ui, VIEW_ROLE_STATUS, "%s%s", text[0] != '\0' ? "Tracked: " : "Not tracked.",
                  text);
    return ui_progress_save_change(ui);
}

/* An editing key in a date field; false for a key that is not one. */
static bool edit_date(struct view_input *in, int key)
{
    switch (key) {
    case FN(KEY_BACKSPACE):
    case 127:
    case 8:
        view_input_backspace(in);
        return true;
    case FN(KEY_DC):
        view_input_delete(in);
        return true;
    case CTRL('u'):
        view_input_clear(in);
        return true;
    case FN(KEY_LEFT):
        view_input_left(in);
        return true;
    case FN(KEY_RIGHT):
        view_input_right(in);
        return true;
    case FN(KEY_HOME):
    case CTRL('a'):
        view_input_home(in);
        return true;
    case FN(KEY_END):
    case CTRL('e'):
        view_input_end(in);
        return true;
    default:
        break;
    }
    return !(key & UI_KEY_FN) && view_input_insert(in, (uint32_t)key);
}

enum ui_result ui_certform_key(struct ui *ui, int key)
{
    struct view_cert_form *f = &ui->form->f;
    struct view_input *in = view_cert_form_input(f);
    if (key == FN(KEY_MOUSE)) {
        MEVENT ev;
        getmouse(&ev); /* consumed: the form has the focus */
        return UI_RES_NONE;
    }
    if (key == 27) {
        ui_certform_close(ui);
        ui_status_set(ui, VIEW_ROLE_STATUS, "Not changed.");
        return UI_RES_ALL;
    }
    if (key == '\n' || key == '\r' || key == FN(KEY_ENTER)) {
        return save(ui);
    }
    if (key == FN(KEY_UP) || key == FN(KEY_BTAB)) {
        view_cert_form_move(f, -1);
    } else if (key == FN(KEY_DOWN) || key == '\t') {
        view_cert_form_move(f, 1);
    } else if (in == NULL && (key == FN(KEY_LEFT) || key == 'h')) {
        view_cert_form_cycle(f, -1);
    } else if (in == NULL && (key == FN(KEY_RIGHT) || key == 'l' || key == ' ')) {
        view_cert_form_cycle(f, 1);
    } else if (in != NULL) {
        edit_date(in, key);
    }
    return UI_RES_ALL;
}

/* Draws line `line` of d at (y, x), each run in its role's attribute. */
static void draw_doc_line(struct ui *ui, const struct view_doc *d, size_t line, int y, int x)
{
    const struct view_line *l = &d->lines[line];
    int col = x;
    for (size_t r = 0; r < l->n_runs; r++) {
        size_t start = l->runs[r].start;
        size_t end = r + 1 < l->n_runs ? l->runs[r + 1].start : l->len;
        col += ui_draw_text(y, col, l->text + start, end - start, x + d->width - col,
                            ui_theme_attr(&ui->theme, l->runs[r].role));
    }
}

void ui_certform_draw(struct ui *ui)
{
    struct ui_certform *cf = ui->form;
    int w = ui->cols - 2 < FORM_MAX_COLS ? ui->cols - 2 : FORM_MAX_COLS;
    struct view_doc d;
    view_doc_init(&d, w - 4, ui->text_flags);
    int cursor = -1;
    size_t focus = view_cert_form_layout(&d, &cf->f, ui->g->certs[cf->cert].name, &cursor);
    int h = (int)d.n_lines + 2;
    if (h > ui->rows) {
        h = ui->rows;
    }
    int y0 = (ui->rows - h) / 2, x0 = (ui->cols - w) / 2;
    attr_t body = ui_theme_attr(&ui->theme, VIEW_ROLE_BODY);
    ui_draw_box(y0, x0, h, w, body);
    for (size_t i = 0; i < d.n_lines && (int)i < h - 2; i++) {
        draw_doc_line(ui, &d, i, y0 + 1 + (int)i, x0 + 2);
    }
    if (cursor >= 0 && (int)focus < h - 2) {
        curs_set(1);
        move(y0 + 1 + (int)focus, x0 + 2 + cursor);
    } else {
        curs_set(0);
    }
    view_doc_free(&d);
}
