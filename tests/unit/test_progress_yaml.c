/* SPDX-License-Identifier: MIT */
/* Unit tests of the dotfile text: parse, emit, round trip, unknown keys, newer versions and
 * every kind of damage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "progress.h"
#include "progress_internal.h" /* white-box: unknown keys and the emitter's cache */

#define G "ml-engineer"

static const char sample[] = "version: 1\n"
                             "guides:\n"
                             "  ml-engineer:\n"
                             "    reset: 2026-11-20T10:00:00.000Z\n"
                             "    items:\n"
                             "      foundation/python-numpy-pandas:\n"
                             "        state: done\n"
                             "        changed: 2026-11-26T06:30:12.345Z\n"
                             "      foundation/core-math:\n"
                             "        state: in-progress\n"
                             "        changed: 2026-11-26T06:31:00.000Z\n"
                             "      retired/old-action:\n"
                             "        state: skipped\n"
                             "        changed: 2026-11-21T00:00:00.000Z\n";

static struct progress *parse(const char *text, size_t len, enum progress_parse_status *st)
{
    struct diag d = {0};
    struct progress *p = progress_parse("test.yaml", text, len, st, &d);
    if (*st == PROGRESS_PARSE_OK) {
        assert_int_equal(d.errors, 0);
    } else {
        assert_true(d.errors > 0); /* damage is always explained */
    }
    diag_free(&d);
    return p;
}

static size_t entries(const struct progress *p)
{
    const struct progress_guide *pg = progress_find_guide(p, G);
    return progress_guide_count_items(pg);
}

static void test_parse(void **state)
{
    (void)state;
    enum progress_parse_status st;
    struct progress *p = parse(sample, strlen(sample), &st);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(entries(p), 3);
    assert_int_equal(progress_get_state(p, G, "foundation/python-numpy-pandas"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(p, G, "foundation/core-math"), PROGRESS_IN_PROGRESS);
    /* An item the guide no longer has is kept like any other. */
    assert_int_equal(progress_get_state(p, G, "retired/old-action"), PROGRESS_SKIPPED);
    const struct progress_item *it =
        progress_find_item(progress_find_guide(p, G), "foundation/python-numpy-pandas");
    int64_t t;
    progress_parse_time("2026-11-26T06:30:12.345Z", &t);
    assert_int_equal(it->changed, t);
    assert_int_equal(progress_generation(p), 0);
    assert_int_equal(progress_undo_depth(p, "ml-engineer"), 0);
    progress_free(p);
}

static void test_emit_exact(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    int64_t t;
    progress_parse_time("2026-11-26T06:30:12.345Z", &t);
    progress_set_state(p, G, "foundation/python-numpy-pandas", PROGRESS_DONE, t);
    progress_set_state(p, G, "needs: quoting", PROGRESS_SKIPPED, t + 1);
    size_t len = 0;
    char *text = progress_emit(p, &len);
    const char *expected = "version: 1\n"
                           "guides:\n"
                           "  ml-engineer:\n"
                           "    items:\n"
                           "      foundation/python-numpy-pandas:\n"
                           "        state: done\n"
                           "        changed: 2026-11-26T06:30:12.345Z\n"
                           "      'needs: quoting':\n"
                           "        state: skipped\n"
                           "        changed: 2026-11-26T06:30:12.346Z\n"
                           "journal:\n"
                           "  ml-engineer:\n"
                           "  - 2026-11-26T06:30:12.345Z 1afc81b53fc3e6c4 done "
                           "foundation/python-numpy-pandas\n"
                           "  - \"2026-11-26T06:30:12.346Z 33c1cc9e6ae61ef4 skipped needs: "
                           "quoting\"\n";
    assert_string_equal(text, expected);
    assert_int_equal(len, strlen(expected));
    free(text);
    progress_free(p);
}

static void test_round_trip(void **state)
{
    (void)state;
    enum progress_parse_status st;
    struct progress *p = parse(sample, strlen(sample), &st);
    size_t len = 0;
    char *text = progress_emit(p, &len);
    /* The sample is written in the emitter's own layout: byte-identical. */
    assert_string_equal(text, sample);
    struct progress *q = parse(text, len, &st);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    size_t len2 = 0;
    char *again = progress_emit(q, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(text, again, len);
    free(text);
    free(again);
    progress_free(p);
    progress_free(q);
}

static void test_unknown_keys_kept(void **state)
{
    (void)state;
    const char *text = "version: 1\n"
                       "theme: dark\n"
                       "guides:\n"
                       "  ml-engineer:\n"
                       "    items:\n"
                       "      a/1:\n"
                       "        state: done\n"
                       "        changed: 2026-11-26T06:30:12.345Z\n"
                       "        note: \"42\"\n"
                       "    started: 2026-01-01\n"
                       "    last_position: {screen: path, row: 3}\n"
                       "    badges:\n"
                       "    - aws-ml\n"
                       "    - 'gcp: ml'\n"
                       "  data-engineer:\n"
                       "    goals: keep me\n";
    enum progress_parse_status st;
    struct progress *p = parse(text, strlen(text), &st);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(p->extra.n, 1);
    assert_int_equal(progress_guide_more(progress_lookup_guide(p, G))->extra.n, 3);
    assert_int_equal(progress_guide_more(progress_lookup_guide(p, "data-engineer"))->extra.n, 1);
    size_t len = 0;
    char *out = progress_emit(p, &len);
    /* Known keys first, then the unknown ones in their order; "42" stays a quoted string. */
    const char *expected = "version: 1\n"
                           "guides:\n"
                           "  ml-engineer:\n"
                           "    items:\n"
                           "      a/1:\n"
                           "        state: done\n"
                           "        changed: 2026-11-26T06:30:12.345Z\n"
                           "        note: \"42\"\n"
                           "    started: 2026-01-01\n"
                           "    last_position:\n"
                           "      screen: path\n"
                           "      row: 3\n"
                           "    badges:\n"
                           "    - aws-ml\n"
                           "    - \"gcp: ml\"\n"
                           "  data-engineer:\n"
                           "    goals: keep me\n"
                           "theme: dark\n";
    assert_string_equal(out, expected);
    /* A change and a merge keep them too. */
    progress_set_state(p, G, "a/2", PROGRESS_DONE, 1);
    struct progress *q = progress_new();
    progress_merge(q, p);
    progress_free(p);
    char *out2 = progress_emit(q, &len);
    assert_non_null(strstr(out2, "    last_position:\n      screen: path\n"));
    assert_non_null(strstr(out2, "        note: \"42\"\n"));
    assert_non_null(strstr(out2, "theme: dark\n"));
    free(out);
    free(out2);
    progress_free(q);
}

static void test_newer_version(void **state)
{
    (void)state;
    const char *text = "version: 2\n"
                       "guides:\n"
                       "  ml-engineer:\n"
                       "    items:\n"
                       "      a/1:\n"
                       "        state: done\n"
                       "        changed: 2026-11-26T06:30:12.345Z\n"
                       "      a/2:\n"
                       "        state: mastered\n"
                       "        changed: 2026-11-26T06:30:12.345Z\n";
    enum progress_parse_status st;
    struct progress *p = parse(text, strlen(text), &st);
    assert_int_equal(st, PROGRESS_PARSE_NEWER);
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_DONE); /* shown read-only */
    assert_int_equal(entries(p), 1);
    progress_free(p);
}

static void test_empty_is_sound(void **state)
{
    (void)state;
    const char *texts[] = {"", "# only a comment\n", "\n\n", "---\n"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        enum progress_parse_status st;
        struct progress *p = parse(texts[i], strlen(texts[i]), &st);
        assert_int_equal(st, PROGRESS_PARSE_OK);
        assert_int_equal(progress_count_guides(p), 0);
        progress_free(p);
    }
}

static void expect_damaged(const char *text, size_t len, size_t salvaged)
{
    enum progress_parse_status st;
    struct progress *p = parse(text, len, &st);
    assert_int_equal(st, PROGRESS_PARSE_DAMAGED);
    assert_int_equal(entries(p), salvaged);
    progress_free(p);
}

/* A file a person may have written: sound, with `warnings` located warnings and `kept`
 * entries understood in the main guide. */
static void expect_sound(const char *text, size_t len, size_t kept, size_t warnings)
{
    struct diag d = {0};
    enum progress_parse_status st;
    struct progress *p = progress_parse("t.yaml", text, len, &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, warnings);
    for (size_t i = 0; i < d.n; i++) {
        assert_true(d.msgs[i].line > 0 && d.msgs[i].col > 0);
    }
    assert_int_equal(entries(p), kept);
    progress_free(p);
    diag_free(&d);
}

static void test_wrong_types(void **state)
{
    (void)state;
    expect_damaged("- version\n- 1\n", 14, 0);
    expect_damaged("just a string\n", 14, 0);
    expect_sound("guides: {}\n", 11, 0, 1); /* no version: read as version 1 */
    expect_damaged("version: one\nguides: {}\n", 24, 0);
    expect_damaged("version: [1]\n", 13, 0);
    expect_damaged("version: 0\n", 11, 0);
    expect_damaged("version: 1\nguides: [a, b]\n", 26, 0);
    expect_damaged("version: 1\nguides:\n  ml-engineer: [1]\n", 38, 0);
    expect_damaged("version: 1\nguides:\n  ml-engineer:\n    items: [1, 2]\n", 52, 0);
    const char *mixed = "version: 1\n"
                        "guides:\n"
                        "  ml-engineer:\n"
                        "    items:\n"
                        "      a/1:\n"
                        "        state: 42\n"
                        "        changed: 2026-11-26T06:30:12.345Z\n"
                        "      a/2:\n"
                        "        state: done\n"
                        "        changed: last tuesday\n"
                        "      a/3: done\n"
                        "      a/4:\n"
                        "        state: done\n"
                        "      a/5:\n"
                        "        state: skipped\n"
                        "        changed: 2026-11-26T06:30:12.345Z\n";
    /* a/1 and a/2 are kept as written, with a warning each; a/3 (a state alone) and a/4 (no
     * change time: the oldest) are read as a person meant them. */
    expect_sound(mixed, strlen(mixed), 3, 2);
    const char *bad_reset = "version: 1\nguides:\n  ml-engineer:\n    reset: soon\n";
    expect_damaged(bad_reset, strlen(bad_reset), 0);
}

static void test_truncated(void **state)
{
    (void)state;
    /* Every prefix of the sample: never a crash, never more entries than were complete. */
    size_t len = strlen(sample);
    for (size_t cut = 0; cut <= len; cut++) {
        struct diag d = {0};
        enum progress_parse_status st;
        struct progress *p = progress_parse("t.yaml", sample, cut, &st, &d);
        assert_true(entries(p) <= 3);
        assert_true(st == PROGRESS_PARSE_OK || st == PROGRESS_PARSE_DAMAGED);
        progress_free(p);
        diag_free(&d);
    }
    /* Cut inside the last item's changed time: the file ends mid-line with an entry that
     * cannot be read, so it is damaged (cut short, not hand-written); the first two items are
     * recovered. The same entry on a complete line is a person's, kept with a warning. */
    const char *cut = strstr(sample, "2026-11-21");
    expect_damaged(sample, (size_t)(cut - sample) + 4, 2);
    char *line = strndup(sample, (size_t)(cut - sample) + 4);
    char *whole = malloc(strlen(line) + 2);
    sprintf(whole, "%s\n", line);
    expect_sound(whole, strlen(whole), 2, 1);
    free(whole);
    free(line);
    /* Cut in the middle of a key: the YAML error is salvaged around. */
    cut = strstr(sample, "retired/old");
    expect_damaged(sample, (size_t)(cut - sample) + 7, 2);
}

static void test_nul_bytes(void **state)
{
    (void)state;
    /* A whole file of NULs (what some file systems leave after a crash). */
    char zeros[512] = {0};
    expect_damaged(zeros, sizeof zeros, 0);
    /* Valid content followed by NUL padding: everything before it is recovered. */
    size_t len = strlen(sample);
    char *padded = calloc(len + 4096, 1);
    memcpy(padded, sample, len);
    expect_damaged(padded, len + 4096, 3);
    free(padded);
}

static void test_binary_and_utf8(void **state)
{
    (void)state;
    char junk[1024];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        x = x * 1103515245u + 12345u;
        junk[i] = (char)(x >> 16);
    }
    enum progress_parse_status st;
    struct diag d = {0};
    struct progress *p = progress_parse("junk", junk, sizeof junk, &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_DAMAGED);
    progress_free(p);
    diag_free(&d);
    /* Invalid UTF-8 in the last item: the items before it are recovered. */
    char *bad = strdup(sample);
    char *at = strstr(bad, "retired/old-action");
    at[3] = (char)0xff;
    expect_damaged(bad, strlen(bad), 2);
    free(bad);
}

static void test_void_entries_dropped(void **state)
{
    (void)state;
    /* reset is 2026-11-20; an entry changed before it is void (not damage). */
    const char *text = "version: 1\n"
                       "guides:\n"
                       "  ml-engineer:\n"
                       "    reset: 2026-11-20T10:00:00.000Z\n"
                       "    items:\n"
                       "      a/old:\n"
                       "        state: done\n"
                       "        changed: 2026-11-19T00:00:00.000Z\n"
                       "      a/new:\n"
                       "        state: done\n"
                       "        changed: 2026-11-21T00:00:00.000Z\n";
    enum progress_parse_status st;
    struct progress *p = parse(text, strlen(text), &st);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(entries(p), 1);
    assert_int_equal(progress_get_state(p, G, "a/new"), PROGRESS_DONE);
    progress_free(p);
}

static void test_aliases_refused(void **state)
{
    (void)state;
    const char *text = "version: 1\n"
                       "guides:\n"
                       "  ml-engineer:\n"
                       "    items:\n"
                       "      a/1: &x\n"
                       "        state: done\n"
                       "        changed: 2026-11-26T06:30:12.345Z\n"
                       "      a/2: *x\n";
    enum progress_parse_status st;
    struct diag d = {0};
    struct progress *p = progress_parse("alias.yaml", text, strlen(text), &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_DAMAGED);
    assert_true(entries(p) <= 1);
    progress_free(p);
    diag_free(&d);
}

/* Asserts that the cached emitter writes exactly what a fresh emit writes. */
static void assert_cached_matches(struct progress *p)
{
    size_t fresh_len = 0, cached_len = 0;
    char *fresh = progress_emit(p, &fresh_len);
    char *cached = progress_emit_cached(p, &cached_len);
    assert_non_null(fresh);
    assert_non_null(cached);
    assert_string_equal(cached, fresh);
    assert_int_equal(cached_len, fresh_len);
    free(fresh);
    free(cached);
}

/* Item ids that libyaml writes plain, quoted, escaped or (past 128 bytes) as a complex key:
 * a prefix, the number n, a suffix. */
static const char *odd_id(unsigned n, char *buf, size_t size)
{
    static const char *const shapes[][2] = {
        {"phase-", "/action"},
        {"needs: quoting ", ""},
        {"- dash ", ""},
        {"'quote' ", ""},
        {"caf\xc3\xa9 ", ""},
        {"#hash ", ""},
        {"", ""},
        {"tab\there ", ""},
        {"trailing ", " "},
        {"yes", ""},
        {"[flow ", "]"},
    };
    size_t n_shapes = sizeof shapes / sizeof shapes[0];
    unsigned shape = n % (unsigned)(n_shapes + 1);
    if (shape == n_shapes) {
        int w = snprintf(buf, size, "%u", n);
        memset(buf + w, 'x', 150 - (size_t)w); /* 150 bytes: too long for a simple key */
        buf[150] = '\0';
        return buf;
    }
    snprintf(buf, size, "%s%u%s", shapes[shape][0], n, shapes[shape][1]);
    return buf;
}

/* After random changes (new items, ticks, notes, resets, a second guide, a merge that brings
 * unknown item keys), progress_emit_cached() gives the bytes of a fresh progress_emit(). */
static void test_emit_cached_matches_fresh(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    int64_t t = 1790000000000LL;
    uint32_t x = 2463534242u; /* xorshift32: a fixed, reproducible sequence */
    char buf[200];
    for (int round = 0; round < 60; round++) {
        int changes = round == 0 ? 300 : 1 + (int)(x % 6);
        for (int c = 0; c < changes; c++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            /* Independent bit fields of x: guide, id, state, kind of change. */
            const char *guide = (x >> 24) % 5 == 0 ? "second-guide" : G;
            const char *id = odd_id(x % 400, buf, sizeof buf);
            t += 1 + (x >> 12) % 5000;
            if ((x >> 18) % 29 == 0) {
                progress_set_note(p, guide, id, "line one\nline two", 17, t);
            } else {
                progress_set_state(p, guide, id,
                                   (enum progress_state)((x >> 10) % PROGRESS_STATE_COUNT), t);
            }
        }
        if (round == 20) {
            progress_reset_guide(p, "second-guide", t++);
        }
        if (round == 40) { /* another instance's file, with a key this version does not know */
            static const char theirs_text[] = "version: 1\n"
                                              "guides:\n"
                                              "  ml-engineer:\n"
                                              "    items:\n"
                                              "      phase-12/action:\n"
                                              "        state: done\n"
                                              "        changed: 2099-01-01T00:00:00.000Z\n"
                                              "        future: |\n"
                                              "          kept\n"
                                              "          as written\n";
            enum progress_parse_status st;
            struct progress *theirs = parse(theirs_text, strlen(theirs_text), &st);
            progress_merge(p, theirs);
            progress_free(theirs);
        }
        assert_cached_matches(p);
    }
    /* The items really were reused: the texts are kept for the main guide's items. */
    const struct progress_guide *pg = progress_lookup_guide(p, "second-guide");
    assert_non_null(pg);
    assert_true(pg->n_items > 1);
    assert_non_null(pg->aux[pg->n_items - 1].emitted);
    progress_free(p);
}

/* Ids around the longest simple key libyaml writes (128 bytes; longer ones are written "? id"),
 * and plain ids beside ones the emitter quotes: the cached path writes what a fresh emit does,
 * the first time and after a change. */
static void test_emit_cached_key_lengths(void **state)
{
    (void)state;
    struct progress *p = progress_new();
    int64_t t = 1790000000000LL;
    static const char *const shaped[] = {"a/b", "null", "1.5", "x-y_z.w", "-lead", "é/accent"};
    for (size_t i = 0; i < sizeof shaped / sizeof shaped[0]; i++) {
        progress_set_state(p, G, shaped[i], PROGRESS_DONE, t++);
    }
    for (size_t len = 125; len <= 131; len++) {
        char id[140];
        memset(id, 'k', len);
        id[len] = '\0';
        progress_set_state(p, G, id, PROGRESS_IN_PROGRESS, t++);
    }
    assert_cached_matches(p);
    progress_set_state(p, G, "x-y_z.w", PROGRESS_SKIPPED, t++);
    assert_cached_matches(p);
    progress_free(p);
}

/* The cached path reproduces the sample file byte for byte, on the first and later saves. */
static void test_emit_cached_exact(void **state)
{
    (void)state;
    enum progress_parse_status st;
    struct progress *p = parse(sample, strlen(sample), &st);
    for (int i = 0; i < 3; i++) {
        size_t len = 0;
        char *text = progress_emit_cached(p, &len);
        assert_string_equal(text, sample);
        free(text);
    }
    progress_free(p);
}

/* What a person writes by hand is read as meant: a state alone, any case, a date-only or
 * missing change time (the oldest, still after the guide's reset), with no warning and no
 * damage; a dated change from another copy wins over an undated one. */
static void test_hand_written(void **state)
{
    (void)state;
    const char *text = "version: 1\n"
                       "guides:\n"
                       "  ml-engineer:\n"
                       "    reset: 2026-01-01\n"
                       "    items:\n"
                       "      a/1: Done\n"
                       "      a/2:\n"
                       "        state: IN PROGRESS\n"
                       "      a/3:\n"
                       "        state: skipped\n"
                       "        changed: 2026-01-10\n"
                       "    notes:\n"
                       "      a/1: by hand\n"
                       "    certifications:\n"
                       "      aws: Exam_Booked\n"
                       "    start: 2026-01-05\n";
    struct diag d = {0};
    enum progress_parse_status st;
    struct progress *p = progress_parse("t.yaml", text, strlen(text), &st, &d);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(d.n, 0);
    int64_t reset, day;
    assert_int_equal(progress_parse_time("2026-01-01T00:00:00Z", &reset), 0);
    assert_int_equal(progress_parse_time("2026-01-10T00:00:00Z", &day), 0);
    const struct progress_guide *pg = progress_find_guide(p, G);
    assert_int_equal(progress_guide_reset(pg), reset);
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_DONE);
    assert_int_equal(progress_find_item(pg, "a/1")->changed, reset + 1);
    assert_int_equal(progress_get_state(p, G, "a/2"), PROGRESS_IN_PROGRESS);
    assert_int_equal(progress_get_state(p, G, "a/3"), PROGRESS_SKIPPED);
    assert_int_equal(progress_find_item(pg, "a/3")->changed, day);
    assert_string_equal(progress_get_note(p, G, "a/1"), "by hand");
    struct progress_cert_info c;
    assert_true(progress_get_cert(p, G, "aws", &c));
    assert_int_equal(c.status, PROGRESS_CERT_EXAM_BOOKED);
    struct progress_date start;
    assert_true(progress_get_start(p, G, &start));
    assert_int_equal(start.day, 5);
    /* Any dated change wins over an undated one, in either direction of the merge. */
    struct progress *other = progress_new();
    progress_set_state(other, G, "a/1", PROGRESS_SKIPPED, reset + 2);
    progress_merge(p, other);
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_SKIPPED);
    /* Written back in trail's own spelling, it reads the same without a warning. */
    size_t len = 0;
    char *out = progress_emit(p, &len);
    assert_non_null(strstr(out, "state: in-progress"));
    assert_non_null(strstr(out, "status: exam-booked"));
    struct diag d2 = {0};
    struct progress *q = progress_parse("t.yaml", out, len, &st, &d2);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(d2.n, 0);
    assert_int_equal(progress_get_state(q, G, "a/2"), PROGRESS_IN_PROGRESS);
    progress_free(q);
    diag_free(&d2);
    free(out);
    progress_free(other);
    progress_free(p);
    diag_free(&d);
}

/* Every YAML example of docs/progress-format.md loads as a sound file; its warnings are
 * exactly on the lines the page marks "# trail warns here", each with a line and column. */
static void test_doc_examples(void **state)
{
    (void)state;
    FILE *f = fopen(TRAIL_SOURCE_DIR "/docs/progress-format.md", "r");
    assert_non_null(f);
    char line[512], block[8192];
    size_t len = 0, blocks = 0, marked = 0;
    bool in = false;
    while (fgets(line, sizeof line, f) != NULL) {
        if (!in && strcmp(line, "```yaml\n") == 0) {
            in = true;
            len = 0;
            continue;
        }
        if (!in) {
            continue;
        }
        if (strcmp(line, "```\n") != 0) {
            assert_true(len + strlen(line) < sizeof block);
            memcpy(block + len, line, strlen(line));
            len += strlen(line);
            continue;
        }
        in = false;
        block[len] = '\0';
        struct diag d = {0};
        enum progress_parse_status st;
        struct progress *p = progress_parse("doc.yaml", block, len, &st, &d);
        assert_int_equal(st, PROGRESS_PARSE_OK);
        assert_int_equal(d.errors, 0);
        assert_true(progress_count_guides(p) > 0);
        size_t marks = 0;
        unsigned at = 1;
        for (const char *c = block; *c != '\0'; at++) {
            const char *end = strchr(c, '\n');
            bool mark =
                strstr(c, "# trail warns here") != NULL && strstr(c, "# trail warns here") < end;
            bool warned = false;
            for (size_t i = 0; i < d.n; i++) {
                warned |= d.msgs[i].line == at && d.msgs[i].col > 0;
            }
            assert_true(mark == warned);
            marks += mark;
            c = end + 1;
        }
        assert_int_equal(d.warnings, marks);
        marked += marks;
        blocks++;
        progress_free(p);
        diag_free(&d);
    }
    fclose(f);
    assert_true(blocks >= 3);
    assert_true(marked >= 2);
}

/* A file of n guide entries with one item each. */
static char *many_guides(size_t n, size_t *len)
{
    size_t cap = n * 128 + 64, at = 0;
    char *buf = malloc(cap);
    at += (size_t)snprintf(buf, cap, "version: 1\nguides:\n");
    for (size_t i = 0; i < n; i++) {
        at += (size_t)snprintf(buf + at, cap - at,
                               "  guide-%06zu:\n    items:\n      p/a-%zu:\n        state: done\n"
                               "        changed: 2026-11-26T06:30:12.345Z\n",
                               i, i);
    }
    *len = at;
    return buf;
}

static double parse_seconds(size_t n)
{
    size_t len;
    char *text = many_guides(n, &len);
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    enum progress_parse_status st;
    struct progress *p = parse(text, len, &st);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    assert_int_equal(st, PROGRESS_PARSE_OK);
    assert_int_equal(progress_count_guides(p), n);
    char id[32];
    snprintf(id, sizeof id, "guide-%06zu", n - 1);
    assert_int_equal(progress_get_state(p, id, "p/a-1"), PROGRESS_TODO);
    snprintf(id, sizeof id, "p/a-%zu", n - 1);
    char gid[32];
    snprintf(gid, sizeof gid, "guide-%06zu", n - 1);
    assert_int_equal(progress_get_state(p, gid, id), PROGRESS_DONE);
    progress_free(p);
    free(text);
    return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* Reading is linear in the number of guides: per entry, 20,000 guides cost about what 1,000
 * do (a lookup that scans the guides made it twenty times as much, and minutes at 100,000).
 * CPU time, best of five, and a loose bound, for loaded machines and sanitisers; bench/run.sh
 * measures the real figure. */
static void test_many_guides_linear(void **state)
{
    (void)state;
    if (getenv("TRAIL_VALGRIND") != NULL) {
        skip(); /* memcheck distorts every figure */
    }
    double best_small = 1e9, best_large = 1e9;
    for (int run = 0; run < 5; run++) {
        double s = parse_seconds(1000) / 1000, l = parse_seconds(20000) / 20000;
        best_small = s < best_small ? s : best_small;
        best_large = l < best_large ? l : best_large;
    }
    assert_true(best_large / best_small < 4.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_emit_exact),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_unknown_keys_kept),
        cmocka_unit_test(test_newer_version),
        cmocka_unit_test(test_empty_is_sound),
        cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_binary_and_utf8),
        cmocka_unit_test(test_void_entries_dropped),
        cmocka_unit_test(test_aliases_refused),
        cmocka_unit_test(test_emit_cached_matches_fresh),
        cmocka_unit_test(test_emit_cached_key_lengths),
        cmocka_unit_test(test_emit_cached_exact),
        cmocka_unit_test(test_many_guides_linear),
        cmocka_unit_test(test_hand_written),
        cmocka_unit_test(test_doc_examples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
