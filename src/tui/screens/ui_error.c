/* SPDX-License-Identifier: MIT */
/* The error screen: a part of the guide, or a guide the picker opened, failed to load. Shows
 * the loader's located messages; Back returns to where the user was. */
#include "ui_stack.h"

#include <stdio.h>

static void error_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)ui;
    char what[256];
    snprintf(what, sizeof what, "Could not load %s.", s->crumb);
    view_guide_error(d, what, &s->diag);
}

const struct ui_screen_ops ui_error_ops = {
    .name = "Error",
    .kind = "error",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB,
    .layout = error_layout,
};

/* Over the guide picker no guide is open: only the keys that need none work. */
const struct ui_screen_ops ui_load_error_ops = {
    .name = "Error",
    .kind = "load-error",
    .scope = UI_SCOPE_PICKER | UI_SCOPE_SUB,
    .layout = error_layout,
};
