/* SPDX-License-Identifier: MIT */
/* The certification tracker's form.
 *
 * Invariants: focus is always a field of the form; the date fields hold what was typed,
 * unparsed, so a half-typed date is kept as the learner left it until Enter asks for the
 * result; `why` is set only by a failed view_cert_form_collect() and cleared by the next
 * successful one. The rules are the model's (progress_cert_validate()), and so are the
 * sentences for a date that is not one, so the form, the file reader and the command line
 * agree. */
#include "view_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char *const labels[VIEW_FORM_FIELDS] = {"Status", "Exam date", "Passed on",
                                                     "Expires on"};

/* The date fields, for a sentence saying what is wrong with one. */
static const char *const date_name[3] = {"the exam date", "the passed date", "the expiry date"};

static void set_date(struct view_input *in, struct progress_date d)
{
    char buf[PROGRESS_DATE_SIZE];
    progress_date_format(d, buf, sizeof buf);
    view_input_set(in, buf);
    view_input_select_all(in); /* typing replaces the date shown */
}

void view_cert_form_init(struct view_cert_form *f, const struct progress_cert_info *c)
{
    memset(f, 0, sizeof *f);
    if (c == NULL) {
        return;
    }
    f->status = (unsigned)c->status < PROGRESS_CERT_STATUS_COUNT ? c->status : PROGRESS_CERT_NONE;
    set_date(&f->dates[0], c->exam);
    set_date(&f->dates[1], c->passed);
    set_date(&f->dates[2], c->expires);
}

void view_cert_form_free(struct view_cert_form *f)
{
    for (size_t i = 0; i < 3; i++) {
        view_input_free(&f->dates[i]);
    }
}

void view_cert_form_cycle(struct view_cert_form *f, int dir)
{
    int n = PROGRESS_CERT_STATUS_COUNT;
    f->status = (enum progress_cert_status)(((int)f->status + (dir > 0 ? 1 : n - 1)) % n);
}

void view_cert_form_move(struct view_cert_form *f, int dir)
{
    int n = VIEW_FORM_FIELDS;
    f->focus = (enum view_form_field)(((int)f->focus + (dir > 0 ? 1 : n - 1)) % n);
}

struct view_input *view_cert_form_input(struct view_cert_form *f)
{
    return f->focus == VIEW_FORM_STATUS ? NULL : &f->dates[f->focus - VIEW_FORM_EXAM];
}

int view_cert_form_collect(struct view_cert_form *f, struct progress_date today,
                           struct progress_cert_info *out)
{
    struct progress_cert_info c = {.status = f->status};
    struct progress_date *dates[3] = {&c.exam, &c.passed, &c.expires};
    for (size_t i = 0; i < 3; i++) {
        const char *text = view_input_text(&f->dates[i]);
        if (text[0] != '\0' && progress_date_parse(text, dates[i]) != 0) {
            snprintf(f->why, sizeof f->why, "%s is %s", date_name[i], progress_date_problem(text));
            return -1;
        }
    }
    char *cause = NULL;
    if (progress_cert_validate(&c, today, &cause) != 0) {
        snprintf(f->why, sizeof f->why, "%s", cause);
        free(cause);
        return -1;
    }
    f->why[0] = '\0';
    *out = c;
    return 0;
}

/* A field's line: its label, then the value; returns the column where the value starts. */
static int field_start(struct view_doc *d, enum view_form_field field, bool focus)
{
    view_doc_begin_line(d);
    view_doc_puts(d, focus ? VIEW_ROLE_ACCENT : VIEW_ROLE_DIM, focus ? ">" : " ");
    view_doc_pad_to(d, 2);
    view_doc_puts(d, focus ? VIEW_ROLE_ACCENT : VIEW_ROLE_DIM, labels[field]);
    view_doc_pad_to(d, VIEW_FORM_VALUE_COL);
    return view_doc_line_width(d);
}

/* "[2027-02-10 ]": the visible part of a date field, its text highlighted while focused and
 * selected (typing replaces it); returns the cursor's column. */
static int date_field(struct view_doc *d, const struct view_input *in, bool focus)
{
    size_t from = 0;
    int col = 0;
    char *clean = view_input_visible(in, VIEW_FORM_DATE_COLS, d->text_flags, &from, &col);
    int start = view_doc_line_width(d);
    view_doc_puts(d, VIEW_ROLE_DIM, "[");
    view_doc_puts(d, focus && in->selected ? VIEW_ROLE_SELECTED : VIEW_ROLE_BODY, clean + from);
    view_doc_pad_to(d, start + 1 + VIEW_FORM_DATE_COLS);
    view_doc_puts(d, VIEW_ROLE_DIM, "]");
    free(clean);
    return start + 1 + col;
}

size_t view_cert_form_layout(struct view_doc *d, const struct view_cert_form *f, const char *name,
                             int *cursor_col)
{
    bool ascii = (d->text_flags & TEXT_ASCII) != 0;
    size_t focus_line = 0;
    int cursor = -1;
    view_doc_add_text(d, VIEW_ROLE_TITLE, name, 7, "Track:", VIEW_ROLE_DIM);
    view_doc_add_blank(d);
    for (int i = 0; i < VIEW_FORM_FIELDS; i++) {
        bool focus = f->focus == (enum view_form_field)i;
        field_start(d, (enum view_form_field)i, focus);
        if (focus) {
            focus_line = d->n_lines;
        }
        if (i == VIEW_FORM_STATUS) {
            const char *label = progress_cert_status_label(f->status);
            view_doc_puts(d, VIEW_ROLE_DIM, ascii ? "< " : "‹ ");
            view_doc_puts(d, VIEW_ROLE_ACCENT, label[0] != '\0' ? label : "none");
            view_doc_puts(d, VIEW_ROLE_DIM, ascii ? " >" : " ›");
        } else {
            int col = date_field(d, &f->dates[i - VIEW_FORM_EXAM], focus);
            if (focus) {
                cursor = col;
            }
        }
        view_doc_end_line(d);
    }
    view_doc_add_blank(d);
    if (f->why[0] != '\0') {
        view_doc_add_text(d, VIEW_ROLE_ERROR, f->why, 0, NULL, VIEW_ROLE_ERROR);
    } else {
        /* What Left and Right do where the focus is: change the status, or move in a date. */
        bool on_status = f->focus == VIEW_FORM_STATUS;
        const char *hint =
            ascii ? (on_status ? "Left/Right status, Up/Down field, Enter save, Esc cancel"
                               : "Left/Right cursor, Up/Down field, Enter save, Esc cancel")
                  : (on_status ? "←/→ status · ↑/↓/Tab field · Enter save · Esc cancel"
                               : "←/→ cursor · ↑/↓/Tab field · Enter save · Esc cancel");
        view_doc_add_text(d, VIEW_ROLE_DIM, hint, 0, NULL, VIEW_ROLE_DIM);
    }
    if (cursor_col != NULL) {
        *cursor_col = cursor;
    }
    return focus_line;
}
