/* SPDX-License-Identifier: MIT */
/* Certifications: the list with issuers and the learner's status, and one certification's
 * description. t opens the tracker's form (ui_certform.c) for the certification shown or
 * selected; e its note. */
#include "ui_search.h"
#include "ui_stack.h"
#include "ui_store.h"

static void certs_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    view_guide_certs(d, ui->g, ui_store_doc(ui));
}

static enum ui_result certs_action(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    if (a != UI_ACT_OPEN || s->pos.sel >= ui->g->n_certs) {
        return UI_RES_PASS;
    }
    ui_push_kind(ui, "cert", s->pos.sel, ui->g->certs[s->pos.sel].name);
    return UI_RES_ALL;
}

static void cert_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    struct view_marks m;
    view_guide_cert(d, ui->g, s->index, ui_store_doc(ui), ui_search_marks(ui, s, &m));
}

/* A certification's subject is the certification shown. */
static const char *cert_subject(const struct ui *ui, const struct ui_screen *s)
{
    return s->index < ui->g->n_certs ? ui->g->certs[s->index].id : NULL;
}

const struct ui_screen_ops ui_certs_ops = {
    .name = "Certifications",
    .kind = "certs",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_SUB | UI_SCOPE_NOTE | UI_SCOPE_CERT |
             UI_SCOPE_EVIDENCE,
    .layout = certs_layout,
    .action = certs_action, /* its subject: the selected item, a certification's id */
};

const struct ui_screen_ops ui_cert_ops = {
    .name = "Certification",
    .kind = "cert",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB | UI_SCOPE_NOTE | UI_SCOPE_CERT | UI_SCOPE_EVIDENCE,
    .layout = cert_layout,
    .subject = cert_subject,
};
