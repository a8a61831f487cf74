/* SPDX-License-Identifier: MIT */
/* The loader thread: see ui_loader.h.
 *
 * The thread shares nothing with the loop: it loads into a guide object of its own (from the
 * same directory) with a diag of its own, and sets an atomic flag when done; only then does the
 * loop read that object, after joining the thread, and take its parts over with
 * guide_adopt_parts(). The guide the loop uses is never touched by the thread, so screens may
 * load parts themselves meanwhile (a part loaded twice is simply not taken over). The thread
 * blocks every signal: they stay the loop's, delivered in its ppoll(). */
#include "ui_loader.h"

#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "diag.h"
#include "guide.h"
#include "xalloc.h"

#define UI_LOADER_PARTS (GUIDE_PART_CERTS | GUIDE_PART_FAQ)

/* Parts whose files add up to no more than this are loaded at once, by the loop: a thread
 * would cost more memory (its stack and glibc's per-thread caches, some 200 KiB of the
 * browser's peak with the bundled guide) than the wait it saves (that guide's certifications
 * and FAQ, 5 KiB, parse in well under a millisecond). */
#define UI_LOADER_INLINE_BYTES (256 * 1024)

struct ui_loader {
    pthread_t thread;
    atomic_bool done;
    const struct guide *for_g; /* the guide it loads for: taken over only into that one */
    char *dir;
    unsigned parts;
    struct guide *loaded; /* the thread's result (NULL when even guide.yaml failed) */
    struct diag diag;
    ui_later_fn then;
    int then_arg;
};

static void *load(void *arg)
{
    struct ui_loader *l = arg;
    l->loaded = guide_load(l->dir, l->parts, &l->diag);
    atomic_store(&l->done, true);
    return NULL;
}

bool ui_loader_start(struct ui *ui, ui_later_fn then, int arg)
{
    unsigned missing = ui->g->available & GUIDE_PART_ALL & ~ui->g->loaded;
    if (missing == 0 || (missing & ~UI_LOADER_PARTS) != 0) {
        return false; /* nothing to load, or a part only the guide itself may load */
    }
    struct ui_loader *l = ui->loader;
    if (l == NULL && guide_parts_bytes(ui->g, missing) <= UI_LOADER_INLINE_BYTES) {
        /* Small: loaded here. A part that fails is left out, as the thread would leave it;
         * the search loads it again and says its results are partial. */
        struct diag d = {0};
        guide_load_parts(ui->g, missing, &d);
        diag_free(&d);
        ui_stale_all(ui);
        return false;
    }
    if (l == NULL || l->for_g != ui->g) {
        ui_loader_free(ui);
        l = xcalloc(1, sizeof *l);
        atomic_init(&l->done, false);
        l->for_g = ui->g;
        l->dir = xstrdup(ui->g->dir);
        l->parts = missing;
#ifdef M_ARENA_MAX
        /* glibc gives a thread's first allocation an arena of its own (a 64 MiB mapping, and
         * the pages it touches): one thread that runs once shares the main one instead, which
         * keeps some 120 KiB off the browser's peak memory (make bench, figure 5). */
        mallopt(M_ARENA_MAX, 1);
#endif
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &old);
        int rc = pthread_create(&l->thread, NULL, load, l);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        if (rc != 0) {
            free(l->dir);
            free(l);
            return false;
        }
        ui->loader = l;
    }
    l->then = then;
    l->then_arg = arg;
    return true;
}

bool ui_loader_busy(const struct ui *ui)
{
    return ui->loader != NULL && !atomic_load(&ui->loader->done);
}

/* Joins the thread and frees the loader, taking the parts over into g when it is the guide
 * they were loaded for. */
static void finish(struct ui_loader *l, struct guide *g)
{
    pthread_join(l->thread, NULL);
    if (l->loaded != NULL && g == l->for_g) {
        guide_adopt_parts(g, l->loaded);
    }
    guide_free(l->loaded);
    diag_free(&l->diag);
    free(l->dir);
    free(l);
}

enum ui_result ui_loader_poll(struct ui *ui, ui_later_fn *then, int *arg)
{
    *then = NULL;
    struct ui_loader *l = ui->loader;
    if (l == NULL || !atomic_load(&l->done)) {
        return UI_RES_NONE;
    }
    ui->loader = NULL;
    bool same = ui->g == l->for_g;
    if (same) {
        *then = l->then;
        *arg = l->then_arg;
    }
    finish(l, ui->g);
    if (!same) {
        return UI_RES_NONE;
    }
    ui_stale_all(ui); /* Home's menu and the search's results may change with the parts */
    return UI_RES_ALL;
}

void ui_loader_cancel_then(struct ui *ui)
{
    if (ui->loader != NULL) {
        ui->loader->then = NULL;
    }
}

void ui_loader_free(struct ui *ui)
{
    if (ui->loader != NULL) {
        finish(ui->loader, NULL);
        ui->loader = NULL;
    }
}
