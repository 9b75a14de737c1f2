/* main.c: entente — the window, or a headless command
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-main"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <locale.h>

#include "entente-application.h"
#include "entente-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* libxml2 must be initialised once before any thread parses. */
  xmlInitParser ();

  /* Headless commands never open a display. */
  if (entente_cli_handles (argc, argv))
    return entente_cli_run (argc, argv);

  app = G_APPLICATION (entente_application_new ());
  return g_application_run (app, argc, argv);
}
