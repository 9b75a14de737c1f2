/* entente-concert-page.h: does a concert of great powers form, and what stops it
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-result.h"
#include "core/entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_CONCERT_PAGE (entente_concert_page_get_type ())
G_DECLARE_FINAL_TYPE (EntenteConcertPage, entente_concert_page, ENTENTE, CONCERT_PAGE, GtkWidget)

GtkWidget  *entente_concert_page_new              (void);
void        entente_concert_page_set_model        (EntenteConcertPage *self,
                                                   EntenteScenario    *scenario,
                                                   EntenteResult      *result);
/* The headline ("A concert forms", "No concert") and the failing conditions'
 * text, one per line: for tests. */
const char *entente_concert_page_get_status       (EntenteConcertPage *self);
char       *entente_concert_page_dup_failure_text (EntenteConcertPage *self);

G_END_DECLS
