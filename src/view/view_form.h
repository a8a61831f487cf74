/* SPDX-License-Identifier: MIT */
/* The certification tracker's form as a model: a status cycled through its values and three
 * date fields typed as text, the field with the focus, turning the fields into a
 * progress_cert_info (or a sentence saying why not) and the form laid out as a document.
 * No curses: ui_certform.c feeds it keys and draws it, the unit tests drive it directly. */
#ifndef TRAIL_VIEW_FORM_H
#define TRAIL_VIEW_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "progress.h"
#include "view.h"
#include "view_input.h"

enum view_form_field {
    VIEW_FORM_STATUS = 0,
    VIEW_FORM_EXAM,
    VIEW_FORM_PASSED,
    VIEW_FORM_EXPIRES,
    VIEW_FORM_FIELDS
};

/* The columns of a date field: "YYYY-MM-DD" and the cursor after it. */
#define VIEW_FORM_DATE_COLS 11
/* The column where a field's value starts (after its label). */
#define VIEW_FORM_VALUE_COL 13
#define VIEW_FORM_WHY_SIZE  160 /* room for the sentence saying why the form was refused */

struct view_cert_form {
    enum progress_cert_status status;
    struct view_input dates[3]; /* exam, passed, expires ("" for no date) */
    enum view_form_field focus;
    char why[VIEW_FORM_WHY_SIZE]; /* why the last view_cert_form_collect() failed; "" */
};

/* Fills the form from c (NULL: nothing set), focus on the status. Free with
 * view_cert_form_free(). */
void view_cert_form_init(struct view_cert_form *f, const struct progress_cert_info *c);
void view_cert_form_free(struct view_cert_form *f);

/* Steps the status forward (dir > 0) or back through none, interested, studying, exam booked,
 * passed, wrapping around. */
void view_cert_form_cycle(struct view_cert_form *f, int dir);

/* Moves the focus to the next (dir > 0) or previous field, wrapping around. */
void view_cert_form_move(struct view_cert_form *f, int dir);

/* The date field with the focus, or NULL when the focus is on the status. Borrowed. */
struct view_input *view_cert_form_input(struct view_cert_form *f);

/* Turns the fields into *out: an empty date field is no date; any other text must be a date
 * written YYYY-MM-DD. Then checks the whole entry with progress_cert_validate(today). Returns 0,
 * or -1 with f->why set to a sentence naming the field or the rule. */
int view_cert_form_collect(struct view_cert_form *f, struct progress_date today,
                           struct progress_cert_info *out);

/* Lays the form out into d: a title naming the certification (untrusted), a line per field
 * ("Status      < passed >", "Exam date   [2027-02-10 ]"), then f->why in the error role or a
 * line of key hints. Returns the document line of the field with the focus; *cursor_col (if
 * not NULL) gets the column of the text cursor in a date field, -1 on the status. */
size_t view_cert_form_layout(struct view_doc *d, const struct view_cert_form *f, const char *name,
                             int *cursor_col);

#endif
