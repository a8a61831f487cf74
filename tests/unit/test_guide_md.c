/* SPDX-License-Identifier: MIT */
/* Markdown plan loader tests: the mapping (title, intro, sections nested by heading level,
 * task items and sub-items, plain items in a section without tasks), ids, located messages,
 * hostile input, the generated big plan of tests/data/plans (every item, in order, and the
 * outline written beside it), and md4c loaded once per process (the test is linked with dlopen()
 * wrapped, to count). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guide.h"
#include "guide_md.h"
#include "input.h"
#include "xalloc.h"

/* The times md4c was asked for: the linker sends every dlopen() here (tests/CMakeLists.txt). */
static int md4c_opens;
void *__real_dlopen(const char *file, int flags);
void *__wrap_dlopen(const char *file, int flags);
void *__wrap_dlopen(const char *file, int flags)
{
    md4c_opens += file != NULL && strcmp(file, GUIDE_MD_LIBRARY) == 0;
    return __real_dlopen(file, flags);
}

/* Writes text to a temporary plan file; returns its path (caller frees and unlinks). */
static char *write_plan(const char *text, size_t len)
{
    char dir[] = "/tmp/trail-md-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = xasprintf("%s/plan.md", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    return path;
}

static void remove_plan(char *path)
{
    unlink(path);
    *strrchr(path, '/') = '\0';
    rmdir(path);
    free(path);
}

/* Loads text as a plan; NULL when refused. Messages go to d. */
static struct guide *load_text(const char *text, struct diag *d)
{
    char *path = write_plan(text, strlen(text));
    struct guide *g = guide_load(path, GUIDE_PART_ALL, d);
    remove_plan(path);
    return g;
}

static const char *const PLAN = "# My Plan\n"
                                "\n"
                                "An intro with [a site](https://example.com).\n"
                                "\n"
                                "## Maths\n"
                                "\n"
                                "Algebra first.\n"
                                "\n"
                                "- [ ] Linear algebra [3b1b](https://3b1b.com)\n"
                                "  - [x] Vectors\n"
                                "  - [ ] Matrices\n"
                                "- [x] Calculus `d/dx`\n"
                                "- Plain note, not an item\n"
                                "\n"
                                "### Books\n"
                                "\n"
                                "- Book one\n"
                                "- Book two\n"
                                "\n"
                                "## Code\n"
                                "\n"
                                "1. [ ] Python <b>now</b><!-- hidden -->\n";

static void test_mapping(void **state)
{
    (void)state;
    struct diag d = {0};
    struct guide *g = load_text(PLAN, &d);
    assert_non_null(g);
    assert_true(g->markdown);
    assert_string_equal(g->title, "My Plan");
    assert_string_equal(g->id, "plan");
    assert_string_equal(g->intro, "An intro with a site <https://example.com>.");
    assert_int_equal(g->n_phases, 3);
    assert_int_equal(g->n_certs + g->n_faqs, 0);

    const struct guide_phase *m = &g->phases[0];
    assert_string_equal(m->title, "Maths");
    assert_string_equal(m->id, "maths");
    assert_int_equal(m->depth, 0);
    assert_int_equal(m->n_actions, 4);
    assert_string_equal(m->actions[0].text, "Linear algebra 3b1b");
    assert_string_equal(m->actions[0].link, "https://3b1b.com");
    assert_string_equal(m->actions[0].id, "maths/linear-algebra-3b1b");
    assert_int_equal(m->actions[0].line, 9);
    assert_string_equal(m->actions[1].text, "Vectors");
    assert_int_equal(m->actions[1].depth, 1);
    assert_string_equal(m->actions[2].id, "maths/matrices");
    assert_string_equal(m->actions[3].text, "Calculus `d/dx`");
    assert_int_equal(m->actions[3].depth, 0);
    /* A plain item beside task items is description. */
    assert_string_equal(m->summary, "Algebra first.\n\n- Plain note, not an item");

    const struct guide_phase *b = &g->phases[1];
    assert_string_equal(b->id, "maths/books");
    assert_int_equal(b->depth, 1);
    assert_int_equal(b->n_actions, 2); /* no task items: the plain items are actions */
    assert_string_equal(b->actions[1].id, "maths/books/book-two");
    assert_null(b->summary);

    const struct guide_phase *c = &g->phases[2];
    assert_int_equal(c->depth, 0);
    assert_string_equal(c->actions[0].text, "Python now"); /* raw HTML dropped */
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 0);
    guide_free(g);
    diag_free(&d);
}

static void test_ids_unique(void **state)
{
    (void)state;
    struct diag d = {0};
    struct guide *g =
        load_text("# T\n## A\n- [ ] Same\n- [ ] Same\n- [ ] ✓✓\n## A\n- [ ] Same\n", &d);
    assert_non_null(g);
    assert_string_equal(g->phases[0].actions[0].id, "a/same");
    assert_string_equal(g->phases[0].actions[1].id, "a/same-2");
    assert_non_null(strstr(g->phases[0].actions[2].id, "a/x")); /* no letters: a hash */
    assert_string_equal(g->phases[1].id, "a-2");
    assert_string_equal(g->phases[1].actions[0].id, "a-2/same");
    /* The duplicate in one section is a located warning. */
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.msgs[0].line, 4);
    assert_non_null(strstr(d.msgs[0].text, "duplicate item 'Same'"));
    guide_free(g);
    diag_free(&d);
}

static void test_errors(void **state)
{
    (void)state;
    struct diag d = {0};
    assert_null(load_text("# Only a title\n\nSome text.\n", &d));
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.msgs[0].text, "no items"));
    diag_free(&d);

    struct diag d2 = {0};
    assert_null(load_text("# T\n## A\n- [ ] ok\n- [ ] bad \xff byte\n", &d2));
    assert_int_equal(d2.msgs[0].line, 4);
    assert_int_equal(d2.msgs[0].col, 11);
    diag_free(&d2);

    struct diag d3 = {0};
    struct guide *g = load_text("# T\n## A\n- [ ] [x](javascript:alert(1))\n- [ ] "
                                "[f](FILE:///etc/passwd)\n- [ ] [m](mailto:a@b.c)\n",
                                &d3);
    assert_non_null(g);
    assert_int_equal(d3.warnings, 2);
    assert_int_equal(d3.msgs[0].line, 3);
    assert_int_equal(d3.msgs[0].col, 11);
    assert_false(guide_md_link_allowed(g->phases[0].actions[0].link));
    assert_false(guide_md_link_allowed(g->phases[0].actions[1].link));
    assert_true(guide_md_link_allowed(g->phases[0].actions[2].link));
    guide_free(g);
    diag_free(&d3);
}

static void test_slug(void **state)
{
    (void)state;
    char s[32];
    assert_int_equal(guide_md_slug("  Café au LAIT: 2 cups!  ", s, 31), 19);
    assert_string_equal(s, "cafe-au-lait-2-cups");
    assert_int_equal(guide_md_slug("日本", s, 31), 0);
    guide_md_slug("Item 1.0: **Shard** 日本語 RÉSUMÉ ß-2", s, 31);
    assert_string_equal(s, "item-1-0-shard-resume-ss-2");
    guide_md_slug("one two three four five six seven eight", s, 20);
    assert_string_equal(s, "one-two-three-four");
}

/* The slug of ASCII text the plain way: every letter or digit lowercased, a '-' between words,
 * then the first max bytes, cut at a '-' past the middle when max is reached. */
static size_t slug_reference(const char *text, char *out, size_t max)
{
    char full[256];
    size_t n = 0;
    for (const char *p = text; *p != '\0'; p++) {
        bool alnum =
            (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
        if (alnum && n > 0 &&
            !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z') ||
              (p[-1] >= '0' && p[-1] <= '9'))) {
            full[n++] = '-';
        }
        if (alnum) {
            full[n++] = (char)(*p | 0x20);
        }
    }
    n = n < max ? n : max;
    memcpy(out, full, n);
    if (n == max) {
        for (size_t k = n; k > max / 2 + 1; k--) {
            if (out[k - 1] == '-') {
                n = k - 1;
                break;
            }
        }
    }
    out[n] = '\0';
    return n;
}

/* Words of every length against every limit: the slug is written several bytes a round, and a
 * word may end, or the limit come, at any of them. */
static void test_slug_lengths(void **state)
{
    (void)state;
    const char *words[] = {"a", "Bc", "d9f", "GhiJ", "klmno", "pqrstu", "vwxyz01", "23456789"};
    char text[128], got[64], want[64];
    for (unsigned seed = 0; seed < 4000; seed++) {
        size_t len = 0;
        for (unsigned w = 0, r = seed; w < 6; w++, r = r * 1103515245u + 12345u) {
            const char *word = words[(r >> 8) % 8];
            len +=
                (size_t)snprintf(text + len, sizeof text - len, "%s%s", w > 0 ? ", " : " ", word);
        }
        size_t max = 1 + seed % 40;
        assert_int_equal(guide_md_slug(text, got, max), slug_reference(text, want, max));
        assert_string_equal(got, want);
    }
}

/* Deep nesting and long lines stay bounded: list items past the depth limit join their
 * parent's text; a quote 10,000 deep is text. */
static void test_hostile(void **state)
{
    (void)state;
    size_t n = 10000;
    char *deep = xmalloc(n * 4 + 64);
    size_t len = (size_t)sprintf(deep, "# T\n## A\n");
    for (size_t i = 0; i < 40; i++) {
        len += (size_t)sprintf(deep + len, "%*s- [ ] level %zu\n", (int)(2 * i), "", i);
    }
    for (size_t i = 0; i < n; i++) {
        deep[len++] = '>';
    }
    deep[len++] = ' ';
    deep[len++] = 'q';
    deep[len] = '\0';
    struct diag d = {0};
    struct guide *g = load_text(deep, &d);
    assert_non_null(g);
    assert_int_equal(g->phases[0].n_actions, GUIDE_MD_MAX_DEPTH);
    assert_int_equal(g->phases[0].actions[GUIDE_MD_MAX_DEPTH - 1].depth, GUIDE_MD_MAX_DEPTH - 1);
    guide_free(g);
    diag_free(&d);
    free(deep);
}

/* The address handed to the terminal in a hyperlink: allowed schemes only, no control byte,
 * percent-encoded where RFC 3986 wants it. */
static void test_link_target(void **state)
{
    (void)state;
    char *t = guide_md_link_target("https://example.org/a?b=1&c=2#d");
    assert_string_equal(t, "https://example.org/a?b=1&c=2#d");
    free(t);
    t = guide_md_link_target("MAILTO:me@example.org");
    assert_string_equal(t, "MAILTO:me@example.org");
    free(t);
    t = guide_md_link_target("http://example.org/caf\xc3\xa9 <x>\"{|}\\^`");
    assert_string_equal(t, "http://example.org/caf%C3%A9%20%3Cx%3E%22%7B%7C%7D%5C%5E%60");
    free(t);
    assert_null(guide_md_link_target("javascript:alert(1)"));
    assert_null(guide_md_link_target("JavaScript:alert(1)"));
    assert_null(guide_md_link_target("file:///etc/passwd"));
    assert_null(guide_md_link_target("data:text/html,x"));
    assert_null(guide_md_link_target("/relative/path"));
    assert_null(guide_md_link_target(" https://example.org"));
    assert_null(guide_md_link_target("https://example.org/\x1b]8;;x\x1b\\"));
    assert_null(guide_md_link_target("https://example.org/\x07"));
    assert_null(guide_md_link_target("https://example.org/\x7f"));
    char *longer = xmalloc(GUIDE_MD_LINK_MAX + 2);
    memset(longer, 'a', GUIDE_MD_LINK_MAX + 1);
    memcpy(longer, "https://", 8);
    longer[GUIDE_MD_LINK_MAX + 1] = '\0';
    assert_null(guide_md_link_target(longer));
    longer[GUIDE_MD_LINK_MAX] = '\0';
    t = guide_md_link_target(longer);
    assert_non_null(t);
    free(t);
    free(longer);
}

/* The first screen's load (the title and introduction) reads the first lines only when a
 * section starts in them, and otherwise more: either way what it gives is what the whole load
 * gives. */
static void test_info_first(void **state)
{
    (void)state;
    for (int long_intro = 0; long_intro < 2; long_intro++) {
        size_t cap = 64 * 1024, len = 0;
        char *text = xmalloc(cap);
        len += (size_t)snprintf(text + len, cap - len, "# Title\n\nThe intro, *short*.\n");
        for (int i = 0; long_intro && i < 200; i++) { /* past GUIDE_MD_INFO_FIRST */
            len += (size_t)snprintf(text + len, cap - len, "More of the intro, line %d.\n", i);
        }
        for (int i = 0; i < 300; i++) {
            len +=
                (size_t)snprintf(text + len, cap - len, "\n## Section %d\n\n- [ ] Item %d\n", i, i);
        }
        char *path = write_plan(text, len);
        struct diag d = {0};
        struct guide *info = guide_load(path, GUIDE_PART_INFO, &d);
        struct guide *all = guide_load(path, GUIDE_PART_ALL, &d);
        assert_non_null(info);
        assert_non_null(all);
        assert_string_equal(info->title, all->title);
        assert_string_equal(info->intro, all->intro);
        assert_int_equal(info->n_phases, 0);
        assert_int_equal(all->n_phases, 300);
        assert_int_equal(guide_load_parts(info, GUIDE_PART_PATH, &d), 0);
        assert_int_equal(info->n_phases, 300);
        assert_string_equal(info->phases[299].actions[0].text, "Item 299");
        assert_int_equal(d.errors + d.warnings, 0);
        guide_free(info);
        guide_free(all);
        diag_free(&d);
        remove_plan(path);
        free(text);
    }
}

static void test_big_plan(void **state)
{
    (void)state;
    char *path = xasprintf("%s/plans/big-plan.md", TRAIL_TEST_DATA);
    char *opath = xasprintf("%s/plans/big-plan.outline", TRAIL_TEST_DATA);
    FILE *of = fopen(opath, "r");
    assert_non_null(of);
    struct diag d = {0};
    struct guide *g = guide_load(path, GUIDE_PART_ALL, &d);
    assert_non_null(g);
    assert_string_equal(g->title, "Big Plan");
    assert_string_equal(g->intro, "An introduction with a link <https://example.org/intro> and "
                                  "`code`.\n\n####### Seven hashes are a paragraph, not a heading");
    char line[512];
    size_t sec = 0, item = 0;
    while (fgets(line, sizeof line, of) != NULL) {
        unsigned depth;
        size_t count;
        char title[256];
        assert_int_equal(sscanf(line, "%u\t%255[^\t]\t%zu", &depth, title, &count), 3);
        assert_true(sec < g->n_phases);
        const struct guide_phase *ph = &g->phases[sec++];
        assert_string_equal(ph->title, title);
        assert_int_equal(ph->depth, depth);
        assert_int_equal(ph->n_actions, count);
        for (size_t a = 0; a < ph->n_actions; a++) {
            char want[16];
            snprintf(want, sizeof want, "Item %04zu ", ++item);
            assert_memory_equal(ph->actions[a].text, want, strlen(want));
            assert_null(strchr(ph->actions[a].text, '\r'));
            assert_null(strstr(ph->actions[a].text, "<!--"));
            assert_non_null(strstr(ph->actions[a].text, "bold emph naïve 日本"));
        }
    }
    fclose(of);
    assert_int_equal(sec, g->n_phases);
    assert_int_equal(item, 800);
    assert_int_equal(guide_count_actions(g), 800);
    assert_int_equal(d.errors + d.warnings, 0);
    guide_free(g);
    diag_free(&d);
    free(path);
    free(opath);
}

/* The load for a check keeps what a check reads, the same as a full load: sections, ids, lines,
 * depths, ticks and every message; only texts, links and descriptions are left out. */
static void check_like_full(const char *path)
{
    struct diag df = {0}, dc = {0};
    struct guide *f = guide_load(path, GUIDE_PART_ALL, &df);
    struct guide *c = guide_load(path, GUIDE_PART_ALL | GUIDE_LOAD_CHECK, &dc);
    assert_non_null(f);
    assert_non_null(c);
    assert_string_equal(c->title, f->title);
    assert_int_equal(c->n_phases, f->n_phases);
    for (size_t i = 0; i < f->n_phases; i++) {
        const struct guide_phase *pf = &f->phases[i], *pc = &c->phases[i];
        assert_string_equal(pc->id, pf->id);
        assert_string_equal(pc->title, pf->title);
        assert_int_equal(pc->depth, pf->depth);
        assert_null(pc->summary);
        assert_int_equal(pc->n_actions, pf->n_actions);
        for (size_t k = 0; k < pf->n_actions; k++) {
            const struct guide_action *af = &pf->actions[k], *ac = &pc->actions[k];
            assert_string_equal(ac->id, af->id);
            assert_int_equal(ac->line, af->line);
            assert_int_equal(ac->depth, af->depth);
            assert_int_equal(ac->ticked, af->ticked);
            assert_string_equal(ac->text, "");
            assert_null(ac->link);
        }
    }
    assert_int_equal(dc.n, df.n);
    for (size_t i = 0; i < df.n; i++) {
        assert_int_equal(dc.msgs[i].level, df.msgs[i].level);
        assert_int_equal(dc.msgs[i].line, df.msgs[i].line);
        assert_int_equal(dc.msgs[i].col, df.msgs[i].col);
        assert_string_equal(dc.msgs[i].text, df.msgs[i].text);
    }
    guide_free(f);
    guide_free(c);
    diag_free(&df);
    diag_free(&dc);
}

static void test_check_only(void **state)
{
    (void)state;
    const char *text =
        "# T\n\nIntro.\n\n## A\n\nAbout A [x](https://a.org).\n\n"
        "- [ ] Same  \n- [ ] Same\n  - [x] Sub [l](javascript:x)\n- [ ] ✓✓ <!-- c -->\n"
        "- [ ] *✓✓*\n- note\n\n### B\n\n- one\n- two [l](ftp://f)\n";
    char *path = write_plan(text, strlen(text));
    check_like_full(path);
    remove_plan(path);
    char *big = xasprintf("%s/plans/big-plan.md", TRAIL_TEST_DATA);
    check_like_full(big);
    free(big);
}

/* However many plans a run reads, and in however many steps, md4c is loaded once. */
static void test_md4c_once(void **state)
{
    (void)state;
    const char *text = "# T\n\nIntro.\n\n## A\n\n- [ ] One\n";
    char *path = write_plan(text, strlen(text));
    for (int i = 0; i < 3; i++) {
        struct diag d = {0};
        struct guide *g = guide_load(path, GUIDE_PART_INFO, &d);
        assert_non_null(g);
        assert_int_equal(guide_load_parts(g, GUIDE_PART_PATH, &d), 0);
        assert_int_equal(g->n_phases, 1);
        guide_free(g);
        diag_free(&d);
    }
    remove_plan(path);
    assert_int_equal(md4c_opens, 1);
}

int main(void)
{
    test_require_input(TRAIL_TEST_DATA "/plans/big-plan.outline");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mapping),     cmocka_unit_test(test_ids_unique),
        cmocka_unit_test(test_errors),      cmocka_unit_test(test_slug),
        cmocka_unit_test(test_hostile),     cmocka_unit_test(test_big_plan),
        cmocka_unit_test(test_link_target), cmocka_unit_test(test_info_first),
        cmocka_unit_test(test_check_only),  cmocka_unit_test(test_slug_lengths),
        cmocka_unit_test(test_md4c_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
