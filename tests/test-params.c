/* test-params.c: the model's default parameters
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-params.h"

static void
test_defaults (void)
{
  EntenteParams params;

  entente_params_init_defaults (&params);
  /* Spot checks against model-theory.md §1.5. */
  g_assert_cmpfloat_with_epsilon (params.r0, 800.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (params.theta_low, 0.12, 1e-12);
  g_assert_cmpfloat_with_epsilon (params.k_cg, 0.8, 1e-12);
  g_assert_cmpuint (params.exact_n3, ==, 11);
  g_assert_cmpuint (params.exact_n2, ==, 20);
  g_assert_cmpuint (params.seed, ==, 0x5EED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entente/params/defaults", test_defaults);
  return g_test_run ();
}
