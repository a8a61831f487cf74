/* SPDX-License-Identifier: MIT */
/* Progress that survives a Markdown plan's changes: a plan of five sections of eight items is
 * ticked item by item (each item's state tells it apart), then rewritten as upstream plans are:
 * ten items reworded, five moved to other sections, two deleted, three inserted and the
 * sections reordered. Every surviving item keeps its state and note, the new ones have none,
 * and the two deleted ones are the only orphans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guide.h"
#include "progress.h"
#include "progress_personal.h"
#include "progress_reattach.h"
#include "xalloc.h"

#define N_SECTIONS 5
#define PER        8
#define N_ITEMS    (N_SECTIONS * PER)
#define T0         1764138612345LL

static const char *const animals[N_ITEMS] = {
    "aardvark",  "buffalo",   "chameleon", "dolphin",  "elephant",   "flamingo", "giraffe",
    "hedgehog",  "iguana",    "jaguar",    "kangaroo", "lemur",      "meerkat",  "narwhal",
    "ocelot",    "pelican",   "quokka",    "raccoon",  "salamander", "tortoise", "urchin",
    "vulture",   "walrus",    "albatross", "cheetah",  "dingo",      "ferret",   "gecko",
    "hamster",   "jellyfish", "lobster",   "mongoose", "porcupine",  "scorpion", "tarantula",
    "wolverine", "armadillo", "crocodile", "platypus", "woodpecker",
};

static bool in(size_t k, const size_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (set[i] == k) {
            return true;
        }
    }
    return false;
}

static const size_t edited[] = {1, 4, 7, 10, 13, 16, 19, 22, 25, 28};
static const size_t moved[] = {2, 11, 20, 29, 38};
static const size_t deleted[] = {5, 33};
static const char *const inserted[] = {"Write a haiku about winter", "Bake sourdough bread",
                                       "Paint the garden fence"};

/* Item k's text in the first version, or in the second (reworded: a plural and a '!'). */
static char *item_text(size_t k, bool v2)
{
    bool ed = v2 && in(k, edited, 10);
    return xasprintf("Study the %s%s carefully%s", animals[k], ed ? "s" : "", ed ? "!" : "");
}

/* Appends before, arg and after to *s. */
static void add(char **s, const char *before, const char *arg, const char *after)
{
    char *t = xasprintf("%s%s%s%s", *s, before, arg, after);
    free(*s);
    *s = t;
}

/* The plan's text: v1 as written first; v2 changed as the header says. */
static char *plan_text(bool v2)
{
    char *s = xstrdup("# Zoo Plan\n");
    for (size_t n = 0; n < N_SECTIONS; n++) {
        size_t sec = v2 ? N_SECTIONS - 1 - n : n; /* v2: the sections in reverse order */
        char name[2] = {(char)('A' + sec), '\0'};
        add(&s, "\n## Section ", name, "\n\n");
        for (size_t k = sec * PER; k < (sec + 1) * PER; k++) {
            if (v2 && (in(k, moved, 5) || in(k, deleted, 2))) {
                continue;
            }
            char *t = item_text(k, v2);
            add(&s, "- [ ] ", t, "\n");
            free(t);
        }
        for (size_t i = 0; v2 && i < 5; i++) { /* moved items end the next section */
            if (moved[i] / PER == (sec + N_SECTIONS - 1) % N_SECTIONS) {
                char *t = item_text(moved[i], true);
                add(&s, "- [ ] ", t, "\n");
                free(t);
            }
        }
        if (v2 && sec < 3) {
            add(&s, "- [ ] ", inserted[sec], "\n");
        }
    }
    return s;
}

static struct guide *load_plan(const char *text)
{
    char dir[] = "/tmp/trail-reattach-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = xasprintf("%s/zoo.md", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    struct diag d = {0};
    struct guide *g = guide_load(path, GUIDE_PART_ALL, &d);
    assert_non_null(g);
    assert_int_equal(d.errors + d.warnings, 0);
    diag_free(&d);
    unlink(path);
    rmdir(dir);
    free(path);
    return g;
}

static enum progress_state state_for(size_t k)
{
    static const enum progress_state states[] = {PROGRESS_DONE, PROGRESS_IN_PROGRESS,
                                                 PROGRESS_SKIPPED};
    return states[k % 3];
}

/* The action of g whose text is text, or NULL. */
static const struct guide_action *by_text(const struct guide *g, const char *text)
{
    for (size_t i = 0; i < g->n_phases; i++) {
        for (size_t j = 0; j < g->phases[i].n_actions; j++) {
            if (strcmp(g->phases[i].actions[j].text, text) == 0) {
                return &g->phases[i].actions[j];
            }
        }
    }
    return NULL;
}

static void test_progress_survives(void **state)
{
    (void)state;
    char *t1 = plan_text(false), *t2 = plan_text(true);
    struct guide *g1 = load_plan(t1);
    assert_int_equal(guide_count_actions(g1), N_ITEMS);
    struct progress *p = progress_new();
    for (size_t k = 0; k < N_ITEMS; k++) {
        char *t = item_text(k, false);
        const struct guide_action *a = by_text(g1, t);
        assert_non_null(a);
        progress_set_state(p, g1->id, a->id, state_for(k), T0);
        if (k == 1) {
            progress_set_note(p, g1->id, a->id, "a note", 6, T0);
        }
        free(t);
    }

    struct guide *g2 = load_plan(t2);
    assert_int_equal(guide_count_actions(g2), N_ITEMS - 2 + 3);
    assert_string_equal(g2->phases[0].title, "Section E");
    size_t matched = progress_reattach(g2, p);
    assert_int_equal(matched, 10 + 5);
    for (size_t k = 0; k < N_ITEMS; k++) {
        char *t = item_text(k, true);
        const struct guide_action *a = by_text(g2, t);
        if (in(k, deleted, 2)) {
            assert_null(a);
        } else {
            assert_non_null(a);
            if (progress_get_state(p, g2->id, a->id) != state_for(k)) {
                fail_msg("item %zu (%s, id %s) lost its state", k, t, a->id);
            }
        }
        free(t);
    }
    for (size_t i = 0; i < 3; i++) {
        const struct guide_action *a = by_text(g2, inserted[i]);
        assert_int_equal(progress_get_state(p, g2->id, a->id), PROGRESS_TODO);
    }
    char *t = item_text(1, true);
    assert_string_equal(progress_get_note(p, g2->id, by_text(g2, t)->id), "a note");
    free(t);

    const char **orphans;
    size_t n = progress_orphans(g2, p, &orphans);
    assert_int_equal(n, 2);
    assert_non_null(strstr(orphans[0], "flamingo"));
    assert_non_null(strstr(orphans[1], "scorpion"));
    free((void *)orphans);

    /* Once only: the splice (which reattaches on first sight) finds nothing left to do. */
    g2->reattached = true;
    progress_personal_apply(g2, p);
    assert_int_equal(progress_reattach(g2, p), 0);
    guide_free(g1);
    guide_free(g2);
    progress_free(p);
    free(t1);
    free(t2);
}

/* A YAML guide's ids are written in its files: nothing is reattached. */
static void test_yaml_untouched(void **state)
{
    (void)state;
    static struct guide_action acts[] = {{.id = "a/giraffe", .text = "Giraffe"}};
    static struct guide_phase ph[] = {{.id = "a", .title = "A", .actions = acts, .n_actions = 1}};
    struct guide g = {.id = "y", .title = "Y", .phases = ph, .n_phases = 1};
    struct progress *p = progress_new();
    progress_set_state(p, "y", "b/giraffe", PROGRESS_DONE, T0);
    assert_int_equal(progress_reattach(&g, p), 0);
    assert_string_equal(acts[0].id, "a/giraffe");
    progress_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_progress_survives),
        cmocka_unit_test(test_yaml_untouched),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
