/* SPDX-License-Identifier: MIT */
/* The editable line behind the search prompt.
 *
 * The text is kept as UTF-8 bytes with the cursor as a byte offset. Invariants: the text is
 * valid UTF-8 of printable characters only (insertion refuses anything else, so drawing needs
 * no more than the usual sanitiser), and the cursor sits at a cluster boundary: a character
 * with the combining marks after it moves and deletes as one, as the user sees it on screen.
 * Sanitising is left to right and keeps a prefix a prefix, which view_input_visible() uses to
 * place the cursor in the sanitised text. */
#include "view_input.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "xalloc.h"

const char *view_input_text(const struct view_input *in)
{
    return in->text != NULL ? in->text : "";
}

void view_input_free(struct view_input *in)
{
    free(in->text);
    memset(in, 0, sizeof *in);
}

static void reserve(struct view_input *in, size_t more)
{
    if (in->len + more + 1 <= in->cap) {
        return;
    }
    size_t cap = in->cap ? in->cap : 32;
    while (cap < in->len + more + 1) {
        cap *= 2;
    }
    bool fresh = in->text == NULL;
    in->text = xreallocarray(in->text, cap, 1);
    in->cap = cap;
    if (fresh) {
        in->text[0] = '\0';
    }
}

static bool printable(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff) ||
        cp > 0x10ffff) {
        return false;
    }
    return cp < 0x7f || wcwidth((wchar_t)cp) >= 0;
}

static bool is_mark(uint32_t cp)
{
    return cp >= 0x300 && printable(cp) && wcwidth((wchar_t)cp) == 0;
}

void view_input_select_all(struct view_input *in)
{
    in->selected = in->len > 0;
}

bool view_input_insert(struct view_input *in, uint32_t cp)
{
    if (!printable(cp)) {
        return false;
    }
    if (in->selected) {
        view_input_clear(in);
    }
    char buf[4];
    size_t n = text_utf8_encode(cp, buf);
    reserve(in, n);
    memmove(in->text + in->cursor + n, in->text + in->cursor, in->len - in->cursor + 1);
    memcpy(in->text + in->cursor, buf, n);
    in->len += n;
    in->cursor += n;
    return true;
}

void view_input_set(struct view_input *in, const char *s)
{
    in->len = in->cursor = 0;
    in->selected = false;
    reserve(in, 0);
    in->text[0] = '\0';
    size_t n = s != NULL ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += text_utf8_decode(s + i, n - i, &cp);
        if (cp != UINT32_MAX) {
            view_input_insert(in, cp);
        }
    }
}

/* The start of the code point that ends at byte i (> 0) of the text. */
static size_t prev_cp(const struct view_input *in, size_t i)
{
    do {
        i--;
    } while (i > 0 && ((unsigned char)in->text[i] & 0xc0) == 0x80);
    return i;
}

/* The code point at byte i (< len); sets *next to the byte after it. */
static uint32_t cp_at(const struct view_input *in, size_t i, size_t *next)
{
    uint32_t cp;
    *next = i + text_utf8_decode(in->text + i, in->len - i, &cp);
    return cp;
}

/* The start of the cluster before byte i (> 0): back over combining marks to their base. */
static size_t prev_cluster(const struct view_input *in, size_t i)
{
    size_t next;
    i = prev_cp(in, i);
    while (i > 0 && is_mark(cp_at(in, i, &next))) {
        i = prev_cp(in, i);
    }
    return i;
}

/* The end of the cluster that starts at byte i (< len). */
static size_t next_cluster(const struct view_input *in, size_t i)
{
    size_t next;
    cp_at(in, i, &next);
    while (next < in->len) {
        size_t after;
        if (!is_mark(cp_at(in, next, &after))) {
            break;
        }
        next = after;
    }
    return next;
}

static void cut(struct view_input *in, size_t from, size_t to)
{
    memmove(in->text + from, in->text + to, in->len - to + 1);
    in->len -= to - from;
    in->cursor = from;
}

bool view_input_backspace(struct view_input *in)
{
    if (in->selected) {
        return view_input_clear(in);
    }
    if (in->cursor == 0) {
        return false;
    }
    cut(in, prev_cluster(in, in->cursor), in->cursor);
    return true;
}

bool view_input_delete(struct view_input *in)
{
    if (in->selected) {
        return view_input_clear(in);
    }
    if (in->cursor >= in->len) {
        return false;
    }
    cut(in, in->cursor, next_cluster(in, in->cursor));
    return true;
}

bool view_input_clear(struct view_input *in)
{
    in->selected = false;
    if (in->len == 0) {
        return false;
    }
    cut(in, 0, in->len);
    return true;
}

bool view_input_left(struct view_input *in)
{
    in->selected = false;
    if (in->cursor == 0) {
        return false;
    }
    in->cursor = prev_cluster(in, in->cursor);
    return true;
}

bool view_input_right(struct view_input *in)
{
    in->selected = false;
    if (in->cursor >= in->len) {
        return false;
    }
    in->cursor = next_cluster(in, in->cursor);
    return true;
}

bool view_input_home(struct view_input *in)
{
    in->selected = false;
    bool moved = in->cursor != 0;
    in->cursor = 0;
    return moved;
}

bool view_input_end(struct view_input *in)
{
    in->selected = false;
    bool moved = in->cursor != in->len;
    in->cursor = in->len;
    return moved;
}

char *view_input_visible(const struct view_input *in, int width, unsigned text_flags, size_t *from,
                         int *cursor_col)
{
    unsigned flags = TEXT_ONE_LINE | (text_flags & TEXT_ASCII);
    const char *text = view_input_text(in);
    size_t all_len, before_len;
    char *all = text_sanitize(text, in->len, flags, &all_len);
    char *before = text_sanitize(text, in->cursor, flags, &before_len);
    free(before); /* only its length matters: a sanitised prefix is a prefix of `all` */
    int max = width < 1 ? 0 : width - 1;
    /* Drop whole characters from the left until the cursor's column fits. */
    size_t start = 0;
    int col = text_width(all, before_len);
    while (col > max && start < before_len) {
        size_t n = text_fit(all + start, before_len - start, 1, NULL);
        if (n == 0) { /* a wide character */
            n = text_fit(all + start, before_len - start, 2, NULL);
        }
        if (n == 0) {
            n = 1;
        }
        start += n;
        col = text_width(all + start, before_len - start);
    }
    *from = start;
    *cursor_col = col;
    return all;
}
