/* SPDX-License-Identifier: MIT */
/* The status line's text and role, kept in struct ui; ui_draw.c wraps and paints it. */
#include "ui_status.h"

#include <stdarg.h>
#include <stdio.h>

void ui_status_set(struct ui *ui, enum view_role role, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ui_message_vset(ui->status, sizeof ui->status, &ui->status_role, role, fmt, ap);
    va_end(ap);
}

void ui_message_vset(char *buf, size_t size, enum view_role *role_out, enum view_role role,
                     const char *fmt, va_list ap)
{
    vsnprintf(buf, size, fmt, ap);
    *role_out = role;
}

void ui_status_clear(struct ui *ui)
{
    ui->status[0] = '\0';
}
