/* entente-window.h: the explorer window
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-document.h"
#include "core/entente-result.h"
#include "core/entente-solver.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_WINDOW (entente_window_get_type ())
G_DECLARE_FINAL_TYPE (EntenteWindow, entente_window, ENTENTE, WINDOW, GtkApplicationWindow)

/* A window opens on the bundled default scenario. Properties: "document"
 * (EntenteDocument, read-only), "result" (EntenteResult, the one shown),
 * "show-threats", "show-hulls", "show-labels", "show-legend" (booleans, the
 * scenario's <view> flags, behind the win.show-* toggle actions). */
EntenteWindow   *entente_window_new          (GtkApplication *application);
/* A new window that opens @file instead of the bundled example, which is
 * neither loaded nor computed ("file" construct property); if @file cannot be
 * read, the window shows the example and the loader's error. */
EntenteWindow   *entente_window_new_for_file (GtkApplication *application,
                                              GFile          *file);
EntenteDocument *entente_window_get_document (EntenteWindow  *self);
EntenteSolver   *entente_window_get_solver   (EntenteWindow  *self);
/* The result shown (transfer none, nullable while the first is computed). */
EntenteResult   *entente_window_get_result   (EntenteWindow  *self);
/* Opens @file, asking first about unsaved changes. A file that fails to load
 * shows an in-window error and leaves the document untouched. */
void             entente_window_open_file    (EntenteWindow  *self,
                                              GFile          *file);
/* TRUE when the window shows the default scenario untouched, so opening a
 * file can replace it. */
gboolean         entente_window_is_pristine  (EntenteWindow  *self);
/* The message of the in-window error banner, or NULL when none is shown. */
const char      *entente_window_get_error    (EntenteWindow  *self);

G_END_DECLS
