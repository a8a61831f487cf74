/* SPDX-License-Identifier: MIT */
/* Helpers shared by the harnesses: property checks and one-time set-up. */
#include "fuzz_common.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

void fuzz_check(int cond, const char *what, const char *file, int line)
{
    if (!cond) {
        fprintf(stderr, "%s:%d: property failed: %s\n", file, line, what);
        abort();
    }
}

void fuzz_init_locale(void)
{
    if (setlocale(LC_ALL, "C.UTF-8") == NULL && setlocale(LC_ALL, "C.utf8") == NULL) {
        fprintf(stderr, "fuzz: no C.UTF-8 locale on this system\n");
        abort();
    }
    FUZZ_CHECK(strcmp(nl_langinfo(CODESET), "UTF-8") == 0, "the locale is UTF-8");
}

void fuzz_make_dir(char *dir, size_t size, const char *who)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, size, "%.40s/trail-fuzz-XXXXXX", tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
    if (mkdtemp(dir) == NULL) {
        fprintf(stderr, "%s: mkdtemp: %s\n", who, strerror(errno));
        abort();
    }
}

int fuzz_skipped(const char *id)
{
    const char *list = getenv("TRAIL_FUZZ_SKIP");
    size_t n = strlen(id);
    for (const char *p = list; p != NULL && *p != '\0';) {
        const char *comma = strchr(p, ',');
        size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
        if (len == n && memcmp(p, id, n) == 0) {
            return 1;
        }
        p = comma != NULL ? comma + 1 : NULL;
    }
    return 0;
}

char *fuzz_copy(const uint8_t *data, size_t size)
{
    char *s = xmalloc(size + 1);
    if (size > 0) {
        memcpy(s, data, size);
    }
    s[size] = '\0';
    return s;
}

static int is_forbidden(uint32_t cp, int one_line)
{
    if (cp == '\n') {
        return one_line;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
        return 1;
    }
    if (cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
        (cp >= 0x2066 && cp <= 0x2069)) {
        return 1; /* bidi controls */
    }
    return cp == 0x00ad || cp == 0x180e || (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 ||
           cp == 0xfeff; /* invisible: dropped by the sanitiser */
}

void fuzz_check_terminal_safe(const char *s, size_t len, int one_line, const char *utf8_id,
                              const char *what)
{
    size_t bad;
    if ((utf8_id == NULL || !fuzz_skipped(utf8_id)) && !text_utf8_valid(s, len, &bad)) {
        fprintf(stderr, "fuzz: %s: invalid UTF-8 at byte %zu of %zu\n", what, bad, len);
        FUZZ_CHECK(0, "text for the terminal is valid UTF-8");
    }
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = text_utf8_decode(s + i, len - i, &cp);
        if (is_forbidden(cp, one_line)) {
            fprintf(stderr, "fuzz: %s: U+%04X at byte %zu\n", what, (unsigned)cp, i);
            FUZZ_CHECK(0, "text for the terminal holds no control or invisible character");
        }
        i += k;
    }
}

void fuzz_check_diag(const struct diag *d, int located)
{
    FUZZ_CHECK(d->n <= DIAG_MAX, "at most DIAG_MAX messages are kept");
    FUZZ_CHECK(d->n + d->dropped == d->errors + d->warnings, "every message is counted");
    for (size_t i = 0; i < d->n; i++) {
        const struct diag_msg *m = &d->msgs[i];
        char buf[1024];
        diag_format(m, buf, sizeof buf);
        fuzz_check_terminal_safe(m->text, strlen(m->text), 1, NULL, "a diagnostic");
        fuzz_check_terminal_safe(buf, strlen(buf), 1, NULL, "a diagnostic as printed");
        if (located && m->level == DIAG_ERROR && m->file != NULL) {
            FUZZ_CHECK(m->line >= 1 && m->col >= 1, "an error in a file is located");
        }
    }
}
