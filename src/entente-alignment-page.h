/* entente-alignment-page.h: every state's behaviour, bloc, threat and reason, as a list
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-result.h"
#include "core/entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_ALIGNMENT_PAGE (entente_alignment_page_get_type ())
G_DECLARE_FINAL_TYPE (EntenteAlignmentPage, entente_alignment_page, ENTENTE, ALIGNMENT_PAGE, GtkWidget)

/* The non-visual equivalent of the canvas: one list row per state whose
 * accessible label reads "Germany: Revisionist lead, bloc B, threat France"
 * and whose description is the reason with its citation.
 *
 * Signals:
 *   "state-selected" (const char *id): the user selected a row. */

GtkWidget *entente_alignment_page_new          (void);
/* Rows are updated in place and rebuilt only when the states change. */
void       entente_alignment_page_set_model    (EntenteAlignmentPage *self,
                                                EntenteScenario      *scenario,
                                                EntenteResult        *result);
void       entente_alignment_page_set_selected (EntenteAlignmentPage *self,
                                                const char           *id);
/* The accessible label of row @index, or NULL: for tests. */
const char *entente_alignment_page_get_row_text (EntenteAlignmentPage *self,
                                                 guint                 index);

G_END_DECLS
