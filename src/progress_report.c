/* The command-line progress reports (--progress, --export markdown|json, --reset).
 *
 * Every number comes from progress_count_*(), the same functions the browser uses, so the
 * command line and the screen cannot disagree. Guide text is untrusted: plain text and
 * Markdown print it sanitised (and Markdown escapes what would change its rendering); JSON
 * keeps the exact text but escapes every character a terminal could act on. */
#include "progress_report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress.h"
#include "text.h"
#include "xalloc.h"

#define BAR_WIDTH 20

static int finish(FILE *out)
{
    return fflush(out) == 0 && !ferror(out) ? 0 : 1;
}

/* Prints s sanitised to one line. */
static void put_clean(FILE *out, const char *s, unsigned flags)
{
    size_t len = 0;
    char *clean = text_sanitize(s, strlen(s), flags | TEXT_ONE_LINE, &len);
    fwrite(clean, 1, len, out);
    free(clean);
}

static const char *separator(unsigned flags)
{
    return (flags & TEXT_ASCII) ? ", " : " \xc2\xb7 "; /* U+00B7 middle dot */
}

static void put_bar(FILE *out, const struct progress_counts *c)
{
    size_t denom = c->total - c->skipped;
    size_t filled = denom > 0 ? c->done * BAR_WIDTH / denom : (c->total > 0 ? BAR_WIDTH : 0);
    fputc('[', out);
    for (size_t i = 0; i < BAR_WIDTH; i++) {
        fputc(i < filled ? '#' : '-', out);
    }
    fputc(']', out);
}

/* "done 12 · in progress 3 · skipped 2 · to do 5" */
static void put_counts(FILE *out, const struct progress_counts *c, unsigned flags)
{
    const char *sep = separator(flags);
    fprintf(out, "done %zu%sin progress %zu%sskipped %zu%sto do %zu", c->done, sep, c->in_progress,
            sep, c->skipped, sep, c->todo);
}

static void put_progress_line(FILE *out, const struct progress_counts *c, unsigned flags)
{
    fputs("   ", out);
    put_bar(out, c);
    fprintf(out, " %3u%%  %zu/%zu  ", progress_percent(c), c->done, c->total - c->skipped);
    put_counts(out, c, flags);
    fputc('\n', out);
}

static void put_unknown(FILE *out, size_t unknown)
{
    if (unknown > 0) {
        fprintf(out, "%zu saved item%s %s not in this guide; kept.\n", unknown,
                unknown == 1 ? "" : "s", unknown == 1 ? "is" : "are");
    }
}

int progress_report_text(const struct guide *g, struct progress_store *s, unsigned text_flags,
                         FILE *out)
{
    const struct progress *p = progress_store_doc(s);
    put_clean(out, g->title, text_flags);
    fputs(": progress\n", out);
    for (size_t i = 0; i < g->n_phases; i++) {
        struct progress_counts c;
        progress_count_phase(p, g, i, &c);
        fprintf(out, "%zu. ", i + 1);
        put_clean(out, g->phases[i].title, text_flags);
        fputc('\n', out);
        put_progress_line(out, &c, text_flags);
    }
    struct progress_counts all;
    progress_count_guide(p, g, &all);
    fputs("Overall\n", out);
    put_progress_line(out, &all, text_flags);
    size_t cur = progress_current_phase(p, g);
    if (cur < g->n_phases) {
        fprintf(out, "Current phase: %zu. ", cur + 1);
        put_clean(out, g->phases[cur].title, text_flags);
        fputc('\n', out);
    } else if (g->n_phases > 0) {
        fputs("Current phase: none, every key action is done or skipped\n", out);
    }
    put_unknown(out, progress_count_unknown(p, g));
    return finish(out);
}

/* Prints sanitised text with Markdown's inline syntax characters escaped. */
static void put_markdown(FILE *out, const char *s, unsigned flags)
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

static void markdown_phase(FILE *out, const struct progress *p, const struct guide *g, size_t phase,
                           unsigned flags)
{
    const struct guide_phase *ph = &g->phases[phase];
    struct progress_counts c;
    progress_count_phase(p, g, phase, &c);
    fprintf(out, "\n## %zu. ", phase + 1);
    put_markdown(out, ph->title, flags);
    fprintf(out, " (%zu/%zu, %u%%)\n\n", c.done, c.total - c.skipped, progress_percent(&c));
    for (size_t a = 0; a < ph->n_actions; a++) {
        enum progress_state st = progress_get_state(p, g->id, ph->actions[a].id);
        fputs(st == PROGRESS_DONE ? "- [x] " : "- [ ] ", out);
        if (st == PROGRESS_SKIPPED) {
            fputs("~~", out);
        }
        put_markdown(out, ph->actions[a].text, flags);
        if (st == PROGRESS_SKIPPED) {
            fputs("~~ *(skipped)*", out);
        } else if (st == PROGRESS_IN_PROGRESS) {
            fputs(" *(in progress)*", out);
        }
        fputc('\n', out);
    }
}

int progress_report_markdown(const struct guide *g, struct progress_store *s, unsigned text_flags,
                             FILE *out)
{
    const struct progress *p = progress_store_doc(s);
    fputs("# ", out);
    put_markdown(out, g->title, text_flags);
    fputs(": ", out);
    put_markdown(out, g->path_title != NULL ? g->path_title : "Career Path", text_flags);
    fputs("\n\n", out);
    struct progress_counts all;
    progress_count_guide(p, g, &all);
    fprintf(out, "**Progress: %u%%** (%zu/%zu key actions; ", progress_percent(&all), all.done,
            all.total - all.skipped);
    put_counts(out, &all, text_flags);
    fputs(")\n", out);
    for (size_t i = 0; i < g->n_phases; i++) {
        markdown_phase(out, p, g, i, text_flags);
    }
    return finish(out);
}

/* Whether code point cp must be written as \uXXXX: controls, C1, bidi and line separators. */
static bool json_escape_cp(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || cp == 0x200e ||
           cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0xfeff || cp == 0x200b || cp == 0x200c || cp == 0x200d || cp == 0x2060;
}

static void put_json_string(FILE *out, const char *s)
{
    if (s == NULL) {
        fputs("null", out);
        return;
    }
    size_t len = strlen(s);
    fputc('"', out);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = text_utf8_decode(s + i, len - i, &cp);
        if (cp == UINT32_MAX) {
            fputs("\\ufffd", out); /* never happens for guide text; kept total */
        } else if (cp == '"' || cp == '\\') {
            fprintf(out, "\\%c", (char)cp);
        } else if (cp == '\n') {
            fputs("\\n", out);
        } else if (cp == '\t') {
            fputs("\\t", out);
        } else if (json_escape_cp(cp)) {
            fprintf(out, "\\u%04x", (unsigned)cp);
        } else {
            fwrite(s + i, 1, n, out);
        }
        i += n;
    }
    fputc('"', out);
}

static void json_counts(FILE *out, const struct progress_counts *c)
{
    fprintf(out,
            "\"total\": %zu, \"done\": %zu, \"in_progress\": %zu, \"skipped\": %zu, "
            "\"todo\": %zu, \"percent\": %u",
            c->total, c->done, c->in_progress, c->skipped, c->todo, progress_percent(c));
}

static void json_action(FILE *out, const struct progress *p, const struct guide *g,
                        const struct guide_action *a)
{
    const struct progress_item *it = progress_find_item(progress_find_guide(p, g->id), a->id);
    fputs("        {\"id\": ", out);
    put_json_string(out, a->id);
    fputs(", \"text\": ", out);
    put_json_string(out, a->text);
    fputs(", \"state\": ", out);
    put_json_string(out, progress_state_name(it != NULL ? it->state : PROGRESS_TODO));
    fputs(", \"changed\": ", out);
    if (it != NULL) {
        char when[PROGRESS_TIME_SIZE];
        progress_format_time(it->changed, when, sizeof when);
        put_json_string(out, when);
    } else {
        fputs("null", out);
    }
    fputc('}', out);
}

static void json_phase(FILE *out, const struct progress *p, const struct guide *g, size_t i)
{
    const struct guide_phase *ph = &g->phases[i];
    struct progress_counts c;
    progress_count_phase(p, g, i, &c);
    fputs("    {\"id\": ", out);
    put_json_string(out, ph->id);
    fputs(", \"title\": ", out);
    put_json_string(out, ph->title);
    fputs(", ", out);
    json_counts(out, &c);
    fputs(",\n      \"actions\": [\n", out);
    for (size_t a = 0; a < ph->n_actions; a++) {
        json_action(out, p, g, &ph->actions[a]);
        fputs(a + 1 < ph->n_actions ? ",\n" : "\n", out);
    }
    fputs("      ]}", out);
}

int progress_report_json(const struct guide *g, struct progress_store *s, FILE *out)
{
    const struct progress *p = progress_store_doc(s);
    struct progress_counts all;
    progress_count_guide(p, g, &all);
    fputs("{\n  \"guide\": ", out);
    put_json_string(out, g->id);
    fputs(",\n  \"title\": ", out);
    put_json_string(out, g->title);
    fputs(",\n  \"overall\": {", out);
    json_counts(out, &all);
    fputs("},\n  \"current_phase\": ", out);
    size_t cur = progress_current_phase(p, g);
    put_json_string(out, cur < g->n_phases ? g->phases[cur].id : NULL);
    fprintf(out, ",\n  \"unknown_items\": %zu,\n  \"phases\": [\n", progress_count_unknown(p, g));
    for (size_t i = 0; i < g->n_phases; i++) {
        json_phase(out, p, g, i);
        fputs(i + 1 < g->n_phases ? ",\n" : "\n", out);
    }
    fputs("  ]\n}\n", out);
    return finish(out);
}

/* Asks on in/out; true when the answer is y or yes. */
static bool confirm(const struct guide *g, struct progress_store *s, FILE *in, FILE *out)
{
    const struct progress_guide *pg = progress_find_guide(progress_store_doc(s), g->id);
    size_t n = pg != NULL ? pg->n_items : 0;
    fputs("Clear all progress for ", out);
    put_clean(out, g->title, 0);
    fprintf(out, " (%zu saved item%s) in ", n, n == 1 ? "" : "s");
    put_clean(out, progress_store_target(s), 0);
    fputs("? The old file is kept as a backup. [y/N] ", out);
    fflush(out);
    char answer[16];
    if (fgets(answer, sizeof answer, in) == NULL) {
        return false;
    }
    answer[strcspn(answer, "\r\n")] = '\0';
    return strcmp(answer, "y") == 0 || strcmp(answer, "Y") == 0 || strcmp(answer, "yes") == 0;
}

int progress_report_reset(const struct guide *g, struct progress_store *s, bool yes, FILE *in,
                          FILE *out, FILE *err)
{
    if (progress_store_readonly(s) != NULL) {
        fputs("trail: progress is not reset: ", err);
        put_clean(err, progress_store_readonly(s), 0);
        fputc('\n', err);
        return 1;
    }
    if (!yes && !isatty(fileno(in))) {
        fputs("trail: --reset asks for confirmation on a terminal; add --yes to reset without "
              "asking\n",
              err);
        return 2;
    }
    if (!yes && !confirm(g, s, in, out)) {
        fputs("Nothing was changed.\n", out);
        return 1;
    }
    const char *backup = NULL;
    if (progress_store_reset(s, g->id, &backup) != 0) {
        fputs("trail: ", err);
        put_clean(err, progress_store_message(s), 0);
        fputc('\n', err);
        return 1;
    }
    fputs("Progress for ", out);
    put_clean(out, g->title, 0);
    fputs(" is cleared.", out);
    if (backup != NULL) {
        fputs(" The previous file is kept as ", out);
        put_clean(out, backup, 0);
        fputc('.', out);
    }
    fputc('\n', out);
    return finish(out);
}

void progress_report_notices(struct progress_store *s, FILE *err)
{
    if (progress_store_notice(s) != NULL) {
        fputs("trail: ", err);
        put_clean(err, progress_store_notice(s), 0);
        fputc('\n', err);
    }
    if (progress_store_readonly(s) != NULL) {
        fputs("trail: progress is read-only: ", err);
        put_clean(err, progress_store_readonly(s), 0);
        fputc('\n', err);
    }
}
