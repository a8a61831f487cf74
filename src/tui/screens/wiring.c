/* SPDX-License-Identifier: MIT */
/* The wiring file: the only place that names concrete screens. It lists every screen (so a
 * feature can push one by kind), the guide's sections with the screens that list them and
 * open their entries, and the commands: what each action does when the top screen passes it.
 * The loop (ui_loop.c) and the stack (ui_stack.c) know none of them.
 *
 * Adding a screen: write its file (one const struct ui_screen_ops), declare it below and add
 * it to `screens` (and to `sections`, or a command that opens it). */
#include "wiring.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ui_certform.h"
#include "ui_evidence.h"
#include "ui_help.h"
#include "ui_home.h"
#include "ui_left.h"
#include "ui_loop.h"
#include "ui_mine.h"
#include "ui_modal.h"
#include "ui_note.h"
#include "ui_pick.h"
#include "ui_progress.h"
#include "ui_resume.h"
#include "ui_search.h"
#include "ui_loader.h"
#include "ui_section.h"
#include "ui_store.h"
#include "ui_today.h"

/* The screens, each defined in its own file. */
extern const struct ui_screen_ops ui_home_ops, ui_overview_ops, ui_path_ops, ui_phase_ops,
    ui_certs_ops, ui_cert_ops, ui_faqs_ops, ui_faq_ops, ui_left_ops, ui_results_ops, ui_match_ops,
    ui_error_ops, ui_load_error_ops, ui_pick_ops, ui_today_ops, ui_note_view_ops;

static const struct ui_screen_ops *const screens[] = {
    &ui_home_ops,       &ui_overview_ops, &ui_path_ops,  &ui_phase_ops,
    &ui_certs_ops,      &ui_cert_ops,     &ui_faqs_ops,  &ui_faq_ops,
    &ui_left_ops,       &ui_results_ops,  &ui_match_ops, &ui_error_ops,
    &ui_load_error_ops, &ui_pick_ops,     &ui_today_ops, &ui_note_view_ops,
};

/* Indexed by enum view_section. */
static const struct ui_section_def sections[VIEW_SECTION_COUNT] = {
    [VIEW_SECTION_OVERVIEW] = {VIEW_SECTION_OVERVIEW, &ui_overview_ops, NULL, NULL},
    [VIEW_SECTION_PATH] = {VIEW_SECTION_PATH, &ui_path_ops, &ui_phase_ops, "phase:"},
    [VIEW_SECTION_CERTS] = {VIEW_SECTION_CERTS, &ui_certs_ops, &ui_cert_ops, "cert:"},
    [VIEW_SECTION_FAQ] = {VIEW_SECTION_FAQ, &ui_faqs_ops, &ui_faq_ops, "faq:"},
};

static enum ui_result next_section(struct ui *ui, int arg)
{
    (void)arg;
    return ui_section_step(ui, true);
}

static enum ui_result prev_section(struct ui *ui, int arg)
{
    (void)arg;
    return ui_section_step(ui, false);
}

static const struct ui_command commands[] = {
    {UI_ACT_BACK, ui_pick_return}, /* Back on a guide's Home opened from the picker */
    {UI_ACT_NEXT_SECTION, next_section},
    {UI_ACT_PREV_SECTION, prev_section},
    {UI_ACT_JUMP, ui_section_jump},
    {UI_ACT_HELP, ui_help_open},
    {UI_ACT_SEARCH, ui_search_start},
    {UI_ACT_NEXT_MATCH, ui_search_next},
    {UI_ACT_PREV_MATCH, ui_search_prev},
    {UI_ACT_UNDO, ui_progress_undo},
    {UI_ACT_NEXT_TODO, ui_progress_next_todo},
    {UI_ACT_LEFT, ui_left_open},
    {UI_ACT_SET_START, ui_home_start_prompt},
    {UI_ACT_NOTE, ui_note_edit},
    {UI_ACT_READ_NOTE, ui_note_read},
    {UI_ACT_TRACK, ui_certform_open},
    {UI_ACT_EVIDENCE, ui_evidence_form},
    {UI_ACT_VERIFY, ui_evidence_verify},
    {UI_ACT_TODAY, ui_today_open},
    {UI_ACT_LOG_TIME, ui_today_log},
    {UI_ACT_SET_HOURS, ui_today_hours},
    {UI_ACT_MINE_ADD, ui_mine_add},
    {UI_ACT_MINE_EDIT, ui_mine_edit},
    {UI_ACT_MINE_REMOVE, ui_mine_remove},
    {UI_ACT_OPEN_LINK, ui_mine_open_link},
};

/* After the first frame: the career path (an error in it shows the error screen), what the
 * store found, the screen the learner left, and the rest of the guide in the background. */
static void start(struct ui *ui)
{
    bool ok = true;
    if (ui->g != NULL && (ui->g->available & GUIDE_PART_PATH) &&
        !(ui->g->loaded & GUIDE_PART_PATH)) {
        ok = ui_section_load(ui, GUIDE_PART_PATH);
    }
    ui_progress_start(ui);
    ui_help_start(ui);
    if (ok && ui->g != NULL) {
        ui_resume_restore(ui);
    } else if (ui->g == NULL) {
        ui_pick_resume(ui); /* the picker: the guide of last time */
    }
    if (ui->g != NULL) {
        ui_loader_start(ui, NULL, 0); /* the rest, on its thread: Home's menu counts it */
    }
}

static const struct ui_app app = {
    .screens = screens,
    .n_screens = sizeof screens / sizeof screens[0],
    .commands = commands,
    .n_commands = sizeof commands / sizeof commands[0],
    .sections = sections,
    .start = start,
};

int ui_run(struct guide *g, const struct ui_options *opt)
{
    struct ui ui;
    if (ui_begin(&ui, &app, g, opt) != 0) {
        return 2;
    }
    if (g != NULL) {
        ui.n_sections = view_guide_sections(g, ui.sections);
        ui_push(&ui, &ui_home_ops, 0, NULL);
    } else {
        ui_store_open(&ui); /* the picker shows each guide's progress in its first frame */
        ui_pick_start(&ui);
    }
    int status = ui_loop(&ui);
    ui_modal_close(&ui);
    ui_resume_save(&ui);
    ui_pick_save(&ui);
    /* Saved before leaving curses, while a second signal still only sets a flag. */
    ui_end(&ui, ui_store_finish(&ui));
    return status;
}

/* The kinds of screen a binding with `scopes` works on, comma-separated; "*" for every screen,
 * "guide" for every screen of an open guide (all but the picker's). */
static void scope_kinds(unsigned scopes, char *buf, size_t size)
{
    size_t used = 0, n = 0, count = sizeof screens / sizeof screens[0];
    buf[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        if ((screens[i]->scope & scopes) == 0) {
            continue;
        }
        n++;
        int w = snprintf(buf + used, size - used, "%s%s", used > 0 ? "," : "", screens[i]->kind);
        used += w > 0 && (size_t)w < size - used ? (size_t)w : 0;
    }
    if (n == count) {
        snprintf(buf, size, "*");
    } else if (scopes & UI_SCOPE_ANY) {
        snprintf(buf, size, "guide");
    } else if (n == 0) {
        snprintf(buf, size, "-");
    }
}

void ui_list_keys(const struct ui_keys *k, FILE *out)
{
    struct ui_keys *own = k == NULL ? ui_keys_new(NULL, NULL) : NULL;
    const struct ui_keys *keys = k != NULL ? k : own;
    for (size_t i = 0; i < ui_keys_count(keys); i++) {
        const struct ui_binding *b = ui_keys_at(keys, i);
        char label[128], kinds[512];
        ui_keys_label(keys, i, label, sizeof label);
        scope_kinds(b->scopes, kinds, sizeof kinds);
        const char *help = ui_keys_help(keys, i);
        fprintf(out, "%s\t%s\t%s\t%s\n", label[0] != '\0' ? label : "(none)", b->name, kinds,
                help != NULL ? help : "");
    }
    ui_keys_free(own);
}
