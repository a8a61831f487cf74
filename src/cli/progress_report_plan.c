/* SPDX-License-Identifier: MIT */
/* The companion's command-line reports: trail --progress --left, --start and --import.
 *
 * Like the other reports, each writes to the streams it is given and returns the exit status;
 * guide text and file names are sanitised before they reach the output. A command that
 * changes progress saves through the store (atomic, merged under the lock) and reports
 * success only once the file is durably written. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress_backup.h"
#include "progress_import.h"
#include "progress_evidence.h"
#include "progress_plan.h"
#include "progress_report.h"
#include "progress_report_out.h"
#include "text.h"
#include "xalloc.h"
#include "ydoc.h"

/* The done key actions still without the evidence their guide expects, after what's left. */
static void put_missing_evidence(const struct guide *g, const struct progress *p,
                                 unsigned text_flags, FILE *out)
{
    bool any = false;
    for (size_t i = 0; i < g->n_phases; i++) {
        for (size_t k = 0; k < g->phases[i].n_actions; k++) {
            const struct guide_action *a = &g->phases[i].actions[k];
            if (!progress_evidence_missing(p, g->id, a)) {
                continue;
            }
            fputs(any ? "" : "Done, evidence still expected (trail --attach ID PATH|URL):\n", out);
            any = true;
            char words[96];
            progress_evidence_expected_words(a->evidence, words, sizeof words);
            fputs("   [x] ", out);
            report_put_clean(out, a->text, text_flags);
            fprintf(out, " (%s)\n", words);
        }
    }
}

int progress_report_left(const struct guide *g, struct progress_store *s, unsigned text_flags,
                         FILE *out)
{
    const struct progress *p = progress_store_doc(s);
    struct progress_left_item *left = NULL;
    size_t n = progress_list_left(p, g, &left);
    size_t total = guide_count_actions(g);
    report_put_clean(out, g->title, text_flags);
    if (n == 0) {
        fputs(": nothing left, every key action is done or skipped\n", out);
        put_missing_evidence(g, p, text_flags, out);
        return report_finish(out);
    }
    fprintf(out, ": what's left (%zu of %zu key action%s)\n", n, total, total == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const struct guide_phase *ph = &g->phases[left[i].phase];
        if (i == 0 || left[i - 1].phase != left[i].phase) {
            fprintf(out, "%zu. ", left[i].phase + 1);
            report_put_clean(out, ph->title, text_flags);
            fputc('\n', out);
        }
        bool busy = left[i].state == PROGRESS_IN_PROGRESS;
        fputs(busy ? "   [~] " : "   [ ] ", out);
        report_put_clean(out, ph->actions[left[i].action].text, text_flags);
        fputs(ph->actions[left[i].action].personal ? " (mine)" : "", out);
        fputs(busy ? " (in progress)\n" : "\n", out);
    }
    free(left);
    put_missing_evidence(g, p, text_flags, out);
    return report_finish(out);
}

static int store_error(struct progress_store *s, const char *what, FILE *err)
{
    fprintf(err, "trail: %s: ", what);
    const char *msg =
        progress_store_readonly(s) != NULL ? progress_store_readonly(s) : progress_store_message(s);
    report_put_clean(err, msg != NULL ? msg : "progress could not be saved", 0);
    fputc('\n', err);
    return 1;
}

int progress_report_start(const struct guide *g, struct progress_store *s,
                          struct progress_date date, unsigned text_flags, FILE *out, FILE *err)
{
    if (progress_store_readonly(s) != NULL) {
        return store_error(s, "the start date is not saved", err);
    }
    struct progress *p = progress_store_doc(s);
    if (progress_set_start(p, g->id, date, progress_now_ms()) == PROGRESS_INVALID ||
        (progress_store_dirty(s) && progress_store_save(s) != 0)) {
        return store_error(s, "the start date is not saved", err);
    }
    report_save_warning(s, err);
    char buf[PROGRESS_DATE_SIZE];
    progress_date_format(date, buf, sizeof buf);
    fputs("Start date for ", out);
    report_put_clean(out, g->title, text_flags);
    if (!progress_date_is_set(date)) {
        fputs(" cleared.\n", out);
        return report_finish(out);
    }
    fprintf(out, ": %s\n", buf);
    report_put_pace(out, p, g, progress_date_today(), text_flags);
    return report_finish(out);
}

/* "3 key-action states, 2 notes, 1 certification and the start date updated" */
static void put_summary(FILE *out, const struct progress_import_summary *sum)
{
    char *parts[8] = {NULL};
    size_t n = 0;
    report_add_count(parts, &n, sum->items, "key-action state", "key-action states");
    report_add_count(parts, &n, sum->notes, "note", "notes");
    report_add_count(parts, &n, sum->certs, "certification", "certifications");
    report_add_count(parts, &n, sum->evidence, "piece of evidence", "pieces of evidence");
    if (sum->start) {
        parts[n++] = xstrdup("the start date");
    }
    if (sum->hours) {
        parts[n++] = xstrdup("the hours per week");
    }
    report_add_count(parts, &n, sum->events, "journal event", "journal events");
    report_put_list(out, parts, n);
    if (n > 0) {
        fputs(" updated", out);
    }
}

static int import_failed(const char *path, const char *why, FILE *err)
{
    fputs("trail: nothing imported from ", err);
    report_put_clean(err, path, 0);
    fputs(": ", err);
    report_put_clean(err, why, 0);
    fputc('\n', err);
    return 1;
}

/* The export at path, or on standard input when path is "-" (progress_import_load()). */
static struct progress *read_export(const char *path, char **id, struct diag *d)
{
    if (strcmp(path, "-") != 0) {
        return progress_import_load(path, id, d);
    }
    size_t len = 0;
    char *buf = ydoc_read_fd(STDIN_FILENO, 0, &len);
    if (buf == NULL) {
        diag_add(d, DIAG_ERROR, "standard input", 0, 0, "cannot read: %s", strerror(errno));
        return NULL;
    }
    struct progress *p = progress_import_parse("standard input", buf, len, id, d);
    free(buf);
    return p;
}

/* Loads the export; NULL after printing why (nothing may be imported then). */
static struct progress *load_export(const struct guide *g, const char *path, FILE *err)
{
    struct diag d = {0};
    char *id = NULL, *why = NULL;
    struct progress *theirs = read_export(path, &id, &d);
    if (theirs == NULL || d.errors > 0) {
        char msg[512] = "not a progress export";
        const struct diag_msg *m = d.n > 0 ? &d.msgs[0] : NULL;
        const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
        if (m != NULL && m->file != NULL && strcmp(m->file, name) == 0) {
            /* The file is named once, at the start of the line. */
            if (m->line > 0) {
                snprintf(msg, sizeof msg, "line %u, column %u: %s", m->line, m->col, m->text);
            } else {
                snprintf(msg, sizeof msg, "%s", m->text);
            }
        } else if (m != NULL) {
            diag_format(m, msg, sizeof msg);
        }
        import_failed(path, msg, err);
        progress_free(theirs);
        theirs = NULL;
    } else if (strcmp(id, g->id) != 0) {
        why = xasprintf("it holds the progress of guide '%s', not '%s' (name the guide: "
                        "trail --import FILE %s)",
                        id, g->id, id);
        import_failed(path, why, err);
        free(why);
        progress_free(theirs);
        theirs = NULL;
    } else if (progress_certs_validate(theirs, id, progress_date_today(), &why) != 0) {
        import_failed(path, why, err); /* the rules of the browser's tracker */
        free(why);
        progress_free(theirs);
        theirs = NULL;
    }
    free(id);
    diag_free(&d);
    return theirs;
}

/* Merges theirs (guide g only) into the store, saves and prints what changed; `verb` starts
 * the line ("Imported", "Restored from"). Entries only this guide's reset kept out are taken
 * when over_reset is true, else counted and the way to take them is told. */
static int merge_and_report(const struct guide *g, struct progress_store *s,
                            struct progress *theirs, const char *path, const char *verb,
                            bool over_reset, FILE *out, FILE *err)
{
    if (over_reset) {
        progress_backup_lift(theirs, progress_store_doc(s), g->id);
    }
    struct progress_import_summary sum;
    progress_import_merge(progress_store_doc(s), theirs, g->id, &sum);
    progress_free(theirs);
    if (progress_store_dirty(s) && progress_store_save(s) != 0) {
        return import_failed(path, progress_store_message(s), err);
    }
    report_save_warning(s, err);
    fprintf(out, "%s ", verb);
    report_put_clean(out, path, 0);
    fputs(": ", out);
    if (sum.reset) {
        fputs("a newer reset cleared older progress; ", out);
    }
    if (!progress_import_changed(&sum) ||
        (sum.reset && sum.items + sum.notes + sum.certs + sum.evidence + sum.events == 0 &&
         !sum.start && !sum.hours)) {
        fputs(sum.reset                          ? "nothing else changed"
              : sum.voided > 0                   ? "nothing changed"
              : sum.unchanged == 0 && !sum.reset ? "nothing changed: it holds no progress"
                                                 : "nothing changed, everything was up to date",
              out);
    } else {
        put_summary(out, &sum);
    }
    if (sum.unchanged > 0) {
        fprintf(out, "; %zu entr%s unchanged", sum.unchanged, sum.unchanged == 1 ? "y" : "ies");
    }
    fputs(".\n", out);
    if (sum.voided > 0) {
        fprintf(out,
                "%zu entr%s older than this guide's last reset, so %s not taken; to take %s "
                "anyway (changes made since the reset are kept), run: trail --import ",
                sum.voided, sum.voided == 1 ? "y is" : "ies are",
                sum.voided == 1 ? "it was" : "they were", sum.voided == 1 ? "it" : "them");
        report_put_word(out, path);
        fputs(" --over-reset ", out);
        report_put_word(out, g->id);
        fputc('\n', out);
    }
    return report_finish(out);
}

int progress_report_import(const struct guide *g, struct progress_store *s, const char *path,
                           bool over_reset, FILE *out, FILE *err)
{
    if (progress_store_readonly(s) != NULL) {
        return import_failed(path, progress_store_readonly(s), err);
    }
    struct progress *theirs = load_export(g, path, err);
    if (theirs == NULL) {
        return 1;
    }
    return merge_and_report(g, s, theirs, path, "Imported", over_reset, out, err);
}

/* "2026-12-06 07:05:29 UTC" from a backup's name (".bak-20261206T070529Z[-N]"); the name's
 * tail as it is when it does not hold a time. */
static void put_backup_time(FILE *out, const char *path)
{
    const char *tag = strstr(path, ".bak-");
    const char *t = tag != NULL ? tag + 5 : path;
    int y, mo, d, h, mi, sec;
    if (sscanf(t, "%4d%2d%2dT%2d%2d%2dZ", &y, &mo, &d, &h, &mi, &sec) == 6) {
        fprintf(out, "%04d-%02d-%02d %02d:%02d:%02d UTC", y, mo, d, h, mi, sec);
    } else {
        report_put_clean(out, t, 0);
    }
}

/* trail --restore without a backup: every backup with its time and what it holds of g. */
static int list_backups(const struct guide *g, struct progress_store *s, FILE *out, FILE *err)
{
    char **paths = NULL;
    size_t n = progress_store_backups(s, &paths);
    if (n == 0) {
        fputs("trail: no backups of ", err);
        report_put_clean(err, progress_store_target(s), 0);
        fputs(" (trail --reset and --restore keep one)\n", err);
        return 1;
    }
    fprintf(out, "Backups of ");
    report_put_clean(out, progress_store_target(s), 0);
    fputs(", oldest first, with the progress of guide '", out);
    report_put_clean(out, g->id, 0);
    fputs("' each holds:\n", out);
    for (size_t i = 0; i < n; i++) {
        struct diag d = {0};
        struct progress *p = progress_backup_load(paths[i], g->id, &d);
        fputs("  ", out);
        put_backup_time(out, paths[i]);
        fputs("  ", out);
        report_put_clean(out, paths[i], 0);
        fputs("\n      ", out);
        if (p == NULL) {
            fputs("not readable as a progress file", out);
        } else {
            struct progress_tally t;
            progress_backup_tally(p, g->id, &t);
            report_put_tally(out, &t);
        }
        fputc('\n', out);
        progress_free(p);
        diag_free(&d);
        free(paths[i]);
    }
    free(paths);
    fputs("To bring one back: trail --restore=BACKUP ", out);
    report_put_word(out, g->id);
    fputc('\n', out);
    return report_finish(out);
}

int progress_report_restore(const struct guide *g, struct progress_store *s, const char *backup,
                            FILE *out, FILE *err)
{
    if (backup == NULL) {
        return list_backups(g, s, out, err);
    }
    if (progress_store_readonly(s) != NULL) {
        return import_failed(backup, progress_store_readonly(s), err);
    }
    struct diag d = {0};
    struct progress *theirs = progress_backup_load(backup, g->id, &d);
    if (theirs == NULL) {
        char msg[512] = "not a progress file";
        if (d.n > 0) {
            diag_format(&d.msgs[0], msg, sizeof msg);
        }
        diag_free(&d);
        return import_failed(backup, msg, err);
    }
    diag_free(&d);
    /* What the restore replaces is kept too, so a restore can be undone like a reset. */
    progress_store_want_backup(s);
    int rc = merge_and_report(g, s, theirs, backup, "Restored from", true, out, err);
    if (rc == 0 && progress_store_backup(s) != NULL) {
        fputs("The file as it was before is kept as ", out);
        report_put_clean(out, progress_store_backup(s), 0);
        fputs(".\n", out);
        rc = report_finish(out);
    }
    return rc;
}
