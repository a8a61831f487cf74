/* SPDX-License-Identifier: MIT */
/* A laid-out document: the lines a screen shows at a given width, each split into runs that
 * carry a semantic role, plus the selectable items (line ranges keyed by a stable id).
 *
 * Pure C, no curses: the browser draws a view_doc, the unit tests inspect one. Every byte put
 * into a document passes through text_sanitize(), so a document never holds a control
 * character, and no line is wider than the document's width. */
#ifndef TRAIL_VIEW_H
#define TRAIL_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* What a run of text means; the theme maps each role to colours and a monochrome fallback.
 * The last group is used by the browser's chrome rather than by documents. */
enum view_role {
    VIEW_ROLE_BODY = 0,
    VIEW_ROLE_TITLE,     /* the screen's main title */
    VIEW_ROLE_HEADING,   /* a section heading inside a screen */
    VIEW_ROLE_DIM,       /* labels, secondary details */
    VIEW_ROLE_ACCENT,    /* emphasised values: the current level, a call to action */
    VIEW_ROLE_NUMBER,    /* menu numbers, item counters */
    VIEW_ROLE_BAR,       /* the filled part of a chart */
    VIEW_ROLE_BAR_EMPTY, /* the unfilled part of a chart */
    VIEW_ROLE_CHECKBOX,  /* "[ ]" in front of a key action */
    VIEW_ROLE_DONE,      /* "[x]": a key action done ("[ ]" is the checkbox) */
    VIEW_ROLE_STARTED,   /* "[~]": a key action in progress */
    VIEW_ROLE_SKIPPED,   /* "[-]": a key action skipped, and its text */
    VIEW_ROLE_ERROR,
    VIEW_ROLE_MATCH,    /* a search match inside text */
    VIEW_ROLE_SELECTED, /* chrome: the selected item */
    VIEW_ROLE_HEADER,   /* chrome: the top line */
    VIEW_ROLE_FOOTER,   /* chrome: the key hints */
    VIEW_ROLE_KEY,      /* chrome: a key name in the footer or help */
    VIEW_ROLE_STATUS,   /* chrome: a status message */
    VIEW_ROLE_COUNT
};

/* A run starts at byte `start` of its line and ends where the next run starts. */
struct view_run {
    size_t start;
    enum view_role role;
};

struct view_line {
    const char *text; /* sanitised, NUL-terminated, no '\n' */
    size_t len;
    int width; /* display columns; <= the document's width */
    const struct view_run *runs;
    size_t n_runs; /* >= 1 unless len == 0 */
    /* Where the line's text comes from: (block << 32) | byte offset in the block. Increases
     * along the document and does not depend on the width, so a scroll position survives a
     * reflow. */
    uint64_t anchor;
};

/* A selectable item: lines [first, first + count). id is borrowed (from the guide or a
 * literal) and must outlive the document. */
struct view_item {
    const char *id;
    size_t first, count;
};

/* A link shown in a document: columns [col, col + width) of line `line` show url (or a part of
 * it, when it is wrapped), which the browser makes a hyperlink where the terminal can. url is
 * borrowed like an item's id. */
struct view_link {
    size_t line;
    int col, width;
    const char *url;
};

struct view_doc {
    struct arena arena; /* lines and runs */
    struct view_line *lines;
    size_t n_lines, cap_lines;
    struct view_item *items;
    size_t n_items, cap_items;
    struct view_link *links; /* in line order */
    size_t n_links, cap_links;
    int width;           /* columns available to every line, >= 1 */
    unsigned text_flags; /* TEXT_ASCII when the terminal cannot show UTF-8 */
    /* Prose (view_doc_add_text() and the like) makes each http, https or mailto address in it
     * a link: the text of a Markdown plan, whose links are shown as their addresses. */
    bool text_links;
    /* builder state */
    uint32_t block;
    char *cur;
    size_t cur_len, cur_cap;
    int cur_width;
    int cur_hang; /* the column the line's last view_doc_pad_to() in the first half reached */
    struct view_run *cur_runs;
    size_t cur_n_runs, cur_cap_runs;
    bool in_line, in_item;
};

/* Starts an empty document for `width` columns (clamped to >= 1). text_flags: TEXT_ASCII or 0.
 * Free with view_doc_free(). */
void view_doc_init(struct view_doc *d, int width, unsigned text_flags);
void view_doc_free(struct view_doc *d);

/* Line builder: begin a line, put runs, end it. view_doc_put() sanitises s (len bytes, one
 * line) and returns the columns it added. A line wider than the document is wrapped when it
 * ends, at a space, never inside a word (at the last " · " between two facts when that leaves
 * the line half full; the separator goes with the break): its next lines start at the column its
 * last view_doc_pad_to() within the first half of the width reached (a label's value goes on under
 * the value), else at 0, and at 0 too for a word wider than the room under the value; a word
 * wider than the whole line is cut there and what follows it goes. */
void view_doc_begin_line(struct view_doc *d);
int view_doc_put(struct view_doc *d, enum view_role role, const char *s, size_t len);
/* view_doc_put() of a NUL-terminated string. */
int view_doc_puts(struct view_doc *d, enum view_role role, const char *s);
/* view_doc_puts() of untrusted s (one line) in at most max columns: cut with an ellipsis when
 * it is wider, at a word's end when one is in the last half ("basic software…", not
 * "basic software engineering pra…"). */
void view_doc_put_cut(struct view_doc *d, enum view_role role, const char *s, int max);
/* Pads the current line with spaces (VIEW_ROLE_BODY) up to column col (no-op when already
 * there). */
void view_doc_pad_to(struct view_doc *d, int col);
/* Columns used so far by the current line. */
int view_doc_line_width(const struct view_doc *d);
void view_doc_end_line(struct view_doc *d);

/* Adds an empty line. */
void view_doc_add_blank(struct view_doc *d);

/* Adds untrusted prose wrapped to the width: paragraphs separated by "\n\n" stay separated by
 * one empty line. Every line starts at column `indent`; the first one shows `prefix` (may be
 * NULL, drawn in prefix_role) in the indent. Returns the number of lines added. */
size_t view_doc_add_text(struct view_doc *d, enum view_role role, const char *text, int indent,
                         const char *prefix, enum view_role prefix_role);

/* view_doc_add_text(), at most max_lines lines (0: all); when the text needs more, the last
 * line shown ends in an ellipsis. Returns the number of lines added. */
size_t view_doc_add_text_cut(struct view_doc *d, enum view_role role, const char *text, int indent,
                             const char *prefix, enum view_role prefix_role, size_t max_lines);

/* A byte range of sanitised text. */
struct view_span {
    size_t start, len;
};

/* view_doc_add_text(), with byte ranges of text_sanitize(text, strlen(text), d->text_flags)
 * drawn in mark_role instead of role: marks (n of them) sorted, not overlapping. A mark may span
 * a line break; the spaces at a soft break are on neither line. */
size_t view_doc_add_marked_text(struct view_doc *d, enum view_role role, const char *text,
                                int indent, const char *prefix, enum view_role prefix_role,
                                const struct view_span *marks, size_t n, enum view_role mark_role);

/* Adds url as a link: view_doc_add_text() of it, each of its lines a struct view_link. Returns
 * the number of lines added. */
size_t view_doc_add_link(struct view_doc *d, enum view_role role, const char *url, int indent);

/* Items: lines added between begin and end belong to the item with this id. */
void view_doc_begin_item(struct view_doc *d, const char *id);
void view_doc_end_item(struct view_doc *d);

/* The index of the item holding line `line`, or SIZE_MAX. */
size_t view_doc_item_at(const struct view_doc *d, size_t line);
/* The index of the item with this id, or SIZE_MAX. */
size_t view_doc_find_item(const struct view_doc *d, const char *id);

#endif
