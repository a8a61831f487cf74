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
    UI_ACT_JUMP, /* argument: the section number, 0-based */
    UI_ACT_HELP,
    UI_ACT_REDRAW,
    UI_ACT_QUIT,
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
};

#define UI_BINDING_KEYS 10

/* One row of the key table. keys: up to UI_BINDING_KEYS codes (characters, or KEY_* |
 * UI_KEY_FN), 0-terminated. names: the keys as the help shows them. hint/hint_key: the
 * footer's label and key (NULL: not in the footer). */
struct ui_binding {
    enum ui_action action;
    unsigned scopes;
    int keys[UI_BINDING_KEYS];
    const char *names;
    const char *hint_key;
    const char *hint;
    const char *help;
};

struct ui;
struct ui_screen;

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
};

/* Attributes per role, filled by ui_theme_init(). */
struct ui_theme {
    attr_t attrs[VIEW_ROLE_COUNT];
};

struct ui {
    struct guide *g;
    SCREEN *scr;
    struct ui_theme theme;
    struct ui_options opt;
    unsigned text_flags; /* TEXT_ASCII when the locale is not UTF-8 */
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
    char status[256];
    enum view_role status_role;
};

/* ui_app.c: the stack and navigation */
struct ui_screen *ui_top(struct ui *ui);
size_t ui_body_height(const struct ui *ui);
/* Pushes a screen and lays it out. crumb is borrowed. Returns UI_RES_ALL. */
enum ui_result ui_push(struct ui *ui, const struct ui_screen_ops *ops, size_t index,
                       const char *crumb);
/* Opens section s as the only screen above Home, loading its part first if needed (an error
 * screen when that fails). Returns UI_RES_ALL. */
enum ui_result ui_open_section(struct ui *ui, enum view_section s);
/* Lays the screen out again when the width changed, keeping its selection and scroll. */
void ui_layout_screen(struct ui *ui, struct ui_screen *s);

/* ui_term.c: the terminal and signals */
/* Enters curses (newterm) with our signal handlers. Returns 0, or -1 with a reason in why. */
int ui_term_open(struct ui *ui, char *why, size_t size);
/* Leaves curses and restores the terminal and the signal handlers. Safe to call twice. */
void ui_term_close(struct ui *ui);
/* The quit signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) received since ui_term_open(), or 0. */
int ui_term_pending_signal(void);

/* ui_keys.c: the key table */
const struct ui_binding *ui_keys_lookup(int key, unsigned scope);
size_t ui_keys_count(void);
const struct ui_binding *ui_keys_at(size_t i);

/* ui_theme.c: semantic roles to attributes */
/* color: the terminal has colours and NO_COLOR is not set. Call after newterm(). */
void ui_theme_init(struct ui_theme *th, bool color);
attr_t ui_theme_attr(const struct ui_theme *th, enum view_role role);
/* The attribute of a run of `role` inside the selected item. */
attr_t ui_theme_selected(const struct ui_theme *th, enum view_role role);

/* ui_draw.c: painting (only the main loop calls these) */
void ui_draw_all(struct ui *ui);
/* Repaints the rows of items a and b (SIZE_MAX: none), the header and the footer. */
void ui_draw_items(struct ui *ui, size_t a, size_t b);
/* Draws sanitised text at (y, x) clipped to max columns; returns the columns drawn. */
int ui_draw_text(int y, int x, const char *s, size_t len, int max, attr_t attr);
/* Sanitises untrusted text, then draws it like ui_draw_text(). */
int ui_draw_untrusted(const struct ui *ui, int y, int x, const char *s, int max, attr_t attr);

/* Status line: a message shown in place of the key hints until the next key. */
void ui_status_set(struct ui *ui, enum view_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ui_status_clear(struct ui *ui);

/* ui_help.c */
void ui_help_draw(struct ui *ui);

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

#endif
