/* SPDX-License-Identifier: MIT */
/* Checking evidence offline: see evidence_check.h.
 *
 * A path is resolved once with realpath(): when the result differs from the path as written, a
 * symlink was followed, which is allowed only when both lie in the home directory. The file is
 * then looked at with lstat() on the resolved name, so nothing is opened but a repository's
 * directory (through evidence_git.c) and, for a plain directory, its listing. */
#include "evidence_check.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "evidence_git.h"
#include "xalloc.h"

#define URL_MAX 2048

const char *evidence_home(void)
{
    const char *h = getenv("HOME");
    return h != NULL && h[0] == '/' ? h : NULL;
}

/* Whether path is dir or lies under it. */
static bool under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/') {
        n--;
    }
    if (n == 1 && dir[0] == '/') {
        return path[0] == '/';
    }
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Appends the components of p to the normalised absolute path in buf (len bytes so far). */
static void push_components(char **buf, size_t *len, size_t *cap, const char *p)
{
    while (*p != '\0') {
        while (*p == '/') {
            p++;
        }
        const char *end = strchr(p, '/');
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
            p += n;
            continue;
        }
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (*len > 0 && (*buf)[*len - 1] != '/') {
                (*len)--;
            }
            if (*len > 0) {
                (*len)--; /* the slash before the dropped component */
            }
            p += n;
            continue;
        }
        if (*len + n + 2 > *cap) {
            *cap = (*len + n + 2) * 2;
            *buf = xreallocarray(*buf, *cap, 1);
        }
        (*buf)[(*len)++] = '/';
        memcpy(*buf + *len, p, n);
        *len += n;
        p += n;
    }
}

static char *normalise(const char *path)
{
    size_t len = 0, cap = strlen(path) + 2;
    char *buf = xmalloc(cap);
    push_components(&buf, &len, &cap, path);
    if (len == 0) {
        buf[len++] = '/';
    }
    buf[len] = '\0';
    return buf;
}

char *evidence_target_from_path(const char *path, const char *cwd, const char *home)
{
    if (path == NULL || path[0] == '\0') {
        return NULL;
    }
    char *joined;
    if ((path[0] == '~' && (path[1] == '/' || path[1] == '\0')) && home != NULL) {
        joined = xasprintf("%s/%s", home, path + 1);
    } else if (path[0] == '/') {
        joined = xstrdup(path);
    } else if (cwd != NULL && cwd[0] == '/') {
        joined = xasprintf("%s/%s", cwd, path);
    } else {
        return NULL;
    }
    char *abs = normalise(joined);
    free(joined);
    char *h = home != NULL ? normalise(home) : NULL;
    if (h != NULL && strcmp(h, "/") != 0 && under(abs, h)) {
        char *t = xasprintf("~%s", abs + strlen(h));
        free(abs);
        abs = t;
    }
    free(h);
    return abs;
}

/* The absolute path of a target ("~" expanded), or NULL when it is not a path. */
static char *expand(const char *target, const char *home)
{
    if (target[0] == '~' && (target[1] == '/' || target[1] == '\0')) {
        return home != NULL ? xasprintf("%s%s", home, target + 1) : NULL;
    }
    return target[0] == '/' ? xstrdup(target) : NULL;
}

bool evidence_is_url(const char *s)
{
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    return n > 0 && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') && strncmp(s + n, "://", 3) == 0;
}

/* A URL's form: http or https, a host of the characters a host may hold, no space or control
 * character anywhere. NULL when it holds, else why not. */
static const char *url_problem(const char *s)
{
    if (strncasecmp(s, "https://", 8) != 0 && strncasecmp(s, "http://", 7) != 0) {
        return "not a web address (http:// or https://)";
    }
    if (strlen(s) > URL_MAX) {
        return "a URL longer than 2048 characters";
    }
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p <= ' ' || *p == 0x7f) {
            return "a URL with a space or a control character";
        }
    }
    const char *host = strstr(s, "://") + 3;
    size_t n = strcspn(host, "/?#");
    size_t ok = strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]@"
                             "%_~!$&'()*+,;=");
    return n == 0 || ok < n ? "a URL without a valid host" : NULL;
}

/* Resolves abs under the symlink rule: 0 and *real (new), or the check's status with why. */
static enum progress_check_status resolve(const char *abs, const char *home, char **real,
                                          const char **why)
{
    *real = realpath(abs, NULL);
    if (*real == NULL) {
        int e = errno;
        *why = e == ENOENT || e == ENOTDIR ? "missing"
               : e == ELOOP                ? "a symlink loop"
               : e == EACCES               ? "not readable (permission denied)"
                                           : "cannot be read";
        return e == ENOENT || e == ENOTDIR ? PROGRESS_CHECK_MISSING : PROGRESS_CHECK_REFUSED;
    }
    if (strcmp(*real, abs) == 0) {
        return PROGRESS_CHECK_NONE;
    }
    char *home_real = home != NULL ? realpath(home, NULL) : NULL;
    bool inside = home_real != NULL && under(abs, home) && under(*real, home_real);
    free(home_real);
    if (!inside) {
        free(*real);
        *real = NULL;
        *why = "a symlink that leads out of the home directory (not followed)";
        return PROGRESS_CHECK_REFUSED;
    }
    return PROGRESS_CHECK_NONE;
}

static bool dir_has_readme(const char *dir)
{
    DIR *d = opendir(dir);
    bool found = false;
    struct dirent *de;
    while (d != NULL && !found && (de = readdir(d)) != NULL) {
        found = strncasecmp(de->d_name, "readme", 6) == 0 &&
                (de->d_name[6] == '\0' || de->d_name[6] == '.');
    }
    if (d != NULL) {
        closedir(d);
    }
    return found;
}

static char *size_words(long long size)
{
    if (size < 1024) {
        return xasprintf("file, %lld byte%s", size, size == 1 ? "" : "s");
    }
    if (size < 1024 * 1024) {
        return xasprintf("file, %lld KB", (size + 1023) / 1024);
    }
    return xasprintf("file, %lld MB", (size + 1024 * 1024 - 1) / (1024 * 1024));
}

static void set(struct progress_check *out, enum progress_check_status st, char *summary)
{
    out->status = st;
    free(out->summary);
    out->summary = summary;
}

static void check_repo(const struct progress_evidence *e, const char *dir,
                       struct progress_check *out)
{
    struct evidence_git g;
    char *cause = NULL;
    if (evidence_git_read(dir, e->check.head, e->check.commits, &g, &cause) != 0) {
        set(out, PROGRESS_CHECK_REFUSED, cause);
        return;
    }
    if (g.unborn) {
        set(out, PROGRESS_CHECK_EMPTY, xstrdup("repository without commits"));
    } else {
        set(out, PROGRESS_CHECK_OK,
            xasprintf("repo, %ld commit%s, %s", g.commits, g.commits == 1 ? "" : "s",
                      g.readme ? "README" : "no README"));
        out->commits = g.commits;
        out->last_commit = g.last_commit;
        out->head = xstrdup(g.head);
        out->readme = g.readme_line;
        g.readme_line = NULL;
    }
    out->remote = g.remote;
    g.remote = NULL;
    evidence_git_done(&g);
}

static void check_path(const struct progress_evidence *e, const char *home,
                       struct progress_check *out)
{
    char *abs = expand(e->target, home);
    if (abs == NULL) {
        set(out, PROGRESS_CHECK_REFUSED, xstrdup("not an absolute path"));
        return;
    }
    char *real = NULL;
    const char *why = NULL;
    enum progress_check_status st = resolve(abs, home, &real, &why);
    struct stat sb;
    if (st != PROGRESS_CHECK_NONE) {
        set(out, st, xstrdup(why));
    } else if (lstat(real, &sb) != 0) {
        set(out, PROGRESS_CHECK_MISSING, xstrdup("missing"));
    } else if (S_ISDIR(sb.st_mode) && e->kind == PROGRESS_EVIDENCE_REPO) {
        check_repo(e, real, out);
    } else if (e->kind == PROGRESS_EVIDENCE_REPO) {
        set(out, PROGRESS_CHECK_REFUSED, xstrdup("not a directory"));
    } else if (S_ISDIR(sb.st_mode)) {
        set(out, PROGRESS_CHECK_OK,
            xstrdup(dir_has_readme(real) ? "directory, README" : "directory"));
    } else if (S_ISREG(sb.st_mode)) {
        set(out, sb.st_size > 0 ? PROGRESS_CHECK_OK : PROGRESS_CHECK_EMPTY,
            sb.st_size > 0 ? size_words((long long)sb.st_size) : xstrdup("empty file"));
    } else {
        set(out, PROGRESS_CHECK_REFUSED, xstrdup("not a file or a directory"));
    }
    free(real);
    free(abs);
}

void evidence_check_piece(const struct progress_evidence *e, const char *home, int64_t now_ms,
                          struct progress_check *out)
{
    memset(out, 0, sizeof *out);
    out->commits = -1;
    out->when = now_ms;
    if (e->kind == PROGRESS_EVIDENCE_URL || e->kind == PROGRESS_EVIDENCE_CREDENTIAL) {
        const char *bad = url_problem(e->target);
        set(out, bad != NULL ? PROGRESS_CHECK_REFUSED : PROGRESS_CHECK_OK,
            xstrdup(bad != NULL ? bad : "URL (form only, not fetched)"));
        return;
    }
    check_path(e, home, out);
}

enum progress_evidence_kind evidence_guess_kind(const char *target, const char *home, bool for_cert)
{
    if (evidence_is_url(target)) {
        return for_cert ? PROGRESS_EVIDENCE_CREDENTIAL : PROGRESS_EVIDENCE_URL;
    }
    char *abs = expand(target, home);
    char *real = NULL;
    const char *why;
    bool repo = false;
    if (abs != NULL && resolve(abs, home, &real, &why) == PROGRESS_CHECK_NONE) {
        char *git = xasprintf("%s/.git", real);
        struct stat sb;
        repo = lstat(git, &sb) == 0 && (S_ISDIR(sb.st_mode) || S_ISREG(sb.st_mode));
        free(git);
    }
    free(real);
    free(abs);
    return repo ? PROGRESS_EVIDENCE_REPO : PROGRESS_EVIDENCE_PATH;
}

void evidence_check_guide(struct progress *p, const char *guide_id, const char *item_id,
                          const char *home, int64_t now_ms, struct evidence_check_summary *sum)
{
    struct evidence_check_summary s = {0};
    const struct progress_guide *pg = progress_find_guide(p, guide_id);
    for (size_t i = 0; i < progress_guide_count_evidence(pg); i++) {
        const struct progress_evidence *e = progress_guide_evidence(pg, i);
        if (e->kind == PROGRESS_EVIDENCE_NONE ||
            (item_id != NULL && strcmp(e->item, item_id) != 0)) {
            continue;
        }
        struct progress_check c;
        evidence_check_piece(e, home, now_ms, &c);
        s.checked++;
        s.ok += c.status == PROGRESS_CHECK_OK;
        s.failed += c.status != PROGRESS_CHECK_OK;
        s.walked += c.head != NULL && (e->check.head == NULL ||
                                       strcmp(c.head, e->check.head) != 0 || e->check.commits <= 0);
        /* The rows do not move: a check changes no row's place. */
        progress_evidence_set_check(p, guide_id, e->item, e->target, &c);
        progress_check_clear(&c);
        pg = progress_find_guide(p, guide_id);
    }
    if (sum != NULL) {
        *sum = s;
    }
}
