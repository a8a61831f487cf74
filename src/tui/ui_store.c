/* SPDX-License-Identifier: MIT */
/* Saving progress from the browser, once per batch of keys.
 *
 * Handlers change the document in memory and return UI_RES_SAVE; ui_store_flush() then saves
 * through the store (which locks, merges what other instances saved and writes). A failed save
 * leaves the change in memory and says why in the status line; the next change, q and the end
 * of the browser (signals included) try again. q with unsaved changes warns once, naming a file
 * trail could write instead; a second q quits.
 *
 * A save never waits for another process's lock here (TUI-5): when another trail holds it,
 * the status line says trail is waiting, keys keep working, and the loop tries again every
 * UI_STORE_RETRY_MS until the save goes through (q meanwhile quits once it has). Only the save
 * as the browser ends waits, up to the store's limit, with the screen already left. */
#include "ui_store.h"

#include <stdlib.h>

#include "progress_personal.h"
#include "progress_store.h"
#include "ui_status.h"
#include "xalloc.h"

struct progress *ui_store_doc(struct ui *ui)
{
    struct progress *p = ui->opt.store != NULL ? progress_store_doc(ui->opt.store) : NULL;
    if (p != NULL && ui->g != NULL) {
        /* Every screen asks here first: the learner's own actions, as saved (or merged in from
         * another trail) now, are in the guide it lays out. Cheap when they did not change. */
        progress_personal_apply(ui->g, p);
    }
    return p;
}

bool ui_store_unchanged(struct ui *ui, enum progress_change ch, const char *invalid,
                        const char *same)
{
    if (ch == PROGRESS_CHANGED) {
        return false;
    }
    if (ch == PROGRESS_SAME) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "%s", same);
    } else {
        ui_status_set(ui, VIEW_ROLE_ERROR, "%s", invalid);
    }
    return true;
}

void ui_store_open(struct ui *ui)
{
    if (ui->opt.store == NULL && ui->opt.store_path != NULL) {
        ui->own_store = progress_store_open(ui->opt.store_path);
        ui->opt.store = ui->own_store;
    }
}

void ui_store_flush(struct ui *ui)
{
    if (!ui->save_pending || ui->opt.store == NULL) {
        ui->save_pending = false;
        return;
    }
    struct progress_store *st = ui->opt.store;
    int rc = progress_store_save_try(st);
    if (rc == PROGRESS_STORE_BUSY) {
        ui->save_waiting = true; /* still pending: the loop tries again shortly */
        ui_status_set(ui, VIEW_ROLE_STATUS, "%s%s", progress_store_message(st),
                      ui->quit_saved ? " trail quits once the change is saved (q again: quit "
                                       "without it)."
                                     : " Keys still work.");
        return;
    }
    bool waited = ui->save_waiting;
    ui->save_pending = false;
    ui->save_waiting = false;
    bool failed = rc != 0;
    if (failed || ui->save_failed || waited || progress_store_warning(st) != NULL) {
        ui_status_set(ui, failed ? VIEW_ROLE_ERROR : VIEW_ROLE_STATUS, "%s",
                      progress_store_message(st));
    }
    ui->save_failed = failed;
    ui_stale_all(ui);
}

bool ui_store_may_quit(struct ui *ui)
{
    struct progress_store *st = ui->opt.store;
    if (st == NULL || !progress_store_dirty(st) || ui->quit_armed) {
        return true;
    }
    ui->save_pending = true; /* tried here, whatever the batch held */
    ui_store_flush(ui);
    if (ui->save_waiting) {
        /* The loop quits once the save is through; q again quits without it. */
        ui->quit_saved = true;
        ui->quit_armed = true;
        ui_status_set(ui, VIEW_ROLE_STATUS,
                      "%s trail quits once the change is saved (q again: "
                      "quit without it).",
                      progress_store_message(st));
        return false;
    }
    if (!progress_store_dirty(st)) {
        return true;
    }
    ui_stale_all(ui); /* the attempt merged what other instances saved */
    char *alt = progress_store_suggest_path(st);
    ui_status_set(ui, VIEW_ROLE_ERROR,
                  "%s Press q again to quit without saving them. To keep progress elsewhere, "
                  "run trail --state FILE, e.g. trail --state %s",
                  progress_store_message(st), alt);
    free(alt);
    ui->quit_armed = true;
    return false;
}

char *ui_store_finish(struct ui *ui)
{
    struct progress_store *st = ui->opt.store;
    if (st == NULL || !progress_store_dirty(st)) {
        return NULL;
    }
    /* q again while the save waited for the lock: the learner chose not to wait. */
    bool no_wait = ui->save_waiting && ui->quit_armed;
    int rc = no_wait ? progress_store_save_try(st) : progress_store_save(st);
    if (rc == 0) {
        return NULL;
    }
    char *alt = progress_store_suggest_path(st);
    char *msg = xasprintf("%s\nChanges made since the last save are lost; to keep progress "
                          "elsewhere, run trail --state FILE, e.g. trail --state %s",
                          progress_store_message(st), alt);
    free(alt);
    return msg;
}
