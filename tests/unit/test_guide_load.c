/* SPDX-License-Identifier: MIT */
/* Loader tests: the bundled guide, every schema error with its exact location, UTF-8 edge
 * cases and the limits of ydoc. Guides under test are written to a temporary directory. */
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
#include "guide_locate.h"
#include "input.h"
#include "xalloc.h"
#include "ydoc.h"

static const char *const MINIMAL_INFO = "format: 1\nid: sample\ntitle: Sample\n";

struct tmpguide {
    char dir[64];
};

static void write_file(const char *dir, const char *name, const char *text, size_t len)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    free(path);
}

static void tmp_make(struct tmpguide *t)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/trail-test-XXXXXX");
    assert_non_null(mkdtemp(t->dir));
}

static void tmp_remove(struct tmpguide *t)
{
    static const char *const names[] = {"guide.yaml", "career-path.yaml", "certifications.yaml",
                                        "faq.yaml"};
    for (size_t i = 0; i < 4; i++) {
        char *path = xasprintf("%s/%s", t->dir, names[i]);
        unlink(path);
        free(path);
    }
    rmdir(t->dir);
}

/* Loads a guide made of guide.yaml (info, or the minimal one) and one more part file. */
static struct guide *load_with(struct tmpguide *t, const char *info, const char *name,
                               const char *text, struct diag *d)
{
    tmp_make(t);
    write_file(t->dir, "guide.yaml", info ? info : MINIMAL_INFO,
               strlen(info ? info : MINIMAL_INFO));
    if (name != NULL) {
        write_file(t->dir, name, text, strlen(text));
    }
    return guide_load(t->dir, GUIDE_PART_ALL, d);
}

/* Asserts that d holds an error at line:col in file `name` whose text contains `what`. */
static void assert_error_at(const struct diag *d, const char *name, unsigned line, unsigned col,
                            const char *what)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct diag_msg *m = &d->msgs[i];
        if (m->level == DIAG_ERROR && m->line == line && m->col == col &&
            strstr(m->text, what) != NULL && m->file != NULL && strlen(m->file) >= strlen(name) &&
            strcmp(m->file + strlen(m->file) - strlen(name), name) == 0) {
            return;
        }
    }
    for (size_t i = 0; i < d->n; i++) {
        print_message("  got %s:%u:%u: %s\n", d->msgs[i].file ? d->msgs[i].file : "-",
                      d->msgs[i].line, d->msgs[i].col, d->msgs[i].text);
    }
    fail_msg("no error '%s' at %s:%u:%u", what, name, line, col);
}

#define FIXTURE TRAIL_TEST_DATA "/guides/lighthouse"

/* A full guide from files (the lighthouse fixture, described in its guide.yaml). */
static void test_fixture_guide(void **state)
{
    (void)state;
    struct diag d = {0};
    struct guide *g = guide_load(FIXTURE, GUIDE_PART_ALL, &d);
    assert_non_null(g);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 0);
    assert_string_equal(g->id, "lighthouse");
    assert_string_equal(g->short_title, "Keeper");
    assert_int_equal(g->n_phases, 4);
    for (size_t i = 0; i < g->n_phases; i++) {
        assert_int_equal(g->phases[i].n_actions, 5);
        assert_int_equal(g->phases[i].start_month, (int)(3 * i + 1));
        assert_int_equal(g->phases[i].end_month, (int)(3 * i + 3));
    }
    assert_int_equal(guide_count_actions(g), 20);
    assert_int_equal(g->n_certs, 5);
    assert_int_equal(g->n_faqs, 7);
    assert_true(g->stats.has_salary_range);
    assert_int_equal(g->stats.salary_min, 100000);
    assert_int_equal(g->stats.salary_max, 250000);
    assert_string_equal(g->stats.currency, "USD");
    assert_int_equal(g->stats.growth_percent, 30);
    assert_int_equal(g->stats.growth_by_year, 2026);
    assert_int_equal(g->stats.time_min_months, 8);
    assert_int_equal(g->stats.time_max_months, 12);
    assert_int_equal(g->stats.level, GUIDE_LEVEL_ADVANCED);
    assert_string_equal(g->certs[0].name, "Coastal Light Keeper \xe2\x80\x93 Level One");
    assert_non_null(g->cta);
    const struct guide_phase *ph = NULL;
    const struct guide_action *a = guide_find_action(g, "basics/trim-wicks", &ph);
    assert_non_null(a);
    assert_string_equal(a->text, "Trim the wicks and clean the soot from every burner of the lamp");
    assert_ptr_equal(ph, &g->phases[0]);
    assert_null(guide_find_action(g, "no/such-action", NULL));
    guide_free(g);
    diag_free(&d);
}

static void test_lazy_parts(void **state)
{
    (void)state;
    struct diag d = {0};
    struct guide *g = guide_load(FIXTURE, GUIDE_PART_PATH, &d);
    assert_non_null(g);
    assert_int_equal(g->loaded, GUIDE_PART_INFO | GUIDE_PART_PATH);
    assert_int_equal(g->available, GUIDE_PART_ALL);
    assert_int_equal(g->n_faqs, 0);
    assert_int_equal(guide_load_parts(g, GUIDE_PART_FAQ, &d), 0);
    assert_int_equal(g->n_faqs, 7);
    assert_int_equal(g->n_certs, 0);
    assert_int_equal(guide_load_parts(g, GUIDE_PART_ALL, &d), 0);
    assert_int_equal(g->n_certs, 5);
    assert_int_equal(d.errors, 0);
    guide_free(g);
    diag_free(&d);
}

/* The sizes of the parts' files are those they had when the guide was opened. */
static void test_part_sizes(void **state)
{
    (void)state;
    struct tmpguide t;
    tmp_make(&t);
    write_file(t.dir, "guide.yaml", MINIMAL_INFO, strlen(MINIMAL_INFO));
    static const char faq[] = "title: FAQ\nquestions:\n  - id: q\n    question: Why?\n"
                              "    answer: Because.\n";
    write_file(t.dir, "faq.yaml", faq, strlen(faq));
    struct diag d = {0};
    struct guide *g = guide_load(t.dir, GUIDE_PART_INFO, &d);
    assert_non_null(g);
    assert_int_equal(g->available, GUIDE_PART_INFO | GUIDE_PART_FAQ);
    assert_int_equal(guide_parts_bytes(g, GUIDE_PART_FAQ), strlen(faq));
    assert_int_equal(guide_parts_bytes(g, GUIDE_PART_CERTS | GUIDE_PART_PATH), 0);
    write_file(t.dir, "faq.yaml", "x", 1); /* not looked at again */
    assert_int_equal(guide_parts_bytes(g, GUIDE_PART_ALL), strlen(faq) + strlen(MINIMAL_INFO));
    guide_free(g);
    diag_free(&d);
    tmp_remove(&t);

    /* A directory without guide.yaml is no guide, and says so. */
    tmp_make(&t);
    assert_null(guide_load(t.dir, GUIDE_PART_ALL, &d));
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.msgs[0].text, "not a guide directory (no guide.yaml)"));
    diag_free(&d);
    tmp_remove(&t);
}

/* Finding a guide looks at its guide.yaml; loading it then goes by what was seen, without
 * looking again (so a file grown in between still counts its size as found). */
static void test_located_guide_is_seen_once(void **state)
{
    (void)state;
    struct tmpguide t;
    tmp_make(&t);
    write_file(t.dir, "guide.yaml", MINIMAL_INFO, strlen(MINIMAL_INFO));
    struct diag d = {0};
    struct guide_seen seen;
    char *dir = guide_locate(t.dir, NULL, &seen, &d);
    assert_non_null(dir);
    assert_string_equal(dir, t.dir);
    assert_true(seen.yaml);
    assert_int_equal(seen.info.size, strlen(MINIMAL_INFO));
    static const char longer[] = "format: 1\nid: sample\ntitle: Sample, longer\n";
    write_file(t.dir, "guide.yaml", longer, strlen(longer));
    struct guide *g = guide_load_seen(dir, &seen, GUIDE_PART_INFO, &d);
    assert_non_null(g);
    assert_int_equal(guide_parts_bytes(g, GUIDE_PART_INFO), strlen(MINIMAL_INFO));
    assert_string_equal(g->title, "Sample, longer");
    guide_free(g);
    g = guide_load(dir, GUIDE_PART_INFO, &d); /* found another way: looked at here */
    assert_int_equal(guide_parts_bytes(g, GUIDE_PART_INFO), strlen(longer));
    guide_free(g);
    free(dir);
    /* Not found: nothing seen. */
    assert_null(guide_locate("/nonexistent/trail-guide", NULL, &seen, &d));
    assert_false(seen.yaml);
    diag_free(&d);
    tmp_remove(&t);
}

/* Parts loaded into another guide object (the browser's loader thread) are taken over whole;
 * a part the guide has already loaded is kept. */
static void test_adopt_parts(void **state)
{
    (void)state;
    struct diag d = {0};
    struct guide *g = guide_load(FIXTURE, GUIDE_PART_PATH | GUIDE_PART_CERTS, &d);
    struct guide *other = guide_load(FIXTURE, GUIDE_PART_CERTS | GUIDE_PART_FAQ, &d);
    assert_non_null(g);
    assert_non_null(other);
    const struct guide_cert *own = g->certs;
    assert_int_equal(guide_adopt_parts(g, other), GUIDE_PART_FAQ);
    guide_free(other); /* its memory is g's now */
    assert_int_equal(g->loaded, GUIDE_PART_ALL);
    assert_ptr_equal(g->certs, own);
    assert_int_equal(g->n_faqs, 7);
    assert_non_null(g->faqs[6].answer);
    assert_int_equal(d.errors, 0);
    guide_free(g);
    diag_free(&d);
}

static void test_answer_not_string(void **state)
{
    (void)state;
    struct tmpguide t;
    struct diag d = {0};
    const char *faq = "title: FAQ\n"
                      "questions:\n"
                      "  - id: one\n"
                      "    question: Why?\n"
                      "    answer:\n"
                      "      - not a string\n";
    assert_null(load_with(&t, NULL, "faq.yaml", faq, &d));
    assert_error_at(&d, "faq.yaml", 6, 7, "'answer' must be a string, not a list");
    diag_free(&d);
    tmp_remove(&t);
}

static void test_missing_key(void **state)
{
    (void)state;
    struct tmpguide t;
    struct diag d = {0};
    const char *faq = "title: FAQ\nquestions:\n  - id: one\n    answer: Because.\n";
    assert_null(load_with(&t, NULL, "faq.yaml", faq, &d));
    assert_error_at(&d, "faq.yaml", 3, 5, "missing required key 'question'");
    diag_free(&d);
    tmp_remove(&t);
}

static void test_empty_text(void **state)
{
    (void)state;
    struct tmpguide t;
    struct diag d = {0};
    const char *certs = "title: Certs\ncertifications:\n  - id: c1\n    name: \"  \"\n"
                        "    issuer: X\n    description: Y\n";
    assert_null(load_with(&t, NULL, "certifications.yaml", certs, &d));
    assert_error_at(&d, "certifications.yaml", 4, 11, "'name' must not be empty");
    diag_free(&d);
    tmp_remove(&t);
}

static void test_duplicate_id_across_files(void **state)
{
    (void)state;
    struct tmpguide t;
    struct diag d = {0};
    tmp_make(&t);
    write_file(t.dir, "guide.yaml", MINIMAL_INFO, strlen(MINIMAL_INFO));
    const char *path = "title: Path\nphases:\n  - id: same\n    title: P\n    summary: S\n"
                       "    actions:\n      - id: p/a\n        text: Do it\n";
    write_file(t.dir, "career-path.yaml", path, strlen(path));
    const char *faq = "title: FAQ\nquestions:\n  - id: same\n    question: Q\n    answer: A\n";
    write_file(t.dir, "faq.yaml", faq, strlen(faq));
    assert_null(guide_load(t.dir, GUIDE_PART_ALL, &d));
    assert_error_at(&d, "faq.yaml", 3, 9, "duplicate id 'same' (first used at");
    assert_non_null(strstr(d.msgs[0].text, "career-path.yaml:3:9"));
    diag_free(&d);
    tmp_remove(&t);
}

/* Loads guide.yaml `info` alone with GUIDE_PART_HEAD: NULL or the guide. */
static struct guide *load_head_of(const char *info, struct diag *d)
{
    struct tmpguide t;
    tmp_make(&t);
    write_file(t.dir, "guide.yaml", info, strlen(info));
    struct guide *g = guide_load(t.dir, GUIDE_PART_HEAD, d);
    tmp_remove(&t);
    return g;
}

/* load_head_of() refuses info with the error what at line:col of guide.yaml. */
static void expect_head_error(const char *info, unsigned line, unsigned col, const char *what)
{
    struct diag d = {0};
    assert_null(load_head_of(info, &d));
    assert_error_at(&d, "guide.yaml", line, col, what);
    diag_free(&d);
}

/* GUIDE_PART_HEAD reads guide.yaml's format and id and stops there: what follows them is not
 * read (a mistake there is no error), but the format and the id are still checked. */
static void test_head_only(void **state)
{
    (void)state;
    struct diag d = {0};
    const char *later_mistake = "format: 1\nid: sample\ntitle: [not, a, string]\nnonsense: {\n";
    struct guide *g = load_head_of(later_mistake, &d);
    assert_non_null(g);
    assert_string_equal(g->id, "sample");
    assert_null(g->title);
    assert_true((g->loaded & GUIDE_PART_HEAD) != 0);
    assert_int_equal(g->loaded & GUIDE_PART_INFO, 0);
    assert_int_equal(d.errors, 0);
    guide_free(g);
    /* The whole of guide.yaml still reads and checks it all. */
    struct tmpguide t;
    tmp_make(&t);
    write_file(t.dir, "guide.yaml", later_mistake, strlen(later_mistake));
    assert_null(guide_load(t.dir, GUIDE_PART_INFO, &d));
    assert_true(d.errors > 0);
    tmp_remove(&t);
    diag_free(&d);

    expect_head_error("format: 7\nid: sample\n", 1, 9, "newer than this trail understands");
    expect_head_error("id: Not Valid\nformat: 1\n", 1, 5, "guide id 'Not Valid' must be");
    expect_head_error("format: 1\ntitle: No id\n", 1, 1, "missing required key 'id'");
    /* A key given twice before the stop is still a duplicate. */
    expect_head_error("format: 1\nformat: 1\nid: sample\n", 2, 1, "duplicate key 'format'");
}

static void test_failed_part_is_rolled_back(void **state)
{
    (void)state;
    struct tmpguide t;
    struct diag d = {0};
    tmp_make(&t);
    write_file(t.dir, "guide.yaml", MINIMAL_INFO, strlen(MINIMAL_INFO));
    const char *faq = "title: FAQ\nquestions:\n  - id: q1\n    question: Q\n    answer: [x]\n";
    write_file(t.dir, "faq.yaml", faq, strlen(faq));
    struct guide *g = guide_load(t.dir, GUIDE_PART_INFO, &d);
    assert_non_null(g);
    assert_int_equal(guide_load_parts(g, GUIDE_PART_FAQ, &d), -1);
    assert_int_equal(g->n_faqs, 0);
    assert_false(g->loaded & GUIDE_PART_FAQ);
    /* Fixed on disk, the part loads, and its ids are free again. */
    const char *good = "title: FAQ\nquestions:\n  - id: q1\n    question: Q\n    answer: A\n";
    write_file(t.dir, "faq.yaml", good, strlen(good));
    assert_int_equal(guide_load_parts(g, GUIDE_PART_FAQ, &d), 0);
    assert_int_equal(g->n_faqs, 1);
    guide_free(g);
    diag_free(&d);
    tmp_remove(&t);
}

static void test_unknown_key_warns(void **state)
{
    (void)state;
    struct tmpguide t;
    struct diag d = {0};
    struct guide *g = load_with(&t, "format: 1\nid: s\ntitle: T\ncolour: blue\n", NULL, NULL, &d);
    assert_non_null(g);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.msgs[0].line, 4);
    assert_int_equal(d.msgs[0].col, 1);
    assert_non_null(strstr(d.msgs[0].text, "unknown key 'colour'"));
    guide_free(g);
    diag_free(&d);
    tmp_remove(&t);
}

static void test_wrong_number_and_format(void **state)
{
    (void)state;
    struct tmpguide t;
    struct diag d = {0};
    const char *info = "format: 1\nid: s\ntitle: T\nstats:\n  salary:\n    label: L\n"
                       "    text: X\n    min: lots\n    max: 3\n";
    assert_null(load_with(&t, info, NULL, NULL, &d));
    assert_error_at(&d, "guide.yaml", 8, 10, "'min' must be a whole number");
    diag_free(&d);
    tmp_remove(&t);

    assert_null(load_with(&t, "format: 2\nid: s\ntitle: T\n", NULL, NULL, &d));
    assert_error_at(&d, "guide.yaml", 1, 9, "format 2 is newer");
    diag_free(&d);
    tmp_remove(&t);

    assert_null(load_with(&t, "id: s\ntitle: T\n", NULL, NULL, &d));
    assert_error_at(&d, "guide.yaml", 1, 1, "missing required key 'format'");
    diag_free(&d);
    tmp_remove(&t);
}

static void test_bad_id(void **state)
{
    (void)state;
    struct tmpguide t;
    struct diag d = {0};
    const char *faq = "title: FAQ\nquestions:\n  - id: \"Bad Id\"\n    question: Q\n"
                      "    answer: A\n";
    assert_null(load_with(&t, NULL, "faq.yaml", faq, &d));
    assert_error_at(&d, "faq.yaml", 3, 9, "id 'Bad Id' must be");
    diag_free(&d);
    tmp_remove(&t);
}

/* Parses text as a YAML document, expecting failure with `what` at line:col. */
static void assert_ydoc_error(const char *text, size_t len, unsigned line, unsigned col,
                              const char *what)
{
    struct diag d = {0};
    struct ydoc *doc = ydoc_parse("t.yaml", text, len, &d);
    assert_null(doc);
    assert_error_at(&d, "t.yaml", line, col, what);
    diag_free(&d);
}

static void test_utf8(void **state)
{
    (void)state;
    assert_ydoc_error("a: b\nc: d\xc3\n", 11, 2, 5, "invalid UTF-8 (byte 0xc3)");
    assert_ydoc_error("a: \xe2\x80\x93 \xff\n", 9, 1, 6, "invalid UTF-8 (byte 0xff)");
    assert_ydoc_error("a: \xed\xa0\x80\n", 7, 1, 4, "invalid UTF-8"); /* surrogate */
    assert_ydoc_error("a: \xc0\xaf\n", 6, 1, 4, "invalid UTF-8");     /* overlong */
    assert_ydoc_error("a: \"x\\0y\"\n", 10, 1, 4, "NUL character");   /* hidden by strlen */
    struct diag d = {0};
    /* Escapes produce control characters; they load (and are sanitised when drawn). */
    const char *esc = "a: \"\\e]0;pwned\\a \\x9b \\u202E\"\n";
    struct ydoc *doc = ydoc_parse("t.yaml", esc, strlen(esc), &d);
    assert_non_null(doc);
    struct ydoc_node *v = ydoc_map_get(doc->root, "a");
    assert_non_null(v);
    assert_int_equal(v->u.scalar.str[0], 0x1b);
    assert_non_null(strstr(v->u.scalar.str, "\xc2\x9b"));
    assert_non_null(strstr(v->u.scalar.str, "\xe2\x80\xae"));
    ydoc_free(doc);
    diag_free(&d);
}

static char *repeat(const char *unit, size_t n, const char *tail)
{
    size_t u = strlen(unit), t = strlen(tail);
    char *s = xmalloc(u * n + t + 1);
    for (size_t i = 0; i < n; i++) {
        memcpy(s + i * u, unit, u);
    }
    memcpy(s + u * n, tail, t + 1);
    return s;
}

static void test_limits(void **state)
{
    (void)state;
    struct diag d = {0};
    /* Depth 64 is fine, 65 is not. */
    char *ok = repeat("[", 64, "");
    char *ok2 = repeat("]", 64, "");
    char *both = xasprintf("%s%s", ok, ok2);
    struct ydoc *doc = ydoc_parse("t.yaml", both, strlen(both), &d);
    assert_non_null(doc);
    ydoc_free(doc);
    free(ok), free(ok2), free(both);
    char *deep = repeat("[", 65, "");
    assert_ydoc_error(deep, strlen(deep), 1, 65, "nested deeper than 64 levels");
    free(deep);
    /* A million '[' is rejected at the 65th, without parsing the rest. */
    char *million = repeat("[", 1000000, "");
    assert_ydoc_error(million, strlen(million), 1, 65, "nested deeper than 64 levels");
    free(million);
    /* Scalars: 65536 bytes are fine, one more is not. */
    char *big = repeat("x", YDOC_MAX_SCALAR, "\n");
    char *doc1 = xasprintf("a: %s", big);
    doc = ydoc_parse("t.yaml", doc1, strlen(doc1), &d);
    assert_non_null(doc);
    ydoc_free(doc);
    free(big), free(doc1);
    big = repeat("x", YDOC_MAX_SCALAR + 1, "\n");
    doc1 = xasprintf("a: %s", big);
    assert_ydoc_error(doc1, strlen(doc1), 1, 4, "longer than 65536 bytes");
    free(big), free(doc1);
    /* Aliases and anchors: the billion laughs never expand. */
    const char *lol =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n";
    assert_ydoc_error(lol, strlen(lol), 1, 4, "anchors and aliases are not supported");
    assert_ydoc_error("a: *x\n", 6, 1, 4, "not supported");
    assert_ydoc_error("a: !tag x\n", 10, 1, 4, "tags are not supported");
    assert_ydoc_error("a: 1\n---\nb: 2\n", 14, 2, 1, "only one YAML document");
    assert_ydoc_error("a: 1\na: 2\n", 10, 2, 1, "duplicate key 'a' (first at line 1)");
    /* A small mapping (compared pair by pair) and a large one (through an id table): the same
     * report, the first key in file order that repeats an earlier one. */
    const char *small = "z: 1\nb: 2\nc: 3\nb: 4\n";
    assert_ydoc_error(small, strlen(small), 4, 1, "duplicate key 'b' (first at line 2)");
    const char *large = "k0: 0\nk1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\n"
                        "dup: x\nk9: 9\ndup: y\n";
    assert_ydoc_error(large, strlen(large), 12, 1, "duplicate key 'dup' (first at line 10)");
    const char *twice = "k0: 0\nk1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\n"
                        "z: 1\na: 1\nz: 2\na: 2\n";
    assert_ydoc_error(twice, strlen(twice), 12, 1, "duplicate key 'z' (first at line 10)");
    const char *unique = "k0: 0\nk1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\n";
    struct ydoc *nine = ydoc_parse("t.yaml", unique, strlen(unique), &d);
    assert_non_null(nine);
    assert_int_equal(nine->root->u.map.n, 9);
    ydoc_free(nine);
    assert_ydoc_error("? [x]\n: y\n", 10, 1, 3, "a mapping key must be a string");
    assert_ydoc_error("a: [1, 2\n", 9, 2, 1, "did not find expected");
    diag_free(&d);
}

static void test_file_errors(void **state)
{
    (void)state;
    struct diag d = {0};
    assert_null(guide_load("/nonexistent/guide", GUIDE_PART_ALL, &d));
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.msgs[0].text, "cannot open guide directory"));
    diag_free(&d);

    struct tmpguide t;
    assert_null(load_with(&t, "", NULL, NULL, &d));
    assert_error_at(&d, "guide.yaml", 1, 1, "the file is empty");
    diag_free(&d);
    tmp_remove(&t);

    assert_null(load_with(&t, "- a\n- b\n", NULL, NULL, &d));
    assert_error_at(&d, "guide.yaml", 1, 1, "the top level must be a mapping, not a list");
    diag_free(&d);
    tmp_remove(&t);
}

int main(void)
{
    test_require_input(FIXTURE);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_guide),
        cmocka_unit_test(test_lazy_parts),
        cmocka_unit_test(test_part_sizes),
        cmocka_unit_test(test_located_guide_is_seen_once),
        cmocka_unit_test(test_adopt_parts),
        cmocka_unit_test(test_answer_not_string),
        cmocka_unit_test(test_missing_key),
        cmocka_unit_test(test_empty_text),
        cmocka_unit_test(test_duplicate_id_across_files),
        cmocka_unit_test(test_head_only),
        cmocka_unit_test(test_failed_part_is_rolled_back),
        cmocka_unit_test(test_unknown_key_warns),
        cmocka_unit_test(test_wrong_number_and_format),
        cmocka_unit_test(test_bad_id),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_file_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
