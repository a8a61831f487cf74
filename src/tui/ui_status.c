/* SPDX-License-Identifier: MIT */
/* The status line's text and role, kept in struct ui; ui_draw.c wraps and paints it. */
#include "ui_status.h"

#include <stdarg.h>
#include <stdio.h>

void ui_status_set(struct ui *ui, enum view_role role, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ui->status, sizeof ui->status, fmt, ap);
    va_end(ap);
    ui->status_role = role;
}

void ui_status_clear(struct ui *ui)
{
    ui->status[0] = '\0';
}
