/* SPDX-License-Identifier: MIT */
/* Evidence from the shell: see evidence_cmd.h.
 *
 * Every path and URL is printed sanitised (report_put_clean()): a hostile name cannot move
 * the cursor or retitle the terminal. Nothing is written before the item resolves and the
 * target is valid. */
#include "evidence_cmd.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evidence_check.h"
#include "evidence_git.h"
#include "item_cmd.h"
#include "progress_evidence.h"
#include "progress_report_out.h"
#include "undo_record.h"
#include "xalloc.h"

/* The target a command-line argument names: a URL as given, a path made absolute. NULL after
 * saying why on err. */
static char *target_of(const char *arg, FILE *err)
{
    char *t = NULL;
    if (evidence_is_url(arg)) {
        t = xstrdup(arg);
    } else {
        char *cwd = getcwd(NULL, 0);
        t = evidence_target_from_path(arg, cwd, evidence_home());
        free(cwd);
    }
    if (t == NULL || !progress_evidence_text_ok(t, false)) {
        fputs("trail: not a path or a URL trail can keep (empty, not UTF-8, or longer than "
              "4096 bytes): '",
              err);
        report_put_clean(err, arg, 0);
        fputs("'; nothing changed\n", err);
        free(t);
        return NULL;
    }
    return t;
}

static void put_piece(FILE *out, const struct item_cmd_ref *ref, const char *target, unsigned flags)
{
    report_put_clean(out, ref->text, flags);
    fputs(" (", out);
    report_put_clean(out, ref->id, flags);
    fputs("): ", out);
    report_put_clean(out, target, flags);
}

/* Refuses a description or credential id that is not one line of text: true after saying so. */
static bool bad_text(const char *s, const char *what, FILE *err)
{
    if (s == NULL || s[0] == '\0' || progress_evidence_text_ok(s, true)) {
        return false;
    }
    fprintf(err, "trail: %s is one line of UTF-8 text, at most 4096 bytes; nothing changed\n",
            what);
    return true;
}

int evidence_cmd_attach(const struct guide *g, struct progress_store *s, const char *name,
                        const struct evidence_cmd_piece *piece, unsigned text_flags, FILE *out,
                        FILE *err)
{
    if (bad_text(piece->description, "a description", err) ||
        bad_text(piece->credential, "a credential id", err)) {
        return 1;
    }
    struct item_cmd_ref ref;
    if (item_cmd_resolve(g, name, ITEM_CMD_ACTION | ITEM_CMD_CERT, &ref, err) != 0 ||
        item_cmd_check_writable(s, err)) {
        return 1;
    }
    if (piece->credential != NULL &&
        (ref.kind != ITEM_CMD_CERT || !evidence_is_url(piece->target))) {
        fputs("trail: --credential goes with a certification's verification URL (https://...); "
              "nothing changed\n",
              err);
        return 1;
    }
    char *t = target_of(piece->target, err);
    if (t == NULL) {
        return 1;
    }
    struct progress *p = progress_store_doc(s);
    const struct progress_evidence *old = progress_evidence_find(p, g->id, ref.id, t);
    bool kept = old != NULL && old->kind != PROGRESS_EVIDENCE_NONE;
    struct progress_evidence_spec spec = {
        .target = t,
        .kind = piece->credential != NULL
                    ? PROGRESS_EVIDENCE_CREDENTIAL
                    : evidence_guess_kind(t, evidence_home(), ref.kind == ITEM_CMD_CERT),
        .description = piece->description,
        .credential = piece->credential != NULL ? piece->credential
                      : kept                    ? old->credential
                                                : NULL};
    char *before = undo_record_evidence_value(old);
    enum progress_change ch = progress_evidence_attach(p, g->id, ref.id, &spec, progress_now_ms());
    int rc = ch == PROGRESS_INVALID ? 1 : 0;
    if (ch == PROGRESS_CHANGED) {
        char *id = undo_record_evidence_id(ref.id, t);
        char *after = undo_record_evidence_value(progress_evidence_find(p, g->id, ref.id, t));
        rc = item_cmd_save_change(s, g->id, UNDO_RECORD_EVIDENCE, id, before, after,
                                  "the evidence was", err);
        free(id);
        free(after);
    }
    if (rc == 0) {
        fputs(ch == PROGRESS_SAME ? "Already attached to " : "Attached to ", out);
        put_piece(out, &ref, t, text_flags);
        fprintf(out, " (%s", progress_evidence_kind_name(spec.kind));
        const struct progress_evidence *now = progress_evidence_find(p, g->id, ref.id, t);
        if (now != NULL && now->credential != NULL) {
            fputc(' ', out);
            report_put_clean(out, now->credential, text_flags);
        }
        fputs(")\n", out);
        rc = report_finish(out);
    }
    free(before);
    free(t);
    return rc;
}

int evidence_cmd_detach(const struct guide *g, struct progress_store *s, const char *name,
                        const char *target, unsigned text_flags, FILE *out, FILE *err)
{
    struct item_cmd_ref ref;
    if (item_cmd_resolve(g, name, ITEM_CMD_ACTION | ITEM_CMD_CERT, &ref, err) != 0 ||
        item_cmd_check_writable(s, err)) {
        return 1;
    }
    struct progress *p = progress_store_doc(s);
    /* The target as written in the file first, then as a path from here. */
    char *t = xstrdup(target);
    const struct progress_evidence *e = progress_evidence_find(p, g->id, ref.id, t);
    if (e == NULL || e->kind == PROGRESS_EVIDENCE_NONE) {
        char *cwd = getcwd(NULL, 0);
        char *path = evidence_target_from_path(target, cwd, evidence_home());
        free(cwd);
        if (path != NULL) {
            free(t);
            t = path;
            e = progress_evidence_find(p, g->id, ref.id, t);
        }
    }
    int rc = 1;
    if (e == NULL || e->kind == PROGRESS_EVIDENCE_NONE) {
        fputs("trail: no such evidence on ", err);
        put_piece(err, &ref, target, 0);
        fputs("; nothing changed\n", err);
    } else {
        char *before = undo_record_evidence_value(e);
        char *id = undo_record_evidence_id(ref.id, t);
        if (progress_evidence_detach(p, g->id, ref.id, t, progress_now_ms()) == PROGRESS_CHANGED &&
            item_cmd_save_change(s, g->id, UNDO_RECORD_EVIDENCE, id, before, "", "the removal was",
                                 err) == 0) {
            fputs("Removed from ", out);
            put_piece(out, &ref, t, text_flags);
            fputc('\n', out);
            rc = report_finish(out);
        }
        free(id);
        free(before);
    }
    free(t);
    return rc;
}

/* One line: "ok       projects/portfolio  ~/src/churn  repo, 214 commits, README". */
static void put_result(FILE *out, const struct progress_evidence *e, unsigned flags)
{
    const struct progress_check *c = &e->check;
    fprintf(out, "%-8s ", progress_check_status_name(c->status));
    report_put_clean(out, e->item, flags);
    fputs("  ", out);
    report_put_clean(out, e->target, flags);
    fputs("  ", out);
    report_put_clean(out, c->summary != NULL ? c->summary : "", flags);
    if (c->last_commit > 0) {
        char when[PROGRESS_TIME_SIZE];
        progress_format_time(c->last_commit * 1000, when, sizeof when);
        fprintf(out, ", last commit %.10s", when);
    }
    fputc('\n', out);
}

int evidence_cmd_verify(const struct guide *g, struct progress_store *s, const char *name,
                        unsigned text_flags, FILE *out, FILE *err)
{
    struct item_cmd_ref ref = {0};
    if (name != NULL &&
        item_cmd_resolve(g, name, ITEM_CMD_ACTION | ITEM_CMD_CERT, &ref, err) != 0) {
        return 1;
    }
    struct progress *p = progress_store_doc(s);
    struct evidence_check_summary sum;
    evidence_check_guide(p, g->id, ref.id, evidence_home(), progress_now_ms(), &sum);
    evidence_git_unload();
    const struct progress_guide *pg = progress_find_guide(p, g->id);
    for (size_t i = 0; i < progress_guide_count_evidence(pg); i++) {
        const struct progress_evidence *e = progress_guide_evidence(pg, i);
        if (e->kind != PROGRESS_EVIDENCE_NONE && (ref.id == NULL || strcmp(e->item, ref.id) == 0)) {
            put_result(out, e, text_flags);
        }
    }
    if (sum.checked == 0) {
        fputs("No evidence attached (trail --attach ITEM PATH|URL attaches some).\n", out);
    } else {
        fprintf(out, "%zu checked: %zu hold%s, %zu do%s not.\n", sum.checked, sum.ok,
                sum.ok == 1 ? "s" : "", sum.failed, sum.failed == 1 ? "es" : "");
    }
    int rc = report_finish(out);
    if (progress_store_readonly(s) == NULL && progress_store_dirty(s) &&
        item_cmd_save_change(s, g->id, UNDO_RECORD_STATE, NULL, NULL, NULL, "the result was",
                             err) != 0) {
        rc = 1;
    }
    return rc != 0 || sum.failed > 0 ? 1 : 0;
}
