/* SPDX-License-Identifier: MIT */
/* The help overlay: a box over the current screen listing every key that works there, read
 * from the key table (the same rows that dispatch keys and fill the footer). A modal: any key
 * closes it.
 *
 * The box sits between the header and the footer when it fits there; a screen with more keys
 * than that lets it cover them too, and when even the whole height is too short the keys flow
 * into two columns, so no key of the table is ever left out on a usual terminal. */
#include "ui_help.h"

#include <string.h>

#include "ui_draw.h"
#include "ui_modal.h"
#include "ui_status.h"

#define NAMES_COLS 16
#define HELP_COLS  60 /* the box's width with one column of keys */

static void help_draw(struct ui *ui, void *data)
{
    (void)data;
    unsigned scope = ui_scope(ui);
    int n = 0;
    for (size_t i = 0; i < ui_keys_count(ui->keys); i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        n += b->help != NULL && (b->scopes & scope) != 0;
    }
    /* Rows: the top border, the keys, a blank, the closing hint, the bottom border. */
    int cols = 1, h = n + 4, y0;
    if (h <= ui->rows - 2) {
        y0 = 1 + (ui->rows - 2 - h) / 2;
    } else if (n + 3 <= ui->rows) {
        h = n + 3; /* over the header and the footer, without the blank */
        y0 = (ui->rows - h) / 2;
    } else {
        cols = 2;
        h = (n + 1) / 2 + 3;
        h = h < ui->rows ? h : ui->rows;
        y0 = (ui->rows - h) / 2;
    }
    int want = cols == 1 ? HELP_COLS : 2 * HELP_COLS;
    int w = ui->cols - 4 < want ? ui->cols - 4 : want;
    if (w < 10 || h < 3) {
        return;
    }
    int x0 = (ui->cols - w) / 2;
    attr_t body = ui_theme_attr(&ui->theme, VIEW_ROLE_BODY);
    attr_t key = ui_theme_attr(&ui->theme, VIEW_ROLE_NUMBER);
    ui_draw_box(y0, x0, h, w, body);

    attr_t title = ui_theme_attr(&ui->theme, VIEW_ROLE_TITLE);
    int x = x0 + 2;
    x += ui_draw_text(y0, x, " Keys: ", 7, w - 4, title);
    x += ui_draw_untrusted(ui, y0, x, ui_top(ui)->ops->name, x0 + w - 4 - x, title);
    ui_draw_text(y0, x, " ", 1, 1, title);
    int per_col = cols == 1 ? h - 3 : (n + 1) / 2, col_w = (w - 4) / cols, k = 0;
    if (per_col < 1) {
        per_col = 1; /* a box of 3 rows (or no key at all) lists nothing: rows run out first */
    }
    for (size_t i = 0; i < ui_keys_count(ui->keys); i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        if (b->help == NULL || (b->scopes & scope) == 0) {
            continue;
        }
        int y = y0 + 1 + k % per_col, xc = x0 + 2 + (k / per_col) * col_w;
        k++;
        if (k > per_col * cols || y >= y0 + h - 2) {
            continue;
        }
        ui_draw_text(y, xc, b->names, strlen(b->names), NAMES_COLS, key);
        ui_draw_text(y, xc + NAMES_COLS, b->help, strlen(b->help), col_w - NAMES_COLS - (cols - 1),
                     body);
    }
    const char *close = "Press any key to close this help";
    ui_draw_text(y0 + h - 2, x0 + 2, close, strlen(close), w - 4,
                 ui_theme_attr(&ui->theme, VIEW_ROLE_DIM));
}

static enum ui_result help_key(struct ui *ui, void *data, int key)
{
    (void)data;
    if (key == UI_FN(KEY_MOUSE)) {
        MEVENT ev;
        getmouse(&ev); /* a click closes it too */
    } else {
        ui_status_clear(ui);
    }
    ui_modal_close(ui);
    return UI_RES_ALL;
}

static const struct ui_modal_ops help_modal = {
    .name = "help",
    .key = help_key,
    .draw = help_draw,
};

enum ui_result ui_help_open(struct ui *ui, int arg)
{
    (void)arg;
    ui_modal_open(ui, &help_modal, NULL);
    return UI_RES_ALL;
}
