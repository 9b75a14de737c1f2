/* entente-params.c: the model's default parameters (model-theory.md §1.5)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-params"

#include "config.h"

#include "entente-params.h"

void
entente_params_init_defaults (EntenteParams *params)
{
  g_return_if_fail (params != NULL);

  *params = (EntenteParams) {
    .r0 = 800.0,
    .theta_low = 0.12, .theta_high = 0.35,
    .w_weak = 0.15, .phi_feas = 1.0, .delta_odb = 0.25, .k_cg = 0.8,
    .theta_rev = 0.5, .theta_wolf = 0.7,
    .pole_frac = 0.5, .gp_frac = 0.25, .ph_ratio = 1.25,
    .psi_r = 0.3, .psi_a = 0.2,
    .w_a = 1.0, .w_k = 1.5, .w_r = 1.0, .w_t = 1.0, .w_s = 1.0, .w_cg = 0.5, .w_bw = 1.0,
    .beta_bp = 0.3,
    .kappa0 = 0.02, .kappa_hide = 0.05, .kappa_bp = 0.03,
    .theta_j = 0.4, .theta_b = 0.5, .strong_j = 0.6,
    .lambda_inst = 0.0,
    .exact_n3 = 11, .exact_n2 = 20, .restarts = 64,
    .seed = 0x5EED,
  };
}
