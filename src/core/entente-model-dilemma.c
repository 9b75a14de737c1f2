/* entente-model-dilemma.c: alliance-dilemma fears, asymmetric alliances (model-theory.md §7.1, §8)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-model-dilemma"

#include "config.h"

#include <math.h>
#include <string.h>

#include "entente-model-private.h"

/* §8 constants, all [O] and documented in MODEL.md. */
#define ASYM_RATIO (1.0 / 3.0)
#define C_AUT      0.1
#define LEGITIMACY 0.5
#define C_DEF      0.3
#define C_ENT      0.3
#define C_DIST     0.2

/* i's dependence on j (§7.1): Dep_ij = 2 θ_i ρ_ij (1 − Alt_ij). */
static double
dependence (EntenteModel *self,
            guint         i,
            guint         j)
{
  double all = self->cap_k3[i];
  double others = all - (EM (self->k, i, j) >= 0.3 ? self->A[j] : 0.0);
  double alt = _entente_div (others, all, 0.0);
  double rho = _entente_div (self->A[j], self->A[i] + self->A[j], 0.0);

  return _entente_clamp (2 * self->theta[i] * rho * (1 - alt), 0, 1);
}

double
_entente_model_fear_abandonment (EntenteModel *self,
                                 guint         i,
                                 guint         j)
{
  return self->varsigma * dependence (self, i, j) *
         (1 - 0.5 * EM (self->k, i, j)) * (1 - 0.5 * EM (self->S, i, j));
}

double
_entente_model_fear_entrapment (EntenteModel *self,
                                guint         i,
                                guint         j)
{
  /* The ally's recklessness toward third parties: its largest rivalry
   * with anyone but i. */
  double r_other = self->r_top_who[j] == (int) i ? self->r_top[2 * j + 1] : self->r_top[2 * j];
  double agg = MAX (self->intention[j], r_other);

  return self->varsigma * EM (self->k, i, j) * agg * (1 - EM (self->S, i, j)) *
         (0.5 + 0.5 * dependence (self, i, j));
}

static EntenteFear
dominant_fear (double fa,
               double fe)
{
  if (fa > fe + 1e-12)
    return ENTENTE_FEAR_ABANDONMENT;
  if (fe > fa + 1e-12)
    return ENTENTE_FEAR_ENTRAPMENT;
  return ENTENTE_FEAR_NONE;
}

/* §8: Morrow's security–autonomy trade, with Istomin's benefits of the major. */
static void
asymmetry (EntenteModel      *self,
           EntenteDyadResult *dyad)
{
  guint big, small;
  double k, reach, sb, caut, ab, cm, a_threat_minor, proj;
  int m_minor, m_major;

  if (_entente_model_before (self, dyad->i, dyad->j))
    big = dyad->i, small = dyad->j;
  else
    big = dyad->j, small = dyad->i;

  k = EM (self->k, big, small);
  dyad->major = big;
  dyad->ratio = _entente_div (self->A[small], self->A[big], 1.0);
  dyad->asymmetric = dyad->ratio <= ASYM_RATIO;

  /* How far the major's forces reach the minor (MODEL.md: π with the
   * major's reach R_M, i.e. π_μM in §4.1's notation). */
  reach = MAX (EM (self->pi, small, big), EM (self->g, big, small));
  m_minor = self->m[small];
  m_major = self->m[big];
  a_threat_minor = m_minor >= 0 && m_minor != (int) big ? self->A[m_minor] : 0.0;
  proj = m_major >= 0 && m_major != (int) small ? EM (self->pi, small, m_major) : 0.0;

  sb = k * self->theta[small] *
       _entente_div (self->A[big], self->A[big] + a_threat_minor, 0.0) * reach;
  caut = k * C_AUT * (1 - MIN (dyad->ratio, 1.0));
  ab = k * (0.4 * reach + 0.3 * proj + 0.3 * LEGITIMACY);
  cm = k * (C_DEF * self->theta[small] *
            _entente_div (a_threat_minor, self->A[big] + a_threat_minor, 0.0) +
            C_ENT * _entente_model_fear_entrapment (self, big, small) +
            C_DIST * (1 - reach));

  dyad->net_major = ab - cm;
  dyad->net_minor = sb - caut;
  dyad->viable = dyad->net_major >= 0 && dyad->net_minor >= 0;
}

/* |A − A⁰| / A⁰; a state that grew from nothing has changed completely. */
static double
relative_change (double a,
                 double a0)
{
  return _entente_div (fabs (a - a0), a0, a > 1e-12 ? 1.0 : 0.0);
}

/* Morrow: the greater the change in capabilities, the likelier the break. */
static double
break_risk (EntenteModel *self,
            guint         i,
            guint         j,
            gboolean      asymmetric)
{
  double ci = relative_change (self->A[i], self->A0[i]);
  double cj = relative_change (self->A[j], self->A0[j]);

  return _entente_clamp (0.5 * (ci + cj), 0, 1) * (asymmetric ? 0.7 : 1.0);
}

void
_entente_model_dilemma (EntenteModel *self)
{
  EntenteResult *res = self->result;
  const GArray *pairs = self->scenario->pairs;

  /* Pairs are sorted by (a, b), so the dyads come out in that order too. */
  for (guint q = 0; q < pairs->len; q++)
    {
      const EntentePair *pair = &g_array_index (pairs, EntentePair, q);
      EntenteDyadResult dyad;
      guint i = MIN (pair->a, pair->b), j = MAX (pair->a, pair->b);

      /* memset, not "= { 0 }": results are compared bytewise, padding included. */
      memset (&dyad, 0, sizeof dyad);
      if (i == j || j >= self->n || EM (self->k, i, j) < 0.3)
        continue;

      dyad.i = i;
      dyad.j = j;
      dyad.fear_abandonment[0] = _entente_model_fear_abandonment (self, i, j);
      dyad.fear_abandonment[1] = _entente_model_fear_abandonment (self, j, i);
      dyad.fear_entrapment[0] = _entente_model_fear_entrapment (self, i, j);
      dyad.fear_entrapment[1] = _entente_model_fear_entrapment (self, j, i);
      dyad.dominant[0] = dominant_fear (dyad.fear_abandonment[0], dyad.fear_entrapment[0]);
      dyad.dominant[1] = dominant_fear (dyad.fear_abandonment[1], dyad.fear_entrapment[1]);
      dyad.tethered = _entente_same_bloc (res, (int) i, (int) j) &&
                      EM (self->r, i, j) >= 0.5 && EM (self->k, i, j) >= 0.5;
      asymmetry (self, &dyad);
      dyad.break_risk = break_risk (self, i, j, dyad.asymmetric);
      g_array_append_val (res->dyads, dyad);
    }
}
