/* entente-model.c: the model pipeline (model-theory.md §2), sync and async
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-model"

#include "config.h"

#include <string.h>

#include "entente-model.h"
#include "entente-model-private.h"

/* FNV-1a, 64 bit: a stable hash of the scenario's ids and values, so that
 * the heuristic's seed changes with the inputs but never between runs. */
static guint64
fnv1a (guint64       h,
       gconstpointer data,
       gsize         len)
{
  const guint8 *p = data;

  for (gsize x = 0; x < len; x++)
    {
      h ^= p[x];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h;
}

static guint64
scenario_hash (EntenteModel *self)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (guint i = 0; i < self->n; i++)
    {
      const EntenteState *s = g_ptr_array_index (self->scenario->states, i);

      h = fnv1a (h, s->id, strlen (s->id) + 1);
      h = fnv1a (h, &self->A[i], sizeof (double));
    }
  h = fnv1a (h, self->p, sizeof (double) * self->n * self->n);
  return h;
}

static void
model_clear (EntenteModel *self)
{
  g_free (self->offence);
  g_free (self->intention);
  g_free (self->domestic);
  g_free (self->a);
  g_free (self->k);
  g_free (self->r);
  g_free (self->g);
  g_free (self->dist);
  g_free (self->k_max);
  g_free (self->r_top);
  g_free (self->r_top_who);
  g_free (self->cap_k3);
  g_free (self->cap_k5);
  g_free (self->A);
  g_free (self->rank);
  g_free (self->order);
  g_free (self->gp);
  g_free (self->pole);
  g_free (self->pi);
  g_free (self->m);
  g_free (self->theta);
  g_free (self->S);
  g_free (self->disp);
  g_free (self->target);
  g_free (self->reason);
  g_free (self->feas);
  g_free (self->previous);
}

/* Dense copies of the inputs, clamped on entry (§0.2). */
static void
model_init (EntenteModel    *self,
            EntenteScenario *scenario,
            EntenteResult   *result)
{
  guint n = entente_scenario_get_n_states (scenario);
  gsize n1 = MAX (n, 1), nn = MAX ((gsize) n * n, 1);

  memset (self, 0, sizeof *self);
  self->scenario = scenario;
  self->params = &scenario->params;
  self->system = &scenario->system;
  self->result = result;
  self->n = n;

  self->offence = g_new0 (double, n1);
  self->intention = g_new0 (double, n1);
  self->domestic = g_new0 (double, n1);
  self->a = g_new0 (double, nn);
  self->k = g_new0 (double, nn);
  self->r = g_new0 (double, nn);
  self->g = g_new0 (double, nn);
  self->dist = g_new0 (double, nn);
  self->k_max = g_new0 (double, n1);
  self->r_top = g_new0 (double, 2 * n1);
  self->r_top_who = g_new0 (int, n1);
  self->cap_k3 = g_new0 (double, n1);
  self->cap_k5 = g_new0 (double, n1);
  self->A = g_new0 (double, n1);
  self->A0 = result->baseline;
  self->rank = g_new0 (guint, n1);
  self->order = g_new0 (guint, n1);
  self->gp = g_new0 (gboolean, n1);
  self->pole = g_new0 (gboolean, n1);
  self->pi = g_new0 (double, nn);
  self->T = result->threat;
  self->m = g_new0 (int, n1);
  self->theta = g_new0 (double, n1);
  self->S = g_new0 (double, nn);
  self->disp = g_new0 (EntenteBehaviour, n1);
  self->target = g_new0 (int, n1);
  self->reason = g_new0 (EntenteReason, n1);
  self->feas = g_new0 (double, n1);
  self->p = result->propensity;
  self->kappa = result->kappa;

  for (guint i = 0; i < n; i++)
    {
      const EntenteState *s = g_ptr_array_index (scenario->states, i);

      self->offence[i] = _entente_clamp (s->offence, 0, 1);
      self->intention[i] = _entente_clamp (s->intention, 0, 1);
      self->domestic[i] = _entente_clamp (s->domestic, 0, 1);
      for (guint j = 0; j < i; j++)
        {
          const EntenteState *t = g_ptr_array_index (scenario->states, j);

          EM (self->dist, i, j) = EM (self->dist, j, i) =
            _entente_model_great_circle_km (s->lat, s->lon, t->lat, t->lon);
        }
    }

  for (guint q = 0; q < scenario->pairs->len; q++)
    {
      const EntentePair *pair = &g_array_index (scenario->pairs, EntentePair, q);
      guint i = pair->a, j = pair->b;

      if (i == j || i >= n || j >= n)
        continue;
      EM (self->a, i, j) = EM (self->a, j, i) = _entente_clamp (pair->affinity, -1, 1);
      EM (self->k, i, j) = EM (self->k, j, i) = _entente_clamp (pair->commitment, 0, 1);
      EM (self->r, i, j) = EM (self->r, j, i) = _entente_clamp (pair->rivalry, 0, 1);
      EM (self->g, i, j) = EM (self->g, j, i) = _entente_clamp (pair->contiguity, 0, 1);
      self->k_max[i] = MAX (self->k_max[i], EM (self->k, i, j));
      self->k_max[j] = MAX (self->k_max[j], EM (self->k, i, j));
    }

  /* The two largest rivalries of each state, so that "max over l ≠ i of
   * r_jl" (§7.1, Agg_j) is O(1). */
  for (guint i = 0; i < n; i++)
    {
      self->r_top_who[i] = -1;
      for (guint j = 0; j < n; j++)
        {
          double v = EM (self->r, i, j);

          if (j == i)
            continue;
          if (self->r_top_who[i] < 0 || v > self->r_top[2 * i])
            {
              self->r_top[2 * i + 1] = self->r_top[2 * i];
              self->r_top[2 * i] = v;
              self->r_top_who[i] = (int) j;
            }
          else if (v > self->r_top[2 * i + 1])
            self->r_top[2 * i + 1] = v;
        }
    }
}

/* A⁰ of §8: from @baseline, else inherited from @previous, else A itself. */
static void
init_baseline (EntenteModel    *self,
               EntenteScenario *baseline,
               EntenteResult   *previous)
{
  EntenteScenario *src = NULL;
  const double *src_shares = NULL;
  g_autofree double *shares = NULL;

  for (guint i = 0; i < self->n; i++)
    self->A0[i] = self->A[i];

  if (baseline != NULL)
    {
      shares = g_new0 (double, MAX (baseline->states->len, 1));
      _entente_model_compute_shares (baseline, shares);
      src = baseline;
      src_shares = shares;
    }
  else if (previous != NULL && previous->baseline != NULL)
    {
      src = previous->scenario;
      src_shares = previous->baseline;
    }
  if (src == NULL)
    return;

  for (guint x = 0; x < src->states->len; x++)
    {
      const EntenteState *s = g_ptr_array_index (src->states, x);
      int i = entente_scenario_find_state (self->scenario, s->id);

      if (i >= 0 && (guint) i < self->n)
        self->A0[i] = src_shares[x];
    }
}

/* The warm start: @previous's current configuration, matched by id; new
 * states start unaligned (in AB 1993 mode, where U does not exist, in A). */
static void
init_previous (EntenteModel  *self,
               EntenteResult *previous)
{
  gboolean ab = self->system->mode == ENTENTE_ALIGN_MODE_AB1993;

  if (previous == NULL || previous->scenario == NULL)
    return;
  self->previous = g_new0 (guint8, MAX (self->n, 1));
  for (guint i = 0; i < self->n; i++)
    self->previous[i] = ab ? ENTENTE_BLOC_A : ENTENTE_BLOC_U;
  for (guint x = 0; x < previous->n; x++)
    {
      const EntenteState *s = g_ptr_array_index (previous->scenario->states, x);
      int i = entente_scenario_find_state (self->scenario, s->id);
      EntenteBloc b = previous->states[x].bloc;

      if (i < 0 || (guint) i >= self->n)
        continue;
      if (ab && b == ENTENTE_BLOC_U)
        b = ENTENTE_BLOC_A;
      self->previous[i] = (guint8) b;
    }
}

/**
 * entente_model_solve_full:
 * @scenario: an immutable snapshot
 * @baseline: (nullable): the scenario as loaded, for break risks
 * @previous: (nullable): the previous result, for the warm start
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Runs model-theory.md §3–§10 on @scenario.
 *
 * Returns: (transfer full): the result, or %NULL when cancelled
 */
EntenteResult *
entente_model_solve_full (EntenteScenario  *scenario,
                          EntenteScenario  *baseline,
                          EntenteResult    *previous,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr (EntenteResult) result = NULL;
  EntenteModel model;
  EntenteModel *self = &model;
  gboolean ok = FALSE;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  result = _entente_result_new (scenario);
  model_init (self, scenario, result);

  _entente_model_capability (self);
  init_baseline (self, baseline, previous);
  init_previous (self, previous);
  _entente_model_threat (self);
  _entente_model_disposition (self);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  _entente_model_propensities (self);
  self->seed = self->params->seed ^ scenario_hash (self);
  if (!_entente_model_align (self, cancellable, error))
    goto out;
  _entente_model_reconcile (self);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  _entente_model_dilemma (self);
  _entente_model_concert (self);
  _entente_model_contacts (self);
  ok = !g_cancellable_set_error_if_cancelled (cancellable, error);

out:
  model_clear (self);
  return ok ? g_steal_pointer (&result) : NULL;
}

/**
 * entente_model_solve:
 * @scenario: an immutable snapshot
 * @previous: (nullable): the previous result, for the warm start
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the result, or %NULL when cancelled
 */
EntenteResult *
entente_model_solve (EntenteScenario  *scenario,
                     EntenteResult    *previous,
                     GCancellable     *cancellable,
                     GError          **error)
{
  return entente_model_solve_full (scenario, NULL, previous, cancellable, error);
}

typedef struct
{
  EntenteScenario *scenario;
  EntenteResult   *previous;
} SolveData;

static void
solve_data_free (SolveData *data)
{
  g_clear_pointer (&data->scenario, entente_scenario_unref);
  g_clear_pointer (&data->previous, entente_result_unref);
  g_free (data);
}

static void
solve_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SolveData *data = task_data;
  GError *error = NULL;
  EntenteResult *result;

  result = entente_model_solve (data->scenario, data->previous, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) entente_result_unref);
}

/**
 * entente_model_solve_async:
 * @scenario: an immutable snapshot; a reference is taken
 * @previous: (nullable): the previous result, for the warm start and A⁰
 * @cancellable: (nullable): a #GCancellable, also passed to the landscape
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Runs entente_model_solve() in a worker thread.
 */
void
entente_model_solve_async (EntenteScenario     *scenario,
                           EntenteResult       *previous,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  SolveData *data;

  g_return_if_fail (scenario != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, entente_model_solve_async);
  data = g_new0 (SolveData, 1);
  data->scenario = entente_scenario_ref (scenario);
  data->previous = previous != NULL ? entente_result_ref (previous) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) solve_data_free);
  g_task_run_in_thread (task, solve_thread);
}

/**
 * entente_model_solve_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the result, or %NULL with %G_IO_ERROR_CANCELLED
 */
EntenteResult *
entente_model_solve_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == entente_model_solve_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
