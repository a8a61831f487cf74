/* SPDX-License-Identifier: MIT */
/* durable_write: the reference for `trail done ID` (figure 7): the least a process must do to
 * replace a file durably, as DUR-1 requires of every save. Reads FILE, writes its bytes to a
 * temp file in the same directory with one write(), fsyncs it, renames it over FILE and fsyncs
 * the directory. No parsing, no lock, no merge.
 *
 * Usage: durable_write FILE */
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: durable_write FILE\n", stderr);
        return 2;
    }
    int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        perror(argv[1]);
        return 1;
    }
    size_t len = (size_t)st.st_size;
    char *buf = malloc(len + 1);
    ssize_t got = buf != NULL ? read(fd, buf, len) : -1;
    close(fd);
    char tmp[4096], dirbuf[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp-ref", argv[1]);
    snprintf(dirbuf, sizeof dirbuf, "%s", argv[1]);
    int out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (got != (ssize_t)len || out < 0 || write(out, buf, len) != (ssize_t)len || fsync(out) != 0 ||
        close(out) != 0 || rename(tmp, argv[1]) != 0) {
        perror(tmp);
        unlink(tmp);
        return 1;
    }
    int dir = open(dirname(dirbuf), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0 || fsync(dir) != 0) {
        perror("directory");
        return 1;
    }
    close(dir);
    free(buf);
    return 0;
}
