/* SPDX-License-Identifier: MIT */
/* Evidence in the browser: v attaches a piece to the selected key action or certification, or
 * changes or removes one, in a small form of input lines (the one prompt, the one
 * line-editing keymap): the path or URL, then its description, then, for a certification's
 * URL, its credential id. Naming a piece already attached edits it; "-" as its description
 * removes it. V checks every piece of the guide
 * offline (evidence_check.h), as slow work the loop runs after painting a notice. The pieces
 * and their last check show under their item (view_evidence.h). Every change goes through the
 * model, so u undoes it. */
#include "ui_evidence.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evidence_check.h"
#include "evidence_git.h"
#include "progress_evidence.h"
#include "ui_loop.h"
#include "ui_prompt.h"
#include "ui_status.h"
#include "ui_store.h"
#include "xalloc.h"

/* The form: its lines, the item it is for, the target the first line named and the
 * description the second gave. */
struct evidence_form {
    struct ui_prompt target, description, credential;
    char *item;
    const char *name; /* the item's text, for messages; borrowed from the guide */
    bool cert;        /* the item is a certification */
    char *chosen;
    char *desc;
};

static int form_tag;

static void form_free(struct ui *ui, void *ptr)
{
    struct evidence_form *f = ptr;
    ui_prompt_free(ui, &f->target);
    ui_prompt_free(ui, &f->description);
    ui_prompt_free(ui, &f->credential);
    free(f->item);
    free(f->chosen);
    free(f->desc);
    free(f);
}

/* The text of a prompt without surrounding spaces; a new string. */
static char *trimmed(const struct ui_prompt *pr)
{
    const char *text = view_input_text(&pr->input);
    size_t start = strspn(text, " "), len = strlen(text + start);
    while (len > 0 && text[start + len - 1] == ' ') {
        len--;
    }
    return xstrndup(text + start, len);
}

/* Attaches the piece the form named with its description and credential id (NULL: the
 * piece's own), or removes it when desc is "-". */
static enum ui_result apply(struct ui *ui, struct evidence_form *f, const char *desc,
                            const char *cred)
{
    struct progress *p = ui_store_doc(ui);
    const char *gid = ui->g->id;
    const struct progress_evidence *old = progress_evidence_find(p, gid, f->item, f->chosen);
    bool attached = old != NULL && old->kind != PROGRESS_EVIDENCE_NONE;
    if (attached && strcmp(desc, "-") == 0) {
        progress_evidence_detach(p, gid, f->item, f->chosen, progress_now_ms());
        ui_status_set(ui, VIEW_ROLE_STATUS, "Evidence removed from \"%s\" (u brings it back).",
                      f->name);
        return UI_RES_ALL | UI_RES_SAVE;
    }
    enum progress_evidence_kind kind =
        attached ? old->kind : evidence_guess_kind(f->chosen, evidence_home(), f->cert);
    struct progress_evidence_spec spec = {
        .target = f->chosen,
        .kind = cred != NULL && cred[0] != '\0' ? PROGRESS_EVIDENCE_CREDENTIAL : kind,
        .description = desc,
        .credential = cred != NULL ? cred
                      : attached   ? old->credential
                                   : NULL};
    enum progress_change ch = progress_evidence_attach(p, gid, f->item, &spec, progress_now_ms());
    if (ui_store_unchanged(ui, ch, "That evidence cannot be kept (one line of text).",
                           "The evidence is unchanged.")) {
        return UI_RES_ALL;
    }
    ui_status_set(ui, VIEW_ROLE_STATUS, "Evidence %s \"%s\" (%s); V checks it.",
                  attached ? "changed on" : "attached to", f->name,
                  progress_evidence_kind_name(spec.kind));
    return UI_RES_ALL | UI_RES_SAVE;
}

/* A line of the form as one line of text, or NULL after saying why under it. */
static char *one_line(struct ui_prompt *pr)
{
    char *text = trimmed(pr);
    if (text[0] != '\0' && strcmp(text, "-") != 0 && !progress_evidence_text_ok(text, true)) {
        ui_prompt_note(pr, VIEW_ROLE_ERROR, "too long");
        free(text);
        return NULL;
    }
    return text;
}

static enum ui_result credential_done(struct ui *ui, struct ui_prompt *pr, enum ui_prompt_event ev)
{
    if (ev != UI_PROMPT_ACCEPT) {
        return UI_RES_ALL;
    }
    struct evidence_form *f = ui_data(ui, &form_tag);
    char *cred = one_line(pr);
    if (cred == NULL) {
        return UI_RES_ALL;
    }
    ui_prompt_close(ui);
    enum ui_result r = apply(ui, f, f->desc, cred);
    free(cred);
    return r;
}

static enum ui_result description_done(struct ui *ui, struct ui_prompt *pr, enum ui_prompt_event ev)
{
    if (ev != UI_PROMPT_ACCEPT) {
        return UI_RES_ALL;
    }
    struct evidence_form *f = ui_data(ui, &form_tag);
    char *desc = one_line(pr);
    if (desc == NULL) {
        return UI_RES_ALL;
    }
    ui_prompt_close(ui);
    if (f->cert && evidence_is_url(f->chosen) && strcmp(desc, "-") != 0) {
        /* A certification's URL: where its credential is verified; then its id. */
        free(f->desc);
        f->desc = desc;
        const struct progress_evidence *old =
            progress_evidence_find(ui_store_doc(ui), ui->g->id, f->item, f->chosen);
        ui_prompt_open(ui, &f->credential, "Credential id (optional): ",
                       old != NULL && old->kind != PROGRESS_EVIDENCE_NONE ? old->credential : NULL,
                       credential_done);
        return UI_RES_ALL;
    }
    enum ui_result r = apply(ui, f, desc, NULL);
    free(desc);
    return r;
}

static enum ui_result target_done(struct ui *ui, struct ui_prompt *pr, enum ui_prompt_event ev)
{
    if (ev != UI_PROMPT_ACCEPT) {
        return UI_RES_ALL;
    }
    struct evidence_form *f = ui_data(ui, &form_tag);
    char *text = trimmed(pr);
    char *target = NULL;
    if (evidence_is_url(text)) {
        target = xstrdup(text);
    } else if (text[0] != '\0') {
        char *cwd = getcwd(NULL, 0);
        target = evidence_target_from_path(text, cwd, evidence_home());
        free(cwd);
    }
    free(text);
    if (target == NULL || !progress_evidence_text_ok(target, false)) {
        ui_prompt_note(pr, VIEW_ROLE_ERROR, "a path or a URL");
        free(target);
        return UI_RES_ALL;
    }
    free(f->chosen);
    f->chosen = target;
    const struct progress_evidence *old =
        progress_evidence_find(ui_store_doc(ui), ui->g->id, f->item, target);
    bool attached = old != NULL && old->kind != PROGRESS_EVIDENCE_NONE;
    ui_prompt_close(ui);
    ui_prompt_open(ui, &f->description,
                   attached ? "Description ('-' removes it): " : "Description (optional): ",
                   attached ? old->description : NULL, description_done);
    return UI_RES_ALL;
}

/* The text of item id: a key action's or a certification's; NULL for anything else. */
static const char *evidence_subject(const struct guide *g, const char *id)
{
    const struct guide_action *a = guide_find_action(g, id, NULL);
    const struct guide_cert *c = a == NULL ? guide_find_cert(g, id) : NULL;
    return a != NULL ? a->text : c != NULL ? c->name : NULL;
}

enum ui_result ui_evidence_form(struct ui *ui, int arg)
{
    (void)arg;
    const char *id = ui_subject(ui, ui_top(ui));
    const char *name = id != NULL ? evidence_subject(ui->g, id) : NULL;
    if (name == NULL) {
        /* A phase's note, or nothing selected: say which items take evidence. */
        ui_status_set(ui, VIEW_ROLE_STATUS, "Only a key action or a certification takes evidence.");
        return UI_RES_ALL;
    }
    if (ui_store_doc(ui) == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Evidence needs a progress file.");
        return UI_RES_ALL;
    }
    struct evidence_form *f = ui_data(ui, &form_tag);
    if (f == NULL) {
        f = xcalloc(1, sizeof *f);
        ui_data_set(ui, &form_tag, f, form_free, true);
    }
    free(f->item);
    f->item = xstrdup(id);
    f->name = name;
    f->cert = guide_find_action(ui->g, id, NULL) == NULL;
    ui_prompt_open(
        ui, &f->target,
        f->cert ? "Evidence, a credential's URL or a path: " : "Evidence, a path or URL: ", NULL,
        target_done);
    return UI_RES_ALL;
}

static enum ui_result verify_now(struct ui *ui, int arg)
{
    (void)arg;
    struct progress *p = ui_store_doc(ui);
    struct evidence_check_summary sum;
    evidence_check_guide(p, ui->g->id, NULL, evidence_home(), progress_now_ms(), &sum);
    evidence_git_unload();
    if (sum.checked == 0) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "No evidence attached yet (v attaches some).");
        return UI_RES_ALL;
    }
    ui_status_set(ui, sum.failed > 0 ? VIEW_ROLE_ERROR : VIEW_ROLE_STATUS,
                  "Checked %zu piece%s of evidence: %zu hold%s, %zu do%s not.", sum.checked,
                  sum.checked == 1 ? "" : "s", sum.ok, sum.ok == 1 ? "s" : "", sum.failed,
                  sum.failed == 1 ? "es" : "");
    return UI_RES_ALL | UI_RES_SAVE;
}

enum ui_result ui_evidence_verify(struct ui *ui, int arg)
{
    if (ui_store_doc(ui) == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Evidence needs a progress file.");
        return UI_RES_ALL;
    }
    ui_status_set(ui, VIEW_ROLE_STATUS, "Checking the evidence...");
    ui_defer(ui, verify_now, arg);
    return UI_RES_ALL;
}
