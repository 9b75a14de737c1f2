/* entente-contact-page.h: contact groups and groups of Friends, one per crisis
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-result.h"
#include "core/entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_CONTACT_PAGE (entente_contact_page_get_type ())
G_DECLARE_FINAL_TYPE (EntenteContactPage, entente_contact_page, ENTENTE, CONTACT_PAGE, GtkWidget)

GtkWidget *entente_contact_page_new       (void);
void       entente_contact_page_set_model (EntenteContactPage *self,
                                           EntenteScenario    *scenario,
                                           EntenteResult      *result);

G_END_DECLS
