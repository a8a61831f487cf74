/* SPDX-License-Identifier: MIT */
/* Evidence under its item: see view_evidence.h. The target and the check's summary are
 * untrusted (a path, a remote, a README line): view_doc_put() sanitises them and keeps what
 * fits in the line. */
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

static const char *marker(const struct view_doc *d, enum progress_check_status st)
{
    bool ascii = (d->text_flags & TEXT_ASCII) != 0;
    if (st == PROGRESS_CHECK_OK) {
        return ascii ? "+" : "✓";
    }
    return st == PROGRESS_CHECK_NONE ? (ascii ? "-" : "·") : (ascii ? "!" : "✗");
}

size_t view_evidence_add(struct view_doc *d, const struct progress *p, const char *guide_id,
                         const char *item_id, int indent)
{
    if (p == NULL) {
        return 0;
    }
    const struct progress_evidence *v[EVIDENCE_SHOWN];
    size_t n = progress_evidence_of(p, guide_id, item_id, v, EVIDENCE_SHOWN);
    size_t shown = n < EVIDENCE_SHOWN ? n : EVIDENCE_SHOWN;
    for (size_t i = 0; i < shown; i++) {
        char result[256];
        view_evidence_result(v[i], result, sizeof result);
        enum progress_check_status st =
            v[i]->check.when != 0 ? v[i]->check.status : PROGRESS_CHECK_NONE;
        view_doc_begin_line(d);
        view_doc_pad_to(d, indent);
        view_doc_puts(d, st == PROGRESS_CHECK_OK ? VIEW_ROLE_DONE : VIEW_ROLE_ACCENT,
                      marker(d, st));
        view_doc_pad_to(d, indent + 2);
        view_doc_puts(d, VIEW_ROLE_DIM,
                      v[i]->description != NULL ? v[i]->description : v[i]->target);
        view_doc_puts(d, VIEW_ROLE_DIM, (d->text_flags & TEXT_ASCII) ? " - " : " · ");
        view_doc_puts(d,
                      st == PROGRESS_CHECK_OK || st == PROGRESS_CHECK_NONE ? VIEW_ROLE_DIM
                                                                           : VIEW_ROLE_ERROR,
                      result);
        view_doc_end_line(d);
    }
    return shown;
}
