/* SPDX-License-Identifier: MIT */
/* "What's left": every key action still to do or in progress, grouped by phase, with its mark
 * (view_plan_left()). It opens above whatever screen is shown, so Back returns there; Enter
 * opens the action's phase above it with the action selected, so Back from the phase returns
 * to the list, which is laid out again after every change and so loses what was just done. */
#include "ui_curses.h"

#include <stdint.h>

#include "view_plan.h"

static void left_resize(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    view_plan_left(d, ui->g, ui_progress_doc(ui));
}

static enum ui_result left_key(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    const struct guide_phase *ph = NULL;
    const struct guide_action *act = NULL;
    if (a != UI_ACT_OPEN || s->pos.sel >= s->doc.n_items ||
        (act = guide_find_action(ui->g, s->doc.items[s->pos.sel].id, &ph)) == NULL) {
        return UI_RES_PASS;
    }
    ui_push(ui, &ui_phase_ops, (size_t)(ph - ui->g->phases), ph->title);
    struct ui_screen *top = ui_top(ui);
    if (top == s) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Too many screens open");
        return UI_RES_ALL;
    }
    size_t item = view_doc_find_item(&top->doc, act->id);
    if (item != SIZE_MAX) {
        top->pos.sel = item;
        view_list_fix(&top->pos, &top->doc, ui_body_height(ui));
    }
    return UI_RES_ALL;
}

enum ui_result ui_left_open(struct ui *ui)
{
    if (!(ui->g->loaded & GUIDE_PART_PATH)) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "This guide has no career path.");
        return UI_RES_ALL;
    }
    for (size_t i = 1; i < ui->depth; i++) {
        if (ui->stack[i].ops == &ui_left_ops) {
            while (ui->depth > i + 1) {
                ui_pop(ui);
            }
            return UI_RES_ALL;
        }
    }
    ui_push(ui, &ui_left_ops, SIZE_MAX, "What's left"); /* SIZE_MAX: not a section */
    if (ui_top(ui)->ops != &ui_left_ops) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Too many screens open");
    }
    return UI_RES_ALL;
}

const struct ui_screen_ops ui_left_ops = {
    .name = "What's left",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_SUB | UI_SCOPE_NOTE,
    .resize = left_resize,
    .key = left_key,
};
