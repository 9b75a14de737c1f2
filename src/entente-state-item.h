/* entente-state-item.h: one state as a list item of the states panel
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_STATE_ITEM (entente_state_item_get_type ())
G_DECLARE_FINAL_TYPE (EntenteStateItem, entente_state_item, ENTENTE, STATE_ITEM, GObject)

/* Plain values copied from a scenario and a result, so list rows never hold
 * on to either. Setters notify only on change: a result that leaves a row
 * as it was costs nothing.
 *
 * Properties: "id" (construct-only), "name", "capability", "capability-upper",
 * "intention", "behaviour" (int: an EntenteBehaviour, -1 while computing),
 * "bloc" (int: an EntenteBloc). */

EntenteStateItem *entente_state_item_new                  (const char       *id);
const char       *entente_state_item_get_id               (EntenteStateItem *self);
const char       *entente_state_item_get_name             (EntenteStateItem *self);
void              entente_state_item_set_name             (EntenteStateItem *self,
                                                           const char       *name);
double            entente_state_item_get_capability       (EntenteStateItem *self);
void              entente_state_item_set_capability       (EntenteStateItem *self,
                                                           double            capability);
double            entente_state_item_get_capability_upper (EntenteStateItem *self);
void              entente_state_item_set_capability_upper (EntenteStateItem *self,
                                                           double            upper);
double            entente_state_item_get_intention        (EntenteStateItem *self);
void              entente_state_item_set_intention        (EntenteStateItem *self,
                                                           double            intention);
int               entente_state_item_get_behaviour        (EntenteStateItem *self);
void              entente_state_item_set_behaviour        (EntenteStateItem *self,
                                                           int               behaviour);
int               entente_state_item_get_bloc             (EntenteStateItem *self);
void              entente_state_item_set_bloc             (EntenteStateItem *self,
                                                           int               bloc);

G_END_DECLS
