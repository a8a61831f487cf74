/* SPDX-License-Identifier: MIT */
/* Guide lookup. A content directory either is a guide (has guide.yaml) or holds guides as
 * subdirectories; the order of places tried is documented in trail(1) and the README. */
#include "guide_locate.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guide_md.h"
#include "xalloc.h"

/* Where trail looks when no directory is given, in this order: the guides installed beside
 * the running binary (TRAIL_CONTENT_RELATIVE_DIR from the directory of /proc/self/exe, so an
 * installed tree works wherever it is put), the directory configured at build time, and, in a
 * build that may run uninstalled, the source tree's (not in the Debian package:
 * TRAIL_SOURCE_GUIDES). */
#define MAX_DEFAULT_ROOTS 3

/* "<directory of the running binary>/<rel>" with each leading "../" of rel taken off that
 * directory; a new string, or NULL when /proc/self/exe cannot be read. */
static char *beside_binary(const char *rel)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        return NULL;
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL) {
        return NULL;
    }
    *slash = '\0';
    while (strncmp(rel, "../", 3) == 0 && (slash = strrchr(exe, '/')) != NULL && slash != exe) {
        *slash = '\0';
        rel += 3;
    }
    return xasprintf("%s/%s", exe, rel);
}

/* Fills roots[] with the default places (new strings; free with free_roots()). */
static size_t default_roots(char *roots[MAX_DEFAULT_ROOTS])
{
    size_t n = 0;
    char *beside = beside_binary(TRAIL_CONTENT_RELATIVE_DIR);
    if (beside != NULL && strcmp(beside, TRAIL_CONTENT_INSTALL_DIR) != 0) {
        roots[n++] = beside;
    } else {
        free(beside);
    }
    roots[n++] = xstrdup(TRAIL_CONTENT_INSTALL_DIR);
#ifdef TRAIL_CONTENT_SOURCE_DIR
    roots[n++] = xstrdup(TRAIL_CONTENT_SOURCE_DIR);
#endif
    return n;
}

static void free_roots(char **roots, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(roots[i]);
    }
}

/* "A, B and C", for the error that says where trail looked; caller frees. */
static char *default_roots_text(char **roots, size_t n)
{
    char *s = xstrdup(roots[0]);
    for (size_t i = 1; i < n; i++) {
        char *t = xasprintf("%s%s%s", s, i + 1 == n ? " and " : ", ", roots[i]);
        free(s);
        s = t;
    }
    return s;
}

/* guide_locate_is_guide(); when dir is a plan or has a guide.yaml and seen is not NULL, what
 * its stat said goes to *seen, for guide_load_seen(). */
static int is_guide(const char *dir, struct guide_seen *seen)
{
    if (guide_md_is_plan(dir, seen)) {
        return 1;
    }
    char *path = xasprintf("%s/guide.yaml", dir);
    struct stat st;
    int ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    free(path);
    if (ok && seen != NULL) {
        seen->yaml = true;
        file_cache_key_of(&st, &seen->info);
    }
    return ok;
}

int guide_locate_is_guide(const char *dir)
{
    return is_guide(dir, NULL);
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* In a directory of guides: the one named id, or the only one when id is NULL and no default
 * guide is there; NULL when there is none. */
static char *pick(const char *root, const char *id, struct guide_seen *seen)
{
    char *path = xasprintf("%s/%s", root, id != NULL ? id : GUIDE_DEFAULT_ID);
    if (is_guide(path, seen)) {
        return path;
    }
    if (id != NULL) {
        char *plan = xasprintf("%s.md", path); /* a plan, by its name without ".md" */
        free(path);
        if (guide_md_is_plan(plan, seen)) {
            return plan;
        }
        free(plan);
        return NULL;
    }
    free(path);
    DIR *dp = opendir(root);
    if (dp == NULL) {
        return NULL;
    }
    char *only = NULL;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char *sub = xasprintf("%s/%s", root, e->d_name);
        if (is_guide(sub, count == 0 ? seen : NULL) && count++ == 0) {
            only = sub;
        } else {
            free(sub);
        }
    }
    closedir(dp);
    if (count != 1) {
        free(only);
        if (seen != NULL) {
            memset(seen, 0, sizeof *seen); /* the first one's, not chosen */
        }
        return NULL;
    }
    return only;
}

static size_t list_root(const char *root, const struct guide_seen *root_seen,
                        struct guide_entry **out);

/* "; the guides there: a, b" for root, or "" when it holds none; caller frees. */
static char *guides_there(const char *root)
{
    struct guide_entry *v = NULL;
    size_t n = list_root(root, NULL, &v);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        len += strlen(v[i].id) + 2;
    }
    size_t cap = len + 32, at = 0;
    char *s = xmalloc(cap);
    at += (size_t)snprintf(s, cap, "%s",
                           n > 0 ? (n == 1 ? "; the guide there: " : "; the guides there: ") : "");
    for (size_t i = 0; i < n; i++) {
        at += (size_t)snprintf(s + at, cap - at, "%s%s", v[i].id, i + 1 < n ? ", " : "");
    }
    guide_entries_free(v, n);
    return s;
}

static char *from_root(const char *root, const char *id, struct guide_seen *seen, struct diag *d,
                       int must)
{
    if (id == NULL && is_guide(root, seen)) {
        return xstrdup(root);
    }
    if (is_dir(root)) {
        char *p = pick(root, id, seen);
        if (p != NULL) {
            return p;
        }
    }
    if (must) {
        if (!is_dir(root)) {
            diag_add(d, DIAG_ERROR, root, 0, 0, "no such directory");
        } else if (id != NULL) {
            char *there = guides_there(root);
            diag_add(d, DIAG_ERROR, root, 0, 0, "no guide '%s' here%s", id, there);
            free(there);
        } else {
            diag_add(d, DIAG_ERROR, root, 0, 0,
                     "not a guide (no guide.yaml) and holds no single guide");
        }
    }
    return NULL;
}

char *guide_locate(const char *dir, const char *id, struct guide_seen *seen, struct diag *d)
{
    if (seen != NULL) {
        memset(seen, 0, sizeof *seen);
    }
    if (dir != NULL) {
        return from_root(dir, id, seen, d, 1);
    }
    const char *env = getenv("TRAIL_CONTENT");
    if (env != NULL && env[0] != '\0') {
        return from_root(env, id, seen, d, 1);
    }
    char *roots[MAX_DEFAULT_ROOTS];
    size_t n = default_roots(roots);
    char *found = NULL;
    for (size_t i = 0; i < n && found == NULL; i++) {
        found = from_root(roots[i], id, seen, d, 0);
    }
    if (found == NULL) {
        char *where = default_roots_text(roots, n);
        if (id != NULL) {
            char *there = NULL;
            for (size_t i = 0; i < n && (there == NULL || there[0] == '\0'); i++) {
                free(there);
                there = guides_there(roots[i]);
            }
            diag_add(d, DIAG_ERROR, NULL, 0, 0, "no guide '%s' found (looked in %s%s)", id, where,
                     there != NULL ? there : "");
            free(there);
        } else {
            diag_add(d, DIAG_ERROR, NULL, 0, 0,
                     "no guide found (looked in %s); use --content DIR or TRAIL_CONTENT", where);
        }
        free(where);
    }
    free_roots(roots, n);
    return found;
}

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const struct guide_entry *)a)->id, ((const struct guide_entry *)b)->id);
}

/* The guides of one root, sorted; 0 when it holds none. root_seen: what was learnt of root
 * already, when it is a plan (NULL: nothing). */
static size_t list_root(const char *root, const struct guide_seen *root_seen,
                        struct guide_entry **out)
{
    *out = NULL;
    struct guide_seen seen = {0};
    if (root_seen != NULL && root_seen->plan) {
        seen = *root_seen;
    }
    if (seen.plan || is_guide(root, &seen)) {
        const char *slash = strrchr(root, '/');
        const char *name = slash != NULL && slash[1] != '\0' ? slash + 1 : root;
        size_t len = strlen(name);
        if (seen.plan && len > 3 && name[len - 3] == '.') {
            len -= 3; /* a plan is listed by its name without ".md" */
        }
        *out = xcalloc(1, sizeof **out);
        (*out)[0].id = xstrndup(name, len);
        (*out)[0].dir = xstrdup(root);
        (*out)[0].seen = seen;
        return 1;
    }
    DIR *dp = opendir(root);
    if (dp == NULL) {
        return 0;
    }
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char *sub = xasprintf("%s/%s", root, e->d_name);
        seen = (struct guide_seen){0};
        if (!is_guide(sub, &seen)) {
            free(sub);
            continue;
        }
        *out = xreallocarray(*out, n + 1, sizeof **out);
        size_t len = strlen(e->d_name);
        if (seen.plan && len > 3 && e->d_name[len - 3] == '.') {
            len -= 3; /* a plan is listed by its name without ".md" */
        }
        (*out)[n].id = xstrndup(e->d_name, len);
        (*out)[n].seen = seen;
        (*out)[n++].dir = sub;
    }
    closedir(dp);
    if (n > 1) {
        qsort(*out, n, sizeof **out, compare_entries);
    }
    return n;
}

size_t guide_catalog(const char *dir, const struct guide_seen *seen, struct guide_entry **out,
                     struct diag *d)
{
    const char *env = getenv("TRAIL_CONTENT");
    const char *given = dir != NULL ? dir : (env != NULL && env[0] != '\0' ? env : NULL);
    size_t n;
    if (given != NULL) {
        n = list_root(given, dir != NULL ? seen : NULL, out);
        if (n == 0) {
            diag_add(d, DIAG_ERROR, given, 0, 0, "no guides here");
        }
        return n;
    }
    char *roots[MAX_DEFAULT_ROOTS];
    size_t n_roots = default_roots(roots);
    n = 0;
    for (size_t i = 0; i < n_roots && n == 0; i++) {
        n = list_root(roots[i], NULL, out);
    }
    if (n == 0) {
        char *where = default_roots_text(roots, n_roots);
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "no guides found (looked in %s)", where);
        free(where);
    }
    free_roots(roots, n_roots);
    return n;
}

void guide_entries_free(struct guide_entry *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].dir);
    }
    free(v);
}
