/* SPDX-License-Identifier: MIT */
/* Modal overlays (struct ui_modal_ops in ui_stack.h): at most one is open; while it is, the
 * loop gives it every key and the painter draws it last. */
#ifndef TRAIL_UI_MODAL_H
#define TRAIL_UI_MODAL_H

#include "ui_stack.h"

/* Opens a modal with data (borrowed, or handed to ops->close), closing an open one first. */
void ui_modal_open(struct ui *ui, const struct ui_modal_ops *ops, void *data);
/* Closes the open modal, if any, through its close hook. */
void ui_modal_close(struct ui *ui);
/* The data of the open modal when it is one of `ops`, else NULL. */
void *ui_modal_data(const struct ui *ui, const struct ui_modal_ops *ops);

#endif
