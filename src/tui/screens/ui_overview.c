/* SPDX-License-Identifier: MIT */
/* Overview: "What You'll Learn" and the header stats drawn as charts (salary range on a
 * scale, job growth, time to career, difficulty gauge). A text screen: keys scroll. */
#include "ui_stack.h"

static void overview_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    view_guide_overview(d, ui->g);
}

const struct ui_screen_ops ui_overview_ops = {
    .name = "Overview",
    .kind = "overview",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB,
    .layout = overview_layout,
};
