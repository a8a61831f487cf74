/* SPDX-License-Identifier: MIT */
/* Career path: the phases with months, duration, progress and summary. Enter opens a phase's
 * checklist. */
#include "ui_curses.h"

static void path_resize(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    view_guide_path(d, ui->g, ui_progress_doc(ui));
}

static enum ui_result path_key(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    if (a != UI_ACT_OPEN || s->pos.sel >= ui->g->n_phases) {
        return UI_RES_PASS;
    }
    return ui_push(ui, &ui_phase_ops, s->pos.sel, ui->g->phases[s->pos.sel].title);
}

const struct ui_screen_ops ui_path_ops = {
    .name = "Career path",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_SUB | UI_SCOPE_NOTE,
    .resize = path_resize,
    .key = path_key,
};
