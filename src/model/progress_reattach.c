/* SPDX-License-Identifier: MIT */
/* Progress that follows a Markdown plan's items when the plan changes upstream.
 *
 * A plan's ids come from its text (guide_md.c: the section path and a slug of the item), so an
 * item whose wording was edited, or that moved to another section, has a new id, and the saved
 * state and note under its old id would be orphaned. When a plan meets the progress file, each
 * saved id the plan does not have is matched against the plan's actions that have nothing
 * saved: an action with the same slug (the item moved) or one whose slug differs by at most a
 * fifth of its characters (the wording was edited). All the possible pairs are taken closest
 * first, ties to the nearer section, so an edited item finds its old id before a deleted item's
 * id can take it. A matched action takes the saved id as its own, so the progress file is never
 * rewritten and the match holds as long as the item stays recognisable. What matches nothing
 * stays in the file, orphaned (progress_count_unknown(), trail --check lists it). */
#include "progress_reattach.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Past this many orphan-candidate pairs, only same-slug matches are tried (each comparison of
 * edited slugs costs up to 32 x 32 steps). */
#define FUZZY_PAIRS_MAX 4000000u

/* The last component of an id: the item's slug. */
static const char *slug_of(const char *id)
{
    const char *s = strrchr(id, '/');
    return s != NULL ? s + 1 : id;
}

/* Edit distance between a and b, or a value above max once it must exceed it. */
static size_t distance(const char *a, const char *b, size_t max)
{
    size_t n = strlen(a), m = strlen(b);
    if ((n > m ? n - m : m - n) > max || n > 64 || m > 64) {
        return max + 1;
    }
    size_t row[65];
    for (size_t j = 0; j <= m; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0], best = row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] != b[j - 1]);
            v = up + 1 < v ? up + 1 : v;
            v = row[j - 1] + 1 < v ? row[j - 1] + 1 : v;
            row[j] = v;
            diag = up;
            best = v < best ? v : best;
        }
        if (best > max) {
            return max + 1;
        }
    }
    return row[m];
}

/* Bytes the two ids' section paths share. */
static size_t common_prefix(const char *a, const char *b)
{
    size_t i = 0;
    while (a[i] != '\0' && a[i] == b[i]) {
        i++;
    }
    return i;
}

struct candidate {
    struct guide_action *a;
    bool taken;
};

/* A possible match: orphan o could be candidate c at this edit distance; p bytes of section
 * path in common. */
struct pair {
    size_t o, c, d, p;
};

static int pair_order(const void *x, const void *y)
{
    const struct pair *a = x, *b = y;
    if (a->d != b->d) {
        return a->d < b->d ? -1 : 1;
    }
    if (a->p != b->p) {
        return a->p > b->p ? -1 : 1;
    }
    return a->o != b->o ? (a->o < b->o ? -1 : 1) : (a->c < b->c ? -1 : (a->c > b->c));
}

/* The distance between two slugs when within a fifth of the longer one's length, else
 * SIZE_MAX. Equal slugs are 0 (a moved item). */
static size_t slug_distance(const char *a, const char *b, bool fuzzy)
{
    if (strcmp(a, b) == 0) {
        return 0;
    }
    if (!fuzzy) {
        return SIZE_MAX;
    }
    size_t len = strlen(a) > strlen(b) ? strlen(a) : strlen(b), max = len / 5;
    size_t d = max > 0 ? distance(a, b, max) : max + 1;
    return d <= max ? d : SIZE_MAX;
}

/* Every orphan-candidate pair that may match, closest first (then the nearer section). */
static struct pair *pairs_of(const char **orphans, size_t n_orphans, const struct candidate *c,
                             size_t n, bool fuzzy, size_t *n_pairs)
{
    struct pair *v = NULL;
    size_t len = 0, cap = 0;
    for (size_t o = 0; o < n_orphans; o++) {
        for (size_t k = 0; k < n; k++) {
            size_t d = slug_distance(slug_of(orphans[o]), slug_of(c[k].a->id), fuzzy);
            if (d == SIZE_MAX) {
                continue;
            }
            if (len == cap) {
                cap = cap ? cap * 2 : 16;
                v = xreallocarray(v, cap, sizeof *v);
            }
            v[len++] = (struct pair){o, k, d, common_prefix(orphans[o], c[k].a->id)};
        }
    }
    if (len > 1) {
        qsort(v, len, sizeof *v, pair_order);
    }
    *n_pairs = len;
    return v;
}

/* Whether id is a personal action's (progress_personal.h): never an orphan of the plan. */
static bool mine(const char *id)
{
    return strncmp(id, PROGRESS_PERSONAL_PREFIX, strlen(PROGRESS_PERSONAL_PREFIX)) == 0;
}

/* Whether id is one of g's phase or action ids. */
static bool in_guide(const struct guide *g, const char *id)
{
    return guide_find_phase(g, id) != NULL || guide_find_action(g, id, NULL) != NULL;
}

size_t progress_reattach(struct guide *g, const struct progress *p)
{
    const struct progress_guide *pg = p != NULL ? progress_find_guide(p, g->id) : NULL;
    size_t n_items = progress_guide_count_items(pg);
    if (!g->markdown || n_items == 0) {
        return 0;
    }
    /* Candidates: the plan's own actions with nothing saved under their id. */
    size_t total = guide_count_actions(g), n = 0, moved = 0;
    struct candidate *c = xcalloc(total + 1, sizeof *c);
    for (size_t i = 0; i < g->n_phases; i++) {
        for (size_t j = 0; j < g->phases[i].n_actions; j++) {
            struct guide_action *a = &g->phases[i].actions[j];
            if (!a->personal && progress_find_item(pg, a->id) == NULL &&
                progress_find_note(pg, a->id) == NULL) {
                c[n++] = (struct candidate){a, false};
            }
        }
    }
    /* Orphans: saved states whose id the plan does not have (a note under the same id follows
     * with it). */
    const char **orphans = xcalloc(n_items + 1, sizeof *orphans);
    size_t n_orphans = 0;
    for (size_t i = 0; i < n_items; i++) {
        const char *id = progress_guide_item(pg, i)->id;
        if (!mine(id) && !in_guide(g, id)) {
            orphans[n_orphans++] = id;
        }
    }
    bool fuzzy = (unsigned long long)n_orphans * n <= FUZZY_PAIRS_MAX;
    size_t n_pairs;
    struct pair *pairs = pairs_of(orphans, n_orphans, c, n, fuzzy, &n_pairs);
    bool *done = xcalloc(n_orphans + 1, sizeof *done);
    for (size_t i = 0; i < n_pairs; i++) {
        struct pair *pr = &pairs[i];
        if (!done[pr->o] && !c[pr->c].taken) {
            c[pr->c].a->id = arena_strdup(&g->arena, orphans[pr->o]);
            c[pr->c].taken = done[pr->o] = true;
            moved++;
        }
    }
    free(done);
    free(pairs);
    free((void *)orphans);
    free(c);
    return moved;
}

size_t progress_orphans(const struct guide *g, const struct progress *p, const char ***out)
{
    const struct progress_guide *pg = p != NULL ? progress_find_guide(p, g->id) : NULL;
    size_t n_items = progress_guide_count_items(pg), n = 0;
    *out = xcalloc(n_items + 1, sizeof **out);
    for (size_t i = 0; i < n_items; i++) {
        const char *id = progress_guide_item(pg, i)->id;
        if (!mine(id) && !in_guide(g, id)) {
            (*out)[n++] = id;
        }
    }
    return n;
}
