/* SPDX-License-Identifier: MIT */
/* A directory of a test's own (tmpdir.h). */
#include "tmpdir.h"

#include <stdlib.h>
#include <unistd.h>

#include "xalloc.h"

char *test_tmpdir_new(const char *name)
{
    char *tmpl = xasprintf("/tmp/trail-%s-XXXXXX", name);
    if (mkdtemp(tmpl) == NULL) {
        free(tmpl);
        return NULL;
    }
    return tmpl;
}

int test_tmpdir_remove(char *dir)
{
    char *cmd = xasprintf("rm -rf '%s'", dir);
    int rc = system(cmd);
    free(cmd);
    free(dir);
    return rc == 0 ? 0 : -1;
}
