/* SPDX-License-Identifier: MIT */
/* The terminal and signals (ui_check_terminal() is in ui.h). */
#ifndef TRAIL_UI_TERM_H
#define TRAIL_UI_TERM_H

#include "ui_stack.h"

struct pollfd;

/* Enters curses (newterm) with our signal handlers. From here until ui_term_close() the quit
 * signals and SIGWINCH are delivered only inside ui_term_poll(). Returns 0, or -1 with the
 * reason in *cause (a new string; caller frees). */
int ui_term_open(struct ui *ui, char **cause);
/* Turns on the function keys and the mouse. Not needed to draw, so the browser calls it after
 * its first frame, before it reads the first key. */
void ui_term_input_on(struct ui *ui);
/* Leaves curses and restores the terminal, the signal mask and the signal handlers. Safe to
 * call twice. */
void ui_term_close(struct ui *ui);
/* The quit signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) received since ui_term_open(), or 0. */
int ui_term_pending_signal(void);
/* poll() on one descriptor for at most timeout_ms (-1: no limit), with the quit signals and
 * SIGWINCH unblocked for the wait only: one that arrived while the loop worked wakes it at once
 * (-1, EINTR). */
int ui_term_poll(struct pollfd *p, int timeout_ms);

/* Handing the terminal to another program (the note editor): leaves curses (def_prog_mode,
 * endwin) and ignores SIGINT and SIGQUIT, which the terminal sends to the whole foreground
 * group: the program run owns them. */
void ui_term_suspend(struct ui *ui);
/* In a child about to exec another program: every signal we handle or block back to its
 * default and the signal mask as it was before trail started (a blocked SIGWINCH or SIGINT
 * would otherwise reach the editor blocked). Async-signal-safe. */
void ui_term_child_signals(void);
/* Undoes ui_term_suspend(): our signal handlers, the saved curses modes, a full repaint. */
void ui_term_resume(struct ui *ui);

#endif
