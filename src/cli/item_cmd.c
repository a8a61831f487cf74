/* SPDX-License-Identifier: MIT */
/* Changing progress from the shell: see item_cmd.h.
 *
 * Names resolve in three steps, each tried only when the one before found nothing: the exact
 * id, then a prefix of the id or of its last part, then the guide's own search (the same
 * matcher as --search and the browser's /) over the items' entries. A step that finds several
 * items stops there and lists them: the learner then types more. Nothing is written before a
 * name resolves and the new value is valid. */
#include "item_cmd.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "progress_journal.h"
#include "progress_report_out.h"
#include "search.h"
#include "text.h"
#include "undo_record.h"
#include "view_progress.h"
#include "xalloc.h"

#define ITEM_CMD_SHOWN 10 /* candidates listed before "and N more" */

struct candidates {
    struct item_cmd_ref *v;
    size_t n, cap;
};

static void add(struct candidates *c, enum item_cmd_kind kind, const char *id, const char *text)
{
    if (c->n == c->cap) {
        c->cap = c->cap > 0 ? c->cap * 2 : 16;
        c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
    }
    c->v[c->n++] = (struct item_cmd_ref){.kind = kind, .id = id, .text = text};
}

/* Every item of the kinds asked for, in guide order: key actions, phases, certifications. */
static void list_items(const struct guide *g, unsigned kinds, struct candidates *all)
{
    for (size_t i = 0; (kinds & ITEM_CMD_ACTION) && i < g->n_phases; i++) {
        for (size_t k = 0; k < g->phases[i].n_actions; k++) {
            const struct guide_action *a = &g->phases[i].actions[k];
            add(all, ITEM_CMD_ACTION, a->id, a->text);
        }
    }
    for (size_t i = 0; (kinds & ITEM_CMD_PHASE) && i < g->n_phases; i++) {
        add(all, ITEM_CMD_PHASE, g->phases[i].id, g->phases[i].title);
    }
    for (size_t i = 0; (kinds & ITEM_CMD_CERT) && i < g->n_certs; i++) {
        add(all, ITEM_CMD_CERT, g->certs[i].id, g->certs[i].name);
    }
}

static bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Items whose id, or the id's part after its last '/', starts with name. */
static void match_prefix(const struct candidates *all, const char *name, struct candidates *out)
{
    for (size_t i = 0; i < all->n; i++) {
        const char *id = all->v[i].id;
        const char *last = strrchr(id, '/');
        if (has_prefix(id, name) || (last != NULL && has_prefix(last + 1, name))) {
            add(out, all->v[i].kind, id, all->v[i].text);
        }
    }
}

/* Items whose search entry matches name as a query (words in any order, "phrases"). */
static void match_search(const struct guide *g, unsigned kinds, const char *name,
                         struct candidates *out)
{
    struct search_query *q = search_query_new(name);
    if (search_query_count_terms(q) == 0) {
        search_query_free(q);
        return;
    }
    unsigned mask = ((kinds & ITEM_CMD_ACTION) ? SEARCH_KIND_ACTION : 0) |
                    ((kinds & ITEM_CMD_PHASE) ? SEARCH_KIND_PHASE : 0) |
                    ((kinds & ITEM_CMD_CERT) ? SEARCH_KIND_CERT : 0);
    struct search_index *idx = search_index_build(g);
    struct search_results res = {0};
    search_run(idx, q, mask, SEARCH_ORDER_GUIDE, &res);
    for (size_t i = 0; i < res.n; i++) {
        const struct search_result *r = &res.v[i];
        if (r->kind == SEARCH_KIND_ACTION) {
            const struct guide_action *a = &g->phases[r->index].actions[r->sub];
            add(out, ITEM_CMD_ACTION, a->id, a->text);
        } else if (r->kind == SEARCH_KIND_PHASE) {
            add(out, ITEM_CMD_PHASE, g->phases[r->index].id, g->phases[r->index].title);
        } else {
            add(out, ITEM_CMD_CERT, g->certs[r->index].id, g->certs[r->index].name);
        }
    }
    search_results_free(&res);
    search_index_free(idx);
    search_query_free(q);
}

static const char *kind_word(unsigned kinds)
{
    return kinds == ITEM_CMD_ACTION ? "key action" : "key action, phase or certification";
}

static void put_candidates(const struct candidates *c, const char *name, unsigned kinds, FILE *err)
{
    fprintf(err, "trail: %zu %ss match '", c->n, kind_word(kinds));
    report_put_clean(err, name, 0);
    fputs("'; name one of them by its id:\n", err);
    for (size_t i = 0; i < c->n && i < ITEM_CMD_SHOWN; i++) {
        fputs("  ", err);
        report_put_clean(err, c->v[i].id, 0);
        fputs("  ", err);
        report_put_clean(err, c->v[i].text, 0);
        fputc('\n', err);
    }
    if (c->n > ITEM_CMD_SHOWN) {
        fprintf(err, "  and %zu more\n", c->n - ITEM_CMD_SHOWN);
    }
}

int item_cmd_resolve(const struct guide *g, const char *name, unsigned kinds,
                     struct item_cmd_ref *out, FILE *err)
{
    struct candidates all = {0}, found = {0};
    list_items(g, kinds, &all);
    for (size_t i = 0; i < all.n && found.n == 0; i++) {
        if (strcmp(all.v[i].id, name) == 0) {
            add(&found, all.v[i].kind, all.v[i].id, all.v[i].text);
        }
    }
    if (found.n == 0 && name[0] != '\0') {
        match_prefix(&all, name, &found);
    }
    if (found.n == 0) {
        match_search(g, kinds, name, &found);
    }
    int rc = 1;
    if (found.n == 1) {
        *out = found.v[0];
        rc = 0;
    } else if (found.n > 1) {
        put_candidates(&found, name, kinds, err);
    } else {
        fprintf(err, "trail: no %s of guide '", kind_word(kinds));
        report_put_clean(err, g->id, 0);
        fputs("' is named or matches '", err);
        report_put_clean(err, name, 0);
        fputs("' (trail --list-ids lists them)\n", err);
    }
    free(all.v);
    free(found.v);
    return rc;
}

int item_cmd_parse_state(const char *name, enum progress_state *state)
{
    static const struct {
        const char *name;
        enum progress_state state;
    } names[] = {
        {"todo", PROGRESS_TODO},
        {"doing", PROGRESS_IN_PROGRESS},
        {"in-progress", PROGRESS_IN_PROGRESS},
        {"done", PROGRESS_DONE},
        {"skip", PROGRESS_SKIPPED},
        {"skipped", PROGRESS_SKIPPED},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i].name) == 0) {
            *state = names[i].state;
            return 0;
        }
    }
    return -1;
}

/* The undo record of a change, written by the save that stores the change while it holds the
 * progress file's lock (progress_store_on_save()): two commands saving one after the other
 * leave the record of the later change. One that cannot be written is a warning (the change
 * itself stands). */
struct undo_write {
    const struct progress_store *s;
    const char *guide_id;
    enum undo_record_kind kind;
    const char *id, *before, *after;
    bool cleared; /* an undo: drop the record instead */
    bool done;
    char *cause;
};

static void write_undo(void *arg)
{
    struct undo_write *u = arg;
    u->done = true;
    if (u->cleared) {
        undo_record_clear(u->s, u->guide_id);
    } else {
        undo_record_save(u->s, u->guide_id, u->kind, u->id, u->before, u->after, &u->cause);
    }
}

/* Saves the store after a change, with its undo record; 0, or 1 after saying on err why nothing
 * was saved. */
static int save(struct progress_store *s, struct undo_write *u, const char *what, FILE *err)
{
    progress_store_on_save(s, u != NULL ? write_undo : NULL, u);
    int rc = !progress_store_dirty(s) || progress_store_save(s) == 0 ? 0 : 1;
    progress_store_on_save(s, NULL, NULL);
    if (rc == 0) {
        report_save_warning(s, err);
        if (u != NULL && u->cause != NULL) {
            fputs("trail: warning: trail undo cannot take this change back: ", err);
            report_put_clean(err, u->cause, 0);
            fputc('\n', err);
            free(u->cause);
        }
        return 0;
    }
    fprintf(err, "trail: %s not saved: ", what);
    const char *msg = progress_store_message(s);
    report_put_clean(err, msg != NULL ? msg : "progress could not be saved", 0);
    fputc('\n', err);
    return 1;
}

int item_cmd_save_change(struct progress_store *s, const char *guide_id, enum undo_record_kind kind,
                         const char *id, const char *before, const char *after, const char *what,
                         FILE *err)
{
    struct undo_write u = {
        .s = s, .guide_id = guide_id, .kind = kind, .id = id, .before = before, .after = after};
    return save(s, id != NULL ? &u : NULL, what, err);
}

int item_cmd_check_writable(struct progress_store *s, FILE *err)
{
    const char *why = progress_store_readonly(s);
    if (why == NULL) {
        return 0;
    }
    fputs("trail: nothing changed: ", err);
    report_put_clean(err, why, 0);
    fputc('\n', err);
    return 1;
}

int item_cmd_mark(const struct guide *g, struct progress_store *s, const char *name,
                  enum progress_state state, unsigned text_flags, FILE *out, FILE *err)
{
    struct item_cmd_ref ref;
    if (item_cmd_resolve(g, name, ITEM_CMD_ACTION, &ref, err) != 0 ||
        item_cmd_check_writable(s, err)) {
        return 1;
    }
    struct progress *p = progress_store_doc(s);
    enum progress_state before = progress_item_state(p, g, ref.id);
    if ((state == PROGRESS_TODO || state == PROGRESS_IN_PROGRESS) &&
        progress_item_done_by_parts(p, g, ref.id)) {
        fputs("trail: nothing changed: ", err);
        report_put_clean(err, ref.text, 0);
        fputs(" is done because its sub-items are; reopen one of them to reopen it\n", err);
        return 1;
    }
    struct undo_write u = {.s = s,
                           .guide_id = g->id,
                           .kind = UNDO_RECORD_STATE,
                           .id = ref.id,
                           .before = progress_state_name(before),
                           .after = progress_state_name(state)};
    if (before != state && (progress_set_item_state(p, g, ref.id, state, progress_now_ms()) < 0 ||
                            save(s, &u, "the change was", err) != 0)) {
        return 1;
    }
    if (before == state) {
        fprintf(out, "Already %s: ", view_progress_state_words(state, false));
    } else {
        fprintf(out, "%s: ", view_progress_state_words(state, true));
    }
    report_put_clean(out, ref.text, text_flags);
    fputs(" (", out);
    report_put_clean(out, ref.id, text_flags);
    if (before != state) {
        fprintf(out, ", was %s", view_progress_state_words(before, false));
    }
    fputs(")\n", out);
    return report_finish(out);
}

static const char *ref_kind_word(enum item_cmd_kind kind)
{
    return kind == ITEM_CMD_ACTION  ? "key action"
           : kind == ITEM_CMD_PHASE ? "phase"
                                    : "certification";
}

int item_cmd_note(const struct guide *g, struct progress_store *s, const char *name,
                  const char *text, size_t len, unsigned text_flags, FILE *out, FILE *err)
{
    while (len > 0 && strchr(" \t\r\n", text[len - 1]) != NULL) {
        len--;
    }
    if (len == 0) {
        fputs("trail: the note is empty; nothing saved (remove a note in the browser)\n", err);
        return 1;
    }
    size_t bad;
    if (memchr(text, '\0', len) != NULL || !text_utf8_valid(text, len, &bad) ||
        len > PROGRESS_NOTE_MAX) {
        fprintf(err,
                "trail: a note must be UTF-8 text without NUL bytes, at most %u bytes; "
                "nothing saved\n",
                (unsigned)PROGRESS_NOTE_MAX);
        return 1;
    }
    struct item_cmd_ref ref;
    if (item_cmd_resolve(g, name, ITEM_CMD_ACTION | ITEM_CMD_PHASE | ITEM_CMD_CERT, &ref, err) !=
            0 ||
        item_cmd_check_writable(s, err)) {
        return 1;
    }
    struct progress *p = progress_store_doc(s);
    const char *old = progress_get_note(p, g->id, ref.id);
    bool had = old != NULL;
    bool same = had && strlen(old) == len && memcmp(old, text, len) == 0;
    char *before = had ? xstrdup(old) : NULL; /* old is the document's: the change frees it */
    char *after = xstrndup(text, len);
    struct undo_write u = {.s = s,
                           .guide_id = g->id,
                           .kind = UNDO_RECORD_NOTE,
                           .id = ref.id,
                           .before = before,
                           .after = after};
    int rc = 0;
    if (!same && (progress_set_note(p, g->id, ref.id, text, len, progress_now_ms()) < 0 ||
                  save(s, &u, "the note was", err) != 0)) {
        rc = 1;
    }
    free(after);
    free(before);
    if (rc != 0) {
        return 1;
    }
    fputs(same ? "Note unchanged on " : had ? "Note replaced on " : "Note added to ", out);
    fprintf(out, "%s ", ref_kind_word(ref.kind));
    report_put_clean(out, ref.id, text_flags);
    fputs(": ", out);
    report_put_clean(out, ref.text, text_flags);
    fputc('\n', out);
    return report_finish(out);
}

int item_cmd_list_ids(const struct guide *g, FILE *out)
{
    struct candidates all = {0};
    list_items(g, ITEM_CMD_ACTION | ITEM_CMD_PHASE | ITEM_CMD_CERT, &all);
    for (size_t i = 0; i < all.n; i++) {
        report_put_clean(out, all.v[i].id, 0);
        fputc('\t', out);
        report_put_clean(out, all.v[i].text, 0);
        fputc('\n', out);
    }
    free(all.v);
    return report_finish(out);
}

static int refuse_undo(const char *why, const char *id, FILE *err)
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

int item_cmd_undo(const struct guide *g, struct progress_store *s, unsigned text_flags, FILE *out,
                  FILE *err)
{
    if (progress_store_readonly(s) != NULL) {
        return refuse_undo(progress_store_readonly(s), NULL, err);
    }
    struct undo_record_taken t;
    struct undo_write u = {.s = s, .guide_id = g->id, .cleared = true};
    char *cause = NULL;
    int taken = undo_record_take(s, progress_store_doc(s), g->id, progress_now_ms(), &t, &cause);
    if (taken == 0) {
        return refuse_undo("no change made from the shell to undo for this guide", NULL, err);
    }
    int rc;
    if (taken > 0 && progress_store_dirty(s)) {
        progress_store_on_save(s, write_undo, &u); /* the record goes with the change */
        taken = progress_store_save(s) == 0 ? 1 : 2;
        progress_store_on_save(s, NULL, NULL);
    }
    if (taken < 0) {
        rc = refuse_undo(cause, t.id, err);
        free(cause);
    } else if (taken == 2) {
        rc = refuse_undo(progress_store_message(s), t.id, err);
    } else {
        fputs("Undone: ", out);
        report_put_clean(out, t.id, text_flags);
        if (t.kind == UNDO_RECORD_STATE) {
            fprintf(out, " is %s again\n", t.before);
        } else if (t.kind == UNDO_RECORD_LOG) {
            fputs(": the time logged no longer counts\n", out);
        } else if (t.kind == UNDO_RECORD_EVIDENCE) {
            fputs(t.before[0] != '\0' ? ": its evidence is back\n"
                                      : ": the evidence attached is removed\n",
                  out);
        } else {
            fputs(t.before[0] != '\0' ? ": its note is back\n" : ": its note is removed\n", out);
        }
        if (!u.done) {
            undo_record_clear(s, g->id);
        }
        rc = report_finish(out);
    }
    undo_record_done(&t);
    return rc;
}

int item_cmd_log(const struct guide *g, struct progress_store *s, const char *name,
                 unsigned minutes, unsigned text_flags, FILE *out, FILE *err)
{
    struct item_cmd_ref ref;
    if (item_cmd_resolve(g, name, ITEM_CMD_ACTION | ITEM_CMD_PHASE | ITEM_CMD_CERT, &ref, err) !=
        0) {
        return 2;
    }
    if (item_cmd_check_writable(s, err)) {
        return 1;
    }
    struct progress *p = progress_store_doc(s);
    uint64_t ev = 0;
    if (progress_log_time(p, g->id, ref.id, minutes, progress_now_ms(), &ev) != PROGRESS_CHANGED) {
        return 1;
    }
    char id[PROGRESS_EVENT_ID_SIZE], dur[32], week[32];
    progress_event_id_format(ev, id, sizeof id);
    if (item_cmd_save_change(s, g->id, UNDO_RECORD_LOG, ref.id, "", id, "the time log was", err) !=
        0) {
        return 1;
    }
    progress_duration_format(minutes, dur, sizeof dur);
    struct progress_week wk;
    progress_week_of(progress_date_today(), &wk);
    unsigned long total =
        progress_journal_minutes(progress_find_guide(p, g->id), ref.id, wk.from_ms, wk.to_ms);
    progress_duration_format((unsigned)(total < UINT32_MAX ? total : UINT32_MAX), week,
                             sizeof week);
    fprintf(out, "Logged %s on ", dur);
    report_put_clean(out, ref.text, text_flags);
    fputs(" (", out);
    report_put_clean(out, ref.id, text_flags);
    fprintf(out, "); %s on it this week\n", week);
    return report_finish(out);
}
