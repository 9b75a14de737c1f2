/* entente-model-disposition.c: what each state does about its principal threat (model-theory.md §5)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-model-disposition"

#include "config.h"

#include "entente-model-private.h"

/* §5.1: a jackal would join the wolf m rather than balance it (Schweller). */
static gboolean
jackal_with (EntenteModel *self,
             guint         j,
             guint         m)
{
  const EntenteParams *par = self->params;

  return self->intention[j] >= par->theta_rev &&
         self->intention[m] >= par->theta_wolf &&
         EM (self->r, j, m) < 0.5;
}

static gboolean
in_pot (EntenteModel *self,
        guint         j,
        guint         m)
{
  if (j == m)
    return FALSE;
  if (self->pole_a >= 0 && (self->pole_a == (int) m || self->pole_b == (int) m) &&
      (self->pole_a == (int) j || self->pole_b == (int) j))
    return TRUE;
  return (EM (self->T, j, m) >= self->params->theta_low || self->m[j] == (int) m) &&
         EM (self->k, j, m) < 0.5 &&
         !jackal_with (self, j, m);
}

static gboolean
is_ally (EntenteModel *self,
         guint         i,
         guint         j,
         guint         m)
{
  return j != i && j != m && EM (self->k, i, j) >= 0.5 && EM (self->k, j, m) < 0.5;
}

/* §5.1: local feasibility, Walt's "allies available". */
static double
feasibility (EntenteModel *self,
             guint         i,
             guint         m)
{
  double side = self->A[m];
  double num = self->A[i];

  for (guint j = 0; j < self->n; j++)
    {
      if (j != m && EM (self->k, m, j) >= 0.5 && self->m[j] != (int) m)
        side += self->A[j];
      if (is_ally (self, i, j, m))
        num += self->A[j];
      else if (j != i && in_pot (self, j, m))
        num += self->A[j] * EM (self->pi, i, j);
    }
  /* An empty aggressor threatens nobody: call the balance feasible. */
  return _entente_div (num, side, self->params->phi_feas);
}

/* Rule 7b: c is a buck-catcher for i against m. */
static gboolean
is_catcher (EntenteModel *self,
            guint         i,
            guint         m,
            guint         c)
{
  const EntenteParams *par = self->params;
  double hold;

  if (c == i || c == m)
    return FALSE;
  if (EM (self->T, c, m) < EM (self->T, i, m) || EM (self->g, c, m) < EM (self->g, i, m))
    return FALSE;
  if (self->intention[c] >= par->theta_rev && EM (self->T, c, m) < par->theta_low)
    return FALSE;
  /* A_c + Σ_{l ≠ i, m : k_cl >= 0.5} A_l, from the precomputed sum. */
  hold = self->A[c] + self->cap_k5[c] -
         (EM (self->k, c, i) >= 0.5 ? self->A[i] : 0.0) -
         (EM (self->k, c, m) >= 0.5 ? self->A[m] : 0.0);
  return hold >= 0.5 * self->A[m];
}

/* Among candidates, the one maximising T_xm · A_x; ties by rank. */
static int
best_partner (EntenteModel *self,
              guint         i,
              guint         m,
              gboolean      catcher)
{
  const EntenteParams *par = self->params;
  int best = -1;
  double best_v = -1;

  for (guint q = 0; q < self->n; q++)
    {
      guint j = self->rank[q];
      double v;

      if (j == i || j == m)
        continue;
      if (catcher)
        {
          if (!is_catcher (self, i, m, j))
            continue;
        }
      else if (!(EM (self->k, i, j) >= par->k_cg && EM (self->T, j, m) >= par->theta_low))
        continue;
      v = EM (self->T, j, m) * self->A[j];
      if (v > best_v)
        {
          best_v = v;
          best = (int) j;
        }
    }
  return best;
}

static void
decide (EntenteModel     *self,
        guint             i,
        EntenteBehaviour *out,
        int              *out_target,
        EntenteReason    *out_reason)
{
  const EntenteParams *par = self->params;
  EntenteResult *res = self->result;
  int m = self->m[i];
  double theta = self->theta[i];
  double odb = _entente_clamp (self->system->odb, -1, 1);
  gboolean multipolar = res->polarity == ENTENTE_POLARITY_MULTIPOLAR;
  int w = -1;

#define DECIDE(b, t, rsn) \
  G_STMT_START { *out = (b); *out_target = (t); *out_reason = (rsn); return; } G_STMT_END

  /* Rule 0: poles confront each other directly (Waltz 1979). */
  if (self->pole_a >= 0 && ((int) i == self->pole_a || (int) i == self->pole_b))
    DECIDE (ENTENTE_BEHAVIOUR_BALANCE, m, ENTENTE_REASON_BIPOLAR_POLE);

  /* Rule 1: an ally that is also a rival is managed from inside. */
  if (m >= 0 && EM (self->k, i, m) >= 0.5 && EM (self->r, i, m) >= 0.5 &&
      theta < 1.5 * par->theta_high)
    DECIDE (ENTENTE_BEHAVIOUR_TETHER, m, ENTENTE_REASON_TETHER_RIVAL_ALLY);

  /* Rule 2: the strongest wolf leads (Schweller 1994). */
  if (self->intention[i] >= par->theta_wolf && self->gp[i])
    {
      gboolean stronger = FALSE;

      for (guint q = 0; q < self->order[i]; q++)
        if (self->intention[self->rank[q]] >= par->theta_wolf)
          stronger = TRUE;
      if (!stronger)
        DECIDE (ENTENTE_BEHAVIOUR_REVISIONIST_LEAD, m, ENTENTE_REASON_REVISIONIST_WOLF);
    }

  /* Rule 3: jackals bandwagon for profit with the strongest wolf at least
   * their size that is not their rival. */
  if (self->intention[i] >= par->theta_rev)
    for (guint q = 0; q < self->n && w < 0; q++)
      {
        guint c = self->rank[q];

        if (c != i && self->intention[c] >= par->theta_wolf &&
            self->A[c] >= self->A[i] && EM (self->r, i, c) < 0.5)
          w = (int) c;
      }
  if (w >= 0)
    DECIDE (ENTENTE_BEHAVIOUR_BANDWAGON, w, ENTENTE_REASON_BANDWAGON_PROFIT);

  /* Rule 4: no significant threat. */
  if (m < 0 || theta < par->theta_low)
    DECIDE (ENTENTE_BEHAVIOUR_HIDE, -1, ENTENTE_REASON_NO_THREAT);

  /* Rule 5: weak, exposed and alone (Walt). Proximity is Walt's mechanism:
   * in a pure Waltz reading (ν_P = 0) geography carries no weight and the
   * rule cannot fire (MODEL.md). */
  if (_entente_div (self->A[i], self->A[m], G_MAXDOUBLE) <= par->w_weak &&
      self->system->nu_p > 1e-12 &&
      EM (self->pi, i, m) >= 0.5 && self->offence[m] >= 0.5 &&
      theta >= par->theta_high && self->feas[i] < par->phi_feas)
    DECIDE (ENTENTE_BEHAVIOUR_BANDWAGON, m, ENTENTE_REASON_BANDWAGON_SURVIVAL);

  /* Rule 6: nobody can counterbalance the unipole (Wohlforth). */
  if (res->polarity == ENTENTE_POLARITY_UNIPOLAR && m == res->lead &&
      self->feas[i] < par->phi_feas)
    DECIDE (ENTENTE_BEHAVIOUR_HIDE, -1, ENTENTE_REASON_COUNTERBALANCE_INFEASIBLE);

  /* Rule 7: Christensen & Snyder, multipolarity only. */
  if (multipolar && odb >= par->delta_odb)
    {
      int j = best_partner (self, i, m, FALSE);

      if (j >= 0)
        DECIDE (ENTENTE_BEHAVIOUR_CHAIN_GANG, j, ENTENTE_REASON_CHAIN_GANG_OFFENCE);
    }
  if (multipolar)
    {
      double odb_eff = odb + ((res->unbalanced && m == res->lead) ? 0.3 : 0.0);

      if (odb_eff <= -par->delta_odb && EM (self->g, i, m) < 1.0)
        {
          int c = best_partner (self, i, m, TRUE);

          if (c >= 0)
            DECIDE (ENTENTE_BEHAVIOUR_BUCK_PASS, c, ENTENTE_REASON_BUCK_PASS_DEFENCE);
        }
    }

  /* Rule 8: balancing is the rule (Walt; Waltz). */
  DECIDE (ENTENTE_BEHAVIOUR_BALANCE, m, ENTENTE_REASON_BALANCE_THREAT);

#undef DECIDE
}

void
_entente_model_disposition (EntenteModel *self)
{
  EntenteResult *res = self->result;

  for (guint i = 0; i < self->n; i++)
    self->feas[i] = self->m[i] >= 0 ? feasibility (self, i, (guint) self->m[i]) : 1.0;

  for (guint i = 0; i < self->n; i++)
    {
      decide (self, i, &self->disp[i], &self->target[i], &self->reason[i]);
      res->states[i].feasibility = self->feas[i];
      res->states[i].disposition = self->disp[i];
      res->states[i].disposition_target = self->target[i];
      res->states[i].disposition_reason = self->reason[i];
    }
}
