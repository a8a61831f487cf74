/* SPDX-License-Identifier: MIT */
/* The search index: every searchable text of a guide folded once into one buffer.
 *
 * Layout: `folded` holds the folded fields in guide order, each followed by a '\0' (a query
 * never holds a NUL, so no match spans two fields). Fields of one entry are adjacent, title
 * fields first, so "does the entry contain this term" is one memmem() over the entry's span and
 * "does a title contain it" one over the title prefix. Entries of one kind are adjacent too
 * (phases and their actions interleave), which lets a kind filter scan only part of the buffer.
 *
 * Offsets: most text is ASCII, whose folding has the same length, so a field stores no map at
 * all. Where a character folds to a different length or to several characters, a mark records
 * both offsets; between marks folded and original bytes correspond one to one. Mapping an
 * offset back is a binary search over the field's marks. Empty fields and entries are not
 * stored.
 *
 * The learner's notes (search_index_build_notes()) are body fields of their item's entry, after
 * the guide's fields. Unlike the guide's text, which the index borrows, a note is copied
 * (`owned`): the progress document changes under the index with every tick. */
#include "search_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idtable.h"
#include "text.h"
#include "xalloc.h"

struct builder {
    struct search_index *idx;
    size_t cap_folded, cap_fields, cap_entries, cap_marks;
    const struct progress_guide *pg; /* the notes to add; NULL: none */
};

static unsigned kind_bit(enum search_kind kind)
{
    unsigned bit = 0;
    while (bit < SEARCH_N_KINDS - 1 && ((unsigned)kind >> bit) != 1u) {
        bit++;
    }
    return bit;
}

static void reserve_folded(struct builder *b, size_t more)
{
    struct search_index *idx = b->idx;
    if (b->cap_folded - idx->folded_len >= more) {
        return;
    }
    size_t cap = b->cap_folded < 4096 ? 4096 : b->cap_folded;
    while (cap - idx->folded_len < more) {
        cap *= 2;
    }
    idx->folded = xreallocarray(idx->folded, cap, 1);
    b->cap_folded = cap;
}

static void add_mark(struct builder *b, size_t f, size_t o, size_t flen, size_t olen)
{
    struct search_index *idx = b->idx;
    if (idx->n_marks == b->cap_marks) {
        b->cap_marks = b->cap_marks ? b->cap_marks * 2 : 64;
        idx->marks = xreallocarray(idx->marks, b->cap_marks, sizeof *idx->marks);
    }
    idx->marks[idx->n_marks++] = (struct search_mark){f, o, flen, olen};
}

/* A folding that is one character of the same length keeps offsets one to one. */
static bool fold_is_linear(const char *fold, size_t flen, size_t olen)
{
    if (flen != olen || flen == 0) {
        return false;
    }
    uint32_t cp;
    return text_utf8_decode(fold, flen, &cp) == flen;
}

/* Appends the folding of text to the buffer and returns the number of marks it needed. */
static size_t fold_into(struct builder *b, const char *text, size_t len)
{
    struct search_index *idx = b->idx;
    size_t start = idx->folded_len, n_marks = 0;
    reserve_folded(b, len + 1);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            size_t n;
            search_fold_char(text + i, 1, idx->folded + idx->folded_len, &n);
            idx->folded_len++;
            i++;
            continue;
        }
        reserve_folded(b, SEARCH_FOLD_MAX + 1 + (len - i));
        char *out = idx->folded + idx->folded_len;
        size_t flen;
        size_t olen = search_fold_char(text + i, len - i, out, &flen);
        if (!fold_is_linear(out, flen, olen)) {
            add_mark(b, idx->folded_len - start, i, flen, olen);
            n_marks++;
        }
        idx->folded_len += flen;
        i += olen;
    }
    idx->folded[idx->folded_len++] = '\0';
    return n_marks;
}

/* Starts an entry in the slot after the last kept one; end_entry() keeps it if it got fields. */
static void begin_entry(struct builder *b, enum search_kind kind, size_t index, size_t sub)
{
    struct search_index *idx = b->idx;
    if (idx->n_entries == b->cap_entries) {
        b->cap_entries = b->cap_entries ? b->cap_entries * 2 : 64;
        idx->entries = xreallocarray(idx->entries, b->cap_entries, sizeof *idx->entries);
    }
    idx->entries[idx->n_entries] = (struct search_entry){
        .kind = kind, .index = index, .sub = sub, .first_field = idx->n_fields};
}

/* Adds a field to the entry begun last; NULL and empty texts are skipped. Title fields must be
 * added before body fields. */
static void add_field(struct builder *b, enum search_field_role role, bool title, const char *text)
{
    if (text == NULL || text[0] == '\0') {
        return;
    }
    struct search_index *idx = b->idx;
    struct search_entry *e = &idx->entries[idx->n_entries];
    if (idx->n_fields == b->cap_fields) {
        b->cap_fields = b->cap_fields ? b->cap_fields * 2 : 64;
        idx->fields = xreallocarray(idx->fields, b->cap_fields, sizeof *idx->fields);
    }
    struct search_field *fld = &idx->fields[idx->n_fields++];
    size_t len = strlen(text);
    fld->start = idx->folded_len;
    fld->text = text;
    fld->text_len = len;
    fld->first_mark = idx->n_marks;
    fld->n_marks = fold_into(b, text, len);
    fld->len = idx->folded_len - 1 - fld->start;
    fld->entry = idx->n_entries;
    fld->role = role;
    e->n_fields++;
    if (title) {
        e->n_title++;
    }
}

static void end_entry(struct builder *b)
{
    struct search_index *idx = b->idx;
    struct search_entry *e = &idx->entries[idx->n_entries];
    if (e->n_fields == 0) {
        return;
    }
    unsigned bit = kind_bit(e->kind);
    const struct search_field *last = &idx->fields[e->first_field + e->n_fields - 1];
    if (idx->kind_lo[bit] == idx->kind_hi[bit]) {
        idx->kind_lo[bit] = idx->fields[e->first_field].start;
    }
    idx->kind_hi[bit] = last->start + last->len + 1;
    idx->n_entries++;
}

/* Adds a copy of the note on item id (if any) as a body field of the entry begun last. */
static void add_note(struct builder *b, const char *id)
{
    const struct progress_note *n = b->pg != NULL ? progress_find_note(b->pg, id) : NULL;
    if (n == NULL || n->text == NULL || n->text[0] == '\0') {
        return;
    }
    struct search_index *idx = b->idx;
    idx->owned = xreallocarray(idx->owned, idx->n_owned + 1, sizeof *idx->owned);
    char *copy = xstrdup(n->text);
    idx->owned[idx->n_owned++] = copy;
    add_field(b, SEARCH_FIELD_NOTE, false, copy);
}

static void add_phases(struct builder *b, const struct guide *g)
{
    for (size_t i = 0; i < g->n_phases; i++) {
        const struct guide_phase *p = &g->phases[i];
        begin_entry(b, SEARCH_KIND_PHASE, i, 0);
        add_field(b, SEARCH_FIELD_PHASE_TITLE, true, p->title);
        add_field(b, SEARCH_FIELD_PHASE_SUMMARY, false, p->summary);
        add_note(b, p->id);
        end_entry(b);
        for (size_t j = 0; j < p->n_actions; j++) {
            begin_entry(b, SEARCH_KIND_ACTION, i, j);
            add_field(b, SEARCH_FIELD_ACTION_TEXT, true, p->actions[j].text);
            add_note(b, p->actions[j].id);
            end_entry(b);
        }
    }
}

static void add_certs_faqs(struct builder *b, const struct guide *g)
{
    for (size_t i = 0; i < g->n_certs; i++) {
        const struct guide_cert *c = &g->certs[i];
        begin_entry(b, SEARCH_KIND_CERT, i, 0);
        add_field(b, SEARCH_FIELD_CERT_NAME, true, c->name);
        add_field(b, SEARCH_FIELD_CERT_ISSUER, false, c->issuer);
        add_field(b, SEARCH_FIELD_CERT_DESCRIPTION, false, c->description);
        add_note(b, c->id);
        end_entry(b);
    }
    for (size_t i = 0; i < g->n_faqs; i++) {
        begin_entry(b, SEARCH_KIND_FAQ, i, 0);
        add_field(b, SEARCH_FIELD_FAQ_QUESTION, true, g->faqs[i].question);
        add_field(b, SEARCH_FIELD_FAQ_ANSWER, false, g->faqs[i].answer);
        end_entry(b);
    }
}

struct search_index *search_index_build(const struct guide *g)
{
    return search_index_build_notes(g, NULL);
}

struct search_index *search_index_build_notes(const struct guide *g, const struct progress *p)
{
    struct search_index *idx = xcalloc(1, sizeof *idx);
    struct builder b = {.idx = idx, .pg = p != NULL ? progress_find_guide(p, g->id) : NULL};
    begin_entry(&b, SEARCH_KIND_INTRO, 0, 0);
    add_field(&b, SEARCH_FIELD_INTRO, false, g->intro);
    end_entry(&b);
    for (size_t i = 0; i < g->n_overview; i++) {
        begin_entry(&b, SEARCH_KIND_OVERVIEW, i, 0);
        add_field(&b, SEARCH_FIELD_OVERVIEW_TITLE, true, g->overview[i].title);
        add_field(&b, SEARCH_FIELD_OVERVIEW_TEXT, false, g->overview[i].text);
        end_entry(&b);
    }
    add_phases(&b, g);
    add_certs_faqs(&b, g);
    if (g->cta != NULL) {
        begin_entry(&b, SEARCH_KIND_CTA, 0, 0);
        add_field(&b, SEARCH_FIELD_CTA_TITLE, true, g->cta->title);
        add_field(&b, SEARCH_FIELD_CTA_TEXT, false, g->cta->text);
        add_field(&b, SEARCH_FIELD_CTA_BUTTON, false, g->cta->button);
        end_entry(&b);
    }
    reserve_folded(&b, 1); /* folded is never NULL, even for an empty guide */
    search_count_bytes(idx->folded, idx->folded_len, idx->byte_counts);
    return idx;
}

void search_index_free(struct search_index *idx)
{
    if (idx == NULL) {
        return;
    }
    free(idx->folded);
    free(idx->fields);
    free(idx->entries);
    free(idx->marks);
    for (size_t i = 0; i < idx->n_owned; i++) {
        free(idx->owned[i]);
    }
    free(idx->owned);
    free(idx);
}

/* Mixes the note entry of id (tombstones included: a removal is a change too) into *h. */
static void stamp_note(const struct progress_guide *pg, const char *id, uint64_t *h)
{
    const struct progress_note *n = progress_find_note(pg, id);
    if (n != NULL) {
        uint64_t v = (uint64_t)n->changed * 2u + (n->text != NULL ? 1u : 0u);
        *h = idtable_hash_bytes(*h, &v, sizeof v);
    }
}

unsigned long long search_notes_stamp(const struct guide *g, const struct progress *p)
{
    const struct progress_guide *pg = p != NULL ? progress_find_guide(p, g->id) : NULL;
    uint64_t h = IDTABLE_HASH_SEED;
    size_t n_notes = progress_guide_count_note_entries(pg);
    if (n_notes == 0) {
        return g->personal_hash; /* the learner's own actions are indexed as the guide's */
    }
    for (size_t i = 0; i < g->n_phases; i++) {
        stamp_note(pg, g->phases[i].id, &h);
        for (size_t j = 0; j < g->phases[i].n_actions; j++) {
            stamp_note(pg, g->phases[i].actions[j].id, &h);
        }
    }
    for (size_t i = 0; i < g->n_certs; i++) {
        stamp_note(pg, g->certs[i].id, &h);
    }
    return (h + n_notes) ^ g->personal_hash;
}

size_t search_index_count_entries(const struct search_index *idx)
{
    return idx->n_entries;
}

size_t search_index_find_entry(const struct search_index *idx, enum search_kind kind, size_t index,
                               size_t sub)
{
    /* Entries are in guide order: binary search on (position of kind, index, sub). */
    static const unsigned order[] = {
        [0] = 0, [1] = 1, [2] = 2, [3] = 2, [4] = 3, [5] = 4, [6] = 5,
    };
    unsigned kb = kind_bit(kind);
    size_t key_sub = kind == SEARCH_KIND_ACTION ? sub + 1 : 0;
    size_t lo = 0, hi = idx->n_entries;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct search_entry *e = &idx->entries[mid];
        unsigned eo = order[kind_bit(e->kind)];
        size_t esub = e->kind == SEARCH_KIND_ACTION ? e->sub + 1 : 0;
        bool less = eo != order[kb]     ? eo < order[kb]
                    : e->index != index ? e->index < index
                                        : esub < key_sub;
        if (less) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < idx->n_entries) {
        const struct search_entry *e = &idx->entries[lo];
        if (e->kind == kind && e->index == index && (kind != SEARCH_KIND_ACTION || e->sub == sub)) {
            return lo;
        }
    }
    return SIZE_MAX;
}

void search_index_get_entry(const struct search_index *idx, size_t entry, struct search_result *out)
{
    const struct search_entry *e = &idx->entries[entry];
    *out = (struct search_result){.entry = entry,
                                  .kind = e->kind,
                                  .index = e->index,
                                  .sub = e->sub,
                                  .rank = SEARCH_RANK_BODY};
}

size_t search_entry_count_fields(const struct search_index *idx, size_t entry)
{
    return idx->entries[entry].n_fields;
}

void search_entry_get_field(const struct search_index *idx, size_t entry, size_t k,
                            struct search_field_info *out)
{
    const struct search_entry *e = &idx->entries[entry];
    const struct search_field *fld = &idx->fields[e->first_field + k];
    *out = (struct search_field_info){
        .role = fld->role, .title = k < e->n_title, .text = fld->text, .len = fld->text_len};
}

/* The last mark of fld at or before folded offset f, or NULL. */
static const struct search_mark *mark_before(const struct search_index *idx,
                                             const struct search_field *fld, size_t f)
{
    if (fld->n_marks == 0) {
        return NULL; /* idx->marks may be NULL: an ASCII-only guide has none */
    }
    const struct search_mark *m = idx->marks + fld->first_mark;
    size_t lo = 0, hi = fld->n_marks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].f <= f) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo == 0 ? NULL : &m[lo - 1];
}

size_t search_map_start(const struct search_index *idx, const struct search_field *fld, size_t f)
{
    const struct search_mark *m = mark_before(idx, fld, f);
    if (m == NULL) {
        return f;
    }
    if (f < m->f + m->flen) {
        return m->o;
    }
    return m->o + m->olen + (f - m->f - m->flen);
}

size_t search_map_end(const struct search_index *idx, const struct search_field *fld, size_t f)
{
    const struct search_mark *m = mark_before(idx, fld, f);
    if (m == NULL) {
        return f;
    }
    if (m->flen > 0 && f == m->f) {
        return m->o;
    }
    if (f < m->f + m->flen) {
        return m->o + m->olen;
    }
    return m->o + m->olen + (f - m->f - m->flen);
}

const char *search_result_id(const struct guide *g, const struct search_result *r)
{
    switch (r->kind) {
    case SEARCH_KIND_PHASE:
        return g->phases[r->index].id;
    case SEARCH_KIND_ACTION:
        return g->phases[r->index].actions[r->sub].id;
    case SEARCH_KIND_CERT:
        return g->certs[r->index].id;
    case SEARCH_KIND_FAQ:
        return g->faqs[r->index].id;
    default:
        return NULL;
    }
}
