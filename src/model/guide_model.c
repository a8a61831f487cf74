/* SPDX-License-Identifier: MIT */
/* Queries over a loaded guide. The model is immutable once loaded, so these are plain walks. */
#include "guide.h"

#include <stdlib.h>
#include <string.h>

#include "guide_ids.h"

void guide_free(struct guide *g)
{
    if (g == NULL) {
        return;
    }
    arena_free(&g->arena);
    guide_ids_free(g->ids);
    free(g->dir);
    free(g);
}

unsigned guide_adopt_parts(struct guide *g, struct guide *from)
{
    unsigned taken = 0;
    if ((from->loaded & GUIDE_PART_CERTS) && !(g->loaded & GUIDE_PART_CERTS)) {
        g->certs_title = from->certs_title;
        g->certs = from->certs;
        g->n_certs = from->n_certs;
        taken |= GUIDE_PART_CERTS;
    }
    if ((from->loaded & GUIDE_PART_FAQ) && !(g->loaded & GUIDE_PART_FAQ)) {
        g->faq_title = from->faq_title;
        g->faqs = from->faqs;
        g->n_faqs = from->n_faqs;
        taken |= GUIDE_PART_FAQ;
    }
    g->loaded |= taken;
    arena_adopt(&g->arena, &from->arena);
    return taken;
}

const struct guide_phase *guide_find_phase(const struct guide *g, const char *id)
{
    for (size_t i = 0; i < g->n_phases; i++) {
        if (strcmp(g->phases[i].id, id) == 0) {
            return &g->phases[i];
        }
    }
    return NULL;
}

const struct guide_cert *guide_find_cert(const struct guide *g, const char *id)
{
    for (size_t i = 0; i < g->n_certs; i++) {
        if (strcmp(g->certs[i].id, id) == 0) {
            return &g->certs[i];
        }
    }
    return NULL;
}

const struct guide_action *guide_find_action(const struct guide *g, const char *id,
                                             const struct guide_phase **phase)
{
    for (size_t i = 0; i < g->n_phases; i++) {
        const struct guide_phase *ph = &g->phases[i];
        for (size_t j = 0; j < ph->n_actions; j++) {
            if (strcmp(ph->actions[j].id, id) == 0) {
                if (phase != NULL) {
                    *phase = ph;
                }
                return &ph->actions[j];
            }
        }
    }
    return NULL;
}

size_t guide_count_actions(const struct guide *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n_phases; i++) {
        n += g->phases[i].n_actions;
    }
    return n;
}

const char *guide_part_file(enum guide_part part)
{
    switch (part) {
    case GUIDE_PART_INFO:
    case GUIDE_PART_HEAD:
        return "guide.yaml";
    case GUIDE_PART_PATH:
        return "career-path.yaml";
    case GUIDE_PART_CERTS:
        return "certifications.yaml";
    case GUIDE_PART_FAQ:
        return "faq.yaml";
    case GUIDE_PART_ALL:
        break;
    }
    return NULL;
}

const char *guide_level_name(enum guide_level level)
{
    static const char *const names[] = {NULL, "beginner", "intermediate", "advanced", "expert"};
    if ((int)level < 0 || level > GUIDE_LEVEL_MAX) {
        return NULL;
    }
    return names[level];
}
