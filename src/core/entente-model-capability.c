/* entente-model-capability.c: capability shares, poles, polarity (model-theory.md §3)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-model-capability"

#include "config.h"

#include <math.h>
#include <string.h>

#include "entente-model-private.h"

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const EntenteModel *self = user_data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;
  const EntenteState *si, *sj;

  if (self->A[i] > self->A[j])
    return -1;
  if (self->A[i] < self->A[j])
    return 1;
  si = g_ptr_array_index (self->scenario->states, i);
  sj = g_ptr_array_index (self->scenario->states, j);
  return strcmp (si->id, sj->id);
}

/* A capability component: non-negative and finite. */
static inline double
component (double x)
{
  return x > 0 ? MIN (x, G_MAXDOUBLE) : 0.0;
}

/* Σ x[i·stride] over n terms. Components and weights may be as large as
 * G_MAXDOUBLE; a sum that would overflow is taken in units of the largest
 * term (and *unit says so), so that x / sum never becomes x / inf = 0, which
 * would drop a component, or every weight, and Σ A would no longer be 1.
 * Sums that do not overflow are computed exactly as before. */
static double
safe_sum (const double *x,
          guint         n,
          guint         stride,
          double       *unit)
{
  double sum = 0, top = 0;

  for (guint i = 0; i < n; i++)
    {
      sum += x[(gsize) i * stride];
      top = MAX (top, x[(gsize) i * stride]);
    }
  *unit = 1.0;
  if (isfinite (sum))
    return sum;

  sum = 0;
  for (guint i = 0; i < n; i++)
    sum += x[(gsize) i * stride] / top;
  *unit = top;
  return sum;
}

/* §3.1: A_i = Σ_c w_c · share_c(i), each share with the 1/n fallback. */
void
_entente_model_compute_shares (EntenteScenario *scenario,
                               double          *out)
{
  const EntenteSystem *sys = &scenario->system;
  double sum[3], unit[3];
  double w[3] = { sys->w_pop, sys->w_econ, sys->w_mil };
  double wsum, wunit;
  guint n = scenario->states->len;
  g_autofree double *comp = g_new (double, 3 * (gsize) MAX (n, 1));

  for (guint c = 0; c < 3; c++)
    if (!(w[c] >= 0) || !isfinite (w[c]))
      w[c] = 0;
  wsum = safe_sum (w, 3, 1, &wunit);
  for (guint c = 0; c < 3; c++)
    w[c] = _entente_div (w[c] / wunit, wsum, 1.0 / 3.0);

  for (guint i = 0; i < n; i++)
    {
      const EntenteState *s = g_ptr_array_index (scenario->states, i);

      comp[3 * i + 0] = component (s->pop);
      comp[3 * i + 1] = component (s->econ);
      comp[3 * i + 2] = component (s->mil);
    }
  for (guint c = 0; c < 3; c++)
    sum[c] = safe_sum (comp + c, n, 3, &unit[c]);

  for (guint i = 0; i < n; i++)
    {
      double a = 0;

      for (guint c = 0; c < 3; c++)
        a += w[c] * _entente_div (comp[3 * i + c] / unit[c], sum[c], 1.0 / n);
      out[i] = a;
    }
}

void
_entente_model_capability (EntenteModel *self)
{
  EntenteResult *res = self->result;
  const EntenteParams *par = self->params;
  guint n = self->n;
  double a_max, sum_sq = 0;

  _entente_model_compute_shares (self->scenario, self->A);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        double k = EM (self->k, i, j);

        if (j != i && k >= 0.3)
          self->cap_k3[i] += self->A[j];
        if (j != i && k >= 0.5)
          self->cap_k5[i] += self->A[j];
      }

  for (guint i = 0; i < n; i++)
    self->rank[i] = i;
  g_qsort_with_data (self->rank, n, sizeof (guint), compare_rank, self);
  for (guint q = 0; q < n; q++)
    self->order[self->rank[q]] = q;

  res->lead = n > 0 ? (int) self->rank[0] : -1;
  a_max = n > 0 ? self->A[self->rank[0]] : 0;
  self->a_second = n > 1 ? self->A[self->rank[1]] : 0;

  /* §3.2: poles and great powers, walked in rank order so the pole list
   * is sorted strongest first. */
  self->n_poles = 0;
  self->pole_a = self->pole_b = -1;
  for (guint q = 0; q < n; q++)
    {
      guint i = self->rank[q];
      const EntenteState *s = g_ptr_array_index (self->scenario->states, i);

      self->pole[i] = self->A[i] >= par->pole_frac * a_max && self->A[i] > 0;
      self->gp[i] = self->pole[i] || (self->A[i] >= par->gp_frac * a_max && self->A[i] > 0);
      if (s->gp_override < 0)
        self->gp[i] = FALSE;
      else if (s->gp_override > 0)
        self->gp[i] = TRUE;

      if (self->pole[i])
        {
          g_array_append_val (res->poles, i);
          if (self->n_poles == 0)
            self->pole_a = (int) i;
          else if (self->n_poles == 1)
            self->pole_b = (int) i;
          self->n_poles++;
        }
      sum_sq += self->A[i] * self->A[i];

      res->states[i].share = self->A[i];
      res->states[i].great_power = self->gp[i];
      res->states[i].pole = self->pole[i];
    }

  if (self->n_poles == 2)
    res->polarity = ENTENTE_POLARITY_BIPOLAR;
  else if (self->n_poles >= 3)
    res->polarity = ENTENTE_POLARITY_MULTIPOLAR;
  else
    res->polarity = ENTENTE_POLARITY_UNIPOLAR;
  if (res->polarity != ENTENTE_POLARITY_BIPOLAR)
    self->pole_a = self->pole_b = -1;

  res->unbalanced = res->polarity == ENTENTE_POLARITY_MULTIPOLAR &&
                    a_max >= par->ph_ratio * self->a_second;
  res->hegemonic = n > 0 && a_max >= 0.5;

  /* CON (Singer, Bremer & Stuckey). With one state the system is wholly
   * concentrated; the formula's 0/0 takes that limit (MODEL.md). */
  if (n == 0)
    res->concentration = 0;
  else if (n == 1)
    res->concentration = 1;
  else
    res->concentration = sqrt (MAX (0.0, (sum_sq - 1.0 / n) / (1.0 - 1.0 / n)));

  /* ς of §7.1: Snyder, the alliance dilemma is sharpest in multipolarity. */
  switch (res->polarity)
    {
    case ENTENTE_POLARITY_MULTIPOLAR:
      self->varsigma = 1.0;
      break;
    case ENTENTE_POLARITY_BIPOLAR:
      self->varsigma = 0.5;
      break;
    case ENTENTE_POLARITY_UNIPOLAR:
    default:
      self->varsigma = 0.75;
      break;
    }
}
