/* The full-screen browser. The only entry point from main(); everything curses stays behind it. */
#ifndef TRAIL_UI_H
#define TRAIL_UI_H

#include <stdbool.h>
#include <stddef.h>

struct guide;
struct progress_store;

struct ui_options {
    bool mouse;                   /* capture the mouse (off with --no-mouse) */
    struct progress_store *store; /* the learner's progress (borrowed) */
};

/* Checks that stdin and stdout are terminals and TERM can address the cursor. Returns 0, or -1
 * with a one-line reason in why (size bytes). Call before ui_run(). */
int ui_check_terminal(char *why, size_t size);

/* Runs the browser on guide g (guide.yaml and the career path loaded; certifications and FAQ
 * are loaded on first use with guide_load_parts()) until the user quits. The terminal is
 * restored on every way out. Returns the process exit status: 0 after q, 128 + the signal
 * number after SIGINT (Ctrl-C), SIGTERM, SIGHUP or SIGQUIT (the caller can still save), 2 when
 * curses cannot start (the reason is printed on stderr). */
int ui_run(struct guide *g, const struct ui_options *opt);

#endif
