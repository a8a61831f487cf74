/* SPDX-License-Identifier: MIT */
/* The journal of each guide entry: see progress_journal.h.
 *
 * Events live in one array per guide, 40 bytes each, in the order they were read or made; the
 * item ids they name are kept once each (the journal's own arena, found through the shared id
 * table), so 100,000 events take about 4 MB whatever the ids. Merging is a set union by event
 * id: both sides' ids are sorted and walked together, so no table of ids is kept.
 *
 * The text form is chosen so that the journal costs little to read and write: it is the last
 * top-level key of the dotfile, one plain YAML scalar per line. A file in that shape is read
 * up to the journal by the YAML parser and the journal's lines are read here, line by line
 * (progress_journal_split() checks the shape first, and anything else goes through the YAML
 * parser whole). Writing appends the journal after the emitter's text; the lines of the
 * events already written are kept and copied, so a save after one more event formats one
 * line. A line that is not safe as a plain scalar is written double-quoted. */
#include "progress_journal.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_journal_internal.h"
#include "text.h"
#include "xalloc.h"
#include "yaml_out.h"

/* --- Events --------------------------------------------------------------------------------- */

static const char *intern(struct progress_journal *j, const char *item, size_t len)
{
    char key[256];
    char *heap = NULL;
    const char *k = item;
    if (item[len] != '\0') { /* not terminated where it ends: copy it */
        heap = len < sizeof key ? NULL : xstrndup(item, len);
        if (heap == NULL) {
            memcpy(key, item, len);
            key[len] = '\0';
        }
        k = heap != NULL ? heap : key;
    }
    size_t row = idtable_find(&j->index, k);
    if (row != IDTABLE_NONE) {
        free(heap);
        return j->name_at[row];
    }
    char *copy = arena_strndup(&j->names, k, len);
    free(heap);
    if (j->n_names == j->cap_names) {
        j->cap_names = j->cap_names ? j->cap_names * 2 : 16;
        j->name_at = xreallocarray(j->name_at, j->cap_names, sizeof *j->name_at);
    }
    j->name_at[j->n_names] = copy;
    idtable_put(&j->index, copy, j->n_names++);
    return copy;
}

static struct progress_event *append(struct progress_journal *j)
{
    if (j->n == j->cap) {
        j->cap = j->cap ? j->cap * 2 : 64;
        j->ev = xreallocarray(j->ev, j->cap, sizeof *j->ev);
    }
    struct progress_event *e = &j->ev[j->n++];
    memset(e, 0, sizeof *e);
    return e;
}

/* An event's id: a hash of what it says (guide, time, kind, item, value). Two processes
 * making the same change at the same millisecond make the same event; a process making two
 * identical changes within one millisecond moves the second one a millisecond on. So the file
 * a given sequence of changes gives is always the same (tests compare it byte for byte). */
static uint64_t event_hash(const struct progress_guide *pg, const struct progress_event *e)
{
    uint64_t h = idtable_hash_bytes(IDTABLE_HASH_SEED, pg->id, strlen(pg->id));
    uint64_t v[4] = {(uint64_t)e->at, e->ref, e->minutes, (uint64_t)e->kind << 8 | e->state};
    h = idtable_hash_bytes(h, v, sizeof v);
    if (e->item != NULL) {
        h = idtable_hash_bytes(h, e->item, strlen(e->item));
    }
    return h != 0 ? h : 1;
}

/* Whether an event with this id is among the journal's last events at or after `at` (events
 * are made in time order, so a twin made in the same millisecond is among them): the check is
 * short however long the journal is. */
static bool has_recent_id(const struct progress_journal *j, uint64_t id, int64_t at)
{
    for (size_t i = j->n; i > 0 && j->ev[i - 1].at >= at; i--) {
        if (j->ev[i - 1].id == id) {
            return true;
        }
    }
    return false;
}

static bool has_id(const struct progress_journal *j, uint64_t id)
{
    for (size_t i = j->n; i > 0; i--) {
        if (j->ev[i - 1].id == id) {
            return true;
        }
    }
    return false;
}

uint64_t progress_journal_record(struct progress_guide *pg, enum progress_event_kind kind,
                                 const char *item, enum progress_state state, unsigned minutes,
                                 uint64_t ref, int64_t now_ms)
{
    struct progress_journal *j = &progress_guide_more_get(pg)->journal;
    struct progress_event e = {
        .at = now_ms > pg->reset ? now_ms : pg->reset + 1,
        .ref = ref,
        .item = item != NULL ? intern(j, item, strlen(item)) : NULL,
        .minutes = minutes,
        .kind = (uint8_t)kind,
        .state = (uint8_t)state,
    };
    for (e.id = event_hash(pg, &e); has_recent_id(j, e.id, e.at); e.id = event_hash(pg, &e)) {
        e.at++;
    }
    *append(j) = e;
    return e.id;
}

void progress_journal_free(struct progress_journal *j)
{
    free(j->ev);
    arena_free(&j->names);
    idtable_free(&j->index);
    free(j->name_at);
    free(j->text);
    for (size_t i = 0; i < j->n_unread; i++) {
        free(j->unread[i]);
    }
    free(j->unread);
    memset(j, 0, sizeof *j);
}

size_t progress_journal_count(const struct progress_guide *pg)
{
    return pg != NULL ? progress_guide_more(pg)->journal.n : 0;
}

const struct progress_event *progress_journal_at(const struct progress_guide *pg, size_t i)
{
    return &progress_guide_more(pg)->journal.ev[i];
}

bool progress_journal_unlogged(const struct progress_guide *pg, uint64_t id)
{
    for (size_t i = 0; pg != NULL && i < progress_guide_more(pg)->journal.n; i++) {
        const struct progress_event *e = &progress_guide_more(pg)->journal.ev[i];
        if (e->kind == PROGRESS_EVENT_UNLOG && e->ref == id) {
            return true;
        }
    }
    return false;
}

static const struct progress_event *find_event(const struct progress_guide *pg, uint64_t id)
{
    for (size_t i = 0; pg != NULL && i < progress_guide_more(pg)->journal.n; i++) {
        if (progress_guide_more(pg)->journal.ev[i].id == id) {
            return &progress_guide_more(pg)->journal.ev[i];
        }
    }
    return NULL;
}

enum progress_change progress_journal_unlog(struct progress_guide *pg, uint64_t id, int64_t now_ms)
{
    const struct progress_event *e = find_event(pg, id);
    if (e == NULL || e->kind != PROGRESS_EVENT_LOG) {
        return PROGRESS_INVALID;
    }
    if (progress_journal_unlogged(pg, id)) {
        return PROGRESS_SAME;
    }
    progress_journal_record(pg, PROGRESS_EVENT_UNLOG, NULL, PROGRESS_TODO, 0, id, now_ms);
    return PROGRESS_CHANGED;
}

/* The ids of the logs taken back, sorted, for lookups by bsearch(). */
static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static uint64_t *unlogged_ids(const struct progress_journal *j, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < j->n; i++) {
        *n += j->ev[i].kind == PROGRESS_EVENT_UNLOG;
    }
    if (*n == 0) {
        return NULL;
    }
    uint64_t *ids = xreallocarray(NULL, *n, sizeof *ids);
    size_t k = 0;
    for (size_t i = 0; i < j->n; i++) {
        if (j->ev[i].kind == PROGRESS_EVENT_UNLOG) {
            ids[k++] = j->ev[i].ref;
        }
    }
    qsort(ids, k, sizeof *ids, cmp_u64);
    return ids;
}

void progress_journal_live(const struct progress_guide *pg, bool *live)
{
    size_t n_un = 0;
    uint64_t *un = pg != NULL ? unlogged_ids(&progress_guide_more(pg)->journal, &n_un) : NULL;
    for (size_t i = 0; pg != NULL && i < progress_guide_more(pg)->journal.n; i++) {
        const struct progress_event *e = &progress_guide_more(pg)->journal.ev[i];
        live[i] = e->kind != PROGRESS_EVENT_UNLOG &&
                  !(e->kind == PROGRESS_EVENT_LOG && un != NULL &&
                    bsearch(&e->id, un, n_un, sizeof *un, cmp_u64) != NULL);
    }
    free(un);
}

unsigned long progress_journal_minutes(const struct progress_guide *pg, const char *item_id,
                                       int64_t from_ms, int64_t to_ms)
{
    if (pg == NULL) {
        return 0;
    }
    size_t n_un = 0;
    uint64_t *un = unlogged_ids(&progress_guide_more(pg)->journal, &n_un);
    unsigned long total = 0;
    for (size_t i = 0; i < progress_guide_more(pg)->journal.n; i++) {
        const struct progress_event *e = &progress_guide_more(pg)->journal.ev[i];
        if (e->kind != PROGRESS_EVENT_LOG || e->at < from_ms || e->at >= to_ms ||
            (item_id != NULL && strcmp(e->item, item_id) != 0) ||
            (un != NULL && bsearch(&e->id, un, n_un, sizeof *un, cmp_u64) != NULL)) {
            continue;
        }
        total += e->minutes;
    }
    free(un);
    return total;
}

/* --- Reset, restore, merge ------------------------------------------------------------------ */

static void forget_text(struct progress_journal *j)
{
    j->text_len = j->text_n = 0;
}

bool progress_journal_drop_void(struct progress_guide *pg)
{
    if (pg->more == NULL) {
        return false;
    }
    struct progress_journal *j = &pg->more->journal;
    size_t kept = 0;
    for (size_t i = 0; i < j->n; i++) {
        if (j->ev[i].at > pg->reset) {
            j->ev[kept++] = j->ev[i];
        }
    }
    bool dropped = kept != j->n;
    j->n = kept;
    if (dropped) {
        forget_text(j);
    }
    return dropped;
}

int64_t progress_journal_latest(const struct progress_guide *pg, int64_t t)
{
    const struct progress_journal *j = &progress_guide_more(pg)->journal;
    return progress_rows_latest(j->ev, j->n, sizeof *j->ev, offsetof(struct progress_event, at), t);
}

size_t progress_journal_lift(struct progress_guide *pg, int64_t reset)
{
    size_t n = 0;
    if (pg->more == NULL) {
        return 0;
    }
    struct progress_journal *j = &pg->more->journal;
    for (size_t i = 0; i < j->n; i++) {
        if (j->ev[i].at <= reset) {
            j->ev[i].at = reset + 1;
            n++;
        }
    }
    if (n > 0) {
        forget_text(j);
    }
    return n;
}

bool progress_journal_merge(struct progress_guide *og, const struct progress_guide *tg)
{
    const struct progress_journal *tj = &progress_guide_more(tg)->journal;
    if (tj->n == 0) {
        return false;
    }
    struct progress_journal *oj = &progress_guide_more_get(og)->journal;
    uint64_t *ours = oj->n > 0 ? xreallocarray(NULL, oj->n, sizeof *ours) : NULL;
    for (size_t i = 0; i < oj->n; i++) {
        ours[i] = oj->ev[i].id;
    }
    if (ours != NULL) {
        qsort(ours, oj->n, sizeof *ours, cmp_u64);
    }
    size_t n_ours = oj->n;
    /* theirs' ids with their index, sorted, so that an id theirs holds twice is taken once */
    struct pair {
        uint64_t id;
        size_t i;
    } *t_ids = xreallocarray(NULL, tj->n, sizeof *t_ids);
    for (size_t i = 0; i < tj->n; i++) {
        t_ids[i].id = tj->ev[i].id;
        t_ids[i].i = i;
    }
    qsort(t_ids, tj->n, sizeof *t_ids, cmp_u64); /* the id is the pair's first member */
    bool *take = xcalloc(tj->n, sizeof *take);
    for (size_t k = 0; k < tj->n; k++) {
        take[t_ids[k].i] =
            (k == 0 || t_ids[k].id != t_ids[k - 1].id) &&
            (ours == NULL || bsearch(&t_ids[k].id, ours, n_ours, sizeof *ours, cmp_u64) == NULL);
    }
    free(t_ids);
    bool changed = false;
    for (size_t i = 0; i < tj->n; i++) {
        const struct progress_event *t = &tj->ev[i];
        if (t->at <= og->reset || !take[i]) {
            continue;
        }
        const char *name = t->item != NULL ? intern(oj, t->item, strlen(t->item)) : NULL;
        struct progress_event *e = append(oj);
        *e = *t;
        e->item = name;
        changed = true;
    }
    free(take);
    free(ours);
    return changed;
}

/* --- Durations and ids ---------------------------------------------------------------------- */

/* Reads a unit word at *s: 60 for hours, 1 for minutes, 0 for none (no letters), -1 for a
 * word that is neither. */
static int read_unit(const char **s)
{
    static const struct {
        const char *word;
        int factor;
    } units[] = {{"hours", 60},  {"hour", 60},  {"hrs", 60}, {"hr", 60}, {"h", 60},
                 {"minutes", 1}, {"minute", 1}, {"mins", 1}, {"min", 1}, {"m", 1}};
    while (**s == ' ') {
        (*s)++;
    }
    if (!((**s >= 'a' && **s <= 'z') || (**s >= 'A' && **s <= 'Z'))) {
        return 0;
    }
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t n = strlen(units[i].word);
        if (strncasecmp(*s, units[i].word, n) != 0) {
            continue; /* the text is no shorter than n, or it would differ before its end */
        }
        const char *after = *s + n;
        if (!((*after >= 'a' && *after <= 'z') || (*after >= 'A' && *after <= 'Z'))) {
            *s = after;
            return units[i].factor;
        }
    }
    return -1;
}

/* Reads a number with an optional fraction ("1", "1.5"); -1 when none is there. */
static double read_number(const char **s)
{
    while (**s == ' ') {
        (*s)++;
    }
    if (!(**s >= '0' && **s <= '9') && !(**s == '.' && (*s)[1] >= '0' && (*s)[1] <= '9')) {
        return -1;
    }
    double v = 0;
    while (**s >= '0' && **s <= '9' && v < 1e6) {
        v = v * 10 + (**s - '0');
        (*s)++;
    }
    if (**s == '.' || **s == ',') {
        (*s)++;
        for (double f = 0.1; **s >= '0' && **s <= '9'; f /= 10) {
            v += (**s - '0') * f;
            (*s)++;
        }
    }
    return v;
}

int progress_duration_parse(const char *s, unsigned *minutes, char **cause)
{
    const char *p = s;
    double total = 0;
    int parts = 0, last_factor = 0;
    bool ok = true;
    for (;;) {
        double v = read_number(&p);
        if (v < 0) {
            break;
        }
        int f = read_unit(&p);
        if (f == 0 && last_factor == 60) {
            f = 1; /* "1h30": the minutes after the hours */
        }
        ok = ok && f > 0;
        total += v * (f > 0 ? f : 0);
        last_factor = f;
        parts++;
    }
    while (*p == ' ') {
        p++;
    }
    if (!ok || parts == 0 || *p != '\0') {
        if (cause != NULL) {
            *cause = xasprintf("'%s' is not a duration: write it as 45m, 1h, 1h30m or 1.5h", s);
        }
        return -1;
    }
    double rounded = total + 0.5;
    if (rounded < 1 || rounded >= PROGRESS_LOG_MAX_MINUTES + 1) {
        if (cause != NULL) {
            *cause = xasprintf("'%s' is outside 1 minute to 24 hours", s);
        }
        return -1;
    }
    *minutes = (unsigned)rounded;
    return 0;
}

void progress_duration_format(unsigned minutes, char *buf, size_t size)
{
    if (minutes < 60) {
        snprintf(buf, size, "%um", minutes);
    } else if (minutes % 60 == 0) {
        snprintf(buf, size, "%uh", minutes / 60);
    } else {
        snprintf(buf, size, "%uh%um", minutes / 60, minutes % 60);
    }
}

void progress_event_id_format(uint64_t id, char *buf, size_t size)
{
    static const char hex[] = "0123456789abcdef";
    if (size < PROGRESS_EVENT_ID_SIZE) {
        snprintf(buf, size, "%s", "");
        return;
    }
    for (int i = 15; i >= 0; i--) {
        buf[i] = hex[id & 15];
        id >>= 4;
    }
    buf[16] = '\0';
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Reads 16 hex digits at s (len bytes); 0 or -1. */
static int id_parse_n(const char *s, size_t len, uint64_t *id)
{
    if (len != 16) {
        return -1;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < 16; i++) {
        int d = hex_digit(s[i]);
        if (d < 0) {
            return -1;
        }
        v = v << 4 | (uint64_t)d;
    }
    if (v == 0) {
        return -1;
    }
    *id = v;
    return 0;
}

int progress_event_id_parse(const char *s, uint64_t *id)
{
    return id_parse_n(s, strlen(s), id);
}

/* --- Lines ---------------------------------------------------------------------------------- */

static const char *const kind_words[] = {
    [PROGRESS_EVENT_NOTE] = "note",   [PROGRESS_EVENT_CERT] = "cert",
    [PROGRESS_EVENT_START] = "start", [PROGRESS_EVENT_LOG] = "log",
    [PROGRESS_EVENT_UNLOG] = "unlog", [PROGRESS_EVENT_MINE] = "mine",
    [PROGRESS_EVENT_HOURS] = "hours", [PROGRESS_EVENT_EVIDENCE] = "evidence",
};

size_t progress_event_format(const struct progress_event *e, char *buf, size_t size)
{
    char when[PROGRESS_TIME_SIZE], id[PROGRESS_EVENT_ID_SIZE], ref[PROGRESS_EVENT_ID_SIZE];
    char dur[32] = "";
    progress_format_time(e->at, when, sizeof when);
    progress_event_id_format(e->id, id, sizeof id);
    const char *what =
        e->kind == PROGRESS_EVENT_STATE ? progress_state_name(e->state) : kind_words[e->kind];
    const char *item = e->item;
    if (e->kind == PROGRESS_EVENT_LOG) {
        progress_duration_format(e->minutes, dur, sizeof dur);
    } else if (e->kind == PROGRESS_EVENT_HOURS) {
        snprintf(dur, sizeof dur, "%u", e->minutes);
    } else if (e->kind == PROGRESS_EVENT_UNLOG) {
        progress_event_id_format(e->ref, ref, sizeof ref);
        item = ref;
    }
    /* Joined by hand: snprintf() took most of the time a save spends on its journal. */
    const char *parts[] = {when,
                           " ",
                           id,
                           " ",
                           what,
                           dur[0] ? " " : "",
                           dur,
                           item != NULL ? " " : "",
                           item != NULL ? item : ""};
    return text_join(buf, size, parts, sizeof parts / sizeof parts[0]);
}

/* Splits the next space-separated word off [*s, end): its start and length; 0 at the end. */
static size_t word(const char **s, const char *end, const char **start)
{
    while (*s < end && **s == ' ') {
        (*s)++;
    }
    *start = *s;
    while (*s < end && **s != ' ') {
        (*s)++;
    }
    return (size_t)(*s - *start);
}

static bool word_is(const char *w, size_t n, const char *s)
{
    return strlen(s) == n && memcmp(w, s, n) == 0;
}

/* Reads a time word: an ISO 8601 UTC time, or a date (that day at noon UTC, so that it is the
 * same day on the learner's calendar in every zone from UTC-11 to UTC+11). */
static bool read_when(const char *w, size_t n, int64_t *at)
{
    char buf[PROGRESS_TIME_SIZE];
    struct progress_date d;
    if (n >= sizeof buf) {
        return false;
    }
    memcpy(buf, w, n);
    buf[n] = '\0';
    if (progress_parse_time(buf, at) == 0) {
        return true;
    }
    if (progress_date_parse(buf, &d) == 0) {
        *at = progress_date_days(d) * 86400000 + 12 * 3600000;
        return true;
    }
    return false;
}

/* Parses a journal line into *e (item left in *item, *item_len; *derived set when the line
 * has no id and its id was made from its text); NULL, or why not. */
static const char *parse_line(const char *line, size_t len, struct progress_event *e,
                              const char **item, size_t *item_len, bool *derived)
{
    const char *s = line, *end = line + len, *w;
    memset(e, 0, sizeof *e);
    *item = NULL;
    *item_len = 0;
    size_t n = word(&s, end, &w);
    if (!read_when(w, n, &e->at)) {
        return "a journal line does not begin with a time (an ISO 8601 UTC time or YYYY-MM-DD)";
    }
    n = word(&s, end, &w);
    if (id_parse_n(w, n, &e->id) == 0) {
        n = word(&s, end, &w);
    } else {
        e->id = idtable_hash_bytes(IDTABLE_HASH_SEED, line, len) | 1;
        *derived = true;
    }
    char what[16];
    if (n == 0 || n >= sizeof what) {
        return "a journal line does not say what happened (a state, note, cert, start, hours, "
               "mine, evidence, log or unlog)";
    }
    memcpy(what, w, n);
    what[n] = '\0';
    enum progress_state st;
    e->kind = PROGRESS_EVENT_STATE;
    for (size_t k = 1; k < sizeof kind_words / sizeof kind_words[0]; k++) {
        if (word_is(w, n, kind_words[k])) {
            e->kind = (uint8_t)k;
        }
    }
    if (e->kind == PROGRESS_EVENT_STATE) {
        if (progress_state_parse(what, &st) != 0) {
            return "a journal line does not say what happened (a state, note, cert, start, "
                   "hours, mine, evidence, log or unlog)";
        }
        e->state = (uint8_t)st;
    }
    if (e->kind == PROGRESS_EVENT_LOG) {
        n = word(&s, end, &w);
        char dur[32];
        unsigned minutes = 0;
        if (n == 0 || n >= sizeof dur) {
            return "a time log has no duration (45m, 1h30m)";
        }
        memcpy(dur, w, n);
        dur[n] = '\0';
        if (progress_duration_parse(dur, &minutes, NULL) != 0) {
            return "a time log's duration is not 1 minute to 24 hours written as 45m or 1h30m";
        }
        e->minutes = minutes;
    }
    while (s < end && *s == ' ') {
        s++;
    }
    if (e->kind == PROGRESS_EVENT_UNLOG) {
        return id_parse_n(s, (size_t)(end - s), &e->ref) == 0
                   ? NULL
                   : "an unlog line does not name the log it takes back (16 hex digits)";
    }
    if (e->kind == PROGRESS_EVENT_START) {
        return NULL; /* what follows (the date set) is for people */
    }
    if (e->kind == PROGRESS_EVENT_HOURS) {
        unsigned h = 0;
        const char *digit = s;
        while (digit < end && *digit >= '0' && *digit <= '9' && h <= PROGRESS_HOURS_MAX) {
            h = h * 10 + (unsigned)(*digit++ - '0');
        }
        if (digit == s || digit != end || h > PROGRESS_HOURS_MAX) {
            return "an hours line does not give the hours a week (0 to 100)";
        }
        e->minutes = h;
        return NULL;
    }
    if (s == end) {
        return "a journal line does not name its item";
    }
    *item = s;
    *item_len = (size_t)(end - s);
    return NULL;
}

/* Keeps a line that cannot be read as written (or, strict, only says why). */
static void keep_line(struct progress_guide *pg, const char *line, size_t len, const char *file,
                      unsigned lno, unsigned col, bool strict, struct diag *d, const char *why)
{
    if (strict) {
        diag_add(d, DIAG_ERROR, file, lno, col, "%s", why);
        return;
    }
    diag_add(d, DIAG_WARNING, file, lno, col, "%s; the line is kept as written", why);
    struct progress_journal *j = &progress_guide_more_get(pg)->journal;
    j->unread = xreallocarray(j->unread, j->n_unread + 1, sizeof *j->unread);
    j->unread[j->n_unread++] = xstrndup(line, len);
}

bool progress_journal_read_line(struct progress_guide *pg, const char *line, size_t len,
                                const char *file, unsigned lno, unsigned col, bool strict,
                                struct diag *d)
{
    struct progress_event e;
    const char *item;
    size_t item_len;
    bool derived = false;
    const char *why = parse_line(line, len, &e, &item, &item_len, &derived);
    if (why == NULL && item != NULL && !text_utf8_valid(item, item_len, NULL)) {
        why = "a journal line's item is not valid UTF-8";
    }
    if (why != NULL) {
        keep_line(pg, line, len, file, lno, col, strict, d, why);
        return false;
    }
    struct progress_journal *j = &progress_guide_more_get(pg)->journal;
    if (derived && has_id(j, e.id)) {
        return true; /* the same line a person wrote twice is one event */
    }
    e.item = item != NULL ? intern(j, item, item_len) : NULL;
    *append(j) = e;
    return true;
}

bool progress_journal_read_list(struct progress_guide *pg, const struct ydoc_node *v,
                                const char *file, bool strict, struct diag *d)
{
    if (v->kind == YDOC_SCALAR && v->u.scalar.plain && v->u.scalar.len == 0) {
        return true; /* "orchard:" with nothing under it */
    }
    if (v->kind != YDOC_SEQ) {
        diag_add(d, strict ? DIAG_ERROR : DIAG_WARNING, file, v->line, v->col,
                 "a guide's journal is not a list of lines; it is not read");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < v->u.seq.n; i++) {
        const struct ydoc_node *n = v->u.seq.items[i];
        if (n->kind != YDOC_SCALAR) {
            diag_add(d, strict ? DIAG_ERROR : DIAG_WARNING, file, n->line, n->col,
                     "a journal entry is not one line of text; it is dropped");
            ok = false;
            continue;
        }
        ok &= progress_journal_read_line(pg, n->u.scalar.str, n->u.scalar.len, file, n->line,
                                         n->col, strict, d);
    }
    return ok;
}

/* --- The journal's text ------------------------------------------------------------------- */

void progress_journal_keep_line(struct progress_guide *pg, const char *line, size_t len)
{
    if (pg->more == NULL) {
        return; /* no event */
    }
    struct progress_journal *j = &pg->more->journal;
    if (j->n == 0 || j->text_n != j->n - 1) {
        return; /* an earlier event has no line kept: this one is formatted with it */
    }
    struct yaml_out o = {&j->text, &j->text_len, &j->text_cap};
    yaml_out_put(&o, "  - ", 4);
    yaml_out_put(&o, line, len);
    yaml_out_put(&o, "\n", 1);
    j->text_n = j->n;
}

/* Brings the guide's kept lines up to date: formats the events that have none. */
static void format_lines(struct progress_journal *j)
{
    struct yaml_out o = {&j->text, &j->text_len, &j->text_cap};
    char line[PROGRESS_EVENT_LINE_MAX];
    for (size_t i = j->text_n; i < j->n; i++) {
        size_t n = progress_event_format(&j->ev[i], line, sizeof line);
        char *big = NULL;
        const char *s = line;
        if (n >= sizeof line) {
            big = xmalloc(n + 1);
            progress_event_format(&j->ev[i], big, n + 1);
            s = big;
        }
        yaml_out_put(&o, "  - ", 4);
        yaml_out_scalar(&o, s, n);
        yaml_out_put(&o, "\n", 1);
        free(big);
    }
    j->text_n = j->n;
}

bool progress_journal_write(struct progress *p, int (*write)(void *, unsigned char *, size_t),
                            void *out)
{
    bool any = false;
    for (size_t g = 0; g < p->n_guides && !any; g++) {
        const struct progress_journal *j = &progress_guide_more(&p->guides[g])->journal;
        any = j->n > 0 || j->n_unread > 0;
    }
    if (!any) {
        return true;
    }
    bool ok = write(out, (unsigned char *)"journal:\n", 9) != 0;
    for (size_t g = 0; ok && g < p->n_guides; g++) {
        struct progress_guide *pg = &p->guides[g];
        if (pg->more == NULL || (pg->more->journal.n == 0 && pg->more->journal.n_unread == 0)) {
            continue;
        }
        struct progress_journal *j = &pg->more->journal;
        format_lines(j);
        char *head = NULL;
        size_t head_len = 0, head_cap = 0;
        struct yaml_out o = {&head, &head_len, &head_cap};
        yaml_out_put(&o, "  ", 2);
        yaml_out_scalar(&o, pg->id, strlen(pg->id));
        yaml_out_put(&o, ":\n", 2);
        for (size_t i = 0; i < j->n_unread; i++) {
            yaml_out_put(&o, "  - ", 4);
            yaml_out_scalar(&o, j->unread[i], strlen(j->unread[i]));
            yaml_out_put(&o, "\n", 1);
        }
        /* The guide's key, then its lines; lines kept as written go after the events. */
        size_t key_len = strchr(head, '\n') - head + 1;
        ok = write(out, (unsigned char *)head, key_len) != 0 &&
             (j->text_len == 0 || write(out, (unsigned char *)j->text, j->text_len) != 0) &&
             (head_len == key_len ||
              write(out, (unsigned char *)head + key_len, head_len - key_len) != 0);
        free(head);
    }
    return ok;
}

/* Whether [s, e) is a line of the journal's own shape: "  KEY:" or "  - LINE", plain. */
static bool journal_shaped(const char *s, const char *e, bool *is_key)
{
    size_t len = (size_t)(e - s);
    if (len > 4 && memcmp(s, "  - ", 4) == 0) {
        *is_key = false;
        return yaml_out_plain_safe(s + 4, len - 4);
    }
    *is_key = true;
    return len > 3 && s[0] == ' ' && s[1] == ' ' && e[-1] == ':' &&
           yaml_out_plain_safe(s + 2, len - 3);
}

size_t progress_journal_split(const char *buf, size_t len)
{
    /* The last top-level "journal:" line, found by its line starts; then every line after it
     * must be of the journal's shape (or blank), and the first one a guide's key. */
    if (len == 0 || buf[len - 1] != '\n') {
        return len; /* every writer ends the file with a line break */
    }
    size_t at = progress_journal_skip(buf, len);
    bool first = true;
    for (size_t start = at + sizeof "journal:"; at < len && start < len;) {
        const char *s = buf + start, *e = memchr(s, '\n', len - start); /* the last byte is one */
        bool is_key = false;
        if (e > s && (!journal_shaped(s, e, &is_key) || (first && !is_key))) {
            return len;
        }
        first = first && e == s;
        start = (size_t)(e - buf) + 1;
    }
    return at;
}

size_t progress_journal_skip(const char *buf, size_t len)
{
    /* One pass forward over the line starts (memchr finds each line's end many bytes at a
     * time): the last top-level "journal:" line, and whether any top-level line follows it. */
    size_t at = len;
    for (size_t start = 0; start < len;) {
        char c = buf[start];
        if (c != ' ' && c != '\n') {
            at = len - start >= 9 && memcmp(buf + start, "journal:\n", 9) == 0 ? start : len;
        }
        const char *nl = memchr(buf + start, '\n', len - start);
        start = nl != NULL ? (size_t)(nl - buf) + 1 : len;
    }
    return at;
}

enum progress_journal_line progress_journal_line_kind(const char *s, const char *e,
                                                      const char **key, size_t *key_len)
{
    if (e - s < 4) {
        return JOURNAL_LINE_OTHER; /* blank: the split takes no other line this short */
    }
    bool is_key = memcmp(s, "  - ", 4) != 0;
    *key = s + (is_key ? 2 : 4);
    *key_len = (size_t)(e - s) - (is_key ? 3 : 4);
    return is_key ? JOURNAL_LINE_KEY : JOURNAL_LINE_EVENT;
}
