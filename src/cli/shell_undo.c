/* SPDX-License-Identifier: MIT */
/* trail undo: see shell_undo.h.
 *
 * The record file has the progress file's format, so the store reads, merges under its lock
 * and saves it atomically like any progress. A record is the guide entry "<guide>@<progress
 * file>" holding four notes: "kind", "id", "before" and "after", each text prefixed with '='
 * so that an empty value (no note before) is still a note. Writing a record first resets that
 * entry, which drops the record before it. */
#include "shell_undo.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "progress_report_out.h"
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

void shell_undo_record(const struct progress_store *s, const char *guide_id,
                       enum shell_undo_kind kind, const char *id, const char *before,
                       const char *after, FILE *err)
{
    struct progress_store *r = open_records();
    char *key = record_key(s, guide_id);
    int rc = -1;
    if (r != NULL && progress_store_readonly(r) == NULL) {
        struct progress *p = progress_store_doc(r);
        int64_t now = progress_now_ms();
        progress_reset_guide(p, key, now);
        rc = put_field(p, key, "kind", kind == SHELL_UNDO_STATE ? "state" : "note", now) == 0 &&
                     put_field(p, key, "id", id, now) == 0 &&
                     put_field(p, key, "before", before, now) == 0 &&
                     put_field(p, key, "after", after, now) == 0
                 ? progress_store_save(r)
                 : -1;
    }
    if (rc != 0) {
        fputs("trail: warning: trail undo cannot take this change back: ", err);
        const char *msg = r != NULL ? progress_store_message(r) : NULL;
        report_put_clean(err, msg != NULL ? msg : "the record could not be written", 0);
        fputc('\n', err);
    }
    free(key);
    progress_store_close(r);
}

/* A field of the record without its '=' prefix; NULL when the record has none. */
static const char *field(const struct progress *p, const char *key, const char *name)
{
    const char *v = progress_get_note(p, key, name);
    return v != NULL && v[0] == '=' ? v + 1 : NULL;
}

/* Applies the record's "before" to the item when it still holds "after". 0, or 1 with why. */
static int apply(const char *guide_id, struct progress *p, bool state_kind, const char *id,
                 const char *before, const char *after, const char **why)
{
    int64_t now = progress_now_ms();
    if (state_kind) {
        enum progress_state b, a;
        if (progress_state_parse(before, &b) != 0 || progress_state_parse(after, &a) != 0) {
            *why = "the undo record is damaged";
            return 1;
        }
        if (progress_get_state(p, guide_id, id) != a) {
            *why = "it changed since";
            return 1;
        }
        return progress_set_state(p, guide_id, id, b, now) < 0 ? 1 : 0;
    }
    const char *cur = progress_get_note(p, guide_id, id);
    if (cur == NULL || strcmp(cur, after) != 0) {
        *why = "its note changed since";
        return 1;
    }
    return progress_set_note(p, guide_id, id, before, strlen(before), now) < 0 ? 1 : 0;
}

static int refuse(const char *why, const char *id, FILE *err)
{
    fputs("trail: nothing undone: ", err);
    if (id != NULL) {
        report_put_clean(err, id, 0);
        fputs(": ", err);
    }
    fputs(why, err);
    fputc('\n', err);
    return 1;
}

int shell_undo_run(const struct guide *g, struct progress_store *s, unsigned text_flags, FILE *out,
                   FILE *err)
{
    struct progress_store *r = open_records();
    char *key = record_key(s, g->id);
    const struct progress *rec = r != NULL ? progress_store_doc(r) : NULL;
    const char *kind = rec != NULL ? field(rec, key, "kind") : NULL;
    const char *id = kind != NULL ? field(rec, key, "id") : NULL;
    const char *before = id != NULL ? field(rec, key, "before") : NULL;
    const char *after = before != NULL ? field(rec, key, "after") : NULL;
    const char *why = NULL;
    int rc = 1;
    if (after == NULL) {
        rc = refuse("no change made from the shell to undo for this guide", NULL, err);
    } else if (progress_store_readonly(s) != NULL) {
        rc = refuse(progress_store_readonly(s), NULL, err);
    } else if (apply(g->id, progress_store_doc(s), strcmp(kind, "state") == 0, id, before, after,
                     &why) != 0) {
        rc = refuse(why != NULL ? why : "the old value is not valid", id, err);
    } else if (progress_store_dirty(s) && progress_store_save(s) != 0) {
        rc = refuse(progress_store_message(s), id, err);
    } else {
        fputs("Undone: ", out);
        report_put_clean(out, id, text_flags);
        if (strcmp(kind, "state") == 0) {
            fprintf(out, " is %s again\n", before);
        } else {
            fputs(before[0] != '\0' ? ": its note is back\n" : ": its note is removed\n", out);
        }
        progress_reset_guide(progress_store_doc(r), key, progress_now_ms());
        progress_store_save(r); /* a record left behind is refused next time anyway */
        rc = report_finish(out);
    }
    free(key);
    progress_store_close(r);
    return rc;
}
