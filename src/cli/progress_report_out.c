/* SPDX-License-Identifier: MIT */
/* Writing the command-line progress reports: see progress_report_out.h. */
#include "progress_report_out.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

int report_finish(FILE *out)
{
    return fflush(out) == 0 && !ferror(out) ? 0 : 1;
}

void report_put_clean(FILE *out, const char *s, unsigned text_flags)
{
    size_t len = 0;
    char *clean = text_sanitize(s, strlen(s), text_flags | TEXT_ONE_LINE, &len);
    fwrite(clean, 1, len, out);
    free(clean);
}
