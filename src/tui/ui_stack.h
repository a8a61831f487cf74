/* SPDX-License-Identifier: MIT */
/* The browser's context and its screen stack: the bottom layer every screen plugs into. It
 * names no screen and no feature.
 *
 * Shape (after tmux window modes and htop panels): each screen is one const table of hooks
 * (struct ui_screen_ops), and the screens the user opened form a stack, so Back pops to the
 * previous screen with its selection and scroll untouched. A screen finds another by kind or
 * by scope bits (ui_find()), never by comparing hook tables. Each modal (the prompt, the help,
 * a form) is one const table too (ui_modal.h). Handlers change state and return result bits;
 * only the loop (ui_loop.c) saves, lays out and paints. One wiring file (screens/wiring.c)
 * fills struct ui_app: the only place that names concrete screens. */
#ifndef TRAIL_UI_STACK_H
#define TRAIL_UI_STACK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "guide.h"
#include "ui.h"
#include "ui_keys.h"
#include "ui_theme.h"
#include "view.h"
#include "view_guide.h"
#include "view_list.h"

/* Below this size the browser shows a notice instead of the guide. */
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 10
/* The widest a line of prose gets, for readability on very wide terminals. */
#define UI_MEASURE_MAX 100
#define UI_STACK_MAX   8
#define UI_WHEEL_LINES 3
#define UI_DATA_MAX    12

/* What a handler did, as bits the loop acts on after the keys pending: one save for the
 * batch (SAVE), then the layout of what changed, then one paint (ROWS: only the selection
 * moved; ALL: everything). QUIT ends the browser; PASS: a screen hook did not handle the
 * action, so the command of the wiring file, then the loop's own handling, get it. */
enum ui_result {
    UI_RES_NONE = 0,
    UI_RES_ROWS = 1u << 0,
    UI_RES_ALL = 1u << 1,
    UI_RES_SAVE = 1u << 2,
    UI_RES_QUIT = 1u << 3,
    UI_RES_PASS = 1u << 4,
};

struct ui;
struct ui_loader;
struct ui_screen;
struct search_query;

/* A screen's hooks. layout is required; the others may be NULL. */
struct ui_screen_ops {
    const char *name; /* the help overlay's title */
    const char *kind; /* stable id: ui_push_kind(), ui_find(), the saved resume position */
    unsigned scope;   /* enum ui_scope bits */
    /* Lays out s's document into d (initialised with the width and text flags). */
    void (*layout)(struct ui *ui, struct ui_screen *s, struct view_doc *d);
    /* Handles an action, or returns UI_RES_PASS. */
    enum ui_result (*action)(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg);
    /* The id of what item-level commands (a note, tracking) act on; NULL: the selected
     * item's. Borrowed. */
    const char *(*subject)(const struct ui *ui, const struct ui_screen *s);
    /* The search whose matches a screen opened from this one shows, or NULL. Borrowed. */
    const struct search_query *(*matches)(const struct ui *ui, const struct ui_screen *s);
    /* Scope bits that hold for what is selected now, added to `scope` (a list of mixed items
     * whose selected one is a key action: UI_SCOPE_CHECK). */
    unsigned (*scope_here)(const struct ui *ui, const struct ui_screen *s);
    /* Called when s leaves the stack. */
    void (*leave)(struct ui *ui, struct ui_screen *s);
    /* The layout fits the body's height too (Home): laid out again when the height changes. */
    bool fits_height;
};

struct ui_screen {
    const struct ui_screen_ops *ops;
    size_t index;        /* the phase, certification or question shown; 0 otherwise */
    const char *crumb;   /* breadcrumb text (untrusted: sanitised when drawn); borrowed */
    struct diag diag;    /* the error screen's messages; owned */
    struct view_doc doc; /* laid out for width `width` */
    struct view_pos pos; /* selection and scroll */
    int width;           /* -1: not laid out yet */
    bool stale;          /* lay out again even at the same width (the content changed) */
    size_t height;       /* the body height it was laid out for (ops->fits_height) */
    size_t match;        /* screens showing matches: 1 + the line of the current one; 0: none */
};

/* A modal overlay: while open it takes every key. key returns result bits like a screen's
 * action hook; draw paints it (last, so it can place the cursor); close releases what the
 * modal owns (data may be freed there). footer: it is drawn in the footer's place (the
 * prompt), so a paint of the rows only can keep it; otherwise it covers the body. */
struct ui_modal_ops {
    const char *name;
    bool footer;
    enum ui_result (*key)(struct ui *ui, void *data, int key);
    void (*draw)(struct ui *ui, void *data);
    void (*close)(struct ui *ui, void *data);
};

/* A command of the wiring file: what an action does when the top screen passes it. */
struct ui_command {
    enum ui_action action;
    enum ui_result (*run)(struct ui *ui, int arg);
};

/* A section of the guide as the wiring file lays it out: its list screen, and the screen an
 * entry of the list opens (NULL: none). */
struct ui_section_def {
    enum view_section section;
    const struct ui_screen_ops *list;
    const struct ui_screen_ops *leaf;
    const char *leaf_prefix; /* the resume name of a leaf: prefix + the entry's id */
};

/* What the wiring file plugs in. */
struct ui_app {
    const struct ui_screen_ops *const *screens; /* every screen, for ui_push_kind() */
    size_t n_screens;
    const struct ui_command *commands;
    size_t n_commands;
    const struct ui_section_def *sections; /* indexed by enum view_section */
    /* After the first frame, before the first key (load the rest, restore the position). */
    void (*start)(struct ui *ui);
};

/* State a feature keeps for as long as the browser runs, or the open guide (ui_data_*). */
struct ui_data {
    const void *tag; /* the owner's: the address of a static object of its file */
    void *ptr;
    void (*free_fn)(struct ui *ui, void *ptr);
    bool per_guide; /* freed when the guide closes (ui_data_drop_guide()) */
};

/* A job the loop runs after the next paint (ui_defer()). */
typedef enum ui_result (*ui_later_fn)(struct ui *ui, int arg);

struct ui {
    const struct ui_app *app;
    struct guide *g; /* the open guide; NULL while the guide picker shows */
    SCREEN *scr;
    struct ui_theme theme;
    struct ui_options opt;
    struct progress_store *own_store; /* opened from opt.store_path (then also opt.store) */
    const struct ui_keys *keys;       /* the key table in use (opt.keys, or keys_owned) */
    struct ui_keys *keys_owned;       /* the default table when opt.keys is NULL */
    unsigned text_flags;              /* TEXT_ASCII when the locale is not UTF-8 */
    struct ui_screen stack[UI_STACK_MAX];
    size_t depth;
    bool base_back; /* Back works on the bottom screen too (a guide opened from the picker) */
    enum view_section sections[VIEW_SECTION_COUNT];
    size_t n_sections;
    /* geometry, recomputed in one place (ui_loop.c, on start and KEY_RESIZE) */
    int rows, cols;
    bool too_small;
    int measure;                      /* text width */
    int margin;                       /* left margin */
    const struct ui_modal_ops *modal; /* the open modal, or NULL */
    void *modal_data;
    char status[1024];
    enum view_role status_role;
    int status_rows; /* rows the status took at the last full paint (it may cover the body) */
    struct ui_data data[UI_DATA_MAX];
    size_t n_data;
    ui_later_fn later; /* ui_defer() */
    int later_arg;
    struct ui_loader *loader; /* the rest of the guide loading on a thread (ui_loader.h) */
    bool save_pending;        /* a handler changed progress: the loop saves after the batch */
    bool save_waiting;        /* that save waits for another process's lock: the loop retries */
    bool quit_saved;          /* q while the save waits: quit once it is done */
    bool quit_armed;          /* the unsaved-changes warning is shown: the next q quits */
    bool save_failed;         /* the last save of progress failed */
};

/* The top screen. Borrowed. */
struct ui_screen *ui_top(struct ui *ui);
size_t ui_body_height(const struct ui *ui);
/* Pushes a screen and lays it out. crumb is borrowed. Returns the new screen, or NULL when
 * the stack is full. */
struct ui_screen *ui_push(struct ui *ui, const struct ui_screen_ops *ops, size_t index,
                          const char *crumb);
/* Pushes the screen of kind `kind` (one of ui->app->screens), like ui_push(). */
struct ui_screen *ui_push_kind(struct ui *ui, const char *kind, size_t index, const char *crumb);
/* Pushes the screen of kind `kind` showing the messages of d, which it takes over (d is left
 * empty). Returns the new screen, or NULL when the stack is full (d is freed then). */
struct ui_screen *ui_push_diag(struct ui *ui, const char *kind, size_t index, const char *crumb,
                               struct diag *d);
/* Pops the top screen (never the bottom one), running its leave hook. */
void ui_pop(struct ui *ui);
/* Pops every screen, the bottom one included, running their leave hooks. */
void ui_pop_all(struct ui *ui);
/* Pops the screens above stack[depth - 1]. */
void ui_pop_to(struct ui *ui, size_t depth);
/* The depth - 1 of the topmost screen of kind `kind` above the bottom one, or SIZE_MAX. */
size_t ui_find(const struct ui *ui, const char *kind);
/* True when screen s is of kind `kind`. */
bool ui_is(const struct ui_screen *s, const char *kind);
/* Lays the screen out again when the width changed or it is stale, keeping its selection and
 * scroll. */
void ui_layout_screen(struct ui *ui, struct ui_screen *s);
/* Lays every open screen out again before it is next shown (progress changed). */
void ui_stale_all(struct ui *ui);
/* Lays s out, then selects its item `id` and scrolls to it. Returns false (nothing changed)
 * when s shows no such item. */
bool ui_select_id(struct ui *ui, struct ui_screen *s, const char *id);
/* The id item-level commands act on in s: its subject hook's, else the selected item's; NULL
 * when there is none. Borrowed. */
const char *ui_subject(const struct ui *ui, const struct ui_screen *s);
/* The scopes of the keys that work now: the top screen's, plus Back on the bottom screen when
 * something is below it (ui->base_back). */
unsigned ui_scope(const struct ui *ui);

/* Feature state (the search, the picker, a prompt of its own), looked up by the owner's tag:
 * ui_data() returns it or NULL; ui_data_set() hands ptr over (free_fn runs when it goes). */
void *ui_data(const struct ui *ui, const void *tag);
void ui_data_set(struct ui *ui, const void *tag, void *ptr,
                 void (*free_fn)(struct ui *ui, void *ptr), bool per_guide);
/* Frees the state kept for the open guide (the guide is closing). */
void ui_data_drop_guide(struct ui *ui);
/* Frees all of it, the last set first. */
void ui_data_free_all(struct ui *ui);

#endif
