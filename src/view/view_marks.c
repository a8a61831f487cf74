/* SPDX-License-Identifier: MIT */
/* Search matches drawn inside a screen's own layout: see view_marks.h. The ranges come from the
 * index (search_field_ranges(), byte offsets of the guide's string), are carried over to the
 * sanitised text (search_sanitized_ranges()) and drawn by view_doc_add_marked_text(). */
#include "view_marks.h"

#include <stdint.h>
#include <stdlib.h>

#include "xalloc.h"

size_t view_marks_find_field(const struct search_index *idx, size_t entry,
                             enum search_field_role role, struct search_field_info *f)
{
    if (entry == SIZE_MAX) {
        return SIZE_MAX;
    }
    size_t n = search_entry_count_fields(idx, entry);
    for (size_t k = 0; k < n; k++) {
        search_entry_get_field(idx, entry, k, f);
        if (f->role == role) {
            return k;
        }
    }
    return SIZE_MAX;
}

size_t view_marks_add_field(struct view_doc *d, const struct search_index *idx,
                            const struct search_query *q, size_t entry, enum search_field_role role,
                            const char *text, enum view_role text_role, int indent,
                            const char *prefix, enum view_role prefix_role)
{
    struct search_field_info f;
    size_t k = view_marks_find_field(idx, entry, role, &f);
    struct search_ranges r = {0};
    if (text == NULL || k == SIZE_MAX || f.text != text ||
        search_field_ranges(idx, q, entry, k, &r) == 0) {
        search_ranges_free(&r);
        return view_doc_add_text(d, text_role, text, indent, prefix, prefix_role);
    }
    struct search_range *clean = xcalloc(r.n, sizeof *clean);
    search_sanitized_ranges(text, f.len, d->text_flags, r.v, r.n, clean);
    struct view_span *marks = xcalloc(r.n, sizeof *marks);
    for (size_t i = 0; i < r.n; i++) {
        marks[i] = (struct view_span){clean[i].start, clean[i].len};
    }
    size_t n = view_doc_add_marked_text(d, text_role, text, indent, prefix, prefix_role, marks, r.n,
                                        VIEW_ROLE_MATCH);
    free(marks);
    free(clean);
    search_ranges_free(&r);
    return n;
}

size_t view_marks_add_text(struct view_doc *d, const struct view_marks *m, enum search_kind kind,
                           size_t index, size_t sub, enum search_field_role role, const char *text,
                           enum view_role text_role, int indent, const char *prefix,
                           enum view_role prefix_role)
{
    if (m == NULL || m->idx == NULL || m->q == NULL) {
        return view_doc_add_text(d, text_role, text, indent, prefix, prefix_role);
    }
    size_t entry = search_index_find_entry(m->idx, kind, index, sub);
    return view_marks_add_field(d, m->idx, m->q, entry, role, text, text_role, indent, prefix,
                                prefix_role);
}
