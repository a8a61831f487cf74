/* SPDX-License-Identifier: MIT */
/* One phase of the career path: its summary, its progress and its key actions as a checklist.
 * Space or x, p and s mark the selected action done, in progress or skipped (the same key
 * again makes it "to do"); ui_progress.c makes the change, the loop saves it. Opened from the
 * search results, it shows their matches (n and N step through them). */
#include "ui_progress.h"
#include "ui_search.h"
#include "ui_stack.h"
#include "ui_store.h"

static void phase_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    struct view_marks m;
    view_guide_phase(d, ui->g, s->index, ui_store_doc(ui), ui_search_marks(ui, s, &m));
}

static enum ui_result phase_action(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    return ui_progress_mark_key(ui, s, a);
}

const struct ui_screen_ops ui_phase_ops = {
    .name = "Phase checklist",
    .kind = "phase",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB | UI_SCOPE_CHECK | UI_SCOPE_NOTE | UI_SCOPE_EVIDENCE,
    .layout = phase_layout,
    .action = phase_action,
};
