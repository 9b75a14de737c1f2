/* entente-state-editor.h: the selected state's details, pair relations, rename and remove
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_STATE_EDITOR (entente_state_editor_get_type ())
G_DECLARE_FINAL_TYPE (EntenteStateEditor, entente_state_editor, ENTENTE, STATE_EDITOR, GtkWidget)

/* Part of the states panel: offence, population, economy, military,
 * domestic constraint, great-power override, containment, relations with
 * another state, rename and remove.
 *
 * Signals: "attribute-changed" and "state-remove-requested", as the states
 * panel's (which forwards them); only for user edits. */

GtkWidget *entente_state_editor_new       (void);
/* Shows state @id of @scenario (nothing when @id is NULL or unknown). */
void       entente_state_editor_set_model (EntenteStateEditor *self,
                                           EntenteScenario    *scenario,
                                           const char         *id);

G_END_DECLS
