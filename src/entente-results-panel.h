/* entente-results-panel.h: what the model computed: alignments, concert, contact groups, landscape, polarity
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-result.h"
#include "core/entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_RESULTS_PANEL (entente_results_panel_get_type ())
G_DECLARE_FINAL_TYPE (EntenteResultsPanel, entente_results_panel, ENTENTE, RESULTS_PANEL, GtkWidget)

/* Properties: "selected" (string, nullable state id; setting it never emits).
 *
 * Pages (names for set_page/get_page): "alignments", "concert", "contact",
 * "landscape", "polarity".
 *
 * Signals:
 *   "state-selected" (const char *id): a row of the alignments page.
 *   "minimum-selected" (gint index): a landscape minimum, -1 = current. */

GtkWidget  *entente_results_panel_new          (void);
/* @result may be NULL while computing: the pages keep what they show.
 * Only the visible page is updated at once; the others when shown (or
 * asked for with entente_results_panel_get_page_widget()). */
void        entente_results_panel_set_model    (EntenteResultsPanel *self,
                                                EntenteScenario     *scenario,
                                                EntenteResult       *result);
const char *entente_results_panel_get_selected (EntenteResultsPanel *self);
/* Programmatic: never emit. */
void        entente_results_panel_set_selected (EntenteResultsPanel *self,
                                                const char          *id);
void        entente_results_panel_set_minimum  (EntenteResultsPanel *self,
                                                int                  index);
const char *entente_results_panel_get_page     (EntenteResultsPanel *self);
void        entente_results_panel_set_page     (EntenteResultsPanel *self,
                                                const char          *name);
/* The page widget (EntenteAlignmentPage, EntenteConcertPage, …). */
GtkWidget  *entente_results_panel_get_page_widget (EntenteResultsPanel *self,
                                                   const char          *name);

G_END_DECLS
