/* SPDX-License-Identifier: MIT */
/* Resume: where the learner left off, saved when the browser ends and reopened at the start;
 * kept in trail's state file (progress_resume.h), never in the progress file, so browsing
 * alone never rewrites the learner's progress.
 *
 * A position is the deepest screen of the stack that can be opened again from its name, the
 * id of its selected item and its first visible line. Names are the browser's own: "home",
 * "left", "section:<id>" for a section's list ("section:path"), and "phase:<id>",
 * "cert:<id>", "faq:<id>" for one phase, certification or question, keyed by the guide's ids
 * so a position survives a guide that gains or reorders items; the wiring's section list says
 * which screens list a section and which open its entries. Search screens are not saved:
 * the screen below them is. Reopening goes through the same calls as the keys (open the
 * section, select the entry, open it), so the stack and Back are what they would have been;
 * when the screen or the selected item no longer exists, the browser starts on Home. These
 * functions keep to themselves so that a guide picker in front of Home can call them once a
 * guide is open. */
#include "ui_resume.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_resume.h"
#include "progress_store.h"
#include "ui_loop.h"
#include "ui_section.h"
#include "ui_store.h"
#include "xalloc.h"

/* The id of entry `index` of a section's list, or NULL. Borrowed from the guide. */
static const char *leaf_id(const struct guide *g, enum view_section sec, size_t index)
{
    switch (sec) {
    case VIEW_SECTION_PATH:
        return index < g->n_phases ? g->phases[index].id : NULL;
    case VIEW_SECTION_CERTS:
        return index < g->n_certs ? g->certs[index].id : NULL;
    case VIEW_SECTION_FAQ:
        return index < g->n_faqs ? g->faqs[index].id : NULL;
    default:
        return NULL;
    }
}

/* The name of screen s (a new string), or NULL when it cannot be reopened. */
static char *screen_name(const struct ui *ui, const struct ui_screen *s)
{
    if (ui_is(s, "home") || ui_is(s, "left")) {
        return xstrdup(s->ops->kind);
    }
    for (int i = 0; i < VIEW_SECTION_COUNT; i++) {
        const struct ui_section_def *def = &ui->app->sections[i];
        if (ui_is(s, def->list->kind)) {
            return xasprintf("section:%s", view_guide_section_id((enum view_section)i));
        }
        const char *id = leaf_id(ui->g, (enum view_section)i, s->index);
        if (def->leaf != NULL && ui_is(s, def->leaf->kind) && id != NULL) {
            return xasprintf("%s%s", def->leaf_prefix, id);
        }
    }
    return NULL;
}

void ui_resume_save(struct ui *ui)
{
    struct progress_store *st = ui->opt.store;
    if (ui->g == NULL || st == NULL) {
        return; /* no guide open (the picker) */
    }
    for (size_t i = ui->depth; i-- > 0;) {
        const struct ui_screen *s = &ui->stack[i];
        char *name = screen_name(ui, s);
        if (name == NULL) {
            continue;
        }
        const char *item = s->pos.sel < s->doc.n_items ? s->doc.items[s->pos.sel].id : NULL;
        long scroll = s->pos.top < PROGRESS_SCROLL_MAX ? (long)s->pos.top : 0;
        progress_resume_save(progress_store_target(st), ui->g->id, name, item, scroll);
        free(name);
        return;
    }
}

/* Opens section sec; true when its list is on top (it loaded). */
static bool open_section(struct ui *ui, enum view_section sec)
{
    for (size_t i = 0; i < ui->n_sections; i++) {
        if (ui->sections[i] == sec) {
            return ui_section_show(ui, sec);
        }
    }
    return false;
}

/* Opens the screen named `name`; false when it does not exist (any more). */
static bool open_named(struct ui *ui, const char *name)
{
    if (strcmp(name, "home") == 0) {
        return true;
    }
    if (strcmp(name, "left") == 0) {
        ui_do_action(ui, UI_ACT_LEFT, 0);
        return ui_is(ui_top(ui), "left");
    }
    const char *sec_prefix = "section:";
    if (strncmp(name, sec_prefix, strlen(sec_prefix)) == 0) {
        for (int i = 0; i < VIEW_SECTION_COUNT; i++) {
            if (strcmp(name + strlen(sec_prefix), view_guide_section_id((enum view_section)i)) ==
                0) {
                return open_section(ui, (enum view_section)i);
            }
        }
        return false;
    }
    for (int i = 0; i < VIEW_SECTION_COUNT; i++) {
        const struct ui_section_def *n = &ui->app->sections[i];
        size_t plen = n->leaf_prefix != NULL ? strlen(n->leaf_prefix) : 0;
        if (plen == 0 || strncmp(name, n->leaf_prefix, plen) != 0 ||
            !open_section(ui, n->section)) {
            continue;
        }
        struct ui_screen *list = ui_top(ui);
        if (!ui_select_id(ui, list, name + plen)) {
            return false;
        }
        const char *id = list->doc.items[list->pos.sel].id;
        for (size_t k = 0; leaf_id(ui->g, n->section, k) != NULL; k++) {
            if (strcmp(leaf_id(ui->g, n->section, k), id) == 0) {
                /* Opened the way Enter opens it, so the title and Back are the same. */
                ui_do_action(ui, UI_ACT_OPEN, 0);
                return ui_is(ui_top(ui), n->leaf->kind) && ui_top(ui)->index == k;
            }
        }
        return false;
    }
    return false;
}

/* Reopens the screen of position r and selects its item; Home when either is gone. */
static void restore_at(struct ui *ui, const struct progress_resume *r)
{
    bool ok = open_named(ui, r->screen);
    struct ui_screen *s = ui_top(ui);
    size_t item = SIZE_MAX;
    if (ok && r->item != NULL) {
        item = view_doc_find_item(&s->doc, r->item);
        ok = item != SIZE_MAX;
    }
    if (!ok) {
        ui_pop_to(ui, 1);
        return;
    }
    s->pos.top = r->scroll > 0 ? (size_t)r->scroll : 0;
    if (item != SIZE_MAX) {
        s->pos.sel = item;
    }
    view_list_fix(&s->pos, &s->doc, ui_body_height(ui));
}

void ui_resume_restore(struct ui *ui)
{
    const struct progress *p = ui_store_doc(ui);
    struct progress_resume pos;
    if (ui->g == NULL || p == NULL || ui->opt.store == NULL ||
        !progress_resume_load(progress_store_target(ui->opt.store), p, ui->g->id, &pos)) {
        return;
    }
    restore_at(ui, &pos);
    free(pos.screen);
    free(pos.item);
}
