/* test-model-concert.c: Jervis's concert conditions J1–J4, membership and failures (model-theory.md §9)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-model-common.h"

/* Three equal great powers and a contained fourth. */
#define BASE "S A 10 10 10 0.5 0.2 50 0\nS B 10 10 10 0.5 0.3 50 10\nS C 10 10 10 0.5 0.1 50 20\n" \
             "S D 10 10 10 0.5 0.4 45 5\ns D contained true\n" \
             "P A B 0.4 0 0 0\nP A C 0 0 0.6 0\nP B C 0.2 0 0.2 0\n" \
             "Y antihegemonic true\nY war-shock 0.9\nY years-since 10\nY half-life 25\n" \
             "Y cost-of-war 0.3\nY transparency 0.8\nY odb 0.2\n"

static void
test_by_hand (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (BASE);
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  const EntenteConcertResult *c = &res->concert;
  double j1 = 0.9 * exp2 (-10.0 / 25.0);
  double j2 = 1 - (0.3 + 0.25 * 0.2);
  double j3 = 1 - 0.7 * (1 - j1);
  /* Equal weights: t̄ = mean of t_AB = 0.7, t_AC = 0.2, t_BC = 0.5. */
  double j4 = sqrt (0.8 * (0.7 + 0.2 + 0.5) / 3);

  g_assert_cmpfloat_with_epsilon (c->j[0], j1, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->j[1], j2, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->j[2], j3, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->j[3], j4, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->index, pow (j1 * j2 * j3 * j4, 0.25), 1e-12);
  g_assert_true (c->forms);
  g_assert_true (c->strong);                        /* min J = J4 = 0.61 >= 0.6 */
  g_assert_cmpuint (c->members->len, ==, 3);
  g_assert_cmpuint (c->contained->len, ==, 1);
  g_assert_cmpuint (g_array_index (c->contained, guint, 0), ==, 3);
  g_assert_cmpfloat_with_epsilon (c->coverage, 0.75, 1e-12);
  g_assert_cmpuint (c->failures->len, ==, 0);
}

/* Failures in ascending order, with the responsible states. */
static void
test_failures (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (BASE "s B intention 0.8\nY years-since 60\n"
                                                        "P A C -0.8 0 1 0\nY transparency 0.3\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  const EntenteConcertResult *c = &res->concert;
  const EntenteConcertFailure *f;
  double prev = -1;

  g_assert_false (c->forms);
  g_assert_cmpuint (c->failures->len, ==, 3);           /* J1, J2, J4 */
  for (guint x = 0; x < c->failures->len; x++)
    {
      f = &g_array_index (c->failures, EntenteConcertFailure, x);
      g_assert_cmpfloat (f->value, >=, prev);
      g_assert_cmpfloat (f->value, <, 0.4);
      prev = f->value;
      if (f->condition == 2)
        {
          g_assert_cmpint (f->reason, ==, ENTENTE_REASON_CONCERT_EXPANSION_PAYS);
          g_assert_cmpint (f->states[0], ==, 1);
        }
      else if (f->condition == 4)
        {
          g_assert_cmpint (f->reason, ==, ENTENTE_REASON_CONCERT_DISTRUST);
          g_assert_cmpint (MIN (f->states[0], f->states[1]), ==, 0);
          g_assert_cmpint (MAX (f->states[0], f->states[1]), ==, 2);
        }
      else
        {
          g_assert_cmpint (f->condition, ==, 1);
          g_assert_cmpint (f->reason, ==, ENTENTE_REASON_CONCERT_NO_WAR_SHOCK);
        }
    }
}

/* §9.3: coverage below 2/3 turns a concert into a grand coalition. */
static void
test_grand_coalition (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (BASE "S E 20 20 20 0.5 0.4 40 0\n"
                                                        "s E contained true\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  const EntenteConcertResult *c = &res->concert;

  g_assert_cmpfloat (c->coverage, <, 2.0 / 3.0);
  g_assert_true (c->grand_coalition);
  g_assert_false (c->forms);
  g_assert_cmpint (c->grand_coalition_target, ==, test_model_index (res, "E"));
}

/* The ODB raises B_i (Jervis 1978): offence dominance breaks J2. */
static void
test_offence_dominance (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (BASE "Y odb 1\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);

  g_assert_cmpfloat_with_epsilon (res->concert.j[1], 1 - (0.3 + 0.25), 1e-12);
}

/* No antihegemonic war, no war shock: J1 = 0 and J3 = chi. */
static void
test_no_war (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (BASE "Y antihegemonic false\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);

  g_assert_cmpfloat (res->concert.j[0], ==, 0.0);
  g_assert_cmpfloat_with_epsilon (res->concert.j[2], 0.3, 1e-12);
  g_assert_false (res->concert.forms);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entente/model-concert/by-hand", test_by_hand);
  g_test_add_func ("/entente/model-concert/failures", test_failures);
  g_test_add_func ("/entente/model-concert/grand-coalition", test_grand_coalition);
  g_test_add_func ("/entente/model-concert/offence-dominance", test_offence_dominance);
  g_test_add_func ("/entente/model-concert/no-war", test_no_war);
  return g_test_run ();
}
