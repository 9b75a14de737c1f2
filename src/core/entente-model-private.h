/* entente-model-private.h: the model's dense working state, shared by its stages
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-landscape.h"
#include "entente-result.h"
#include "entente-scenario.h"

G_BEGIN_DECLS

/* Every matrix is n*n, row-major, built once from the sparse pair list so
 * that each stage reads M[i*n+j] in O(1). Row = perceiver where it matters
 * (T, pi). The struct lives only for one run of entente_model_solve(). */
typedef struct
{
  EntenteScenario     *scenario;     /* borrowed */
  const EntenteParams *params;       /* &scenario->params */
  const EntenteSystem *system;       /* &scenario->system */
  EntenteResult       *result;       /* being filled, owned by the caller */
  guint                n;

  /* Inputs, dense (§1.1, §1.2) */
  double   *offence, *intention, *domestic;
  double   *a, *k, *r, *g;           /* symmetric pair values, 0 on the diagonal */
  double   *dist;                    /* great-circle km */
  double   *k_max;                   /* max_j k_ij */
  double   *r_top;                   /* two largest r_ij of row i: [2i], [2i+1] */
  int      *r_top_who;               /* the j of r_top[2i] */

  /* §3 */
  double   *A;                       /* shares, Σ = 1 */
  double   *A0;                      /* shares at load (break risk, §8) */
  guint    *rank;                    /* rank[q] = index of the q-th state, (A desc, id) */
  guint    *order;                   /* order[i] = q such that rank[q] = i */
  gboolean *gp, *pole;
  guint     n_poles;
  int       pole_a, pole_b;          /* the two poles when bipolar, else -1 */
  double    a_second;                /* second largest share */
  double   *cap_k3;                  /* Σ_{l: k_il >= 0.3} A_l (allies3 of §7.1) */
  double   *cap_k5;                  /* Σ_{l: k_il >= 0.5} A_l (buck-catchers, §5.2) */

  /* §4 */
  double   *pi;                      /* π_ij: j is close enough to hurt i */
  double   *T;                       /* == result->threat */
  int      *m;                       /* principal threat, -1 when none */
  double   *theta;                   /* θ_i */
  double   *S;                       /* S_ij strongest shared threat, symmetric */
  double    varsigma;                /* ς of §7.1 */

  /* §5 */
  EntenteBehaviour *disp;
  int              *target;
  EntenteReason    *reason;
  double           *feas;            /* F_i */

  /* §6 */
  double   *p;                       /* propensities, symmetric */
  double   *kappa;
  guint8   *previous;                /* warm start or NULL */
  guint64   seed;
} EntenteModel;

#define EM(mat, i, j) ((mat)[(gsize) (i) * self->n + (j)])

/* TRUE when state @i precedes state @j in the tie-break order (A desc, id). */
static inline gboolean
_entente_model_before (const EntenteModel *self,
                       guint               i,
                       guint               j)
{
  return self->order[i] < self->order[j];
}

static inline double
_entente_clamp (double x,
                double lo,
                double hi)
{
  if (!(x >= lo))               /* also catches NaN */
    return lo;
  return x > hi ? hi : x;
}

/* x / y, or @fallback when |y| <= 1e-12 (model-theory.md §0.2). */
static inline double
_entente_div (double x,
              double y,
              double fallback)
{
  return (y > 1e-12 || y < -1e-12) ? x / y : fallback;
}

static inline gboolean
_entente_same_bloc (const EntenteResult *result,
                    int                  i,
                    int                  j)
{
  if (i < 0 || j < 0)
    return FALSE;
  return result->states[i].bloc != ENTENTE_BLOC_U &&
         result->states[i].bloc == result->states[j].bloc;
}

EntenteResult *_entente_result_new (EntenteScenario *scenario);

double  _entente_model_great_circle_km (double lat1,
                                        double lon1,
                                        double lat2,
                                        double lon2);

void    _entente_model_compute_shares  (EntenteScenario *scenario,
                                        double          *out);

/* Stages, in pipeline order (model-theory.md §2). */
void    _entente_model_capability   (EntenteModel *self);
void    _entente_model_threat       (EntenteModel *self);
void    _entente_model_disposition  (EntenteModel *self);
void    _entente_model_propensities (EntenteModel *self);
gboolean _entente_model_align       (EntenteModel  *self,
                                     GCancellable  *cancellable,
                                     GError       **error);
void    _entente_model_reconcile    (EntenteModel *self);
void    _entente_model_dilemma      (EntenteModel *self);
void    _entente_model_concert      (EntenteModel *self);
void    _entente_model_contacts     (EntenteModel *self);

/* §7.1 for one directed pair, usable for any pair (caveats need i → lead). */
double  _entente_model_fear_abandonment (EntenteModel *self,
                                         guint         i,
                                         guint         j);
double  _entente_model_fear_entrapment  (EntenteModel *self,
                                         guint         i,
                                         guint         j);

G_END_DECLS
