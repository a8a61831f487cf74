/* SPDX-License-Identifier: MIT */
/* The Markdown plan loader: a CommonMark file with GitHub task lists, parsed by md4c, to
 * struct guide (the mapping is documented in docs/content-format.md).
 *
 * md4c is loaded with dlopen() on the first plan a run parses, and kept, so a YAML guide starts
 * without it and a plan loads it once. An unchanged plan's first screen (its title and
 * introduction) comes from its compiled copy (guide_cache.h), without md4c.
 * Its callbacks drive a small builder: the first H1 is the title and the text after it the
 * introduction; every other heading starts a section (a phase), nested under the open headings
 * of lower level; list items are collected per section, each with the item it is nested in,
 * and when the section ends its task items become its actions (or, in a section without task
 * items, its plain list items); everything else is the section's description. Sections are
 * phases in document order, each with the depth of its heading in the outline, and sub-actions
 * follow their parent with a greater depth.
 *
 * Ids come from the text, not the position: a section's id is its parent's id and the slug of
 * its heading, an action's id its section's id and the slug of its text, so that progress stays
 * with an item when others are added around it. Duplicates get "-2", "-3", ... Raw HTML is
 * dropped and entities decoded; the text is otherwise kept as written (never sanitised here,
 * as in the YAML loader). Positions are computed from md4c's pointers into the input, one
 * forward scan for the whole file. */
#define _GNU_SOURCE /* RTLD_* with _XOPEN_SOURCE set by the build */
#include "guide_md.h"

#include <dlfcn.h>
#include <errno.h>
#include <md4c.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guide_cache.h"
#include "idtable.h"
#include "search.h"
#include "text.h"
#include "xalloc.h"
#include "ydoc.h"

#define SLUG_SECTION 24 /* bytes of a heading's slug in an id */
#define SLUG_ITEM    31 /* bytes of an item's slug in an id */
#define ID_SECTION   96 /* a section id longer than this starts again from a hash */
/* About one id per this many bytes of a plan, for sizing the table of ids once: a list of short
 * items is shorter, a plan that is mostly prose much longer. */
#define ID_BYTES 64

typedef int (*md_parse_fn)(const MD_CHAR *, MD_SIZE, const MD_PARSER *, void *);

/* For what a callback does now and then, kept out of the callbacks md4c makes for every piece of
 * text and every span: their common path then needs no stack frame of any size. */
#define RARE __attribute__((noinline))

/* A growing byte string. */
struct buf {
    char *s;
    size_t len, cap;
    bool brk; /* a block ended: the next text starts a new paragraph */
};

/* The folds of the characters past ASCII met lately, for slugs: a plan repeats a few accented
 * letters, symbols or ideographs many times, and folding one looks it up in a table. Indexed by
 * a hash of the character's bytes. */
#define SLUG_MEMO_BITS 6
#define SLUG_MEMO      (1u << SLUG_MEMO_BITS)
struct slug_memo {
    uint32_t key[SLUG_MEMO]; /* the character's bytes, 0: an empty entry */
    unsigned char len[SLUG_MEMO];
    char fold[SLUG_MEMO][SEARCH_FOLD_MAX];
};

/* One list item of the current section. */
struct rec {
    struct buf text;
    size_t parent; /* index of the item it is nested in; SIZE_MAX at the top */
    bool task, ticked;
    unsigned line;
    const char *link; /* its first link, in the guide's arena */
};

struct builder {
    struct guide *g;
    struct diag *d;
    const char *file;
    const char *input;
    size_t size;
    size_t errors;
    struct idtable ids; /* every id given so far: each is unique in the guide */
    /* the forward scan behind positions */
    size_t pos_off;
    size_t pos_line_start;
    unsigned pos_line;
    /* the outline */
    unsigned levels[7]; /* heading level of each open section, by depth */
    size_t phase_at[7]; /* and its phase */
    size_t open;        /* open sections */
    struct buf heading;
    unsigned heading_level;
    unsigned quote;          /* open block quotes */
    unsigned inline_heading; /* inside a heading that is part of a list item or a quote */
    unsigned skip_html;      /* inside an HTML block */
    struct buf intro;
    struct buf sec_desc; /* the current section's description */
    struct buf *desc;    /* where text outside list items goes: intro or sec_desc */
    /* the phases so far; the last one is the current section when cur_phase */
    struct guide_phase *phases;
    size_t n_phases, cap_phases;
    /* the current section's list items */
    struct rec *recs;
    size_t n_recs, cap_recs;
    size_t made_recs; /* records whose text buffer is set up (kept across sections) */
    uint32_t *keys;   /* the table keys of the section's action ids (close_section()) */
    size_t cap_keys;
    size_t *li; /* the open list items (record index; SIZE_MAX past the depth limit) */
    size_t n_li, cap_li;
    size_t rec;        /* the innermost open list item with a record (cur_rec()), or SIZE_MAX */
    struct buf link;   /* the href of the link being read */
    size_t link_start; /* where its text starts in the buffer it goes to */
    bool have_title;
    bool in_title;
    bool in_heading;
    bool cur_phase;
    bool in_link;
    bool info_only;  /* the title and introduction only: stop at the first section */
    bool check_only; /* GUIDE_LOAD_CHECK: no texts of items, links or descriptions kept */
    bool stop;
    struct slug_memo memo;
};

/* ---- Small helpers ---- */

static void buf_add_slow(struct buf *b, const char *s, size_t n);

/* Appends the n bytes at s: most often where there is room and no paragraph break is due. */
static inline void buf_add(struct buf *b, const char *s, size_t n)
{
    if (!b->brk && b->len + n < b->cap) {
        memcpy(b->s + b->len, s, n);
        b->len += n;
        b->s[b->len] = '\0';
    } else {
        buf_add_slow(b, s, n);
    }
}

static void buf_add_slow(struct buf *b, const char *s, size_t n)
{
    if (n == 0) {
        return;
    }
    if (b->brk && b->len > 0) {
        b->brk = false;
        buf_add(b, "\n\n", 2);
    }
    b->brk = false;
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = xreallocarray(b->s, b->cap, 1);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* Sets the buffer to the n bytes at s. */
static void buf_set(struct buf *b, const char *s, size_t n)
{
    if (n + 1 > b->cap) {
        b->cap = (n + 1) * 2;
        b->s = xreallocarray(b->s, b->cap, 1);
    }
    if (n > 0) {
        memcpy(b->s, s, n);
    }
    b->s[n] = '\0';
    b->len = n, b->brk = false;
}

static void buf_free(struct buf *b)
{
    free(b->s);
    *b = (struct buf){0};
}

/* The buffer's text with surrounding white space trimmed, in the guide's arena; NULL when
 * nothing is left. */
static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The buffer's text without the white space around it: its start, and its length (0 when
 * nothing is left). */
static char *buf_trim(const struct buf *b, size_t *len)
{
    size_t i = 0, n = b->len;
    while (i < n && is_blank(b->s[i])) {
        i++;
    }
    while (n > i && is_blank(b->s[n - 1])) {
        n--;
    }
    *len = n - i;
    return b->s + i;
}

static const char *buf_keep(struct builder *B, const struct buf *b)
{
    size_t n;
    const char *s = buf_trim(b, &n);
    return n > 0 ? arena_strndup(&B->g->arena, s, n) : NULL;
}

/* Line and column (1-based, columns in characters) of offset off in the input; col may be NULL
 * when only the line is wanted. */
static void position(struct builder *B, size_t off, unsigned *line, unsigned *col)
{
    if (off < B->pos_off) {
        B->pos_off = 0, B->pos_line = 1, B->pos_line_start = 0;
    }
    size_t end = off < B->size ? off : B->size;
    while (B->pos_off < end) {
        const char *nl = memchr(B->input + B->pos_off, '\n', end - B->pos_off);
        if (nl == NULL) {
            B->pos_off = end;
            break;
        }
        B->pos_line++;
        B->pos_off = B->pos_line_start = (size_t)(nl - B->input) + 1;
    }
    *line = B->pos_line;
    if (col != NULL) {
        unsigned c = 1;
        for (size_t i = B->pos_line_start; i < end; i++) {
            c += ((unsigned char)B->input[i] & 0xc0) != 0x80;
        }
        *col = c;
    }
}

/* The offset of p in the input, or SIZE_MAX when md4c handed a copy. */
static size_t offset_of(const struct builder *B, const char *p)
{
    uintptr_t a = (uintptr_t)p, lo = (uintptr_t)B->input;
    return a >= lo && a < lo + B->size ? (size_t)(a - lo) : SIZE_MAX;
}

/* What a byte is in a slug: an ASCII letter or digit its lowercase, another ASCII byte 0 (a
 * separator); the end of the text and a byte past ASCII 1 (see slug_with()). */
static const char slug_byte[256] = {
    1,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   /* 0x00 */
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   /* 0x10 */
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   /* 0x20 */
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0,   0,   0,   0,   0,   0,   /* 0x30 */
    0,   'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', /* 0x40 */
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0,   0,   0,   0,   0,   /* 0x50 */
    0,   'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', /* 0x60 */
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0,   0,   0,   0,   0,   /* 0x70 */
    1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   /* 0x80 */
    1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   /* 0x90 */
    1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   /* 0xa0 */
    1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   /* 0xb0 */
    1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   /* 0xc0 */
    1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   /* 0xd0 */
    1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   /* 0xe0 */
    1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   /* 0xf0 */
};

/* The fold of the character past ASCII at p (search_fold_char()) into f, its length in *flen;
 * returns the bytes it takes. Looked up in memo first, when there is one. */
static size_t slug_fold(struct slug_memo *memo, const unsigned char *p, char *f, size_t *flen)
{
    size_t k = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
    uint32_t key = 0;
    for (size_t i = 0; i < k; i++) {
        if (i > 0 && (p[i] & 0xc0) != 0x80) {
            memo = NULL; /* not a whole character: folded below, never kept */
            break;
        }
        key |= (uint32_t)p[i] << (8 * i);
    }
    size_t at = (uint32_t)(key * UINT32_C(2654435761)) >> (32 - SLUG_MEMO_BITS);
    if (memo != NULL && memo->key[at] == key) {
        *flen = memo->len[at];
        memcpy(f, memo->fold[at], *flen);
        return k;
    }
    size_t step = search_fold_char((const char *)p, strnlen((const char *)p, 4), f, flen);
    if (memo != NULL && step == k) {
        memo->key[at] = key;
        memo->len[at] = (unsigned char)*flen;
        memcpy(memo->fold[at], f, *flen);
    }
    return step;
}

/* guide_md_slug(), with the folds of characters past ASCII kept in memo (may be NULL). One pass
 * over the text that stops when max bytes are written: an item's slug needs only its first few
 * words. A separator is written only before a letter or digit that follows it. */
static size_t slug_with(const char *text, char *out, size_t max, struct slug_memo *memo)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t n = 0;
    bool dash = false; /* a separator since the last letter or digit written */
    while (n < max) {
        char c = slug_byte[*p];
        if (c > 1) { /* ASCII letters and digits: without folding (most text) */
            if (dash) {
                out[n++] = '-';
                dash = false;
                if (n == max) {
                    break;
                }
            }
            /* The rest of the word: four bytes a round while they fit, each only looked up. */
            while (n + 4 <= max) {
                out[n] = c;
                if ((c = slug_byte[*++p]) <= 1) {
                    n += 1;
                    break;
                }
                out[n + 1] = c;
                if ((c = slug_byte[*++p]) <= 1) {
                    n += 2;
                    break;
                }
                out[n + 2] = c;
                if ((c = slug_byte[*++p]) <= 1) {
                    n += 3;
                    break;
                }
                out[n + 3] = c;
                n += 4;
                if ((c = slug_byte[*++p]) <= 1) {
                    break;
                }
            }
            while (c > 1 && n < max) {
                out[n++] = c;
                c = slug_byte[*++p];
            }
            continue;
        }
        if (c == 0) {
            while (slug_byte[*++p] == 0) { /* the rest of the separators */
            }
            dash = n > 0;
            continue;
        }
        if (*p == '\0') {
            break;
        }
        char f[SEARCH_FOLD_MAX];
        size_t flen = 1;
        p += slug_fold(memo, p, f, &flen);
        for (size_t k = 0; k < flen && n < max; k++) {
            char fc = f[k];
            if ((fc >= 'a' && fc <= 'z') || (fc >= '0' && fc <= '9')) {
                if (dash) {
                    out[n++] = '-';
                    dash = false;
                    if (n == max) {
                        break;
                    }
                }
                out[n++] = fc;
            } else {
                dash = n > 0;
            }
        }
    }
    if (n == max) {
        char *cut = memrchr(out, '-', n);
        if (cut != NULL && (size_t)(cut - out) > max / 2) {
            n = (size_t)(cut - out);
        }
    }
    out[n] = '\0';
    return n;
}

size_t guide_md_slug(const char *text, char *out, size_t max)
{
    return slug_with(text, out, max, NULL);
}

static uint32_t hash32(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

/* Registers id (in the arena; key: idtable_key() of it) and returns it, or, when it is taken,
 * the first of it with "-2", "-3", ... that is not; *taken says whether it was. */
static const char *register_id(struct builder *B, const char *id, uint32_t key, bool *taken)
{
    *taken = false;
    if (idtable_add_key(&B->ids, id, key, 0) == IDTABLE_NONE) {
        return id;
    }
    const char *base = id;
    size_t len = strlen(base);
    *taken = true;
    for (unsigned k = 2;; k++) {
        char buf[GUIDE_MAX_ID + 1], sfx[16];
        int sl = snprintf(sfx, sizeof sfx, "-%u", k);
        size_t keep = len;
        if (keep + (size_t)sl > GUIDE_MAX_ID) {
            keep = GUIDE_MAX_ID - (size_t)sl;
        }
        snprintf(buf, sizeof buf, "%.*s%s", (int)keep, base, sfx);
        id = arena_strdup(&B->g->arena, buf);
        if (idtable_add(&B->ids, id, 0) == IDTABLE_NONE) {
            return id;
        }
    }
}

/* "parent/slug" for a text, within the id limits, in the arena; a text without letters or
 * digits takes a hash of itself. pl is strlen(parent). *len gets the id's length. */
static char *make_id(struct builder *B, const char *parent, size_t pl, const char *text, size_t max,
                     size_t *len)
{
    char slug[SLUG_SECTION > SLUG_ITEM ? SLUG_SECTION + 1 : SLUG_ITEM + 1];
    size_t sl = slug_with(text, slug, max, &B->memo);
    if (sl == 0) {
        sl = (size_t)snprintf(slug, sizeof slug, "x%08x", (unsigned)hash32(text));
    }
    if (parent != NULL && pl <= ID_SECTION && pl + 1 + sl <= GUIDE_MAX_ID) {
        /* the common case, without printf and straight into the arena: a plan has many items */
        char *id = arena_alloc_align(&B->g->arena, pl + sl + 2, 1);
        memcpy(id, parent, pl);
        id[pl] = '/';
        memcpy(id + pl + 1, slug, sl + 1);
        *len = pl + 1 + sl;
        return id;
    }
    char out[GUIDE_MAX_ID + 1];
    int n;
    if (pl > ID_SECTION) {
        n = snprintf(out, sizeof out, "h%08x/%s", (unsigned)hash32(parent), slug);
    } else {
        n = snprintf(out, sizeof out, "%s", slug);
    }
    *len = n < 0 ? 0 : (size_t)n < sizeof out ? (size_t)n : sizeof out - 1;
    return arena_strndup(&B->g->arena, out, *len);
}

/* ---- Sections and their items ---- */

/* The innermost open list item that has a record, or SIZE_MAX. */
static size_t cur_rec(const struct builder *B)
{
    for (size_t i = B->n_li; i > 0; i--) {
        if (B->li[i - 1] != SIZE_MAX) {
            return B->li[i - 1];
        }
    }
    return SIZE_MAX;
}

/* The buffer text goes to now: the heading's, the innermost open list item's, else the
 * section's. */
static struct buf *sink(struct builder *B)
{
    if (B->in_heading) {
        return &B->heading;
    }
    return B->rec != SIZE_MAX ? &B->recs[B->rec].text : B->desc;
}

/* Appends a non-action item to the section's description as a list line. */
static void describe_item(struct buf *desc, const char *t, size_t len, unsigned depth)
{
    if (len == 0) {
        return;
    }
    if (desc->len > 0 && !desc->brk) {
        buf_add(desc, "\n", 1);
    }
    for (unsigned k = 0; k < depth; k++) {
        buf_add(desc, "  ", 2);
    }
    buf_add(desc, "- ", 2);
    buf_add(desc, t, len);
}

/* Whether record i becomes an action, and its depth among actions. */
static bool is_action(const struct builder *B, size_t i, bool tasks, unsigned *depth)
{
    const struct rec *r = &B->recs[i];
    if (tasks && !r->task) {
        return false;
    }
    unsigned dep = 0;
    for (size_t p = r->parent; p != SIZE_MAX; p = B->recs[p].parent) {
        dep += !tasks || B->recs[p].task;
    }
    *depth = dep;
    return true;
}

/* Warns about a second item with the same text in one section. Called only when an item's id
 * was taken already: the same text in one section makes the same id. */
static void check_duplicate(struct builder *B, const struct guide_action *acts, size_t n,
                            const struct guide_action *a)
{
    for (size_t k = 0; k < n; k++) {
        if (strcmp(acts[k].text, a->text) == 0) {
            char q[64];
            diag_quote(a->text, q, sizeof q);
            diag_add(B->d, DIAG_WARNING, B->file, a->line, 1,
                     "duplicate item '%s' in this section (first at line %u)", q, acts[k].line);
            return;
        }
    }
}

/* Turns the section's collected list items into its actions and description. The actions go
 * straight into the arena, room for every item left once the first is found (an item that
 * is not an action is rare there). Their ids are made first and registered after: the table's
 * slots for a whole section are on their way into the cache while the next ids are made. */
static void close_section(struct builder *B)
{
    struct guide_phase *ph = B->cur_phase ? &B->phases[B->n_phases - 1] : NULL;
    bool tasks = false;
    for (size_t i = 0; i < B->n_recs; i++) {
        tasks |= B->recs[i].task;
    }
    struct guide_action *acts = NULL;
    size_t n = 0, pl = ph != NULL ? strlen(ph->id) : 0;
    if (B->cap_keys < B->n_recs) {
        B->cap_keys = B->n_recs * 2;
        B->keys = xreallocarray(B->keys, B->cap_keys, sizeof *B->keys);
    }
    for (size_t i = 0; i < B->n_recs; i++) {
        struct rec *r = &B->recs[i];
        unsigned depth = 0;
        size_t len;
        char *t = buf_trim(&r->text, &len);
        if (ph == NULL || len == 0 || !is_action(B, i, tasks, &depth)) {
            unsigned dd = 0;
            for (size_t p = r->parent; p != SIZE_MAX; p = B->recs[p].parent) {
                dd++;
            }
            describe_item(B->desc, t, len, dd);
            continue;
        }
        /* The text ends here, a string in its record for as long as the section's records last:
         * when checking, that is all it is needed for. */
        t[len] = '\0';
        const char *text = B->check_only ? t : arena_strndup(&B->g->arena, t, len);
        if (acts == NULL) {
            acts = arena_alloc_align(&B->g->arena, (B->n_recs - i) * sizeof *acts,
                                     alignof(struct guide_action));
        }
        /* A sub-action follows its parent: never deeper than one below the action before. */
        if (depth > (n > 0 ? acts[n - 1].depth + 1 : 0)) {
            depth = n > 0 ? acts[n - 1].depth + 1 : 0;
        }
        size_t il;
        const char *id = make_id(B, ph->id, pl, text, SLUG_ITEM, &il);
        acts[n] = (struct guide_action){.id = id,
                                        .text = text,
                                        .link = r->link,
                                        .depth = depth,
                                        .line = r->line,
                                        .ticked = r->ticked};
        B->keys[n] = idtable_key(id, il);
        idtable_prefetch(&B->ids, B->keys[n]);
        n++;
    }
    for (size_t k = 0; k < n; k++) {
        struct guide_action *a = &acts[k];
        bool taken;
        a->id = register_id(B, a->id, B->keys[k], &taken);
        if (taken) {
            check_duplicate(B, acts, k, a);
        }
    }
    for (size_t k = 0; B->check_only && k < n; k++) {
        acts[k].text = ""; /* the record's text is reused by the next section */
    }
    if (ph != NULL) {
        ph->actions = acts;
        ph->n_actions = n;
        ph->summary = B->check_only ? NULL : buf_keep(B, B->desc);
        buf_free(B->desc);
    }
    for (size_t i = 0; i < B->n_recs; i++) {
        B->recs[i].text.len = 0; /* kept for the next section's items: fewer allocations */
    }
    B->n_recs = 0;
}

/* Starts a section for the heading just read. */
RARE static void open_section(struct builder *B)
{
    const char *title = buf_keep(B, &B->heading);
    unsigned level = B->heading_level;
    buf_free(&B->heading);
    if (!B->have_title && level == 1 && B->n_phases == 0) {
        B->have_title = true;
        B->g->title = title != NULL ? title : B->g->title;
        return;
    }
    if (B->info_only) {
        B->stop = true; /* md4c stops when a callback returns non-zero */
        return;
    }
    close_section(B);
    while (B->open > 0 && B->levels[B->open - 1] >= level) {
        B->open--;
    }
    if (B->n_phases == B->cap_phases) {
        B->cap_phases = B->cap_phases ? B->cap_phases * 2 : 16;
        B->phases = xreallocarray(B->phases, B->cap_phases, sizeof *B->phases);
    }
    struct guide_phase *ph = &B->phases[B->n_phases];
    *ph = (struct guide_phase){0};
    ph->title = title != NULL ? title : "(untitled)";
    ph->depth = (unsigned)B->open;
    const char *parent = B->open > 0 ? B->phases[B->phase_at[B->open - 1]].id : NULL;
    bool taken;
    size_t len;
    const char *id =
        make_id(B, parent, parent != NULL ? strlen(parent) : 0, ph->title, SLUG_SECTION, &len);
    ph->id = register_id(B, id, idtable_key(id, len), &taken);
    B->levels[B->open] = level;
    B->phase_at[B->open++] = B->n_phases++;
    B->cur_phase = true;
    B->desc = &B->sec_desc;
}

/* ---- md4c callbacks ---- */

static void new_rec(struct builder *B, const MD_BLOCK_LI_DETAIL *li)
{
    size_t parent = B->rec;
    size_t depth = 0;
    for (size_t p = parent; p != SIZE_MAX; p = B->recs[p].parent) {
        depth++;
    }
    if (B->n_li == B->cap_li) {
        B->cap_li = B->cap_li ? B->cap_li * 2 : 16;
        B->li = xreallocarray(B->li, B->cap_li, sizeof *B->li);
    }
    if (depth >= GUIDE_MD_MAX_DEPTH) {
        B->li[B->n_li++] = SIZE_MAX; /* its text joins its parent's */
        return;
    }
    if (B->n_recs == B->cap_recs) {
        B->cap_recs = B->cap_recs ? B->cap_recs * 2 : 32;
        B->recs = xreallocarray(B->recs, B->cap_recs, sizeof *B->recs);
    }
    if (B->n_recs == B->made_recs) {
        B->recs[B->made_recs++].text = (struct buf){0};
    }
    struct rec *r = &B->recs[B->n_recs];
    struct buf text = r->text;
    text.len = 0, text.brk = false;
    *r = (struct rec){.text = text,
                      .parent = parent,
                      .task = li->is_task != 0,
                      .ticked = li->is_task && (li->task_mark == 'x' || li->task_mark == 'X')};
    if (li->is_task) {
        position(B, li->task_mark_offset, &r->line, NULL);
    }
    B->rec = B->n_recs;
    B->li[B->n_li++] = B->n_recs++;
}

/* A heading inside a list item or a quote is part of its text; any other starts a section. */
static void enter_heading(struct builder *B, const MD_BLOCK_H_DETAIL *h)
{
    if (B->n_li > 0 || B->quote > 0) {
        B->inline_heading++;
        sink(B)->brk = true;
        return;
    }
    B->in_heading = true;
    B->heading_level = h->level;
}

static void leave_heading(struct builder *B)
{
    if (B->inline_heading > 0) {
        B->inline_heading--;
        sink(B)->brk = true;
        return;
    }
    B->in_heading = false;
    open_section(B);
}

/* A block starts (step 1) or ends (step -1). */
static int block(struct builder *B, MD_BLOCKTYPE type, void *detail, int step)
{
    switch (type) {
    case MD_BLOCK_H:
        if (step > 0) {
            enter_heading(B, detail);
        } else {
            leave_heading(B);
        }
        break;
    case MD_BLOCK_LI:
        if (step > 0) {
            new_rec(B, detail);
        } else {
            B->n_li--;
            B->rec = cur_rec(B);
        }
        break;
    case MD_BLOCK_HTML:
        B->skip_html = step > 0 ? B->skip_html + 1 : B->skip_html - 1;
        break;
    case MD_BLOCK_TR:
        buf_add(sink(B), "\n", step < 0);
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        buf_add(sink(B), " | ", step < 0 ? 3 : 0);
        break;
    case MD_BLOCK_QUOTE:
        B->quote = step > 0 ? B->quote + 1 : B->quote - 1;
        sink(B)->brk = true;
        break;
    case MD_BLOCK_CODE:
    case MD_BLOCK_P:
    case MD_BLOCK_TABLE:
        sink(B)->brk = true;
        break;
    default:
        break;
    }
    return 0;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *user)
{
    struct builder *B = user;
    return B->stop ? 1 : block(B, type, detail, 1);
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *user)
{
    struct builder *B = user;
    return B->stop ? 1 : block(B, type, detail, -1);
}

/* The scheme of the link of n bytes at href ("https"), lowercased into out; empty when it has
 * none. */
static void link_scheme(const char *href, size_t n, char *out, size_t size)
{
    size_t i = 0;
    for (; i < n && i + 1 < size; i++) {
        char c = href[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter && !(i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-'))) {
            break;
        }
        out[i] = (char)(c | 0x20);
    }
    out[i < n && href[i] == ':' ? i : 0] = '\0';
}

static bool scheme_allowed(const char *scheme)
{
    return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
           strcmp(scheme, "mailto") == 0;
}

bool guide_md_link_allowed(const char *href)
{
    char scheme[16];
    link_scheme(href, strlen(href), scheme, sizeof scheme);
    return scheme_allowed(scheme);
}

char *guide_md_link_target(const char *href)
{
    size_t n = strlen(href);
    if (n > GUIDE_MD_LINK_MAX || !guide_md_link_allowed(href)) {
        return NULL;
    }
    char *out = xmalloc(3 * n + 1), *o = out;
    for (const unsigned char *p = (const unsigned char *)href; *p != '\0'; p++) {
        if (*p < 0x20 || *p == 0x7f) {
            free(out);
            return NULL;
        }
        if (*p > 0x7e || *p == ' ' || strchr("<>\"\\^`{|}", *p) != NULL) {
            o += snprintf(o, 4, "%%%02X", *p);
        } else {
            *o++ = (char)*p;
        }
    }
    *o = '\0';
    return out;
}

/* A link starts. An item keeps its first link (as written); a description shows the address
 * after the link's text (leave_link()). */
RARE static void enter_link(struct builder *B, const MD_SPAN_A_DETAIL *a)
{
    const char *href = a->href.text;
    size_t n = a->href.size;
    char scheme[16];
    link_scheme(href, n, scheme, sizeof scheme);
    if (scheme[0] != '\0' && !scheme_allowed(scheme)) {
        unsigned line = 0, col = 0;
        size_t off = offset_of(B, href);
        if (off != SIZE_MAX) {
            position(B, off, &line, &col);
        }
        char q[64];
        buf_set(&B->link, href, n);
        diag_quote(B->link.s, q, sizeof q);
        diag_add(B->d, DIAG_WARNING, B->file, line, col,
                 "link '%s' has the scheme '%s': only http, https and mailto links open", q,
                 scheme);
    }
    B->in_link = false;
    if (B->in_heading) {
        return;
    }
    if (B->rec != SIZE_MAX) {
        struct rec *r = &B->recs[B->rec];
        if (r->link == NULL && !B->check_only) {
            r->link = arena_strndup(&B->g->arena, href, n);
        }
        return;
    }
    buf_set(&B->link, href, n);
    B->in_link = true;
    B->link_start = B->desc->len;
}

RARE static void leave_link(struct builder *B)
{
    if (!B->in_link) {
        return;
    }
    B->in_link = false;
    struct buf *b = sink(B), *l = &B->link;
    if (b == B->desc && l->len > 0) {
        /* In a description the address follows the link's text, unless it is the text. */
        size_t n = b->len - B->link_start;
        if (n != l->len || memcmp(b->s + B->link_start, l->s, n) != 0) {
            buf_add(b, " <", 2);
            buf_add(b, l->s, l->len);
            buf_add(b, ">", 1);
        }
    }
}

static int enter_span(MD_SPANTYPE type, void *detail, void *user)
{
    struct builder *B = user;
    if (B->stop) {
        return 1;
    }
    if (type == MD_SPAN_A) {
        enter_link(B, detail);
    } else if (type == MD_SPAN_CODE) {
        buf_add(sink(B), "`", 1);
    }
    return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *user)
{
    (void)detail;
    struct builder *B = user;
    if (B->stop) {
        return 1;
    }
    if (type == MD_SPAN_A) {
        leave_link(B);
    } else if (type == MD_SPAN_CODE) {
        buf_add(sink(B), "`", 1);
    }
    return 0;
}

/* An entity's character: the named ones a plan is likely to hold, and numeric ones. */
static void add_entity(struct buf *b, const char *s, size_t n)
{
    static const struct {
        const char *name, *text;
    } named[] = {{"&amp;", "&"},
                 {"&lt;", "<"},
                 {"&gt;", ">"},
                 {"&quot;", "\""},
                 {"&apos;", "'"},
                 {"&nbsp;", "\xc2\xa0"},
                 {"&mdash;", "\xe2\x80\x94"},
                 {"&ndash;", "\xe2\x80\x93"},
                 {"&hellip;", "\xe2\x80\xa6"},
                 {"&copy;", "\xc2\xa9"}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        if (strlen(named[i].name) == n && memcmp(named[i].name, s, n) == 0) {
            buf_add(b, named[i].text, strlen(named[i].text));
            return;
        }
    }
    if (n > 3 && s[1] == '#') {
        bool hex = s[2] == 'x' || s[2] == 'X';
        unsigned long cp = strtoul(s + (hex ? 3 : 2), NULL, hex ? 16 : 10);
        if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            cp = 0xfffd;
        }
        char u[4];
        buf_add(b, u, text_utf8_encode((uint32_t)cp, u));
        return;
    }
    buf_add(b, s, n);
}

/* The line of the current item, a plain list item, from where its first text is. */
RARE static void item_line(struct builder *B, const char *text)
{
    size_t off = offset_of(B, text);
    if (off != SIZE_MAX) {
        position(B, off, &B->recs[B->rec].line, NULL);
    }
}

/* Text that is not plain: a NUL, a line break or an entity. */
RARE static void add_special(struct buf *b, MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
{
    switch (type) {
    case MD_TEXT_NULLCHAR:
        buf_add(b, "\xef\xbf\xbd", 3);
        break;
    case MD_TEXT_BR:
        buf_add(b, "\n", 1);
        break;
    case MD_TEXT_SOFTBR:
        buf_add(b, " ", 1);
        break;
    default:
        add_entity(b, text, size);
        break;
    }
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user)
{
    struct builder *B = user;
    if (B->stop) {
        return 1;
    }
    if (B->skip_html > 0 || type == MD_TEXT_HTML) {
        return 0; /* raw HTML (comments included) is never shown */
    }
    struct buf *b = sink(B);
    if (!B->in_heading && B->rec != SIZE_MAX && B->recs[B->rec].line == 0) {
        item_line(B, text);
    }
    if (type == MD_TEXT_NORMAL || type == MD_TEXT_CODE || type == MD_TEXT_LATEXMATH) {
        buf_add(b, text, size);
    } else {
        add_special(b, type, text, size);
    }
    return 0;
}

/* ---- The whole file ---- */

bool guide_md_is_plan(const char *path, struct guide_seen *seen)
{
    size_t n = strlen(path);
    bool named = (n > 3 && strcasecmp(path + n - 3, ".md") == 0) ||
                 (n > 9 && strcasecmp(path + n - 9, ".markdown") == 0);
    struct stat st;
    if (!named || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        return false;
    }
    if (seen != NULL) {
        *seen = (struct guide_seen){.plan = true};
        file_cache_key_of(&st, &seen->info);
    }
    return true;
}

/* The guide's id: the slug of the file's name without its extension, or of its directory's
 * name for a README or an index. */
static const char *plan_id(struct builder *B, const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash != NULL ? slash + 1 : path;
    char *stem = xstrdup(name);
    char *dot = strrchr(stem, '.');
    if (dot != NULL && dot != stem) {
        *dot = '\0';
    }
    if ((strcasecmp(stem, "readme") == 0 || strcasecmp(stem, "index") == 0) && slash != NULL) {
        char *dir = xstrndup(path, (size_t)(slash - path));
        const char *up = strrchr(dir, '/');
        const char *dname = up != NULL ? up + 1 : dir;
        if (dname[0] != '\0' && strcmp(dname, ".") != 0 && strcmp(dname, "..") != 0) {
            free(stem);
            stem = xstrdup(dname);
        }
        free(dir);
    }
    char slug[65];
    if (guide_md_slug(stem, slug, 64) == 0) {
        snprintf(slug, sizeof slug, "plan-%08x", (unsigned)hash32(stem));
    }
    free(stem);
    return arena_strdup(&B->g->arena, slug);
}

/* Reads the file whole, or only its first `max` bytes (cut at a character's start) when max is
 * not 0; NULL after an error. */
static char *read_plan(const char *path, size_t max, size_t *len, struct diag *d)
{
    size_t size;
    int fd = ydoc_open_file(path, &size, d);
    if (fd < 0) {
        return NULL;
    }
    char *buf = NULL;
    if (max > 0) {
        buf = xmalloc(max + 1);
        ssize_t n;
        *len = 0;
        while (*len < max && (n = read(fd, buf + *len, max - *len)) != 0) {
            if (n < 0 && errno != EINTR) {
                free(buf);
                buf = NULL;
                break;
            }
            *len += n > 0 ? (size_t)n : 0;
        }
        /* Cut before a character whose bytes were not all read. */
        size_t keep = buf != NULL ? *len : 0, k = keep;
        while (k > 0 && keep - k < 3 && ((unsigned char)buf[k - 1] & 0xc0) == 0x80) {
            k--;
        }
        if (buf != NULL && *len == max && k > 0 && ((unsigned char)buf[k - 1] & 0xc0) == 0xc0) {
            *len = k - 1;
        }
    } else {
        buf = ydoc_read_fd(fd, size, len);
    }
    int err = errno;
    close(fd);
    if (buf == NULL) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(err));
    } else if (*len > YDOC_MAX_FILE_SIZE) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "file larger than 64 MiB");
        free(buf);
        buf = NULL;
    }
    return buf;
}

/* md4c, loaded once per process (by whichever thread parses a plan first) and never unloaded:
 * the library stays mapped for the rest of the run, as a linked one would. */
static pthread_once_t md4c_once = PTHREAD_ONCE_INIT;
static md_parse_fn md4c_parse;

static void open_md4c(void)
{
    void *handle = dlopen(GUIDE_MD_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        return;
    }
    void *sym = dlsym(handle, "md_parse");
    memcpy(&md4c_parse, &sym, sizeof md4c_parse);
    if (md4c_parse == NULL) {
        dlclose(handle);
    }
}

/* md_parse from the shared library; NULL with an error when it cannot be loaded. */
static md_parse_fn load_md4c(const char *file, struct diag *d)
{
    pthread_once(&md4c_once, open_md4c);
    md_parse_fn fn = md4c_parse;
    if (fn == NULL) {
        diag_add(d, DIAG_ERROR, file, 0, 0,
                 "reading a Markdown plan needs %s (Debian package libmd4c0), which cannot "
                 "be loaded",
                 GUIDE_MD_LIBRARY);
    }
    return fn;
}

static void builder_free(struct builder *B)
{
    close_section(B); /* frees what a failed parse left */
    for (size_t i = 0; i < B->made_recs; i++) {
        buf_free(&B->recs[i].text);
    }
    free(B->recs);
    free(B->keys);
    free(B->li);
    free(B->phases);
    buf_free(&B->link);
    idtable_free(&B->ids);
    buf_free(&B->heading);
    buf_free(&B->intro);
    buf_free(&B->sec_desc);
}

/* Parses the text into B's guide; 0, or -1 after an error. */
static int parse(struct builder *B, md_parse_fn md_parse)
{
    B->desc = &B->intro;
    MD_PARSER parser = {
        .flags = GUIDE_MD_PARSER_FLAGS,
        .enter_block = enter_block,
        .leave_block = leave_block,
        .enter_span = enter_span,
        .leave_span = leave_span,
        .text = on_text,
    };
    int rc = md_parse(B->input, (MD_SIZE)B->size, &parser, B);
    return rc == 0 || B->stop ? 0 : -1;
}

/* The guide's title, introduction and (with GUIDE_PART_PATH in parts) sections from the len
 * bytes at text, as GUIDE_LOAD_CHECK in parts asks; 0, or -1 after adding an error to d.
 * *reached: whether the parse got to a section (without GUIDE_PART_PATH, it stopped there: the
 * title and introduction are whole). */
static int load_text(struct guide *g, const char *path, const char *text, size_t len,
                     unsigned parts, bool *reached, struct diag *d)
{
    *reached = false;
    size_t bad;
    if (!text_utf8_valid(text, len, &bad)) {
        struct builder tmp = {.input = text, .size = len, .pos_line = 1};
        unsigned line, col;
        position(&tmp, bad, &line, &col);
        diag_add(d, DIAG_ERROR, path, line, col, "invalid UTF-8");
        return -1;
    }
    md_parse_fn md_parse = load_md4c(path, d);
    if (md_parse == NULL) {
        return -1;
    }
    struct builder B = {.g = g,
                        .d = d,
                        .input = text,
                        .size = len,
                        .pos_line = 1,
                        .rec = SIZE_MAX,
                        .info_only = !(parts & GUIDE_PART_PATH),
                        .check_only = (parts & GUIDE_LOAD_CHECK) != 0};
    bool info_only = B.info_only;
    if (!info_only) {
        idtable_reserve(&B.ids, len / ID_BYTES);
    }
    B.file = arena_strdup(&g->arena, path);
    /* A byte order mark is no text. */
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
        B.input += 3, B.size -= 3;
    }
    g->id = plan_id(&B, path);
    g->title = g->id;
    int rc = parse(&B, md_parse);
    *reached = B.stop || B.n_phases > 0;
    close_section(&B);
    g->intro = buf_keep(&B, &B.intro);
    size_t n_actions = 0;
    for (size_t i = 0; i < B.n_phases; i++) {
        n_actions += B.phases[i].n_actions;
    }
    if (rc != 0) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "the Markdown parser gave up (out of memory?)");
    } else if (n_actions == 0 && !info_only) {
        diag_add(d, DIAG_ERROR, path, 1, 1,
                 "the plan has no items: write task items (- [ ] ...) or list items under a "
                 "heading");
        rc = -1;
    }
    if (B.n_phases > 0) {
        g->phases = arena_calloc(&g->arena, B.n_phases, sizeof *g->phases);
        memcpy(g->phases, B.phases, B.n_phases * sizeof *g->phases);
        g->n_phases = B.n_phases;
    }
    g->short_title = g->title;
    builder_free(&B);
    return rc;
}

static struct guide *new_plan(const char *path, bool info_only)
{
    struct guide *g = xcalloc(1, sizeof *g);
    g->dir = xstrdup(path); /* g->ids stays NULL: a plan's ids are made unique as it loads */
    g->markdown = true;
    g->path_title = "Plan";
    g->available = GUIDE_PART_INFO | GUIDE_PART_PATH; /* a plan has no certifications or FAQ */
    g->loaded = info_only ? GUIDE_PART_ALL & ~GUIDE_PART_PATH : GUIDE_PART_ALL;
    return g;
}

/* The title and introduction from the whole lines of the first GUIDE_MD_INFO_FIRST bytes, when
 * a section starts in them (md4c reads every line it is given before its first callback, so a
 * first screen parses little); else NULL and nothing in d. */
static struct guide *load_info_first(const char *path, const char *text, size_t len, struct diag *d)
{
    const char *nl = len > GUIDE_MD_INFO_FIRST ? memrchr(text, '\n', GUIDE_MD_INFO_FIRST) : NULL;
    if (nl == NULL) {
        return NULL;
    }
    struct guide *g = new_plan(path, true);
    struct diag first = {0};
    bool reached;
    int rc = load_text(g, path, text, (size_t)(nl - text) + 1, GUIDE_PART_INFO, &reached, &first);
    if (rc != 0 || !reached) {
        guide_free(g);
        g = NULL;
    }
    for (size_t i = 0; g != NULL && i < first.n; i++) {
        const struct diag_msg *m = &first.msgs[i];
        diag_add(d, m->level, m->file, m->line, m->col, "%s", m->text);
    }
    diag_free(&first);
    return g;
}

/* The title and introduction from their compiled copy; NULL when there is none usable, or one
 * written for the same file by another name that makes another id (a README's id is its
 * directory's name as given). */
static struct guide *load_info_copy(const char *path, const struct file_cache_key *info)
{
    struct guide *g = new_plan(path, true);
    g->files[0] = *info;
    struct builder B = {.g = g};
    if (guide_cache_read(g, GUIDE_PART_INFO, path) && strcmp(g->id, plan_id(&B, path)) == 0) {
        return g;
    }
    guide_free(g);
    return NULL;
}

struct guide *guide_md_load(const char *path, const struct file_cache_key *info, unsigned parts,
                            struct diag *d)
{
    bool info_only = !(parts & GUIDE_PART_PATH);
    /* the plan's identity, when its first screen may come from (and go to) the cache */
    const struct file_cache_key *key = info_only && (parts & GUIDE_LOAD_CACHED) ? info : NULL;
    struct guide *g = key != NULL ? load_info_copy(path, key) : NULL;
    if (g != NULL) {
        return g;
    }
    size_t said = d->errors + d->warnings + d->dropped;
    size_t len;
    char *text = read_plan(path, info_only ? GUIDE_MD_INFO_BYTES : 0, &len, d);
    if (text == NULL) {
        return NULL;
    }
    g = info_only ? load_info_first(path, text, len, d) : NULL;
    if (g == NULL) {
        g = new_plan(path, info_only);
        bool reached;
        int rc = load_text(g, path, text, len, parts, &reached, d);
        if (rc != 0) {
            guide_free(g);
            g = NULL;
        }
    }
    free(text);
    if (g != NULL && key != NULL && d->errors + d->warnings + d->dropped == said) {
        g->files[0] = *key;
        guide_cache_write(g, GUIDE_PART_INFO, path);
    }
    return g;
}

int guide_md_load_parts(struct guide *g, unsigned parts, struct diag *d)
{
    if (!(parts & GUIDE_PART_PATH) || (g->loaded & GUIDE_PART_PATH)) {
        return 0;
    }
    struct guide *full = guide_md_load(g->dir, NULL, GUIDE_PART_ALL, d);
    if (full == NULL) {
        return -1;
    }
    /* The sections are taken over; the title and introduction the first screen showed stay. */
    g->phases = full->phases;
    g->n_phases = full->n_phases;
    arena_adopt(&g->arena, &full->arena);
    g->loaded |= GUIDE_PART_PATH;
    guide_free(full);
    return 0;
}
