/* test-model-dilemma.c: abandonment and entrapment fears (§7.1) and asymmetric alliances (§8)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-model-common.h"

static const EntenteDyadResult *
find_dyad (EntenteResult *res,
           const char    *a,
           const char    *b)
{
  int i = test_model_index (res, a), j = test_model_index (res, b);

  for (guint x = 0; x < res->dyads->len; x++)
    {
      const EntenteDyadResult *d = &g_array_index (res->dyads, EntenteDyadResult, x);

      if ((int) d->i == MIN (i, j) && (int) d->j == MAX (i, j))
        return d;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Only dyads with k >= 0.3 are reported. */
static void
test_dyad_selection (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S A 1 1 1 0.5 0.2 0 0\nS B 1 1 1 0.5 0.2 0 5\nS C 1 1 1 0.5 0.2 0 10\n"
    "P A B 0 0.3 0 0\nP B C 0.5 0.29 0 0\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);

  g_assert_cmpuint (res->dyads->len, ==, 1);
}

/* §7.1 by hand on a two-state world: j is i's only ally (Alt = 0), no third
 * party, so S = 0 and Agg_j = I_j (Big 0.4, Small 0.2). */
static void
test_fears_by_hand (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S Small 1 1 1 0.3 0.2 0 0\nS Big 3 3 3 0.6 0.4 0 8\n"
    "P Small Big 0 0.6 0.5 0\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  const EntenteDyadResult *d = find_dyad (res, "Small", "Big");
  double varsigma = 0.75;                                  /* unipolar */
  double dep_s = CLAMP (2 * res->states[0].threat_level * 0.75, 0, 1);
  double dep_b = CLAMP (2 * res->states[1].threat_level * 0.25, 0, 1);

  g_assert_cmpint (res->polarity, ==, ENTENTE_POLARITY_UNIPOLAR);
  g_assert_cmpfloat_with_epsilon (d->fear_abandonment[0], varsigma * dep_s * (1 - 0.3), 1e-12);
  g_assert_cmpfloat_with_epsilon (d->fear_abandonment[1], varsigma * dep_b * (1 - 0.3), 1e-12);
  g_assert_cmpfloat_with_epsilon (d->fear_entrapment[0], varsigma * 0.6 * 0.4 * (0.5 + 0.5 * dep_s), 1e-12);
  g_assert_cmpfloat_with_epsilon (d->fear_entrapment[1], varsigma * 0.6 * 0.2 * (0.5 + 0.5 * dep_b), 1e-12);
}

/* Snyder via R&S: small states fear abandonment, large ones entrapment. */
static void
test_small_and_large (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S Germany 16 25 25 0.8 0.6 52.5 13.4\nS AH 13 8 10 0.5 0.5 48.2 16.4\n"
    "S Russia 40 12 25 0.5 0.45 59.9 30.3\nS France 10 12 18 0.6 0.3 48.9 2.4\n"
    "S Serbia 1.2 0.4 1.5 0.3 0.6 44.8 20.5\n"
    "P Germany AH 0.6 1 0 1\nP France Russia 0 1 0 0\nP AH Russia 0 0 0.7 1\n"
    "P AH Serbia 0 0 0.9 1\nP Germany France 0 0 0.8 1\nY odb 0.7\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  const EntenteDyadResult *d = find_dyad (res, "Germany", "AH");
  int ger = test_model_index (res, "Germany");
  guint small = d->i == (guint) ger ? 1 : 0, large = 1 - small;

  g_assert_cmpfloat (d->fear_abandonment[small], >, d->fear_abandonment[large]);
  g_assert_cmpfloat (d->fear_entrapment[large], >, d->fear_abandonment[large]);
  g_assert_cmpint (d->dominant[large], ==, ENTENTE_FEAR_ENTRAPMENT);
  g_assert_cmpuint (d->major, ==, (guint) ger);
  g_assert_false (d->asymmetric);
}

/* §8 (Istomin): the major's autonomy benefit falls with distance, so the
 * alliance pays the major next door and costs it far away. */
static void
test_asymmetric_distance (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S Major 140 1500 60 0.6 0.5 55.75 37.62\nS Near 9.5 55 0.7 0.1 0.1 53.9 27.57\n"
    "S Remote 29 390 4 0.1 0.5 10.48 -66.9\nS Rival 310 15000 700 0.9 0.3 38.9 -77\n"
    "S West 38 470 8 0.3 0.1 52.23 21.01\n"
    "P Major Near 0.4 1 0 1\nP Major Remote 0.5 1 0 0\nP Near West 0 0 0 1\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  const EntenteDyadResult *near = find_dyad (res, "Major", "Near");
  const EntenteDyadResult *remote = find_dyad (res, "Major", "Remote");

  g_assert_true (near->asymmetric);
  g_assert_true (remote->asymmetric);
  g_assert_cmpuint (near->major, ==, (guint) test_model_index (res, "Major"));
  g_assert_cmpfloat (near->ratio, <, 1.0 / 3.0);
  g_assert_cmpfloat (near->net_major, >, 0.0);
  g_assert_cmpfloat (remote->net_major, <, 0.0);
  g_assert_false (remote->viable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entente/model-dilemma/dyad-selection", test_dyad_selection);
  g_test_add_func ("/entente/model-dilemma/fears-by-hand", test_fears_by_hand);
  g_test_add_func ("/entente/model-dilemma/small-and-large", test_small_and_large);
  g_test_add_func ("/entente/model-dilemma/asymmetric-distance", test_asymmetric_distance);
  return g_test_run ();
}
