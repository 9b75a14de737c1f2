/* entente-alliance-page.h: allied dyads: abandonment and entrapment, asymmetry, durability
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-result.h"
#include "core/entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_ALLIANCE_PAGE (entente_alliance_page_get_type ())
G_DECLARE_FINAL_TYPE (EntenteAlliancePage, entente_alliance_page, ENTENTE, ALLIANCE_PAGE, GtkWidget)

GtkWidget  *entente_alliance_page_new          (void);
void        entente_alliance_page_set_model    (EntenteAlliancePage *self,
                                                EntenteScenario     *scenario,
                                                EntenteResult       *result);
/* The accessible label of row @index ("France and Russia: tethered"), or NULL. */
const char *entente_alliance_page_get_row_text (EntenteAlliancePage *self,
                                                guint                index);

G_END_DECLS
