/* entente-states-panel.h: every state with its capability and intention sliders
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-result.h"
#include "core/entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_STATES_PANEL (entente_states_panel_get_type ())
G_DECLARE_FINAL_TYPE (EntenteStatesPanel, entente_states_panel, ENTENTE, STATES_PANEL, GtkWidget)

/* Properties: "selected" (string, nullable state id).
 *
 * Signals:
 *   "attribute-changed" (gint target, const char *a, const char *b,
 *     const char *key, const char *value): the arguments of
 *     entente_scenario_set_attribute(); emitted only for user edits.
 *     Moving a state's capability slider emits "pop", "econ" and "mil"
 *     scaled together (or "capability" for a single-valued state).
 *   "state-remove-requested" (const char *id)
 *   "state-selected" (const char *id, nullable): the user selected a row. */

GtkWidget   *entente_states_panel_new          (void);
/* @result may be NULL while computing. Rows are updated in place; they are
 * rebuilt only when the states themselves (ids, order) change. */
void         entente_states_panel_set_model    (EntenteStatesPanel *self,
                                                EntenteScenario    *scenario,
                                                EntenteResult      *result);
const char  *entente_states_panel_get_selected (EntenteStatesPanel *self);
void         entente_states_panel_set_selected (EntenteStatesPanel *self,
                                                const char         *id);

G_END_DECLS
