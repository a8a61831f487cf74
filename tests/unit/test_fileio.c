/* SPDX-License-Identifier: MIT */
/* fileio_write_all(): everything written, errors reported with errno. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"

static void test_writes_everything(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    size_t len = 1 << 20;
    char *buf = malloc(len);
    for (size_t i = 0; i < len; i++) {
        buf[i] = (char)('a' + i % 26);
    }
    assert_int_equal(fileio_write_all(fileno(f), buf, len), 0);
    assert_int_equal(fileio_write_all(fileno(f), buf, 0), 0);
    char *back = malloc(len);
    rewind(f);
    assert_int_equal(fread(back, 1, len, f), len);
    assert_memory_equal(back, buf, len);
    free(back);
    free(buf);
    fclose(f);
}

static void test_errors(void **state)
{
    (void)state;
    errno = 0;
    assert_int_equal(fileio_write_all(-1, "x", 1), -1);
    assert_int_equal(errno, EBADF);
    int fd = open("/dev/full", O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        skip();
    }
    errno = 0;
    assert_int_equal(fileio_write_all(fd, "full", 4), -1);
    assert_int_equal(errno, ENOSPC);
    close(fd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_writes_everything),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
