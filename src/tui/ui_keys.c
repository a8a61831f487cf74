/* SPDX-License-Identifier: MIT */
/* The key table: the single source for dispatch, the footer hints, the help overlay and
 * `trail --list-keys`, so they can never disagree. Adding a key is adding a row (and, for a new
 * action, its command in the wiring file or a case in a screen's action hook). Rows are in the
 * order the footer and the help show them.
 *
 * Each row has a stable action name, the one `key.<name> = KEY` rebinds in the configuration
 * file. ui_keys_new() copies the constant defaults into a table of its own and applies the
 * configuration there (keyspec.c decides what the lines mean; this file only maps key specs to
 * curses codes and back), so the footer and the help, which read the same copy, show the keys
 * that really work. */
#include "ui_keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyspec.h"
#include "ui.h"
#include "ui_curses.h"
#include "xalloc.h"

#define FN(k)   UI_FN(k)
#define CTRL(c) UI_CTRL(c)

/* Room for a row's key names ("Enter Right l") and its footer key. */
#define UI_KEYS_NAMES 64
#define UI_KEYS_HINT  16

static const struct ui_binding defaults[] = {
    {"up",
     UI_ACT_UP,
     UI_SCOPE_ANY | UI_SCOPE_PICKER,
     {FN(KEY_UP), 'k'},
     "Up k",
     "Up/Dn",
     "Move",
     "Move up, or scroll",
     0},
    {"down",
     UI_ACT_DOWN,
     UI_SCOPE_ANY | UI_SCOPE_PICKER,
     {FN(KEY_DOWN), 'j'},
     "Down j",
     NULL,
     NULL,
     "Move down, or scroll",
     0},
    {"open",
     UI_ACT_OPEN,
     UI_SCOPE_OPEN,
     {'\n', '\r', FN(KEY_ENTER), FN(KEY_RIGHT), 'l'},
     "Enter Right l",
     "Enter",
     "Open",
     "Open the selected item",
     0},
    /* Checklist progress: marks on a checklist, undo and the next to-do from anywhere. */
    {"mark-done",
     UI_ACT_MARK_DONE,
     UI_SCOPE_CHECK,
     {' ', 'x'},
     "Space x",
     "Spc",
     "Done",
     "Mark the key action done, or to do again",
     0},
    {"mark-in-progress",
     UI_ACT_MARK_PROGRESS,
     UI_SCOPE_CHECK,
     {'p'},
     "p",
     NULL,
     NULL,
     "Mark it in progress, or to do again",
     0},
    {"mark-skipped",
     UI_ACT_MARK_SKIPPED,
     UI_SCOPE_CHECK,
     {'s'},
     "s",
     NULL,
     NULL,
     "Mark it skipped, or to do again",
     0},
    {"undo",
     UI_ACT_UNDO,
     UI_SCOPE_ANY,
     {'u'},
     "u",
     NULL,
     NULL,
     "Undo a mark, note, tracker, evidence, hours or a log",
     0},
    {"next-todo",
     UI_ACT_NEXT_TODO,
     UI_SCOPE_ANY,
     {']'},
     "]",
     NULL,
     NULL,
     "Go to the next key action still to do",
     0},
    /* The learning companion: notes, what's left, the certification tracker, pace. */
    {"note",
     UI_ACT_NOTE,
     UI_SCOPE_NOTE,
     {'e'},
     "e",
     NULL,
     NULL,
     "Write a note on it in your $EDITOR",
     0},
    {"left",
     UI_ACT_LEFT,
     UI_SCOPE_ANY,
     {'w'},
     "w",
     NULL,
     NULL,
     "What's left: every action still to do",
     0},
    {"track",
     UI_ACT_TRACK,
     UI_SCOPE_CERT,
     {'t'},
     "t",
     NULL,
     NULL,
     "Track the certification: status and dates",
     0},
    {"set-start",
     UI_ACT_SET_START,
     UI_SCOPE_HOME,
     {'S'},
     "S",
     NULL,
     NULL,
     "Set the day you started, for your pace",
     0},
    /* The learner's own actions, and links (Markdown plans). */
    {"add-action",
     UI_ACT_MINE_ADD,
     UI_SCOPE_CHECK,
     {'a'},
     "a",
     NULL,
     NULL,
     "Add an action of your own after the selected one",
     0},
    {"edit-action",
     UI_ACT_MINE_EDIT,
     UI_SCOPE_CHECK,
     {'r'},
     "r",
     NULL,
     NULL,
     "Edit your own action's text",
     0},
    {"remove-action",
     UI_ACT_MINE_REMOVE,
     UI_SCOPE_CHECK,
     {'D'},
     "D",
     NULL,
     NULL,
     "Remove your own action (u brings it back)",
     0},
    {"open-link",
     UI_ACT_OPEN_LINK,
     UI_SCOPE_CHECK,
     {'o'},
     "o",
     NULL,
     NULL,
     "Open the action's link (http, https, mailto) in your browser",
     0},
    {"back",
     UI_ACT_BACK,
     UI_SCOPE_SUB,
     {27, FN(KEY_LEFT), 'h', FN(KEY_BACKSPACE), 127, 8},
     "Esc Left h Bksp",
     "Esc",
     "Back",
     "Go back to where you were",
     0},
    {"page-up",
     UI_ACT_PAGE_UP,
     UI_SCOPE_ANY | UI_SCOPE_PICKER,
     {FN(KEY_PPAGE), CTRL('b')},
     "PgUp ^B",
     NULL,
     NULL,
     "Page up",
     0},
    {"page-down",
     UI_ACT_PAGE_DOWN,
     UI_SCOPE_ANY | UI_SCOPE_PICKER,
     {FN(KEY_NPAGE), CTRL('f')},
     "PgDn ^F",
     NULL,
     NULL,
     "Page down",
     0},
    {"top",
     UI_ACT_HOME,
     UI_SCOPE_ANY | UI_SCOPE_PICKER,
     {FN(KEY_HOME), 'g'},
     "Home g",
     NULL,
     NULL,
     "Go to the top",
     0},
    {"bottom",
     UI_ACT_END,
     UI_SCOPE_ANY | UI_SCOPE_PICKER,
     {FN(KEY_END), 'G'},
     "End G",
     NULL,
     NULL,
     "Go to the bottom",
     0},
    {"next-section",
     UI_ACT_NEXT_SECTION,
     UI_SCOPE_ANY,
     {'\t'},
     "Tab",
     "Tab",
     "Section",
     "Next section",
     0},
    {"prev-section",
     UI_ACT_PREV_SECTION,
     UI_SCOPE_ANY,
     {FN(KEY_BTAB)},
     "Shift-Tab",
     NULL,
     NULL,
     "Previous section",
     0},
    /* One row per section, so each can be rebound; the help lists them as one (the rows
     * without help text belong to the row above). */
    {"section-1",
     UI_ACT_JUMP,
     UI_SCOPE_ANY,
     {'1'},
     "1-9",
     NULL,
     NULL,
     "Jump to a section of the Home menu",
     0},
    {"section-2", UI_ACT_JUMP, UI_SCOPE_ANY, {'2'}, NULL, NULL, NULL, NULL, 1},
    {"section-3", UI_ACT_JUMP, UI_SCOPE_ANY, {'3'}, NULL, NULL, NULL, NULL, 2},
    {"section-4", UI_ACT_JUMP, UI_SCOPE_ANY, {'4'}, NULL, NULL, NULL, NULL, 3},
    {"section-5", UI_ACT_JUMP, UI_SCOPE_ANY, {'5'}, NULL, NULL, NULL, NULL, 4},
    {"section-6", UI_ACT_JUMP, UI_SCOPE_ANY, {'6'}, NULL, NULL, NULL, NULL, 5},
    {"section-7", UI_ACT_JUMP, UI_SCOPE_ANY, {'7'}, NULL, NULL, NULL, NULL, 6},
    {"section-8", UI_ACT_JUMP, UI_SCOPE_ANY, {'8'}, NULL, NULL, NULL, NULL, 7},
    {"section-9", UI_ACT_JUMP, UI_SCOPE_ANY, {'9'}, NULL, NULL, NULL, NULL, 8},
    {"search",
     UI_ACT_SEARCH,
     UI_SCOPE_ANY,
     {'/'},
     "/",
     "/",
     "Search",
     "Search: filter the FAQ list, elsewhere the whole guide",
     0},
    {"next-match", UI_ACT_NEXT_MATCH, UI_SCOPE_MATCH, {'n'}, "n", NULL, NULL, "Next match", 0},
    {"prev-match", UI_ACT_PREV_MATCH, UI_SCOPE_MATCH, {'N'}, "N", NULL, NULL, "Previous match", 0},
    {"help",
     UI_ACT_HELP,
     UI_SCOPE_ANY | UI_SCOPE_PICKER,
     {'?', FN(KEY_F(1))},
     "? F1",
     "?",
     "Help",
     "Show these keys",
     0},
    {"redraw",
     UI_ACT_REDRAW,
     UI_SCOPE_ANY | UI_SCOPE_PICKER | UI_SCOPE_TOO_SMALL,
     {CTRL('l')},
     "^L",
     NULL,
     NULL,
     "Redraw the screen",
     0},
    {"quit",
     UI_ACT_QUIT,
     UI_SCOPE_ANY | UI_SCOPE_PICKER | UI_SCOPE_TOO_SMALL,
     {'q', 'Q'},
     "q Q ^C",
     "q",
     "Quit",
     "Quit trail",
     0},
    {"today",
     UI_ACT_TODAY,
     UI_SCOPE_ANY,
     {'T'},
     "T",
     NULL,
     NULL,
     "Today: the week's plan, time, timeline, streak",
     0},
    {"log-time", UI_ACT_LOG_TIME, UI_SCOPE_ANY, {'L'}, "L", NULL, NULL, "Log time spent on it", 0},
    {"set-hours",
     UI_ACT_SET_HOURS,
     UI_SCOPE_ANY,
     {'H'},
     "H",
     NULL,
     NULL,
     "Set your hours per week for the plan",
     0},
    /* Evidence: v on an item, V for all of the guide's; the help lists them as one row, after
     * quit, so the certifications' help keeps q on its first page at 80x24. */
    {"evidence",
     UI_ACT_EVIDENCE,
     UI_SCOPE_EVIDENCE,
     {'v'},
     "v V",
     NULL,
     NULL,
     "Evidence: v attaches to it, V checks all",
     0},
    {"verify", UI_ACT_VERIFY, UI_SCOPE_EVIDENCE, {'V'}, NULL, NULL, NULL, NULL, 0},
    /* After quit too, like v and V. */
    {"read-note",
     UI_ACT_READ_NOTE,
     UI_SCOPE_NOTE,
     {'E'},
     "E",
     NULL,
     NULL,
     "Read its whole note, in trail",
     0},
};

#define UI_KEYS_ROWS (sizeof defaults / sizeof defaults[0])

struct ui_keys {
    struct ui_binding rows[UI_KEYS_ROWS];
    char names[UI_KEYS_ROWS][UI_KEYS_NAMES]; /* for rows the configuration changed */
    char hints[UI_KEYS_ROWS][UI_KEYS_HINT];
};

/* The codes a named key arrives as. */
static const int named_codes[KEYSPEC_NAME_COUNT][3] = {
    [KEYSPEC_ENTER] = {'\n', '\r', FN(KEY_ENTER)},
    [KEYSPEC_ESC] = {27},
    [KEYSPEC_TAB] = {'\t'},
    [KEYSPEC_BACKTAB] = {FN(KEY_BTAB)},
    [KEYSPEC_SPACE] = {' '},
    [KEYSPEC_UP] = {FN(KEY_UP)},
    [KEYSPEC_DOWN] = {FN(KEY_DOWN)},
    [KEYSPEC_LEFT] = {FN(KEY_LEFT)},
    [KEYSPEC_RIGHT] = {FN(KEY_RIGHT)},
    [KEYSPEC_HOME] = {FN(KEY_HOME)},
    [KEYSPEC_END] = {FN(KEY_END)},
    [KEYSPEC_PGUP] = {FN(KEY_PPAGE)},
    [KEYSPEC_PGDN] = {FN(KEY_NPAGE)},
    [KEYSPEC_BACKSPACE] = {FN(KEY_BACKSPACE), 127, 8},
};

/* Appends the codes of k to row (0-terminated, UI_BINDING_KEYS wide). */
static void add_codes(int *row, const struct keyspec *k)
{
    int codes[3] = {0};
    switch (k->kind) {
    case KEYSPEC_CHAR:
        codes[0] = (int)k->code;
        break;
    case KEYSPEC_CTRL:
        codes[0] = k->code == 0 ? UI_KEY_FN : (int)k->code; /* read_key()'s NUL */
        break;
    case KEYSPEC_FUNCTION:
        codes[0] = FN(KEY_F((int)k->code));
        break;
    case KEYSPEC_NAMED:
        memcpy(codes, named_codes[k->code], sizeof codes);
        break;
    }
    size_t n = 0;
    while (n < UI_BINDING_KEYS && row[n] != 0) {
        n++;
    }
    for (size_t i = 0; i < 3 && codes[i] != 0 && n + 1 < UI_BINDING_KEYS; i++) {
        row[n++] = codes[i];
    }
}

/* The key spec a code comes from; false for a code no spec writes. */
static bool code_spec(int code, struct keyspec *k)
{
    for (int n = 0; n < KEYSPEC_NAME_COUNT; n++) {
        for (size_t i = 0; i < 3 && named_codes[n][i] != 0; i++) {
            if (named_codes[n][i] == code) {
                *k = (struct keyspec){KEYSPEC_NAMED, (unsigned)n};
                return true;
            }
        }
    }
    for (int f = 1; f <= KEYSPEC_MAX_FUNCTION; f++) {
        if (code == FN(KEY_F(f))) {
            *k = (struct keyspec){KEYSPEC_FUNCTION, (unsigned)f};
            return true;
        }
    }
    if (code == UI_KEY_FN || (code > 0 && code < ' ')) {
        *k = (struct keyspec){KEYSPEC_CTRL, (unsigned)code & 0x1f};
        return true;
    }
    if (code > ' ' && code <= '~') {
        *k = (struct keyspec){KEYSPEC_CHAR, (unsigned)code};
        return true;
    }
    return false;
}

/* Writes the labels of a row's keys, each once ("Enter Right l"), into buf; the first one into
 * first. */
static void row_labels(const int *row, char *buf, size_t size, char *first, size_t first_size)
{
    buf[0] = first[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < UI_BINDING_KEYS && row[i] != 0; i++) {
        struct keyspec k;
        char label[UI_KEYS_HINT], padded[UI_KEYS_HINT + 2];
        if (!code_spec(row[i], &k)) {
            continue;
        }
        keyspec_label(&k, label, sizeof label);
        snprintf(padded, sizeof padded, " %s ", label);
        char spaced[UI_KEYS_NAMES + 2];
        snprintf(spaced, sizeof spaced, " %s ", buf);
        if (strstr(spaced, padded) != NULL) {
            continue; /* Enter arrives as three codes: name it once */
        }
        if (first[0] == '\0') {
            snprintf(first, first_size, "%s", label);
        }
        used += (size_t)snprintf(buf + used, size - used, "%s%s", used > 0 ? " " : "", label);
        if (used >= size) {
            break;
        }
    }
}

/* Gives changed row i names (and a footer key) made from its codes now. */
static void relabel(struct ui_keys *k, size_t i)
{
    struct ui_binding *b = &k->rows[i];
    row_labels(b->keys, k->names[i], UI_KEYS_NAMES, k->hints[i], UI_KEYS_HINT);
    if (b->action == UI_ACT_QUIT) {
        size_t len = strlen(k->names[i]);
        snprintf(k->names[i] + len, UI_KEYS_NAMES - len, "%s^C", len > 0 ? " " : "");
    }
    if (b->help != NULL) {
        b->names = k->names[i][0] != '\0' ? k->names[i] : "(none)";
    }
    if (b->hint != NULL && k->hints[i][0] == '\0') {
        b->hint = NULL; /* no key left to show in the footer */
    } else if (b->hint != NULL) {
        b->hint_key = k->hints[i];
    }
}

/* Writes the labels of rows [head, end) into buf, a run of three or more consecutive
 * characters as a range ("1 F5 3-9"), so that the group fits the help's names column. */
static void group_labels(const struct ui_keys *k, size_t head, size_t end, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = head; i < end && used < size; i++) {
        const char *key = k->hints[i][0] != '\0' ? k->hints[i] : "-";
        size_t run = i;
        while (key[1] == '\0' && run + 1 < end && k->hints[run + 1][1] == '\0' &&
               k->hints[run + 1][0] == k->hints[run][0] + 1) {
            run++;
        }
        const char *gap = used > 0 ? " " : "";
        if (run >= i + 2) {
            used += (size_t)snprintf(buf + used, size - used, "%s%s-%s", gap, key, k->hints[run]);
            i = run;
        } else {
            used += (size_t)snprintf(buf + used, size - used, "%s%s", gap, key);
        }
    }
}

/* The help lists a row and the rows after it without help text as one ("1-9"): when one of
 * them changed, the head lists the first key of each. */
static void relabel_groups(struct ui_keys *k, const bool *changed)
{
    size_t head = 0;
    while (head < UI_KEYS_ROWS) {
        size_t end = head + 1;
        bool any = changed[head];
        while (end < UI_KEYS_ROWS && k->rows[end].help == NULL) {
            any = any || changed[end];
            end++;
        }
        if (end > head + 1 && any) {
            for (size_t i = head; i < end; i++) {
                relabel(k, i); /* each row's first key into hints[i] */
            }
            char names[UI_KEYS_NAMES];
            group_labels(k, head, end, names, sizeof names);
            memcpy(k->names[head], names, sizeof names);
            k->rows[head].names = k->names[head];
        }
        head = end;
    }
}

/* Applies the rebound sets to k's rows and relabels what changed. */
static void rebind(struct ui_keys *k, const struct keyspec_set *sets)
{
    int rows[UI_KEYS_ROWS][UI_BINDING_KEYS], repl[UI_KEYS_ROWS][UI_BINDING_KEYS];
    bool rebound[UI_KEYS_ROWS], changed[UI_KEYS_ROWS];
    memset(repl, 0, sizeof repl);
    for (size_t i = 0; i < UI_KEYS_ROWS; i++) {
        memcpy(rows[i], k->rows[i].keys, sizeof rows[i]);
        rebound[i] = sets[i].n > 0;
        for (size_t j = 0; j < sets[i].n; j++) {
            add_codes(repl[i], &sets[i].keys[j]);
        }
    }
    keyspec_apply(&rows[0][0], UI_KEYS_ROWS, UI_BINDING_KEYS, &repl[0][0], rebound, changed);
    for (size_t i = 0; i < UI_KEYS_ROWS; i++) {
        memcpy(k->rows[i].keys, rows[i], sizeof rows[i]);
        if (changed[i]) {
            relabel(k, i);
        }
    }
    relabel_groups(k, changed);
}

struct ui_keys *ui_keys_new(const struct config *c, struct diag *d)
{
    struct ui_keys *k = xcalloc(1, sizeof *k);
    memcpy(k->rows, defaults, sizeof defaults);
    if (c == NULL || c->n_bindings == 0) {
        return k;
    }
    const char *names[UI_KEYS_ROWS];
    for (size_t i = 0; i < UI_KEYS_ROWS; i++) {
        names[i] = defaults[i].name;
    }
    struct keyspec_set sets[UI_KEYS_ROWS];
    if (keyspec_resolve(c, names, UI_KEYS_ROWS, sets, d) > 0) {
        rebind(k, sets);
    }
    return k;
}

void ui_keys_free(struct ui_keys *k)
{
    free(k);
}

const struct ui_binding *ui_keys_lookup(const struct ui_keys *k, int key, unsigned scope)
{
    for (size_t i = 0; i < UI_KEYS_ROWS; i++) {
        const struct ui_binding *b = &k->rows[i];
        if ((b->scopes & scope) == 0) {
            continue;
        }
        for (size_t j = 0; j < UI_BINDING_KEYS && b->keys[j] != 0; j++) {
            if (b->keys[j] == key) {
                return b;
            }
        }
    }
    return NULL;
}

size_t ui_keys_count(const struct ui_keys *k)
{
    (void)k;
    return UI_KEYS_ROWS;
}

const struct ui_binding *ui_keys_at(const struct ui_keys *k, size_t i)
{
    return i < UI_KEYS_ROWS ? &k->rows[i] : NULL;
}

void ui_keys_label(const struct ui_keys *k, size_t i, char *buf, size_t size)
{
    char first[UI_KEYS_HINT];
    buf[0] = '\0';
    if (i < UI_KEYS_ROWS) {
        row_labels(k->rows[i].keys, buf, size, first, sizeof first);
    }
}

const char *ui_keys_help(const struct ui_keys *k, size_t i)
{
    while (i > 0 && i < UI_KEYS_ROWS && k->rows[i].help == NULL) {
        i--;
    }
    return i < UI_KEYS_ROWS ? k->rows[i].help : NULL;
}

void ui_keys_code_label(int code, char *buf, size_t size)
{
    struct keyspec k;
    buf[0] = '\0';
    if (code_spec(code, &k)) {
        keyspec_label(&k, buf, size);
    }
}

const char *ui_keys_where(unsigned scopes)
{
    /* The most specific scope first: the words say where the key does work. */
    static const struct {
        unsigned scope;
        const char *where;
    } words[] = {
        {UI_SCOPE_CHECK, "on a key action"},
        {UI_SCOPE_CERT, "on a certification"},
        {UI_SCOPE_HOME, "on Home"},
        {UI_SCOPE_EVIDENCE, "on a key action or certification"},
        {UI_SCOPE_NOTE, "on a key action, phase or certification"},
        {UI_SCOPE_MATCH, "where a search shows matches"},
        {UI_SCOPE_OPEN, "on a list"},
        {UI_SCOPE_SUB, "on a screen you can go back from"},
        {UI_SCOPE_ANY, "in a guide"},
        {UI_SCOPE_PICKER, "in the guide picker"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (scopes & words[i].scope) {
            return words[i].where;
        }
    }
    return "elsewhere";
}
