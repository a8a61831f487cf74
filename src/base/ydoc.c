/* SPDX-License-Identifier: MIT */
/* YAML to a located tree, through libyaml's event API.
 *
 * libyaml 0.2.5 has no nesting limit and resolves aliases for document-API users, so the tree
 * is built here from events with our own bounds: the input is validated as UTF-8 first (for a
 * located message instead of libyaml's offset-only reader error), then each event is checked
 * against the limits in ydoc.h before anything is allocated for it. Collections gather their
 * children on one scratch stack and are copied into the arena when they close, so the arena
 * never reallocates. Scalar lengths come from the event (a "\0" escape would hide text from
 * strlen), and a scalar holding NUL is rejected. */
#include "ydoc.h"

#include <errno.h>
#include <stdalign.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "idtable.h"
#include "text.h"
#include "xalloc.h"
#include "ydoc_fast.h"

/* A bound on nodes (24 bytes each, plus their strings) so a pathological 64 MiB file of "[],"
 * cannot take gigabytes; a 50 MB guide of prose needs about a million. */
#define YDOC_MAX_NODES (4u * 1024u * 1024u)

struct frame {
    struct ydoc_node *node;
    size_t first; /* index of the first child on the scratch stack */
};

struct builder {
    struct ydoc *doc;
    struct diag *d;
    struct frame frames[YDOC_MAX_DEPTH + 1];
    size_t depth;
    struct ydoc_node **stack; /* children of open collections */
    size_t top, cap;
    size_t nodes;
    unsigned documents;
    const char *const *head; /* ydoc_load_file_head(): stop once the root has these keys */
};

const char *ydoc_kind_name(enum ydoc_kind kind)
{
    switch (kind) {
    case YDOC_SCALAR:
        return "a string";
    case YDOC_SEQ:
        return "a list";
    case YDOC_MAP:
        return "a mapping";
    }
    return "a node";
}

static void error_at(struct builder *b, const yaml_mark_t *m, const char *what)
{
    diag_add(b->d, DIAG_ERROR, b->doc->file, (unsigned)m->line + 1, (unsigned)m->column + 1, "%s",
             what);
}

/* Line and column (1-based, column in characters as libyaml counts) of byte offset off. */
static void locate_offset(const char *buf, size_t off, unsigned *line, unsigned *col)
{
    unsigned l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (buf[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)buf[i] & 0xc0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

static void push_child(struct builder *b, struct ydoc_node *n)
{
    if (b->top == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->stack = xreallocarray(b->stack, b->cap, sizeof *b->stack);
    }
    b->stack[b->top++] = n;
}

#define YDOC_MAX_COL 0xffffffu

_Static_assert(sizeof(void *) > 8 || sizeof(struct ydoc_node) <= 24,
               "a node stays at 24 bytes on 64-bit targets");

static struct ydoc_node *new_node(struct builder *b, enum ydoc_kind kind, const yaml_mark_t *m)
{
    struct ydoc_node *n = arena_alloc_align(&b->doc->arena, sizeof *n, alignof(struct ydoc_node));
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->line = (unsigned)m->line + 1;
    n->col = m->column + 1 < YDOC_MAX_COL ? (unsigned)m->column + 1 : YDOC_MAX_COL;
    return n;
}

/* Attaches a finished node to the open collection, or makes it the root. */
static void attach(struct builder *b, struct ydoc_node *n)
{
    if (b->depth == 0) {
        b->doc->root = n;
    } else {
        push_child(b, n);
    }
}

static int check_node(struct builder *b, const yaml_event_t *ev, const yaml_char_t *anchor,
                      const yaml_char_t *tag, int implicit)
{
    if (anchor != NULL) {
        error_at(b, &ev->start_mark, "anchors and aliases are not supported");
        return -1;
    }
    if (tag != NULL && !implicit) {
        error_at(b, &ev->start_mark, "tags are not supported");
        return -1;
    }
    if (++b->nodes > YDOC_MAX_NODES) {
        error_at(b, &ev->start_mark, "too many nodes (the limit is 4194304)");
        return -1;
    }
    return 0;
}

static int on_scalar(struct builder *b, const yaml_event_t *ev)
{
    const yaml_char_t *tag = ev->data.scalar.tag;
    int implicit = ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit;
    if (check_node(b, ev, ev->data.scalar.anchor, tag, implicit) < 0) {
        return -1;
    }
    size_t len = ev->data.scalar.length;
    const char *val = (const char *)ev->data.scalar.value;
    if (len > YDOC_MAX_SCALAR) {
        error_at(b, &ev->start_mark, "text longer than 65536 bytes");
        return -1;
    }
    if (memchr(val, '\0', len) != NULL) {
        error_at(b, &ev->start_mark, "text contains a NUL character");
        return -1;
    }
    struct ydoc_node *n = new_node(b, YDOC_SCALAR, &ev->start_mark);
    n->u.scalar.str = arena_strndup(&b->doc->arena, val, len);
    n->u.scalar.len = (uint32_t)len;
    n->u.scalar.plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    attach(b, n);
    return 0;
}

static int on_open(struct builder *b, const yaml_event_t *ev, enum ydoc_kind kind)
{
    const yaml_char_t *anchor, *tag;
    int implicit;
    if (kind == YDOC_SEQ) {
        anchor = ev->data.sequence_start.anchor;
        tag = ev->data.sequence_start.tag;
        implicit = ev->data.sequence_start.implicit;
    } else {
        anchor = ev->data.mapping_start.anchor;
        tag = ev->data.mapping_start.tag;
        implicit = ev->data.mapping_start.implicit;
    }
    if (check_node(b, ev, anchor, tag, implicit) < 0) {
        return -1;
    }
    if (b->depth >= YDOC_MAX_DEPTH) {
        error_at(b, &ev->start_mark, "nested deeper than 64 levels");
        return -1;
    }
    struct frame *f = &b->frames[b->depth++];
    f->node = new_node(b, kind, &ev->start_mark);
    f->first = b->top;
    return 0;
}

/* At most 64 bytes of a key for a message, cut at a character boundary (the message is
 * sanitised as a whole when added). */
static const char *quote_key(const struct ydoc_node *k, char *buf, size_t size)
{
    size_t n = k->u.scalar.len < 64 ? k->u.scalar.len : 64;
    while (n > 0 && n < k->u.scalar.len && ((unsigned char)k->u.scalar.str[n] & 0xc0) == 0x80) {
        n--;
    }
    snprintf(buf, size, "%.*s%s", (int)n, k->u.scalar.str, n < k->u.scalar.len ? "..." : "");
    return buf;
}

static bool same_key(const struct ydoc_node *x, const struct ydoc_node *y)
{
    return x->u.scalar.len == y->u.scalar.len &&
           memcmp(x->u.scalar.str, y->u.scalar.str, x->u.scalar.len) == 0;
}

/* Reports the first key (in file order) that repeats an earlier one. */
static int check_small_map(struct builder *b, const struct ydoc_node *map)
{
    const struct ydoc_pair *p = map->u.map.pairs;
    for (size_t i = 1; i < map->u.map.n; i++) {
        for (size_t j = 0; j < i; j++) {
            if (same_key(p[j].key, p[i].key)) {
                char q[80];
                diag_add(b->d, DIAG_ERROR, b->doc->file, p[i].key->line, p[i].key->col,
                         "duplicate key '%s' (first at line %u)", quote_key(p[i].key, q, sizeof q),
                         p[j].key->line);
                return -1;
            }
        }
    }
    return 0;
}

#define YDOC_AHEAD 8 /* keys whose slots are fetched ahead */

/* Keys must be scalars and unique. A large mapping's keys go through an id table sized for
 * them, so that checking stays linear (a progress file's guides are one mapping of many keys). */
static int check_map(struct builder *b, struct ydoc_node *map)
{
    size_t n = map->u.map.n;
    const struct ydoc_pair *p = map->u.map.pairs;
    for (size_t i = 0; i < n; i++) {
        struct ydoc_node *k = p[i].key;
        if (k->kind != YDOC_SCALAR) {
            diag_add(b->d, DIAG_ERROR, b->doc->file, k->line, k->col,
                     "a mapping key must be a string, not %s", ydoc_kind_name(k->kind));
            return -1;
        }
    }
    if (n < 2) {
        return 0;
    }
    if (n <= 8) { /* the usual entry: compare pairs directly, no table */
        return check_small_map(b, map);
    }
    /* Scalars hold no NUL (on_scalar()), so the table's string compare sees whole keys. The
     * slots of the keys a few pairs ahead are fetched into the cache meanwhile: in a table
     * larger than the cache each key's slot is a miss otherwise. */
    struct idtable seen = {0};
    idtable_reserve(&seen, n);
    uint32_t keys[YDOC_AHEAD];
    for (size_t i = 0; i < n && i < YDOC_AHEAD; i++) {
        keys[i] = idtable_key(p[i].key->u.scalar.str, p[i].key->u.scalar.len);
        idtable_prefetch(&seen, keys[i]);
    }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const struct ydoc_node *k = p[i].key;
        uint32_t key = keys[i % YDOC_AHEAD];
        if (i + YDOC_AHEAD < n) {
            const struct ydoc_node *next = p[i + YDOC_AHEAD].key;
            keys[i % YDOC_AHEAD] = idtable_key(next->u.scalar.str, next->u.scalar.len);
            idtable_prefetch(&seen, keys[i % YDOC_AHEAD]);
        }
        size_t j = idtable_add_key(&seen, k->u.scalar.str, key, i);
        if (j != IDTABLE_NONE) {
            char q[80];
            diag_add(b->d, DIAG_ERROR, b->doc->file, k->line, k->col,
                     "duplicate key '%s' (first at line %u)", quote_key(k, q, sizeof q),
                     p[j].key->line);
            rc = -1;
        }
    }
    idtable_free(&seen);
    return rc;
}

static int on_close(struct builder *b, const yaml_event_t *ev)
{
    if (b->depth == 0) { /* libyaml pairs every end with a start; never trust it blindly */
        error_at(b, &ev->start_mark, "unbalanced end of a collection");
        return -1;
    }
    struct frame *f = &b->frames[--b->depth];
    struct ydoc_node *n = f->node;
    size_t count = b->top - f->first;
    struct ydoc_node **kids = count > 0 ? b->stack + f->first : NULL;
    if (n->kind == YDOC_SEQ) {
        n->u.seq.n = (uint32_t)count;
        n->u.seq.items = arena_alloc_align(&b->doc->arena, count * sizeof *kids, alignof(void *));
        if (count > 0) {
            memcpy(n->u.seq.items, kids, count * sizeof *kids);
        }
    } else {
        n->u.map.n = (uint32_t)(count / 2); /* libyaml always pairs keys with values */
        n->u.map.pairs = arena_alloc_align(&b->doc->arena, n->u.map.n * sizeof *n->u.map.pairs,
                                           alignof(struct ydoc_pair));
        for (size_t i = 0; kids != NULL && i < n->u.map.n; i++) {
            n->u.map.pairs[i].key = kids[2 * i];
            n->u.map.pairs[i].value = kids[2 * i + 1];
        }
    }
    b->top = f->first;
    if (n->kind == YDOC_MAP && check_map(b, n) < 0) {
        return -1;
    }
    attach(b, n);
    return 0;
}

static int on_event(struct builder *b, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++b->documents > 1) {
            error_at(b, &ev->start_mark, "only one YAML document is allowed in a file");
            return -1;
        }
        return 0;
    case YAML_ALIAS_EVENT:
        error_at(b, &ev->start_mark, "anchors and aliases are not supported");
        return -1;
    case YAML_SCALAR_EVENT:
        return on_scalar(b, ev);
    case YAML_SEQUENCE_START_EVENT:
        return on_open(b, ev, YDOC_SEQ);
    case YAML_MAPPING_START_EVENT:
        return on_open(b, ev, YDOC_MAP);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return on_close(b, ev);
    default:
        return 0;
    }
}

static void parser_error(struct builder *b, const yaml_parser_t *p, const char *buf, size_t len)
{
    const char *problem = p->problem != NULL ? p->problem : "invalid YAML";
    const yaml_mark_t *m = &p->problem_mark;
    if (p->error == YAML_MEMORY_ERROR) {
        diag_add(b->d, DIAG_ERROR, b->doc->file, 0, 0, "out of memory while parsing");
    } else if (p->error == YAML_READER_ERROR) {
        /* libyaml validates UTF-8 as it reads (overlong forms and surrogates included), so the
         * input is checked again only here, on the error path, for our located message. */
        unsigned line, col;
        size_t bad;
        if (!text_utf8_valid(buf, len, &bad)) {
            locate_offset(buf, bad, &line, &col);
            diag_add(b->d, DIAG_ERROR, b->doc->file, line, col,
                     "invalid UTF-8 (byte 0x%02x); files must be UTF-8", (unsigned char)buf[bad]);
            return;
        }
        locate_offset(buf, p->problem_offset < len ? p->problem_offset : len, &line, &col);
        diag_add(b->d, DIAG_ERROR, b->doc->file, line, col, "%s", problem);
    } else if (p->context != NULL) {
        diag_add(b->d, DIAG_ERROR, b->doc->file, (unsigned)m->line + 1, (unsigned)m->column + 1,
                 "%s %s that starts on line %zu", problem, p->context, p->context_mark.line + 1);
    } else {
        diag_add(b->d, DIAG_ERROR, b->doc->file, (unsigned)m->line + 1, (unsigned)m->column + 1,
                 "%s", problem);
    }
}

/* Where libyaml reads from: a whole buffer, or a file streamed in chunks so that a large
 * file is never held in memory beside its tree. */
struct source {
    const char *buf; /* the whole input, or NULL when streaming fd */
    size_t len;
    int fd;
    size_t total; /* bytes streamed so far */
    int read_errno;
    bool too_big;
};

static int source_read(void *data, unsigned char *out, size_t size, size_t *got)
{
    struct source *src = data;
    for (;;) {
        ssize_t n = read(src->fd, out, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            src->read_errno = errno;
            return 0;
        }
        src->total += (size_t)n;
        if (src->total > YDOC_MAX_FILE_SIZE) {
            src->too_big = true;
            return 0;
        }
        *got = (size_t)n;
        return 1;
    }
}

/* Reports a parser error. A reader error on a streamed file re-reads the file to locate it:
 * only the error path pays for that. */
static void report_parser_error(struct builder *b, const yaml_parser_t *p, struct source *src)
{
    if (src->buf != NULL || p->error != YAML_READER_ERROR) {
        parser_error(b, p, src->buf, src->len);
        return;
    }
    if (src->read_errno != 0) {
        diag_add(b->d, DIAG_ERROR, b->doc->file, 0, 0, "cannot read: %s",
                 strerror(src->read_errno));
        return;
    }
    if (src->too_big) {
        diag_add(b->d, DIAG_ERROR, b->doc->file, 0, 0, "file larger than 64 MiB");
        return;
    }
    size_t len = 0;
    char *buf = NULL;
    if (lseek(src->fd, 0, SEEK_SET) == 0) {
        buf = ydoc_read_fd(src->fd, src->total, &len);
    }
    parser_error(b, p, buf != NULL ? buf : "", buf != NULL ? len : 0);
    free(buf);
}

/* For ydoc_load_file_head(): true when the root mapping is open with no pair half read and
 * holds a value for every key of b->head. */
static bool head_complete(const struct builder *b)
{
    if (b->depth != 1 || b->frames[0].node->kind != YDOC_MAP ||
        (b->top - b->frames[0].first) % 2 != 0) {
        return false;
    }
    for (const char *const *k = b->head; *k != NULL; k++) {
        bool found = false;
        for (size_t i = b->frames[0].first; !found && i < b->top; i += 2) {
            found = b->stack[i]->kind == YDOC_SCALAR && strcmp(b->stack[i]->u.scalar.str, *k) == 0;
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

static struct ydoc *parse_source(const char *file, struct source *src, const char *const *head,
                                 struct diag *d)
{
    struct ydoc *doc = xcalloc(1, sizeof *doc);
    doc->file = xstrdup(file);
    struct builder b = {.doc = doc, .d = d, .head = head};
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory while parsing");
        ydoc_free(doc);
        return NULL;
    }
    if (src->buf != NULL) {
        yaml_parser_set_input_string(&parser, (const unsigned char *)src->buf, src->len);
    } else {
        yaml_parser_set_input(&parser, source_read, src);
    }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    int rc = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            report_parser_error(&b, &parser, src);
            rc = -1;
            break;
        }
        int done = ev.type == YAML_STREAM_END_EVENT;
        if (on_event(&b, &ev) < 0) {
            rc = -1;
        }
        if (rc == 0 && head != NULL && head_complete(&b)) {
            rc = on_close(&b, &ev); /* the root with the pairs read so far */
            done = 1;
        }
        yaml_event_delete(&ev);
        if (done || rc < 0) {
            break;
        }
    }
    yaml_parser_delete(&parser);
    free(b.stack);
    if (rc < 0) {
        ydoc_free(doc);
        return NULL;
    }
    return doc;
}

static int fast_event(void *b, const yaml_event_t *ev)
{
    return on_event(b, ev);
}

/* The document through ydoc_fast_read(): NULL when it gave up, or when the tree it gave has
 * something wrong (libyaml then reads the text again and reports it). */
static struct ydoc *parse_fast(const char *file, const char *buf, size_t len)
{
    struct ydoc *doc = xcalloc(1, sizeof *doc);
    doc->file = xstrdup(file);
    struct diag quiet = {0};
    struct builder b = {.doc = doc, .d = &quiet, .documents = 1};
    int rc = ydoc_fast_read(buf, len, fast_event, &b);
    bool ok = rc == 1 && b.depth == 0 && quiet.errors == 0 && quiet.n == 0;
    free(b.stack);
    diag_free(&quiet);
    if (!ok) {
        ydoc_free(doc);
        return NULL;
    }
    return doc;
}

static struct ydoc *parse_buffer(const char *file, const char *buf, size_t len,
                                 enum ydoc_reader reader, struct diag *d)
{
    if (len > YDOC_MAX_FILE_SIZE) {
        diag_add(d, DIAG_ERROR, file, 0, 0, "file larger than 64 MiB");
        return NULL;
    }
    if (buf == NULL) {
        buf = "";
    }
    if (reader != YDOC_READ_LIBYAML) {
        struct ydoc *doc = parse_fast(file, buf, len);
        if (doc != NULL || reader == YDOC_READ_FAST) {
            return doc;
        }
    }
    struct source src = {.buf = buf, .len = len, .fd = -1};
    return parse_source(file, &src, NULL, d);
}

struct ydoc *ydoc_parse(const char *file, const char *buf, size_t len, struct diag *d)
{
    return parse_buffer(file, buf, len, YDOC_READ_ANY, d);
}

struct ydoc *ydoc_parse_with(enum ydoc_reader reader, const char *file, const char *buf, size_t len,
                             struct diag *d)
{
    return parse_buffer(file, buf, len, reader, d);
}

char *ydoc_read_fd(int fd, size_t hint, size_t *len)
{
    size_t cap = hint + 1, n = 0;
    char *buf = xmalloc_large(cap); /* a large file is read whole: huge pages fill faster */
    for (;;) {
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r < 0) {
            free(buf);
            return NULL;
        }
        if (r == 0) {
            break;
        }
        n += (size_t)r;
        if (n == cap) {
            if (cap > YDOC_MAX_FILE_SIZE) {
                break;
            }
            cap *= 2;
            buf = xreallocarray(buf, cap, 1);
        }
    }
    *len = n;
    return buf;
}

int ydoc_open_file(const char *path, size_t *size, struct diag *d)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "not a regular file");
        close(fd);
        return -1;
    }
    if ((unsigned long long)st.st_size > YDOC_MAX_FILE_SIZE) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "file larger than 64 MiB");
        close(fd);
        return -1;
    }
    if (size != NULL) {
        *size = (size_t)st.st_size;
    }
    return fd;
}

static struct ydoc *load_file(const char *path, const char *const *head, struct diag *d)
{
    int fd = ydoc_open_file(path, NULL, d);
    if (fd < 0) {
        return NULL;
    }
    struct source src = {.fd = fd};
    struct ydoc *doc = parse_source(path, &src, head, d);
    close(fd);
    return doc;
}

struct ydoc *ydoc_load_file(const char *path, struct diag *d)
{
    return load_file(path, NULL, d);
}

struct ydoc *ydoc_load_file_head(const char *path, const char *const *keys, struct diag *d)
{
    return load_file(path, keys, d);
}

void ydoc_free(struct ydoc *doc)
{
    if (doc == NULL) {
        return;
    }
    arena_free(&doc->arena);
    free(doc->file);
    free(doc);
}

bool ydoc_is_scalar(const struct ydoc_node *n)
{
    return n != NULL && n->kind == YDOC_SCALAR;
}

bool ydoc_is_null(const struct ydoc_node *n)
{
    if (n == NULL || n->kind != YDOC_SCALAR || !n->u.scalar.plain) {
        return false;
    }
    const char *s = n->u.scalar.str;
    return n->u.scalar.len == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
           strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

struct ydoc_node *ydoc_map_get(const struct ydoc_node *map, const char *key)
{
    if (map == NULL || map->kind != YDOC_MAP) {
        return NULL;
    }
    size_t klen = strlen(key);
    for (size_t i = 0; i < map->u.map.n; i++) {
        const struct ydoc_node *k = map->u.map.pairs[i].key;
        if (k->kind == YDOC_SCALAR && k->u.scalar.len == klen &&
            memcmp(k->u.scalar.str, key, klen) == 0) {
            return map->u.map.pairs[i].value;
        }
    }
    return NULL;
}
