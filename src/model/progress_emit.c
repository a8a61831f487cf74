/* SPDX-License-Identifier: MIT */
/* The dotfile text, written: through libyaml's emitter, never printf, so every id is quoted
 * exactly when YAML needs it, and unknown keys are written back after the known ones in their
 * original order (progress_yaml.c reads the text).
 *
 * A store saves the whole file after every tick, and a large file is mostly item entries that
 * did not change: progress_emit_cached() keeps each item's bytes as libyaml wrote them in
 * place and copies them on the next save instead of emitting the item again; an item whose id
 * the emitter writes plain gets its bytes put together by hand, as the emitter would write
 * them. The output is the same bytes as a fresh emit (tests/unit/test_progress_yaml.c checks
 * it after random changes). */
#include "progress.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "progress_journal_internal.h"
#include "progress_evidence_internal.h"
#include "progress_internal.h"
#include "text.h"
#include "xalloc.h"

struct outbuf {
    char *data;
    size_t len, cap;
};

static int out_write(void *data, unsigned char *bytes, size_t size)
{
    struct outbuf *o = data;
    if (o->len + size + 1 > o->cap) {
        while (o->len + size + 1 > o->cap) {
            o->cap = o->cap ? o->cap * 2 : 4096;
        }
        o->data = xreallocarray(o->data, o->cap, 1);
    }
    memcpy(o->data + o->len, bytes, size);
    o->len += size;
    return 1;
}

static bool emit(yaml_emitter_t *em, yaml_event_t *ev, bool ok)
{
    if (!ok) {
        return false;
    }
    return yaml_emitter_emit(em, ev) != 0;
}

/* Emits a scalar; `quoted` keeps a value that was quoted in the file a string. */
static bool emit_scalar(yaml_emitter_t *em, const char *s, size_t len, bool quoted)
{
    yaml_event_t ev;
    int ok = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)len, 1, 1,
                                          quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
                                                 : YAML_ANY_SCALAR_STYLE);
    return emit(em, &ev, ok != 0 && len <= INT32_MAX);
}

static bool emit_str(yaml_emitter_t *em, const char *s)
{
    return emit_scalar(em, s, strlen(s), false);
}

/* Emits a note's text: a literal block when it has several lines (libyaml falls back to a
 * quoted style when the text cannot be a block, e.g. with trailing spaces on a line). */
static bool emit_text(yaml_emitter_t *em, const char *s)
{
    yaml_event_t ev;
    size_t len = strlen(s);
    yaml_scalar_style_t style =
        strchr(s, '\n') != NULL ? YAML_LITERAL_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE;
    int ok = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)len, 1, 1, style);
    return emit(em, &ev, ok != 0 && len <= INT32_MAX);
}

static bool emit_map_start(yaml_emitter_t *em)
{
    yaml_event_t ev;
    int ok = yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
    return emit(em, &ev, ok != 0);
}

static bool emit_map_end(yaml_emitter_t *em)
{
    yaml_event_t ev;
    return emit(em, &ev, yaml_mapping_end_event_initialize(&ev) != 0);
}

static bool emit_node(yaml_emitter_t *em, const struct ydoc_node *n)
{
    yaml_event_t ev;
    bool ok = true;
    switch (n->kind) {
    case YDOC_SCALAR:
        return emit_scalar(em, n->u.scalar.str, n->u.scalar.len, !n->u.scalar.plain);
    case YDOC_SEQ:
        ok = emit(
            em, &ev,
            yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_ANY_SEQUENCE_STYLE) != 0);
        for (size_t i = 0; ok && i < n->u.seq.n; i++) {
            ok = emit_node(em, n->u.seq.items[i]);
        }
        return ok && emit(em, &ev, yaml_sequence_end_event_initialize(&ev) != 0);
    case YDOC_MAP:
        ok = emit_map_start(em);
        for (size_t i = 0; ok && i < n->u.map.n; i++) {
            ok = emit_node(em, n->u.map.pairs[i].key) && emit_node(em, n->u.map.pairs[i].value);
        }
        return ok && emit_map_end(em);
    }
    return false;
}

static bool emit_extra(yaml_emitter_t *em, const struct progress_extra *e)
{
    bool ok = true;
    for (size_t i = 0; ok && i < e->n; i++) {
        ok = emit_node(em, e->pairs[i].key) && emit_node(em, e->pairs[i].value);
    }
    return ok;
}

/* Emits the entries kept as written whose id has no entry of its own now (known(pg, id)). */
static bool emit_unread(yaml_emitter_t *em, const struct progress_guide *pg,
                        const struct progress_extra *e,
                        bool (*known)(const struct progress_guide *, const char *))
{
    bool ok = true;
    for (size_t i = 0; ok && i < e->n; i++) {
        if (!known(pg, e->pairs[i].key->u.scalar.str)) {
            ok = emit_node(em, e->pairs[i].key) && emit_node(em, e->pairs[i].value);
        }
    }
    return ok;
}

static bool item_known(const struct progress_guide *pg, const char *id)
{
    return progress_find_item(pg, id) != NULL;
}

static bool note_known(const struct progress_guide *pg, const char *id)
{
    return progress_find_note(pg, id) != NULL;
}

static bool cert_known(const struct progress_guide *pg, const char *id)
{
    return progress_find_cert(pg, id) != NULL;
}

static bool emit_item(yaml_emitter_t *em, const struct progress_item *it,
                      const struct progress_item_aux *aux)
{
    char when[PROGRESS_TIME_SIZE];
    progress_format_time(it->changed, when, sizeof when);
    return emit_str(em, it->id) && emit_map_start(em) && emit_str(em, "state") &&
           emit_str(em, progress_state_name(it->state)) && emit_str(em, "changed") &&
           emit_str(em, when) && emit_extra(em, &aux->extra) && emit_map_end(em);
}

static bool emit_changed(yaml_emitter_t *em, int64_t changed)
{
    char when[PROGRESS_TIME_SIZE];
    progress_format_time(changed, when, sizeof when);
    return emit_str(em, "changed") && emit_str(em, when);
}

static bool emit_date(yaml_emitter_t *em, const char *key, struct progress_date d)
{
    if (!progress_date_is_set(d)) {
        return true;
    }
    char buf[PROGRESS_DATE_SIZE];
    progress_date_format(d, buf, sizeof buf);
    return emit_str(em, key) && emit_str(em, buf);
}

static bool emit_notes(yaml_emitter_t *em, const struct progress_guide *pg)
{
    const struct progress_guide_more *m = progress_guide_more(pg);
    const struct progress_note *notes = m->notes.rows;
    bool any = m->notes.n > 0 || m->unread_notes.n > 0;
    bool ok = !any || (emit_str(em, "notes") && emit_map_start(em));
    for (size_t i = 0; ok && i < m->notes.n; i++) {
        ok = emit_str(em, notes[i].id) && emit_map_start(em);
        if (ok && notes[i].text != NULL) {
            ok = emit_str(em, "text") && emit_text(em, notes[i].text);
        }
        ok = ok && emit_changed(em, notes[i].changed) && emit_map_end(em);
    }
    ok = ok && emit_unread(em, pg, &m->unread_notes, note_known);
    return ok && (!any || emit_map_end(em));
}

static bool emit_certs(yaml_emitter_t *em, const struct progress_guide *pg)
{
    const struct progress_guide_more *m = progress_guide_more(pg);
    const struct progress_cert *certs = m->certs.rows;
    bool any = m->certs.n > 0 || m->unread_certs.n > 0;
    bool ok = !any || (emit_str(em, "certifications") && emit_map_start(em));
    for (size_t i = 0; ok && i < m->certs.n; i++) {
        const struct progress_cert_info *c = &certs[i].info;
        ok = emit_str(em, certs[i].id) && emit_map_start(em) && emit_str(em, "status") &&
             emit_str(em, progress_cert_status_name(c->status)) && emit_date(em, "exam", c->exam) &&
             emit_date(em, "passed", c->passed) && emit_date(em, "expires", c->expires) &&
             emit_changed(em, certs[i].changed) && emit_map_end(em);
    }
    ok = ok && emit_unread(em, pg, &m->unread_certs, cert_known);
    return ok && (!any || emit_map_end(em));
}

/* The evidence, built as a tree by its owner (progress_evidence.c) and emitted as one. */
static bool emit_evidence(yaml_emitter_t *em, const struct progress_guide *pg)
{
    struct arena a = {0};
    const struct ydoc_node *tree = progress_evidence_tree(&a, pg);
    bool ok = tree == NULL || (emit_str(em, "evidence") && emit_node(em, tree));
    arena_free(&a);
    return ok;
}

/* An unread start or hours entry is written back while no entry of its own replaces it. */
static bool other_known(const struct progress_guide *pg, const char *key)
{
    const struct progress_guide_more *m = progress_guide_more(pg);
    if (strcmp(key, "hours_per_week") == 0) {
        return m->hours.changed != 0;
    }
    return strcmp(key, "start") != 0 || m->start.changed != 0;
}

static bool emit_start_resume(yaml_emitter_t *em, const struct progress_guide *pg)
{
    const struct progress_guide_more *m = progress_guide_more(pg);
    bool ok = true;
    if (m->start.changed != 0) {
        ok = emit_str(em, "start") && emit_map_start(em) && emit_date(em, "date", m->start.date) &&
             emit_changed(em, m->start.changed) && emit_map_end(em);
    }
    if (ok && m->hours.changed != 0) {
        char hours[16];
        snprintf(hours, sizeof hours, "%u", m->hours.hours);
        ok = emit_str(em, "hours_per_week") && emit_map_start(em) && emit_str(em, "hours") &&
             emit_str(em, hours) && emit_changed(em, m->hours.changed) && emit_map_end(em);
    }
    ok = ok && emit_unread(em, pg, &m->unread_other, other_known);
    const struct progress_resume *r = &m->resume;
    if (ok && r->changed != 0 && r->screen != NULL) {
        char scroll[24];
        snprintf(scroll, sizeof scroll, "%ld", r->scroll);
        ok = emit_str(em, "resume") && emit_map_start(em) && emit_str(em, "screen") &&
             emit_scalar(em, r->screen, strlen(r->screen), true);
        if (ok && r->item != NULL) {
            ok = emit_str(em, "item") && emit_str(em, r->item);
        }
        ok = ok && emit_str(em, "scroll") && emit_str(em, scroll) && emit_changed(em, r->changed) &&
             emit_map_end(em);
    }
    return ok;
}

/* The emitter, the buffer its output goes to, and whether item texts are reused and kept. */
struct sink {
    yaml_emitter_t *em;
    struct outbuf *out;
    bool cache;
};

static bool cache_valid(const struct progress_item *it, const struct progress_item_aux *aux)
{
    return aux->emitted != NULL && aux->emitted_state == it->state &&
           aux->emitted_changed == it->changed && aux->extra.n == 0;
}

/* Whether libyaml's emitter writes id as it is, plain, as a simple key: letters, digits and
 * "_./-", the first a letter or digit, at most 128 bytes (a longer key is written as a complex
 * key, "? id"). Such an id can be written without the emitter. (The emitter also writes
 * "null" or "true" plain, which a reader may take for a value: no exception is needed, since
 * it is the emitter's text that is reproduced.) */
static bool plain_id(const char *id)
{
    if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z') ||
          (id[0] >= '0' && id[0] <= '9'))) {
        return false;
    }
    const char *c = id;
    for (; *c != '\0' && c - id < 128; c++) {
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '_' || *c == '.' || *c == '/' || *c == '-')) {
            return false;
        }
    }
    return *c == '\0';
}

/* The bytes the emitter writes for item it after an earlier item (see emit_cached_item()), put
 * together by hand; NULL when its id is not a plain_id(). An item's entry is most of a
 * progress file, and the emitter takes about ten times as long to write one. */
static char *item_text(const struct progress_item *it, size_t *len)
{
    if (!plain_id(it->id)) {
        return NULL;
    }
    char when[PROGRESS_TIME_SIZE];
    progress_format_time(it->changed, when, sizeof when);
    const char *parts[] = {"\n      ",
                           it->id,
                           ":\n        state: ",
                           progress_state_name(it->state),
                           "\n        changed: ",
                           when};
    size_t n = text_join(NULL, 0, parts, sizeof parts / sizeof parts[0]);
    char *text = xmalloc(n + 1);
    text_join(text, n + 1, parts, sizeof parts / sizeof parts[0]);
    *len = n;
    return text;
}

/* Emits item it, keeping (cache) or reusing (valid) its bytes. The emitter queues events only
 * while it needs lookahead after a collection start; after an item's mapping end its queue is
 * empty, so once flushed, the output holds exactly the bytes of everything emitted so far. An
 * item without unknown keys ends with its plain change time, mid-line, and the emitter writes
 * the line break and indentation before the next key itself: so the bytes between two
 * flushes are "\n", the indentation and the entry, the same whatever came before, and the
 * emitter's own state (it only tracks that it is mid-line) stays true when we copy them. */
static bool emit_cached_item(struct sink *k, const struct progress_item *it,
                             struct progress_item_aux *aux)
{
    if (yaml_emitter_flush(k->em) == 0) {
        return false;
    }
    if (!cache_valid(it, aux) && aux->extra.n == 0) {
        size_t len = 0;
        char *text = item_text(it, &len);
        if (text != NULL) {
            free(aux->emitted);
            aux->emitted = text;
            aux->emitted_len = len;
            aux->emitted_state = it->state;
            aux->emitted_changed = it->changed;
        }
    }
    if (cache_valid(it, aux)) {
        return out_write(k->out, (unsigned char *)aux->emitted, aux->emitted_len) != 0;
    }
    size_t start = k->out->len;
    if (!emit_item(k->em, it, aux) || yaml_emitter_flush(k->em) == 0) {
        return false;
    }
    free(aux->emitted);
    aux->emitted_len = k->out->len - start;
    aux->emitted = xmalloc(aux->emitted_len);
    memcpy(aux->emitted, k->out->data + start, aux->emitted_len);
    aux->emitted_state = it->state;
    aux->emitted_changed = it->changed;
    return true;
}

/* The items mapping. The first item always goes through the emitter: the mapping's start
 * waits for lookahead events and only then writes "items:". With caching, the other items'
 * bytes are reused when unchanged; a guide where any item has unknown keys (which may end in a
 * block scalar, at the start of a line) is emitted without the cache. */
static bool emit_items(struct sink *k, struct progress_guide *pg)
{
    bool ok = emit_str(k->em, "items") && emit_map_start(k->em);
    bool cache = k->cache && progress_guide_more(pg)->unread_items.n == 0;
    for (size_t i = 0; cache && i < pg->n_items; i++) {
        cache = pg->aux[i].extra.n == 0;
    }
    for (size_t i = 0; ok && i < pg->n_items; i++) {
        ok = cache && i > 0 ? emit_cached_item(k, &pg->items[i], &pg->aux[i])
                            : emit_item(k->em, &pg->items[i], &pg->aux[i]);
    }
    ok = ok && emit_unread(k->em, pg, &progress_guide_more(pg)->unread_items, item_known);
    return ok && emit_map_end(k->em);
}

static bool emit_guide(struct sink *k, struct progress_guide *pg)
{
    yaml_emitter_t *em = k->em;
    bool ok = emit_str(em, pg->id) && emit_map_start(em);
    if (ok && pg->reset > 0) {
        char when[PROGRESS_TIME_SIZE];
        progress_format_time(pg->reset, when, sizeof when);
        ok = emit_str(em, "reset") && emit_str(em, when);
    }
    if (ok && (pg->n_items > 0 || progress_guide_more(pg)->unread_items.n > 0)) {
        ok = emit_items(k, pg);
    }
    ok = ok && emit_notes(em, pg) && emit_certs(em, pg) && emit_evidence(em, pg) &&
         emit_start_resume(em, pg);
    struct arena a = {0};
    const struct ydoc_node *personal = progress_personal_node(&a, pg);
    ok = ok && (personal == NULL || (emit_str(em, "personal") && emit_node(em, personal)));
    arena_free(&a);
    return ok && emit_extra(em, &progress_guide_more(pg)->extra) && emit_map_end(em);
}

static bool emit_document(struct sink *k, struct progress *p)
{
    yaml_emitter_t *em = k->em;
    yaml_event_t ev;
    bool ok = emit(em, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) != 0);
    ok = emit(em, &ev, ok && yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) != 0);
    char version[16];
    snprintf(version, sizeof version, "%d", PROGRESS_FORMAT_VERSION);
    ok = ok && emit_map_start(em) && emit_str(em, "version") && emit_str(em, version);
    if (ok && p->n_guides > 0) {
        ok = emit_str(em, "guides") && emit_map_start(em);
        for (size_t g = 0; ok && g < p->n_guides; g++) {
            ok = emit_guide(k, &p->guides[g]);
        }
        ok = ok && emit_map_end(em);
    }
    ok = ok && emit_extra(em, &p->extra) && emit_map_end(em);
    ok = emit(em, &ev, ok && yaml_document_end_event_initialize(&ev, 1) != 0);
    ok = emit(em, &ev, ok && yaml_stream_end_event_initialize(&ev) != 0);
    return ok && yaml_emitter_flush(em) != 0;
}

/* p is written to only when cache is true (the item texts it keeps). */
static char *emit_text_of(struct progress *p, bool cache, size_t *len)
{
    yaml_emitter_t em;
    if (yaml_emitter_initialize(&em) == 0) {
        return NULL;
    }
    struct outbuf o = {0};
    if (cache) {
        /* Sized for the items and the journal's lines, so copying them does not grow the
         * buffer many times (a journal of 100,000 events is 7 MB). */
        size_t guess = 4096;
        for (size_t g = 0; g < p->n_guides; g++) {
            const struct progress_journal *j = &progress_guide_more(&p->guides[g])->journal;
            guess += p->guides[g].n_items * 96 + j->text_len + (j->n - j->text_n) * 96;
        }
        o.data = xmalloc(guess);
        o.cap = guess;
    }
    yaml_emitter_set_output(&em, out_write, &o);
    yaml_emitter_set_unicode(&em, 1);
    yaml_emitter_set_indent(&em, 2);
    yaml_emitter_set_width(&em, -1);
    yaml_emitter_set_break(&em, YAML_LN_BREAK);
    struct sink k = {.em = &em, .out = &o, .cache = cache};
    bool ok = emit_document(&k, p);
    yaml_emitter_delete(&em);
    /* The journal goes last, after the emitter's text (progress_journal.c). */
    ok = ok && progress_journal_write(p, out_write, &o);
    if (!ok) {
        free(o.data);
        return NULL;
    }
    if (o.data == NULL) {
        o.data = xmalloc(1);
    }
    o.data[o.len] = '\0';
    *len = o.len;
    return o.data;
}

char *progress_emit(const struct progress *p, size_t *len)
{
    /* Without the cache nothing is written to p but the journal's kept lines, which are the
     * same bytes either way. */
    return emit_text_of((struct progress *)p, false, len);
}

char *progress_emit_cached(struct progress *p, size_t *len)
{
    return emit_text_of(p, true, len);
}
