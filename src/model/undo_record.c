/* SPDX-License-Identifier: MIT */
/* The shell's undo record: see undo_record.h.
 *
 * Each guide and progress file has a record file of its own, "undo/<key's hash>.yaml" in the
 * state directory, so a command writes its record without reading anyone else's. A record has
 * the progress file's format after one line of its own: "# trail undo record <FNV-1a-64 of the
 * rest, 16 hex digits>". It is the guide entry "<guide>@<progress file>" (the key, checked on
 * reading: two keys of one hash never see each other's record) holding four notes: "kind",
 * "id", "before" and "after", each text prefixed with '=' so that an empty value (no note
 * before) is still a note.
 *
 * Records are read, written and removed only under one lock ("undo.lock"), and written in
 * place without an fsync (progress_fs_overwrite()): a rename over the file would free the old
 * file's blocks at every command. A crash can then leave the file as it was, or a mix of old
 * and new bytes: the checksum turns a mix into no record at all, and an old record is
 * harmless, since it is applied only while its item still holds the value its command set; an
 * undo can thus fail to find the last change, never overwrite a later one.
 *
 * Earlier versions kept every record in one file, "undo.yaml": the first command that takes
 * the lock moves its records to files of their own (a newer record is never replaced) and
 * removes it. */
#include "undo_record.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "idtable.h"
#include "progress_fs.h"
#include "progress_date.h"
#include "progress_internal.h"
#include "progress_journal.h"
#include "xalloc.h"
#include "yaml_out.h"

#define RECORD_HEAD   "# trail undo record "
#define RECORD_HEXLEN 16
#define RECORD_MAX    (1u << 20) /* a larger file is not read: no record */

static char *record_key(const struct progress_store *s, const char *guide_id)
{
    return xasprintf("%s@%s", guide_id, progress_store_target(s));
}

static uint64_t checksum(const char *p, size_t len)
{
    return idtable_hash_bytes(IDTABLE_HASH_SEED, p, len);
}

/* The record file of key. */
static char *record_path(const char *key)
{
    char name[sizeof "undo/" + RECORD_HEXLEN + sizeof ".yaml"];
    snprintf(name, sizeof name, "undo/%016" PRIx64 ".yaml", checksum(key, strlen(key)));
    return progress_store_state_path(name);
}

static struct progress *read_records(const char *path);
static const char *field(const struct progress *p, const char *key, const char *name);
static int write_record(const char *path, const char *key, const char *kind, const char *id,
                        const char *before, const char *after, char **cause);

/* Moves the records of the one file earlier versions kept ("undo.yaml") to files of their
 * own, where a key has none yet, and removes it. Under the lock. */
static void move_old_records(void)
{
    char *old = progress_store_state_path("undo.yaml");
    struct stat st;
    if (old == NULL || lstat(old, &st) != 0) {
        free(old);
        return;
    }
    struct progress *p = read_records(old);
    bool moved = true;
    for (size_t g = 0; g < progress_count_guides(p); g++) {
        const char *key = progress_guide_id(progress_guide_at(p, g));
        const char *kind = field(p, key, "kind"), *id = field(p, key, "id");
        const char *before = field(p, key, "before"), *after = field(p, key, "after");
        char *path =
            kind != NULL && id != NULL && before != NULL && after != NULL ? record_path(key) : NULL;
        if (path != NULL && lstat(path, &st) != 0) {
            char *err = NULL;
            moved = write_record(path, key, kind, id, before, after, &err) == 0 && moved;
            free(err);
        }
        free(path);
    }
    if (moved) {
        unlink(old);
    }
    progress_free(p);
    free(old);
}

/* Locks the records, their directory made, and names key's record file (*lock >= 0); NULL
 * with *cause when it cannot be, or when no home directory is known. */
static char *lock_records(const char *key, int *lock, char **cause)
{
    *lock = -1;
    char *dir = progress_store_state_path("undo");
    char *path = record_path(key);
    if (dir == NULL || path == NULL) {
        *cause = xstrdup("no home directory is known");
    } else if ((*lock = progress_fs_lock_existing(dir, PROGRESS_STORE_LOCK_WAIT_MS)) < 0 &&
               progress_fs_mkdirs(dir, cause) == 0) {
        /* The first record, or a lock that cannot be taken: now with a message. */
        *lock = progress_fs_lock(dir, PROGRESS_STORE_LOCK_WAIT_MS, cause);
    }
    free(dir);
    if (*lock < 0) {
        free(path);
        return NULL;
    }
    move_old_records();
    return path;
}

/* The records in the file at path (read under its lock): empty when there is no file, or when
 * its checksum or its content is wrong (a crash cut a write short: nothing can be trusted). */
static struct progress *read_records(const char *path)
{
    char *buf = NULL, *err = NULL;
    size_t len = 0;
    struct progress *p = NULL;
    size_t head = sizeof RECORD_HEAD - 1 + RECORD_HEXLEN + 1;
    if (progress_fs_read(path, RECORD_MAX, &buf, &len, &err) == 1 && len >= head &&
        memcmp(buf, RECORD_HEAD, sizeof RECORD_HEAD - 1) == 0 && buf[head - 1] == '\n') {
        char hex[RECORD_HEXLEN + 1];
        snprintf(hex, sizeof hex, "%016" PRIx64, checksum(buf + head, len - head));
        if (memcmp(buf + sizeof RECORD_HEAD - 1, hex, RECORD_HEXLEN) == 0) {
            struct diag quiet = {0};
            enum progress_parse_status status;
            p = progress_parse(path, buf + head, len - head, &status, &quiet);
            diag_free(&quiet);
            if (status != PROGRESS_PARSE_OK) {
                progress_free(p);
                p = NULL;
            }
        }
    }
    free(err);
    free(buf);
    return p != NULL ? p : progress_new();
}

#define PUT_LITERAL(o, s) yaml_out_put((o), (s), sizeof(s) - 1)

/* One note of key's record: "NAME:", its text (the value after a '=', so that an empty value
 * is still a note) and the time. */
static void put_field(struct yaml_out *o, const char *name, const char *value, const char *time)
{
    PUT_LITERAL(o, "      ");
    yaml_out_put(o, name, strlen(name));
    PUT_LITERAL(o, ":\n        text: ");
    size_t len = value != NULL ? strlen(value) : 0;
    char *text = xmalloc(len + 2);
    text[0] = '=';
    memcpy(text + 1, value != NULL ? value : "", len + 1);
    yaml_out_scalar(o, text, len + 1);
    free(text);
    PUT_LITERAL(o, "\n        changed: ");
    yaml_out_put(o, time, strlen(time));
    PUT_LITERAL(o, "\n");
}

/* Writes key's record at path: the record file holds it alone, in the progress file's format,
 * put together by hand (yaml_out.h) since its shape never changes: the guide entry of key with
 * its four notes, without the journal events a learner's note makes (nothing reads a record's
 * journal). */
static int write_record(const char *path, const char *key, const char *kind, const char *id,
                        const char *before, const char *after, char **cause)
{
    size_t head = sizeof RECORD_HEAD - 1 + RECORD_HEXLEN + 1;
    char *text = NULL;
    size_t len = 0, cap = 0;
    struct yaml_out o = {&text, &len, &cap};
    PUT_LITERAL(&o, RECORD_HEAD "0123456789abcdef\n"); /* the checksum's room, filled below */
    PUT_LITERAL(&o, "version: 1\nguides:\n  ");
    yaml_out_scalar(&o, key, strlen(key));
    PUT_LITERAL(&o, ":\n    notes:\n");
    char time[PROGRESS_TIME_SIZE];
    progress_format_time(progress_now_ms(), time, sizeof time);
    put_field(&o, "kind", kind, time);
    put_field(&o, "id", id, time);
    put_field(&o, "before", before, time);
    put_field(&o, "after", after, time);
    char sum[RECORD_HEXLEN + 2];
    snprintf(sum, sizeof sum, "%016" PRIx64 "\n", checksum(text + head, len - head));
    memcpy(text + sizeof RECORD_HEAD - 1, sum, RECORD_HEXLEN + 1);
    int rc = progress_fs_overwrite(path, text, len, cause);
    free(text);
    return rc;
}

int undo_record_save(const struct progress_store *s, const char *guide_id,
                     enum undo_record_kind kind, const char *id, const char *before,
                     const char *after, char **cause)
{
    static const char *const kinds[] = {[UNDO_RECORD_STATE] = "state",
                                        [UNDO_RECORD_NOTE] = "note",
                                        [UNDO_RECORD_EVIDENCE] = "evidence",
                                        [UNDO_RECORD_LOG] = "log"};
    char *key = record_key(s, guide_id);
    int lock;
    char *path = lock_records(key, &lock, cause);
    int rc = -1;
    if (path != NULL) {
        rc = write_record(path, key, kinds[kind], id, before, after, cause);
        char *dir = rc != 0 && errno == ENOENT ? progress_store_state_path("undo") : NULL;
        if (dir != NULL && progress_fs_mkdirs(dir, NULL) == 0) { /* the directory went away */
            free(*cause);
            *cause = NULL;
            rc = write_record(path, key, kinds[kind], id, before, after, cause);
        }
        free(dir);
        progress_fs_unlock(lock);
    }
    free(path);
    free(key);
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

char *undo_record_evidence_id(const char *item, const char *target)
{
    return xasprintf("%s\n%s", item, target);
}

char *undo_record_evidence_value(const struct progress_evidence *e)
{
    if (e == NULL || e->kind == PROGRESS_EVIDENCE_NONE) {
        return xstrdup("");
    }
    return xasprintf("%s:%s%s%s", progress_evidence_kind_name(e->kind),
                     e->description != NULL ? e->description : "",
                     e->credential != NULL ? "\n" : "", e->credential != NULL ? e->credential : "");
}

/* Puts back an evidence record's "before" when the piece still holds "after". */
static int apply_evidence(const char *guide_id, struct progress *p, const char *id,
                          const char *before, const char *after, int64_t now, const char **why)
{
    const char *nl = strchr(id, '\n');
    const char *colon = strchr(before, ':');
    struct progress_evidence_spec spec = {.target = nl != NULL ? nl + 1 : ""};
    char *item = nl != NULL ? xstrndup(id, (size_t)(nl - id)) : NULL;
    char *kind = colon != NULL ? xstrndup(before, (size_t)(colon - before)) : NULL;
    int rc = -1;
    *why = "the undo record is damaged";
    if (item != NULL && (before[0] == '\0' ||
                         (kind != NULL && progress_evidence_kind_parse(kind, &spec.kind) == 0))) {
        const struct progress_evidence *cur =
            progress_evidence_find(p, guide_id, item, spec.target);
        char *now_value = undo_record_evidence_value(cur);
        if (strcmp(now_value, after) != 0) {
            *why = "its evidence changed since";
        } else if (before[0] == '\0') {
            rc = progress_evidence_detach(p, guide_id, item, spec.target, now) < 0 ? -1 : 0;
        } else {
            /* "<description>" or "<description>\n<credential id>" */
            const char *nl2 = strchr(colon + 1, '\n');
            char *desc = nl2 != NULL ? xstrndup(colon + 1, (size_t)(nl2 - colon - 1)) : NULL;
            spec.description = desc != NULL ? desc : colon + 1;
            spec.credential = nl2 != NULL ? nl2 + 1 : NULL;
            rc = progress_evidence_attach(p, guide_id, item, &spec, now) < 0 ? -1 : 0;
            free(desc);
        }
        free(now_value);
    }
    free(item);
    free(kind);
    return rc;
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
    char *key = record_key(s, guide_id);
    int lock;
    char *err = NULL;
    char *path = lock_records(key, &lock, &err);
    free(err);
    struct progress *rec = NULL;
    if (path != NULL) {
        rec = read_records(path);
        progress_fs_unlock(lock);
        free(path);
    }
    const char *kind = rec != NULL ? field(rec, key, "kind") : NULL;
    const char *id = kind != NULL ? field(rec, key, "id") : NULL;
    const char *before = id != NULL ? field(rec, key, "before") : NULL;
    const char *after = before != NULL ? field(rec, key, "after") : NULL;
    int rc = 0;
    if (after != NULL) {
        enum undo_record_kind k = strcmp(kind, "state") == 0      ? UNDO_RECORD_STATE
                                  : strcmp(kind, "log") == 0      ? UNDO_RECORD_LOG
                                  : strcmp(kind, "evidence") == 0 ? UNDO_RECORD_EVIDENCE
                                                                  : UNDO_RECORD_NOTE;
        const char *why = NULL;
        rc = (k == UNDO_RECORD_EVIDENCE
                  ? apply_evidence(guide_id, doc, id, before, after, now_ms, &why)
                  : apply(guide_id, doc, k, id, before, after, now_ms, &why)) == 0
                 ? 1
                 : -1;
        if (rc < 0) {
            *cause = xstrdup(why);
        }
        out->kind = k;
        out->id = k == UNDO_RECORD_EVIDENCE ? xstrndup(id, strcspn(id, "\n")) : xstrdup(id);
        out->before = xstrdup(before);
    }
    free(key);
    progress_free(rec);
    return rc;
}

void undo_record_clear(const struct progress_store *s, const char *guide_id)
{
    char *key = record_key(s, guide_id);
    int lock;
    char *err = NULL;
    char *path = lock_records(key, &lock, &err);
    if (path != NULL) {
        unlink(path);
        progress_fs_unlock(lock);
        free(path);
    }
    free(key);
    free(err);
}

void undo_record_done(struct undo_record_taken *t)
{
    free(t->id);
    free(t->before);
    t->id = t->before = NULL;
}
