/* Semantic roles to curses attributes: one table with a colour column and a monochrome
 * column (bold, reverse, underline), so a vt100 or NO_COLOR terminal still shows every
 * distinction that matters: titles, the selection, the filled part of a chart. */
#include "ui_curses.h"

struct theme_row {
    short fg, bg;      /* -1: the terminal's default */
    attr_t color_attr; /* added to the colour pair */
    attr_t mono_attr;  /* used alone without colour */
};

static const struct theme_row theme[VIEW_ROLE_COUNT] = {
    [VIEW_ROLE_BODY] = {-1, -1, A_NORMAL, A_NORMAL},
    [VIEW_ROLE_TITLE] = {COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [VIEW_ROLE_HEADING] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [VIEW_ROLE_DIM] = {COLOR_BLUE, -1, A_BOLD, A_NORMAL},
    [VIEW_ROLE_ACCENT] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [VIEW_ROLE_NUMBER] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
    [VIEW_ROLE_BAR] = {COLOR_GREEN, -1, A_NORMAL, A_BOLD},
    [VIEW_ROLE_BAR_EMPTY] = {COLOR_WHITE, -1, A_DIM, A_NORMAL},
    [VIEW_ROLE_CHECKBOX] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [VIEW_ROLE_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [VIEW_ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [VIEW_ROLE_HEADER] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE},
    [VIEW_ROLE_FOOTER] = {COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE},
    [VIEW_ROLE_KEY] = {COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_BOLD},
    [VIEW_ROLE_STATUS] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
};

void ui_theme_init(struct ui_theme *th, bool color)
{
    attr_t *attrs = th->attrs;
    bool defaults = color && use_default_colors() == OK;
    for (int r = 0; r < VIEW_ROLE_COUNT; r++) {
        const struct theme_row *t = &theme[r];
        if (!color || COLOR_PAIRS <= r + 1) {
            attrs[r] = t->mono_attr;
            continue;
        }
        short fg = t->fg, bg = t->bg;
        if (!defaults) {
            fg = fg < 0 ? COLOR_WHITE : fg;
            bg = bg < 0 ? COLOR_BLACK : bg;
        }
        init_pair((short)(r + 1), fg, bg);
        attrs[r] = (attr_t)COLOR_PAIR(r + 1) | t->color_attr;
    }
}

attr_t ui_theme_attr(const struct ui_theme *th, enum view_role role)
{
    return (unsigned)role < VIEW_ROLE_COUNT ? th->attrs[role] : A_NORMAL;
}

attr_t ui_theme_selected(const struct ui_theme *th, enum view_role role)
{
    return th->attrs[VIEW_ROLE_SELECTED] | (ui_theme_attr(th, role) & A_BOLD);
}
