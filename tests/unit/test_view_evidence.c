/* SPDX-License-Identifier: MIT */
/* Evidence under its item in the view-model: nothing without evidence; the result line beside
 * the item's state ("done · verified 2025-11-26: repo, 3 commits, README", "to do · not checked
 * yet (V checks)"), drawn in the role its checks call for; several pieces summed up ("1 of 2
 * does not hold"), each then with its own result; a credential id beside its URL; ASCII marks
 * without UTF-8; and hostile targets, descriptions and credential ids (escapes, control
 * characters) shown sanitised, within the width. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "view_check.h"

#include "progress.h"
#include "progress_evidence.h"
#include "text.h"
#include "view.h"
#include "view_evidence.h"

#define G  "keeper"
#define A  "basics/trim-wicks"
#define T0 1764138612345LL /* 2025-11-26T06:30:12.345Z */

static void attach(struct progress *p, const char *target, enum progress_evidence_kind kind,
                   const char *description, const char *credential)
{
    struct progress_evidence_spec s = {
        .target = target, .kind = kind, .description = description, .credential = credential};
    assert_int_equal(progress_evidence_attach(p, G, A, &s, T0), PROGRESS_CHANGED);
}

static void check(struct progress *p, const char *target, enum progress_check_status st,
                  const char *summary, long commits)
{
    struct progress_check c = {
        .when = T0 + 1000, .status = st, .summary = (char *)summary, .commits = commits};
    assert_int_equal(progress_evidence_set_check(p, G, A, target, &c), PROGRESS_CHANGED);
}

/* The lines view_evidence_add() gives for A, with state "done", in a document w wide. */
static size_t lay_out(struct view_doc *d, const struct progress *p, int w, unsigned flags)
{
    view_doc_init(d, w, flags);
    size_t n = view_evidence_add(d, p, G, A, "done", VIEW_ROLE_DONE, 4);
    assert_int_equal(n, d->n_lines);
    view_check_widths(d);
    return n;
}

/* The role of the run holding byte `at` of line i (a run lasts until the next one starts). */
static enum view_role role_at(const struct view_doc *d, size_t i, size_t at)
{
    const struct view_line *l = &d->lines[i];
    assert_true(at < l->len && l->n_runs > 0);
    size_t r = 0;
    while (r + 1 < l->n_runs && l->runs[r + 1].start <= at) {
        r++;
    }
    return l->runs[r].role;
}

static void test_nothing_without_evidence(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    struct view_doc d;
    assert_int_equal(lay_out(&d, p, 80, 0), 0);
    view_doc_free(&d);
    view_doc_init(&d, 80, 0);
    assert_int_equal(view_evidence_add(&d, NULL, G, A, "done", VIEW_ROLE_DONE, 4), 0);
    view_doc_free(&d);
    /* A removed piece shows no more. */
    attach(p, "~/src/lamp", PROGRESS_EVIDENCE_REPO, NULL, NULL);
    assert_int_equal(progress_evidence_detach(p, G, A, "~/src/lamp", T0 + 5), PROGRESS_CHANGED);
    assert_int_equal(lay_out(&d, p, 80, 0), 0);
    view_doc_free(&d);
    progress_free(p);
}

static void test_one_piece_beside_the_state(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    attach(p, "~/src/lamp", PROGRESS_EVIDENCE_REPO, "Lamp log", NULL);
    struct view_doc d;
    assert_int_equal(lay_out(&d, p, 80, 0), 2);
    assert_string_equal(d.lines[0].text, "    done · not checked yet (V checks)");
    assert_int_equal(role_at(&d, 0, 4), VIEW_ROLE_DONE);
    assert_int_equal(role_at(&d, 0, 12), VIEW_ROLE_DIM);
    assert_string_equal(d.lines[1].text, "    · Lamp log · ~/src/lamp");
    view_doc_free(&d);

    check(p, "~/src/lamp", PROGRESS_CHECK_OK, "repo, 3 commits, README", 3);
    assert_int_equal(lay_out(&d, p, 80, 0), 2);
    assert_string_equal(d.lines[0].text, "    done · verified 2025-11-26: repo, 3 commits, README");
    assert_int_equal(role_at(&d, 0, 12), VIEW_ROLE_DONE);
    assert_string_equal(d.lines[1].text, "    ✓ Lamp log · ~/src/lamp");
    view_doc_free(&d);

    /* The directory went away: the record stays, the line says so. */
    check(p, "~/src/lamp", PROGRESS_CHECK_MISSING, "missing", -1);
    assert_int_equal(lay_out(&d, p, 80, 0), 2);
    assert_string_equal(d.lines[0].text, "    done · missing (checked 2025-11-26)");
    assert_int_equal(role_at(&d, 0, 12), VIEW_ROLE_ERROR);
    assert_string_equal(d.lines[1].text, "    ✗ Lamp log · ~/src/lamp · missing");
    view_doc_free(&d);
    progress_free(p);
}

static void test_several_pieces(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    attach(p, "~/src/lamp", PROGRESS_EVIDENCE_REPO, NULL, NULL);
    attach(p, "https://example.org/v/7", PROGRESS_EVIDENCE_CREDENTIAL, NULL, "K-7");
    attach(p, "~/notes.md", PROGRESS_EVIDENCE_PATH, "Notes", NULL);
    check(p, "~/src/lamp", PROGRESS_CHECK_OK, "repo, 3 commits, README", 3);
    struct view_doc d;
    assert_int_equal(lay_out(&d, p, 100, 0), 4);
    assert_string_equal(
        d.lines[0].text,
        "    done · verified 2025-11-26: 1 of 3, the others not checked yet (V checks)");
    assert_string_equal(d.lines[1].text, "    ✓ ~/src/lamp · repo, 3 commits, README");
    assert_string_equal(d.lines[2].text,
                        "    · https://example.org/v/7 · credential K-7 · not checked yet");
    assert_string_equal(d.lines[3].text, "    · Notes · ~/notes.md · not checked yet");
    view_doc_free(&d);

    check(p, "https://example.org/v/7", PROGRESS_CHECK_OK, "URL (form only, not fetched)", -1);
    check(p, "~/notes.md", PROGRESS_CHECK_EMPTY, "empty file", -1);
    assert_int_equal(lay_out(&d, p, 100, 0), 4);
    assert_string_equal(d.lines[0].text, "    done · 1 of 3 does not hold (checked 2025-11-26)");
    assert_int_equal(role_at(&d, 0, 12), VIEW_ROLE_ERROR);
    assert_string_equal(d.lines[3].text, "    ✗ Notes · ~/notes.md · empty file");
    view_doc_free(&d);

    check(p, "~/notes.md", PROGRESS_CHECK_OK, "file, 1 KB", -1);
    assert_int_equal(lay_out(&d, p, 100, 0), 4);
    assert_string_equal(d.lines[0].text, "    done · verified 2025-11-26: all 3 hold");
    assert_int_equal(role_at(&d, 0, 12), VIEW_ROLE_DONE);
    view_doc_free(&d);

    /* Without UTF-8: ASCII marks and separators. */
    assert_int_equal(lay_out(&d, p, 100, TEXT_ASCII), 4);
    assert_string_equal(d.lines[0].text, "    done - verified 2025-11-26: all 3 hold");
    assert_string_equal(d.lines[1].text, "    + ~/src/lamp - repo, 3 commits, README");
    view_doc_free(&d);
    progress_free(p);
}

static void test_hostile_text_is_sanitised(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    const char *target = "~/x\x1b]0;owned\x07/\x1b[2J\x7f\xc2\x9b"
                         "31m\x01lamp";
    attach(p, target, PROGRESS_EVIDENCE_PATH, "desc \x1b[31mred", "id\x1b]8;;http://x\x1b\\");
    check(p, target, PROGRESS_CHECK_REFUSED, "a symlink loop \x1b[5m", -1);
    for (int w = 12; w <= 80; w += 17) {
        struct view_doc d;
        assert_true(lay_out(&d, p, w, 0) >= 2); /* the piece's line wraps when narrow */
        for (size_t i = 0; i < d.n_lines; i++) {
            for (const unsigned char *c = (const unsigned char *)d.lines[i].text; *c != '\0'; c++) {
                assert_true(*c >= 0x20 && *c != 0x7f);
                assert_false(c[0] == 0xc2 && c[1] >= 0x80 && c[1] < 0xa0); /* C1 controls */
            }
        }
        view_doc_free(&d);
    }
    progress_free(p);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nothing_without_evidence),
        cmocka_unit_test(test_one_piece_beside_the_state),
        cmocka_unit_test(test_several_pieces),
        cmocka_unit_test(test_hostile_text_is_sanitised),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
