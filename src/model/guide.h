/* SPDX-License-Identifier: MIT */
/* The in-memory guide: what the loader builds and every other module reads.
 *
 * A guide is a directory of YAML files (see docs/content-format.md): guide.yaml (title, intro,
 * stats, overview, call to action) and optional career-path.yaml, certifications.yaml and
 * faq.yaml. The loader reads guide.yaml and the requested parts; other parts are loaded on first
 * use with guide_load_parts(), so the first screen never waits for a large FAQ.
 *
 * All strings are NUL-terminated, valid UTF-8 without NUL bytes, exactly as written in the file
 * (never sanitised: callers that draw text pass it through text_sanitize()). Optional strings
 * are NULL when absent. Everything lives in the guide's arena and is freed by guide_free(). */
#ifndef TRAIL_GUIDE_H
#define TRAIL_GUIDE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "file_cache.h"

#define GUIDE_FORMAT_VERSION 1
#define GUIDE_MAX_ID         128 /* bytes in an id */

/* The parts of a guide, one file each. GUIDE_PART_INFO (guide.yaml) is always loaded, or, when
 * GUIDE_PART_HEAD is asked for instead, only guide.yaml's format and id (read up to them and no
 * further: the rest of guide.yaml is neither read nor checked), for a command that needs no
 * more (trail done ID). */
enum guide_part {
    GUIDE_PART_INFO = 1u << 0,
    GUIDE_PART_PATH = 1u << 1,
    GUIDE_PART_CERTS = 1u << 2,
    GUIDE_PART_FAQ = 1u << 3,
    GUIDE_PART_ALL = 0xfu,
    GUIDE_PART_HEAD = 1u << 4,
};

/* Not a part but a flag of guide_load(): guide.yaml and career-path.yaml may come from their
 * compiled copies in the user's cache, and are written there after a clean parse
 * (guide_cache.h); so may a Markdown plan's title and introduction, when they are all that is
 * asked for. For the shell commands that run often and read little (--status, --agenda,
 * done ID) and the browser's first frame. */
#define GUIDE_LOAD_CACHED (1u << 5)

/* A flag of guide_load() too: the guide is only checked (trail --check), never shown. A Markdown
 * plan then keeps of its items and sections what a check reads (ids, lines, depths and ticks;
 * every item's text empty, no links, no descriptions) and skips copying the rest. */
#define GUIDE_LOAD_CHECK (1u << 6)

enum guide_level {
    GUIDE_LEVEL_NONE = 0,
    GUIDE_LEVEL_BEGINNER,
    GUIDE_LEVEL_INTERMEDIATE,
    GUIDE_LEVEL_ADVANCED,
    GUIDE_LEVEL_EXPERT,
};
#define GUIDE_LEVEL_MAX GUIDE_LEVEL_EXPERT

/* One header stat: the text as written plus its label. present is false when the guide does
 * not give the stat. */
struct guide_stat {
    bool present;
    const char *label;
    const char *text;
};

struct guide_stats {
    struct guide_stat salary;
    bool has_salary_range;
    long salary_min, salary_max; /* whole currency units */
    const char *currency;        /* ISO 4217 code, e.g. "USD"; NULL when not given */

    struct guide_stat growth;
    bool has_growth_percent;
    int growth_percent; /* e.g. 30 for "+30%" */
    int growth_by_year; /* 0 when not given */

    struct guide_stat time;
    bool has_time_range;
    int time_min_months, time_max_months;

    struct guide_stat difficulty;
    enum guide_level level; /* GUIDE_LEVEL_NONE when not given */
};

/* A titled block of prose. Paragraphs are separated by a blank line ("\n\n"). */
struct guide_text {
    const char *title;
    const char *text;
};

/* The evidence an action expects (its `evidence:` list): bit 1 << k for each kind k of
 * enum progress_evidence_kind (progress_evidence.h), the same order. */
#define GUIDE_EVIDENCE_PATH       (1u << 1)
#define GUIDE_EVIDENCE_REPO       (1u << 2)
#define GUIDE_EVIDENCE_URL        (1u << 3)
#define GUIDE_EVIDENCE_CREDENTIAL (1u << 4)

struct guide_action {
    const char *id; /* unique in the guide, e.g. "foundation/python-numpy-pandas" */
    const char *text;
    const char *link;  /* a Markdown item's first link as written; NULL when none */
    unsigned depth;    /* 0: a key action; n: a sub-action of the nearest one before it at n-1 */
    unsigned line;     /* where a Markdown item starts (for --check); 0 in a YAML guide */
    bool ticked;       /* "- [x]" in a Markdown plan: done until the learner says otherwise */
    bool personal;     /* the learner's own action, from the progress file */
    unsigned evidence; /* GUIDE_EVIDENCE_* bits; 0: none expected */
};

struct guide_phase {
    const char *id;
    const char *title;          /* "Foundation Building" */
    const char *duration;       /* "3 months"; NULL when not given */
    int start_month, end_month; /* 0 when not given; else 1 <= start <= end */
    const char *summary;        /* NULL only for a Markdown section without text */
    const char *actions_title;  /* "Key Actions"; NULL when not given */
    struct guide_action *actions;
    size_t n_actions;
    int *effort_hours; /* parallel to actions: the work each takes in hours (1-1000, 0 when not
                          given); NULL when no action of the phase gives one */
    unsigned depth;    /* a Markdown section's nesting under the sections before it; 0 in YAML */
};

struct guide_cert {
    const char *id;
    const char *name;
    const char *issuer;
    const char *description;
};

struct guide_faq {
    const char *id;
    const char *question;
    const char *answer;
};

struct guide_cta {
    const char *title;
    const char *text;
    const char *button; /* NULL when not given */
};

struct guide_ids;

struct guide {
    struct arena arena;
    struct guide_ids *ids; /* private to the YAML loader: every id with its location; NULL in a
                              Markdown plan */
    char *dir;             /* the guide directory (or Markdown plan) as given */
    bool markdown;         /* read from a Markdown plan (guide_md.h) */
    unsigned available;    /* enum guide_part bits whose file exists */
    unsigned loaded;       /* enum guide_part bits loaded so far */
    bool cached;           /* GUIDE_LOAD_CACHED was asked for (guide_cache.h) */
    /* guide.yaml, career-path.yaml, certifications.yaml and faq.yaml as guide_load() found
     * them (for the parts that are available) */
    struct file_cache_key files[4];

    const char *id;          /* e.g. "ml-engineer"; keys the progress file */
    const char *title;       /* "Machine Learning Engineer" */
    const char *short_title; /* for breadcrumbs; equals title when not given */
    const char *intro;       /* NULL when not given */
    struct guide_stats stats;
    struct guide_text *overview; /* "What You'll Learn" and more; n_overview entries */
    size_t n_overview;
    struct guide_cta *cta; /* NULL when not given */

    const char *path_title; /* "Career Path" */
    struct guide_phase *phases;
    size_t n_phases;

    const char *certs_title;
    struct guide_cert *certs;
    size_t n_certs;

    const char *faq_title;
    struct guide_faq *faqs;
    size_t n_faqs;

    uint64_t personal_hash; /* progress_personal_apply()'s: the personal entries it spliced in */
    bool reattached;        /* a Markdown plan's actions took their saved ids back */
};

/* Opens the guide in directory dir and loads guide.yaml plus the parts in `parts`.
 * Returns a new guide (caller frees with guide_free()), or NULL after adding located errors
 * to d. Warnings (e.g. unknown keys) are added to d either way. */
struct guide *guide_load(const char *dir, unsigned parts, struct diag *d);

/* What finding a guide learned of its guide.yaml or Markdown plan (guide_locate(),
 * guide_md_is_plan()), so that loading it need not look at the file again: `yaml` true when
 * `info` is guide.yaml's identity (size, times) as it was found, `plan` true when it is a
 * Markdown plan's (the guide is that plan); both false for a guide found another way. */
struct guide_seen {
    bool yaml;
    bool plan;
    struct file_cache_key info;
};

/* guide_load() of a guide found as `seen` says (NULL: as guide_load()). */
struct guide *guide_load_seen(const char *dir, const struct guide_seen *seen, unsigned parts,
                              struct diag *d);

/* Loads the parts in `parts` not loaded yet. Returns 0, or -1 after adding errors to d; a part
 * that failed is left empty and not marked loaded. Parts without a file load as empty. */
int guide_load_parts(struct guide *g, unsigned parts, struct diag *d);

void guide_free(struct guide *g);

/* Moves the certifications and FAQ parts that `from` has loaded and g has not into g, and all
 * of from's memory with them (from keeps its other fields but must then only be freed, with
 * guide_free()). For a browser that loads those parts on another thread, into a guide of
 * its own, so that a large FAQ never holds up the screen: nothing points into the parts g
 * has not loaded, so they can be taken over whole. Ids of the parts taken over are not known
 * to g's duplicate check (load every other part first). Returns the parts taken over. */
unsigned guide_adopt_parts(struct guide *g, struct guide *from);

/* Lookups by id; NULL when absent (or the part is not loaded). */
const struct guide_phase *guide_find_phase(const struct guide *g, const char *id);
/* The certification of that id, or NULL. Borrowed from g. */
const struct guide_cert *guide_find_cert(const struct guide *g, const char *id);
const struct guide_action *guide_find_action(const struct guide *g, const char *id,
                                             const struct guide_phase **phase);

/* Total number of key actions over all phases. */
size_t guide_count_actions(const struct guide *g);

/* The file name of a part inside a guide directory ("faq.yaml"), or NULL. */
const char *guide_part_file(enum guide_part part);

/* The size in bytes of the files of `parts` (enum guide_part bits) as they were when the guide
 * was opened, without looking at them again; a missing file counts 0. */
unsigned long long guide_parts_bytes(const struct guide *g, unsigned parts);

/* "beginner", ... for GUIDE_LEVEL_*; NULL for GUIDE_LEVEL_NONE. */
const char *guide_level_name(enum guide_level level);

#endif
