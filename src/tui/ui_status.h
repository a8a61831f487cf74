/* SPDX-License-Identifier: MIT */
/* The status line: a message shown in place of the key hints until the next key. Any feature
 * may report through it; the painter only reads it. */
#ifndef TRAIL_UI_STATUS_H
#define TRAIL_UI_STATUS_H

#include <stdarg.h>
#include <stddef.h>

#include "ui_stack.h"

/* Sets the message (printf format; untrusted parts are sanitised when drawn). */
void ui_status_set(struct ui *ui, enum view_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ui_status_clear(struct ui *ui);
/* Formats a message and its role into a caller's buffer: what ui_status_set() does for the
 * status line, for a message kept elsewhere (a prompt's note). */
void ui_message_vset(char *buf, size_t size, enum view_role *role_out, enum view_role role,
                     const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

#endif
