/* SPDX-License-Identifier: MIT */
/* pty_driver: runs a full-screen program in a pseudo-terminal of a given size and measures its
 * first frame, the bytes each keystroke makes it write, and its peak memory (figures 3-5).
 *
 * The first frame is up when the expected text has appeared: pass a text the program writes
 * last on its first screen (trail's footer, less's prompt), and the frame time runs from fork
 * to the read that completed it. A program may go on writing after its first frame (trail
 * fills in the career path right after it): the settle time is from fork to the last byte
 * before the output went quiet for the quiet period (the quiet wait itself is not counted).
 * Each keystroke step writes its keys and counts the bytes of the burst that answers them,
 * again until quiet. At the end the quit keys are sent and the child is reaped with wait4(), which
 * gives its peak RSS. The driver never answers terminal queries: neither ncurses nor less
 * sends any at start-up.
 *
 * Usage: pty_driver [-c COLS] [-r ROWS] [-q QUIET_MS] [-t TIMEOUT_MS] [-e TEXT] [-k KEYS]...
 *                   [-x QUIT_KEYS] [-o RAW_FILE] -- CMD [ARG]...
 * KEYS take C escapes: \e \n \r \t \\ \xHH. Default quit keys: "q". Without -e, any output
 * counts as the start of the frame. -o saves every byte the program wrote, for inspection.
 * Output, one line: "frame_ms=F settle_ms=T frame_bytes=N keys=B1,B2,... rss_kb=R status=S"
 * (frame_bytes: everything written until the output settled).
 * Exit 0 when the program drew, answered and exited 0; 1 otherwise (with a message). */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DRV_MAX_STEPS 16

struct drv {
    int fd;
    pid_t pid;
    double t0;
    int quiet_ms, timeout_ms;
    char *out; /* everything the program wrote, for the text search */
    size_t len, cap;
    double last_byte; /* ms since t0 */
};

static double drv_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void drv_append(struct drv *d, const char *buf, size_t n)
{
    if (d->len + n > d->cap) {
        d->cap = (d->len + n) * 2;
        d->out = realloc(d->out, d->cap);
        if (d->out == NULL) {
            fputs("pty_driver: out of memory\n", stderr);
            exit(1);
        }
    }
    memcpy(d->out + d->len, buf, n);
    d->len += n;
    d->last_byte = drv_now() - d->t0;
}

/* Reads what is available within wait_ms. Returns bytes read, 0 on timeout, -1 at EOF. */
static long drv_read(struct drv *d, int wait_ms)
{
    struct pollfd p = {.fd = d->fd, .events = POLLIN};
    int r = poll(&p, 1, wait_ms);
    if (r < 0 && errno == EINTR) {
        return 0;
    }
    if (r <= 0) {
        return r < 0 ? -1 : 0;
    }
    char buf[65536];
    ssize_t n = read(d->fd, buf, sizeof buf);
    if (n <= 0) {
        return n < 0 && errno == EINTR ? 0 : -1; /* EIO: the child closed the terminal */
    }
    drv_append(d, buf, (size_t)n);
    return n;
}

/* Waits until text (when given) appears after offset `from`, then until the output is quiet.
 * Returns 0, or -1 on timeout or EOF. */
static int drv_settle(struct drv *d, size_t from, const char *text, double *text_ms)
{
    double deadline = drv_now() + d->timeout_ms;
    size_t tlen = text ? strlen(text) : 0;
    int seen = 0;
    while (!seen) {
        seen = d->len > from && (tlen == 0 || memmem(d->out + from, d->len - from, text, tlen));
        if (seen) {
            break;
        }
        int left = (int)(deadline - drv_now());
        if (left <= 0 || drv_read(d, left) < 0) {
            return -1;
        }
    }
    *text_ms = d->last_byte;
    for (;;) {
        long n = drv_read(d, d->quiet_ms);
        if (n == 0) {
            return 0;
        }
        if (n < 0 || drv_now() > deadline) {
            return -1;
        }
    }
}

static size_t drv_unescape(const char *s, char *out)
{
    size_t n = 0;
    for (; *s; s++) {
        if (*s != '\\' || s[1] == '\0') {
            out[n++] = *s;
            continue;
        }
        s++;
        switch (*s) {
        case 'e':
            out[n++] = '\033';
            break;
        case 'n':
            out[n++] = '\n';
            break;
        case 'r':
            out[n++] = '\r';
            break;
        case 't':
            out[n++] = '\t';
            break;
        case 'x': {
            char hex[3] = {s[1], s[1] ? s[2] : '\0', '\0'};
            out[n++] = (char)strtol(hex, NULL, 16);
            s += strlen(hex);
            break;
        }
        default:
            out[n++] = *s;
        }
    }
    return n;
}

static int drv_send(struct drv *d, const char *keys)
{
    char buf[256];
    size_t n = drv_unescape(keys, buf);
    return write(d->fd, buf, n) == (ssize_t)n ? 0 : -1;
}

/* Sends the quit keys, drains the output until the child exits and reaps it. */
static int drv_finish(struct drv *d, const char *quit, long *rss_kb)
{
    if (quit != NULL) {
        drv_send(d, quit);
    }
    double deadline = drv_now() + d->timeout_ms;
    int status = -1;
    struct rusage ru;
    for (;;) {
        pid_t r = wait4(d->pid, &status, WNOHANG, &ru);
        if (r == d->pid) {
            break;
        }
        if (drv_now() > deadline) {
            kill(d->pid, SIGKILL);
            wait4(d->pid, &status, 0, &ru);
            fputs("pty_driver: the program did not quit; killed\n", stderr);
            status = -1;
            break;
        }
        if (drv_read(d, 10) < 0) {
            usleep(1000); /* terminal closed; the child is exiting */
        }
    }
    *rss_kb = ru.ru_maxrss;
    return status;
}

static void drv_save(const struct drv *d, const char *path)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(d->out, 1, d->len, f) != d->len || fclose(f) != 0) {
        perror(path);
    }
}

struct drv_args {
    struct winsize ws;
    const char *text, *quit, *raw;
    const char *keys[DRV_MAX_STEPS];
    int n_keys;
    char **argv;
};

static int drv_parse(int argc, char **argv, struct drv *d, struct drv_args *a)
{
    int c;
    while ((c = getopt(argc, argv, "c:r:q:t:e:k:x:o:")) != -1) {
        switch (c) {
        case 'c':
            a->ws.ws_col = (unsigned short)atoi(optarg);
            break;
        case 'r':
            a->ws.ws_row = (unsigned short)atoi(optarg);
            break;
        case 'q':
            d->quiet_ms = atoi(optarg);
            break;
        case 't':
            d->timeout_ms = atoi(optarg);
            break;
        case 'e':
            a->text = optarg;
            break;
        case 'k':
            if (a->n_keys == DRV_MAX_STEPS) {
                return -1;
            }
            a->keys[a->n_keys++] = optarg;
            break;
        case 'x':
            a->quit = optarg;
            break;
        case 'o':
            a->raw = optarg;
            break;
        default:
            return -1;
        }
    }
    a->argv = argv + optind;
    return optind < argc && a->ws.ws_col > 0 && a->ws.ws_row > 0 && d->quiet_ms > 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    struct drv d = {.quiet_ms = 150, .timeout_ms = 20000};
    struct drv_args a = {.ws = {.ws_row = 24, .ws_col = 80}, .quit = "q"};
    if (drv_parse(argc, argv, &d, &a) < 0) {
        fputs("Usage: pty_driver [-c COLS] [-r ROWS] [-q QUIET_MS] [-t TIMEOUT_MS] [-e TEXT] "
              "[-k KEYS]... [-x QUIT_KEYS] [-o RAW_FILE] -- CMD [ARG]...\n",
              stderr);
        return 2;
    }
    if (getenv("TERM") == NULL) {
        setenv("TERM", "xterm-256color", 1);
    }
    d.t0 = drv_now();
    d.pid = forkpty(&d.fd, NULL, NULL, &a.ws);
    if (d.pid < 0) {
        perror("pty_driver: forkpty");
        return 1;
    }
    if (d.pid == 0) {
        execvp(a.argv[0], a.argv);
        _exit(127);
    }
    double frame_ms = 0, unused;
    int rc = drv_settle(&d, 0, a.text, &frame_ms);
    double settle_ms = d.last_byte;
    size_t frame_bytes = d.len;
    char keys[DRV_MAX_STEPS * 24] = "";
    for (int i = 0; rc == 0 && i < a.n_keys; i++) {
        size_t before = d.len;
        rc = drv_send(&d, a.keys[i]) == 0 ? drv_settle(&d, before, NULL, &unused) : -1;
        snprintf(keys + strlen(keys), sizeof keys - strlen(keys), "%s%zu", i ? "," : "",
                 d.len - before);
    }
    if (rc < 0) {
        fprintf(stderr, "pty_driver: %s: timed out or ended before drawing '%s' (%zu bytes)\n",
                a.argv[0], a.text ? a.text : "", d.len);
    }
    long rss = 0;
    int status = drv_finish(&d, a.quit, &rss);
    printf("frame_ms=%.2f settle_ms=%.2f frame_bytes=%zu keys=%s rss_kb=%ld status=%d\n",
           frame_ms, settle_ms, frame_bytes, a.n_keys ? keys : "-", rss, status);
    if (a.raw != NULL) {
        drv_save(&d, a.raw);
    }
    free(d.out);
    return rc == 0 && status == 0 ? 0 : 1;
}
