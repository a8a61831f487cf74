/* SPDX-License-Identifier: MIT */
/* Semantic roles (enum view_role) to curses attributes, with a monochrome column. */
#ifndef TRAIL_UI_THEME_H
#define TRAIL_UI_THEME_H

#include <stdbool.h>

#include "config.h"
#include "ui_curses.h"
#include "view.h"

/* Attributes per role, filled by ui_theme_init(). */
struct ui_theme {
    attr_t attrs[VIEW_ROLE_COUNT];
};

/* color: the terminal has colours and NO_COLOR is not set; palette: the configured theme
 * (CONFIG_THEME_MONOCHROME draws without colours like !color). Call after newterm(). */
void ui_theme_init(struct ui_theme *th, bool color, enum config_theme palette);
attr_t ui_theme_attr(const struct ui_theme *th, enum view_role role);
/* The attribute of a run of `role` inside the selected item. */
attr_t ui_theme_selected(const struct ui_theme *th, enum view_role role);

#endif
