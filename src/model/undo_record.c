/* SPDX-License-Identifier: MIT */
/* The shell's undo record: see undo_record.h.
 *
 * The record file has the progress file's format, so the store reads, merges under its lock
 * and saves it atomically like any progress. A record is the guide entry "<guide>@<progress
 * file>" holding four notes: "kind", "id", "before" and "after", each text prefixed with '='
 * so that an empty value (no note before) is still a note. Writing a record first resets that
 * entry, which drops the record before it. */
#include "undo_record.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "progress_journal.h"
#include "xalloc.h"

static char *record_key(const struct progress_store *s, const char *guide_id)
{
    return xasprintf("%s@%s", guide_id, progress_store_target(s));
}

/* Opens the record file; NULL when no home directory is known. */
static struct progress_store *open_records(void)
{
    char *path = progress_store_state_path("undo.yaml");
    struct progress_store *r = path != NULL ? progress_store_open(path) : NULL;
    if (r != NULL) {
        progress_store_set_durable(r, false); /* a lost record only means nothing to undo */
    }
    free(path);
    return r;
}

static int put_field(struct progress *p, const char *key, const char *field, const char *value,
                     int64_t now)
{
    char *text = xasprintf("=%s", value != NULL ? value : "");
    int rc = progress_set_note(p, key, field, text, strlen(text), now) < 0 ? -1 : 0;
    free(text);
    return rc;
}

int undo_record_save(const struct progress_store *s, const char *guide_id,
                     enum undo_record_kind kind, const char *id, const char *before,
                     const char *after, char **cause)
{
    struct progress_store *r = open_records();
    char *key = record_key(s, guide_id);
    int rc = -1;
    if (r != NULL && progress_store_readonly(r) == NULL) {
        struct progress *p = progress_store_doc(r);
        int64_t now = progress_now_ms();
        progress_reset_guide(p, key, now);
        static const char *const kinds[] = {
            [UNDO_RECORD_STATE] = "state", [UNDO_RECORD_NOTE] = "note", [UNDO_RECORD_LOG] = "log"};
        rc = put_field(p, key, "kind", kinds[kind], now) == 0 &&
                     put_field(p, key, "id", id, now) == 0 &&
                     put_field(p, key, "before", before, now) == 0 &&
                     put_field(p, key, "after", after, now) == 0
                 ? progress_store_save(r)
                 : -1;
    }
    if (rc != 0) {
        const char *msg = r != NULL ? progress_store_message(r) : NULL;
        *cause = xstrdup(msg != NULL ? msg : "the record could not be written");
    }
    free(key);
    progress_store_close(r);
    return rc;
}

/* A field of the record without its '=' prefix; NULL when the record has none. */
static const char *field(const struct progress *p, const char *key, const char *name)
{
    const char *v = progress_get_note(p, key, name);
    return v != NULL && v[0] == '=' ? v + 1 : NULL;
}

/* Takes back the time log whose event id is `after`. 0, or -1 with why. */
static int apply_log(const char *guide_id, struct progress *p, const char *after, int64_t now,
                     const char **why)
{
    uint64_t ev = 0;
    if (progress_event_id_parse(after, &ev) != 0) {
        *why = "the undo record is damaged";
        return -1;
    }
    enum progress_change ch = progress_unlog_time(p, guide_id, ev, now);
    *why = ch == PROGRESS_SAME ? "that time log was taken back already"
                               : "that time log is not in the progress any more";
    return ch == PROGRESS_CHANGED ? 0 : -1;
}

/* Applies "before" to the item when it still holds "after". 0, or -1 with why. */
static int apply(const char *guide_id, struct progress *p, enum undo_record_kind kind,
                 const char *id, const char *before, const char *after, int64_t now,
                 const char **why)
{
    *why = "the old value is not valid";
    if (kind == UNDO_RECORD_LOG) {
        return apply_log(guide_id, p, after, now, why);
    }
    if (kind == UNDO_RECORD_STATE) {
        enum progress_state b, a;
        if (progress_state_parse(before, &b) != 0 || progress_state_parse(after, &a) != 0) {
            *why = "the undo record is damaged";
            return -1;
        }
        if (progress_get_state(p, guide_id, id) != a) {
            *why = "it changed since";
            return -1;
        }
        return progress_set_state(p, guide_id, id, b, now) < 0 ? -1 : 0;
    }
    const char *cur = progress_get_note(p, guide_id, id);
    if (cur == NULL || strcmp(cur, after) != 0) {
        *why = "its note changed since";
        return -1;
    }
    return progress_set_note(p, guide_id, id, before, strlen(before), now) < 0 ? -1 : 0;
}

int undo_record_take(const struct progress_store *s, struct progress *doc, const char *guide_id,
                     int64_t now_ms, struct undo_record_taken *out, char **cause)
{
    struct progress_store *r = open_records();
    char *key = record_key(s, guide_id);
    const struct progress *rec = r != NULL ? progress_store_doc(r) : NULL;
    const char *kind = rec != NULL ? field(rec, key, "kind") : NULL;
    const char *id = kind != NULL ? field(rec, key, "id") : NULL;
    const char *before = id != NULL ? field(rec, key, "before") : NULL;
    const char *after = before != NULL ? field(rec, key, "after") : NULL;
    int rc = 0;
    if (after != NULL) {
        enum undo_record_kind k = strcmp(kind, "state") == 0 ? UNDO_RECORD_STATE
                                  : strcmp(kind, "log") == 0 ? UNDO_RECORD_LOG
                                                             : UNDO_RECORD_NOTE;
        const char *why = NULL;
        rc = apply(guide_id, doc, k, id, before, after, now_ms, &why) == 0 ? 1 : -1;
        if (rc < 0) {
            *cause = xstrdup(why);
        }
        out->kind = k;
        out->id = xstrdup(id);
        out->before = xstrdup(before);
    }
    free(key);
    progress_store_close(r);
    return rc;
}

void undo_record_clear(const struct progress_store *s, const char *guide_id)
{
    struct progress_store *r = open_records();
    if (r != NULL && progress_store_readonly(r) == NULL) {
        char *key = record_key(s, guide_id);
        progress_reset_guide(progress_store_doc(r), key, progress_now_ms());
        progress_store_save(r);
        free(key);
    }
    progress_store_close(r);
}

void undo_record_done(struct undo_record_taken *t)
{
    free(t->id);
    free(t->before);
    t->id = t->before = NULL;
}
