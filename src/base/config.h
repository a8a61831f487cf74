/* SPDX-License-Identifier: MIT */
/* The user's configuration file: `key = value` lines, `#` comments.
 *
 *   theme = default | light | monochrome
 *   guide = ml-engineer            # the guide `trail` opens without GUIDE
 *   hours_per_week = 6             # the learner's study time, for the dated plan (1-100)
 *   mouse = on | off               # off: the browser leaves the mouse to the terminal
 *   key.<action> = <key>           # rebind an action, e.g. key.quit = Q
 *
 * A bad line gets a located warning ("config:3:1: ...") and is ignored; trail still starts.
 * Key bindings are kept as written: the browser, which knows its actions and key names,
 * validates them and warns through the same diag. */
#ifndef TRAIL_CONFIG_H
#define TRAIL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum config_theme { CONFIG_THEME_DEFAULT, CONFIG_THEME_LIGHT, CONFIG_THEME_MONOCHROME };

struct config_binding {
    char *action; /* e.g. "quit" */
    char *key;    /* e.g. "Q", "C-x", "F2" */
    unsigned line;
    unsigned action_col, key_col; /* where the action name and the key start on the line */
};

struct config {
    char *path; /* the file read, NULL when there was none */
    enum config_theme theme;
    char *guide;                    /* NULL when not set */
    unsigned guide_line, guide_col; /* where the guide's id was given */
    unsigned hours_per_week;        /* 0 when not set */
    bool mouse_off;                 /* mouse = off: as --no-mouse, every time */
    struct config_binding *bindings;
    size_t n_bindings;
};

#define CONFIG_HOURS_MIN 1
#define CONFIG_HOURS_MAX 100

/* $XDG_CONFIG_HOME/trail/config, or ~/.config/trail/config. Caller frees; NULL without HOME. */
char *config_default_path(void);

/* Reads path into c (zeroed first). A missing file is no error and leaves the defaults.
 * Problems in the file are warnings in d. Returns 0, or -1 when the file exists but cannot be
 * read (an error in d); c holds defaults then. Free with config_free(). */
int config_load(struct config *c, const char *path, struct diag *d);

void config_free(struct config *c);

/* "default", "light", "monochrome". */
const char *config_theme_name(enum config_theme theme);

#endif
