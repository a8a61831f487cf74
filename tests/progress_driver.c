/* SPDX-License-Identifier: MIT */
/* A small driver for the progress store's end-to-end tests (crash, fault-injection,
 * concurrency and failure tests under tests/e2e/progress_*.sh). It uses the store exactly as
 * trail does, on guide id "ml-engineer" (or $PROGRESS_DRIVER_GUIDE), without a guide or a
 * terminal.
 *
 *   progress_driver show FILE                    open; print notices and every entry
 *   progress_driver set FILE ITEM STATE [MS] [retry]
 *                                                open, set, save once (twice with "retry"
 *                                                when the first save fails)
 *   progress_driver loop FILE ITEM               set and save forever; "ack MS" after each save
 *   progress_driver toggle FILE ITEM N           N changes of ITEM, each saved; prints the last
 *   progress_driver verify FILE                  parse only, no side effects: exit 0 sound,
 *                                                1 damaged, 3 newer, 4 unreadable
 *   progress_driver hold FILE                    take the save lock, print "locked", wait
 *   progress_driver reset FILE                   reset the guide's progress
 *
 * Before the first store call, `set` probes the path "progress-driver-begin" with access(2), a
 * marker strace can see so a test can count syscalls from there. Exit 0 on success, 1 when a
 * save failed, 2 on usage errors. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress.h"
#include "progress_fs.h"
#include "progress_store.h"

/* The guide id every command works on: tests that also run trail on a fixture guide name its
 * id in PROGRESS_DRIVER_GUIDE. */
static const char *guide_id(void)
{
    const char *id = getenv("PROGRESS_DRIVER_GUIDE");
    return id != NULL && *id != '\0' ? id : "ml-engineer";
}

#define GUIDE_ID guide_id()

static void print_entries(const struct progress *p)
{
    for (size_t g = 0; g < progress_count_guides(p); g++) {
        const struct progress_guide *pg = progress_guide_at(p, g);
        for (size_t i = 0; i < progress_guide_count_items(pg); i++) {
            const struct progress_item *it = progress_guide_item(pg, i);
            printf("%s %s %s %lld\n", progress_guide_id(pg), it->id, progress_state_name(it->state),
                   (long long)it->changed);
        }
    }
}

static void print_status(struct progress_store *s)
{
    if (progress_store_notice(s) != NULL) {
        fprintf(stderr, "notice: %s\n", progress_store_notice(s));
    }
    if (progress_store_readonly(s) != NULL) {
        fprintf(stderr, "read-only: %s\n", progress_store_readonly(s));
    }
}

static int save(struct progress_store *s)
{
    int rc = progress_store_save(s);
    fprintf(stderr, "%s\n", progress_store_message(s));
    return rc;
}

static int cmd_set(const char *file, const char *item, const char *state_name, int64_t ms,
                   bool retry)
{
    enum progress_state st;
    if (progress_state_parse(state_name, &st) != 0) {
        fprintf(stderr, "unknown state %s\n", state_name);
        return 2;
    }
    (void)access("progress-driver-begin", F_OK); /* marker for strace */
    struct progress_store *s = progress_store_open(file);
    print_status(s);
    progress_set_state(progress_store_doc(s), GUIDE_ID, item, st, ms);
    int rc = save(s);
    if (rc != 0 && retry) {
        rc = save(s) == 0 ? 3 : 1; /* 3: the retry saved what the failed save kept in memory */
    }
    progress_store_close(s);
    return rc == 0 ? 0 : rc == 3 ? 3 : 1;
}

static enum progress_state next_state(enum progress_state st)
{
    return (enum progress_state)((st + 1) % PROGRESS_STATE_COUNT);
}

/* Moves item to its next state and saves; on failure, says why and closes the store. */
static bool toggle_saved(struct progress_store *s, const char *item)
{
    struct progress *p = progress_store_doc(s);
    progress_set_state(p, GUIDE_ID, item, next_state(progress_get_state(p, GUIDE_ID, item)),
                       progress_now_ms());
    if (progress_store_save(s) != 0) {
        fprintf(stderr, "%s\n", progress_store_message(s));
        progress_store_close(s);
        return false;
    }
    return true;
}

static int cmd_loop(const char *file, const char *item)
{
    struct progress_store *s = progress_store_open(file);
    print_status(s);
    for (;;) {
        if (!toggle_saved(s, item)) {
            return 1;
        }
        struct progress *p = progress_store_doc(s);
        const struct progress_item *it = progress_find_item(progress_find_guide(p, GUIDE_ID), item);
        printf("ack %lld\n", (long long)it->changed);
        fflush(stdout);
    }
}

static int cmd_toggle(const char *file, const char *item, long n)
{
    struct progress_store *s = progress_store_open(file);
    print_status(s);
    for (long i = 0; i < n; i++) {
        if (!toggle_saved(s, item)) {
            return 1;
        }
    }
    struct progress *p = progress_store_doc(s);
    const struct progress_item *it = progress_find_item(progress_find_guide(p, GUIDE_ID), item);
    printf("%s %s %lld\n", item, progress_state_name(it->state), (long long)it->changed);
    progress_store_close(s);
    return 0;
}

static int cmd_verify(const char *file)
{
    char *buf = NULL, *err = NULL;
    size_t len = 0;
    int r = progress_fs_read(file, PROGRESS_STORE_MAX_SIZE, &buf, &len, &err);
    if (r != 1) {
        fprintf(stderr, "%s\n", err != NULL ? err : "missing or too large");
        free(err);
        return 4;
    }
    struct diag d = {0};
    enum progress_parse_status st;
    struct progress *p = progress_parse(file, buf, len, &st, &d);
    diag_print(&d, stderr);
    print_entries(p);
    progress_free(p);
    diag_free(&d);
    free(buf);
    return st == PROGRESS_PARSE_OK ? 0 : st == PROGRESS_PARSE_DAMAGED ? 1 : 3;
}

static int cmd_hold(const char *file)
{
    int fd = progress_fs_lock(file, 0, NULL);
    if (fd < 0) {
        return 1;
    }
    printf("locked\n");
    fflush(stdout);
    for (;;) {
        pause();
    }
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "show") == 0) {
        struct progress_store *s = progress_store_open(argv[2]);
        print_status(s);
        print_entries(progress_store_doc(s));
        progress_store_close(s);
        return 0;
    }
    if (argc >= 5 && strcmp(argv[1], "set") == 0) {
        int64_t ms = argc >= 6 ? strtoll(argv[5], NULL, 10) : progress_now_ms();
        bool retry = argc >= 7 && strcmp(argv[6], "retry") == 0;
        return cmd_set(argv[2], argv[3], argv[4], ms, retry);
    }
    if (argc == 4 && strcmp(argv[1], "loop") == 0) {
        return cmd_loop(argv[2], argv[3]);
    }
    if (argc == 5 && strcmp(argv[1], "toggle") == 0) {
        return cmd_toggle(argv[2], argv[3], strtol(argv[4], NULL, 10));
    }
    if (argc == 3 && strcmp(argv[1], "verify") == 0) {
        return cmd_verify(argv[2]);
    }
    if (argc == 3 && strcmp(argv[1], "hold") == 0) {
        return cmd_hold(argv[2]);
    }
    if (argc == 3 && strcmp(argv[1], "reset") == 0) {
        struct progress_store *s = progress_store_open(argv[2]);
        int rc = progress_store_reset(s, GUIDE_ID, NULL);
        fprintf(stderr, "%s\n", progress_store_message(s));
        progress_store_close(s);
        return rc == 0 ? 0 : 1;
    }
    fprintf(stderr, "usage: progress_driver show|set|loop|toggle|verify|hold|reset FILE ...\n");
    return 2;
}
