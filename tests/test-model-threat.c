/* test-model-threat.c: capability, proximity and threat (model-theory.md §3–§4), with monotonicity properties
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-model-common.h"

/* Two states on the equator, 10° apart: everything of §3–§4 by hand. */
static void
test_two_state_by_hand (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S X 1 1 1 0.2 0.1 0 0\n"
    "S Y 3 3 3 0.5 0.6 0 10\n"
    "P X Y -0.5 0 0.5 0\n"
    "Y transparency 0.5\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  double d = 6371.0088 * 10.0 * G_PI / 180.0;
  double pi_xy = exp (-d / (800.0 * (1 + 2 * 0.5)));
  double i_hat = 0.5 * 0.6 + 0.5 * 0.5 + 0.3 * 0.5 - 0.2 * -0.5;   /* 0.8 */
  double t_xy = 0.75 * (0.2 + 0.8 * pi_xy) * (0.3 + 0.7 * 0.5) * (0.4 + 0.6 * i_hat);
  double pi_yx = exp (-d / (800.0 * (1 + 2 * 0.2)));
  double i_hat_yx = 0.5 * 0.1 + 0.25 + 0.15 + 0.1;
  double t_yx = 0.25 * (0.2 + 0.8 * pi_yx) * (0.3 + 0.7 * 0.2) * (0.4 + 0.6 * i_hat_yx);

  g_assert_cmpfloat_with_epsilon (res->states[0].share, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (res->states[1].share, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (res->threat[0 * 2 + 1], t_xy, 1e-9);
  g_assert_cmpfloat_with_epsilon (res->threat[1 * 2 + 0], t_yx, 1e-9);
  g_assert_cmpfloat (res->threat[0], ==, 0.0);
  g_assert_cmpint (res->states[0].threat, ==, 1);
  g_assert_cmpfloat_with_epsilon (res->states[0].threat_level, t_xy, 1e-9);
  /* Poles: Y only (0.25 < 0.5 · 0.75): unipolar, Y leads, hegemonic. */
  g_assert_cmpint (res->polarity, ==, ENTENTE_POLARITY_UNIPOLAR);
  g_assert_cmpint (res->lead, ==, 1);
  g_assert_true (res->hegemonic);
  g_assert_true (res->states[0].great_power);          /* 0.25 ≥ 0.25 · 0.75 */
  /* CON = sqrt ((0.625 − 0.5) / 0.5) = 0.5 */
  g_assert_cmpfloat_with_epsilon (res->concentration, 0.5, 1e-12);
}

/* §4.4: allies without rivalry are not candidates; the bipolar override. */
static void
test_principal_threat (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S Big 10 10 10 0.9 0.5 0 0\n"
    "S Other 9 9 9 0.5 0.5 0 20\n"
    "S Small 1 1 1 0.1 0.1 0 1\n"
    "P Big Small 0 1 0 1\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);

  /* Small's strongest threat is its ally Big: excluded, so Other. */
  g_assert_cmpint (res->states[2].threat, ==, 1);
  g_assert_cmpint (res->polarity, ==, ENTENTE_POLARITY_BIPOLAR);
  g_assert_cmpint (res->states[0].threat, ==, 1);
  g_assert_cmpint (res->states[1].threat, ==, 0);
  g_assert_cmpint (res->states[0].disposition, ==, ENTENTE_BEHAVIOUR_BALANCE);
  g_assert_cmpint (res->states[0].disposition_reason, ==, ENTENTE_REASON_BIPOLAR_POLE);
}

/* Waltz (ν = ν_P = 0): threat is relative power times offence. */
static void
test_waltz (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S X 1 1 1 0 0 0 0\n"
    "S Y 1 1 1 1 1 80 170\n"
    "Y nu 0\nY nu-p 0\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);

  g_assert_cmpfloat_with_epsilon (res->threat[1], 0.5 * 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (res->threat[2], 0.5 * 0.3, 1e-12);
}

static char *
random_scenario_text (GRand *rand,
                      guint  n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "S s%u %.3f %.3f %.3f %.3f %.3f %.2f %.2f\n", i,
                            g_rand_double_range (rand, 0, 10), g_rand_double_range (rand, 0, 10),
                            g_rand_double_range (rand, 0, 10), g_rand_double (rand),
                            g_rand_double (rand), g_rand_double_range (rand, 30, 60),
                            g_rand_double_range (rand, -10, 40));
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (g_rand_boolean (rand))
        g_string_append_printf (s, "P s%u s%u %.2f %.2f %.2f %.1f\n", i, j,
                                g_rand_double_range (rand, -1, 1), g_rand_double (rand),
                                g_rand_double (rand), g_rand_boolean (rand) ? 1.0 : 0.0);
  g_string_append_printf (s, "Y odb %.2f\nY transparency %.2f\nY antihegemonic true\n"
                          "Y war-shock %.2f\n",
                          g_rand_double_range (rand, -1, 1), g_rand_double (rand),
                          g_rand_double (rand));
  return g_string_free (s, FALSE);
}

static void
set_double (EntenteScenario *sc,
            EntenteChangeTarget target,
            const char      *id,
            const char      *key,
            double           value)
{
  g_autoptr (GError) error = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  entente_scenario_set_attribute (sc, target, id, NULL, key,
                                  g_ascii_dtostr (buf, sizeof buf, value), &error);
  g_assert_no_error (error);
}

/* Engine unit test 5: raising I_j never lowers T_ij. */
static void
test_monotone_intention (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1914);

  for (guint trial = 0; trial < 60; trial++)
    {
      g_autofree char *text = random_scenario_text (rand, 6);
      g_autoptr (EntenteScenario) sc = test_model_scenario (text);
      g_autoptr (EntenteResult) before = test_model_solve (sc);
      g_autoptr (EntenteScenario) raised = entente_scenario_copy (sc);
      g_autoptr (EntenteResult) after = NULL;
      guint j = g_rand_int_range (rand, 0, 6);
      const EntenteState *s = entente_scenario_get_state (sc, j);
      double up = s->intention + g_rand_double_range (rand, 0.01, 0.5);

      set_double (raised, ENTENTE_CHANGE_STATE, s->id, "intention", MIN (1.0, up));
      after = test_model_solve (raised);
      for (guint i = 0; i < 6; i++)
        g_assert_cmpfloat (after->threat[i * 6 + j], >=, before->threat[i * 6 + j] - 1e-12);
    }
}

/* Engine unit test 5: raising j's components never lowers ρ_ij. */
static void
test_monotone_capability (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1815);
  static const char *keys[] = { "pop", "econ", "mil" };

  for (guint trial = 0; trial < 60; trial++)
    {
      g_autofree char *text = random_scenario_text (rand, 5);
      g_autoptr (EntenteScenario) sc = test_model_scenario (text);
      g_autoptr (EntenteResult) before = test_model_solve (sc);
      g_autoptr (EntenteScenario) raised = entente_scenario_copy (sc);
      g_autoptr (EntenteResult) after = NULL;
      guint j = g_rand_int_range (rand, 0, 5);
      const EntenteState *s = entente_scenario_get_state (sc, j);

      for (guint c = 0; c < 3; c++)
        if (g_rand_boolean (rand) || c == 2)
          set_double (raised, ENTENTE_CHANGE_STATE, s->id, keys[c],
                      (c == 0 ? s->pop : c == 1 ? s->econ : s->mil) + g_rand_double_range (rand, 0.1, 5));
      after = test_model_solve (raised);
      for (guint i = 0; i < 5; i++)
        {
          double aj0 = before->states[j].share, ai0 = before->states[i].share;
          double aj1 = after->states[j].share, ai1 = after->states[i].share;

          if (i == j)
            continue;
          g_assert_cmpfloat (aj1 / (ai1 + aj1), >=, aj0 / (ai0 + aj0) - 1e-12);
        }
    }
}

/* Engine unit test 5: raising dt never raises J1. */
static void
test_monotone_years (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1945);

  for (guint trial = 0; trial < 40; trial++)
    {
      g_autofree char *text = random_scenario_text (rand, 4);
      g_autoptr (EntenteScenario) sc = test_model_scenario (text);
      double dt = g_rand_double_range (rand, 0, 80);
      double j_prev = G_MAXDOUBLE;

      for (guint step = 0; step < 4; step++)
        {
          g_autoptr (EntenteResult) res = NULL;

          set_double (sc, ENTENTE_CHANGE_SYSTEM, NULL, "years-since", dt);
          res = test_model_solve (sc);
          g_assert_cmpfloat (res->concert.j[0], <=, j_prev + 1e-15);
          j_prev = res->concert.j[0];
          dt += g_rand_double_range (rand, 0, 20);
        }
    }
}

/* §3.1: Σ A = 1 even when components and weights are near G_MAXDOUBLE
 * (the file format allows any finite value): sums must not overflow. */
static void
test_huge_capabilities (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S X 1e300 1.7976931348623157e308 1e308 0.5 0.2 0 0\n"
    "S Y 1e300 1.7976931348623157e308 1e308 0.5 0.2 0 10\n"
    "S Z 2e300 1e308 0 0.5 0.2 10 0\n"
    "Y w-pop 1e308\n"
    "Y w-econ 1e308\n"
    "Y w-mil 1e308\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  double sum = 0;

  g_assert_cmpfloat_with_epsilon (sc->system.w_pop, 1.0 / 3.0, 1e-12);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (isfinite (res->states[i].share));
      sum += res->states[i].share;
    }
  g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-12);
  /* pop: 1/4, 1/4, 1/2; econ: X and Y hold 1.798/4.596 each; mil: 1/2, 1/2, 0. */
  g_assert_cmpfloat_with_epsilon (res->states[2].share,
                                  (0.5 + 1.0 / (2 * 1.7976931348623157 + 1.0)) / 3.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entente/model-threat/two-state-by-hand", test_two_state_by_hand);
  g_test_add_func ("/entente/model-threat/principal-threat", test_principal_threat);
  g_test_add_func ("/entente/model-threat/waltz", test_waltz);
  g_test_add_func ("/entente/model-threat/monotone-intention", test_monotone_intention);
  g_test_add_func ("/entente/model-threat/monotone-capability", test_monotone_capability);
  g_test_add_func ("/entente/model-threat/monotone-years", test_monotone_years);
  g_test_add_func ("/entente/model-threat/huge-capabilities", test_huge_capabilities);
  return g_test_run ();
}
