/* SPDX-License-Identifier: MIT */
/* The guide's screens laid out as documents.
 *
 * Each screen is a sequence of blocks (title, prose, labelled stats, charts, menu entries)
 * appended to a view_doc; items take their ids from the guide, so a selection survives a
 * reflow and a reload. Screen words that are not the guide's (the menu heading, counts) are
 * kept few and plain; every guide string goes through the document's sanitiser. Home is built
 * block by block (home_blocks[]). Progress (view_progress.h) is drawn only when the caller
 * passes the learner's progress; its numbers are those of `trail --progress`. Notes, the
 * certification tracker and Home's "Next:", pace and certification lines are view_plan.c's
 * pieces. */
#include "view_guide.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_schedule.h"
#include "text.h"
#include "xalloc.h"
#include "view_chart.h"
#include "view_evidence.h"
#include "view_marks.h"
#include "view_plan.h"
#include "view_progress.h"
#include "view_today.h"

#define LABEL_COLS   16 /* the column where a stat's value starts */
#define CHART_INDENT 2
#define ITEM_INDENT  4

static const char *const section_ids[VIEW_SECTION_COUNT] = {"overview", "path", "certs", "faq"};

/* The guide has a career path that is not loaded yet: Home shows placeholders for it. */
static bool path_pending(const struct guide *g)
{
    return (g->available & GUIDE_PART_PATH) && !(g->loaded & GUIDE_PART_PATH);
}

static bool has_stats(const struct guide *g)
{
    const struct guide_stats *s = &g->stats;
    return s->salary.present || s->growth.present || s->time.present || s->difficulty.present;
}

size_t view_guide_sections(const struct guide *g, enum view_section out[VIEW_SECTION_COUNT])
{
    size_t n = 0;
    if (g->n_overview > 0 || has_stats(g)) {
        out[n++] = VIEW_SECTION_OVERVIEW;
    }
    if (g->available & GUIDE_PART_PATH) {
        out[n++] = VIEW_SECTION_PATH;
    }
    if (g->available & GUIDE_PART_CERTS) {
        out[n++] = VIEW_SECTION_CERTS;
    }
    if (g->available & GUIDE_PART_FAQ) {
        out[n++] = VIEW_SECTION_FAQ;
    }
    return n;
}

const char *view_guide_section_title(const struct guide *g, enum view_section s)
{
    switch (s) {
    case VIEW_SECTION_OVERVIEW:
        return "Overview";
    case VIEW_SECTION_PATH:
        return g->path_title != NULL ? g->path_title : "Career Path";
    case VIEW_SECTION_CERTS:
        return g->certs_title != NULL ? g->certs_title : "Certifications";
    case VIEW_SECTION_FAQ:
        return g->faq_title != NULL ? g->faq_title : "FAQ";
    case VIEW_SECTION_COUNT:
        break;
    }
    return "";
}

const char *view_guide_section_label(const struct guide *g, enum view_section s)
{
    static const char *const labels[VIEW_SECTION_COUNT] = {"Overview", "Career Path",
                                                           "Certifications", "FAQ"};
    if (s == VIEW_SECTION_PATH && g != NULL && g->markdown) {
        return "Plan"; /* a Markdown plan's sections */
    }
    return s < VIEW_SECTION_COUNT ? labels[s] : "";
}

const char *view_guide_section_id(enum view_section s)
{
    return s < VIEW_SECTION_COUNT ? section_ids[s] : "";
}

unsigned view_guide_section_part(enum view_section s)
{
    static const unsigned parts[VIEW_SECTION_COUNT] = {GUIDE_PART_INFO, GUIDE_PART_PATH,
                                                       GUIDE_PART_CERTS, GUIDE_PART_FAQ};
    return s < VIEW_SECTION_COUNT ? parts[s] : GUIDE_PART_INFO;
}

/* One line of a single role. */
static void line(struct view_doc *d, enum view_role role, const char *s)
{
    view_doc_begin_line(d);
    view_doc_puts(d, role, s);
    view_doc_end_line(d);
}

/* The columns untrusted label s takes on one line. */
static int label_width(const struct view_doc *d, const char *s)
{
    return text_untrusted_width(s, TEXT_ONE_LINE | d->text_flags);
}

/* "Label           value", the value wrapped under itself; on a narrow screen the label gets
 * its own line. */
static void labelled(struct view_doc *d, const char *label, const char *value)
{
    int w = label_width(d, label);
    if (w + 1 <= LABEL_COLS && LABEL_COLS <= d->width / 2) {
        view_doc_add_text(d, VIEW_ROLE_BODY, value, LABEL_COLS, label, VIEW_ROLE_DIM);
    } else {
        view_doc_add_text(d, VIEW_ROLE_DIM, label, 0, NULL, VIEW_ROLE_DIM);
        view_doc_add_text(d, VIEW_ROLE_BODY, value, CHART_INDENT, NULL, VIEW_ROLE_BODY);
    }
}

static void months(char *buf, size_t size, const struct guide_phase *p)
{
    if (p->start_month > 0 && p->end_month > p->start_month) {
        snprintf(buf, size, "Months %d-%d", p->start_month, p->end_month);
    } else if (p->start_month > 0) {
        snprintf(buf, size, "Month %d", p->start_month);
    } else {
        buf[0] = '\0';
    }
}

/* ---- Home ---- */

/* What Home leaves out to fit the height, one more piece a level: the intro past one line and
 * the progress counts, the blank lines, the stats, the intro and the plan, the progress. The
 * title and the menu always stay. */
enum {
    HOME_FULL,
    HOME_SHORT_INTRO,
    HOME_NO_BLANKS,
    HOME_NO_STATS,
    HOME_NO_PLAN,
    HOME_MENU_ONLY,
};

struct home_ctx {
    const struct guide *g;
    const struct progress *p;
    struct progress_date today;
    const struct progress_schedule *plan; /* NULL without progress: Today's and the pace's */
    int level;
};

static void home_blank(struct view_doc *d, const struct home_ctx *c)
{
    if (c->level < HOME_NO_BLANKS) {
        view_doc_add_blank(d);
    }
}

/* The title and the start of the intro (the whole intro is on the Overview). */
static void home_title(struct view_doc *d, const struct home_ctx *c)
{
    view_doc_add_text(d, VIEW_ROLE_TITLE, c->g->title, 0, NULL, VIEW_ROLE_TITLE);
    if (c->g->intro != NULL && c->level < HOME_NO_PLAN) {
        view_doc_add_text_cut(d, VIEW_ROLE_BODY, c->g->intro, 0, NULL, VIEW_ROLE_BODY,
                              c->level == HOME_FULL ? 2 : 1);
    }
}

static const char *stat_label(const struct guide_stat *st)
{
    return st->label != NULL ? st->label : "";
}

/* The stats two to a row: "Label  value   Label  value", each column's values aligned and
 * cut with an ellipsis (the Overview has them in full). False when the width is too narrow. */
static bool stats_columns(struct view_doc *d, const struct guide_stat *const *st, size_t n)
{
    int lw[2] = {0, 0}, vw[2] = {0, 0};
    for (size_t i = 0; i < n; i++) {
        int w = label_width(d, stat_label(st[i])) + 2, v = label_width(d, st[i]->text);
        lw[i % 2] = w > lw[i % 2] ? w : lw[i % 2];
        vw[i % 2] = v > vw[i % 2] ? v : vw[i % 2];
    }
    /* The right column starts after the left one's longest value when both fit so, else at
     * the middle, each value cut to its column. */
    int col_w = lw[0] + vw[0] + 3;
    if (col_w + lw[1] + vw[1] > d->width) {
        col_w = d->width / 2;
    }
    if (col_w - lw[0] - 2 < 12 || d->width - col_w - lw[1] < 12) {
        return false;
    }
    for (size_t i = 0; i < n; i += 2) {
        view_doc_begin_line(d);
        for (size_t k = i; k < i + 2 && k < n; k++) {
            int x = k == i ? 0 : col_w;
            view_doc_pad_to(d, x);
            view_doc_put_cut(d, VIEW_ROLE_DIM, stat_label(st[k]), lw[k % 2] - 2);
            view_doc_pad_to(d, x + lw[k % 2]);
            view_doc_put_cut(d, VIEW_ROLE_BODY, st[k]->text,
                             (k == i ? col_w - 2 : d->width - x) - lw[k % 2]);
        }
        view_doc_end_line(d);
    }
    return true;
}

static void home_stats(struct view_doc *d, const struct home_ctx *c)
{
    const struct guide_stats *gs = &c->g->stats;
    const struct guide_stat *all[] = {&gs->salary, &gs->growth, &gs->time, &gs->difficulty};
    const struct guide_stat *st[4];
    size_t n = 0;
    for (size_t i = 0; i < 4; i++) {
        if (all[i]->present) {
            st[n++] = all[i];
        }
    }
    if (n == 0 || c->level >= HOME_NO_STATS) {
        return;
    }
    home_blank(d, c);
    if (!stats_columns(d, st, n)) {
        for (size_t i = 0; i < n; i++) {
            labelled(d, stat_label(st[i]), st[i]->text);
        }
    }
}

/* The count after a section's label: what it holds, or an ellipsis until its part loads. */
static void section_count(const struct view_doc *d, const struct guide *g, enum view_section s,
                          char *buf, size_t size)
{
    unsigned part = view_guide_section_part(s);
    if ((g->loaded & part) != part) {
        snprintf(buf, size, "%s%s", text_sep(d->text_flags), text_ellipsis(d->text_flags));
        return;
    }
    static const char *const words[VIEW_SECTION_COUNT][2] = {{"topic", "topics"},
                                                             {"phase", "phases"},
                                                             {"certification", "certifications"},
                                                             {"question", "questions"}};
    const size_t counts[VIEW_SECTION_COUNT] = {g->n_overview, g->n_phases, g->n_certs, g->n_faqs};
    size_t n = s < VIEW_SECTION_COUNT ? counts[s] : 0;
    if (n == 0) {
        buf[0] = '\0';
        return;
    }
    bool sections = s == VIEW_SECTION_PATH && g->markdown; /* a Markdown plan's headings */
    snprintf(buf, size, "%s%zu %s", text_sep(d->text_flags), n,
             sections ? (n != 1 ? "sections" : "section") : words[s][n != 1]);
}

static void menu_entry(struct view_doc *d, const struct guide *g, size_t n, enum view_section s)
{
    char num[24], what[96];
    snprintf(num, sizeof num, "%zu", n);
    view_doc_begin_item(d, section_ids[s]);
    view_doc_begin_line(d);
    view_doc_pad_to(d, 1);
    view_doc_puts(d, VIEW_ROLE_NUMBER, num);
    view_doc_pad_to(d, ITEM_INDENT);
    view_doc_puts(d, VIEW_ROLE_BODY, view_guide_section_label(g, s));
    section_count(d, g, s, what, sizeof what);
    view_doc_puts(d, VIEW_ROLE_DIM, what);
    view_doc_end_line(d);
    view_doc_end_item(d);
}

static void home_menu(struct view_doc *d, const struct home_ctx *c)
{
    enum view_section secs[VIEW_SECTION_COUNT];
    size_t n = view_guide_sections(c->g, secs);
    if (n == 0) {
        return;
    }
    home_blank(d, c);
    line(d, VIEW_ROLE_DIM, "Sections");
    for (size_t i = 0; i < n; i++) {
        menu_entry(d, c->g, i + 1, secs[i]);
    }
}

/* The closing words, as text: nothing here opens, so nothing looks like a link. */
static void home_cta(struct view_doc *d, const struct home_ctx *c)
{
    const struct guide *g = c->g;
    if (g->cta == NULL) {
        return;
    }
    view_doc_add_blank(d);
    view_doc_add_text(d, VIEW_ROLE_HEADING, g->cta->title, 0, NULL, VIEW_ROLE_HEADING);
    view_doc_add_text(d, VIEW_ROLE_BODY, g->cta->text, 0, NULL, VIEW_ROLE_BODY);
    if (g->cta->button != NULL) {
        view_doc_add_text(d, VIEW_ROLE_BODY, g->cta->button, 0, NULL, VIEW_ROLE_BODY);
    }
}

/* "Progress        ████░░░░  12/25 · 48%", the counts under the bar, and the current phase;
 * on a narrow screen each label gets its own line. */
static void home_progress(struct view_doc *d, const struct home_ctx *c)
{
    const struct guide *g = c->g;
    const struct progress *p = c->p;
    if (c->level >= HOME_MENU_ONLY) {
        return;
    }
    if (path_pending(g)) {
        home_blank(d, c);
        labelled(d, "Progress", text_ellipsis(d->text_flags));
        return;
    }
    if (p == NULL || guide_count_actions(g) == 0) {
        return;
    }
    struct progress_counts n;
    progress_count_guide(p, g, &n);
    bool side = LABEL_COLS <= d->width / 2;
    int indent = side ? LABEL_COLS : CHART_INDENT;
    char counts[160], cur[512];
    home_blank(d, c);
    if (!side) {
        line(d, VIEW_ROLE_DIM, "Progress");
    }
    view_doc_begin_line(d);
    if (side) {
        view_doc_puts(d, VIEW_ROLE_DIM, "Progress");
    }
    view_doc_pad_to(d, indent);
    view_progress_put_bar(d, &n);
    view_doc_end_line(d);
    if (c->level == HOME_FULL) {
        view_progress_counts_text(&n, (d->text_flags & TEXT_ASCII) != 0, counts, sizeof counts);
        view_doc_add_text(d, VIEW_ROLE_DIM, counts, indent, NULL, VIEW_ROLE_DIM);
    }
    size_t phase = progress_current_phase(p, g);
    if (phase < g->n_phases) {
        snprintf(cur, sizeof cur, "%zu. %s", phase + 1, g->phases[phase].title);
    } else {
        snprintf(cur, sizeof cur, "none: every key action is done or skipped");
    }
    labelled(d, "Current phase", cur);
}

static void home_plan(struct view_doc *d, const struct home_ctx *c)
{
    if (c->level < HOME_NO_PLAN) {
        view_plan_home(d, c->g, c->p, c->plan, c->today, LABEL_COLS);
    }
}

/* The entry that opens Today, first of Home's entries once the plan has dates (view_today.h). */
static void home_today(struct view_doc *d, const struct home_ctx *c)
{
    if (c->level < HOME_NO_PLAN) {
        view_today_home(d, c->g, c->p, c->plan, c->today, c->level < HOME_NO_BLANKS);
    }
}

typedef void (*home_block_fn)(struct view_doc *d, const struct home_ctx *c);

/* Home, top to bottom. Overall progress and the plan go between the stats and the menu. */
static const home_block_fn home_blocks[] = {home_title, home_stats, home_today, home_progress,
                                            home_plan,  home_menu,  home_cta};

/* The lines from the top of Home to the end of its menu. */
static size_t menu_end(const struct view_doc *d)
{
    size_t end = 0;
    for (size_t i = 0; i < d->n_items; i++) {
        for (size_t s = 0; s < VIEW_SECTION_COUNT; s++) {
            if (strcmp(d->items[i].id, section_ids[s]) == 0) {
                end = d->items[i].first + d->items[i].count;
            }
        }
    }
    return end;
}

void view_guide_home_fit(struct view_doc *d, const struct guide *g, const struct progress *p,
                         struct progress_date today, size_t rows, unsigned hours_per_week)
{
    /* One dated plan serves the Today line and the pace line at every level tried. */
    struct progress_schedule plan = {0};
    if (p != NULL) {
        progress_schedule_compute(p, g, today, hours_per_week, &plan);
    }
    struct home_ctx c = {g, p, today, p != NULL ? &plan : NULL, HOME_FULL};
    int width = d->width;
    unsigned flags = d->text_flags;
    for (;;) {
        for (size_t i = 0; i < sizeof home_blocks / sizeof home_blocks[0]; i++) {
            home_blocks[i](d, &c);
        }
        if (rows == 0 || c.level == HOME_MENU_ONLY || menu_end(d) <= rows) {
            break;
        }
        c.level++;
        view_doc_free(d);
        view_doc_init(d, width, flags);
    }
    progress_schedule_free(&plan);
}

void view_guide_home_at(struct view_doc *d, const struct guide *g, const struct progress *p,
                        struct progress_date today)
{
    view_guide_home_fit(d, g, p, today, 0, 0);
}

void view_guide_home(struct view_doc *d, const struct guide *g, const struct progress *p)
{
    /* Only the plan reads the date, and only with progress: the first frame, drawn before the
     * progress is read, spares loading the time zone. */
    struct progress_date none = {0};
    view_guide_home_at(d, g, p, p != NULL ? progress_date_today() : none);
}

/* ---- Overview ---- */

static void stat_chart(struct view_doc *d, const struct guide_stat *st,
                       size_t (*chart)(struct view_doc *, const struct guide_stats *, int),
                       const struct guide_stats *all)
{
    if (!st->present) {
        return;
    }
    view_doc_add_blank(d);
    labelled(d, st->label != NULL ? st->label : "", st->text);
    chart(d, all, CHART_INDENT);
}

void view_guide_overview(struct view_doc *d, const struct guide *g)
{
    /* Titled like every other section's screen. */
    view_doc_add_text(d, VIEW_ROLE_TITLE, view_guide_section_title(g, VIEW_SECTION_OVERVIEW), 0,
                      NULL, VIEW_ROLE_TITLE);
    if (g->intro != NULL) {
        view_doc_add_blank(d);
        view_doc_add_text(d, VIEW_ROLE_BODY, g->intro, 0, NULL, VIEW_ROLE_BODY);
    }
    for (size_t i = 0; i < g->n_overview; i++) {
        view_doc_add_blank(d);
        view_doc_add_text(d, VIEW_ROLE_TITLE, g->overview[i].title, 0, NULL, VIEW_ROLE_TITLE);
        view_doc_add_text(d, VIEW_ROLE_BODY, g->overview[i].text, 0, NULL, VIEW_ROLE_BODY);
    }
    const struct guide_stats *s = &g->stats;
    stat_chart(d, &s->salary, view_chart_salary, s);
    stat_chart(d, &s->growth, view_chart_growth, s);
    stat_chart(d, &s->time, view_chart_time, s);
    stat_chart(d, &s->difficulty, view_chart_difficulty, s);
}

/* ---- Career path ---- */

/* A phase on the career path; with progress, a bar line under its duration. */
static void phase_entry(struct view_doc *d, const struct guide *g, const struct progress *pr,
                        size_t phase)
{
    const struct guide_phase *p = &g->phases[phase];
    size_t n = phase + 1;
    char num[24], m[32], what[96];
    snprintf(num, sizeof num, " %zu", n);
    months(m, sizeof m, p);
    view_doc_begin_item(d, p->id);
    /* The number sits in the first line's indent; the title wraps beside it. */
    char title[512];
    snprintf(title, sizeof title, m[0] ? "%s (%s)" : "%s%s", p->title, m);
    /* A Markdown section sits under the one it belongs to. */
    int indent = ITEM_INDENT + 2 * (int)(p->depth < 6 ? p->depth : 6);
    view_doc_add_text(d, VIEW_ROLE_HEADING, title, indent, num, VIEW_ROLE_NUMBER);
    snprintf(what, sizeof what, "%s%s%zu key action%s", p->duration ? p->duration : "",
             p->duration ? text_sep(d->text_flags) : "", p->n_actions,
             p->n_actions == 1 ? "" : "s");
    view_doc_add_text(d, VIEW_ROLE_DIM, what, indent, NULL, VIEW_ROLE_DIM);
    if (pr != NULL && p->n_actions > 0) {
        struct progress_counts c;
        progress_count_phase(pr, g, phase, &c);
        view_progress_add_bar_line(d, &c, indent);
    }
    view_doc_add_text(d, VIEW_ROLE_BODY, p->summary, indent, NULL, VIEW_ROLE_BODY);
    if (pr != NULL) {
        view_plan_add_note(d, progress_get_note(pr, g->id, p->id), indent);
    }
    view_doc_end_item(d);
}

void view_guide_path(struct view_doc *d, const struct guide *g, const struct progress *p,
                     const struct view_today *t, size_t rows)
{
    size_t lines = 0;
    if (t != NULL) {
        struct view_doc tl; /* measured: how many lines it takes at this width */
        view_doc_init(&tl, d->width, d->text_flags);
        view_today_path_timeline(&tl, g, p, t);
        lines = tl.n_lines;
        view_doc_free(&tl);
    }
    bool above = lines > 0 && (rows == 0 || lines <= rows / 2);
    view_doc_add_text(d, VIEW_ROLE_TITLE, view_guide_section_title(g, VIEW_SECTION_PATH), 0, NULL,
                      VIEW_ROLE_TITLE);
    if (above) {
        view_doc_add_blank(d);
        view_today_path_timeline(d, g, p, t);
    }
    for (size_t i = 0; i < g->n_phases; i++) {
        view_doc_add_blank(d);
        phase_entry(d, g, p, i);
    }
    if (lines > 0 && !above) {
        view_doc_add_blank(d);
        view_today_path_timeline(d, g, p, t);
    }
}

/* A phase's bar and the counts behind it, under its title. */
static void phase_progress(struct view_doc *d, const struct guide *g, size_t phase,
                           const struct progress *pr)
{
    if (pr == NULL || g->phases[phase].n_actions == 0) {
        return;
    }
    struct progress_counts c;
    char counts[160];
    progress_count_phase(pr, g, phase, &c);
    view_progress_add_bar_line(d, &c, 0);
    view_progress_counts_text(&c, (d->text_flags & TEXT_ASCII) != 0, counts, sizeof counts);
    view_doc_add_text(d, VIEW_ROLE_DIM, counts, 0, NULL, VIEW_ROLE_DIM);
}

/* Key action i of phase `phase` with its mark; a skipped one's text recedes with its mark. */
static void action_entry(struct view_doc *d, const struct guide *g, size_t phase, size_t i,
                         const struct progress *pr, const struct view_marks *m)
{
    const struct guide_phase *ph = &g->phases[phase];
    const struct guide_action *a = &ph->actions[i];
    enum progress_state st =
        pr != NULL ? progress_action_state(progress_find_guide(pr, g->id), ph, i) : PROGRESS_TODO;
    /* A sub-action sits under its parent; a link shows under the text. */
    int depth = (int)(a->depth < 6 ? a->depth : 6), indent = ITEM_INDENT + 2 * depth;
    char mark[64];
    snprintf(mark, sizeof mark, "%*s%s", 2 * depth, "", view_progress_mark(st));
    /* The learner's own action says so. */
    char *text =
        a->personal ? xasprintf("%s %s", a->text, view_plan_mine_marker(d->text_flags)) : NULL;
    view_doc_begin_item(d, a->id);
    view_marks_add_text(d, m, SEARCH_KIND_ACTION, phase, i, SEARCH_FIELD_ACTION_TEXT,
                        text != NULL ? text : a->text,
                        st == PROGRESS_SKIPPED ? VIEW_ROLE_SKIPPED : VIEW_ROLE_BODY, indent, mark,
                        view_progress_mark_role(st));
    free(text);
    if (a->link != NULL) {
        view_doc_add_link(d, VIEW_ROLE_DIM, a->link, indent);
    }
    if (pr != NULL) {
        view_evidence_add(d, pr, g->id, a->id, view_progress_state_words(st, false),
                          view_progress_mark_role(st), indent);
        view_plan_add_note(d, progress_get_note(pr, g->id, a->id), indent);
    }
    view_doc_end_item(d);
}

void view_guide_phase(struct view_doc *d, const struct guide *g, size_t phase,
                      const struct progress *pr, const struct view_marks *marks)
{
    if (phase >= g->n_phases) {
        return;
    }
    const struct guide_phase *p = &g->phases[phase];
    char m[32], what[96];
    months(m, sizeof m, p);
    view_marks_add_text(d, marks, SEARCH_KIND_PHASE, phase, 0, SEARCH_FIELD_PHASE_TITLE, p->title,
                        VIEW_ROLE_TITLE, 0, NULL, VIEW_ROLE_TITLE);
    snprintf(what, sizeof what, "%s%s%s", m, m[0] && p->duration ? text_sep(d->text_flags) : "",
             p->duration ? p->duration : "");
    if (what[0] != '\0') {
        view_doc_add_text(d, VIEW_ROLE_DIM, what, 0, NULL, VIEW_ROLE_DIM);
    }
    phase_progress(d, g, phase, pr);
    if (pr != NULL) {
        view_plan_add_note(d, progress_get_note(pr, g->id, p->id), 0);
    }
    if (p->summary != NULL) {
        view_doc_add_blank(d);
        view_marks_add_text(d, marks, SEARCH_KIND_PHASE, phase, 0, SEARCH_FIELD_PHASE_SUMMARY,
                            p->summary, VIEW_ROLE_BODY, 0, NULL, VIEW_ROLE_BODY);
    }
    if (p->n_actions == 0) {
        return; /* a Markdown section of text only */
    }
    view_doc_add_blank(d);
    view_doc_add_text(d, VIEW_ROLE_HEADING, p->actions_title ? p->actions_title : "Key Actions", 0,
                      NULL, VIEW_ROLE_HEADING);
    for (size_t i = 0; i < p->n_actions; i++) {
        action_entry(d, g, phase, i, pr, marks);
    }
}

/* ---- Certifications ---- */

/* The learner's status and dates of a certification on one line (none when not tracked). */
static void cert_status(struct view_doc *d, const struct guide *g, const struct guide_cert *c,
                        const struct progress *pr, int indent)
{
    struct progress_cert_info info;
    char text[256];
    if (pr == NULL || !progress_get_cert(pr, g->id, c->id, &info)) {
        return;
    }
    view_plan_cert_text(&info, (d->text_flags & TEXT_ASCII) != 0, text, sizeof text);
    if (text[0] != '\0') {
        view_doc_add_text(d, VIEW_ROLE_ACCENT, text, indent, NULL, VIEW_ROLE_ACCENT);
    }
}

void view_guide_certs(struct view_doc *d, const struct guide *g, const struct progress *pr)
{
    view_doc_add_text(d, VIEW_ROLE_TITLE, view_guide_section_title(g, VIEW_SECTION_CERTS), 0, NULL,
                      VIEW_ROLE_TITLE);
    for (size_t i = 0; i < g->n_certs; i++) {
        const struct guide_cert *c = &g->certs[i];
        view_doc_add_blank(d);
        view_doc_begin_item(d, c->id);
        view_doc_add_text(d, VIEW_ROLE_HEADING, c->name, 1, NULL, VIEW_ROLE_HEADING);
        view_doc_add_text(d, VIEW_ROLE_DIM, c->issuer, 3, NULL, VIEW_ROLE_DIM);
        cert_status(d, g, c, pr, 3);
        view_evidence_add(d, pr, g->id, c->id, NULL, VIEW_ROLE_DIM, 3);
        if (pr != NULL) {
            view_plan_add_note(d, progress_get_note(pr, g->id, c->id), 3);
        }
        view_doc_end_item(d);
    }
}

void view_guide_cert(struct view_doc *d, const struct guide *g, size_t cert,
                     const struct progress *pr, const struct view_marks *m)
{
    if (cert >= g->n_certs) {
        return;
    }
    const struct guide_cert *c = &g->certs[cert];
    view_marks_add_text(d, m, SEARCH_KIND_CERT, cert, 0, SEARCH_FIELD_CERT_NAME, c->name,
                        VIEW_ROLE_TITLE, 0, NULL, VIEW_ROLE_TITLE);
    view_marks_add_text(d, m, SEARCH_KIND_CERT, cert, 0, SEARCH_FIELD_CERT_ISSUER, c->issuer,
                        VIEW_ROLE_DIM, 0, NULL, VIEW_ROLE_DIM);
    cert_status(d, g, c, pr, 0);
    if (pr != NULL) {
        view_evidence_add(d, pr, g->id, c->id, NULL, VIEW_ROLE_DIM, 0);
        view_plan_add_note(d, progress_get_note(pr, g->id, c->id), 0);
    }
    view_doc_add_blank(d);
    view_marks_add_text(d, m, SEARCH_KIND_CERT, cert, 0, SEARCH_FIELD_CERT_DESCRIPTION,
                        c->description, VIEW_ROLE_BODY, 0, NULL, VIEW_ROLE_BODY);
}

/* ---- FAQ ---- */

void view_guide_faqs(struct view_doc *d, const struct guide *g)
{
    view_doc_add_text(d, VIEW_ROLE_TITLE, view_guide_section_title(g, VIEW_SECTION_FAQ), 0, NULL,
                      VIEW_ROLE_TITLE);
    view_doc_add_blank(d);
    for (size_t i = 0; i < g->n_faqs; i++) {
        char num[24];
        snprintf(num, sizeof num, " %zu", i + 1);
        view_doc_begin_item(d, g->faqs[i].id);
        view_doc_add_text(d, VIEW_ROLE_BODY, g->faqs[i].question, ITEM_INDENT, num,
                          VIEW_ROLE_NUMBER);
        view_doc_end_item(d);
    }
}

void view_guide_faq(struct view_doc *d, const struct guide *g, size_t faq)
{
    if (faq >= g->n_faqs) {
        return;
    }
    view_doc_add_text(d, VIEW_ROLE_TITLE, g->faqs[faq].question, 0, NULL, VIEW_ROLE_TITLE);
    view_doc_add_blank(d);
    view_doc_add_text(d, VIEW_ROLE_BODY, g->faqs[faq].answer, 0, NULL, VIEW_ROLE_BODY);
}

/* ---- Errors ---- */

void view_guide_error(struct view_doc *d, const char *what, const struct diag *diag)
{
    view_doc_add_text(d, VIEW_ROLE_ERROR, what, 0, NULL, VIEW_ROLE_ERROR);
    view_doc_add_blank(d);
    for (size_t i = 0; diag != NULL && i < diag->n; i++) {
        char buf[1024];
        diag_format(&diag->msgs[i], buf, sizeof buf);
        view_doc_add_text(d, VIEW_ROLE_BODY, buf, 2, "-", VIEW_ROLE_DIM);
    }
    view_doc_add_blank(d);
    line(d, VIEW_ROLE_DIM, "Press Esc to go back, q to quit.");
}
