/* SPDX-License-Identifier: MIT */
/* Internal to the progress model (the progress_*.c files): the layout of the document and of a
 * guide entry, and the raw operations the reader, the emitter, the import and the setters
 * share. A struct progress_guide is built, changed and freed only by progress_guide.c. */
#ifndef TRAIL_PROGRESS_INTERNAL_H
#define TRAIL_PROGRESS_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "idtable.h"
#include "progress.h"
#include "xalloc.h"

/* Keys of a mapping this version does not interpret, kept for writing back as they were read.
 * The nodes live in the owning struct progress's arena (or, while a file is read, in its ydoc
 * tree). pairs has room for cap. */
struct progress_extra {
    struct ydoc_pair *pairs;
    size_t n, cap;
};

/* What an item carries besides its public record: its unknown keys, and, private to
 * progress_emit_cached(), the emitter's bytes for this entry at the last save (owned, NULL
 * when none), valid while state and changed are still those. */
struct progress_item_aux {
    struct progress_extra extra;
    char *emitted;
    size_t emitted_len;
    enum progress_state emitted_state;
    int64_t emitted_changed;
};

/* Id-keyed rows (each row begins with its owned char *id) and their index. */
struct progress_table {
    void *rows;
    size_t n, cap;
    struct idtable index;
};

/* A guide's journal (progress_journal.c owns it): the events, the item ids they name (each
 * once, in `names`, found through `index`), the lines of events [0, text_n) as the last save
 * wrote them (kept so that a save after one more event formats one line), and lines that
 * could not be read, kept as written. */
struct progress_event; /* progress_journal.h */

struct progress_journal {
    struct progress_event *ev;
    size_t n, cap;
    struct arena names;
    struct idtable index;
    const char **name_at; /* row -> interned id */
    size_t n_names, cap_names;
    /* The lines of events [0, text_n) as they are written: formatted by the writer, or as
     * they were read from the file (progress_journal_keep_line()). */
    char *text;
    size_t text_len, text_cap, text_n;
    char **unread;
    size_t n_unread;
};

/* What a guide entry holds besides its item states. Most entries of a large file have none of
 * it, so it is allocated on its first write: progress_guide_more() reads it (an empty one when
 * absent), progress_guide_more_get() makes it. */
struct progress_guide_more {
    struct progress_table notes; /* struct progress_note rows, tombstones included */
    struct progress_table certs; /* struct progress_cert rows, tombstones included */
    struct progress_start start;
    struct progress_hours hours;
    struct progress_resume resume;
    struct progress_extra extra; /* unknown per-guide keys */
    /* Entries a person wrote that could not be understood (a state or a date trail cannot
     * read), kept as written and emitted back in their mapping unless an entry of the same id
     * was set since. */
    struct progress_extra unread_items, unread_notes, unread_certs, unread_personal;
    struct progress_extra unread_other; /* a start or hours entry, emitted while none is set */
    struct progress_journal journal;
    /* The learner's own actions, in file order (progress_personal.c). */
    struct progress_personal *personal;
    size_t n_personal, cap_personal;
    /* Evidence (progress_evidence.c): struct progress_evidence rows, tombstones included, and
     * the entries a person wrote that could not be understood (item -> {target -> entry}). */
    struct progress_table evidence;
    struct progress_extra unread_evidence;
};

struct progress_guide {
    char *id;      /* in the document's arena: an entry lives as long as its document */
    int64_t reset; /* entries changed at or before it are void; 0 when never reset */
    struct progress_item *items;
    struct progress_item_aux *aux; /* parallel to items, in their block after cap_items rows */
    size_t n_items, cap_items;
    struct idtable index;             /* item id -> index into items; none while there are few */
    struct progress_guide_more *more; /* NULL until something besides items is written */
};

/* What a change replaced, for undo (the ring lives in the document, progress_model.c). */
enum progress_undo_kind {
    PROGRESS_UNDO_STATE,
    PROGRESS_UNDO_NOTE,
    PROGRESS_UNDO_CERT,
    PROGRESS_UNDO_START,
    PROGRESS_UNDO_LOG,
    PROGRESS_UNDO_PERSONAL,
    PROGRESS_UNDO_EVIDENCE,
    PROGRESS_UNDO_HOURS,
};

struct progress_undo {
    enum progress_undo_kind kind;
    char *guide_id;
    char *id;                           /* the item, note or certification id; NULL for START */
    enum progress_state state;          /* STATE: the state before the change */
    char *text;                         /* NOTE: the text before (NULL: there was none) */
    struct progress_cert_info cert;     /* CERT: the entry before */
    struct progress_date date;          /* START: the date before (year 0: none) */
    struct progress_evidence *evidence; /* EVIDENCE: the piece before (kind NONE: none) */
    uint64_t event;                     /* LOG: the time log to take back */
    unsigned hours;                     /* HOURS: the hours before (0: none) */
    char *phase, *after;                /* PERSONAL: where it was (text: its text; NULL: none) */
};

struct progress {
    struct arena arena; /* holds the extra subtrees */
    struct progress_guide *guides;
    size_t n_guides, cap_guides;
    struct idtable index;        /* guide id -> index into guides */
    struct progress_extra extra; /* unknown top-level keys */
    unsigned long generation;    /* moved on by every change; the store compares it */
    struct progress_undo undo[PROGRESS_UNDO_MAX]; /* ring buffer */
    size_t undo_head, undo_len;
};

/* --- The document (progress_model.c) ------------------------------------------------------ */

/* The entry of guide_id to change: progress_lookup_guide() returns NULL when absent,
 * progress_get_guide() creates it. Valid until the next guide is created. */
struct progress_guide *progress_lookup_guide(const struct progress *p, const char *guide_id);
struct progress_guide *progress_get_guide(struct progress *p, const char *guide_id);

/* Makes room for n more guide entries (the entries and their index), so that reading a file
 * of many guides neither copies the entries as they grow nor rehashes their ids. */
void progress_reserve_guides(struct progress *p, size_t n);

/* Stores an entry exactly as given (as read from a file): no undo record, no generation bump,
 * the change time as is (the caller drops it if void). Returns the entry's index in its
 * guide's items. */
size_t progress_put_item(struct progress *p, const char *guide_id, const char *item_id,
                         enum progress_state state, int64_t changed);

/* Whether a name a person wrote is the dotfile's lower-case, hyphenated name: the same letters
 * in any case, a space or an underscore standing for a hyphen. */
bool progress_name_matches(const char *written, const char *name);

/* The index of the first of names[first] .. names[count - 1] that `written` matches
 * (progress_name_matches()), or -1: how each enum of the dotfile reads its names. */
int progress_name_find(const char *written, const char *const *names, unsigned first,
                       unsigned count);

/* Records what a change is about to replace (u is taken: its strings become the ring's). */
void progress_undo_push(struct progress *p, struct progress_undo *u);

/* --- A guide entry (progress_guide.c, the owner of struct progress_guide) ----------------- */

/* Sets up pg as the empty entry of guide id (which the document's arena holds: it is not
 * freed with the entry); progress_guide_clear() frees what the entry holds. */
void progress_guide_init(struct progress_guide *pg, char *id);
void progress_guide_clear(struct progress_guide *pg);

/* What pg holds besides its items, to read: an empty one when it has none (pg may be NULL). To
 * change: made empty on first use. Code that goes over every guide (drop, detach, free) looks
 * at pg->more first, so that it makes none. Inline: every part of the model reads through them,
 * and the guide's own code calls into those parts. */
static inline const struct progress_guide_more *progress_guide_more(const struct progress_guide *pg)
{
    static const struct progress_guide_more none;
    return pg != NULL && pg->more != NULL ? pg->more : &none;
}

static inline struct progress_guide_more *progress_guide_more_get(struct progress_guide *pg)
{
    if (pg->more == NULL) {
        pg->more = xcalloc(1, sizeof *pg->more);
    }
    return pg->more;
}

/* The item entry of item_id to change, or NULL; progress_guide_item_get() adds it (todo,
 * changed 0) when absent. Valid until the next item is added. */
struct progress_item *progress_lookup_item(const struct progress_guide *pg, const char *item_id);
struct progress_item *progress_guide_item_get(struct progress_guide *pg, const char *item_id);

/* Makes room for n more items, so that adding them neither moves the items nor grows their
 * index: a reader that knows how many come saves the copies and the unused room. */
void progress_guide_reserve_items(struct progress_guide *pg, size_t n);

/* The note entry of id to change, or NULL. */
struct progress_note *progress_lookup_note(const struct progress_guide *pg, const char *id);

/* The time of a change made at now_ms to an entry last changed at prev: strictly after it and
 * after the guide's reset. */
int64_t progress_change_time(const struct progress_guide *pg, int64_t prev, int64_t now_ms);

/* Store entries exactly as given (the time as is). text NULL (or len 0) is a removed note; the
 * len bytes at text are copied. */
void progress_put_note(struct progress_guide *pg, const char *id, const char *text, size_t len,
                       int64_t changed);
void progress_put_cert(struct progress_guide *pg, const char *id,
                       const struct progress_cert_info *info, int64_t changed);
void progress_put_start(struct progress_guide *pg, struct progress_date date, int64_t changed);
void progress_put_hours(struct progress_guide *pg, unsigned hours, int64_t changed);
void progress_put_resume(struct progress_guide *pg, const char *screen, const char *item,
                         long scroll, int64_t changed);

/* Drops every entry changed at or before pg->reset; true if any was dropped. */
bool progress_guide_drop_void(struct progress_guide *pg);

/* Clears pg as of now_ms: the reset tombstone moves past every entry's change time (so none
 * survives a merge) and every entry, understood or not, is dropped. */
void progress_guide_clear_as_of(struct progress_guide *pg, int64_t now_ms);

/* Forgets pg's reset and moves every entry changed at or before `reset` to just after it, so
 * that a copy of them taken before a reset wins over that reset (a restore). Returns how many
 * entries moved. */
size_t progress_guide_lift(struct progress_guide *pg, int64_t reset);

/* The latest change time of any of pg's entries (0 when there are none). */
int64_t progress_guide_latest(const struct progress_guide *pg);

/* Merges tg into og, each entry keeping its latest change (ties: ours), the later reset
 * voiding older entries; unknown keys are copied into arena a. Returns true if og changed. */
bool progress_guide_merge(struct arena *a, struct progress_guide *og,
                          const struct progress_guide *tg);

/* Adds theirs' unknown keys that ours lacks, copied into arena a; true if any was added. */
bool progress_extra_merge(struct arena *a, struct progress_extra *ours,
                          const struct progress_extra *theirs);

/* Copies e's subtrees into arena a, so they no longer point into a ydoc tree. */
void progress_extra_detach(struct arena *a, struct progress_extra *e);

/* --- The learner's own actions (progress_personal_entries.c) ----------------------------- */

/* The entry of id in pg (pg may be NULL), or NULL. */
struct progress_personal *progress_personal_lookup(const struct progress_guide *pg, const char *id);
/* Stores an entry as given (copies the strings; text NULL: a tombstone). */
void progress_personal_put(struct progress_guide *pg, const char *id, const char *text,
                           const char *phase, const char *after, int64_t changed);
/* Whether text can be a personal action's: one line of valid UTF-8, 1..PROGRESS_PERSONAL_MAX
 * bytes. */
bool progress_personal_text_ok(const char *text);
/* Frees pg's personal entries. */
void progress_personal_clear(struct progress_guide *pg);
/* Drops the entries changed at or before pg->reset; true if any was dropped. */
bool progress_personal_drop_void(struct progress_guide *pg);
/* progress_guide_lift() for the personal entries; the latest of t and their change times. */
size_t progress_personal_lift(struct progress_guide *pg, int64_t reset);
int64_t progress_personal_latest(const struct progress_guide *pg, int64_t t);
/* Takes each of tg's entries that is newer than og's (and than og's reset); true if any. */
bool progress_personal_merge(struct progress_guide *og, const struct progress_guide *tg);
/* Reads one entry of the `personal` mapping into pg. Returns NULL, or the node that is not well
 * formed (nothing is read: the caller keeps the entry as written and warns). */
const struct ydoc_node *progress_personal_read(struct progress_guide *pg,
                                               const struct ydoc_pair *pair);
/* The `personal` mapping to write for pg, built in arena a: its entries, then those kept as
 * written whose id has no entry now; NULL when there is none. */
struct ydoc_node *progress_personal_node(struct arena *a, const struct progress_guide *pg);
/* Puts back what undo record u holds, as a change at time `changed`. */
void progress_personal_put_back(struct progress_guide *pg, const struct progress_undo *u,
                                int64_t changed);

/* --- Rows (progress_table.c) ---------------------------------------------------------------- */

/* The rows of table t (each `size` bytes, starting with its owned id): the row of id or NULL;
 * the row of id, added zeroed with a copy of id when absent; the index rebuilt after rows moved;
 * the rows and index freed (not what the rows own). */
void *progress_table_find(const struct progress_table *t, size_t size, const char *id);
void *progress_table_get(struct progress_table *t, size_t size, const char *id);
void progress_table_reindex(struct progress_table *t, size_t size);
void progress_table_free(struct progress_table *t);

/* Change times of rows: n rows of `size` bytes from `rows`, each holding its int64_t change
 * time at byte offset `at` (offsetof(struct ..., changed)). A guide's reset and merge treat
 * every kind of row alike through these. */
typedef void progress_row_free_fn(void *row);
/* The latest of t and the rows' change times. */
int64_t progress_rows_latest(const void *rows, size_t n, size_t size, size_t at, int64_t t);
/* Moves each change time at or before reset (0: never changed, left alone) to just after it,
 * adding how many moved to *lifted. */
void progress_rows_lift(void *rows, size_t n, size_t size, size_t at, int64_t reset,
                        size_t *lifted);
/* Drops the rows of table t changed at or before reset, each after free_row(row), keeping the
 * others in order and the index in step; true if any was dropped. */
bool progress_table_drop_before(struct progress_table *t, size_t size, size_t at, int64_t reset,
                                progress_row_free_fn *free_row);
/* The change time of an entry v as a person may write it: missing means the oldest change
 * (just after the guide's reset), "YYYY-MM-DD" that day at 00:00 UTC, else an ISO 8601 UTC
 * time. False (*bad pointing at it) when it is none of these. */
bool progress_read_changed(const struct progress_guide *pg, const struct ydoc_node *v, int64_t *t,
                           const struct ydoc_node **bad);

/* --- The reader (progress_yaml.c) --------------------------------------------------------- */

/* Reads one guide entry of the dotfile shape (reset, items, notes, certifications, start,
 * resume and unknown keys) from the mapping v into p as guide guide_id. Entries that are not
 * well formed are skipped with a located error in d when strict (an export is a machine's
 * text), else with a warning, kept as written, as in a dotfile.
 * Unknown keys are kept pointing into v's tree (progress_clear_extras() or a merge into another
 * document detaches them). Returns false when something was skipped. */
bool progress_read_guide_entry(struct progress *p, const char *file, const char *guide_id,
                               const struct ydoc_node *v, bool strict, struct diag *d);

/* Appends a pair to e (its room in arena a), still pointing into the ydoc tree being read. */
void progress_extra_add(struct arena *a, struct progress_extra *e, const struct ydoc_pair *pair);

/* Forgets every unknown key of p (top level, guides, items). */
void progress_clear_extras(struct progress *p);

#endif
