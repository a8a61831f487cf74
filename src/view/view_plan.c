/* SPDX-License-Identifier: MIT */
/* The learning companion's document pieces.
 *
 * A note is untrusted text of any length: under its item it is sanitised once, wrapped to the
 * room left after its indent and cut to VIEW_PLAN_NOTE_LINES lines, so a long note never pushes
 * its neighbours off the screen; view_plan_note() lays out all of it. The "What's left" items
 * borrow the guide's action ids, like the checklist's, so the selection survives a reflow and a
 * tick. Nothing here computes progress: counts, the next action, pace and the certification summary
 * all come from progress_plan.c. */
#include "view_plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_evidence.h"
#include "progress_plan.h"
#include "progress_schedule.h"
#include "text.h"
#include "view_progress.h"
#include "xalloc.h"

#define ITEM_INDENT 4

const char *view_plan_note_marker(unsigned text_flags)
{
    return (text_flags & TEXT_ASCII) ? "*" : "✎";
}

const char *view_plan_mine_marker(unsigned text_flags)
{
    return (text_flags & TEXT_ASCII) ? "(mine)" : "· mine";
}

size_t view_plan_add_note(struct view_doc *d, const char *note, int indent)
{
    if (note == NULL || note[0] == '\0') {
        return 0;
    }
    /* The marker in the indent, the text two columns after it. */
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%*s%s", indent < 32 ? indent : 32, "",
             view_plan_note_marker(d->text_flags));
    return view_doc_add_text_cut(d, VIEW_ROLE_DIM, note, indent + 2, prefix, VIEW_ROLE_ACCENT,
                                 VIEW_PLAN_NOTE_LINES);
}

void view_plan_note(struct view_doc *d, const char *name, const char *note)
{
    view_doc_add_text(d, VIEW_ROLE_TITLE, name, 0, NULL, VIEW_ROLE_TITLE);
    if (note == NULL || note[0] == '\0') {
        view_doc_add_text(d, VIEW_ROLE_DIM, "No note on it yet: e writes one.", 0, NULL,
                          VIEW_ROLE_DIM);
        return;
    }
    char who[64];
    snprintf(who, sizeof who, "%s Your note (e edits it)", view_plan_note_marker(d->text_flags));
    view_doc_add_text(d, VIEW_ROLE_ACCENT, who, 0, NULL, VIEW_ROLE_ACCENT);
    view_doc_add_blank(d);
    view_doc_add_text(d, VIEW_ROLE_BODY, note, 0, NULL, VIEW_ROLE_BODY);
}

/* Appends part to buf (which holds len bytes), with the separator when buf is not empty. */
static void append(char *buf, size_t size, const char *sep, const char *part)
{
    size_t len = strlen(buf);
    if (len + 1 >= size) {
        return;
    }
    snprintf(buf + len, size - len, "%s%s", len > 0 ? sep : "", part);
}

char *view_plan_cert_text(const struct progress_cert_info *c, bool ascii, char *buf, size_t size)
{
    const char *sep = text_sep(ascii ? TEXT_ASCII : 0);
    char part[64], date[PROGRESS_DATE_SIZE];
    if (size == 0) {
        return buf;
    }
    buf[0] = '\0';
    /* "passed on DATE" says the status already. */
    bool said = c->status == PROGRESS_CERT_PASSED && progress_date_is_set(c->passed);
    if (c->status != PROGRESS_CERT_NONE && !said) {
        append(buf, size, sep, progress_cert_status_label(c->status));
    }
    const struct {
        struct progress_date d;
        const char *words;
    } dates[] = {{c->exam, "exam on"}, {c->passed, "passed on"}, {c->expires, "expires on"}};
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        if (progress_date_is_set(dates[i].d)) {
            progress_date_format(dates[i].d, date, sizeof date);
            snprintf(part, sizeof part, "%s %s", dates[i].words, date);
            append(buf, size, sep, part);
        }
    }
    return buf;
}

/* "Label           value" with the value wrapped under itself from column label_cols; on a
 * narrow screen the label gets its own line (Home's stats do the same). */
static void label_line(struct view_doc *d, const char *label, const char *text, enum view_role role,
                       int label_cols)
{
    size_t len = 0;
    char *clean = text_sanitize(label, strlen(label), TEXT_ONE_LINE | d->text_flags, &len);
    int w = text_width(clean, len);
    free(clean);
    if (w + 1 <= label_cols && label_cols <= d->width / 2) {
        view_doc_add_text(d, role, text, label_cols, label, VIEW_ROLE_DIM);
    } else {
        view_doc_add_text(d, VIEW_ROLE_DIM, label, 0, NULL, VIEW_ROLE_DIM);
        view_doc_add_text(d, role, text, 2, NULL, role);
    }
}

const char view_plan_next_id[] = "next";

void view_plan_home(struct view_doc *d, const struct guide *g, const struct progress *p,
                    const struct progress_schedule *plan, struct progress_date today,
                    int label_cols)
{
    if (p == NULL || plan == NULL) {
        return;
    }
    unsigned flags = d->text_flags;
    size_t phase, action;
    if (progress_suggest_next(p, g, &phase, &action)) {
        view_doc_begin_item(d, view_plan_next_id);
        label_line(d, "Next", g->phases[phase].actions[action].text, VIEW_ROLE_ACCENT, label_cols);
        view_doc_end_item(d);
    }
    char *pace = progress_pace_line(plan, p, g, today, flags);
    if (pace != NULL) {
        label_line(d, "Pace", pace, VIEW_ROLE_BODY, label_cols);
        free(pace);
    }
    if (g->loaded & GUIDE_PART_CERTS) {
        struct progress_cert_counts cc;
        progress_count_certs(p, g, today, &cc);
        char *certs = progress_certs_text(&cc, flags);
        if (certs != NULL) {
            label_line(d, "Certifications", certs, VIEW_ROLE_BODY, label_cols);
            free(certs);
        }
    }
}

/* "1. Foundation Building (Months 1-3)". */
static void left_heading(struct view_doc *d, const struct guide_phase *ph, size_t phase)
{
    char head[512];
    if (ph->start_month > 0 && ph->end_month > ph->start_month) {
        snprintf(head, sizeof head, "%zu. %s (Months %d-%d)", phase + 1, ph->title, ph->start_month,
                 ph->end_month);
    } else {
        snprintf(head, sizeof head, "%zu. %s", phase + 1, ph->title);
    }
    view_doc_add_blank(d);
    view_doc_add_text(d, VIEW_ROLE_HEADING, head, 0, NULL, VIEW_ROLE_HEADING);
}

static void left_item(struct view_doc *d, const struct guide *g, const struct progress *p,
                      const struct progress_left_item *it)
{
    const struct guide_action *a = &g->phases[it->phase].actions[it->action];
    /* The learner's own action says so, as on its checklist; its note shows under it. */
    char *text =
        a->personal ? xasprintf("%s %s", a->text, view_plan_mine_marker(d->text_flags)) : NULL;
    view_doc_begin_item(d, a->id);
    view_doc_add_text(d, VIEW_ROLE_BODY, text != NULL ? text : a->text, ITEM_INDENT,
                      view_progress_mark(it->state), view_progress_mark_role(it->state));
    if (p != NULL) {
        view_plan_add_note(d, progress_get_note(p, g->id, a->id), ITEM_INDENT);
    }
    view_doc_end_item(d);
    free(text);
}

/* The done key actions still without the evidence their guide expects (progress_evidence.h). */
static void left_missing_evidence(struct view_doc *d, const struct guide *g,
                                  const struct progress *p)
{
    bool any = false;
    for (size_t i = 0; p != NULL && i < g->n_phases; i++) {
        for (size_t k = 0; k < g->phases[i].n_actions; k++) {
            const struct guide_action *a = &g->phases[i].actions[k];
            if (!progress_evidence_missing(p, g->id, a)) {
                continue;
            }
            if (!any) {
                view_doc_add_blank(d);
                view_doc_add_text(d, VIEW_ROLE_HEADING, "Done, evidence still expected", 0, NULL,
                                  VIEW_ROLE_HEADING);
                any = true;
            }
            char words[96], *text;
            progress_evidence_expected_words(a->evidence, words, sizeof words);
            text = xasprintf("%s (attach %s with v)", a->text, words);
            view_doc_begin_item(d, a->id);
            view_doc_add_text(d, VIEW_ROLE_BODY, text, ITEM_INDENT,
                              view_progress_mark(PROGRESS_DONE),
                              view_progress_mark_role(PROGRESS_DONE));
            view_doc_end_item(d);
            free(text);
        }
    }
}

void view_plan_left(struct view_doc *d, const struct guide *g, const struct progress *p)
{
    view_doc_add_text(d, VIEW_ROLE_TITLE, "What's left", 0, NULL, VIEW_ROLE_TITLE);
    struct progress_left_item *left = NULL;
    size_t n = 0;
    if (p != NULL) {
        n = progress_list_left(p, g, &left);
    } else {
        n = guide_count_actions(g);
        left = xcalloc(n > 0 ? n : 1, sizeof *left);
        for (size_t i = 0, k = 0; i < g->n_phases; i++) {
            for (size_t a = 0; a < g->phases[i].n_actions; a++) {
                left[k++] = (struct progress_left_item){i, a, PROGRESS_TODO};
            }
        }
    }
    char count[96];
    if (n == 0) {
        snprintf(count, sizeof count, "Nothing is left: every key action is done or skipped.");
    } else {
        snprintf(count, sizeof count, "%zu key action%s to do or in progress", n,
                 n == 1 ? "" : "s");
    }
    view_doc_add_text(d, VIEW_ROLE_DIM, count, 0, NULL, VIEW_ROLE_DIM);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || left[i].phase != left[i - 1].phase) {
            left_heading(d, &g->phases[left[i].phase], left[i].phase);
        }
        left_item(d, g, p, &left[i]);
    }
    free(left);
    left_missing_evidence(d, g, p);
}
