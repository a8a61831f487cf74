/* The key table: the single source for dispatch, the footer hints and the help overlay, so
 * the three can never disagree. Adding a key is adding a row (and, for a new action, a case
 * where actions are handled). Rows are in the order the footer and the help show them. */
#include "ui_curses.h"

#define FN(k)   ((k) | UI_KEY_FN)
#define CTRL(c) ((c)&0x1f)

static const struct ui_binding bindings[] = {
    {UI_ACT_UP, UI_SCOPE_ANY, {FN(KEY_UP), 'k'}, "Up k", "Up/Dn", "Move", "Move up, or scroll"},
    {UI_ACT_DOWN, UI_SCOPE_ANY, {FN(KEY_DOWN), 'j'}, "Down j", NULL, NULL, "Move down, or scroll"},
    {UI_ACT_OPEN,
     UI_SCOPE_OPEN,
     {'\n', '\r', FN(KEY_ENTER), FN(KEY_RIGHT), 'l'},
     "Enter Right l",
     "Enter",
     "Open",
     "Open the selected item"},
    {UI_ACT_BACK,
     UI_SCOPE_SUB,
     {27, FN(KEY_LEFT), 'h', FN(KEY_BACKSPACE), 127, 8},
     "Esc Left h Bksp",
     "Esc",
     "Back",
     "Go back to where you were"},
    {UI_ACT_PAGE_UP, UI_SCOPE_ANY, {FN(KEY_PPAGE), CTRL('b')}, "PgUp ^B", NULL, NULL, "Page up"},
    {UI_ACT_PAGE_DOWN,
     UI_SCOPE_ANY,
     {FN(KEY_NPAGE), CTRL('f')},
     "PgDn ^F",
     NULL,
     NULL,
     "Page down"},
    {UI_ACT_HOME, UI_SCOPE_ANY, {FN(KEY_HOME), 'g'}, "Home g", NULL, NULL, "Go to the top"},
    {UI_ACT_END, UI_SCOPE_ANY, {FN(KEY_END), 'G'}, "End G", NULL, NULL, "Go to the bottom"},
    {UI_ACT_NEXT_SECTION, UI_SCOPE_ANY, {'\t'}, "Tab", "Tab", "Section", "Next section"},
    {UI_ACT_PREV_SECTION,
     UI_SCOPE_ANY,
     {FN(KEY_BTAB)},
     "Shift-Tab",
     NULL,
     NULL,
     "Previous section"},
    {UI_ACT_JUMP,
     UI_SCOPE_ANY,
     {'1', '2', '3', '4', '5', '6', '7', '8', '9'},
     "1-9",
     NULL,
     NULL,
     "Jump to a section of the Home menu"},
    {UI_ACT_HELP, UI_SCOPE_ANY, {'?', FN(KEY_F(1))}, "? F1", "?", "Help", "Show these keys"},
    {UI_ACT_REDRAW,
     UI_SCOPE_ANY | UI_SCOPE_TOO_SMALL,
     {CTRL('l')},
     "^L",
     NULL,
     NULL,
     "Redraw the screen"},
    {UI_ACT_QUIT, UI_SCOPE_ANY | UI_SCOPE_TOO_SMALL, {'q', 'Q'}, "q ^C", "q", "Quit", "Quit trail"},
};

const struct ui_binding *ui_keys_lookup(int key, unsigned scope)
{
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
        const struct ui_binding *b = &bindings[i];
        if ((b->scopes & scope) == 0) {
            continue;
        }
        for (size_t k = 0; k < UI_BINDING_KEYS && b->keys[k] != 0; k++) {
            if (b->keys[k] == key) {
                return b;
            }
        }
    }
    return NULL;
}

size_t ui_keys_count(void)
{
    return sizeof bindings / sizeof bindings[0];
}

const struct ui_binding *ui_keys_at(size_t i)
{
    return i < ui_keys_count() ? &bindings[i] : NULL;
}
