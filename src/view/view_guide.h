/* SPDX-License-Identifier: MIT */
/* The guide's screens as documents: what each screen of the browser shows, laid out for a
 * width, with semantic roles and selectable items keyed by the guide's ids. No curses here:
 * the ui_* screens draw these documents, the unit tests read them. */
#ifndef TRAIL_VIEW_GUIDE_H
#define TRAIL_VIEW_GUIDE_H

#include <stddef.h>

#include "diag.h"
#include "guide.h"
#include "progress.h"
#include "view.h"

/* The sections of a guide, in menu order. */
enum view_section {
    VIEW_SECTION_OVERVIEW = 0,
    VIEW_SECTION_PATH,
    VIEW_SECTION_CERTS,
    VIEW_SECTION_FAQ,
    VIEW_SECTION_COUNT
};

/* Stores in out the sections guide g has (a part's file exists, or the overview has content),
 * in menu order; returns how many. */
size_t view_guide_sections(const struct guide *g, enum view_section out[VIEW_SECTION_COUNT]);

/* The section's title as the guide names it ("Career Path"), else a plain default. Borrowed. */
const char *view_guide_section_title(const struct guide *g, enum view_section s);

/* The section's label on Home's menu and in the breadcrumb: one plain word or two that do not
 * change when the section's part loads ("Certifications"). Static. */
const char *view_guide_section_label(const struct guide *g, enum view_section s);

/* The id of the home menu item of a section ("overview", "path", "certs", "faq"). Static. */
const char *view_guide_section_id(enum view_section s);

/* The guide part a section needs loaded (GUIDE_PART_*). */
unsigned view_guide_section_part(enum view_section s);

/* Each lays out one screen into d (initialised by the caller with its width and flags).
 * p (borrowed, may be NULL) is the learner's progress: Home then shows overall progress (a
 * bar, done/total, the percentage, the counts behind it and the current phase), the career
 * path a bar per phase, a phase its bar and counts and each key action's mark ("[x]", "[~]",
 * "[-]", "[ ]"), and the learner's notes: a marker on a phase of the career path, the note under
 * a key action on the checklist and under the title of its phase. Without it no progress is
 * shown and every mark is "[ ]". While a guide's career path exists but is not loaded yet, Home
 * shows "…" for the progress and for the number of phases. */
void view_guide_home(struct view_doc *d, const struct guide *g, const struct progress *p);
/* view_guide_home() for a given day (pace and certification dates depend on it); with p, Home
 * also says "Next:", the pace and the certification summary (view_plan_home()). */
void view_guide_home_at(struct view_doc *d, const struct guide *g, const struct progress *p,
                        struct progress_date today);
/* view_guide_home_at() fitted to `rows` lines (0: no limit): when the menu would end below
 * them, Home leaves out, one after the other, the intro past its first line and the progress
 * counts, the blank lines, the stats, the intro and the plan, and the progress, so that the
 * title and every section show together. hours_per_week is the configuration's, for the
 * dated plan that Home's Today line counts and its pace line measures, built once for all the
 * levels tried (progress_schedule_compute(); view_guide_home_at() gives none). */
void view_guide_home_fit(struct view_doc *d, const struct guide *g, const struct progress *p,
                         struct progress_date today, size_t rows, unsigned hours_per_week);
/* The intro, the overview's topics and the stats drawn as charts. */
void view_guide_overview(struct view_doc *d, const struct guide *g);
/* The career path: its phases, and with t (may be NULL) the timeline of the plan
 * (view_today_path_timeline()): above the phases when it takes at most half of `rows` lines
 * (0: no limit), so the phases keep the rest of the screen, else below them. */
struct view_today;
void view_guide_path(struct view_doc *d, const struct guide *g, const struct progress *p,
                     const struct view_today *t, size_t rows);
/* One phase; with m (may be NULL), the matches of a search highlighted in its texts. */
struct view_marks;
void view_guide_phase(struct view_doc *d, const struct guide *g, size_t phase,
                      const struct progress *p, const struct view_marks *m);
/* The certifications and one certification; with p, each shows the learner's status and dates
 * (view_plan_cert_text()), the list a note marker and the certification its note. */
void view_guide_certs(struct view_doc *d, const struct guide *g, const struct progress *p);
void view_guide_cert(struct view_doc *d, const struct guide *g, size_t cert,
                     const struct progress *p, const struct view_marks *m);
void view_guide_faqs(struct view_doc *d, const struct guide *g);
void view_guide_faq(struct view_doc *d, const struct guide *g, size_t faq);
/* A part of the guide failed to load: what and why, from the loader's diagnostics. */
void view_guide_error(struct view_doc *d, const char *what, const struct diag *diag);

#endif
