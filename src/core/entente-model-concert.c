/* entente-model-concert.c: the concert of great powers (model-theory.md §9, Jervis 1985)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-model-concert"

#include "config.h"

#include <math.h>
#include <string.h>

#include "entente-model-private.h"

static int
compare_failure (gconstpointer a,
                 gconstpointer b)
{
  const EntenteConcertFailure *fa = a, *fb = b;

  if (fa->value < fb->value)
    return -1;
  if (fa->value > fb->value)
    return 1;
  return (int) fa->condition - (int) fb->condition;
}

/* J1 = H · W · 2^(−dt/half): the shock of an antihegemonic war, fading. */
static double
war_shock (const EntenteSystem *sys)
{
  double dt = MAX (0.0, sys->years_since);

  if (!sys->antihegemonic)
    return 0;
  if (!(sys->half_life > 1e-12))
    return dt <= 0 ? _entente_clamp (sys->war_shock, 0, 1) : 0.0;
  return _entente_clamp (sys->war_shock, 0, 1) * exp2 (-dt / sys->half_life);
}

void
_entente_model_concert (EntenteModel *self)
{
  EntenteResult *res = self->result;
  EntenteConcertResult *c = &res->concert;
  const EntenteParams *par = self->params;
  const EntenteSystem *sys = self->system;
  double odb = _entente_clamp (sys->odb, -1, 1);
  double b_max = 0, cover_members = 0, cover_gp = 0, w_sum = 0, wt_sum = 0, worst = -1;
  int b_argmax = -1, worst_i = -1, worst_j = -1, outside = -1;
  double j_min;
  static const EntenteReason reasons[4] = {
    ENTENTE_REASON_CONCERT_NO_WAR_SHOCK,
    ENTENTE_REASON_CONCERT_EXPANSION_PAYS,
    ENTENTE_REASON_CONCERT_WAR_CHEAP,
    ENTENTE_REASON_CONCERT_DISTRUST,
  };

  /* Members are the non-contained great powers, in rank order. */
  for (guint q = 0; q < self->n; q++)
    {
      guint i = self->rank[q];
      const EntenteState *s = g_ptr_array_index (self->scenario->states, i);

      if (!self->gp[i])
        continue;
      cover_gp += self->A[i];
      if (s->contained)
        {
          g_array_append_val (c->contained, i);
          if (outside < 0)
            outside = (int) i;
          continue;
        }
      g_array_append_val (c->members, i);
      cover_members += self->A[i];
    }
  /* Contained states that are not great powers are still listed as such. */
  for (guint q = 0; q < self->n; q++)
    {
      guint i = self->rank[q];
      const EntenteState *s = g_ptr_array_index (self->scenario->states, i);

      if (s->contained && !self->gp[i])
        g_array_append_val (c->contained, i);
    }

  c->j[0] = war_shock (sys);

  for (guint x = 0; x < c->members->len; x++)
    {
      guint i = g_array_index (c->members, guint, x);
      double b = _entente_clamp (self->intention[i] + 0.25 * odb, 0, 1);

      if (b > b_max || b_argmax < 0)
        {
          b_max = b;
          b_argmax = (int) i;
        }
    }
  c->j[1] = 1 - b_max;
  c->j[2] = 1 - (1 - _entente_clamp (sys->cost_of_war, 0, 1)) * (1 - c->j[0]);

  /* J4: capability-weighted trust. The pair "responsible" for distrust is
   * the one contributing most of it, A_i A_j (1 − t_ij) (MODEL.md). */
  for (guint x = 0; x < c->members->len; x++)
    for (guint y = x + 1; y < c->members->len; y++)
      {
        guint i = g_array_index (c->members, guint, x);
        guint j = g_array_index (c->members, guint, y);
        double w = self->A[i] * self->A[j];
        double t = _entente_clamp (0.5 + 0.5 * EM (self->a, i, j) - 0.5 * EM (self->r, i, j), 0, 1);

        w_sum += w;
        wt_sum += w * t;
        if (w * (1 - t) > worst)
          {
            worst = w * (1 - t);
            worst_i = (int) i;
            worst_j = (int) j;
          }
      }
  c->j[3] = sqrt (_entente_clamp (sys->transparency, 0, 1) * _entente_div (wt_sum, w_sum, 1.0));

  j_min = MIN (MIN (c->j[0], c->j[1]), MIN (c->j[2], c->j[3]));
  c->index = pow (MAX (0.0, c->j[0] * c->j[1] * c->j[2] * c->j[3]), 0.25);
  /* A concert needs at least two members to concert anything (MODEL.md). */
  c->forms = j_min >= par->theta_j && c->members->len >= 2;
  c->strong = c->forms && j_min >= par->strong_j;

  /* §9.3: coverage and the "grand coalition against X" relabel. */
  c->coverage = _entente_div (cover_members, cover_gp, 0.0);
  c->grand_coalition = FALSE;
  c->grand_coalition_target = -1;
  if (c->forms && c->coverage < 2.0 / 3.0)
    {
      if (outside < 0)
        for (guint q = 0; q < self->n && outside < 0; q++)
          {
            guint i = self->rank[q];
            gboolean member = FALSE;

            for (guint x = 0; x < c->members->len; x++)
              member |= g_array_index (c->members, guint, x) == i;
            if (self->gp[i] && !member)
              outside = (int) i;
          }
      c->grand_coalition = TRUE;
      c->grand_coalition_target = outside;
      c->forms = FALSE;
      c->strong = FALSE;
    }

  for (guint k = 0; k < 4; k++)
    if (c->j[k] < par->theta_j)
      {
        EntenteConcertFailure f;

        memset (&f, 0, sizeof f);
        f.reason = reasons[k];
        f.condition = k + 1;
        f.value = c->j[k];
        f.states[0] = f.states[1] = -1;
        if (k == 1)
          f.states[0] = b_argmax;
        else if (k == 3)
          {
            f.states[0] = worst_i;
            f.states[1] = worst_j;
          }
        g_array_append_val (c->failures, f);
      }
  g_array_sort (c->failures, compare_failure);
}
