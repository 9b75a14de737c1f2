/* entente-scenario-io.h: *.entente files (XML), read and written with libxml2
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_SCENARIO_ERROR (entente_scenario_error_quark ())

typedef enum
{
  ENTENTE_SCENARIO_ERROR_MALFORMED,   /* not well-formed XML */
  ENTENTE_SCENARIO_ERROR_SCHEMA,      /* does not validate against entente.rng */
  ENTENTE_SCENARIO_ERROR_INVALID,     /* unknown/duplicate id, NaN, out of range, … */
  ENTENTE_SCENARIO_ERROR_FORBIDDEN,   /* DTD, entity, external reference */
  ENTENTE_SCENARIO_ERROR_TOO_LARGE,   /* over 64 MiB */
  ENTENTE_SCENARIO_ERROR_UNREADABLE,  /* directory, missing, permission */
} EntenteScenarioError;

GQuark            entente_scenario_error_quark  (void);

#define ENTENTE_SCENARIO_MAX_BYTES (64 * 1024 * 1024)

/* Error messages are one line: "FILE:LINE: what is wrong" (LINE when known).
 * Parsing never touches the network and never substitutes entities. */
EntenteScenario  *entente_scenario_load_file    (GFile         *file,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
/* @name labels errors ("FILE:LINE: …"). An SVG exported by Entente is
 * accepted too: the scenario is read back from its <metadata>. */
EntenteScenario  *entente_scenario_load_bytes   (GBytes        *bytes,
                                                 const char    *name,
                                                 GError       **error);
/* Canonical: stable order and number formatting, so load → save → load is
 * identical and files diff well. */
GBytes           *entente_scenario_to_bytes     (EntenteScenario *self);
/* Writes the canonical form into an existing xmlTextWriter (xmlTextWriterPtr),
 * as the root <scenario> element: used to embed it in SVG <metadata>. */
gboolean          entente_scenario_write_xml    (EntenteScenario *self,
                                                 gpointer         xml_text_writer);
/* Atomic: writes a temporary file and renames it over @file. */
gboolean          entente_scenario_save_file    (EntenteScenario  *self,
                                                 GFile            *file,
                                                 GCancellable     *cancellable,
                                                 GError          **error);

void              entente_scenario_load_file_async  (GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
EntenteScenario  *entente_scenario_load_file_finish (GAsyncResult        *result,
                                                     GError             **error);

/* The bundled scenarios (data/scenarios), found in the installed data dir,
 * or in the source tree when run uninstalled. */
GFile            *entente_scenario_get_bundled  (const char *basename);

G_END_DECLS
