/* SPDX-License-Identifier: MIT */
/* Saving progress from the browser, once per batch of keys.
 *
 * Handlers change the document in memory and return UI_RES_SAVE; ui_store_flush() then saves
 * through the store (which locks, merges what other instances saved and writes). A failed save
 * leaves the change in memory and says why in the status line; the next change, q and the end
 * of the browser (signals included) try again. q with unsaved changes warns once, naming a file
 * trail could write instead; a second q quits. */
#include "ui_store.h"

#include <stdlib.h>

#include "progress_store.h"
#include "ui_status.h"
#include "xalloc.h"

struct progress *ui_store_doc(struct ui *ui)
{
    return ui->opt.store != NULL ? progress_store_doc(ui->opt.store) : NULL;
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
    ui->save_pending = false;
    bool failed = progress_store_save(ui->opt.store) != 0;
    if (failed || ui->save_failed) {
        ui_status_set(ui, failed ? VIEW_ROLE_ERROR : VIEW_ROLE_STATUS, "%s",
                      progress_store_message(ui->opt.store));
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
    ui->save_pending = false; /* tried here, whatever the batch held */
    if (progress_store_save(st) == 0) {
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
