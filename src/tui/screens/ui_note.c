/* SPDX-License-Identifier: MIT */
/* Notes: read in full inside trail (E), written in the learner's own editor (e), the way git
 * and mutt hand the terminal over.
 *
 * Every list shows a note's one-line preview under its item (view_plan_add_note()); E on such
 * an item, or on the item's own screen, opens the note view: a text screen with the whole note
 * (sanitised and wrapped by view_plan_note()), which scrolls like any text and goes with Back.
 * Its subject is the noted item, so e there edits the note it shows.
 *
 * The note goes to a private temporary file (mkstemp: O_EXCL, 0600, in $TMPDIR or /tmp); the
 * browser leaves curses (ui_term_suspend()), runs "$VISUAL" or "$EDITOR" (fallback vi) through
 * /bin/sh with the file name as "$1", so an editor given with arguments ("code --wait") works
 * and the name is never parsed by the shell; waits for it; restores the screen; reads the file
 * back (at most PROGRESS_NOTE_MAX bytes, valid UTF-8 without NUL, else the note is left as it
 * was) and removes it. An editor that fails or is killed changes nothing. The note is saved
 * like a tick (UI_RES_SAVE); an empty file removes the note. */
#include "ui_note.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fileio.h"
#include "text.h"
#include "ui_progress.h"
#include "ui_status.h"
#include "ui_store.h"
#include "ui_term.h"
#include "view_plan.h"
#include "xalloc.h"

static const char *editor_command(void)
{
    const char *names[] = {"VISUAL", "EDITOR"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *e = getenv(names[i]);
        if (e != NULL && e[0] != '\0') {
            return e;
        }
    }
    return "vi";
}

/* Creates the temporary file holding note (NULL: empty). Returns its path (caller frees), or
 * NULL with the status line saying why. */
static char *write_temp(struct ui *ui, const char *note)
{
    const char *dir = getenv("TMPDIR");
    char *path = xasprintf("%s/trail-note-XXXXXX", dir != NULL && dir[0] != '\0' ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Could not create a file for the note in %s: %s.",
                      dir != NULL && dir[0] != '\0' ? dir : "/tmp", strerror(errno));
        free(path);
        return NULL;
    }
    int rc = fchmod(fd, 0600);
    if (rc == 0 && note != NULL) {
        rc = fileio_write_all(fd, note, strlen(note));
        if (rc == 0) {
            rc = fileio_write_all(fd, "\n", 1);
        }
    }
    int err = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        err = errno;
    }
    if (rc != 0) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Could not write the note to %s: %s.", path,
                      strerror(err));
        unlink(path);
        free(path);
        return NULL;
    }
    return path;
}

/* Runs the editor on path with the terminal handed over; returns its wait status, or -1 when
 * it could not be started (errno set). */
static int run_editor(struct ui *ui, const char *editor, const char *path)
{
    char *cmd = xasprintf("%s \"$1\"", editor);
    ui_term_suspend(ui);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        ui_term_child_signals();
        execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
        _exit(127);
    }
    int err = errno, status = -1;
    if (pid > 0) {
        /* SIGTERM or SIGHUP only set the quit flag: keep waiting for the editor. */
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    ui_term_resume(ui);
    free(cmd);
    errno = err;
    return pid > 0 ? status : -1;
}

/* Reads the edited file: at most PROGRESS_NOTE_MAX bytes of UTF-8 without NUL. Returns a new
 * buffer (its length in *len), or NULL with the status line saying why the note is kept. */
static char *read_back(struct ui *ui, const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Could not read the note back from %s: %s.", path,
                      fd < 0 ? strerror(errno) : "not a regular file");
        if (fd >= 0) {
            close(fd);
        }
        return NULL;
    }
    size_t cap = PROGRESS_NOTE_MAX + 1, n = 0;
    char *buf = xmalloc(cap + 1);
    ssize_t r = 0;
    while (n < cap && ((r = read(fd, buf + n, cap - n)) > 0 || (r < 0 && errno == EINTR))) {
        n += r > 0 ? (size_t)r : 0;
    }
    int err = errno;
    close(fd);
    const char *why = NULL;
    if (r < 0) {
        why = strerror(err);
    } else if (n > PROGRESS_NOTE_MAX) {
        why = "it is too long";
    } else if (memchr(buf, '\0', n) != NULL || !text_utf8_valid(buf, n, NULL)) {
        why = "it is not valid UTF-8 text";
    }
    if (why != NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "The note was not changed: %s.", why);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Says how the editor ended when it failed; returns true when it succeeded. */
static bool editor_ok(struct ui *ui, const char *editor, int status)
{
    if (status == -1) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Could not start the editor: %s.", strerror(errno));
    } else if (WIFSIGNALED(status)) {
        ui_status_set(ui, VIEW_ROLE_ERROR,
                      "The editor (%s) was killed by signal %d; the note "
                      "was not changed.",
                      editor, WTERMSIG(status));
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        ui_status_set(ui, VIEW_ROLE_ERROR,
                      "Could not run the editor (%s); set $VISUAL or "
                      "$EDITOR. The note was not changed.",
                      editor);
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ui_status_set(ui, VIEW_ROLE_ERROR,
                      "The editor (%s) failed (exit %d); the note was not "
                      "changed.",
                      editor, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    } else {
        return true;
    }
    return false;
}

/* Stores the edited text as the note of id and saves. */
static enum ui_result store(struct ui *ui, const char *id, const char *text, size_t len)
{
    struct progress *p = ui_store_doc(ui);
    const char *old = progress_get_note(p, ui->g->id, id);
    bool had = old != NULL;
    enum progress_change ch = progress_set_note(p, ui->g->id, id, text, len, progress_now_ms());
    if (ui_store_unchanged(ui, ch, "The note was not changed: it cannot be kept.",
                           "The note is unchanged.")) {
        return UI_RES_ALL;
    }
    bool has = progress_get_note(p, ui->g->id, id) != NULL;
    ui_status_set(ui, VIEW_ROLE_STATUS, "%s",
                  has ? (had ? "Note saved." : "Note added.") : "Note removed.");
    return UI_RES_ALL | UI_RES_SAVE;
}

enum ui_result ui_note_edit(struct ui *ui, int arg)
{
    (void)arg;
    const char *id = ui_subject(ui, ui_top(ui));
    if (id == NULL) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "Select an item to write a note on.");
        return UI_RES_ALL;
    }
    struct progress *p = ui_store_doc(ui);
    if (p == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Notes need a progress file.");
        return UI_RES_ALL;
    }
    char *path = write_temp(ui, progress_get_note(p, ui->g->id, id));
    if (path == NULL) {
        return UI_RES_ALL;
    }
    const char *editor = editor_command();
    int status = run_editor(ui, editor, path);
    enum ui_result r = UI_RES_ALL;
    if (editor_ok(ui, editor, status)) {
        size_t len = 0;
        char *text = read_back(ui, path, &len);
        if (text != NULL) {
            r = store(ui, id, text, len);
            free(text);
        }
    }
    unlink(path);
    free(path);
    return r;
}

/* --- Reading a note ------------------------------------------------------------------------ */

/* The tag of the note view's state in ui_data() (per guide): the id of the item it shows. */
static const char shown_tag;

struct note_shown {
    char *id;
};

static void shown_free(struct ui *ui, void *ptr)
{
    (void)ui;
    struct note_shown *n = ptr;
    free(n->id);
    free(n);
}

static const char *shown_id(const struct ui *ui)
{
    const struct note_shown *n = ui_data(ui, &shown_tag);
    return n != NULL ? n->id : NULL;
}

static void note_layout(struct ui *ui, struct ui_screen *s, struct view_doc *d)
{
    (void)s;
    const char *id = shown_id(ui);
    const struct progress *p = ui_store_doc(ui);
    if (id != NULL) {
        view_plan_note(d, ui_progress_subject_name(ui->g, id),
                       p != NULL ? progress_get_note(p, ui->g->id, id) : NULL);
    }
}

/* The note view's subject is the item whose note it shows. */
static const char *note_subject(const struct ui *ui, const struct ui_screen *s)
{
    (void)s;
    return shown_id(ui);
}

const struct ui_screen_ops ui_note_view_ops = {
    .name = "Note",
    .kind = "note",
    .scope = UI_SCOPE_ANY | UI_SCOPE_SUB | UI_SCOPE_NOTE | UI_SCOPE_EVIDENCE,
    .layout = note_layout,
    .subject = note_subject,
};

enum ui_result ui_note_read(struct ui *ui, int arg)
{
    (void)arg;
    struct ui_screen *top = ui_top(ui);
    const struct progress *p = ui_store_doc(ui);
    const char *id = ui_subject(ui, top);
    bool has = p != NULL && id != NULL && progress_get_note(p, ui->g->id, id) != NULL;
    /* On a phase's checklist, the phase's own note when the selected action has none. */
    if (!has && p != NULL && ui_is(top, "phase") && top->index < ui->g->n_phases &&
        progress_get_note(p, ui->g->id, ui->g->phases[top->index].id) != NULL) {
        if (id != NULL) {
            ui_status_set(ui, VIEW_ROLE_STATUS, "The phase's note (the selected action has none).");
        }
        id = ui->g->phases[top->index].id;
        has = true;
    }
    if (!has) {
        ui_status_set(ui, VIEW_ROLE_STATUS, "%s",
                      id != NULL ? "E: the selected item has no note; e writes one."
                                 : "E: select an item with a note first.");
        return UI_RES_ALL;
    }
    struct note_shown *n = ui_data(ui, &shown_tag);
    if (n == NULL) {
        n = xcalloc(1, sizeof *n);
        ui_data_set(ui, &shown_tag, n, shown_free, true);
    }
    char *copy = xstrdup(id); /* id may be the one n holds */
    free(n->id);
    n->id = copy;
    size_t at = ui_find(ui, "note");
    if (at != SIZE_MAX) {
        ui_pop_to(ui, at); /* one note view at a time: the new one replaces it */
    }
    if (ui_push_kind(ui, "note", 0, "Note") == NULL) {
        ui_status_set(ui, VIEW_ROLE_ERROR, "Too many screens open");
    }
    return UI_RES_ALL;
}
