/* SPDX-License-Identifier: MIT */
/* Internal to the progress model: the journal's operations on a guide entry, for the files
 * that build, read, write and merge the document (progress_journal.c implements them). The
 * journal calls nothing of the document's: the document, the reader and the writer call it. */
#ifndef TRAIL_PROGRESS_JOURNAL_INTERNAL_H
#define TRAIL_PROGRESS_JOURNAL_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "progress_internal.h"
#include "progress_journal.h"

/* --- The journal (progress_journal.c) ------------------------------------------------------ */

/* Records a change of the learner's as an event of pg at now_ms (item NULL for START; minutes
 * for LOG, ref for UNLOG). Returns the new event's id. */
uint64_t progress_journal_record(struct progress_guide *pg, enum progress_event_kind kind,
                                 const char *item, enum progress_state state, unsigned minutes,
                                 uint64_t ref, int64_t now_ms);

void progress_journal_free(struct progress_journal *j);

/* Drops the events at or before pg->reset; true if any was dropped. */
bool progress_journal_drop_void(struct progress_guide *pg);

/* The latest of t and the times of pg's events. */
int64_t progress_journal_latest(const struct progress_guide *pg, int64_t t);

/* Moves events at or before `reset` to just after it (a restore); returns how many moved. */
size_t progress_journal_lift(struct progress_guide *pg, int64_t reset);

/* Adds tg's events that og lacks (by id) and that og's reset does not void; true if any. */
bool progress_journal_merge(struct progress_guide *og, const struct progress_guide *tg);

/* Where the journal begins in a dotfile's text: the offset of its top-level "journal:" line
 * when it is the last key and written in the shape progress_journal_write() gives it (plain
 * lines), so that the text before it is the rest of the document and the lines after it can
 * be read without a YAML parser; len when there is no such journal. */
size_t progress_journal_split(const char *buf, size_t len);

/* For a reader that leaves the journal out: the offset of the last top-level "journal:" line
 * when every line after it is indented (so it is the last key and holds only the journal),
 * else len. Looks at line starts only, so it costs little however long the journal is. */
size_t progress_journal_skip(const char *buf, size_t len);

/* What a line of the journal's text that progress_journal_split() accepted (from s to e,
 * without its line break) is: a guide's key ("  ID:", *key and *key_len set to the id), an
 * event's line ("  - LINE", *key set to the line), or a blank line. The split looked at each
 * line's shape already: this only tells them apart. */
enum progress_journal_line { JOURNAL_LINE_OTHER, JOURNAL_LINE_KEY, JOURNAL_LINE_EVENT };
enum progress_journal_line progress_journal_line_kind(const char *s, const char *e,
                                                      const char **key, size_t *key_len);

/* Reads one journal line (len bytes at line, found at lno:col of file) into pg's journal. A
 * line that cannot be read is kept as written with a warning in d (an error when strict, and
 * then not kept). Returns false when it could not be read. */
bool progress_journal_read_line(struct progress_guide *pg, const char *line, size_t len,
                                const char *file, unsigned lno, unsigned col, bool strict,
                                struct diag *d);

/* Keeps the len bytes at line, the journal line just read into pg's journal as its last event,
 * as that event's text: the writer writes it back as it was instead of formatting the event
 * again. A line the split accepted reads as exactly itself, so it means the same event
 * whichever way a person wrote it (a date only, no id: its id is made from its text again).
 * Nothing is kept unless every event before has its line. */
void progress_journal_keep_line(struct progress_guide *pg, const char *line, size_t len);

/* Reads a guide's journal from a YAML list of lines (progress_journal_read_line() each).
 * Returns false when something was not understood. */
bool progress_journal_read_list(struct progress_guide *pg, const struct ydoc_node *v,
                                const char *file, bool strict, struct diag *d);

/* Takes back the log `id` of pg as a change at now_ms: see progress_unlog_time(). */
enum progress_change progress_journal_unlog(struct progress_guide *pg, uint64_t id, int64_t now_ms);

/* Writes the top-level "journal:" key and every guide's lines through write(out, bytes, n),
 * as text that continues the block mapping written before it; nothing when no guide has
 * events. Returns false when write() failed. */
bool progress_journal_write(struct progress *p, int (*write)(void *, unsigned char *, size_t),
                            void *out);

#endif
