/* SPDX-License-Identifier: MIT */
/* The learner's progress: a state per key action, per guide, as held in memory and in the
 * progress dotfile (see progress_store.h for the file itself).
 *
 * A struct progress is a whole dotfile: every guide's entries, not only the open guide's, and
 * entries for items the guide no longer has (they are kept, never dropped). Each item carries
 * the time of its last change in milliseconds since the epoch (UTC); two copies of the data are
 * merged item by item, the later change winning. A guide's `reset` time is a tombstone: every
 * entry changed at or before it is void, so a concurrent instance's merge cannot resurrect
 * cleared items. Keys this version does not know (top level, per guide, per item) are kept as
 * opaque YAML subtrees and written back unchanged, so later versions can add keys.
 *
 * The learning companion keeps more per guide, merged the same way (progress_notes.c): a note
 * per item (key action, phase or certification id), a status and dates per certification, the
 * pace start date and the browser's resume position. Each entry has its own change time; a
 * removal (an emptied note, a cleared status or start date) is kept as an entry without a value,
 * a tombstone, so a merge cannot bring the old value back. A reset voids these entries too.
 * Older trails keep these keys as unknown ones, so the format stays version 1.
 *
 * Dotfile format, version 1:
 *     version: 1
 *     guides:
 *       ml-engineer:
 *         reset: 2026-11-20T10:00:00.000Z
 *         items:
 *           foundation/python-numpy-pandas:
 *             state: done
 *             changed: 2026-11-26T06:30:12.345Z
 *         notes:
 *           foundation/core-math:
 *             text: |-
 *               Khan Academy first,
 *               then 3Blue1Brown.
 *             changed: 2026-11-26T06:31:00.000Z
 *           foundation/git-software-engineering:   # a removed note: no text
 *             changed: 2026-11-27T08:00:00.000Z
 *         certifications:
 *           aws-ml-specialty:
 *             status: exam-booked       # none, interested, studying, exam-booked, passed
 *             exam: 2027-02-10          # optional: exam, passed, expires (YYYY-MM-DD)
 *             changed: 2026-11-26T07:00:00.000Z
 *         start:
 *           date: 2026-12-01            # no date: the start was cleared
 *           changed: 2026-11-26T07:01:00.000Z
 *         resume:
 *           screen: path
 *           item: foundation/core-math
 *           scroll: 4
 *           changed: 2026-11-26T07:02:00.000Z */
#ifndef TRAIL_PROGRESS_H
#define TRAIL_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "guide.h"
#include "progress_date.h"
#include "ydoc.h"

#define PROGRESS_FORMAT_VERSION 1
#define PROGRESS_UNDO_MAX       100             /* levels of undo kept */
#define PROGRESS_NOTE_MAX       YDOC_MAX_SCALAR /* bytes in a note: what the reader accepts */
#define PROGRESS_RESUME_MAX     256             /* bytes in a resume screen or item string */
#define PROGRESS_SCROLL_MAX     1000000000L
/* The learner's own actions' ids start with it (progress_personal.h). */
#define PROGRESS_PERSONAL_PREFIX "mine/"

enum progress_state {
    PROGRESS_TODO = 0,
    PROGRESS_IN_PROGRESS,
    PROGRESS_DONE,
    PROGRESS_SKIPPED,
};
#define PROGRESS_STATE_COUNT 4

/* What a setter did. PROGRESS_CHANGED: the document changed (its generation moved on, so the
 * store saves it); PROGRESS_SAME: the entry already had that value, nothing changed;
 * PROGRESS_INVALID: the input was refused, nothing changed. */
enum progress_change {
    PROGRESS_INVALID = -1,
    PROGRESS_SAME = 0,
    PROGRESS_CHANGED = 1,
};

/* The document (a whole dotfile) and one guide's entry in it: opaque, read through the
 * functions below, changed only through the setters. */
struct progress;
struct progress_guide;

/* A saved key-action state. Records handed out by the accessors are borrowed and valid until
 * the next change of the document. */
struct progress_item {
    char *id;
    enum progress_state state;
    int64_t changed; /* ms since the epoch, UTC */
};

/* A learner's note on an item. text NULL: the note was removed (a tombstone). */
struct progress_note {
    char *id;
    char *text; /* valid UTF-8, no NUL, no trailing white space, 1..PROGRESS_NOTE_MAX bytes */
    int64_t changed;
};

enum progress_cert_status {
    PROGRESS_CERT_NONE = 0,
    PROGRESS_CERT_INTERESTED,
    PROGRESS_CERT_STUDYING,
    PROGRESS_CERT_EXAM_BOOKED,
    PROGRESS_CERT_PASSED,
};
#define PROGRESS_CERT_STATUS_COUNT 5

/* What the learner says about one certification. Dates are optional (year 0: not given). */
struct progress_cert_info {
    enum progress_cert_status status;
    struct progress_date exam, passed, expires;
};

/* A certification entry. info.status NONE without dates is a cleared entry (a tombstone). */
struct progress_cert {
    char *id;
    struct progress_cert_info info;
    int64_t changed;
};

/* The pace start date. changed 0: never set; date not set: cleared. */
struct progress_start {
    struct progress_date date;
    int64_t changed;
};

/* The learner's study hours per week for a guide's plan. changed 0: never set; hours 0:
 * cleared. */
struct progress_hours {
    unsigned hours;
    int64_t changed;
};

#define PROGRESS_HOURS_MIN 1
#define PROGRESS_HOURS_MAX 100

/* Where the browser was. changed 0: never saved. The strings are the UI's own (opaque here). */
struct progress_resume {
    char *screen; /* NULL when never saved */
    char *item;   /* NULL when no item was selected */
    long scroll;
    int64_t changed;
};

/* Counts over a set of key actions. Skipped actions leave the denominator:
 * percent = done / (total - skipped). */
struct progress_counts {
    size_t total, done, in_progress, skipped, todo;
};

/* How a parse went. DAMAGED: the file was not a valid version-1 dotfile; what could be read is
 * kept. NEWER: the file declares a version above PROGRESS_FORMAT_VERSION; what could be
 * understood is kept, and the file must never be overwritten. */
enum progress_parse_status {
    PROGRESS_PARSE_OK = 0,
    PROGRESS_PARSE_DAMAGED,
    PROGRESS_PARSE_NEWER,
};

/* --- The document ------------------------------------------------------------------------ */

/* Returns a new empty document; caller frees with progress_free(). */
struct progress *progress_new(void);
void progress_free(struct progress *p);

/* A number that moves on with every change of the document (setters, undo, reset, a merge
 * that took something): the store saves when it differs from the one it saved. */
unsigned long progress_generation(const struct progress *p);

/* The guide entries, in file order: their number, and entry i (borrowed, valid until the next
 * change). */
size_t progress_count_guides(const struct progress *p);
const struct progress_guide *progress_guide_at(const struct progress *p, size_t i);

/* The entry of guide_id, or NULL. Borrowed; valid until the next change. */
const struct progress_guide *progress_find_guide(const struct progress *p, const char *guide_id);

/* A guide entry's id, and its reset time (0 when never reset). pg must not be NULL. */
const char *progress_guide_id(const struct progress_guide *pg);
int64_t progress_guide_reset(const struct progress_guide *pg);

/* A guide entry's saved states, notes and certifications (tombstones included), each in
 * file order: their number, and entry i. pg may be NULL (no entries). Borrowed. */
size_t progress_guide_count_items(const struct progress_guide *pg);
const struct progress_item *progress_guide_item(const struct progress_guide *pg, size_t i);
size_t progress_guide_count_note_entries(const struct progress_guide *pg);
const struct progress_note *progress_guide_note(const struct progress_guide *pg, size_t i);
size_t progress_guide_count_cert_entries(const struct progress_guide *pg);
const struct progress_cert *progress_guide_cert(const struct progress_guide *pg, size_t i);
/* The start date entry (changed 0 when never set); pg may be NULL. */
struct progress_start progress_guide_start(const struct progress_guide *pg);
/* The hours per week entry (changed 0 when never set, hours 0 when cleared); pg may be NULL. */
struct progress_hours progress_guide_hours(const struct progress_guide *pg);

/* The entry of item_id in guide entry pg (pg may be NULL), or NULL. Borrowed; valid until the
 * next change. */
const struct progress_item *progress_find_item(const struct progress_guide *pg,
                                               const char *item_id);

/* The state of an item; PROGRESS_TODO when there is no entry. */
enum progress_state progress_get_state(const struct progress *p, const char *guide_id,
                                       const char *item_id);

/* Sets an item's state as a change made at now_ms and records the previous state for undo.
 * The change time is kept strictly increasing per item (and after the guide's reset), so a
 * change always supersedes the one before it even within one millisecond. Returns
 * PROGRESS_INVALID when an id is empty or not valid UTF-8, PROGRESS_SAME when the item already
 * has that state, else PROGRESS_CHANGED. */
enum progress_change progress_set_state(struct progress *p, const char *guide_id,
                                        const char *item_id, enum progress_state state,
                                        int64_t now_ms);

/* What progress_undo_change() undid: a key action's state, a note (of a key action, phase or
 * certification), a certification entry, the start date, or a time log (progress_journal.h). id is
 * the item, note or certification id (borrowed, valid until the next change); NULL for the start
 * date. */
enum progress_undone_kind {
    PROGRESS_UNDONE_STATE,
    PROGRESS_UNDONE_NOTE,
    PROGRESS_UNDONE_CERT,
    PROGRESS_UNDONE_START,
    PROGRESS_UNDONE_LOG,
    PROGRESS_UNDONE_PERSONAL, /* a personal action added, edited or removed (progress_personal.h) */
    PROGRESS_UNDONE_EVIDENCE, /* a piece of evidence attached, changed or removed */
    PROGRESS_UNDONE_HOURS,    /* the hours per week */
};
struct progress_undone {
    enum progress_undone_kind kind;
    const char *id;
    unsigned minutes;   /* LOG: the time log taken back */
    const char *target; /* EVIDENCE: the piece's target (borrowed); else NULL */
};

/* Undoes guide_id's last change still in the undo history (up to PROGRESS_UNDO_MAX levels,
 * shared by all guides; changes to other guides stay undoable in theirs): every change made
 * through a setter below (an item's state, a note, a certification entry, the start date; not
 * the resume position, which is no change of the learner's) puts back the value it replaced,
 * as a new change at now_ms. Returns true and fills *out (if not NULL); false when there is
 * nothing to undo in that guide. */
bool progress_undo_change(struct progress *p, const char *guide_id, int64_t now_ms,
                          struct progress_undone *out);

/* progress_undo_change() that only tells the id undone (NULL for the start date). */
bool progress_undo(struct progress *p, const char *guide_id, int64_t now_ms, const char **item_id);

/* Number of guide_id's changes that can be undone. */
size_t progress_undo_depth(const struct progress *p, const char *guide_id);

/* Clears a guide's progress as of now_ms: writes the reset tombstone and drops its entries
 * (states, notes, certifications, start date and resume position alike). The tombstone is kept
 * after every entry's change time so that none survives a merge. */
void progress_reset_guide(struct progress *p, const char *guide_id, int64_t now_ms);

/* Merges theirs into ours, item by item: an item keeps its latest change (ties: ours), the
 * later reset time wins and voids older entries, and guides or unknown keys only one side has
 * are kept. Copies what it takes from theirs. Returns true (and moves ours' generation on) only
 * if ours changed. */
bool progress_merge(struct progress *ours, const struct progress *theirs);

/* --- Counts for the browser and the reports --------------------------------------------- */

/* The state action a of phase ph shows (progress_action.c): its saved state; without one, done
 * when a Markdown plan's author ticked it; and done when it has sub-items, all done or skipped
 * (at least one done), unless the learner skipped it. pg may be NULL. */
enum progress_state progress_action_state(const struct progress_guide *pg,
                                          const struct guide_phase *ph, size_t a);
/* The same for the action of g with this id; the saved state of any other id. */
enum progress_state progress_item_state(const struct progress *p, const struct guide *g,
                                        const char *id);
/* True when the action of g with this id shows as done only because its sub-items are all done
 * or skipped: setting it to todo or in progress would change nothing that shows (its sub-items
 * decide), so callers refuse that and say why. */
bool progress_item_done_by_parts(const struct progress *p, const struct guide *g, const char *id);
/* progress_set_state() against the state the item shows: setting todo on an item a plan's
 * author ticked writes a todo entry, and undo puts back the state that was shown. */
enum progress_change progress_set_item_state(struct progress *p, const struct guide *g,
                                             const char *id, enum progress_state state,
                                             int64_t now_ms);

/* Counts the actions of phase number `phase` of g (an index into g->phases). */
void progress_count_phase(const struct progress *p, const struct guide *g, size_t phase,
                          struct progress_counts *c);
/* Counts every action of g. */
void progress_count_guide(const struct progress *p, const struct guide *g,
                          struct progress_counts *c);
/* done * 100 / (total - skipped), rounded down so 79 of 80 never shows 100. When every action
 * is skipped the result is 100; with no actions it is 0. */
unsigned progress_percent(const struct progress_counts *c);

/* The index of the first phase with an action still to do or in progress; g->n_phases when
 * every action is done or skipped. */
size_t progress_current_phase(const struct progress *p, const struct guide *g);

/* Number of saved entries of g's id whose item the guide does not have ("2 saved items are not
 * in this guide; kept"). Counts only entries that are not void. */
size_t progress_count_unknown(const struct progress *p, const struct guide *g);

/* --- Notes, certifications, start date, resume (progress_notes.c) ------------------------
 *
 * Each setter records a change at now_ms (kept strictly after the entry's previous change and
 * the guide's reset, like progress_set_state()), moves the generation on so the store saves
 * it, and returns PROGRESS_CHANGED; setting the value an entry already has changes nothing and
 * returns PROGRESS_SAME. They return PROGRESS_INVALID and change nothing on invalid input: an
 * empty or invalid id, text that is not valid UTF-8 or holds NUL or is too long, an invalid
 * date. Notes, certifications and the start date are undoable (progress_undo_change()). */

/* Sets the note of item id (a key action, phase or certification id) to the len bytes at text.
 * Trailing white space (spaces, tabs, CR, LF) is dropped, so an editor's final newline is not
 * kept; text that is then empty (or NULL) removes the note, leaving a tombstone. At most
 * PROGRESS_NOTE_MAX bytes. */
enum progress_change progress_set_note(struct progress *p, const char *guide_id, const char *id,
                                       const char *text, size_t len, int64_t now_ms);

/* The note of item id, or NULL when there is none (never set, or removed). Borrowed; valid
 * until the next change of the document. */
const char *progress_get_note(const struct progress *p, const char *guide_id, const char *id);

/* The note entry of id, tombstones included, or NULL. Borrowed; valid until the next change. */
const struct progress_note *progress_find_note(const struct progress_guide *pg, const char *id);

/* Number of notes of a guide that have text (not removed). */
size_t progress_count_notes(const struct progress *p, const char *guide_id);

/* Checks a certification entry: each date given must be a real date (progress_date_valid());
 * expires must be after passed when both are given; passed must not be after `today` (a pass
 * lies in the past), and a passed certification without a passed date cannot have its exam
 * after `today` (pass a date with year 0 to skip these two checks, as the file reader does, so
 * clock skew between machines never makes saved data invalid). Returns 0 (*cause NULL), or -1
 * with *cause (if cause is not NULL) set to a new sentence such as "the expiry date must be
 * after the passed date" (caller frees). */
int progress_cert_validate(const struct progress_cert_info *c, struct progress_date today,
                           char **cause);

/* Checks every certification entry of guide_id in p with progress_cert_validate(c, today): what
 * a command that takes entries from elsewhere (an import) refuses, as the browser's form does.
 * Returns 0, or -1 with *cause set to a new sentence naming the first bad certification. */
int progress_certs_validate(const struct progress *p, const char *guide_id,
                            struct progress_date today, char **cause);

/* Sets certification cert_id's status and dates after progress_cert_validate(c, today, cause)
 * (*cause is set only when PROGRESS_INVALID is returned; caller frees).
 * Status NONE with no dates clears the entry (a tombstone). */
enum progress_change progress_set_cert(struct progress *p, const char *guide_id,
                                       const char *cert_id, const struct progress_cert_info *c,
                                       struct progress_date today, int64_t now_ms, char **cause);

/* Fills *out with cert_id's status and dates; returns false (and status NONE, no dates) when
 * there is no entry or it was cleared. */
bool progress_get_cert(const struct progress *p, const char *guide_id, const char *cert_id,
                       struct progress_cert_info *out);

/* The certification entry of id, tombstones included, or NULL. Borrowed. */
const struct progress_cert *progress_find_cert(const struct progress_guide *pg, const char *id);

/* "none", "interested", "studying", "exam-booked", "passed" (the dotfile spelling), and the
 * words for people: "", "interested", "studying", "exam booked", "passed". */
const char *progress_cert_status_name(enum progress_cert_status status);
const char *progress_cert_status_label(enum progress_cert_status status);
/* Parses a status name in any case, a space or an underscore for the hyphen; returns 0 or -1. */
int progress_cert_status_parse(const char *name, enum progress_cert_status *status);

/* Sets the guide's pace start date; a date with year 0 clears it (a tombstone). The date must
 * be valid otherwise. */
enum progress_change progress_set_start(struct progress *p, const char *guide_id,
                                        struct progress_date date, int64_t now_ms);

/* The guide's start date; false when none is set. */
bool progress_get_start(const struct progress *p, const char *guide_id, struct progress_date *out);

/* Sets the hours a week the learner gives guide_id's plan: PROGRESS_HOURS_MIN to
 * PROGRESS_HOURS_MAX, or 0 to clear them (a tombstone). Undoable, and an event of the journal.
 * PROGRESS_INVALID (nothing changed) for any other number. */
enum progress_change progress_set_hours(struct progress *p, const char *guide_id, unsigned hours,
                                        int64_t now_ms);

/* The hours a week set for guide_id, or `fallback` (the configuration's) when none is. */
unsigned progress_get_hours(const struct progress *p, const char *guide_id, unsigned fallback);

/* Saves the browser's position: screen (a name of the UI's choosing, 1..PROGRESS_RESUME_MAX
 * bytes of UTF-8), item (an item id or NULL) and scroll (0..PROGRESS_SCROLL_MAX). The strings
 * are copied. Saving the same position again changes nothing. */
enum progress_change progress_set_resume(struct progress *p, const char *guide_id,
                                         const char *screen, const char *item, long scroll,
                                         int64_t now_ms);

/* The saved position of a guide, or NULL when none was saved. Borrowed; valid until the next
 * change. */
const struct progress_resume *progress_get_resume(const struct progress *p, const char *guide_id);

/* --- Names and times ----------------------------------------------------------------------- */

/* "todo", "in-progress", "done", "skipped" (the dotfile spelling). */
const char *progress_state_name(enum progress_state state);
/* Parses a state name as a person may write it: in any case, with a space or an underscore
 * for the hyphen ("Done", "IN PROGRESS", "in_progress"); returns 0 or -1. */
int progress_state_parse(const char *name, enum progress_state *state);

/* --- The dotfile text (progress_yaml.c) ------------------------------------------------------ */

/* Parses len bytes of a dotfile named `file` in messages. Always returns a document (caller
 * frees with progress_free()), holding every valid entry that could be read; *status says
 * whether the file was sound, damaged or from a newer version, and d gets located messages
 * for what was wrong. An empty file (or one holding only comments) is sound and empty. Bytes
 * after a NUL, invalid UTF-8 or a YAML error are salvaged as far as the valid prefix goes. */
struct progress *progress_parse(const char *file, const char *buf, size_t len,
                                enum progress_parse_status *status, struct diag *d);

/* progress_parse() with flags: PROGRESS_PARSE_NO_JOURNAL leaves out the journal when it is
 * written in its own shape at the end of the file (as trail writes it), for a report that
 * does not show it and must be fast (the rest is read as usual). */
#define PROGRESS_PARSE_NO_JOURNAL 1u
/* PROGRESS_PARSE_KEEP_LINES keeps the journal's lines as they were read, for a caller that
 * saves at once: the writer writes them back without formatting each event again (a copy of
 * the journal's text, so not for a document kept long). */
#define PROGRESS_PARSE_KEEP_LINES 2u
struct progress *progress_parse_with(const char *file, const char *buf, size_t len, unsigned flags,
                                     enum progress_parse_status *status, struct diag *d);

/* Writes the document as dotfile text with libyaml's emitter. Returns a new buffer (caller
 * frees) and its length in *len, or NULL if the emitter failed (only on text that is not valid
 * UTF-8, which the parser and progress_set_state() never let in). */
char *progress_emit(const struct progress *p, size_t *len);

/* The same bytes as progress_emit(), faster when called again after a few changes: each
 * item's emitted text is kept in the document and only items changed since are emitted again
 * (the rest is copied). For a store that saves after every change. */
char *progress_emit_cached(struct progress *p, size_t *len);

#endif
