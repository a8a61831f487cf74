/* SPDX-License-Identifier: MIT */
/* bench_save: figure 6, one durable save of a large progress file vs. the bare minimum a
 * durable replace costs.
 *
 * Builds a progress document of N items in one guide and saves it once through the store (not
 * measured) so the file exists, as it does for a learner after the first tick. Each run then
 * changes one item, as a tick in the browser does, and times progress_store_save(): it locks,
 * re-reads and merges the file on disk, writes a temp file, fsyncs it, renames it over the
 * target and fsyncs the directory. The reference writes the same number of bytes (the saved
 * file's content) to a temp file in the same directory with one write(), fsyncs it and renames
 * it over a file of its own, the figure's reference; a second reference also fsyncs the
 * directory, which DUR-1 requires of every save (without it a crash can lose the rename), and
 * is reported beside. All run in the same directory, alternately, so all see the same disk.
 *
 * Usage: bench_save DIR ITEMS RUNS
 * Output, one line: "<median save ms> <median reference ms> <file bytes> <median reference
 * with the directory fsync ms>". */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "progress_store.h"
#include "xalloc.h"

#define BSV_MAX_RUNS  101
#define BSV_MAX_ITEMS 1000000
#define BSV_GUIDE     "ml-engineer"

static double bsv_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int64_t bsv_epoch_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int bsv_compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double bsv_median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], bsv_compare);
    return v[n / 2];
}

/* The whole file at path in a new buffer (caller frees); NULL on error. */
static char *bsv_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0) {
        buf = xmalloc((size_t)st.st_size);
        *len = fread(buf, 1, (size_t)st.st_size, f);
    }
    fclose(f);
    return buf;
}

/* The reference: temp file, one write, fsync, close, rename; with sync_dir, then also an fsync
 * of the directory, as DUR-1 asks of every save (the figure's reference leaves it out).
 * Returns its time in ms, or -1. */
static double bsv_reference(const char *dir, const char *buf, size_t len, bool sync_dir)
{
    char *tmp = xasprintf("%s/reference.yaml.tmp", dir);
    char *dst = xasprintf("%s/reference.yaml", dir);
    unlink(tmp); /* left by an interrupted run */
    double t0 = bsv_now();
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    int ok = fd >= 0 && write(fd, buf, len) == (ssize_t)len && fsync(fd) == 0;
    ok = fd >= 0 && close(fd) == 0 && ok && rename(tmp, dst) == 0;
    if (ok && sync_dir) {
        int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        ok = dfd >= 0 && fsync(dfd) == 0;
        ok = dfd >= 0 && close(dfd) == 0 && ok;
    }
    double t = bsv_now() - t0;
    if (!ok) {
        perror("bench_save: reference write");
        unlink(tmp);
    }
    free(tmp);
    free(dst);
    return ok ? t : -1;
}

/* Fills the document with n items, states cycling, each a change at its own time. */
static void bsv_fill(struct progress *p, long n, int64_t now)
{
    static const enum progress_state states[] = {PROGRESS_DONE, PROGRESS_IN_PROGRESS,
                                                 PROGRESS_SKIPPED, PROGRESS_DONE};
    for (long i = 0; i < n; i++) {
        char id[64];
        snprintf(id, sizeof id, "phase-%ld/action-%05ld", i / 100, i);
        progress_set_state(p, BSV_GUIDE, id, states[i % 4], now - n + i);
    }
}

static int bsv_run(const char *dir, long items, int runs)
{
    char *path = xasprintf("%s/progress.yaml", dir);
    unlink(path);
    struct progress_store *s = progress_store_open(path);
    int rc = 1;
    bsv_fill(progress_store_doc(s), items, bsv_epoch_ms());
    if (progress_store_save(s) != 0) {
        fprintf(stderr, "bench_save: %s\n", progress_store_message(s));
        goto out;
    }
    double save[BSV_MAX_RUNS], ref[BSV_MAX_RUNS], ref_dir[BSV_MAX_RUNS];
    size_t len = 0;
    for (int r = 0; r < runs; r++) {
        /* One tick, as in the browser: item r toggles between done and to-do. */
        char id[64];
        snprintf(id, sizeof id, "phase-0/action-%05d", r % 100);
        struct progress *p = progress_store_doc(s);
        enum progress_state now = progress_get_state(p, BSV_GUIDE, id);
        progress_set_state(p, BSV_GUIDE, id, now == PROGRESS_DONE ? PROGRESS_TODO : PROGRESS_DONE,
                           bsv_epoch_ms());
        double t0 = bsv_now();
        if (progress_store_save(s) != 0) {
            fprintf(stderr, "bench_save: %s\n", progress_store_message(s));
            goto out;
        }
        save[r] = bsv_now() - t0;
        char *buf = bsv_slurp(path, &len);
        ref[r] = buf != NULL ? bsv_reference(dir, buf, len, false) : -1;
        ref_dir[r] = buf != NULL ? bsv_reference(dir, buf, len, true) : -1;
        free(buf);
        if (ref[r] < 0 || ref_dir[r] < 0) {
            goto out;
        }
    }
    printf("%.3f %.3f %zu %.3f\n", bsv_median(save, runs), bsv_median(ref, runs), len,
           bsv_median(ref_dir, runs));
    rc = 0;
out:
    progress_store_close(s);
    free(path);
    return rc;
}

int main(int argc, char **argv)
{
    long items = argc == 4 ? strtol(argv[2], NULL, 10) : 0;
    int runs = argc == 4 ? atoi(argv[3]) : 0;
    if (items < 1 || items > BSV_MAX_ITEMS || runs < 1 || runs > BSV_MAX_RUNS) {
        fputs("Usage: bench_save DIR ITEMS(1-1000000) RUNS(1-101)\n", stderr);
        return 2;
    }
    if (mkdir(argv[1], 0700) != 0 && access(argv[1], W_OK) != 0) {
        perror(argv[1]);
        return 1;
    }
    return bsv_run(argv[1], items, runs);
}
