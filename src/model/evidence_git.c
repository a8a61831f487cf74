/* SPDX-License-Identifier: MIT */
/* Reading a git repository with libgit2, loaded on first use: see evidence_git.h.
 *
 * The functions are looked up by name once and kept in one table of pointers typed from
 * <git2.h>, so a call that does not match the header does not compile. libgit2 is never linked:
 * only its header is needed to build, and the library of the same soname at run time. */
#include "evidence_git.h"

#include <dlfcn.h>
#include <git2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "xalloc.h"

#define README_SCAN    4096 /* bytes of a README looked at for its first line */
#define LINE_MAX_BYTES 200

/* Each entry: a pointer of the exact type of the libgit2 function of that name. */
#define GIT_FUNCTIONS(X)                                                                           \
    X(git_libgit2_init)                                                                            \
    X(git_libgit2_shutdown)                                                                        \
    X(git_libgit2_opts)                                                                            \
    X(git_error_last)                                                                              \
    X(git_repository_open_ext)                                                                     \
    X(git_repository_free)                                                                         \
    X(git_repository_head_unborn)                                                                  \
    X(git_reference_name_to_id)                                                                    \
    X(git_oid_tostr)                                                                               \
    X(git_commit_lookup)                                                                           \
    X(git_commit_time)                                                                             \
    X(git_commit_tree)                                                                             \
    X(git_commit_free)                                                                             \
    X(git_tree_entrycount)                                                                         \
    X(git_tree_entry_byindex)                                                                      \
    X(git_tree_entry_name)                                                                         \
    X(git_tree_entry_type)                                                                         \
    X(git_tree_entry_id)                                                                           \
    X(git_tree_free)                                                                               \
    X(git_blob_lookup)                                                                             \
    X(git_blob_rawcontent)                                                                         \
    X(git_blob_rawsize)                                                                            \
    X(git_blob_free)                                                                               \
    X(git_revwalk_new)                                                                             \
    X(git_revwalk_sorting)                                                                         \
    X(git_revwalk_push)                                                                            \
    X(git_revwalk_next)                                                                            \
    X(git_revwalk_free)                                                                            \
    X(git_repository_config_snapshot)                                                              \
    X(git_config_get_string)                                                                       \
    X(git_config_free)

#define GIT_FIELD(name) __typeof__(&(name)) name; /* NOLINT(bugprone-macro-parentheses) */
struct git_api {
    GIT_FUNCTIONS(GIT_FIELD)
};

/* The library's state: loaded once per process (0: not tried, 1: loaded, -1: failed). */
static struct {
    int state;
    void *handle;
    struct git_api f;
} lib;

static bool load(void)
{
    if (lib.state != 0) {
        return lib.state > 0;
    }
    lib.state = -1;
    lib.handle = dlopen("libgit2.so." LIBGIT2_SOVERSION, RTLD_NOW | RTLD_LOCAL);
    if (lib.handle == NULL) {
        return false;
    }
    bool ok = true;
    /* dlsym() returns an object pointer; POSIX requires it to convert to a function pointer. */
#define GIT_LOOKUP(name)                                                                           \
    *(void **)&lib.f.name = dlsym(lib.handle, #name);                                              \
    ok = ok && lib.f.name != NULL;
    GIT_FUNCTIONS(GIT_LOOKUP)
#undef GIT_LOOKUP
    if (!ok || lib.f.git_libgit2_init() < 0) {
        dlclose(lib.handle);
        memset(&lib, 0, sizeof lib);
        lib.state = -1;
        return false;
    }
    /* A repository another user owns is refused (the default; said again here). Configuration
     * is read only from the repository itself: none from the system, global or XDG files. */
    lib.f.git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
    /* A count reads every commit once: checking each object's hash as it is read (SHA-1 with
     * collision detection; git does not either) and keeping each in the object cache, which
     * the walk never asks for again, cost a third of a 100,000-commit count each. */
    lib.f.git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    lib.f.git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
    lib.f.git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, "");
    lib.f.git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, "");
    lib.f.git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, "");
    lib.f.git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_PROGRAMDATA, "");
    lib.state = 1;
    return true;
}

bool evidence_git_available(void)
{
    return load();
}

void evidence_git_unload(void)
{
    if (lib.state > 0) {
        lib.f.git_libgit2_shutdown();
        dlclose(lib.handle);
    }
    memset(&lib, 0, sizeof lib);
}

void evidence_git_done(struct evidence_git *g)
{
    free(g->readme_line);
    free(g->remote);
    memset(g, 0, sizeof *g);
}

/* libgit2's message for the last error, as a new sentence. */
static char *git_cause(const char *what)
{
    const git_error *e = lib.f.git_error_last();
    return xasprintf("%s%s%s", what, e != NULL && e->message != NULL ? ": " : "",
                     e != NULL && e->message != NULL ? e->message : "");
}

/* The first line of text in the len bytes at s (Markdown heading marks dropped), or NULL. */
static char *first_line(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && s[end] != '\n' && s[end] != '\r') {
            end++;
        }
        size_t b = i;
        while (b < end && (s[b] == '#' || s[b] == ' ' || s[b] == '\t' || s[b] == '=')) {
            b++;
        }
        size_t e = end;
        while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) {
            e--;
        }
        if (e > b) {
            size_t n = e - b > LINE_MAX_BYTES ? LINE_MAX_BYTES : e - b;
            size_t bad = 0;
            if (!text_utf8_valid(s + b, n, &bad)) {
                n = bad; /* cut before invalid bytes, or where the limit split a character */
            }
            return n > 0 && memchr(s + b, '\0', n) == NULL ? xstrndup(s + b, n) : NULL;
        }
        i = end + 1;
    }
    return NULL;
}

static bool is_readme(const char *name)
{
    return strncasecmp(name, "readme", 6) == 0 && (name[6] == '\0' || name[6] == '.');
}

/* Looks for a README blob at the top of HEAD's tree and reads its first line. */
static void read_readme(git_repository *repo, git_commit *head, struct evidence_git *out)
{
    git_tree *tree = NULL;
    if (lib.f.git_commit_tree(&tree, head) < 0) {
        return;
    }
    size_t n = lib.f.git_tree_entrycount(tree);
    for (size_t i = 0; i < n; i++) {
        const git_tree_entry *te = lib.f.git_tree_entry_byindex(tree, i);
        if (lib.f.git_tree_entry_type(te) != GIT_OBJECT_BLOB ||
            !is_readme(lib.f.git_tree_entry_name(te))) {
            continue;
        }
        out->readme = true;
        git_blob *blob = NULL;
        if (lib.f.git_blob_lookup(&blob, repo, lib.f.git_tree_entry_id(te)) == 0) {
            git_object_size_t size = lib.f.git_blob_rawsize(blob);
            out->readme_line = first_line(lib.f.git_blob_rawcontent(blob),
                                          size > README_SCAN ? README_SCAN : (size_t)size);
            lib.f.git_blob_free(blob);
        }
        break;
    }
    lib.f.git_tree_free(tree);
}

static int count_commits(git_repository *repo, const git_oid *head, long *count)
{
    git_revwalk *walk = NULL;
    if (lib.f.git_revwalk_new(&walk, repo) < 0) {
        return -1;
    }
    int rc = lib.f.git_revwalk_sorting(walk, GIT_SORT_NONE);
    rc = rc < 0 ? rc : lib.f.git_revwalk_push(walk, head);
    long n = 0;
    git_oid oid;
    while (rc == 0 && (rc = lib.f.git_revwalk_next(&oid, walk)) == 0) {
        n++;
    }
    lib.f.git_revwalk_free(walk);
    *count = n;
    return rc == GIT_ITEROVER ? 0 : -1;
}

/* url without the user name and password of a "scheme://user:password@host" URL (a token
 * must never reach the progress file, which may be shared); a new string. */
static char *without_password(const char *url)
{
    const char *host = strstr(url, "://");
    host = host != NULL ? host + 3 : NULL;
    size_t auth = host != NULL ? strcspn(host, "/?#") : 0;
    const char *at = host != NULL ? memchr(host, '@', auth) : NULL;
    if (at == NULL || memchr(host, ':', (size_t)(at - host)) == NULL) {
        return xstrdup(url);
    }
    return xasprintf("%.*s%s", (int)(host - url), url, at + 1);
}

/* The origin's URL as its config writes it (without a password): read from a snapshot of the
 * repository's own config (git_remote_lookup() would also rewrite it by every url.*.insteadOf,
 * matching each config entry against a pattern, which in libgit2 1.5 leaks on every entry that does
 * not match). */
static void read_remote(git_repository *repo, struct evidence_git *out)
{
    git_config *cfg = NULL;
    const char *url = NULL;
    if (lib.f.git_repository_config_snapshot(&cfg, repo) == 0 &&
        lib.f.git_config_get_string(&url, cfg, "remote.origin.url") == 0) {
        size_t len = url != NULL ? strlen(url) : 0;
        if (len > 0 && len <= 4096 && text_utf8_valid(url, len, NULL)) {
            out->remote = without_password(url);
        }
    }
    lib.f.git_config_free(cfg);
}

/* Reads HEAD: its id and time, the count (walked or kept), the README. */
static int read_head(git_repository *repo, const char *known_head, long known_commits,
                     struct evidence_git *out, char **cause)
{
    git_oid head;
    if (lib.f.git_reference_name_to_id(&head, repo, "HEAD") < 0) {
        *cause = git_cause("HEAD cannot be read");
        return -1;
    }
    lib.f.git_oid_tostr(out->head, sizeof out->head, &head);
    git_commit *commit = NULL;
    if (lib.f.git_commit_lookup(&commit, repo, &head) < 0) {
        *cause = git_cause("HEAD's commit cannot be read");
        return -1;
    }
    out->last_commit = (int64_t)lib.f.git_commit_time(commit);
    read_readme(repo, commit, out);
    lib.f.git_commit_free(commit);
    if (known_head != NULL && known_commits > 0 && strcmp(known_head, out->head) == 0) {
        out->commits = known_commits;
        return 0;
    }
    out->walked = true;
    if (count_commits(repo, &head, &out->commits) != 0) {
        *cause = git_cause("the history cannot be read");
        return -1;
    }
    return 0;
}

int evidence_git_read(const char *dir, const char *known_head, long known_commits,
                      struct evidence_git *out, char **cause)
{
    memset(out, 0, sizeof *out);
    *cause = NULL;
    if (!load()) {
        *cause = xstrdup("libgit2 (libgit2.so." LIBGIT2_SOVERSION ") is not installed");
        return -1;
    }
    git_repository *repo = NULL;
    if (lib.f.git_repository_open_ext(&repo, dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
        *cause = git_cause("not a git repository");
        return -1;
    }
    int rc = 0;
    int unborn = lib.f.git_repository_head_unborn(repo);
    if (unborn == 1) {
        out->unborn = true;
    } else if (unborn < 0) {
        *cause = git_cause("HEAD cannot be read");
        rc = -1;
    } else {
        rc = read_head(repo, known_head, known_commits, out, cause);
    }
    if (rc == 0) {
        read_remote(repo, out);
    }
    lib.f.git_repository_free(repo);
    if (rc != 0) {
        evidence_git_done(out);
    }
    return rc;
}
