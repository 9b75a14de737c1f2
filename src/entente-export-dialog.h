/* entente-export-dialog.h: export the figure with a live preview of the file
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-export.h"
#include "core/entente-result.h"
#include "core/entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_EXPORT_DIALOG (entente_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EntenteExportDialog, entente_export_dialog, ENTENTE, EXPORT_DIALOG, GtkWindow)

/* @result may be NULL (the figure is drawn without alignments). The options
 * start from the last ones used (GSettings export-* keys, when the schema is
 * installed) and are remembered when a file is written. */
GtkWindow *entente_export_dialog_new       (GtkWindow                  *parent,
                                            EntenteScenario            *scenario,
                                            EntenteResult              *result);
/* Follows the document while the dialog stays open. */
void       entente_export_dialog_set_model (EntenteExportDialog        *self,
                                            EntenteScenario            *scenario,
                                            EntenteResult              *result);
/* The options as the dialog shows them (for tests). */
void       entente_export_dialog_get_options (EntenteExportDialog      *self,
                                              EntenteExportOptions     *options);
/* Writes the file without asking for a name (for tests and scripts). */
gboolean   entente_export_dialog_export_to (EntenteExportDialog        *self,
                                            GFile                      *file,
                                            GError                    **error);

G_END_DECLS
