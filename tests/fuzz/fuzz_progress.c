/* SPDX-License-Identifier: MIT */
/* Fuzzes the progress-file reader and merge (src/model/progress.h): progress_parse(),
 * progress_emit() and progress_merge(), the code that reads a dotfile another instance (or a
 * crash, or a newer trail) may have left in any state.
 *
 * Input: two dotfiles, A and B, separated by a line "#----8<----" (B is empty without one).
 *
 * Properties: parsing always gives a document and a known status, with diagnostics safe to
 * print; a parsed document emits valid UTF-8 that parses back soundly, and emitting that gives
 * the same text again (a fixed point after one round); merging B into A keeps, for every entry
 * of either side newer than the merged reset time, an entry at least as new, and takes the
 * later reset; merging the same B again changes nothing (generation unchanged); a change can
 * be undone. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "progress.h"
#include "text.h"
#include "xalloc.h"

#define FUZZ_PROGRESS_MAX_INPUT (256u * 1024u)
#define FUZZ_PROGRESS_SEP       "#----8<----\n"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_init_locale();
    return 0;
}

static struct progress *parse(const char *s, size_t n, enum progress_parse_status *st)
{
    struct diag d = {0};
    struct progress *p = progress_parse("progress.yaml", s, n, st, &d);
    FUZZ_CHECK(p != NULL, "progress_parse() always gives a document");
    FUZZ_CHECK(*st == PROGRESS_PARSE_OK || *st == PROGRESS_PARSE_DAMAGED ||
                   *st == PROGRESS_PARSE_NEWER,
               "the parse status is known");
    fuzz_check_diag(&d, 0); /* file-level problems have no place */
    diag_free(&d);
    return p;
}

/* Emits p, parses the text back (soundly) and returns the new document and, in *text, what
 * was emitted. */
static struct progress *emit_parse(const struct progress *p, char **text, size_t *len)
{
    *text = progress_emit(p, len);
    FUZZ_CHECK(*text != NULL, "a parsed document emits");
    FUZZ_CHECK(text_utf8_valid(*text, *len, NULL), "emitted text is UTF-8");
    enum progress_parse_status st;
    struct progress *again = parse(*text, *len, &st);
    FUZZ_CHECK(st == PROGRESS_PARSE_OK, "emitted text parses soundly");
    return again;
}

/* Saving what was loaded reaches a fixed point after one round: emit(parse(t)) == t for any
 * emitted t. (The first round may only change how kept keys are quoted.) */
static void check_round_trip(const struct progress *p)
{
    char *t1, *t2, *t3;
    size_t l1, l2, l3;
    struct progress *q = emit_parse(p, &t1, &l1);
    struct progress *r = emit_parse(q, &t2, &l2);
    struct progress *s = emit_parse(r, &t3, &l3);
    FUZZ_CHECK(l2 == l3 && memcmp(t2, t3, l2) == 0, "emit(parse(t)) == t for emitted t");
    progress_free(s);
    progress_free(r);
    progress_free(q);
    free(t3);
    free(t2);
    free(t1);
}

/* Every live entry of side is in merged, at least as new. */
static void check_kept(const struct progress *merged, const struct progress *side)
{
    for (size_t g = 0; g < progress_count_guides(side); g++) {
        const struct progress_guide *sg = progress_guide_at(side, g);
        const struct progress_guide *mg = progress_find_guide(merged, progress_guide_id(sg));
        FUZZ_CHECK(mg != NULL, "a merge keeps every guide");
        FUZZ_CHECK(progress_guide_reset(mg) >= progress_guide_reset(sg),
                   "a merge takes the later reset");
        for (size_t i = 0; i < progress_guide_count_items(sg); i++) {
            const struct progress_item *si = progress_guide_item(sg, i);
            if (si->changed <= progress_guide_reset(mg)) {
                continue;
            }
            const struct progress_item *mi = progress_find_item(mg, si->id);
            FUZZ_CHECK(mi != NULL && mi->changed >= si->changed, "a merge keeps the latest");
        }
    }
}

static void check_undo(struct progress *p)
{
    if (progress_count_guides(p) == 0 || progress_guide_count_items(progress_guide_at(p, 0)) == 0) {
        return;
    }
    const struct progress_guide *pg = progress_guide_at(p, 0);
    const struct progress_item *first = progress_guide_item(pg, 0);
    char *g = xstrdup(progress_guide_id(pg)), *it = xstrdup(first->id);
    enum progress_state before = progress_get_state(p, g, it);
    enum progress_state next = (enum progress_state)((before + 1) % PROGRESS_STATE_COUNT);
    int64_t now = first->changed;
    FUZZ_CHECK(progress_set_state(p, g, it, next, now) == PROGRESS_CHANGED,
               "a stored item can be set");
    FUZZ_CHECK(progress_get_state(p, g, it) == next, "a set state is read back");
    const char *undone = NULL;
    FUZZ_CHECK(progress_undo(p, g, now, &undone), "a change can be undone");
    FUZZ_CHECK(undone != NULL && strcmp(undone, it) == 0, "undo names the item");
    FUZZ_CHECK(progress_get_state(p, g, it) == before, "undo restores the state");
    check_round_trip(p);
    free(it);
    free(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_PROGRESS_MAX_INPUT) {
        return -1;
    }
    char *buf = fuzz_copy(data, size);
    size_t seplen = strlen(FUZZ_PROGRESS_SEP), alen = size;
    const char *b = buf + size;
    for (size_t i = 0; i + seplen <= size; i++) {
        if (memcmp(buf + i, FUZZ_PROGRESS_SEP, seplen) == 0) {
            alen = i, b = buf + i + seplen;
            break;
        }
    }
    size_t blen = (size_t)(buf + size - b);

    enum progress_parse_status sa, sb, sa2;
    struct progress *a = parse(buf, alen, &sa);
    struct progress *bp = parse(b, blen, &sb);
    struct progress *merged = parse(buf, alen, &sa2);
    FUZZ_CHECK(sa == sa2, "parsing is deterministic");
    check_round_trip(a);

    progress_merge(merged, bp);
    check_kept(merged, a);
    check_kept(merged, bp);
    check_round_trip(merged);
    unsigned long gen = progress_generation(merged);
    FUZZ_CHECK(!progress_merge(merged, bp), "merging the same file twice changes nothing");
    FUZZ_CHECK(progress_generation(merged) == gen,
               "a merge that changes nothing keeps the generation");
    check_undo(merged);

    progress_free(merged);
    progress_free(bp);
    progress_free(a);
    free(buf);
    return 0;
}
