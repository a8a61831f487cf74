/* SPDX-License-Identifier: MIT */
/* Logging time against an item, and taking a log back: the document-level setters of the
 * journal (progress_journal.h), undoable like every change of the learner's. */
#include <string.h>

#include "progress_journal_internal.h"
#include "text.h"
#include "xalloc.h"

static bool id_ok(const char *id)
{
    return id != NULL && id[0] != '\0' && text_utf8_valid(id, strlen(id), NULL);
}

enum progress_change progress_log_time(struct progress *p, const char *guide_id,
                                       const char *item_id, unsigned minutes, int64_t now_ms,
                                       uint64_t *event_id)
{
    if (!id_ok(guide_id) || !id_ok(item_id) || minutes < 1 || minutes > PROGRESS_LOG_MAX_MINUTES) {
        return PROGRESS_INVALID;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    uint64_t id =
        progress_journal_record(pg, PROGRESS_EVENT_LOG, item_id, PROGRESS_TODO, minutes, 0, now_ms);
    struct progress_undo u = {
        .kind = PROGRESS_UNDO_LOG, .guide_id = xstrdup(guide_id), .event = id};
    progress_undo_push(p, &u);
    p->generation++;
    if (event_id != NULL) {
        *event_id = id;
    }
    return PROGRESS_CHANGED;
}

enum progress_change progress_unlog_time(struct progress *p, const char *guide_id, uint64_t id,
                                         int64_t now_ms)
{
    struct progress_guide *pg = progress_lookup_guide(p, guide_id);
    enum progress_change ch =
        pg != NULL ? progress_journal_unlog(pg, id, now_ms) : PROGRESS_INVALID;
    if (ch == PROGRESS_CHANGED) {
        p->generation++;
    }
    return ch;
}
