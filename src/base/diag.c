/* SPDX-License-Identifier: MIT */
/* Diagnostics list. Messages beyond DIAG_MAX are counted, not stored, so a hostile file cannot
 * make the error list itself unbounded. Messages quote what they are about (a key, a path), so
 * file and text are sanitised when added: a diagnostic is always safe to print on a terminal. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#include "xalloc.h"

void diag_add(struct diag *d, enum diag_level level, const char *file, unsigned line, unsigned col,
              const char *fmt, ...)
{
    if (level == DIAG_ERROR) {
        d->errors++;
    } else {
        d->warnings++;
    }
    if (d->n >= DIAG_MAX) {
        d->dropped++;
        return;
    }
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->msgs = xreallocarray(d->msgs, d->cap, sizeof *d->msgs);
    }
    struct diag_msg *m = &d->msgs[d->n++];
    m->level = level;
    m->file = file != NULL ? text_sanitize(file, strlen(file), TEXT_ONE_LINE, NULL) : NULL;
    m->line = line;
    m->col = col;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *raw = xmalloc(len > 0 ? (size_t)len + 1 : 1);
    raw[0] = '\0';
    if (len > 0) {
        va_start(ap, fmt);
        vsnprintf(raw, (size_t)len + 1, fmt, ap);
        va_end(ap);
    }
    m->text = text_sanitize(raw, strlen(raw), TEXT_ONE_LINE, NULL);
    free(raw);
}

void diag_format(const struct diag_msg *m, char *buf, size_t size)
{
    const char *what = m->level == DIAG_ERROR ? "error" : "warning";
    if (m->file != NULL && m->line > 0) {
        snprintf(buf, size, "%s:%u:%u: %s: %s", m->file, m->line, m->col, what, m->text);
    } else if (m->file != NULL) {
        snprintf(buf, size, "%s: %s: %s", m->file, what, m->text);
    } else {
        snprintf(buf, size, "%s: %s", what, m->text);
    }
}

void diag_print(const struct diag *d, FILE *out)
{
    char buf[1024];
    for (size_t i = 0; i < d->n; i++) {
        diag_format(&d->msgs[i], buf, sizeof buf);
        /* A message about no line of a file is trail's own, and says so like every other. */
        fprintf(out, "%s%s\n", d->msgs[i].line == 0 ? "trail: " : "", buf);
    }
    if (d->dropped > 0) {
        fprintf(out, "(%zu more message%s not shown)\n", d->dropped, d->dropped == 1 ? "" : "s");
    }
}

/* The index of the first message about m's file (messages without a file are one group). */
static size_t file_group(const struct diag *d, const struct diag_msg *m)
{
    size_t i = 0;
    while (&d->msgs[i] != m && !((d->msgs[i].file == NULL && m->file == NULL) ||
                                 (d->msgs[i].file != NULL && m->file != NULL &&
                                  strcmp(d->msgs[i].file, m->file) == 0))) {
        i++;
    }
    return i;
}

void diag_sort(struct diag *d)
{
    size_t *group = xreallocarray(NULL, d->n > 0 ? d->n : 1, sizeof *group);
    for (size_t i = 0; i < d->n; i++) {
        group[i] = file_group(d, &d->msgs[i]);
    }
    /* Insertion sort: stable, and there are at most DIAG_MAX messages. */
    for (size_t i = 1; i < d->n; i++) {
        struct diag_msg m = d->msgs[i];
        size_t g = group[i], j = i;
        while (j > 0 && (group[j - 1] > g ||
                         (group[j - 1] == g &&
                          (d->msgs[j - 1].line > m.line ||
                           (d->msgs[j - 1].line == m.line && d->msgs[j - 1].col > m.col))))) {
            d->msgs[j] = d->msgs[j - 1];
            group[j] = group[j - 1];
            j--;
        }
        d->msgs[j] = m;
        group[j] = g;
    }
    free(group);
}

void diag_free(struct diag *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->msgs[i].file);
        free(d->msgs[i].text);
    }
    free(d->msgs);
    *d = (struct diag){0};
}

const char *diag_quote(const char *s, char *buf, size_t size)
{
    size_t i = 0;
    for (; s[i] != '\0' && i + 4 < size && i < 48; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
    }
    if (s[i] != '\0') {
        buf[i++] = '.', buf[i++] = '.', buf[i++] = '.';
    }
    buf[i] = '\0';
    return buf;
}
