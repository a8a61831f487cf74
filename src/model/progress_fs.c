/* SPDX-License-Identifier: MIT */
/* File-system steps of the progress store: symlink resolution, bounded reads, exclusive copies,
 * the atomic replace and the lock.
 *
 * Invariants (RELIABILITY.md DUR-1, DUR-6, DUR-7): an existing file is never opened for
 * writing; every file created here is created with O_CREAT|O_EXCL|O_CLOEXEC and mode 0600 and
 * then fchmod'ed to 0600, so no umask ever leaves a moment where it is readable by others, and
 * every directory created is 0700. Reads use O_NOFOLLOW|O_NONBLOCK and check the opened file
 * is regular, so a FIFO or device swapped in after resolution neither hangs nor gets read.
 * Every write loops over short writes and EINTR; every close is checked. */
#include "progress_fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fileio.h"
#include "progress_date.h"
#include "xalloc.h"

#define COPY_ATTEMPTS 100
#define TEMP_ATTEMPTS 100

/* Sets *cause to "<what> <path>: <strerror(errno)>" and returns -1 with errno kept. */
static int fail(char **cause, const char *what, const char *path)
{
    int e = errno;
    if (cause != NULL) {
        *cause = xasprintf("%s %s: %s", what, path, strerror(e));
    }
    errno = e;
    return -1;
}

char *progress_fs_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL) {
        return xstrdup(".");
    }
    while (slash > path && slash[-1] == '/') {
        slash--;
    }
    if (slash == path) {
        return xstrdup("/");
    }
    return xstrndup(path, (size_t)(slash - path));
}

static const char *kind_name(mode_t mode)
{
    if (S_ISDIR(mode)) {
        return "a directory";
    }
    if (S_ISFIFO(mode)) {
        return "a FIFO";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    return "not a regular file";
}

/* The next path in a chain: the link's text, relative to the link's directory. */
static char *follow(const char *link, char **cause)
{
    char buf[4096];
    ssize_t n = readlink(link, buf, sizeof buf - 1);
    if (n < 0) {
        fail(cause, "cannot read the symlink", link);
        return NULL;
    }
    buf[n] = '\0';
    if (buf[0] == '/') {
        return xstrdup(buf);
    }
    char *dir = progress_fs_dirname(link);
    char *next = xasprintf("%s/%s", dir, buf);
    free(dir);
    return next;
}

/* Whether following the symlink cur (lstat'ed as st) is refused: a link another user owns
 * (root's links are trusted), or, as the kernel's protected_symlinks does, a link in a
 * world-writable sticky directory owned neither by us nor by that directory's owner. Sets
 * *cause. */
static bool link_refused(const char *path, const char *cur, const struct stat *st, char **cause)
{
    uid_t me = geteuid();
    if (st->st_uid != me && st->st_uid != 0) {
        if (cause != NULL) {
            *cause = xasprintf("%s is a symlink owned by another user (uid %lu); trail does not "
                               "follow it",
                               cur, (unsigned long)st->st_uid);
        }
        return true;
    }
    char *dir = progress_fs_dirname(cur);
    struct stat ds;
    bool sticky = stat(dir, &ds) == 0 && (ds.st_mode & S_ISVTX) && (ds.st_mode & S_IWOTH);
    bool refused = sticky && st->st_uid != me && st->st_uid != ds.st_uid;
    if (refused && cause != NULL) {
        *cause = xasprintf("%s is a symlink in the shared directory %s that you do not own; trail "
                           "does not follow it (state path %s)",
                           cur, dir, path);
    }
    free(dir);
    return refused;
}

/* A regular file another user owns is not ours to replace (DUR-12): refused. */
static bool owner_refused(const char *cur, const struct stat *st, char **cause)
{
    if (st->st_uid == geteuid()) {
        return false;
    }
    if (cause != NULL) {
        const struct passwd *pw = getpwuid(st->st_uid);
        *cause = pw != NULL ? xasprintf("%s belongs to the user %s; trail does not write another "
                                        "user's file (run trail as %s, or use --state FILE)",
                                        cur, pw->pw_name, pw->pw_name)
                            : xasprintf("%s belongs to another user (uid %lu); trail does not "
                                        "write another user's file (use --state FILE)",
                                        cur, (unsigned long)st->st_uid);
    }
    return true;
}

int progress_fs_resolve(const char *path, int max_links, char **target, char **cause)
{
    char *cur = xstrdup(path);
    for (int hops = 0;; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0) {
            if (errno == ENOENT && hops == 0) {
                *target = cur;
                return 0;
            }
            int e = errno;
            if (cause != NULL) {
                *cause = e == ENOENT
                             ? xasprintf("%s is a dangling symlink: its target %s does not exist",
                                         path, cur)
                             : xasprintf("cannot examine %s: %s", cur, strerror(e));
            }
            free(cur);
            errno = e;
            return -1;
        }
        if (S_ISREG(st.st_mode) && owner_refused(cur, &st, cause)) {
            free(cur);
            errno = EPERM;
            return -1;
        }
        if (S_ISREG(st.st_mode)) {
            *target = cur;
            return 0;
        }
        if (!S_ISLNK(st.st_mode)) {
            if (cause != NULL) {
                *cause = xasprintf("%s is %s, not a regular file; progress is not written there",
                                   cur, kind_name(st.st_mode));
            }
            free(cur);
            errno = EINVAL;
            return -1;
        }
        if (hops >= max_links) {
            if (cause != NULL) {
                *cause = xasprintf("%s: more than %d symlinks in a chain, or a symlink loop", path,
                                   max_links);
            }
            free(cur);
            errno = ELOOP;
            return -1;
        }
        if (link_refused(path, cur, &st, cause)) {
            free(cur);
            errno = EPERM;
            return -1;
        }
        char *next = follow(cur, cause);
        free(cur);
        if (next == NULL) {
            return -1;
        }
        cur = next;
    }
}

int progress_fs_mkdirs(const char *dir, char **cause)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            return 0;
        }
        errno = ENOTDIR;
        return fail(cause, "cannot create the directory", dir);
    }
    if (errno != ENOENT) {
        return fail(cause, "cannot examine the directory", dir);
    }
    char *parent = progress_fs_dirname(dir);
    int rc = strcmp(parent, dir) != 0 ? progress_fs_mkdirs(parent, cause) : 0;
    free(parent);
    if (rc != 0) {
        return -1;
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        return fail(cause, "cannot create the directory", dir);
    }
    /* mkdir honours the umask; the mode must be exactly 0700 whatever it is. */
    if (chmod(dir, 0700) != 0) {
        return fail(cause, "cannot set the mode of the directory", dir);
    }
    return 0;
}

int progress_fs_open_read(const char *path, struct stat *st)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        return -1;
    }
    if (fstat(fd, st) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        close(fd);
        errno = EINVAL;
        return -1;
    }
    return fd;
}

int progress_fs_read(const char *path, size_t max, char **buf, size_t *len, char **cause)
{
    struct stat st;
    return progress_fs_read_stat(path, max, buf, len, &st, cause);
}

int progress_fs_read_stat(const char *path, size_t max, char **buf, size_t *len, struct stat *st,
                          char **cause)
{
    int fd = progress_fs_open_read(path, st);
    if (fd < 0) {
        *buf = NULL;
        *len = 0;
        return errno == ENOENT ? 0 : fail(cause, "cannot read", path);
    }
    int rc = progress_fs_read_fd(fd, st, SIZE_MAX, max, buf, len);
    if (rc < 0) {
        fail(cause, "cannot read", path);
    }
    close(fd);
    return rc;
}

int progress_fs_read_fd(int fd, const struct stat *st, size_t head, size_t max, char **buf,
                        size_t *len)
{
    *buf = NULL;
    *len = 0;
    if ((uintmax_t)st->st_size > max && head > max) {
        return 2;
    }
    size_t want = (uintmax_t)st->st_size < head ? (size_t)st->st_size : head;
    size_t cap = want + 1, n = 0;
    char *data = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (head != SIZE_MAX && n >= head) {
                break; /* the head asked for, and a byte more: it did not shrink */
            }
            if (cap > max) {
                free(data);
                return 2; /* it grew past the limit while we read */
            }
            cap *= 2;
            data = xreallocarray(data, cap + 1, 1);
        }
        ssize_t r = read(fd, data + n, cap - n);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r < 0) {
            int e = errno;
            free(data);
            errno = e;
            return -1;
        }
        if (r == 0) {
            break;
        }
        n += (size_t)r;
    }
    if (n > max) {
        free(data);
        return 2;
    }
    n = n < head ? n : head;
    data[n] = '\0';
    *buf = data;
    *len = n;
    return 1;
}

static int fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    int rc = fsync(fd);
    int e = errno;
    if (close(fd) != 0 && rc == 0) {
        return -1;
    }
    errno = e;
    return rc;
}

/* Creates path exclusively with mode 0600; returns the fd or -1. */
static int create_exclusive(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        return -1;
    }
    if (fchmod(fd, 0600) != 0) {
        int e = errno;
        close(fd);
        unlink(path);
        errno = e;
        return -1;
    }
    return fd;
}

/* Copies the content of src_fd, from its start, to fd. */
static int copy_fd(int src_fd, int fd)
{
    char chunk[65536];
    if (lseek(src_fd, 0, SEEK_SET) < 0) {
        return -1;
    }
    for (;;) {
        ssize_t r = read(src_fd, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return (int)r;
        }
        if (fileio_write_all(fd, chunk, (size_t)r) != 0) {
            return -1;
        }
    }
}

/* A new "<path>.tmp-XXXXXX" created exclusively; returns the fd and sets *tmp. */
static int create_temp(const char *path, char **tmp, char **cause)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t x = ((uint64_t)getpid() << 32) ^ (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec;
    for (int i = 0; i < TEMP_ATTEMPTS; i++) {
        char suffix[7];
        for (int k = 0; k < 6; k++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            suffix[k] = alphabet[(x >> 33) % (sizeof alphabet - 1)];
        }
        suffix[6] = '\0';
        char *name = xasprintf("%s.tmp-%s", path, suffix);
        int fd = create_exclusive(name);
        if (fd >= 0) {
            *tmp = name;
            return fd;
        }
        if (errno != EEXIST) {
            fail(cause, "cannot create the temporary file", name);
            free(name);
            return -1;
        }
        free(name);
    }
    errno = EEXIST;
    fail(cause, "cannot find a free temporary name next to", path);
    return -1;
}

/* Fills, syncs and closes a new temporary copy; on failure closes fd and removes it. */
static int fill_copy(int fd, const char *tmp, const char *src, const char *buf, size_t len,
                     char **cause)
{
    int rc = 0;
    if (buf != NULL) {
        rc = fileio_write_all(fd, buf, len);
    } else {
        struct stat st;
        int src_fd = progress_fs_open_read(src, &st);
        rc = src_fd < 0 ? -1 : copy_fd(src_fd, fd);
        int e = errno;
        if (src_fd >= 0) {
            close(src_fd);
        }
        errno = e;
    }
    rc = rc == 0 ? fsync(fd) : rc;
    int e = errno;
    if (close(fd) != 0 && rc == 0) {
        e = errno;
        rc = -1;
    }
    if (rc != 0) {
        unlink(tmp);
        errno = e;
        return fail(cause, "cannot keep a copy of", src);
    }
    return 0;
}

/* Gives the finished temporary file tmp the name `name` unless that exists (errno EEXIST then):
 * a hard link never replaces, then the temporary name goes. A file system without hard links
 * gets a check and a rename, which only another trail saving the same second could race. */
static int name_copy(const char *tmp, const char *name)
{
    if (link(tmp, name) == 0) {
        unlink(tmp);
        return 0;
    }
    if (errno == EEXIST) {
        return -1;
    }
    struct stat st;
    if (lstat(name, &st) == 0) {
        errno = EEXIST;
        return -1;
    }
    return rename(tmp, name);
}

/* True when the open file fd holds exactly the len bytes at buf, or, when buf is NULL, exactly
 * what the open file src_fd holds. Read in chunks: a copy may be as large as the file. */
static bool same_bytes(int fd, const char *buf, size_t len, int src_fd)
{
    char a[65536], b[sizeof a];
    size_t off = 0;
    if (src_fd >= 0 && lseek(src_fd, 0, SEEK_SET) < 0) {
        return false;
    }
    for (;;) {
        ssize_t n = read(fd, a, sizeof a);
        if (n < 0) {
            return false;
        }
        size_t want = (size_t)n;
        if (buf != NULL) {
            if (want > len - off || memcmp(a, buf + off, want) != 0) {
                return false;
            }
        } else {
            ssize_t m = 0, r;
            while ((size_t)m < want && (r = read(src_fd, b + m, want - (size_t)m)) > 0) {
                m += r;
            }
            if ((size_t)m != want || memcmp(a, b, want) != 0) {
                return false;
            }
        }
        off += want;
        if (n == 0) {
            return buf != NULL ? off == len : read(src_fd, b, 1) == 0;
        }
    }
}

/* An existing "<path>.<tag>-*" copy that holds the same bytes (see progress_fs_copy_aside());
 * a new path, or NULL when there is none. */
static char *find_same_copy(const char *path, const char *tag, const char *buf, size_t len)
{
    char *dir = progress_fs_dirname(path);
    const char *slash = strrchr(path, '/');
    char *prefix = xasprintf("%s.%s-", slash != NULL ? slash + 1 : path, tag);
    size_t plen = strlen(prefix);
    char *found = NULL;
    struct stat src_st;
    int src_fd = buf == NULL ? progress_fs_open_read(path, &src_st) : -1;
    DIR *d = (buf != NULL || src_fd >= 0) ? opendir(dir) : NULL;
    struct dirent *de;
    while (d != NULL && found == NULL && (de = readdir(d)) != NULL) {
        if (strncmp(de->d_name, prefix, plen) != 0) {
            continue;
        }
        int fd = openat(dirfd(d), de->d_name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        struct stat st;
        if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
            (off_t)(buf != NULL ? (off_t)len : src_st.st_size) == st.st_size &&
            same_bytes(fd, buf, len, src_fd)) {
            found = xasprintf("%s/%s", dir, de->d_name);
        }
        if (fd >= 0) {
            close(fd);
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    if (src_fd >= 0) {
        close(src_fd);
    }
    free(prefix);
    free(dir);
    return found;
}

int progress_fs_copy_aside(const char *path, const char *tag, const char *buf, size_t len,
                           char **copy, char **cause)
{
    /* One copy per distinct content: what is already kept is not kept again. */
    if ((*copy = find_same_copy(path, tag, buf, len)) != NULL) {
        return 0;
    }
    /* Written like the file itself (DUR-11): a temporary name, fsync, then its real name, so
     * a copy killed half-way leaves a temporary file the next start removes, never a short
     * copy under a name that says it is complete. */
    char *tmp = NULL;
    int fd = create_temp(path, &tmp, cause);
    if (fd < 0) {
        return -1;
    }
    if (fill_copy(fd, tmp, path, buf, len, cause) != 0) {
        free(tmp);
        return -1;
    }
    char stamp[32];
    time_t now = (time_t)(progress_now_ms() / 1000);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    char *name = NULL;
    int rc = -1;
    for (int i = 0; i < COPY_ATTEMPTS && rc != 0; i++) {
        free(name);
        name = i == 0 ? xasprintf("%s.%s-%s", path, tag, stamp)
                      : xasprintf("%s.%s-%s-%d", path, tag, stamp, i + 1);
        rc = name_copy(tmp, name);
        if (rc != 0 && errno != EEXIST) {
            break;
        }
    }
    if (rc != 0) {
        fail(cause, "cannot keep a copy as", name);
        unlink(tmp);
        free(tmp);
        free(name);
        return -1;
    }
    free(tmp);
    char *dir = progress_fs_dirname(path);
    rc = fsync_dir(dir);
    if (rc != 0) {
        fail(cause, "cannot sync the directory", dir);
        unlink(name);
        free(name);
    } else {
        *copy = name;
    }
    free(dir);
    return rc;
}

/* Gives the new file fd the mode and group of the file it replaces (DUR-12): a learner who made
 * the file read-only or shared it with a group keeps that. The owner is ours: a file another
 * user owns is refused before (progress_fs_resolve()). The group is kept when we may set it.
 * Called before the fsync, so that the attributes are as durable as the content, and only what
 * differs is changed: a metadata write after the fsync would leave the inode dirty again. */
static int keep_attributes(int fd, const char *path, const struct stat *was)
{
    struct stat st, now;
    if (was != NULL) {
        st = *was;
    } else if (lstat(path, &st) != 0) {
        return 0; /* a new file: 0600 */
    }
    if (!S_ISREG(st.st_mode)) {
        return 0;
    }
    if (st.st_uid != geteuid()) {
        errno = EPERM;
        return -1;
    }
    if (fstat(fd, &now) != 0) {
        return -1;
    }
    if (now.st_gid != st.st_gid && fchown(fd, (uid_t)-1, st.st_gid) != 0 && errno != EPERM) {
        return -1;
    }
    if ((now.st_mode & 07777) == (st.st_mode & 07777)) {
        return 0;
    }
    return fchmod(fd, st.st_mode & 07777);
}

int progress_fs_replace(const char *path, const char *buf, size_t len, char **cause)
{
    return progress_fs_replace_sync(path, buf, len, true, cause);
}

int progress_fs_replace_sync(const char *path, const char *buf, size_t len, bool sync, char **cause)
{
    return progress_fs_replace_known(path, buf, len, sync, NULL, cause);
}

int progress_fs_replace_known(const char *path, const char *buf, size_t len, bool sync,
                              const struct stat *was, char **cause)
{
    char *tmp = NULL;
    int fd = create_temp(path, &tmp, cause);
    if (fd < 0) {
        return -1;
    }
    const char *step = NULL;
    if (fileio_write_all(fd, buf, len) != 0) {
        step = "cannot write";
    } else if (keep_attributes(fd, path, was) != 0) {
        step = "cannot keep the owner and mode of";
    } else if (sync && fsync(fd) != 0) {
        step = "cannot sync to disk";
    }
    int e = errno;
    if (close(fd) != 0 && step == NULL) {
        e = errno;
        step = "cannot close";
    }
    if (step == NULL && rename(tmp, path) != 0) {
        e = errno;
        step = "cannot rename the new file over";
    }
    if (step != NULL) {
        unlink(tmp);
        free(tmp);
        errno = e;
        return fail(cause, step, path);
    }
    free(tmp);
    if (!sync) {
        return 0;
    }
    char *dir = progress_fs_dirname(path);
    int rc = fsync_dir(dir);
    if (rc != 0) {
        fail(cause, "cannot sync to disk the directory", dir);
    }
    free(dir);
    return rc != 0 ? 1 : 0;
}

int progress_fs_overwrite(const char *path, const char *buf, size_t len, char **cause)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    if (fd < 0) {
        return fail(cause, "cannot open", path);
    }
    struct stat st;
    const char *step = NULL;
    if (fstat(fd, &st) != 0) {
        step = "cannot read the attributes of";
    } else if (!S_ISREG(st.st_mode) || st.st_uid != geteuid()) {
        errno = EPERM;
        step = "will not write";
    } else if (fileio_write_all(fd, buf, len) != 0) {
        step = "cannot write";
    } else if (ftruncate(fd, (off_t)len) != 0) {
        step = "cannot cut to its length";
    }
    int e = errno;
    if (close(fd) != 0 && step == NULL) {
        e = errno;
        step = "cannot close";
    }
    errno = e;
    return step != NULL ? fail(cause, step, path) : 0;
}

/* Opens the lock file name, creating it with mode 0600 (fchmod'ed: the umask cannot change it)
 * when it is not there. An existing one is opened as it is: changing its mode at every lock
 * would write its inode at every command. Returns the fd or -1. */
static int open_lock_file(const char *name)
{
    for (;;) {
        int fd = open(name, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
        if (fd >= 0 || errno != ENOENT) {
            return fd;
        }
        fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0) {
            if (fchmod(fd, 0600) != 0) {
                int e = errno;
                close(fd);
                errno = e;
                return -1;
            }
            return fd;
        }
        if (errno != EEXIST) {
            return -1;
        }
        /* Another process created it in between: open theirs. */
    }
}

/* Takes the flock on the lock file name: fd, or -1 with *cause (if cause is not NULL). */
static int lock_name(const char *name, bool create, int wait_ms, char **cause)
{
    int fd = create ? open_lock_file(name) : open(name, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        return fail(cause, "cannot open the lock file", name);
    }
    int waited = 0;
    while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) {
            continue;
        }
        if (errno != EWOULDBLOCK || waited >= wait_ms) {
            int e = errno;
            fail(cause, "cannot lock", name);
            close(fd);
            errno = e;
            return -1;
        }
        struct timespec pause = {0, 2 * 1000 * 1000};
        nanosleep(&pause, NULL);
        waited += 2;
    }
    return fd;
}

int progress_fs_lock(const char *path, int wait_ms, char **cause)
{
    char *name = xasprintf("%s.lock", path);
    int fd = lock_name(name, true, wait_ms, cause);
    free(name);
    return fd;
}

int progress_fs_lock_existing(const char *path, int wait_ms)
{
    char *name = xasprintf("%s.lock", path);
    int fd = lock_name(name, false, wait_ms, NULL);
    free(name);
    return fd;
}

void progress_fs_unlock(int fd)
{
    if (fd >= 0) {
        /* Closing the only descriptor releases the flock too; unlocking first keeps that true
         * even if close() were to fail without closing. */
        flock(fd, LOCK_UN);
        close(fd);
    }
}

/* Removes the "<path>.tmp-*" files, or only counts them when remove is false. */
static int scan_temps(const char *path, bool remove)
{
    char *dir = progress_fs_dirname(path);
    const char *slash = strrchr(path, '/');
    char *prefix = xasprintf("%s.tmp-", slash != NULL ? slash + 1 : path);
    size_t plen = strlen(prefix);
    int found = 0;
    DIR *d = opendir(dir);
    if (d != NULL) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (strncmp(de->d_name, prefix, plen) == 0 &&
                (!remove || unlinkat(dirfd(d), de->d_name, 0) == 0)) {
                found++;
            }
        }
        closedir(d);
    }
    free(prefix);
    free(dir);
    return found;
}

int progress_fs_remove_temps(const char *path)
{
    return scan_temps(path, true);
}

bool progress_fs_has_temps(const char *path)
{
    return scan_temps(path, false) > 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t progress_fs_list_copies(const char *path, const char *tag, char ***paths)
{
    *paths = NULL;
    char *dir = progress_fs_dirname(path);
    const char *slash = strrchr(path, '/');
    char *prefix = xasprintf("%s.%s-", slash != NULL ? slash + 1 : path, tag);
    size_t plen = strlen(prefix), n = 0;
    DIR *d = opendir(dir);
    struct dirent *de;
    while (d != NULL && (de = readdir(d)) != NULL) {
        if (strncmp(de->d_name, prefix, plen) == 0) {
            *paths = xreallocarray(*paths, n + 1, sizeof **paths);
            (*paths)[n++] = strcmp(dir, ".") == 0 && slash == NULL
                                ? xstrdup(de->d_name)
                                : xasprintf("%s/%s", dir, de->d_name);
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    if (n > 1) {
        qsort(*paths, n, sizeof **paths, compare_names);
    }
    free(prefix);
    free(dir);
    return n;
}
