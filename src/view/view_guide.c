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

#include "text.h"
#include "xalloc.h"
#include "view_chart.h"
#include "view_marks.h"
#include "view_plan.h"
#include "view_progress.h"

#define LABEL_COLS   16 /* the column where a stat's value starts */
#define CHART_INDENT 2
#define ITEM_INDENT  4

static const char *const section_ids[VIEW_SECTION_COUNT] = {"overview", "path", "certs", "faq"};

static const char *sep(const struct view_doc *d)
{
    return (d->text_flags & TEXT_ASCII) ? " - " : " · ";
}

static const char *ellipsis(const struct view_doc *d)
{
    return (d->text_flags & TEXT_ASCII) ? "..." : "…";
}

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

/* "Label           value", the value wrapped under itself; on a narrow screen the label gets
 * its own line. */
static void labelled(struct view_doc *d, const char *label, const char *value)
{
    size_t clean_len;
    char *clean = text_sanitize(label, strlen(label), TEXT_ONE_LINE | d->text_flags, &clean_len);
    int w = text_width(clean, clean_len);
    free(clean);
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

static void home_title(struct view_doc *d, const struct guide *g, const struct progress *p,
                       struct progress_date today)
{
    (void)today;
    (void)p;
    view_doc_add_text(d, VIEW_ROLE_TITLE, g->title, 0, NULL, VIEW_ROLE_TITLE);
    if (g->intro != NULL) {
        view_doc_add_blank(d);
        view_doc_add_text(d, VIEW_ROLE_BODY, g->intro, 0, NULL, VIEW_ROLE_BODY);
    }
}

static void home_stats(struct view_doc *d, const struct guide *g, const struct progress *p,
                       struct progress_date today)
{
    (void)today;
    (void)p;
    const struct guide_stat *st[] = {&g->stats.salary, &g->stats.growth, &g->stats.time,
                                     &g->stats.difficulty};
    if (!has_stats(g)) {
        return;
    }
    view_doc_add_blank(d);
    for (size_t i = 0; i < sizeof st / sizeof st[0]; i++) {
        if (st[i]->present) {
            labelled(d, st[i]->label != NULL ? st[i]->label : "", st[i]->text);
        }
    }
}

static void menu_entry(struct view_doc *d, const struct guide *g, size_t n, enum view_section s)
{
    char num[24];
    snprintf(num, sizeof num, "%zu", n);
    view_doc_begin_item(d, section_ids[s]);
    view_doc_begin_line(d);
    view_doc_pad_to(d, 1);
    view_doc_puts(d, VIEW_ROLE_NUMBER, num);
    view_doc_pad_to(d, ITEM_INDENT);
    view_doc_puts(d, VIEW_ROLE_HEADING, view_guide_section_title(g, s));
    if (s == VIEW_SECTION_PATH && path_pending(g)) {
        char what[64];
        snprintf(what, sizeof what, "%s%s", sep(d), ellipsis(d));
        view_doc_puts(d, VIEW_ROLE_DIM, what);
    } else if (s == VIEW_SECTION_PATH && g->n_phases > 0) {
        char what[64];
        snprintf(what, sizeof what, "%s%zu phase%s", sep(d), g->n_phases,
                 g->n_phases == 1 ? "" : "s");
        view_doc_puts(d, VIEW_ROLE_DIM, what);
    }
    view_doc_end_line(d);
    view_doc_end_item(d);
}

static void home_menu(struct view_doc *d, const struct guide *g, const struct progress *p,
                      struct progress_date today)
{
    (void)today;
    (void)p;
    enum view_section secs[VIEW_SECTION_COUNT];
    size_t n = view_guide_sections(g, secs);
    if (n == 0) {
        return;
    }
    view_doc_add_blank(d);
    line(d, VIEW_ROLE_DIM, "Sections");
    for (size_t i = 0; i < n; i++) {
        menu_entry(d, g, i + 1, secs[i]);
    }
}

static void home_cta(struct view_doc *d, const struct guide *g, const struct progress *p,
                     struct progress_date today)
{
    (void)today;
    (void)p;
    if (g->cta == NULL) {
        return;
    }
    view_doc_add_blank(d);
    view_doc_add_text(d, VIEW_ROLE_HEADING, g->cta->title, 0, NULL, VIEW_ROLE_HEADING);
    view_doc_add_text(d, VIEW_ROLE_BODY, g->cta->text, 0, NULL, VIEW_ROLE_BODY);
    /* The button's words close the text: nothing here opens, so nothing looks like a link. */
    if (g->cta->button != NULL) {
        view_doc_add_text(d, VIEW_ROLE_HEADING, g->cta->button, 0, NULL, VIEW_ROLE_HEADING);
    }
}

/* "Progress        ████░░░░  12/25 · 48%", the counts under the bar, and the current phase;
 * on a narrow screen each label gets its own line. */
static void home_progress(struct view_doc *d, const struct guide *g, const struct progress *p,
                          struct progress_date today)
{
    (void)today;
    if (path_pending(g)) {
        view_doc_add_blank(d);
        labelled(d, "Progress", ellipsis(d));
        return;
    }
    if (p == NULL || guide_count_actions(g) == 0) {
        return;
    }
    struct progress_counts c;
    progress_count_guide(p, g, &c);
    bool side = LABEL_COLS <= d->width / 2;
    int indent = side ? LABEL_COLS : CHART_INDENT;
    char counts[160], cur[512];
    view_doc_add_blank(d);
    if (!side) {
        line(d, VIEW_ROLE_DIM, "Progress");
    }
    view_doc_begin_line(d);
    if (side) {
        view_doc_puts(d, VIEW_ROLE_DIM, "Progress");
    }
    view_doc_pad_to(d, indent);
    view_progress_put_bar(d, &c);
    view_doc_end_line(d);
    view_progress_counts_text(&c, (d->text_flags & TEXT_ASCII) != 0, counts, sizeof counts);
    view_doc_add_text(d, VIEW_ROLE_DIM, counts, indent, NULL, VIEW_ROLE_DIM);
    size_t phase = progress_current_phase(p, g);
    if (phase < g->n_phases) {
        snprintf(cur, sizeof cur, "%zu. %s", phase + 1, g->phases[phase].title);
    } else {
        snprintf(cur, sizeof cur, "none: every key action is done or skipped");
    }
    labelled(d, "Current phase", cur);
}

static void home_plan(struct view_doc *d, const struct guide *g, const struct progress *p,
                      struct progress_date today)
{
    view_plan_home(d, g, p, today, LABEL_COLS);
}

typedef void (*home_block_fn)(struct view_doc *d, const struct guide *g, const struct progress *p,
                              struct progress_date today);

/* Home, top to bottom. Overall progress and the plan go between the stats and the menu. */
static const home_block_fn home_blocks[] = {home_title, home_stats, home_progress,
                                            home_plan,  home_menu,  home_cta};

void view_guide_home_at(struct view_doc *d, const struct guide *g, const struct progress *p,
                        struct progress_date today)
{
    for (size_t i = 0; i < sizeof home_blocks / sizeof home_blocks[0]; i++) {
        home_blocks[i](d, g, p, today);
    }
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
    for (size_t i = 0; i < g->n_overview; i++) {
        if (i > 0) {
            view_doc_add_blank(d);
        }
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
    if (pr != NULL && progress_get_note(pr, g->id, p->id) != NULL) {
        size_t len = strlen(title);
        snprintf(title + len, sizeof title - len, " %s", view_plan_note_marker(d->text_flags));
    }
    view_doc_add_text(d, VIEW_ROLE_HEADING, title, ITEM_INDENT, num, VIEW_ROLE_NUMBER);
    snprintf(what, sizeof what, "%s%s%zu key action%s", p->duration ? p->duration : "",
             p->duration ? sep(d) : "", p->n_actions, p->n_actions == 1 ? "" : "s");
    view_doc_add_text(d, VIEW_ROLE_DIM, what, ITEM_INDENT, NULL, VIEW_ROLE_DIM);
    if (pr != NULL && p->n_actions > 0) {
        struct progress_counts c;
        progress_count_phase(pr, g, phase, &c);
        view_progress_add_bar_line(d, &c, ITEM_INDENT);
    }
    view_doc_add_text(d, VIEW_ROLE_BODY, p->summary, ITEM_INDENT, NULL, VIEW_ROLE_BODY);
    view_doc_end_item(d);
}

void view_guide_path(struct view_doc *d, const struct guide *g, const struct progress *p)
{
    view_doc_add_text(d, VIEW_ROLE_TITLE, view_guide_section_title(g, VIEW_SECTION_PATH), 0, NULL,
                      VIEW_ROLE_TITLE);
    for (size_t i = 0; i < g->n_phases; i++) {
        view_doc_add_blank(d);
        phase_entry(d, g, p, i);
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

/* Key action `action` of phase `phase` with its mark; a skipped one's text recedes with its
 * mark. */
static void action_entry(struct view_doc *d, const struct guide *g, size_t phase, size_t action,
                         const struct progress *pr, const struct view_marks *m)
{
    const struct guide_action *a = &g->phases[phase].actions[action];
    enum progress_state st = pr != NULL ? progress_get_state(pr, g->id, a->id) : PROGRESS_TODO;
    view_doc_begin_item(d, a->id);
    view_marks_add_text(d, m, SEARCH_KIND_ACTION, phase, action, SEARCH_FIELD_ACTION_TEXT, a->text,
                        st == PROGRESS_SKIPPED ? VIEW_ROLE_SKIPPED : VIEW_ROLE_BODY, ITEM_INDENT,
                        view_progress_mark(st), view_progress_mark_role(st));
    if (pr != NULL) {
        view_plan_add_note(d, progress_get_note(pr, g->id, a->id), ITEM_INDENT);
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
    snprintf(what, sizeof what, "%s%s%s", m, m[0] && p->duration ? sep(d) : "",
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
        char *name = pr != NULL && progress_get_note(pr, g->id, c->id) != NULL
                         ? xasprintf("%s %s", c->name, view_plan_note_marker(d->text_flags))
                         : xstrdup(c->name);
        view_doc_add_blank(d);
        view_doc_begin_item(d, c->id);
        view_doc_add_text(d, VIEW_ROLE_HEADING, name, 1, NULL, VIEW_ROLE_HEADING);
        view_doc_add_text(d, VIEW_ROLE_DIM, c->issuer, 3, NULL, VIEW_ROLE_DIM);
        cert_status(d, g, c, pr, 3);
        view_doc_end_item(d);
        free(name);
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
