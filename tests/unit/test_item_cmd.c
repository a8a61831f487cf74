/* SPDX-License-Identifier: MIT */
/* Unit tests of the shell commands' item names (item_cmd.c): exact ids, prefixes of the id and
 * of its last part, search words, and the refusals that list the candidates. On the lighthouse
 * fixture guide. */
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
#include "item_cmd.h"

#define LIGHTHOUSE TRAIL_TEST_DATA "/guides/lighthouse"

static struct guide *g;

static int setup(void **state)
{
    (void)state;
    struct diag d = {0};
    g = guide_load(LIGHTHOUSE, GUIDE_PART_ALL, &d);
    diag_free(&d);
    return g != NULL ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    guide_free(g);
    return 0;
}

/* Resolves name; returns the id found (borrowed) or NULL, and what was said in *said (new). */
static const char *resolve(const char *name, unsigned kinds, char **said)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *err = open_memstream(&buf, &len);
    struct item_cmd_ref ref = {0};
    int rc = item_cmd_resolve(g, name, kinds, &ref, err);
    fclose(err);
    *said = buf;
    return rc == 0 ? ref.id : NULL;
}

static void expect_item(const char *name, unsigned kinds, const char *id)
{
    char *said;
    const char *got = resolve(name, kinds, &said);
    assert_non_null(got);
    assert_string_equal(got, id);
    assert_string_equal(said, "");
    free(said);
}

static void test_exact_prefix_words(void **state)
{
    (void)state;
    expect_item("basics/trim-wicks", ITEM_CMD_ACTION, "basics/trim-wicks");
    expect_item("basics/tr", ITEM_CMD_ACTION, "basics/trim-wicks"); /* prefix of the id */
    expect_item("knot", ITEM_CMD_ACTION, "basics/knots");           /* of its last part */
    expect_item("tide tables", ITEM_CMD_ACTION, "basics/tides");    /* search words */
    expect_item("TIDE Tables", ITEM_CMD_ACTION, "basics/tides");    /* folded like --search */
    /* An exact id wins over being a prefix of others: "optics" is a phase and a prefix. */
    expect_item("optics", ITEM_CMD_ACTION | ITEM_CMD_PHASE, "optics");
}

static void test_kinds(void **state)
{
    (void)state;
    char *said;
    /* A phase is no key action: marking it is refused, a note on it is fine. */
    assert_null(resolve("handover", ITEM_CMD_ACTION, &said));
    assert_non_null(strstr(said, "key actions match 'handover'"));
    free(said);
    expect_item("handover", ITEM_CMD_ACTION | ITEM_CMD_PHASE, "handover");
}

static void test_refusals(void **state)
{
    (void)state;
    char *said;
    assert_null(resolve("basics", ITEM_CMD_ACTION, &said));
    assert_non_null(strstr(said, "5 key actions match 'basics'"));
    assert_non_null(strstr(said, "  basics/radio  Learn the marine radio"));
    free(said);
    assert_null(resolve("zzz-nothing", ITEM_CMD_ACTION, &said));
    assert_non_null(strstr(said, "no key action of guide 'lighthouse' is named or matches"));
    free(said);
    assert_null(resolve("", ITEM_CMD_ACTION, &said));
    free(said);
    /* Untrusted names are printed sanitised. */
    assert_null(resolve("\x1b]0;x\x07", ITEM_CMD_ACTION, &said));
    assert_null(strchr(said, '\x1b'));
    free(said);
}

static void test_states(void **state)
{
    (void)state;
    enum progress_state st;
    assert_int_equal(item_cmd_parse_state("doing", &st), 0);
    assert_int_equal(st, PROGRESS_IN_PROGRESS);
    assert_int_equal(item_cmd_parse_state("skip", &st), 0);
    assert_int_equal(st, PROGRESS_SKIPPED);
    assert_int_equal(item_cmd_parse_state("done", &st), 0);
    assert_int_equal(st, PROGRESS_DONE);
    assert_int_equal(item_cmd_parse_state("Done", &st), -1);
    assert_int_equal(item_cmd_parse_state("finished", &st), -1);
}

int main(void)
{
    test_require_input(LIGHTHOUSE);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_prefix_words),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_states),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
