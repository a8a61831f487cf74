/* SPDX-License-Identifier: MIT */
/* OSC 8 hyperlinks over the painted frame (ui_links.h).
 *
 * curses knows nothing of OSC 8, so the links are written after curses has written its frame:
 * save the cursor and attributes (DECSC), and for each link move to it, open the hyperlink,
 * write again the characters curses put in those cells with their own attributes, close it;
 * then restore (DECRC). The terminal's cells end as curses left them, now carrying the link;
 * the next frame that changes them drops it, and the next paint puts it back. */
#include "ui_links.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <wchar.h>

#include "fileio.h"
#include "guide_md.h"

#define UI_LINKS_MAX 256 /* links written per frame: more than a screen holds */

bool ui_links_wanted(void)
{
    const char *opt = getenv("TRAIL_HYPERLINKS");
    if (opt != NULL && opt[0] != '\0') {
        return strcmp(opt, "0") != 0 && strcasecmp(opt, "no") != 0 && strcasecmp(opt, "off") != 0 &&
               strcasecmp(opt, "never") != 0;
    }
    const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
    if ((nc != NULL && nc[0] != '\0') || term == NULL || strcmp(term, "dumb") == 0 ||
        strcmp(term, "linux") == 0 || strncmp(term, "vt", 2) == 0 ||
        strncmp(term, "cons", 4) == 0) {
        return false;
    }
    return has_colors();
}

/* "\033[0;...m" for a cell's attributes and colour pair. */
static void put_sgr(FILE *m, attr_t a, int pair)
{
    fputs("\033[0", m);
    fputs((a & A_BOLD) ? ";1" : "", m);
    fputs((a & A_DIM) ? ";2" : "", m);
    fputs((a & A_ITALIC) ? ";3" : "", m);
    fputs((a & A_UNDERLINE) ? ";4" : "", m);
    fputs((a & A_BLINK) ? ";5" : "", m);
    fputs((a & (A_REVERSE | A_STANDOUT)) ? ";7" : "", m);
    int fg = -1, bg = -1;
    if (pair > 0) {
        extended_pair_content(pair, &fg, &bg);
    }
    int c[2] = {fg, bg};
    for (int k = 0; k < 2; k++) {
        if (c[k] >= 0 && c[k] < 8) {
            fprintf(m, ";%d", (k == 0 ? 30 : 40) + c[k]);
        } else if (c[k] >= 8 && c[k] < 16) {
            fprintf(m, ";%d", (k == 0 ? 90 : 100) + c[k] - 8);
        } else if (c[k] >= 16) {
            fprintf(m, ";%d;5;%d", k == 0 ? 38 : 48, c[k]);
        }
    }
    fputc('m', m);
}

/* Writes cells [x, x + w) of row y as curses has them, with their attributes. */
static void put_cells(FILE *m, int y, int x, int w)
{
    attr_t last_a = 0;
    int last_pair = -1;
    for (int c = x; c < x + w;) {
        cchar_t cc;
        wchar_t wc[CCHARW_MAX + 1] = {0};
        attr_t a = 0;
        short pair = 0;
        if (mvwin_wch(stdscr, y, c, &cc) == ERR || getcchar(&cc, wc, &a, &pair, NULL) == ERR) {
            break;
        }
        if (pair != last_pair || a != last_a) {
            put_sgr(m, a, pair);
            last_a = a, last_pair = pair;
        }
        mbstate_t st = {0};
        for (size_t k = 0; k < CCHARW_MAX && wc[k] != L'\0'; k++) {
            char mb[MB_LEN_MAX];
            size_t n = wcrtomb(mb, wc[k], &st);
            fwrite(mb, 1, n != (size_t)-1 ? n : 0, m);
        }
        int cw = wc[0] != L'\0' ? wcwidth(wc[0]) : 1;
        c += cw > 0 ? cw : 1;
    }
}

void ui_links_paint(struct ui *ui)
{
    static int wanted = -1;
    if (wanted < 0) {
        wanted = ui_links_wanted();
    }
    struct ui_screen *s = ui_top(ui);
    if (!wanted || s == NULL || ui->too_small || (ui->modal != NULL && !ui->modal->footer) ||
        ui->status_rows > 1 || s->doc.n_links == 0) {
        return;
    }
    const struct view_doc *d = &s->doc;
    size_t h = ui_body_height(ui);
    char *buf = NULL;
    size_t len = 0, n = 0;
    FILE *m = open_memstream(&buf, &len);
    if (m == NULL) {
        return;
    }
    for (size_t i = 0; i < d->n_links && n < UI_LINKS_MAX; i++) {
        const struct view_link *k = &d->links[i];
        int y = (int)(k->line - s->pos.top) + 1, x = ui->margin + k->col;
        int w = k->width < ui->cols - x ? k->width : ui->cols - x;
        char *url = k->line >= s->pos.top && k->line < s->pos.top + h && w > 0
                        ? guide_md_link_target(k->url)
                        : NULL;
        if (url == NULL) {
            continue;
        }
        fputs(n++ == 0 ? "\0337" : "", m);
        fprintf(m, "\033[%d;%dH\033]8;;%s\033\\", y + 1, x + 1, url);
        put_cells(m, y, x, w);
        fputs("\033]8;;\033\\", m);
        free(url);
    }
    fputs(n > 0 ? "\0338" : "", m);
    if (fclose(m) == 0 && len > 0) {
        (void)fileio_write_all(STDOUT_FILENO, buf, len);
    }
    free(buf);
}
