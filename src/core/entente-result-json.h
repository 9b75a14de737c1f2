/* entente-result-json.h: a model result as JSON (entente solve), stable to the byte
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "entente-result.h"

G_BEGIN_DECLS

/* Significant digits of every floating-point number in the JSON output. */
#define ENTENTE_JSON_DIGITS 6

/* @value rounded as the JSON output writes it: ENTENTE_JSON_DIGITS
 * significant digits, |value| < 1e-9 (rounding noise) becomes 0, -0 becomes
 * 0. NaN and infinities are returned unchanged (written as null). */
double     entente_json_round          (double          value);

/* The whole result as a JSON object tree (keys documented in README.md,
 * "JSON output"). States are referred to by id everywhere. @step
 * (nullable) is the timeline step the result was computed for. Numbers in
 * the tree are already rounded with entente_json_round(). */
JsonNode  *entente_result_to_json_node (EntenteResult  *result,
                                        const char     *step);

/* Serialises @node with a fixed number format (see entente_json_round())
 * and object members in insertion order: the same tree gives the same bytes
 * on every machine and locale. @pretty: two-space indentation and a final
 * newline; otherwise one line (still with the final newline). */
char      *entente_json_to_string      (JsonNode       *node,
                                        gboolean        pretty);

/* entente_result_to_json_node() + entente_json_to_string(). */
char      *entente_result_to_json      (EntenteResult  *result,
                                        const char     *step,
                                        gboolean        pretty);

/* Stable machine names used in the JSON output. */
const char *entente_polarity_to_string     (EntentePolarity     polarity);
const char *entente_fear_to_string         (EntenteFear         fear);
const char *entente_caveat_to_string       (EntenteCaveat       caveat);
const char *entente_contact_mode_to_string (EntenteContactMode  mode);
const char *entente_bloc_to_string         (EntenteBloc         bloc);

G_END_DECLS
