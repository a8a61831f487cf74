/* SPDX-License-Identifier: MIT */
/* The terminal: checking it can run the browser, entering and leaving curses, and signals.
 *
 * Signal handlers only record the signal; the main loop notices (its wait returns EINTR) and
 * leaves curses normally. While curses is on, the quit signals and SIGWINCH stay blocked except
 * inside ui_term_poll() (ppoll), so one that arrives while the loop reads keys or paints is
 * delivered at the next wait and wakes it: checked-then-slept, it would wait for the next key
 * (a resize during a paint would not be seen, nor would curses' own check catch it). Crashes
 * (SIGSEGV, SIGABRT, ...) cannot run curses, so at start we keep the pre-launch termios and the
 * terminfo strings that undo our modes (rmcup, cnorm, sgr0, rmkx, mouse off); the crash handler
 * writes those with async-signal-safe calls only, then re-raises. This file owns the only
 * process-wide state of the browser, because a signal handler can reach nothing else. While
 * another program has the terminal (the note editor), SIGINT and SIGQUIT are ignored, as git
 * does while its editor runs: the terminal sends them to the editor too, which decides; SIGTERM
 * and SIGHUP still only set the flag, so trail waits for the editor, keeps the note and then
 * quits cleanly. */
#define _GNU_SOURCE /* ppoll(): glibc declares it for GNU only */
#include "ui_term.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "text.h"
#include "xalloc.h"

/* Last: term.h defines macros named like terminfo capabilities (lines, columns, ...). */
#include <term.h>

#define RESTORE_MAX 512

static volatile sig_atomic_t pending_signal;
static volatile sig_atomic_t curses_on;
static struct termios saved_tio;
static bool saved_tio_ok;
static char restore_seq[RESTORE_MAX];
static size_t restore_len;
static sigset_t wait_mask; /* the mask before ui_term_open(): ppoll() waits with it */
static bool mask_set;
static struct sigaction curses_tstp; /* curses' SIGTSTP handler, while another program runs */
static bool tstp_saved;

/* Every signal whose default action ends the process restores the terminal (TUI-5). Those
 * that would only terminate are quit signals: the loop leaves curses, saves and exits with 128
 * + the signal. Those that would dump core are crash signals: restored at once, then re-raised.
 * The real-time signals (default: terminate) are quit signals too, by range. */
static const int quit_signals[] = {
    SIGINT,    SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF,
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
#ifdef SIGPOLL
    SIGPOLL,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
};
static const int crash_signals[] = {SIGSEGV, SIGBUS,  SIGFPE,  SIGILL, SIGABRT,
                                    SIGSYS,  SIGTRAP, SIGXCPU, SIGXFSZ};
#define N_QUIT_SIGNALS  (sizeof quit_signals / sizeof quit_signals[0])
#define N_CRASH_SIGNALS (sizeof crash_signals / sizeof crash_signals[0])

/* Calls fn for every quit signal, the real-time ones included. */
static void each_quit_signal(void (*fn)(int sig, void *arg), void *arg)
{
    for (size_t i = 0; i < N_QUIT_SIGNALS; i++) {
        fn(quit_signals[i], arg);
    }
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) {
        fn(sig, arg);
    }
}

static void add_to_set(int sig, void *set)
{
    sigaddset(set, sig);
}

static sigset_t ignored;      /* quit signals trail was started with ignored: left alone */
static bool quit_handlers_on; /* every quit signal has our handler, not only SIGINT/SIGTERM */

/* Our handler for sig, in one call while it is blocked: one the shell made trail ignore is
 * given back its SIG_IGN at once. */
static void set_action(int sig, void *sa)
{
    struct sigaction old;
    if (sigaction(sig, sa, &old) == 0 && old.sa_handler == SIG_IGN) {
        sigaction(sig, &old, NULL);
        sigaddset(&ignored, sig);
    }
}

/* set_action() for the quit signals install_handlers() left for later. */
static void set_late_action(int sig, void *sa)
{
    if (sig != SIGINT && sig != SIGTERM) {
        set_action(sig, sa);
    }
}

static void set_default(int sig, void *unused)
{
    (void)unused;
    if (!sigismember(&ignored, sig)) {
        signal(sig, SIG_DFL);
    }
}

static void on_quit_signal(int sig)
{
    pending_signal = sig;
}

static void on_crash_signal(int sig)
{
    if (curses_on) {
        if (saved_tio_ok) {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
        }
        ssize_t unused = write(STDOUT_FILENO, restore_seq, restore_len);
        (void)unused;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void on_alloc_failure(void)
{
    if (curses_on) {
        endwin();
        curses_on = 0;
    }
}

int ui_term_pending_signal(void)
{
    return pending_signal;
}

/* True when TERM names a terminal whose cursor can be addressed. newterm() reads the entry
 * again, but checking first means a refused terminal gets no byte at all, and a TERM without
 * an entry never reaches newterm(), which loses its half-made screen when it fails (ncurses
 * 6.4). The capabilities come from term.h's variables, not looked up by name. */
static bool term_usable(const char *term, char **cause)
{
    int err = 0;
    size_t n = 0;
    char *shown = text_sanitize(term, strlen(term), TEXT_ONE_LINE | TEXT_ASCII, &n);
    bool ok = false;
    if (setupterm(term, STDOUT_FILENO, &err) != OK) {
        *cause = xasprintf(err == -1 ? "no terminfo database found for TERM=%s"
                                     : "unknown terminal type TERM=%s",
                           shown);
    } else {
        if (cursor_address == NULL || cursor_address == (char *)-1 || hard_copy > 0 ||
            generic_type > 0) {
            *cause = xasprintf("TERM=%s cannot move the cursor", shown);
        } else {
            ok = true;
        }
        del_curterm(cur_term);
    }
    free(shown);
    return ok;
}

int ui_check_terminal(char **cause)
{
    if (!isatty(STDIN_FILENO)) {
        *cause = xstrdup("standard input is not a terminal");
        return -1;
    }
    if (!isatty(STDOUT_FILENO)) {
        *cause = xstrdup("standard output is not a terminal");
        return -1;
    }
    const char *term = getenv("TERM");
    if (term == NULL || term[0] == '\0') {
        *cause = xstrdup("TERM is not set");
        return -1;
    }
    return term_usable(term, cause) ? 0 : -1;
}

/* Appends a terminfo string without its padding ("$<5>") to the crash restore sequence. */
static void add_restore(const char *s)
{
    if (s == NULL || s == (char *)-1) {
        return;
    }
    for (const char *p = s; *p != '\0' && restore_len + 1 < RESTORE_MAX; p++) {
        if (p[0] == '$' && p[1] == '<') {
            const char *end = strchr(p, '>');
            if (end != NULL) {
                p = end;
                continue;
            }
        }
        restore_seq[restore_len++] = *p;
    }
}

static void quit_action(struct sigaction *sa)
{
    memset(sa, 0, sizeof *sa);
    sigemptyset(&sa->sa_mask);
    sa->sa_handler = on_quit_signal; /* no SA_RESTART: poll() must wake up */
}

/* Installs our handlers for the crash signals, and for SIGINT and SIGTERM, which curses
 * would take if it found them at their default. A quit signal the shell made trail ignore
 * (nohup, a background job's SIGPIPE) stays ignored, as programs started that way expect. The
 * other quit signals (some forty with the real-time ones, a system call each) wait for
 * install_quit_handlers(): blocked, they can only arrive in ui_term_poll(), which installs
 * them first, so they cost the first frame nothing. */
static void install_handlers(void)
{
    struct sigaction sa;
    quit_action(&sa);
    sigemptyset(&ignored);
    set_action(SIGINT, &sa);
    set_action(SIGTERM, &sa);
    sa.sa_handler = on_crash_signal;
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < N_CRASH_SIGNALS; i++) {
        sigaction(crash_signals[i], &sa, NULL);
    }
}

static void install_quit_handlers(void)
{
    struct sigaction sa;
    quit_action(&sa);
    each_quit_signal(set_late_action, &sa);
    quit_handlers_on = true;
}

/* Blocks the quit signals and SIGWINCH, keeping the mask to wait with. */
static void block_signals(void)
{
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGWINCH);
    each_quit_signal(add_to_set, &block);
    mask_set = sigprocmask(SIG_BLOCK, &block, &wait_mask) == 0;
}

int ui_term_poll(struct pollfd *p, int timeout_ms)
{
    if (!quit_handlers_on) {
        install_quit_handlers();
    }
    struct timespec ts = {timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L};
    return ppoll(p, 1, timeout_ms >= 0 ? &ts : NULL, mask_set ? &wait_mask : NULL);
}

static void reset_handlers(void)
{
    if (quit_handlers_on) {
        each_quit_signal(set_default, NULL);
        quit_handlers_on = false;
    } else {
        set_default(SIGINT, NULL);
        set_default(SIGTERM, NULL);
    }
    for (size_t i = 0; i < N_CRASH_SIGNALS; i++) {
        signal(crash_signals[i], SIG_DFL);
    }
}

/* Flow control off while the browser runs (as less and vim do): Ctrl-S would freeze the
 * display until Ctrl-Q, and trail's keys reach it instead. Made part of curses' program mode,
 * so leaving curses (endwin) gives the shell its own mode back and resuming turns it off
 * again; the crash handler restores the pre-launch termios, IXON included. */
static void flow_control_off(void)
{
    struct termios t;
    if (tcgetattr(STDIN_FILENO, &t) == 0 && (t.c_iflag & IXON) != 0) {
        t.c_iflag &= ~(tcflag_t)IXON;
        tcsetattr(STDIN_FILENO, TCSANOW, &t);
        def_prog_mode();
    }
}

static void setup_mouse(struct ui *ui)
{
    if (!ui->opt.mouse) {
        return;
    }
    mmask_t want = BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    want |= BUTTON5_PRESSED;
#endif
    if (mousemask(want, NULL) != 0) {
        /* Whatever curses enabled, these turn off in the terminals that understand them. */
        add_restore("\033[?1000l\033[?1002l\033[?1006l");
    }
}

int ui_term_open(struct ui *ui, char **cause)
{
    pending_signal = 0;
    saved_tio_ok = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
    /* Blocked first: from here a quit signal waits for ui_term_poll(). */
    block_signals();
    /* Ours before curses starts, so curses leaves SIGINT/SIGTERM to us. */
    install_handlers();
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (scr == NULL) {
        reset_handlers();
        if (mask_set) {
            sigprocmask(SIG_SETMASK, &wait_mask, NULL);
            mask_set = false;
        }
        *cause =
            xasprintf("cannot start the terminal (TERM=%s)", getenv("TERM") ? getenv("TERM") : "");
        return -1;
    }
    ui->scr = scr;
    set_term(scr);
    /* ncurses 6 flushes its output at every cursor movement until the program has once left
     * curses (endwin) and resumed: each row of each frame went out in a write of its own, and
     * a terminal could show a frame half drawn. Leaving and resuming here, before anything is
     * drawn, puts it in its running state, where it writes a frame when its buffer (sized for
     * a screenful at start) fills and when the frame is done. The terminal sees one more
     * leave and re-entry of the alternate screen, with nothing on it. It comes before
     * start_color(): resuming with colours on sends orig_colors, which resets the palette. */
    endwin();
    doupdate();
    xalloc_set_fatal_hook(on_alloc_failure);
    cbreak();
    noecho();
    nonl();
    flow_control_off();
    set_escdelay(25);
    curs_set(0);
    leaveok(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    const char *nc = getenv("NO_COLOR");
    bool color =
        has_colors() && (nc == NULL || nc[0] == '\0') && ui->opt.theme != CONFIG_THEME_MONOCHROME;
    if (color) {
        start_color();
    }
    ui_theme_init(&ui->theme, color, ui->opt.theme);
    restore_len = 0;
    add_restore(exit_attribute_mode);
    add_restore(cursor_normal);
    add_restore(keypad_local);
    add_restore(exit_ca_mode);
    curses_on = 1;
    return 0;
}

void ui_term_input_on(struct ui *ui)
{
    keypad(stdscr, TRUE);
    setup_mouse(ui);
}

void ui_term_suspend(struct ui *ui)
{
    (void)ui;
    def_prog_mode();
    endwin();
    curses_on = 0; /* a crash now has nothing of ours to undo */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    /* A stop while the editor runs (Ctrl-Z there stops the whole job) just stops trail too:
     * curses' own handler would, on fg, resume curses and draw over the editor, and trail
     * would then come back on the shell's screen instead of its own. */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    sigemptyset(&dfl.sa_mask);
    dfl.sa_handler = SIG_DFL;
    tstp_saved = sigaction(SIGTSTP, &dfl, &curses_tstp) == 0;
    /* Linux keeps a blocked signal pending even when ignored: unblocked, these two are
     * discarded as they come, instead of quitting trail once the editor is done. */
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    sigaddset(&s, SIGQUIT);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
}

void ui_term_child_signals(void)
{
    each_quit_signal(set_default, NULL);
    signal(SIGWINCH, SIG_DFL);
    if (mask_set) {
        sigprocmask(SIG_SETMASK, &wait_mask, NULL);
    }
}

void ui_term_resume(struct ui *ui)
{
    (void)ui;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_quit_signal;
    if (mask_set) {
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, SIGINT);
        sigaddset(&s, SIGQUIT);
        sigprocmask(SIG_BLOCK, &s, NULL);
    }
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    if (tstp_saved) {
        sigaction(SIGTSTP, &curses_tstp, NULL);
        tstp_saved = false;
    }
    reset_prog_mode();
    curses_on = 1;
    clearok(curscr, TRUE); /* the other program drew over everything */
    refresh();
}

void ui_term_close(struct ui *ui)
{
    if (curses_on) {
        if (ui->opt.mouse) {
            mousemask(0, NULL);
        }
        curs_set(1);
        endwin();
        curses_on = 0;
    }
    if (ui->scr != NULL) {
        delscreen(ui->scr);
        ui->scr = NULL;
    }
    xalloc_set_fatal_hook(NULL);
    if (mask_set) {
        /* While our handlers still only record: a signal pending now must not kill us. */
        sigprocmask(SIG_SETMASK, &wait_mask, NULL);
        mask_set = false;
    }
    reset_handlers();
}
