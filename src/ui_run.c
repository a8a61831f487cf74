/* Placeholder removed once the browser lands: keeps trail_ui a real library. */
#include "ui.h"

#include <stdio.h>

int ui_check_terminal(char *why, size_t size)
{
    snprintf(why, size, "the full-screen browser is not built yet; use trail --print");
    return -1;
}

int ui_run(struct guide *g, const struct ui_options *opt)
{
    (void)g;
    (void)opt;
    return 2;
}
