/* SPDX-License-Identifier: MIT */
/* Sections: Home's menu and the keys that move between its entries. Opening a section pops
 * every screen above Home, selects the section on Home (so Back lands on it however it was
 * opened) and pushes the section's list, as the wiring's section list gives it. */
#include "ui_section.h"

#include <stdint.h>

#include "ui_loop.h"
#include "ui_status.h"

bool ui_section_load(struct ui *ui, unsigned part)
{
    struct diag diag = {0};
    if (guide_load_parts(ui->g, part, &diag) != 0) {
        ui_push_diag(ui, "error", 0, guide_part_file(part), &diag);
        return false;
    }
    diag_free(&diag);
    ui->stack[0].stale = true; /* Home's menu and progress change with the loaded part */
    return true;
}

bool ui_section_show(struct ui *ui, enum view_section sec)
{
    ui_pop_to(ui, 1);
    unsigned part = view_guide_section_part(sec);
    if ((ui->g->loaded & part) != part && !ui_section_load(ui, part)) {
        return false;
    }
    ui_select_id(ui, &ui->stack[0], view_guide_section_id(sec));
    /* The breadcrumb says the menu's label, whatever the part calls itself. */
    return ui_push(ui, ui->app->sections[sec].list, (size_t)sec,
                   view_guide_section_label(ui->g, sec)) != NULL;
}

static enum ui_result show_later(struct ui *ui, int sec)
{
    ui_section_show(ui, (enum view_section)sec);
    return UI_RES_ALL;
}

enum ui_result ui_section_open(struct ui *ui, enum view_section sec)
{
    unsigned part = view_guide_section_part(sec);
    if ((ui->g->loaded & part) != part) {
        ui_pop_to(ui, 1);
        ui_status_set(ui, VIEW_ROLE_STATUS, "Loading %s...", guide_part_file(part));
        ui_defer(ui, show_later, (int)sec);
        return UI_RES_ALL;
    }
    ui_section_show(ui, sec);
    return UI_RES_ALL;
}

/* The position of the shown section in ui->sections, or SIZE_MAX on Home. */
static size_t current_section(const struct ui *ui)
{
    if (ui->depth < 2) {
        return SIZE_MAX;
    }
    for (size_t i = 0; i < ui->n_sections; i++) {
        if (ui->sections[i] == (enum view_section)ui->stack[1].index) {
            return i;
        }
    }
    return SIZE_MAX;
}

enum ui_result ui_section_step(struct ui *ui, bool forward)
{
    size_t n = ui->n_sections, cur = current_section(ui);
    if (n == 0) {
        return UI_RES_NONE;
    }
    size_t next;
    if (cur == SIZE_MAX) {
        next = forward ? 0 : n - 1;
    } else {
        next = forward ? (cur + 1) % n : (cur + n - 1) % n;
    }
    return ui_section_open(ui, ui->sections[next]);
}

enum ui_result ui_section_jump(struct ui *ui, int n)
{
    if (n < 0 || (size_t)n >= ui->n_sections) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "%d: there is no section %d; Home lists %zu.", n + 1,
                      n + 1, ui->n_sections);
        return UI_RES_ALL;
    }
    return ui_section_open(ui, ui->sections[n]);
}

enum ui_result ui_open_kind(struct ui *ui, const char *kind, const char *crumb)
{
    size_t at = ui_find(ui, kind);
    if (at != SIZE_MAX) {
        ui_pop_to(ui, at + 1);
    } else if (ui_push_kind(ui, kind, SIZE_MAX, crumb) == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Too many screens open");
    }
    return UI_RES_ALL;
}
