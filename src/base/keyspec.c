/* SPDX-License-Identifier: MIT */
/* Key specs and rebinding. A key spec is parsed into one canonical form, so that two spellings
 * of the same key compare equal: control characters that are also named keys become the name
 * (C-i is Tab, C-m and C-j are Enter, C-h is Backspace, C-[ is Esc). Rebinding is two steps:
 * keyspec_resolve() turns configuration lines into per-action key sets (file order, first
 * problem wins a warning, nothing half-applied), and keyspec_apply() rewrites a table of
 * integer codes, which the browser fills from its own key codes. Neither knows curses. */
#include "keyspec.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const key_names[KEYSPEC_NAME_COUNT] = {
    [KEYSPEC_ENTER] = "Enter", [KEYSPEC_ESC] = "Esc",
    [KEYSPEC_TAB] = "Tab",     [KEYSPEC_BACKTAB] = "S-Tab",
    [KEYSPEC_SPACE] = "Space", [KEYSPEC_UP] = "Up",
    [KEYSPEC_DOWN] = "Down",   [KEYSPEC_LEFT] = "Left",
    [KEYSPEC_RIGHT] = "Right", [KEYSPEC_HOME] = "Home",
    [KEYSPEC_END] = "End",     [KEYSPEC_PGUP] = "PgUp",
    [KEYSPEC_PGDN] = "PgDn",   [KEYSPEC_BACKSPACE] = "Backspace",
};

/* The labels shown on screen, where they differ from the names above. */
static const char *const key_labels[KEYSPEC_NAME_COUNT] = {
    [KEYSPEC_ENTER] = "Enter",       [KEYSPEC_ESC] = "Esc",        [KEYSPEC_TAB] = "Tab",
    [KEYSPEC_BACKTAB] = "Shift-Tab", [KEYSPEC_SPACE] = "Space",    [KEYSPEC_UP] = "Up",
    [KEYSPEC_DOWN] = "Down",         [KEYSPEC_LEFT] = "Left",      [KEYSPEC_RIGHT] = "Right",
    [KEYSPEC_HOME] = "Home",         [KEYSPEC_END] = "End",        [KEYSPEC_PGUP] = "PgUp",
    [KEYSPEC_PGDN] = "PgDn",         [KEYSPEC_BACKSPACE] = "Bksp",
};

static struct keyspec named(enum keyspec_name n)
{
    return (struct keyspec){KEYSPEC_NAMED, (unsigned)n};
}

/* C-<c>: the canonical spec, or a failure status. */
static enum keyspec_status parse_ctrl(char c, struct keyspec *out)
{
    if (c >= 'a' && c <= 'z') {
        c = (char)(c - 'a' + 'A');
    }
    if (c < '@' || c > '_') {
        return KEYSPEC_INVALID;
    }
    unsigned code = (unsigned)c & 0x1f;
    switch (code) {
    case 'C' & 0x1f:  /* SIGINT */
    case 'Z' & 0x1f:  /* SIGTSTP */
    case '\\' & 0x1f: /* SIGQUIT */
    case 'S' & 0x1f:  /* XOFF */
    case 'Q' & 0x1f:  /* XON */
        return KEYSPEC_RESERVED;
    case 'I' & 0x1f:
        *out = named(KEYSPEC_TAB);
        return KEYSPEC_OK;
    case 'J' & 0x1f:
    case 'M' & 0x1f:
        *out = named(KEYSPEC_ENTER);
        return KEYSPEC_OK;
    case 'H' & 0x1f:
        *out = named(KEYSPEC_BACKSPACE);
        return KEYSPEC_OK;
    case '[' & 0x1f:
        *out = named(KEYSPEC_ESC);
        return KEYSPEC_OK;
    default:
        break;
    }
    *out = (struct keyspec){KEYSPEC_CTRL, code};
    return KEYSPEC_OK;
}

/* F1..F12; 0 when s is not one. */
static unsigned parse_function(const char *s)
{
    if ((s[0] != 'F' && s[0] != 'f') || s[1] < '1' || s[1] > '9') {
        return 0;
    }
    unsigned n = (unsigned)(s[1] - '0');
    if (s[2] != '\0') {
        if (s[2] < '0' || s[2] > '9' || s[3] != '\0') {
            return 0;
        }
        n = n * 10 + (unsigned)(s[2] - '0');
    }
    return n <= KEYSPEC_MAX_FUNCTION ? n : 0;
}

enum keyspec_status keyspec_parse(const char *s, struct keyspec *out)
{
    size_t len = strlen(s);
    if (len == 1) {
        if (s[0] <= ' ' || s[0] > '~') {
            return KEYSPEC_INVALID;
        }
        *out = (struct keyspec){KEYSPEC_CHAR, (unsigned char)s[0]};
        return KEYSPEC_OK;
    }
    if (len == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') {
        return parse_ctrl(s[2], out);
    }
    unsigned f = parse_function(s);
    if (f > 0) {
        *out = (struct keyspec){KEYSPEC_FUNCTION, f};
        return KEYSPEC_OK;
    }
    for (int n = 0; n < KEYSPEC_NAME_COUNT; n++) {
        if (strcasecmp(s, key_names[n]) == 0) {
            *out = named((enum keyspec_name)n);
            return KEYSPEC_OK;
        }
    }
    return KEYSPEC_INVALID;
}

char *keyspec_label(const struct keyspec *k, char *buf, size_t size)
{
    switch (k->kind) {
    case KEYSPEC_CHAR:
        snprintf(buf, size, "%c", (char)k->code);
        break;
    case KEYSPEC_CTRL:
        snprintf(buf, size, "^%c", (char)(k->code + '@'));
        break;
    case KEYSPEC_FUNCTION:
        snprintf(buf, size, "F%u", k->code);
        break;
    case KEYSPEC_NAMED:
        snprintf(buf, size, "%s", k->code < KEYSPEC_NAME_COUNT ? key_labels[k->code] : "?");
        break;
    }
    return buf;
}

bool keyspec_equal(const struct keyspec *a, const struct keyspec *b)
{
    return a->kind == b->kind && a->code == b->code;
}

/* The action that already holds k in sets (other than `self`), or SIZE_MAX. */
static size_t holder(const struct keyspec_set *sets, size_t n, size_t self, const struct keyspec *k)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; i != self && j < sets[i].n; j++) {
            if (keyspec_equal(&sets[i].keys[j], k)) {
                return i;
            }
        }
    }
    return SIZE_MAX;
}

static size_t find_name(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], name) == 0) {
            return i;
        }
    }
    return SIZE_MAX;
}

/* Adds one configuration line to sets, or warns why it is ignored. */
static void resolve_line(const struct config *c, const struct config_binding *b,
                         const char *const *names, size_t n, struct keyspec_set *sets,
                         struct diag *d)
{
    size_t a = find_name(names, n, b->action);
    if (a == SIZE_MAX) {
        diag_add(d, DIAG_WARNING, c->path, b->line, b->action_col,
                 "no action '%s' to bind (line ignored; trail(1) lists the actions)", b->action);
        return;
    }
    struct keyspec k;
    enum keyspec_status st = keyspec_parse(b->key, &k);
    if (st == KEYSPEC_RESERVED) {
        diag_add(d, DIAG_WARNING, c->path, b->line, b->key_col,
                 "'%s' is kept by the terminal and cannot be bound (line ignored)", b->key);
        return;
    }
    if (st != KEYSPEC_OK) {
        diag_add(d, DIAG_WARNING, c->path, b->line, b->key_col,
                 "'%s' is not a key: write one character, C-x, F1 to F12 or a name such as "
                 "Enter, Esc, PgDn (line ignored)",
                 b->key);
        return;
    }
    size_t other = holder(sets, n, a, &k);
    if (other != SIZE_MAX) {
        diag_add(d, DIAG_WARNING, c->path, b->line, b->key_col,
                 "'%s' is already bound to '%s' (line ignored)", b->key, names[other]);
        return;
    }
    for (size_t j = 0; j < sets[a].n; j++) {
        if (keyspec_equal(&sets[a].keys[j], &k)) {
            return; /* the same binding twice */
        }
    }
    if (sets[a].n == KEYSPEC_MAX_KEYS) {
        diag_add(d, DIAG_WARNING, c->path, b->line, b->key_col,
                 "'%s' has %d keys already (line ignored)", b->action, KEYSPEC_MAX_KEYS);
        return;
    }
    sets[a].keys[sets[a].n++] = k;
}

size_t keyspec_resolve(const struct config *c, const char *const *names, size_t n_names,
                       struct keyspec_set *sets, struct diag *d)
{
    memset(sets, 0, n_names * sizeof *sets);
    for (size_t i = 0; i < c->n_bindings; i++) {
        resolve_line(c, &c->bindings[i], names, n_names, sets, d);
    }
    size_t rebound = 0;
    for (size_t i = 0; i < n_names; i++) {
        rebound += sets[i].n > 0;
    }
    return rebound;
}

static bool row_has(const int *row, size_t width, int code)
{
    for (size_t k = 0; k < width && row[k] != 0; k++) {
        if (row[k] == code) {
            return true;
        }
    }
    return false;
}

/* Whether code is given by some rebound row. */
static bool taken(const int *repl, const bool *rebound, size_t n_rows, size_t width, int code)
{
    for (size_t i = 0; i < n_rows; i++) {
        if (rebound[i] && row_has(repl + i * width, width, code)) {
            return true;
        }
    }
    return false;
}

void keyspec_apply(int *rows, size_t n_rows, size_t width, const int *repl, const bool *rebound,
                   bool *changed)
{
    for (size_t i = 0; i < n_rows; i++) {
        int *row = rows + i * width;
        changed[i] = false;
        if (rebound[i]) {
            changed[i] = memcmp(row, repl + i * width, width * sizeof *row) != 0;
            memcpy(row, repl + i * width, width * sizeof *row);
            row[width - 1] = 0;
            continue;
        }
        size_t out = 0;
        for (size_t k = 0; k < width && row[k] != 0; k++) {
            if (taken(repl, rebound, n_rows, width, row[k])) {
                changed[i] = true;
            } else {
                row[out++] = row[k];
            }
        }
        for (; out < width; out++) {
            row[out] = 0;
        }
    }
}
