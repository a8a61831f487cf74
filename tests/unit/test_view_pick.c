/* SPDX-License-Identifier: MIT */
/* The guide picker's document: one item per guide keyed by its id, with the title, the id and
 * the number of key actions, and a progress bar per guide from the same progress document
 * (progress is kept per guide id); a guide that failed to load says so. Uses the fixture
 * guides: lighthouse (4 phases of 5 key actions) and orchard (2 phases: 2 and 3). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guide.h"
#include "input.h"
#include "progress.h"
#include "text.h"
#include "view.h"
#include "view_pick.h"

#define T0 1764138612345 /* a fixed change time */

static struct guide *load(const char *id)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/guides/%s", TRAIL_TEST_DATA, id);
    struct diag d = {0};
    struct guide *g = guide_load(dir, GUIDE_PART_INFO | GUIDE_PART_PATH, &d);
    assert_non_null(g);
    diag_free(&d);
    return g;
}

/* The lines of item `item` joined by '\n' into out. */
static void item_text(const struct view_doc *d, size_t item, char *out, size_t size)
{
    const struct view_item *it = &d->items[item];
    size_t used = 0;
    out[0] = '\0';
    for (size_t l = it->first; l < it->first + it->count && used < size; l++) {
        used += (size_t)snprintf(out + used, size - used, "%s\n", d->lines[l].text);
    }
}

static void test_items_and_progress(void **state)
{
    (void)state;
    struct guide *lh = load("lighthouse"), *orchard = load("orchard");
    struct progress *p = progress_new();
    /* One of orchard's five key actions done; one of lighthouse's skipped. */
    assert_int_equal(progress_set_state(p, "orchard", "plant/dig", PROGRESS_DONE, T0),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_state(p, "lighthouse", "basics/trim-wicks", PROGRESS_SKIPPED, T0),
                     PROGRESS_CHANGED);
    struct view_pick_entry v[] = {{"lighthouse", lh}, {"orchard", orchard}};
    struct view_doc d;
    view_doc_init(&d, 60, TEXT_ASCII);
    view_pick(&d, v, 2, p);
    assert_int_equal(d.n_items, 2);
    assert_string_equal(d.items[0].id, "lighthouse");
    assert_string_equal(d.items[1].id, "orchard");
    assert_int_equal(view_doc_find_item(&d, "orchard"), 1);

    char text[1024];
    item_text(&d, 0, text, sizeof text);
    /* Nothing done of 20 - 1 skipped: an empty bar, 0/19. */
    assert_string_equal(text, "Lighthouse Keeper\n"
                              "  lighthouse - 20 key actions\n"
                              "  --------------------  0/19 - 0%\n");
    item_text(&d, 1, text, sizeof text);
    /* 1 of 5: 20%, 4 of 20 cells. */
    assert_string_equal(text, "Orchard Grower\n"
                              "  orchard - 5 key actions\n"
                              "  ####----------------  1/5 - 20%\n");
    for (size_t i = 0; i < d.n_lines; i++) {
        assert_true(d.lines[i].width <= 60);
    }
    view_doc_free(&d);
    progress_free(p);
    guide_free(lh);
    guide_free(orchard);
}

/* Without progress there is no bar; a guide that failed to load says so and stays selectable. */
static void test_no_progress_and_failed(void **state)
{
    (void)state;
    struct guide *orchard = load("orchard");
    struct view_pick_entry v[] = {{"broken", NULL}, {"orchard", orchard}};
    struct view_doc d;
    view_doc_init(&d, 80, 0);
    view_pick(&d, v, 2, NULL);
    assert_int_equal(d.n_items, 2);
    char text[1024];
    item_text(&d, 0, text, sizeof text);
    assert_string_equal(text, "broken\n"
                              "  broken \xc2\xb7 could not be loaded (Enter shows why)\n");
    item_text(&d, 1, text, sizeof text);
    assert_string_equal(text, "Orchard Grower\n"
                              "  orchard \xc2\xb7 5 key actions\n");
    assert_string_equal(d.lines[0].text, "Choose a guide");
    view_doc_free(&d);
    guide_free(orchard);
}

int main(void)
{
    test_require_input(TRAIL_TEST_DATA "/guides/lighthouse");
    test_require_input(TRAIL_TEST_DATA "/guides/orchard");
    setlocale(LC_ALL, "C.UTF-8"); /* display widths of the middle dot and the bar blocks */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_items_and_progress),
        cmocka_unit_test(test_no_progress_and_failed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
