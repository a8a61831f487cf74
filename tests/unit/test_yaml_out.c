/* SPDX-License-Identifier: MIT */
/* Unit tests of block YAML put together by hand (yaml_out.h): every scalar, however awkward,
 * reads back through libyaml as exactly the string written, as a mapping key, as a value and
 * as a sequence item; plain only where that is safe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ydoc.h"
#include "yaml_out.h"

/* Strings a writer gets wrong: YAML syntax at the start or the end, comments, line breaks of
 * every kind, controls, quotes and escapes, words a reader takes for null or a boolean,
 * numbers, a byte order mark, non-ASCII text. */
static const char *const awkward[] = {
    "plain text",
    "",
    " leading space",
    "trailing space ",
    "-",
    "- a dash and a space",
    "-x",
    "? question",
    ": colon",
    "key: value",
    "ends with a colon:",
    "a # comment",
    "a#b",
    "#hash",
    "[flow]",
    "{flow}",
    "a, b",
    "&anchor",
    "*alias",
    "!tag",
    "|literal",
    ">folded",
    "'single'",
    "\"double\"",
    "back\\slash",
    "%directive",
    "@at",
    "`tick",
    "two  spaces",
    "line\nbreak",
    "\n",
    "carriage\rreturn",
    "tab\there",
    "bell\a",
    "del\x7f",
    "null",
    "~",
    "true",
    "false",
    "yes",
    "0",
    "1.5",
    "0x1f",
    "=state",
    "=",
    "next line \xc2\x85 here",          /* U+0085 */
    "c1 \xc2\x9b control",              /* U+009B */
    "nbsp\xc2\xa0here",                 /* U+00A0 */
    "line \xe2\x80\xa8 separator",      /* U+2028 */
    "paragraph \xe2\x80\xa9 separator", /* U+2029 */
    "\xef\xbb\xbf"
    "bom first",                                 /* U+FEFF */
    "caf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x93\x9a", /* é – 📚 */
    "ml-engineer@/home/a learner/.trail_progress.yaml",
    "path: with # both",
};

/* Writes every awkward string three ways and checks the parse gives each back. */
static void test_round_trip(void **state)
{
    (void)state;
    size_t n = sizeof awkward / sizeof awkward[0];
    char *text = NULL;
    size_t len = 0, cap = 0;
    struct yaml_out o = {&text, &len, &cap};
    yaml_out_put(&o, "map:\n", 5);
    for (size_t i = 0; i < n; i++) {
        char key[16];
        int k = snprintf(key, sizeof key, "  k%zu: ", i);
        yaml_out_put(&o, key, (size_t)k);
        yaml_out_scalar(&o, awkward[i], strlen(awkward[i]));
        yaml_out_put(&o, "\n", 1);
    }
    yaml_out_put(&o, "keys:\n", 6);
    for (size_t i = 0; i < n; i++) {
        yaml_out_put(&o, "  ", 2);
        yaml_out_scalar(&o, awkward[i], strlen(awkward[i]));
        yaml_out_put(&o, ": x\n", 4);
    }
    yaml_out_put(&o, "seq:\n", 5);
    for (size_t i = 0; i < n; i++) {
        yaml_out_put(&o, "- ", 2);
        yaml_out_scalar(&o, awkward[i], strlen(awkward[i]));
        yaml_out_put(&o, "\n", 1);
    }
    assert_non_null(text);
    assert_int_equal(strlen(text), len); /* kept NUL-terminated */

    struct diag d = {0};
    struct ydoc *doc = ydoc_parse("test.yaml", text, len, &d);
    assert_non_null(doc);
    assert_int_equal(d.errors, 0);
    const struct ydoc_node *root = doc->root;
    assert_non_null(root);
    assert_int_equal(root->kind, YDOC_MAP);
    assert_int_equal(root->u.map.n, 3);
    const struct ydoc_node *map = root->u.map.pairs[0].value;
    const struct ydoc_node *keys = root->u.map.pairs[1].value;
    const struct ydoc_node *seq = root->u.map.pairs[2].value;
    assert_int_equal(map->u.map.n, n);
    assert_int_equal(keys->u.map.n, n);
    assert_int_equal(seq->u.seq.n, n);
    for (size_t i = 0; i < n; i++) {
        const struct ydoc_node *v[] = {map->u.map.pairs[i].value, keys->u.map.pairs[i].key,
                                       seq->u.seq.items[i]};
        for (size_t w = 0; w < 3; w++) {
            assert_int_equal(v[w]->kind, YDOC_SCALAR);
            assert_int_equal(v[w]->u.scalar.len, strlen(awkward[i]));
            assert_memory_equal(v[w]->u.scalar.str, awkward[i], strlen(awkward[i]));
            /* Written plain only where no reader could take it for anything else. */
            assert_true(!v[w]->u.scalar.plain ||
                        yaml_out_plain_safe(awkward[i], strlen(awkward[i])));
        }
    }
    ydoc_free(doc);
    diag_free(&d);
    free(text);
}

/* What may go plain and what may not. */
static void test_plain_safe(void **state)
{
    (void)state;
    static const char *const plain[] = {"plain text", "=state", "a#b", "ml-engineer@/x/y.yaml",
                                        "2026-12-07T00:11:24.689Z 5a1cfdb839a95094 done a/b"};
    static const char *const quoted[] = {
        "",      "-", ": colon",     "a # comment", "null",  "true",
        "false", "~", "two  spaces", "x:",          "tab\t", "caf\xc3\xa9"};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        assert_true(yaml_out_plain_safe(plain[i], strlen(plain[i])));
    }
    for (size_t i = 0; i < sizeof quoted / sizeof quoted[0]; i++) {
        assert_false(yaml_out_plain_safe(quoted[i], strlen(quoted[i])));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_plain_safe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
