/* SPDX-License-Identifier: MIT */
/* Unit tests of the shell's undo record: written in place, one file per guide and progress
 * file, taken back only while the item holds the value its command set, and never trusted when
 * its checksum does not match (a write a crash cut short). An evidence change's record brings
 * back the piece's description and credential id. The one file of earlier versions is moved to
 * files of their own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <inttypes.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "idtable.h"
#include "progress.h"
#include "progress_fs.h"
#include "progress_store.h"
#include "undo_record.h"
#include "tmpdir.h"
#include "xalloc.h"

#define G "ml-engineer"

static char *dir;

static int setup(void **state)
{
    (void)state;
    dir = test_tmpdir_new("undo-test");
    return dir != NULL && setenv("XDG_STATE_HOME", dir, 1) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return test_tmpdir_remove(dir);
}

/* The record file of guide G and store s: undo/<FNV-1a-64 of "G@<progress file>">.yaml. */
static char *record_path(const struct progress_store *s)
{
    char *key = xasprintf("%s@%s", G, progress_store_target(s));
    char *path = xasprintf("%s/trail/undo/%016" PRIx64 ".yaml", dir,
                           idtable_hash_bytes(IDTABLE_HASH_SEED, key, strlen(key)));
    free(key);
    return path;
}

/* A progress store at name in the test directory, with item a/1 set to st. */
static struct progress_store *store_with(const char *name, enum progress_state st)
{
    char *path = xasprintf("%s/%s", dir, name);
    struct progress_store *s = progress_store_open(path);
    free(path);
    progress_set_state(progress_store_doc(s), G, "a/1", st, progress_now_ms());
    return s;
}

/* Records a/1 going from todo to done, as `trail done a/1` does. */
static void record_done(const struct progress_store *s)
{
    char *cause = NULL;
    assert_int_equal(undo_record_save(s, G, UNDO_RECORD_STATE, "a/1", "todo", "done", &cause), 0);
    assert_null(cause);
}

/* undo_record_take() on s's document: its result, with t freed. */
static int take(struct progress_store *s)
{
    struct undo_record_taken t = {0};
    char *cause = NULL;
    int rc = undo_record_take(s, progress_store_doc(s), G, progress_now_ms(), &t, &cause);
    free(cause);
    undo_record_done(&t);
    return rc;
}

static void test_take_back(void **state)
{
    (void)state;
    struct progress_store *s = store_with("take.yaml", PROGRESS_DONE);
    record_done(s);
    assert_int_equal(take(s), 1);
    assert_int_equal(progress_get_state(progress_store_doc(s), G, "a/1"), PROGRESS_TODO);
    /* The item no longer holds "done": the record is refused, never applied again. */
    assert_int_equal(take(s), -1);
    undo_record_clear(s, G);
    assert_int_equal(take(s), 0);
    progress_store_close(s);
}

/* Each progress file has a record file of its own; clearing one removes it and leaves the
 * other. */
static void test_one_record_per_file(void **state)
{
    (void)state;
    struct progress_store *a = store_with("a.yaml", PROGRESS_DONE);
    struct progress_store *b = store_with("b.yaml", PROGRESS_DONE);
    record_done(a);
    assert_int_equal(take(b), 0);
    record_done(b);
    char *pa = record_path(a), *pb = record_path(b);
    struct stat st;
    assert_int_equal(stat(pa, &st), 0);
    assert_int_equal(stat(pb, &st), 0);
    undo_record_clear(b, G);
    assert_int_equal(stat(pb, &st), -1);
    assert_int_equal(stat(pa, &st), 0);
    free(pa);
    free(pb);
    assert_int_equal(take(a), 1);
    progress_store_close(a);
    progress_store_close(b);
}

/* A record is written over the file in place (a rename would free the old file's blocks at
 * every command), and a file whose checksum does not match holds no record at all. */
static void test_in_place_and_checked(void **state)
{
    (void)state;
    struct progress_store *s = store_with("checked.yaml", PROGRESS_DONE);
    record_done(s);
    char *path = record_path(s);
    struct stat before, after;
    assert_int_equal(stat(path, &before), 0);
    record_done(s);
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(before.st_ino, after.st_ino);
    assert_int_equal(after.st_mode & 07777, 0600);

    /* One byte changed, as a write cut short by a crash may leave it: no record. */
    char *buf = NULL, *err = NULL;
    size_t len = 0;
    assert_int_equal(progress_fs_read(path, 1u << 20, &buf, &len, &err), 1);
    /* The four fields, and no journal: nothing reads a record's journal. */
    assert_non_null(strstr(buf, "text: =state"));
    assert_null(strstr(buf, "journal:"));
    char *at = strstr(buf, "=done");
    assert_non_null(at);
    at[1] = 'D';
    assert_int_equal(progress_fs_overwrite(path, buf, len, &err), 0);
    assert_int_equal(take(s), 0);
    assert_int_equal(progress_get_state(progress_store_doc(s), G, "a/1"), PROGRESS_DONE);

    /* Nor does a file without the checksum line, or one cut short. */
    at[1] = 'd';
    assert_int_equal(progress_fs_overwrite(path, buf, len, &err), 0);
    assert_int_equal(take(s), 1);
    progress_set_state(progress_store_doc(s), G, "a/1", PROGRESS_DONE, progress_now_ms());
    const char *body = strchr(buf, '\n') + 1;
    assert_int_equal(progress_fs_overwrite(path, body, strlen(body), &err), 0);
    assert_int_equal(take(s), 0);
    assert_int_equal(progress_fs_overwrite(path, buf, len - 10, &err), 0);
    assert_int_equal(take(s), 0);

    /* A damaged file is written over by the next record. */
    record_done(s);
    assert_int_equal(take(s), 1);
    free(buf);
    free(path);
    progress_store_close(s);
}

/* Writes the one record file of earlier versions, "undo.yaml", holding a record of a/1 going
 * from todo to done for each store given. */
static void write_old_records(struct progress_store *const *stores, size_t n)
{
    struct progress *p = progress_new();
    static const char *const names[] = {"kind", "id", "before", "after"};
    static const char *const values[] = {"=state", "=a/1", "=todo", "=done"};
    for (size_t i = 0; i < n; i++) {
        char *key = xasprintf("%s@%s", G, progress_store_target(stores[i]));
        for (size_t f = 0; f < 4; f++) {
            assert_true(progress_set_note(p, key, names[f], values[f], strlen(values[f]),
                                          progress_now_ms()) >= 0);
        }
        free(key);
    }
    size_t len = 0;
    char *body = progress_emit(p, &len);
    assert_non_null(body);
    char *text = xasprintf("# trail undo record %016" PRIx64 "\n%s",
                           idtable_hash_bytes(IDTABLE_HASH_SEED, body, len), body);
    char *path = xasprintf("%s/trail/undo.yaml", dir);
    char *err = NULL;
    assert_int_equal(progress_fs_mkdirs(dir, &err), 0);
    char *trail_dir = xasprintf("%s/trail", dir);
    assert_int_equal(progress_fs_mkdirs(trail_dir, &err), 0);
    assert_int_equal(progress_fs_overwrite(path, text, strlen(text), &err), 0);
    free(trail_dir);
    free(path);
    free(text);
    free(body);
    progress_free(p);
}

/* The records of earlier versions' one file move to files of their own at the first use, and
 * that file goes; a store that has a newer record of its own keeps it. */
static void test_old_records_move(void **state)
{
    (void)state;
    struct progress_store *a = store_with("old-a.yaml", PROGRESS_DONE);
    struct progress_store *b = store_with("old-b.yaml", PROGRESS_IN_PROGRESS);
    struct progress_store *c = store_with("old-c.yaml", PROGRESS_DONE);
    char *cause = NULL;
    /* c's newer record: in progress -> done. */
    assert_int_equal(undo_record_save(c, G, UNDO_RECORD_STATE, "a/1",
                                      progress_state_name(PROGRESS_IN_PROGRESS), "done", &cause),
                     0);
    struct progress_store *const old[] = {a, b, c};
    write_old_records(old, 3);
    char *path = xasprintf("%s/trail/undo.yaml", dir);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);

    assert_int_equal(take(a), 1); /* the old record of a, moved */
    assert_int_equal(progress_get_state(progress_store_doc(a), G, "a/1"), PROGRESS_TODO);
    assert_int_equal(stat(path, &st), -1);
    char *pb = record_path(b);
    assert_int_equal(stat(pb, &st), 0);
    free(pb);
    /* b holds doing, not the "done" its old record set: refused, not lost. */
    assert_int_equal(take(b), -1);
    assert_int_equal(take(c), 1); /* c's own record: back to doing, not todo */
    assert_int_equal(progress_get_state(progress_store_doc(c), G, "a/1"), PROGRESS_IN_PROGRESS);
    free(path);
    progress_store_close(a);
    progress_store_close(b);
    progress_store_close(c);
}

/* progress_fs_overwrite() refuses a symlink: the record is written only to a file of ours. */
/* trail --attach CERT URL --credential K-2 over K-1: undo puts K-1 and the description back. */
static void test_evidence_credential(void **state)
{
    (void)state;
    char *path = xasprintf("%s/cred.yaml", dir);
    struct progress_store *s = progress_store_open(path);
    free(path);
    struct progress *p = progress_store_doc(s);
    const char *url = "https://example.org/v/1";
    struct progress_evidence_spec spec = {.target = url,
                                          .kind = PROGRESS_EVIDENCE_CREDENTIAL,
                                          .description = "Level one",
                                          .credential = "K-1"};
    assert_int_equal(progress_evidence_attach(p, G, "cert", &spec, progress_now_ms()),
                     PROGRESS_CHANGED);
    char *before = undo_record_evidence_value(progress_evidence_find(p, G, "cert", url));
    assert_string_equal(before, "credential:Level one\nK-1");
    spec.credential = "K-2";
    spec.description = NULL;
    assert_int_equal(progress_evidence_attach(p, G, "cert", &spec, progress_now_ms()),
                     PROGRESS_CHANGED);
    char *after = undo_record_evidence_value(progress_evidence_find(p, G, "cert", url));
    assert_string_equal(after, "credential:\nK-2");
    char *id = undo_record_evidence_id("cert", url);
    char *cause = NULL;
    assert_int_equal(undo_record_save(s, G, UNDO_RECORD_EVIDENCE, id, before, after, &cause), 0);
    assert_int_equal(take(s), 1);
    const struct progress_evidence *e = progress_evidence_find(p, G, "cert", url);
    assert_non_null(e);
    assert_string_equal(e->credential, "K-1");
    assert_string_equal(e->description, "Level one");
    free(id);
    free(before);
    free(after);
    progress_store_close(s);
}

/* A record is written even when its directory went away since the last one (the lock file
 * beside it still there). */
static void test_directory_gone(void **state)
{
    (void)state;
    struct progress_store *s = store_with("gone.yaml", PROGRESS_DONE);
    record_done(s);
    char *path = record_path(s);
    char *undo_dir = xasprintf("%s/trail/undo", dir);
    char *away = xasprintf("%s/trail/undo-away", dir);
    assert_int_equal(rename(undo_dir, away), 0);
    record_done(s);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(take(s), 1);
    free(away);
    free(undo_dir);
    free(path);
    progress_store_close(s);
}

/* A note's record keeps any text exactly, in a progress file whose path YAML must quote: undo
 * puts the old text back byte for byte. */
static void test_note_any_text(void **state)
{
    (void)state;
    char *path = xasprintf("%s/a: path # to quote.yaml", dir);
    struct progress_store *s = progress_store_open(path);
    free(path);
    struct progress *p = progress_store_doc(s);
    static const char before[] =
        "- \"old\" note: line one\nline two\t\\ # \xe2\x80\xa8 caf\xc3\xa9";
    static const char after[] = "=new\r\nnull";
    assert_true(progress_set_note(p, G, "a/1", after, strlen(after), progress_now_ms()) >= 0);
    char *cause = NULL;
    assert_int_equal(undo_record_save(s, G, UNDO_RECORD_NOTE, "a/1", before, after, &cause), 0);
    assert_null(cause);
    assert_int_equal(take(s), 1);
    assert_string_equal(progress_get_note(p, G, "a/1"), before);
    progress_store_close(s);
}

static void test_overwrite_refuses_symlink(void **state)
{
    (void)state;
    char *target = xasprintf("%s/target", dir);
    char *link = xasprintf("%s/link", dir);
    FILE *f = fopen(target, "w");
    assert_non_null(f);
    fputs("keep", f);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(symlink(target, link), 0);
    char *err = NULL;
    assert_int_equal(progress_fs_overwrite(link, "x", 1, &err), -1);
    assert_non_null(err);
    free(err);
    struct stat st;
    assert_int_equal(stat(target, &st), 0);
    assert_int_equal(st.st_size, 4);
    free(target);
    free(link);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_take_back),
        cmocka_unit_test(test_one_record_per_file),
        cmocka_unit_test(test_in_place_and_checked),
        cmocka_unit_test(test_old_records_move),
        cmocka_unit_test(test_evidence_credential),
        cmocka_unit_test(test_directory_gone),
        cmocka_unit_test(test_note_any_text),
        cmocka_unit_test(test_overwrite_refuses_symlink),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
