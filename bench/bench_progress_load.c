/* SPDX-License-Identifier: MIT */
/* bench_progress_load: figure 8, loading a progress file is linear in its number of guides.
 *
 * Writes a valid progress file with N guide entries of one item each (the shape of a file
 * that once took minutes to load) for a small and a large N, then times opening it through
 * the store as every command does (progress_store_open(): read, parse, merge into the
 * document) and closing it. Runs alternate between the two sizes, so both see the same load
 * on the machine. The figure is the time per guide entry at the large size against the same
 * at the small size: flat (a ratio near 1) when loading is linear, N_large / N_small when it
 * is quadratic.
 *
 * Usage: bench_progress_load DIR SMALL LARGE RUNS
 * Output, one line: "<median ms small> <median ms large> <us per entry small> <us per entry
 * large>". */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "progress_store.h"

#define BPL_MAX_RUNS   101
#define BPL_MAX_GUIDES 1000000

static double bpl_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int bpl_compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double bpl_median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], bpl_compare);
    return v[n / 2];
}

/* Writes the file of n guides, one item each; returns 0 or -1. */
static int bpl_write(const char *path, long n)
{
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    fputs("version: 1\nguides:\n", f);
    for (long i = 0; i < n; i++) {
        fprintf(f,
                "  guide-%07ld:\n    items:\n      phase/action-%ld:\n        state: done\n"
                "        changed: 2026-11-26T06:30:12.345Z\n",
                i, i);
    }
    if (fclose(f) != 0) {
        perror(path);
        return -1;
    }
    return 0;
}

/* Opens and closes the store on path; returns the ms taken, or -1 when the file did not load
 * as n sound guide entries. */
static double bpl_load(const char *path, long n)
{
    double t0 = bpl_now();
    struct progress_store *s = progress_store_open(path);
    size_t guides = progress_count_guides(progress_store_doc(s));
    bool sound = progress_store_notice(s) == NULL && progress_store_readonly(s) == NULL;
    progress_store_close(s);
    double t = bpl_now() - t0;
    return sound && guides == (size_t)n ? t : -1;
}

int main(int argc, char **argv)
{
    long small = argc == 5 ? strtol(argv[2], NULL, 10) : 0;
    long large = argc == 5 ? strtol(argv[3], NULL, 10) : 0;
    int runs = argc == 5 ? atoi(argv[4]) : 0;
    if (small < 1 || large < small || large > BPL_MAX_GUIDES || runs < 1 || runs > BPL_MAX_RUNS) {
        fprintf(stderr, "usage: bench_progress_load DIR SMALL LARGE RUNS\n");
        return 2;
    }
    if (mkdir(argv[1], 0700) != 0 && access(argv[1], W_OK) != 0) {
        perror(argv[1]);
        return 2;
    }
    char ps[4096], pl[4096];
    snprintf(ps, sizeof ps, "%s/guides-%ld.yaml", argv[1], small);
    snprintf(pl, sizeof pl, "%s/guides-%ld.yaml", argv[1], large);
    if (bpl_write(ps, small) != 0 || bpl_write(pl, large) != 0) {
        return 1;
    }
    double ts[BPL_MAX_RUNS], tl[BPL_MAX_RUNS];
    for (int i = 0; i < runs; i++) {
        ts[i] = bpl_load(ps, small);
        tl[i] = bpl_load(pl, large);
        if (ts[i] < 0 || tl[i] < 0) {
            fprintf(stderr, "bench_progress_load: a generated file did not load cleanly\n");
            return 1;
        }
    }
    double ms = bpl_median(ts, runs), ml = bpl_median(tl, runs);
    printf("%.3f %.3f %.3f %.3f\n", ms, ml, ms * 1e3 / (double)small, ml * 1e3 / (double)large);
    return 0;
}
