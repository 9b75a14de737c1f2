/* entente-scenario-private.h: internals shared by the scenario and scenario-io sources
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_SCENARIO_NS "urn:io.github.entente:scenario:1"

/* The attribute tables of entente-scenario-attributes.c, by struct. */
typedef enum
{
  ENTENTE_ATTRS_STATE,     /* EntenteState */
  ENTENTE_ATTRS_PAIR,      /* EntentePair */
  ENTENTE_ATTRS_SYSTEM,    /* EntenteSystem */
  ENTENTE_ATTRS_PARAMS,    /* EntenteParams */
  ENTENTE_ATTRS_CRISIS,    /* EntenteCrisis */
  ENTENTE_ATTRS_ACTOR,     /* EntenteCrisisActor */
} EntenteAttrs;

/* Whether every attribute of @table has the same value in @a and @b. */
gboolean _entente_attrs_equal          (EntenteAttrs        table,
                                        gconstpointer       a,
                                        gconstpointer       b);

void     _entente_pair_init_defaults   (EntentePair        *pair,
                                        guint               a,
                                        guint               b);
gboolean _entente_pair_is_default      (const EntentePair  *pair);
void     _entente_actor_init_defaults  (EntenteCrisisActor *actor,
                                        guint               state);
/* Binary search of (a, b), a < b, in the sorted pairs: its position, or
 * where it would be inserted, and whether it is there. */
gboolean _entente_scenario_pair_search (EntenteScenario    *self,
                                        guint               a,
                                        guint               b,
                                        guint              *position);

/* entente-scenario-xml.c: the data directory, errors, safe parsing and
 * validation (libxml2 types are passed as gpointer so that this header
 * needs no libxml2 include). */

/* The first existing DATADIR/@relative of $ENTENTE_DATADIR, PKGDATADIR and
 * SOURCE_DATADIR, or NULL. */
char     *_entente_scenario_find_data_file (const char         *relative);
/* Sets ENTENTE_SCENARIO_ERROR @code as one line "NAME:LINE: message"
 * ("NAME: message" when @line <= 0). */
void      _entente_scenario_set_error_at   (GError            **error,
                                            int                 code,
                                            const char         *name,
                                            int                 line,
                                            const char         *format,
                                            ...) G_GNUC_PRINTF (5, 6);
/* Parses @data without network, DTD or entities: an xmlDocPtr, or NULL. */
gpointer  _entente_scenario_parse_xml      (const char         *data,
                                            gsize               size,
                                            const char         *name,
                                            GError            **error);
/* Validates an xmlDocPtr against entente.rng. */
gboolean  _entente_scenario_validate       (gpointer            doc,
                                            const char         *name,
                                            GError            **error);

G_END_DECLS
