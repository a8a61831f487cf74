/* SPDX-License-Identifier: MIT */
/* Facts derived from a file, in the user's cache directory: see file_cache.h.
 *
 * A kept fact is a header of 64-bit words in the machine's own byte order (a cache never
 * leaves the machine) followed by the payload; the header names the layout, the source file
 * and the binary as they were when it was written, and the payload's length and hash. */
#include "file_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "idtable.h"
#include "progress_fs.h"
#include "xalloc.h"

#ifndef TRAIL_VERSION
#define TRAIL_VERSION "dev"
#endif

#define CACHE_MAX (16u << 20) /* every fact kept is far smaller */

/* The first bytes of every kept fact. */
static const char MAGIC[8] = {'t', 'r', 'a', 'i', 'l', 'f', 'c', '\n'};

/* The header's words, in order. */
enum {
    H_LAYOUT, /* CACHE_LAYOUT: a build with another layout reads nothing */
    H_DEV,
    H_INO,
    H_SIZE,
    H_MTIME,
    H_CTIME,
    H_EXE_INO, /* the binary that wrote it */
    H_EXE_SIZE,
    H_EXE_MTIME,
    H_VERSION, /* a hash of TRAIL_VERSION */
    H_LENGTH,  /* of the payload */
    H_HASH,    /* of the payload */
    H_WORDS
};
#define CACHE_LAYOUT (2u << 16 | (unsigned)sizeof(uint64_t) << 8 | (unsigned)sizeof(int))

static long long ns_of(struct timespec t)
{
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

void file_cache_key_of(const struct stat *st, struct file_cache_key *k)
{
    *k = (struct file_cache_key){
        .dev = (unsigned long long)st->st_dev,
        .ino = (unsigned long long)st->st_ino,
        .size = (unsigned long long)st->st_size,
        .mtime_ns = ns_of(st->st_mtim),
        .ctime_ns = ns_of(st->st_ctim),
    };
}

/* "$XDG_CACHE_HOME/trail/<kind>" or "~/.cache/trail/<kind>"; NULL without either. */
static char *cache_dir(const char *kind)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg != NULL && xdg[0] == '/') {
        return xasprintf("%s/trail/%s", xdg, kind);
    }
    const char *home = getenv("HOME");
    if (home == NULL || home[0] != '/') {
        return NULL;
    }
    return xasprintf("%s%s.cache/trail/%s", home, home[strlen(home) - 1] == '/' ? "" : "/", kind);
}

/* Named by the file's absolute path, so that a new version of the file (a new inode, as every
 * save makes) replaces what was kept of the old one. */
static char *cache_path(const char *dir, const char *file)
{
    if (dir == NULL) {
        return NULL;
    }
    uint64_t h = idtable_hash("");
    if (file[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) == NULL) {
            return NULL;
        }
        h = idtable_hash_bytes(h, cwd, strlen(cwd));
        h = idtable_hash_bytes(h, "/", 1);
    }
    h = idtable_hash_bytes(h, file, strlen(file));
    return xasprintf("%s/%016llx", dir, (unsigned long long)h);
}

/* The header a fact about k must have, but for its payload's length and hash. False when the
 * binary cannot be identified: then nothing is kept. */
/* The running binary, stat'ed once per process: every fact read or written names it. Once
 * through pthread_once, since the browser's loader thread reads facts too. */
static struct stat exe;
static bool exe_known;
static pthread_once_t exe_once = PTHREAD_ONCE_INIT;

static void stat_exe(void)
{
    exe_known = stat("/proc/self/exe", &exe) == 0;
}

static bool expected_header(const struct file_cache_key *k, uint64_t h[H_WORDS])
{
    pthread_once(&exe_once, stat_exe);
    if (!exe_known) {
        return false;
    }
    memset(h, 0, H_WORDS * sizeof h[0]);
    h[H_LAYOUT] = CACHE_LAYOUT;
    h[H_DEV] = k->dev;
    h[H_INO] = k->ino;
    h[H_SIZE] = k->size;
    h[H_MTIME] = (uint64_t)k->mtime_ns;
    h[H_CTIME] = (uint64_t)k->ctime_ns;
    h[H_EXE_INO] = (uint64_t)exe.st_ino;
    h[H_EXE_SIZE] = (uint64_t)exe.st_size;
    h[H_EXE_MTIME] = (uint64_t)ns_of(exe.st_mtim);
    h[H_VERSION] = idtable_hash(TRAIL_VERSION);
    return true;
}

static uint64_t payload_hash(const void *p, size_t n)
{
    return idtable_hash_words(idtable_hash(""), p, n);
}

void file_cache_write(const char *kind, const char *file, const struct file_cache_key *k,
                      const void *payload, size_t len)
{
    uint64_t h[H_WORDS];
    if (len > CACHE_MAX || !expected_header(k, h)) {
        return;
    }
    h[H_LENGTH] = len;
    h[H_HASH] = payload_hash(payload, len);
    size_t n = sizeof MAGIC + sizeof h + len;
    char *buf = xmalloc(n);
    memcpy(buf, MAGIC, sizeof MAGIC);
    memcpy(buf + 8, h, sizeof h);
    if (len > 0) {
        memcpy(buf + sizeof MAGIC + sizeof h, payload, len);
    }
    char *dir = cache_dir(kind);
    char *path = cache_path(dir, file);
    if (path != NULL && progress_fs_mkdirs(dir, NULL) == 0) {
        (void)progress_fs_replace_sync(path, buf, n, false, NULL);
    }
    free(dir);
    free(path);
    free(buf);
}

/* The kept bytes; NULL when missing, too large, or written within the clock tick of the
 * source's last change. */
static char *read_kept(const char *kind, const char *file, const struct file_cache_key *k,
                       size_t *len)
{
    char *dir = cache_dir(kind);
    char *path = cache_path(dir, file);
    int fd = path != NULL ? open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK) : -1;
    free(dir);
    free(path);
    if (fd < 0) {
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (unsigned long long)st.st_size <= CACHE_MAX &&
        /* racy: a file changed in the tick the fact was written could look unchanged */
        k->ctime_ns < ns_of(st.st_mtim) && k->mtime_ns < ns_of(st.st_mtim)) {
        buf = xmalloc((size_t)st.st_size);
        *len = 0;
        while (*len < (size_t)st.st_size) {
            ssize_t r = read(fd, buf + *len, (size_t)st.st_size - *len);
            if (r < 0 && errno == EINTR) {
                continue;
            }
            if (r <= 0) {
                free(buf);
                buf = NULL;
                break;
            }
            *len += (size_t)r;
        }
    }
    close(fd);
    return buf;
}

char *file_cache_read(const char *kind, const char *file, const struct file_cache_key *k,
                      size_t *len)
{
    uint64_t want[H_WORDS], have[H_WORDS];
    size_t n = 0;
    char *buf = read_kept(kind, file, k, &n);
    if (buf == NULL) {
        return NULL;
    }
    if (n < sizeof MAGIC + sizeof have || memcmp(buf, MAGIC, sizeof MAGIC) != 0 ||
        !expected_header(k, want)) {
        free(buf);
        return NULL;
    }
    memcpy(have, buf + 8, sizeof have);
    n -= sizeof MAGIC + sizeof have;
    want[H_LENGTH] = n;
    want[H_HASH] = payload_hash(buf + sizeof MAGIC + sizeof have, n);
    if (memcmp(have, want, sizeof have) != 0) {
        free(buf);
        return NULL;
    }
    memmove(buf, buf + sizeof MAGIC + sizeof have, n);
    *len = n;
    return buf;
}
