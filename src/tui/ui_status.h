/* SPDX-License-Identifier: MIT */
/* The status line: a message shown in place of the key hints until the next key. Any feature
 * may report through it; the painter only reads it. */
#ifndef TRAIL_UI_STATUS_H
#define TRAIL_UI_STATUS_H

#include "ui_stack.h"

/* Sets the message (printf format; untrusted parts are sanitised when drawn). */
void ui_status_set(struct ui *ui, enum view_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ui_status_clear(struct ui *ui);

#endif
