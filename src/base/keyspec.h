/* SPDX-License-Identifier: MIT */
/* Key specifications as the configuration file writes them ("Q", "C-x", "F2", "PgDn") and the
 * rebinding of a key table from `key.<action> = KEY` lines. No curses here: a key spec is a
 * small enum plus a code, which the browser maps to curses key codes; the rebinding works on
 * the browser's table as plain integers. */
#ifndef TRAIL_KEYSPEC_H
#define TRAIL_KEYSPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "diag.h"

/* The most keys one action can be given in the configuration file. */
#define KEYSPEC_MAX_KEYS 8
/* Function keys F1..KEYSPEC_MAX_FUNCTION. */
#define KEYSPEC_MAX_FUNCTION 12

enum keyspec_kind {
    KEYSPEC_CHAR,     /* code: a printable ASCII character other than space */
    KEYSPEC_CTRL,     /* code: the control character, 0-31 (C-x is 24, C-@ 0) */
    KEYSPEC_FUNCTION, /* code: 1-12 */
    KEYSPEC_NAMED,    /* code: enum keyspec_name */
};

enum keyspec_name {
    KEYSPEC_ENTER,
    KEYSPEC_ESC,
    KEYSPEC_TAB,
    KEYSPEC_BACKTAB, /* Shift-Tab */
    KEYSPEC_SPACE,
    KEYSPEC_UP,
    KEYSPEC_DOWN,
    KEYSPEC_LEFT,
    KEYSPEC_RIGHT,
    KEYSPEC_HOME,
    KEYSPEC_END,
    KEYSPEC_PGUP,
    KEYSPEC_PGDN,
    KEYSPEC_BACKSPACE,
    KEYSPEC_NAME_COUNT
};

struct keyspec {
    enum keyspec_kind kind;
    unsigned code;
};

enum keyspec_status {
    KEYSPEC_OK = 0,
    KEYSPEC_INVALID = -1,  /* not a key this syntax can write */
    KEYSPEC_RESERVED = -2, /* a key the terminal keeps (C-c, C-z, C-\, C-s, C-q) */
};

/* Parses one key: a single printable character ("Q", "/"), "C-x" (Ctrl with a letter or one of
 * @ [ \ ] ^ _), "F1".."F12", or a name: Enter, Esc, Tab, S-Tab, Space, Up, Down, Left, Right,
 * Home, End, PgUp, PgDn, Backspace. Names, "C-" and "F" ignore case; a single character does
 * not. C-i is Tab and C-[ is Esc. Fills *out and returns KEYSPEC_OK, or a failure status. */
enum keyspec_status keyspec_parse(const char *s, struct keyspec *out);

/* The key as the footer and the help show it: "Q", "^X", "F2", "Enter", "Bksp", ... into buf
 * (size bytes, always terminated). Returns buf. */
char *keyspec_label(const struct keyspec *k, char *buf, size_t size);

bool keyspec_equal(const struct keyspec *a, const struct keyspec *b);

/* The keys the configuration gives one action. n == 0: the action keeps its defaults. */
struct keyspec_set {
    struct keyspec keys[KEYSPEC_MAX_KEYS];
    size_t n;
};

/* Reads c's key.<action> lines against the action names (names[i] is action i). Each line
 * adds its key to sets[i] (n_names sets, filled here), in file order: an action named at all
 * gets exactly the keys of its lines, which replace its defaults. A line is ignored with a
 * located warning in d when it names no action, no key, a key the terminal keeps, a key an
 * earlier line gave another action, or one key too many. Returns the number of actions
 * rebound. */
size_t keyspec_resolve(const struct config *c, const char *const *names, size_t n_names,
                       struct keyspec_set *sets, struct diag *d);

/* Rebinds a key table of integer codes: rows[i * width ...] holds the codes of action i, 0
 * after the last (width includes room for the 0). For each action with rebound[i], its row
 * becomes exactly the codes in repl[i * width ...] (0-terminated); every code so given is
 * removed from the rows of the other actions, so the configured key wins everywhere. changed[i]
 * is set for every row that differs from before. */
void keyspec_apply(int *rows, size_t n_rows, size_t width, const int *repl, const bool *rebound,
                   bool *changed);

#endif
