/* SPDX-License-Identifier: MIT */
/* "What's left": every key action still to do or in progress, grouped by phase, with its mark
 * (view_plan_left()). Space or x, p and s mark the selected action as on its checklist. It
 * opens above whatever screen is shown, so Back returns there; Enter
 * opens the action's phase above it with the action selected, so Back from the phase returns
 * to the list, which is laid out again after every change and so loses what was just done. */
#include "ui_left.h"

#include <stdint.h>

#include "ui_progress.h"
#include "ui_section.h"
#include "ui_status.h"
#include "ui_store.h"
#include "view_plan.h"

static void left_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    view_plan_left(d, ui->g, ui_store_doc(ui));
}

static enum ui_result left_action(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    return ui_progress_action_list(ui, s, a);
}

enum ui_result ui_left_open(struct ui *ui, int arg)
{
    (void)arg;
    if (!(ui->g->loaded & GUIDE_PART_PATH)) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "This guide has no career path.");
        return UI_RES_ALL;
    }
    return ui_open_kind(ui, "left", "What's left");
}

const struct ui_screen_ops ui_left_ops = {
    .name = "What's left",
    .kind = "left",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_SUB | UI_SCOPE_NOTE | UI_SCOPE_CHECK |
             UI_SCOPE_EVIDENCE,
    .layout = left_layout,
    .action = left_action,
};
