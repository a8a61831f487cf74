/* SPDX-License-Identifier: MIT */
/* --json for --check, --list and --search: see json_report.h. The objects are small and flat;
 * each key is documented in its schema under docs/schemas/, whose version moves only when a
 * meaning changes (keys may be added). */
#include "json_report.h"

#include <stdlib.h>
#include <string.h>

#include "progress_report_out.h"
#include "search.h"

static void put_key(FILE *out, const char *key, const char *value)
{
    fprintf(out, "\"%s\":", key);
    report_put_json_string(out, value);
}

static void put_unsigned(FILE *out, const char *key, unsigned long n)
{
    fprintf(out, "\"%s\":", key);
    if (n > 0) {
        fprintf(out, "%lu", n);
    } else {
        fputs("null", out);
    }
}

int json_report_check(const char *dir, const struct guide *g, const struct diag *d, FILE *out)
{
    fputs("{\"format\":\"trail-check\",\"version\":1,", out);
    put_key(out, "path", dir);
    fprintf(out, ",\"valid\":%s,\"errors\":%zu,\"warnings\":%zu,\"dropped\":%zu,\"messages\":[",
            g != NULL && d->errors == 0 ? "true" : "false", d->errors, d->warnings, d->dropped);
    for (size_t i = 0; i < d->n; i++) {
        const struct diag_msg *m = &d->msgs[i];
        fputs(i > 0 ? ",{" : "{", out);
        put_key(out, "level", m->level == DIAG_ERROR ? "error" : "warning");
        fputc(',', out);
        put_key(out, "file", m->file);
        fputc(',', out);
        put_unsigned(out, "line", m->line);
        fputc(',', out);
        put_unsigned(out, "column", m->col);
        fputc(',', out);
        put_key(out, "message", m->text);
        fputc('}', out);
    }
    fputs("],\"guide\":", out);
    if (g == NULL) {
        fputs("null", out);
    } else {
        fputc('{', out);
        put_key(out, "id", g->id);
        fputc(',', out);
        put_key(out, "title", g->title);
        fprintf(out, ",\"phases\":%zu,\"actions\":%zu,\"certifications\":%zu,\"questions\":%zu}",
                g->n_phases, guide_count_actions(g), g->n_certs, g->n_faqs);
    }
    fputs("}\n", out);
    return report_finish(out);
}

void json_report_list_begin(FILE *out)
{
    fputs("{\"format\":\"trail-list\",\"version\":1,\"guides\":[", out);
}

void json_report_list_guide(const char *id, const char *dir, const struct guide *g,
                            unsigned percent, bool selected, bool first, FILE *out)
{
    fputs(first ? "{" : ",{", out);
    put_key(out, "id", id);
    fputc(',', out);
    put_key(out, "path", dir);
    fprintf(out, ",\"valid\":%s,", g != NULL ? "true" : "false");
    put_key(out, "title", g != NULL ? g->title : NULL);
    if (g != NULL) {
        fprintf(out, ",\"actions\":%zu,\"percent\":%u", guide_count_actions(g), percent);
    } else {
        fputs(",\"actions\":null,\"percent\":null", out);
    }
    fprintf(out, ",\"selected\":%s}", selected ? "true" : "false");
}

int json_report_list_end(FILE *out)
{
    fputs("]}\n", out);
    return report_finish(out);
}

static const char *kind_key(enum search_kind kind)
{
    switch (kind) {
    case SEARCH_KIND_INTRO:
        return "intro";
    case SEARCH_KIND_OVERVIEW:
        return "overview";
    case SEARCH_KIND_PHASE:
        return "phase";
    case SEARCH_KIND_ACTION:
        return "action";
    case SEARCH_KIND_CERT:
        return "certification";
    case SEARCH_KIND_FAQ:
        return "faq";
    default:
        return "call-to-action";
    }
}

/* The entry's fields that match, as {"field": title?, "text": ...}: every field with a match. */
static void put_matches(const struct search_index *idx, const struct search_query *q,
                        const struct search_result *r, struct search_ranges *ranges, FILE *out)
{
    size_t n = search_entry_count_fields(idx, r->entry);
    bool first = true;
    fputs(",\"fields\":[", out);
    for (size_t k = 0; k < n; k++) {
        struct search_field_info f;
        search_entry_get_field(idx, r->entry, k, &f);
        if (search_query_count_terms(q) > 0 &&
            search_field_ranges(idx, q, r->entry, k, ranges) == 0) {
            continue;
        }
        fputs(first ? "{" : ",{", out);
        fprintf(out, "\"title\":%s,", f.title ? "true" : "false");
        if (f.role == SEARCH_FIELD_NOTE) {
            fputs("\"note\":true,", out); /* the learner's, not the guide's */
        }
        put_key(out, "text", f.text);
        fputc('}', out);
        first = false;
    }
    fputc(']', out);
}

int json_report_search(const struct guide *g, const struct progress *p, const char *query,
                       FILE *out)
{
    struct search_index *idx = search_index_build_notes(g, p);
    struct search_query *q = search_query_new(query);
    struct search_results res = {0};
    struct search_ranges ranges = {0};
    search_run(idx, q, SEARCH_KIND_ALL, SEARCH_ORDER_GUIDE, &res);
    fputs("{\"format\":\"trail-search\",\"version\":1,", out);
    put_key(out, "guide", g->id);
    fputc(',', out);
    put_key(out, "query", query);
    fputs(",\"results\":[", out);
    for (size_t i = 0; i < res.n; i++) {
        const struct search_result *r = &res.v[i];
        fputs(i > 0 ? ",{" : "{", out);
        put_key(out, "kind", kind_key(r->kind));
        fputc(',', out);
        put_key(out, "section", search_kind_name(r->kind));
        fputc(',', out);
        put_key(out, "id", search_result_id(g, r));
        if (r->kind == SEARCH_KIND_ACTION && g->phases[r->index].actions[r->sub].personal) {
            fputs(",\"personal\":true", out);
        }
        put_matches(idx, q, r, &ranges, out);
        fputc('}', out);
    }
    fputs("]}\n", out);
    int rc = res.n > 0 ? 0 : 1;
    search_ranges_free(&ranges);
    search_results_free(&res);
    search_query_free(q);
    search_index_free(idx);
    return report_finish(out) != 0 ? 2 : rc;
}
