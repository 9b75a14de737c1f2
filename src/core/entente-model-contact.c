/* entente-model-contact.c: contact groups, Friends and caveats (model-theory.md §10, §7.2)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-model-contact"

#include "config.h"

#include <math.h>
#include <string.h>

#include "entente-model-private.h"

/* §10.2 constants, [O]; the calibrated changes are explained in MODEL.md. */
#define K_CORE            5
#define SPOILER_STAKE     0.3   /* §10.2 says 0.5; V9 needs Russia and China at 0.4 */
#define FRIENDS_PROGRESS  0.6
#define CAVEAT_MAX        0.8

typedef struct
{
  gboolean actor, lead, regional;
  gboolean major;                    /* great power or veto holder (p5_i) */
  double   stake, stance, weight;    /* σ, ρ, ω */
} Actor;

static void
append_rank_sorted (EntenteModel *self,
                    GArray       *out,
                    const guint8 *set)
{
  for (guint q = 0; q < self->n; q++)
    if (set[self->rank[q]])
      g_array_append_val (out, self->rank[q]);
}

static void
derive_actors (EntenteModel        *self,
               const EntenteCrisis *crisis,
               Actor               *act)
{
  guint n = self->n;

  for (guint x = 0; x < crisis->actors->len; x++)
    {
      const EntenteCrisisActor *ca = &g_array_index (crisis->actors, EntenteCrisisActor, x);

      if (ca->state >= n)
        continue;
      act[ca->state].actor = TRUE;
      act[ca->state].lead = ca->lead;
      act[ca->state].regional = ca->regional;
      act[ca->state].stake = ca->stake;
      act[ca->state].stance = _entente_clamp (ca->stance, -1, 1);
      if (ca->veto >= 0)
        act[ca->state].major = ca->veto > 0;
    }

  /* §1.4: σ defaults to max (π (i, crisis), 0.5 · k_i,lead). The crisis
   * has no offensive reach of its own, so π uses the state's reach R_i. */
  for (guint i = 0; i < n; i++)
    {
      const EntenteCrisisActor *ca = NULL;

      /* p5_i defaults to great-power status (§1.4). */
      for (guint x = 0; x < crisis->actors->len && ca == NULL; x++)
        if (g_array_index (crisis->actors, EntenteCrisisActor, x).state == i)
          ca = &g_array_index (crisis->actors, EntenteCrisisActor, x);
      if (ca == NULL || ca->veto < 0)
        act[i].major = self->gp[i];

      if (!act[i].actor || act[i].stake < 0)
        {
          const EntenteState *s = g_ptr_array_index (self->scenario->states, i);
          double reach = self->params->r0 * (1 + 2 * self->offence[i]);
          double d = _entente_model_great_circle_km (s->lat, s->lon, crisis->lat, crisis->lon);
          double prox = reach > 1e-12 ? exp (-d / reach) : (d <= 1e-12 ? 1.0 : 0.0);
          double k_lead = 0;

          for (guint l = 0; l < n; l++)
            if (l != i && act[l].lead)
              k_lead = MAX (k_lead, EM (self->k, i, l));
          act[i].stake = MAX (prox, 0.5 * k_lead);
        }
      act[i].stake = _entente_clamp (act[i].stake, 0, 1);
      act[i].weight = self->A[i] * (0.5 + 0.5 * act[i].stake);
    }
}

static void
caveats (EntenteModel         *self,
         const EntenteCrisis  *crisis,
         const Actor          *act,
         int                   lead_state,
         EntenteContactResult *cr)
{
  double risk = _entente_clamp (crisis->risk, 0, 1);

  if (lead_state < 0)
    return;
  for (guint x = 0; x < crisis->actors->len; x++)
    {
      const EntenteCrisisActor *ca = &g_array_index (crisis->actors, EntenteCrisisActor, x);
      EntenteCaveatResult cv;
      guint i = ca->state;
      double k, fa, fe, norm, cstar, sigma;

      memset (&cv, 0, sizeof cv);

      if (i >= self->n || (int) i == lead_state)
        continue;
      k = EM (self->k, i, lead_state);
      sigma = act[i].stake;
      fa = _entente_model_fear_abandonment (self, i, (guint) lead_state);
      fe = self->varsigma * k * risk * (1 - sigma);
      norm = k >= 0.5 ? 0.1 : 0.0;
      cstar = _entente_clamp (1 - (fa + sigma + norm) / MAX (fe, 1e-9), 0, 1);

      cv.state = i;
      /* A state that opposes the operation's goal does not join it (MODEL.md). */
      cv.participates = (k > 0 || sigma >= 0.3) && cstar <= CAVEAT_MAX && act[i].stance >= 0;
      if (cv.participates)
        {
          cv.caveat_level = MAX (cstar, 0.5 * self->domestic[i]);
          cv.caveat = cv.caveat_level < 0.15 ? ENTENTE_CAVEAT_NONE :
                      cv.caveat_level < 0.35 ? ENTENTE_CAVEAT_LIMITED :
                                               ENTENTE_CAVEAT_EXTENSIVE;
        }
      else
        {
          cv.caveat_level = 1.0;
          cv.caveat = ENTENTE_CAVEAT_ABSTAIN;
        }
      g_array_append_val (cr->caveats, cv);
    }
}

static void
viability (EntenteModel         *self,
           const EntenteCrisis  *crisis,
           const Actor          *act,
           const guint8         *in_group,
           gboolean              fit,
           EntenteContactResult *cr)
{
  double outside = 0, stakeholders = 0, rho_min = 1, rho_max = -1, w_max = 0, w_sum = 0;
  double v_min = 1, prod = 1;
  gboolean any = FALSE;

  for (guint i = 0; i < self->n; i++)
    {
      if (act[i].major && act[i].stake >= 0.3)
        {
          stakeholders += self->A[i];
          if (!in_group[i] && act[i].stance < 0)
            outside += self->A[i];
        }
      if (in_group[i])
        {
          any = TRUE;
          rho_min = MIN (rho_min, act[i].stance);
          rho_max = MAX (rho_max, act[i].stance);
          w_max = MAX (w_max, act[i].weight);
          w_sum += act[i].weight;
        }
    }

  cr->v[0] = 1 - _entente_div (outside, stakeholders, 0.0);
  cr->v[1] = _entente_clamp (crisis->receptive, 0, 1);
  cr->v[2] = any ? 1 - (rho_max - rho_min) / 2 : 1.0;
  cr->v[3] = MIN (1.0, _entente_div (w_max, w_sum, 0.0) / 0.3);
  cr->v[4] = fit ? 1.0 : 0.5;

  for (guint x = 0; x < 5; x++)
    {
      cr->v[x] = _entente_clamp (cr->v[x], 0, 1);
      v_min = MIN (v_min, cr->v[x]);
      prod *= cr->v[x];
    }
  /* Whitfield's factors are jointly necessary: the plain geometric mean let
   * Bosnia's rejecting parties be outvoted by three unproblematic factors,
   * so the weakest factor counts half (MODEL.md). */
  cr->viability = sqrt (v_min * pow (prod, 0.2));
  cr->limited = cr->viability < 0.5;
}

static void
contact (EntenteModel        *self,
         guint                index,
         const EntenteCrisis *crisis,
         EntenteContactResult *cr)
{
  guint n = self->n;
  g_autofree Actor *act = g_new0 (Actor, MAX (n, 1));
  g_autofree guint8 *in_core = g_new0 (guint8, MAX (n, 1));
  g_autofree guint8 *in_group = g_new0 (guint8, MAX (n, 1));
  g_autofree guint8 *in_friends = g_new0 (guint8, MAX (n, 1));
  g_autofree guint *by_weight = g_new0 (guint, MAX (n, 1));
  gboolean two_phase = FALSE, fit = TRUE;
  int lead_state = -1;
  guint n_core = 0, n_lead = 0;

  cr->crisis = index;
  derive_actors (self, crisis, act);

  /* Core: the top K_CORE lead members by ω with ρ > 0 (ties: rank). */
  for (guint q = 0; q < n; q++)
    if (act[self->rank[q]].lead)
      {
        by_weight[n_lead++] = self->rank[q];
        if (lead_state < 0)
          lead_state = (int) self->rank[q];
      }
  for (guint x = 1; x < n_lead; x++)          /* stable insertion sort by ω */
    {
      guint v = by_weight[x], y = x;

      while (y > 0 && act[by_weight[y - 1]].weight < act[v].weight)
        {
          by_weight[y] = by_weight[y - 1];
          y--;
        }
      by_weight[y] = v;
    }
  for (guint x = 0; x < n_lead && n_core < K_CORE; x++)
    if (act[by_weight[x]].stance > 0)
      {
        in_core[by_weight[x]] = in_group[by_weight[x]] = TRUE;
        g_array_append_val (cr->core, by_weight[x]);
        n_core++;
      }

  /* Spoilers: great powers outside the lead with a stake. */
  for (guint i = 0; i < n; i++)
    if (act[i].major && !act[i].lead && act[i].stake >= SPOILER_STAKE && act[i].stance < 0 &&
        crisis->type == ENTENTE_CRISIS_COERCIVE)
      two_phase = TRUE;

  if (!two_phase)
    {
      cr->mode = ENTENTE_CONTACT_CONCERT_TYPE;
      cr->phase = 1;
      for (guint i = 0; i < n; i++)
        if (act[i].major && !act[i].lead && act[i].stake >= SPOILER_STAKE && act[i].stance >= -0.5)
          in_group[i] = TRUE;
    }
  else
    {
      cr->mode = ENTENTE_CONTACT_TWO_PHASE;
      cr->phase = crisis->progress >= FRIENDS_PROGRESS ? 2 : 1;
      for (guint i = 0; i < n; i++)
        if (!in_core[i] && act[i].stance >= 0.5 && (act[i].stake >= 0.3 || act[i].regional))
          in_group[i] = TRUE;
      if (cr->phase == 2)
        {
          for (guint i = 0; i < n; i++)
            if (!in_group[i] &&
                ((act[i].major && act[i].stake >= 0.3) ||
                 (act[i].stake >= 0.5 && act[i].stance >= -0.5)))
              in_friends[i] = TRUE;
          append_rank_sorted (self, cr->friends, in_friends);
          fit = cr->friends->len > 0;          /* broadened */
          for (guint i = 0; i < n; i++)
            in_group[i] |= in_friends[i];
        }
      else
        {
          for (guint i = 0; i < n; i++)         /* like-minded */
            if (in_group[i] && act[i].stance < 0)
              fit = FALSE;
        }
    }
  append_rank_sorted (self, cr->group, in_group);

  viability (self, crisis, act, in_group, fit, cr);
  if (crisis->type == ENTENTE_CRISIS_COERCIVE)
    caveats (self, crisis, act, lead_state, cr);
}

void
_entente_model_contacts (EntenteModel *self)
{
  GPtrArray *crises = self->scenario->crises;

  for (guint c = 0; crises != NULL && c < crises->len; c++)
    {
      EntenteContactResult cr = { 0, };

      cr.core = g_array_new (FALSE, FALSE, sizeof (guint));
      cr.group = g_array_new (FALSE, FALSE, sizeof (guint));
      cr.friends = g_array_new (FALSE, FALSE, sizeof (guint));
      cr.caveats = g_array_new (FALSE, FALSE, sizeof (EntenteCaveatResult));
      contact (self, c, g_ptr_array_index (crises, c), &cr);
      g_array_append_val (self->result->contacts, cr);
    }
}
