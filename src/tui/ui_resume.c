/* SPDX-License-Identifier: MIT */
/* Resume: where the learner left off, saved when the browser ends and reopened at the start.
 *
 * A position is the deepest screen of the stack that can be opened again from its name, the
 * id of its selected item and its first visible line. Names are the browser's own: "home",
 * "left", "section:<id>" for a section's list ("section:path"), and "phase:<id>",
 * "cert:<id>", "faq:<id>" for one phase, certification or question, keyed by the guide's ids
 * so a position survives a guide that gains or reorders items. Search screens are not saved:
 * the screen below them is. Reopening goes through the same calls as the keys (open the
 * section, select the entry, open it), so the stack and Back are what they would have been;
 * when the screen or the selected item no longer exists, the browser starts on Home. These
 * functions keep to themselves so that a guide picker in front of Home can call them once a
 * guide is open. */
#include "ui_curses.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_store.h"
#include "xalloc.h"

struct named {
    const struct ui_screen_ops *ops;
    const char *prefix;
    enum view_section section; /* the section whose list leads to the screen */
};

/* Screens named by one of the guide's ids, and the section that lists them. */
static const struct named leaves[] = {
    {&ui_phase_ops, "phase:", VIEW_SECTION_PATH},
    {&ui_cert_ops, "cert:", VIEW_SECTION_CERTS},
    {&ui_faq_ops, "faq:", VIEW_SECTION_FAQ},
};

static const struct ui_screen_ops *const section_screens[VIEW_SECTION_COUNT] = {
    &ui_overview_ops, &ui_path_ops, &ui_certs_ops, &ui_faqs_ops};

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
    if (s->ops == &ui_home_ops) {
        return xstrdup("home");
    }
    if (s->ops == &ui_left_ops) {
        return xstrdup("left");
    }
    for (int i = 0; i < VIEW_SECTION_COUNT; i++) {
        if (s->ops == section_screens[i]) {
            return xasprintf("section:%s", view_guide_section_id((enum view_section)i));
        }
    }
    for (size_t i = 0; i < sizeof leaves / sizeof leaves[0]; i++) {
        const char *id = leaf_id(ui->g, leaves[i].section, s->index);
        if (s->ops == leaves[i].ops && id != NULL) {
            return xasprintf("%s%s", leaves[i].prefix, id);
        }
    }
    return NULL;
}

void ui_resume_save(struct ui *ui)
{
    struct progress_store *st = ui->opt.store;
    if (ui->g == NULL || st == NULL || progress_store_readonly(st) != NULL) {
        return; /* no guide open (the picker), or nowhere to keep the place */
    }
    for (size_t i = ui->depth; i-- > 0;) {
        const struct ui_screen *s = &ui->stack[i];
        char *name = screen_name(ui, s);
        if (name == NULL) {
            continue;
        }
        const char *item = s->pos.sel < s->doc.n_items ? s->doc.items[s->pos.sel].id : NULL;
        long scroll = s->pos.top < PROGRESS_SCROLL_MAX ? (long)s->pos.top : 0;
        progress_set_resume(progress_store_doc(st), ui->g->id, name, item, scroll,
                            progress_now_ms());
        free(name);
        return;
    }
}

/* Opens section sec; true when its list is on top (it loaded). */
static bool open_section(struct ui *ui, enum view_section sec)
{
    for (size_t i = 0; i < ui->n_sections; i++) {
        if (ui->sections[i] == sec) {
            ui_open_section(ui, sec);
            return ui_top(ui)->ops == section_screens[sec];
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
        ui_left_open(ui);
        return ui_top(ui)->ops == &ui_left_ops;
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
    for (size_t i = 0; i < sizeof leaves / sizeof leaves[0]; i++) {
        const struct named *n = &leaves[i];
        size_t plen = strlen(n->prefix);
        if (strncmp(name, n->prefix, plen) != 0 || !open_section(ui, n->section)) {
            continue;
        }
        struct ui_screen *list = ui_top(ui);
        size_t item = view_doc_find_item(&list->doc, name + plen);
        const char *id = item != SIZE_MAX ? list->doc.items[item].id : NULL;
        for (size_t k = 0; id != NULL && leaf_id(ui->g, n->section, k) != NULL; k++) {
            if (strcmp(leaf_id(ui->g, n->section, k), id) == 0) {
                list->pos.sel = item;
                view_list_fix(&list->pos, &list->doc, ui_body_height(ui));
                /* Opened the way Enter opens it, so the title and Back are the same. */
                ui_do_action(ui, UI_ACT_OPEN, 0);
                return ui_top(ui)->ops == n->ops && ui_top(ui)->index == k;
            }
        }
        return false;
    }
    return false;
}

void ui_resume_restore(struct ui *ui)
{
    const struct progress *p = ui_progress_doc(ui);
    if (ui->g == NULL || p == NULL) {
        return;
    }
    const struct progress_resume *r = progress_get_resume(p, ui->g->id);
    if (r == NULL || r->screen == NULL) {
        return;
    }
    bool ok = open_named(ui, r->screen);
    struct ui_screen *s = ui_top(ui);
    size_t item = SIZE_MAX;
    if (ok && r->item != NULL) {
        item = view_doc_find_item(&s->doc, r->item);
        ok = item != SIZE_MAX;
    }
    if (!ok) {
        while (ui->depth > 1) {
            ui_pop(ui);
        }
        return;
    }
    s->pos.top = r->scroll > 0 ? (size_t)r->scroll : 0;
    if (item != SIZE_MAX) {
        s->pos.sel = item;
    }
    view_list_fix(&s->pos, &s->doc, ui_body_height(ui));
}
