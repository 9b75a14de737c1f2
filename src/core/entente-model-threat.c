/* entente-model-threat.c: proximity, perceived intentions, threat matrix (model-theory.md §4)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-model-threat"

#include "config.h"

#include <math.h>

#include "entente-model-private.h"

#define EARTH_RADIUS_KM 6371.0088

double
_entente_model_great_circle_km (double lat1,
                                double lon1,
                                double lat2,
                                double lon2)
{
  double p1 = lat1 * G_PI / 180.0, p2 = lat2 * G_PI / 180.0;
  double dp = p2 - p1, dl = (lon2 - lon1) * G_PI / 180.0;
  double h = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);

  h = _entente_clamp (h, 0.0, 1.0);
  return 2.0 * EARTH_RADIUS_KM * asin (sqrt (h));
}

/* §4.1: π_ij = max (g_ij, exp (−D_ij / R_j)), R_j = R0 (1 + 2 O_j). */
static double
proximity (EntenteModel *self,
           guint         i,
           guint         j)
{
  double reach = self->params->r0 * (1.0 + 2.0 * self->offence[j]);
  double d = EM (self->dist, i, j);
  double e;

  if (reach > 1e-12)
    e = exp (-d / reach);
  else
    e = d <= 1e-12 ? 1.0 : 0.0;
  return MAX (EM (self->g, i, j), e);
}

/* §4.2, with the optional institutional transparency of allies. */
static double
perceived_intention (EntenteModel *self,
                     guint         i,
                     guint         j)
{
  const EntenteParams *par = self->params;
  double tau = _entente_clamp (self->system->transparency, 0, 1);
  double tau_ij = tau + (1 - tau) * _entente_clamp (par->lambda_inst, 0, 1) * EM (self->k, i, j);

  return _entente_clamp (tau_ij * self->intention[j] + (1 - tau_ij) * 0.5 +
                         par->psi_r * EM (self->r, i, j) - par->psi_a * EM (self->a, i, j),
                         0, 1);
}

/* §4.4: formal allies without rivalry are not balanced against. */
static gboolean
is_candidate (EntenteModel *self,
              guint         i,
              guint         j)
{
  return !(EM (self->k, i, j) >= 0.5 && EM (self->r, i, j) < 0.5);
}

static void
principal_threats (EntenteModel *self)
{
  guint n = self->n;

  for (guint i = 0; i < n; i++)
    {
      int best = -1;
      gboolean any_candidate = FALSE;

      for (guint j = 0; j < n; j++)
        if (j != i && is_candidate (self, i, j))
          {
            any_candidate = TRUE;
            break;
          }

      /* Walk in rank order so that ties go to the larger A_j, then the id. */
      for (guint q = 0; q < n; q++)
        {
          guint j = self->rank[q];

          if (j == i || (any_candidate && !is_candidate (self, i, j)))
            continue;
          if (best < 0 || EM (self->T, i, j) > EM (self->T, i, best))
            best = (int) j;
        }
      self->m[i] = best;
    }

  /* Waltz: in bipolarity each pole has no choice but to confront the other. */
  if (self->pole_a >= 0 && self->pole_b >= 0)
    {
      self->m[self->pole_a] = self->pole_b;
      self->m[self->pole_b] = self->pole_a;
    }

  for (guint i = 0; i < n; i++)
    {
      self->theta[i] = self->m[i] >= 0 ? EM (self->T, i, self->m[i]) : 0.0;
      self->result->states[i].threat = self->m[i];
      self->result->states[i].threat_level = self->theta[i];
    }
}

/* §6.3's "enemy of my enemy": S_ij = max_{q ∉ {i,j}} min (T_iq, T_jq).
 * The only O(n³) term of the pipeline. The diagonal of T is 0, so q = i and
 * q = j contribute min (·, 0) = 0 and need no test: the inner loop is
 * branch-free and vectorises. */
static void
shared_threats (EntenteModel *self)
{
  guint n = self->n;

  for (guint i = 0; i < n; i++)
    {
      const double *ti = &self->T[(gsize) i * n];

      EM (self->S, i, i) = 0;
      for (guint j = i + 1; j < n; j++)
        {
          const double *tj = &self->T[(gsize) j * n];
          double b[4] = { 0, 0, 0, 0 };
          guint q = 0;

          /* Four independent maxima break the loop-carried dependency. */
          for (; q + 4 <= n; q += 4)
            for (guint u = 0; u < 4; u++)
              {
                double v = ti[q + u] < tj[q + u] ? ti[q + u] : tj[q + u];

                b[u] = v > b[u] ? v : b[u];
              }
          for (; q < n; q++)
            {
              double v = ti[q] < tj[q] ? ti[q] : tj[q];

              b[0] = v > b[0] ? v : b[0];
            }
          EM (self->S, i, j) = EM (self->S, j, i) = MAX (MAX (b[0], b[1]), MAX (b[2], b[3]));
        }
    }
}

void
_entente_model_threat (EntenteModel *self)
{
  const EntenteSystem *sys = self->system;
  double nu = _entente_clamp (sys->nu, 0, 1);
  double nu_p = _entente_clamp (sys->nu_p, 0, 1);
  double odb = _entente_clamp (sys->odb, -1, 1);
  guint n = self->n;

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      EM (self->pi, i, j) = i == j ? 0.0 : proximity (self, i, j);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        double rho, o_star, f_p, f_o, f_i;

        if (i == j)
          {
            EM (self->T, i, j) = 0;
            continue;
          }
        /* ρ_ij with the 0/0 fallback of two empty states: no threat. */
        rho = _entente_div (self->A[j], self->A[i] + self->A[j], 0.0);
        o_star = _entente_clamp (self->offence[j] * (1 + 0.5 * odb), 0, 1);
        f_p = (1 - nu_p) + nu_p * EM (self->pi, i, j);
        f_o = 0.3 + 0.7 * o_star;
        f_i = (1 - nu) + nu * perceived_intention (self, i, j);
        EM (self->T, i, j) = _entente_clamp (rho * f_p * f_o * f_i, 0, 1);
      }

  principal_threats (self);
  shared_threats (self);
}
