/* entente-result.c: everything one model run computed (boxed, reference counted)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-result"

#include "config.h"

#include "entente-model-private.h"
#include "entente-result.h"

G_DEFINE_BOXED_TYPE (EntenteResult, entente_result, entente_result_ref, entente_result_unref)

static GArray *
new_index_array (void)
{
  return g_array_new (FALSE, FALSE, sizeof (guint));
}

/* An empty result for @scenario (which it references), with every array
 * allocated so consumers never meet a NULL array. */
EntenteResult *
_entente_result_new (EntenteScenario *scenario)
{
  EntenteResult *self = g_new0 (EntenteResult, 1);
  guint n = entente_scenario_get_n_states (scenario);

  g_atomic_ref_count_init (&self->ref_count);
  self->scenario = entente_scenario_ref (scenario);
  self->n = n;
  self->states = g_new0 (EntenteStateResult, MAX (n, 1));
  self->threat = g_new0 (double, MAX ((gsize) n * n, 1));
  self->baseline = g_new0 (double, MAX (n, 1));
  self->propensity = g_new0 (double, MAX ((gsize) n * n, 1));
  self->kappa = g_new0 (double, MAX (n, 1));
  self->poles = new_index_array ();
  self->lead = -1;
  for (guint b = 0; b < 2; b++)
    {
      self->blocs[b].members = new_index_array ();
      self->blocs[b].largest = -1;
    }
  self->counterbalancing = new_index_array ();
  self->dyads = g_array_new (FALSE, TRUE, sizeof (EntenteDyadResult));
  self->concert.members = new_index_array ();
  self->concert.contained = new_index_array ();
  self->concert.failures = g_array_new (FALSE, TRUE, sizeof (EntenteConcertFailure));
  self->concert.grand_coalition_target = -1;
  self->contacts = g_array_new (FALSE, TRUE, sizeof (EntenteContactResult));
  for (guint i = 0; i < n; i++)
    {
      self->states[i].threat = -1;
      self->states[i].disposition_target = -1;
      self->states[i].label_target = -1;
      self->states[i].bloc = ENTENTE_BLOC_U;
    }
  return self;
}

/**
 * entente_result_ref:
 * @self: a result
 *
 * Returns: (transfer full): @self
 */
EntenteResult *
entente_result_ref (EntenteResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
contact_clear (EntenteContactResult *cr)
{
  g_clear_pointer (&cr->core, g_array_unref);
  g_clear_pointer (&cr->group, g_array_unref);
  g_clear_pointer (&cr->friends, g_array_unref);
  g_clear_pointer (&cr->caveats, g_array_unref);
}

/**
 * entente_result_unref:
 * @self: (transfer full): a result
 *
 * Drops a reference; the last one frees the result and its landscape.
 */
void
entente_result_unref (EntenteResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint c = 0; c < self->contacts->len; c++)
    contact_clear (&g_array_index (self->contacts, EntenteContactResult, c));
  g_array_unref (self->contacts);
  g_array_unref (self->concert.members);
  g_array_unref (self->concert.contained);
  g_array_unref (self->concert.failures);
  g_array_unref (self->dyads);
  g_array_unref (self->counterbalancing);
  for (guint b = 0; b < 2; b++)
    g_array_unref (self->blocs[b].members);
  g_array_unref (self->poles);
  g_clear_pointer (&self->landscape, entente_landscape_solution_free);
  g_free (self->kappa);
  g_free (self->propensity);
  g_free (self->baseline);
  g_free (self->threat);
  g_free (self->states);
  entente_scenario_unref (self->scenario);
  g_free (self);
}
