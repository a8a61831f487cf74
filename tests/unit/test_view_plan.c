/* SPDX-License-Identifier: MIT */
/* The learning companion in the view-model: a note under its item (cut to three lines, within
 * the width, ASCII marker), the certification status line, Home's Next / Pace / Certifications
 * lines for fixed days, the "What's left" screen (exactly the actions still to do or in
 * progress, grouped by phase, with marks and the note marker), and notes and certification
 * status on the checklist, the career path and the certification documents of the bundled
 * guide (4 phases of 5 key actions, 5 certifications). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "view_check.h"

#include "guide.h"
#include "progress.h"
#include "text.h"
#include "view.h"
#include "view_guide.h"
#include "view_plan.h"

#define T0 1764138612345 /* a fixed change time */

static struct guide *load_guide(void)
{
    struct guide *g = view_check_guide(GUIDE_PART_INFO | GUIDE_PART_PATH | GUIDE_PART_CERTS);
    assert_int_equal(g->n_phases, 4);
    assert_int_equal(g->n_certs, 5);
    return g;
}

static struct progress_date date(const char *s)
{
    struct progress_date d;
    assert_int_equal(progress_date_parse(s, &d), 0);
    return d;
}

/* Every line of d joined by single spaces, runs of spaces squeezed: wrapped text reads as one
 * line. Caller frees. */
static char *flat(const struct view_doc *d)
{
    size_t cap = 1;
    for (size_t i = 0; i < d->n_lines; i++) {
        cap += d->lines[i].len + 1;
    }
    char *out = calloc(cap, 1), *o = out;
    assert_non_null(out);
    for (size_t i = 0; i < d->n_lines; i++) {
        for (size_t k = 0; k <= d->lines[i].len; k++) {
            char c = k < d->lines[i].len ? d->lines[i].text[k] : ' ';
            if (c != ' ' || (o > out && o[-1] != ' ')) {
                *o++ = c;
            }
        }
    }
    *o = '\0';
    return out;
}

/* ---- Notes ---- */

static void test_note_preview_is_one_line(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 30, 0);
    assert_int_equal(view_plan_add_note(&d, NULL, 4), 0);
    assert_int_equal(view_plan_add_note(&d, "", 4), 0);
    assert_int_equal(d.n_lines, 0);
    /* Five lines: the first shown, ending in an ellipsis; the marker before it. */
    size_t n = view_plan_add_note(&d, "one\ntwo\nthree\nfour\nfive", 4);
    assert_int_equal(n, VIEW_PLAN_NOTE_LINES);
    assert_int_equal(d.n_lines, 1);
    assert_string_equal(d.lines[0].text, "    \xe2\x9c\x8e one \xe2\x80\xa6");
    assert_int_equal(d.lines[0].runs[0].role, VIEW_ROLE_ACCENT); /* the marker */
    assert_int_equal(d.lines[0].runs[d.lines[0].n_runs - 1].role, VIEW_ROLE_DIM);
    view_check_widths(&d);
    view_doc_free(&d);

    /* A long line is cut at a word's end, with one blank before the ellipsis; ASCII marker. */
    view_doc_init(&d, 21, TEXT_ASCII);
    n = view_plan_add_note(&d, "Khan Academy first, then 3Blue1Brown.", 0);
    assert_int_equal(n, 1);
    assert_string_equal(d.lines[0].text, "* Khan Academy ...");
    view_check_widths(&d);
    view_doc_free(&d);
    /* A short note has no ellipsis. */
    view_doc_init(&d, 40, 0);
    view_plan_add_note(&d, "Weekends only", 2);
    assert_string_equal(d.lines[0].text, "  \xe2\x9c\x8e Weekends only");
    view_doc_free(&d);

    /* Control characters never reach a line. */
    view_doc_init(&d, 40, 0);
    view_plan_add_note(&d, "a\x1b[31mred\x07", 0);
    assert_null(strchr(d.lines[0].text, '\x1b'));
    assert_null(strchr(d.lines[0].text, '\x07'));
    view_doc_free(&d);
}

/* The note view: the item's name, whose note it is, then all of the note, sanitised. */
static void test_note_view_shows_all_of_it(void **state)
{
    (void)state;
    struct view_doc d;
    view_doc_init(&d, 30, 0);
    view_plan_note(&d, "Keep the \x1b]0;logbook\x07", "one\ntwo\nthree\nfour\nfive \x1b[31mred");
    view_check_widths(&d);
    for (size_t i = 0; i < d.n_lines; i++) {
        assert_null(strchr(d.lines[i].text, '\x1b'));
        assert_null(strchr(d.lines[i].text, '\x07'));
    }
    assert_non_null(strstr(d.lines[0].text, "Keep the"));
    assert_int_equal(d.lines[0].runs[0].role, VIEW_ROLE_TITLE);
    assert_string_equal(d.lines[1].text, "\xe2\x9c\x8e Your note (e edits it)");
    assert_string_equal(d.lines[2].text, "");
    assert_string_equal(d.lines[3].text, "one");
    assert_string_equal(d.lines[6].text, "four");
    assert_non_null(strstr(d.lines[7].text, "five"));
    assert_non_null(strstr(d.lines[7].text, "red"));
    assert_int_equal(d.n_lines, 8);
    view_doc_free(&d);
    /* No note (removed while shown): says so. */
    view_doc_init(&d, 40, 0);
    view_plan_note(&d, "Keep the logbook", NULL);
    assert_int_equal(d.n_lines, 2);
    assert_non_null(strstr(d.lines[1].text, "No note"));
    view_doc_free(&d);
}

static void test_cert_text(void **state)
{
    (void)state;
    char buf[128];
    struct progress_cert_info c = {.status = PROGRESS_CERT_NONE};
    assert_string_equal(view_plan_cert_text(&c, false, buf, sizeof buf), "");
    c.status = PROGRESS_CERT_STUDYING;
    assert_string_equal(view_plan_cert_text(&c, false, buf, sizeof buf), "studying");
    c.status = PROGRESS_CERT_EXAM_BOOKED;
    c.exam = date("2027-02-10");
    assert_string_equal(view_plan_cert_text(&c, false, buf, sizeof buf),
                        "exam booked \xc2\xb7 exam on 2027-02-10");
    assert_string_equal(view_plan_cert_text(&c, true, buf, sizeof buf),
                        "exam booked - exam on 2027-02-10");
    /* Passed with a date says "passed" once. */
    c = (struct progress_cert_info){.status = PROGRESS_CERT_PASSED,
                                    .passed = date("2026-10-01"),
                                    .expires = date("2029-10-01")};
    assert_string_equal(view_plan_cert_text(&c, true, buf, sizeof buf),
                        "passed on 2026-10-01 - expires on 2029-10-01");
    c.passed = (struct progress_date){0};
    assert_string_equal(view_plan_cert_text(&c, true, buf, sizeof buf),
                        "passed - expires on 2029-10-01");
    /* Truncated to the buffer, still terminated. */
    assert_string_equal(view_plan_cert_text(&c, true, buf, 7), "passed");
}

/* ---- Home ---- */

static void test_home_says_next_pace_and_certs(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = progress_new();
    struct view_doc d;
    /* Nothing ticked: Next is the first action; no start date, no certification. */
    view_doc_init(&d, 80, TEXT_ASCII);
    view_guide_home_at(&d, g, p, date("2026-05-20"));
    view_check_widths(&d);
    size_t l = view_check_find_line(&d, 0, "Next");
    assert_int_not_equal(l, SIZE_MAX);
    assert_string_equal(
        d.lines[l].text,
        "Next            Trim the wicks and clean the soot from every burner of the lamp");
    assert_int_equal(view_check_find_line(&d, 0, "Pace"), SIZE_MAX);
    assert_int_equal(view_check_find_line(&d, 0, "Certifications  "), SIZE_MAX);
    view_doc_free(&d);

    /* An action in progress comes first; started 2026-01-15, 2026-05-20 is in month 5 (months
     * begin on the 15th), which the guide plans for phase 2 (months 4-6). */
    const struct guide_phase *ph = &g->phases[0];
    assert_int_equal(progress_set_state(p, g->id, ph->actions[0].id, PROGRESS_DONE, T0),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_state(p, g->id, ph->actions[3].id, PROGRESS_IN_PROGRESS, T0),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_start(p, g->id, date("2026-01-15"), T0), PROGRESS_CHANGED);
    struct progress_cert_info pass = {.status = PROGRESS_CERT_PASSED, .passed = date("2026-03-01")};
    struct progress_cert_info book = {.status = PROGRESS_CERT_EXAM_BOOKED,
                                      .exam = date("2027-02-10")};
    char *why = NULL;
    assert_int_equal(
        progress_set_cert(p, g->id, g->certs[0].id, &pass, date("2026-05-20"), T0, &why),
        PROGRESS_CHANGED);
    assert_int_equal(
        progress_set_cert(p, g->id, g->certs[1].id, &book, date("2026-05-20"), T0, &why),
        PROGRESS_CHANGED);
    view_doc_init(&d, 80, TEXT_ASCII);
    view_guide_home_at(&d, g, p, date("2026-05-20"));
    view_check_widths(&d);
    char *all = flat(&d);
    assert_non_null(strstr(all, "Next Learn the marine radio and its distress calls by heart"));
    /* The ticks (1 of 5 done in phase 1, months 1-3: 2026-01-15 to 2026-04-14) are where the
     * plan was on 2026-02-02, 107 days before today: the lag in words, no phase named. */
    assert_non_null(strstr(all, "Pace Month 5 of 12 - about 15 weeks behind"));
    assert_null(strstr(all, "planned:"));
    assert_non_null(strstr(all, "Certifications 1 passed - 1 exam on 2027-02-10"));
    /* The lines come in that order, under the current phase and above the menu. */
    size_t cur = view_check_find_line(&d, 0, "Current phase"),
           next = view_check_find_line(&d, 0, "Next ");
    size_t pace = view_check_find_line(&d, 0, "Pace "),
           certs = view_check_find_line(&d, 0, "Certifications  ");
    size_t menu = view_check_find_line(&d, 0, "Sections");
    assert_true(cur < next && next < pace && pace < certs && certs < menu);
    free(all);
    view_doc_free(&d);

    /* Everything done or skipped: no Next. Without progress: none of the three. */
    for (size_t i = 0; i < g->n_phases; i++) {
        for (size_t a = 0; a < g->phases[i].n_actions; a++) {
            progress_set_state(p, g->id, g->phases[i].actions[a].id, PROGRESS_SKIPPED, T0 + 1);
        }
    }
    view_doc_init(&d, 80, TEXT_ASCII);
    view_guide_home_at(&d, g, p, date("2026-05-20"));
    assert_int_equal(view_check_find_line(&d, 0, "Next "), SIZE_MAX);
    view_doc_free(&d);
    view_doc_init(&d, 80, TEXT_ASCII);
    view_guide_home_at(&d, g, NULL, date("2026-05-20"));
    assert_int_equal(view_check_find_line(&d, 0, "Next "), SIZE_MAX);
    assert_int_equal(view_check_find_line(&d, 0, "Pace "), SIZE_MAX);
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

static void test_home_plan_on_a_narrow_screen(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = progress_new();
    assert_int_equal(progress_set_start(p, g->id, date("2020-01-31"), T0), PROGRESS_CHANGED);
    struct view_doc d;
    view_doc_init(&d, 28, TEXT_ASCII);
    view_guide_home_at(&d, g, p, date("2026-05-20"));
    view_check_widths(&d);
    /* The labels get lines of their own; the plan of 12 months from 2020-01-31 ended the day
     * before month 13 would begin (2021-01-31). */
    size_t l = view_check_find_line(&d, 0, "Pace");
    assert_string_equal(d.lines[l].text, "Pace");
    char *all = flat(&d);
    assert_non_null(strstr(all, "Pace The plan's 12 months ended on 2021-01-30"));
    free(all);
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

/* ---- What's left ---- */

static void test_left_lists_exactly_what_is_left(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = progress_new();
    /* Phase 1 all done but one in progress; phase 2: two skipped; phases 3-4 untouched. */
    const struct guide_phase *p1 = &g->phases[0], *p2 = &g->phases[1];
    for (size_t a = 0; a < 5; a++) {
        progress_set_state(p, g->id, p1->actions[a].id,
                           a == 2 ? PROGRESS_IN_PROGRESS : PROGRESS_DONE, T0);
    }
    progress_set_state(p, g->id, p2->actions[0].id, PROGRESS_SKIPPED, T0);
    progress_set_state(p, g->id, p2->actions[4].id, PROGRESS_SKIPPED, T0);
    assert_int_equal(progress_set_note(p, g->id, p2->actions[1].id, "read the paper", 14, T0),
                     PROGRESS_CHANGED);
    struct view_doc d;
    view_doc_init(&d, 80, 0);
    view_plan_left(&d, g, p);
    view_check_widths(&d);
    assert_string_equal(d.lines[0].text, "What's left");
    assert_string_equal(d.lines[1].text, "14 key actions to do or in progress");
    /* 1 of phase 1, 3 of phase 2, 5 each of phases 3 and 4, in guide order. */
    const char *want[14];
    size_t k = 0;
    want[k++] = p1->actions[2].id;
    for (size_t a = 1; a < 4; a++) {
        want[k++] = p2->actions[a].id;
    }
    for (size_t i = 2; i < 4; i++) {
        for (size_t a = 0; a < 5; a++) {
            want[k++] = g->phases[i].actions[a].id;
        }
    }
    assert_int_equal(d.n_items, 14);
    for (size_t i = 0; i < 14; i++) {
        assert_string_equal(d.items[i].id, want[i]);
    }
    /* Marks, and the note's preview under the noted action, as on its checklist. */
    const struct view_line *first = &d.lines[d.items[0].first];
    assert_memory_equal(first->text, "[~] ", 4);
    assert_int_equal(first->runs[0].role, VIEW_ROLE_STARTED);
    const struct view_item *noted = &d.items[1];
    assert_memory_equal(d.lines[noted->first].text, "[ ] ", 4);
    assert_int_equal(noted->count, 2);
    assert_string_equal(d.lines[noted->first + 1].text, "    \xe2\x9c\x8e read the paper");
    for (size_t i = d.items[2].first; i < d.items[2].first + d.items[2].count; i++) {
        assert_null(strstr(d.lines[i].text, "\xe2\x9c\x8e"));
    }
    /* A heading per phase with something left, above its first item. */
    size_t h1 = view_check_find_line(&d, 0, "1. Lamp & Tower Basics (Months 1-3)");
    size_t h2 = view_check_find_line(&d, 0, "2. Optics & Clockwork (Months 4-6)");
    assert_true(h1 < d.items[0].first && d.items[0].first < h2 && h2 < d.items[1].first);
    assert_int_not_equal(view_check_find_line(&d, 0, "4. "), SIZE_MAX);
    view_doc_free(&d);

    /* Nothing left. */
    for (size_t i = 0; i < g->n_phases; i++) {
        for (size_t a = 0; a < 5; a++) {
            progress_set_state(p, g->id, g->phases[i].actions[a].id, PROGRESS_DONE, T0 + 1);
        }
    }
    view_doc_init(&d, 80, 0);
    view_plan_left(&d, g, p);
    assert_int_equal(d.n_items, 0);
    assert_int_not_equal(view_check_find_line(&d, 0, "Nothing is left"), SIZE_MAX);
    view_doc_free(&d);
    /* Without progress every action is to do. */
    view_doc_init(&d, 80, 0);
    view_plan_left(&d, g, NULL);
    assert_int_equal(d.n_items, 20);
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

/* ---- Notes and certifications on the guide's screens ---- */

static void test_notes_on_checklist_path_and_phase(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = progress_new();
    const struct guide_phase *ph = &g->phases[0];
    const char *note = "Khan Academy first,\nthen 3Blue1Brown.";
    assert_int_equal(progress_set_note(p, g->id, ph->actions[4].id, note, strlen(note), T0),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_note(p, g->id, ph->id, "Weekends only", 13, T0),
                     PROGRESS_CHANGED);
    struct view_doc d;
    view_doc_init(&d, 80, 0);
    view_guide_phase(&d, g, 0, p, NULL);
    view_check_widths(&d);
    /* The note belongs to its action's item: its first line under the action's text. */
    size_t item = view_doc_find_item(&d, ph->actions[4].id);
    assert_int_equal(d.items[item].count, 2);
    size_t l = d.items[item].first;
    assert_string_equal(d.lines[l + 1].text, "    \xe2\x9c\x8e Khan Academy first, \xe2\x80\xa6");
    assert_int_equal(d.items[view_doc_find_item(&d, ph->actions[3].id)].count, 1);
    /* The phase's own note under its title, before the summary. */
    size_t pn = view_check_find_line(&d, 0, "Weekends only");
    assert_true(pn < view_check_find_line(&d, 0, "Solidify"));
    view_doc_free(&d);

    /* The career path shows the phase's note as its last line, not the others'. */
    view_doc_init(&d, 80, 0);
    view_guide_path(&d, g, p, NULL, 0);
    const struct view_item *p1 = &d.items[0], *p2 = &d.items[1];
    assert_string_equal(d.lines[p1->first + p1->count - 1].text, "    \xe2\x9c\x8e Weekends only");
    assert_null(strstr(d.lines[p1->first].text, "\xe2\x9c\x8e"));
    for (size_t i = p2->first; i < p2->first + p2->count; i++) {
        assert_null(strstr(d.lines[i].text, "\xe2\x9c\x8e"));
    }
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

static void test_certs_show_status_and_note(void **state)
{
    (void)state;
    struct guide *g = load_guide();
    struct progress *p = progress_new();
    struct progress_cert_info c = {.status = PROGRESS_CERT_PASSED,
                                   .passed = date("2026-10-01"),
                                   .expires = date("2029-10-01")};
    char *why = NULL;
    assert_int_equal(progress_set_cert(p, g->id, g->certs[2].id, &c, date("2026-11-26"), T0, &why),
                     PROGRESS_CHANGED);
    assert_int_equal(progress_set_note(p, g->id, g->certs[2].id, "retake in 2029", 14, T0),
                     PROGRESS_CHANGED);
    struct view_doc d;
    view_doc_init(&d, 80, TEXT_ASCII);
    view_guide_certs(&d, g, p);
    view_check_widths(&d);
    size_t item = view_doc_find_item(&d, g->certs[2].id);
    const struct view_item *it = &d.items[item];
    assert_int_equal(it->count, 4); /* name, issuer, status, the note's preview */
    assert_null(strstr(d.lines[it->first].text, " *"));
    assert_string_equal(d.lines[it->first + 2].text,
                        "   passed on 2026-10-01 - expires on 2029-10-01");
    assert_string_equal(d.lines[it->first + 3].text, "   * retake in 2029");
    assert_int_equal(d.items[view_doc_find_item(&d, g->certs[0].id)].count, 2);
    view_doc_free(&d);

    view_doc_init(&d, 80, TEXT_ASCII);
    view_guide_cert(&d, g, 2, p, NULL);
    assert_string_equal(d.lines[2].text, "passed on 2026-10-01 - expires on 2029-10-01");
    assert_string_equal(d.lines[3].text, "* retake in 2029");
    view_doc_free(&d);
    /* Without progress: neither. */
    view_doc_init(&d, 80, TEXT_ASCII);
    view_guide_cert(&d, g, 2, NULL, NULL);
    assert_int_equal(view_check_find_line(&d, 0, "passed on"), SIZE_MAX);
    view_doc_free(&d);
    progress_free(p);
    guide_free(g);
}

int main(void)
{
    view_check_begin();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_note_preview_is_one_line),
        cmocka_unit_test(test_note_view_shows_all_of_it),
        cmocka_unit_test(test_cert_text),
        cmocka_unit_test(test_home_says_next_pace_and_certs),
        cmocka_unit_test(test_home_plan_on_a_narrow_screen),
        cmocka_unit_test(test_left_lists_exactly_what_is_left),
        cmocka_unit_test(test_notes_on_checklist_path_and_phase),
        cmocka_unit_test(test_certs_show_status_and_note),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
