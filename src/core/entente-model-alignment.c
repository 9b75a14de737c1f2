/* entente-model-alignment.c: propensities, landscape, reconciled labels, blocs (model-theory.md §6)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-model-alignment"

#include "config.h"

#include "entente-model-private.h"

static gboolean
is_ab1993 (EntenteModel *self)
{
  return self->system->mode == ENTENTE_ALIGN_MODE_AB1993;
}

/* i's disposition is @behaviour with target j. */
static gboolean
aims_at (EntenteModel     *self,
         guint             i,
         guint             j,
         EntenteBehaviour  behaviour)
{
  return self->disp[i] == behaviour && self->target[i] == (int) j;
}

/* §6.3. In AB 1993 mode only the published ingredients remain: affinity,
 * commitment and rivalry, without our Walt-derived threat terms (MODEL.md). */
void
_entente_model_propensities (EntenteModel *self)
{
  const EntenteParams *par = self->params;
  guint n = self->n;

  for (guint i = 0; i < n; i++)
    {
      EM (self->p, i, i) = 0;
      for (guint j = i + 1; j < n; j++)
        {
          double base = par->w_a * EM (self->a, i, j) + par->w_k * EM (self->k, i, j) -
                        par->w_r * EM (self->r, i, j);
          double p = base;

          if (!is_ab1993 (self))
            {
              gboolean bp_i = self->disp[i] == ENTENTE_BEHAVIOUR_BUCK_PASS;
              gboolean bp_j = self->disp[j] == ENTENTE_BEHAVIOUR_BUCK_PASS;
              gboolean bw = aims_at (self, i, j, ENTENTE_BEHAVIOUR_BANDWAGON) ||
                            aims_at (self, j, i, ENTENTE_BEHAVIOUR_BANDWAGON);
              gboolean cg = aims_at (self, i, j, ENTENTE_BEHAVIOUR_CHAIN_GANG) ||
                            aims_at (self, j, i, ENTENTE_BEHAVIOUR_CHAIN_GANG);
              double thr = par->w_t * (EM (self->T, i, j) + EM (self->T, j, i)) / 2;
              double sec = par->w_s * EM (self->S, i, j);

              /* Mearsheimer: buck-passers court the aggressor and keep cool
               * relations with the catcher. */
              if ((bp_i && self->m[i] == (int) j) || (bp_j && self->m[j] == (int) i))
                thr *= 0.5;
              if (bp_i || bp_j)
                sec *= par->beta_bp;
              p += sec + (bw ? par->w_bw : -thr) + (cg ? par->w_cg : 0.0);
            }
          EM (self->p, i, j) = EM (self->p, j, i) = p;
        }
    }

  /* §6.2: the alignment cost κ makes neutrality possible. */
  for (guint i = 0; i < n; i++)
    {
      double kap = 0;

      if (!is_ab1993 (self))
        kap = par->kappa0 +
              (self->disp[i] == ENTENTE_BEHAVIOUR_HIDE ? par->kappa_hide : 0.0) +
              (self->disp[i] == ENTENTE_BEHAVIOUR_BUCK_PASS ? par->kappa_bp : 0.0) -
              par->kappa0 * MIN (1.0, self->k_max[i]);
      self->kappa[i] = MAX (0.0, kap);
    }
}

gboolean
_entente_model_align (EntenteModel  *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  EntenteLandscapeProblem problem;
  EntenteLandscapeSolution *sol;
  EntenteResult *res = self->result;

  entente_landscape_problem_init_defaults (&problem);
  problem.n = self->n;
  problem.size = self->A;
  problem.propensity = self->p;
  problem.kappa = self->kappa;
  problem.allow_unaligned = !is_ab1993 (self);
  problem.rank = self->rank;
  problem.previous = self->previous;
  problem.exact_max_n3 = self->params->exact_n3;
  problem.exact_max_n2 = self->params->exact_n2;
  problem.restarts = self->params->restarts;
  problem.seed = self->seed;

  sol = entente_landscape_solve (&problem, cancellable, error);
  if (sol == NULL)
    return FALSE;

  res->landscape = sol;
  for (guint i = 0; i < self->n; i++)
    {
      res->states[i].bloc = (EntenteBloc) sol->current[i];
      res->states[i].frustration = sol->frustration != NULL ? sol->frustration[i] : 0.0;
    }
  return TRUE;
}

static void
set_label (EntenteStateResult *st,
           EntenteBehaviour    label,
           int                 target,
           EntenteReason       reason)
{
  st->label = label;
  st->label_target = target;
  st->label_reason = reason;
}

/* §6.6: the disposition is the strategy; the landscape decides where the
 * state actually sits. Rows of the table in order, first match wins. */
static void
reconcile_one (EntenteModel *self,
               guint         i)
{
  EntenteResult *res = self->result;
  EntenteStateResult *st = &res->states[i];
  EntenteBehaviour d = self->disp[i];
  int m = self->m[i];
  int t = self->target[i];

  set_label (st, d, t, self->reason[i]);

  if (d == ENTENTE_BEHAVIOUR_REVISIONIST_LEAD || d == ENTENTE_BEHAVIOUR_HIDE)
    return;

  if (m >= 0 && _entente_same_bloc (res, (int) i, m) &&
      EM (self->r, i, m) >= 0.5 && EM (self->k, i, m) >= 0.5)
    {
      set_label (st, ENTENTE_BEHAVIOUR_TETHER, m, d == ENTENTE_BEHAVIOUR_TETHER ?
                 self->reason[i] : ENTENTE_REASON_TETHERED_IN_BLOC);
      return;
    }

  switch (d)
    {
    case ENTENTE_BEHAVIOUR_BALANCE:
    case ENTENTE_BEHAVIOUR_CHAIN_GANG:
      if (_entente_same_bloc (res, (int) i, m))
        set_label (st, ENTENTE_BEHAVIOUR_BANDWAGON, m, ENTENTE_REASON_PULLED_TO_THREAT);
      else if (d == ENTENTE_BEHAVIOUR_CHAIN_GANG && !_entente_same_bloc (res, (int) i, t))
        set_label (st, ENTENTE_BEHAVIOUR_BALANCE, m, ENTENTE_REASON_PARTNER_ELSEWHERE);
      else if (d == ENTENTE_BEHAVIOUR_BALANCE && st->bloc == ENTENTE_BLOC_U)
        set_label (st, ENTENTE_BEHAVIOUR_BALANCE, m, ENTENTE_REASON_INTERNAL_BALANCING);
      break;

    case ENTENTE_BEHAVIOUR_BANDWAGON:
      if (t >= 0 && (st->bloc == ENTENTE_BLOC_U || res->states[t].bloc == ENTENTE_BLOC_U))
        set_label (st, ENTENTE_BEHAVIOUR_HIDE, -1, ENTENTE_REASON_BANDWAGON_UNALIGNED);
      else if (t >= 0 && !_entente_same_bloc (res, (int) i, t))
        set_label (st, ENTENTE_BEHAVIOUR_BALANCE, t, ENTENTE_REASON_BANDWAGON_OPPOSED);
      break;

    case ENTENTE_BEHAVIOUR_TETHER:
      if (!_entente_same_bloc (res, (int) i, m))
        set_label (st, ENTENTE_BEHAVIOUR_BALANCE, m, ENTENTE_REASON_TETHER_APART);
      break;

    case ENTENTE_BEHAVIOUR_BUCK_PASS:
    case ENTENTE_BEHAVIOUR_HIDE:
    case ENTENTE_BEHAVIOUR_REVISIONIST_LEAD:
    case ENTENTE_N_BEHAVIOURS:
    default:
      break;
    }
}

void
_entente_model_reconcile (EntenteModel *self)
{
  EntenteResult *res = self->result;
  int lead = res->lead;

  for (guint i = 0; i < self->n; i++)
    reconcile_one (self, i);

  /* Blocs A and B: members in scenario order, capability, largest member. */
  for (guint b = 0; b < 2; b++)
    {
      EntenteBlocResult *bloc = &res->blocs[b];

      bloc->capability = 0;
      bloc->largest = -1;
      for (guint i = 0; i < self->n; i++)
        if (res->states[i].bloc == (EntenteBloc) b)
          {
            g_array_append_val (bloc->members, i);
            bloc->capability += self->A[i];
            if (bloc->largest < 0 || _entente_model_before (self, i, (guint) bloc->largest))
              bloc->largest = (int) i;
          }
    }

  /* "Counterbalancing coalition against the lead": members whose principal
   * threat is the lead, labelled BALANCE or CHAIN_GANG, in a bloc without it. */
  if (lead >= 0)
    for (guint i = 0; i < self->n; i++)
      {
        const EntenteStateResult *st = &res->states[i];

        if (st->threat == lead && st->bloc != ENTENTE_BLOC_U &&
            res->states[lead].bloc != st->bloc &&
            (st->label == ENTENTE_BEHAVIOUR_BALANCE || st->label == ENTENTE_BEHAVIOUR_CHAIN_GANG))
          g_array_append_val (res->counterbalancing, i);
      }
}
