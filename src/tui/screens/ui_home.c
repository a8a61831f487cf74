/* SPDX-License-Identifier: MIT */
/* Home: the guide's title, intro and header stats, overall progress, the next action, pace and
 * certifications, the numbered menu of sections and the call to action. Enter opens the
 * selected section (1-9 and Tab work from anywhere); S asks for the day the learner started,
 * which pace counts from. */
#include "ui_home.h"

#include <stdlib.h>
#include <string.h>

#include "ui_progress.h"
#include "ui_prompt.h"
#include "ui_section.h"
#include "ui_status.h"
#include "ui_store.h"
#include "view_plan.h"
#include "xalloc.h"

/* The tag of the start date prompt in ui_data(). */
static const char date_prompt_tag;

static void home_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    /* Only the plan reads the date, and only with progress: the first frame, drawn before the
     * progress is read, spares loading the time zone. */
    const struct progress *p = ui_store_doc(ui);
    struct progress_date none = {0};
    view_guide_home_fit(d, ui->g, p, p != NULL ? progress_date_today() : none, ui_body_height(ui),
                        ui->opt.hours_per_week);
}

static enum ui_result home_action(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    if (a != UI_ACT_OPEN || s->pos.sel >= s->doc.n_items) {
        return UI_RES_PASS;
    }
    const char *id = s->doc.items[s->pos.sel].id;
    if (strcmp(id, view_plan_next_id) == 0) {
        return ui_progress_next_todo(ui, 0); /* the action "Next" names, as ] from Home */
    }
    for (size_t i = 0; i < ui->n_sections; i++) {
        if (strcmp(id, view_guide_section_id(ui->sections[i])) == 0) {
            return ui_section_open(ui, ui->sections[i]);
        }
    }
    return UI_RES_NONE;
}

/* Sets (or with no date clears) the start date and saves. */
static enum ui_result set_start(struct ui *ui, struct progress_date date)
{
    struct progress *p = ui_store_doc(ui);
    enum progress_change ch = progress_set_start(p, ui->g->id, date, progress_now_ms());
    if (ui_store_unchanged(ui, ch, "The start date cannot be kept.",
                           "The start date is unchanged.")) {
        return UI_RES_ALL;
    }
    char buf[PROGRESS_DATE_SIZE];
    progress_date_format(date, buf, sizeof buf);
    if (progress_date_is_set(date)) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Started on %s.", buf);
    } else {
        ui_status_set(ui, VIEW_ROLE_STATUS, "The start date is cleared.");
    }
    return UI_RES_ALL | UI_RES_SAVE;
}

static enum ui_result start_prompt(struct ui *ui, struct ui_prompt *pr, enum ui_prompt_event ev)
{
    if (ev != UI_PROMPT_ACCEPT) {
        return UI_RES_ALL; /* Esc closed it already; an edit needs nothing */
    }
    const char *text = view_input_text(&pr->input);
    size_t start = strspn(text, " "), len = strlen(text + start);
    while (len > 0 && text[start + len - 1] == ' ') {
        len--;
    }
    char *date_text = xasprintf("%.*s", (int)len, text + start);
    struct progress_date date = {0};
    const char *why = len == 0 || progress_date_parse(date_text, &date) == 0
                          ? NULL
                          : progress_date_problem(date_text);
    free(date_text);
    if (why != NULL) {
        ui_prompt_note(pr, VIEW_ROLE_ERROR, "%s; a date is like 2026-12-01", why);
        return UI_RES_ALL;
    }
    ui_prompt_close(ui);
    return set_start(ui, date);
}

enum ui_result ui_home_start_prompt(struct ui *ui, int arg)
{
    (void)arg;
    struct progress *p = ui_store_doc(ui);
    if (p == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Pace needs a progress file.");
        return UI_RES_ALL;
    }
    struct ui_prompt *pr = ui_prompt_kept(ui, &date_prompt_tag);
    struct progress_date cur;
    char buf[PROGRESS_DATE_SIZE] = "";
    if (progress_get_start(p, ui->g->id, &cur)) {
        progress_date_format(cur, buf, sizeof buf);
    }
    ui_prompt_open(ui, pr, "Started on (YYYY-MM-DD, empty clears): ", buf, start_prompt);
    view_input_select_all(&pr->input); /* typing replaces the date shown */
    return UI_RES_ALL;
}

const struct ui_screen_ops ui_home_ops = {
    .name = "Home",
    .kind = "home",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_HOME,
    .layout = home_layout,
    .action = home_action,
    .fits_height = true,
};
