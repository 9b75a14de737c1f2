/* entente-application.c: the GtkApplication (placeholder until the window lands)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-application"

#include "config.h"

#include "entente-application.h"

struct _EntenteApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (EntenteApplication, entente_application, GTK_TYPE_APPLICATION)

static void
entente_application_activate (GApplication *app)
{
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Entente");
  gtk_window_present (GTK_WINDOW (window));
}

static void
entente_application_class_init (EntenteApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = entente_application_activate;
}

static void
entente_application_init (EntenteApplication *self)
{
}

EntenteApplication *
entente_application_new (void)
{
  return g_object_new (ENTENTE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
