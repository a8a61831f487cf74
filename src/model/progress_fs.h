/* SPDX-License-Identifier: MIT */
/* File-system steps of the progress store (internal to progress_store.c, undo_record.c and
 * their tests).
 *
 * Each function returns 0 on success or -1 with errno set and *cause (if cause is not NULL) set to
 * a new sentence naming the path and the strerror text (caller frees). Nothing here truncates
 * or writes an existing file in place but progress_fs_overwrite(), which is only for a file
 * that carries its own check: new files are created with O_CREAT|O_EXCL, mode 0600
 * (fchmod'ed, so the umask cannot loosen or tighten it), and fsynced with their directory. */
#ifndef TRAIL_PROGRESS_FS_H
#define TRAIL_PROGRESS_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* Follows a chain of symlinks from path (at most max_links links) to the file a save must
 * write. A path that does not exist is its own target; a link whose target does not exist, a
 * loop, a longer chain, and anything that is not a regular file (FIFO, directory, device) are
 * refused, and so (errno EPERM) are a symlink another user owns (root's are trusted), a
 * symlink in a world-writable sticky directory owned neither by us nor by that directory's
 * owner (the kernel's protected_symlinks rule), and a file another user owns (DUR-12). On
 * success *target is a new string (caller frees). */
int progress_fs_resolve(const char *path, int max_links, char **target, char **cause);

/* The directory part of path ("." when there is none); a new string (caller frees). */
char *progress_fs_dirname(const char *path);

/* Creates dir and its missing parents with mode 0700. An existing directory is fine. */
int progress_fs_mkdirs(const char *dir, char **cause);

/* Reads the regular file at path (never following a final symlink, never blocking on a FIFO).
 * Returns 1 with a new NUL-terminated buffer in *buf (caller frees) and its length in *len;
 * 0 when the file does not exist; 2 when it is larger than max bytes (*buf is NULL); -1 on
 * error. */
int progress_fs_read(const char *path, size_t max, char **buf, size_t *len, char **cause);

/* progress_fs_read() that also fills *st with the status of the file it opened (when it
 * returns 1 or 2): the file read, not one that replaced it a moment later. */
int progress_fs_read_stat(const char *path, size_t max, char **buf, size_t *len, struct stat *st,
                          char **cause);

/* The two steps of progress_fs_read(), for a reader that looks at the file's status before
 * it reads: opens the regular file at path (as progress_fs_read() does) and fills *st;
 * returns the descriptor, or -1 with errno set (ENOENT: no file). */
int progress_fs_open_read(const char *path, struct stat *st);
/* Reads fd (opened by progress_fs_open_read(), status st) from where it is, up to its first
 * `head` bytes (SIZE_MAX: all of it). Returns 1 with a new NUL-terminated buffer, 2 when the
 * part to read is larger than max bytes, -1 with errno set on error. */
int progress_fs_read_fd(int fd, const struct stat *st, size_t head, size_t max, char **buf,
                        size_t *len);

/* Keeps a copy of a file next to it as "<path>.<tag>-<YYYYmmddTHHMMSSZ>" (a "-N" suffix is
 * added if that exists): the len bytes at buf, or when buf is NULL the current content of path
 * itself. The copy is written like the file itself: a "<path>.tmp-XXXXXX" file exclusive-
 * created 0600, fsynced, then given its name (never replacing a file) and its directory
 * fsynced, so no name ever holds a partial copy. When a "<path>.<tag>-*" file already holds
 * exactly those bytes, no copy is made and that file is the copy: copies never pile up, one per
 * distinct content. On success *copy is the copy's path (a new string; caller frees). */
int progress_fs_copy_aside(const char *path, const char *tag, const char *buf, size_t len,
                           char **copy, char **cause);

/* Lists the copies progress_fs_copy_aside() made of path with tag: their count, and in *paths a
 * new array of new strings sorted by name, which is oldest first (caller frees each and the
 * array; NULL when there is none). */
size_t progress_fs_list_copies(const char *path, const char *tag, char ***paths);

/* Replaces path with len bytes of buf atomically and durably: "<path>.tmp-XXXXXX" created
 * exclusively 0600 in the same directory, every byte written, fsync, the mode and group of the
 * file it replaces (an existing file's permissions are the learner's), close, rename over
 * path, fsync of the directory. Returns 0, or -1 on failure: the temporary file is removed
 * and path is unchanged. Returns 1 (with *cause set) when only the final directory fsync failed:
 * the new content is in place then but may not survive a power loss. */
int progress_fs_replace(const char *path, const char *buf, size_t len, char **cause);

/* progress_fs_replace() without the two fsyncs when sync is false: still atomic (a reader
 * sees the old or the new content), but a power loss may leave the old content or, on some
 * file systems, an empty file. Only for files whose loss is harmless (the browser's resume
 * position, the undo record of a shell command). */
int progress_fs_replace_sync(const char *path, const char *buf, size_t len, bool sync,
                             char **cause);

/* progress_fs_replace_sync() when the caller knows the status of the file it replaces (was,
 * taken from the file it read under the lock it still holds): the new file is given its mode
 * and group without looking the path up again. */
int progress_fs_replace_known(const char *path, const char *buf, size_t len, bool sync,
                              const struct stat *was, char **cause);

/* Writes len bytes of buf over the regular file at path (created 0600 if missing; a symlink or
 * a file another user owns is refused), in place, then cuts it to len bytes; no fsync. The
 * cheapest write there is: no block is allocated or freed when the size stays within the
 * file's blocks, where a rename over the file frees the old one's. But a reader may see a mix
 * of old and new bytes, during the write or after a crash: only for a file whose readers take
 * the lock and verify a checksum the file carries (the undo record of a shell command). */
int progress_fs_overwrite(const char *path, const char *buf, size_t len, char **cause);

/* Takes an exclusive flock on "<path>.lock" (created 0600, close-on-exec). With wait_ms > 0
 * retries until the lock is free or wait_ms passed; with 0 tries once. Returns the lock's fd
 * (release with progress_fs_unlock()) or -1 (errno EWOULDBLOCK when another process holds
 * it). */
int progress_fs_lock(const char *path, int wait_ms, char **cause);

/* The same when "<path>.lock" is there already, without creating it: -1 (errno ENOENT) when it
 * is not, and, as there is nobody to tell, without a message. */
int progress_fs_lock_existing(const char *path, int wait_ms);
void progress_fs_unlock(int fd);

/* Removes "<path>.tmp-*" files. Call only while holding the lock: temporary files exist only
 * while a save holds it, so any found then was left by a killed save. Returns the number
 * removed. */
int progress_fs_remove_temps(const char *path);

/* True when "<path>.tmp-*" files exist (read without the lock: a hint that
 * progress_fs_remove_temps() has something to do, so that no lock file is made otherwise). */
bool progress_fs_has_temps(const char *path);

#endif
