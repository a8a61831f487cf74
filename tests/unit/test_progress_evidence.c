/* SPDX-License-Identifier: MIT */
/* Unit tests of evidence in the progress document: attach, change, detach (a tombstone), undo,
 * emit -> parse (hostile targets included), merge of two copies (both attachments kept, the
 * later check wins), a reset voiding them, entries a person wrote that trail cannot read kept
 * as written, and each attachment, change, removal and undo an event of the journal, merged
 * like the others (a check is none). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "progress_check.h"
#include "progress_evidence.h"
#include "progress_journal.h"

#define G  "ml-engineer"
#define A  "projects/portfolio"
#define T0 1764138612345LL

static enum progress_change attach(struct progress *p, const char *target,
                                   enum progress_evidence_kind kind, const char *desc, int64_t t)
{
    struct progress_evidence_spec s = {.target = target, .kind = kind, .description = desc};
    return progress_evidence_attach(p, G, A, &s, t);
}

static void test_attach_detach_undo(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    assert_int_equal(attach(p, "~/src/churn", PROGRESS_EVIDENCE_REPO, "Churn model", T0),
                     PROGRESS_CHANGED);
    assert_int_equal(attach(p, "~/src/churn", PROGRESS_EVIDENCE_REPO, "Churn model", T0 + 1),
                     PROGRESS_SAME);
    assert_int_equal(attach(p, "https://example.com/x", PROGRESS_EVIDENCE_URL, NULL, T0 + 2),
                     PROGRESS_CHANGED);
    assert_int_equal(attach(p, "", PROGRESS_EVIDENCE_URL, NULL, T0), PROGRESS_INVALID);
    assert_int_equal(attach(p, "x", PROGRESS_EVIDENCE_NONE, NULL, T0), PROGRESS_INVALID);
    assert_int_equal(attach(p, "x", PROGRESS_EVIDENCE_PATH, "two\nlines", T0), PROGRESS_INVALID);
    const struct progress_evidence *v[4];
    assert_int_equal(progress_evidence_of(p, G, A, v, 4), 2);
    assert_string_equal(v[0]->description, "Churn model");
    assert_int_equal(progress_evidence_detach(p, G, A, "~/src/churn", T0 + 3), PROGRESS_CHANGED);
    assert_int_equal(progress_evidence_detach(p, G, A, "~/src/churn", T0 + 4), PROGRESS_SAME);
    assert_int_equal(progress_evidence_of(p, G, A, v, 4), 1);
    /* undo the removal, then the URL's attachment */
    struct progress_undone u;
    assert_true(progress_undo_change(p, G, T0 + 5, &u));
    assert_int_equal(u.kind, PROGRESS_UNDONE_EVIDENCE);
    assert_string_equal(u.id, A);
    assert_string_equal(u.target, "~/src/churn");
    assert_int_equal(progress_evidence_of(p, G, A, v, 4), 2);
    assert_true(progress_undo_change(p, G, T0 + 6, &u));
    assert_int_equal(progress_evidence_of(p, G, A, v, 4), 1);
    assert_string_equal(v[0]->target, "~/src/churn");
    progress_free(p);
}

static void test_round_trip_hostile(void **state)
{
    (void)state;
    static const char *const targets[] = {
        "~/src/churn",
        "/tmp/a\x1b[31mred\x07",
        "/tmp/new\nline",
        "https://x.org/a?b=c#d",
        "true",
        "123",
        "- dash",
        "~",
        "/p/"
        "\xe2\x80\xae"
        "bidi",
        "key: value # c",
    };
    struct progress *p = progress_new();
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        assert_int_equal(
            attach(p, targets[i], PROGRESS_EVIDENCE_PATH, i % 2 ? "null" : "42", T0 + (int64_t)i),
            PROGRESS_CHANGED);
    }
    struct progress_check c =
        progress_check_repo(T0 + 100, "git@example.com:\x1b]0;evil\x07.git", "# Churn");
    assert_int_equal(progress_evidence_set_check(p, G, A, targets[0], &c), PROGRESS_CHANGED);
    assert_int_equal(progress_evidence_set_check(p, G, A, targets[0], &c), PROGRESS_SAME);
    progress_evidence_detach(p, G, A, targets[1], T0 + 200);
    char *text = NULL;
    struct progress *q = progress_check_round_trip(p, &text);
    char *text2 = NULL;
    struct progress *r = progress_check_round_trip(q, &text2);
    assert_string_equal(text, text2); /* a fixed point */
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        const struct progress_evidence *e = progress_evidence_find(q, G, A, targets[i]);
        assert_non_null(e);
        assert_int_equal(e->kind, i == 1 ? PROGRESS_EVIDENCE_NONE : PROGRESS_EVIDENCE_PATH);
        if (i != 1) {
            assert_string_equal(e->description, i % 2 ? "null" : "42");
        }
    }
    const struct progress_evidence *e = progress_evidence_find(q, G, A, targets[0]);
    assert_int_equal(e->check.commits, 3);
    assert_int_equal(e->check.last_commit, 1764000000);
    assert_string_equal(e->check.remote, c.remote);
    assert_string_equal(e->check.summary, c.summary);
    assert_string_equal(e->check.head, c.head);
    free(text);
    free(text2);
    progress_free(p);
    progress_free(q);
    progress_free(r);
}

static void test_merge_two_instances(void **state)
{
    (void)state;
    struct progress *a = progress_new(), *b = progress_new();
    attach(a, "~/one", PROGRESS_EVIDENCE_PATH, NULL, T0);
    attach(b, "~/two", PROGRESS_EVIDENCE_PATH, NULL, T0 + 1);
    attach(b, "~/one", PROGRESS_EVIDENCE_PATH, "later description", T0 + 5);
    struct progress_check c = {.when = T0 + 9, .status = PROGRESS_CHECK_MISSING, .commits = -1};
    progress_evidence_set_check(a, G, A, "~/one", &c);
    assert_true(progress_merge(a, b));
    const struct progress_evidence *v[4];
    assert_int_equal(progress_evidence_of(a, G, A, v, 4), 2);
    const struct progress_evidence *one = progress_evidence_find(a, G, A, "~/one");
    assert_string_equal(one->description, "later description");
    assert_int_equal(one->check.status, PROGRESS_CHECK_MISSING); /* its own, later check */
    assert_false(progress_merge(a, b));
    /* a removal merges as a removal */
    progress_evidence_detach(b, G, A, "~/two", T0 + 20);
    assert_true(progress_merge(a, b));
    assert_int_equal(progress_evidence_of(a, G, A, v, 4), 1);
    /* a reset voids the pieces */
    progress_reset_guide(a, G, T0 + 30);
    assert_int_equal(progress_evidence_of(a, G, A, v, 4), 0);
    assert_null(progress_evidence_find(a, G, A, "~/one"));
    progress_free(a);
    progress_free(b);
}

/* The number of evidence events of A in p's journal. */
static size_t evidence_events(const struct progress *p)
{
    const struct progress_guide *pg = progress_find_guide(p, G);
    size_t n = 0;
    for (size_t i = 0; i < progress_journal_count(pg); i++) {
        const struct progress_event *e = progress_journal_at(pg, i);
        if (e->kind == PROGRESS_EVENT_EVIDENCE) {
            assert_string_equal(e->item, A);
            assert_true(e->at >= T0);
            n++;
        }
    }
    return n;
}

static void test_journal_events(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    attach(p, "~/src/churn", PROGRESS_EVIDENCE_REPO, NULL, T0);
    assert_int_equal(evidence_events(p), 1);
    attach(p, "~/src/churn", PROGRESS_EVIDENCE_REPO, NULL, T0 + 1); /* the same: no change */
    assert_int_equal(evidence_events(p), 1);
    struct progress_evidence_spec cred = {.target = "https://example.org/verify/7",
                                          .kind = PROGRESS_EVIDENCE_CREDENTIAL,
                                          .credential = "K-7"};
    assert_int_equal(progress_evidence_attach(p, G, A, &cred, T0 + 2), PROGRESS_CHANGED);
    assert_int_equal(evidence_events(p), 2); /* a credential id set */
    assert_int_equal(progress_evidence_detach(p, G, A, "~/src/churn", T0 + 3), PROGRESS_CHANGED);
    assert_int_equal(evidence_events(p), 3);
    struct progress_undone u;
    assert_true(progress_undo_change(p, G, T0 + 4, &u));
    assert_int_equal(evidence_events(p), 4);
    struct progress_check c = {.when = T0 + 9, .status = PROGRESS_CHECK_MISSING, .commits = -1};
    progress_evidence_set_check(p, G, A, "~/src/churn", &c);
    assert_int_equal(evidence_events(p), 4); /* a check is no change of the learner's */
    /* Written and read back as "TIME ID evidence ITEM"; merged as a set with another copy. */
    char *text = NULL;
    struct progress *q = progress_check_round_trip(p, &text);
    assert_non_null(strstr(text, " evidence " A "\n"));
    assert_int_equal(evidence_events(q), 4);
    struct progress *other = progress_new();
    attach(other, "~/elsewhere", PROGRESS_EVIDENCE_PATH, NULL, T0 + 5);
    assert_true(progress_merge(q, other));
    assert_int_equal(evidence_events(q), 5);
    assert_true(progress_merge(other, q));
    assert_int_equal(evidence_events(other), 5);
    assert_false(progress_merge(q, other)); /* no event counts twice */
    assert_int_equal(evidence_events(q), 5);
    free(text);
    progress_free(p);
    progress_free(q);
    progress_free(other);
}

static void test_hand_written(void **state)
{
    (void)state;
    const char *text = "version: 1\n"
                       "guides:\n"
                       "  ml-engineer:\n"
                       "    evidence:\n"
                       "      projects/portfolio:\n"
                       "        ~/src/a: repo\n"
                       "        https://example.com/b:\n"
                       "          description: My site\n"
                       "        ~/src/c:\n"
                       "          kind: photo\n"
                       "      certs/aws: not a mapping\n";
    struct progress *p = progress_check_parse(text, 2, NULL);
    const struct progress_evidence *v[4];
    assert_int_equal(progress_evidence_of(p, G, A, v, 4), 2);
    assert_int_equal(v[0]->kind, PROGRESS_EVIDENCE_REPO);
    assert_int_equal(v[1]->kind, PROGRESS_EVIDENCE_URL);
    size_t len;
    char *out = progress_emit(p, &len);
    assert_non_null(strstr(out, "kind: photo"));
    assert_non_null(strstr(out, "certs/aws: not a mapping"));
    /* the unread entry goes once a piece of that target is attached */
    attach(p, "~/src/c", PROGRESS_EVIDENCE_PATH, NULL, T0);
    free(out);
    out = progress_emit(p, &len);
    assert_null(strstr(out, "kind: photo"));
    free(out);
    progress_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attach_detach_undo),  cmocka_unit_test(test_round_trip_hostile),
        cmocka_unit_test(test_merge_two_instances), cmocka_unit_test(test_hand_written),
        cmocka_unit_test(test_journal_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
