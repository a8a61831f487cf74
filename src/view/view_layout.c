/* SPDX-License-Identifier: MIT */
/* Building laid-out documents.
 *
 * A document is an array of lines, each a sanitised string with role runs, plus an array of
 * items (line ranges). Lines are assembled in a growable scratch buffer and copied into the
 * document's arena when ended, so a finished line never moves. Invariants: every line's text
 * went through text_sanitize() (view_doc_pad_to() only adds spaces), no line is wider than
 * d->width, and anchors never decrease along the document. Blocks number the logical pieces
 * (one per begin/end line, one per text call) in build order, which is the same at every
 * width. */
#include "view.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "xalloc.h"

void view_doc_init(struct view_doc *d, int width, unsigned text_flags)
{
    memset(d, 0, sizeof *d);
    d->width = width < 1 ? 1 : width;
    d->text_flags = text_flags & TEXT_ASCII;
}

void view_doc_free(struct view_doc *d)
{
    arena_free(&d->arena);
    free(d->lines);
    free(d->items);
    free(d->links);
    free(d->cur);
    free(d->cur_runs);
    memset(d, 0, sizeof *d);
}

static void reserve_cur(struct view_doc *d, size_t more)
{
    if (d->cur_len + more + 1 > d->cur_cap) {
        size_t cap = d->cur_cap ? d->cur_cap : 128;
        while (cap < d->cur_len + more + 1) {
            cap *= 2;
        }
        d->cur = xreallocarray(d->cur, cap, 1);
        d->cur_cap = cap;
    }
}

static void push_line(struct view_doc *d, const char *text, size_t len, int width,
                      const struct view_run *runs, size_t n_runs, uint64_t anchor)
{
    if (d->n_lines == d->cap_lines) {
        d->cap_lines = d->cap_lines ? d->cap_lines * 2 : 64;
        d->lines = xreallocarray(d->lines, d->cap_lines, sizeof *d->lines);
    }
    struct view_run *r = NULL;
    if (n_runs > 0) {
        r = arena_alloc(&d->arena, n_runs * sizeof *r);
        memcpy(r, runs, n_runs * sizeof *r);
    }
    struct view_line *l = &d->lines[d->n_lines++];
    l->text = arena_strndup(&d->arena, text, len);
    l->len = len;
    l->width = width;
    l->runs = r;
    l->n_runs = n_runs;
    l->anchor = anchor;
}

void view_doc_begin_line(struct view_doc *d)
{
    d->in_line = true;
    d->cur_len = 0;
    d->cur_width = 0;
    d->cur_hang = -1;
    d->cur_n_runs = 0;
}

static void add_run(struct view_doc *d, enum view_role role)
{
    if (d->cur_n_runs > 0 && d->cur_runs[d->cur_n_runs - 1].role == role) {
        return;
    }
    if (d->cur_n_runs > 0 && d->cur_runs[d->cur_n_runs - 1].start == d->cur_len) {
        d->cur_runs[d->cur_n_runs - 1].role = role;
        return;
    }
    if (d->cur_n_runs == d->cur_cap_runs) {
        d->cur_cap_runs = d->cur_cap_runs ? d->cur_cap_runs * 2 : 8;
        d->cur_runs = xreallocarray(d->cur_runs, d->cur_cap_runs, sizeof *d->cur_runs);
    }
    d->cur_runs[d->cur_n_runs].start = d->cur_len;
    d->cur_runs[d->cur_n_runs].role = role;
    d->cur_n_runs++;
}

/* Appends already sanitised bytes; returns the columns added. The line may grow past the
 * width: finish_line() wraps it. */
static int append_clean(struct view_doc *d, enum view_role role, const char *s, size_t len)
{
    int cols = text_width(s, len);
    size_t n = len;
    if (n == 0) {
        return 0;
    }
    add_run(d, role);
    reserve_cur(d, n);
    memcpy(d->cur + d->cur_len, s, n);
    d->cur_len += n;
    d->cur_width += cols;
    return cols;
}

int view_doc_put(struct view_doc *d, enum view_role role, const char *s, size_t len)
{
    size_t clean_len = 0;
    char *clean = text_sanitize(s, len, TEXT_ONE_LINE | d->text_flags, &clean_len);
    int cols = append_clean(d, role, clean, clean_len);
    free(clean);
    return cols;
}

int view_doc_puts(struct view_doc *d, enum view_role role, const char *s)
{
    return view_doc_put(d, role, s, strlen(s));
}

void view_doc_pad_to(struct view_doc *d, int col)
{
    if (col > d->width) {
        col = d->width;
    }
    if (col <= d->width / 2) {
        d->cur_hang = col;
    }
    while (d->cur_width < col) {
        append_clean(d, VIEW_ROLE_BODY, " ", 1);
    }
}

int view_doc_line_width(const struct view_doc *d)
{
    return d->cur_width;
}

/* Pushes bytes [from, to) of the scratch line, after `hang` spaces, with the runs that cover
 * them. */
static void push_piece(struct view_doc *d, size_t from, size_t to, int hang, uint64_t anchor)
{
    size_t n = 0, len = (size_t)hang + (to - from);
    char *text = xreallocarray(NULL, len + 1, 1);
    struct view_run *runs = xreallocarray(NULL, d->cur_n_runs + 1, sizeof *runs);
    memset(text, ' ', (size_t)hang);
    memcpy(text + hang, d->cur + from, to - from);
    if (hang > 0) {
        runs[n++] = (struct view_run){0, VIEW_ROLE_BODY};
    }
    for (size_t i = 0; i < d->cur_n_runs; i++) {
        const struct view_run *r = &d->cur_runs[i];
        size_t end = i + 1 < d->cur_n_runs ? d->cur_runs[i + 1].start : d->cur_len;
        if (end <= from || r->start >= to) {
            continue;
        }
        size_t at = (size_t)hang + (r->start > from ? r->start - from : 0);
        if (n > 0 && runs[n - 1].start == at) {
            n--;
        }
        if (n == 0 || runs[n - 1].role != r->role) {
            runs[n++] = (struct view_run){at, r->role};
        }
    }
    push_line(d, text, len, text_width(text, len), runs, n, anchor);
    free(runs);
    free(text);
}

/* Moves the scratch line into the document, wrapped at spaces when it is wider than the
 * document (see view_doc_put()). Trailing spaces carry no meaning and would only make the
 * terminal write more, so they go, at every break too. */
static void finish_line(struct view_doc *d, uint64_t anchor)
{
    while (d->cur_len > 0 && d->cur[d->cur_len - 1] == ' ') {
        d->cur_len--;
        d->cur_width--;
    }
    while (d->cur_n_runs > 0 && d->cur_runs[d->cur_n_runs - 1].start >= d->cur_len) {
        d->cur_n_runs--;
    }
    if (d->cur_width <= d->width) {
        push_line(d, d->cur ? d->cur : "", d->cur_len, d->cur_width, d->cur_runs, d->cur_n_runs,
                  anchor);
        d->in_line = false;
        return;
    }
    int hang = d->cur_hang > 0 ? d->cur_hang : 0;
    size_t pos = 0;
    for (bool first = true; pos < d->cur_len; first = false) {
        int room = d->width - (first ? 0 : hang);
        size_t n = text_fit(d->cur + pos, d->cur_len - pos, room, NULL);
        size_t brk = pos + n;
        if (brk < d->cur_len) {
            /* The last space that still fits (or the one just after), with a word before it. */
            while (brk > pos && d->cur[brk] != ' ') {
                brk--;
            }
            size_t end = brk;
            while (end > pos && d->cur[end - 1] == ' ') {
                end--;
            }
            if (end == pos && !first && hang > 0) {
                hang = 0; /* a word wider than the room under the value: from column 0 */
                continue;
            }
            if (end == pos) {
                /* A word wider than the line: cut it there; the rest of the line goes. */
                push_piece(d, pos, pos + n, first ? 0 : hang, anchor | (uint32_t)pos);
                break;
            }
            /* Between two facts rather than inside one: at the last separator (" · ") that
             * leaves the line at least half full, which goes with the break. */
            const char *sep = text_sep(d->text_flags);
            size_t sl = strlen(sep);
            for (size_t k = end; k > pos; k--) {
                if (k + sl <= d->cur_len && memcmp(d->cur + k, sep, sl) == 0) {
                    if (text_width(d->cur + pos, k - pos) >= room / 2) {
                        end = k;
                        brk = k + sl;
                    }
                    break;
                }
            }
            push_piece(d, pos, end, first ? 0 : hang, anchor | (uint32_t)pos);
            pos = brk;
            while (pos < d->cur_len && d->cur[pos] == ' ') {
                pos++;
            }
            continue;
        }
        push_piece(d, pos, d->cur_len, first ? 0 : hang, anchor | (uint32_t)pos);
        break;
    }
    d->in_line = false;
}

void view_doc_put_cut(struct view_doc *d, enum view_role role, const char *s, int max)
{
    size_t len = 0;
    char *clean = text_sanitize(s, strlen(s), TEXT_ONE_LINE | d->text_flags, &len);
    if (max < 0) {
        max = 0;
    }
    if (text_width(clean, len) > max) {
        const char *e = text_ellipsis(d->text_flags);
        int ew = text_width(e, strlen(e));
        len = ew < max ? text_fit_words(clean, len, max - ew) : 0;
        view_doc_put(d, role, clean, len);
        if (ew <= max) {
            view_doc_puts(d, role, e);
        }
    } else {
        view_doc_put(d, role, clean, len);
    }
    free(clean);
}

void view_doc_end_line(struct view_doc *d)
{
    if (!d->in_line) {
        return;
    }
    finish_line(d, (uint64_t)d->block << 32);
    d->block++;
}

void view_doc_add_blank(struct view_doc *d)
{
    push_line(d, "", 0, 0, NULL, 0, (uint64_t)d->block << 32);
    d->block++;
}

/* Highlighted ranges of the sanitised text being laid out, consumed line by line; and, with
 * d->text_links, the addresses in it (links, each with its url in the document's arena). */
struct marks {
    const struct view_span *v;
    size_t n, next;
    enum view_role role;
    struct view_span *links;
    const char **urls;
    size_t n_links;
};

static void push_link(struct view_doc *d, struct view_link k)
{
    if (d->n_links == d->cap_links) {
        d->cap_links = d->cap_links ? d->cap_links * 2 : 8;
        d->links = xreallocarray(d->links, d->cap_links, sizeof *d->links);
    }
    d->links[d->n_links++] = k;
}

/* The length of the http, https or mailto address starting at s[i] (n bytes), or 0. It starts
 * a word and runs to white space or a character an address cannot hold unescaped ("<>\"`"),
 * without the punctuation that ends a sentence, or a ')' it does not open. */
static size_t address_at(const char *s, size_t n, size_t i)
{
    static const char *const schemes[] = {"https://", "http://", "mailto:"};
    if (i > 0 && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
                  (s[i - 1] >= '0' && s[i - 1] <= '9'))) {
        return 0;
    }
    size_t k = 0;
    for (size_t j = 0; j < sizeof schemes / sizeof schemes[0] && k == 0; j++) {
        size_t sl = strlen(schemes[j]);
        k = n - i > sl && strncasecmp(s + i, schemes[j], sl) == 0 ? sl : 0;
    }
    if (k == 0) {
        return 0;
    }
    size_t e = i + k, opened = 0;
    while (e < n && strchr(" \t\n<>\"`", s[e]) == NULL) {
        opened += s[e] == '(';
        e++;
    }
    while (e > i + k && (strchr(".,;:!?'", s[e - 1]) != NULL || (s[e - 1] == ')' && opened == 0))) {
        e--;
    }
    return e > i + k ? e - i : 0;
}

/* Finds the addresses in the sanitised text for m (d->text_links). */
static void find_links(struct view_doc *d, const char *clean, size_t len, struct marks *m)
{
    size_t cap = 0;
    for (size_t i = 0; i < len; i++) {
        size_t k =
            (clean[i] | 0x20) == 'h' || (clean[i] | 0x20) == 'm' ? address_at(clean, len, i) : 0;
        if (k == 0) {
            continue;
        }
        if (m->n_links == cap) {
            cap = cap ? cap * 2 : 4;
            m->links = xreallocarray(m->links, cap, sizeof *m->links);
            m->urls = xreallocarray(m->urls, cap, sizeof *m->urls);
        }
        m->links[m->n_links] = (struct view_span){i, k};
        m->urls[m->n_links++] = arena_strndup(&d->arena, clean + i, k);
        i += k - 1;
    }
}

/* Makes the parts of the addresses that fall in clean[start, end), laid out from column col of
 * the line being built, links. */
static void add_line_links(struct view_doc *d, const char *clean, size_t start, size_t end, int col,
                           const struct marks *m)
{
    for (size_t k = 0; k < m->n_links; k++) {
        size_t ls = m->links[k].start, le = ls + m->links[k].len;
        size_t s = ls > start ? ls : start, e = le < end ? le : end;
        if (e <= s) {
            continue;
        }
        push_link(d, (struct view_link){.line = d->n_lines,
                                        .col = col + text_width(clean + start, s - start),
                                        .width = text_width(clean + s, e - s),
                                        .url = m->urls[k]});
    }
}

/* Appends clean[start, end) in role, with the parts that marks cover in the marks' role. */
static void append_marked(struct view_doc *d, enum view_role role, const char *clean, size_t start,
                          size_t end, struct marks *m)
{
    size_t at = start;
    while (m->next < m->n && m->v[m->next].start + m->v[m->next].len <= at) {
        m->next++;
    }
    for (size_t k = m->next; k < m->n && m->v[k].start < end; k++) {
        size_t ms = m->v[k].start > at ? m->v[k].start : at;
        size_t me = m->v[k].start + m->v[k].len < end ? m->v[k].start + m->v[k].len : end;
        if (me <= ms) {
            continue;
        }
        if (ms > at) {
            append_clean(d, role, clean + at, ms - at);
        }
        append_clean(d, m->role, clean + ms, me - ms);
        at = me;
    }
    if (end > at) {
        append_clean(d, role, clean + at, end - at);
    }
}

/* Emits one wrapped line: the indent (with the prefix on the first line) and the text; a cut
 * line keeps room for " …" and ends with it. */
static void emit_wrapped(struct view_doc *d, enum view_role role, const char *clean,
                         const struct text_line *tl, int indent, const char *prefix,
                         enum view_role prefix_role, uint64_t anchor, struct marks *m, bool cut)
{
    const char *ell = (d->text_flags & TEXT_ASCII) ? " ..." : " \xe2\x80\xa6"; /* U+2026 */
    view_doc_begin_line(d);
    if (prefix != NULL) {
        view_doc_puts(d, prefix_role, prefix);
    }
    view_doc_pad_to(d, indent);
    size_t len = tl->len;
    if (cut) {
        len = text_fit_words(clean + tl->start, tl->len,
                             d->width - indent - text_width(ell, strlen(ell)));
    }
    add_line_links(d, clean, tl->start, tl->start + len, d->cur_width, m);
    append_marked(d, role, clean, tl->start, tl->start + len, m);
    if (cut) {
        view_doc_puts(d, role, ell);
    }
    finish_line(d, anchor);
}

/* max: the most lines to add (0: all); text cut there ends in an ellipsis. */
static size_t add_text(struct view_doc *d, enum view_role role, const char *text, int indent,
                       const char *prefix, enum view_role prefix_role, struct marks *m, size_t max)
{
    if (text == NULL) {
        return 0;
    }
    /* Never let the indent eat the whole line: keep at least half of it for the text. */
    if (indent > d->width / 2) {
        indent = d->width / 2;
    }
    size_t clean_len = 0;
    char *clean = text_sanitize(text, strlen(text), d->text_flags, &clean_len);
    if (d->text_links) {
        find_links(d, clean, clean_len, m);
    }
    struct text_line *tl = NULL;
    size_t n = text_wrap(clean, clean_len, d->width - indent, &tl);
    bool cut = max > 0 && n > max;
    n = cut ? max : n;
    for (size_t i = 0; i < n; i++) {
        uint64_t anchor = ((uint64_t)d->block << 32) | (uint32_t)tl[i].start;
        emit_wrapped(d, role, clean, &tl[i], indent, i == 0 ? prefix : NULL, prefix_role, anchor, m,
                     cut && i + 1 == n);
    }
    if (n == 0 && prefix != NULL) {
        struct text_line empty = {0, 0, 0};
        emit_wrapped(d, role, clean, &empty, indent, prefix, prefix_role, (uint64_t)d->block << 32,
                     m, false);
        n = 1;
    }
    d->block++;
    free(tl);
    free(clean);
    free(m->links);
    free((void *)m->urls);
    m->links = NULL, m->urls = NULL, m->n_links = 0;
    return n;
}

size_t view_doc_add_text(struct view_doc *d, enum view_role role, const char *text, int indent,
                         const char *prefix, enum view_role prefix_role)
{
    struct marks none = {.role = role};
    return add_text(d, role, text, indent, prefix, prefix_role, &none, 0);
}

size_t view_doc_add_text_cut(struct view_doc *d, enum view_role role, const char *text, int indent,
                             const char *prefix, enum view_role prefix_role, size_t max_lines)
{
    struct marks none = {.role = role};
    return add_text(d, role, text, indent, prefix, prefix_role, &none, max_lines);
}

size_t view_doc_add_marked_text(struct view_doc *d, enum view_role role, const char *text,
                                int indent, const char *prefix, enum view_role prefix_role,
                                const struct view_span *marks, size_t n, enum view_role mark_role)
{
    struct marks m = {.v = marks, .n = marks != NULL ? n : 0, .role = mark_role};
    return add_text(d, role, text, indent, prefix, prefix_role, &m, 0);
}

size_t view_doc_add_link(struct view_doc *d, enum view_role role, const char *url, int indent)
{
    bool text_links = d->text_links;
    d->text_links = false; /* the whole of it is the link */
    size_t first = d->n_lines, n = view_doc_add_text(d, role, url, indent, NULL, role);
    d->text_links = text_links;
    for (size_t i = first; i < d->n_lines; i++) {
        if (d->lines[i].width <= indent) {
            continue;
        }
        push_link(d,
                  (struct view_link){
                      .line = i, .col = indent, .width = d->lines[i].width - indent, .url = url});
    }
    return n;
}

void view_doc_begin_item(struct view_doc *d, const char *id)
{
    if (d->n_items == d->cap_items) {
        d->cap_items = d->cap_items ? d->cap_items * 2 : 16;
        d->items = xreallocarray(d->items, d->cap_items, sizeof *d->items);
    }
    struct view_item *it = &d->items[d->n_items++];
    it->id = id;
    it->first = d->n_lines;
    it->count = 0;
    d->in_item = true;
}

void view_doc_end_item(struct view_doc *d)
{
    if (!d->in_item) {
        return;
    }
    struct view_item *it = &d->items[d->n_items - 1];
    it->count = d->n_lines - it->first;
    if (it->count == 0) {
        /* An item must own a line to be selectable: give it an empty one. */
        view_doc_add_blank(d);
        it->count = 1;
    }
    d->in_item = false;
}

size_t view_doc_item_at(const struct view_doc *d, size_t line)
{
    size_t lo = 0, hi = d->n_items;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct view_item *it = &d->items[mid];
        if (line < it->first) {
            hi = mid;
        } else if (line >= it->first + it->count) {
            lo = mid + 1;
        } else {
            return mid;
        }
    }
    return SIZE_MAX;
}

size_t view_doc_find_item(const struct view_doc *d, const char *id)
{
    if (id == NULL) {
        return SIZE_MAX;
    }
    for (size_t i = 0; i < d->n_items; i++) {
        if (d->items[i].id != NULL && strcmp(d->items[i].id, id) == 0) {
            return i;
        }
    }
    return SIZE_MAX;
}
