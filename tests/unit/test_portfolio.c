/* SPDX-License-Identifier: MIT */
/* Unit tests of the portfolio page (trail --export portfolio), read back through a Markdown
 * parser (md4c): its headings, its links (web links only, no user name or token from a
 * remote), no raw HTML however hostile the texts, notes and local paths only when asked for;
 * and the remote-to-link rule. Skipped (77) when md4c is not installed. */
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
#include "portfolio.h"
#include "progress.h"
#include "progress_check.h"
#include "progress_evidence.h"

#ifdef TRAIL_HAVE_MD4C
#include <md4c.h>
#endif

#define GUIDE TRAIL_TEST_DATA "/guides/lighthouse"
#define G     "lighthouse"
#define T0    1764138612345LL

static struct guide *guide;

static void test_remote_link(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"https://github.com/a/b.git", "https://github.com/a/b"},
        {"https://user:token@example.com/a/b.git/", "https://example.com/a/b"},
        {"git@github.com:learner/churn.git", "https://github.com/learner/churn"},
        {"ssh://git@example.com:2222/team/x.git", "https://example.com/team/x"},
        {"http://example.com/x?y#z", "https://example.com/x"},
        {"/home/me/src/x", NULL},
        {"file:///home/me/src/x", NULL},
        {"../relative", NULL},
        {"https://example.com", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = portfolio_remote_link(cases[i][0]);
        if (cases[i][1] == NULL) {
            assert_null(got);
        } else {
            assert_non_null(got);
            assert_string_equal(got, cases[i][1]);
        }
        free(got);
    }
}

/* A progress document with hostile texts everywhere the portfolio shows one. */
static struct progress *hostile_progress(void)
{
    struct progress *p = progress_new();
    struct progress_evidence_spec repo = {.target = "~/src/lamp",
                                          .kind = PROGRESS_EVIDENCE_REPO,
                                          .description = "Lamp [telemetry](javascript:x) <b>"};
    assert_int_equal(progress_evidence_attach(p, G, "basics/trim-wicks", &repo, T0),
                     PROGRESS_CHANGED);
    struct progress_check c =
        progress_check_repo(T0 + 10, "https://user:tok@example.com/k/lamp.git",
                            "<script>alert(1)</script> *Reads* the lamp\x1b[31m");
    progress_evidence_set_check(p, G, "basics/trim-wicks", "~/src/lamp", &c);
    struct progress_evidence_spec url = {.target = "https://example.org/k)n(ots <x>",
                                         .kind = PROGRESS_EVIDENCE_URL};
    progress_evidence_attach(p, G, "basics/knots", &url, T0);
    struct progress_evidence_spec cred = {.target = "https://example.org/verify/1",
                                          .kind = PROGRESS_EVIDENCE_CREDENTIAL,
                                          .credential = "ID-123"};
    progress_evidence_attach(p, G, "keeper-level-one", &cred, T0);
    struct progress_cert_info info = {.status = PROGRESS_CERT_PASSED, .passed = {2026, 10, 1}};
    assert_int_equal(
        progress_set_cert(p, G, "keeper-level-one", &info, (struct progress_date){0}, T0, NULL),
        PROGRESS_CHANGED);
    const char *note = "secret note";
    progress_set_note(p, G, "basics/radio", note, strlen(note), T0);
    progress_set_state(p, G, "basics/trim-wicks", PROGRESS_DONE, T0);
    return p;
}

static char *render(const struct progress *p, bool notes, bool paths)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    struct portfolio_options o = {.notes = notes, .paths = paths};
    assert_int_equal(portfolio_markdown(guide, p, &o, out), 0);
    fclose(out);
    return buf;
}

#ifdef TRAIL_HAVE_MD4C
#define MAX_SEEN 64

/* What the parser saw: headings (level and text), link targets, raw HTML. */
struct seen {
    unsigned h_level[MAX_SEEN];
    char h_text[MAX_SEEN][256];
    size_t n_h;
    char href[MAX_SEEN][256];
    size_t n_href;
    int html;
    unsigned in_h; /* the level of the heading being read, 0 outside one */
};

static int enter_block(MD_BLOCKTYPE type, void *detail, void *data)
{
    struct seen *s = data;
    if (type == MD_BLOCK_H && s->n_h < MAX_SEEN) {
        s->in_h = ((MD_BLOCK_H_DETAIL *)detail)->level;
        s->h_level[s->n_h] = s->in_h;
        s->h_text[s->n_h][0] = '\0';
    }
    s->html += type == MD_BLOCK_HTML;
    return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *data)
{
    (void)detail;
    struct seen *s = data;
    if (type == MD_BLOCK_H && s->in_h != 0) {
        s->in_h = 0;
        s->n_h++;
    }
    return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *data)
{
    struct seen *s = data;
    if (type == MD_SPAN_A && s->n_href < MAX_SEEN) {
        const MD_ATTRIBUTE *a = &((MD_SPAN_A_DETAIL *)detail)->href;
        snprintf(s->href[s->n_href++], 256, "%.*s", (int)a->size, a->text);
    }
    return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *data)
{
    (void)type;
    (void)detail;
    (void)data;
    return 0;
}

static int text(MD_TEXTTYPE type, const MD_CHAR *t, MD_SIZE size, void *data)
{
    struct seen *s = data;
    s->html += type == MD_TEXT_HTML;
    if (s->in_h != 0) {
        size_t have = strlen(s->h_text[s->n_h]);
        snprintf(s->h_text[s->n_h] + have, 256 - have, "%.*s", (int)size, t);
    }
    return 0;
}

static void parse(const char *md, struct seen *s)
{
    memset(s, 0, sizeof *s);
    MD_PARSER parser = {.flags = MD_DIALECT_GITHUB,
                        .enter_block = enter_block,
                        .leave_block = leave_block,
                        .enter_span = enter_span,
                        .leave_span = leave_span,
                        .text = text};
    assert_int_equal(md_parse(md, (MD_SIZE)strlen(md), &parser, s), 0);
}

static bool has_heading(const struct seen *s, unsigned level, const char *t)
{
    for (size_t i = 0; i < s->n_h; i++) {
        if (s->h_level[i] == level && strcmp(s->h_text[i], t) == 0) {
            return true;
        }
    }
    return false;
}

static void test_structure(void **state)
{
    (void)state;
    struct progress *p = hostile_progress();
    char *md = render(p, false, false);
    struct seen s;
    parse(md, &s);
    assert_int_equal(s.html, 0); /* no raw HTML: every < and > was escaped */
    size_t h1 = 0;
    for (size_t i = 0; i < s.n_h; i++) {
        h1 += s.h_level[i] == 1;
    }
    assert_int_equal(h1, 1);
    assert_true(has_heading(&s, 2, "Projects"));
    assert_true(has_heading(&s, 2, "Certifications"));
    assert_true(has_heading(&s, 2, "Progress"));
    assert_false(has_heading(&s, 2, "Notes"));
    /* the project's heading is its description, word for word, as a link to its remote */
    assert_true(has_heading(&s, 3, "Lamp [telemetry](javascript:x) <b>"));
    assert_true(s.n_href >= 3);
    bool remote = false, cred = false;
    for (size_t i = 0; i < s.n_href; i++) {
        assert_true(strncmp(s.href[i], "https://", 8) == 0);
        assert_null(strstr(s.href[i], "tok"));
        assert_null(strstr(s.href[i], "user"));
        remote |= strcmp(s.href[i], "https://example.com/k/lamp") == 0;
        cred |= strcmp(s.href[i], "https://example.org/verify/1") == 0;
    }
    assert_true(remote);
    assert_true(cred);
    assert_null(strchr(md, '\x1b'));
    assert_null(strstr(md, "secret note"));
    assert_null(strstr(md, "~/src/lamp"));
    free(md);
    md = render(p, true, true);
    parse(md, &s);
    assert_int_equal(s.html, 0);
    assert_true(has_heading(&s, 2, "Notes"));
    assert_non_null(strstr(md, "secret note"));
    assert_non_null(strstr(md, "\\~/src/lamp"));
    free(md);
    progress_free(p);
}
#else
static void test_structure(void **state)
{
    (void)state;
    skip(); /* md4c is not installed: the Markdown cannot be parsed here */
}
#endif

int main(void)
{
    test_require_input(GUIDE);
    struct diag d = {0};
    guide = guide_load(GUIDE, GUIDE_PART_ALL, &d);
    diag_free(&d);
    if (guide == NULL) {
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_remote_link),
        cmocka_unit_test(test_structure),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    guide_free(guide);
#ifndef TRAIL_HAVE_MD4C
    return rc == 0 ? 77 : rc;
#else
    return rc;
#endif
}
