/* SPDX-License-Identifier: MIT */
/* FAQ: the questions, and one question's answer (a text screen that scrolls).
 *
 * `/` on the list opens the search prompt: the list narrows to the matching questions as each
 * character is typed, with the count, and the matches highlighted; Enter keeps the filter, Esc
 * puts back the list and selection as they were. Esc on a filtered list clears the filter
 * before going back. An answer opened from the filtered list, or from the whole-guide results
 * below it, shows the matches of that search and opens scrolled to the first in the answer. */
#include <stdint.h>

#include "ui_search.h"
#include "ui_stack.h"
#include "ui_status.h"
#include "view_search.h"

static bool filtered(const struct ui *ui)
{
    const struct ui_search *st = ui_search_peek(ui);
    return st != NULL && st->faq.text != NULL;
}

static void faqs_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    if (!filtered(ui)) {
        view_guide_faqs(d, ui->g);
        return;
    }
    struct ui_search_query *sq = &ui_search_state(ui)->faq;
    const struct search_index *idx = ui_search_index(ui);
    view_search_faqs(d, ui->g, idx, sq->q, &sq->res, sq->text);
}

/* The question shown as the selected item. */
static size_t selected_faq(struct ui *ui, const struct ui_screen *s)
{
    if (!filtered(ui)) {
        return s->pos.sel;
    }
    const struct search_results *res = &ui_search_state(ui)->faq.res;
    return s->pos.sel < res->n ? res->v[s->pos.sel].index : SIZE_MAX;
}

static void note_count(struct ui *ui, struct ui_prompt *p, const struct ui_search_query *sq)
{
    if (sq->res.n == 0) {
        ui_prompt_note(p, VIEW_ROLE_ERROR, "No match");
    } else {
        ui_prompt_note(p, VIEW_ROLE_FOOTER, "%zu of %zu", sq->res.n, ui->g->n_faqs);
    }
}

static enum ui_result faq_prompt(struct ui *ui, struct ui_prompt *p, enum ui_prompt_event ev)
{
    struct ui_search_query *sq = &ui_search_state(ui)->faq;
    struct ui_screen *s = ui_top(ui);
    switch (ev) {
    case UI_PROMPT_CANCEL:
        ui_search_restore(ui, sq, s);
        break;
    case UI_PROMPT_ACCEPT:
        if (ui_search_has_terms(sq) && sq->res.n == 0) {
            ui_prompt_note(p, VIEW_ROLE_ERROR, "No match");
            break;
        }
        ui_prompt_close(ui);
        if (!ui_search_has_terms(sq)) { /* an empty filter is no filter */
            ui_search_set(ui, sq, NULL, SEARCH_KIND_FAQ);
            ui_search_relayout(ui, s);
        }
        break;
    case UI_PROMPT_EDIT:
        ui_search_set(ui, sq, view_input_text(&p->input), SEARCH_KIND_FAQ);
        ui_search_relayout(ui, s);
        note_count(ui, p, sq);
        break;
    }
    return UI_RES_ALL;
}

static enum ui_result faqs_search(struct ui *ui, struct ui_screen *s)
{
    struct ui_search *st = ui_search_state(ui);
    struct ui_search_query *sq = &st->faq;
    ui_search_save(sq, s);
    if (sq->text == NULL) {
        ui_search_set(ui, sq, "", SEARCH_KIND_FAQ);
        ui_search_relayout(ui, s);
    }
    ui_prompt_open(ui, &st->prompt, "/", sq->text, faq_prompt);
    note_count(ui, &st->prompt, sq);
    return UI_RES_ALL;
}

static enum ui_result faqs_action(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    switch (a) {
    case UI_ACT_SEARCH:
        return faqs_search(ui, s);
    case UI_ACT_BACK:
        if (!filtered(ui)) {
            return UI_RES_PASS;
        }
        ui_search_set(ui, &ui_search_state(ui)->faq, NULL, SEARCH_KIND_FAQ);
        ui_search_relayout(ui, s);
        ui_status_set(ui, VIEW_ROLE_STATUS, "Filter cleared: all questions");
        return UI_RES_ALL;
    case UI_ACT_NEXT_MATCH:
    case UI_ACT_PREV_MATCH:
        if (!filtered(ui)) {
            ui_status_set(ui, VIEW_ROLE_STATUS, "No search: press / to filter the questions");
            return UI_RES_ALL;
        }
        return ui_search_step(ui, s, a == UI_ACT_NEXT_MATCH);
    case UI_ACT_OPEN: {
        size_t faq = selected_faq(ui, s);
        if (faq >= ui->g->n_faqs) {
            return UI_RES_PASS;
        }
        struct ui_screen *top = ui_push_kind(ui, "faq", faq, ui->g->faqs[faq].question);
        if (top != NULL && filtered(ui)) {
            ui_search_show_match(ui, top, ui_search_body_line(&top->doc));
        }
        return UI_RES_ALL;
    }
    default:
        return UI_RES_PASS;
    }
}

static void faqs_leave(struct ui *ui, struct ui_screen *s)
{
    (void)s;
    struct ui_search *st = ui_search_peek(ui);
    if (st == NULL) {
        return;
    }
    if (ui_prompt_is_open(ui, &st->prompt)) {
        ui_prompt_close(ui);
    }
    if (filtered(ui)) {
        ui_search_set(ui, &st->faq, NULL, SEARCH_KIND_FAQ);
    }
}

/* An answer opened from the filtered list shows the filter's matches. */
static const struct search_query *faqs_matches(const struct ui *ui, const struct ui_screen *s)
{
    (void)s;
    return filtered(ui) ? ui_search_peek(ui)->faq.q : NULL;
}

static void faq_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    const struct search_query *q = ui_search_matches_below(ui, s);
    if (q == NULL) {
        view_guide_faq(d, ui->g, s->index);
        return;
    }
    view_search_faq(d, ui->g, s->index, ui_search_index(ui), q);
}

const struct ui_screen_ops ui_faqs_ops = {
    .name = "FAQ",
    .kind = "faqs",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_SUB | UI_SCOPE_MATCH,
    .layout = faqs_layout,
    .action = faqs_action,
    .matches = faqs_matches,
    .leave = faqs_leave,
};

const struct ui_screen_ops ui_faq_ops = {
    .name = "Answer",
    .kind = "faq",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB | UI_SCOPE_MATCH,
    .layout = faq_layout,
};
