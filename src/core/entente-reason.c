/* entente-reason.c: behaviour and reason names, sentences and citations
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-reason"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "entente-reason.h"

typedef struct
{
  const char *name;       /* stable machine name */
  const char *title;      /* N_() */
} BehaviourInfo;

static const BehaviourInfo behaviours[ENTENTE_N_BEHAVIOURS] = {
  [ENTENTE_BEHAVIOUR_BALANCE] = { "balance", N_("Balancing") },
  [ENTENTE_BEHAVIOUR_BANDWAGON] = { "bandwagon", N_("Bandwagoning") },
  [ENTENTE_BEHAVIOUR_BUCK_PASS] = { "buck-pass", N_("Buck-passing") },
  [ENTENTE_BEHAVIOUR_CHAIN_GANG] = { "chain-gang", N_("Chain-ganging") },
  [ENTENTE_BEHAVIOUR_TETHER] = { "tether", N_("Tethering") },
  [ENTENTE_BEHAVIOUR_HIDE] = { "hide", N_("Hiding") },
  /* Translators: Schweller's "wolf" leading a revisionist coalition. */
  [ENTENTE_BEHAVIOUR_REVISIONIST_LEAD] = { "revisionist-lead", N_("Revisionist lead") },
};

typedef struct
{
  const char *name;       /* stable machine name */
  const char *sentence;   /* N_() */
  const char *citation;   /* N_(): author names stay, "and"/"via" translate */
} ReasonInfo;

static const ReasonInfo reasons[ENTENTE_N_REASONS] = {
  [ENTENTE_REASON_NONE] = { "none", "", "" },
  [ENTENTE_REASON_BIPOLAR_POLE] = {
    "bipolar-pole",
    N_("In a bipolar system each pole has no choice but to confront the other directly"),
    N_("Waltz 1979; Christensen & Snyder 1990") },
  [ENTENTE_REASON_TETHER_RIVAL_ALLY] = {
    "tether-rival-ally",
    N_("Its main threat is a rival inside its own alliance: the alliance manages the rivalry"),
    N_("Rynning & Schmitt 2018; Weitsman 2004") },
  [ENTENTE_REASON_REVISIONIST_WOLF] = {
    "revisionist-wolf",
    N_("Unlimited revisionist great power: it leads, it does not balance"),
    N_("Schweller 1994") },
  [ENTENTE_REASON_BANDWAGON_PROFIT] = {
    "bandwagon-profit",
    N_("Limited-aims revisionist joining a stronger revisionist to share the spoils"),
    N_("Schweller 1994") },
  [ENTENTE_REASON_NO_THREAT] = {
    "no-threat",
    N_("No significant threat: it stays apart and hedges"),
    N_("Weitsman 2004; Schweller 1994") },
  [ENTENTE_REASON_BANDWAGON_SURVIVAL] = {
    "bandwagon-survival",
    N_("A weak state next to a strong offensive power, without allies at hand, accommodates it"),
    N_("Walt 1987") },
  [ENTENTE_REASON_COUNTERBALANCE_INFEASIBLE] = {
    "counterbalance-infeasible",
    N_("Counterbalance infeasible: no coalition within reach can match the leading state"),
    N_("Wohlforth 1999; Walt 2009") },
  [ENTENTE_REASON_CHAIN_GANG_OFFENCE] = {
    "chain-gang-offence",
    N_("Perceived offence dominance: unconditional alliance"),
    N_("Christensen & Snyder 1990") },
  [ENTENTE_REASON_BUCK_PASS_DEFENCE] = {
    "buck-pass-defence",
    N_("Perceived defence dominance: it passes the buck to a state that will be attacked first"),
    N_("Christensen & Snyder 1990; Mearsheimer 2001") },
  [ENTENTE_REASON_BALANCE_THREAT] = {
    "balance-threat",
    N_("It balances against its principal threat"),
    N_("Walt 1987; Waltz 1979") },
  [ENTENTE_REASON_TETHERED_IN_BLOC] = {
    "tethered-in-bloc",
    N_("Its principal threat is a rival ally in the same bloc: the alliance tethers them"),
    N_("Rynning & Schmitt 2018; Schroeder 1976") },
  [ENTENTE_REASON_PULLED_TO_THREAT] = {
    "pulled-to-threat",
    N_("The landscape puts it in the camp of its own principal threat"),
    N_("Axelrod & Bennett 1993") },
  [ENTENTE_REASON_PARTNER_ELSEWHERE] = {
    "partner-elsewhere",
    N_("Its chain-gang partner sits in another bloc: it balances on its own"),
    N_("Axelrod & Bennett 1993; Christensen & Snyder 1990") },
  [ENTENTE_REASON_BANDWAGON_OPPOSED] = {
    "bandwagon-opposed",
    N_("It leaned toward a state that the landscape puts in the opposing bloc"),
    N_("Axelrod & Bennett 1993") },
  [ENTENTE_REASON_BANDWAGON_UNALIGNED] = {
    "bandwagon-unaligned",
    N_("It leaned toward a state, but one of the two stays unaligned"),
    N_("Axelrod & Bennett 1993") },
  [ENTENTE_REASON_TETHER_APART] = {
    "tether-apart",
    N_("The rival ally sits in another bloc: the tether broke, it balances"),
    N_("Weitsman 2004") },
  [ENTENTE_REASON_INTERNAL_BALANCING] = {
    "internal-balancing",
    N_("Unaligned: it balances by its own means"),
    N_("Waltz 1979") },
  [ENTENTE_REASON_CONCERT_NO_WAR_SHOCK] = {
    "concert-no-war-shock",
    N_("The shock of war is no longer felt"),
    N_("Jervis 1985; Rynning & Schmitt 2018") },
  [ENTENTE_REASON_CONCERT_EXPANSION_PAYS] = {
    "concert-expansion-pays",
    N_("A great power believes that expansion pays"),
    N_("Jervis 1985") },
  [ENTENTE_REASON_CONCERT_WAR_CHEAP] = {
    "concert-war-cheap",
    N_("War between great powers does not look costly enough"),
    N_("Jervis 1985") },
  [ENTENTE_REASON_CONCERT_DISTRUST] = {
    "concert-distrust",
    N_("Too little trust and transparency between the great powers"),
    N_("Jervis 1985") },
};

/**
 * entente_behaviour_to_string:
 * @behaviour: a behaviour
 *
 * Returns: the stable machine name, e.g. "chain-gang", or NULL
 */
const char *
entente_behaviour_to_string (EntenteBehaviour behaviour)
{
  if ((guint) behaviour >= ENTENTE_N_BEHAVIOURS)
    return NULL;
  return behaviours[behaviour].name;
}

gboolean
entente_behaviour_from_string (const char       *string,
                               EntenteBehaviour *behaviour)
{
  g_return_val_if_fail (string != NULL, FALSE);

  for (guint b = 0; b < ENTENTE_N_BEHAVIOURS; b++)
    if (strcmp (behaviours[b].name, string) == 0)
      {
        if (behaviour != NULL)
          *behaviour = (EntenteBehaviour) b;
        return TRUE;
      }
  return FALSE;
}

/**
 * entente_behaviour_get_title:
 * @behaviour: a behaviour
 *
 * Returns: the translated human name, e.g. "Chain-ganging"
 */
const char *
entente_behaviour_get_title (EntenteBehaviour behaviour)
{
  if ((guint) behaviour >= ENTENTE_N_BEHAVIOURS)
    return "";
  return _(behaviours[behaviour].title);
}

const char *
entente_reason_to_string (EntenteReason reason)
{
  if ((guint) reason >= ENTENTE_N_REASONS)
    return NULL;
  return reasons[reason].name;
}

/**
 * entente_reason_get_sentence:
 * @reason: a reason
 *
 * Returns: a translated sentence, "" for %ENTENTE_REASON_NONE
 */
const char *
entente_reason_get_sentence (EntenteReason reason)
{
  if ((guint) reason >= ENTENTE_N_REASONS || reasons[reason].sentence[0] == '\0')
    return "";
  return _(reasons[reason].sentence);
}

/**
 * entente_reason_get_citation:
 * @reason: a reason
 *
 * Returns: the (translated) citation, e.g. "Christensen & Snyder 1990"
 */
const char *
entente_reason_get_citation (EntenteReason reason)
{
  if ((guint) reason >= ENTENTE_N_REASONS || reasons[reason].citation[0] == '\0')
    return "";
  return _(reasons[reason].citation);
}
