/* SPDX-License-Identifier: MIT */
/* The browser's internals: the one header that includes curses, the screen hook tables, the
 * key table and the drawing helpers shared by the ui_* files.
 *
 * Shape (after tmux window modes and htop panels): each screen is a const table of hooks, and
 * the screens the user opened form a stack, so Back pops to the previous screen with its
 * selection and scroll untouched. Key handlers change state and return what needs repainting;
 * only the main loop paints. One key table drives dispatch, the footer and the help overlay. */
#ifndef TRAIL_UI_CURSES_H
#define TRAIL_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "guide.h"
#include "progress.h"
#include "ui.h"
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
/* Function keys (KEY_UP, ...) are kept apart from characters by this bit. */
#define UI_KEY_FN 0x1000000

enum ui_action {
    UI_ACT_NONE = 0,
    UI_ACT_UP,
    UI_ACT_DOWN,
    UI_ACT_PAGE_UP,
    UI_ACT_PAGE_DOWN,
    UI_ACT_HOME,
    UI_ACT_END,
    UI_ACT_OPEN,
    UI_ACT_BACK,
    UI_ACT_NEXT_SECTION,
    UI_ACT_PREV_SECTION,
    UI_ACT_JUMP, /* argument (the row's arg): the section number, 0-based */
    UI_ACT_HELP,
    UI_ACT_REDRAW,
    UI_ACT_QUIT,
    UI_ACT_SEARCH,     /* ui_search.c: filter the FAQ list, elsewhere search the guide */
    UI_ACT_NEXT_MATCH, /* ui_search.c */
    UI_ACT_PREV_MATCH,
    /* checklist progress (ui_progress.c) */
    UI_ACT_MARK_DONE,     /* toggle done */
    UI_ACT_MARK_PROGRESS, /* toggle in progress */
    UI_ACT_MARK_SKIPPED,  /* toggle skipped */
    UI_ACT_UNDO,
    UI_ACT_NEXT_TODO,
    /* the learning companion */
    UI_ACT_NOTE,      /* ui_note.c: edit the selected item's note in $VISUAL / $EDITOR */
    UI_ACT_LEFT,      /* ui_left.c: open "What's left" */
    UI_ACT_TRACK,     /* ui_certform.c: the certification tracker's form */
    UI_ACT_SET_START, /* ui_home.c: the pace start date */
};

/* What a handler changed. The loop repaints accordingly. */
enum ui_result {
    UI_RES_PASS = -1, /* a screen hook did not handle the action: use the generic one */
    UI_RES_NONE = 0,
    UI_RES_ROWS, /* only the selection moved: repaint its old and new rows */
    UI_RES_ALL,
    UI_RES_QUIT,
};

/* Which screens a key works on: a binding applies when its scopes meet the screen's. */
enum ui_scope {
    UI_SCOPE_ANY = 1u << 0,       /* every screen */
    UI_SCOPE_OPEN = 1u << 1,      /* screens whose items open (Enter) */
    UI_SCOPE_SUB = 1u << 2,       /* every screen but Home (Back) */
    UI_SCOPE_TOO_SMALL = 1u << 3, /* keys that still work behind the "too small" notice */
    UI_SCOPE_MATCH = 1u << 4,     /* screens that show search matches (n/N) */
    UI_SCOPE_CHECK = 1u << 5,     /* a checklist of key actions (the marking keys) */
    UI_SCOPE_PICKER = 1u << 6,    /* the guide picker and its error screen: no guide open */
    UI_SCOPE_NOTE = 1u << 7,      /* screens whose items (or subject) take a note (e) */
    UI_SCOPE_CERT = 1u << 8,      /* the certifications and a certification (t) */
    UI_SCOPE_HOME = 1u << 9,      /* Home only (S) */
};

/* Room for every code of the most keys the configuration can give an action (Enter and
 * Backspace arrive as three codes each), and the terminating 0. */
#define UI_BINDING_KEYS 16

/* One row of the key table. name: the action's stable name (key.<name> in the configuration
 * file). keys: up to UI_BINDING_KEYS - 1 codes (characters, or KEY_* | UI_KEY_FN),
 * 0-terminated. names: the keys as the help shows them. hint/hint_key: the footer's label and
 * key (NULL: not in the footer). help: NULL for a row the help lists with the row above it.
 * arg: passed to the action (UI_ACT_JUMP: the section). */
struct ui_binding {
    const char *name;
    enum ui_action action;
    unsigned scopes;
    int keys[UI_BINDING_KEYS];
    const char *names;
    const char *hint_key;
    const char *hint;
    const char *help;
    int arg;
};

struct ui;
struct ui_screen;
struct ui_prompt;
struct ui_search;

/* A screen's hooks. resize is required (it lays out the document for the current width);
 * the others may be NULL. */
struct ui_screen_ops {
    const char *name; /* the help overlay's title */
    unsigned scope;   /* enum ui_scope bits */
    /* Lays out s's document into d (initialised with the width and text flags). */
    void (*resize)(struct ui *ui, struct ui_screen *s, struct view_doc *d);
    /* Handles an action, or returns UI_RES_PASS for the generic handling. */
    enum ui_result (*key)(struct ui *ui, struct ui_screen *s, enum ui_action a, int arg);
    void (*leave)(struct ui *ui, struct ui_screen *s);
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
    size_t match;        /* screens showing matches: 1 + the line of the current one; 0: none */
};

/* Attributes per role, filled by ui_theme_init(). */
struct ui_theme {
    attr_t attrs[VIEW_ROLE_COUNT];
};

struct ui_pick;

struct ui {
    struct guide *g; /* the open guide; NULL while the guide picker shows */
    SCREEN *scr;
    struct ui_theme theme;
    struct ui_options opt;
    struct progress_store *own_store; /* opened from opt.store_path (then also opt.store) */
    const struct ui_keys *keys;       /* the key table in use (opt.keys, or keys_owned) */
    struct ui_keys *keys_owned;       /* the default table when opt.keys is NULL */
    struct ui_pick *pick;             /* the guide picker (ui_pick.c); NULL with one guide */
    unsigned text_flags;              /* TEXT_ASCII when the locale is not UTF-8 */
    struct ui_screen stack[UI_STACK_MAX];
    size_t depth;
    enum view_section sections[VIEW_SECTION_COUNT];
    size_t n_sections;
    /* geometry, recomputed in one place (ui_app.c, on start and KEY_RESIZE) */
    int rows, cols;
    bool too_small;
    int measure; /* text width */
    int margin;  /* left margin */
    bool help_open;
    char status[1024];
    enum view_role status_role;
    struct ui_prompt *prompt;      /* the open input line (ui_prompt.c), which takes every key */
    struct ui_search *search;      /* search state (ui_search.c); NULL until the first search */
    struct ui_prompt *date_prompt; /* ui_home.c: the start date prompt; NULL until first used */
    struct ui_certform *form;      /* ui_certform.c: the open tracker form (takes every key) */
    int status_rows;  /* rows the status took at the last full paint (it may cover the body) */
    bool quit_armed;  /* the unsaved-changes warning is shown: the next q quits */
    bool save_failed; /* the last save of progress failed */
};

/* ui_app.c: the stack and navigation */
struct ui_screen *ui_top(struct ui *ui);
size_t ui_body_height(const struct ui *ui);
/* Pushes a screen and lays it out. crumb is borrowed. Returns UI_RES_ALL. */
enum ui_result ui_push(struct ui *ui, const struct ui_screen_ops *ops, size_t index,
                       const char *crumb);
/* Pops the top screen (never Home), running its leave hook. */
void ui_pop(struct ui *ui);
/* Opens section s as the only screen above Home, loading its part first if needed (an error
 * screen when that fails). Returns UI_RES_ALL. */
enum ui_result ui_open_section(struct ui *ui, enum view_section s);
/* Runs action a on the top screen as its key would: the screen's hook, else the generic
 * handling. Returns what to repaint. */
enum ui_result ui_do_action(struct ui *ui, enum ui_action a, int arg);
/* Lays the screen out again when the width changed, keeping its selection and scroll. */
void ui_layout_screen(struct ui *ui, struct ui_screen *s);
/* Pops every screen, Home included, running their leave hooks. */
void ui_pop_all(struct ui *ui);
/* The scopes of the keys that work now: the top screen's, plus Back on a guide's Home when the
 * guide picker is below it. */
unsigned ui_scope(const struct ui *ui);

/* ui_term.c: the terminal and signals */
/* Enters curses (newterm) with our signal handlers. From here until ui_term_close() the quit
 * signals and SIGWINCH are delivered only inside ui_term_poll(). Returns 0, or -1 with a reason
 * in why. */
int ui_term_open(struct ui *ui, char *why, size_t size);
/* Turns on the function keys and the mouse. Not needed to draw, so the browser calls it after
 * its first frame, before it reads the first key. */
void ui_term_input_on(struct ui *ui);
/* Leaves curses and restores the terminal, the signal mask and the signal handlers. Safe to
 * call twice. */
void ui_term_close(struct ui *ui);
/* The quit signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) received since ui_term_open(), or 0. */
int ui_term_pending_signal(void);
struct pollfd;
/* poll() on one descriptor without a timeout, with the quit signals and SIGWINCH unblocked for
 * the wait only: one that arrived while the loop worked wakes it at once (-1, EINTR). */
int ui_term_poll(struct pollfd *p);

/* ui_keys.c: the key table (ui_keys_new() and ui_keys_free() are in ui.h) */
/* The row of key in scope, or NULL. Borrowed from k. */
const struct ui_binding *ui_keys_lookup(const struct ui_keys *k, int key, unsigned scope);
size_t ui_keys_count(const struct ui_keys *k);
const struct ui_binding *ui_keys_at(const struct ui_keys *k, size_t i);

/* ui_theme.c: semantic roles to attributes */
/* color: the terminal has colours and NO_COLOR is not set; palette: the configured theme
 * (CONFIG_THEME_MONOCHROME draws without colours like !color). Call after newterm(). */
void ui_theme_init(struct ui_theme *th, bool color, enum config_theme palette);
attr_t ui_theme_attr(const struct ui_theme *th, enum view_role role);
/* The attribute of a run of `role` inside the selected item. */
attr_t ui_theme_selected(const struct ui_theme *th, enum view_role role);

/* ui_draw.c: painting (only the main loop calls these) */
void ui_draw_all(struct ui *ui);
/* Repaints the rows of items a and b (SIZE_MAX: none), the header and the footer. */
void ui_draw_items(struct ui *ui, size_t a, size_t b);
/* Draws sanitised text at (y, x) clipped to max columns; returns the columns drawn. */
int ui_draw_text(int y, int x, const char *s, size_t len, int max, attr_t attr);
/* Draws a box of w x h at (y0, x0) with a line border, blank inside, in attr (the help overlay,
 * the certification form). */
void ui_draw_box(int y0, int x0, int h, int w, attr_t attr);
/* Sanitises untrusted text, then draws it like ui_draw_text(). */
int ui_draw_untrusted(const struct ui *ui, int y, int x, const char *s, int max, attr_t attr);

/* Status line: a message shown in place of the key hints until the next key. */
void ui_status_set(struct ui *ui, enum view_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ui_status_clear(struct ui *ui);

/* ui_progress.c: ticking key actions, undo, the next action to do, saving */
/* The learner's progress document, or NULL when the browser runs without a store. Borrowed. */
struct progress *ui_progress_doc(struct ui *ui);
/* Says once, in the status line, what opening the store found (a damaged file kept aside, why
 * progress is read-only) and, with a guide open, how many saved items this guide does not
 * have. */
void ui_progress_start(struct ui *ui);
/* Says in the status line how many saved items the open guide does not have, if any (for a
 * guide opened from the picker). */
void ui_progress_note_unknown(struct ui *ui);
/* Sets the selected key action of checklist screen s to state, or back to "to do" when it is
 * in that state already, and saves. Returns what to repaint. */
enum ui_result ui_progress_mark(struct ui *ui, struct ui_screen *s, enum progress_state state);
/* Undoes the last change (several levels) and saves. */
enum ui_result ui_progress_undo(struct ui *ui);
/* Opens the phase of the next key action still to do (after the selected one on a checklist,
 * else from the start) and selects it. */
enum ui_result ui_progress_next_todo(struct ui *ui);
/* Whether q may quit now: true when everything is saved (it retries a failed save first) or
 * the learner was already warned; otherwise warns in the status line, once. */
bool ui_progress_may_quit(struct ui *ui);
/* Saves what is still unsaved as the browser ends (q, a signal, a lost terminal). Returns NULL,
 * or a message for standard error (caller frees) when changes could not be saved. */
char *ui_progress_finish(struct ui *ui);

/* Saves after a change made through the document (a note, a certification, the start date),
 * like a tick: a failure shows why in the status line, every screen is laid out again.
 * Returns UI_RES_ALL. */
enum ui_result ui_progress_save_change(struct ui *ui);

/* ui_term.c: handing the terminal to another program (the note editor) */
/* Leaves curses (def_prog_mode, endwin) and ignores SIGINT and SIGQUIT, which the terminal
 * sends to the whole foreground group: the program run owns them. */
void ui_term_suspend(struct ui *ui);
/* In a child about to exec another program: every signal we handle or block back to its
 * default and the signal mask as it was before trail started (a blocked SIGWINCH or SIGINT
 * would otherwise reach the editor blocked). Async-signal-safe. */
void ui_term_child_signals(void);
/* Undoes ui_term_suspend(): our signal handlers, the saved curses modes, a full repaint. */
void ui_term_resume(struct ui *ui);

/* ui_note.c: notes in $VISUAL / $EDITOR (fallback vi) */
/* Opens the note of item id (borrowed: a key action, phase or certification id) in the editor
 * and saves what comes back; an empty note removes it. Says in the status line what happened.
 * Returns UI_RES_ALL. */
enum ui_result ui_note_edit(struct ui *ui, const char *id);
/* The id of the item e edits on screen s: its selected item, or the certification shown;
 * NULL when there is none. Borrowed. */
const char *ui_note_target(const struct ui *ui, const struct ui_screen *s);

/* ui_left.c: "What's left" */
/* Opens it above the current screen (or returns to it when it is already open). */
enum ui_result ui_left_open(struct ui *ui);

/* ui_certform.c: the certification tracker */
/* Opens the form for certification number cert (an index into g->certs). Returns UI_RES_ALL. */
enum ui_result ui_certform_open(struct ui *ui, size_t cert);
/* Handles one key for the open form (ui->form != NULL). */
enum ui_result ui_certform_key(struct ui *ui, int key);
/* Draws the open form over the body and places the cursor in a date field. */
void ui_certform_draw(struct ui *ui);
/* Closes the form without saving (no-op when none is open). */
void ui_certform_close(struct ui *ui);

/* ui_home.c: the pace start date prompt */
enum ui_result ui_home_start_prompt(struct ui *ui);
void ui_home_free(struct ui *ui);

/* ui_resume.c: where the learner left off */
/* Records the current screen, selected item and scroll as the resume position (not when
 * progress is read-only); ui_progress_finish() then saves it. */
void ui_resume_save(struct ui *ui);
/* Reopens the saved position when the screen and its item still exist in this guide; else
 * stays on Home. Call with only Home on the stack. */
void ui_resume_restore(struct ui *ui);

/* ui_help.c */
void ui_help_draw(struct ui *ui);

/* ui_pick.c: the guide picker, shown first when the content directory holds several guides
 * and none was named. Enter loads the selected guide and opens its Home in place of the
 * picker; Back from that Home frees the guide and everything built for it (search index,
 * screens) and shows the picker again with the same selection. */
/* Loads a summary of every guide of opt.guides and shows the picker as the only screen. */
void ui_pick_start(struct ui *ui);
/* Closes the open guide and shows the picker again. Returns UI_RES_ALL. */
enum ui_result ui_pick_return(struct ui *ui);
/* Frees the picker and, when one is open, the guide it opened. Call after ui_pop_all(). */
void ui_pick_free(struct ui *ui);

/* The screens (ui_home.c, ui_overview.c, ui_path.c, ui_phase.c, ui_certs.c, ui_faq.c,
 * ui_error.c) */
extern const struct ui_screen_ops ui_home_ops;
extern const struct ui_screen_ops ui_overview_ops;
extern const struct ui_screen_ops ui_path_ops;
extern const struct ui_screen_ops ui_phase_ops;
extern const struct ui_screen_ops ui_certs_ops;
extern const struct ui_screen_ops ui_cert_ops;
extern const struct ui_screen_ops ui_faqs_ops;
extern const struct ui_screen_ops ui_faq_ops;
extern const struct ui_screen_ops ui_error_ops;
extern const struct ui_screen_ops ui_load_error_ops; /* a guide the picker could not load */
extern const struct ui_screen_ops ui_pick_ops;
extern const struct ui_screen_ops ui_left_ops;

#endif
