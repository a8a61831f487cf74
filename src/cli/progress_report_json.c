/* SPDX-License-Identifier: MIT */
/* trail --export json: the guide's progress as one JSON object, for tools and for
 * trail --import on another machine.
 *
 * Two views of the same data: "phases" and "certifications" follow the guide (texts, states,
 * notes, counts) for people and scripts, and "progress" is the dotfile's guide entry itself
 * (reset, items with their change times, notes and certifications with theirs, tombstones
 * included, the start date, the hours per week), so an import loses nothing, not even entries this
 * guide version no longer has. The resume position is this machine's own and is not exported.
 * Strings keep their exact text but every character a terminal could act on is escaped (\uXXXX), so
 * the output is safe on a terminal; the escapes used are the ones YAML's double-quoted style shares
 * with JSON, so ydoc reads the export back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "progress_journal.h"
#include "progress_plan.h"
#include "progress_evidence.h"
#include "progress_report.h"
#include "progress_report_out.h"
#include "text.h"
#include "xalloc.h"

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

void report_put_json_string(FILE *out, const char *s)
{
    put_json_string(out, s);
}

static void put_json_time(FILE *out, int64_t ms)
{
    char when[PROGRESS_TIME_SIZE];
    progress_format_time(ms, when, sizeof when);
    put_json_string(out, when);
}

static void put_json_date(FILE *out, struct progress_date d)
{
    char buf[PROGRESS_DATE_SIZE];
    progress_date_format(d, buf, sizeof buf);
    put_json_string(out, progress_date_is_set(d) ? buf : NULL);
}

static void json_counts(FILE *out, const struct progress_counts *c)
{
    fprintf(out,
            "\"total\": %zu, \"done\": %zu, \"in_progress\": %zu, \"skipped\": %zu, "
            "\"todo\": %zu, \"percent\": %u",
            c->total, c->done, c->in_progress, c->skipped, c->todo, progress_percent(c));
}

static void json_action(FILE *out, const struct progress *p, const struct guide *g,
                        const struct guide_phase *ph, size_t i)
{
    const struct guide_action *a = &ph->actions[i];
    const struct progress_item *it = progress_find_item(progress_find_guide(p, g->id), a->id);
    enum progress_state st = progress_action_state(progress_find_guide(p, g->id), ph, i);
    fputs("        {\"id\": ", out);
    put_json_string(out, a->id);
    fputs(", \"text\": ", out);
    put_json_string(out, a->text);
    fputs(", \"state\": ", out);
    put_json_string(out, progress_state_name(st));
    fputs(", \"changed\": ", out);
    if (it != NULL) {
        put_json_time(out, it->changed);
    } else {
        fputs("null", out);
    }
    fputs(", \"note\": ", out);
    put_json_string(out, progress_get_note(p, g->id, a->id));
    if (a->personal) {
        fputs(", \"personal\": true", out);
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
    fputs(", \"note\": ", out);
    put_json_string(out, progress_get_note(p, g->id, ph->id));
    fputs(",\n      \"actions\": [\n", out);
    for (size_t a = 0; a < ph->n_actions; a++) {
        json_action(out, p, g, ph, a);
        fputs(a + 1 < ph->n_actions ? ",\n" : "\n", out);
    }
    fputs("      ]}", out);
}

static void json_cert(FILE *out, const struct progress *p, const struct guide *g, size_t i)
{
    const struct guide_cert *gc = &g->certs[i];
    const struct progress_cert *c = progress_find_cert(progress_find_guide(p, g->id), gc->id);
    struct progress_cert_info info = {0};
    progress_get_cert(p, g->id, gc->id, &info);
    fputs("    {\"id\": ", out);
    put_json_string(out, gc->id);
    fputs(", \"name\": ", out);
    put_json_string(out, gc->name);
    fputs(", \"status\": ", out);
    put_json_string(out, progress_cert_status_name(info.status));
    fputs(", \"exam\": ", out);
    put_json_date(out, info.exam);
    fputs(", \"passed\": ", out);
    put_json_date(out, info.passed);
    fputs(", \"expires\": ", out);
    put_json_date(out, info.expires);
    fputs(", \"changed\": ", out);
    if (c != NULL) {
        put_json_time(out, c->changed);
    } else {
        fputs("null", out);
    }
    fputs(", \"note\": ", out);
    put_json_string(out, progress_get_note(p, g->id, gc->id));
    fputc('}', out);
}

/* Opens entry i of a map of the lossless "progress" object: `"id": {`. */
static void json_entry_open(FILE *out, size_t i, const char *id)
{
    fputs(i > 0 ? ",\n      " : "\n      ", out);
    put_json_string(out, id);
    fputs(": {", out);
}

/* Writes `"key": "value", ` inside an entry. */
static void json_field(FILE *out, const char *key, const char *value)
{
    fprintf(out, "\"%s\": ", key);
    put_json_string(out, value);
    fputs(", ", out);
}

/* Closes a map of n entries. */
static void json_map_end(FILE *out, size_t n)
{
    fputs(n > 0 ? "\n    }" : "}", out);
}

/* Closes an entry with its "changed" time. */
static void json_entry_close(FILE *out, int64_t changed)
{
    fputs("\"changed\": ", out);
    put_json_time(out, changed);
    fputc('}', out);
}

/* Entry i of the lossless "progress" object's items: "id": {"state": ..., "changed": ...}. */
static void item_entry(FILE *out, const struct progress_guide *pg, size_t i)
{
    const struct progress_item *it = progress_guide_item(pg, i);
    json_entry_open(out, i, it->id);
    json_field(out, "state", progress_state_name(it->state));
    json_entry_close(out, it->changed);
}

/* Entry i of its notes: "id": {"text": ..., "changed": ...} ("text" absent for a removal). */
static void note_entry(FILE *out, const struct progress_guide *pg, size_t i)
{
    const struct progress_note *note = progress_guide_note(pg, i);
    json_entry_open(out, i, note->id);
    if (note->text != NULL) {
        json_field(out, "text", note->text);
    }
    json_entry_close(out, note->changed);
}

/* Entry i of its certifications: "id": {"status": ..., the dates set, "changed": ...}. */
static void cert_entry(FILE *out, const struct progress_guide *pg, size_t i)
{
    const struct progress_cert *cert = progress_guide_cert(pg, i);
    const struct progress_cert_info *c = &cert->info;
    json_entry_open(out, i, cert->id);
    fputs("\"status\": ", out);
    put_json_string(out, progress_cert_status_name(c->status));
    const char *keys[3] = {"exam", "passed", "expires"};
    const struct progress_date dates[3] = {c->exam, c->passed, c->expires};
    for (int k = 0; k < 3; k++) {
        if (progress_date_is_set(dates[k])) {
            fprintf(out, ", \"%s\": ", keys[k]);
            put_json_date(out, dates[k]);
        }
    }
    fputs(", ", out);
    json_entry_close(out, cert->changed);
}

/* One map of the lossless "progress" object: `"name": {` and its n entries; `sep` goes before
 * the name (",\n    " after the first map). */
static void json_map(FILE *out, const struct progress_guide *pg, const char *sep, const char *name,
                     size_t n, void (*entry)(FILE *, const struct progress_guide *, size_t))
{
    fprintf(out, "%s\"%s\": {", sep, name);
    for (size_t i = 0; i < n; i++) {
        entry(out, pg, i);
    }
    json_map_end(out, n);
}

/* The journal's lines, as the dotfile writes them (progress_journal.h), so an import takes
 * every event. */
static void json_journal(FILE *out, const struct progress_guide *pg)
{
    size_t n = progress_journal_count(pg);
    if (n == 0) {
        return;
    }
    fputs(",\n    \"journal\": [", out);
    char line[PROGRESS_EVENT_LINE_MAX];
    for (size_t i = 0; i < n; i++) {
        const struct progress_event *e = progress_journal_at(pg, i);
        size_t len = progress_event_format(e, line, sizeof line);
        char *big = len >= sizeof line ? xmalloc(len + 1) : NULL;
        if (big != NULL) {
            progress_event_format(e, big, len + 1);
        }
        fputs(i > 0 ? ",\n      " : "\n      ", out);
        put_json_string(out, big != NULL ? big : line);
        free(big);
    }
    fputs("\n    ]", out);
}

/* A piece's last check, as the dotfile holds it (nothing when it was never checked). */
static void json_check(FILE *out, const struct progress_evidence *e)
{
    const struct progress_check *c = &e->check;
    if (e->kind == PROGRESS_EVIDENCE_NONE || c->when <= 0) {
        return;
    }
    fputs("\"verified\": ", out);
    put_json_time(out, c->when);
    fputs(", ", out);
    json_field(out, "status", progress_check_status_name(c->status));
    if (c->summary != NULL) {
        json_field(out, "summary", c->summary);
    }
    if (c->commits >= 0) {
        fprintf(out, "\"commits\": %ld, ", c->commits);
    }
    if (c->last_commit > 0) {
        fputs("\"last-commit\": ", out);
        put_json_time(out, c->last_commit * 1000);
        fputs(", ", out);
    }
    const char *const keys[] = {"head", "remote", "readme"};
    const char *const values[] = {c->head, c->remote, c->readme};
    for (size_t i = 0; i < 3; i++) {
        if (values[i] != NULL) {
            json_field(out, keys[i], values[i]);
        }
    }
}

/* The evidence, as the dotfile holds it: item -> target -> piece (only when there is some). */
static void json_evidence(FILE *out, const struct progress_guide *pg)
{
    size_t n = progress_guide_count_evidence(pg);
    if (n == 0) {
        return;
    }
    fputs(",\n    \"evidence\": {", out);
    size_t items = 0;
    for (size_t i = 0; i < n; i++) {
        const struct progress_evidence *e = progress_guide_evidence(pg, i);
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++) {
            seen = strcmp(progress_guide_evidence(pg, k)->item, e->item) == 0;
        }
        if (seen) {
            continue;
        }
        json_entry_open(out, items++, e->item);
        size_t pieces = 0;
        for (size_t k = i; k < n; k++) {
            const struct progress_evidence *x = progress_guide_evidence(pg, k);
            if (strcmp(x->item, e->item) != 0) {
                continue;
            }
            fputs(pieces++ > 0 ? ", " : "", out);
            put_json_string(out, x->target);
            fputs(": {", out);
            json_field(out, "kind", progress_evidence_kind_name(x->kind));
            if (x->description != NULL) {
                json_field(out, "description", x->description);
            }
            if (x->credential != NULL) {
                json_field(out, "credential", x->credential);
            }
            json_check(out, x);
            json_entry_close(out, x->changed);
        }
        fputc('}', out);
    }
    json_map_end(out, items);
}

/* The dotfile's guide entry (without the resume position). */
static void json_progress(FILE *out, const struct progress *p, const struct guide *g)
{
    const struct progress_guide *pg = progress_find_guide(p, g->id);
    fputs(",\n  \"progress\": {\n", out);
    if (pg != NULL && progress_guide_reset(pg) > 0) {
        fputs("    \"reset\": ", out);
        put_json_time(out, progress_guide_reset(pg));
        fputs(",\n", out);
    }
    json_map(out, pg, "    ", "items", progress_guide_count_items(pg), item_entry);
    json_map(out, pg, ",\n    ", "notes", progress_guide_count_note_entries(pg), note_entry);
    json_map(out, pg, ",\n    ", "certifications", progress_guide_count_cert_entries(pg),
             cert_entry);
    json_evidence(out, pg);
    struct progress_start start = progress_guide_start(pg);
    if (start.changed != 0) {
        fputs(",\n    \"start\": {", out);
        if (progress_date_is_set(start.date)) {
            fputs("\"date\": ", out);
            put_json_date(out, start.date);
            fputs(", ", out);
        }
        fputs("\"changed\": ", out);
        put_json_time(out, start.changed);
        fputc('}', out);
    }
    struct progress_hours hours = progress_guide_hours(pg);
    if (hours.changed != 0) {
        fprintf(out, ",\n    \"hours_per_week\": {\"hours\": %u, \"changed\": ", hours.hours);
        put_json_time(out, hours.changed);
        fputc('}', out);
    }
    json_journal(out, pg);
    fputs("\n  }\n", out);
}

static void json_head(FILE *out, const struct progress *p, const struct guide *g)
{
    struct progress_counts all;
    progress_count_guide(p, g, &all);
    fprintf(out, "{\n  \"format\": \"trail-progress\",\n  \"version\": %d,\n  \"guide\": ",
            PROGRESS_FORMAT_VERSION);
    put_json_string(out, g->id);
    fputs(",\n  \"title\": ", out);
    put_json_string(out, g->title);
    fputs(",\n  \"exported\": ", out);
    put_json_time(out, progress_now_ms());
    fputs(",\n  \"overall\": {", out);
    json_counts(out, &all);
    fputs("},\n  \"current_phase\": ", out);
    size_t cur = progress_current_phase(p, g);
    put_json_string(out, cur < g->n_phases ? g->phases[cur].id : NULL);
    size_t ph, ac;
    fputs(",\n  \"next_action\": ", out);
    bool next = progress_suggest_next(p, g, &ph, &ac);
    put_json_string(out, next ? g->phases[ph].actions[ac].id : NULL);
    struct progress_date start;
    fputs(",\n  \"start\": ", out);
    put_json_date(out, progress_get_start(p, g->id, &start) ? start : (struct progress_date){0});
    unsigned hours = progress_get_hours(p, g->id, 0);
    fputs(",\n  \"hours_per_week\": ", out);
    if (hours > 0) {
        fprintf(out, "%u", hours);
    } else {
        fputs("null", out);
    }
    fprintf(out, ",\n  \"unknown_items\": %zu", progress_count_unknown(p, g));
}

int progress_report_json(const struct guide *g, struct progress_store *s, FILE *out)
{
    const struct progress *p = progress_store_doc(s);
    json_head(out, p, g);
    fputs(",\n  \"phases\": [\n", out);
    for (size_t i = 0; i < g->n_phases; i++) {
        json_phase(out, p, g, i);
        fputs(i + 1 < g->n_phases ? ",\n" : "\n", out);
    }
    fputs("  ],\n  \"certifications\": [\n", out);
    for (size_t i = 0; i < g->n_certs; i++) {
        json_cert(out, p, g, i);
        fputs(i + 1 < g->n_certs ? ",\n" : "\n", out);
    }
    fputs("  ]", out);
    json_progress(out, p, g);
    fputs("}\n", out);
    return report_finish(out);
}
