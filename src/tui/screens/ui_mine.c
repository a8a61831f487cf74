/* SPDX-License-Identifier: MIT */
/* The learner's own actions in the browser, on a checklist (a phase, What's left): a adds one
 * after the selected action (first in the phase when none is selected), r edits the selected
 * one's text, D removes it; each is an undoable change of the progress file (u takes it back).
 * And o opens the selected action's link: http, https and mailto only, handed as one argument
 * to $BROWSER (a program name) or xdg-open, never through a shell, with the browser's terminal
 * untouched (standard streams on /dev/null) and not waited for (a double fork). */
#include "ui_mine.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guide_md.h"
#include "progress_personal.h"
#include "ui_prompt.h"
#include "ui_status.h"
#include "ui_store.h"
#include "xalloc.h"

/* The open prompt and what its text is for. */
struct mine_prompt {
    struct ui_prompt pr;
    char *id;    /* the action edited, or the new one's id */
    char *phase; /* NULL when editing */
    char *after;
};

static const char mine_tag = 0;

static void mine_free(struct ui *ui, void *ptr)
{
    struct mine_prompt *m = ptr;
    ui_prompt_free(ui, &m->pr);
    free(m->id);
    free(m->phase);
    free(m->after);
    free(m);
}

static struct mine_prompt *mine_state(struct ui *ui)
{
    struct mine_prompt *m = ui_data(ui, &mine_tag);
    if (m == NULL) {
        m = xcalloc(1, sizeof *m);
        ui_data_set(ui, &mine_tag, m, mine_free, true);
    }
    free(m->id), free(m->phase), free(m->after);
    m->id = m->phase = m->after = NULL;
    return m;
}

/* The prompt's text without the spaces around it; a new string. */
static char *trimmed(const struct ui_prompt *pr)
{
    const char *t = view_input_text(&pr->input);
    size_t start = strspn(t, " "), len = strlen(t + start);
    while (len > 0 && t[start + len - 1] == ' ') {
        len--;
    }
    return xstrndup(t + start, len);
}

static enum ui_result mine_prompt(struct ui *ui, struct ui_prompt *pr, enum ui_prompt_event ev)
{
    if (ev != UI_PROMPT_ACCEPT) {
        return UI_RES_ALL;
    }
    struct mine_prompt *m = (struct mine_prompt *)pr;
    char *text = trimmed(pr);
    struct progress *p = ui_store_doc(ui);
    if (text[0] == '\0' || p == NULL) {
        ui_prompt_close(ui);
        ui_status_set(ui, VIEW_ROLE_STATUS, "Nothing %s.", m->phase != NULL ? "added" : "changed");
        free(text);
        return UI_RES_ALL;
    }
    enum progress_change ch =
        progress_personal_set(p, ui->g->id, m->id, m->phase, m->after, text, progress_now_ms());
    free(text);
    if (ch == PROGRESS_INVALID) {
        ui_prompt_note(pr, VIEW_ROLE_ERROR, "one line, at most %d bytes", PROGRESS_PERSONAL_MAX);
        return UI_RES_ALL;
    }
    ui_prompt_close(ui);
    if (ch == PROGRESS_SAME) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Your action is unchanged.");
        return UI_RES_ALL;
    }
    ui_status_set(ui, VIEW_ROLE_STATUS, "%s (u undoes).",
                  m->phase != NULL ? "Your action is added" : "Your action is changed");
    progress_personal_apply(ui->g, p);
    ui_stale_all(ui);
    ui_select_id(ui, ui_top(ui), m->id);
    return UI_RES_ALL | UI_RES_SAVE;
}

/* The selected key action and its phase, or NULL (with a message). */
static const struct guide_action *selected(struct ui *ui, const struct guide_phase **ph)
{
    const char *id = ui_subject(ui, ui_top(ui));
    const struct guide_action *a = id != NULL ? guide_find_action(ui->g, id, ph) : NULL;
    if (a == NULL) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Select a key action first.");
    }
    return a;
}

static struct progress *store_or_say(struct ui *ui)
{
    struct progress *p = ui_store_doc(ui);
    if (p == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Your own actions need a progress file.");
    }
    return p;
}

enum ui_result ui_mine_add(struct ui *ui, int arg)
{
    (void)arg;
    struct ui_screen *s = ui_top(ui);
    struct progress *p = store_or_say(ui);
    if (p == NULL) {
        return UI_RES_ALL;
    }
    const struct guide_phase *ph = NULL;
    const char *id = ui_subject(ui, s);
    const struct guide_action *a = id != NULL ? guide_find_action(ui->g, id, &ph) : NULL;
    if (a == NULL && ui_is(s, "phase") && s->index < ui->g->n_phases) {
        ph = &ui->g->phases[s->index]; /* an empty phase: the action comes first */
    } else if (a == NULL) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Select a key action first.");
        return UI_RES_ALL;
    }
    struct mine_prompt *m = mine_state(ui);
    m->id = progress_personal_new_id(p, ui->g->id, progress_now_ms());
    m->phase = xstrdup(ph->id);
    m->after = a != NULL ? xstrdup(a->id) : NULL;
    ui_prompt_open(ui, &m->pr, "Your action: ", NULL, mine_prompt);
    return UI_RES_ALL;
}

/* The selected action when it is the learner's own; NULL (with a message) otherwise. */
static const struct guide_action *selected_mine(struct ui *ui, const char *verb)
{
    const struct guide_phase *ph;
    const struct guide_action *a = selected(ui, &ph);
    if (a != NULL && !a->personal) {
        ui_status_set(ui, VIEW_ROLE_STATUS,
                      "Only your own actions can be %s; this one is the guide's (a adds one).",
                      verb);
        return NULL;
    }
    return a;
}

enum ui_result ui_mine_edit(struct ui *ui, int arg)
{
    (void)arg;
    const struct guide_action *a = store_or_say(ui) != NULL ? selected_mine(ui, "edited") : NULL;
    if (a == NULL) {
        return UI_RES_ALL;
    }
    struct mine_prompt *m = mine_state(ui);
    m->id = xstrdup(a->id);
    ui_prompt_open(ui, &m->pr, "Your action: ", a->text, mine_prompt);
    return UI_RES_ALL;
}

enum ui_result ui_mine_remove(struct ui *ui, int arg)
{
    (void)arg;
    struct progress *p = store_or_say(ui);
    const struct guide_action *a = p != NULL ? selected_mine(ui, "removed") : NULL;
    if (a == NULL) {
        return UI_RES_ALL;
    }
    char *id = xstrdup(a->id);
    if (progress_personal_set(p, ui->g->id, id, NULL, NULL, NULL, progress_now_ms()) !=
        PROGRESS_CHANGED) {
        free(id);
        return UI_RES_ALL;
    }
    free(id);
    ui_status_set(ui, VIEW_ROLE_STATUS, "Your action is removed (u brings it back).");
    progress_personal_apply(ui->g, p);
    ui_stale_all(ui);
    return UI_RES_ALL | UI_RES_SAVE;
}

/* Runs opener with url as its one argument, detached: the child forks the opener and exits,
 * so nothing is left to wait for. Returns 0, or -1 when the fork failed. */
static int spawn_detached(const char *opener, const char *url)
{
    pid_t pid = fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        if (fork() == 0) {
            int null = open("/dev/null", O_RDWR | O_CLOEXEC);
            if (null >= 0) {
                dup2(null, STDIN_FILENO);
                dup2(null, STDOUT_FILENO);
                dup2(null, STDERR_FILENO);
            }
            setsid();
            execlp(opener, opener, url, (char *)NULL);
            _exit(127);
        }
        _exit(0);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return 0;
}

enum ui_result ui_mine_open_link(struct ui *ui, int arg)
{
    (void)arg;
    const struct guide_phase *ph;
    const struct guide_action *a = selected(ui, &ph);
    if (a == NULL) {
        return UI_RES_ALL;
    }
    if (a->link == NULL) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "This key action has no link.");
        return UI_RES_ALL;
    }
    if (!guide_md_link_allowed(a->link)) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Only http, https and mailto links open; not this one.");
        return UI_RES_ALL;
    }
    const char *browser = getenv("BROWSER");
    const char *opener = browser != NULL && browser[0] != '\0' ? browser : "xdg-open";
    if (spawn_detached(opener, a->link) != 0) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "The link could not be opened: %s.", strerror(errno));
        return UI_RES_ALL;
    }
    ui_status_set(ui, VIEW_ROLE_STATUS, "Opening the link with %s.", opener);
    return UI_RES_ALL;
}
