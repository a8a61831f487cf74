/* SPDX-License-Identifier: MIT */
/* Checklist progress in the browser: ticking key actions, undo, jumping to the next action to
 * do. Each change is made in memory and returned as UI_RES_SAVE: the loop saves once after the
 * keys pending (ui_store.c) and lays every screen out again, since Home, the career path and
 * the checklist all show progress and the save's merge may bring other changes. */
#include "ui_progress.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_journal.h"
#include "progress_evidence.h"
#include "progress_personal.h"
#include "progress_plan.h"
#include "progress_store.h"
#include "ui_section.h"
#include "ui_status.h"
#include "ui_store.h"
#include "undo_record.h"
#include "xalloc.h"

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
    const struct progress_guide *pg = progress_find_guide(ui_store_doc(ui), ui->g->id);
    if (progress_guide_count_cert_entries(pg) == 0 || !(ui->g->available & GUIDE_PART_CERTS) ||
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

enum ui_result ui_progress_mark(struct ui *ui, struct ui_screen *s, enum progress_state state)
{
    struct progress *p = ui_store_doc(ui);
    if (p == NULL || s->pos.sel >= s->doc.n_items) {
        return UI_RES_NONE;
    }
    const char *id = s->doc.items[s->pos.sel].id;
    enum progress_state now = progress_item_state(p, ui->g, id);
    enum progress_state next = now == state ? PROGRESS_TODO : state;
    if ((next == PROGRESS_TODO || next == PROGRESS_IN_PROGRESS) &&
        progress_item_done_by_parts(p, ui->g, id)) {
        ui_status_set(ui, VIEW_ROLE_STATUS,
                      "Done because its sub-items are: reopen one of them to reopen it.");
        return UI_RES_ALL;
    }
    if (progress_set_item_state(p, ui->g, id, next, progress_now_ms()) == PROGRESS_INVALID) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "This key action has no id progress can be kept for.");
        return UI_RES_ALL;
    }
    return UI_RES_ALL | UI_RES_SAVE;
}

enum ui_result ui_progress_mark_key(struct ui *ui, struct ui_screen *s, enum ui_action a)
{
    switch (a) {
    case UI_ACT_MARK_DONE:
        return ui_progress_mark(ui, s, PROGRESS_DONE);
    case UI_ACT_MARK_PROGRESS:
        return ui_progress_mark(ui, s, PROGRESS_IN_PROGRESS);
    case UI_ACT_MARK_SKIPPED:
        return ui_progress_mark(ui, s, PROGRESS_SKIPPED);
    default:
        return UI_RES_PASS;
    }
}

enum ui_result ui_progress_action_list(struct ui *ui, struct ui_screen *s, enum ui_action a)
{
    enum ui_result marked = ui_progress_mark_key(ui, s, a);
    if (!(marked & UI_RES_PASS)) {
        return marked;
    }
    const struct guide_phase *ph = NULL;
    const struct guide_action *act = NULL;
    if (a != UI_ACT_OPEN || s->pos.sel >= s->doc.n_items ||
        (act = guide_find_action(ui->g, s->doc.items[s->pos.sel].id, &ph)) == NULL) {
        return UI_RES_PASS;
    }
    struct ui_screen *top = ui_push_kind(ui, "phase", (size_t)(ph - ui->g->phases), ph->title);
    if (top == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Too many screens open");
        return UI_RES_ALL;
    }
    ui_select_id(ui, top, act->id);
    return UI_RES_ALL;
}

const char *ui_progress_state_words(enum progress_state st)
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

const char *ui_progress_subject_name(const struct guide *g, const char *id)
{
    const struct guide_action *act = guide_find_action(g, id, NULL);
    if (act != NULL) {
        return act->text;
    }
    const struct guide_phase *ph = guide_find_phase(g, id);
    if (ph != NULL) {
        return ph->title;
    }
    const struct guide_cert *c = guide_find_cert(g, id);
    return c != NULL ? c->name : id;
}

/* Says in the status line what an undo put back. */
static void say_undone(struct ui *ui, const struct progress *p, const struct progress_undone *u)
{
    const char *gid = ui->g->id;
    const char *name = u->id != NULL ? ui_progress_subject_name(ui->g, u->id) : NULL;
    switch (u->kind) {
    case PROGRESS_UNDONE_STATE:
        ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: \"%s\" is %s again.", name,
                      ui_progress_state_words(progress_item_state(p, ui->g, u->id)));
        return;
    case PROGRESS_UNDONE_NOTE:
        ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: the note on \"%s\" is %s.", name,
                      progress_get_note(p, gid, u->id) != NULL ? "back" : "removed again");
        return;
    case PROGRESS_UNDONE_CERT: {
        struct progress_cert_info info;
        bool tracked = progress_get_cert(p, gid, u->id, &info);
        ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: \"%s\" is %s%s again.", name,
                      tracked ? "tracked as " : "not tracked",
                      tracked ? progress_cert_status_label(info.status) : "");
        return;
    }
    case PROGRESS_UNDONE_START: {
        struct progress_date d;
        char buf[PROGRESS_DATE_SIZE];
        if (progress_get_start(p, gid, &d)) {
            progress_date_format(d, buf, sizeof buf);
            ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: the start date is %s again.", buf);
        } else {
            ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: the start date is cleared again.");
        }
        return;
    }
    case PROGRESS_UNDONE_LOG: {
        char dur[32];
        progress_duration_format(u->minutes, dur, sizeof dur);
        ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: the %s logged on \"%s\" no longer counts.",
                      dur, name != NULL ? name : "");
        return;
    }
    case PROGRESS_UNDONE_PERSONAL: {
        const struct progress_personal *e = progress_personal_find(p, gid, u->id);
        if (e != NULL && e->text != NULL) {
            ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: your action \"%s\" is back as it was.",
                          e->text);
        } else {
            ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: your action is removed again.");
        }
        return;
    }
    case PROGRESS_UNDONE_EVIDENCE: {
        const struct progress_evidence *e =
            u->target != NULL ? progress_evidence_find(p, gid, u->id, u->target) : NULL;
        bool on = e != NULL && e->kind != PROGRESS_EVIDENCE_NONE;
        ui_status_set(ui, VIEW_ROLE_STATUS, "Undone: evidence %s \"%s\".",
                      on ? "is attached to" : "is removed from", name != NULL ? name : "");
        return;
    }
    }
}

/* Once the browser's own history is empty, u takes back the last change made from the shell
 * (trail done, trail note: undo_record.h), as trail undo does. Returns whether it did; *id is
 * the key action to select (a new string), or NULL. */
static bool undo_shell_change(struct ui *ui, struct progress *p, char **id)
{
    struct undo_record_taken t;
    char *cause = NULL;
    int taken = ui->opt.store != NULL
                    ? undo_record_take(ui->opt.store, p, ui->g->id, progress_now_ms(), &t, &cause)
                    : 0;
    if (taken == 0) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Nothing to undo.");
        return false;
    }
    if (taken < 0) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Nothing to undo: \"%s\", changed from the shell: %s.",
                      ui_progress_subject_name(ui->g, t.id), cause);
        free(cause);
        undo_record_done(&t);
        return false;
    }
    const char *name = ui_progress_subject_name(ui->g, t.id);
    if (t.kind == UNDO_RECORD_STATE) {
        enum progress_state st = progress_item_state(p, ui->g, t.id);
        ui_status_set(ui, VIEW_ROLE_STATUS, "Undone (from the shell): \"%s\" is %s again.", name,
                      ui_progress_state_words(st));
        *id = xstrdup(t.id);
    } else if (t.kind == UNDO_RECORD_EVIDENCE) {
        ui_status_set(ui, VIEW_ROLE_STATUS,
                      "Undone (from the shell): the evidence of \"%s\" is %s.", name,
                      t.before[0] != '\0' ? "back" : "removed again");
    } else {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Undone (from the shell): the note on \"%s\" is %s.",
                      name, t.before[0] != '\0' ? "back" : "removed again");
    }
    undo_record_clear(ui->opt.store, ui->g->id);
    undo_record_done(&t);
    return true;
}

enum ui_result ui_progress_undo(struct ui *ui, int arg)
{
    (void)arg;
    struct progress *p = ui_store_doc(ui);
    struct progress_undone u;
    char *id = NULL; /* the save's merge may move the entry: keep the id */
    if (p == NULL) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Nothing to undo.");
        return UI_RES_ALL;
    }
    if (progress_undo_change(p, ui->g->id, progress_now_ms(), &u)) {
        say_undone(ui, p, &u);
        id = u.kind == PROGRESS_UNDONE_STATE ? xstrdup(u.id) : NULL;
    } else if (!undo_shell_change(ui, p, &id)) {
        return UI_RES_ALL;
    }
    ui_stale_all(ui); /* every screen shows what the undo put back */
    struct ui_screen *top = ui_top(ui);
    if (id != NULL && (top->ops->scope & UI_SCOPE_CHECK)) {
        ui_select_id(ui, top, id);
    }
    free(id);
    return UI_RES_ALL | UI_RES_SAVE;
}

/* Shows key action `action` of phase `phase` selected on its checklist, opening the career
 * path and the phase unless that checklist is already on top. */
static enum ui_result show_action(struct ui *ui, size_t phase, size_t action)
{
    const struct guide_phase *ph = &ui->g->phases[phase];
    struct ui_screen *top = ui_top(ui);
    if (!(top->ops->scope & UI_SCOPE_CHECK) || top->index != phase) {
        if (!ui_section_show(ui, VIEW_SECTION_PATH)) {
            return UI_RES_ALL; /* the career path could not be loaded: its error screen shows */
        }
        ui_select_id(ui, ui_top(ui), ph->id);
        top = ui_push_kind(ui, "phase", phase, ph->title);
        if (top == NULL) {
            return UI_RES_ALL;
        }
    }
    ui_select_id(ui, top, ph->actions[action].id);
    return UI_RES_ALL;
}

enum ui_result ui_progress_next_todo(struct ui *ui, int arg)
{
    (void)arg;
    struct progress *p = ui_store_doc(ui);
    if (p == NULL) {
        return UI_RES_NONE;
    }
    struct ui_screen *top = ui_top(ui);
    size_t from = SIZE_MAX, from_action = 0;
    if ((top->ops->scope & UI_SCOPE_CHECK) && top->index < ui->g->n_phases &&
        top->pos.sel < top->doc.n_items) { /* a phase's checklist: after its selected action */
        from = top->index;
        from_action = top->pos.sel;
    }
    size_t phase, action;
    if (!progress_next_action(p, ui->g, from, from_action, &phase, &action)) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Every key action is done or skipped.");
        return UI_RES_ALL;
    }
    return show_action(ui, phase, action);
}
