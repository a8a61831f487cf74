/* SPDX-License-Identifier: MIT */
/* Facts derived from a file, kept in the user's cache directory ($XDG_CACHE_HOME/trail/, else
 * ~/.cache/trail/) and used only while the file is unchanged, so that a command run at every
 * shell prompt need not read a whole file to learn what it learnt last time.
 *
 * A fact is kept per file, named by the file's path, with everything that could
 * tell a changed file from the one it was derived from: its device, inode, size, and its
 * modification and change times to the nanosecond; and the trail binary that wrote it (a new
 * build may derive differently). A file changed within the clock tick its fact was written in
 * is not trusted (its times could not tell the two apart), nor is a fact whose length or hash
 * does not add up. Writing is best effort: a temporary file renamed into place; failing to
 * write changes nothing but speed. The directory may be deleted at any time. */
#ifndef TRAIL_FILE_CACHE_H
#define TRAIL_FILE_CACHE_H

#include <stddef.h>
#include <sys/stat.h>

/* What identifies a file's content without reading it. */
struct file_cache_key {
    unsigned long long dev, ino, size;
    long long mtime_ns, ctime_ns;
};

void file_cache_key_of(const struct stat *st, struct file_cache_key *k);

/* The payload kept under kind (a directory name: "guides", "journal-at") for the file at path
 * file, of key k, as a new buffer of *len bytes (caller frees); NULL when there is none
 * usable. */
char *file_cache_read(const char *kind, const char *file, const struct file_cache_key *k,
                      size_t *len);

/* Keeps len bytes at payload for the file at path file, of key k, in place of what was kept
 * for an earlier version of it. */
void file_cache_write(const char *kind, const char *file, const struct file_cache_key *k,
                      const void *payload, size_t len);

#endif
