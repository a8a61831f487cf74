/* SPDX-License-Identifier: MIT */
/* The guide loader: YAML files (through ydoc) to struct guide, against the schema documented
 * in docs/content-format.md.
 *
 * Each part is one file. A part is walked into local arrays and assigned to the guide only when
 * the whole file is valid, so a failed part leaves the guide as it was (its ids are rolled back
 * too). Errors carry the file and the line and column of the offending node; the walk goes on
 * after an error inside an item so that one run reports as many problems as it can. Strings are
 * the ydoc tree's own, kept alive by moving the tree's arena into the guide's. */
#include "guide.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "guide_cache.h"
#include "guide_ids.h"
#include "guide_md.h"
#include "xalloc.h"
#include "ydoc.h"

struct loader {
    struct guide *g;
    struct diag *d;
    const char *file; /* path as shown in messages; lives in the guide's arena */
    size_t errors;    /* errors in this file */
};

static void report(struct loader *L, enum diag_level level, const struct ydoc_node *n,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void report(struct loader *L, enum diag_level level, const struct ydoc_node *n,
                   const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (level == DIAG_ERROR) {
        L->errors++;
    }
    diag_add(L->d, level, L->file, n != NULL ? n->line : 0, n != NULL ? n->col : 0, "%s", msg);
}

static bool is_blank(const char *s)
{
    for (; *s != '\0'; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
            return false;
        }
    }
    return true;
}

/* Warns about every key of map not in `allowed` (NULL-terminated). */
static void check_keys(struct loader *L, const struct ydoc_node *map, const char *const *allowed)
{
    for (size_t i = 0; i < map->u.map.n; i++) {
        const struct ydoc_node *k = map->u.map.pairs[i].key;
        bool known = false;
        for (const char *const *a = allowed; *a != NULL && !known; a++) {
            known = strcmp(k->u.scalar.str, *a) == 0;
        }
        if (!known) {
            char q[64];
            report(L, DIAG_WARNING, k, "unknown key '%s' (ignored)",
                   diag_quote(k->u.scalar.str, q, 64));
        }
    }
}

/* The mapping `node`, or NULL after an error naming `what`. */
static const struct ydoc_node *want_map(struct loader *L, const struct ydoc_node *node,
                                        const char *what)
{
    if (node->kind != YDOC_MAP) {
        report(L, DIAG_ERROR, node, "%s must be a mapping, not %s", what,
               ydoc_is_null(node) ? "empty" : ydoc_kind_name(node->kind));
        return NULL;
    }
    return node;
}

/* The text under key, or NULL: absent (an error when required), not a string, or empty. */
static const char *get_text(struct loader *L, const struct ydoc_node *map, const char *key,
                            bool required)
{
    const struct ydoc_node *v = ydoc_map_get(map, key);
    if (v == NULL) {
        if (required) {
            report(L, DIAG_ERROR, map, "missing required key '%s'", key);
        }
        return NULL;
    }
    if (v->kind != YDOC_SCALAR) {
        report(L, DIAG_ERROR, v, "'%s' must be a string, not %s", key, ydoc_kind_name(v->kind));
        return NULL;
    }
    if (ydoc_is_null(v) || is_blank(v->u.scalar.str)) {
        report(L, DIAG_ERROR, v, "'%s' must not be empty", key);
        return NULL;
    }
    return v->u.scalar.str;
}

/* Reads an optional whole number in [lo, hi]. Returns 1 when present and valid, 0 when
 * absent, -1 after an error. */
static int get_int(struct loader *L, const struct ydoc_node *map, const char *key, long lo, long hi,
                   long *out)
{
    const struct ydoc_node *v = ydoc_map_get(map, key);
    if (v == NULL) {
        return 0;
    }
    bool ok = v->kind == YDOC_SCALAR && v->u.scalar.plain && v->u.scalar.len > 0;
    if (ok) {
        const char *s = v->u.scalar.str;
        errno = 0;
        char *end;
        long n = strtol(s, &end, 10);
        ok = *end == '\0' && errno == 0 && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) &&
             n >= lo && n <= hi;
        *out = n;
    }
    if (!ok) {
        report(L, DIAG_ERROR, v, "'%s' must be a whole number from %ld to %ld", key, lo, hi);
        return -1;
    }
    return 1;
}

/* Two optional numbers that come together, first <= second. Returns 1, 0 (neither) or -1. */
static int get_range(struct loader *L, const struct ydoc_node *map, const char *k1, const char *k2,
                     long lo, long hi, long *a, long *b)
{
    int r1 = get_int(L, map, k1, lo, hi, a);
    int r2 = get_int(L, map, k2, lo, hi, b);
    if (r1 < 0 || r2 < 0) {
        return -1;
    }
    if (r1 != r2) {
        const char *given = r1 ? k1 : k2;
        report(L, DIAG_ERROR, ydoc_map_get(map, given), "'%s' and '%s' must be given together", k1,
               k2);
        return -1;
    }
    if (r1 && *a > *b) {
        report(L, DIAG_ERROR, ydoc_map_get(map, k2), "'%s' must not be less than '%s'", k2, k1);
        return -1;
    }
    return r1;
}

static bool valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > GUIDE_MAX_ID) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '-' && c != '_' && c != '.' && c != '/'))) {
            return false;
        }
    }
    return true;
}

/* The item's id: valid syntax and unique in the guide (registered on success). */
static const char *get_id(struct loader *L, const struct ydoc_node *map)
{
    const char *id = get_text(L, map, "id", true);
    if (id == NULL) {
        return NULL;
    }
    const struct ydoc_node *v = ydoc_map_get(map, "id");
    char q[64];
    if (!valid_id(id)) {
        report(L, DIAG_ERROR, v,
               "id '%s' must be 1 to %d lowercase letters, digits, '-', '_', '.' or '/', "
               "starting with a letter or digit",
               diag_quote(id, q, sizeof q), GUIDE_MAX_ID);
        return NULL;
    }
    struct guide_id_entry e = {.id = id, .file = L->file, .line = v->line, .col = v->col};
    const struct guide_id_entry *old = guide_ids_add(L->g->ids, &e);
    if (old != NULL) {
        report(L, DIAG_ERROR, v, "duplicate id '%s' (first used at %s:%u:%u)",
               diag_quote(id, q, sizeof q), old->file, old->line, old->col);
        return NULL;
    }
    return id;
}

/* The list under key: required ones must be present and non-empty. NULL when absent/wrong. */
static const struct ydoc_node *get_list(struct loader *L, const struct ydoc_node *map,
                                        const char *key, bool required)
{
    const struct ydoc_node *v = ydoc_map_get(map, key);
    if (v == NULL) {
        if (required) {
            report(L, DIAG_ERROR, map, "missing required key '%s'", key);
        }
        return NULL;
    }
    if (v->kind != YDOC_SEQ) {
        report(L, DIAG_ERROR, v, "'%s' must be a list, not %s", key,
               ydoc_is_null(v) ? "empty" : ydoc_kind_name(v->kind));
        return NULL;
    }
    if (v->u.seq.n == 0) {
        report(L, DIAG_ERROR, v, "'%s' must not be empty", key);
        return NULL;
    }
    return v;
}

static const struct ydoc_node *get_stat(struct loader *L, const struct ydoc_node *stats,
                                        const char *key, struct guide_stat *out)
{
    const struct ydoc_node *v = ydoc_map_get(stats, key);
    if (v == NULL) {
        return NULL;
    }
    char what[64];
    snprintf(what, sizeof what, "'%s'", key);
    if (want_map(L, v, what) == NULL) {
        return NULL;
    }
    out->label = get_text(L, v, "label", true);
    out->text = get_text(L, v, "text", true);
    out->present = out->label != NULL && out->text != NULL;
    return v;
}

static void load_stats(struct loader *L, const struct ydoc_node *node, struct guide_stats *st)
{
    static const char *const keys[] = {"salary", "growth", "time_to_career", "difficulty", NULL};
    if (want_map(L, node, "'stats'") == NULL) {
        return;
    }
    check_keys(L, node, keys);
    long a, b;
    const struct ydoc_node *v = get_stat(L, node, "salary", &st->salary);
    if (v != NULL) {
        static const char *const k[] = {"label", "text", "min", "max", "currency", NULL};
        check_keys(L, v, k);
        if (get_range(L, v, "min", "max", 0, 1000000000L, &a, &b) > 0) {
            st->has_salary_range = true;
            st->salary_min = a;
            st->salary_max = b;
        }
        const char *cur = get_text(L, v, "currency", false);
        if (cur != NULL && (strlen(cur) != 3 || strspn(cur, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3)) {
            report(L, DIAG_ERROR, ydoc_map_get(v, "currency"),
                   "'currency' must be a three-letter ISO 4217 code such as USD");
        } else {
            st->currency = cur;
        }
    }
    v = get_stat(L, node, "growth", &st->growth);
    if (v != NULL) {
        static const char *const k[] = {"label", "text", "percent", "by_year", NULL};
        check_keys(L, v, k);
        if (get_int(L, v, "percent", -1000, 1000, &a) > 0) {
            st->has_growth_percent = true;
            st->growth_percent = (int)a;
        }
        if (get_int(L, v, "by_year", 1900, 9999, &a) > 0) {
            st->growth_by_year = (int)a;
        }
    }
    v = get_stat(L, node, "time_to_career", &st->time);
    if (v != NULL) {
        static const char *const k[] = {"label", "text", "min_months", "max_months", NULL};
        check_keys(L, v, k);
        if (get_range(L, v, "min_months", "max_months", 0, 600, &a, &b) > 0) {
            st->has_time_range = true;
            st->time_min_months = (int)a;
            st->time_max_months = (int)b;
        }
    }
    v = get_stat(L, node, "difficulty", &st->difficulty);
    if (v != NULL) {
        static const char *const k[] = {"label", "text", "level", NULL};
        check_keys(L, v, k);
        const char *level = get_text(L, v, "level", false);
        if (level != NULL) {
            for (int i = GUIDE_LEVEL_BEGINNER; i <= GUIDE_LEVEL_MAX; i++) {
                if (strcmp(level, guide_level_name((enum guide_level)i)) == 0) {
                    st->level = (enum guide_level)i;
                }
            }
            if (st->level == GUIDE_LEVEL_NONE) {
                report(L, DIAG_ERROR, ydoc_map_get(v, "level"),
                       "'level' must be one of beginner, intermediate, advanced, expert");
            }
        }
    }
}

static void load_overview(struct loader *L, const struct ydoc_node *list)
{
    struct guide *g = L->g;
    g->overview = arena_calloc(&g->arena, list->u.seq.n, sizeof *g->overview);
    for (size_t i = 0; i < list->u.seq.n; i++) {
        const struct ydoc_node *m = want_map(L, list->u.seq.items[i], "an overview entry");
        if (m == NULL) {
            continue;
        }
        static const char *const k[] = {"title", "text", NULL};
        check_keys(L, m, k);
        struct guide_text *t = &g->overview[g->n_overview];
        t->title = get_text(L, m, "title", true);
        t->text = get_text(L, m, "text", true);
        if (t->title != NULL && t->text != NULL) {
            g->n_overview++;
        }
    }
}

/* guide.yaml's format and id (GUIDE_PART_HEAD); -1 when the format is newer than ours. */
static int load_head(struct loader *L, const struct ydoc_node *root)
{
    struct guide *g = L->g;
    long format;
    int r = get_int(L, root, "format", 1, 1000000, &format);
    if (r == 0) {
        report(L, DIAG_ERROR, root, "missing required key 'format'");
    } else if (r > 0 && format > GUIDE_FORMAT_VERSION) {
        report(L, DIAG_ERROR, ydoc_map_get(root, "format"),
               "format %ld is newer than this trail understands (%d); upgrade trail", format,
               GUIDE_FORMAT_VERSION);
        return -1;
    }
    g->id = get_text(L, root, "id", true);
    char q[64];
    if (g->id != NULL && !valid_id(g->id)) {
        report(L, DIAG_ERROR, ydoc_map_get(root, "id"),
               "guide id '%s' must be lowercase letters, digits, '-', '_', '.' or '/'",
               diag_quote(g->id, q, sizeof q));
    }
    return 0;
}

static void load_info(struct loader *L, const struct ydoc_node *root)
{
    static const char *const keys[] = {"format", "id",    "title",    "short_title",
                                       "intro",  "stats", "overview", "call_to_action",
                                       NULL};
    struct guide *g = L->g;
    check_keys(L, root, keys);
    if (load_head(L, root) < 0) {
        return;
    }
    g->title = get_text(L, root, "title", true);
    g->short_title = get_text(L, root, "short_title", false);
    if (g->short_title == NULL) {
        g->short_title = g->title;
    }
    g->intro = get_text(L, root, "intro", false);
    const struct ydoc_node *v = ydoc_map_get(root, "stats");
    if (v != NULL) {
        load_stats(L, v, &g->stats);
    }
    v = get_list(L, root, "overview", false);
    if (v != NULL) {
        load_overview(L, v);
    }
    v = ydoc_map_get(root, "call_to_action");
    if (v != NULL && want_map(L, v, "'call_to_action'") != NULL) {
        static const char *const k[] = {"title", "text", "button", NULL};
        check_keys(L, v, k);
        struct guide_cta cta = {
            .title = get_text(L, v, "title", true),
            .text = get_text(L, v, "text", true),
            .button = get_text(L, v, "button", false),
        };
        if (cta.title != NULL && cta.text != NULL) {
            g->cta = arena_alloc(&g->arena, sizeof *g->cta);
            *g->cta = cta;
        }
    }
}

/* An action's `evidence`: a list of the kinds it expects (a single word is a list of one).
 * An unknown kind is an error. */
static unsigned get_evidence(struct loader *L, const struct ydoc_node *v)
{
    static const char *const names[] = {"path", "repo", "url", "credential"};
    if (v == NULL) {
        return 0;
    }
    size_t n = v->kind == YDOC_SEQ ? v->u.seq.n : 1;
    unsigned bits = 0;
    for (size_t i = 0; i < n; i++) {
        const struct ydoc_node *k = v->kind == YDOC_SEQ ? v->u.seq.items[i] : v;
        unsigned bit = 0;
        for (unsigned j = 0; k->kind == YDOC_SCALAR && j < 4; j++) {
            bit = strcmp(k->u.scalar.str, names[j]) == 0 ? 1u << (j + 1) : bit;
        }
        if (bit == 0) {
            report(L, DIAG_ERROR, k,
                   "'evidence' is a list of path, repo, url and credential (what an action "
                   "expects as proof)");
        }
        bits |= bit;
    }
    return bits;
}

static bool load_actions(struct loader *L, const struct ydoc_node *list, struct guide_phase *ph)
{
    struct guide *g = L->g;
    ph->actions = arena_calloc(&g->arena, list->u.seq.n, sizeof *ph->actions);
    for (size_t i = 0; i < list->u.seq.n; i++) {
        const struct ydoc_node *m = want_map(L, list->u.seq.items[i], "a key action");
        if (m == NULL) {
            continue;
        }
        static const char *const k[] = {"id", "text", "evidence", "effort_hours", NULL};
        check_keys(L, m, k);
        struct guide_action *a = &ph->actions[ph->n_actions];
        a->id = get_id(L, m);
        a->text = get_text(L, m, "text", true);
        a->evidence = get_evidence(L, ydoc_map_get(m, "evidence"));
        long effort = 0;
        if (get_int(L, m, "effort_hours", 1, 1000, &effort) > 0) {
            if (ph->effort_hours == NULL) {
                ph->effort_hours = arena_calloc(&g->arena, list->u.seq.n, sizeof(int));
            }
            ph->effort_hours[ph->n_actions] = (int)effort;
        } else if (ph->effort_hours != NULL) {
            ph->effort_hours[ph->n_actions] = 0; /* a slot an invalid action left */
        }
        if (a->id != NULL && a->text != NULL) {
            ph->n_actions++;
        }
    }
    return ph->n_actions == list->u.seq.n;
}

static void load_phase(struct loader *L, const struct ydoc_node *m, struct guide_phase *ph)
{
    static const char *const k[] = {"id",       "title",   "start_month",   "end_month",
                                    "duration", "summary", "actions_title", "actions",
                                    NULL};
    check_keys(L, m, k);
    ph->id = get_id(L, m);
    ph->title = get_text(L, m, "title", true);
    long a, b;
    if (get_range(L, m, "start_month", "end_month", 1, 600, &a, &b) > 0) {
        ph->start_month = (int)a;
        ph->end_month = (int)b;
    }
    ph->duration = get_text(L, m, "duration", false);
    ph->summary = get_text(L, m, "summary", true);
    ph->actions_title = get_text(L, m, "actions_title", false);
    const struct ydoc_node *list = get_list(L, m, "actions", true);
    if (list != NULL) {
        load_actions(L, list, ph);
    }
}

static void load_path(struct loader *L, const struct ydoc_node *root)
{
    static const char *const keys[] = {"title", "phases", NULL};
    struct guide *g = L->g;
    check_keys(L, root, keys);
    g->path_title = get_text(L, root, "title", true);
    const struct ydoc_node *list = get_list(L, root, "phases", true);
    if (list == NULL) {
        return;
    }
    g->phases = arena_calloc(&g->arena, list->u.seq.n, sizeof *g->phases);
    for (size_t i = 0; i < list->u.seq.n; i++) {
        const struct ydoc_node *m = want_map(L, list->u.seq.items[i], "a phase");
        if (m != NULL) {
            load_phase(L, m, &g->phases[g->n_phases++]);
        }
    }
}

static void load_certs(struct loader *L, const struct ydoc_node *root)
{
    static const char *const keys[] = {"title", "certifications", NULL};
    struct guide *g = L->g;
    check_keys(L, root, keys);
    g->certs_title = get_text(L, root, "title", true);
    const struct ydoc_node *list = get_list(L, root, "certifications", true);
    if (list == NULL) {
        return;
    }
    g->certs = arena_calloc(&g->arena, list->u.seq.n, sizeof *g->certs);
    for (size_t i = 0; i < list->u.seq.n; i++) {
        const struct ydoc_node *m = want_map(L, list->u.seq.items[i], "a certification");
        if (m == NULL) {
            continue;
        }
        static const char *const k[] = {"id", "name", "issuer", "description", NULL};
        check_keys(L, m, k);
        struct guide_cert *c = &g->certs[g->n_certs++];
        c->id = get_id(L, m);
        c->name = get_text(L, m, "name", true);
        c->issuer = get_text(L, m, "issuer", true);
        c->description = get_text(L, m, "description", true);
    }
}

static void load_faq(struct loader *L, const struct ydoc_node *root)
{
    static const char *const keys[] = {"title", "questions", NULL};
    struct guide *g = L->g;
    check_keys(L, root, keys);
    g->faq_title = get_text(L, root, "title", true);
    const struct ydoc_node *list = get_list(L, root, "questions", true);
    if (list == NULL) {
        return;
    }
    g->faqs = arena_calloc(&g->arena, list->u.seq.n, sizeof *g->faqs);
    for (size_t i = 0; i < list->u.seq.n; i++) {
        const struct ydoc_node *m = want_map(L, list->u.seq.items[i], "a question");
        if (m == NULL) {
            continue;
        }
        static const char *const k[] = {"id", "question", "answer", NULL};
        check_keys(L, m, k);
        struct guide_faq *f = &g->faqs[g->n_faqs++];
        f->id = get_id(L, m);
        f->question = get_text(L, m, "question", true);
        f->answer = get_text(L, m, "answer", true);
    }
}

/* Forgets whatever a failed part left in the guide. */
static void clear_part(struct guide *g, enum guide_part part)
{
    switch (part) {
    case GUIDE_PART_HEAD:
    case GUIDE_PART_INFO:
        break;
    case GUIDE_PART_PATH:
        g->path_title = NULL, g->phases = NULL, g->n_phases = 0;
        break;
    case GUIDE_PART_CERTS:
        g->certs_title = NULL, g->certs = NULL, g->n_certs = 0;
        break;
    case GUIDE_PART_FAQ:
        g->faq_title = NULL, g->faqs = NULL, g->n_faqs = 0;
        break;
    case GUIDE_PART_ALL:
        break;
    }
}

static int load_part(struct guide *g, enum guide_part part, struct diag *d)
{
    char *path = xasprintf("%s/%s", g->dir, guide_part_file(part));
    struct loader L = {.g = g, .d = d, .file = arena_strdup(&g->arena, path)};
    free(path);
    /* guide.yaml's compiled copy serves for its head too */
    enum guide_part compiled = part == GUIDE_PART_HEAD ? GUIDE_PART_INFO : part;
    if (g->cached && guide_cache_read(g, compiled, L.file)) {
        return 0;
    }
    size_t ids_before = guide_ids_count(g->ids);
    size_t diags_before = d->errors + d->warnings + d->dropped;
    static const char *const head_keys[] = {"format", "id", NULL};
    struct ydoc *doc = part == GUIDE_PART_HEAD ? ydoc_load_file_head(L.file, head_keys, d)
                                               : ydoc_load_file(L.file, d);
    if (doc == NULL) {
        return -1;
    }
    if (doc->root == NULL) {
        diag_add(d, DIAG_ERROR, L.file, 1, 1, "the file is empty");
        L.errors++;
    } else if (want_map(&L, doc->root, "the top level") != NULL) {
        switch (part) {
        case GUIDE_PART_HEAD:
            load_head(&L, doc->root);
            break;
        case GUIDE_PART_INFO:
            load_info(&L, doc->root);
            break;
        case GUIDE_PART_PATH:
            load_path(&L, doc->root);
            break;
        case GUIDE_PART_CERTS:
            load_certs(&L, doc->root);
            break;
        case GUIDE_PART_FAQ:
            load_faq(&L, doc->root);
            break;
        case GUIDE_PART_ALL:
            break;
        }
    }
    /* The model points into the tree's strings: keep them, even on failure (ids may refer to
     * them until rolled back below). */
    arena_adopt(&g->arena, &doc->arena);
    ydoc_free(doc);
    if (L.errors > 0) {
        clear_part(g, part);
        guide_ids_truncate(g->ids, ids_before);
        return -1;
    }
    g->loaded |= part;
    if (g->cached && part != GUIDE_PART_HEAD &&
        d->errors + d->warnings + d->dropped == diags_before) {
        guide_cache_write(g, part, L.file);
    }
    return 0;
}

int guide_load_parts(struct guide *g, unsigned parts, struct diag *d)
{
    if (g->markdown) {
        return guide_md_load_parts(g, parts, d);
    }
    static const enum guide_part order[] = {GUIDE_PART_INFO, GUIDE_PART_PATH, GUIDE_PART_CERTS,
                                            GUIDE_PART_FAQ};
    int rc = 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        enum guide_part p = order[i];
        if (!(parts & p) || (g->loaded & p)) {
            continue;
        }
        if (!(g->available & p)) {
            g->loaded |= p; /* no file: the guide has no such section */
            continue;
        }
        if (load_part(g, p, d) < 0) {
            rc = -1;
        }
    }
    return rc;
}

struct guide *guide_load(const char *dir, unsigned parts, struct diag *d)
{
    return guide_load_seen(dir, NULL, parts, d);
}

struct guide *guide_load_seen(const char *dir, const struct guide_seen *seen, unsigned parts,
                              struct diag *d)
{
    struct guide_seen plan = {0};
    if (seen != NULL && seen->plan) {
        plan = *seen; /* finding it looked at the plan already */
    }
    if (plan.plan || ((seen == NULL || !seen->yaml) && guide_md_is_plan(dir, &plan))) {
        return guide_md_load(dir, &plan.info, parts, d);
    }
    struct guide *g = xcalloc(1, sizeof *g);
    g->dir = xstrdup(dir);
    g->ids = guide_ids_new();
    g->cached = (parts & GUIDE_LOAD_CACHED) != 0;
    /* Each part's file is looked at here once: whether it exists, and what the compiled copy
     * and the browser's loader go by (its size among them: guide_parts_bytes()); guide.yaml
     * not even that when finding the guide looked at it already. */
    for (unsigned p = GUIDE_PART_INFO, i = 0; p <= GUIDE_PART_FAQ; p <<= 1, i++) {
        if (p == GUIDE_PART_INFO && seen != NULL && seen->yaml) {
            g->available |= p;
            g->files[i] = seen->info;
            continue;
        }
        char *path = xasprintf("%s/%s", dir, guide_part_file((enum guide_part)p));
        struct stat st;
        if (stat(path, &st) == 0) {
            g->available |= p;
            file_cache_key_of(&st, &g->files[i]);
        }
        free(path);
    }
    if (!(g->available & GUIDE_PART_INFO)) {
        struct stat st;
        if (stat(dir, &st) != 0) {
            diag_add(d, DIAG_ERROR, dir, 0, 0, "cannot open guide directory: %s", strerror(errno));
        } else {
            diag_add(d, DIAG_ERROR, dir, 0, 0, "not a guide directory (no %s)",
                     guide_part_file(GUIDE_PART_INFO));
        }
        guide_free(g);
        return NULL;
    }
    /* guide.yaml whole, or its format and id only when that is all the caller asked of it. */
    unsigned first =
        (parts & GUIDE_PART_HEAD) && !(parts & GUIDE_PART_INFO) ? GUIDE_PART_HEAD : GUIDE_PART_INFO;
    if ((first == GUIDE_PART_HEAD && load_part(g, GUIDE_PART_HEAD, d) < 0) ||
        guide_load_parts(g, (parts & GUIDE_PART_ALL) | (first & GUIDE_PART_INFO), d) < 0) {
        guide_free(g);
        return NULL;
    }
    return g;
}

unsigned long long guide_parts_bytes(const struct guide *g, unsigned parts)
{
    unsigned long long total = 0;
    for (unsigned i = 0; i < 4; i++) {
        if (parts & (1u << i)) {
            total += g->files[i].size;
        }
    }
    return total;
}
