/* SPDX-License-Identifier: MIT */
/* Low-level file output shared by the progress store and the note editor. */
#ifndef TRAIL_FILEIO_H
#define TRAIL_FILEIO_H

#include <stddef.h>

/* Writes all len bytes at buf to fd, retrying after EINTR and short writes. Returns 0, or -1
 * with errno set (ENOSPC when write() made no progress without saying why). */
int fileio_write_all(int fd, const void *buf, size_t len);

#endif
