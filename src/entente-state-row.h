/* entente-state-row.h: one state in the states panel: name, capability and intention
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "entente-state-item.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_STATE_ROW (entente_state_row_get_type ())
G_DECLARE_FINAL_TYPE (EntenteStateRow, entente_state_row, ENTENTE, STATE_ROW, GtkWidget)

/* Signals:
 *   "value-changed" (const char *key, double value): the user moved the
 *     "capability" or "intention" slider of the bound item's state. */

GtkWidget        *entente_state_row_new    (void);
/* Follows @item (nullable: unbinds) until rebound; updates never emit. */
void              entente_state_row_bind   (EntenteStateRow  *self,
                                            EntenteStateItem *item);
EntenteStateItem *entente_state_row_get_item (EntenteStateRow *self);

G_END_DECLS
