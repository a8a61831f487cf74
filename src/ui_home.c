/* Home: the guide's title, intro and header stats, overall progress and the current phase,
 * the numbered menu of sections and the call to action. Enter opens the selected section (1-9 and
 * Tab work from anywhere). */
#include "ui_curses.h"

#include <string.h>

static void home_resize(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    view_guide_home(d, ui->g, ui_progress_doc(ui));
}

static enum ui_result home_key(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    if (a != UI_ACT_OPEN || s->pos.sel >= s->doc.n_items) {
        return UI_RES_PASS;
    }
    const char *id = s->doc.items[s->pos.sel].id;
    for (size_t i = 0; i < ui->n_sections; i++) {
        if (strcmp(id, view_guide_section_id(ui->sections[i])) == 0) {
            return ui_open_section(ui, ui->sections[i]);
        }
    }
    return UI_RES_NONE;
}

const struct ui_screen_ops ui_home_ops = {
    .name = "Home",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN,
    .resize = home_resize,
    .key = home_key,
};
