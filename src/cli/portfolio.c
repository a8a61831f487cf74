/* SPDX-License-Identifier: MIT */
/* The portfolio and the résumé: see portfolio.h.
 *
 * Every text from the guide or the progress file is sanitised before it is written: Markdown
 * gets its inline syntax escaped (report_put_markdown()), JSON every control character
 * escaped (report_put_json_string()), and a link is written only for an http or https URL,
 * with the characters that would end a Markdown link percent-encoded. A résumé to merge into
 * is read with ydoc (JSON is YAML's flow style) and written back value for value. */
#include "portfolio.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "progress_evidence.h"
#include "progress_report_out.h"
#include "text.h"
#include "xalloc.h"
#include "ydoc.h"

#define RESUME_MAX_PROJECTS 1000

/* --- Links -------------------------------------------------------------------------------- */

static bool is_web(const char *url)
{
    return strncasecmp(url, "https://", 8) == 0 || strncasecmp(url, "http://", 7) == 0;
}

char *portfolio_remote_link(const char *remote)
{
    const char *host = NULL;
    if (is_web(remote)) {
        host = strstr(remote, "://") + 3;
    } else if (strncasecmp(remote, "ssh://", 6) == 0 || strncasecmp(remote, "git://", 6) == 0) {
        host = remote + 6;
    } else if (strchr(remote, ':') != NULL && strchr(remote, '/') > strchr(remote, ':') &&
               strncmp(remote, "/", 1) != 0 && strstr(remote, "://") == NULL) {
        host = remote; /* git@host:path */
    }
    if (host == NULL) {
        return NULL;
    }
    size_t hlen = strcspn(host, "/:");
    const char *at = memchr(host, '@', strcspn(host, "/"));
    if (at != NULL) { /* user[:password]@: never shown */
        host = at + 1;
        hlen = strcspn(host, "/:");
    }
    const char *path = host + hlen;
    if (*path == ':') {
        path++;
        path += strspn(path, "0123456789"); /* a port, or nothing */
    }
    path += strspn(path, "/");
    size_t plen = strcspn(path, "?#");
    while (plen > 0 && path[plen - 1] == '/') {
        plen--;
    }
    if (plen >= 4 && strncmp(path + plen - 4, ".git", 4) == 0) {
        plen -= 4;
    }
    if (hlen == 0 || plen == 0) {
        return NULL;
    }
    return xasprintf("https://%.*s/%.*s", (int)hlen, host, (int)plen, path);
}

/* A URL inside a Markdown link's parentheses: what could end or break it percent-encoded. */
static void put_link_url(FILE *out, const char *url)
{
    for (const unsigned char *p = (const unsigned char *)url; *p != '\0'; p++) {
        if (*p <= ' ' || *p == 0x7f || strchr("()<>[]`\"'\\", *p) != NULL) {
            fprintf(out, "%%%02X", *p);
        } else {
            fputc(*p, out);
        }
    }
}

/* [text](url) for a web URL, else the text alone. */
static void put_link(FILE *out, const char *text, const char *url)
{
    if (url == NULL || !is_web(url)) {
        report_put_markdown(out, text, 0);
        return;
    }
    fputc('[', out);
    report_put_markdown(out, text, 0);
    fputs("](", out);
    put_link_url(out, url);
    fputc(')', out);
}

/* --- What goes in ------------------------------------------------------------------------- */

/* The text of the key action or certification id, or the id. */
static const char *item_text(const struct guide *g, const char *id)
{
    const struct guide_action *a = guide_find_action(g, id, NULL);
    const struct guide_cert *c = a == NULL ? guide_find_cert(g, id) : NULL;
    return a != NULL ? a->text : c != NULL ? c->name : id;
}

/* A project's name: its description, else the last part of its link or path. */
static char *project_name(const struct progress_evidence *e, const char *link)
{
    if (e->description != NULL) {
        return xstrdup(e->description);
    }
    const char *from = link != NULL ? link : e->target;
    size_t len = strlen(from);
    while (len > 1 && from[len - 1] == '/') {
        len--;
    }
    const char *base = from + len;
    while (base > from && base[-1] != '/') {
        base--;
    }
    return xstrndup(base, len - (size_t)(base - from));
}

static void date_of(int64_t ms, char *buf, size_t size)
{
    char when[PROGRESS_TIME_SIZE];
    progress_format_time(ms, when, sizeof when);
    snprintf(buf, size, "%.10s", when);
}

/* --- Markdown ----------------------------------------------------------------------------- */

static void md_project(FILE *out, const struct guide *g, const struct progress_evidence *e,
                       const struct portfolio_options *o)
{
    char *link = e->check.remote != NULL ? portfolio_remote_link(e->check.remote) : NULL;
    char *name = project_name(e, link);
    fputs("### ", out);
    put_link(out, name, link);
    fputs("\n\n", out);
    if (e->check.readme != NULL) {
        report_put_markdown(out, e->check.readme, 0);
        fputs("\n\n", out);
    }
    if (link != NULL) {
        fputs("- Code: ", out);
        put_link(out, link, link);
        fputc('\n', out);
    }
    if (e->check.status == PROGRESS_CHECK_OK && e->check.commits >= 0) {
        char last[16], verified[16];
        date_of(e->check.last_commit * 1000, last, sizeof last);
        date_of(e->check.when, verified, sizeof verified);
        fprintf(out, "- %ld commit%s, last on %s (checked %s)\n", e->check.commits,
                e->check.commits == 1 ? "" : "s", last, verified);
    }
    fputs("- For: ", out);
    report_put_markdown(out, item_text(g, e->item), 0);
    fputc('\n', out);
    if (o->paths) {
        fputs("- Path: ", out);
        report_put_markdown(out, e->target, 0);
        fputc('\n', out);
    }
    fputc('\n', out);
    free(name);
    free(link);
}

/* The credential link of a certification: its first credential or URL evidence. */
static const struct progress_evidence *credential_of(const struct progress *p, const char *gid,
                                                     const char *cert_id)
{
    const struct progress_evidence *v[16];
    size_t n = progress_evidence_of(p, gid, cert_id, v, 16);
    for (size_t i = 0; i < n && i < 16; i++) {
        if (v[i]->kind == PROGRESS_EVIDENCE_CREDENTIAL || v[i]->kind == PROGRESS_EVIDENCE_URL) {
            return v[i];
        }
    }
    return NULL;
}

static void md_certs(FILE *out, const struct guide *g, const struct progress *p)
{
    bool any = false;
    for (size_t i = 0; i < g->n_certs; i++) {
        struct progress_cert_info c;
        if (!progress_get_cert(p, g->id, g->certs[i].id, &c) || c.status != PROGRESS_CERT_PASSED) {
            continue;
        }
        fputs(any ? "" : "## Certifications\n\n", out);
        any = true;
        fputs("- **", out);
        report_put_markdown(out, g->certs[i].name, 0);
        fputs("**", out);
        if (g->certs[i].issuer != NULL) {
            fputs(" (", out);
            report_put_markdown(out, g->certs[i].issuer, 0);
            fputc(')', out);
        }
        char buf[PROGRESS_DATE_SIZE];
        if (progress_date_is_set(c.passed)) {
            progress_date_format(c.passed, buf, sizeof buf);
            fprintf(out, ", passed %s", buf);
        }
        const struct progress_evidence *cred = credential_of(p, g->id, g->certs[i].id);
        if (cred != NULL && is_web(cred->target)) {
            fputs(", ", out);
            put_link(out, cred->credential != NULL ? cred->credential : "credential", cred->target);
        }
        fputc('\n', out);
    }
    fputs(any ? "\n" : "", out);
}

/* Links attached to key actions (not repositories, not certifications' credentials). */
static void md_links(FILE *out, const struct guide *g, const struct progress_guide *pg,
                     const struct portfolio_options *o)
{
    bool any = false;
    for (size_t i = 0; i < progress_guide_count_evidence(pg); i++) {
        const struct progress_evidence *e = progress_guide_evidence(pg, i);
        bool web = e->kind == PROGRESS_EVIDENCE_URL && is_web(e->target);
        bool path = e->kind == PROGRESS_EVIDENCE_PATH && o->paths;
        if ((!web && !path) || guide_find_action(g, e->item, NULL) == NULL) {
            continue;
        }
        fputs(any ? "" : "## More work\n\n", out);
        any = true;
        fputs("- ", out);
        put_link(out, e->description != NULL ? e->description : e->target, web ? e->target : NULL);
        fputs(" (", out);
        report_put_markdown(out, item_text(g, e->item), 0);
        fputs(")\n", out);
    }
    fputs(any ? "\n" : "", out);
}

static void md_progress(FILE *out, const struct guide *g, const struct progress *p)
{
    struct progress_counts all;
    progress_count_guide(p, g, &all);
    fputs("## Progress\n\n", out);
    fprintf(out, "%zu of %zu key actions done (%u%%).\n\n", all.done, all.total - all.skipped,
            progress_percent(&all));
    for (size_t i = 0; i < g->n_phases; i++) {
        struct progress_counts c;
        progress_count_phase(p, g, i, &c);
        fputs("- ", out);
        report_put_markdown(out, g->phases[i].title, 0);
        fprintf(out, ": %zu of %zu\n", c.done, c.total - c.skipped);
    }
    fputc('\n', out);
}

static void md_notes(FILE *out, const struct guide *g, const struct progress_guide *pg)
{
    bool any = false;
    for (size_t i = 0; i < progress_guide_count_note_entries(pg); i++) {
        const struct progress_note *n = progress_guide_note(pg, i);
        if (n->text == NULL) {
            continue;
        }
        fputs(any ? "" : "## Notes\n\n", out);
        any = true;
        fputs("### ", out);
        report_put_markdown(out, item_text(g, n->id), 0);
        fputs("\n\n", out);
        report_put_markdown_note(out, n->text, "> ", 0);
    }
}

int portfolio_markdown(const struct guide *g, const struct progress *p,
                       const struct portfolio_options *o, FILE *out)
{
    const struct progress_guide *pg = progress_find_guide(p, g->id);
    fputs("# ", out);
    report_put_markdown(out, g->title, 0);
    fputs(": portfolio\n\n", out);
    bool any = false;
    for (size_t i = 0; i < progress_guide_count_evidence(pg); i++) {
        const struct progress_evidence *e = progress_guide_evidence(pg, i);
        if (e->kind == PROGRESS_EVIDENCE_REPO) {
            fputs(any ? "" : "## Projects\n\n", out);
            any = true;
            md_project(out, g, e, o);
        }
    }
    md_certs(out, g, p);
    md_links(out, g, pg, o);
    md_progress(out, g, p);
    if (o->notes) {
        md_notes(out, g, pg);
    }
    return report_finish(out);
}

/* --- JSON Resume -------------------------------------------------------------------------- */

static void indent(FILE *out, int n)
{
    fprintf(out, "\n%*s", n, "");
}

static void json_key(FILE *out, const char *key, int ind, bool *first)
{
    fputs(*first ? "" : ",", out);
    *first = false;
    indent(out, ind);
    report_put_json_string(out, key);
    fputs(": ", out);
}

static void json_text(FILE *out, const char *key, const char *value, int ind, bool *first)
{
    if (value != NULL) {
        json_key(out, key, ind, first);
        report_put_json_string(out, value);
    }
}

/* A project in JSON Resume's shape. */
static void json_project(FILE *out, const struct guide *g, const struct progress_evidence *e,
                         int ind)
{
    char *link = e->check.remote != NULL ? portfolio_remote_link(e->check.remote) : NULL;
    char *name = project_name(e, link);
    bool first = true;
    fputc('{', out);
    json_text(out, "name", name, ind + 2, &first);
    json_text(out, "description", e->check.readme != NULL ? e->check.readme : item_text(g, e->item),
              ind + 2, &first);
    json_key(out, "highlights", ind + 2, &first);
    fputc('[', out);
    report_put_json_string(out, item_text(g, e->item));
    if (e->check.status == PROGRESS_CHECK_OK && e->check.commits >= 0) {
        char *h = xasprintf("%ld commit%s", e->check.commits, e->check.commits == 1 ? "" : "s");
        fputs(", ", out);
        report_put_json_string(out, h);
        free(h);
    }
    fputc(']', out);
    if (e->check.last_commit > 0) {
        char last[16];
        date_of(e->check.last_commit * 1000, last, sizeof last);
        json_text(out, "endDate", last, ind + 2, &first);
    }
    json_text(out, "url", link, ind + 2, &first);
    indent(out, ind);
    fputc('}', out);
    free(name);
    free(link);
}

static void json_cert(FILE *out, const struct guide *g, const struct progress *p, size_t i,
                      const struct progress_cert_info *c, int ind)
{
    bool first = true;
    fputc('{', out);
    json_text(out, "name", g->certs[i].name, ind + 2, &first);
    if (progress_date_is_set(c->passed)) {
        char buf[PROGRESS_DATE_SIZE];
        progress_date_format(c->passed, buf, sizeof buf);
        json_text(out, "date", buf, ind + 2, &first);
    }
    json_text(out, "issuer", g->certs[i].issuer, ind + 2, &first);
    const struct progress_evidence *cred = credential_of(p, g->id, g->certs[i].id);
    json_text(out, "url", cred != NULL && is_web(cred->target) ? cred->target : NULL, ind + 2,
              &first);
    indent(out, ind);
    fputc('}', out);
}

static bool json_literal(const struct ydoc_node *n)
{
    const char *s = n->u.scalar.str;
    if (!n->u.scalar.plain) {
        return false;
    }
    if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0 || strcmp(s, "null") == 0) {
        return true;
    }
    const char *p = s + (*s == '-');
    size_t digits = strspn(p, "0123456789");
    if (digits == 0 || (p[0] == '0' && digits > 1)) {
        return false;
    }
    p += digits;
    if (*p == '.') {
        size_t frac = strspn(p + 1, "0123456789");
        if (frac == 0) {
            return false;
        }
        p += 1 + frac;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        p += *p == '+' || *p == '-';
        size_t exp = strspn(p, "0123456789");
        if (exp == 0) {
            return false;
        }
        p += exp;
    }
    return *p == '\0';
}

/* A value of the résumé being merged, written back as it was read. */
static void json_value(FILE *out, const struct ydoc_node *n, int ind)
{
    if (n->kind == YDOC_SCALAR) {
        if (json_literal(n)) {
            fputs(n->u.scalar.str, out);
        } else {
            report_put_json_string(out, n->u.scalar.str);
        }
        return;
    }
    bool seq = n->kind == YDOC_SEQ;
    size_t count = seq ? n->u.seq.n : n->u.map.n;
    fputc(seq ? '[' : '{', out);
    for (size_t i = 0; i < count; i++) {
        fputs(i > 0 ? "," : "", out);
        indent(out, ind + 2);
        if (!seq) {
            report_put_json_string(out, n->u.map.pairs[i].key->u.scalar.str);
            fputs(": ", out);
        }
        json_value(out, seq ? n->u.seq.items[i] : n->u.map.pairs[i].value, ind + 2);
    }
    if (count > 0) {
        indent(out, ind);
    }
    fputc(seq ? ']' : '}', out);
}

/* Our entries of one section, and their names (to replace the résumé's of the same name). */
struct section {
    const char *key;
    char **names;
    size_t n;
};

static bool named(const struct section *sec, const struct ydoc_node *entry)
{
    const struct ydoc_node *name = entry->kind == YDOC_MAP ? ydoc_map_get(entry, "name") : NULL;
    for (size_t i = 0; name != NULL && name->kind == YDOC_SCALAR && i < sec->n; i++) {
        if (strcmp(sec->names[i], name->u.scalar.str) == 0) {
            return true;
        }
    }
    return false;
}

struct resume_ctx {
    const struct guide *g;
    const struct progress *p;
    struct section projects, certs;
};

static void ours(FILE *out, const struct resume_ctx *x, bool projects, bool *first, int ind)
{
    const struct progress_guide *pg = progress_find_guide(x->p, x->g->id);
    for (size_t i = 0; projects && i < progress_guide_count_evidence(pg); i++) {
        const struct progress_evidence *e = progress_guide_evidence(pg, i);
        if (e->kind == PROGRESS_EVIDENCE_REPO) {
            fputs(*first ? "" : ",", out);
            *first = false;
            indent(out, ind);
            json_project(out, x->g, e, ind);
        }
    }
    for (size_t i = 0; !projects && i < x->g->n_certs; i++) {
        struct progress_cert_info c;
        if (progress_get_cert(x->p, x->g->id, x->g->certs[i].id, &c) &&
            c.status == PROGRESS_CERT_PASSED) {
            fputs(*first ? "" : ",", out);
            *first = false;
            indent(out, ind);
            json_cert(out, x->g, x->p, i, &c, ind);
        }
    }
}

/* A section: the résumé's entries of other names (old may be NULL), then ours. */
static void json_section(FILE *out, const struct resume_ctx *x, bool projects,
                         const struct ydoc_node *old, int ind)
{
    const struct section *sec = projects ? &x->projects : &x->certs;
    bool first = true;
    fputc('[', out);
    for (size_t i = 0; old != NULL && old->kind == YDOC_SEQ && i < old->u.seq.n; i++) {
        if (!named(sec, old->u.seq.items[i])) {
            fputs(first ? "" : ",", out);
            first = false;
            indent(out, ind + 2);
            json_value(out, old->u.seq.items[i], ind + 2);
        }
    }
    ours(out, x, projects, &first, ind + 2);
    if (!first) {
        indent(out, ind);
    }
    fputc(']', out);
}

static void collect_names(struct resume_ctx *x)
{
    const struct progress_guide *pg = progress_find_guide(x->p, x->g->id);
    size_t n = progress_guide_count_evidence(pg);
    x->projects.names = xcalloc(n + 1, sizeof *x->projects.names);
    for (size_t i = 0; i < n; i++) {
        const struct progress_evidence *e = progress_guide_evidence(pg, i);
        if (e->kind == PROGRESS_EVIDENCE_REPO) {
            char *link = e->check.remote != NULL ? portfolio_remote_link(e->check.remote) : NULL;
            x->projects.names[x->projects.n++] = project_name(e, link);
            free(link);
        }
    }
    x->certs.names = xcalloc(x->g->n_certs + 1, sizeof *x->certs.names);
    for (size_t i = 0; i < x->g->n_certs; i++) {
        x->certs.names[x->certs.n++] = xstrdup(x->g->certs[i].name);
    }
}

static void free_names(struct section *sec)
{
    for (size_t i = 0; i < sec->n; i++) {
        free(sec->names[i]);
    }
    free(sec->names);
}

int portfolio_jsonresume(const struct guide *g, const struct progress *p, const char *merge_file,
                         FILE *out, FILE *err)
{
    struct ydoc *doc = NULL;
    if (merge_file != NULL) {
        struct diag d = {0};
        doc = ydoc_load_file(merge_file, &d);
        if (doc == NULL || doc->root == NULL || doc->root->kind != YDOC_MAP) {
            if (doc != NULL) {
                diag_add(&d, DIAG_ERROR, merge_file, 1, 1, "a JSON Resume is a JSON object");
            }
            diag_print(&d, err);
            diag_free(&d);
            ydoc_free(doc);
            return 1;
        }
        diag_free(&d);
    }
    struct resume_ctx x = {.g = g, .p = p};
    collect_names(&x);
    const struct ydoc_node *root = doc != NULL ? doc->root : NULL;
    bool first = true, done_projects = false, done_certs = false;
    fputc('{', out);
    for (size_t i = 0; root != NULL && i < root->u.map.n; i++) {
        const char *k = root->u.map.pairs[i].key->u.scalar.str;
        json_key(out, k, 2, &first);
        if (strcmp(k, "projects") == 0 || strcmp(k, "certificates") == 0) {
            bool projects = k[0] == 'p';
            json_section(out, &x, projects, root->u.map.pairs[i].value, 2);
            done_projects |= projects;
            done_certs |= !projects;
        } else {
            json_value(out, root->u.map.pairs[i].value, 2);
        }
    }
    if (!done_projects) {
        json_key(out, "projects", 2, &first);
        json_section(out, &x, true, NULL, 2);
    }
    if (!done_certs) {
        json_key(out, "certificates", 2, &first);
        json_section(out, &x, false, NULL, 2);
    }
    fputs("\n}\n", out);
    free_names(&x.projects);
    free_names(&x.certs);
    ydoc_free(doc);
    return report_finish(out);
}
