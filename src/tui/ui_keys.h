/* SPDX-License-Identifier: MIT */
/* The key table: the one source for dispatch, the footer hints, the help overlay and
 * `trail --list-keys`. Each row binds keys to an action on the screens whose scope it meets.
 * ui_keys_new() and ui_keys_free() are in ui.h (main builds the table before the screen
 * starts). */
#ifndef TRAIL_UI_KEYS_H
#define TRAIL_UI_KEYS_H

#include <stddef.h>

struct ui_keys;

/* What a key asks for. The loop handles movement, Back, redraw and quit itself; every other
 * action goes to the top screen's action hook, then to the command the wiring file gives it. */
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
    UI_ACT_SEARCH, /* filter the FAQ list, elsewhere search the guide */
    UI_ACT_NEXT_MATCH,
    UI_ACT_PREV_MATCH,
    UI_ACT_MARK_DONE,     /* toggle done */
    UI_ACT_MARK_PROGRESS, /* toggle in progress */
    UI_ACT_MARK_SKIPPED,  /* toggle skipped */
    UI_ACT_UNDO,
    UI_ACT_NEXT_TODO,
    UI_ACT_NOTE,        /* edit the subject's note in $VISUAL / $EDITOR */
    UI_ACT_READ_NOTE,   /* read the subject's whole note */
    UI_ACT_LEFT,        /* open "What's left" */
    UI_ACT_TRACK,       /* the certification tracker's form */
    UI_ACT_SET_START,   /* the pace start date */
    UI_ACT_MINE_ADD,    /* add the learner's own action after the selected one */
    UI_ACT_MINE_EDIT,   /* edit the selected own action */
    UI_ACT_MINE_REMOVE, /* remove the selected own action */
    UI_ACT_OPEN_LINK,   /* open the selected action's link */
    UI_ACT_TODAY,       /* open Today: this week's plan */
    UI_ACT_LOG_TIME,    /* log time on the subject */
    UI_ACT_SET_HOURS,   /* the hours per week of the plan */
    UI_ACT_EVIDENCE,    /* attach, change or remove evidence on the subject */
    UI_ACT_VERIFY,      /* check every piece of evidence */
    UI_ACT_COUNT
};

/* Which screens a key works on: a binding applies when its scopes meet the screen's. The bits
 * are also how a feature asks what kind of screen it is on (a checklist, a list that opens). */
enum ui_scope {
    UI_SCOPE_ANY = 1u << 0,       /* every screen */
    UI_SCOPE_OPEN = 1u << 1,      /* screens whose items open (Enter): lists */
    UI_SCOPE_SUB = 1u << 2,       /* every screen but Home (Back) */
    UI_SCOPE_TOO_SMALL = 1u << 3, /* keys that still work behind the "too small" notice */
    UI_SCOPE_MATCH = 1u << 4,     /* screens that show search matches (n/N) */
    UI_SCOPE_CHECK = 1u << 5,     /* a list of key actions (the marking keys) */
    UI_SCOPE_PICKER = 1u << 6,    /* the guide picker and its error screen: no guide open */
    UI_SCOPE_NOTE = 1u << 7,      /* screens whose subject takes a note (e, E) */
    UI_SCOPE_CERT = 1u << 8,      /* the certifications and a certification (t) */
    UI_SCOPE_HOME = 1u << 9,      /* Home only (S) */
    UI_SCOPE_EVIDENCE = 1u << 10, /* screens whose subject takes evidence (v, V): a key action
                                   * or a certification, never a phase */
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

/* The row of key in scope, or NULL. Borrowed from k. */
const struct ui_binding *ui_keys_lookup(const struct ui_keys *k, int key, unsigned scope);
size_t ui_keys_count(const struct ui_keys *k);
/* Row i, or NULL past the end. Borrowed from k. */
const struct ui_binding *ui_keys_at(const struct ui_keys *k, size_t i);
/* Writes the labels of row i's own keys ("Up k"), each once, into buf (size bytes). */
void ui_keys_label(const struct ui_keys *k, size_t i, char *buf, size_t size);
/* Writes the label of key code `code` ("x", "Esc", "F1") into buf; "" for a code without one. */
void ui_keys_code_label(int code, char *buf, size_t size);
/* Where a binding with `scopes` works, in words ("on a list"), for a key pressed elsewhere.
 * Static. */
const char *ui_keys_where(unsigned scopes);
/* The help text of row i: its own, or that of the row it is listed with. */
const char *ui_keys_help(const struct ui_keys *k, size_t i);

#endif
