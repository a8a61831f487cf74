/* SPDX-License-Identifier: MIT */
/* The browser as main() starts it: the wiring file puts the screens and commands together. */
#ifndef TRAIL_WIRING_H
#define TRAIL_WIRING_H

#include <stdio.h>

#include "ui.h"

/* Runs the browser until the user quits. With a guide g (guide.yaml loaded at least; the
 * career path is loaded right after the first frame, certifications and FAQ on first use, with
 * guide_load_parts(); an error in a part shows the error screen), the browser opens it; g
 * stays the caller's. With g NULL, it opens the guide picker over opt->guides
 * (at least one), loading each guide the user opens and freeing it on the way back. The
 * terminal is restored on every way out. Returns the process exit status: 0 after q, 128 + the
 * signal number after SIGINT (Ctrl-C), SIGTERM, SIGHUP or SIGQUIT (the caller can still save),
 * 2 when curses cannot start (the reason is printed on stderr). */
int ui_run(struct guide *g, const struct ui_options *opt);

/* Writes the key table k (NULL: the defaults) to out, one binding a line: its keys, its action
 * name, the kinds of screen it works on ("*": every screen of a guide) and what it does,
 * separated by tabs (`trail --list-keys`). */
void ui_list_keys(const struct ui_keys *k, FILE *out);

#endif
