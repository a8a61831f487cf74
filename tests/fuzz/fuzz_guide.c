/* SPDX-License-Identifier: MIT */
/* Fuzzes the whole guide loader: guide_load() on a directory, then guide_print() on what loaded.
 *
 * The input is split into the part files by lines "#----8<----" (a YAML comment, so an unsplit
 * file is still YAML): guide.yaml, career-path.yaml, certifications.yaml, faq.yaml, in that
 * order. A part that is not given has no file, so absent and empty parts are both reached. The
 * files go to a private directory made once per process and removed at exit.
 *
 * Properties: a guide comes with no error and a failure with at least one; every diagnostic is
 * safe to print; loading everything at once and part by part (guide_load_parts, which rolls a
 * failed part back) agree; every action id is found again; guide_print() output holds nothing
 * a terminal would act on and is valid UTF-8, is ASCII with TEXT_ASCII, and no line is wider
 * than the page. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "guide.h"
#include "guide_print.h"
#include "text.h"
#include "xalloc.h"

#define FUZZ_GUIDE_MAX_INPUT (1024u * 1024u)
#define FUZZ_GUIDE_SEP       "#----8<----\n"
#define FUZZ_GUIDE_PARTS     4

static char fuzz_dir[64];

static void remove_dir(void)
{
    for (unsigned p = GUIDE_PART_INFO; p <= GUIDE_PART_FAQ; p <<= 1) {
        char *path = xasprintf("%s/%s", fuzz_dir, guide_part_file((enum guide_part)p));
        unlink(path);
        free(path);
    }
    rmdir(fuzz_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_init_locale();
    fuzz_make_dir(fuzz_dir, sizeof fuzz_dir, "fuzz_guide");
    atexit(remove_dir);
    return 0;
}

static void write_part(unsigned part, const char *s, size_t len)
{
    char *path = xasprintf("%s/%s", fuzz_dir, guide_part_file((enum guide_part)part));
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FUZZ_CHECK(fd >= 0, "the fuzz directory is writable");
    while (len > 0) {
        ssize_t w = write(fd, s, len);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        FUZZ_CHECK(w > 0, "a part file is written");
        s += w, len -= (size_t)w;
    }
    close(fd);
    free(path);
}

/* The first separator in [s, end), or NULL (memmem() is a GNU extension). */
static const char *find_sep(const char *s, const char *end)
{
    const size_t seplen = strlen(FUZZ_GUIDE_SEP);
    for (; (size_t)(end - s) >= seplen; s++) {
        if (memcmp(s, FUZZ_GUIDE_SEP, seplen) == 0) {
            return s;
        }
    }
    return NULL;
}

/* Writes the parts the input gives and removes the others. */
static void write_parts(const char *buf, size_t size)
{
    const size_t seplen = strlen(FUZZ_GUIDE_SEP);
    const char *s = buf, *end = buf + size;
    unsigned part = GUIDE_PART_INFO;
    for (int i = 0; i < FUZZ_GUIDE_PARTS; i++, part <<= 1) {
        char *path = xasprintf("%s/%s", fuzz_dir, guide_part_file((enum guide_part)part));
        unlink(path);
        free(path);
        if (s == NULL) {
            continue;
        }
        const char *sep = NULL;
        if (i < FUZZ_GUIDE_PARTS - 1) {
            sep = find_sep(s, end);
        }
        write_part(part, s, sep != NULL ? (size_t)(sep - s) : (size_t)(end - s));
        s = sep != NULL ? sep + seplen : NULL;
    }
}

static void check_strings(const struct guide *g)
{
    size_t actions = 0;
    for (size_t i = 0; i < g->n_phases; i++) {
        const struct guide_phase *ph = &g->phases[i];
        FUZZ_CHECK(guide_find_phase(g, ph->id) == ph, "every phase is found by its id");
        FUZZ_CHECK(ph->start_month == 0 ||
                       (ph->start_month >= 1 && ph->start_month <= ph->end_month),
                   "a phase's months are in order");
        for (size_t j = 0; j < ph->n_actions; j++) {
            const struct guide_phase *found_in = NULL;
            const struct guide_action *a = guide_find_action(g, ph->actions[j].id, &found_in);
            FUZZ_CHECK(a == &ph->actions[j] && found_in == ph, "every action is found by its id");
            FUZZ_CHECK(strlen(a->id) <= GUIDE_MAX_ID, "an id is within the limit");
            FUZZ_CHECK(text_utf8_valid(a->text, strlen(a->text), NULL), "text is UTF-8");
        }
        actions += ph->n_actions;
    }
    FUZZ_CHECK(guide_count_actions(g) == actions, "guide_count_actions() counts every action");
    FUZZ_CHECK(text_utf8_valid(g->title, strlen(g->title), NULL), "the title is UTF-8");
}

/* Every line of the printout fits the page and holds nothing a terminal acts on. */
static void check_print(const struct guide *g, int width, unsigned flags)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    FUZZ_CHECK(f != NULL, "open_memstream");
    FUZZ_CHECK(guide_print(g, NULL, width, flags, f) == 0, "guide_print() succeeds on memory");
    fclose(f);
    fuzz_check_terminal_safe(out, len, 0, NULL, "guide_print() output");
    int page = width < 20 ? 20 : width;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(out + i, '\n', len - i);
        size_t n = nl != NULL ? (size_t)(nl - (out + i)) : len - i;
        FUZZ_CHECK(text_width(out + i, n) <= page, "a printed line fits the page");
        for (size_t k = 0; (flags & TEXT_ASCII) && k < n; k++) {
            FUZZ_CHECK((unsigned char)out[i + k] < 0x80, "TEXT_ASCII output is ASCII");
        }
        i += n + 1;
    }
    free(out);
}

/* Part by part must load exactly what all at once loads. */
static void check_incremental(const struct guide *whole)
{
    struct diag d = {0};
    struct guide *g = guide_load(fuzz_dir, GUIDE_PART_INFO, &d);
    int ok = g != NULL;
    for (unsigned p = GUIDE_PART_PATH; g != NULL && p <= GUIDE_PART_FAQ; p <<= 1) {
        if (guide_load_parts(g, p, &d) < 0) {
            ok = 0;
            FUZZ_CHECK(!(g->loaded & p), "a failed part is not marked loaded");
        }
    }
    fuzz_check_diag(&d, 1);
    FUZZ_CHECK(ok == (whole != NULL), "loading part by part agrees with loading all at once");
    if (g != NULL && whole != NULL) {
        FUZZ_CHECK(g->n_phases == whole->n_phases && g->n_certs == whole->n_certs &&
                       g->n_faqs == whole->n_faqs && g->n_overview == whole->n_overview,
                   "part by part loads the same items");
        FUZZ_CHECK(guide_count_actions(g) == guide_count_actions(whole),
                   "part by part loads the same actions");
    }
    guide_free(g);
    diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_GUIDE_MAX_INPUT) {
        return -1;
    }
    char *buf = fuzz_copy(data, size);
    write_parts(buf, size);
    struct diag d = {0};
    struct guide *g = guide_load(fuzz_dir, GUIDE_PART_ALL, &d);
    fuzz_check_diag(&d, 1);
    if (g != NULL) {
        FUZZ_CHECK(d.errors == 0, "a loaded guide comes with no error");
        FUZZ_CHECK(g->loaded == GUIDE_PART_ALL, "every part is loaded");
        check_strings(g);
        check_print(g, 20 + (int)(size % 61), size % 2 ? TEXT_ASCII : 0);
    } else {
        FUZZ_CHECK(d.errors >= 1, "a failed load says why");
    }
    check_incremental(g);
    guide_free(g);
    diag_free(&d);
    free(buf);
    return 0;
}
