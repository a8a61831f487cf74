/* SPDX-License-Identifier: MIT */
/* Searching a guide: folded text, matching, ranking, highlights and context lines.
 *
 * Call order: build an index once per loaded guide with search_index_build() (it folds every
 * searchable field once, so a keystroke never re-folds the guide); parse each query with
 * search_query_new(); run it with search_run() into a caller-owned struct search_results that
 * is reused between keystrokes; for the rows on screen, ask search_field_ranges() for the match
 * ranges of a field and search_highlight_columns() / search_context_window() to draw them.
 *
 * Matching: both sides are folded (case folding for Latin, Greek, Cyrillic; accents removed;
 * "ß" -> "ss"; combining marks U+0300-U+036F dropped; invalid UTF-8 -> U+FFFD; everything else,
 * CJK included, unchanged). Query words separated by spaces must all occur in one entry (any of
 * its fields, any order); a "quoted phrase" must occur as written, its spaces normalised to one.
 * An empty query matches every entry. Entries with a match in a title field (a question, a phase
 * title, a certification name, a key action, a block title) rank above body-only matches; ties
 * keep guide order.
 *
 * All byte offsets handed out (struct search_range) are into the ORIGINAL field text, which the
 * index borrows from the guide: never into folded text. */
#ifndef TRAIL_SEARCH_H
#define TRAIL_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "guide.h"
#include "progress.h"

/* The most bytes search_fold_char() writes for one character. */
#define SEARCH_FOLD_MAX 12

/* What an entry is. Values are bits so that a set of kinds is a mask for search_run(). */
enum search_kind {
    SEARCH_KIND_INTRO = 1u << 0,    /* the guide's intro; index 0 */
    SEARCH_KIND_OVERVIEW = 1u << 1, /* g->overview[index] */
    SEARCH_KIND_PHASE = 1u << 2,    /* g->phases[index] (title and summary) */
    SEARCH_KIND_ACTION = 1u << 3,   /* g->phases[index].actions[sub] */
    SEARCH_KIND_CERT = 1u << 4,     /* g->certs[index] */
    SEARCH_KIND_FAQ = 1u << 5,      /* g->faqs[index] */
    SEARCH_KIND_CTA = 1u << 6,      /* g->cta; index 0 */
    SEARCH_KIND_ALL = 0x7fu,
};

/* Which text of its entry a field is. Title fields come first within an entry. */
enum search_field_role {
    SEARCH_FIELD_INTRO,
    SEARCH_FIELD_OVERVIEW_TITLE,
    SEARCH_FIELD_OVERVIEW_TEXT,
    SEARCH_FIELD_PHASE_TITLE,
    SEARCH_FIELD_PHASE_SUMMARY,
    SEARCH_FIELD_ACTION_TEXT,
    SEARCH_FIELD_CERT_NAME,
    SEARCH_FIELD_CERT_ISSUER,
    SEARCH_FIELD_CERT_DESCRIPTION,
    SEARCH_FIELD_FAQ_QUESTION,
    SEARCH_FIELD_FAQ_ANSWER,
    SEARCH_FIELD_CTA_TITLE,
    SEARCH_FIELD_CTA_TEXT,
    SEARCH_FIELD_CTA_BUTTON,
    SEARCH_FIELD_NOTE, /* the learner's note on a phase, key action or certification */
};

/* Rank classes, best first. */
enum search_rank {
    SEARCH_RANK_TITLE = 0, /* some term occurs in a title field */
    SEARCH_RANK_BODY = 1,  /* terms occur in body fields only (and for the empty query) */
};

/* search_run() flags. */
enum search_flags {
    SEARCH_ORDER_GUIDE = 1u << 0, /* keep guide order instead of ranking title matches first */
};

struct search_index;
struct search_query;

/* One matching entry. */
struct search_result {
    size_t entry;          /* entry number in the index (guide order), for the calls below */
    enum search_kind kind; /* exactly one bit */
    size_t index;          /* into the guide array the kind names; 0 for intro and cta */
    size_t sub;            /* the action within phases[index] for SEARCH_KIND_ACTION; else 0 */
    enum search_rank rank;
};

/* Results of search_run(), owned by the caller: zero-initialise, reuse for every query (no
 * allocation once it is large enough), release with search_results_free(). */
struct search_results {
    struct search_result *v;
    size_t n;       /* results in v, ranked (or in guide order with SEARCH_ORDER_GUIDE) */
    size_t n_title; /* how many of them have SEARCH_RANK_TITLE */
    size_t cap;
    struct search_result *scratch; /* private: used to rank without allocating */
};

/* A byte range of an original field text. */
struct search_range {
    size_t start, len;
};

/* Match ranges of one field, owned by the caller like struct search_results. */
struct search_ranges {
    struct search_range *v;
    size_t n, cap;
};

/* One field of an entry, as stored in the guide (borrowed; never sanitised). */
struct search_field_info {
    enum search_field_role role;
    bool title;       /* a title field: matches here rank the entry first */
    const char *text; /* the guide's string */
    size_t len;       /* strlen(text) */
};

/* A window of a line around a match (see search_context_window()). */
struct search_window {
    size_t start, len; /* byte range of the original text; whole characters only */
    bool cut_before;   /* the line goes on before start: the caller may draw an ellipsis */
    bool cut_after;    /* the line goes on after start + len */
};

/* A highlighted span on screen: columns of the sanitised window, from its first column. */
struct search_span {
    int col, width;
};

/* --- Folding (search_fold.c) --- */

/* Folds the character at s (n > 0 bytes available): writes its folded UTF-8 to out (room for
 * SEARCH_FOLD_MAX bytes), sets *out_len (0 for a dropped combining mark) and returns the bytes
 * of s consumed (>= 1). An invalid byte consumes 1 and folds to U+FFFD. */
size_t search_fold_char(const char *s, size_t n, char *out, size_t *out_len);

/* Folds the len bytes at s. Returns a new NUL-terminated string (caller frees); *out_len (if
 * not NULL) gets its length. Whitespace (TAB, LF, CR, VT, FF, no-break spaces) becomes ' '. */
char *search_fold(const char *s, size_t len, size_t *out_len);

/* --- The index (search_index.c) --- */

/* Folds every searchable text of g into a new index (caller frees with search_index_free()).
 * Borrows g: the guide must outlive the index and not change. Parts of the guide not loaded yet
 * are simply absent: after guide_load_parts() build a new index. */
struct search_index *search_index_build(const struct guide *g);
void search_index_free(struct search_index *idx);

/* search_index_build(), plus the learner's notes in p (may be NULL) on g's phases, key actions
 * and certifications, each a body field (SEARCH_FIELD_NOTE) of its item's entry, after the
 * guide's own fields. The index keeps copies of the notes, so p may change afterwards; build a
 * new index when a note changes (search_notes_stamp() tells). */
struct search_index *search_index_build_notes(const struct guide *g, const struct progress *p);

/* A value that changes whenever a note of g's items in p is set, changed or removed (each
 * change has a new change time), for deciding when to rebuild an index. 0 without notes. */
unsigned long long search_notes_stamp(const struct guide *g, const struct progress *p);

/* The number of entries (searchable items) in the index. */
size_t search_index_count_entries(const struct search_index *idx);

/* The entry for an item, or SIZE_MAX when the index has none (e.g. an empty FAQ answer and
 * question). kind is one SEARCH_KIND_* bit; sub is used for actions only. */
size_t search_index_find_entry(const struct search_index *idx, enum search_kind kind, size_t index,
                               size_t sub);

/* Describes entry number `entry` like a search_result (rank set to SEARCH_RANK_BODY). */
void search_index_get_entry(const struct search_index *idx, size_t entry,
                            struct search_result *out);

/* The id of a result's item (a phase, key action, certification or question; borrowed from
 * g), or NULL for the intro, an overview block and the call to action, which have none. */
const char *search_result_id(const struct guide *g, const struct search_result *r);

/* The number of fields of an entry, and field k of it (k < that number). */
size_t search_entry_count_fields(const struct search_index *idx, size_t entry);
void search_entry_get_field(const struct search_index *idx, size_t entry, size_t k,
                            struct search_field_info *out);

/* --- Queries (search_query.c) --- */

/* Parses and folds a query. Returns a new query (caller frees with search_query_free()); never
 * NULL. An unterminated quote runs to the end of the query. */
struct search_query *search_query_new(const char *text);
void search_query_free(struct search_query *q);

/* The number of terms (words and phrases); 0 means the query matches everything. */
size_t search_query_count_terms(const struct search_query *q);

/* Runs q over the entries whose kind is in the mask `kinds` (SEARCH_KIND_* bits). Fills out
 * (replacing what it held) and returns out->n. Ranked unless flags has SEARCH_ORDER_GUIDE. */
size_t search_run(const struct search_index *idx, const struct search_query *q, unsigned kinds,
                  unsigned flags, struct search_results *out);

/* Stores in out (replacing what it held) every occurrence of every term of q in field k of
 * entry, as byte ranges of the original field text, sorted, overlapping or touching ranges
 * merged; a range always covers whole characters, with the combining marks after them. Returns
 * out->n (0 for the empty query or a field without a match). */
size_t search_field_ranges(const struct search_index *idx, const struct search_query *q,
                           size_t entry, size_t k, struct search_ranges *out);

void search_results_free(struct search_results *r);
void search_ranges_free(struct search_ranges *r);

/* --- Drawing helpers (search_context.c) --- */

/* The window of at most max_cols display columns (max_cols >= 1) of the line of text that holds
 * the byte range [at, at + match_len): the whole line when it fits, else a cut at character
 * boundaries that shows the match start about a third of the way in, moved to a space (and
 * past it) where one lies between a cut and the match, so that no word is cut in half where
 * a whole one can show. Lines end at '\n'.
 * Columns are counted as the text will be drawn, sanitised with text_flags (under TEXT_ASCII
 * a combining mark becomes a '?' of its own). */
void search_context_window(const char *text, size_t len, size_t at, size_t match_len, int max_cols,
                           unsigned text_flags, struct search_window *out);

/* Carries ranges of text (original byte offsets, sorted, as from search_field_ranges()) over
 * to text_sanitize(text, len, text_flags): out[i] (room for n) is the byte range that range i
 * became, e.g. to intersect with the lines text_wrap() made of the sanitised text and measure
 * with text_width(). Offsets past len are clipped to len. */
void search_sanitized_ranges(const char *text, size_t len, unsigned text_flags,
                             const struct search_range *ranges, size_t n, struct search_range *out);

/* For a one-line window [from, from + len) of text (e.g. from search_context_window()), the
 * display columns of text_sanitize(text + from, len, text_flags) that the ranges (byte offsets
 * into text, sorted) cover: writes the spans of the ranges that overlap the window, clipped to
 * it, to out (room for n) and returns how many. Columns count from the window's first column;
 * '\n' counts 0 columns unless text_flags has TEXT_ONE_LINE. */
size_t search_highlight_columns(const char *text, size_t from, size_t len, unsigned text_flags,
                                const struct search_range *ranges, size_t n,
                                struct search_span *out);

/* --- Command line (search_print.c) --- */

/* The section name printed for a kind ("FAQ", "Key action", ...); never NULL. */
const char *search_kind_name(enum search_kind kind);

/* Prints every entry of g matching query, in guide order, one line each, like grep:
 * "<section>: <title>: <matching line>", sanitised to one line of printable text; the notes in
 * p (may be NULL) are searched too ("...: note: <matching line>"). With highlight (stdout is
 * a terminal) the matches are marked with SGR escapes (bold only when NO_COLOR is set).
 * Returns 0 when something matched, 1 when nothing did (the caller maps load and usage errors
 * to 2). text_flags (enum text_flags) chooses UTF-8 or ASCII output. Needs setlocale() for
 * widths. */
int search_print(const struct guide *g, const struct progress *p, const char *query,
                 unsigned text_flags, bool highlight, FILE *out);

#endif
