/* entente-params.h: the model's tunable parameters (model-theory.md §1.5)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double  r0;               /* km */
  double  theta_low, theta_high;
  double  w_weak, phi_feas, delta_odb, k_cg;
  double  theta_rev, theta_wolf;
  double  pole_frac, gp_frac, ph_ratio;
  double  psi_r, psi_a;
  double  w_a, w_k, w_r, w_t, w_s, w_cg, w_bw, beta_bp;
  double  kappa0, kappa_hide, kappa_bp;
  double  theta_j, theta_b, strong_j;
  double  lambda_inst;
  guint   exact_n3, exact_n2, restarts;
  guint64 seed;
} EntenteParams;

void entente_params_init_defaults (EntenteParams *params);

G_END_DECLS
