/* SPDX-License-Identifier: MIT */
/* The state a key action shows, which is more than its saved entry in a Markdown plan: an item
 * the plan's author ticked ("- [x]") shows as done until the learner sets its state, and an item
 * with sub-items shows as done once every sub-item is done or skipped (at least one done), unless
 * the learner skipped it. A YAML guide's action shows its saved state alone. Reports, counts and
 * the browser all ask here, so they agree. */
#include <string.h>

#include "progress_internal.h"
#include "text.h"
#include "xalloc.h"

/* The sub-items of ph->actions[a] are the actions after it that are deeper. */
static bool children_done(const struct progress_guide *pg, const struct guide_phase *ph, size_t a)
{
    unsigned depth = ph->actions[a].depth;
    size_t done = 0, open = 0;
    for (size_t k = a + 1; k < ph->n_actions && ph->actions[k].depth > depth; k++) {
        if (ph->actions[k].depth != depth + 1) {
            continue;
        }
        enum progress_state st = progress_action_state(pg, ph, k);
        done += st == PROGRESS_DONE;
        open += st == PROGRESS_TODO || st == PROGRESS_IN_PROGRESS;
    }
    return done > 0 && open == 0;
}

enum progress_state progress_action_state(const struct progress_guide *pg,
                                          const struct guide_phase *ph, size_t a)
{
    const struct guide_action *act = &ph->actions[a];
    const struct progress_item *it = progress_find_item(pg, act->id);
    enum progress_state st = it != NULL ? it->state : act->ticked ? PROGRESS_DONE : PROGRESS_TODO;
    if (st != PROGRESS_DONE && st != PROGRESS_SKIPPED && a + 1 < ph->n_actions &&
        ph->actions[a + 1].depth > act->depth && children_done(pg, ph, a)) {
        st = PROGRESS_DONE;
    }
    return st;
}

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
    p->generation++;
    return PROGRESS_CHANGED;
}
