/* SPDX-License-Identifier: MIT */
/* The browser's main loop, screen stack and key dispatch.
 *
 * The loop waits in ui_term_poll() on the terminal (a signal or a resize wakes it), reads every
 * pending key, turns each into an action through the key table, lets the top screen handle it
 * (or the generic handler: movement, back, sections, help, quit) and then paints once, as
 * little as the handlers' results allow. Geometry is recomputed in one place
 * (update_geometry()); a screen is laid out again lazily when the width it was laid out for
 * differs, with its selection and scroll carried across by id and anchor. */
#include "ui_curses.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "progress_store.h"
#include "text.h"
#include "ui_prompt.h"
#include "ui_search.h"

/* After this many wake-ups that found the terminal readable with nothing to read and yielded no
 * key, input is gone (a hung-up terminal reports readable forever). */
#define UI_MAX_EMPTY_READS 64

struct ui_screen *ui_top(struct ui *ui)
{
    return &ui->stack[ui->depth - 1];
}

size_t ui_body_height(const struct ui *ui)
{
    return ui->rows > 2 ? (size_t)ui->rows - 2 : 1;
}

static void update_geometry(struct ui *ui)
{
    ui->rows = LINES > 0 ? LINES : 1;
    ui->cols = COLS > 0 ? COLS : 1;
    ui->too_small = ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
    ui->margin = 1;
    int w = ui->cols - 2 * ui->margin;
    ui->measure = w < 1 ? 1 : (w > UI_MEASURE_MAX ? UI_MEASURE_MAX : w);
}

void ui_layout_screen(struct ui *ui, struct ui_screen *s)
{
    size_t h = ui_body_height(ui);
    if (s->width == ui->measure && !s->stale) {
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
    s->ops->resize(ui, s, &s->doc);
    s->width = ui->measure;
    s->stale = false;
    if (had) {
        view_list_restore(&s->pos, &s->doc, &mark, h);
    } else {
        view_list_reset(&s->pos, &s->doc);
        view_list_fix(&s->pos, &s->doc, h);
    }
}

enum ui_result ui_push(struct ui *ui, const struct ui_screen_ops *ops, size_t index,
                       const char *crumb)
{
    if (ui->depth == UI_STACK_MAX) {
        return UI_RES_NONE;
    }
    struct ui_screen *s = &ui->stack[ui->depth++];
    memset(s, 0, sizeof *s);
    s->ops = ops;
    s->index = index;
    s->crumb = crumb != NULL ? crumb : "";
    s->width = -1;
    ui_layout_screen(ui, s);
    return UI_RES_ALL;
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

void ui_pop_all(struct ui *ui)
{
    while (ui->depth > 0) {
        pop(ui);
    }
}

unsigned ui_scope(const struct ui *ui)
{
    const struct ui_screen *top = &ui->stack[ui->depth - 1];
    unsigned scope = top->ops->scope;
    if (ui->pick != NULL && ui->g != NULL && ui->depth == 1) {
        scope |= UI_SCOPE_SUB; /* Back from the guide's Home to the picker */
    }
    return scope;
}

static const struct ui_screen_ops *section_ops(enum view_section s)
{
    switch (s) {
    case VIEW_SECTION_PATH:
        return &ui_path_ops;
    case VIEW_SECTION_CERTS:
        return &ui_certs_ops;
    case VIEW_SECTION_FAQ:
        return &ui_faqs_ops;
    default:
        return &ui_overview_ops;
    }
}

/* Loads a part of the guide; on failure pushes the error screen with the located messages
 * and returns false. */
static bool load_part(struct ui *ui, unsigned part)
{
    struct diag diag = {0};
    if (guide_load_parts(ui->g, part, &diag) != 0) {
        ui_push(ui, &ui_error_ops, 0, guide_part_file(part));
        ui_top(ui)->diag = diag;
        ui_top(ui)->stale = true; /* lay out again, now with the messages */
        ui_layout_screen(ui, ui_top(ui));
        return false;
    }
    diag_free(&diag);
    ui->stack[0].stale = true; /* Home's menu and progress change with the loaded part */
    return true;
}

enum ui_result ui_open_section(struct ui *ui, enum view_section sec)
{
    while (ui->depth > 1) {
        pop(ui);
    }
    unsigned part = view_guide_section_part(sec);
    if ((ui->g->loaded & part) != part) {
        /* Say what is happening before a possibly slow load, then load. */
        ui_status_set(ui, VIEW_ROLE_STATUS, "Loading %s...", guide_part_file(part));
        ui_draw_all(ui);
        refresh();
        ui_status_clear(ui);
        if (!load_part(ui, part)) {
            return UI_RES_ALL;
        }
    }
    /* Home selects the section too, so Back lands on it however it was opened. */
    struct ui_screen *home = &ui->stack[0];
    ui_layout_screen(ui, home);
    size_t item = view_doc_find_item(&home->doc, view_guide_section_id(sec));
    if (item != SIZE_MAX) {
        home->pos.sel = item;
        view_list_fix(&home->pos, &home->doc, ui_body_height(ui));
    }
    /* The title after loading: the part names its own section. */
    return ui_push(ui, section_ops(sec), (size_t)sec, view_guide_section_title(ui->g, sec));
}

/* The position of the shown section in ui->sections, or SIZE_MAX on Home. */
static size_t current_section(const struct ui *ui)
{
    if (ui->depth < 2) {
        return SIZE_MAX;
    }
    for (size_t i = 0; i < ui->n_sections; i++) {
        if (ui->sections[i] == (enum view_section)ui->stack[1].index) {
            return i;
        }
    }
    return SIZE_MAX;
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

static enum ui_result step_section(struct ui *ui, bool forward)
{
    size_t n = ui->n_sections, cur = current_section(ui);
    if (n == 0) {
        return UI_RES_NONE;
    }
    size_t next;
    if (cur == SIZE_MAX) {
        next = forward ? 0 : n - 1;
    } else {
        next = forward ? (cur + 1) % n : (cur + n - 1) % n;
    }
    return ui_open_section(ui, ui->sections[next]);
}

/* e: the note of the selected item, or of the certification shown. */
static enum ui_result note_action(struct ui *ui)
{
    const char *id = ui_note_target(ui, ui_top(ui));
    if (id == NULL) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Select an item to write a note on.");
        return UI_RES_ALL;
    }
    return ui_note_edit(ui, id);
}

/* t: the tracker of the certification shown, or selected in the list. */
static enum ui_result track_action(struct ui *ui)
{
    const struct ui_screen *s = ui_top(ui);
    size_t cert = s->ops == &ui_cert_ops ? s->index : s->pos.sel;
    if (cert >= ui->g->n_certs) {
        return UI_RES_NONE;
    }
    return ui_certform_open(ui, cert);
}

static enum ui_result generic_action(struct ui *ui, enum ui_action a, int arg)
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
            pop(ui);
            return UI_RES_ALL;
        }
        return ui->pick != NULL && ui->g != NULL ? ui_pick_return(ui) : UI_RES_NONE;
    case UI_ACT_NEXT_SECTION:
    case UI_ACT_PREV_SECTION:
        return step_section(ui, a == UI_ACT_NEXT_SECTION);
    case UI_ACT_JUMP:
        return arg >= 0 && (size_t)arg < ui->n_sections ? ui_open_section(ui, ui->sections[arg])
                                                        : UI_RES_NONE;
    case UI_ACT_HELP:
        ui->help_open = true;
        return UI_RES_ALL;
    case UI_ACT_REDRAW:
        clearok(curscr, TRUE);
        return UI_RES_ALL;
    case UI_ACT_QUIT:
        return ui_progress_may_quit(ui) ? UI_RES_QUIT : UI_RES_ALL;
    case UI_ACT_SEARCH:
        return ui_search_start(ui);
    case UI_ACT_NEXT_MATCH:
    case UI_ACT_PREV_MATCH:
        return ui_search_step(ui, ui_top(ui), a == UI_ACT_NEXT_MATCH);
    case UI_ACT_UNDO:
        return ui_progress_undo(ui);
    case UI_ACT_NEXT_TODO:
        return ui_progress_next_todo(ui);
    case UI_ACT_LEFT:
        return ui_left_open(ui);
    case UI_ACT_SET_START:
        return ui_home_start_prompt(ui);
    case UI_ACT_NOTE:
        return note_action(ui);
    case UI_ACT_TRACK:
        return track_action(ui);
    case UI_ACT_MARK_DONE:
    case UI_ACT_MARK_PROGRESS:
    case UI_ACT_MARK_SKIPPED: /* handled by checklist screens */
    case UI_ACT_OPEN:
    case UI_ACT_NONE:
        break;
    }
    return UI_RES_NONE;
}

enum ui_result ui_do_action(struct ui *ui, enum ui_action a, int arg)
{
    struct ui_screen *s = ui_top(ui);
    ui_layout_screen(ui, s);
    if (s->ops->key != NULL) {
        enum ui_result r = s->ops->key(ui, s, a, arg);
        if (r != UI_RES_PASS) {
            return r;
        }
    }
    return generic_action(ui, a, arg);
}

static enum ui_result on_mouse(struct ui *ui)
{
    MEVENT ev;
    if (getmouse(&ev) != OK) {
        return UI_RES_NONE;
    }
    if (ui->help_open) {
        ui->help_open = false;
        return UI_RES_ALL;
    }
    if (ui->too_small) {
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
    if ((ev.bstate & BUTTON1_DOUBLE_CLICKED) || (again && (ev.bstate & BUTTON1_CLICKED))) {
        return ui_do_action(ui, UI_ACT_OPEN, 0);
    }
    return again ? UI_RES_NONE : UI_RES_ROWS;
}

/* Handles one key: the help overlay takes any key; a too-small terminal only the keys scoped
 * for it. */
static enum ui_result on_key(struct ui *ui, int key)
{
    if (key == (KEY_RESIZE | UI_KEY_FN)) {
        update_geometry(ui);
        return UI_RES_ALL;
    }
    if (ui->prompt != NULL) {
        return ui_prompt_key(ui, key);
    }
    if (ui->form != NULL) {
        return ui_certform_key(ui, key);
    }
    if (key == (KEY_MOUSE | UI_KEY_FN)) {
        return on_mouse(ui);
    }
    ui_status_clear(ui);
    if (ui->help_open) {
        ui->help_open = false;
        return UI_RES_ALL;
    }
    unsigned scope = ui->too_small ? UI_SCOPE_TOO_SMALL : ui_scope(ui);
    const struct ui_binding *b = ui_keys_lookup(ui->keys, key, scope);
    if (b == NULL) {
        return UI_RES_NONE;
    }
    if (b->action != UI_ACT_QUIT) {
        ui->quit_armed = false; /* a second q quits only right after the warning */
    }
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

static void paint(struct ui *ui, enum ui_result r, const struct ui_screen *before,
                  struct view_pos pos_before)
{
    struct ui_screen *s = ui_top(ui);
    if (r == UI_RES_ROWS && s == before && s->pos.top == pos_before.top) {
        ui_draw_items(ui, pos_before.sel, s->pos.sel);
    } else if (r != UI_RES_NONE) {
        ui_draw_all(ui);
    }
    refresh();
}

/* Waits for input; returns false when the terminal is gone. */
static bool wait_input(int *empty_reads)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    int n = ui_term_poll(&p);
    if (n < 0) {
        return errno == EINTR;
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

static int loop(struct ui *ui)
{
    int empty_reads = 0;
    for (;;) {
        if (ui_term_pending_signal() != 0) {
            return 128 + ui_term_pending_signal();
        }
        struct ui_screen *before = ui_top(ui);
        struct view_pos pos_before = before->pos;
        enum ui_result res = UI_RES_NONE;
        int key;
        while ((key = read_key()) != 0) {
            empty_reads = 0;
            enum ui_result r = on_key(ui, key);
            if (r == UI_RES_QUIT) {
                return 0;
            }
            if (ui_top(ui) != before) {
                r = UI_RES_ALL;
            }
            res = r > res ? r : res;
        }
        paint(ui, res, before, pos_before);
        if (ui_term_pending_signal() == 0 && !wait_input(&empty_reads)) {
            return 0;
        }
    }
}

/* Opens the progress file given by path, unless a store was given or is open. */
static void open_store(struct ui *ui)
{
    if (ui->opt.store == NULL && ui->opt.store_path != NULL) {
        ui->own_store = progress_store_open(ui->opt.store_path);
        ui->opt.store = ui->own_store;
    }
}

/* The first frame needs guide.yaml only: Home shows a placeholder for the career path's
 * count and the progress, so neither a large career path nor a large progress file holds up
 * the screen. The progress file is opened and the career path loaded right after (an error in
 * it shows the error screen), then the progress notices and the screen the learner left, and
 * the screen is painted again: all before the first key is read. The function keys and the
 * mouse (building curses' key table, a few escape sequences) wait for the first frame too. */
static void start(struct ui *ui)
{
    ui_draw_all(ui);
    refresh();
    ui_term_input_on(ui);
    open_store(ui);
    bool ok = true;
    if (ui->g != NULL && (ui->g->available & GUIDE_PART_PATH) &&
        !(ui->g->loaded & GUIDE_PART_PATH)) {
        ok = load_part(ui, GUIDE_PART_PATH);
    }
    ui_progress_start(ui);
    if (ok) {
        ui_resume_restore(ui);
    }
    ui_draw_all(ui);
    refresh();
}

int ui_run(struct guide *g, const struct ui_options *opt)
{
    struct ui ui;
    memset(&ui, 0, sizeof ui);
    ui.g = g;
    ui.opt = *opt;
    const char *cs = nl_langinfo(CODESET);
    ui.text_flags = (cs != NULL && strcmp(cs, "UTF-8") == 0) ? 0 : TEXT_ASCII;
    char why[256];
    if (ui_term_open(&ui, why, sizeof why) != 0) {
        fprintf(stderr, "trail: %s; try 'trail --print' to read the guide as text\n", why);
        return 2;
    }
    if (opt->keys == NULL) {
        ui.keys_owned = ui_keys_new(NULL, NULL);
    }
    ui.keys = opt->keys != NULL ? opt->keys : ui.keys_owned;
    update_geometry(&ui);
    if (g != NULL) {
        ui.n_sections = view_guide_sections(g, ui.sections);
        ui_push(&ui, &ui_home_ops, 0, NULL);
    } else {
        open_store(&ui); /* the picker shows each guide's progress in its first frame */
        ui_pick_start(&ui);
    }
    start(&ui);
    int status = loop(&ui);
    ui_prompt_close(&ui);
    ui_certform_close(&ui);
    ui_resume_save(&ui);
    /* Saved before leaving curses, while a second signal still only sets a flag. */
    char *unsaved = ui_progress_finish(&ui);
    ui_term_close(&ui);
    if (unsaved != NULL) {
        char *clean = text_sanitize(unsaved, strlen(unsaved), ui.text_flags, NULL);
        fprintf(stderr, "trail: %s\n", clean);
        free(clean);
        free(unsaved);
    }
    ui_pop_all(&ui);
    ui_search_free(&ui);
    ui_pick_free(&ui);
    ui_keys_free(ui.keys_owned);
    ui_home_free(&ui);
    progress_store_close(ui.own_store); /* last: closing the picker's guide still reads it */
    return status;
}
