/* SPDX-License-Identifier: MIT */
/* The guide picker: the first screen when the content directory holds several guides and none
 * was named. It lists each guide with its title, id, key actions and the learner's progress
 * (view_pick.c), from a summary of each (guide.yaml and the career path) loaded at start.
 *
 * Enter loads the guide afresh and replaces the picker with that guide's Home: the picker's
 * screen (document, selection, scroll) is moved aside, so the guide's screens use the stack
 * exactly as they do when trail opens one guide, Home at the bottom. Back from that Home pops
 * everything, frees the state kept for the guide and the guide, and moves the picker's screen back,
 * laid out again since progress may have changed. A guide that fails to load opens an error screen
 * over the picker instead; Back pops it. */
#include "ui_pick.h"

#include <stdlib.h>
#include <string.h>

#include "progress_resume.h"
#include "progress_store.h"
#include "ui_progress.h"
#include "ui_resume.h"
#include "ui_store.h"
#include "view_pick.h"
#include "xalloc.h"

/* The tag of the picker's state in ui_data(). */
static const char pick_tag;

struct ui_pick {
    struct guide **summaries;     /* one per guide; NULL when it failed to load */
    struct view_pick_entry *rows; /* what the picker shows */
    struct ui_screen saved;       /* the picker's screen while a guide is open */
    bool guide_open;              /* ui->g was loaded by the picker */
};

static struct ui_pick *pick_state(const struct ui *ui)
{
    return ui_data(ui, &pick_tag);
}

static void pick_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    view_pick(d, pick_state(ui)->rows, ui->opt.n_guides, ui_store_doc(ui));
}

/* Loads guide i; on success it replaces the picker as the open guide. */
static enum ui_result open_guide(struct ui *ui, size_t i)
{
    struct ui_pick *p = pick_state(ui);
    const struct guide_entry *e = &ui->opt.guides[i];
    struct diag diag = {0};
    struct guide *g = guide_load(e->dir, GUIDE_PART_INFO | GUIDE_PART_PATH, &diag);
    if (g == NULL) {
        ui_push_diag(ui, "load-error", i, e->id, &diag);
        return UI_RES_ALL;
    }
    diag_free(&diag); /* warnings: `trail --check` shows them */
    p->saved = ui->stack[0];
    ui->depth = 0;
    p->guide_open = true;
    ui->base_back = true;
    ui->g = g;
    ui->n_sections = view_guide_sections(g, ui->sections);
    ui_push_kind(ui, "home", 0, NULL);
    ui_progress_note_unknown(ui);
    ui_resume_restore(ui);
    return UI_RES_ALL;
}

static enum ui_result pick_action(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    if (a != UI_ACT_OPEN || s->pos.sel >= s->doc.n_items) {
        return UI_RES_PASS;
    }
    const char *id = s->doc.items[s->pos.sel].id;
    for (size_t i = 0; i < ui->opt.n_guides; i++) {
        if (strcmp(ui->opt.guides[i].id, id) == 0) {
            return open_guide(ui, i);
        }
    }
    return UI_RES_NONE;
}

const struct ui_screen_ops ui_pick_ops = {
    .name = "Guides",
    .kind = "pick",
    .scope = UI_SCOPE_PICKER | UI_SCOPE_OPEN,
    .layout = pick_layout,
    .action = pick_action,
};

void ui_pick_save(struct ui *ui)
{
    struct ui_pick *p = pick_state(ui);
    if (p == NULL || ui->opt.store == NULL || progress_store_readonly(ui->opt.store) != NULL) {
        return;
    }
    /* The picker's selection names the guide by its entry in the catalog (its directory), which
     * is also the guide open, if one is. */
    const struct ui_screen *s = p->guide_open ? &p->saved : &ui->stack[0];
    const char *id = s->pos.sel < s->doc.n_items ? s->doc.items[s->pos.sel].id : NULL;
    if (id != NULL) {
        progress_resume_save_picker(progress_store_target(ui->opt.store), id, p->guide_open);
    }
}

void ui_pick_resume(struct ui *ui)
{
    struct ui_pick *p = pick_state(ui);
    char *id = NULL;
    bool open = false;
    if (p == NULL || p->guide_open || ui->depth != 1 || ui->opt.store == NULL ||
        !progress_resume_load_picker(progress_store_target(ui->opt.store), &id, &open)) {
        return;
    }
    struct ui_screen *s = &ui->stack[0];
    for (size_t i = 0; i < ui->opt.n_guides; i++) {
        if (strcmp(ui->opt.guides[i].id, id) == 0 && ui_select_id(ui, s, id) && open) {
            open_guide(ui, i);
        }
    }
    free(id);
}

static void pick_free(struct ui *ui, void *ptr);

void ui_pick_start(struct ui *ui)
{
    struct ui_pick *p = xcalloc(1, sizeof *p);
    size_t n = ui->opt.n_guides;
    p->summaries = xcalloc(n, sizeof *p->summaries);
    p->rows = xcalloc(n, sizeof *p->rows);
    for (size_t i = 0; i < n; i++) {
        struct diag diag = {0};
        p->summaries[i] = guide_load(ui->opt.guides[i].dir, GUIDE_PART_PATH, &diag);
        diag_free(&diag);
        p->rows[i] = (struct view_pick_entry){ui->opt.guides[i].id, p->summaries[i]};
    }
    ui_data_set(ui, &pick_tag, p, pick_free, false);
    ui_push_kind(ui, "pick", 0, NULL);
}

/* Frees what the open guide built: its screens, the state kept for it, the guide itself. */
static void close_guide(struct ui *ui, struct ui_pick *p)
{
    ui_resume_save(ui); /* the place in this guide, for the next time it is opened */
    ui_pop_all(ui);
    ui_data_drop_guide(ui);
    guide_free(ui->g);
    ui->g = NULL;
    ui->n_sections = 0;
    ui->base_back = false;
    p->guide_open = false;
}

enum ui_result ui_pick_return(struct ui *ui, int arg)
{
    (void)arg;
    struct ui_pick *p = pick_state(ui);
    if (p == NULL || !p->guide_open || ui->depth != 1) {
        return UI_RES_NONE;
    }
    close_guide(ui, p);
    ui->stack[0] = p->saved;
    ui->depth = 1;
    ui->stack[0].stale = true; /* progress in the guide just left may have changed */
    ui_layout_screen(ui, &ui->stack[0]);
    return UI_RES_ALL;
}

static void pick_free(struct ui *ui, void *ptr)
{
    struct ui_pick *p = ptr;
    if (p->guide_open) {
        close_guide(ui, p);
        view_doc_free(&p->saved.doc);
        diag_free(&p->saved.diag);
    }
    for (size_t i = 0; i < ui->opt.n_guides; i++) {
        guide_free(p->summaries[i]);
    }
    free(p->summaries);
    free(p->rows);
    free(p);
}
