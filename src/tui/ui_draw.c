/* SPDX-License-Identifier: MIT */
/* Painting: header (title and breadcrumb), body (the top screen's document), footer (key hints
 * from the key table, or the status message) and the "too small" notice.
 *
 * A full paint erases the window and draws everything; curses compares with what the terminal
 * shows and sends only the difference. When only the selection moved, ui_draw_items() touches
 * just the rows of the two items, the header and the footer. Every byte drawn is sanitised:
 * documents are sanitised when laid out, chrome text here through ui_draw_untrusted(). */
#include "ui_draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

void ui_draw_box(int y0, int x0, int h, int w, attr_t body)
{
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
}

/* Printable ASCII, most of what is drawn, takes one column a byte and needs none of curses'
 * character handling (multibyte decoding, widths, wrapping): it goes straight into the cells.
 * Other text (a cluster at a time: a character and the combining marks after it) goes through
 * waddnstr(). */
static bool printable_ascii(char c)
{
    return (unsigned char)c >= 0x20 && (unsigned char)c <= 0x7e;
}

static int draw_ascii(int y, int x, const char *s, size_t len, int max, attr_t attr)
{
    size_t n = len < (size_t)max ? len : (size_t)max;
    enum { CHUNK = 128 };
    chtype cells[CHUNK];
    for (size_t done = 0; done < n;) {
        size_t k = n - done < CHUNK ? n - done : CHUNK;
        for (size_t i = 0; i < k; i++) {
            cells[i] = (chtype)(unsigned char)s[done + i] | attr;
        }
        mvaddchnstr(y, x + (int)done, cells, (int)k);
        done += k;
    }
    return (int)n;
}

int ui_draw_text(int y, int x, const char *s, size_t len, int max, attr_t attr)
{
    int cols = 0;
    size_t i = 0;
    while (i < len && cols < max) {
        /* A run of printable ASCII, less its last byte when other text follows: that byte
         * may be the base of a combining mark, and goes with it. */
        size_t end = i;
        while (end < len && printable_ascii(s[end])) {
            end++;
        }
        if (end < len && end > i) {
            end--;
        }
        if (end > i) {
            cols += draw_ascii(y, x + cols, s + i, end - i, max - cols, attr);
            i = end;
            continue;
        }
        /* Up to the next printable ASCII byte, which starts a cluster of its own. */
        end = i + 1;
        while (end < len && !printable_ascii(s[end])) {
            end++;
        }
        int w = 0;
        size_t n = text_fit(s + i, end - i, max - cols, &w);
        if (n > 0) {
            attrset(attr);
            mvaddnstr(y, x + cols, s + i, (int)n);
            cols += w;
        }
        if (n < end - i) {
            break; /* a cluster that does not fit, or a line break */
        }
        i = end;
    }
    return cols;
}

int ui_draw_untrusted(const struct ui *ui, int y, int x, const char *s, int max, attr_t attr)
{
    size_t len = 0;
    char *clean = text_sanitize(s, strlen(s), TEXT_ONE_LINE | ui->text_flags, &len);
    int cols = ui_draw_text(y, x, clean, len, max, attr);
    free(clean);
    return cols;
}

/* Fills columns [x, cols) of row y with blanks in attr. */
static void fill(const struct ui *ui, int y, int x, attr_t attr)
{
    if (x < ui->cols) {
        attrset(attr);
        mvhline(y, x, ' ', ui->cols - x);
    }
}

/* "Top", "Bot", "All", "42%" for text; "2/5" for lists. */
static void position_text(const struct ui *ui, const struct ui_screen *s, char *buf, size_t size)
{
    size_t h = ui_body_height(ui), n = s->doc.n_lines;
    if (s->doc.n_items > 0 && s->pos.sel < s->doc.n_items) {
        snprintf(buf, size, "%zu/%zu", s->pos.sel + 1, s->doc.n_items);
    } else if (n <= h) {
        snprintf(buf, size, "All");
    } else if (s->pos.top == 0) {
        snprintf(buf, size, "Top");
    } else if (s->pos.top + h >= n) {
        snprintf(buf, size, "Bot");
    } else {
        snprintf(buf, size, "%zu%%", (s->pos.top + h) * 100 / n);
    }
}

/* The columns untrusted text s takes once sanitised for one line. */
static int untrusted_width(const struct ui *ui, const char *s)
{
    return text_untrusted_width(s, TEXT_ONE_LINE | ui->text_flags);
}

int ui_draw_cut(const struct ui *ui, int y, int x, const char *s, int max, attr_t attr)
{
    const char *ell = text_ellipsis(ui->text_flags);
    int ell_w = (ui->text_flags & TEXT_ASCII) ? 3 : 1;
    if (max <= 0) {
        return 0;
    }
    if (untrusted_width(ui, s) <= max || max <= ell_w) {
        return ui_draw_untrusted(ui, y, x, s, max, attr);
    }
    size_t len = 0;
    char *clean = text_sanitize(s, strlen(s), TEXT_ONE_LINE | ui->text_flags, &len);
    int w = ui_draw_text(y, x, clean, text_fit_words(clean, len, max - ell_w), max - ell_w, attr);
    free(clean);
    return w + ui_draw_text(y, x + w, ell, strlen(ell), ell_w, attr);
}

/* Where the top screen is, as crumbs after the guide's title: a section's list is the
 * section's label; a section's entry (a phase, a certification, a question) the label and the
 * entry, however it was reached (from a search, What's left, Home's "Next"); any other screen
 * its own crumb. Home is the title alone. Returns the number of crumbs. */
static size_t location(struct ui *ui, const char *crumbs[2])
{
    const struct ui_screen *top = ui_top(ui);
    if (ui->depth < 2) {
        return 0;
    }
    for (size_t i = 0; ui->app->sections != NULL && i < VIEW_SECTION_COUNT; i++) {
        const struct ui_section_def *sec = &ui->app->sections[i];
        crumbs[0] = view_guide_section_label(ui->g, (enum view_section)i);
        crumbs[1] = top->crumb;
        if (sec->list == top->ops) {
            return 1;
        }
        if (sec->leaf == top->ops) {
            return 2;
        }
    }
    crumbs[0] = top->crumb;
    return 1;
}

/* The title, then the location's crumbs. When they do not fit, the section's label gives way
 * to an ellipsis if that makes them fit; otherwise the end is cut with an ellipsis. Two blank
 * columns always keep the breadcrumb from the position. */
static void draw_header(struct ui *ui)
{
    attr_t a = ui_theme_attr(&ui->theme, VIEW_ROLE_HEADER);
    const struct ui_screen *top = ui_top(ui);
    char pos[48];
    position_text(ui, top, pos, sizeof pos);
    int pos_w = (int)strlen(pos) + 1;
    bool show_pos = ui->cols > pos_w + 10;
    int room = ui->cols - 1 - (show_pos ? pos_w + 1 : 0);
    const char *sep = (ui->text_flags & TEXT_ASCII) ? " > " : " › ";
    const char *ell = text_ellipsis(ui->text_flags);
    const char *title = "trail"; /* the guide picker */
    if (ui->g != NULL) {
        title = ui->g->short_title != NULL ? ui->g->short_title : ui->g->title;
    }
    if (title == NULL) {
        title = "trail";
    }
    const char *crumbs[2];
    size_t n = ui->g != NULL ? location(ui, crumbs) : 0;
    int sep_w = 3, total = 1 + untrusted_width(ui, title);
    for (size_t i = 0; i < n; i++) {
        total += sep_w + untrusted_width(ui, crumbs[i]);
    }
    size_t first = 0; /* the first crumb shown */
    if (total > room && n == 2) {
        int without = total - untrusted_width(ui, crumbs[0]) + untrusted_width(ui, ell);
        first = without <= room ? 1 : 0;
    }
    fill(ui, 0, 0, a);
    int x = 1;
    x += ui_draw_cut(ui, 0, x, title, room - x, a);
    if (first > 0) {
        x += ui_draw_untrusted(ui, 0, x, sep, room - x, a);
        x += ui_draw_untrusted(ui, 0, x, ell, room - x, a);
    }
    for (size_t i = first; i < n; i++) {
        x += ui_draw_untrusted(ui, 0, x, sep, room - x, a);
        x += ui_draw_cut(ui, 0, x, crumbs[i], room - x, a);
    }
    if (show_pos) {
        ui_draw_text(0, ui->cols - pos_w, pos, strlen(pos), pos_w, a);
    }
}

/* The status message, wrapped and bottom-aligned: a long one (a failed save names the file and
 * the reason) covers the last body rows, up to a third of the screen, until the next key.
 * Returns the rows it took. */
static int draw_status(struct ui *ui)
{
    attr_t a = ui_theme_attr(&ui->theme, ui->status_role);
    size_t len = 0;
    char *clean =
        text_sanitize(ui->status, strlen(ui->status), TEXT_ONE_LINE | ui->text_flags, &len);
    struct text_line *tl = NULL;
    size_t n = text_wrap(clean, len, ui->cols - 2, &tl);
    size_t max = ui->rows / 3 > 1 ? (size_t)ui->rows / 3 : 1;
    n = n < 1 ? 1 : (n > max ? max : n);
    for (size_t i = 0; i < n; i++) {
        int y = ui->rows - (int)n + (int)i;
        fill(ui, y, 0, a);
        if (tl != NULL) {
            ui_draw_text(y, 1, clean + tl[i].start, tl[i].len, ui->cols - 2, a);
        }
    }
    free(tl);
    free(clean);
    return (int)n;
}

/* The width a footer hint takes, its gap included. */
static int hint_width(const struct ui_binding *b)
{
    return (int)(strlen(b->hint_key) + 1 + strlen(b->hint)) + 2;
}

/* Help and quit: the way to learn the keys and the way out always show in the footer. */
static bool hint_kept(const struct ui_binding *b)
{
    return b->action == UI_ACT_HELP || b->action == UI_ACT_QUIT;
}

/* The key hints of the screen, in table order; when they do not all fit, the ones that do
 * before the help and quit hints, which keep their room. */
static void draw_hints(struct ui *ui, int y, attr_t bar)
{
    unsigned scope = ui_scope(ui);
    attr_t key = ui_theme_attr(&ui->theme, VIEW_ROLE_KEY);
    int kept = 0;
    for (size_t i = 0; i < ui_keys_count(ui->keys); i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        if (b->hint != NULL && (b->scopes & scope) != 0 && hint_kept(b)) {
            kept += hint_width(b);
        }
    }
    int x = 1;
    bool full = false;
    for (size_t i = 0; i < ui_keys_count(ui->keys); i++) {
        const struct ui_binding *b = ui_keys_at(ui->keys, i);
        if (b->hint == NULL || (b->scopes & scope) == 0) {
            continue;
        }
        int need = hint_width(b) - 2;
        if (hint_kept(b)) {
            kept -= need + 2;
        } else if (full || x + need + kept > ui->cols - 1) {
            full = true;
            continue;
        }
        if (x + need > ui->cols - 1) {
            break;
        }
        x += ui_draw_text(y, x, b->hint_key, strlen(b->hint_key), need, key) + 1;
        x += ui_draw_text(y, x, b->hint, strlen(b->hint), need, bar) + 2;
    }
}

static void draw_footer(struct ui *ui)
{
    int y = ui->rows - 1;
    attr_t bar = ui_theme_attr(&ui->theme, VIEW_ROLE_FOOTER);
    if (ui->modal != NULL && ui->modal->footer) {
        ui->modal->draw(ui, ui->modal_data);
        return;
    }
    if (ui->status[0] != '\0') {
        ui->status_rows = draw_status(ui);
        return;
    }
    ui->status_rows = 1;
    fill(ui, y, 0, bar);
    /* A modal over the body (help, a form) takes every key and names its own: the screen's
     * hints below it would name keys that do something else now. */
    if (ui->modal == NULL) {
        draw_hints(ui, y, bar);
    }
}

void ui_draw_doc_line(const struct ui *ui, const struct view_doc *d, size_t line, int y, int x)
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

/* True when a blank drawn in attribute a looks the same as one drawn in b: the same
 * background, and no underline or reverse video on one only (bold and the foreground colour
 * do not show on a blank). */
static bool blank_alike(attr_t a, attr_t b)
{
    const attr_t shows = A_REVERSE | A_UNDERLINE | A_STANDOUT | A_BLINK;
    if ((a & shows) != (b & shows)) {
        return false;
    }
    short fa = 0, ba = 0, fb = 0, bb = 0;
    pair_content((short)PAIR_NUMBER(a), &fa, &ba);
    pair_content((short)PAIR_NUMBER(b), &fb, &bb);
    return ba == bb;
}

static bool all_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != ' ') {
            return false;
        }
    }
    return true;
}

static attr_t run_attr(const struct ui *ui, const struct view_line *l, size_t r, bool sel)
{
    enum view_role role = l->runs[r].role;
    return sel ? ui_theme_selected(&ui->theme, role) : ui_theme_attr(&ui->theme, role);
}

/* Draws document line `line` on body row y. A line of the selected item is highlighted from
 * one column before its text to one after, like a menu bar, not across the whole row: moving
 * the selection then rewrites only the two items' text. Blank runs keep the attribute before
 * them when that looks the same, so a line changes attributes only where its text does. */
static void draw_line(struct ui *ui, const struct ui_screen *s, int y, size_t line)
{
    const struct view_doc *d = &s->doc;
    bool sel = d->n_items > 0 && view_doc_item_at(d, line) == s->pos.sel && line < d->n_lines;
    attr_t cur = ui_theme_attr(&ui->theme, VIEW_ROLE_BODY);
    fill(ui, y, 0, cur);
    if (line >= d->n_lines) {
        return;
    }
    const struct view_line *l = &d->lines[line];
    size_t lead = sel ? strspn(l->text, " ") : 0; /* blanks before the highlight */
    lead = lead > 0 ? lead - 1 : 0;
    int x = ui->margin + (int)lead, max = ui->cols - ui->margin;
    for (size_t r = 0; r < l->n_runs && x - ui->margin < max; r++) {
        size_t start = l->runs[r].start;
        size_t end = r + 1 < l->n_runs ? l->runs[r + 1].start : l->len;
        start = start < lead ? lead : start;
        if (start >= end) {
            continue;
        }
        attr_t a = run_attr(ui, l, r, sel);
        if (all_blank(l->text + start, end - start)) {
            /* Blanks before a run take its attribute, or else the one before them. */
            attr_t next = r + 1 < l->n_runs ? run_attr(ui, l, r + 1, sel) : a;
            a = blank_alike(a, next) ? next : (blank_alike(a, cur) ? cur : a);
        }
        x += ui_draw_text(y, x, l->text + start, end - start, ui->cols - x, a);
        cur = a;
    }
    if (sel && x < ui->cols && l->len > lead) {
        attr_t pad = ui_theme_attr(&ui->theme, VIEW_ROLE_SELECTED);
        ui_draw_text(y, x, " ", 1, 1, blank_alike(pad, cur) ? cur : pad);
    }
}

static void draw_body(struct ui *ui)
{
    struct ui_screen *s = ui_top(ui);
    size_t h = ui_body_height(ui);
    for (size_t r = 0; r < h; r++) {
        draw_line(ui, s, (int)r + 1, s->pos.top + r);
    }
}

/* The notice fits any size down to 1x1: each line takes the longest of its wordings that fits
 * (the last is clipped when none does), lines that do not fit go. It never writes the
 * bottom-right cell: curses reaches that cell by inserting a character in front of it, and a
 * terminal one column wide has no cell in front of it (ncurses then reads outside its line). */
static void draw_too_small(struct ui *ui)
{
    char size[64], need[32], min[16];
    snprintf(size, sizeof size, "%dx%d, need %dx%d", ui->cols, ui->rows, UI_MIN_COLS, UI_MIN_ROWS);
    snprintf(need, sizeof need, "need %dx%d", UI_MIN_COLS, UI_MIN_ROWS);
    snprintf(min, sizeof min, "%dx%d", UI_MIN_COLS, UI_MIN_ROWS);
    const char *lines[][3] = {
        {"Terminal too small", "Too small", NULL}, {size, need, min}, {"q quits", NULL, NULL}};
    attr_t a = ui_theme_attr(&ui->theme, VIEW_ROLE_BODY);
    int n = (int)(sizeof lines / sizeof lines[0]);
    if (n > ui->rows) {
        n = ui->rows;
    }
    int y0 = (ui->rows - n) / 2;
    for (int i = 0; i < n; i++) {
        const char *s = lines[i][0];
        for (int k = 1; k < 3 && lines[i][k] != NULL && (int)strlen(s) > ui->cols; k++) {
            s = lines[i][k];
        }
        int w = (int)strlen(s);
        int x = w < ui->cols ? (ui->cols - w) / 2 : 0;
        int room = ui->cols - x - (y0 + i == ui->rows - 1);
        if (room > 0) {
            ui_draw_text(y0 + i, x, s, strlen(s), room,
                         i == 0 ? ui_theme_attr(&ui->theme, VIEW_ROLE_ERROR) : a);
        }
    }
}

void ui_draw_all(struct ui *ui)
{
    erase();
    if (ui->too_small) {
        draw_too_small(ui);
        return;
    }
    ui_layout_screen(ui, ui_top(ui));
    draw_header(ui);
    draw_body(ui);
    draw_footer(ui);
    if (ui->modal != NULL && !ui->modal->footer) {
        ui->modal->draw(ui, ui->modal_data); /* last: it may place the cursor */
    }
}

static void draw_item(struct ui *ui, struct ui_screen *s, size_t item)
{
    if (item >= s->doc.n_items) {
        return;
    }
    const struct view_item *it = &s->doc.items[item];
    size_t h = ui_body_height(ui);
    for (size_t l = it->first; l < it->first + it->count; l++) {
        if (l >= s->pos.top && l < s->pos.top + h) {
            draw_line(ui, s, (int)(l - s->pos.top) + 1, l);
        }
    }
}

void ui_draw_items(struct ui *ui, size_t a, size_t b)
{
    /* A status over the body is uncovered only by a full paint. */
    if (ui->too_small || (ui->modal != NULL && !ui->modal->footer) || ui->status_rows > 1) {
        ui_draw_all(ui);
        return;
    }
    struct ui_screen *s = ui_top(ui);
    draw_item(ui, s, a);
    draw_item(ui, s, b);
    draw_header(ui);
    draw_footer(ui);
}
