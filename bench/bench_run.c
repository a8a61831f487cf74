/* SPDX-License-Identifier: MIT */
/* bench_run: runs a command several times and prints the median wall time and the peak
 * resident set size of the child (getrusage's ru_maxrss, through wait4), for figures 1 and 5.
 *
 * The child's standard output and error go to /dev/null so that terminal speed is not
 * measured. A run that exits non-zero fails the whole measurement: a benchmark of a command
 * that failed is meaningless.
 *
 * Usage: bench_run RUNS CMD [ARG]...
 * Output, one line: "<median ms> <min ms> <max ms> <peak RSS KiB>" */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUN_MAX 101

static double run_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int run_compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Runs argv once; stores its wall time and peak RSS. Returns its wait status, or -1. */
static int run_once(char **argv, double *ms, long *rss_kb)
{
    double t0 = run_now_ms();
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench_run: fork");
        return -1;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        execvp(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("bench_run: wait4");
        return -1;
    }
    *ms = run_now_ms() - t0;
    *rss_kb = ru.ru_maxrss;
    return status;
}

int main(int argc, char **argv)
{
    int runs = argc > 2 ? atoi(argv[1]) : 0;
    if (runs < 1 || runs > RUN_MAX) {
        fputs("Usage: bench_run RUNS(1-101) CMD [ARG]...\n", stderr);
        return 2;
    }
    double ms[RUN_MAX];
    long peak = 0;
    for (int i = 0; i < runs; i++) {
        long rss;
        int status = run_once(argv + 2, &ms[i], &rss);
        if (status != 0) {
            fprintf(stderr, "bench_run: %s failed (status %d)\n", argv[2], status);
            return 1;
        }
        peak = rss > peak ? rss : peak;
    }
    qsort(ms, (size_t)runs, sizeof ms[0], run_compare);
    printf("%.2f %.2f %.2f %ld\n", ms[runs / 2], ms[0], ms[runs - 1], peak);
    return 0;
}
