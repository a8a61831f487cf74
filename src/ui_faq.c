/* FAQ: the questions, and one question's answer (a text screen that scrolls). */
#include "ui_curses.h"

static void faqs_resize(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    view_guide_faqs(d, ui->g);
}

static enum ui_result faqs_key(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    if (a != UI_ACT_OPEN || s->pos.sel >= ui->g->n_faqs) {
        return UI_RES_PASS;
    }
    return ui_push(ui, &ui_faq_ops, s->pos.sel, ui->g->faqs[s->pos.sel].question);
}

static void faq_resize(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    view_guide_faq(d, ui->g, s->index);
}

const struct ui_screen_ops ui_faqs_ops = {
    .name = "FAQ",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_SUB,
    .resize = faqs_resize,
    .key = faqs_key,
};

const struct ui_screen_ops ui_faq_ops = {
    .name = "Answer",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB,
    .resize = faq_resize,
};
