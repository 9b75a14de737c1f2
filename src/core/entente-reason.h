/* entente-reason.h: why the model decided what it decided, with citations
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ENTENTE_BEHAVIOUR_BALANCE,
  ENTENTE_BEHAVIOUR_BANDWAGON,
  ENTENTE_BEHAVIOUR_BUCK_PASS,
  ENTENTE_BEHAVIOUR_CHAIN_GANG,
  ENTENTE_BEHAVIOUR_TETHER,
  ENTENTE_BEHAVIOUR_HIDE,
  ENTENTE_BEHAVIOUR_REVISIONIST_LEAD,
  ENTENTE_N_BEHAVIOURS
} EntenteBehaviour;

typedef enum
{
  ENTENTE_REASON_NONE,
  /* Disposition cascade, model-theory.md §5.2 */
  ENTENTE_REASON_BIPOLAR_POLE,            /* rule 0 */
  ENTENTE_REASON_TETHER_RIVAL_ALLY,       /* rule 1 */
  ENTENTE_REASON_REVISIONIST_WOLF,        /* rule 2 */
  ENTENTE_REASON_BANDWAGON_PROFIT,        /* rule 3 */
  ENTENTE_REASON_NO_THREAT,               /* rule 4 */
  ENTENTE_REASON_BANDWAGON_SURVIVAL,      /* rule 5 */
  ENTENTE_REASON_COUNTERBALANCE_INFEASIBLE, /* rule 6 */
  ENTENTE_REASON_CHAIN_GANG_OFFENCE,      /* rule 7a */
  ENTENTE_REASON_BUCK_PASS_DEFENCE,       /* rule 7b */
  ENTENTE_REASON_BALANCE_THREAT,          /* rule 8 */
  /* Reconciliation with the landscape, §6.6 */
  ENTENTE_REASON_TETHERED_IN_BLOC,
  ENTENTE_REASON_PULLED_TO_THREAT,
  ENTENTE_REASON_PARTNER_ELSEWHERE,
  ENTENTE_REASON_BANDWAGON_OPPOSED,
  ENTENTE_REASON_BANDWAGON_UNALIGNED,
  ENTENTE_REASON_TETHER_APART,
  ENTENTE_REASON_INTERNAL_BALANCING,
  /* Concert failing conditions, §9 */
  ENTENTE_REASON_CONCERT_NO_WAR_SHOCK,    /* J1 */
  ENTENTE_REASON_CONCERT_EXPANSION_PAYS,  /* J2 */
  ENTENTE_REASON_CONCERT_WAR_CHEAP,       /* J3 */
  ENTENTE_REASON_CONCERT_DISTRUST,        /* J4 */
  ENTENTE_N_REASONS
} EntenteReason;

/* Stable machine names ("balance", "chain-gang", "counterbalance-infeasible"),
 * used in JSON, SVG classes and CSS. */
const char *entente_behaviour_to_string (EntenteBehaviour behaviour);
gboolean    entente_behaviour_from_string (const char       *string,
                                           EntenteBehaviour *behaviour);
/* Translated, human names ("Chain-ganging"). */
const char *entente_behaviour_get_title (EntenteBehaviour behaviour);

const char *entente_reason_to_string    (EntenteReason reason);
/* A translated sentence, e.g. "Perceived offence dominance: unconditional alliance". */
const char *entente_reason_get_sentence (EntenteReason reason);
/* The citation, e.g. "Christensen & Snyder 1990". */
const char *entente_reason_get_citation (EntenteReason reason);

G_END_DECLS
