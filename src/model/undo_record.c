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
        static const char *const kinds[] = {"state", "note", "evidence"};
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

char *undo_record_evidence_id(const char *item, const char *target)
{
    return xasprintf("%s\n%s", item, target);
}

char *undo_record_evidence_value(const struct progress_evidence *e)
{
    if (e == NULL || e->kind == PROGRESS_EVIDENCE_NONE) {
        return xstrdup("");
    }
    return xasprintf("%s:%s", progress_evidence_kind_name(e->kind),
                     e->description != NULL ? e->description : "");
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
            spec.description = colon + 1;
            rc = progress_evidence_attach(p, guide_id, item, &spec, now) < 0 ? -1 : 0;
        }
        free(now_value);
    }
    free(item);
    free(kind);
    return rc;
}

/* Applies "before" to the item when it still holds "after". 0, or -1 with why. */
static int apply(const char *guide_id, struct progress *p, bool state_kind, const char *id,
                 const char *before, const char *after, int64_t now, const char **why)
{
    *why = "the old value is not valid";
    if (state_kind) {
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
        bool state_kind = strcmp(kind, "state") == 0;
        bool evidence = strcmp(kind, "evidence") == 0;
        const char *why = NULL;
        rc = (evidence ? apply_evidence(guide_id, doc, id, before, after, now_ms, &why)
                       : apply(guide_id, doc, state_kind, id, before, after, now_ms, &why)) == 0
                 ? 1
                 : -1;
        if (rc < 0) {
            *cause = xstrdup(why);
        }
        out->kind = state_kind ? UNDO_RECORD_STATE
                    : evidence ? UNDO_RECORD_EVIDENCE
                               : UNDO_RECORD_NOTE;
        out->id = evidence ? xstrndup(id, strcspn(id, "\n")) : xstrdup(id);
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
