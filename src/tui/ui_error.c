/* SPDX-License-Identifier: MIT */
/* The error screen: a part of the guide, or a guide the picker opened, failed to load. Shows
 * the loader's located messages; Back returns to where the user was. */
#include "ui_curses.h"

#include <stdio.h>

static void error_resize(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)ui;
    char what[256];
    snprintf(what, sizeof what, "Could not load %s.", s->crumb);
    view_guide_error(d, what, &s->diag);
}

const struct ui_screen_ops ui_error_ops = {
    .name = "Error",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB,
    .resize = error_resize,
};

/* Over the guide picker no guide is open: only the keys that need none work. */
const struct ui_screen_ops ui_load_error_ops = {
    .name = "Error",
    .scope = UI_SCOPE_PICKER | UI_SCOPE_SUB,
    .resize = error_resize,
};
