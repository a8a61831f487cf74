/* SPDX-License-Identifier: MIT */
/* Fuzzes ydoc_parse(), the bounded YAML-to-tree layer every file trail reads goes through.
 *
 * Properties beyond "no crash, leak or sanitizer report": a document comes with no error and a
 * NULL with at least one located error; every diagnostic is safe to print; the tree keeps the
 * limits of ydoc.h (depth, scalar length), every scalar is valid UTF-8 without NUL and as long
 * as it says, keys are unique scalars and ydoc_map_get() finds each of them. And the two
 * readers agree: a text the fast reader (ydoc_fast.h) takes, libyaml reads to the same tree,
 * node for node. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "text.h"
#include "ydoc.h"

/* Larger inputs only slow the fuzzer down; the size limit itself is a unit test. */
#define FUZZ_YDOC_MAX_INPUT (1024u * 1024u)

static void check_node(const struct ydoc_node *n, unsigned depth)
{
    FUZZ_CHECK(n->line >= 1 && n->col >= 1, "every node has a place");
    switch (n->kind) {
    case YDOC_SCALAR:
        FUZZ_CHECK(n->u.scalar.str[n->u.scalar.len] == '\0', "a scalar is NUL-terminated");
        FUZZ_CHECK(strlen(n->u.scalar.str) == n->u.scalar.len, "a scalar holds no NUL");
        FUZZ_CHECK(n->u.scalar.len <= YDOC_MAX_SCALAR, "a scalar is within the limit");
        FUZZ_CHECK(text_utf8_valid(n->u.scalar.str, n->u.scalar.len, NULL),
                   "a scalar is valid UTF-8");
        break;
    case YDOC_SEQ:
        FUZZ_CHECK(depth < YDOC_MAX_DEPTH, "nesting is within the limit");
        for (size_t i = 0; i < n->u.seq.n; i++) {
            check_node(n->u.seq.items[i], depth + 1);
        }
        break;
    case YDOC_MAP:
        FUZZ_CHECK(depth < YDOC_MAX_DEPTH, "nesting is within the limit");
        for (size_t i = 0; i < n->u.map.n; i++) {
            const struct ydoc_pair *p = &n->u.map.pairs[i];
            FUZZ_CHECK(p->key->kind == YDOC_SCALAR, "a key is a scalar");
            check_node(p->key, depth + 1);
            check_node(p->value, depth + 1);
            /* Keys are unique, so the lookup finds this very pair (quadratic: small maps). */
            if (n->u.map.n <= 64) {
                FUZZ_CHECK(ydoc_map_get(n, p->key->u.scalar.str) == p->value,
                           "ydoc_map_get() finds every key");
            }
        }
        break;
    default:
        FUZZ_CHECK(0, "a node has a known kind");
    }
}

/* The fast reader's tree is libyaml's: kinds, places, texts and styles. */
static void check_same(const struct ydoc_node *a, const struct ydoc_node *b)
{
    FUZZ_CHECK(a->kind == b->kind && a->line == b->line && a->col == b->col,
               "the fast reader puts each node where libyaml does");
    switch (a->kind) {
    case YDOC_SCALAR:
        FUZZ_CHECK(a->u.scalar.len == b->u.scalar.len && a->u.scalar.plain == b->u.scalar.plain &&
                       memcmp(a->u.scalar.str, b->u.scalar.str, a->u.scalar.len) == 0,
                   "the fast reader reads each scalar as libyaml does");
        break;
    case YDOC_SEQ:
        FUZZ_CHECK(a->u.seq.n == b->u.seq.n, "the fast reader's lists are libyaml's");
        for (size_t i = 0; i < a->u.seq.n; i++) {
            check_same(a->u.seq.items[i], b->u.seq.items[i]);
        }
        break;
    case YDOC_MAP:
        FUZZ_CHECK(a->u.map.n == b->u.map.n, "the fast reader's mappings are libyaml's");
        for (size_t i = 0; i < a->u.map.n; i++) {
            check_same(a->u.map.pairs[i].key, b->u.map.pairs[i].key);
            check_same(a->u.map.pairs[i].value, b->u.map.pairs[i].value);
        }
        break;
    }
}

static void check_readers_agree(const char *buf, size_t size)
{
    struct diag d1 = {0}, d2 = {0};
    struct ydoc *fast = ydoc_parse_with(YDOC_READ_FAST, "fuzz.yaml", buf, size, &d1);
    FUZZ_CHECK(d1.n == 0, "the fast reader adds no message");
    if (fast != NULL) {
        struct ydoc *slow = ydoc_parse_with(YDOC_READ_LIBYAML, "fuzz.yaml", buf, size, &d2);
        FUZZ_CHECK(slow != NULL, "libyaml reads what the fast reader takes");
        FUZZ_CHECK((slow->root == NULL) == (fast->root == NULL), "both trees are empty or not");
        if (slow->root != NULL && fast->root != NULL) {
            check_same(slow->root, fast->root);
        }
        ydoc_free(slow);
    }
    ydoc_free(fast);
    diag_free(&d1);
    diag_free(&d2);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_init_locale();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_YDOC_MAX_INPUT) {
        return -1;
    }
    char *buf = fuzz_copy(data, size);
    struct diag d = {0};
    struct ydoc *doc = ydoc_parse("fuzz.yaml", buf, size, &d);
    if (doc != NULL) {
        FUZZ_CHECK(d.errors == 0, "a parsed document comes with no error");
        FUZZ_CHECK(strcmp(doc->file, "fuzz.yaml") == 0, "the document keeps its name");
        if (doc->root != NULL) {
            check_node(doc->root, 0);
        }
        FUZZ_CHECK(ydoc_map_get(NULL, "id") == NULL, "ydoc_map_get(NULL) is NULL");
    } else {
        FUZZ_CHECK(d.errors >= 1, "a failed parse says why");
    }
    fuzz_check_diag(&d, 1);
    check_readers_agree(buf, size);
    ydoc_free(doc);
    diag_free(&d);
    free(buf);
    return 0;
}
