/* SPDX-License-Identifier: MIT */
/* Unit tests of the block YAML reader that stands in for libyaml (ydoc_fast.h): on every text
 * it takes, its tree is libyaml's, node for node (kind, line, column, text, plain or quoted).
 * The texts: each construct it takes and each it must leave to libyaml, written here; the
 * progress files trail writes after random changes (ids and notes of every shape); every YAML
 * file under tests/data; and the yaml-test-suite corpus when it is there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input.h"
#include "progress.h"
#include "xalloc.h"
#include "ydoc.h"

static size_t taken, left; /* texts the fast reader took, and left to libyaml */

static void assert_same_node(const struct ydoc_node *a, const struct ydoc_node *b, const char *what)
{
    if (a == NULL || b == NULL) {
        if (a != b) {
            fail_msg("%s: one tree is empty", what);
        }
        return;
    }
    if (a->kind != b->kind || a->line != b->line || a->col != b->col) {
        fail_msg("%s: node at %u:%u (kind %u) read as %u:%u (kind %u)", what, a->line, a->col,
                 (unsigned)a->kind, b->line, b->col, (unsigned)b->kind);
    }
    switch (a->kind) {
    case YDOC_SCALAR:
        if (a->u.scalar.len != b->u.scalar.len || a->u.scalar.plain != b->u.scalar.plain ||
            memcmp(a->u.scalar.str, b->u.scalar.str, a->u.scalar.len) != 0) {
            fail_msg("%s: scalar at %u:%u is '%s' (%s), read as '%s' (%s)", what, a->line, a->col,
                     a->u.scalar.str, a->u.scalar.plain ? "plain" : "quoted", b->u.scalar.str,
                     b->u.scalar.plain ? "plain" : "quoted");
        }
        break;
    case YDOC_SEQ:
        assert_int_equal(a->u.seq.n, b->u.seq.n);
        for (uint32_t i = 0; i < a->u.seq.n; i++) {
            assert_same_node(a->u.seq.items[i], b->u.seq.items[i], what);
        }
        break;
    case YDOC_MAP:
        assert_int_equal(a->u.map.n, b->u.map.n);
        for (uint32_t i = 0; i < a->u.map.n; i++) {
            assert_same_node(a->u.map.pairs[i].key, b->u.map.pairs[i].key, what);
            assert_same_node(a->u.map.pairs[i].value, b->u.map.pairs[i].value, what);
        }
        break;
    }
}

/* Reads text both ways; when the fast reader takes it, libyaml must read it too, to the same
 * tree. Returns whether the fast reader took it. */
static bool compare(const char *what, const char *text, size_t len)
{
    struct diag d1 = {0}, d2 = {0};
    struct ydoc *slow = ydoc_parse_with(YDOC_READ_LIBYAML, "t.yaml", text, len, &d1);
    struct ydoc *fast = ydoc_parse_with(YDOC_READ_FAST, "t.yaml", text, len, &d2);
    assert_int_equal(d2.n, 0); /* the fast reader never speaks: libyaml does */
    if (fast != NULL) {
        if (slow == NULL) {
            fail_msg("%s: taken by the fast reader, refused by libyaml: %s", what,
                     d1.n > 0 ? d1.msgs[0].text : "");
        }
        assert_same_node(slow->root, fast->root, what);
        taken++;
    } else {
        left++;
    }
    /* ydoc_parse() gives libyaml's tree either way. */
    struct diag d3 = {0};
    struct ydoc *any = ydoc_parse("t.yaml", text, len, &d3);
    assert_int_equal(any == NULL, slow == NULL);
    if (any != NULL) {
        assert_same_node(slow->root, any->root, what);
    }
    assert_int_equal(d3.errors, d1.errors);
    bool took = fast != NULL;
    ydoc_free(slow);
    ydoc_free(fast);
    ydoc_free(any);
    diag_free(&d1);
    diag_free(&d2);
    diag_free(&d3);
    return took;
}

static bool compare_str(const char *text)
{
    return compare(text, text, strlen(text));
}

/* What the reader takes, and the tree is libyaml's. */
static void test_takes(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "a: b\n",
        "version: 1\nguides:\n  g:\n    items:\n      a/b:\n        state: done\n"
        "        changed: 2026-01-02T03:04:05.006Z\n",
        "a:\nb: c\n",                         /* an empty value */
        "a:\n  b:\n  c: d\ne:\n",             /* empty values, nested and at the end */
        "a:\n- x\n- 'y z'\nb: 1\n",           /* a sequence at its key's indentation */
        "a:\n  - x\n  - \"y\"\n",             /* an indented one */
        "a:\n  b:\n  - x\n  c: d\n",          /* a sequence in a nested mapping */
        "'quoted key': v\n\"dq\\tkey\": w\n", /* quoted keys */
        "a: 'it''s'\nb: \"say \\\"hi\\\"\\n\\x41\\u00e9\\U0001F600\\\\\"\n",
        "a: \"\\N\\_\\L\\P\\/\\ \\e\\a\"\n",  /* every escape */
        "note: |-\n  line one\n  line two\n", /* literal blocks */
        "note: |\n  one\n\n  two\n    indented\nnext: x\n",
        "a:\n  b: |\n    deep\n  c: d\n",
        "url: https://example.org/a?b=c#d\n", /* ':' and '#' inside a plain scalar */
        "a: x [y] {z}, w\n",                  /* flow indicators inside one */
        "a: caf\xc3\xa9 'q'\n",               /* UTF-8 in a quoted scalar's neighbour */
        "key: \"caf\xc3\xa9\"\nk\xc3\xa9y: 'x'\n",
        "n: ~\nm: null\nt: true\nnum: 1.5\n",
        "e: ''\nf: \"\"\n'': empty key\n", /* empty quoted scalars */
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (!compare_str(texts[i])) {
            fail_msg("not taken: %s", texts[i]);
        }
    }
}

/* What it leaves to libyaml (which may read it, or refuse it with a located error). */
static void test_leaves(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "",
        "a: b",              /* no final line break */
        "# comment\na: b\n", /* comments */
        "a: b # comment\n",
        "a: b\n\nc: d\n", /* a blank line */
        "a: {x: 1}\n",    /* flow collections */
        "a: [1, 2]\n",
        "- a\n- b\n",          /* a root sequence */
        "a:\n- b: c\n",        /* a mapping in a sequence */
        "a: b\n  continued\n", /* a plain scalar over two lines */
        "a: 'two\n  lines'\n", /* a quoted one */
        "a: |+\n  keep\n\n",   /* "|+" and indentation indicators */
        "a: |2\n   x\n",
        "a: >\n  folded\n",    /* folded blocks */
        "a: |\n  x\n\nb: c\n", /* blank lines at a block's end */
        "a: |\n\n  x\n",       /* and at its start */
        "a: |\n   \n  x\n",
        "a:\tb\n", /* tabs, carriage returns */
        "a: b\r\n",
        "---\na: b\n", /* document markers and directives */
        "%YAML 1.1\n---\na: b\n",
        "a: &x b\nc: *x\n", /* anchors, aliases, tags */
        "a: !!str b\n",
        "? a\n: b\n",              /* complex keys */
        "a:  b\n",                 /* two spaces after ':' */
        "a: b \n",                 /* trailing space */
        "a: \"\\q\"\n",            /* an unknown escape */
        "a: \"\\ud800\"\n",        /* a surrogate */
        "a: x\xc2\x85y\n",         /* NEL, a line break to libyaml */
        "a: \"x\xe2\x80\xa8y\"\n", /* LS */
        "\xef\xbb\xbf"
        "a: b\n",              /* a byte order mark */
        "a: b\n a: c\n",       /* a mapping more indented than its siblings */
        "a:\n  b: c\n d: e\n", /* a key between two indentations */
        "a: b\na: c\n",        /* a duplicate key: libyaml's error */
        "a: \"\\0\"\n",        /* NUL: refused */
        "a: \x7f\n",           /* DEL */
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (compare_str(texts[i])) {
            fail_msg("taken: %s", texts[i]);
        }
    }
    /* A key longer than libyaml's 1024 characters for a simple key. */
    char *longkey = xmalloc(1100);
    memset(longkey, 'k', 1090);
    memcpy(longkey + 1090, ": v\n", 5);
    assert_false(compare_str(longkey));
    free(longkey);
}

/* Progress files as trail writes them, after random changes: ids and notes of every shape. */
static void test_progress_files(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "phase/action",
        "needs: quoting",
        "- dash",
        "'quote'",
        "caf\xc3\xa9",
        "#hash",
        "7",
        "tab\there",
        "trailing ",
        "yes",
        "[flow]",
        "a\"b",
        "back\\slash",
        "mine/x-1",
    };
    static const char *const notes[] = {
        "one line",
        "line one\nline two",
        "ends with a break\n",
        "  leading spaces",
        "trailing spaces  \nnext",
        "a: b",
        "# not a comment",
        "caf\xc3\xa9 cr\xc3\xa8me",
        "blank\n\nlines\n\n\nmany",
        "'single' and \"double\"",
        "- dash start",
        "| pipe",
        "x\n  indented\n    more",
        "\ttab",
        "[flow] {x}, y",
    };
    struct progress *p = progress_new();
    int64_t t = 1790000000000LL;
    uint32_t x = 2463534242u; /* xorshift32: a fixed, reproducible sequence */
    size_t took = 0, rounds = 0;
    for (int round = 0; round < 40; round++) {
        for (int c = 0; c < 8; c++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            const char *guide = (x >> 24) % 4 == 0 ? "second" : "g";
            const char *id = ids[x % (sizeof ids / sizeof ids[0])];
            const char *note = notes[(x >> 8) % (sizeof notes / sizeof notes[0])];
            t += 1 + (x >> 12) % 5000;
            if ((x >> 20) % 3 == 0) {
                progress_set_note(p, guide, id, note, strlen(note), t);
            } else {
                progress_set_state(p, guide, id,
                                   (enum progress_state)((x >> 10) % PROGRESS_STATE_COUNT), t);
            }
        }
        size_t len = 0;
        char *text = progress_emit(p, &len);
        assert_non_null(text);
        took += compare("a progress file", text, len);
        rounds++;
        free(text);
    }
    progress_free(p);
    /* Plain ids and one-line notes only: the reader takes every such file. */
    p = progress_new();
    for (int i = 0; i < 50; i++) {
        char id[32];
        snprintf(id, sizeof id, "phase-%d/action-%d", i % 4, i);
        progress_set_state(p, "g", id, PROGRESS_DONE, t + i);
        if (i % 7 == 0) {
            progress_set_note(p, "g", id, "A note, with a link: https://example.org/a/b", 44,
                              t + i);
        }
    }
    size_t len = 0;
    char *text = progress_emit(p, &len);
    assert_true(compare("a plain progress file", text, len));
    free(text);
    progress_free(p);
    print_message("%zu of %zu random progress files taken by the fast reader\n", took, rounds);
    assert_true(took > rounds / 2); /* the comparison was made, not skipped */
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    size_t n = strlen(path);
    if (type != FTW_F ||
        !(n > 5 && (strcmp(path + n - 5, ".yaml") == 0 || strcmp(path + n - 4, ".yml") == 0))) {
        return 0;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return 0;
    }
    size_t cap = 1 << 16, len = 0, r;
    char *buf = xmalloc(cap);
    while ((r = fread(buf + len, 1, cap - len, f)) > 0) {
        len += r;
        if (len == cap) {
            buf = xreallocarray(buf, cap *= 2, 1);
        }
    }
    fclose(f);
    compare(path, buf, len);
    free(buf);
    return 0;
}

/* Every YAML file of the fixtures, and the corpus's inputs (in.yaml) when it is there. */
static void test_files(void **state)
{
    (void)state;
    size_t before = taken + left;
    assert_int_equal(nftw(TRAIL_TEST_DATA, visit, 16, FTW_PHYS), 0);
    assert_true(taken + left > before);
    const char *corpus = getenv("TRAIL_CORPUS_DIR");
    char *dir = xasprintf("%s/yaml-test-suite", corpus != NULL ? corpus : TRAIL_CORPUS_DIR);
    struct stat st;
    if (stat(dir, &st) == 0) {
        assert_int_equal(nftw(dir, visit, 16, FTW_PHYS), 0);
    } else {
        print_message("the yaml-test-suite corpus is not there: only the fixtures were read\n");
    }
    free(dir);
    print_message("%zu texts taken by the fast reader, %zu left to libyaml\n", taken, left);
}

int main(void)
{
    test_require_input(TRAIL_TEST_DATA);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_takes),
        cmocka_unit_test(test_leaves),
        cmocka_unit_test(test_progress_files),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
