/* SPDX-License-Identifier: MIT */
/* The browser's main loop and key dispatch.
 *
 * The loop waits in ui_term_poll() on the terminal (a signal or a resize wakes it), reads every
 * pending key, turns each into an action through the key table and runs it: the open modal
 * takes every key; otherwise the top screen's action hook, then the wiring's command for the
 * action, then the loop's own handling (movement, Back, redraw, quit). The result bits of the
 * batch are acted on once: one save (UI_RES_SAVE), the layout of what changed, one paint, as
 * little as the bits allow. Geometry is recomputed in one place (update_geometry()). A handler
 * never paints: slow work goes through ui_defer(), which the loop runs after painting. */
#include "ui_loop.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "progress_store.h"
#include "text.h"
#include "ui_draw.h"
#include "ui_links.h"
#include "ui_modal.h"
#include "ui_status.h"
#include "ui_loader.h"
#include "ui_store.h"
#include "ui_term.h"

/* After this many wake-ups that found the terminal readable with nothing to read and yielded no
 * key, input is gone (a hung-up terminal reports readable forever). */
#define UI_MAX_EMPTY_READS 64

static void update_geometry(struct ui *ui)
{
    ui->rows = LINES > 0 ? LINES : 1;
    ui->cols = COLS > 0 ? COLS : 1;
    ui->too_small = ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
    ui->margin = 1;
    int w = ui->cols - 2 * ui->margin;
    ui->measure = w < 1 ? 1 : (w > UI_MEASURE_MAX ? UI_MEASURE_MAX : w);
}

void ui_defer(struct ui *ui, ui_later_fn fn, int arg)
{
    ui->later = fn;
    ui->later_arg = arg;
}

static enum ui_result move_pos(struct ui *ui, enum view_move m)
{
    struct ui_screen *s = ui_top(ui);
    size_t top = s->pos.top;
    if (!view_list_move(&s->pos, &s->doc, m, ui_body_height(ui))) {
        return UI_RES_NONE;
    }
    return s->pos.top == top ? UI_RES_ROWS : UI_RES_ALL;
}

/* What the loop itself does with an action nobody else handled. */
static enum ui_result own_action(struct ui *ui, enum ui_action a)
{
    static const enum view_move moves[] = {
        [UI_ACT_UP] = VIEW_MOVE_UP,           [UI_ACT_DOWN] = VIEW_MOVE_DOWN,
        [UI_ACT_PAGE_UP] = VIEW_MOVE_PAGE_UP, [UI_ACT_PAGE_DOWN] = VIEW_MOVE_PAGE_DOWN,
        [UI_ACT_HOME] = VIEW_MOVE_HOME,       [UI_ACT_END] = VIEW_MOVE_END,
    };
    switch (a) {
    case UI_ACT_UP:
    case UI_ACT_DOWN:
    case UI_ACT_PAGE_UP:
    case UI_ACT_PAGE_DOWN:
    case UI_ACT_HOME:
    case UI_ACT_END:
        return move_pos(ui, moves[a]);
    case UI_ACT_BACK:
        if (ui->depth > 1) {
            ui_pop(ui);
            return UI_RES_ALL;
        }
        return UI_RES_PASS;
    case UI_ACT_REDRAW:
        clearok(curscr, TRUE);
        return UI_RES_ALL;
    case UI_ACT_QUIT:
        return ui_store_may_quit(ui) ? UI_RES_QUIT : UI_RES_ALL;
    default:
        return UI_RES_PASS;
    }
}

/* The wiring's command for a, or UI_RES_PASS. */
static enum ui_result command(struct ui *ui, enum ui_action a, int arg)
{
    for (size_t i = 0; i < ui->app->n_commands; i++) {
        if (ui->app->commands[i].action == a) {
            return ui->app->commands[i].run(ui, arg);
        }
    }
    return UI_RES_PASS;
}

enum ui_result ui_do_action(struct ui *ui, enum ui_action a, int arg)
{
    struct ui_screen *s = ui_top(ui);
    ui_layout_screen(ui, s);
    if (s->ops->action != NULL) {
        enum ui_result r = s->ops->action(ui, s, a, arg);
        if (!(r & UI_RES_PASS)) {
            return r;
        }
    }
    enum ui_result r = own_action(ui, a);
    if (r & UI_RES_PASS) {
        r = command(ui, a, arg);
    }
    return r & UI_RES_PASS ? UI_RES_NONE : r;
}

/* True when column x of body row `row` is on a checklist mark ("[ ]", "[x]", ...) of screen s:
 * a run drawn in one of the marks' roles. */
static bool on_mark(const struct ui *ui, const struct ui_screen *s, size_t row, int x)
{
    size_t line = s->pos.top + row;
    if (!(ui_scope(ui) & UI_SCOPE_CHECK) || line >= s->doc.n_lines) {
        return false;
    }
    const struct view_line *l = &s->doc.lines[line];
    for (size_t r = 0; r < l->n_runs; r++) {
        enum view_role role = l->runs[r].role;
        if (role != VIEW_ROLE_CHECKBOX && role != VIEW_ROLE_DONE && role != VIEW_ROLE_STARTED &&
            role != VIEW_ROLE_SKIPPED) {
            continue;
        }
        /* The mark is three columns; a skipped item's text shares its role, not its place. */
        size_t start = l->runs[r].start;
        int from = ui->margin + text_width(l->text, start);
        if (start + 3 <= l->len && l->text[start] == '[' && l->text[start + 2] == ']' &&
            x >= from && x < from + 3) {
            return true;
        }
    }
    return false;
}

static enum ui_result on_mouse(struct ui *ui)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || ui->too_small) {
        return UI_RES_NONE;
    }
    struct ui_screen *s = ui_top(ui);
    ui_layout_screen(ui, s);
    size_t h = ui_body_height(ui);
    if (ev.bstate & BUTTON4_PRESSED) {
        return view_list_scroll(&s->pos, &s->doc, -UI_WHEEL_LINES, h) ? UI_RES_ALL : UI_RES_NONE;
    }
#ifdef BUTTON5_PRESSED
    if (ev.bstate & BUTTON5_PRESSED) {
        return view_list_scroll(&s->pos, &s->doc, UI_WHEEL_LINES, h) ? UI_RES_ALL : UI_RES_NONE;
    }
#endif
    if (ev.y < 1 || (size_t)ev.y > h) {
        return UI_RES_NONE;
    }
    size_t item = view_list_hit(&s->pos, &s->doc, (size_t)ev.y - 1);
    if (item == SIZE_MAX) {
        return UI_RES_NONE;
    }
    bool again = item == s->pos.sel;
    s->pos.sel = item;
    if (on_mark(ui, s, (size_t)ev.y - 1, ev.x)) {
        return ui_do_action(ui, UI_ACT_MARK_DONE, 0) | UI_RES_ALL; /* a click on [ ] ticks it */
    }
    if ((ev.bstate & BUTTON1_DOUBLE_CLICKED) || (again && (ev.bstate & BUTTON1_CLICKED))) {
        return ui_do_action(ui, UI_ACT_OPEN, 0);
    }
    return again ? UI_RES_NONE : UI_RES_ROWS;
}

/* A key bound on other screens only says where it works, instead of doing nothing; Back on
 * the first screen says there is nothing behind it, and a key bound nowhere says so. */
static enum ui_result not_here(struct ui *ui, int key)
{
    const struct ui_binding *b = ui_keys_lookup(ui->keys, key, ~(unsigned)UI_SCOPE_TOO_SMALL);
    char label[32];
    ui_keys_code_label(key, label, sizeof label);
    if (label[0] == '\0') {
        return UI_RES_NONE;
    }
    if (b == NULL) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "%s: not a key of trail; ? lists the keys.", label);
    } else if (b->action == UI_ACT_BACK) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "%s: this is the first screen; q quits.", label);
    } else {
        ui_status_set(ui, VIEW_ROLE_STATUS, "%s: only %s.", label, ui_keys_where(b->scopes));
    }
    return UI_RES_ALL;
}

/* Handles one key: the open modal takes any key; a too-small terminal only the keys scoped
 * for it. */
static enum ui_result on_key(struct ui *ui, int key)
{
    if (key == (KEY_RESIZE | UI_KEY_FN)) {
        update_geometry(ui);
        return UI_RES_ALL;
    }
    if (ui->modal != NULL) {
        return ui->modal->key(ui, ui->modal_data, key);
    }
    if (key == (KEY_MOUSE | UI_KEY_FN)) {
        return on_mouse(ui);
    }
    ui_status_clear(ui);
    unsigned scope = ui->too_small ? UI_SCOPE_TOO_SMALL : ui_scope(ui);
    const struct ui_binding *b = ui_keys_lookup(ui->keys, key, scope);
    if (b == NULL) {
        return ui->too_small ? UI_RES_NONE : not_here(ui, key);
    }
    if (b->action != UI_ACT_QUIT) {
        ui->quit_armed = false; /* a second q quits only right after the warning */
        ui->quit_saved = false;
    }
    ui_loader_cancel_then(ui); /* the learner moved on from what waited for the guide */
    return ui_do_action(ui, b->action, b->arg);
}

/* Reads one key without waiting; returns 0 when none is pending. */
static int read_key(void)
{
    wint_t ch;
    int rc = get_wch(&ch);
    if (rc == KEY_CODE_YES) {
        return (int)ch | UI_KEY_FN;
    }
    if (rc == OK) {
        return ch == 0 ? UI_KEY_FN : (int)ch;
    }
    return 0;
}

/* Acts on one handler's result at once: a change to progress makes every screen stale, so
 * the next key of the batch sees it. */
static enum ui_result note_result(struct ui *ui, enum ui_result r)
{
    if (r & UI_RES_SAVE) {
        ui->save_pending = true;
        ui->quit_armed = false;
        ui_stale_all(ui);
        r |= UI_RES_ALL;
    }
    return r;
}

static void paint(struct ui *ui, enum ui_result r, const struct ui_screen *before,
                  struct view_pos pos_before)
{
    struct ui_screen *s = ui_top(ui);
    /* Rows alone on the same screen and scroll: only the rows that changed. */
    bool rows_only = !(r & UI_RES_ALL) && s == before && s->pos.top == pos_before.top;
    if ((r & UI_RES_ROWS) && rows_only) {
        ui_draw_items(ui, pos_before.sel, s->pos.sel);
    } else if (r & (UI_RES_ALL | UI_RES_ROWS)) {
        ui_draw_all(ui);
    }
    refresh();
    ui_links_paint(ui);
}

/* Waits for input, or while a save waits for a lock for UI_STORE_RETRY_MS at most; returns
 * false when the terminal is gone. */
static bool wait_input(struct ui *ui, int *empty_reads)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    /* While a loader exists (running, or done since the last poll) the wait stays short. */
    bool retry = ui->save_waiting || ui->loader != NULL;
    int n = ui_term_poll(&p, retry ? UI_STORE_RETRY_MS : -1);
    if (n < 0) {
        return errno == EINTR;
    }
    if (n == 0) {
        return true; /* the time to try the save again */
    }
    if ((p.revents & (POLLHUP | POLLERR | POLLNVAL)) && !(p.revents & POLLIN)) {
        return false;
    }
    /* Bytes that make no key (invalid UTF-8, say Latin-1 typing) are still input. */
    int avail = 0;
    if (ioctl(STDIN_FILENO, FIONREAD, &avail) == 0 && avail > 0) {
        return true;
    }
    return ++*empty_reads < UI_MAX_EMPTY_READS;
}

/* Runs the keys pending (all of them, or up to one that defers work). Returns the bits of the
 * batch. */
static enum ui_result run_keys(struct ui *ui, int *empty_reads)
{
    struct ui_screen *before = ui_top(ui);
    enum ui_result res = UI_RES_NONE;
    int key;
    while (ui->later == NULL && (key = read_key()) != 0) {
        *empty_reads = 0;
        res |= note_result(ui, on_key(ui, key));
        if (res & UI_RES_QUIT) {
            break;
        }
        if (ui_top(ui) != before) {
            res |= UI_RES_ALL;
        }
    }
    return res;
}

int ui_loop(struct ui *ui)
{
    /* The first frame needs only what ui_begin() and the wiring pushed: the rest (the store,
     * app->start) comes after it, before the first key is read. The function keys and the
     * mouse (building curses' key table, a few escape sequences) wait for it too. */
    ui_draw_all(ui);
    refresh();
    ui_links_paint(ui);
    ui_term_input_on(ui);
    ui_store_open(ui);
    if (ui->app->start != NULL) {
        ui->app->start(ui);
    }
    ui_draw_all(ui);
    refresh();
    ui_links_paint(ui);
    int empty_reads = 0;
    for (;;) {
        if (ui_term_pending_signal() != 0) {
            return 128 + ui_term_pending_signal();
        }
        struct ui_screen *before = ui_top(ui);
        struct view_pos pos_before = before->pos;
        enum ui_result res = run_keys(ui, &empty_reads);
        if (res & UI_RES_QUIT) {
            return 0;
        }
        ui_later_fn then = NULL;
        int then_arg = 0;
        res |= ui_loader_poll(ui, &then, &then_arg); /* the rest of the guide, when in */
        if (then != NULL) {
            ui_defer(ui, then, then_arg);
        }
        bool waiting = ui->save_waiting;
        ui_store_flush(ui); /* once for the batch */
        if (ui->quit_saved && !ui->save_waiting) {
            ui->quit_saved = false; /* q while the save waited: quit if it went through */
            if (ui->opt.store == NULL || !progress_store_dirty(ui->opt.store)) {
                return 0;
            }
        }
        if (waiting != ui->save_waiting) {
            res |= UI_RES_ALL; /* the status line says whether it still waits */
        }
        paint(ui, res, before, pos_before);
        if (ui->later != NULL) {
            ui_later_fn fn = ui->later;
            ui->later = NULL;
            ui_status_clear(ui);
            res = note_result(ui, fn(ui, ui->later_arg));
            ui_store_flush(ui);
            paint(ui, res | UI_RES_ALL, before, pos_before);
            continue; /* the keys typed meanwhile are read now */
        }
        if (ui_term_pending_signal() == 0 && !wait_input(ui, &empty_reads)) {
            return 0;
        }
    }
}

int ui_begin(struct ui *ui, const struct ui_app *app, struct guide *g, const struct ui_options *opt)
{
    memset(ui, 0, sizeof *ui);
    ui->app = app;
    ui->g = g;
    ui->opt = *opt;
    const char *cs = nl_langinfo(CODESET);
    ui->text_flags = (cs != NULL && strcmp(cs, "UTF-8") == 0) ? 0 : TEXT_ASCII;
    char *cause = NULL;
    if (ui_term_open(ui, &cause) != 0) {
        fprintf(stderr, "trail: %s; try 'trail --print' to read the guide as text\n", cause);
        free(cause);
        return 2;
    }
    if (opt->keys == NULL) {
        ui->keys_owned = ui_keys_new(NULL, NULL);
    }
    ui->keys = opt->keys != NULL ? opt->keys : ui->keys_owned;
    update_geometry(ui);
    return 0;
}

void ui_end(struct ui *ui, char *unsaved)
{
    ui_modal_close(ui);
    ui_term_close(ui);
    ui_loader_free(ui); /* with the screen left: a FAQ still loading may take a moment */
    if (unsaved != NULL) {
        char *clean = text_sanitize(unsaved, strlen(unsaved), ui->text_flags, NULL);
        fprintf(stderr, "trail: %s\n", clean);
        free(clean);
        free(unsaved);
    }
    ui_pop_all(ui);
    ui_data_free_all(ui);
    ui_keys_free(ui->keys_owned);
    progress_store_close(ui->own_store); /* last: closing the picker's guide still reads it */
}
