/* Internal to the progress model (progress_model.c, progress_notes.c, progress_yaml.c and the
 * import): the companion entries' storage, reset voiding and merging. */
#ifndef TRAIL_PROGRESS_INTERNAL_H
#define TRAIL_PROGRESS_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "progress.h"

/* Keys of a mapping this version does not interpret, kept for writing back as they were read.
 * The nodes live in the owning struct progress's arena. */
struct progress_extra {
    struct ydoc_pair *pairs;
    size_t n;
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

/* An id-keyed table with a hash index (rows begin with their char *id). */
struct progress_table {
    void *rows;
    size_t n, cap;
    size_t *slots; /* index + 1; 0 = empty */
    size_t n_slots;
};

struct progress_guide {
    char *id;
    int64_t reset; /* entries changed at or before it are void; 0 when never reset */
    struct progress_item *items;
    struct progress_item_aux *aux; /* parallel to items */
    size_t n_items, cap_items;
    size_t *slots; /* open-addressing index into items (index + 1; 0 = empty) */
    size_t n_slots;
    struct progress_table notes; /* struct progress_note rows, tombstones included */
    struct progress_table certs; /* struct progress_cert rows, tombstones included */
    struct progress_start start;
    struct progress_resume resume;
    struct progress_extra extra; /* unknown per-guide keys */
};

struct progress_undo {
    char *guide_id;
    char *item_id;
    enum progress_state state; /* the state before the change */
};

struct progress {
    struct arena arena; /* holds the extra subtrees */
    struct progress_guide *guides;
    size_t n_guides, cap_guides;
    struct progress_extra extra; /* unknown top-level keys */
    unsigned long generation;    /* moved on by every change; the store compares it */
    struct progress_undo undo[PROGRESS_UNDO_MAX]; /* ring buffer */
    size_t undo_head, undo_len;
};

/* The entry of guide_id to change: progress_lookup_guide() returns NULL when absent,
 * progress_get_guide() creates it. */
struct progress_guide *progress_lookup_guide(const struct progress *p, const char *guide_id);
struct progress_guide *progress_get_guide(struct progress *p, const char *guide_id);

/* The item entry of item_id to change, or NULL. */
struct progress_item *progress_lookup_item(const struct progress_guide *pg, const char *item_id);

/* Stores an entry exactly as given (as read from a file): no undo record, no generation bump,
 * the change time as is (the caller drops it if void). Returns the entry's index in pg. */
size_t progress_put_item(struct progress *p, const char *guide_id, const char *item_id,
                         enum progress_state state, int64_t changed);

/* Frees the notes, certifications and resume strings of a guide entry. */
void progress_records_free(struct progress_guide *pg);

/* Drops every companion entry changed at or before pg->reset; true if any was dropped. */
bool progress_records_drop_void(struct progress_guide *pg);

/* The latest change time of pg's companion entries (0 when there are none). */
int64_t progress_records_latest(const struct progress_guide *pg);

/* Merges tg's companion entries into og, each keeping its latest change (ties: ours); entries
 * at or before og->reset are not taken. Returns true if og changed. */
bool progress_records_merge(struct progress_guide *og, const struct progress_guide *tg);

/* Stores entries exactly as read from a file (no generation bump, the time as given). text
 * NULL is a removed note; the len bytes at text are copied. */
void progress_put_note(struct progress_guide *pg, const char *id, const char *text, size_t len,
                       int64_t changed);
void progress_put_cert(struct progress_guide *pg, const char *id,
                       const struct progress_cert_info *info, int64_t changed);
void progress_put_resume(struct progress_guide *pg, const char *screen, const char *item,
                         long scroll, int64_t changed);

/* Reads one guide entry of the dotfile shape (reset, items, notes, certifications, start,
 * resume and unknown keys) from the mapping v into p as guide guide_id; entries that are not
 * well formed are skipped with a located error in d. Unknown keys are kept pointing into v's
 * tree (progress_clear_extras() or a merge into another document detaches them). Returns
 * false when something was skipped. */
bool progress_read_guide_entry(struct progress *p, const char *file, const char *guide_id,
                               const struct ydoc_node *v, struct diag *d);

/* Forgets every unknown key of p (top level, guides, items). */
void progress_clear_extras(struct progress *p);

#endif
