/* SPDX-License-Identifier: MIT */
/* Unit tests of the theme table (ui_theme.c), read through ui_theme_spec() without a terminal:
 * in every palette and colour depth, no role is bold with a black or dark foreground on a
 * coloured background (terminals that show bold as bright turn it grey); every run, plain and
 * inside the selection, keeps a readable contrast with what is behind it (xterm's colours, both
 * the normal and, for bold, the bright one); the selection is a bar of its own (a background,
 * or reverse video) that keeps the foreground; the monochrome column keeps the distinctions
 * that matter, and its selection never reverses a progress bar's blocks into holes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>

#include "ui_theme.h"

static const enum config_theme palettes[] = {CONFIG_THEME_DEFAULT, CONFIG_THEME_LIGHT};
static const enum ui_theme_depth depths[] = {UI_THEME_8, UI_THEME_16, UI_THEME_256};
static const char *const depth_names[] = {"mono", "8", "16", "256"};

/* Roles drawn on the header and footer bars, not inside the document. */
static bool chrome(enum view_role r)
{
    return r == VIEW_ROLE_HEADER || r == VIEW_ROLE_FOOTER || r == VIEW_ROLE_KEY ||
           r == VIEW_ROLE_STATUS;
}

/* xterm's colours: the 16 of its default resources, the 6x6x6 cube and the grey ramp. */
static unsigned rgb_of(short c)
{
    static const unsigned base[16] = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
                                      0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
                                      0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff};
    if (c < 16) {
        return base[c];
    }
    if (c < 232) {
        static const unsigned lv[6] = {0, 95, 135, 175, 215, 255};
        int i = c - 16;
        return lv[i / 36] << 16 | lv[i / 6 % 6] << 8 | lv[i % 6];
    }
    unsigned g = 8 + 10 * (unsigned)(c - 232);
    return g << 16 | g << 8 | g;
}

/* The terminal's own colours: a dark background with light text, or the reverse. */
static unsigned default_rgb(enum config_theme p, bool fg)
{
    if (p == CONFIG_THEME_LIGHT) {
        return fg ? 0x000000 : 0xffffff;
    }
    return fg ? 0xd0d0d0 : 0x000000;
}

static double channel(unsigned v)
{
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(unsigned rgb)
{
    return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) +
           0.0722 * channel(rgb & 0xff);
}

/* WCAG contrast ratio, 1 to 21. */
static double contrast(unsigned a, unsigned b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static unsigned color_rgb(enum config_theme p, short c, bool fg)
{
    return c < 0 ? default_rgb(p, fg) : rgb_of(c);
}

/* The foreground is black or as dark as the background of a dark terminal. */
static bool dark_fg(enum config_theme p, short fg)
{
    return luminance(color_rgb(p, fg, true)) < 0.03;
}

static void no_bold_dark_on_colour(void **state)
{
    (void)state;
    for (size_t p = 0; p < 2; p++) {
        for (size_t d = 0; d < 3; d++) {
            for (int r = 0; r < VIEW_ROLE_COUNT; r++) {
                for (int sel = 0; sel < 2; sel++) {
                    struct ui_theme_spec s = ui_theme_spec(palettes[p], depths[d], r, sel);
                    if ((s.attr & A_BOLD) && s.bg >= 0 && dark_fg(palettes[p], s.fg)) {
                        fail_msg("palette %zu, %s colours, role %d%s: bold dark on colour", p,
                                 depth_names[depths[d]], r, sel ? " (selected)" : "");
                    }
                }
            }
        }
    }
}

/* Bold with one of the eight basic colours shows as its bright twin on many terminals. */
static short bright_of(short c)
{
    return c >= 0 && c < 8 ? (short)(c + 8) : c;
}

/* The contrast a run must keep with what is behind it: text 3:1 (WCAG's large text, which a
 * terminal's cell font is close to); a bar's blocks and shades, shapes rather than letters,
 * 1.5:1. */
static double needed(enum view_role r)
{
    return r == VIEW_ROLE_BAR_EMPTY || r == VIEW_ROLE_BAR ? 1.5 : 3.0;
}

/* Returns false (and says why) when the run is too faint. */
static bool check_contrast(enum config_theme p, enum ui_theme_depth d, enum view_role r, bool sel)
{
    struct ui_theme_spec s = ui_theme_spec(p, d, r, sel);
    if (s.attr & A_DIM) {
        return true; /* a dimmed default: the terminal picks the tone */
    }
    unsigned bg = color_rgb(p, s.bg, false);
    double c = contrast(color_rgb(p, s.fg, true), bg);
    if ((s.attr & A_BOLD) && s.fg >= 0) {
        double b = contrast(rgb_of(bright_of(s.fg)), bg);
        c = b < c ? b : c;
    }
    if (c < needed(r)) {
        print_message("palette %d, %s colours, role %d%s: contrast %.2f\n", (int)p, depth_names[d],
                      (int)r, sel ? " (selected)" : "", c);
        return false;
    }
    return true;
}

static void every_run_readable(void **state)
{
    (void)state;
    int faint = 0;
    for (size_t p = 0; p < 2; p++) {
        for (size_t d = 0; d < 3; d++) {
            for (int r = 0; r < VIEW_ROLE_COUNT; r++) {
                faint += !check_contrast(palettes[p], depths[d], r, false);
                faint += !chrome(r) && !check_contrast(palettes[p], depths[d], r, true);
            }
        }
    }
    assert_int_equal(faint, 0);
}

/* The selection is a bar: every run inside it has the same background, other than the
 * document's, and keeps its own foreground (only a faint tone may swap for a readable one). */
static void selection_is_a_bar(void **state)
{
    (void)state;
    for (size_t p = 0; p < 2; p++) {
        for (size_t d = 0; d < 3; d++) {
            struct ui_theme_spec bar =
                ui_theme_spec(palettes[p], depths[d], VIEW_ROLE_SELECTED, true);
            assert_true(bar.bg >= 0);
            for (int r = 0; r < VIEW_ROLE_COUNT; r++) {
                if (chrome(r) || r == VIEW_ROLE_MATCH) {
                    continue;
                }
                struct ui_theme_spec plain = ui_theme_spec(palettes[p], depths[d], r, false);
                struct ui_theme_spec s = ui_theme_spec(palettes[p], depths[d], r, true);
                assert_int_equal(s.bg, bar.bg);
                if (!dark_fg(palettes[p], s.fg)) {
                    assert_int_equal(s.attr & A_BOLD, plain.attr & A_BOLD);
                }
                assert_false(s.attr & A_REVERSE);
                if (r == VIEW_ROLE_BAR || r == VIEW_ROLE_DONE || r == VIEW_ROLE_STARTED ||
                    r == VIEW_ROLE_CHECKBOX) {
                    assert_int_equal(s.fg, plain.fg); /* a full bar stays full, [x] green */
                }
            }
        }
    }
}

/* Roles that must look different from each other and from the body in every palette. */
static void distinct_roles(void **state)
{
    (void)state;
    enum view_role pairs[][2] = {{VIEW_ROLE_BODY, VIEW_ROLE_DIM},
                                 {VIEW_ROLE_BAR, VIEW_ROLE_BAR_EMPTY},
                                 {VIEW_ROLE_DONE, VIEW_ROLE_STARTED},
                                 {VIEW_ROLE_BODY, VIEW_ROLE_TITLE}};
    for (size_t p = 0; p < 2; p++) {
        for (size_t d = 0; d < 4; d++) {
            for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
                struct ui_theme_spec a = ui_theme_spec(palettes[p], d, pairs[i][0], false);
                struct ui_theme_spec b = ui_theme_spec(palettes[p], d, pairs[i][1], false);
                assert_false(a.fg == b.fg && a.bg == b.bg && a.attr == b.attr);
            }
        }
    }
}

/* Monochrome: the selection is reverse video, the progress bar's blocks are not reversed, and
 * the chrome is reversed too. */
static void monochrome(void **state)
{
    (void)state;
    for (int r = 0; r < VIEW_ROLE_COUNT; r++) {
        struct ui_theme_spec plain = ui_theme_spec(CONFIG_THEME_MONOCHROME, UI_THEME_256, r, false);
        struct ui_theme_spec s = ui_theme_spec(CONFIG_THEME_DEFAULT, UI_THEME_MONO, r, true);
        assert_int_equal(plain.fg, -1);
        assert_int_equal(plain.bg, -1);
        if (chrome(r)) {
            assert_true(plain.attr & A_REVERSE);
        } else if (r == VIEW_ROLE_BAR || r == VIEW_ROLE_BAR_EMPTY) {
            assert_false(s.attr & A_REVERSE);
        } else {
            assert_true(s.attr & A_REVERSE);
        }
    }
    assert_true(
        ui_theme_spec(CONFIG_THEME_MONOCHROME, UI_THEME_MONO, VIEW_ROLE_BAR, false).attr !=
        ui_theme_spec(CONFIG_THEME_MONOCHROME, UI_THEME_MONO, VIEW_ROLE_BAR_EMPTY, false).attr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_bold_dark_on_colour),
        cmocka_unit_test(every_run_readable),
        cmocka_unit_test(selection_is_a_bar),
        cmocka_unit_test(distinct_roles),
        cmocka_unit_test(monochrome),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
