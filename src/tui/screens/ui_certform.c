/* SPDX-License-Identifier: MIT */
/* The certification tracker's form: a box over the certification screen with the status
 * (cycled with Left/Right or Space) and three dates (typed, edited with the one line-editing
 * keymap). A modal: while it is open it takes every key. Enter checks the fields through the
 * model (view_cert_form_collect(), then progress_set_cert() and its `cause`): a problem is
 * shown in the box, which stays open; otherwise the entry is saved like a tick. Esc closes it
 * unchanged. */
#include "ui_certform.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_edit.h"
#include "ui_modal.h"
#include "ui_status.h"
#include "ui_store.h"
#include "view_form.h"
#include "view_plan.h"
#include "xalloc.h"

#define FORM_MAX_COLS 64

struct certform {
    struct view_cert_form f;
    size_t cert; /* index into g->certs */
};

static enum ui_result form_key(struct ui *ui, void *data, int key);
static void form_draw(struct ui *ui, void *data);
static void form_close(struct ui *ui, void *data);

static const struct ui_modal_ops certform_modal = {
    .name = "certification form",
    .key = form_key,
    .draw = form_draw,
    .close = form_close,
};

/* The index of the certification with id `id`, or SIZE_MAX. */
static size_t cert_index(const struct guide *g, const char *id)
{
    for (size_t i = 0; id != NULL && i < g->n_certs; i++) {
        if (strcmp(g->certs[i].id, id) == 0) {
            return i;
        }
    }
    return SIZE_MAX;
}

enum ui_result ui_certform_open(struct ui *ui, int arg)
{
    (void)arg;
    size_t cert = cert_index(ui->g, ui_subject(ui, ui_top(ui)));
    if (cert == SIZE_MAX) {
        return UI_RES_NONE;
    }
    struct progress *p = ui_store_doc(ui);
    if (p == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Tracking needs a progress file.");
        return UI_RES_ALL;
    }
    struct certform *cf = xcalloc(1, sizeof *cf);
    struct progress_cert_info info;
    progress_get_cert(p, ui->g->id, ui->g->certs[cert].id, &info);
    view_cert_form_init(&cf->f, &info);
    cf->cert = cert;
    ui_modal_open(ui, &certform_modal, cf);
    leaveok(stdscr, FALSE);
    return UI_RES_ALL;
}

static void form_close(struct ui *ui, void *data)
{
    (void)ui;
    struct certform *cf = data;
    view_cert_form_free(&cf->f);
    free(cf);
    curs_set(0);
    leaveok(stdscr, TRUE);
}

/* Enter: checks the fields and saves them, or shows why not. */
static enum ui_result save(struct ui *ui, struct certform *cf)
{
    struct progress *p = ui_store_doc(ui);
    struct progress_date today = progress_date_today();
    struct progress_cert_info info;
    if (view_cert_form_collect(&cf->f, today, &info) != 0) {
        return UI_RES_ALL;
    }
    const char *id = ui->g->certs[cf->cert].id;
    char *cause = NULL;
    enum progress_change ch =
        progress_set_cert(p, ui->g->id, id, &info, today, progress_now_ms(), &cause);
    if (ch == PROGRESS_INVALID) {
        snprintf(cf->f.why, sizeof cf->f.why, "%s",
                 cause != NULL ? cause : "these dates cannot be kept");
        free(cause);
        return UI_RES_ALL;
    }
    ui_modal_close(ui);
    if (ch == PROGRESS_SAME) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "The certification is unchanged.");
        return UI_RES_ALL;
    }
    char text[256];
    view_plan_cert_text(&info, (ui->text_flags & TEXT_ASCII) != 0, text, sizeof text);
    ui_status_set(ui, VIEW_ROLE_STATUS, "%s%s", text[0] != '\0' ? "Tracked: " : "Not tracked.",
                  text);
    return UI_RES_ALL | UI_RES_SAVE;
}

static enum ui_result form_key(struct ui *ui, void *data, int key)
{
    struct certform *cf = data;
    struct view_cert_form *f = &cf->f;
    struct view_input *in = view_cert_form_input(f);
    if (key == UI_FN(KEY_MOUSE)) {
        MEVENT ev;
        getmouse(&ev); /* consumed: the form has the focus */
        return UI_RES_NONE;
    }
    if (key == UI_KEY_ESC) {
        ui_modal_close(ui);
        ui_status_set(ui, VIEW_ROLE_STATUS, "Not changed.");
        return UI_RES_ALL;
    }
    if (key == '\n' || key == '\r' || key == UI_FN(KEY_ENTER)) {
        return save(ui, cf);
    }
    if (key == UI_FN(KEY_UP) || key == UI_FN(KEY_BTAB)) {
        view_cert_form_move(f, -1);
    } else if (key == UI_FN(KEY_DOWN) || key == '\t') {
        view_cert_form_move(f, 1);
    } else if (in == NULL && (key == UI_FN(KEY_LEFT) || key == 'h')) {
        view_cert_form_cycle(f, -1);
    } else if (in == NULL && (key == UI_FN(KEY_RIGHT) || key == 'l' || key == ' ')) {
        view_cert_form_cycle(f, 1);
    } else if (in != NULL) {
        ui_edit_key(in, key);
    }
    return UI_RES_ALL;
}

static void form_draw(struct ui *ui, void *data)
{
    struct certform *cf = data;
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
        ui_draw_doc_line(ui, &d, i, y0 + 1 + (int)i, x0 + 2);
    }
    if (cursor >= 0 && (int)focus < h - 2) {
        curs_set(1);
        move(y0 + 1 + (int)focus, x0 + 2 + cursor);
    } else {
        curs_set(0);
    }
    view_doc_free(&d);
}
