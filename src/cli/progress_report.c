/* SPDX-License-Identifier: MIT */
/* The command-line progress reports (--progress, --export markdown|json, --reset).
 *
 * Every number comes from progress_count_*(), the same functions the browser uses, so the
 * command line and the screen cannot disagree. Guide text is untrusted: plain text and
 * Markdown print it sanitised (and Markdown escapes what would change its rendering); JSON
 * keeps the exact text but escapes every character a terminal could act on. */
#include "progress_report.h"
#include "progress_report_out.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress.h"
#include "progress_plan.h"
#include "text.h"
#include "xalloc.h"

#define BAR_WIDTH 20

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
    const char *sep = text_sep(flags);
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

/* The learning companion's lines of --progress: next action, certifications, pace, notes. */
static void put_companion(FILE *out, const struct progress *p, const struct guide *g,
                          struct progress_date today, unsigned flags)
{
    size_t ph, ac;
    if (progress_suggest_next(p, g, &ph, &ac)) {
        fputs("Next: ", out);
        report_put_clean(out, g->phases[ph].actions[ac].text, flags);
        fputc('\n', out);
    }
    struct progress_cert_counts cc;
    progress_count_certs(p, g, today, &cc);
    char *certs = progress_certs_text(&cc, flags);
    if (certs != NULL) {
        fprintf(out, "Certifications: %s\n", certs);
        free(certs);
    }
    report_put_pace(out, p, g, today, flags);
    size_t notes = progress_count_notes(p, g->id);
    if (notes > 0) {
        fprintf(out, "Notes: %zu\n", notes);
    }
}

int progress_report_text(const struct guide *g, struct progress_store *s, unsigned text_flags,
                         FILE *out)
{
    const struct progress *p = progress_store_doc(s);
    report_put_clean(out, g->title, text_flags);
    fputs(": progress\n", out);
    for (size_t i = 0; i < g->n_phases; i++) {
        struct progress_counts c;
        progress_count_phase(p, g, i, &c);
        fprintf(out, "%zu. ", i + 1);
        report_put_clean(out, g->phases[i].title, text_flags);
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
        report_put_clean(out, g->phases[cur].title, text_flags);
        fputc('\n', out);
    } else if (g->n_phases > 0) {
        fputs("Current phase: none, every key action is done or skipped\n", out);
    }
    put_unknown(out, progress_count_unknown(p, g));
    put_companion(out, p, g, progress_date_today(), text_flags);
    return report_finish(out);
}

static void markdown_cert(FILE *out, const struct progress *p, const struct guide *g, size_t i,
                          unsigned flags)
{
    const struct guide_cert *gc = &g->certs[i];
    struct progress_cert_info c;
    const char *note = progress_get_note(p, g->id, gc->id);
    if (!progress_get_cert(p, g->id, gc->id, &c) && note == NULL) {
        return;
    }
    fputs("- **", out);
    report_put_markdown(out, gc->name, flags);
    fputs("**", out);
    if (c.status != PROGRESS_CERT_NONE) {
        fprintf(out, ": %s", progress_cert_status_label(c.status));
    }
    const char *words[3] = {"exam on", "passed on", "expires on"};
    const struct progress_date dates[3] = {c.exam, c.passed, c.expires};
    for (int k = 0; k < 3; k++) {
        char buf[PROGRESS_DATE_SIZE];
        progress_date_format(dates[k], buf, sizeof buf);
        if (buf[0] != '\0') {
            fprintf(out, "%s%s %s", text_sep(flags), words[k], buf);
        }
    }
    fputc('\n', out);
    report_put_markdown_note(out, note, "  > ", flags);
}

static void markdown_certs(FILE *out, const struct progress *p, const struct guide *g,
                           unsigned flags)
{
    bool any = false;
    for (size_t i = 0; i < g->n_certs && !any; i++) {
        struct progress_cert_info c;
        any = progress_get_cert(p, g->id, g->certs[i].id, &c) ||
              progress_get_note(p, g->id, g->certs[i].id) != NULL;
    }
    if (!any) {
        return;
    }
    fputs("\n## ", out);
    report_put_markdown(out, g->certs_title != NULL ? g->certs_title : "Certifications", flags);
    fputs("\n\n", out);
    for (size_t i = 0; i < g->n_certs; i++) {
        markdown_cert(out, p, g, i, flags);
    }
}

static void markdown_phase(FILE *out, const struct progress *p, const struct guide *g, size_t phase,
                           unsigned flags)
{
    const struct guide_phase *ph = &g->phases[phase];
    struct progress_counts c;
    progress_count_phase(p, g, phase, &c);
    fprintf(out, "\n## %zu. ", phase + 1);
    report_put_markdown(out, ph->title, flags);
    fprintf(out, " (%zu/%zu, %u%%)\n\n", c.done, c.total - c.skipped, progress_percent(&c));
    report_put_markdown_note(out, progress_get_note(p, g->id, ph->id), "> ", flags);
    for (size_t a = 0; a < ph->n_actions; a++) {
        enum progress_state st = progress_action_state(progress_find_guide(p, g->id), ph, a);
        unsigned depth = ph->actions[a].depth < 8 ? ph->actions[a].depth : 8;
        fprintf(out, "%*s", (int)depth * 2, ""); /* a sub-action nests under its parent */
        fputs(st == PROGRESS_DONE ? "- [x] " : "- [ ] ", out);
        if (st == PROGRESS_SKIPPED) {
            fputs("~~", out);
        }
        report_put_markdown(out, ph->actions[a].text, flags);
        if (st == PROGRESS_SKIPPED) {
            fputs("~~ *(skipped)*", out);
        } else if (st == PROGRESS_IN_PROGRESS) {
            fputs(" *(in progress)*", out);
        }
        if (ph->actions[a].personal) {
            fputs(" *(mine)*", out);
        }
        fputc('\n', out);
        report_put_markdown_note(out, progress_get_note(p, g->id, ph->actions[a].id), "  > ",
                                 flags);
    }
}

int progress_report_markdown(const struct guide *g, struct progress_store *s, unsigned text_flags,
                             FILE *out)
{
    const struct progress *p = progress_store_doc(s);
    fputs("# ", out);
    report_put_markdown(out, g->title, text_flags);
    fputs(": ", out);
    report_put_markdown(out, g->path_title != NULL ? g->path_title : "Career Path", text_flags);
    fputs("\n\n", out);
    struct progress_counts all;
    progress_count_guide(p, g, &all);
    fprintf(out, "**Progress: %u%%** (%zu/%zu key action%s; ", progress_percent(&all), all.done,
            all.total - all.skipped, all.total - all.skipped == 1 ? "" : "s");
    put_counts(out, &all, text_flags);
    fputs(")\n", out);
    struct progress_date start;
    if (progress_get_start(p, g->id, &start)) {
        char buf[PROGRESS_DATE_SIZE];
        progress_date_format(start, buf, sizeof buf);
        fprintf(out, "\nStarted on %s.\n", buf);
    }
    for (size_t i = 0; i < g->n_phases; i++) {
        markdown_phase(out, p, g, i, text_flags);
    }
    markdown_certs(out, p, g, text_flags);
    return report_finish(out);
}

/* "guide 'id' (Title) in FILE: 3 marked key actions, ... and the start date 2026-01-05" */
static void put_what(FILE *out, const struct guide *g, struct progress_store *s,
                     const struct progress_tally *t)
{
    fputs("guide '", out);
    report_put_clean(out, g->id, 0);
    fputs("' (", out);
    report_put_clean(out, g->title, 0);
    fputs(") in ", out);
    report_put_clean(out, progress_store_target(s), 0);
    fputs(": ", out);
    report_put_tally(out, t);
}

/* Asks on in/out; true when the answer is y or yes. */
static bool confirm(const struct guide *g, struct progress_store *s, const struct progress_tally *t,
                    FILE *in, FILE *out)
{
    fputs("Clear the progress of ", out);
    put_what(out, g, s, t);
    fputs("? A backup of the file is kept. [y/N] ", out);
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
        report_put_clean(err, progress_store_readonly(s), 0);
        fputc('\n', err);
        return 1;
    }
    if (!yes && !isatty(fileno(in))) {
        fputs("trail: --reset asks for confirmation on a terminal; add --yes to reset without "
              "asking\n",
              err);
        return 2;
    }
    struct progress_tally t;
    progress_backup_tally(progress_store_doc(s), g->id, &t);
    if (!yes && !confirm(g, s, &t, in, out)) {
        fputs("Nothing was changed.\n", out);
        return 1;
    }
    const char *backup = NULL;
    if (progress_store_reset(s, g->id, &backup) != 0) {
        fputs("trail: ", err);
        report_put_clean(err, progress_store_message(s), 0);
        fputc('\n', err);
        return 1;
    }
    report_save_warning(s, err);
    fputs("Cleared the progress of ", out);
    put_what(out, g, s, &t);
    fputs(".\n", out);
    if (backup != NULL) {
        fputs("The previous file is kept as ", out);
        report_put_clean(out, backup, 0);
        fputs("; to undo the reset, run: trail --restore=", out);
        report_put_word(out, backup);
        fputc(' ', out);
        report_put_word(out, g->id);
        fputc('\n', out);
    }
    return report_finish(out);
}

void progress_report_notices(struct progress_store *s, FILE *err)
{
    if (progress_store_notice(s) != NULL) {
        fputs("trail: ", err);
        report_put_clean(err, progress_store_notice(s), 0);
        fputc('\n', err);
    }
    if (progress_store_readonly(s) != NULL) {
        fputs("trail: progress is read-only: ", err);
        report_put_clean(err, progress_store_readonly(s), 0);
        fputc('\n', err);
    }
}
