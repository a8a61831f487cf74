/* SPDX-License-Identifier: MIT */
/* The progress file's git merge driver: see progress_merge_file.h.
 *
 * A side is read like the store reads the dotfile (no symlink is followed at the end, a FIFO
 * never blocks, at most PROGRESS_STORE_MAX_SIZE bytes) and parsed with the same salvaging
 * parser, so a damaged side still gives every entry that could be read. A side from a newer
 * trail is never rewritten by this older one: the driver then reports a failure and git keeps
 * the conflict for a newer trail (or the learner) to resolve. */
#include "progress_merge_file.h"

#include <stdbool.h>
#include <stdlib.h>

#include "progress.h"
#include "progress_fs.h"
#include "progress_store.h"
#include "xalloc.h"

/* Reads and parses one side. Returns the document (never NULL; empty when the file is
 * missing or unreadable); *whole is false when something could not be read (git always hands
 * the driver three files, so a missing one is a mistake too), *newer true when the file is
 * from a newer version, *missing true when it does not exist. */
static struct progress *read_side(const char *path, bool *whole, bool *newer, bool *missing,
                                  char **cause)
{
    char *buf = NULL, *err = NULL;
    size_t len = 0;
    int r = progress_fs_read(path, PROGRESS_STORE_MAX_SIZE, &buf, &len, &err);
    *whole = r == 1;
    *newer = false;
    *missing = r == 0;
    if (r != 1) {
        free(*cause);
        *cause = r < 0    ? err
                 : r == 0 ? xasprintf("%s: no such file", path)
                          : xasprintf("%s: larger than the progress file may be", path);
        if (r >= 0) {
            free(err);
        }
        return progress_new();
    }
    free(err);
    enum progress_parse_status status;
    struct diag d = {0};
    struct progress *p = progress_parse(path, buf, len, &status, &d);
    if (status != PROGRESS_PARSE_OK) {
        *whole = false;
        *newer = status == PROGRESS_PARSE_NEWER;
        free(*cause);
        *cause =
            xasprintf("%s: %s", path,
                      *newer ? "written by a newer trail" : "damaged; merged what could be read");
    }
    diag_free(&d);
    free(buf);
    return p;
}

int progress_merge_files(const char *ours, const char *theirs, char **cause)
{
    char *reason = NULL;
    bool ours_whole, theirs_whole, ours_newer, theirs_newer, ours_missing, theirs_missing;
    struct progress *a = read_side(ours, &ours_whole, &ours_newer, &ours_missing, &reason);
    struct progress *b = read_side(theirs, &theirs_whole, &theirs_newer, &theirs_missing, &reason);
    int rc = ours_whole && theirs_whole ? 0 : 1;
    /* A newer side is left for a newer trail; a missing OURS is a wrong path, not a file to
     * create. */
    if (ours_newer || theirs_newer || ours_missing) {
        progress_free(a);
        progress_free(b);
        if (cause != NULL) {
            *cause = reason;
        } else {
            free(reason);
        }
        return 1;
    }
    progress_merge(a, b);
    size_t len = 0;
    char *text = progress_emit(a, &len);
    char *err = NULL;
    if (text == NULL || progress_fs_replace(ours, text, len, &err) < 0) {
        free(reason);
        reason = err != NULL ? err : xstrdup("the merged progress could not be written");
        err = NULL;
        rc = -1;
    }
    free(err);
    free(text);
    progress_free(a);
    progress_free(b);
    if (cause != NULL) {
        *cause = reason;
    } else {
        free(reason);
    }
    return rc;
}
