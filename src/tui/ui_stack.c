/* SPDX-License-Identifier: MIT */
/* The screen stack and the feature state kept beside it. Screens are laid out lazily: when
 * the width they were laid out for differs, or they are stale, with the selection and scroll
 * carried across by id and anchor (view_list_save() / view_list_restore()). */
#include "ui_stack.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ui_screen *ui_top(struct ui *ui)
{
    return &ui->stack[ui->depth - 1];
}

size_t ui_body_height(const struct ui *ui)
{
    return ui->rows > 2 ? (size_t)ui->rows - 2 : 1;
}

void ui_layout_screen(struct ui *ui, struct ui_screen *s)
{
    size_t h = ui_body_height(ui);
    if (s->width == ui->measure && !s->stale && (!s->ops->fits_height || s->height == h)) {
        view_list_fix(&s->pos, &s->doc, h);
        return;
    }
    struct view_mark mark;
    bool had = s->width >= 0;
    if (had) {
        view_list_save(&s->pos, &s->doc, &mark);
        view_doc_free(&s->doc);
    }
    view_doc_init(&s->doc, ui->measure, ui->text_flags);
    /* A plan's links are addresses in its text: hyperlinks wherever the text is shown. */
    s->doc.text_links = ui->g != NULL && ui->g->markdown;
    s->ops->layout(ui, s, &s->doc);
    s->width = ui->measure;
    s->height = h;
    s->stale = false;
    if (had) {
        view_list_restore(&s->pos, &s->doc, &mark, h);
    } else {
        view_list_reset(&s->pos, &s->doc);
        view_list_fix(&s->pos, &s->doc, h);
    }
}

void ui_stale_all(struct ui *ui)
{
    for (size_t i = 0; i < ui->depth; i++) {
        ui->stack[i].stale = true;
    }
}

struct ui_screen *ui_push(struct ui *ui, const struct ui_screen_ops *ops, size_t index,
                          const char *crumb)
{
    if (ui->depth == UI_STACK_MAX) {
        return NULL;
    }
    struct ui_screen *s = &ui->stack[ui->depth++];
    memset(s, 0, sizeof *s);
    s->ops = ops;
    s->index = index;
    s->crumb = crumb != NULL ? crumb : "";
    s->width = -1;
    ui_layout_screen(ui, s);
    return s;
}

struct ui_screen *ui_push_kind(struct ui *ui, const char *kind, size_t index, const char *crumb)
{
    for (size_t i = 0; i < ui->app->n_screens; i++) {
        if (strcmp(ui->app->screens[i]->kind, kind) == 0) {
            return ui_push(ui, ui->app->screens[i], index, crumb);
        }
    }
    return NULL;
}

struct ui_screen *ui_push_diag(struct ui *ui, const char *kind, size_t index, const char *crumb,
                               struct diag *d)
{
    struct ui_screen *s = ui_push_kind(ui, kind, index, crumb);
    if (s == NULL) {
        diag_free(d);
        return NULL;
    }
    s->diag = *d;
    *d = (struct diag){0};
    s->stale = true; /* lay out again, now with the messages */
    ui_layout_screen(ui, s);
    return s;
}

static void pop(struct ui *ui)
{
    struct ui_screen *s = ui_top(ui);
    if (s->ops->leave != NULL) {
        s->ops->leave(ui, s);
    }
    view_doc_free(&s->doc);
    diag_free(&s->diag);
    ui->depth--;
}

void ui_pop(struct ui *ui)
{
    if (ui->depth > 1) {
        pop(ui);
    }
}

void ui_pop_to(struct ui *ui, size_t depth)
{
    depth = depth < 1 ? 1 : depth;
    while (ui->depth > depth) {
        pop(ui);
    }
}

void ui_pop_all(struct ui *ui)
{
    while (ui->depth > 0) {
        pop(ui);
    }
}

bool ui_is(const struct ui_screen *s, const char *kind)
{
    return strcmp(s->ops->kind, kind) == 0;
}

size_t ui_find(const struct ui *ui, const char *kind)
{
    for (size_t i = ui->depth; i-- > 1;) {
        if (ui_is(&ui->stack[i], kind)) {
            return i;
        }
    }
    return SIZE_MAX;
}

bool ui_select_id(struct ui *ui, struct ui_screen *s, const char *id)
{
    ui_layout_screen(ui, s);
    return view_list_select_id(&s->pos, &s->doc, id, ui_body_height(ui));
}

const char *ui_subject(const struct ui *ui, const struct ui_screen *s)
{
    if (s->ops->subject != NULL) {
        return s->ops->subject(ui, s);
    }
    return s->pos.sel < s->doc.n_items ? s->doc.items[s->pos.sel].id : NULL;
}

unsigned ui_scope(const struct ui *ui)
{
    const struct ui_screen *top = &ui->stack[ui->depth - 1];
    unsigned scope = top->ops->scope;
    if (ui->base_back && ui->depth == 1) {
        scope |= UI_SCOPE_SUB; /* Back from the bottom screen to what is below it */
    }
    if (top->ops->scope_here != NULL) {
        scope |= top->ops->scope_here(ui, top);
    }
    const struct ui_screen *below = ui->depth > 1 ? top - 1 : NULL;
    if (below != NULL && below->ops->matches != NULL && below->ops->matches(ui, below) != NULL) {
        scope |= UI_SCOPE_MATCH; /* opened from a search: it shows the matches (n / N) */
    }
    return scope;
}

void *ui_data(const struct ui *ui, const void *tag)
{
    for (size_t i = 0; i < ui->n_data; i++) {
        if (ui->data[i].tag == tag) {
            return ui->data[i].ptr;
        }
    }
    return NULL;
}

void ui_data_set(struct ui *ui, const void *tag, void *ptr,
                 void (*free_fn)(struct ui *ui, void *ptr), bool per_guide)
{
    /* A fixed number of features keeps state: running out is a programmer error. */
    if (ui->n_data == UI_DATA_MAX) {
        abort();
    }
    ui->data[ui->n_data++] = (struct ui_data){tag, ptr, free_fn, per_guide};
}

/* Frees entry i and closes the gap. */
static void data_free(struct ui *ui, size_t i)
{
    struct ui_data d = ui->data[i];
    memmove(&ui->data[i], &ui->data[i + 1], (ui->n_data - i - 1) * sizeof ui->data[0]);
    ui->n_data--;
    d.free_fn(ui, d.ptr);
}

void ui_data_drop_guide(struct ui *ui)
{
    for (size_t i = ui->n_data; i-- > 0;) {
        if (i < ui->n_data && ui->data[i].per_guide) {
            data_free(ui, i);
        }
    }
}

void ui_data_free_all(struct ui *ui)
{
    ui_data_drop_guide(ui);
    while (ui->n_data > 0) {
        data_free(ui, ui->n_data - 1);
    }
}
