/* SPDX-License-Identifier: MIT */
/* Certifications: the list with issuers and the learner's status, and one certification's
 * description. t opens the tracker's form (ui_certform.c) for the certification shown or
 * selected; e its note. */
#include "ui_curses.h"

static void certs_resize(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    view_guide_certs(d, ui->g, ui_progress_doc(ui));
}

static enum ui_result certs_key(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    if (a != UI_ACT_OPEN || s->pos.sel >= ui->g->n_certs) {
        return UI_RES_PASS;
    }
    return ui_push(ui, &ui_cert_ops, s->pos.sel, ui->g->certs[s->pos.sel].name);
}

static void cert_resize(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    view_guide_cert(d, ui->g, s->index, ui_progress_doc(ui));
}

const struct ui_screen_ops ui_certs_ops = {
    .name = "Certifications",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_SUB | UI_SCOPE_NOTE | UI_SCOPE_CERT,
    .resize = certs_resize,
    .key = certs_key,
};

const struct ui_screen_ops ui_cert_ops = {
    .name = "Certification",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB | UI_SCOPE_NOTE | UI_SCOPE_CERT,
    .resize = cert_resize,
};
