/* SPDX-License-Identifier: MIT */
/* Semantic roles to curses attributes: one table with a column per palette (default, for dark
 * terminal backgrounds; light, dark text for light backgrounds) and a monochrome column (bold,
 * reverse, underline), so a vt100 or NO_COLOR terminal still shows every distinction that
 * matters: titles, the selection, the filled part of a chart. The monochrome column is also
 * the `theme = monochrome` palette; NO_COLOR wins over any configured theme. */
#include "ui_theme.h"

struct theme_color {
    short fg, bg; /* -1: the terminal's default */
    attr_t attr;  /* added to the colour pair */
};

struct theme_row {
    struct theme_color dark, light;
    attr_t mono_attr; /* used alone without colour */
};

/* The light palette avoids yellow, white and cyan text, which fade on a white background, and
 * keeps the bars of the chrome in pale colours with black text. */
static const struct theme_row theme[VIEW_ROLE_COUNT] = {
    [VIEW_ROLE_BODY] = {{-1, -1, A_NORMAL}, {-1, -1, A_NORMAL}, A_NORMAL},
    [VIEW_ROLE_TITLE] = {{COLOR_CYAN, -1, A_BOLD}, {COLOR_BLUE, -1, A_BOLD}, A_BOLD | A_UNDERLINE},
    [VIEW_ROLE_HEADING] = {{COLOR_YELLOW, -1, A_BOLD}, {COLOR_MAGENTA, -1, A_BOLD}, A_BOLD},
    [VIEW_ROLE_DIM] = {{COLOR_BLUE, -1, A_BOLD}, {COLOR_BLUE, -1, A_NORMAL}, A_NORMAL},
    [VIEW_ROLE_ACCENT] = {{COLOR_GREEN, -1, A_BOLD}, {COLOR_GREEN, -1, A_BOLD}, A_BOLD},
    [VIEW_ROLE_NUMBER] = {{COLOR_MAGENTA, -1, A_BOLD}, {COLOR_RED, -1, A_BOLD}, A_BOLD},
    [VIEW_ROLE_BAR] = {{COLOR_GREEN, -1, A_NORMAL}, {COLOR_GREEN, -1, A_NORMAL}, A_BOLD},
    [VIEW_ROLE_BAR_EMPTY] = {{COLOR_WHITE, -1, A_DIM}, {COLOR_BLACK, -1, A_DIM}, A_NORMAL},
    /* The four checklist marks differ in monochrome too: bold, bold underline, dim, plain. */
    [VIEW_ROLE_CHECKBOX] = {{COLOR_CYAN, -1, A_BOLD}, {COLOR_BLUE, -1, A_BOLD}, A_NORMAL},
    [VIEW_ROLE_DONE] = {{COLOR_GREEN, -1, A_BOLD}, {COLOR_GREEN, -1, A_BOLD}, A_BOLD},
    [VIEW_ROLE_STARTED] = {{COLOR_YELLOW, -1, A_BOLD},
                           {COLOR_MAGENTA, -1, A_BOLD},
                           A_BOLD | A_UNDERLINE},
    [VIEW_ROLE_SKIPPED] = {{COLOR_BLUE, -1, A_NORMAL}, {COLOR_BLACK, -1, A_DIM}, A_DIM},
    [VIEW_ROLE_ERROR] = {{COLOR_RED, -1, A_BOLD}, {COLOR_RED, -1, A_BOLD}, A_BOLD | A_UNDERLINE},
    [VIEW_ROLE_MATCH] = {{COLOR_BLACK, COLOR_YELLOW, A_NORMAL},
                         {COLOR_BLACK, COLOR_YELLOW, A_NORMAL},
                         A_UNDERLINE | A_BOLD},
    [VIEW_ROLE_SELECTED] = {{COLOR_BLACK, COLOR_CYAN, A_NORMAL},
                            {COLOR_BLACK, COLOR_CYAN, A_NORMAL},
                            A_REVERSE},
    [VIEW_ROLE_HEADER] = {{COLOR_BLACK, COLOR_CYAN, A_BOLD},
                          {COLOR_WHITE, COLOR_BLUE, A_BOLD},
                          A_REVERSE},
    [VIEW_ROLE_FOOTER] = {{COLOR_WHITE, COLOR_BLUE, A_NORMAL},
                          {COLOR_BLACK, COLOR_WHITE, A_NORMAL},
                          A_REVERSE},
    [VIEW_ROLE_KEY] = {{COLOR_YELLOW, COLOR_BLUE, A_BOLD},
                       {COLOR_BLUE, COLOR_WHITE, A_BOLD},
                       A_BOLD},
    [VIEW_ROLE_STATUS] = {{COLOR_BLACK, COLOR_YELLOW, A_BOLD},
                          {COLOR_BLACK, COLOR_YELLOW, A_BOLD},
                          A_REVERSE | A_BOLD},
};

void ui_theme_init(struct ui_theme *th, bool color, enum config_theme palette)
{
    attr_t *attrs = th->attrs;
    color = color && palette != CONFIG_THEME_MONOCHROME;
    bool light = palette == CONFIG_THEME_LIGHT;
    bool defaults = color && use_default_colors() == OK;
    for (int r = 0; r < VIEW_ROLE_COUNT; r++) {
        const struct theme_color *t = light ? &theme[r].light : &theme[r].dark;
        if (!color || COLOR_PAIRS <= r + 1) {
            attrs[r] = theme[r].mono_attr;
            continue;
        }
        short fg = t->fg, bg = t->bg;
        if (!defaults) {
            /* Without the terminal's own colours, the palette names its background too. */
            fg = fg < 0 ? (light ? COLOR_BLACK : COLOR_WHITE) : fg;
            bg = bg < 0 ? (light ? COLOR_WHITE : COLOR_BLACK) : bg;
        }
        init_pair((short)(r + 1), fg, bg);
        attrs[r] = (attr_t)COLOR_PAIR(r + 1) | t->attr;
    }
}

attr_t ui_theme_attr(const struct ui_theme *th, enum view_role role)
{
    return (unsigned)role < VIEW_ROLE_COUNT ? th->attrs[role] : A_NORMAL;
}

attr_t ui_theme_selected(const struct ui_theme *th, enum view_role role)
{
    if (role == VIEW_ROLE_MATCH) {
        return th->attrs[VIEW_ROLE_MATCH]; /* a match stays visible inside the selection */
    }
    return th->attrs[VIEW_ROLE_SELECTED] | (ui_theme_attr(th, role) & A_BOLD);
}
