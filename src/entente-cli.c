/* entente-cli.c: the headless commands (placeholder until the CLI lands)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-cli"

#include "config.h"

#include "entente-cli.h"

gboolean
entente_cli_handles (int    argc,
                     char **argv)
{
  return argc >= 2 && (g_str_equal (argv[1], "solve") || g_str_equal (argv[1], "export") ||
                       g_str_equal (argv[1], "--version"));
}

int
entente_cli_run (int    argc,
                 char **argv)
{
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("entente %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_printerr ("entente: %s: not implemented yet\n", argv[1]);
  return 2;
}
