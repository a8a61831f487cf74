/* SPDX-License-Identifier: MIT */
/* Key specs: parsing every form the configuration file allows, refusing the rest, the labels the
 * footer shows; resolving key.<action> lines (replace, add, located warnings); rebinding a
 * table of codes (the configured key is taken from every other action). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "keyspec.h"

static void expect_key(const char *s, enum keyspec_kind kind, unsigned code)
{
    struct keyspec k = {0};
    if (keyspec_parse(s, &k) != KEYSPEC_OK) {
        fail_msg("'%s' did not parse", s);
    }
    assert_int_equal(k.kind, kind);
    assert_int_equal(k.code, code);
}

static void test_parse_forms(void **state)
{
    (void)state;
    expect_key("Q", KEYSPEC_CHAR, 'Q');
    expect_key("q", KEYSPEC_CHAR, 'q');
    expect_key("/", KEYSPEC_CHAR, '/');
    expect_key("]", KEYSPEC_CHAR, ']');
    expect_key("C-x", KEYSPEC_CTRL, 24);
    expect_key("c-X", KEYSPEC_CTRL, 24);
    expect_key("C-a", KEYSPEC_CTRL, 1);
    expect_key("C-@", KEYSPEC_CTRL, 0 + 0); /* NUL: Ctrl-Space on most terminals */
    expect_key("C-_", KEYSPEC_CTRL, 31);
    expect_key("F1", KEYSPEC_FUNCTION, 1);
    expect_key("f9", KEYSPEC_FUNCTION, 9);
    expect_key("F12", KEYSPEC_FUNCTION, 12);
    expect_key("Enter", KEYSPEC_NAMED, KEYSPEC_ENTER);
    expect_key("esc", KEYSPEC_NAMED, KEYSPEC_ESC);
    expect_key("TAB", KEYSPEC_NAMED, KEYSPEC_TAB);
    expect_key("S-Tab", KEYSPEC_NAMED, KEYSPEC_BACKTAB);
    expect_key("Space", KEYSPEC_NAMED, KEYSPEC_SPACE);
    expect_key("Up", KEYSPEC_NAMED, KEYSPEC_UP);
    expect_key("Down", KEYSPEC_NAMED, KEYSPEC_DOWN);
    expect_key("Left", KEYSPEC_NAMED, KEYSPEC_LEFT);
    expect_key("Right", KEYSPEC_NAMED, KEYSPEC_RIGHT);
    expect_key("Home", KEYSPEC_NAMED, KEYSPEC_HOME);
    expect_key("End", KEYSPEC_NAMED, KEYSPEC_END);
    expect_key("PgUp", KEYSPEC_NAMED, KEYSPEC_PGUP);
    expect_key("pgdn", KEYSPEC_NAMED, KEYSPEC_PGDN);
    expect_key("Backspace", KEYSPEC_NAMED, KEYSPEC_BACKSPACE);
}

/* Control characters that are also named keys compare equal to the name. */
static void test_parse_canonical(void **state)
{
    (void)state;
    expect_key("C-i", KEYSPEC_NAMED, KEYSPEC_TAB);
    expect_key("C-m", KEYSPEC_NAMED, KEYSPEC_ENTER);
    expect_key("C-j", KEYSPEC_NAMED, KEYSPEC_ENTER);
    expect_key("C-h", KEYSPEC_NAMED, KEYSPEC_BACKSPACE);
    expect_key("C-[", KEYSPEC_NAMED, KEYSPEC_ESC);
}

static void test_parse_refused(void **state)
{
    (void)state;
    const char *bad[] = {"",    "QQ",  "F0",     "F13",    "F1x", "Fx",   "C-", "C-ab",
                         "C-1", "C-~", "Ctrl-x", "Enterr", " ",   "\x7f", "\t", "é"};
    struct keyspec k;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (keyspec_parse(bad[i], &k) != KEYSPEC_INVALID) {
            fail_msg("'%s' should not parse", bad[i]);
        }
    }
    const char *kept[] = {"C-c", "C-z", "C-\\", "C-s", "C-q", "c-C"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        assert_int_equal(keyspec_parse(kept[i], &k), KEYSPEC_RESERVED);
    }
}

static void expect_label(const char *spec, const char *label)
{
    struct keyspec k;
    char buf[16];
    assert_int_equal(keyspec_parse(spec, &k), KEYSPEC_OK);
    assert_string_equal(keyspec_label(&k, buf, sizeof buf), label);
}

static void test_labels(void **state)
{
    (void)state;
    expect_label("Q", "Q");
    expect_label("C-x", "^X");
    expect_label("c-b", "^B");
    expect_label("F2", "F2");
    expect_label("pgdn", "PgDn");
    expect_label("Backspace", "Bksp");
    expect_label("S-Tab", "Shift-Tab");
    expect_label("C-m", "Enter");
    char tiny[2];
    struct keyspec k;
    keyspec_parse("Enter", &k);
    assert_string_equal(keyspec_label(&k, tiny, sizeof tiny), "E"); /* truncated, terminated */
}

static const char *const names[] = {"up", "down", "quit", "help"};
#define N_NAMES (sizeof names / sizeof names[0])

static struct config_binding bind(const char *action, const char *key, unsigned line)
{
    return (struct config_binding){(char *)action, (char *)key, line, 5, 20};
}

static void test_resolve(void **state)
{
    (void)state;
    struct config_binding b[] = {
        bind("quit", "Q", 1),   bind("jump", "J", 2), bind("up", "Hyper-k", 3),
        bind("down", "C-c", 4), bind("up", "C-p", 5), bind("up", "Up", 6),
        bind("help", "C-p", 7), bind("up", "C-p", 8), bind("help", "F1", 9),
    };
    struct config c = {.path = "cfg", .bindings = b, .n_bindings = sizeof b / sizeof b[0]};
    struct keyspec_set sets[N_NAMES];
    struct diag d = {0};
    assert_int_equal(keyspec_resolve(&c, names, N_NAMES, sets, &d), 3);
    /* quit: just Q; up: C-p then Up, the repeat on line 8 silently the same; help: F1 only;
     * down: untouched (its only line was refused). */
    assert_int_equal(sets[2].n, 1);
    assert_int_equal(sets[2].keys[0].kind, KEYSPEC_CHAR);
    assert_int_equal(sets[2].keys[0].code, 'Q');
    assert_int_equal(sets[0].n, 2);
    assert_int_equal(sets[0].keys[0].kind, KEYSPEC_CTRL);
    assert_int_equal(sets[0].keys[0].code, 16);
    assert_int_equal(sets[0].keys[1].kind, KEYSPEC_NAMED);
    assert_int_equal(sets[0].keys[1].code, KEYSPEC_UP);
    assert_int_equal(sets[1].n, 0);
    assert_int_equal(sets[3].n, 1);
    assert_int_equal(sets[3].keys[0].kind, KEYSPEC_FUNCTION);

    assert_int_equal(d.warnings, 4);
    unsigned want_line[] = {2, 3, 4, 7};
    unsigned want_col[] = {5, 20, 20, 20}; /* the action name, else the key */
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(d.msgs[i].file, "cfg");
        assert_int_equal(d.msgs[i].line, want_line[i]);
        assert_int_equal(d.msgs[i].col, want_col[i]);
    }
    assert_non_null(strstr(d.msgs[0].text, "no action 'jump'"));
    assert_non_null(strstr(d.msgs[1].text, "'Hyper-k' is not a key"));
    assert_non_null(strstr(d.msgs[2].text, "kept by the terminal"));
    assert_non_null(strstr(d.msgs[3].text, "already bound to 'up'"));
    diag_free(&d);
}

static void test_resolve_too_many(void **state)
{
    (void)state;
    static const char *keys[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
    struct config_binding b[9];
    for (size_t i = 0; i < 9; i++) {
        b[i] = bind("down", keys[i], (unsigned)i + 1);
    }
    struct config c = {.path = "cfg", .bindings = b, .n_bindings = 9};
    struct keyspec_set sets[N_NAMES];
    struct diag d = {0};
    assert_int_equal(keyspec_resolve(&c, names, N_NAMES, sets, &d), 1);
    assert_int_equal(sets[1].n, KEYSPEC_MAX_KEYS);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.msgs[0].line, 9);
    diag_free(&d);
}

/* An empty configuration rebinds nothing and warns about nothing. */
static void test_resolve_nothing(void **state)
{
    (void)state;
    struct config c = {0};
    struct keyspec_set sets[N_NAMES];
    struct diag d = {0};
    assert_int_equal(keyspec_resolve(&c, names, N_NAMES, sets, &d), 0);
    for (size_t i = 0; i < N_NAMES; i++) {
        assert_int_equal(sets[i].n, 0);
    }
    assert_int_equal(d.n, 0);
}

#define W 4

static void test_apply(void **state)
{
    (void)state;
    /* up: 1 'k'; down: 2 'j'; quit: 'q' 'Q'; help: '?' */
    int rows[4][W] = {{1, 'k'}, {2, 'j'}, {'q', 'Q'}, {'?'}};
    int repl[4][W] = {{0}, {0}, {'Q'}, {'j', 'x', 'k'}};
    bool rebound[4] = {false, false, true, true};
    bool changed[4];
    keyspec_apply(&rows[0][0], 4, W, &repl[0][0], rebound, changed);
    /* quit keeps only Q (q is gone); help gets j x k, taken from up and down. */
    int want[4][W] = {{1}, {2}, {'Q'}, {'j', 'x', 'k'}};
    assert_memory_equal(rows, want, sizeof rows);
    assert_true(changed[0]);
    assert_true(changed[1]);
    assert_true(changed[2]);
    assert_true(changed[3]);
}

static void test_apply_unchanged(void **state)
{
    (void)state;
    int rows[3][W] = {{1, 'k'}, {'q'}, {'?', 5}};
    int repl[3][W] = {{0}, {'q'}, {0}};
    bool rebound[3] = {false, true, false};
    bool changed[3];
    keyspec_apply(&rows[0][0], 3, W, &repl[0][0], rebound, changed);
    int want[3][W] = {{1, 'k'}, {'q'}, {'?', 5}};
    assert_memory_equal(rows, want, sizeof rows);
    assert_false(changed[0]); /* rebinding to the same key changes nothing */
    assert_false(changed[1]);
    assert_false(changed[2]);
}

/* A row that loses every key ends empty; a replacement fills the row up to its terminator. */
static void test_apply_edges(void **state)
{
    (void)state;
    int rows[2][W] = {{'t'}, {'a'}};
    int repl[2][W] = {{0}, {'t', 'u', 'v'}};
    bool rebound[2] = {false, true};
    bool changed[2];
    keyspec_apply(&rows[0][0], 2, W, &repl[0][0], rebound, changed);
    assert_int_equal(rows[0][0], 0);
    assert_true(changed[0]);
    assert_int_equal(rows[1][0], 't');
    assert_int_equal(rows[1][2], 'v');
    assert_int_equal(rows[1][W - 1], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_forms),     cmocka_unit_test(test_parse_canonical),
        cmocka_unit_test(test_parse_refused),   cmocka_unit_test(test_labels),
        cmocka_unit_test(test_resolve),         cmocka_unit_test(test_resolve_too_many),
        cmocka_unit_test(test_resolve_nothing), cmocka_unit_test(test_apply),
        cmocka_unit_test(test_apply_unchanged), cmocka_unit_test(test_apply_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
