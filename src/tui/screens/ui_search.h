/* SPDX-License-Identifier: MIT */
/* Search in the browser: the state shared by the FAQ filter (ui_faq.c) and the whole-guide
 * search (ui_search.c), its results screen and the screen of an overview entry at a match.
 *
 * The index is built once per loaded guide: on first use, and again only after
 * guide_load_parts() loaded more or a note changed (ui_search_index() compares the guide's
 * loaded parts and the notes' stamp). It holds the learner's notes, so `/` finds them. A
 * keystroke in the prompt only parses and runs the query. */
#ifndef TRAIL_UI_SEARCH_H
#define TRAIL_UI_SEARCH_H

#include <stdbool.h>

#include "search.h"
#include "ui_prompt.h"
#include "ui_stack.h"
#include "view_marks.h"

/* One search: the kept query and its results, plus what Esc in the prompt restores. */
struct ui_search_query {
    char *text;             /* the query; NULL: no search (an unfiltered list) */
    struct search_query *q; /* text parsed; NULL when text is */
    struct search_results res;
    unsigned kinds;   /* SEARCH_KIND_* searched */
    char *saved_text; /* the query before the prompt opened (NULL: none) */
    struct view_pos saved_pos;
    bool pushed; /* the prompt pushed its screen: Esc pops it */
};

struct ui_search {
    struct search_index *idx;
    unsigned idx_loaded;          /* the guide's loaded parts when idx was built */
    unsigned long long idx_notes; /* search_notes_stamp() when idx was built */
    struct ui_search_query faq;   /* the FAQ list's filter */
    struct ui_search_query all;   /* the whole-guide search */
    struct ui_prompt prompt;      /* shared: one prompt is open at a time */
    bool partial;                 /* a part of the guide failed to load: not searched */
};

/* The search state, created on first use; kept for the open guide (ui_data()). */
struct ui_search *ui_search_state(struct ui *ui);
/* The search state, or NULL when nothing was searched in this guide yet. */
struct ui_search *ui_search_peek(const struct ui *ui);

/* The index of the guide as loaded now, (re)built when needed; active queries are run again
 * after a rebuild. Borrowed: valid until the guide loads more parts. */
const struct search_index *ui_search_index(struct ui *ui);

/* Sets sq's query to a copy of text (NULL: no search) and runs it over `kinds`. */
void ui_search_set(struct ui *ui, struct ui_search_query *sq, const char *text, unsigned kinds);

/* True when sq filters by at least one term. */
bool ui_search_has_terms(const struct ui_search_query *sq);

/* Remembers sq's query and s's position for a later ui_search_restore(). */
void ui_search_save(struct ui_search_query *sq, const struct ui_screen *s);
/* Puts back the query and position saved, laying s out again. */
void ui_search_restore(struct ui *ui, struct ui_search_query *sq, struct ui_screen *s);

/* Lays s out again after its content changed: the selected item stays selected when it is
 * still there, else the first item is. */
void ui_search_relayout(struct ui *ui, struct ui_screen *s);

/* Scrolls text screen s to its first match at or after line `from` and makes it the current
 * match; no-op without one. */
void ui_search_show_match(struct ui *ui, struct ui_screen *s, size_t from);

/* The line where the body of a text screen starts: after its first empty line (0 if none). */
size_t ui_search_body_line(const struct view_doc *d);

/* `/` on a screen without its own search: loads every part of the guide (after a notice the
 * loop paints), opens (or returns to) the results screen and opens the prompt. */
enum ui_result ui_search_start(struct ui *ui, int arg);

/* The search whose matches screen s shows: the one of the screen it was opened from (the
 * results, the filtered FAQ), or NULL. Borrowed. */
const struct search_query *ui_search_matches_below(const struct ui *ui, const struct ui_screen *s);

/* The marks for s's layout: the matches of ui_search_matches_below(s) in the search index, in
 * *m; returns m, or NULL when s shows no search. */
const struct view_marks *ui_search_marks(struct ui *ui, const struct ui_screen *s,
                                         struct view_marks *m);

/* n / N, as in less. On a list of matches (the results, the filtered FAQ), the next / previous
 * item. On a screen that shows matches, the next / previous line with one (selecting its item
 * on a checklist); past the last (or first) one, when the screen was opened from a list of
 * matches, the next (previous) entry of that list opened at its first (last) match. Wrapping
 * at the ends says "search wrapped". */
enum ui_result ui_search_step(struct ui *ui, struct ui_screen *s, bool forward);
/* n and N on the top screen. */
enum ui_result ui_search_next(struct ui *ui, int arg);
enum ui_result ui_search_prev(struct ui *ui, int arg);

#endif
