/* SPDX-License-Identifier: MIT */
/* Unit tests of the progress store on a real file system: creation modes, the symlink matrix,
 * damaged and newer files, stale temporary files, merging saves, reset and failed saves. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"
#include "progress_fs.h"
#include "progress_store.h"
#include "tmpdir.h"
#include "xalloc.h"

#define G "ml-engineer"

static char *dir;

static int setup(void **state)
{
    (void)state;
    dir = test_tmpdir_new("store-test");
    return dir != NULL ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return test_tmpdir_remove(dir);
}

static char *path_in(const char *name)
{
    return xasprintf("%s/%s", dir, name);
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static char *read_all(const char *path, size_t *len)
{
    char *buf = NULL, *err = NULL;
    assert_int_equal(progress_fs_read(path, 1u << 30, &buf, len, &err), 1);
    return buf;
}

/* Number of entries in dir whose name contains `part`. */
static int count_files(const char *part)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        n += strstr(de->d_name, part) != NULL;
    }
    closedir(d);
    return n;
}

/* Opens, sets one item, saves; returns the save's result. */
static int set_and_save(const char *path, const char *item, enum progress_state st)
{
    struct progress_store *s = progress_store_open(path);
    progress_set_state(progress_store_doc(s), G, item, st, progress_now_ms());
    assert_true(progress_store_dirty(s));
    int rc = progress_store_save(s);
    if (rc == 0) {
        assert_false(progress_store_dirty(s));
    }
    progress_store_close(s);
    return rc;
}

static void test_create_modes(void **state)
{
    (void)state;
    const mode_t masks[] = {000, 022, 077, 0777};
    for (size_t i = 0; i < sizeof masks / sizeof *masks; i++) {
        mode_t old = umask(masks[i]);
        char *sub = xasprintf("%s/m%zu/deeper", dir, i);
        char *path = xasprintf("%s/state.yaml", sub);
        assert_int_equal(set_and_save(path, "a/1", PROGRESS_DONE), 0);
        umask(old);
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0600);
        char *lock = xasprintf("%s.lock", path);
        assert_int_equal(stat(lock, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0600);
        assert_int_equal(stat(sub, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0700);
        char *parent = progress_fs_dirname(sub);
        assert_int_equal(stat(parent, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0700);
        free(parent);
        free(lock);
        free(path);
        free(sub);
    }
}

/* An existing lock file is opened as it is: locking never writes its inode (its mode is the
 * learner's business once it is there; it holds no data). */
static void test_lock_file_left_alone(void **state)
{
    (void)state;
    char *path = path_in("lockmode.yaml");
    assert_int_equal(set_and_save(path, "a/1", PROGRESS_DONE), 0);
    char *lock = xasprintf("%s.lock", path);
    assert_int_equal(chmod(lock, 0640), 0);
    assert_int_equal(set_and_save(path, "a/2", PROGRESS_DONE), 0);
    struct stat st;
    assert_int_equal(stat(lock, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    free(lock);
    free(path);
}

static void test_reload(void **state)
{
    (void)state;
    char *path = path_in("reload.yaml");
    struct progress_store *s = progress_store_open(path);
    assert_null(progress_store_notice(s));
    assert_null(progress_store_readonly(s));
    assert_null(progress_store_message(s));
    assert_false(progress_store_dirty(s));
    struct progress *p = progress_store_doc(s);
    progress_set_state(p, G, "a/1", PROGRESS_DONE, 1000);
    progress_set_state(p, G, "a/2", PROGRESS_SKIPPED, 2000);
    assert_int_equal(progress_store_save(s), 0);
    assert_non_null(strstr(progress_store_message(s), "Saved"));
    progress_store_close(s);
    s = progress_store_open(path);
    p = progress_store_doc(s);
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(p, G, "a/2"), PROGRESS_SKIPPED);
    assert_false(progress_store_dirty(s));
    progress_store_close(s);
    assert_int_equal(count_files("reload.yaml.tmp-"), 0);
    free(path);
}

/* A save that would wait for another process's lock returns at once instead (the browser
 * must not freeze): busy, nothing written, the change kept; once the lock is free it saves. */
static void test_save_try_busy(void **state)
{
    (void)state;
    char *path = path_in("busy.yaml");
    struct progress_store *s = progress_store_open(path);
    progress_set_state(progress_store_doc(s), G, "a/1", PROGRESS_DONE, 1000);
    int lock = progress_fs_lock(path, 0, NULL); /* another open file: flock conflicts */
    assert_true(lock >= 0);
    assert_int_equal(progress_store_save_try(s), PROGRESS_STORE_BUSY);
    assert_non_null(strstr(progress_store_message(s), "Waiting for another trail"));
    assert_true(progress_store_dirty(s));
    assert_int_equal(access(path, F_OK), -1); /* nothing written */
    progress_fs_unlock(lock);
    assert_int_equal(progress_store_save_try(s), 0);
    assert_false(progress_store_dirty(s));
    progress_store_close(s);
    s = progress_store_open(path);
    assert_int_equal(progress_get_state(progress_store_doc(s), G, "a/1"), PROGRESS_DONE);
    progress_store_close(s);
    free(path);
}

static void test_two_stores_merge(void **state)
{
    (void)state;
    char *path = path_in("merge.yaml");
    struct progress_store *a = progress_store_open(path);
    struct progress_store *b = progress_store_open(path);
    progress_set_state(progress_store_doc(a), G, "a/1", PROGRESS_DONE, 1000);
    assert_int_equal(progress_store_save(a), 0);
    progress_set_state(progress_store_doc(b), G, "b/1", PROGRESS_DONE, 1000);
    assert_int_equal(progress_store_save(b), 0); /* merges a's change */
    assert_int_equal(progress_get_state(progress_store_doc(b), G, "a/1"), PROGRESS_DONE);
    /* The same item in both: the later change wins whoever saves last. */
    progress_set_state(progress_store_doc(b), G, "c/1", PROGRESS_SKIPPED, 5000);
    progress_set_state(progress_store_doc(a), G, "c/1", PROGRESS_IN_PROGRESS, 4000);
    assert_int_equal(progress_store_save(b), 0);
    assert_int_equal(progress_store_save(a), 0);
    progress_store_close(a);
    progress_store_close(b);
    struct progress_store *c = progress_store_open(path);
    struct progress *p = progress_store_doc(c);
    assert_int_equal(progress_get_state(p, G, "a/1"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(p, G, "b/1"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(p, G, "c/1"), PROGRESS_SKIPPED);
    progress_store_close(c);
    free(path);
}

/* A save skips re-reading only a file that holds exactly what it wrote last: another writer's
 * change of the same length is still merged. */
static void test_same_length_change_merged(void **state)
{
    (void)state;
    char *path = path_in("same-length.yaml");
    struct progress_store *a = progress_store_open(path);
    progress_set_state(progress_store_doc(a), G, "a/1", PROGRESS_DONE, 1000);
    assert_int_equal(progress_store_save(a), 0);
    char text[4096];
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    const char *state_at = strstr(text, "state: done");
    const char *time_at = strstr(text, "1970-01-01T00:00:01.000Z");
    assert_true(state_at != NULL && time_at != NULL);
    size_t state_off = (size_t)(state_at - text), time_off = (size_t)(time_at - text);
    memcpy(text + state_off, "state: todo", 11);
    memcpy(text + time_off, "1970-01-01T00:00:09.000Z", 24); /* a later change elsewhere */
    char *tmp = path_in("same-length.yaml.new");
    write_file(tmp, text, len);
    assert_int_equal(rename(tmp, path), 0);
    progress_set_state(progress_store_doc(a), G, "b/1", PROGRESS_DONE, 2000);
    assert_int_equal(progress_store_save(a), 0);
    assert_int_equal(progress_get_state(progress_store_doc(a), G, "a/1"), PROGRESS_TODO);
    /* A second save with nothing new from outside keeps both. */
    progress_set_state(progress_store_doc(a), G, "c/1", PROGRESS_SKIPPED, 3000);
    assert_int_equal(progress_store_save(a), 0);
    progress_store_close(a);
    struct progress_store *c = progress_store_open(path);
    assert_int_equal(progress_get_state(progress_store_doc(c), G, "a/1"), PROGRESS_TODO);
    assert_int_equal(progress_get_state(progress_store_doc(c), G, "b/1"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(progress_store_doc(c), G, "c/1"), PROGRESS_SKIPPED);
    progress_store_close(c);
    /* The same between opening and the first save: what opening read is skipped only while
     * the file still holds exactly those bytes. */
    a = progress_store_open(path);
    f = fopen(path, "rb");
    assert_non_null(f);
    len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    state_at = strstr(text, "state: todo");
    time_at = strstr(text, "1970-01-01T00:00:09.000Z");
    assert_true(state_at != NULL && time_at != NULL);
    memcpy(text + (state_at - text), "state: done", 11);
    memcpy(text + (time_at - text), "1970-01-01T00:00:10.000Z", 24);
    write_file(tmp, text, len);
    assert_int_equal(rename(tmp, path), 0);
    progress_set_state(progress_store_doc(a), G, "d/1", PROGRESS_DONE, 4000);
    assert_int_equal(progress_store_save(a), 0);
    assert_int_equal(progress_get_state(progress_store_doc(a), G, "a/1"), PROGRESS_DONE);
    progress_store_close(a);
    c = progress_store_open(path);
    assert_int_equal(progress_get_state(progress_store_doc(c), G, "a/1"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(progress_store_doc(c), G, "d/1"), PROGRESS_DONE);
    progress_store_close(c);
    free(tmp);
    free(path);
}

struct on_save_seen {
    const char *path;
    int calls;
    bool locked;     /* the file's lock was held during the call */
    bool has_change; /* the file held the change then */
};

static void on_save_check(void *arg)
{
    struct on_save_seen *seen = arg;
    seen->calls++;
    int fd = progress_fs_lock(seen->path, 0, NULL); /* another open file: flock conflicts */
    seen->locked = fd < 0;
    if (fd >= 0) {
        progress_fs_unlock(fd);
    }
    struct progress_store *r = progress_store_open_read(seen->path);
    seen->has_change = progress_get_state(progress_store_doc(r), G, "a/1") == PROGRESS_DONE;
    progress_store_close(r);
}

/* progress_store_on_save(): called once, by the next save that succeeds, while it still holds
 * the lock and after the file holds the change; never by a failed save. */
static void test_on_save_under_lock(void **state)
{
    (void)state;
    char *blocker = path_in("on-save-blocker");
    write_file(blocker, "x", 1);
    char *path = xasprintf("%s/state.yaml", blocker);
    struct on_save_seen seen = {.path = path};
    struct progress_store *s = progress_store_open(path);
    progress_set_state(progress_store_doc(s), G, "a/1", PROGRESS_DONE, 1000);
    progress_store_on_save(s, on_save_check, &seen);
    assert_int_equal(progress_store_save(s), -1);
    assert_int_equal(seen.calls, 0);
    assert_int_equal(unlink(blocker), 0);
    assert_int_equal(progress_store_save(s), 0);
    assert_int_equal(seen.calls, 1);
    assert_true(seen.locked);
    assert_true(seen.has_change);
    progress_set_state(progress_store_doc(s), G, "a/2", PROGRESS_DONE, 2000);
    assert_int_equal(progress_store_save(s), 0);
    assert_int_equal(seen.calls, 1);
    progress_store_close(s);
    free(path);
    free(blocker);
}

static void test_symlinks_followed(void **state)
{
    (void)state;
    char *real = path_in("real.yaml");
    assert_int_equal(set_and_save(real, "a/1", PROGRESS_DONE), 0);
    /* A chain of 5 links (the limit), relative and absolute. */
    char *prev = xstrdup("real.yaml");
    char *link = NULL;
    for (int i = 1; i <= 5; i++) {
        free(link);
        link = xasprintf("%s/link%d", dir, i);
        assert_int_equal(symlink(prev, link), 0);
        free(prev);
        prev = i % 2 ? xstrdup(link) : xasprintf("link%d", i);
    }
    free(prev);
    assert_int_equal(set_and_save(link, "a/2", PROGRESS_DONE), 0);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode)); /* still a symlink */
    char *l1 = path_in("link1");
    assert_int_equal(lstat(l1, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    struct progress_store *s = progress_store_open(real);
    assert_int_equal(progress_get_state(progress_store_doc(s), G, "a/2"), PROGRESS_DONE);
    assert_string_equal(progress_store_target(s), real);
    progress_store_close(s);
    /* A sixth link is one too many. */
    char *link6 = path_in("link6");
    assert_int_equal(symlink(link, link6), 0);
    s = progress_store_open(link6);
    assert_non_null(progress_store_readonly(s));
    assert_non_null(strstr(progress_store_readonly(s), "symlink"));
    assert_int_equal(progress_store_save(s), -1);
    progress_store_close(s);
    free(link6);
    free(l1);
    free(link);
    free(real);
}

/* Opening path is refused with a message holding `word`; nothing is written. */
static void expect_refused(const char *path, const char *word)
{
    struct progress_store *s = progress_store_open(path);
    const char *why = progress_store_readonly(s);
    assert_non_null(why);
    assert_non_null(strstr(why, word));
    progress_set_state(progress_store_doc(s), G, "a/1", PROGRESS_DONE, 1);
    assert_int_equal(progress_store_save(s), -1);
    assert_non_null(strstr(progress_store_message(s), word));
    progress_store_close(s);
}

static void test_symlinks_refused(void **state)
{
    (void)state;
    char *dangling = path_in("dangling");
    assert_int_equal(symlink("does-not-exist.yaml", dangling), 0);
    expect_refused(dangling, "dangling");
    struct stat st;
    assert_int_equal(lstat(dangling, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    char *loop1 = path_in("loop1"), *loop2 = path_in("loop2");
    assert_int_equal(symlink("loop2", loop1), 0);
    assert_int_equal(symlink("loop1", loop2), 0);
    expect_refused(loop1, "loop");
    char *fifo = path_in("fifo"), *to_fifo = path_in("to-fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(symlink(fifo, to_fifo), 0);
    expect_refused(to_fifo, "FIFO"); /* and does not hang */
    expect_refused(fifo, "FIFO");
    char *to_dir = path_in("to-dir");
    assert_int_equal(symlink(dir, to_dir), 0);
    expect_refused(to_dir, "directory");
    char *to_null = path_in("to-null");
    assert_int_equal(symlink("/dev/null", to_null), 0);
    expect_refused(to_null, "device");
    expect_refused("/dev/null", "device");
    free(dangling);
    free(loop1);
    free(loop2);
    free(fifo);
    free(to_fifo);
    free(to_dir);
    free(to_null);
}

static void test_damaged_file_kept(void **state)
{
    (void)state;
    char *path = path_in("damaged.yaml");
    const char text[] = "version: 1\n"
                        "guides:\n"
                        "  ml-engineer:\n"
                        "    items:\n"
                        "      a/1:\n"
                        "        state: done\n"
                        "        changed: 2026-11-26T06:30:12.345Z\n"
                        "      a/2:\n"
                        "        state: do\0\0\0\0\0\0";
    write_file(path, text, sizeof text - 1);
    struct progress_store *s = progress_store_open(path);
    assert_null(progress_store_readonly(s));
    const char *notice = progress_store_notice(s);
    assert_non_null(notice);
    assert_non_null(strstr(notice, "damaged"));
    assert_non_null(strstr(notice, ".corrupt-"));
    assert_int_equal(count_files("damaged.yaml.corrupt-"), 1);
    /* The copy holds the original bytes exactly. */
    const char *copy_name = strstr(notice, dir);
    copy_name = strstr(copy_name + 1, dir);
    assert_non_null(copy_name);
    char *copy = xstrndup(copy_name, strcspn(copy_name, " "));
    size_t len = 0;
    char *bytes = read_all(copy, &len);
    assert_int_equal(len, sizeof text - 1);
    assert_memory_equal(bytes, text, len);
    struct stat st;
    assert_int_equal(stat(copy, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    /* What could be read was recovered, and the next save writes a sound file. */
    assert_int_equal(progress_get_state(progress_store_doc(s), G, "a/1"), PROGRESS_DONE);
    progress_set_state(progress_store_doc(s), G, "a/3", PROGRESS_DONE, progress_now_ms());
    assert_int_equal(progress_store_save(s), 0);
    progress_store_close(s);
    s = progress_store_open(path);
    assert_null(progress_store_notice(s));
    assert_int_equal(progress_get_state(progress_store_doc(s), G, "a/1"), PROGRESS_DONE);
    assert_int_equal(progress_get_state(progress_store_doc(s), G, "a/3"), PROGRESS_DONE);
    progress_store_close(s);
    assert_int_equal(count_files("damaged.yaml.corrupt-"), 1);
    free(bytes);
    free(copy);
    free(path);
}

static void test_empty_file_not_damage(void **state)
{
    (void)state;
    char *path = path_in("empty.yaml");
    write_file(path, "", 0);
    struct progress_store *s = progress_store_open(path);
    assert_null(progress_store_notice(s));
    assert_null(progress_store_readonly(s));
    progress_store_close(s);
    assert_int_equal(count_files("empty.yaml.corrupt"), 0);
    free(path);
}

static void test_newer_never_written(void **state)
{
    (void)state;
    char *path = path_in("newer.yaml");
    const char text[] = "version: 7\nguides: {}\nfuture: [1, 2]\n";
    write_file(path, text, sizeof text - 1);
    struct progress_store *s = progress_store_open(path);
    assert_non_null(progress_store_readonly(s));
    assert_non_null(strstr(progress_store_readonly(s), "newer"));
    progress_set_state(progress_store_doc(s), G, "a/1", PROGRESS_DONE, 1);
    assert_int_equal(progress_store_save(s), -1);
    assert_int_equal(progress_store_reset(s, G, NULL), -1);
    progress_store_close(s);
    size_t len = 0;
    char *bytes = read_all(path, &len);
    assert_int_equal(len, sizeof text - 1);
    assert_memory_equal(bytes, text, len);
    assert_int_equal(count_files("newer.yaml.corrupt"), 0);
    free(bytes);
    free(path);
}

static void test_newer_appears_before_save(void **state)
{
    (void)state;
    /* Another (newer) trail replaces the file while this one runs: the save refuses. */
    char *path = path_in("later-newer.yaml");
    struct progress_store *s = progress_store_open(path);
    const char text[] = "version: 2\n";
    write_file(path, text, sizeof text - 1);
    progress_set_state(progress_store_doc(s), G, "a/1", PROGRESS_DONE, 1);
    assert_int_equal(progress_store_save(s), -1);
    assert_non_null(progress_store_readonly(s));
    progress_store_close(s);
    size_t len = 0;
    char *bytes = read_all(path, &len);
    assert_memory_equal(bytes, text, len);
    free(bytes);
    free(path);
}

static void test_huge_file(void **state)
{
    (void)state;
    char *path = path_in("huge.yaml");
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "version: 1\n", 11), 11);
    assert_int_equal(ftruncate(fd, PROGRESS_STORE_MAX_SIZE + 1), 0);
    close(fd);
    struct progress_store *s = progress_store_open(path);
    assert_null(progress_store_readonly(s));
    assert_non_null(strstr(progress_store_notice(s), "larger than"));
    assert_int_equal(count_files("huge.yaml.corrupt-"), 1);
    progress_store_close(s);
    free(path);
}

static void test_stale_temps(void **state)
{
    (void)state;
    char *path = path_in("stale.yaml");
    assert_int_equal(set_and_save(path, "a/1", PROGRESS_DONE), 0);
    char *tmp = path_in("stale.yaml.tmp-abc123");
    write_file(tmp, "partial", 7);
    char *other = path_in("other.yaml.tmp-abc123");
    write_file(other, "not ours", 8);
    /* While another process saves (holds the lock), its temp file is left alone. */
    int lock = progress_fs_lock(path, 0, NULL);
    assert_true(lock >= 0);
    struct progress_store *s = progress_store_open(path);
    progress_store_close(s);
    assert_int_equal(access(tmp, F_OK), 0);
    progress_fs_unlock(lock);
    s = progress_store_open(path);
    progress_store_close(s);
    assert_int_equal(access(tmp, F_OK), -1);
    assert_int_equal(access(other, F_OK), 0);
    free(tmp);
    free(other);
    free(path);
}

static void test_reset_backup(void **state)
{
    (void)state;
    char *path = path_in("reset.yaml");
    assert_int_equal(set_and_save(path, "a/1", PROGRESS_DONE), 0);
    size_t old_len = 0;
    char *old = read_all(path, &old_len);
    struct progress_store *s = progress_store_open(path);
    const char *backup = NULL;
    assert_int_equal(progress_store_reset(s, G, &backup), 0);
    assert_non_null(backup);
    assert_non_null(strstr(backup, "reset.yaml.bak-"));
    size_t len = 0;
    char *bytes = read_all(backup, &len);
    assert_int_equal(len, old_len);
    assert_memory_equal(bytes, old, len);
    /* A second instance that still has a/1 does not bring it back. */
    struct progress_store *t = progress_store_open(path);
    progress_store_close(t);
    assert_int_equal(progress_get_state(progress_store_doc(s), G, "a/1"), PROGRESS_TODO);
    progress_store_close(s);
    s = progress_store_open(path);
    const struct progress_guide *pg = progress_find_guide(progress_store_doc(s), G);
    assert_non_null(pg);
    assert_true(progress_guide_reset(pg) > 0);
    assert_int_equal(progress_guide_count_items(pg), 0);
    progress_store_close(s);
    free(bytes);
    free(old);
    free(path);
}

static void test_reset_beats_stale_instance(void **state)
{
    (void)state;
    char *path = path_in("tomb.yaml");
    assert_int_equal(set_and_save(path, "a/1", PROGRESS_DONE), 0);
    struct progress_store *stale = progress_store_open(path); /* has a/1 done in memory */
    struct progress_store *r = progress_store_open(path);
    assert_int_equal(progress_store_reset(r, G, NULL), 0);
    progress_store_close(r);
    progress_set_state(progress_store_doc(stale), G, "b/1", PROGRESS_DONE, progress_now_ms() + 5);
    assert_int_equal(progress_store_save(stale), 0);
    assert_int_equal(progress_get_state(progress_store_doc(stale), G, "a/1"), PROGRESS_TODO);
    assert_int_equal(progress_get_state(progress_store_doc(stale), G, "b/1"), PROGRESS_DONE);
    progress_store_close(stale);
    free(path);
}

static void test_failed_save_keeps_changes(void **state)
{
    (void)state;
    /* The state directory's place is taken by a regular file: saving cannot work. */
    char *blocker = path_in("blocker");
    write_file(blocker, "x", 1);
    char *path = xasprintf("%s/state.yaml", blocker);
    struct progress_store *s = progress_store_open(path);
    progress_set_state(progress_store_doc(s), G, "a/1", PROGRESS_DONE, 1000);
    assert_int_equal(progress_store_save(s), -1);
    const char *msg = progress_store_message(s);
    assert_non_null(strstr(msg, blocker));
    assert_non_null(strstr(msg, "Not a directory"));
    assert_non_null(strstr(msg, "kept in memory"));
    assert_true(progress_store_dirty(s));
    assert_int_equal(progress_get_state(progress_store_doc(s), G, "a/1"), PROGRESS_DONE);
    char *alt = progress_store_suggest_path(s);
    assert_null(strstr(alt, "/tmp/")); /* never a shared directory */
    free(alt);
    /* Once the obstacle is gone, the next save writes the change kept in memory. */
    assert_int_equal(unlink(blocker), 0);
    assert_int_equal(progress_store_save(s), 0);
    assert_false(progress_store_dirty(s));
    progress_store_close(s);
    s = progress_store_open(path);
    assert_int_equal(progress_get_state(progress_store_doc(s), G, "a/1"), PROGRESS_DONE);
    progress_store_close(s);
    free(path);
    free(blocker);
}

static void test_default_path(void **state)
{
    (void)state;
    setenv("TRAIL_STATE", "/x/state.yaml", 1);
    char *p = progress_default_path();
    assert_string_equal(p, "/x/state.yaml");
    free(p);
    setenv("TRAIL_STATE", "", 1);
    setenv("HOME", "/home/learner", 1);
    p = progress_default_path();
    assert_string_equal(p, "/home/learner/.trail_progress.yaml");
    free(p);
    unsetenv("TRAIL_STATE");
    setenv("HOME", "/", 1);
    p = progress_default_path();
    assert_string_equal(p, "/.trail_progress.yaml");
    free(p);
    /* The place suggested when the file cannot be saved is the learner's own, never a shared
     * directory where another user could plant a symlink. */
    setenv("TMPDIR", "/var/tmp", 1);
    setenv("HOME", "/home/learner", 1);
    unsetenv("XDG_STATE_HOME");
    p = progress_store_suggest_path(NULL);
    assert_string_equal(p, "/home/learner/.local/state/trail/progress.yaml");
    free(p);
    setenv("XDG_STATE_HOME", "/home/learner/state", 1);
    p = progress_store_suggest_path(NULL);
    assert_string_equal(p, "/home/learner/state/trail/progress.yaml");
    free(p);
    unsetenv("XDG_STATE_HOME");
}

/* A store opened for reading creates nothing: no lock, no copy of a damaged file; it refuses
 * to save. */
static void test_open_read_creates_nothing(void **state)
{
    (void)state;
    char *path = path_in("read.yaml");
    struct progress_store *s = progress_store_open_read(path);
    assert_null(progress_store_notice(s));
    assert_int_equal(progress_store_save(s), -1);
    progress_store_close(s);
    assert_int_equal(count_files("read.yaml"), 0);

    static const char bad[] = "version: 1\nguides: [[[\n";
    write_file(path, bad, sizeof bad - 1);
    for (int i = 0; i < 3; i++) {
        s = progress_store_open_read(path);
        assert_non_null(strstr(progress_store_notice(s), "left as it is"));
        progress_store_close(s);
    }
    assert_int_equal(count_files("read.yaml"), 1); /* the file itself only */
    size_t len;
    char *back = read_all(path, &len);
    assert_memory_equal(back, bad, sizeof bad - 1);
    free(back);
    free(path);
}

/* Copies never pile up: stores opening the same damaged file keep one copy of it; a file
 * damaged differently gets its own. */
static void test_one_copy_per_content(void **state)
{
    (void)state;
    char *path = path_in("twice.yaml");
    static const char bad[] = "version: 1\nguides: [[[\n";
    write_file(path, bad, sizeof bad - 1);
    for (int i = 0; i < 3; i++) {
        struct progress_store *s = progress_store_open(path);
        assert_non_null(strstr(progress_store_notice(s), ".corrupt-"));
        progress_store_close(s);
    }
    assert_int_equal(count_files("twice.yaml.corrupt-"), 1);
    static const char worse[] = "version: 1\nguides: {{{\n";
    write_file(path, worse, sizeof worse - 1);
    progress_store_close(progress_store_open(path));
    assert_int_equal(count_files("twice.yaml.corrupt-"), 2);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_modes),
        cmocka_unit_test(test_reload),
        cmocka_unit_test(test_same_length_change_merged),
        cmocka_unit_test(test_two_stores_merge),
        cmocka_unit_test(test_save_try_busy),
        cmocka_unit_test(test_symlinks_followed),
        cmocka_unit_test(test_symlinks_refused),
        cmocka_unit_test(test_damaged_file_kept),
        cmocka_unit_test(test_empty_file_not_damage),
        cmocka_unit_test(test_newer_never_written),
        cmocka_unit_test(test_newer_appears_before_save),
        cmocka_unit_test(test_huge_file),
        cmocka_unit_test(test_stale_temps),
        cmocka_unit_test(test_lock_file_left_alone),
        cmocka_unit_test(test_reset_backup),
        cmocka_unit_test(test_reset_beats_stale_instance),
        cmocka_unit_test(test_failed_save_keeps_changes),
        cmocka_unit_test(test_on_save_under_lock),
        cmocka_unit_test(test_default_path),
        cmocka_unit_test(test_open_read_creates_nothing),
        cmocka_unit_test(test_one_copy_per_content),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
