/* entente-format.h: small pure helpers that turn model values into display text
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/entente-result.h"

G_BEGIN_DECLS

/* "0.43": two decimals, in the user's locale; negative values with a real
 * minus sign ("−0.25"). */
char        *entente_format_number          (double            value);
/* "43%": a share in [0,1] as a whole percentage. */
char        *entente_format_percent         (double            share);
/* A value as written to a file and passed in "attribute-changed": the
 * C-locale shortest round-trip form ("0.43", "-1", "12.5"). */
char        *entente_format_attribute       (double            value);

/* @value rounded to @significant significant digits (1–17): scaled
 * capability components go to the file as "30.5", not "30.499999999999996". */
double       entente_format_round           (double            value,
                                             guint             significant);

/* A small symbol per behaviour (⚖ balance, ⇢ bandwagon, …), never NULL. */
const char  *entente_format_behaviour_symbol (EntenteBehaviour behaviour);
/* "bloc A", "bloc B", "unaligned" (translated). */
const char  *entente_format_bloc            (EntenteBloc       bloc);
/* "Unipolar", "Bipolar", "Multipolar" (translated). */
const char  *entente_format_polarity        (EntentePolarity   polarity);
/* "Concert-type (Bosnia 1994)" or "Two-phase (Libya 2011)" (translated). */
const char  *entente_format_contact_mode    (EntenteContactMode mode);
/* "no caveats", "limited caveats", "extensive caveats", "abstains". */
const char  *entente_format_caveat          (EntenteCaveat     caveat);

/* The text of one alignment row, also its accessible label:
 * "Germany: Revisionist lead, bloc B, threat France". @threat may be NULL. */
char        *entente_format_alignment       (const char       *name,
                                             const char       *behaviour_title,
                                             EntenteBloc       bloc,
                                             const char       *threat);

/* The display names of @indices (an array of guint state indices) joined by
 * ", "; "none" (translated) when empty or NULL. Unknown indices are skipped. */
char        *entente_format_state_list      (EntenteScenario  *scenario,
                                             GArray           *indices);

/* A round upper bound for a slider showing values up to @max: the smallest
 * 1, 2 or 5 × 10^k at least 1.25 × @max (10 when @max <= 0). */
double       entente_format_nice_upper      (double            max);

/* The capability a state shows on its one slider: its single value, or the
 * weighted sum of its components with @system's weights. */
double       entente_format_capability      (const EntenteState  *state,
                                             const EntenteSystem *system);

G_END_DECLS
