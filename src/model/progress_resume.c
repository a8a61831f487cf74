/* SPDX-License-Identifier: MIT */
/* The browser's resume positions in a state file of their own: see progress_resume.h. */
#include "progress_resume.h"

#include <stdlib.h>
#include <string.h>

#include "progress_store.h"
#include "xalloc.h"

char *progress_resume_path(void)
{
    return progress_store_state_path("resume.yaml");
}

int progress_resume_save(const char *progress_target, const char *guide_id, const char *screen,
                         const char *item, long scroll)
{
    char *path = progress_resume_path();
    if (path == NULL) {
        return -1;
    }
    struct progress_store *s = progress_store_open(path);
    progress_store_set_durable(s, false); /* a lost position only means starting on Home */
    free(path);
    char *key = xasprintf("%s@%s", guide_id, progress_target);
    int rc = -1;
    if (progress_store_readonly(s) == NULL &&
        progress_set_resume(progress_store_doc(s), key, screen, item, scroll, progress_now_ms()) >=
            0) {
        rc = progress_store_dirty(s) ? progress_store_save(s) : 0;
    }
    free(key);
    progress_store_close(s);
    return rc;
}

/* The picker's entry: screen "pick" (the guide only selected) or "open", item the guide id. */
#define PICKER_KEY "/picker"

int progress_resume_save_picker(const char *progress_target, const char *guide_id, bool open)
{
    return progress_resume_save(progress_target, PICKER_KEY, open ? "open" : "pick", guide_id, 0);
}

bool progress_resume_load_picker(const char *progress_target, char **guide_id, bool *open)
{
    struct progress_resume r;
    if (!progress_resume_load(progress_target, NULL, PICKER_KEY, &r)) {
        return false;
    }
    bool ok = r.item != NULL;
    *open = strcmp(r.screen, "open") == 0;
    *guide_id = r.item;
    free(r.screen);
    return ok;
}

static bool copy_out(const struct progress_resume *r, struct progress_resume *out)
{
    if (r == NULL || r->screen == NULL) {
        return false;
    }
    *out = *r;
    out->screen = xstrdup(r->screen);
    out->item = r->item != NULL ? xstrdup(r->item) : NULL;
    return true;
}

bool progress_resume_load(const char *progress_target, const struct progress *p,
                          const char *guide_id, struct progress_resume *out)
{
    char *path = progress_resume_path();
    bool found = false;
    struct progress *state = path != NULL ? progress_store_peek(path, &found) : NULL;
    free(path);
    char *key = xasprintf("%s@%s", guide_id, progress_target);
    bool ok = state != NULL && copy_out(progress_get_resume(state, key), out);
    free(key);
    progress_free(state);
    return ok || (p != NULL && copy_out(progress_get_resume(p, guide_id), out));
}
