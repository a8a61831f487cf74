/* SPDX-License-Identifier: MIT */
/* The whole-guide search: `/` on any screen but the FAQ list loads the parts not loaded yet,
 * opens the results screen (grouped by section, the matching line in context) and a prompt
 * that narrows it as each character is typed. Enter on a result opens the item at the match;
 * Back returns to the results with the same selection, since the results screen stays on the
 * stack below. Also the search state shared with the FAQ filter (ui_faq.c) and n / N. */
#include "ui_search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ui_loader.h"
#include "ui_loop.h"
#include "ui_progress.h"
#include "ui_status.h"
#include "ui_store.h"
#include "view_search.h"
#include "xalloc.h"

/* The tag of the search state in ui_data(). */
static const char search_tag;

/* Lines of context kept above a match scrolled to. */
#define UI_MATCH_CONTEXT 2

static void search_free(struct ui *ui, void *ptr);

struct ui_search *ui_search_peek(const struct ui *ui)
{
    return ui_data(ui, &search_tag);
}

struct ui_search *ui_search_state(struct ui *ui)
{
    struct ui_search *st = ui_search_peek(ui);
    if (st == NULL) {
        st = xcalloc(1, sizeof *st);
        ui_data_set(ui, &search_tag, st, search_free, true);
    }
    return st;
}

static void query_clear(struct ui_search_query *sq)
{
    free(sq->text);
    free(sq->saved_text);
    search_query_free(sq->q);
    search_results_free(&sq->res);
    memset(sq, 0, sizeof *sq);
}

static void search_free(struct ui *ui, void *ptr)
{
    struct ui_search *st = ptr;
    ui_prompt_free(ui, &st->prompt);
    query_clear(&st->faq);
    query_clear(&st->all);
    search_index_free(st->idx);
    free(st);
}

static void run(const struct search_index *idx, struct ui_search_query *sq)
{
    search_query_free(sq->q);
    sq->q = NULL;
    sq->res.n = sq->res.n_title = 0;
    if (sq->text != NULL) {
        sq->q = search_query_new(sq->text);
        search_run(idx, sq->q, sq->kinds, 0, &sq->res);
    }
}

const struct search_index *ui_search_index(struct ui *ui)
{
    struct ui_search *st = ui_search_state(ui);
    const struct progress *p = ui_store_doc(ui);
    unsigned long long notes = search_notes_stamp(ui->g, p);
    if (st->idx == NULL || st->idx_loaded != ui->g->loaded || st->idx_notes != notes) {
        search_index_free(st->idx);
        st->idx = search_index_build_notes(ui->g, p);
        st->idx_loaded = ui->g->loaded;
        st->idx_notes = notes;
        run(st->idx, &st->faq);
        run(st->idx, &st->all);
    }
    return st->idx;
}

void ui_search_set(struct ui *ui, struct ui_search_query *sq, const char *text, unsigned kinds)
{
    char *copy = text != NULL ? xstrdup(text) : NULL;
    free(sq->text);
    sq->text = copy;
    sq->kinds = kinds;
    run(ui_search_index(ui), sq);
}

bool ui_search_has_terms(const struct ui_search_query *sq)
{
    return sq->q != NULL && search_query_count_terms(sq->q) > 0;
}

void ui_search_save(struct ui_search_query *sq, const struct ui_screen *s)
{
    free(sq->saved_text);
    sq->saved_text = sq->text != NULL ? xstrdup(sq->text) : NULL;
    sq->saved_pos = s->pos;
}

void ui_search_restore(struct ui *ui, struct ui_search_query *sq, struct ui_screen *s)
{
    char *saved = sq->saved_text;
    sq->saved_text = NULL;
    ui_search_set(ui, sq, saved, sq->kinds);
    free(saved);
    s->stale = true;
    ui_layout_screen(ui, s);
    s->pos = sq->saved_pos;
    view_list_fix(&s->pos, &s->doc, ui_body_height(ui));
}

void ui_search_relayout(struct ui *ui, struct ui_screen *s)
{
    const char *id = s->pos.sel < s->doc.n_items ? s->doc.items[s->pos.sel].id : NULL;
    s->stale = true;
    ui_layout_screen(ui, s);
    if (view_doc_find_item(&s->doc, id) == SIZE_MAX) {
        view_list_reset(&s->pos, &s->doc);
        view_list_fix(&s->pos, &s->doc, ui_body_height(ui));
    }
}

static void scroll_to(struct ui *ui, struct ui_screen *s, size_t line)
{
    s->match = line + 1;
    s->pos.top = line > UI_MATCH_CONTEXT ? line - UI_MATCH_CONTEXT : 0;
    view_list_fix(&s->pos, &s->doc, ui_body_height(ui));
}

void ui_search_show_match(struct ui *ui, struct ui_screen *s, size_t from)
{
    size_t line = view_search_mark_line(&s->doc, from, s->doc.n_lines, true);
    if (line != SIZE_MAX) {
        scroll_to(ui, s, line);
    }
}

size_t ui_search_body_line(const struct view_doc *d)
{
    for (size_t i = 0; i < d->n_lines; i++) {
        if (d->lines[i].len == 0) {
            return i + 1;
        }
    }
    return 0;
}

static enum ui_result step_list(struct ui *ui, struct ui_screen *s, bool forward)
{
    size_t n = s->doc.n_items, sel = s->pos.sel;
    if (n == 0) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "No match");
        return UI_RES_ALL;
    }
    bool wrapped = forward ? sel + 1 >= n : sel == 0 || sel >= n;
    if (forward) {
        s->pos.sel = wrapped ? 0 : sel + 1;
    } else {
        s->pos.sel = wrapped ? n - 1 : sel - 1;
    }
    view_list_fix(&s->pos, &s->doc, ui_body_height(ui));
    if (wrapped) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "search wrapped");
    }
    return UI_RES_ALL;
}

static enum ui_result step_text(struct ui *ui, struct ui_screen *s, bool forward)
{
    const struct view_doc *d = &s->doc;
    size_t n = d->n_lines, cur = s->match > 0 ? s->match - 1 : SIZE_MAX, line;
    bool wrapped = false;
    if (forward) {
        size_t from = cur == SIZE_MAX ? s->pos.top : cur + 1;
        line = view_search_mark_line(d, from, n, true);
        if (line == SIZE_MAX) {
            line = view_search_mark_line(d, 0, from, true);
            wrapped = true;
        }
    } else {
        size_t to = cur == SIZE_MAX ? s->pos.top + ui_body_height(ui) : cur;
        line = view_search_mark_line(d, 0, to, false);
        if (line == SIZE_MAX) {
            line = view_search_mark_line(d, to, n, false);
            wrapped = true;
        }
    }
    if (line == SIZE_MAX) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "No match here");
        return UI_RES_ALL;
    }
    scroll_to(ui, s, line);
    if (wrapped) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "search wrapped");
    }
    return UI_RES_ALL;
}

const struct search_query *ui_search_matches_below(const struct ui *ui, const struct ui_screen *s)
{
    if (s == ui->stack) {
        return NULL;
    }
    const struct ui_screen *below = s - 1;
    return below->ops->matches != NULL ? below->ops->matches(ui, below) : NULL;
}

const struct view_marks *ui_search_marks(struct ui *ui, const struct ui_screen *s,
                                         struct view_marks *m)
{
    m->q = ui_search_matches_below(ui, s);
    if (m->q == NULL) {
        return NULL;
    }
    m->idx = ui_search_index(ui);
    return m;
}

/* Makes line the current match of s, selecting the item that holds it (a checklist). */
static void go_to_mark(struct ui *ui, struct ui_screen *s, size_t line)
{
    size_t item = view_doc_item_at(&s->doc, line);
    if (item != SIZE_MAX) {
        s->pos.sel = item;
    }
    scroll_to(ui, s, line);
}

/* The lines of s whose matches n and N step through: [*lo, *hi), and with *outside only those
 * of no item. A phase opened from the results steps through the matches of the result that
 * opened it: a key action's in that action, the phase's own outside its actions (each action
 * with a match is a result of its own). Any other screen: all of them. */
static void mark_scope(const struct ui *ui, const struct ui_screen *s, size_t *lo, size_t *hi,
                       bool *outside)
{
    *lo = 0;
    *hi = s->doc.n_lines;
    *outside = false;
    const struct ui_search *st = ui_search_peek(ui);
    if (s == ui->stack || !ui_is(s - 1, "results") || !ui_is(s, "phase") || st == NULL) {
        return;
    }
    size_t i = view_search_result_at(&st->all.res, s[-1].pos.sel);
    if (i == SIZE_MAX) {
        return;
    }
    const struct search_result *r = &st->all.res.v[i];
    if (r->kind == SEARCH_KIND_ACTION && r->index < ui->g->n_phases &&
        r->sub < ui->g->phases[r->index].n_actions) {
        size_t item = view_doc_find_item(&s->doc, ui->g->phases[r->index].actions[r->sub].id);
        if (item != SIZE_MAX) {
            *lo = s->doc.items[item].first;
            *hi = *lo + s->doc.items[item].count;
        }
    } else if (r->kind == SEARCH_KIND_PHASE) {
        *outside = true;
    }
}

/* The next (previous) line of s with a match in its scope (mark_scope()) after (before) the
 * current one, without wrapping: the current match, else the selected item, else the top of
 * the view. SIZE_MAX when none. */
static size_t next_mark(struct ui *ui, const struct ui_screen *s, bool forward)
{
    const struct view_doc *d = &s->doc;
    size_t lo, hi, at_lo, at_hi; /* the scope, and the current place: [at_lo, at_hi) */
    bool outside;
    mark_scope(ui, s, &lo, &hi, &outside);
    if (s->match > 0) {
        at_lo = s->match - 1;
        at_hi = at_lo + 1;
    } else if (s->pos.sel < d->n_items) {
        at_lo = d->items[s->pos.sel].first;
        at_hi = at_lo + d->items[s->pos.sel].count;
    } else {
        at_lo = forward ? s->pos.top : s->pos.top + ui_body_height(ui);
        at_hi = at_lo;
    }
    size_t line = SIZE_MAX;
    if (forward) {
        size_t from = at_hi > lo ? at_hi : lo;
        while (from < hi && (line = view_search_mark_line(d, from, hi, true)) != SIZE_MAX &&
               outside && view_doc_item_at(d, line) != SIZE_MAX) {
            from = line + 1;
            line = SIZE_MAX;
        }
    } else {
        size_t to = at_lo < hi ? at_lo : hi;
        while (to > lo && (line = view_search_mark_line(d, lo, to, false)) != SIZE_MAX && outside &&
               view_doc_item_at(d, line) != SIZE_MAX) {
            to = line;
            line = SIZE_MAX;
        }
    }
    return line;
}

/* Past the last (first) match of top, opened from the list of matches below it: the next
 * (previous) entry of that list, opened at its first (last) match. */
static enum ui_result step_entry(struct ui *ui, bool forward)
{
    ui_pop(ui);
    struct ui_screen *list = ui_top(ui);
    step_list(ui, list, forward);
    ui_do_action(ui, UI_ACT_OPEN, 0);
    struct ui_screen *s = ui_top(ui);
    if (s == list) {
        return UI_RES_ALL;
    }
    /* Forward, opening it chose its first match (an answer's, a key action's, a phase's);
     * backward, the last one of its scope. */
    if (!forward) {
        s->match = 0;
        s->pos.top = s->doc.n_lines;
        size_t line = next_mark(ui, s, false);
        if (line != SIZE_MAX) {
            go_to_mark(ui, s, line);
        } else {
            view_list_fix(&s->pos, &s->doc, ui_body_height(ui));
        }
    }
    return UI_RES_ALL;
}

enum ui_result ui_search_step(struct ui *ui, struct ui_screen *s, bool forward)
{
    /* A list of matches steps through its items, even when there are none ("No match"). */
    if (s->ops->matches != NULL || ui_is(s, "results")) {
        return step_list(ui, s, forward);
    }
    size_t line = next_mark(ui, s, forward);
    if (line != SIZE_MAX) {
        go_to_mark(ui, s, line);
        return UI_RES_ALL;
    }
    const struct ui_screen *below = s != ui->stack ? s - 1 : NULL;
    if (s == ui_top(ui) && below != NULL && ui_search_matches_below(ui, s) != NULL &&
        below->doc.n_items > 0) {
        return step_entry(ui, forward);
    }
    return step_text(ui, s, forward);
}

enum ui_result ui_search_next(struct ui *ui, int arg)
{
    (void)arg;
    return ui_search_step(ui, ui_top(ui), true);
}

enum ui_result ui_search_prev(struct ui *ui, int arg)
{
    (void)arg;
    return ui_search_step(ui, ui_top(ui), false);
}

/* ---- The whole-guide search ---- */

/* The parts of the guide not loaded yet. */
static unsigned missing_parts(const struct ui *ui)
{
    return ui->g->available & GUIDE_PART_ALL & ~ui->g->loaded;
}

/* Loads the parts of the guide not loaded yet; a part that fails is left out of the search.
 * Nothing while the loader thread brings them (the search grows when they are in). */
static void load_all(struct ui *ui)
{
    unsigned missing = missing_parts(ui);
    if (missing == 0 || ui_loader_busy(ui)) {
        return;
    }
    struct diag diag = {0};
    ui_search_state(ui)->partial = guide_load_parts(ui->g, missing, &diag) != 0;
    diag_free(&diag);
    ui->stack[0].stale = true; /* Home's menu may change with the loaded parts */
}

static enum ui_result all_prompt(struct ui *ui, struct ui_prompt *p, enum ui_prompt_event ev)
{
    struct ui_search *st = ui_search_state(ui);
    struct ui_search_query *sq = &st->all;
    struct ui_screen *s = ui_top(ui);
    if (ev == UI_PROMPT_CANCEL) {
        if (sq->pushed) {
            ui_pop(ui); /* its leave hook forgets the search */
        } else {
            ui_search_restore(ui, sq, s);
        }
        return UI_RES_ALL;
    }
    if (ev == UI_PROMPT_ACCEPT) {
        if (ui_search_has_terms(sq) && sq->res.n == 0) {
            ui_prompt_note(p, VIEW_ROLE_ERROR, "No match");
            return UI_RES_ALL;
        }
        sq->pushed = false;
        ui_prompt_close(ui);
        return UI_RES_ALL;
    }
    ui_search_set(ui, sq, view_input_text(&p->input), SEARCH_KIND_ALL);
    ui_search_relayout(ui, s);
    /* While the loader thread brings the FAQ, the count is of what is loaded so far. */
    bool loading = ui_loader_busy(ui);
    const char *more = loading ? " so far, loading the rest of the guide" : "";
    if (sq->res.n == 0) {
        ui_prompt_note(p, loading ? VIEW_ROLE_FOOTER : VIEW_ROLE_ERROR, "No match%s", more);
    } else {
        ui_prompt_note(p, VIEW_ROLE_FOOTER, "%zu %s%s", sq->res.n,
                       sq->res.n == 1 ? "match" : "matches", more);
    }
    return UI_RES_ALL;
}

/* Opens the results screen (or returns to it) and the prompt, the guide loaded. */
static enum ui_result start(struct ui *ui, int arg)
{
    (void)arg;
    struct ui_search *st = ui_search_state(ui);
    load_all(ui);
    bool pushed = ui_find(ui, "results") == SIZE_MAX;
    if (pushed) {
        ui_search_set(ui, &st->all, "", SEARCH_KIND_ALL);
        if (ui_push_kind(ui, "results", SIZE_MAX, "Search") == NULL) {
            ui_status_set(ui, VIEW_ROLE_ERROR, "Too many screens open");
            return UI_RES_ALL;
        }
    } else {
        ui_search_index(ui); /* the query runs again if more of the guide was loaded */
        ui_search_relayout(ui, ui_top(ui));
    }
    struct ui_search_query *sq = &st->all;
    ui_search_save(sq, ui_top(ui));
    sq->pushed = pushed;
    ui_prompt_open(ui, &st->prompt, "/", sq->text, all_prompt);
    all_prompt(ui, &st->prompt, UI_PROMPT_EDIT); /* the count for the text shown */
    return UI_RES_ALL;
}

/* The loader thread brought the rest of the guide: the index is built again with it (the
 * results screen shows more) and the open prompt counts the matches again. */
static enum ui_result more_loaded(struct ui *ui, int arg)
{
    (void)arg;
    struct ui_search *st = ui_search_state(ui);
    ui_search_index(ui);
    size_t at = ui_find(ui, "results");
    if (at != SIZE_MAX) {
        ui_search_relayout(ui, &ui->stack[at]);
    }
    if (ui_prompt_is_open(ui, &st->prompt) && at != SIZE_MAX && at + 1 == ui->depth) {
        all_prompt(ui, &st->prompt, UI_PROMPT_EDIT);
    }
    return UI_RES_ALL;
}

enum ui_result ui_search_start(struct ui *ui, int arg)
{
    size_t at = ui_find(ui, "results");
    if (at != SIZE_MAX) {
        ui_pop_to(ui, at + 1);
    }
    if (missing_parts(ui) != 0 && ui_loader_start(ui, more_loaded, arg)) {
        /* A large FAQ takes a while: the search opens at once on what is loaded, keys keep
         * working, and the results grow when the rest is in (TUI-5). */
        return start(ui, arg); /* its count says the rest is loading */
    }
    if (missing_parts(ui) != 0) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Loading the guide...");
        ui_defer(ui, start, arg);
        return UI_RES_ALL;
    }
    return start(ui, arg);
}

static void results_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    struct ui_search *st = ui_search_state(ui);
    const struct search_index *idx = ui_search_index(ui);
    if (st->all.q != NULL) {
        view_search_results(d, ui->g, idx, st->all.q, &st->all.res, st->all.text);
    }
}

/* Opens the result under the selection at its match. */
static enum ui_result open_result(struct ui *ui, struct ui_screen *s)
{
    const struct search_results *res = &ui_search_state(ui)->all.res;
    size_t i = view_search_result_at(res, s->pos.sel);
    if (i == SIZE_MAX) {
        return UI_RES_NONE;
    }
    const struct search_result r = res->v[i];
    const struct guide *g = ui->g;
    struct ui_screen *top;
    bool entry = false; /* an entry without a screen of its own */
    switch (r.kind) {
    case SEARCH_KIND_PHASE:
    case SEARCH_KIND_ACTION:
        top = ui_push_kind(ui, "phase", r.index, g->phases[r.index].title);
        break;
    case SEARCH_KIND_CERT:
        top = ui_push_kind(ui, "cert", r.index, g->certs[r.index].name);
        break;
    case SEARCH_KIND_FAQ:
        top = ui_push_kind(ui, "faq", r.index, g->faqs[r.index].question);
        break;
    default:
        top = ui_push_kind(ui, "match", r.entry, search_kind_name(r.kind));
        entry = true;
        break;
    }
    if (top == NULL) {
        return UI_RES_NONE;
    }
    if (r.kind == SEARCH_KIND_ACTION) {
        ui_select_id(ui, top, g->phases[r.index].actions[r.sub].id);
    } else if (r.kind == SEARCH_KIND_FAQ || entry) {
        ui_search_show_match(ui, top, ui_search_body_line(&top->doc));
    } else {
        ui_search_show_match(ui, top, 0); /* a phase's or certification's first match */
    }
    return UI_RES_ALL;
}

/* The selected result when it is a key action, else NULL. */
static const struct search_result *selected_action(const struct ui *ui, const struct ui_screen *s)
{
    const struct ui_search *st = ui_search_peek(ui);
    size_t i = st != NULL ? view_search_result_at(&st->all.res, s->pos.sel) : SIZE_MAX;
    return i != SIZE_MAX && st->all.res.v[i].kind == SEARCH_KIND_ACTION ? &st->all.res.v[i] : NULL;
}

/* On a key action the marking keys work, as on its checklist; on an item that takes a note
 * (a key action, a phase, a certification) e and E work, on its id; on one that takes evidence
 * (a key action, a certification) v and V. */
static unsigned results_scope_here(const struct ui *ui, const struct ui_screen *s)
{
    const struct ui_search *st = ui_search_peek(ui);
    size_t i = st != NULL ? view_search_result_at(&st->all.res, s->pos.sel) : SIZE_MAX;
    enum search_kind k = i != SIZE_MAX ? st->all.res.v[i].kind : SEARCH_KIND_FAQ;
    bool noted = k == SEARCH_KIND_ACTION || k == SEARCH_KIND_PHASE || k == SEARCH_KIND_CERT;
    bool evidence = k == SEARCH_KIND_ACTION || k == SEARCH_KIND_CERT;
    return (selected_action(ui, s) != NULL ? UI_SCOPE_CHECK : 0) | (noted ? UI_SCOPE_NOTE : 0) |
           (evidence ? UI_SCOPE_EVIDENCE : 0);
}

/* Space/x, p, s on a key action result: marks it, and says so (the results show no mark). */
static enum ui_result mark_result(struct ui *ui, struct ui_screen *s, enum ui_action a)
{
    const struct search_result *r = selected_action(ui, s);
    if (r == NULL) {
        return UI_RES_PASS;
    }
    const struct guide_action *act = &ui->g->phases[r->index].actions[r->sub];
    enum ui_result res = ui_progress_mark_key(ui, s, a);
    if (res & UI_RES_SAVE) {
        enum progress_state st = progress_item_state(ui_store_doc(ui), ui->g, act->id);
        ui_status_set(ui, VIEW_ROLE_STATUS, "\"%s\" is %s.", act->text,
                      ui_progress_state_words(st));
    }
    return res;
}

static enum ui_result results_action(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg)
{
    (void)arg;
    switch (a) {
    case UI_ACT_OPEN:
        return open_result(ui, s);
    case UI_ACT_MARK_DONE:
    case UI_ACT_MARK_PROGRESS:
    case UI_ACT_MARK_SKIPPED:
        return mark_result(ui, s, a);
    case UI_ACT_NEXT_MATCH:
    case UI_ACT_PREV_MATCH:
        return step_list(ui, s, a == UI_ACT_NEXT_MATCH);
    default:
        return UI_RES_PASS;
    }
}

static void results_leave(struct ui *ui, struct ui_screen *s)
{
    (void)s;
    struct ui_search *st = ui_search_state(ui);
    if (ui_prompt_is_open(ui, &st->prompt)) {
        ui_prompt_close(ui);
    }
    query_clear(&st->all);
}

/* An item opened from the results shows the matches of the whole-guide search. */
static const struct search_query *results_matches(const struct ui *ui, const struct ui_screen *s)
{
    (void)s;
    const struct ui_search *st = ui_search_peek(ui);
    return st != NULL ? st->all.q : NULL;
}

const struct ui_screen_ops ui_results_ops = {
    .name = "Search results",
    .kind = "results",
    .scope = UI_SCOPE_ANY | UI_SCOPE_OPEN | UI_SCOPE_SUB | UI_SCOPE_MATCH,
    .layout = results_layout,
    .action = results_action,
    .matches = results_matches,
    .scope_here = results_scope_here,
    .leave = results_leave,
};

/* An entry without a screen of its own (the intro, an overview block, the call to action):
 * its text with the matches of the whole-guide search, which is the screen below. */
static void match_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    struct ui_search *st = ui_search_state(ui);
    const struct search_index *idx = ui_search_index(ui);
    if (st->all.q != NULL && s->index < search_index_count_entries(idx)) {
        view_search_entry(d, ui->g, idx, st->all.q, s->index);
    }
}

const struct ui_screen_ops ui_match_ops = {
    .name = "Search match",
    .kind = "match",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB | UI_SCOPE_MATCH,
    .layout = match_layout,
};
