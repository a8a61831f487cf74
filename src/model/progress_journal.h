/* SPDX-License-Identifier: MIT */
/* The journal: every change a learner makes (a state, a note, a certification entry, the start
 * date, the hours per week, an own action, a piece of evidence) and every stretch of time logged
 * against a key action, as dated events with an id.
 *
 * The journal is what the streak, the week's logged time and the forecast read. It is kept
 * with the progress, per guide, and merged as a set: two copies of the file, an import or a
 * git merge take the union of their events by id, so the same event never counts twice and
 * none is lost. Events are never edited; a time log is taken back by a later "unlog" event
 * naming it (so that a merge with an older copy cannot bring it back). A guide's reset voids
 * its events like its other entries.
 *
 * In the dotfile the journal is the last top-level key, one line of text per event:
 *     journal:
 *       ml-engineer:
 *       - 2026-12-06T09:15:00.000Z 5c0f3a9e1b2d4c6f log 45m foundation/core-math
 *       - 2026-12-06T09:20:00.000Z 0e8b7d6c5a4f3e2d done foundation/core-math
 * A line is "TIME [ID] WHAT [DURATION] [ITEM]": TIME an ISO 8601 UTC time or a date, ID 16
 * hex digits (a line without one gets an id made from its text), WHAT one of the state names,
 * note, cert, start, hours (with the hours a week set), mine (a learner's own action changed),
 * evidence (a piece attached, changed or removed, its credential id included), log (with a
 * duration) or unlog (ITEM is then the id of the log). */
#ifndef TRAIL_PROGRESS_JOURNAL_H
#define TRAIL_PROGRESS_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "progress.h"

#define PROGRESS_LOG_MAX_MINUTES (24 * 60) /* one time log: at most a day */
#define PROGRESS_EVENT_ID_SIZE   17        /* 16 hex digits and the NUL */
#define PROGRESS_EVENT_LINE_MAX  (PROGRESS_TIME_SIZE + 64 + 4 * GUIDE_MAX_ID)

enum progress_event_kind {
    PROGRESS_EVENT_STATE = 0, /* state: the state set */
    PROGRESS_EVENT_NOTE,
    PROGRESS_EVENT_CERT,
    PROGRESS_EVENT_START,
    PROGRESS_EVENT_LOG,      /* minutes: the time logged */
    PROGRESS_EVENT_UNLOG,    /* ref: the id of the log taken back */
    PROGRESS_EVENT_MINE,     /* a learner's own action added, reworded, moved or removed */
    PROGRESS_EVENT_HOURS,    /* the hours per week set (minutes: the hours; 0: cleared) */
    PROGRESS_EVENT_EVIDENCE, /* a piece of evidence of item attached, changed or removed */
};

/* One event. item is the key action, phase or certification id (NULL for START and UNLOG);
 * borrowed from the document, valid until its next change. */
struct progress_event {
    int64_t at;  /* ms since the epoch, UTC */
    uint64_t id; /* unique; never 0 */
    uint64_t ref;
    const char *item;
    uint32_t minutes;
    uint8_t kind;  /* enum progress_event_kind */
    uint8_t state; /* enum progress_state */
};

/* A guide entry's events, in file order (which is mostly the order they were made in): their
 * number, and event i. pg may be NULL (no events). Borrowed. */
size_t progress_journal_count(const struct progress_guide *pg);
const struct progress_event *progress_journal_at(const struct progress_guide *pg, size_t i);

/* Whether the log with id `id` was taken back by an unlog event of pg. */
bool progress_journal_unlogged(const struct progress_guide *pg, uint64_t id);

/* Sets live[i], for each event i of pg (progress_journal_count() of them), to whether it is
 * learning: neither an unlog event nor a log taken back by one. */
void progress_journal_live(const struct progress_guide *pg, bool *live);

/* Logs `minutes` (1..PROGRESS_LOG_MAX_MINUTES) spent on item_id (a key action, phase or
 * certification id) at now_ms, undoable (progress_undo_change() then adds an unlog event).
 * *event_id (if not NULL) gets the new event's id. PROGRESS_INVALID for an empty or invalid id
 * or minutes out of range, else PROGRESS_CHANGED. */
enum progress_change progress_log_time(struct progress *p, const char *guide_id,
                                       const char *item_id, unsigned minutes, int64_t now_ms,
                                       uint64_t *event_id);

/* Takes back the time log `id` of guide_id as a change at now_ms (an unlog event). Returns
 * PROGRESS_CHANGED, PROGRESS_SAME when it was taken back already, PROGRESS_INVALID when the
 * guide has no such log. */
enum progress_change progress_unlog_time(struct progress *p, const char *guide_id, uint64_t id,
                                         int64_t now_ms);

/* Minutes logged in [from_ms, to_ms) on guide pg, logs taken back left out; item_id NULL
 * counts every item. */
unsigned long progress_journal_minutes(const struct progress_guide *pg, const char *item_id,
                                       int64_t from_ms, int64_t to_ms);

/* A duration as a person types it: "45m", "1h", "1h30m", "1.5h", "90 min". Returns 0 and the
 * whole minutes in *minutes, or -1 with *cause (a new sentence, caller frees) when s is not a
 * duration or is outside 1 minute to 24 hours. */
int progress_duration_parse(const char *s, unsigned *minutes, char **cause);

/* "45m", "2h", "1h30m": the journal's spelling, which progress_duration_parse() reads. */
void progress_duration_format(unsigned minutes, char *buf, size_t size);

/* An event id as 16 hex digits (PROGRESS_EVENT_ID_SIZE bytes), and back (0 or -1). */
void progress_event_id_format(uint64_t id, char *buf, size_t size);
int progress_event_id_parse(const char *s, uint64_t *id);

/* Writes event e as a journal line ("TIME ID WHAT [DURATION] [ITEM]") into buf, as snprintf()
 * does: returns the line's length, and writes it whole only when it is below size
 * (PROGRESS_EVENT_LINE_MAX is enough when the item id is at most GUIDE_MAX_ID bytes). */
size_t progress_event_format(const struct progress_event *e, char *buf, size_t size);

#endif
