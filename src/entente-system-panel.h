/* entente-system-panel.h: the system-wide inputs: offence–defence balance, war shock, theory
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-result.h"
#include "core/entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_SYSTEM_PANEL (entente_system_panel_get_type ())
G_DECLARE_FINAL_TYPE (EntenteSystemPanel, entente_system_panel, ENTENTE, SYSTEM_PANEL, GtkWidget)

/* Signals:
 *   "attribute-changed" (gint target, const char *a, const char *b,
 *     const char *key, const char *value): always target ENTENTE_CHANGE_SYSTEM
 *     with a = b = NULL; emitted only for user edits.
 *   "step-selected" (const char *step, nullable): the user picked a timeline
 *     step (NULL = the base scenario). The panel shows scenario->view.step. */

GtkWidget *entente_system_panel_new       (void);
void       entente_system_panel_set_model (EntenteSystemPanel *self,
                                           EntenteScenario    *scenario,
                                           EntenteResult      *result);

G_END_DECLS
