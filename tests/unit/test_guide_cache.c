/* SPDX-License-Identifier: MIT */
/* The compiled copies of a guide's parts (guide_cache.h, file_cache.h): a guide read back from
 * its copies equals the guide parsed from its YAML, field by field; a copy is used only while
 * its source is unchanged and the copy is whole; a part with a warning is never kept. The same
 * of a Markdown plan's first screen (its title and introduction). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "file_cache.h"
#include "guide.h"
#include "guide_cache.h"
#include "tmpdir.h"
#include "xalloc.h"

/* Every field the two parts have, most in both forms (given and not). */
static const char INFO[] =
    "format: 1\n"
    "id: sample\n"
    "title: \"Sample Guide \xc3\xa9\"\n"
    "short_title: Sample\n"
    "intro: \"An intro.\"\n"
    "stats:\n"
    "  salary: {label: Salary, text: \"$1 - $2\", min: 1, max: 2, currency: EUR}\n"
    "  growth: {label: Growth, text: \"+5%\", percent: 5, by_year: 2030}\n"
    "  time_to_career: {label: Time, text: \"1-2 months\", min_months: 1, max_months: 2}\n"
    "  difficulty: {label: Difficulty, text: Hard, level: expert}\n"
    "overview:\n"
    "  - {title: One, text: \"First.\\n\\nSecond paragraph.\"}\n"
    "  - {title: Two, text: Second}\n"
    "call_to_action: {title: Go, text: Now}\n";
static const char PATH[] =
    "title: Path\n"
    "phases:\n"
    "  - id: a\n"
    "    title: A\n"
    "    start_month: 1\n"
    "    end_month: 3\n"
    "    duration: \"3 months\"\n"
    "    summary: Sum\n"
    "    actions_title: Do\n"
    "    actions:\n"
    "      - {id: a/one, text: One, effort_hours: 12, evidence: [repo, url]}\n"
    "      - {id: a/two, text: Two}\n"
    "  - id: b\n"
    "    title: B\n"
    "    summary: Other\n"
    "    actions:\n"
    "      - id: b/one\n"
    "        text: \"B one\"\n";
static const char CERTS[] = "title: Certs\n"
                            "certifications:\n"
                            "  - {id: c1, name: C, issuer: I, description: D}\n";

static char *dir;

static void put(const char *name, const char *text)
{
    char *path = xasprintf("%s/g/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
    free(path);
}

/* Waits until the clock is a file-time tick past the guide's last change, so that copies
 * written from now on are trusted. */
static void tick(void)
{
    long long last = 0;
    static const char *const names[] = {"guide.yaml", "career-path.yaml", "certifications.yaml",
                                        "plan.md", "README.md"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char *path = xasprintf("%s/g/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0) {
            long long t = (long long)st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec;
            last = t > last ? t : last;
        }
        free(path);
    }
    for (;;) {
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        if ((long long)now.tv_sec * 1000000000LL + now.tv_nsec > last + 20000000LL) {
            return;
        }
    }
}

static int setup(void **state)
{
    (void)state;
    dir = test_tmpdir_new("guide-cache");
    assert_non_null(dir);
    char *g = xasprintf("%s/g", dir), *cache = xasprintf("%s/cache", dir);
    assert_int_equal(mkdir(g, 0700), 0);
    setenv("XDG_CACHE_HOME", cache, 1);
    free(g);
    free(cache);
    put("guide.yaml", INFO);
    put("career-path.yaml", PATH);
    put("certifications.yaml", CERTS);
    tick();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    assert_int_equal(test_tmpdir_remove(dir), 0);
    return 0;
}

static struct guide *load(unsigned parts)
{
    char *g = xasprintf("%s/g", dir);
    struct diag d = {0};
    struct guide *guide = guide_load(g, parts, &d);
    assert_non_null(guide);
    assert_int_equal(d.errors + d.warnings, 0);
    diag_free(&d);
    free(g);
    return guide;
}

static void same_str(const char *a, const char *b)
{
    if (a == NULL || b == NULL) {
        assert_ptr_equal(a, b);
    } else {
        assert_string_equal(a, b);
    }
}

static void same_stat(const struct guide_stat *a, const struct guide_stat *b)
{
    assert_int_equal(a->present, b->present);
    same_str(a->label, b->label);
    same_str(a->text, b->text);
}

/* Every field of the INFO and PATH parts. */
static void same_guide(const struct guide *a, const struct guide *b)
{
    same_str(a->id, b->id);
    same_str(a->title, b->title);
    same_str(a->short_title, b->short_title);
    same_str(a->intro, b->intro);
    const struct guide_stats *x = &a->stats, *y = &b->stats;
    same_stat(&x->salary, &y->salary);
    assert_int_equal(x->has_salary_range, y->has_salary_range);
    assert_int_equal(x->salary_min, y->salary_min);
    assert_int_equal(x->salary_max, y->salary_max);
    same_str(x->currency, y->currency);
    same_stat(&x->growth, &y->growth);
    assert_int_equal(x->has_growth_percent, y->has_growth_percent);
    assert_int_equal(x->growth_percent, y->growth_percent);
    assert_int_equal(x->growth_by_year, y->growth_by_year);
    same_stat(&x->time, &y->time);
    assert_int_equal(x->has_time_range, y->has_time_range);
    assert_int_equal(x->time_min_months, y->time_min_months);
    assert_int_equal(x->time_max_months, y->time_max_months);
    same_stat(&x->difficulty, &y->difficulty);
    assert_int_equal(x->level, y->level);
    assert_int_equal(a->n_overview, b->n_overview);
    for (size_t i = 0; i < a->n_overview; i++) {
        same_str(a->overview[i].title, b->overview[i].title);
        same_str(a->overview[i].text, b->overview[i].text);
    }
    assert_int_equal(a->cta == NULL, b->cta == NULL);
    if (a->cta != NULL) {
        same_str(a->cta->title, b->cta->title);
        same_str(a->cta->text, b->cta->text);
        same_str(a->cta->button, b->cta->button);
    }
    same_str(a->path_title, b->path_title);
    assert_int_equal(a->n_phases, b->n_phases);
    for (size_t i = 0; i < a->n_phases; i++) {
        const struct guide_phase *p = &a->phases[i], *q = &b->phases[i];
        same_str(p->id, q->id);
        same_str(p->title, q->title);
        same_str(p->duration, q->duration);
        assert_int_equal(p->start_month, q->start_month);
        assert_int_equal(p->end_month, q->end_month);
        same_str(p->summary, q->summary);
        same_str(p->actions_title, q->actions_title);
        assert_int_equal(p->depth, q->depth);
        assert_int_equal(p->n_actions, q->n_actions);
        assert_int_equal(p->effort_hours == NULL, q->effort_hours == NULL);
        for (size_t j = 0; j < p->n_actions; j++) {
            const struct guide_action *s = &p->actions[j], *t = &q->actions[j];
            same_str(s->id, t->id);
            same_str(s->text, t->text);
            same_str(s->link, t->link);
            assert_int_equal(s->depth, t->depth);
            assert_int_equal(s->line, t->line);
            assert_int_equal(s->ticked, t->ticked);
            assert_int_equal(s->personal, t->personal);
            assert_int_equal(s->evidence, t->evidence);
            if (p->effort_hours != NULL) {
                assert_int_equal(p->effort_hours[j], q->effort_hours[j]);
            }
        }
    }
}

/* A guide of guide.yaml alone, then career-path.yaml read from its copy only. */
static struct guide *path_from_copy(bool *used)
{
    struct guide *g = load(GUIDE_PART_INFO);
    char *file = xasprintf("%s/g/career-path.yaml", dir);
    *used = guide_cache_read(g, GUIDE_PART_PATH, file);
    free(file);
    return g;
}

static void test_copy_equals_parse(void **state)
{
    (void)state;
    struct guide *parsed = load(GUIDE_PART_INFO | GUIDE_PART_PATH);
    struct guide *first = load(GUIDE_PART_INFO | GUIDE_PART_PATH | GUIDE_LOAD_CACHED);
    same_guide(parsed, first);
    bool used = false;
    struct guide *copied = path_from_copy(&used);
    assert_true(used);
    same_guide(parsed, copied);
    guide_free(copied);
    guide_free(first);
    guide_free(parsed);
}

static void test_info_copy(void **state)
{
    (void)state;
    struct guide *parsed = load(GUIDE_PART_INFO | GUIDE_PART_PATH);
    guide_free(load(GUIDE_PART_INFO | GUIDE_LOAD_CACHED));
    struct guide *g = load(GUIDE_PART_HEAD | GUIDE_PART_PATH);
    char *file = xasprintf("%s/g/guide.yaml", dir);
    assert_true(guide_cache_read(g, GUIDE_PART_INFO, file));
    free(file);
    same_guide(parsed, g);
    assert_int_equal(g->loaded & GUIDE_PART_INFO, GUIDE_PART_INFO);
    guide_free(g);
    guide_free(parsed);
}

/* The ids of a part read from its copy keep where they were written: a duplicate in a part
 * parsed later names the same first place as after a parse. */
static void test_ids_keep_their_place(void **state)
{
    (void)state;
    put("certifications.yaml", "title: Certs\ncertifications:\n"
                               "  - {id: b, name: C, issuer: I, description: D}\n");
    guide_free(load(GUIDE_PART_INFO | GUIDE_PART_PATH | GUIDE_LOAD_CACHED));
    char *g = xasprintf("%s/g", dir);
    char *msg[2];
    for (int i = 0; i < 2; i++) {
        struct diag d = {0};
        struct guide *guide = guide_load(g, GUIDE_PART_ALL | (i ? GUIDE_LOAD_CACHED : 0), &d);
        assert_null(guide);
        assert_int_equal(d.errors, 1);
        msg[i] = xstrdup(d.msgs[0].text);
        diag_free(&d);
    }
    assert_non_null(strstr(msg[0], "duplicate id 'b' (first used at "));
    assert_non_null(strstr(msg[0], "career-path.yaml:13:9)"));
    assert_string_equal(msg[0], msg[1]);
    free(msg[0]);
    free(msg[1]);
    free(g);
    put("certifications.yaml", CERTS);
}

static char *copy_path(void)
{
    return xasprintf("%s/cache/trail/guides", dir);
}

/* The name of the cache file that holds text, into name (size bytes); its bytes into buf (size
 * bytes), their count returned. */
static size_t read_copy_with(const char *text, char *name, char *buf, size_t size)
{
    char *list = copy_path();
    char *cmd = xasprintf("grep -l '%s' '%s'/*", text, list);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    name[0] = '\0';
    assert_non_null(fgets(name, (int)size, p));
    pclose(p);
    name[strcspn(name, "\n")] = '\0';
    FILE *f = fopen(name, "rb");
    assert_non_null(f);
    size_t n = fread(buf, 1, size, f);
    fclose(f);
    assert_true(n > 100 && n < size);
    free(cmd);
    free(list);
    return n;
}

/* Every byte of the path's copy changed in turn, and the copy cut at every length: never
 * used, never a crash (the sanitizers watch). */
static void test_damaged_copy(void **state)
{
    (void)state;
    guide_free(load(GUIDE_PART_INFO | GUIDE_PART_PATH | GUIDE_LOAD_CACHED));
    bool used = false;
    guide_free(path_from_copy(&used));
    assert_true(used);
    /* the copy: the cache file that holds "B one" */
    char name[4096], buf[8192];
    size_t n = read_copy_with("B one", name, buf, sizeof buf);
    FILE *f;
    for (size_t i = 0; i <= n; i++) {
        f = fopen(name, "wb");
        assert_non_null(f);
        if (i < n) {
            buf[i] ^= 0x20;
            assert_int_equal(fwrite(buf, 1, n, f), n);
            buf[i] ^= 0x20;
        }
        assert_int_equal(fwrite(buf, 1, i < n ? 0 : n - 1, f), i < n ? 0 : n - 1);
        fclose(f);
        guide_free(path_from_copy(&used));
        assert_false(used);
    }
    for (size_t len = 0; len < n; len += 7) {
        f = fopen(name, "wb");
        assert_int_equal(fwrite(buf, 1, len, f), len);
        fclose(f);
        guide_free(path_from_copy(&used));
        assert_false(used);
    }
}

/* A source changed since its copy was written: the copy is not used. */
static void test_changed_source(void **state)
{
    (void)state;
    guide_free(load(GUIDE_PART_INFO | GUIDE_PART_PATH | GUIDE_LOAD_CACHED));
    put("career-path.yaml", PATH); /* the same bytes, a new version of the file */
    bool used = true;
    guide_free(path_from_copy(&used));
    assert_false(used);
    tick();
}

/* A part with a warning is never kept: the warning is printed by every command. */
static void test_warning_not_kept(void **state)
{
    (void)state;
    char *path = xasprintf("title: Path\nsubtitle: x\n%s", strchr(PATH, '\n') + 1);
    put("career-path.yaml", path);
    free(path);
    tick();
    char *g = xasprintf("%s/g", dir);
    for (int i = 0; i < 2; i++) {
        struct diag d = {0};
        struct guide *guide =
            guide_load(g, GUIDE_PART_INFO | GUIDE_PART_PATH | GUIDE_LOAD_CACHED, &d);
        assert_non_null(guide);
        assert_int_equal(d.warnings, 1);
        diag_free(&d);
        guide_free(guide);
    }
    free(g);
    bool used = true;
    guide_free(path_from_copy(&used));
    assert_false(used);
    put("career-path.yaml", PATH);
    tick();
}

/* ---- A Markdown plan's first screen ---- */

static const char PLAN[] = "# Plan \xc3\xa9\n"
                           "\n"
                           "The intro, with [a site](https://example.org).\n"
                           "\n"
                           "## One\n"
                           "\n"
                           "- [ ] First\n"
                           "- [ ] Second\n";
#define MARK "From the copy."

static char *plan_path(const char *name)
{
    return xasprintf("%s/g/%s", dir, name);
}

/* The plan at path as the browser first loads it (with parts | GUIDE_PART_INFO), with no
 * message. */
static struct guide *load_plan(const char *path, unsigned parts)
{
    struct diag d = {0};
    struct guide *g = guide_load(path, GUIDE_PART_INFO | parts, &d);
    assert_non_null(g);
    assert_int_equal(d.errors + d.warnings, 0);
    diag_free(&d);
    return g;
}

/* Replaces the copy of the plan's first screen by one whose introduction is MARK, so that a
 * load shows whether it used the copy; g was loaded from the copy or the plan with
 * GUIDE_LOAD_CACHED. */
static void mark_copy(struct guide *g, const char *path)
{
    g->intro = MARK;
    guide_cache_write(g, GUIDE_PART_INFO, path);
}

/* Whether a first load of the plan now uses its copy. */
static bool copy_used(const char *path)
{
    struct guide *g = load_plan(path, GUIDE_LOAD_CACHED);
    bool used = g->intro != NULL && strcmp(g->intro, MARK) == 0;
    guide_free(g);
    return used;
}

/* The plan text written as plan.md, loaded once, and its copy marked (and used); returns
 * its path. */
static char *marked_plan(const char *text)
{
    put("plan.md", text);
    tick();
    char *path = plan_path("plan.md");
    struct guide *g = load_plan(path, GUIDE_LOAD_CACHED);
    mark_copy(g, path);
    guide_free(g);
    assert_true(copy_used(path));
    return path;
}

/* The first screen from the copy equals the one from the plan; reading the copy reads no
 * plan; the sections still load from the plan after it. */
static void test_plan_copy(void **state)
{
    (void)state;
    put("plan.md", PLAN);
    tick();
    char *path = plan_path("plan.md");
    struct guide *parsed = load_plan(path, 0);
    struct guide *first = load_plan(path, GUIDE_LOAD_CACHED);
    struct guide *copied = load_plan(path, GUIDE_LOAD_CACHED);
    same_guide(parsed, first);
    same_guide(parsed, copied);
    assert_true(copied->markdown);
    assert_string_equal(copied->dir, path);
    assert_int_equal(copied->available, parsed->available);
    assert_int_equal(copied->loaded & GUIDE_PART_ALL, parsed->loaded & GUIDE_PART_ALL);
    assert_string_equal(copied->intro, "The intro, with a site <https://example.org>.");
    mark_copy(copied, path);
    struct guide *g = load_plan(path, GUIDE_LOAD_CACHED);
    assert_string_equal(g->intro, MARK);
    struct diag d = {0};
    assert_int_equal(guide_load_parts(g, GUIDE_PART_PATH, &d), 0);
    assert_int_equal(g->n_phases, 1);
    assert_string_equal(g->phases[0].actions[1].text, "Second");
    assert_string_equal(g->intro, MARK); /* the first screen's stays */
    diag_free(&d);
    guide_free(g);
    guide_free(copied);
    guide_free(first);
    guide_free(parsed);
    free(path);
}

/* A plan edited in place, to the same size, its modification time set back to the very
 * nanosecond it had: its copy is not used (the change time tells). */
static void test_plan_changed_in_place(void **state)
{
    (void)state;
    char *path = marked_plan(PLAN);
    struct stat before;
    assert_int_equal(stat(path, &before), 0);
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    assert_int_equal(fputs("# Nalp", f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
    struct timespec times[2] = {before.st_atim, before.st_mtim};
    assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
    struct stat after;
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(after.st_ino, before.st_ino);
    assert_int_equal(after.st_size, before.st_size);
    assert_int_equal(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
    assert_int_equal(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
    struct guide *g = load_plan(path, GUIDE_LOAD_CACHED);
    assert_string_equal(g->title, "Nalp \xc3\xa9");
    assert_string_equal(g->intro, "The intro, with a site <https://example.org>.");
    guide_free(g);
    free(path);
}

/* A damaged or cut copy of the first screen: never used, never a crash. */
static void test_plan_damaged_copy(void **state)
{
    (void)state;
    char *path = marked_plan(PLAN);
    char name[4096], buf[4096];
    size_t n = read_copy_with(MARK, name, buf, sizeof buf);
    FILE *f;
    for (size_t i = 0; i < n + n / 7; i++) {
        f = fopen(name, "wb");
        assert_non_null(f);
        size_t len = i < n ? n : (i - n) * 7; /* each byte changed, then cut at every 7th */
        buf[i % n] ^= i < n ? 0x20 : 0;
        assert_int_equal(fwrite(buf, 1, len, f), len);
        buf[i % n] ^= i < n ? 0x20 : 0;
        fclose(f);
        assert_false(copy_used(path));
    }
    free(path);
}

/* A first screen with a warning is never kept: the warning is printed at every start. */
static void test_plan_warning_not_kept(void **state)
{
    (void)state;
    put("plan.md", "# Plan\n\nSee [this](javascript:alert(1)).\n\n## A\n\n- [ ] One\n");
    tick();
    char *path = plan_path("plan.md");
    for (int i = 0; i < 2; i++) {
        struct diag d = {0};
        struct guide *g = guide_load(path, GUIDE_PART_INFO | GUIDE_LOAD_CACHED, &d);
        assert_non_null(g);
        assert_int_equal(d.warnings, 1);
        diag_free(&d);
        guide_free(g);
    }
    free(path);
}

/* One file by two names that make two ids (a README's is its directory's name as given): the
 * copy written under one is not used for the other. */
static void test_plan_id_by_name(void **state)
{
    (void)state;
    put("README.md", PLAN);
    tick();
    char *path = plan_path("README.md");
    char *g_dir = xasprintf("%s/g", dir);
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    for (int i = 0; i < 2; i++) { /* the second time from the copies */
        struct guide *g = load_plan(path, GUIDE_LOAD_CACHED);
        assert_string_equal(g->id, "g");
        guide_free(g);
        assert_int_equal(chdir(g_dir), 0);
        g = load_plan("README.md", GUIDE_LOAD_CACHED);
        assert_string_equal(g->id, "readme");
        guide_free(g);
        assert_int_equal(chdir(cwd), 0);
    }
    free(g_dir);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_copy_equals_parse, setup, teardown),
        cmocka_unit_test_setup_teardown(test_info_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ids_keep_their_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_changed_source, setup, teardown),
        cmocka_unit_test_setup_teardown(test_warning_not_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_changed_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_damaged_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_warning_not_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_id_by_name, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
