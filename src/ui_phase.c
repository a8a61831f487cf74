/* One phase of the career path: its summary and its key actions as a checklist. The boxes are
 * drawn empty; ticking plugs in through view_guide_phase()'s box callback and a scope bit on
 * this screen for its keys. */
#include "ui_curses.h"

static void phase_resize(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    view_guide_phase(d, ui->g, s->index, NULL, NULL);
}

const struct ui_screen_ops ui_phase_ops = {
    .name = "Phase checklist",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB,
    .resize = phase_resize,
};
