/* SPDX-License-Identifier: MIT */
/* The block YAML that libyaml's emitter writes for trail, read without libyaml: see
 * ydoc_fast.h.
 *
 * The input is taken line by line. A line is a mapping entry ("key:", "key: value"), or a
 * sequence entry ("- value"), at an indentation that opens, continues or closes the
 * collections above it by the block rules. Keys and values are one-line scalars: plain, in
 * single or in double quotes; a value may also be a literal block ("|" or "|-") on the lines
 * below. Anything else gives up before the caller keeps anything, and the caller hands the
 * whole input to libyaml: a comment, a blank line outside a literal block, a flow collection,
 * a tab, a carriage return, a control or a line-breaking character, a plain scalar continued
 * on the next line, a quoted one over several lines, "|+", an indentation indicator, a
 * document marker, a sequence of collections. So this reader needs to be right only about
 * what it takes, and tests/unit/test_ydoc_fast.c compares its events with libyaml's, marks
 * included, on every input it takes. */
#include "ydoc_fast.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

#define MAX_OPEN 64 /* nested collections taken; deeper input goes to libyaml */

struct open_coll {
    bool seq;
    size_t indent;
};

struct reader {
    const char *buf, *end;
    const char *line; /* the current line, its end (at '\n') and its number (0-based) */
    const char *eol;
    size_t lno;
    struct open_coll open[MAX_OPEN];
    size_t depth;
    bool pending;          /* a key with nothing after its ':' waits for its value */
    size_t pending_indent; /* the mapping the pending key is in */
    yaml_mark_t pending_mark;
    int (*emit)(void *, const yaml_event_t *);
    void *ctx;
    char *scratch; /* decoded double-quoted text and literal blocks */
    size_t scratch_len, scratch_cap;
    bool failed; /* emit() refused an event */
};

/* Whether buf holds only what this reader can take as characters: valid UTF-8, no control
 * byte but the line feed, no DEL, no C1 control (NEL among them), no line or paragraph
 * separator, no byte order mark, no U+FFFE or U+FFFF (libyaml refuses or breaks lines on
 * these), and a line feed at the end. */
static bool plain_text(const char *buf, size_t len)
{
    if (len == 0 || buf[len - 1] != '\n' || !text_utf8_valid(buf, len, NULL)) {
        return false;
    }
    const unsigned char *p = (const unsigned char *)buf, *e = p + len;
    for (; p < e; p++) {
        unsigned c = *p;
        if (c >= 0x20 && c < 0x7f) {
            continue;
        }
        if ((c < 0x20 && c != '\n') || c == 0x7f) {
            return false;
        }
        if (c == 0xc2 && p + 1 < e && p[1] < 0xa0) {
            return false;
        }
        if (c == 0xe2 && p + 2 < e && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
            return false;
        }
        if (c == 0xef && p + 2 < e &&
            ((p[1] == 0xbb && p[2] == 0xbf) || (p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf)))) {
            return false;
        }
    }
    return true;
}

/* The mark of s on the current line: its column counted in characters, as libyaml does. */
static yaml_mark_t mark_at(const struct reader *r, const char *s)
{
    size_t col = 0;
    for (const char *c = r->line; c < s; c++) {
        col += ((unsigned char)*c & 0xc0) != 0x80;
    }
    yaml_mark_t m = {.index = (size_t)(s - r->buf), .line = r->lno, .column = col};
    return m;
}

static void send(struct reader *r, yaml_event_t *ev)
{
    if (!r->failed && r->emit(r->ctx, ev) < 0) {
        r->failed = true;
    }
}

static void send_open(struct reader *r, bool seq, yaml_mark_t m)
{
    yaml_event_t ev;
    memset(&ev, 0, sizeof ev);
    ev.type = seq ? YAML_SEQUENCE_START_EVENT : YAML_MAPPING_START_EVENT;
    ev.start_mark = ev.end_mark = m;
    if (seq) {
        ev.data.sequence_start.implicit = 1;
        ev.data.sequence_start.style = YAML_BLOCK_SEQUENCE_STYLE;
    } else {
        ev.data.mapping_start.implicit = 1;
        ev.data.mapping_start.style = YAML_BLOCK_MAPPING_STYLE;
    }
    send(r, &ev);
}

static void send_close(struct reader *r)
{
    yaml_event_t ev;
    memset(&ev, 0, sizeof ev);
    ev.type = r->open[r->depth - 1].seq ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT;
    ev.start_mark = ev.end_mark = mark_at(r, r->line);
    send(r, &ev);
    r->depth--;
}

static void send_scalar(struct reader *r, const char *s, size_t len, yaml_scalar_style_t style,
                        yaml_mark_t m)
{
    yaml_event_t ev;
    memset(&ev, 0, sizeof ev);
    ev.type = YAML_SCALAR_EVENT;
    ev.start_mark = ev.end_mark = m;
    ev.data.scalar.value = (yaml_char_t *)(s != NULL ? s : ""); /* '' before any text */
    ev.data.scalar.length = len;
    ev.data.scalar.plain_implicit = style == YAML_PLAIN_SCALAR_STYLE;
    ev.data.scalar.quoted_implicit = style != YAML_PLAIN_SCALAR_STYLE;
    ev.data.scalar.style = style;
    send(r, &ev);
}

static void put(struct reader *r, const char *s, size_t n)
{
    if (n == 0) {
        return;
    }
    if (r->scratch_len + n > r->scratch_cap) {
        size_t cap = r->scratch_cap ? r->scratch_cap : 256;
        while (r->scratch_len + n > cap) {
            cap *= 2;
        }
        r->scratch = xreallocarray(r->scratch, cap, 1);
        r->scratch_cap = cap;
    }
    memcpy(r->scratch + r->scratch_len, s, n);
    r->scratch_len += n;
}

/* A plain scalar at [s, e) taken as one: printable characters (plain_text() checked those
 * past ASCII), not starting with an indicator or a space, no ": " or " #" inside, not ending
 * in a space or ':'. (A flow indicator inside is text: this is block context.) */
static bool plain_ok(const char *s, const char *e)
{
    static const char first_bad[] = "-?:,[]{}#&*!|>'\"%@` ";
    if (s == e || strchr(first_bad, *s) != NULL || e[-1] == ' ' || e[-1] == ':') {
        return false;
    }
    for (const char *c = s; c < e; c++) {
        unsigned char ch = (unsigned char)*c;
        if (ch < 0x20 || ch == 0x7f || (ch == ':' && c[1] == ' ') || (ch == '#' && c[-1] == ' ')) {
            return false;
        }
    }
    return true;
}

/* A single-quoted scalar starting at s (its quote): decoded into the scratch, *after set past
 * its closing quote; false when it does not close on this line. */
static bool single_quoted(struct reader *r, const char *s, const char **after)
{
    r->scratch_len = 0;
    const char *c = s + 1;
    for (;;) {
        const char *q = memchr(c, '\'', (size_t)(r->eol - c));
        if (q == NULL) {
            return false;
        }
        put(r, c, (size_t)(q - c));
        if (q + 1 < r->eol && q[1] == '\'') {
            put(r, "'", 1);
            c = q + 2;
            continue;
        }
        *after = q + 1;
        return true;
    }
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

static void put_code_point(struct reader *r, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xc0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xe0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
    } else {
        u[0] = (char)(0xf0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), u[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
    }
    put(r, u, n);
}

/* A double-quoted scalar starting at s (its quote), with YAML's escapes, decoded into the
 * scratch; false when it does not close on this line or has an escape taken to libyaml. */
static bool double_quoted(struct reader *r, const char *s, const char **after)
{
    r->scratch_len = 0;
    const char *c = s + 1;
    while (c < r->eol && *c != '"') {
        const char *run = c;
        while (c < r->eol && *c != '"' && *c != '\\') {
            c++;
        }
        put(r, run, (size_t)(c - run));
        if (c >= r->eol || *c == '"') {
            break;
        }
        if (c + 1 >= r->eol) {
            return false; /* an escaped line break: the text goes on on the next line */
        }
        char e = c[1];
        static const char simple_in[] = "0abtnvfre \"/\\";
        static const char simple_out[] = "\0\a\b\t\n\v\f\r\033 \"/\\";
        const char *k = e != '\0' ? strchr(simple_in, e) : NULL;
        if (k != NULL) {
            put(r, &simple_out[k - simple_in], 1);
            c += 2;
            continue;
        }
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        uint32_t cp = 0;
        if (e == 'N' || e == '_' || e == 'L' || e == 'P') {
            cp = e == 'N' ? 0x85 : e == '_' ? 0xa0 : e == 'L' ? 0x2028 : 0x2029;
        } else if (digits == 0 || (size_t)(r->eol - c) < 2 + digits) {
            return false;
        } else {
            for (size_t i = 0; i < digits; i++) {
                int v = hex_value(c[2 + i]);
                if (v < 0) {
                    return false;
                }
                cp = cp << 4 | (uint32_t)v;
            }
            if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
                return false;
            }
        }
        put_code_point(r, cp);
        c += 2 + digits;
    }
    if (c >= r->eol) {
        return false;
    }
    *after = c + 1;
    return true;
}

/* A one-line scalar at s ending at end (the end of its line, or the ':' after a key): plain
 * when it starts with neither quote. Sent with its mark. */
static bool scalar(struct reader *r, const char *s, const char *end)
{
    const char *after = NULL;
    yaml_mark_t m = mark_at(r, s);
    if (*s == '\'' || *s == '"') {
        if (!(*s == '\'' ? single_quoted(r, s, &after) : double_quoted(r, s, &after)) ||
            after != end) {
            return false;
        }
        send_scalar(r, r->scratch, r->scratch_len,
                    *s == '\'' ? YAML_SINGLE_QUOTED_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE,
                    m);
        return true;
    }
    if (!plain_ok(s, end)) {
        return false;
    }
    send_scalar(r, s, (size_t)(end - s), YAML_PLAIN_SCALAR_STYLE, m);
    return true;
}

static bool next_line(struct reader *r)
{
    r->line = r->eol + 1;
    r->lno++;
    if (r->line >= r->end) {
        return false;
    }
    r->eol = memchr(r->line, '\n', (size_t)(r->end - r->line));
    return true;
}

static size_t indent_of(const char *line, const char *eol)
{
    const char *c = line;
    while (c < eol && *c == ' ') {
        c++;
    }
    return (size_t)(c - line);
}

/* A literal block ("|" clips its last line break, "|-" strips it) whose indicator is at s on
 * the current line, in a collection indented by `parent`: its lines are read (the reader is
 * left on the last of them) and it is sent. */
static bool literal(struct reader *r, const char *s, size_t parent)
{
    bool strip = s + 1 < r->eol && s[1] == '-';
    if (s + 1 + strip != r->eol) {
        return false; /* "|+", an indentation indicator or a comment: libyaml's */
    }
    yaml_mark_t m = mark_at(r, s);
    const char *save_line = r->line, *save_eol = r->eol;
    size_t save_lno = r->lno;
    r->scratch_len = 0;
    size_t indent = 0, lines = 0, empty_run = 0;
    while (r->eol + 1 < r->end) {
        const char *line = r->eol + 1;
        const char *eol = memchr(line, '\n', (size_t)(r->end - line));
        size_t ind = indent_of(line, eol);
        if (ind == (size_t)(eol - line)) {
            if (lines == 0 || ind > 0) {
                return false; /* leading blank lines, or one of spaces: libyaml's rules */
            }
            empty_run++;
            next_line(r);
            continue;
        }
        if (lines == 0) {
            if (ind <= parent) {
                break;
            }
            indent = ind;
        } else if (ind < indent) {
            break;
        }
        for (; empty_run > 0; empty_run--) {
            put(r, "\n", 1);
        }
        if (lines > 0) {
            put(r, "\n", 1);
        }
        put(r, line + indent, (size_t)(eol - line) - indent);
        lines++;
        next_line(r);
    }
    if (lines == 0) {
        r->line = save_line, r->eol = save_eol, r->lno = save_lno;
        return false;
    }
    if (empty_run > 0) {
        /* Blank lines before what ends the block belong to it, and clipping drops them: the
         * reader steps back so that the next line read is the one after the text. */
        return false;
    }
    if (!strip) {
        put(r, "\n", 1);
    }
    send_scalar(r, r->scratch, r->scratch_len, YAML_LITERAL_SCALAR_STYLE, m);
    return true;
}

/* Closes the collections the current line (indented by ind) ends; false when the line does not
 * fit the collection it lands in. A sequence entry continues a sequence at its indentation; a
 * mapping entry continues a mapping at its indentation and ends a sequence there (a sequence
 * under a key may sit at the key's own indentation). */
static bool settle(struct reader *r, size_t ind, bool entry_is_seq)
{
    if (r->pending) {
        if (entry_is_seq ? ind >= r->pending_indent : ind > r->pending_indent) {
            if (r->depth == MAX_OPEN) {
                return false;
            }
            r->open[r->depth++] = (struct open_coll){.seq = entry_is_seq, .indent = ind};
            send_open(r, entry_is_seq, mark_at(r, r->line + ind));
            r->pending = false;
            return true;
        }
        send_scalar(r, "", 0, YAML_PLAIN_SCALAR_STYLE, r->pending_mark);
        r->pending = false;
    }
    while (r->depth > 0) {
        struct open_coll *top = &r->open[r->depth - 1];
        if (top->indent > ind || (top->indent == ind && top->seq && !entry_is_seq)) {
            send_close(r);
            continue;
        }
        return top->indent == ind && top->seq == entry_is_seq;
    }
    return false;
}

/* The current line: a mapping entry or a sequence entry. */
static bool take_line(struct reader *r)
{
    size_t ind = indent_of(r->line, r->eol);
    const char *s = r->line + ind;
    if (s == r->eol || *s == '#' ||
        (ind == 0 && (*s == '-' || *s == '.') && r->eol - s >= 3 &&
         memcmp(s, *s == '-' ? "---" : "...", 3) == 0)) {
        return false;
    }
    if (*s == '-' && (s + 1 == r->eol || s[1] == ' ')) {
        if (s + 1 == r->eol || !settle(r, ind, true)) {
            return false;
        }
        const char *v = s + 2;
        return *v != '|' && *v != '-' && scalar(r, v, r->eol);
    }
    /* A key: quoted, or plain up to its ": " or final ':'. */
    const char *colon;
    if (*s == '\'' || *s == '"') {
        const char *after = NULL;
        if (!(*s == '\'' ? single_quoted(r, s, &after) : double_quoted(r, s, &after)) ||
            after >= r->eol || *after != ':') {
            return false;
        }
        colon = after;
    } else {
        colon = s;
        while (colon < r->eol && !(*colon == ':' && (colon + 1 == r->eol || colon[1] == ' '))) {
            colon++;
        }
        if (colon == r->eol) {
            return false;
        }
    }
    if (colon - s > 1000 ||
        (colon + 1 < r->eol && (colon[1] != ' ' || colon + 2 == r->eol || colon[2] == ' '))) {
        return false; /* a long key (libyaml's limit is 1024), "key: " with nothing, "key:x",
                         or more than one space */
    }
    if (r->depth == 0 && r->lno == 0 && ind == 0) {
        r->open[r->depth++] = (struct open_coll){.seq = false, .indent = 0};
        send_open(r, false, mark_at(r, s));
    } else if (!settle(r, ind, false)) {
        return false;
    }
    if (!scalar(r, s, colon)) {
        return false;
    }
    if (colon + 1 == r->eol) {
        r->pending = true;
        r->pending_indent = ind;
        r->pending_mark = mark_at(r, colon + 1);
        return true;
    }
    const char *v = colon + 2;
    if (*v == '|') {
        return literal(r, v, ind);
    }
    return scalar(r, v, r->eol);
}

int ydoc_fast_read(const char *buf, size_t len, int (*emit)(void *, const yaml_event_t *),
                   void *ctx)
{
    if (!plain_text(buf, len)) {
        return 0;
    }
    struct reader r = {.buf = buf, .end = buf + len, .emit = emit, .ctx = ctx};
    r.line = buf;
    r.eol = memchr(buf, '\n', len);
    bool ok = true;
    do {
        ok = take_line(&r);
    } while (ok && !r.failed && next_line(&r));
    if (ok && !r.failed) {
        r.line = r.end; /* the end's mark: past the last line */
        if (r.pending) {
            send_scalar(&r, "", 0, YAML_PLAIN_SCALAR_STYLE, r.pending_mark);
        }
        while (r.depth > 0) {
            r.line = r.end;
            send_close(&r);
        }
    }
    free(r.scratch);
    if (r.failed) {
        return -1;
    }
    return ok ? 1 : 0;
}
