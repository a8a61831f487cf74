/* SPDX-License-Identifier: MIT */
/* trail merge-file BASE OURS THEIRS: the progress file's git merge driver.
 *
 * Both sides are merged with the rule every save uses (progress_merge(): entry by entry the
 * latest change wins, a newer reset voids older entries, tombstones keep removals, unknown keys
 * are kept), so the result never holds conflict markers. BASE is not needed: nothing is ever
 * deleted from a progress file without a dated tombstone, which the sides carry themselves.
 * The result replaces OURS atomically (temp file, fsync, rename), as git expects of a driver. */
#ifndef TRAIL_PROGRESS_MERGE_FILE_H
#define TRAIL_PROGRESS_MERGE_FILE_H

/* Merges the progress file theirs into ours and writes the result to ours. Returns 0 when both
 * were read whole and the result is written; 1 when a side could not be read whole (missing
 * parts, damage, no file at all) and the result holds what could be read (still written, still
 * without conflict markers), or when ours is from a newer trail or does not exist and is left
 * as it is; -1 when the
 * result could not be written (ours unchanged). *cause (if not NULL) gets a new sentence for 1
 * and -1 (caller frees). */
int progress_merge_files(const char *ours, const char *theirs, char **cause);

#endif
