/* SPDX-License-Identifier: MIT */
/* bench_journal: figure 9, a progress file whose journal holds many events.
 *
 * Builds a progress file of one guide with EVENTS time logs (and a few ticks) through the
 * store, then measures, alternately and in the same run:
 *   - loading it: progress_parse() of the file's bytes vs a libyaml event scan of the same
 *     bytes (the least a YAML reader does);
 *   - the peak RSS of a fresh process that reads and parses the file (this program run as
 *     "bench_journal load FILE"), against the file's size;
 *   - a save after one more event: progress_store_save() vs one write+fsync+rename of the
 *     same bytes in the same directory.
 *
 * Usage: bench_journal DIR EVENTS RUNS
 * Output, one line: "<load ms> <scan ms> <peak RSS KiB> <file KiB> <save ms> <reference ms>". */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "progress.h"
#include "progress_journal.h"
#include "progress_store.h"
#include "xalloc.h"

#define BJ_MAX_RUNS 101
#define BJ_GUIDE    "ml-engineer"

static double bj_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int bj_compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double bj_median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], bj_compare);
    return v[n / 2];
}

static char *bj_slurp(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0) {
        if (fd >= 0) {
            close(fd);
        }
        return NULL;
    }
    char *buf = xmalloc((size_t)st.st_size);
    ssize_t n = read(fd, buf, (size_t)st.st_size);
    close(fd);
    *len = n > 0 ? (size_t)n : 0;
    return buf;
}

/* The libyaml event scan of buf: every event parsed and dropped. 0 or -1. */
static int bj_scan(const char *buf, size_t len)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    int rc = 0;
    for (bool done = false; !done;) {
        if (!yaml_parser_parse(&parser, &ev)) {
            rc = -1;
            break;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return rc;
}

static double bj_parse(const char *buf, size_t len)
{
    enum progress_parse_status st;
    struct diag d = {0};
    double t0 = bj_now();
    struct progress *p = progress_parse("journal.yaml", buf, len, &st, &d);
    double t = bj_now() - t0;
    progress_free(p);
    diag_free(&d);
    return t;
}

/* The peak RSS in KiB of this program run as "load FILE" (read and parse once); -1. */
static long bj_rss(const char *self, const char *path)
{
    pid_t pid = fork();
    if (pid == 0) {
        execl(self, self, "load", path, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
        return -1;
    }
    return ru.ru_maxrss;
}

static double bj_reference(const char *dir, const char *buf, size_t len)
{
    char *tmp = xasprintf("%s/reference.yaml.tmp", dir);
    char *dst = xasprintf("%s/reference.yaml", dir);
    unlink(tmp);
    double t0 = bj_now();
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    int ok = fd >= 0 && write(fd, buf, len) == (ssize_t)len && fsync(fd) == 0;
    ok = fd >= 0 && close(fd) == 0 && ok && rename(tmp, dst) == 0;
    double t = bj_now() - t0;
    free(tmp);
    free(dst);
    return ok ? t : -1;
}

/* A file of `events` time logs on 50 key actions, a minute apart, ending now. */
static int bj_build(const char *path, long events)
{
    unlink(path);
    struct progress_store *s = progress_store_open(path);
    struct progress *p = progress_store_doc(s);
    int64_t now = progress_now_ms();
    for (long i = 0; i < events; i++) {
        char id[64];
        snprintf(id, sizeof id, "phase-%ld/action-%02ld", i % 5, i % 50);
        if (i % 1000 == 999) {
            progress_set_state(p, BJ_GUIDE, id, PROGRESS_DONE, now - (events - i) * 60000);
        } else {
            progress_log_time(p, BJ_GUIDE, id, 15 + (unsigned)(i % 90), now - (events - i) * 60000,
                              NULL);
        }
    }
    int rc = progress_store_save(s);
    if (rc != 0) {
        fprintf(stderr, "bench_journal: %s\n", progress_store_message(s));
    }
    progress_store_close(s);
    return rc;
}

static int bj_run(const char *self, const char *dir, long events, int runs)
{
    char *path = xasprintf("%s/journal.yaml", dir);
    if (bj_build(path, events) != 0) {
        free(path);
        return 1;
    }
    size_t len = 0;
    char *buf = bj_slurp(path, &len);
    double load[BJ_MAX_RUNS], scan[BJ_MAX_RUNS], save[BJ_MAX_RUNS], ref[BJ_MAX_RUNS];
    for (int r = 0; r < runs; r++) {
        load[r] = bj_parse(buf, len);
        double t0 = bj_now();
        bj_scan(buf, len);
        scan[r] = bj_now() - t0;
    }
    long rss = bj_rss(self, path);
    struct progress_store *s = progress_store_open(path);
    int rc = 0;
    for (int r = 0; r < runs && rc == 0; r++) {
        progress_log_time(progress_store_doc(s), BJ_GUIDE, "phase-0/action-00", 30,
                          progress_now_ms(), NULL);
        double t0 = bj_now();
        rc = progress_store_save(s);
        save[r] = bj_now() - t0;
        free(buf);
        buf = bj_slurp(path, &len);
        ref[r] = bj_reference(dir, buf, len);
    }
    progress_store_close(s);
    if (rc == 0) {
        printf("%.3f %.3f %ld %zu %.3f %.3f\n", bj_median(load, runs), bj_median(scan, runs), rss,
               len / 1024, bj_median(save, runs), bj_median(ref, runs));
    }
    free(buf);
    free(path);
    return rc == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "load") == 0) {
        size_t len = 0;
        char *buf = bj_slurp(argv[2], &len);
        if (buf == NULL) {
            return 1;
        }
        bj_parse(buf, len);
        free(buf);
        return 0;
    }
    long events = argc == 4 ? strtol(argv[2], NULL, 10) : 0;
    int runs = argc == 4 ? atoi(argv[3]) : 0;
    if (events <= 0 || events > 10000000 || runs <= 0 || runs > BJ_MAX_RUNS) {
        fprintf(stderr, "usage: bench_journal DIR EVENTS RUNS (RUNS at most %d)\n", BJ_MAX_RUNS);
        return 2;
    }
    if (mkdir(argv[1], 0700) != 0 && access(argv[1], W_OK) != 0) {
        perror(argv[1]);
        return 2;
    }
    return bj_run(argv[0], argv[1], events, runs);
}
