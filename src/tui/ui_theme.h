/* SPDX-License-Identifier: MIT */
/* Semantic roles (enum view_role) to curses attributes: a palette of a few tones, drawn in
 * 256, 16 or 8 colours, with a monochrome column. */
#ifndef TRAIL_UI_THEME_H
#define TRAIL_UI_THEME_H

#include <stdbool.h>

#include "config.h"
#include "ui_curses.h"
#include "view.h"

/* How many colours the terminal has: the palette picks its tones for it. */
enum ui_theme_depth {
    UI_THEME_MONO, /* no colour: attributes only (NO_COLOR, theme = monochrome, a vt100) */
    UI_THEME_8,
    UI_THEME_16,
    UI_THEME_256,
    UI_THEME_DEPTH_COUNT
};

/* How one role is drawn: colour numbers (-1: the terminal's default) and attributes. With
 * UI_THEME_MONO, fg and bg are -1 and only attr counts. */
struct ui_theme_spec {
    short fg, bg;
    attr_t attr;
};

/* Attributes per role, plain and inside the selected item, filled by ui_theme_init(). */
struct ui_theme {
    attr_t attrs[VIEW_ROLE_COUNT];
    attr_t selected[VIEW_ROLE_COUNT];
};

/* The palette's drawing of `role` (selected: inside the selected item) for `palette` at
 * `depth`. Pure: reads the table, needs no terminal (the unit test checks the contrast). */
struct ui_theme_spec ui_theme_spec(enum config_theme palette, enum ui_theme_depth depth,
                                   enum view_role role, bool selected);

/* color: the terminal has colours and NO_COLOR is not set; palette: the configured theme
 * (CONFIG_THEME_MONOCHROME draws without colours like !color). Call after newterm(). */
void ui_theme_init(struct ui_theme *th, bool color, enum config_theme palette);
attr_t ui_theme_attr(const struct ui_theme *th, enum view_role role);
/* The attribute of a run of `role` inside the selected item. */
attr_t ui_theme_selected(const struct ui_theme *th, enum view_role role);

#endif
