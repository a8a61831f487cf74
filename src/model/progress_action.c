/* SPDX-License-Identifier: MIT */
/* The state a key action shows, looked up and set by id: more than its saved entry in a
 * Markdown plan (see progress_action_state() in progress_model.c, which the counts use too):
 * an item the plan's author ticked shows as done until the learner sets its state, so setting
 * one compares with what is shown, and undo puts back what was shown. */
#include <string.h>

#include "progress_journal_internal.h"
#include "text.h"
#include "xalloc.h"

enum progress_state progress_item_state(const struct progress *p, const struct guide *g,
                                        const char *id)
{
    const struct guide_phase *ph;
    const struct guide_action *a = guide_find_action(g, id, &ph);
    if (a == NULL) {
        return progress_get_state(p, g->id, id);
    }
    return progress_action_state(progress_find_guide(p, g->id), ph, (size_t)(a - ph->actions));
}

bool progress_item_done_by_parts(const struct progress *p, const struct guide *g, const char *id)
{
    const struct guide_phase *ph;
    const struct guide_action *a = guide_find_action(g, id, &ph);
    if (a == NULL || progress_item_state(p, g, id) != PROGRESS_DONE) {
        return false;
    }
    const struct progress_item *it = progress_find_item(progress_find_guide(p, g->id), id);
    enum progress_state own = it != NULL ? it->state : a->ticked ? PROGRESS_DONE : PROGRESS_TODO;
    return own != PROGRESS_DONE;
}

enum progress_change progress_set_item_state(struct progress *p, const struct guide *g,
                                             const char *id, enum progress_state state,
                                             int64_t now_ms)
{
    if (id == NULL || id[0] == '\0' || !text_utf8_valid(id, strlen(id), NULL) ||
        (unsigned)state >= PROGRESS_STATE_COUNT) {
        return PROGRESS_INVALID;
    }
    enum progress_state shown = progress_item_state(p, g, id);
    if (shown == state) {
        return PROGRESS_SAME;
    }
    /* Undo puts back what was shown, so undoing the untick of an author's tick shows it
     * ticked again (as the learner's own tick). */
    struct progress_undo u = {
        .kind = PROGRESS_UNDO_STATE, .guide_id = xstrdup(g->id), .id = xstrdup(id), .state = shown};
    progress_undo_push(p, &u);
    struct progress_guide *pg = progress_get_guide(p, g->id);
    struct progress_item *it = progress_guide_item_get(pg, id);
    it->changed = progress_change_time(pg, it->changed, now_ms);
    it->state = state;
    progress_journal_record(pg, PROGRESS_EVENT_STATE, id, state, 0, 0, now_ms);
    p->generation++;
    return PROGRESS_CHANGED;
}
