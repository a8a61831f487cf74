/* SPDX-License-Identifier: MIT */
/* Markdown plans: a Markdown file read as a guide (see docs/content-format.md, "Markdown
 * plans"). The loader builds the same struct guide the YAML loader does, so every screen,
 * report and search works on a plan unchanged. The file is only ever read. */
#ifndef TRAIL_GUIDE_MD_H
#define TRAIL_GUIDE_MD_H

#include <stdbool.h>

#include "diag.h"
#include "guide.h"

/* The soname the parser is loaded from, on the first Markdown plan a run parses, and kept
 * for the rest of the run: a YAML guide never pays for it, a plan once. */
#define GUIDE_MD_LIBRARY "libmd4c.so.0"

/* md4c's parser flags a plan is read with: CommonMark with GitHub's task lists, tables,
 * strikethrough and bare links (md4c.h defines the flags). */
#define GUIDE_MD_PARSER_FLAGS                                                                      \
    (MD_FLAG_TASKLISTS | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS)

/* Sub-actions nest at most this deep; deeper list items are part of the text of the item at
 * this depth. */
#define GUIDE_MD_MAX_DEPTH 8

/* True when path names a Markdown plan: a regular file whose name ends in ".md" or
 * ".markdown" (any case). Then, with seen (may be NULL), what its stat said goes to *seen
 * (`plan` set), for guide_load_seen(). */
bool guide_md_is_plan(const char *path, struct guide_seen *seen);

/* A link's address made safe to hand to the terminal in an OSC 8 hyperlink: a new string, or
 * NULL when its scheme is not http, https or mailto (guide_md_link_allowed()), it holds a
 * control byte (C0, DEL) or it is longer than GUIDE_MD_LINK_MAX bytes. Spaces, the characters
 * RFC 3986 never allows unescaped ("<>\"\\^`{|}") and bytes past ASCII are percent-encoded. */
#define GUIDE_MD_LINK_MAX 2048
char *guide_md_link_target(const char *href);

/* The first screen needs only the title and introduction: without GUIDE_PART_PATH, only this
 * many bytes from the start of a plan are read, and the parse stops at its first section. */
#define GUIDE_MD_INFO_BYTES (64u * 1024u)
/* Of which the whole lines of the first GUIDE_MD_INFO_FIRST are parsed first, and the rest only
 * when no section starts in them. */
#define GUIDE_MD_INFO_FIRST (4u * 1024u)

/* Reads the Markdown plan at path into a new guide (caller frees with guide_free()), or
 * returns NULL after adding located errors to d. With GUIDE_PART_PATH in parts, its sections
 * and items are read too (for a check only with GUIDE_LOAD_CHECK: see guide.h); otherwise only
 * its title and introduction, and guide_md_load_parts() reads the rest. Warnings (a duplicate item
 * in a section, a link whose scheme is not http, https or mailto) are added either way. A plan has
 * no certifications or FAQ: those parts are loaded (empty) from the start.
 *
 * The title and introduction alone, with GUIDE_LOAD_CACHED and `info` the plan's identity as
 * found (guide_md_is_plan(); NULL: unknown), come from their compiled copy when the plan is
 * unchanged (guide_cache.h): then the plan is neither read nor parsed. A copy is written after
 * a load that gave no message. */
struct guide *guide_md_load(const char *path, const struct file_cache_key *info, unsigned parts,
                            struct diag *d);

/* guide_load_parts() for a plan: reads its sections when parts asks for GUIDE_PART_PATH and they
 * are not loaded yet. Returns 0, or -1 after adding errors to d (the part stays unloaded). */
int guide_md_load_parts(struct guide *g, unsigned parts, struct diag *d);

/* True when a link may be opened: its scheme is http, https or mailto (any case). */
bool guide_md_link_allowed(const char *href);

/* The normalised form of an item's text that its id ends with: lowercase ASCII letters and
 * digits, accents folded, every other run of characters one '-', at most max bytes (cut at a
 * '-' when one is near). Writes a NUL-terminated string into out (room for max + 1 bytes);
 * returns its length, 0 when the text has no letter or digit. */
size_t guide_md_slug(const char *text, char *out, size_t max);

#endif
