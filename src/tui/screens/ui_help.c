/* SPDX-License-Identifier: MIT */
/* The help overlay: a box over the current screen listing every key that works there, read
 * from the key table (the same rows that dispatch keys and fill the footer), default keys and
 * the learner's own bindings alike. A modal.
 *
 * The list is laid out as a document for the box's width: the key names in a column, each
 * description wrapped beside them (under them when the names are too wide for the column), so
 * nothing is ever cut. The box fills the body's height when the list needs it, and scrolls:
 * the movement keys (j/k, the arrows, PgUp/PgDn, Home/End) and the wheel move it; any other
 * key closes it. */
#include "ui_help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_modal.h"
#include "ui_status.h"
#include "xalloc.h"

#define NAMES_MAX  16 /* the widest key-names column */
#define HELP_WIDTH 76 /* the widest box */

struct help {
    struct view_doc doc; /* laid out for doc_width */
    int doc_width;
    unsigned scope;
    size_t top; /* the first line shown */
};

static bool listed(const struct ui_binding *b, unsigned scope)
{
    return b->help != NULL && (b->scopes & scope) != 0;
}

/* The names column: as wide as the widest names, at most NAMES_MAX, and at most a third of the
 * width. */
static int names_cols(const struct ui *ui, unsigned scope, int width)
{
    int w = 0;
    for (size_t i = 0; i < ui_keys_count(ui->keys); i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        int n = listed(b, scope) ? (int)strlen(b->names) : 0;
        if (n <= NAMES_MAX && n > w) {
            w = n;
        }
    }
    w += 2;
    return w > width / 3 ? width / 3 : w;
}

static void help_build(const struct ui *ui, struct help *h, int width)
{
    view_doc_init(&h->doc, width, ui->text_flags);
    int col = names_cols(ui, h->scope, width);
    for (size_t i = 0; i < ui_keys_count(ui->keys); i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        if (!listed(b, h->scope)) {
            continue;
        }
        if ((int)strlen(b->names) + 1 > col) {
            /* Names wider than the column: on a line of their own. */
            view_doc_add_text(&h->doc, VIEW_ROLE_NUMBER, b->names, 0, NULL, VIEW_ROLE_NUMBER);
            view_doc_add_text(&h->doc, VIEW_ROLE_BODY, b->help, col, NULL, VIEW_ROLE_BODY);
        } else {
            view_doc_add_text(&h->doc, VIEW_ROLE_BODY, b->help, col, b->names, VIEW_ROLE_NUMBER);
        }
    }
    /* The config file's warnings (sanitised when they were made), under the keys. */
    const struct diag *w = ui->opt.warnings;
    if (w != NULL && w->n > 0) {
        view_doc_add_blank(&h->doc);
        view_doc_add_text(&h->doc, VIEW_ROLE_HEADING,
                          "Warnings about the config file (those lines are ignored):", 0, NULL,
                          VIEW_ROLE_HEADING);
        char buf[1024];
        for (size_t i = 0; i < w->n; i++) {
            diag_format(&w->msgs[i], buf, sizeof buf);
            view_doc_add_text(&h->doc, VIEW_ROLE_ERROR, buf, 0, NULL, VIEW_ROLE_ERROR);
        }
    }
    h->doc_width = width;
}

/* The box: as wide as the terminal allows up to HELP_WIDTH; as high as the list needs, at most
 * the body's height. */
struct help_box {
    int y0, x0, h, w;
    size_t rows; /* list lines shown at once */
};

static void help_box(struct ui *ui, struct help *h, struct help_box *bx)
{
    bx->w = ui->cols - 2 < HELP_WIDTH ? ui->cols - 2 : HELP_WIDTH;
    if (bx->w < 8) {
        bx->w = ui->cols;
    }
    int width = bx->w - 4 > 1 ? bx->w - 4 : 1;
    if (h->doc_width != width) {
        view_doc_free(&h->doc);
        help_build(ui, h, width);
    }
    /* Rows: the top border, the list, the bottom border (which holds the closing hint). */
    int room = ui->rows - 2 >= 3 ? ui->rows - 2 : ui->rows;
    int need = (int)h->doc.n_lines + 2;
    bx->h = need < room ? need : room;
    bx->rows = bx->h > 2 ? (size_t)(bx->h - 2) : 0;
    bx->y0 = room == ui->rows ? 0 : 1 + (room - bx->h) / 2;
    bx->x0 = (ui->cols - bx->w) / 2;
    size_t last = h->doc.n_lines > bx->rows ? h->doc.n_lines - bx->rows : 0;
    h->top = h->top > last ? last : h->top;
}

/* Text on the box's border, from column x, within max columns; returns the columns drawn. */
static int border_text(struct ui *ui, int y, int x, const char *s, int max, enum view_role role)
{
    return max > 0 ? ui_draw_text(y, x, s, strlen(s), max, ui_theme_attr(&ui->theme, role)) : 0;
}

static void help_draw(struct ui *ui, void *data)
{
    struct help *h = data;
    struct help_box bx;
    help_box(ui, h, &bx);
    if (bx.h < 3 || bx.w < 8) {
        return;
    }
    ui_draw_box(bx.y0, bx.x0, bx.h, bx.w, ui_theme_attr(&ui->theme, VIEW_ROLE_BODY));
    int x = bx.x0 + 2, end = bx.x0 + bx.w - 2;
    x += border_text(ui, bx.y0, x, " Keys: ", end - x, VIEW_ROLE_TITLE);
    x += ui_draw_untrusted(ui, bx.y0, x, ui_top(ui)->ops->name, end - x - 1,
                           ui_theme_attr(&ui->theme, VIEW_ROLE_TITLE));
    border_text(ui, bx.y0, x, " ", end - x, VIEW_ROLE_TITLE);
    for (size_t r = 0; r < bx.rows && h->top + r < h->doc.n_lines; r++) {
        ui_draw_doc_line(ui, &h->doc, h->top + r, bx.y0 + 1 + (int)r, bx.x0 + 2);
    }
    /* The bottom border: where the list is, and how to move and leave. */
    char where[64] = "";
    bool scrolls = h->doc.n_lines > bx.rows;
    if (scrolls) {
        snprintf(where, sizeof where, " %zu-%zu of %zu ", h->top + 1, h->top + bx.rows,
                 h->doc.n_lines);
    }
    const char *close = scrolls ? " j/k PgUp/PgDn scroll, other keys close " : " any key closes ";
    const char *shortest = scrolls ? " j/k, Esc " : " Esc ";
    int y = bx.y0 + bx.h - 1, room = bx.w - 4 - (int)strlen(where);
    if ((int)strlen(close) > room) {
        close = shortest;
    }
    border_text(ui, y, bx.x0 + 2, close, room, VIEW_ROLE_DIM);
    border_text(ui, y, bx.x0 + bx.w - 2 - (int)strlen(where), where, (int)strlen(where),
                VIEW_ROLE_DIM);
}

/* Scrolls by the movement actions; returns false for a key that closes. */
static bool help_scroll(struct ui *ui, struct help *h, int key)
{
    struct help_box bx;
    help_box(ui, h, &bx);
    size_t page = bx.rows > 1 ? bx.rows - 1 : 1;
    size_t last = h->doc.n_lines > bx.rows ? h->doc.n_lines - bx.rows : 0;
    if (key == UI_FN(KEY_MOUSE)) {
        MEVENT ev;
        if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED))) {
            return false; /* a click closes */
        }
        h->top = (ev.bstate & BUTTON4_PRESSED) ? (h->top > 3 ? h->top - 3 : 0) : h->top + 3;
        h->top = h->top > last ? last : h->top;
        return true;
    }
    const struct ui_binding *b = ui_keys_lookup(ui->keys, key, UI_SCOPE_ANY);
    switch (b != NULL ? b->action : UI_ACT_NONE) {
    case UI_ACT_UP:
        h->top = h->top > 0 ? h->top - 1 : 0;
        return true;
    case UI_ACT_DOWN:
        h->top = h->top < last ? h->top + 1 : last;
        return true;
    case UI_ACT_PAGE_UP:
        h->top = h->top > page ? h->top - page : 0;
        return true;
    case UI_ACT_PAGE_DOWN:
        h->top = h->top + page < last ? h->top + page : last;
        return true;
    case UI_ACT_HOME:
        h->top = 0;
        return true;
    case UI_ACT_END:
        h->top = last;
        return true;
    default:
        return false;
    }
}

static enum ui_result help_key(struct ui *ui, void *data, int key)
{
    if (help_scroll(ui, data, key)) {
        return UI_RES_ALL;
    }
    if (key != UI_FN(KEY_MOUSE)) {
        ui_status_clear(ui);
    }
    ui_modal_close(ui);
    return UI_RES_ALL;
}

static void help_close(struct ui *ui, void *data)
{
    (void)ui;
    struct help *h = data;
    view_doc_free(&h->doc);
    free(h);
}

static const struct ui_modal_ops help_modal = {
    .name = "help",
    .key = help_key,
    .draw = help_draw,
    .close = help_close,
};

void ui_help_start(struct ui *ui)
{
    const struct diag *w = ui->opt.warnings;
    if (w == NULL || w->n == 0) {
        return;
    }
    char first[1024], before[sizeof ui->status];
    diag_format(&w->msgs[0], first, sizeof first);
    snprintf(before, sizeof before, "%s", ui->status); /* what the store said stays */
    size_t more = w->n - 1 + w->dropped;
    if (more > 0) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "%s (%zu more; ? lists them)%s%s", first, more,
                      before[0] != '\0' ? " " : "", before);
    } else {
        ui_status_set(ui, VIEW_ROLE_ERROR, "%s (? shows it again)%s%s", first,
                      before[0] != '\0' ? " " : "", before);
    }
}

enum ui_result ui_help_open(struct ui *ui, int arg)
{
    (void)arg;
    struct help *h = xcalloc(1, sizeof *h);
    h->scope = ui_scope(ui);
    view_doc_init(&h->doc, 1, ui->text_flags); /* laid out for the box when first drawn */
    ui_modal_open(ui, &help_modal, h);
    return UI_RES_ALL;
}
