/* SPDX-License-Identifier: MIT */
/* Fuzzes config_load(), the reader of the user's `key = value` configuration file.
 *
 * The input is written to a file in a private directory made once per process. Properties: the
 * reader never fails on a file that exists; every diagnostic is safe to print and located;
 * what it keeps (the guide name, each binding's action and key) is non-empty printable ASCII
 * without spaces, and there is at most one binding per line of the file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "fuzz_common.h"
#include "xalloc.h"

#define FUZZ_CONFIG_MAX_INPUT (128u * 1024u)

static char fuzz_dir[64];
static char *fuzz_path;

static void remove_dir(void)
{
    unlink(fuzz_path);
    free(fuzz_path);
    rmdir(fuzz_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_init_locale();
    fuzz_make_dir(fuzz_dir, sizeof fuzz_dir, "fuzz_config");
    fuzz_path = xasprintf("%s/config", fuzz_dir);
    atexit(remove_dir);
    return 0;
}

static void write_file(const uint8_t *data, size_t size)
{
    int fd = open(fuzz_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FUZZ_CHECK(fd >= 0, "the fuzz directory is writable");
    while (size > 0) {
        ssize_t w = write(fd, data, size);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        FUZZ_CHECK(w > 0, "the config file is written");
        data += w, size -= (size_t)w;
    }
    close(fd);
}

static int is_word(const char *s)
{
    if (s == NULL || s[0] == '\0') {
        return 0;
    }
    for (; *s != '\0'; s++) {
        if ((unsigned char)*s < 0x21 || (unsigned char)*s > 0x7e) {
            return 0;
        }
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_CONFIG_MAX_INPUT) {
        return -1;
    }
    write_file(data, size);
    struct config c;
    struct diag d = {0};
    FUZZ_CHECK(config_load(&c, fuzz_path, &d) == 0, "an existing file is read");
    FUZZ_CHECK(d.errors == 0, "problems in the file are warnings");
    fuzz_check_diag(&d, 1);
    FUZZ_CHECK(c.path != NULL && strcmp(c.path, fuzz_path) == 0, "the file read is named");
    FUZZ_CHECK(c.guide == NULL || is_word(c.guide), "the guide name is a printable word");
    size_t lines = 1;
    for (size_t i = 0; i < size; i++) {
        lines += data[i] == '\n';
    }
    FUZZ_CHECK(c.n_bindings <= lines, "at most one binding per line");
    for (size_t i = 0; i < c.n_bindings; i++) {
        FUZZ_CHECK(is_word(c.bindings[i].action) && is_word(c.bindings[i].key),
                   "a binding is two printable words");
        FUZZ_CHECK(c.bindings[i].line >= 1 && c.bindings[i].line <= lines,
                   "a binding has its line");
    }
    FUZZ_CHECK(c.theme <= CONFIG_THEME_MONOCHROME, "the theme is known");
    config_free(&c);
    diag_free(&d);
    return 0;
}
