/* SPDX-License-Identifier: MIT */
/* Checklist progress in the browser: ticking key actions, undo, jumping to the next action to
 * do, and saving.
 *
 * Every change is saved at once through the store (which merges what other instances saved);
 * every screen is then laid out again, since Home, the career path and the checklist all show
 * progress and the merge may have brought other changes. A failed save leaves the change in
 * memory and says why in the status line; the next change, q and the end of the browser
 * (signals included) try again. q with unsaved changes warns once, naming a file trail could
 * write instead; a second q quits. */
#include "ui_curses.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_store.h"
#include "xalloc.h"

struct progress *ui_progress_doc(struct ui *ui)
{
    return ui->opt.store != NULL ? progress_store_doc(ui->opt.store) : NULL;
}

/* Appends a sentence to *msg (a new string or NULL), freeing text. */
static void append(char **msg, char *text)
{
    if (text == NULL) {
        return;
    }
    char *joined = *msg != NULL ? xasprintf("%s %s", *msg, text) : xstrdup(text);
    free(*msg);
    free(text);
    *msg = joined;
}

/* Home counts the certifications the learner tracks: load that part at the start when this
 * guide has certification entries (a failure only leaves the count out). */
static void load_tracked_certs(struct ui *ui)
{
    const struct progress_guide *pg = progress_find_guide(ui_progress_doc(ui), ui->g->id);
    if (pg == NULL || pg->certs.n == 0 || !(ui->g->available & GUIDE_PART_CERTS) ||
        (ui->g->loaded & GUIDE_PART_CERTS)) {
        return;
    }
    struct diag diag = {0};
    guide_load_parts(ui->g, GUIDE_PART_CERTS, &diag);
    diag_free(&diag);
    ui->stack[0].stale = true;
}

void ui_progress_start(struct ui *ui)
{
    struct progress_store *st = ui->opt.store;
    if (st == NULL) {
        return;
    }
    char *msg = NULL;
    if (progress_store_notice(st) != NULL) {
        append(&msg, xstrdup(progress_store_notice(st)));
    }
    if (progress_store_readonly(st) != NULL) {
        append(&msg, xasprintf("Progress is read-only: %s.", progress_store_readonly(st)));
    }
    bool trouble = msg != NULL;
    if (ui->g != NULL) {
        load_tracked_certs(ui);
    }
    size_t unknown = ui->g != NULL ? progress_count_unknown(progress_store_doc(st), ui->g) : 0;
    if (unknown > 0) {
        append(&msg, xasprintf("%zu saved item%s %s not in this guide; kept.", unknown,
                               unknown == 1 ? "" : "s", unknown == 1 ? "is" : "are"));
    }
    if (msg != NULL) {
        ui_status_set(ui, trouble ? VIEW_ROLE_ERROR : VIEW_ROLE_STATUS, "%s", msg);
        free(msg);
    }
}

void ui_progress_note_unknown(struct ui *ui)
{
    load_tracked_certs(ui);
    struct progress_store *st = ui->opt.store;
    size_t unknown = st != NULL ? progress_count_unknown(progress_store_doc(st), ui->g) : 0;
    if (unknown > 0) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "%zu saved item%s %s not in this guide; kept.", unknown,
                      unknown == 1 ? "" : "s", unknown == 1 ? "is" : "are");
    }
}

/* Lays every open screen out again on the next paint. */
static void all_stale(struct ui *ui)
{
    for (size_t i = 0; i < ui->depth; i++) {
        ui->stack[i].stale = true;
    }
}

/* Saves after a change; a failure shows the store's message, and so does the first success
 * after a failure ("Saved to ..."), so the learner knows the earlier changes are safe now.
 * Returns UI_RES_ALL. */
static enum ui_result changed(struct ui *ui)
{
    ui->quit_armed = false;
    bool failed = progress_store_save(ui->opt.store) != 0;
    if (failed || ui->save_failed) {
        ui_status_set(ui, failed ? VIEW_ROLE_ERROR : VIEW_ROLE_STATUS, "%s",
                      progress_store_message(ui->opt.store));
    }
    ui->save_failed = failed;
    all_stale(ui);
    return UI_RES_ALL;
}

enum ui_result ui_progress_save_change(struct ui *ui)
{
    return changed(ui);
}

enum ui_result ui_progress_mark(struct ui *ui, struct ui_screen *s, enum progress_state state)
{
    struct progress *p = ui_progress_doc(ui);
    if (p == NULL || s->pos.sel >= s->doc.n_items) {
        return UI_RES_NONE;
    }
    const char *id = s->doc.items[s->pos.sel].id;
    enum progress_state now = progress_get_state(p, ui->g->id, id);
    enum progress_state next = now == state ? PROGRESS_TODO : state;
    if (progress_set_state(p, ui->g->id, id, next, progress_now_ms()) != 0) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "This key action has no id progress can be kept for.");
        return UI_RES_ALL;
    }
    return changed(ui);
}

/* Selects item id on screen s when it shows it. */
static void select_item(struct ui *ui, struct ui_screen *s, const char *id)
{
    ui_layout_screen(ui, s);
    size_t item = view_doc_find_item(&s->doc, id);
    if (item != SIZE_MAX) {
        s->pos.sel = item;
        view_list_fix(&s->pos, &s->doc, ui_body_height(ui));
    }
}

static const char *state_words(enum progress_state st)
{
    switch (st) {
    case PROGRESS_DONE:
        return "done";
    case PROGRESS_IN_PROGRESS:
        return "in progress";
    case PROGRESS_SKIPPED:
        return "skipped";
    case PROGRESS_TODO:
        break;
    }
    return "to do";
}

enum ui_result ui_progress_undo(struct ui *ui)
{
    struct progress *p = ui_progress_doc(ui);
    const char *undone = NULL;
    if (p == NULL || !progress_undo(p, ui->g->id, progress_now_ms(), &undone)) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Nothing to undo.");
        return UI_RES_ALL;
    }
    char *id = xstrdup(undone); /* the save's merge may move the entry */
    enum progress_state st = progress_get_state(p, ui->g->id, id);
    const struct guide_action *act = guide_find_action(ui->g, id, NULL);
    if (act != NULL) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: \"%s\" is %s again.", act->text,
                      state_words(st));
    } else {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: %s is %s again.", id, state_words(st));
    }
    enum ui_result r = changed(ui);
    struct ui_screen *top = ui_top(ui);
    if (top->ops == &ui_phase_ops) {
        select_item(ui, top, id);
    }
    free(id);
    return r;
}

/* Shows key action `action` of phase `phase` selected on its checklist, opening the career
 * path and the phase unless that checklist is already on top. */
static enum ui_result show_action(struct ui *ui, size_t phase, size_t action)
{
    const struct guide_phase *ph = &ui->g->phases[phase];
    struct ui_screen *top = ui_top(ui);
    if (top->ops != &ui_phase_ops || top->index != phase) {
        ui_open_section(ui, VIEW_SECTION_PATH);
        if (ui_top(ui)->ops != &ui_path_ops) {
            return UI_RES_ALL; /* the career path could not be loaded: its error screen shows */
        }
        select_item(ui, ui_top(ui), ph->id);
        ui_push(ui, &ui_phase_ops, phase, ph->title);
        top = ui_top(ui);
    }
    select_item(ui, top, ph->actions[action].id);
    return UI_RES_ALL;
}

enum ui_result ui_progress_next_todo(struct ui *ui)
{
    struct progress *p = ui_progress_doc(ui);
    if (p == NULL) {
        return UI_RES_NONE;
    }
    struct ui_screen *top = ui_top(ui);
    size_t from = SIZE_MAX, from_action = 0;
    if (top->ops == &ui_phase_ops && top->pos.sel < top->doc.n_items) {
        from = top->index;
        from_action = top->pos.sel;
    }
    size_t phase, action;
    if (!progress_next_todo(p, ui->g, from, from_action, &phase, &action)) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Every key action is done or skipped.");
        return UI_RES_ALL;
    }
    return show_action(ui, phase, action);
}

bool ui_progress_may_quit(struct ui *ui)
{
    struct progress_store *st = ui->opt.store;
    if (st == NULL || !progress_store_dirty(st) || ui->quit_armed) {
        return true;
    }
    if (progress_store_save(st) == 0) {
        return true;
    }
    all_stale(ui); /* the attempt merged what other instances saved */
    char *alt = progress_store_suggest_path(st);
    ui_status_set(ui, VIEW_ROLE_ERROR,
                  "%s Press q again to quit without saving them. To keep progress elsewhere, "
                  "run trail --state FILE, e.g. trail --state %s",
                  progress_store_message(st), alt);
    free(alt);
    ui->quit_armed = true;
    return false;
}

char *ui_progress_finish(struct ui *ui)
{
    struct progress_store *st = ui->opt.store;
    if (st == NULL || !progress_store_dirty(st) || progress_store_save(st) == 0) {
        return NULL;
    }
    char *alt = progress_store_suggest_path(st);
    char *msg = xasprintf("%s\nChanges made since the last save are lost; to keep progress "
                          "elsewhere, run trail --state FILE, e.g. trail --state %s",
                          progress_store_message(st), alt);
    free(alt);
    return msg;
}
