/* SPDX-License-Identifier: MIT */
/* Evidence under its item: see view_evidence.h. The target, the credential id and the check's
 * summary are untrusted (a path, a remote, a README line): view_doc_put() sanitises them and
 * keeps what fits in the line. */
#include "view_evidence.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

#define EVIDENCE_SHOWN 16 /* pieces listed under one item */

void view_evidence_result(const struct progress_evidence *e, char *buf, size_t size)
{
    const struct progress_check *c = &e->check;
    if (c->when == 0) {
        snprintf(buf, size, "not checked yet (V checks)");
        return;
    }
    char when[PROGRESS_TIME_SIZE];
    progress_format_time(c->when, when, sizeof when);
    const char *summary = c->summary != NULL ? c->summary : "";
    if (c->status == PROGRESS_CHECK_OK) {
        snprintf(buf, size, "verified %.10s: %s", when, summary);
    } else {
        snprintf(buf, size, "%s (checked %.10s)", summary, when);
    }
}

/* A piece's state: NONE while it was never checked. */
static enum progress_check_status status_of(const struct progress_evidence *e)
{
    return e->check.when != 0 ? e->check.status : PROGRESS_CHECK_NONE;
}

enum view_role view_evidence_summary(const struct progress_evidence *const *v, size_t n, char *buf,
                                     size_t size)
{
    size_t ok = 0, failed = 0;
    int64_t latest = 0;
    for (size_t i = 0; i < n; i++) {
        enum progress_check_status st = status_of(v[i]);
        ok += st == PROGRESS_CHECK_OK;
        failed += st != PROGRESS_CHECK_OK && st != PROGRESS_CHECK_NONE;
        latest = v[i]->check.when > latest ? v[i]->check.when : latest;
    }
    enum view_role role = failed > 0 ? VIEW_ROLE_ERROR : ok == n ? VIEW_ROLE_DONE : VIEW_ROLE_DIM;
    if (n == 1) {
        view_evidence_result(v[0], buf, size);
        return role;
    }
    char when[PROGRESS_TIME_SIZE];
    progress_format_time(latest, when, sizeof when);
    if (failed > 0) {
        snprintf(buf, size, "%zu of %zu do%s not hold (checked %.10s)", failed, n,
                 failed == 1 ? "es" : "", when);
    } else if (ok == n) {
        snprintf(buf, size, "verified %.10s: all %zu hold", when, n);
    } else if (ok > 0) {
        snprintf(buf, size, "verified %.10s: %zu of %zu, the others not checked yet (V checks)",
                 when, ok, n);
    } else {
        snprintf(buf, size, "not checked yet (V checks)");
    }
    return role;
}

static const char *marker(const struct view_doc *d, enum progress_check_status st)
{
    bool ascii = (d->text_flags & TEXT_ASCII) != 0;
    if (st == PROGRESS_CHECK_OK) {
        return ascii ? "+" : "✓";
    }
    return st == PROGRESS_CHECK_NONE ? (ascii ? "-" : "·") : (ascii ? "!" : "✗");
}

static void put_sep(struct view_doc *d)
{
    view_doc_puts(d, VIEW_ROLE_DIM, text_sep(d->text_flags));
}

/* One piece: its mark, its description (else its target), its credential id, its target after
 * a description, and its own result when the line above does not say it all. */
static void piece_line(struct view_doc *d, const struct progress_evidence *e, bool own_result,
                       int indent)
{
    enum progress_check_status st = status_of(e);
    view_doc_begin_line(d);
    view_doc_pad_to(d, indent);
    view_doc_puts(d, st == PROGRESS_CHECK_OK ? VIEW_ROLE_DONE : VIEW_ROLE_ACCENT, marker(d, st));
    view_doc_pad_to(d, indent + 2);
    view_doc_puts(d, VIEW_ROLE_BODY, e->description != NULL ? e->description : e->target);
    if (e->credential != NULL) {
        put_sep(d);
        view_doc_puts(d, VIEW_ROLE_DIM, "credential ");
        view_doc_puts(d, VIEW_ROLE_BODY, e->credential);
    }
    if (e->description != NULL) {
        put_sep(d);
        view_doc_puts(d, VIEW_ROLE_DIM, e->target);
    }
    if (own_result || (st != PROGRESS_CHECK_OK && st != PROGRESS_CHECK_NONE)) {
        put_sep(d);
        view_doc_puts(d,
                      st == PROGRESS_CHECK_OK || st == PROGRESS_CHECK_NONE ? VIEW_ROLE_DIM
                                                                           : VIEW_ROLE_ERROR,
                      st == PROGRESS_CHECK_NONE  ? "not checked yet"
                      : e->check.summary != NULL ? e->check.summary
                                                 : progress_check_status_name(st));
    }
    view_doc_end_line(d);
}

size_t view_evidence_add(struct view_doc *d, const struct progress *p, const char *guide_id,
                         const char *item_id, const char *state, enum view_role state_role,
                         int indent)
{
    if (p == NULL) {
        return 0;
    }
    const struct progress_evidence *v[EVIDENCE_SHOWN];
    size_t n = progress_evidence_of(p, guide_id, item_id, v, EVIDENCE_SHOWN);
    size_t shown = n < EVIDENCE_SHOWN ? n : EVIDENCE_SHOWN;
    if (shown == 0) {
        return 0;
    }
    char result[256];
    size_t first = d->n_lines;
    enum view_role role = view_evidence_summary(v, shown, result, sizeof result);
    view_doc_begin_line(d);
    view_doc_pad_to(d, indent);
    if (state != NULL) {
        view_doc_puts(d, state_role, state);
        put_sep(d);
    }
    view_doc_puts(d, role, result);
    view_doc_end_line(d);
    for (size_t i = 0; i < shown; i++) {
        piece_line(d, v[i], shown > 1, indent);
    }
    return d->n_lines - first;
}
