/* SPDX-License-Identifier: MIT */
/* Evidence in the progress document: see progress_evidence.h for the format.
 *
 * Pieces are rows of a guide entry's `evidence` table (progress_guide.c's id-keyed rows), keyed
 * by "<length of item>:<item><target>", which no two (item, target) pairs share. A piece is
 * never deleted while its guide lives: removal leaves kind NONE, so a merge with an older copy
 * cannot bring it back, and a reset voids it like any entry. The attachment and the check are
 * merged separately, each by its own time. Every attachment and removal records the piece it
 * replaced in the document's undo ring and is an event of the journal; a check is the program's
 * bookkeeping: it is neither undone nor an event.
 * Entries a person wrote that cannot be understood are kept as written (unread_evidence) and
 * written back under their item until a piece of the same target replaces them. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_evidence_internal.h"
#include "progress_internal.h"
#include "progress_journal_internal.h"
#include "text.h"
#include "xalloc.h"

static const char *const kind_names[PROGRESS_EVIDENCE_KIND_COUNT] = {"none", "path", "repo", "url",
                                                                     "credential"};
static const char *const status_names[PROGRESS_CHECK_STATUS_COUNT] = {"", "ok", "missing", "empty",
                                                                      "refused"};

const char *progress_evidence_kind_name(enum progress_evidence_kind kind)
{
    return (unsigned)kind < PROGRESS_EVIDENCE_KIND_COUNT ? kind_names[kind] : "none";
}

int progress_evidence_kind_parse(const char *name, enum progress_evidence_kind *kind)
{
    int i = progress_name_find(name, kind_names, 0, PROGRESS_EVIDENCE_KIND_COUNT);
    if (i >= 0) {
        *kind = (enum progress_evidence_kind)i;
    }
    return i >= 0 ? 0 : -1;
}

const char *progress_check_status_name(enum progress_check_status status)
{
    return (unsigned)status < PROGRESS_CHECK_STATUS_COUNT ? status_names[status] : "";
}

int progress_check_status_parse(const char *name, enum progress_check_status *status)
{
    int i = progress_name_find(name, status_names, 1, PROGRESS_CHECK_STATUS_COUNT);
    if (i >= 0) {
        *status = (enum progress_check_status)i;
    }
    return i >= 0 ? 0 : -1;
}

bool progress_evidence_text_ok(const char *s, bool one_line)
{
    size_t len = s != NULL ? strlen(s) : 0;
    return len > 0 && len <= PROGRESS_EVIDENCE_TEXT_MAX && text_utf8_valid(s, len, NULL) &&
           (!one_line || strpbrk(s, "\r\n") == NULL);
}

static bool opt_text_ok(const char *s)
{
    return s == NULL || s[0] == '\0' || progress_evidence_text_ok(s, true);
}

/* An optional text: NULL for none or "". */
static const char *opt(const char *s)
{
    return s != NULL && s[0] != '\0' ? s : NULL;
}

static char *opt_dup(const char *s)
{
    return opt(s) != NULL ? xstrdup(s) : NULL;
}

static bool str_same(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* --- Changes ------------------------------------------------------------------------------ */

static bool id_ok(const char *id)
{
    return id != NULL && id[0] != '\0' && text_utf8_valid(id, strlen(id), NULL);
}

/* Records the piece as it is before a change (absent: kind NONE). */
static void push_undo(struct progress *p, const char *guide_id, const char *item,
                      const char *target, const struct progress_evidence *old)
{
    struct progress_evidence *b = xcalloc(1, sizeof *b);
    b->item = xstrdup(item);
    b->target = xstrdup(target);
    b->check.commits = -1;
    if (old != NULL) {
        b->kind = old->kind;
        b->description = opt_dup(old->description);
        b->credential = opt_dup(old->credential);
    }
    struct progress_undo u = {.kind = PROGRESS_UNDO_EVIDENCE,
                              .guide_id = xstrdup(guide_id),
                              .id = xstrdup(item),
                              .evidence = b};
    progress_undo_push(p, &u);
}

enum progress_change progress_evidence_attach(struct progress *p, const char *guide_id,
                                              const char *item_id,
                                              const struct progress_evidence_spec *spec,
                                              int64_t now_ms)
{
    if (!id_ok(guide_id) || !id_ok(item_id) || spec->kind == PROGRESS_EVIDENCE_NONE ||
        (unsigned)spec->kind >= PROGRESS_EVIDENCE_KIND_COUNT ||
        !progress_evidence_text_ok(spec->target, false) || !opt_text_ok(spec->description) ||
        !opt_text_ok(spec->credential)) {
        return PROGRESS_INVALID;
    }
    struct progress_guide *pg = progress_get_guide(p, guide_id);
    const struct progress_evidence *old = progress_evidence_row_find(pg, item_id, spec->target);
    if (old != NULL && old->kind == spec->kind &&
        str_same(old->description, opt(spec->description)) &&
        str_same(old->credential, opt(spec->credential))) {
        return PROGRESS_SAME;
    }
    push_undo(p, guide_id, item_id, spec->target, old);
    struct progress_evidence *e = progress_evidence_row_get(pg, item_id, spec->target);
    progress_evidence_put_attachment(e, spec->kind, spec->description, spec->credential,
                                     progress_change_time(pg, e->changed, now_ms));
    progress_journal_record(pg, PROGRESS_EVENT_EVIDENCE, item_id, PROGRESS_TODO, 0, 0, now_ms);
    p->generation++;
    return PROGRESS_CHANGED;
}

enum progress_change progress_evidence_detach(struct progress *p, const char *guide_id,
                                              const char *item_id, const char *target,
                                              int64_t now_ms)
{
    if (!id_ok(guide_id) || !id_ok(item_id) || target == NULL) {
        return PROGRESS_INVALID;
    }
    struct progress_guide *pg = progress_lookup_guide(p, guide_id);
    struct progress_evidence *e = progress_evidence_row_find(pg, item_id, target);
    if (e == NULL || e->kind == PROGRESS_EVIDENCE_NONE) {
        return PROGRESS_SAME;
    }
    push_undo(p, guide_id, item_id, target, e);
    pg = progress_lookup_guide(p, guide_id);
    e = progress_evidence_row_find(pg, item_id, target);
    progress_evidence_put_attachment(e, PROGRESS_EVIDENCE_NONE, NULL, NULL,
                                     progress_change_time(pg, e->changed, now_ms));
    progress_journal_record(pg, PROGRESS_EVENT_EVIDENCE, item_id, PROGRESS_TODO, 0, 0, now_ms);
    p->generation++;
    return PROGRESS_CHANGED;
}

static bool check_same(const struct progress_check *a, const struct progress_check *b)
{
    return a->when == b->when && a->status == b->status && a->commits == b->commits &&
           a->last_commit == b->last_commit && str_same(a->summary, b->summary) &&
           str_same(a->head, b->head) && str_same(a->remote, b->remote) &&
           str_same(a->readme, b->readme);
}

enum progress_change progress_evidence_set_check(struct progress *p, const char *guide_id,
                                                 const char *item_id, const char *target,
                                                 const struct progress_check *c)
{
    struct progress_evidence *e =
        progress_evidence_row_find(progress_lookup_guide(p, guide_id), item_id, target);
    if (e == NULL || e->kind == PROGRESS_EVIDENCE_NONE) {
        return PROGRESS_SAME;
    }
    if (check_same(&e->check, c)) {
        return PROGRESS_SAME;
    }
    progress_check_copy(&e->check, c);
    p->generation++;
    return PROGRESS_CHANGED;
}

/* --- Reading them ------------------------------------------------------------------------- */

const struct progress_evidence *progress_evidence_find(const struct progress *p,
                                                       const char *guide_id, const char *item_id,
                                                       const char *target)
{
    return progress_evidence_row_find(progress_lookup_guide(p, guide_id), item_id, target);
}

size_t progress_evidence_of(const struct progress *p, const char *guide_id, const char *item_id,
                            const struct progress_evidence **out, size_t max)
{
    const struct progress_guide *pg = progress_lookup_guide(p, guide_id);
    size_t n = 0;
    for (size_t i = 0; i < progress_guide_count_evidence(pg); i++) {
        const struct progress_evidence *e = progress_guide_evidence(pg, i);
        if (e->kind != PROGRESS_EVIDENCE_NONE && strcmp(e->item, item_id) == 0) {
            if (n < max) {
                out[n] = e;
            }
            n++;
        }
    }
    return n;
}

_Static_assert(GUIDE_EVIDENCE_REPO == 1u << PROGRESS_EVIDENCE_REPO &&
                   GUIDE_EVIDENCE_PATH == 1u << PROGRESS_EVIDENCE_PATH &&
                   GUIDE_EVIDENCE_URL == 1u << PROGRESS_EVIDENCE_URL &&
                   GUIDE_EVIDENCE_CREDENTIAL == 1u << PROGRESS_EVIDENCE_CREDENTIAL,
               "a guide's evidence bits follow the kinds");

bool progress_evidence_missing(const struct progress *p, const char *guide_id,
                               const struct guide_action *a)
{
    if (a->evidence == 0 || progress_get_state(p, guide_id, a->id) != PROGRESS_DONE) {
        return false;
    }
    const struct progress_guide *pg = progress_lookup_guide(p, guide_id);
    for (size_t i = 0; i < progress_guide_count_evidence(pg); i++) {
        const struct progress_evidence *e = progress_guide_evidence(pg, i);
        if (strcmp(e->item, a->id) == 0 && (a->evidence & (1u << e->kind)) != 0) {
            return false;
        }
    }
    return true;
}

void progress_evidence_expected_words(unsigned bits, char *buf, size_t size)
{
    static const char *const words[PROGRESS_EVIDENCE_KIND_COUNT] = {
        "", "a file or directory", "a repository", "a link", "a credential"};
    size_t len = 0;
    buf[0] = '\0';
    for (unsigned k = 1; k < PROGRESS_EVIDENCE_KIND_COUNT; k++) {
        if ((bits & (1u << k)) != 0 && len < size) {
            len += (size_t)snprintf(buf + len, size - len, "%s%s", len > 0 ? " or " : "", words[k]);
        }
    }
}

/* --- The dotfile: reading ----------------------------------------------------------------- */

struct ev_reader {
    struct progress *p;
    struct progress_guide *pg;
    const char *file;
    struct diag *d;
    bool strict, damaged, *warned;
};

/* An entry that cannot be understood: a warning, and the entry kept as written under its item
 * (item NULL: pair is the item's whole entry); an error and the entry skipped when strict. */
static void keep_unread(struct ev_reader *r, const struct ydoc_node *item,
                        const struct ydoc_pair *pair, const struct ydoc_node *at, const char *why)
{
    *r->warned = true;
    if (r->strict) {
        diag_add(r->d, DIAG_ERROR, r->file, at->line, at->col, "%s", why);
        r->damaged = true;
        return;
    }
    diag_add(r->d, DIAG_WARNING, r->file, at->line, at->col, "%s; the entry is kept as written",
             why);
    if (item == NULL) { /* the pair is an item's whole entry */
        progress_extra_add(&r->p->arena, &progress_guide_more_get(r->pg)->unread_evidence, pair);
        return;
    }
    struct ydoc_node *map = arena_calloc(&r->p->arena, 1, sizeof *map);
    map->kind = YDOC_MAP;
    map->line = pair->key->line;
    map->col = pair->key->col;
    map->u.map.pairs = arena_calloc(&r->p->arena, 1, sizeof *map->u.map.pairs);
    map->u.map.pairs[0] = *pair;
    map->u.map.n = 1;
    struct ydoc_pair kept = {.key = (struct ydoc_node *)item, .value = map};
    progress_extra_add(&r->p->arena, &progress_guide_more_get(r->pg)->unread_evidence, &kept);
}

/* An optional one-line text key; false (*bad set) when it is there but not one. */
static bool read_text(const struct ydoc_node *v, const char *key, const char **out,
                      const struct ydoc_node **bad)
{
    const struct ydoc_node *n = v->kind == YDOC_MAP ? ydoc_map_get(v, key) : NULL;
    *out = NULL;
    if (n == NULL || ydoc_is_null(n)) {
        return true;
    }
    if (!ydoc_is_scalar(n) || !progress_evidence_text_ok(n->u.scalar.str, true)) {
        *bad = n;
        return false;
    }
    *out = n->u.scalar.str;
    return true;
}

static bool looks_like_url(const char *s)
{
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    return n > 0 && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) &&
           strncmp(s + n, "://", 3) == 0;
}

/* The kind of an entry: its `kind` key, or the entry itself when it is a word ("~/x: repo");
 * without one, a URL or a path by the look of the target. False when it is not a kind. */
static bool read_kind(const struct ydoc_node *v, const char *target,
                      enum progress_evidence_kind *kind, const struct ydoc_node **bad)
{
    const struct ydoc_node *k = v->kind == YDOC_MAP ? ydoc_map_get(v, "kind") : v;
    if (k == NULL || ydoc_is_null(k)) {
        *kind = looks_like_url(target) ? PROGRESS_EVIDENCE_URL : PROGRESS_EVIDENCE_PATH;
        return true;
    }
    if (!ydoc_is_scalar(k) || progress_evidence_kind_parse(k->u.scalar.str, kind) != 0) {
        *bad = k;
        return false;
    }
    return true;
}

static long read_long(const struct ydoc_node *n, bool *ok)
{
    if (n == NULL) {
        return -1;
    }
    if (!ydoc_is_scalar(n)) {
        *ok = false;
        return -1;
    }
    char *end = NULL;
    errno = 0;
    long v = strtol(n->u.scalar.str, &end, 10);
    if (errno != 0 || end == n->u.scalar.str || *end != '\0' || v < 0) {
        *ok = false;
    }
    return v;
}

/* The last check of an entry; false when it is there but cannot be read (it is then dropped). */
static bool read_check(const struct ydoc_node *v, struct progress_check *c)
{
    const struct ydoc_node *when = ydoc_map_get(v, "verified");
    if (when == NULL) {
        return true;
    }
    const struct ydoc_node *st = ydoc_map_get(v, "status");
    const struct ydoc_node *last = ydoc_map_get(v, "last-commit");
    const struct ydoc_node *bad = NULL;
    bool ok = ydoc_is_scalar(when) && progress_parse_time(when->u.scalar.str, &c->when) == 0 &&
              ydoc_is_scalar(st) && progress_check_status_parse(st->u.scalar.str, &c->status) == 0;
    c->commits = read_long(ydoc_map_get(v, "commits"), &ok);
    if (ok && last != NULL) {
        int64_t ms = 0;
        ok = ydoc_is_scalar(last) && progress_parse_time(last->u.scalar.str, &ms) == 0;
        c->last_commit = ms / 1000;
    }
    const char *summary = NULL, *head = NULL, *remote = NULL, *readme = NULL;
    ok = ok && read_text(v, "summary", &summary, &bad) && read_text(v, "head", &head, &bad) &&
         read_text(v, "remote", &remote, &bad) && read_text(v, "readme", &readme, &bad);
    if (!ok) {
        return false;
    }
    c->summary = opt_dup(summary);
    c->head = opt_dup(head);
    c->remote = opt_dup(remote);
    c->readme = opt_dup(readme);
    return true;
}

static void read_piece(struct ev_reader *r, const struct ydoc_node *item,
                       const struct ydoc_pair *pair)
{
    const char *target = pair->key->u.scalar.str;
    const struct ydoc_node *v = pair->value;
    const struct ydoc_node *bad = NULL;
    enum progress_evidence_kind kind;
    const char *desc = NULL, *cred = NULL;
    int64_t t;
    if (!progress_evidence_text_ok(target, false)) {
        keep_unread(r, item, pair, pair->key, "a piece of evidence without a target");
    } else if (!read_kind(v, target, &kind, &bad)) {
        keep_unread(r, item, pair, bad,
                    "a piece of evidence's kind is not one of none, path, repo, url, credential");
    } else if (!read_text(v, "description", &desc, &bad) ||
               !read_text(v, "credential", &cred, &bad)) {
        keep_unread(r, item, pair, bad, "a piece of evidence's text is not one line of text");
    } else if (!progress_read_changed(r->pg, v, &t, &bad)) {
        keep_unread(r, item, pair, bad,
                    "changed is not a date (YYYY-MM-DD) or an ISO 8601 UTC time");
    } else if (progress_evidence_row_find(r->pg, item->u.scalar.str, target) == NULL) {
        struct progress_evidence *e = progress_evidence_row_get(r->pg, item->u.scalar.str, target);
        progress_evidence_put_attachment(e, kind, desc, cred, t);
        if (kind != PROGRESS_EVIDENCE_NONE && v->kind == YDOC_MAP && !read_check(v, &e->check)) {
            progress_check_clear(&e->check);
            *r->warned = true;
            diag_add(r->d, DIAG_WARNING, r->file, v->line, v->col,
                     "the last check of a piece of evidence cannot be read; it is not used");
        }
    }
}

bool progress_evidence_read(struct progress *p, struct progress_guide *pg, const char *file,
                            const struct ydoc_node *v, bool strict, struct diag *d, bool *warned)
{
    struct ev_reader r = {
        .p = p, .pg = pg, .file = file, .d = d, .strict = strict, .warned = warned};
    if (ydoc_is_null(v)) {
        return true;
    }
    if (v->kind != YDOC_MAP) {
        diag_add(d, DIAG_ERROR, file, v->line, v->col, "evidence is not a mapping");
        return false;
    }
    for (size_t i = 0; i < v->u.map.n; i++) {
        const struct ydoc_pair *ip = &v->u.map.pairs[i];
        if (ydoc_is_null(ip->value)) {
            continue;
        }
        if (ip->key->u.scalar.len == 0 || ip->value->kind != YDOC_MAP) {
            keep_unread(&r, NULL, ip, ip->value, "an item's evidence is not a mapping of targets");
            continue;
        }
        for (size_t k = 0; k < ip->value->u.map.n; k++) {
            read_piece(&r, ip->key, &ip->value->u.map.pairs[k]);
        }
    }
    return !r.damaged;
}

/* --- The dotfile: writing ----------------------------------------------------------------- */

/* A mapping being built: pairs on the heap, then moved into the arena. */
struct builder {
    struct ydoc_pair *pairs;
    size_t n, cap;
};

static void add_pair(struct builder *b, struct ydoc_node *key, struct ydoc_node *value)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 8;
        b->pairs = xreallocarray(b->pairs, b->cap, sizeof *b->pairs);
    }
    b->pairs[b->n++] = (struct ydoc_pair){.key = key, .value = value};
}

static struct ydoc_node *finish(struct arena *a, struct builder *b)
{
    struct ydoc_node *map = arena_calloc(a, 1, sizeof *map);
    map->kind = YDOC_MAP;
    map->u.map.pairs = arena_calloc(a, b->n ? b->n : 1, sizeof *map->u.map.pairs);
    if (b->n > 0) {
        memcpy(map->u.map.pairs, b->pairs, b->n * sizeof *b->pairs);
    }
    map->u.map.n = (uint32_t)b->n;
    free(b->pairs);
    memset(b, 0, sizeof *b);
    return map;
}

/* Whether another YAML reader would take s, written plain, for something else than a string. */
static bool needs_quotes(const char *s)
{
    static const char *const words[] = {"", "~", "null", "true", "false", "yes", "no", "on", "off"};
    return progress_name_find(s, words, 0, sizeof words / sizeof words[0]) >= 0 ||
           strchr("0123456789+-.", s[0]) != NULL;
}

static struct ydoc_node *text_node(struct arena *a, const char *s, bool number)
{
    struct ydoc_node *n = arena_calloc(a, 1, sizeof *n);
    n->kind = YDOC_SCALAR;
    n->u.scalar.len = (uint32_t)strlen(s);
    n->u.scalar.str = arena_strndup(a, s, n->u.scalar.len);
    n->u.scalar.plain = number || !needs_quotes(s);
    return n;
}

static void add_text(struct arena *a, struct builder *b, const char *key, const char *value)
{
    if (value != NULL) {
        add_pair(b, text_node(a, key, false), text_node(a, value, false));
    }
}

static void add_time(struct arena *a, struct builder *b, const char *key, int64_t ms)
{
    char when[PROGRESS_TIME_SIZE];
    progress_format_time(ms, when, sizeof when);
    add_pair(b, text_node(a, key, false), text_node(a, when, true));
}

static struct ydoc_node *piece_node(struct arena *a, const struct progress_evidence *e)
{
    struct builder b = {0};
    add_text(a, &b, "kind", progress_evidence_kind_name(e->kind));
    add_text(a, &b, "description", e->description);
    add_text(a, &b, "credential", e->credential);
    add_time(a, &b, "changed", e->changed);
    const struct progress_check *c = &e->check;
    if (e->kind != PROGRESS_EVIDENCE_NONE && c->when > 0) {
        add_time(a, &b, "verified", c->when);
        add_text(a, &b, "status", progress_check_status_name(c->status));
        add_text(a, &b, "summary", c->summary);
        if (c->commits >= 0) {
            char n[24];
            snprintf(n, sizeof n, "%ld", c->commits);
            add_pair(&b, text_node(a, "commits", false), text_node(a, n, true));
        }
        if (c->last_commit > 0) {
            add_time(a, &b, "last-commit", c->last_commit * 1000);
        }
        add_text(a, &b, "head", c->head);
        add_text(a, &b, "remote", c->remote);
        add_text(a, &b, "readme", c->readme);
    }
    return finish(a, &b);
}

struct group {
    const char *item;
    struct ydoc_node *key; /* the item's key node */
    struct builder b;
    const struct ydoc_pair *raw; /* an unread entry that is not a mapping */
};

static size_t group_of(struct arena *a, struct idtable *index, struct group **groups, size_t *n,
                       const char *item)
{
    size_t g = idtable_find(index, item);
    if (g != IDTABLE_NONE) {
        return g;
    }
    *groups = xreallocarray(*groups, *n + 1, sizeof **groups);
    (*groups)[*n] = (struct group){.item = item, .key = text_node(a, item, false)};
    idtable_put(index, item, *n);
    return (*n)++;
}

/* The unread entries go under their item, unless a piece of the same target replaced them. */
static void add_unread(struct arena *a, const struct progress_guide *pg, struct idtable *index,
                       struct group **groups, size_t *n)
{
    for (size_t i = 0; i < progress_guide_more(pg)->unread_evidence.n; i++) {
        const struct ydoc_pair *u = &progress_guide_more(pg)->unread_evidence.pairs[i];
        const char *item = u->key->u.scalar.str;
        size_t at = group_of(a, index, groups, n, item); /* may move the groups */
        if (*groups == NULL) {
            continue; /* cannot be: group_of() found or made the group; says so to the analyzer */
        }
        struct group *g = &(*groups)[at];
        if (u->value->kind != YDOC_MAP) {
            g->raw = g->raw != NULL ? g->raw : u;
            continue;
        }
        for (size_t k = 0; k < u->value->u.map.n; k++) {
            const struct ydoc_pair *pp = &u->value->u.map.pairs[k];
            if (progress_evidence_row_find(pg, item, pp->key->u.scalar.str) == NULL) {
                add_pair(&g->b, pp->key, pp->value);
            }
        }
    }
}

const struct ydoc_node *progress_evidence_tree(struct arena *a, const struct progress_guide *pg)
{
    if (progress_guide_more(pg)->evidence.n == 0 &&
        progress_guide_more(pg)->unread_evidence.n == 0) {
        return NULL;
    }
    struct idtable index = {0};
    struct group *groups = NULL;
    size_t n = 0;
    const struct progress_evidence *rows = progress_guide_more(pg)->evidence.rows;
    for (size_t i = 0; i < progress_guide_more(pg)->evidence.n; i++) {
        size_t g = group_of(a, &index, &groups, &n, rows[i].item);
        add_pair(&groups[g].b, text_node(a, rows[i].target, false), piece_node(a, &rows[i]));
    }
    add_unread(a, pg, &index, &groups, &n);
    struct builder top = {0};
    for (size_t g = 0; g < n; g++) {
        if (groups[g].b.n == 0 && groups[g].raw != NULL) {
            add_pair(&top, groups[g].raw->key, groups[g].raw->value);
            free(groups[g].b.pairs);
        } else if (groups[g].b.n > 0) {
            add_pair(&top, groups[g].key, finish(a, &groups[g].b));
        }
    }
    free(groups);
    idtable_free(&index);
    return finish(a, &top);
}
