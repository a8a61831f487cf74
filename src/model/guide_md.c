/* SPDX-License-Identifier: MIT */
/* The Markdown plan loader: a CommonMark file with GitHub task lists, parsed by md4c, to
 * struct guide (the mapping is documented in docs/content-format.md).
 *
 * md4c is loaded with dlopen() on the first plan of a run, so a YAML guide starts without it.
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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guide_ids.h"
#include "search.h"
#include "text.h"
#include "xalloc.h"
#include "ydoc.h"

#define SLUG_SECTION 24 /* bytes of a heading's slug in an id */
#define SLUG_ITEM    31 /* bytes of an item's slug in an id */
#define ID_SECTION   96 /* a section id longer than this starts again from a hash */

typedef int (*md_parse_fn)(const MD_CHAR *, MD_SIZE, const MD_PARSER *, void *);

/* A growing byte string. */
struct buf {
    char *s;
    size_t len, cap;
    bool brk; /* a block ended: the next text starts a new paragraph */
};

/* One list item of the current section. */
struct rec {
    struct buf text;
    size_t parent; /* index of the item it is nested in; SIZE_MAX at the top */
    bool task, ticked;
    unsigned line, col;
    char *link;
};

struct builder {
    struct guide *g;
    struct diag *d;
    const char *file;
    const char *input;
    size_t size;
    size_t errors;
    /* the forward scan behind positions */
    size_t pos_off;
    unsigned pos_line;
    size_t pos_line_start;
    /* the outline */
    bool have_title;
    bool in_title;
    unsigned levels[7]; /* heading level of each open section, by depth */
    size_t phase_at[7]; /* and its phase */
    size_t open;        /* open sections */
    struct buf heading;
    bool in_heading;
    unsigned heading_level;
    unsigned heading_line, heading_col;
    struct buf intro;
    struct buf sec_desc;     /* the current section's description */
    struct buf *desc;        /* where text outside list items goes: intro or sec_desc */
    unsigned quote;          /* open block quotes */
    unsigned inline_heading; /* inside a heading that is part of a list item or a quote */
    /* the phases so far; the last one is the current section when cur_phase */
    struct guide_phase *phases;
    size_t n_phases, cap_phases;
    bool cur_phase;
    /* the current section's list items */
    struct rec *recs;
    size_t n_recs, cap_recs;
    size_t made_recs; /* records whose text buffer is set up (kept across sections) */
    size_t *li;       /* the open list items (record index; SIZE_MAX past the depth limit) */
    size_t n_li, cap_li;
    unsigned skip_html; /* inside an HTML block */
    char *link;         /* the href of the link being read */
    size_t link_start;  /* where its text starts in the buffer it goes to */
    bool info_only;     /* the title and introduction only: stop at the first section */
    bool stop;
};

/* ---- Small helpers ---- */

static void buf_add(struct buf *b, const char *s, size_t n)
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

static void buf_free(struct buf *b)
{
    free(b->s);
    *b = (struct buf){0};
}

/* The buffer's text with surrounding white space trimmed, in the guide's arena; NULL when
 * nothing is left. */
static const char *buf_keep(struct builder *B, const struct buf *b)
{
    size_t i = 0, n = b->len;
    while (i < n && strchr(" \t\n\r", b->s[i]) != NULL) {
        i++;
    }
    while (n > i && strchr(" \t\n\r", b->s[n - 1]) != NULL) {
        n--;
    }
    return n > i ? arena_strndup(&B->g->arena, b->s + i, n - i) : NULL;
}

/* Line and column (1-based, columns in characters) of offset off in the input. */
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
    unsigned c = 1;
    for (size_t i = B->pos_line_start; i < off && i < B->size; i++) {
        c += ((unsigned char)B->input[i] & 0xc0) != 0x80;
    }
    *line = B->pos_line;
    *col = c;
}

/* The offset of p in the input, or SIZE_MAX when md4c handed a copy. */
static size_t offset_of(const struct builder *B, const char *p)
{
    uintptr_t a = (uintptr_t)p, lo = (uintptr_t)B->input;
    return a >= lo && a < lo + B->size ? (size_t)(a - lo) : SIZE_MAX;
}

/* What an ASCII byte is in a slug: its lowercase letter or digit, or 0 (a separator). */
static const char slug_ascii[128] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd',
    ['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k',
    ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
    ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
    ['z'] = 'z', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
    ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm',
    ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
    ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
};

size_t guide_md_slug(const char *text, char *out, size_t max)
{
    size_t n = 0, len = strlen(text);
    bool dash = false;
    for (size_t i = 0; i < len && n < max;) {
        unsigned char c0 = (unsigned char)text[i];
        if (c0 < 0x80) { /* ASCII: by the table, without folding (most text) */
            char c = slug_ascii[c0];
            i++;
            if (c == 0) {
                dash = true;
                continue;
            }
            if (dash && n > 0) {
                out[n++] = '-';
            }
            dash = false;
            if (n < max) {
                out[n++] = c;
            }
            continue;
        }
        char f[SEARCH_FOLD_MAX];
        size_t flen = 1;
        i += search_fold_char(text + i, len - i, f, &flen);
        for (size_t k = 0; k < flen && n < max; k++) {
            char c = f[k];
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && n > 0) {
                    out[n++] = '-';
                }
                dash = false;
                if (n < max) {
                    out[n++] = c;
                }
            } else {
                dash = true;
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

static uint32_t hash32(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

/* Registers id (made unique with "-2", "-3", ... when taken) and returns it in the arena. */
static const char *unique_id(struct builder *B, const char *base, unsigned line, unsigned col)
{
    struct guide_id_entry e = {arena_strdup(&B->g->arena, base), B->file, line, col};
    for (unsigned k = 2; guide_ids_add(B->g->ids, &e) != NULL; k++) {
        char id[GUIDE_MAX_ID + 1], sfx[16];
        int sl = snprintf(sfx, sizeof sfx, "-%u", k);
        size_t keep = strlen(base);
        if (keep + (size_t)sl > GUIDE_MAX_ID) {
            keep = GUIDE_MAX_ID - (size_t)sl;
        }
        snprintf(id, sizeof id, "%.*s%s", (int)keep, base, sfx);
        e.id = arena_strdup(&B->g->arena, id);
    }
    return e.id;
}

/* "parent/slug" for a text, within the id limits; a text without letters or digits takes a
 * hash of itself. */
static void make_id(const char *parent, const char *text, size_t max, char *out, size_t size)
{
    char slug[SLUG_SECTION > SLUG_ITEM ? SLUG_SECTION + 1 : SLUG_ITEM + 1];
    if (guide_md_slug(text, slug, max) == 0) {
        snprintf(slug, sizeof slug, "x%08x", (unsigned)hash32(text));
    }
    size_t pl = parent != NULL ? strlen(parent) : 0, sl = strlen(slug);
    if (pl > ID_SECTION) {
        snprintf(out, size, "h%08x/%s", (unsigned)hash32(parent), slug);
    } else if (parent != NULL && pl + 1 + sl < size) {
        memcpy(out, parent, pl + 1); /* the common case without printf: a plan has many items */
        out[pl] = '/';
        memcpy(out + pl + 1, slug, sl + 1);
    } else {
        snprintf(out, size, "%s", slug);
    }
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
    size_t r = cur_rec(B);
    return r != SIZE_MAX ? &B->recs[r].text : B->desc;
}

/* Appends a non-action item to the section's description as a list line. */
static void describe_item(struct builder *B, struct buf *desc, const struct rec *r, unsigned depth)
{
    const char *t = buf_keep(B, &r->text);
    if (t == NULL) {
        return;
    }
    if (desc->len > 0 && !desc->brk) {
        buf_add(desc, "\n", 1);
    }
    for (unsigned k = 0; k < depth; k++) {
        buf_add(desc, "  ", 2);
    }
    buf_add(desc, "- ", 2);
    buf_add(desc, t, strlen(t));
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

/* Warns about a second item with the same text in one section. */
static void check_duplicate(struct builder *B, struct guide_action *acts, size_t n,
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

/* Turns the section's collected list items into its actions and description. */
static void close_section(struct builder *B)
{
    struct guide_phase *ph = B->cur_phase ? &B->phases[B->n_phases - 1] : NULL;
    bool tasks = false;
    for (size_t i = 0; i < B->n_recs; i++) {
        tasks |= B->recs[i].task;
    }
    struct guide_action *acts = B->n_recs ? xcalloc(B->n_recs, sizeof *acts) : NULL;
    size_t n = 0;
    unsigned *adepth = B->n_recs ? xcalloc(B->n_recs, sizeof *adepth) : NULL;
    for (size_t i = 0; i < B->n_recs; i++) {
        struct rec *r = &B->recs[i];
        unsigned depth = 0;
        const char *text = buf_keep(B, &r->text);
        if (ph == NULL || text == NULL || !is_action(B, i, tasks, &depth)) {
            unsigned dd = 0;
            for (size_t p = r->parent; p != SIZE_MAX; p = B->recs[p].parent) {
                dd++;
            }
            describe_item(B, B->desc, r, dd);
            continue;
        }
        /* A sub-action follows its parent: never deeper than one below the action before. */
        if (depth > (n > 0 ? adepth[n - 1] + 1 : 0)) {
            depth = n > 0 ? adepth[n - 1] + 1 : 0;
        }
        struct guide_action *a = &acts[n];
        a->text = text;
        a->depth = depth;
        a->ticked = r->ticked;
        a->line = r->line;
        a->link = r->link != NULL ? arena_strdup(&B->g->arena, r->link) : NULL;
        check_duplicate(B, acts, n, a);
        char id[GUIDE_MAX_ID + 1];
        make_id(ph->id, text, SLUG_ITEM, id, sizeof id);
        a->id = unique_id(B, id, r->line, r->col);
        adepth[n++] = depth;
    }
    if (ph != NULL) {
        ph->actions = n ? arena_calloc(&B->g->arena, n, sizeof *acts) : NULL;
        if (n) {
            memcpy(ph->actions, acts, n * sizeof *acts);
        }
        ph->n_actions = n;
        ph->summary = buf_keep(B, B->desc);
        buf_free(B->desc);
    }
    free(acts);
    free(adepth);
    for (size_t i = 0; i < B->n_recs; i++) {
        B->recs[i].text.len = 0; /* kept for the next section's items: fewer allocations */
        free(B->recs[i].link);
        B->recs[i].link = NULL;
    }
    B->n_recs = 0;
}

/* Starts a section for the heading just read. */
static void open_section(struct builder *B)
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
    char id[GUIDE_MAX_ID + 1];
    make_id(parent, ph->title, SLUG_SECTION, id, sizeof id);
    ph->id = unique_id(B, id, B->heading_line, B->heading_col);
    B->levels[B->open] = level;
    B->phase_at[B->open++] = B->n_phases++;
    B->cur_phase = true;
    B->desc = &B->sec_desc;
}

/* ---- md4c callbacks ---- */

static void new_rec(struct builder *B, const MD_BLOCK_LI_DETAIL *li)
{
    size_t parent = cur_rec(B);
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
        position(B, li->task_mark_offset, &r->line, &r->col);
        r->col = r->col > 1 ? r->col - 1 : 1; /* at the '[' */
    }
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
    B->heading_line = 0;
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

/* The scheme of a link ("https"), lowercased into out; empty when it has none. */
static void link_scheme(const char *href, char *out, size_t size)
{
    size_t i = 0;
    while (href[i] != '\0' && i + 1 < size &&
           ((href[i] >= 'a' && href[i] <= 'z') || (href[i] >= 'A' && href[i] <= 'Z') ||
            (i > 0 && ((href[i] >= '0' && href[i] <= '9') || strchr("+.-", href[i]))))) {
        out[i] = (char)(href[i] | 0x20);
        i++;
    }
    out[href[i] == ':' ? i : 0] = '\0';
}

bool guide_md_link_allowed(const char *href)
{
    char scheme[16];
    link_scheme(href, scheme, sizeof scheme);
    return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
           strcmp(scheme, "mailto") == 0;
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

static void enter_link(struct builder *B, const MD_SPAN_A_DETAIL *a)
{
    struct buf href = {0};
    buf_add(&href, a->href.text, a->href.size);
    free(B->link);
    B->link = href.s != NULL ? href.s : xstrdup("");
    B->link_start = sink(B)->len;
    char scheme[16];
    link_scheme(B->link, scheme, sizeof scheme);
    if (scheme[0] != '\0' && !guide_md_link_allowed(B->link)) {
        unsigned line = 0, col = 0;
        size_t off = offset_of(B, a->href.text);
        if (off != SIZE_MAX) {
            position(B, off, &line, &col);
        }
        char q[64];
        diag_quote(B->link, q, sizeof q);
        diag_add(B->d, DIAG_WARNING, B->file, line, col,
                 "link '%s' has the scheme '%s': only http, https and mailto links open", q,
                 scheme);
    }
}

static void leave_link(struct builder *B)
{
    if (B->link == NULL) {
        return;
    }
    struct buf *b = sink(B);
    size_t ri = B->in_heading ? SIZE_MAX : cur_rec(B);
    if (ri != SIZE_MAX) {
        struct rec *r = &B->recs[ri];
        if (r->link == NULL) {
            r->link = B->link;
            B->link = NULL;
        }
    } else if (b != &B->heading && B->link[0] != '\0') {
        /* In a description the address follows the link's text, unless it is the text. */
        size_t n = b->len - B->link_start;
        if (n != strlen(B->link) || memcmp(b->s + B->link_start, B->link, n) != 0) {
            buf_add(b, " <", 2);
            buf_add(b, B->link, strlen(B->link));
            buf_add(b, ">", 1);
        }
    }
    free(B->link);
    B->link = NULL;
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
    if (b == &B->heading && B->heading_line == 0) {
        size_t off = offset_of(B, text);
        if (off != SIZE_MAX) {
            position(B, off, &B->heading_line, &B->heading_col);
        }
    } else if (!B->in_heading && cur_rec(B) != SIZE_MAX) {
        struct rec *r = &B->recs[cur_rec(B)];
        size_t off = offset_of(B, text);
        if (r->line == 0 && off != SIZE_MAX) {
            position(B, off, &r->line, &r->col);
        }
    }
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
    case MD_TEXT_ENTITY:
        add_entity(b, text, size);
        break;
    default:
        buf_add(b, text, size);
        break;
    }
    return 0;
}

/* ---- The whole file ---- */

bool guide_md_is_plan(const char *path)
{
    size_t n = strlen(path);
    bool named = (n > 3 && strcasecmp(path + n - 3, ".md") == 0) ||
                 (n > 9 && strcasecmp(path + n - 9, ".markdown") == 0);
    struct stat st;
    return named && stat(path, &st) == 0 && S_ISREG(st.st_mode);
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

/* md_parse from the shared library; NULL with an error when it cannot be loaded. *handle gets
 * what to dlclose(). */
static md_parse_fn load_md4c(void **handle, const char *file, struct diag *d)
{
    *handle = dlopen(GUIDE_MD_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    md_parse_fn fn = NULL;
    if (*handle != NULL) {
        void *sym = dlsym(*handle, "md_parse");
        memcpy(&fn, &sym, sizeof fn);
    }
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
    free(B->li);
    free(B->phases);
    free(B->link);
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

/* The guide's title, introduction and (unless info_only) sections from the len bytes at text;
 * 0, or -1 after adding an error to d. *reached: whether the parse got to a section (with
 * info_only, it stopped there: the title and introduction are whole). */
static int load_text(struct guide *g, const char *path, const char *text, size_t len,
                     bool info_only, bool *reached, struct diag *d)
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
    void *handle;
    md_parse_fn md_parse = load_md4c(&handle, path, d);
    if (md_parse == NULL) {
        if (handle != NULL) {
            dlclose(handle);
        }
        return -1;
    }
    struct builder B = {
        .g = g, .d = d, .input = text, .size = len, .pos_line = 1, .info_only = info_only};
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
    dlclose(handle);
    return rc;
}

static struct guide *new_plan(const char *path, bool info_only)
{
    struct guide *g = xcalloc(1, sizeof *g);
    g->dir = xstrdup(path);
    g->ids = guide_ids_new();
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
    int rc = load_text(g, path, text, (size_t)(nl - text) + 1, true, &reached, &first);
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

struct guide *guide_md_load(const char *path, unsigned parts, struct diag *d)
{
    bool info_only = !(parts & GUIDE_PART_PATH);
    size_t len;
    char *text = read_plan(path, info_only ? GUIDE_MD_INFO_BYTES : 0, &len, d);
    if (text == NULL) {
        return NULL;
    }
    struct guide *g = info_only ? load_info_first(path, text, len, d) : NULL;
    if (g != NULL) {
        free(text);
        return g;
    }
    g = new_plan(path, info_only);
    bool reached;
    int rc = load_text(g, path, text, len, info_only, &reached, d);
    free(text);
    if (rc != 0) {
        guide_free(g);
        return NULL;
    }
    return g;
}

int guide_md_load_parts(struct guide *g, unsigned parts, struct diag *d)
{
    if (!(parts & GUIDE_PART_PATH) || (g->loaded & GUIDE_PART_PATH)) {
        return 0;
    }
    struct guide *full = guide_md_load(g->dir, GUIDE_PART_ALL, d);
    if (full == NULL) {
        return -1;
    }
    /* The sections are taken over; the title and introduction the first screen showed stay. */
    g->phases = full->phases;
    g->n_phases = full->n_phases;
    struct guide_ids *ids = g->ids;
    g->ids = full->ids;
    full->ids = ids;
    arena_adopt(&g->arena, &full->arena);
    g->loaded |= GUIDE_PART_PATH;
    guide_free(full);
    return 0;
}
