/* SPDX-License-Identifier: MIT */
/* The full-screen browser's options and what main() prepares before it starts: the terminal
 * check and the key table. ui_run() itself is in wiring.h. Everything curses stays behind. */
#ifndef TRAIL_UI_H
#define TRAIL_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "guide_locate.h"

struct guide;
struct progress_store;
struct ui_keys;

struct ui_options {
    bool mouse;                   /* capture the mouse (off with --no-mouse) */
    struct progress_store *store; /* the learner's progress (borrowed), or NULL: */
    const char *store_path;       /* then ui_run() opens this file (borrowed path) with
                                   * progress_store_open() after the first frame, and closes it */
    enum config_theme theme;      /* the configured palette (NO_COLOR still wins) */
    const struct ui_keys *keys;   /* from ui_keys_new() (borrowed); NULL: the default keys */
    unsigned hours_per_week;      /* the config's study time (0: not set), for Today */
    /* The guides the picker offers when ui_run() gets no guide (borrowed; ids and dirs as
     * guide_catalog() returns them). */
    const struct guide_entry *guides;
    size_t n_guides;
    /* The config file's warnings, in line order (borrowed; may be NULL): the status line says
     * the first at start, and the help overlay lists them all. */
    const struct diag *warnings;
};

/* Checks that stdin and stdout are terminals and TERM can address the cursor. Returns 0, or -1
 * with a one-line reason in *cause (a new string; caller frees). Call before ui_run(). */
int ui_check_terminal(char **cause);

/* Builds the browser's key table with c's key.<action> lines applied (c may be NULL: the
 * defaults). Each line that names no action or no usable key gets a located warning in d and
 * is ignored. Call before ui_run(), so the warnings can be printed before the screen starts.
 * Returns a new table; caller frees with ui_keys_free() after ui_run(). */
struct ui_keys *ui_keys_new(const struct config *c, struct diag *d);
void ui_keys_free(struct ui_keys *k);

#endif
