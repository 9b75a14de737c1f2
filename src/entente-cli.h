/* entente-cli.h: the headless commands (solve, export, --help, --version)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv names a headless command: the window is not opened. */
gboolean entente_cli_handles (int    argc,
                              char **argv);
/* Exit status: 0 success, 1 bad input (one line on stderr naming the file
 * and line), 2 usage error. */
int      entente_cli_run     (int    argc,
                              char **argv);

G_END_DECLS
