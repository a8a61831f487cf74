/* SPDX-License-Identifier: MIT */
/* Today: this week's planned key actions with their dates, overdue ones first, the time
 * logged this week against the target, the forecast, the timeline and the streak
 * (view_today_screen()). T opens it from everywhere; Space or x, p and s mark the selected
 * action, e writes its note and Enter opens its phase with it selected. L logs time on the
 * selected action through a prompt ("45m", "1h30m"), here and on every screen where a key action,
 * phase or certification is selected (trail --log does it from the shell). */
#include "ui_today.h"

#include <stdint.h>
#include <stdio.h>
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

/* The tags in ui_data() of the time log prompt, the hours prompt, and of "the hours were asked
 * for" (per guide: asked once a run, when Today first opens on a plan without them). */
static const char log_prompt_tag, hours_prompt_tag, hours_asked_tag;

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

/* The "asked" flag points at its own tag: nothing to free. */
static void keep_flag(struct ui *ui, void *ptr)
{
    (void)ui;
    (void)ptr;
}

/* Whether the guide has a dated plan (a start date) that spreads effort_hours by the week, but
 * no hours per week, neither in the progress file nor in the configuration. */
static bool plan_lacks_hours(struct ui *ui)
{
    const struct progress *p = ui_store_doc(ui);
    struct progress_date start;
    if (p == NULL || !progress_get_start(p, ui->g->id, &start) ||
        progress_get_hours(p, ui->g->id, ui->opt.hours_per_week) != 0) {
        return false;
    }
    for (size_t i = 0; i < ui->g->n_phases; i++) { /* the plan spreads effort by the hours */
        const struct guide_phase *ph = &ui->g->phases[i];
        for (size_t j = 0; ph->effort_hours != NULL && j < ph->n_actions; j++) {
            if (ph->effort_hours[j] > 0) {
                return true;
            }
        }
    }
    return false;
}

enum ui_result ui_today_open(struct ui *ui, int arg)
{
    (void)arg;
    if (ui->g == NULL || !(ui->g->loaded & GUIDE_PART_PATH)) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "This guide has no career path to plan.");
        return UI_RES_ALL;
    }
    enum ui_result r = ui_open_kind(ui, "today", "Today");
    if (ui_is(ui_top(ui), "today") && ui_data(ui, &hours_asked_tag) == NULL &&
        plan_lacks_hours(ui)) {
        ui_data_set(ui, &hours_asked_tag, (void *)&hours_asked_tag, keep_flag, true);
        return ui_today_hours(ui, 0);
    }
    return r;
}

/* --- Hours per week ------------------------------------------------------------------------ */

static enum ui_result hours_prompt_done(struct ui *ui, struct ui_prompt *pr,
                                        enum ui_prompt_event ev)
{
    if (ev != UI_PROMPT_ACCEPT) {
        return UI_RES_ALL;
    }
    const char *text = view_input_text(&pr->input);
    text += strspn(text, " ");
    char *end = NULL;
    unsigned long h = *text >= '0' && *text <= '9' ? strtoul(text, &end, 10) : 0;
    end = end != NULL ? end + strspn(end, " ") : NULL;
    if (end == NULL || *end != '\0' || h < PROGRESS_HOURS_MIN || h > PROGRESS_HOURS_MAX) {
        ui_prompt_note(pr, VIEW_ROLE_ERROR, "a whole number from %d to %d", PROGRESS_HOURS_MIN,
                       PROGRESS_HOURS_MAX);
        return UI_RES_ALL;
    }
    ui_prompt_close(ui);
    enum progress_change ch =
        progress_set_hours(ui_store_doc(ui), ui->g->id, (unsigned)h, progress_now_ms());
    if (ch == PROGRESS_SAME) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "The hours per week are unchanged.");
        return UI_RES_ALL;
    }
    if (ch != PROGRESS_CHANGED) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "The hours per week cannot be kept.");
        return UI_RES_ALL;
    }
    ui_status_set(ui, VIEW_ROLE_STATUS,
                  "%lu hour%s a week: the plan and the week's target follow. "
                  "u takes it back.",
                  h, h == 1 ? "" : "s");
    return UI_RES_ALL | UI_RES_SAVE;
}

enum ui_result ui_today_hours(struct ui *ui, int arg)
{
    (void)arg;
    struct progress *p = ui_store_doc(ui);
    if (ui->g == NULL || p == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "The hours per week need a progress file.");
        return UI_RES_ALL;
    }
    struct ui_prompt *pr = ui_prompt_kept(ui, &hours_prompt_tag);
    char cur[16] = "";
    unsigned h = progress_get_hours(p, ui->g->id, ui->opt.hours_per_week);
    if (h > 0) {
        snprintf(cur, sizeof cur, "%u", h);
    }
    ui_prompt_open(ui, pr, "Hours a week for this plan (1-100): ", cur, hours_prompt_done);
    view_input_select_all(&pr->input); /* typing replaces the number shown */
    return UI_RES_ALL;
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
    const char *id = ui->g != NULL ? ui_subject(ui, ui_top(ui)) : NULL;
    /* Only what --log takes: a key action (the guide's or the learner's own), a phase or a
     * certification; a section of Home, an FAQ entry or a text screen is none of them. */
    if (id == NULL || ui_progress_subject_name(ui->g, id) == id) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "No key action is selected here to log time on.");
        return UI_RES_ALL;
    }
    if (ui_store_doc(ui) == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Logging time needs a progress file.");
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
             UI_SCOPE_EVIDENCE,
    .layout = today_layout,
    .action = today_action,
};
