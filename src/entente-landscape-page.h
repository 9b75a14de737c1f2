/* entente-landscape-page.h: the landscape's energy and its local minima
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-result.h"
#include "core/entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_LANDSCAPE_PAGE (entente_landscape_page_get_type ())
G_DECLARE_FINAL_TYPE (EntenteLandscapePage, entente_landscape_page, ENTENTE, LANDSCAPE_PAGE, GtkWidget)

/* Signals:
 *   "minimum-selected" (gint index): the user selected a local minimum
 *     (an index into the landscape's minima) or the current configuration
 *     (-1) to show on the canvas. */

GtkWidget *entente_landscape_page_new         (void);
void       entente_landscape_page_set_model   (EntenteLandscapePage *self,
                                               EntenteScenario      *scenario,
                                               EntenteResult        *result);
/* Selects a row without emitting "minimum-selected". */
void       entente_landscape_page_set_minimum (EntenteLandscapePage *self,
                                               int                   index);
int        entente_landscape_page_get_minimum (EntenteLandscapePage *self);
/* Number of rows: the current configuration plus every minimum. */
guint      entente_landscape_page_get_n_rows  (EntenteLandscapePage *self);
/* Selects row @row as if the user clicked it (emits): for tests and keyboard. */
void       entente_landscape_page_activate_row (EntenteLandscapePage *self,
                                                guint                 row);

G_END_DECLS
