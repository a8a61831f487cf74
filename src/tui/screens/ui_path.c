/* SPDX-License-Identifier: MIT */
/* Career path: the timeline of the plan and the phases with months, duration, progress and
 * summary; the timeline goes below the phases when the screen is too low for both. Enter opens
 * a phase's checklist. */
#include "ui_stack.h"
#include "ui_store.h"
#include "view_today.h"

static void path_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    const struct progress *p = ui_store_doc(ui);
    struct view_today t;
    view_today_compute(&t, ui->g, p, progress_date_today(), ui->opt.hours_per_week);
    view_guide_path(d, ui->g, p, &t, ui_body_height(ui));
    view_today_done(&t);
}

static enum ui_result path_action(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    if (a != UI_ACT_OPEN || s->pos.sel >= ui->g->n_phases) {
        return UI_RES_PASS;
    }
    ui_push_kind(ui, "phase", s->pos.sel, ui->g->phases[s->pos.sel].title);
    return UI_RES_ALL;
}

const struct ui_screen_ops ui_path_ops = {
    .name = "Career path",
    .kind = "path",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_SUB | UI_SCOPE_NOTE,
    .layout = path_layout,
    .action = path_action,
    .fits_height = true,
};
