/* SPDX-License-Identifier: MIT */
/* The progress store: the dotfile's document bound to its path, loaded once and saved after
 * every change.
 *
 * Invariants: the store writes only through progress_fs_replace() while holding the lock, and
 * only after re-reading the file under that lock and merging it, so two instances never lose
 * each other's changes (DUR-8). Bytes that could not be understood are copied aside before
 * anything replaces them (DUR-9); a file that cannot be read or copied, or that a newer
 * version wrote, makes the store read-only for good (readonly != NULL) and is never written.
 * A failed save changes nothing on disk and nothing in memory except the merge of what was
 * read; the document stays dirty, so the next save retries (DUR-4). */
#include "progress_store.h"

#include <errno.h>
#include <stdint.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_cache.h"
#include "progress_fs.h"
#include "progress_journal_internal.h"
#include "xalloc.h"

struct progress_store {
    char *path;   /* as given */
    char *target; /* symlinks resolved */
    struct progress *doc;
    unsigned long saved_generation;
    bool want_backup; /* a reset is pending: back the file up before writing */
    bool reading;     /* opened by progress_store_open_read(): never writes, never copies */
    char *message, *notice, *readonly, *backup;
    char *warning;       /* what the last successful save could not do (sync the directory) */
    bool kept;           /* a damaged file was copied aside: the file it was, so that the */
    struct stat kept_st; /* save replacing it does not copy the same file again */
    char *written;       /* the bytes the last save wrote, or opening read whole (NULL when */
    size_t written_len;  /* none): while the file holds exactly them, re-reading it adds nothing */
    bool nosync;         /* progress_store_set_durable(false): a state file, not progress */
    void (*on_save)(void *arg); /* progress_store_on_save(): run under the lock, once */
    void *on_save_arg;
    int lock;     /* held since the file was read (progress_store_open_change()), else -1 */
    bool have_st; /* st is the status of the file last read (there was one) */
    struct stat st;
};

/* The same file, unchanged: files are only ever replaced, never rewritten in place. */
static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Copies the damaged target aside unless that very file was copied already (then *copy is
 * NULL). */
static int keep_damaged(struct progress_store *s, const struct stat *st, const char *buf,
                        size_t len, char **copy, char **err)
{
    *copy = NULL;
    if (s->reading || (st != NULL && s->kept && same_file(st, &s->kept_st))) {
        return 0;
    }
    if (progress_fs_copy_aside(s->target, "corrupt", buf, len, copy, err) != 0) {
        return -1;
    }
    s->kept = st != NULL;
    if (st != NULL) {
        s->kept_st = *st;
    }
    return 0;
}

/* Replaces *slot with s (taking it). */
static void set_str(char **slot, char *s)
{
    free(*slot);
    *slot = s;
}

static void add_notice(struct progress_store *s, char *text)
{
    if (s->notice == NULL) {
        s->notice = text;
        return;
    }
    set_str(&s->notice, xasprintf("%s %s", s->notice, text));
    free(text);
}

char *progress_default_path(void)
{
    const char *env = getenv("TRAIL_STATE");
    if (env != NULL && env[0] != '\0') {
        return xstrdup(env);
    }
    const char *home = getenv("HOME");
    if (home == NULL || home[0] == '\0') {
        const struct passwd *pw = getpwuid(getuid());
        home = pw != NULL ? pw->pw_dir : NULL;
    }
    if (home == NULL || home[0] == '\0') {
        return NULL;
    }
    size_t n = strlen(home);
    return xasprintf("%s%s.trail_progress.yaml", home, home[n - 1] == '/' ? "" : "/");
}

char *progress_store_state_path(const char *name)
{
    /* Never a shared directory such as /tmp: another user could plant a symlink there (F7). */
    const char *state = getenv("XDG_STATE_HOME");
    if (state != NULL && state[0] == '/') {
        return xasprintf("%s/trail/%s", state, name);
    }
    const char *home = getenv("HOME");
    if (home == NULL || home[0] != '/') {
        const struct passwd *pw = getpwuid(geteuid());
        home = pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
    }
    if (home == NULL) {
        return NULL;
    }
    return xasprintf("%s%s.local/state/trail/%s", home, home[strlen(home) - 1] == '/' ? "" : "/",
                     name);
}

char *progress_store_suggest_path(const struct progress_store *s)
{
    (void)s;
    char *path = progress_store_state_path("progress.yaml");
    return path != NULL ? path : xstrdup("FILE (in a directory only you can write)");
}

/* The first error of a parse, for messages: "line 4: an item's state is ...". */
static char *first_problem(const struct diag *d)
{
    for (size_t i = 0; i < d->n; i++) {
        if (d->msgs[i].level == DIAG_ERROR) {
            if (d->msgs[i].line > 0) {
                return xasprintf("line %u: %s", d->msgs[i].line, d->msgs[i].text);
            }
            return xstrdup(d->msgs[i].text);
        }
    }
    return xstrdup("not a valid progress file");
}

/* The warnings of a sound file a person edited, for a notice: the first few as
 * "file:line:col: warning: ...", then how many more there are. NULL when there are none. */
static char *warnings_note(const struct diag *d)
{
    char *note = NULL;
    size_t shown = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (d->msgs[i].level != DIAG_WARNING) {
            continue;
        }
        if (shown == 3) {
            char *more = xasprintf("%s (%zu more warning%s.)", note, d->warnings - shown,
                                   d->warnings - shown == 1 ? "" : "s");
            free(note);
            return more;
        }
        char line[1024];
        diag_format(&d->msgs[i], line, sizeof line);
        char *joined = note != NULL ? xasprintf("%s %s.", note, line) : xasprintf("%s.", line);
        free(note);
        note = joined;
        shown++;
    }
    return note;
}

static size_t count_entries(const struct progress *p)
{
    size_t n = 0;
    for (size_t g = 0; g < progress_count_guides(p); g++) {
        n += progress_guide_count_items(progress_guide_at(p, g));
    }
    return n;
}

enum load_result { LOAD_OK, LOAD_FAILED, LOAD_NEWER };

/* Handles a target over the size limit: copied aside whole, read as empty. */
static enum load_result load_huge(struct progress_store *s, const struct stat *st,
                                  struct progress **theirs, char **note, char **cause)
{
    char *copy = NULL, *err = NULL;
    if (keep_damaged(s, st, NULL, 0, &copy, &err) != 0) {
        *cause = xasprintf("%s is larger than %u MiB and %s", s->target,
                           PROGRESS_STORE_MAX_SIZE >> 20, err);
        free(err);
        return LOAD_FAILED;
    }
    if (copy != NULL) {
        *note = xasprintf("%s is larger than %u MiB, so it was not read; it is kept as %s.",
                          s->target, PROGRESS_STORE_MAX_SIZE >> 20, copy);
        free(copy);
    } else if (s->reading) {
        *note = xasprintf("%s is larger than %u MiB, so it was not read; it is left as it is "
                          "(trail keeps a copy of it before it saves over it).",
                          s->target, PROGRESS_STORE_MAX_SIZE >> 20);
    }
    *theirs = progress_new();
    return LOAD_OK;
}

/* Parses the target's bytes; copies a damaged file aside. *sound says whether the file was
 * read whole (no damage, no newer version). */
static enum load_result load_text(struct progress_store *s, const struct stat *st, const char *buf,
                                  size_t len, struct progress **theirs, char **note, char **cause,
                                  bool *sound)
{
    struct diag d = {0};
    enum progress_parse_status status;
    /* A command that saves at once writes the journal's lines back as they were read. */
    unsigned flags = s->lock >= 0 ? PROGRESS_PARSE_KEEP_LINES : 0;
    *theirs = progress_parse_with(s->target, buf, len, flags, &status, &d);
    *sound = status == PROGRESS_PARSE_OK;
    char *problem = status != PROGRESS_PARSE_OK ? first_problem(&d) : NULL;
    if (status == PROGRESS_PARSE_OK) {
        *note = warnings_note(&d);
    }
    diag_free(&d);
    enum load_result res = LOAD_OK;
    char *copy = NULL, *err = NULL;
    if (status == PROGRESS_PARSE_NEWER) {
        *cause = xasprintf("%s was %s; it is opened read-only and never overwritten", s->target,
                           problem);
        res = LOAD_NEWER;
    } else if (status == PROGRESS_PARSE_DAMAGED &&
               keep_damaged(s, st, buf, len, &copy, &err) != 0) {
        *cause = xasprintf("%s is damaged (%s) and no copy of it could be kept (%s); it is not "
                           "overwritten",
                           s->target, problem, err);
        free(err);
        res = LOAD_FAILED;
    } else if (copy != NULL) {
        size_t n = count_entries(*theirs);
        *note = xasprintf("%s was damaged (%s); the original is kept as %s and %zu entr%s "
                          "recovered.",
                          s->target, problem, copy, n, n == 1 ? "y was" : "ies were");
        free(copy);
    } else if (status == PROGRESS_PARSE_DAMAGED && s->reading) {
        size_t n = count_entries(*theirs);
        *note = xasprintf("%s is damaged (%s); %zu entr%s could be read. It is left as it is "
                          "(trail keeps a copy of it before it saves over it).",
                          s->target, problem, n, n == 1 ? "y" : "ies");
    }
    free(problem);
    return res;
}

/* True when the file holds exactly what this store last read whole or wrote: the document has
 * had all of it since (merges and changes only add newer entries), so merging it again would
 * change nothing and parsing it can be skipped. Compared byte for byte, so a file another
 * instance wrote is never mistaken for ours. */
static bool unchanged_since_save(const struct progress_store *s, const char *buf, size_t len)
{
    return s->written != NULL && len == s->written_len && memcmp(buf, s->written, len) == 0;
}

/* Reads the target into *theirs (NULL when there is no file, or when it holds what the last
 * save wrote). A damaged file is copied aside
 * (once) and what could be read is returned; *note gets a sentence about it. Returns
 * LOAD_FAILED or LOAD_NEWER (with *cause set) when the file must not be replaced: unreadable,
 * damaged without a copy, or from a newer version. remember: keep the bytes of a file read
 * whole, so that the next save, finding them unchanged, need not parse them again (a command
 * that opens, changes and saves at once then parses its progress file once). */
static enum load_result load_target(struct progress_store *s, struct progress **theirs, char **note,
                                    char **cause, bool remember)
{
    *theirs = NULL;
    /* The status of the very file read: a copy is made of it once, never of another. */
    struct stat st;
    char *buf = NULL, *err = NULL;
    size_t len = 0;
    int r = progress_fs_read_stat(s->target, PROGRESS_STORE_MAX_SIZE, &buf, &len, &st, &err);
    s->have_st = r > 0;
    if (r < 0) {
        *cause = err;
        return LOAD_FAILED;
    }
    if (r == 0) {
        return LOAD_OK;
    }
    s->st = st;
    if (r == 2) {
        return load_huge(s, &st, theirs, note, cause);
    }
    if (!s->want_backup && unchanged_since_save(s, buf, len)) {
        free(buf); /* *theirs stays NULL: nothing to merge (a reset still needs its backup) */
        return LOAD_OK;
    }
    bool sound = false;
    enum load_result res = load_text(s, &st, buf, len, theirs, note, cause, &sound);
    if (remember && sound && res == LOAD_OK) {
        free(s->written);
        s->written = buf;
        s->written_len = len;
        return res;
    }
    free(buf);
    return res;
}

/* Removes temporary files left by a killed save, if no other instance is saving now. The lock
 * (and so its file) is taken only when there are some; a store opened for reading takes it only
 * when its file is there already (a killed save made it), so that it creates nothing. */
static void clean_stale_temps(struct progress_store *s)
{
    if (s->lock >= 0) {
        progress_fs_remove_temps(s->target);
        return;
    }
    if (!progress_fs_has_temps(s->target)) {
        return;
    }
    if (s->reading) {
        char *lock = xasprintf("%s.lock", s->target);
        bool there = access(lock, F_OK) == 0;
        free(lock);
        if (!there) {
            return;
        }
    }
    int fd = progress_fs_lock(s->target, 0, NULL);
    if (fd >= 0) {
        progress_fs_remove_temps(s->target);
        progress_fs_unlock(fd);
    }
}

static void check_dir_writable(struct progress_store *s)
{
    char *dir = progress_fs_dirname(s->target);
    /* One call: a directory that is not there (yet) is no refusal. */
    if (access(dir, W_OK | X_OK) != 0 && errno != ENOENT && errno != ENOTDIR) {
        int e = errno; /* before anything else can change it (F4) */
        char *alt = progress_store_suggest_path(s);
        add_notice(s, xasprintf("The directory %s is read-only (%s): progress cannot be saved "
                                "there; run trail with --state FILE, e.g. --state %s.",
                                dir, strerror(e), alt));
        free(alt);
    }
    free(dir);
}

static struct progress_store *open_store(const char *path, bool reading, bool change)
{
    struct progress_store *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    s->reading = reading;
    s->lock = -1;
    char *err = NULL;
    if (progress_fs_resolve(path, PROGRESS_STORE_MAX_LINKS, &s->target, &err) != 0) {
        /* A refused target (wrong type, dangling link, loop) is never written; anything else
         * (say, a directory on the way that is not there yet) may clear up, so saves retry. */
        bool refused = errno == EINVAL || errno == ELOOP || errno == ENOENT || errno == EPERM;
        s->target = xstrdup(path);
        s->doc = progress_new();
        if (refused) {
            s->readonly = err;
        } else {
            add_notice(s, xasprintf("Progress cannot be read: %s.", err));
            free(err);
        }
        return s;
    }
    if (change) {
        /* Only a lock file a save made already: a command that is then refused creates
         * nothing. Without one, the save takes the lock and reads the file again. */
        s->lock = progress_fs_lock_existing(s->target, PROGRESS_STORE_LOCK_WAIT_MS);
    }
    clean_stale_temps(s);
    struct progress *theirs = NULL;
    char *note = NULL, *cause = NULL;
    if (load_target(s, &theirs, &note, &cause, !reading) != LOAD_OK) {
        s->readonly = cause;
    }
    s->doc = theirs != NULL ? theirs : progress_new();
    s->saved_generation = progress_generation(s->doc);
    if (note != NULL) {
        add_notice(s, note);
    }
    if (s->readonly == NULL) {
        check_dir_writable(s);
    }
    return s;
}

struct progress_store *progress_store_open(const char *path)
{
    return open_store(path, false, false);
}

struct progress_store *progress_store_open_change(const char *path)
{
    return open_store(path, false, true);
}

struct progress_store *progress_store_open_read(const char *path)
{
    return open_store(path, true, false);
}

void progress_store_close(struct progress_store *s)
{
    if (s == NULL) {
        return;
    }
    progress_fs_unlock(s->lock);
    progress_free(s->doc);
    free(s->path);
    free(s->target);
    free(s->message);
    free(s->notice);
    free(s->readonly);
    free(s->backup);
    free(s->warning);
    free(s->written);
    free(s);
}

struct progress *progress_store_doc(struct progress_store *s)
{
    return s->doc;
}

bool progress_store_dirty(const struct progress_store *s)
{
    return progress_generation(s->doc) != s->saved_generation;
}

static int save_failed(struct progress_store *s, char *why)
{
    set_str(&s->message, xasprintf("Could not save progress: %s. Your changes are kept in "
                                   "memory and the next save tries again.",
                                   why));
    free(why);
    return -1;
}

/* Under the lock: re-read, back up if a reset asks for it, merge, write. */
static int save_locked(struct progress_store *s, char **note)
{
    struct progress *theirs = NULL;
    char *why = NULL, *err = NULL;
    /* Held since the file was read whole (or last written): no other trail can have changed
     * it, so there is nothing to merge. */
    bool held = s->lock >= 0 && s->written != NULL && !s->want_backup;
    enum load_result res = held ? LOAD_OK : load_target(s, &theirs, note, &why, false);
    if (res != LOAD_OK) {
        progress_free(theirs);
        if (res == LOAD_NEWER) {
            set_str(&s->readonly, xstrdup(why));
        }
        return save_failed(s, why);
    }
    if (s->want_backup && theirs != NULL) {
        char *copy = NULL;
        if (progress_fs_copy_aside(s->target, "bak", NULL, 0, &copy, &err) != 0) {
            progress_free(theirs);
            return save_failed(s, err);
        }
        set_str(&s->backup, copy);
    }
    if (theirs != NULL) {
        progress_merge(s->doc, theirs);
        progress_free(theirs);
    }
    size_t len = 0;
    char *text = progress_emit_cached(s->doc, &len);
    if (text == NULL) {
        return save_failed(s,
                           xasprintf("the progress of %s could not be written as YAML", s->target));
    }
    /* The file read last is the one replaced: under the lock, it was read just now or at
     * opening with the lock held since. */
    int rc = progress_fs_replace_known(s->target, text, len, !s->nosync, s->have_st ? &s->st : NULL,
                                       &err);
    free(s->written);
    s->written = rc >= 0 ? text : NULL;
    s->written_len = rc >= 0 ? len : 0;
    if (rc < 0) {
        free(text);
        return save_failed(s, err);
    }
    if (rc > 0) { /* the file holds the change; only its directory entry may not be durable */
        set_str(&s->warning, xasprintf("the change is in %s, but %s; it may not survive a "
                                       "power loss, and the next save syncs again",
                                       s->target, err));
        free(err);
    }
    return 0;
}

/* Appends " <text>" to *msg and frees text; nothing for NULL. */
static void append_sentence(char **msg, char *text)
{
    if (text != NULL) {
        set_str(msg, xasprintf("%s %s", *msg, text));
        free(text);
    }
}

/* After a save that replaced a file the learner made read-only (F3): its mode is kept, and
 * the learner should know trail wrote it anyway, so it becomes the save's warning. */
static void note_read_only(struct progress_store *s)
{
    /* The file replaced gave the new one its mode (progress_fs_replace_known()). */
    struct stat st = s->st;
    if (s->warning != NULL || (!s->have_st && stat(s->target, &st) != 0) ||
        (st.st_mode & S_IWUSR) != 0) {
        return;
    }
    s->warning = xasprintf("%s is read-only (mode %04o): trail saved the change anyway and kept "
                           "that mode",
                           s->target, (unsigned)(st.st_mode & 07777));
}

/* Resolves the target again, makes its directory and locks it (*lock): 0, or
 * PROGRESS_STORE_BUSY (wait_ms 0 and another process holds it) or -1 with the message set. */
static int take_lock(struct progress_store *s, int wait_ms, int *lock)
{
    char *target = NULL, *err = NULL;
    if (progress_fs_resolve(s->path, PROGRESS_STORE_MAX_LINKS, &target, &err) != 0) {
        return save_failed(s, err);
    }
    set_str(&s->target, target);
    char *dir = progress_fs_dirname(s->target);
    int rc = progress_fs_mkdirs(dir, &err);
    free(dir);
    if (rc != 0) {
        return save_failed(s, err);
    }
    *lock = progress_fs_lock(s->target, wait_ms, &err);
    if (*lock < 0 && wait_ms == 0 && errno == EWOULDBLOCK) {
        free(err);
        set_str(&s->message, xasprintf("Waiting for another trail to finish saving %s; your "
                                       "changes are kept in memory until then.",
                                       s->target));
        return PROGRESS_STORE_BUSY;
    }
    return *lock < 0 ? save_failed(s, err) : 0;
}

/* A save that waits up to wait_ms for the lock; PROGRESS_STORE_BUSY when wait_ms is 0 and
 * another process holds it. */
static int save_waiting(struct progress_store *s, int wait_ms)
{
    set_str(&s->warning, NULL);
    if (s->reading) {
        set_str(&s->message, xstrdup("Progress is not saved: it was opened for reading only."));
        return -1;
    }
    if (s->readonly != NULL) {
        set_str(&s->message, xasprintf("Progress is not saved: %s.", s->readonly));
        return -1;
    }
    int lock = s->lock;
    if (lock < 0) {
        int rc = take_lock(s, wait_ms, &lock);
        if (rc != 0) {
            return rc;
        }
    }
    char *note = NULL;
    int rc = save_locked(s, &note);
    if (rc == 0 && s->on_save != NULL) {
        void (*fn)(void *) = s->on_save;
        s->on_save = NULL;
        fn(s->on_save_arg);
    }
    if (lock != s->lock) {
        progress_fs_unlock(lock);
    }
    if (rc != 0) {
        free(note);
        return -1;
    }
    s->saved_generation = progress_generation(s->doc);
    s->want_backup = false;
    set_str(&s->message, xasprintf("Saved to %s.", s->target));
    append_sentence(&s->message, note);
    note_read_only(s);
    if (s->warning != NULL) {
        append_sentence(&s->message, xasprintf("Warning: %s.", s->warning));
    }
    return 0;
}

int progress_store_save(struct progress_store *s)
{
    return save_waiting(s, PROGRESS_STORE_LOCK_WAIT_MS);
}

int progress_store_save_try(struct progress_store *s)
{
    return save_waiting(s, 0);
}

int progress_store_reset(struct progress_store *s, const char *guide_id, const char **backup)
{
    if (backup != NULL) {
        *backup = NULL;
    }
    if (s->readonly != NULL) {
        set_str(&s->message, xasprintf("Progress is not reset: %s.", s->readonly));
        return -1;
    }
    progress_reset_guide(s->doc, guide_id, progress_now_ms());
    progress_store_want_backup(s);
    if (progress_store_save(s) != 0) {
        return -1;
    }
    if (backup != NULL) {
        *backup = s->backup;
    }
    return 0;
}

const char *progress_store_warning(const struct progress_store *s)
{
    return s->warning;
}

void progress_store_want_backup(struct progress_store *s)
{
    s->want_backup = true;
    set_str(&s->backup, NULL);
}

const char *progress_store_backup(const struct progress_store *s)
{
    return s->backup;
}

size_t progress_store_backups(const struct progress_store *s, char ***paths)
{
    return progress_fs_list_copies(s->target, "bak", paths);
}

const char *progress_store_message(const struct progress_store *s)
{
    return s->message;
}

const char *progress_store_notice(const struct progress_store *s)
{
    return s->notice;
}

const char *progress_store_readonly(const struct progress_store *s)
{
    return s->readonly;
}

const char *progress_store_path(const struct progress_store *s)
{
    return s->path;
}

const char *progress_store_target(const struct progress_store *s)
{
    return s->target;
}

struct progress *progress_store_peek(const char *path, bool *found)
{
    return progress_store_peek_with(path, 0, found);
}

#define JOURNAL_AT_KIND "journal-at" /* file_cache.h: where a dotfile's journal starts */

/* The dotfile up to its journal, for a reader that leaves the journal out: a journal of many
 * events is most of the file, and reading it costs a command run at every prompt more than
 * all the rest. Where the journal starts is learnt once per version of the file and kept in
 * the user's cache (file_cache.h); progress_fs_read()'s return values. */
static int read_without_journal(const char *path, char **buf, size_t *len)
{
    struct stat st;
    int fd = progress_fs_open_read(path, &st);
    if (fd < 0) {
        return errno == ENOENT ? 0 : -1;
    }
    struct file_cache_key k;
    file_cache_key_of(&st, &k);
    size_t n = 0, head = SIZE_MAX;
    uint64_t at;
    char *kept = file_cache_read(JOURNAL_AT_KIND, path, &k, &n);
    if (kept != NULL && n == sizeof at) {
        memcpy(&at, kept, sizeof at);
        head = at < (uint64_t)st.st_size ? (size_t)at : SIZE_MAX;
    }
    free(kept);
    int r = progress_fs_read_fd(fd, &st, head, PROGRESS_STORE_MAX_SIZE, buf, len);
    close(fd);
    if (r == 1 && head == SIZE_MAX && (at = progress_journal_skip(*buf, *len)) < *len) {
        file_cache_write(JOURNAL_AT_KIND, path, &k, &at, sizeof at);
    }
    return r;
}

struct progress *progress_store_peek_with(const char *path, unsigned flags, bool *found)
{
    *found = false;
    char *target = NULL, *err = NULL, *buf = NULL;
    size_t len = 0;
    if (progress_fs_resolve(path, PROGRESS_STORE_MAX_LINKS, &target, &err) != 0) {
        free(err);
        return NULL;
    }
    int r = (flags & PROGRESS_PARSE_NO_JOURNAL) != 0
                ? read_without_journal(target, &buf, &len)
                : progress_fs_read(target, PROGRESS_STORE_MAX_SIZE, &buf, &len, &err);
    free(err);
    struct progress *p = NULL;
    if (r == 1) {
        enum progress_parse_status status;
        struct diag quiet = {0};
        p = progress_parse_with(target, buf, len, flags, &status, &quiet);
        diag_free(&quiet);
        *found = true;
    }
    free(buf);
    free(target);
    return p;
}

void progress_store_on_save(struct progress_store *s, void (*fn)(void *arg), void *arg)
{
    s->on_save = fn;
    s->on_save_arg = arg;
}

void progress_store_set_durable(struct progress_store *s, bool durable)
{
    s->nosync = !durable;
}
