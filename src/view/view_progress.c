/* SPDX-License-Identifier: MIT */
/* Checklist progress as document pieces: marks, bars, ratios and counts.
 *
 * A bar is `cells` characters, filled from the left: done * cells / (total - skipped), rounded
 * down, so a bar looks full only when the percentage says 100. Skipped actions leave the
 * denominator everywhere (bar, ratio, percentage), as in progress_percent(). The bar shrinks on
 * a narrow line so the ratio text after it always fits; it disappears below
 * VIEW_PROGRESS_BAR_MIN cells rather than draw something meaningless. */
#include "view_progress.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

const char *view_progress_mark(enum progress_state state)
{
    switch (state) {
    case PROGRESS_DONE:
        return "[x]";
    case PROGRESS_IN_PROGRESS:
        return "[~]";
    case PROGRESS_SKIPPED:
        return "[-]";
    case PROGRESS_TODO:
        break;
    }
    return "[ ]";
}

const char *view_progress_state_words(enum progress_state state, bool capital)
{
    switch (state) {
    case PROGRESS_DONE:
        return capital ? "Done" : "done";
    case PROGRESS_IN_PROGRESS:
        return capital ? "In progress" : "in progress";
    case PROGRESS_SKIPPED:
        return capital ? "Skipped" : "skipped";
    case PROGRESS_TODO:
        break;
    }
    return capital ? "To do" : "to do";
}

enum view_role view_progress_mark_role(enum progress_state state)
{
    switch (state) {
    case PROGRESS_DONE:
        return VIEW_ROLE_DONE;
    case PROGRESS_IN_PROGRESS:
        return VIEW_ROLE_STARTED;
    case PROGRESS_SKIPPED:
        return VIEW_ROLE_SKIPPED;
    case PROGRESS_TODO:
        break;
    }
    return VIEW_ROLE_CHECKBOX;
}

int view_progress_filled(const struct progress_counts *c, int cells)
{
    if (cells <= 0 || c->total == 0) {
        return 0;
    }
    size_t denom = c->total - c->skipped;
    if (denom == 0) {
        return cells;
    }
    size_t done = c->done < denom ? c->done : denom;
    return (int)(done * (size_t)cells / denom);
}

char *view_progress_counts_text(const struct progress_counts *c, bool ascii, char *buf, size_t size)
{
    const char *sep = text_sep(ascii ? TEXT_ASCII : 0);
    snprintf(buf, size, "done %zu%sin progress %zu%sskipped %zu%sto do %zu", c->done, sep,
             c->in_progress, sep, c->skipped, sep, c->todo);
    return buf;
}

char *view_progress_ratio_text(const struct progress_counts *c, bool ascii, char *buf, size_t size)
{
    snprintf(buf, size, "%zu/%zu%s%u%%", c->done, c->total - c->skipped,
             text_sep(ascii ? TEXT_ASCII : 0), progress_percent(c));
    return buf;
}

void view_progress_put_bar(struct view_doc *d, const struct progress_counts *c)
{
    bool ascii = (d->text_flags & TEXT_ASCII) != 0;
    char ratio[96];
    view_progress_ratio_text(c, ascii, ratio, sizeof ratio);
    int room = d->width - view_doc_line_width(d) - 2 - text_width(ratio, strlen(ratio));
    int cells = room < VIEW_PROGRESS_BAR_MAX ? room : VIEW_PROGRESS_BAR_MAX;
    if (cells >= VIEW_PROGRESS_BAR_MIN) {
        int filled = view_progress_filled(c, cells);
        const char *full = ascii ? "#" : "\xe2\x96\x88";  /* U+2588 full block */
        const char *empty = ascii ? "-" : "\xe2\x96\x91"; /* U+2591 light shade */
        for (int i = 0; i < cells; i++) {
            view_doc_puts(d, i < filled ? VIEW_ROLE_BAR : VIEW_ROLE_BAR_EMPTY,
                          i < filled ? full : empty);
        }
        view_doc_pad_to(d, view_doc_line_width(d) + 2);
    }
    view_doc_puts(d, VIEW_ROLE_NUMBER, ratio);
}

void view_progress_add_bar_line(struct view_doc *d, const struct progress_counts *c, int indent)
{
    view_doc_begin_line(d);
    view_doc_pad_to(d, indent);
    view_progress_put_bar(d, c);
    view_doc_end_line(d);
}
