/* The help overlay: a box over the current screen listing every key that works there, read
 * from the key table (the same rows that dispatch keys and fill the footer). Any key closes
 * it; ui_app.c routes keys here while it is open. */
#include "ui_curses.h"

#include <string.h>

#define NAMES_COLS 16

void ui_help_draw(struct ui *ui)
{
    unsigned scope = ui_scope(ui);
    int n = 0;
    for (size_t i = 0; i < ui_keys_count(ui->keys); i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        n += b->help != NULL && (b->scopes & scope) != 0;
    }
    int w = ui->cols - 4 < 60 ? ui->cols - 4 : 60;
    int h = n + 4 < ui->rows - 2 ? n + 4 : ui->rows - 2;
    if (w < 10 || h < 3) {
        return;
    }
    int y0 = 1 + (ui->rows - 2 - h) / 2, x0 = (ui->cols - w) / 2;
    attr_t body = ui_theme_attr(&ui->theme, VIEW_ROLE_BODY);
    attr_t key = ui_theme_attr(&ui->theme, VIEW_ROLE_NUMBER);
    attrset(body);
    for (int y = y0; y < y0 + h; y++) {
        mvhline(y, x0, ' ', w);
    }
    mvhline(y0, x0 + 1, ACS_HLINE, w - 2);
    mvhline(y0 + h - 1, x0 + 1, ACS_HLINE, w - 2);
    mvvline(y0 + 1, x0, ACS_VLINE, h - 2);
    mvvline(y0 + 1, x0 + w - 1, ACS_VLINE, h - 2);
    mvaddch(y0, x0, ACS_ULCORNER);
    mvaddch(y0, x0 + w - 1, ACS_URCORNER);
    mvaddch(y0 + h - 1, x0, ACS_LLCORNER);
    mvaddch(y0 + h - 1, x0 + w - 1, ACS_LRCORNER);

    attr_t title = ui_theme_attr(&ui->theme, VIEW_ROLE_TITLE);
    int x = x0 + 2;
    x += ui_draw_text(y0, x, " Keys: ", 7, w - 4, title);
    x += ui_draw_untrusted(ui, y0, x, ui_top(ui)->ops->name, x0 + w - 4 - x, title);
    ui_draw_text(y0, x, " ", 1, 1, title);
    int y = y0 + 1;
    for (size_t i = 0; i < ui_keys_count(ui->keys) && y < y0 + h - 2; i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        if (b->help == NULL || (b->scopes & scope) == 0) {
            continue;
        }
        ui_draw_text(y, x0 + 2, b->names, strlen(b->names), NAMES_COLS, key);
        ui_draw_text(y, x0 + 2 + NAMES_COLS, b->help, strlen(b->help), w - 4 - NAMES_COLS, body);
        y++;
    }
    const char *close = "Press any key to close this help";
    ui_draw_text(y0 + h - 2, x0 + 2, close, strlen(close), w - 4,
                 ui_theme_attr(&ui->theme, VIEW_ROLE_DIM));
}
