/* SPDX-License-Identifier: MIT */
/* Today: this week's planned key actions with their dates, overdue ones first, the time
 * logged this week against the target, the forecast, the timeline and the streak
 * (view_today_screen()). T opens it from everywhere; Space or x, p and s mark the selected
 * action, e writes its note, Enter opens its phase with it selected, and L logs time on the
 * selected action through a prompt: "45m", "1h30m" (trail --log does it from the shell). */
#include "ui_today.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "progress_journal.h"
#include "ui_progress.h"
#include "ui_section.h"
#include "ui_prompt.h"
#include "ui_status.h"
#include "ui_store.h"
#include "view_today.h"
#include "xalloc.h"

/* The tag of the time log prompt in ui_data(), and what it logs on. */
static const char log_prompt_tag;

struct log_prompt {
    struct ui_prompt prompt; /* first: the prompt's callbacks get it */
    char *item;              /* the id time is logged on */
};

static void today_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    struct view_today t;
    view_today_compute(&t, ui->g, ui_store_doc(ui), progress_date_today(), ui->opt.hours_per_week);
    view_today_screen(d, ui->g, ui_store_doc(ui), &t);
    view_today_done(&t);
}

static enum ui_result today_action(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    return ui_progress_action_list(ui, s, a);
}

enum ui_result ui_today_open(struct ui *ui, int arg)
{
    (void)arg;
    if (ui->g == NULL || !(ui->g->loaded & GUIDE_PART_PATH)) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "This guide has no career path to plan.");
        return UI_RES_ALL;
    }
    return ui_open_kind(ui, "today", "Today");
}

/* --- Logging time -------------------------------------------------------------------------- */

static enum ui_result log_prompt_done(struct ui *ui, struct ui_prompt *pr, enum ui_prompt_event ev)
{
    struct log_prompt *lp = (struct log_prompt *)pr;
    if (ev != UI_PROMPT_ACCEPT) {
        return UI_RES_ALL;
    }
    unsigned minutes = 0;
    char *why = NULL;
    if (progress_duration_parse(view_input_text(&pr->input), &minutes, &why) != 0) {
        ui_prompt_note(pr, VIEW_ROLE_ERROR, "%s", why);
        free(why);
        return UI_RES_ALL;
    }
    ui_prompt_close(ui);
    struct progress *p = ui_store_doc(ui);
    if (progress_log_time(p, ui->g->id, lp->item, minutes, progress_now_ms(), NULL) !=
        PROGRESS_CHANGED) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "The time log cannot be kept.");
        return UI_RES_ALL;
    }
    char dur[32], week[32];
    progress_duration_format(minutes, dur, sizeof dur);
    struct progress_week wk;
    progress_week_of(progress_date_today(), &wk);
    unsigned long total =
        progress_journal_minutes(progress_find_guide(p, ui->g->id), NULL, wk.from_ms, wk.to_ms);
    progress_duration_format(total > UINT32_MAX ? UINT32_MAX : (unsigned)total, week, sizeof week);
    ui_status_set(ui, VIEW_ROLE_STATUS, "Logged %s on \"%s\"; %s this week. u takes it back.", dur,
                  ui_progress_subject_name(ui->g, lp->item), week);
    return UI_RES_ALL | UI_RES_SAVE;
}

static void log_prompt_free(struct ui *ui, void *ptr)
{
    struct log_prompt *lp = ptr;
    ui_prompt_free(ui, &lp->prompt);
    free(lp->item);
    free(lp);
}

enum ui_result ui_today_log(struct ui *ui, int arg)
{
    (void)arg;
    const char *id = ui_subject(ui, ui_top(ui));
    if (ui_store_doc(ui) == NULL || id == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR,
                      "Select a key action, phase or certification to log "
                      "time on.");
        return UI_RES_ALL;
    }
    struct log_prompt *lp = ui_data(ui, &log_prompt_tag);
    if (lp == NULL) {
        lp = xcalloc(1, sizeof *lp);
        ui_data_set(ui, &log_prompt_tag, lp, log_prompt_free, false);
    }
    free(lp->item);
    lp->item = xstrdup(id);
    ui_prompt_open(ui, &lp->prompt, "Time spent (45m, 1h30m): ", "", log_prompt_done);
    return UI_RES_ALL;
}

const struct ui_screen_ops ui_today_ops = {
    .name = "Today",
    .kind = "today",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_SUB | UI_SCOPE_NOTE | UI_SCOPE_CHECK |
             UI_SCOPE_TODAY,
    .layout = today_layout,
    .action = today_action,
};
