/* entente-format.c: small pure helpers that turn model values into display text
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "entente-format.h"

char *
entente_format_number (double value)
{
  /* Avoid "-0.00", which reads as a sign error. */
  if (fabs (value) < 0.005)
    value = 0.0;

  /* A real minus sign (U+2212), as wide as the digits in tabular figures. */
  if (value < 0.0)
    return g_strdup_printf ("\u2212%.2f", -value);

  return g_strdup_printf ("%.2f", value);
}

char *
entente_format_percent (double share)
{
  double percent;

  if (!isfinite (share))
    share = 0.0;

  percent = round (CLAMP (share, 0.0, 1.0) * 100.0);

  /* Translators: a percentage, e.g. "43%"; use your language's convention
   * (French writes "43 %" with a non-breaking space). */
  return g_strdup_printf (_("%.0f%%"), percent);
}

char *
entente_format_attribute (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char shortest[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0.0)
    return g_strdup ("0");

  /* Slider values come from a GtkAdjustment with a step: round-tripping a
   * few digits is enough, and "0.3" reads better than "0.29999999999999999". */
  for (guint digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%ug", digits);
      g_ascii_formatd (shortest, sizeof shortest, format, value);
      if (g_ascii_strtod (shortest, NULL) == value)
        return g_strdup (shortest);
    }

  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

double
entente_format_round (double value,
                      guint  significant)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  g_return_val_if_fail (significant >= 1 && significant <= 17, value);

  if (!isfinite (value))
    return value;

  g_snprintf (format, sizeof format, "%%.%ug", significant);
  return g_ascii_strtod (g_ascii_formatd (buf, sizeof buf, format, value), NULL);
}

const char *
entente_format_behaviour_symbol (EntenteBehaviour behaviour)
{
  switch (behaviour)
    {
    case ENTENTE_BEHAVIOUR_BALANCE:          return "⚖";
    case ENTENTE_BEHAVIOUR_BANDWAGON:        return "⇢";
    case ENTENTE_BEHAVIOUR_BUCK_PASS:        return "↷";
    case ENTENTE_BEHAVIOUR_CHAIN_GANG:       return "⛓";
    case ENTENTE_BEHAVIOUR_TETHER:           return "⚓";
    case ENTENTE_BEHAVIOUR_HIDE:             return "◌";
    case ENTENTE_BEHAVIOUR_REVISIONIST_LEAD: return "★";
    case ENTENTE_N_BEHAVIOURS:
    default:
      return "·";
    }
}

const char *
entente_format_bloc (EntenteBloc bloc)
{
  switch (bloc)
    {
    case ENTENTE_BLOC_A: return _("bloc A");
    case ENTENTE_BLOC_B: return _("bloc B");
    case ENTENTE_BLOC_U:
    default:
      return _("unaligned");
    }
}

const char *
entente_format_polarity (EntentePolarity polarity)
{
  switch (polarity)
    {
    case ENTENTE_POLARITY_UNIPOLAR: return _("Unipolar");
    case ENTENTE_POLARITY_BIPOLAR:  return _("Bipolar");
    case ENTENTE_POLARITY_MULTIPOLAR:
    default:
      return _("Multipolar");
    }
}

const char *
entente_format_contact_mode (EntenteContactMode mode)
{
  switch (mode)
    {
    case ENTENTE_CONTACT_TWO_PHASE:
      return _("Two-phase (Libya 2011)");
    case ENTENTE_CONTACT_CONCERT_TYPE:
    default:
      return _("Concert-type (Bosnia 1994)");
    }
}

const char *
entente_format_caveat (EntenteCaveat caveat)
{
  switch (caveat)
    {
    case ENTENTE_CAVEAT_LIMITED:   return _("limited caveats");
    case ENTENTE_CAVEAT_EXTENSIVE: return _("extensive caveats");
    case ENTENTE_CAVEAT_ABSTAIN:   return _("abstains");
    case ENTENTE_CAVEAT_NONE:
    default:
      return _("no caveats");
    }
}

char *
entente_format_alignment (const char  *name,
                          const char  *behaviour_title,
                          EntenteBloc  bloc,
                          const char  *threat)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (behaviour_title != NULL, NULL);

  if (threat != NULL)
    /* Translators: one state's alignment: "Germany: Revisionist lead, bloc B,
     * threat France" (state, behaviour, bloc, principal threat). */
    return g_strdup_printf (_("%s: %s, %s, threat %s"),
                            name, behaviour_title, entente_format_bloc (bloc), threat);

  /* Translators: one state's alignment without a principal threat:
   * "Germany: Balancing, unaligned". */
  return g_strdup_printf (_("%s: %s, %s"), name, behaviour_title, entente_format_bloc (bloc));
}

char *
entente_format_state_list (EntenteScenario *scenario,
                           GArray          *indices)
{
  g_autoptr (GString) str = g_string_new (NULL);

  g_return_val_if_fail (scenario != NULL, NULL);

  for (guint k = 0; indices != NULL && k < indices->len; k++)
    {
      guint index = g_array_index (indices, guint, k);

      if (index >= scenario->states->len)
        continue;

      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, ((EntenteState *) g_ptr_array_index (scenario->states, index))->name);
    }

  if (str->len == 0)
    return g_strdup (_("none"));

  return g_string_free (g_steal_pointer (&str), FALSE);
}

double
entente_format_nice_upper (double max)
{
  double target, magnitude;

  if (!(max > 0.0) || !isfinite (max))
    return 10.0;

  target = 1.25 * max;
  magnitude = pow (10.0, floor (log10 (target)));

  if (magnitude >= target)
    return magnitude;
  if (2 * magnitude >= target)
    return 2 * magnitude;
  if (5 * magnitude >= target)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* Large but finite values stay finite (the sum of three values near
 * G_MAXDOUBLE would be inf, which no slider or spin button can show). */
static double
finite_or_max (double x)
{
  if (isnan (x))
    return 0.0;
  return CLAMP (x, -G_MAXDOUBLE, G_MAXDOUBLE);
}

double
entente_format_capability (const EntenteState  *state,
                           const EntenteSystem *system)
{
  double sum, top;

  g_return_val_if_fail (state != NULL, 0.0);
  g_return_val_if_fail (system != NULL, 0.0);

  if (state->single_capability)
    return state->pop;

  /* Weights and components may each be as large as G_MAXDOUBLE (the file
   * format allows it): normalise the weights by the largest and average
   * with the weights' shares, so that neither the sum of the weights nor
   * the weighted sum overflows to inf or gives inf / inf = NaN. */
  top = MAX (system->w_pop, MAX (system->w_econ, system->w_mil));
  if (!(top > 0.0) || !isfinite (top))
    return finite_or_max (state->pop / 3.0 + state->econ / 3.0 + state->mil / 3.0);

  sum = system->w_pop / top + system->w_econ / top + system->w_mil / top;
  return finite_or_max (system->w_pop / top / sum * state->pop
                        + system->w_econ / top / sum * state->econ
                        + system->w_mil / top / sum * state->mil);
}
