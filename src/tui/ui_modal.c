/* SPDX-License-Identifier: MIT */
/* The one modal slot of struct ui. */
#include "ui_modal.h"

#include <stddef.h>

void ui_modal_open(struct ui *ui, const struct ui_modal_ops *ops, void *data)
{
    ui_modal_close(ui);
    ui->modal = ops;
    ui->modal_data = data;
}

void ui_modal_close(struct ui *ui)
{
    const struct ui_modal_ops *ops = ui->modal;
    void *data = ui->modal_data;
    if (ops == NULL) {
        return;
    }
    ui->modal = NULL;
    ui->modal_data = NULL;
    if (ops->close != NULL) {
        ops->close(ui, data);
    }
}

void *ui_modal_data(const struct ui *ui, const struct ui_modal_ops *ops)
{
    return ui->modal == ops ? ui->modal_data : NULL;
}
