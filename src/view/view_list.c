/* SPDX-License-Identifier: MIT */
/* List movement over a view_doc.
 *
 * Invariants after every call: top <= max_top (the last page is full when the document is
 * longer than the view), sel < n_items (or SIZE_MAX without items), and the selected item's
 * first line is visible, except below the last item. Moving to the first item also shows the
 * lines above it (a screen's title), moving to the last item shows the lines below it (the call
 * to action on Home) as long as the item itself stays visible. From there Down, Page Down and
 * the wheel go on as in a pager, past the item's first line, through the rest of a tall item
 * and the text after the list, and stop at the last page; Up and Page Up come back the same
 * way to the item before the selection moves. */
#include "view_list.h"

static size_t max_top(const struct view_doc *d, size_t height)
{
    return d->n_lines > height ? d->n_lines - height : 0;
}

void view_list_reset(struct view_pos *p, const struct view_doc *d)
{
    p->top = 0;
    p->sel = d->n_items > 0 ? 0 : SIZE_MAX;
}

/* Whether the view is below the first line of the selected item, the last one: reading what
 * follows the list. */
static bool past_last(const struct view_pos *p, const struct view_doc *d)
{
    return p->sel != SIZE_MAX && p->sel + 1 == d->n_items && d->items[p->sel].first < p->top;
}

/* Scrolls the least amount that shows the selected item (its first line when it is taller
 * than the view); below the last item, only back to the last page. */
static void follow(struct view_pos *p, const struct view_doc *d, size_t height)
{
    if (height == 0) {
        height = 1;
    }
    if (p->sel != SIZE_MAX && !past_last(p, d)) {
        const struct view_item *it = &d->items[p->sel];
        size_t last = it->first + (it->count > height ? 1 : it->count) - 1;
        bool only = d->n_items == 1 && p->top <= it->first; /* one item in view: stay */
        if (p->sel == 0 && last < height && !only) {
            p->top = 0;
        } else if (it->first < p->top) {
            p->top = it->first;
        } else if (last >= p->top + height) {
            p->top = last + 1 - height;
        }
        /* The last item shows the lines after it, unless it is also the first (a list of one
         * item opens at its top; Down then scrolls to them). */
        if (p->sel + 1 == d->n_items && p->sel > 0) {
            size_t want = max_top(d, height);
            if (want > p->top) {
                p->top = want < it->first ? want : it->first;
            }
        }
    }
    if (p->top > max_top(d, height)) {
        p->top = max_top(d, height);
    }
}

void view_list_fix(struct view_pos *p, const struct view_doc *d, size_t height)
{
    if (d->n_items == 0) {
        p->sel = SIZE_MAX;
    } else if (p->sel == SIZE_MAX || p->sel >= d->n_items) {
        p->sel = p->sel == SIZE_MAX ? 0 : d->n_items - 1;
    }
    follow(p, d, height);
}

/* The first item starting inside [top, top + height), else the item holding top. */
static size_t first_visible_item(const struct view_doc *d, size_t top, size_t height)
{
    for (size_t i = 0; i < d->n_items; i++) {
        if (d->items[i].first >= top && d->items[i].first < top + height) {
            return i;
        }
        if (d->items[i].first >= top + height) {
            break;
        }
    }
    size_t at = view_doc_item_at(d, top);
    return at != SIZE_MAX ? at : SIZE_MAX;
}

static size_t last_visible_item(const struct view_doc *d, size_t top, size_t height)
{
    for (size_t i = d->n_items; i-- > 0;) {
        if (d->items[i].first >= top && d->items[i].first < top + height) {
            return i;
        }
    }
    return first_visible_item(d, top, height);
}

static bool move_text(struct view_pos *p, const struct view_doc *d, enum view_move m, size_t height)
{
    size_t old = p->top, page = height > 1 ? height - 1 : 1, end = max_top(d, height);
    switch (m) {
    case VIEW_MOVE_UP:
        p->top = p->top > 0 ? p->top - 1 : 0;
        break;
    case VIEW_MOVE_DOWN:
        p->top = p->top < end ? p->top + 1 : end;
        break;
    case VIEW_MOVE_PAGE_UP:
        p->top = p->top > page ? p->top - page : 0;
        break;
    case VIEW_MOVE_PAGE_DOWN:
        p->top = p->top + page < end ? p->top + page : end;
        break;
    case VIEW_MOVE_HOME:
        p->top = 0;
        break;
    case VIEW_MOVE_END:
        p->top = end;
        break;
    }
    return p->top != old;
}

static void page_list(struct view_pos *p, const struct view_doc *d, bool down, size_t height)
{
    size_t page = height > 1 ? height - 1 : 1, end = max_top(d, height);
    if (down) {
        if (p->sel + 1 == d->n_items) { /* the last item: on through what follows it */
            p->top = p->top + page < end ? p->top + page : end;
            return;
        }
        if (p->top >= end) {
            p->sel = d->n_items - 1;
            return;
        }
        p->top = p->top + page < end ? p->top + page : end;
        size_t i = p->top >= end ? last_visible_item(d, p->top, height)
                                 : first_visible_item(d, p->top, height);
        p->sel = (i != SIZE_MAX && i > p->sel) ? i : p->sel + 1;
    } else {
        if (past_last(p, d)) { /* back through what follows the last item, to its first line */
            size_t first = d->items[p->sel].first;
            p->top = p->top > first + page ? p->top - page : first;
            return;
        }
        if (p->top == 0 || p->sel == 0) {
            p->sel = 0;
            return;
        }
        p->top = p->top > page ? p->top - page : 0;
        size_t i = first_visible_item(d, p->top, height);
        p->sel = (i != SIZE_MAX && i < p->sel) ? i : p->sel - 1;
    }
}

bool view_list_move(struct view_pos *p, const struct view_doc *d, enum view_move m, size_t height)
{
    if (d->n_items == 0) {
        return move_text(p, d, m, height);
    }
    struct view_pos old = *p;
    view_list_fix(p, d, height);
    switch (m) {
    case VIEW_MOVE_UP:
        if (past_last(p, d)) {
            p->top--; /* back up through what follows the last item */
            return true;
        }
        if (p->sel > 0) {
            p->sel--;
        } else if (p->top > 0) {
            p->top--; /* on the first item: the lines before it */
            return true;
        }
        break;
    case VIEW_MOVE_DOWN:
        if (p->sel + 1 < d->n_items) {
            p->sel++;
        } else if (p->top < max_top(d, height)) {
            p->top++; /* on the last item: the rest of it and the lines after it */
            return true;
        }
        break;
    case VIEW_MOVE_PAGE_UP:
        page_list(p, d, false, height);
        break;
    case VIEW_MOVE_PAGE_DOWN:
        page_list(p, d, true, height);
        break;
    case VIEW_MOVE_HOME:
        p->sel = 0;
        p->top = 0;
        break;
    case VIEW_MOVE_END:
        p->sel = d->n_items - 1;
        break;
    }
    follow(p, d, height);
    return p->top != old.top || p->sel != old.sel;
}

bool view_list_scroll(struct view_pos *p, const struct view_doc *d, long delta, size_t height)
{
    struct view_pos old = *p;
    size_t end = max_top(d, height);
    if (delta < 0) {
        size_t up = (size_t)-delta;
        p->top = p->top > up ? p->top - up : 0;
    } else {
        p->top = p->top + (size_t)delta < end ? p->top + (size_t)delta : end;
    }
    if (p->sel != SIZE_MAX && p->sel < d->n_items) {
        const struct view_item *it = &d->items[p->sel];
        if (it->first < p->top || it->first >= p->top + height) {
            size_t i = delta < 0 ? last_visible_item(d, p->top, height)
                                 : first_visible_item(d, p->top, height);
            if (i != SIZE_MAX) {
                p->sel = i;
            }
        }
    }
    return p->top != old.top || p->sel != old.sel;
}

size_t view_list_hit(const struct view_pos *p, const struct view_doc *d, size_t row)
{
    return view_doc_item_at(d, p->top + row);
}

void view_list_save(const struct view_pos *p, const struct view_doc *d, struct view_mark *m)
{
    m->sel = p->sel;
    m->id = (p->sel != SIZE_MAX && p->sel < d->n_items) ? d->items[p->sel].id : NULL;
    m->top_anchor = p->top < d->n_lines ? d->lines[p->top].anchor : 0;
}

void view_list_restore(struct view_pos *p, const struct view_doc *d, const struct view_mark *m,
                       size_t height)
{
    size_t sel = view_doc_find_item(d, m->id);
    p->sel = sel != SIZE_MAX ? sel : m->sel;
    /* The last line that starts at or before the old top line's text. */
    size_t lo = 0, hi = d->n_lines;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->lines[mid].anchor <= m->top_anchor) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    p->top = lo > 0 ? lo - 1 : 0;
    view_list_fix(p, d, height);
}

bool view_list_select_id(struct view_pos *p, const struct view_doc *d, const char *id,
                         size_t height)
{
    size_t item = view_doc_find_item(d, id);
    if (item == SIZE_MAX) {
        return false;
    }
    p->sel = item;
    view_list_fix(p, d, height);
    return true;
}
