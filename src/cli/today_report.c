/* SPDX-License-Identifier: MIT */
/* trail --agenda, --export ics and the daily-loop sections of --progress: see today_report.h.
 *
 * The calendar follows RFC 5545: every line ends in CRLF and is folded before 75 octets (a
 * fold never splits a UTF-8 character), TEXT values escape backslash, semicolon, comma and
 * line breaks, and guide text is sanitised to one line first. UIDs carry the guide's and the
 * item's ids (percent-encoded outside a safe set), so they stay the same from export to
 * export. */
#include "today_report.h"

#include <stdlib.h>
#include <string.h>

#include "progress_journal.h"
#include "progress_report_out.h"
#include "progress_schedule.h"
#include "text.h"
#include "view_today.h"
#include "xalloc.h"

static int finish(FILE *out)
{
    return ferror(out) ? -1 : 0;
}

/* What the agenda says of planned item i: "overdue", "today", "week" (due this week) or
 * "next" (the first item, due later); NULL when the agenda ends before it. */
static const char *agenda_when(const struct progress_schedule *s, size_t i,
                               struct progress_date today)
{
    const struct progress_planned *it = &s->items[i];
    int64_t week_end = progress_date_days(today) + 6 - progress_date_weekday(today);
    bool week = it->overdue || progress_date_days(it->due) <= week_end;
    if (!week && i > 0) {
        return NULL;
    }
    return it->overdue                                  ? "overdue"
           : progress_date_compare(it->due, today) == 0 ? "today"
           : week                                       ? "week"
                                                        : "next";
}

int today_report_agenda(const struct guide *g, const struct progress *p, unsigned hours_per_week,
                        struct progress_date today, unsigned text_flags, FILE *out)
{
    struct progress_schedule s;
    progress_schedule_compute(p, g, today, hours_per_week, &s);
    const char *when;
    for (size_t i = 0; i < s.n_items && (when = agenda_when(&s, i, today)) != NULL; i++) {
        const struct progress_planned *it = &s.items[i];
        const struct guide_action *a = &g->phases[it->phase].actions[it->action];
        char due[PROGRESS_DATE_SIZE];
        progress_date_format(it->due, due, sizeof due);
        char *text = text_sanitize(a->text, strlen(a->text), text_flags | TEXT_ONE_LINE, NULL);
        char *id = text_sanitize(a->id, strlen(a->id), text_flags | TEXT_ONE_LINE, NULL);
        fprintf(out, "%-7s %s  %s (%s)\n", when, due, text, id);
        free(text);
        free(id);
    }
    progress_schedule_free(&s);
    return finish(out);
}

int today_report_agenda_json(const struct guide *g, const struct progress *p,
                             unsigned hours_per_week, struct progress_date today, FILE *out)
{
    char day[PROGRESS_DATE_SIZE];
    progress_date_format(today, day, sizeof day);
    fprintf(out, "{\"format\":\"trail-agenda\",\"version\":1,\"today\":\"%s\",\"guide\":", day);
    report_put_json_string(out, g != NULL ? g->id : NULL);
    fputs(",\"items\":[", out);
    if (g != NULL && p != NULL) {
        struct progress_schedule s;
        progress_schedule_compute(p, g, today, hours_per_week, &s);
        const char *when;
        for (size_t i = 0; i < s.n_items && (when = agenda_when(&s, i, today)) != NULL; i++) {
            const struct progress_planned *it = &s.items[i];
            const struct guide_phase *ph = &g->phases[it->phase];
            char due[PROGRESS_DATE_SIZE];
            progress_date_format(it->due, due, sizeof due);
            fprintf(out, "%s{\"when\":\"%s\",\"due\":\"%s\",\"id\":", i > 0 ? "," : "", when, due);
            report_put_json_string(out, ph->actions[it->action].id);
            fputs(",\"text\":", out);
            report_put_json_string(out, ph->actions[it->action].text);
            fputs(",\"phase\":", out);
            report_put_json_string(out, ph->id);
            fputc('}', out);
        }
        progress_schedule_free(&s);
    }
    fputs("]}\n", out);
    return finish(out);
}

/* --- RFC 5545 ------------------------------------------------------------------------------ */

/* A content line being built, folded as it is written. */
struct ics {
    FILE *out;
    size_t col; /* octets on the current physical line */
};

static void put_octets(struct ics *c, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t len = 1;
        unsigned char b = (unsigned char)s[i];
        len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (i + len > n) {
            len = n - i;
        }
        if (c->col + len > 75) {
            fputs("\r\n ", c->out);
            c->col = 1;
        }
        fwrite(s + i, 1, len, c->out);
        c->col += len;
        i += len;
    }
}

static void put_raw(struct ics *c, const char *s)
{
    put_octets(c, s, strlen(s));
}

static void end_line(struct ics *c)
{
    fputs("\r\n", c->out);
    c->col = 0;
}

static void prop(struct ics *c, const char *name, const char *value)
{
    put_raw(c, name);
    put_raw(c, ":");
    put_raw(c, value);
    end_line(c);
}

/* NAME:TEXT with TEXT escaped (guide and progress text, sanitised to one line). */
static void prop_text(struct ics *c, const char *name, const char *text)
{
    put_raw(c, name);
    put_raw(c, ":");
    char *clean = text_sanitize(text, strlen(text), TEXT_ONE_LINE, NULL);
    for (const char *s = clean; *s != '\0'; s++) {
        char esc[3] = {'\\', *s, '\0'};
        if (*s == '\\' || *s == ';' || *s == ',') {
            put_octets(c, esc, 2);
        } else {
            size_t n = 1;
            while (((unsigned char)s[n] & 0xc0) == 0x80) {
                n++;
            }
            put_octets(c, s, n);
            s += n - 1;
        }
    }
    free(clean);
    end_line(c);
}

/* A UID from parts: safe characters as they are, the rest percent-encoded. */
static void prop_uid(struct ics *c, const char *guide, const char *kind, const char *id)
{
    char *raw = xasprintf("%s/%s/%s", guide, kind, id);
    size_t n = strlen(raw);
    char *uid = xmalloc(n * 3 + sizeof "@trail");
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)raw[i];
        bool safe = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
                    b == '-' || b == '.' || b == '_' || b == '/';
        if (safe) {
            uid[k++] = (char)b;
        } else {
            static const char hex[] = "0123456789ABCDEF";
            uid[k++] = '%';
            uid[k++] = hex[b >> 4];
            uid[k++] = hex[b & 15];
        }
    }
    memcpy(uid + k, "@trail", sizeof "@trail");
    prop(c, "UID", uid);
    free(uid);
    free(raw);
}

static void ics_date(struct progress_date d, char *buf, size_t size)
{
    snprintf(buf, size, "%04d%02d%02d", d.year % 10000, d.month % 100, d.day % 100);
}

static void ics_time(int64_t ms, char *buf, size_t size)
{
    char iso[PROGRESS_TIME_SIZE];
    progress_format_time(ms, iso, sizeof iso);
    /* 2026-12-06T09:00:00.000Z -> 20261206T090000Z */
    snprintf(buf, size, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", iso, iso + 5, iso + 8, iso + 11, iso + 14,
             iso + 17);
}

static void alarm(struct ics *c, const char *what, bool related_end)
{
    prop(c, "BEGIN", "VALARM");
    prop(c, "ACTION", "DISPLAY");
    prop_text(c, "DESCRIPTION", what);
    prop(c, related_end ? "TRIGGER;RELATED=END" : "TRIGGER", "-P1D");
    prop(c, "END", "VALARM");
}

static const struct progress_planned *planned(const struct progress_schedule *s, size_t ph,
                                              size_t a)
{
    for (size_t i = 0; i < s->n_items; i++) {
        if (s->items[i].phase == ph && s->items[i].action == a) {
            return &s->items[i];
        }
    }
    return NULL;
}

static void put_todo(struct ics *c, const struct guide *g, const struct progress *p,
                     const struct progress_schedule *s, size_t ph, size_t a, const char *stamp)
{
    const struct guide_action *act = &g->phases[ph].actions[a];
    const struct progress_item *it = progress_find_item(progress_find_guide(p, g->id), act->id);
    enum progress_state st = it != NULL ? it->state : PROGRESS_TODO;
    const struct progress_planned *pl = planned(s, ph, a);
    prop(c, "BEGIN", "VTODO");
    prop_uid(c, g->id, "action", act->id);
    prop(c, "DTSTAMP", stamp);
    prop_text(c, "SUMMARY", act->text);
    char *desc = xasprintf("%s: %s (%s)", g->title, g->phases[ph].title, act->id);
    prop_text(c, "DESCRIPTION", desc);
    free(desc);
    prop_text(c, "CATEGORIES", g->phases[ph].title);
    char buf[32];
    if (pl != NULL) {
        ics_date(pl->due, buf, sizeof buf);
        prop(c, "DUE;VALUE=DATE", buf);
    }
    prop(c, "STATUS",
         st == PROGRESS_DONE          ? "COMPLETED"
         : st == PROGRESS_SKIPPED     ? "CANCELLED"
         : st == PROGRESS_IN_PROGRESS ? "IN-PROCESS"
                                      : "NEEDS-ACTION");
    if (st == PROGRESS_DONE && it != NULL) {
        ics_time(it->changed, buf, sizeof buf);
        prop(c, "COMPLETED", buf);
        prop(c, "PERCENT-COMPLETE", "100");
    }
    if (pl != NULL) {
        alarm(c, act->text, true);
    }
    prop(c, "END", "VTODO");
}

static void put_cert_event(struct ics *c, const struct guide *g, const struct guide_cert *cert,
                           const char *kind, const char *label, struct progress_date day,
                           const char *stamp)
{
    char d1[16], d2[16];
    ics_date(day, d1, sizeof d1);
    ics_date(progress_date_from_days(progress_date_days(day) + 1), d2, sizeof d2);
    char *summary = xasprintf("%s: %s", label, cert->name);
    prop(c, "BEGIN", "VEVENT");
    prop_uid(c, g->id, kind, cert->id);
    prop(c, "DTSTAMP", stamp);
    prop(c, "DTSTART;VALUE=DATE", d1);
    prop(c, "DTEND;VALUE=DATE", d2);
    prop_text(c, "SUMMARY", summary);
    prop_text(c, "DESCRIPTION", cert->issuer != NULL ? cert->issuer : cert->name);
    prop(c, "TRANSP", "TRANSPARENT");
    alarm(c, summary, false);
    prop(c, "END", "VEVENT");
    free(summary);
}

int today_report_ics(const struct guide *g, const struct progress *p, unsigned hours_per_week,
                     struct progress_date today, FILE *out)
{
    struct ics c = {.out = out};
    struct progress_schedule s;
    progress_schedule_compute(p, g, today, hours_per_week, &s);
    char stamp[32];
    ics_time(progress_now_ms(), stamp, sizeof stamp);
    prop(&c, "BEGIN", "VCALENDAR");
    prop(&c, "VERSION", "2.0");
    prop(&c, "PRODID", "-//trail//trail//EN");
    prop(&c, "CALSCALE", "GREGORIAN");
    prop_text(&c, "X-WR-CALNAME", g->title);
    for (size_t ph = 0; ph < g->n_phases; ph++) {
        for (size_t a = 0; a < g->phases[ph].n_actions; a++) {
            put_todo(&c, g, p, &s, ph, a, stamp);
        }
    }
    for (size_t i = 0; i < g->n_certs; i++) {
        struct progress_cert_info info;
        if (!progress_get_cert(p, g->id, g->certs[i].id, &info)) {
            continue;
        }
        if (progress_date_is_set(info.exam)) {
            put_cert_event(&c, g, &g->certs[i], "exam", "Exam", info.exam, stamp);
        }
        if (progress_date_is_set(info.expires)) {
            put_cert_event(&c, g, &g->certs[i], "expires", "Expires", info.expires, stamp);
        }
    }
    prop(&c, "END", "VCALENDAR");
    progress_schedule_free(&s);
    return finish(out);
}

/* --- --progress ---------------------------------------------------------------------------- */

static void print_doc(const struct view_doc *d, FILE *out)
{
    for (size_t i = 0; i < d->n_lines; i++) {
        fwrite(d->lines[i].text, 1, d->lines[i].len, out);
        fputc('\n', out);
    }
}

static void put_minutes(FILE *out, unsigned long m)
{
    char buf[32];
    if (m == 0) {
        fputs("0m", out);
        return;
    }
    progress_duration_format(m > UINT32_MAX ? UINT32_MAX : (unsigned)m, buf, sizeof buf);
    fputs(buf, out);
}

/* Time logged: this week, the 4 weeks before, and per phase (all time). */
static void put_time(const struct guide *g, const struct progress *p, struct progress_date today,
                     unsigned hours, unsigned flags, FILE *out)
{
    const struct progress_guide *pg = progress_find_guide(p, g->id);
    const char *sep = text_sep(flags);
    struct progress_week wk;
    progress_week_of(today, &wk);
    fputs("Time logged: this week ", out);
    put_minutes(out, progress_journal_minutes(pg, NULL, wk.from_ms, wk.to_ms));
    if (hours > 0) {
        fprintf(out, " of %uh", hours);
    }
    for (int w = 1; w <= 3; w++) {
        struct progress_week before;
        progress_week_of(progress_date_from_days(progress_date_days(wk.monday) - 7 * w), &before);
        fprintf(out, "%s%d week%s ago ", sep, w, w == 1 ? "" : "s");
        put_minutes(out, progress_journal_minutes(pg, NULL, before.from_ms, before.to_ms));
    }
    fputs(sep, out);
    fputs("in all ", out);
    put_minutes(out, progress_journal_minutes(pg, NULL, 0, INT64_MAX));
    fputc('\n', out);
    for (size_t ph = 0; ph < g->n_phases; ph++) {
        unsigned long m = progress_journal_minutes(pg, g->phases[ph].id, 0, INT64_MAX);
        for (size_t a = 0; a < g->phases[ph].n_actions; a++) {
            m += progress_journal_minutes(pg, g->phases[ph].actions[a].id, 0, INT64_MAX);
        }
        if (m == 0) {
            continue;
        }
        char *title = text_sanitize(g->phases[ph].title, strlen(g->phases[ph].title),
                                    flags | TEXT_ONE_LINE, NULL);
        fprintf(out, "  %s: ", title);
        put_minutes(out, m);
        fputc('\n', out);
        free(title);
    }
}

void today_report_timeline(struct view_doc *d, const struct guide *g, const struct progress *p,
                           unsigned hours_per_week, struct progress_date today)
{
    struct view_today t;
    view_today_compute(&t, g, p, today, hours_per_week);
    view_today_timeline(d, g, p, &t);
    view_today_done(&t);
}

int today_report_progress(const struct guide *g, const struct progress *p, unsigned hours_per_week,
                          struct progress_date today, int width, unsigned text_flags, FILE *out)
{
    struct view_today t;
    view_today_compute(&t, g, p, today, hours_per_week);
    fputc('\n', out);
    put_time(g, p, today, hours_per_week, text_flags, out);
    struct view_doc d;
    view_doc_init(&d, width, text_flags & TEXT_ASCII);
    if (t.plan.windows != NULL) {
        char *fc = progress_forecast_text(&t.forecast, text_flags);
        view_doc_add_text(&d, VIEW_ROLE_BODY, fc, 0, NULL, VIEW_ROLE_BODY);
        free(fc);
        view_doc_add_blank(&d);
        view_today_timeline(&d, g, p, &t);
    }
    view_doc_add_blank(&d);
    view_today_streak(&d, &t);
    print_doc(&d, out);
    view_doc_free(&d);
    view_today_done(&t);
    return finish(out);
}
