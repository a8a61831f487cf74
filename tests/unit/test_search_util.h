/* SPDX-License-Identifier: MIT */
/* Guides built in code for the search tests: every string in the guide's arena, arrays grown by
 * copying (fine for a handful of items). Free with tg_free(). */
#ifndef TRAIL_TEST_SEARCH_UTIL_H
#define TRAIL_TEST_SEARCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "guide.h"
#include "xalloc.h"

static inline struct guide *tg_new(void)
{
    struct guide *g = xcalloc(1, sizeof *g);
    g->id = arena_strdup(&g->arena, "test");
    g->title = arena_strdup(&g->arena, "Test Guide");
    g->short_title = g->title;
    g->available = g->loaded = GUIDE_PART_ALL;
    return g;
}

static inline void tg_free(struct guide *g)
{
    arena_free(&g->arena);
    free(g);
}

static inline const char *tg_str(struct guide *g, const char *s)
{
    return s == NULL ? NULL : arena_strdup(&g->arena, s);
}

static inline const char *tg_id(struct guide *g, const char *prefix, size_t i)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s-%zu", prefix, i);
    return arena_strdup(&g->arena, buf);
}

/* Returns a copy of the n elements of `size` bytes at old with room for one more. */
static inline void *tg_grow(struct guide *g, const void *old, size_t n, size_t size)
{
    void *p = arena_calloc(&g->arena, n + 1, size);
    if (n > 0) {
        memcpy(p, old, n * size);
    }
    return p;
}

static inline void tg_add_overview(struct guide *g, const char *title, const char *text)
{
    g->overview = tg_grow(g, g->overview, g->n_overview, sizeof *g->overview);
    g->overview[g->n_overview++] = (struct guide_text){tg_str(g, title), tg_str(g, text)};
}

static inline void tg_add_phase(struct guide *g, const char *title, const char *summary)
{
    g->phases = tg_grow(g, g->phases, g->n_phases, sizeof *g->phases);
    struct guide_phase *p = &g->phases[g->n_phases];
    p->id = tg_id(g, "phase", g->n_phases);
    p->title = tg_str(g, title);
    p->summary = tg_str(g, summary);
    g->n_phases++;
}

/* Adds a key action to the last phase. */
static inline void tg_add_action(struct guide *g, const char *text)
{
    struct guide_phase *p = &g->phases[g->n_phases - 1];
    p->actions = tg_grow(g, p->actions, p->n_actions, sizeof *p->actions);
    p->actions[p->n_actions].id = tg_id(g, p->id, p->n_actions);
    p->actions[p->n_actions].text = tg_str(g, text);
    p->n_actions++;
}

static inline void tg_add_cert(struct guide *g, const char *name, const char *issuer,
                               const char *description)
{
    g->certs = tg_grow(g, g->certs, g->n_certs, sizeof *g->certs);
    g->certs[g->n_certs] = (struct guide_cert){tg_id(g, "cert", g->n_certs), tg_str(g, name),
                                               tg_str(g, issuer), tg_str(g, description)};
    g->n_certs++;
}

static inline void tg_add_faq(struct guide *g, const char *question, const char *answer)
{
    g->faqs = tg_grow(g, g->faqs, g->n_faqs, sizeof *g->faqs);
    g->faqs[g->n_faqs] =
        (struct guide_faq){tg_id(g, "faq", g->n_faqs), tg_str(g, question), tg_str(g, answer)};
    g->n_faqs++;
}

static inline void tg_set_cta(struct guide *g, const char *title, const char *text,
                              const char *button)
{
    struct guide_cta *c = arena_calloc(&g->arena, 1, sizeof *c);
    *c = (struct guide_cta){tg_str(g, title), tg_str(g, text), tg_str(g, button)};
    g->cta = c;
}

#endif
