/* SPDX-License-Identifier: MIT */
/* The palette: a handful of tones (the terminal's own colours, one accent, one muted grey, the
 * three state colours, the selection bar and the chrome bar), each given for 256, 16 and 8
 * colours in the default palette (a dark background) and the light one; and the roles, each
 * drawn with two tones and an attribute, plus a monochrome column for NO_COLOR, `theme =
 * monochrome` and terminals without colour.
 *
 * Rules the table keeps (tests/unit/test_ui_theme.c checks them):
 * - bold never goes with a black or dark foreground on a coloured background: terminals that
 *   show bold as bright turn black into grey;
 * - the selection is a bar of its own background: text on it takes the terminal's foreground
 *   (muted text a grey readable on it), while marks and bars keep their colours, so the filled
 *   part of a progress bar stays filled and a checkbox stays visible inside it; in monochrome
 *   it is reverse video, except the progress bar, whose blocks reverse video would turn into
 *   holes;
 * - a role looks the same on every screen: screens name roles, never colours. */
#include "ui_theme.h"

enum tone {
    T_DEFAULT,   /* the terminal's own foreground or background */
    T_ACCENT,    /* titles, numbers, the next action: the one accent */
    T_MUTED,     /* secondary text */
    T_SEL_MUTED, /* secondary text inside the selection */
    T_GOOD,      /* done */
    T_FILL,      /* the filled part of a bar */
    T_WARN,      /* in progress */
    T_BAD,       /* errors */
    T_SEL_BAD,   /* errors inside the selection */
    T_BLACK,     /* text on the match highlight */
    T_MATCH,     /* the match highlight's background */
    T_SEL,       /* the selection bar's background */
    T_BAR,       /* the header and footer background */
    T_BAR_TEXT,  /* text on them */
    T_BAR_KEY,   /* key names and messages on them */
    T_COUNT
};

struct tone_color {
    short color; /* -1: the terminal's default */
    attr_t attr; /* added where the depth has no such colour (A_DIM for a grey) */
};

enum { PAL_DARK, PAL_LIGHT, PAL_COUNT };
enum { D8, D16, D256, D_COUNT };

#define C(n)                                                                                       \
    {                                                                                              \
        (n), A_NORMAL                                                                              \
    }
#define DIMMED                                                                                     \
    {                                                                                              \
        -1, A_DIM                                                                                  \
    }

static const struct tone_color palettes[PAL_COUNT][D_COUNT][T_COUNT] =
    {
        [PAL_DARK] =
            {
                [D8] = {C(-1), C(COLOR_CYAN), DIMMED, C(COLOR_WHITE), C(COLOR_GREEN),
                        C(COLOR_GREEN), C(COLOR_YELLOW), C(COLOR_RED), C(-1), C(COLOR_BLACK),
                        C(COLOR_YELLOW), C(COLOR_BLUE), C(COLOR_WHITE), C(COLOR_BLACK),
                        C(COLOR_BLUE)},
                [D16] = {C(-1), C(COLOR_CYAN), C(8), C(COLOR_WHITE), C(COLOR_GREEN), C(COLOR_GREEN),
                         C(COLOR_YELLOW), C(COLOR_RED), C(-1), C(COLOR_BLACK), C(COLOR_YELLOW),
                         C(COLOR_BLUE), C(COLOR_WHITE), C(COLOR_BLACK), C(COLOR_BLUE)},
                [D256] = {C(-1), C(80), C(245), C(250), C(77), C(77), C(179), C(167), C(210), C(16),
                          C(220), C(24), C(238), C(-1), C(80)},
            },
        [PAL_LIGHT] =
            {
                [D8] = {C(-1), C(COLOR_BLUE), DIMMED, C(-1), C(-1), C(COLOR_GREEN),
                        C(COLOR_MAGENTA), C(COLOR_RED), C(COLOR_RED), C(COLOR_BLACK),
                        C(COLOR_YELLOW), C(COLOR_WHITE), C(COLOR_BLUE), C(COLOR_WHITE),
                        C(COLOR_YELLOW)},
                [D16] = {C(-1), C(COLOR_BLUE), C(8), C(-1), C(-1), C(COLOR_GREEN), C(COLOR_MAGENTA),
                         C(COLOR_RED), C(COLOR_RED), C(COLOR_BLACK), C(COLOR_YELLOW),
                         C(COLOR_WHITE), C(COLOR_BLUE), C(COLOR_WHITE), C(COLOR_YELLOW)},
                [D256] = {C(-1), C(25), C(243), C(239), C(28), C(28), C(130), C(160), C(160), C(16),
                          C(220), C(153), C(252), C(-1), C(25)},
            },
};

#undef C
#undef DIMMED

struct role_row {
    enum tone fg, bg;
    attr_t attr; /* with colour */
    attr_t mono; /* without colour */
    bool chrome; /* drawn on the bars, never inside the selection */
    bool no_sel; /* keeps its own look inside the selection */
};

static const struct role_row roles[VIEW_ROLE_COUNT] = {
    [VIEW_ROLE_BODY] = {T_DEFAULT, T_DEFAULT, A_NORMAL, A_NORMAL, false, false},
    [VIEW_ROLE_TITLE] = {T_ACCENT, T_DEFAULT, A_BOLD, A_BOLD | A_UNDERLINE, false, false},
    [VIEW_ROLE_HEADING] = {T_DEFAULT, T_DEFAULT, A_BOLD, A_BOLD, false, false},
    [VIEW_ROLE_DIM] = {T_MUTED, T_DEFAULT, A_NORMAL, A_DIM, false, false},
    [VIEW_ROLE_ACCENT] = {T_ACCENT, T_DEFAULT, A_BOLD, A_BOLD, false, false},
    [VIEW_ROLE_NUMBER] = {T_ACCENT, T_DEFAULT, A_NORMAL, A_BOLD, false, false},
    [VIEW_ROLE_BAR] = {T_FILL, T_DEFAULT, A_NORMAL, A_BOLD, false, false},
    [VIEW_ROLE_BAR_EMPTY] = {T_MUTED, T_DEFAULT, A_NORMAL, A_NORMAL, false, false},
    /* The four checklist marks differ in monochrome too: plain, bold, bold underline, dim. */
    [VIEW_ROLE_CHECKBOX] = {T_DEFAULT, T_DEFAULT, A_BOLD, A_NORMAL, false, false},
    [VIEW_ROLE_DONE] = {T_GOOD, T_DEFAULT, A_BOLD, A_BOLD, false, false},
    [VIEW_ROLE_STARTED] = {T_WARN, T_DEFAULT, A_BOLD, A_BOLD | A_UNDERLINE, false, false},
    [VIEW_ROLE_SKIPPED] = {T_MUTED, T_DEFAULT, A_NORMAL, A_DIM, false, false},
    [VIEW_ROLE_ERROR] = {T_BAD, T_DEFAULT, A_BOLD, A_BOLD | A_UNDERLINE, false, false},
    [VIEW_ROLE_MATCH] = {T_BLACK, T_MATCH, A_NORMAL, A_BOLD | A_UNDERLINE, false, true},
    [VIEW_ROLE_SELECTED] = {T_DEFAULT, T_SEL, A_NORMAL, A_REVERSE, false, false},
    [VIEW_ROLE_HEADER] = {T_BAR_TEXT, T_BAR, A_NORMAL, A_REVERSE, true, false},
    [VIEW_ROLE_FOOTER] = {T_BAR_TEXT, T_BAR, A_NORMAL, A_REVERSE, true, false},
    [VIEW_ROLE_KEY] = {T_BAR_KEY, T_BAR, A_BOLD, A_REVERSE | A_BOLD, true, false},
    [VIEW_ROLE_STATUS] = {T_BAR_KEY, T_BAR, A_BOLD, A_REVERSE | A_BOLD, true, false},
};

/* Inside the selection, text is drawn in the terminal's foreground, muted text in a grey that
 * reads on the bar: one colour across the bar, which is also cheaper to redraw when the
 * selection moves. Marks, bars and errors keep their colours (an error swaps for a red that
 * reads on the bar). */
static enum tone selected_tone(enum tone t)
{
    switch (t) {
    case T_ACCENT:
        return T_DEFAULT;
    case T_MUTED:
        return T_SEL_MUTED;
    case T_BAD:
        return T_SEL_BAD;
    default:
        return t;
    }
}

/* Black, or the terminal's own foreground in the light palette (dark text). */
static bool dark_fg(enum config_theme palette, short fg)
{
    return fg == COLOR_BLACK || fg == 16 || (fg < 0 && palette == CONFIG_THEME_LIGHT);
}

static struct ui_theme_spec mono_spec(enum view_role role, bool selected)
{
    const struct role_row *r = &roles[role];
    struct ui_theme_spec s = {-1, -1, r->mono};
    if (!selected || r->chrome) {
        return s;
    }
    if (role == VIEW_ROLE_BAR || role == VIEW_ROLE_BAR_EMPTY) {
        return s; /* reversed, the blocks would read as empty and the shade as full */
    }
    s.attr = A_REVERSE | (r->mono & (A_BOLD | A_UNDERLINE));
    return s;
}

struct ui_theme_spec ui_theme_spec(enum config_theme palette, enum ui_theme_depth depth,
                                   enum view_role role, bool selected)
{
    if ((unsigned)role >= VIEW_ROLE_COUNT) {
        role = VIEW_ROLE_BODY;
    }
    if (depth == UI_THEME_MONO || palette == CONFIG_THEME_MONOCHROME ||
        (unsigned)depth >= UI_THEME_DEPTH_COUNT) {
        return mono_spec(role, selected);
    }
    const struct role_row *r = &roles[role];
    int d = depth == UI_THEME_256 ? D256 : depth == UI_THEME_16 ? D16 : D8;
    const struct tone_color *pal = palettes[palette == CONFIG_THEME_LIGHT][d];
    enum tone fg = r->fg, bg = r->bg;
    if (selected && !r->chrome && !r->no_sel) {
        fg = selected_tone(fg);
        bg = T_SEL;
    }
    struct ui_theme_spec s = {pal[fg].color, pal[bg].color, r->attr | pal[fg].attr};
    if (s.bg >= 0 && dark_fg(palette, s.fg)) {
        s.attr &= ~A_BOLD; /* bold dark text on a colour turns grey where bold is bright */
    }
    if (palette == CONFIG_THEME_LIGHT && depth != UI_THEME_256 && s.fg >= 0 && s.fg < 8) {
        s.attr &= ~A_BOLD; /* and a bright colour fades on a light background */
    }
    return s;
}

static enum ui_theme_depth depth_of(bool color)
{
    if (!color || !has_colors()) {
        return UI_THEME_MONO;
    }
    return COLORS >= 256 ? UI_THEME_256 : COLORS >= 16 ? UI_THEME_16 : UI_THEME_8;
}

/* The colour pairs made so far: roles with the same colours share one, so curses sends no
 * colour change between their runs. */
struct pairs {
    short fg[2 * VIEW_ROLE_COUNT], bg[2 * VIEW_ROLE_COUNT];
    short n;
};

/* Turns a spec into an attribute, with the pair of its colours. */
static attr_t spec_attr(struct pairs *pp, struct ui_theme_spec s, bool defaults, bool light)
{
    if (!defaults) {
        /* Without the terminal's own colours, the palette names its background too. */
        s.fg = s.fg < 0 ? (light ? COLOR_BLACK : COLOR_WHITE) : s.fg;
        s.bg = s.bg < 0 ? (light ? COLOR_WHITE : COLOR_BLACK) : s.bg;
    }
    short i = 0;
    while (i < pp->n && (pp->fg[i] != s.fg || pp->bg[i] != s.bg)) {
        i++;
    }
    if (i == pp->n) {
        pp->fg[i] = s.fg;
        pp->bg[i] = s.bg;
        pp->n++;
        init_pair((short)(i + 1), s.fg, s.bg);
    }
    return (attr_t)COLOR_PAIR(i + 1) | s.attr;
}

void ui_theme_init(struct ui_theme *th, bool color, enum config_theme palette)
{
    enum ui_theme_depth depth =
        palette == CONFIG_THEME_MONOCHROME ? UI_THEME_MONO : depth_of(color);
    if (depth != UI_THEME_MONO && COLOR_PAIRS <= 2 * VIEW_ROLE_COUNT) {
        depth = UI_THEME_MONO;
    }
    bool light = palette == CONFIG_THEME_LIGHT;
    bool defaults = depth != UI_THEME_MONO && use_default_colors() == OK;
    struct pairs pp = {.n = 0};
    for (int r = 0; r < VIEW_ROLE_COUNT; r++) {
        struct ui_theme_spec plain = ui_theme_spec(palette, depth, (enum view_role)r, false);
        struct ui_theme_spec sel = ui_theme_spec(palette, depth, (enum view_role)r, true);
        if (depth == UI_THEME_MONO) {
            th->attrs[r] = plain.attr;
            th->selected[r] = sel.attr;
            continue;
        }
        th->attrs[r] = spec_attr(&pp, plain, defaults, light);
        th->selected[r] = spec_attr(&pp, sel, defaults, light);
    }
}

attr_t ui_theme_attr(const struct ui_theme *th, enum view_role role)
{
    return (unsigned)role < VIEW_ROLE_COUNT ? th->attrs[role] : A_NORMAL;
}

attr_t ui_theme_selected(const struct ui_theme *th, enum view_role role)
{
    return (unsigned)role < VIEW_ROLE_COUNT ? th->selected[role] : th->attrs[VIEW_ROLE_SELECTED];
}
