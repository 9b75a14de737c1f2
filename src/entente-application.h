/* entente-application.h: the GtkApplication
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_APPLICATION (entente_application_get_type ())
G_DECLARE_FINAL_TYPE (EntenteApplication, entente_application, ENTENTE, APPLICATION, GtkApplication)

EntenteApplication *entente_application_new          (void);
/* The application's settings, or NULL when the schema is not installed
 * (running from the build directory): callers then use built-in defaults. */
GSettings          *entente_application_get_settings (EntenteApplication *self);
/* Looks up the schema without aborting when it is missing: a new GSettings
 * or NULL. */
GSettings          *entente_settings_new_or_null     (void);
/* Picks GTK's cairo renderer when the display's GL is a software rasteriser
 * and the user did not choose (GSK_RENDERER): call after gtk_init, before
 * the first window is realised. Returns the renderer chosen, or NULL. */
const char         *entente_choose_renderer          (GdkDisplay         *display);

G_END_DECLS
