/* SPDX-License-Identifier: MIT */
/* The help overlay: a box over the current screen listing every key that works there, read
 * from the key table (the same rows that dispatch keys and fill the footer). A modal: any key
 * closes it.
 *
 * The box is as wide as the longest description needs (narrower terminals wrap them), sits
 * between the header and the footer when it fits there; a screen with more keys than that lets
 * it cover them too, and when even the whole height is too short the keys flow into two
 * columns, so no key of the table is ever left out on a usual terminal. */
#include "ui_help.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_modal.h"
#include "ui_status.h"

#define NAMES_COLS 16
#define HELP_COLS  60 /* the narrowest box with one column of keys */

/* The rows of a key's help text in a column `width` wide; with lines, where each starts. */
static int help_rows(const char *help, int width, struct text_line **lines)
{
    struct text_line *tl = NULL;
    size_t n = text_wrap(help, strlen(help), width, &tl);
    if (lines != NULL) {
        *lines = tl;
    } else {
        free(tl);
    }
    return n > 0 ? (int)n : 1;
}

/* The bindings of the keys that work here, and the help's layout for them. */
struct help_layout {
    int n;    /* bindings listed */
    int rows; /* rows they take in one column, help texts wrapped */
    int cols; /* 1, or 2 when one column does not fit (each help then cut to one row) */
    int w, h; /* the box */
    int y0, x0;
    bool hint; /* room for the closing hint */
};

static bool listed(const struct ui_binding *b, unsigned scope)
{
    return b->help != NULL && (b->scopes & scope) != 0;
}

/* One column as wide as the longest help needs (wrapped when the terminal is narrower),
 * between the header and the footer when it fits there, else over them (without the closing
 * hint if need be); two columns when even the whole height is too short. */
static void help_layout(const struct ui *ui, unsigned scope, struct help_layout *l)
{
    int longest = 0;
    l->n = 0;
    for (size_t i = 0; i < ui_keys_count(ui->keys); i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        if (listed(b, scope)) {
            l->n++;
            longest = (int)strlen(b->help) > longest ? (int)strlen(b->help) : longest;
        }
    }
    int want = 4 + NAMES_COLS + longest + 1;
    want = want < HELP_COLS ? HELP_COLS : want;
    l->w = ui->cols - 4 < want ? ui->cols - 4 : want;
    l->rows = 0;
    for (size_t i = 0; i < ui_keys_count(ui->keys); i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        if (listed(b, scope)) {
            l->rows += help_rows(b->help, l->w - 4 - NAMES_COLS, NULL);
        }
    }
    /* Rows: the top border, the keys, a blank, the closing hint, the bottom border. */
    l->cols = 1;
    l->hint = true;
    l->h = l->rows + 4;
    if (l->h <= ui->rows - 2) {
        l->y0 = 1 + (ui->rows - 2 - l->h) / 2;
    } else if (l->rows + 3 <= ui->rows) {
        l->h = l->rows + 3; /* over the header and the footer, without the blank */
        l->y0 = (ui->rows - l->h) / 2;
    } else if (l->rows + 2 <= ui->rows) {
        l->h = l->rows + 2; /* and without the closing hint: one column is still readable */
        l->y0 = (ui->rows - l->h) / 2;
        l->hint = false;
    } else {
        l->cols = 2;
        l->rows = (l->n + 1) / 2;
        l->h = l->rows + 3 < ui->rows ? l->rows + 3 : ui->rows;
        l->y0 = (ui->rows - l->h) / 2;
        l->w = ui->cols - 4 < 2 * HELP_COLS ? ui->cols - 4 : 2 * HELP_COLS;
    }
    l->x0 = (ui->cols - l->w) / 2;
}

/* Draws binding b's keys and help from row y of column x, at most `room` rows; returns the rows
 * it took. */
static int draw_binding(struct ui *ui, const struct ui_binding *b, int y, int x, int col_w,
                        int room, bool wrap)
{
    attr_t key = ui_theme_attr(&ui->theme, VIEW_ROLE_NUMBER);
    attr_t body = ui_theme_attr(&ui->theme, VIEW_ROLE_BODY);
    int desc_w = col_w - NAMES_COLS;
    ui_draw_text(y, x, b->names, strlen(b->names), NAMES_COLS, key);
    struct text_line *tl = NULL;
    int n = wrap ? help_rows(b->help, desc_w, &tl) : 1;
    for (int i = 0; i < n && i < room; i++) {
        const char *text = tl != NULL ? b->help + tl[i].start : b->help;
        size_t len = tl != NULL ? tl[i].len : strlen(b->help);
        ui_draw_text(y + i, x + NAMES_COLS, text, len, desc_w, body);
    }
    free(tl);
    return n;
}

static void help_draw(struct ui *ui, void *data)
{
    (void)data;
    unsigned scope = ui_scope(ui);
    struct help_layout l;
    help_layout(ui, scope, &l);
    if (l.w < 10 || l.h < 3) {
        return;
    }
    ui_draw_box(l.y0, l.x0, l.h, l.w, ui_theme_attr(&ui->theme, VIEW_ROLE_BODY));
    attr_t title = ui_theme_attr(&ui->theme, VIEW_ROLE_TITLE);
    int x = l.x0 + 2;
    x += ui_draw_text(l.y0, x, " Keys: ", 7, l.w - 4, title);
    x += ui_draw_untrusted(ui, l.y0, x, ui_top(ui)->ops->name, l.x0 + l.w - 4 - x, title);
    ui_draw_text(l.y0, x, " ", 1, 1, title);
    int last = l.y0 + l.h - (l.hint ? 2 : 1); /* the closing hint's row, or the bottom border */
    int per_col = l.rows > 0 ? l.rows : 1, col_w = (l.w - 4) / l.cols, y = l.y0 + 1, col = 0;
    for (size_t i = 0; i < ui_keys_count(ui->keys); i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        if (!listed(b, scope)) {
            continue;
        }
        if (y - (l.y0 + 1) >= per_col && col + 1 < l.cols) {
            col++;
            y = l.y0 + 1;
        }
        if (y >= last) {
            continue;
        }
        y += draw_binding(ui, b, y, l.x0 + 2 + col * col_w, col_w - (l.cols - 1), last - y,
                          l.cols == 1);
    }
    const char *close = "Press any key to close this help";
    if (l.hint) {
        ui_draw_text(last, l.x0 + 2, close, strlen(close), l.w - 4,
                     ui_theme_attr(&ui->theme, VIEW_ROLE_DIM));
    }
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
