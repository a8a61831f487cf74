/* SPDX-License-Identifier: MIT */
/* A main() for the harnesses outside libFuzzer: runs LLVMFuzzerTestOneInput() once on each file
 * named on the command line, or on each file found under a named directory. This is how the
 * seed and regression inputs are replayed in the normal (gcc) build and under ASan+UBSan, where
 * a failed property aborts the run. Exits 1 when an argument cannot be read or when no input
 * was found at all (so a misplaced corpus cannot pass silently). */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "xalloc.h"

/* The input being run, named by the SIGABRT handler when a property fails. */
static const char *current_input;

static void on_abort(int sig)
{
    static const char msg[] = "replay: the failing input is ";
    if (current_input != NULL) {
        (void)!write(2, msg, sizeof msg - 1);
        (void)!write(2, current_input, strlen(current_input));
        (void)!write(2, "\n", 1);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t len = 0, cap = 4096;
    unsigned char *buf = xmalloc(cap);
    size_t r;
    while ((r = fread(buf + len, 1, cap - len, f)) > 0) {
        len += r;
        if (len == cap) {
            cap *= 2;
            buf = xreallocarray(buf, cap, 1);
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        fprintf(stderr, "replay: %s: read error\n", path);
        free(buf);
        return -1;
    }
    current_input = path;
    LLVMFuzzerTestOneInput(buf, len);
    current_input = NULL;
    free(buf);
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file under path (in name order, for a reproducible run); counts them. */
static int run_path(const char *path, size_t *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        (*count)++;
        return run_file(path);
    }
    DIR *dir = opendir(path);
    if (dir == NULL) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] != '.') {
            names = xreallocarray(names, n + 1, sizeof *names);
            names[n++] = xasprintf("%s/%s", path, e->d_name);
        }
    }
    closedir(dir);
    if (n > 1) {
        qsort(names, n, sizeof *names, compare_names);
    }
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (run_path(names[i], count) < 0) {
            rc = -1;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    signal(SIGABRT, on_abort);
    LLVMFuzzerInitialize(&argc, &argv);
    size_t count = 0;
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        if (run_path(argv[i], &count) < 0) {
            rc = 1;
        }
    }
    printf("replayed %zu input%s\n", count, count == 1 ? "" : "s");
    if (count == 0) {
        fprintf(stderr, "replay: no input found\n");
        rc = 1;
    }
    return rc;
}
