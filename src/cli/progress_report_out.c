/* SPDX-License-Identifier: MIT */
/* Writing the command-line progress reports: see progress_report_out.h. */
#include "progress_report_out.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "progress_schedule.h"
#include "text.h"
#include "xalloc.h"

int report_finish(FILE *out)
{
    return fflush(out) == 0 && !ferror(out) ? 0 : 1;
}

void report_put_clean(FILE *out, const char *s, unsigned text_flags)
{
    size_t len = 0;
    char *clean = text_sanitize(s, strlen(s), text_flags | TEXT_ONE_LINE, &len);
    fwrite(clean, 1, len, out);
    free(clean);
}

void report_add_count(char **parts, size_t *n, size_t count, const char *one, const char *many)
{
    if (count > 0) {
        parts[(*n)++] = xasprintf("%zu %s", count, count == 1 ? one : many);
    }
}

void report_put_tally(FILE *out, const struct progress_tally *t)
{
    char *parts[4] = {NULL};
    size_t n = 0;
    report_add_count(parts, &n, t->states, "marked key action", "marked key actions");
    report_add_count(parts, &n, t->notes, "note", "notes");
    report_add_count(parts, &n, t->certs, "certification record", "certification records");
    if (t->has_start) {
        char buf[PROGRESS_DATE_SIZE];
        progress_date_format(t->start, buf, sizeof buf);
        parts[n++] = xasprintf("the start date %s", buf);
    }
    if (n == 0) {
        fputs("no progress", out);
    }
    report_put_list(out, parts, n);
}

void report_put_list(FILE *out, char **parts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputs(parts[i], out);
        fputs(i + 2 < n ? ", " : i + 2 == n ? " and " : "", out);
        free(parts[i]);
    }
}

void report_put_pace(FILE *out, const struct progress *p, const struct guide *g,
                     struct progress_date today, unsigned text_flags)
{
    struct progress_schedule plan;
    progress_schedule_compute(p, g, today, 0, &plan);
    char *line = progress_pace_line(&plan, p, g, today, text_flags);
    progress_schedule_free(&plan);
    if (line != NULL) {
        fprintf(out, "Pace: %s\n", line);
        free(line);
    }
}

void report_save_warning(const struct progress_store *s, FILE *err)
{
    if (progress_store_warning(s) != NULL) {
        fputs("trail: warning: ", err);
        report_put_clean(err, progress_store_warning(s), 0);
        fputs(".\n", err);
    }
}

void report_put_word(FILE *out, const char *s)
{
    size_t len = 0;
    char *clean = text_sanitize(s, strlen(s), TEXT_ONE_LINE, &len);
    bool plain = len > 0;
    for (size_t i = 0; i < len && plain; i++) {
        unsigned char c = (unsigned char)clean[i];
        plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                strchr("/._+=:,@%-", c) != NULL;
    }
    if (plain) {
        fwrite(clean, 1, len, out);
    } else {
        fputc('\'', out);
        for (size_t i = 0; i < len; i++) {
            if (clean[i] == '\'') {
                fputs("'\\''", out);
            } else {
                fputc(clean[i], out);
            }
        }
        fputc('\'', out);
    }
    free(clean);
}

void report_put_markdown(FILE *out, const char *s, unsigned flags)
{
    size_t len = 0;
    char *clean = text_sanitize(s, strlen(s), flags | TEXT_ONE_LINE, &len);
    for (size_t i = 0; i < len; i++) {
        if (strchr("\\`*_[]<>~|#", clean[i]) != NULL) {
            fputc('\\', out);
        }
        fputc(clean[i], out);
    }
    free(clean);
}

void report_put_markdown_note(FILE *out, const char *note, const char *prefix, unsigned flags)
{
    if (note == NULL) {
        return;
    }
    for (const char *line = note; line != NULL;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl != NULL ? (size_t)(nl - line) : strlen(line);
        char *one = xstrndup(line, len);
        fputs(prefix, out);
        report_put_markdown(out, one, flags);
        fputc('\n', out);
        free(one);
        line = nl != NULL ? nl + 1 : NULL;
    }
    if (prefix[0] == '>') {
        fputc('\n', out);
    }
}
