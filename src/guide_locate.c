/* Guide lookup. A content directory either is a guide (has guide.yaml) or holds guides as
 * subdirectories; the order of places tried is documented in trail(1) and the README. */
#include "guide_locate.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

int guide_locate_is_guide(const char *dir)
{
    char *path = xasprintf("%s/guide.yaml", dir);
    struct stat st;
    int ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    free(path);
    return ok;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* In a directory of guides: the one named id, or the only one when id is NULL and no default
 * guide is there. */
static char *pick(const char *root, const char *id)
{
    char *path = xasprintf("%s/%s", root, id != NULL ? id : GUIDE_DEFAULT_ID);
    if (guide_locate_is_guide(path) || id != NULL) {
        return path;
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
        if (guide_locate_is_guide(sub) && count++ == 0) {
            only = sub;
        } else {
            free(sub);
        }
    }
    closedir(dp);
    if (count != 1) {
        free(only);
        return NULL;
    }
    return only;
}

static char *from_root(const char *root, const char *id, struct diag *d, int must)
{
    if (id == NULL && guide_locate_is_guide(root)) {
        return xstrdup(root);
    }
    if (is_dir(root)) {
        char *p = pick(root, id);
        if (p != NULL && guide_locate_is_guide(p)) {
            return p;
        }
        free(p);
    }
    if (must) {
        if (!is_dir(root)) {
            diag_add(d, DIAG_ERROR, root, 0, 0, "no such directory");
        } else if (id != NULL) {
            diag_add(d, DIAG_ERROR, root, 0, 0, "no guide '%s' here", id);
        } else {
            diag_add(d, DIAG_ERROR, root, 0, 0,
                     "not a guide (no guide.yaml) and holds no single guide");
        }
    }
    return NULL;
}

char *guide_locate(const char *dir, const char *id, struct diag *d)
{
    if (dir != NULL) {
        return from_root(dir, id, d, 1);
    }
    const char *env = getenv("TRAIL_CONTENT");
    if (env != NULL && env[0] != '\0') {
        return from_root(env, id, d, 1);
    }
    static const char *const roots[] = {TRAIL_CONTENT_INSTALL_DIR, TRAIL_CONTENT_SOURCE_DIR};
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        char *p = from_root(roots[i], id, d, 0);
        if (p != NULL) {
            return p;
        }
    }
    if (id != NULL) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "no guide '%s' found (looked in %s and %s)", id,
                 TRAIL_CONTENT_INSTALL_DIR, TRAIL_CONTENT_SOURCE_DIR);
    } else {
        diag_add(d, DIAG_ERROR, NULL, 0, 0,
                 "no guide found (looked in %s and %s); use --content DIR or TRAIL_CONTENT",
                 TRAIL_CONTENT_INSTALL_DIR, TRAIL_CONTENT_SOURCE_DIR);
    }
    return NULL;
}
