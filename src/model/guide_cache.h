/* SPDX-License-Identifier: MIT */
/* Compiled copies of a guide's parts (private to the loaders, guide_load.c and guide_md.c, and
 * their tests).
 *
 * libyaml reads a guide's few kilobytes in about a million instructions, more than the rest of
 * a shell command such as `trail --status` in a prompt. So, as terminfo keeps terminal
 * descriptions compiled, the loader keeps what it read of guide.yaml and career-path.yaml in a
 * small binary file of the user's cache directory (file_cache.h), one per source file; and of
 * a Markdown plan, what its first screen shows (GUIDE_PART_INFO: its title and introduction),
 * so that reopening it needs neither md4c nor the plan's first kilobytes.
 *
 * Only a part that loaded without any error or warning is kept, so that every message a guide
 * deserves is printed by every command; a copy that does not read back whole and consistent
 * (ids unique, numbers in range, strings valid UTF-8) is ignored and the YAML parsed again. */
#ifndef TRAIL_GUIDE_CACHE_H
#define TRAIL_GUIDE_CACHE_H

#include <stdbool.h>

#include "guide.h"

struct guide_ids;

/* Fills part (GUIDE_PART_INFO or GUIDE_PART_PATH) of g from its compiled copy, registering the
 * ids it holds in g->ids with file (the part's path) as their file name. Returns true when it did;
 * false, with g unchanged, when there is no usable copy. */
bool guide_cache_read(struct guide *g, enum guide_part part, const char *file);

/* Writes the compiled copy of part, just loaded into g from its source, the file at path file.
 * Best effort. */
void guide_cache_write(const struct guide *g, enum guide_part part, const char *file);

#endif
