/* test-model-pipeline.c: the whole model run: determinism, edge sizes, cancellation, async, warm start
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-model-common.h"

static const char *europe =
  "S UK 10 30 20 0.6 0.15 51.5 -0.13\n"
  "S France 10 12 18 0.6 0.3 48.86 2.35\n"
  "S Russia 40 12 25 0.5 0.45 59.94 30.31\n"
  "S Germany 16 25 25 0.8 0.6 52.52 13.40\n"
  "S AH 13 8 10 0.5 0.5 48.21 16.37\n"
  "S Italy 9 5 6 0.4 0.5 41.9 12.5\n"
  "S Serbia 1.2 0.4 1.5 0.3 0.6 44.8 20.46\n"
  "P France Russia 0 1 0 0\n"
  "P Germany AH 0.6 1 0 1\n"
  "P AH Italy 0 0.5 0.5 1\n"
  "P France Germany 0 0 0.8 1\n"
  "P AH Serbia 0 0 0.9 1\n"
  "C c1\nc c1 lat 44\nc c1 lon 20\nc c1 type coercive\n"
  "a c1 France lead true\na c1 France stance 0.8\n"
  "a c1 UK stake 0.5\na c1 UK stance 0.5\n"
  "a c1 Russia stake 0.6\na c1 Russia stance -0.3\n"
  "Y odb 0.7\nY antihegemonic true\nY war-shock 0.8\nY years-since 5\n";

static void
assert_index_arrays_equal (GArray *a,
                           GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * sizeof (guint), b->data, b->len * sizeof (guint));
}

/* Compares every field of two results, bit for bit. */
static void
assert_results_identical (EntenteResult *a,
                          EntenteResult *b)
{
  guint n = a->n;

  g_assert_cmpuint (a->n, ==, b->n);
  g_assert_cmpmem (a->states, n * sizeof (EntenteStateResult), b->states, n * sizeof (EntenteStateResult));
  g_assert_cmpmem (a->threat, n * n * sizeof (double), b->threat, n * n * sizeof (double));
  g_assert_cmpmem (a->baseline, n * sizeof (double), b->baseline, n * sizeof (double));
  g_assert_cmpmem (a->propensity, n * n * sizeof (double), b->propensity, n * n * sizeof (double));
  g_assert_cmpmem (a->kappa, n * sizeof (double), b->kappa, n * sizeof (double));
  g_assert_cmpint (a->polarity, ==, b->polarity);
  assert_index_arrays_equal (a->poles, b->poles);
  g_assert_cmpint (a->lead, ==, b->lead);
  g_assert_cmpint (a->unbalanced, ==, b->unbalanced);
  g_assert_cmpint (a->hegemonic, ==, b->hegemonic);
  g_assert_cmpmem (&a->concentration, sizeof (double), &b->concentration, sizeof (double));
  for (guint x = 0; x < 2; x++)
    {
      assert_index_arrays_equal (a->blocs[x].members, b->blocs[x].members);
      g_assert_cmpmem (&a->blocs[x].capability, sizeof (double), &b->blocs[x].capability, sizeof (double));
      g_assert_cmpint (a->blocs[x].largest, ==, b->blocs[x].largest);
    }
  assert_index_arrays_equal (a->counterbalancing, b->counterbalancing);

  g_assert_cmpint (a->landscape->exact, ==, b->landscape->exact);
  g_assert_cmpuint (a->landscape->minima->len, ==, b->landscape->minima->len);
  for (guint x = 0; x < a->landscape->minima->len; x++)
    {
      EntenteLandscapeMinimum *ma = &g_array_index (a->landscape->minima, EntenteLandscapeMinimum, x);
      EntenteLandscapeMinimum *mb = &g_array_index (b->landscape->minima, EntenteLandscapeMinimum, x);

      g_assert_cmpmem (&ma->energy, sizeof (double), &mb->energy, sizeof (double));
      g_assert_cmpmem (&ma->basin, sizeof (double), &mb->basin, sizeof (double));
      g_assert_cmpmem (ma->config, n, mb->config, n);
    }
  g_assert_cmpmem (a->landscape->current, n, b->landscape->current, n);
  g_assert_cmpint (a->landscape->metastable, ==, b->landscape->metastable);

  g_assert_cmpuint (a->dyads->len, ==, b->dyads->len);
  g_assert_cmpmem (a->dyads->data, a->dyads->len * sizeof (EntenteDyadResult),
                   b->dyads->data, b->dyads->len * sizeof (EntenteDyadResult));

  g_assert_cmpmem (a->concert.j, sizeof a->concert.j, b->concert.j, sizeof b->concert.j);
  g_assert_cmpmem (&a->concert.index, sizeof (double), &b->concert.index, sizeof (double));
  g_assert_cmpint (a->concert.forms, ==, b->concert.forms);
  g_assert_cmpint (a->concert.strong, ==, b->concert.strong);
  g_assert_cmpint (a->concert.grand_coalition, ==, b->concert.grand_coalition);
  assert_index_arrays_equal (a->concert.members, b->concert.members);
  assert_index_arrays_equal (a->concert.contained, b->concert.contained);
  g_assert_cmpuint (a->concert.failures->len, ==, b->concert.failures->len);
  g_assert_cmpmem (a->concert.failures->data, a->concert.failures->len * sizeof (EntenteConcertFailure),
                   b->concert.failures->data, b->concert.failures->len * sizeof (EntenteConcertFailure));

  g_assert_cmpuint (a->contacts->len, ==, b->contacts->len);
  for (guint c = 0; c < a->contacts->len; c++)
    {
      EntenteContactResult *ca = &g_array_index (a->contacts, EntenteContactResult, c);
      EntenteContactResult *cb = &g_array_index (b->contacts, EntenteContactResult, c);

      g_assert_cmpint (ca->mode, ==, cb->mode);
      g_assert_cmpuint (ca->phase, ==, cb->phase);
      assert_index_arrays_equal (ca->core, cb->core);
      assert_index_arrays_equal (ca->group, cb->group);
      assert_index_arrays_equal (ca->friends, cb->friends);
      g_assert_cmpmem (ca->v, sizeof ca->v, cb->v, sizeof cb->v);
      g_assert_cmpmem (&ca->viability, sizeof (double), &cb->viability, sizeof (double));
      g_assert_cmpuint (ca->caveats->len, ==, cb->caveats->len);
      g_assert_cmpmem (ca->caveats->data, ca->caveats->len * sizeof (EntenteCaveatResult),
                       cb->caveats->data, cb->caveats->len * sizeof (EntenteCaveatResult));
    }
}

/* Engine unit test 4. */
static void
test_determinism (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (europe);
  g_autoptr (EntenteScenario) copy = entente_scenario_copy (sc);
  g_autoptr (EntenteResult) a = test_model_solve (sc);
  g_autoptr (EntenteResult) b = test_model_solve (copy);
  g_autoptr (EntenteResult) c = NULL;
  g_autoptr (EntenteResult) d = NULL;

  assert_results_identical (a, b);
  /* The same previous configuration too. */
  c = entente_model_solve (sc, a, NULL, NULL);
  d = entente_model_solve (copy, b, NULL, NULL);
  assert_results_identical (c, d);
  g_assert_cmpuint (a->contacts->len, ==, 1);
  g_assert_cmpuint (a->dyads->len, ==, 3);
}

/* Heuristic mode (n above exact_n3) is deterministic as well. */
static void
test_determinism_heuristic (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (europe);
  g_autoptr (EntenteResult) a = NULL;
  g_autoptr (EntenteResult) b = NULL;

  test_model_apply (sc, "Y exact-n3 3\n");
  a = test_model_solve (sc);
  b = test_model_solve (sc);
  g_assert_false (a->landscape->exact);
  assert_results_identical (a, b);
}

static void
assert_finite (EntenteResult *res)
{
  for (guint i = 0; i < res->n; i++)
    {
      const EntenteStateResult *s = &res->states[i];

      g_assert_true (isfinite (s->share) && isfinite (s->threat_level) &&
                     isfinite (s->feasibility) && isfinite (s->frustration));
      for (guint j = 0; j < res->n; j++)
        g_assert_true (isfinite (res->threat[i * res->n + j]) &&
                       isfinite (res->propensity[i * res->n + j]));
    }
  g_assert_true (isfinite (res->concentration));
  for (guint x = 0; x < 4; x++)
    g_assert_true (isfinite (res->concert.j[x]));
  g_assert_true (isfinite (res->concert.index) && isfinite (res->concert.coverage));
  for (guint x = 0; x < res->dyads->len; x++)
    {
      const EntenteDyadResult *d = &g_array_index (res->dyads, EntenteDyadResult, x);

      g_assert_true (isfinite (d->fear_abandonment[0]) && isfinite (d->fear_entrapment[1]) &&
                     isfinite (d->net_major) && isfinite (d->net_minor) &&
                     isfinite (d->break_risk) && isfinite (d->ratio));
    }
  for (guint c = 0; c < res->contacts->len; c++)
    g_assert_true (isfinite (g_array_index (res->contacts, EntenteContactResult, c).viability));
}

static void
test_empty_and_single (void)
{
  g_autoptr (EntenteScenario) empty = entente_scenario_new ();
  g_autoptr (EntenteScenario) one = test_model_scenario ("S Solo 1 1 1 0.5 0.9 0 0\n");
  g_autoptr (EntenteScenario) zero = test_model_scenario (
    "S A 0 0 0 0.5 0.5 0 0\nS B 0 0 0 0.5 0.5 0 0\nP A B 0 1 1 1\n");
  g_autoptr (EntenteResult) r0 = test_model_solve (empty);
  g_autoptr (EntenteResult) r1 = test_model_solve (one);
  g_autoptr (EntenteResult) rz = test_model_solve (zero);

  g_assert_cmpuint (r0->n, ==, 0);
  g_assert_cmpint (r0->lead, ==, -1);
  g_assert_false (r0->concert.forms);
  assert_finite (r0);

  g_assert_cmpuint (r1->n, ==, 1);
  g_assert_cmpfloat_with_epsilon (r1->states[0].share, 1.0, 1e-12);
  g_assert_cmpint (r1->states[0].threat, ==, -1);
  g_assert_cmpint (r1->polarity, ==, ENTENTE_POLARITY_UNIPOLAR);
  g_assert_false (r1->concert.forms);                 /* one member concerts nothing */
  assert_finite (r1);

  /* All capabilities zero: the 1/n fallback of §3.1. */
  g_assert_cmpfloat_with_epsilon (rz->states[0].share, 0.5, 1e-12);
  assert_finite (rz);
}

static char *
random_text (GRand *rand,
             guint  n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "S s%u %.3f %.3f %.3f %.3f %.3f %.2f %.2f\n", i,
                            g_rand_boolean (rand) ? 0.0 : g_rand_double_range (rand, 0, 10),
                            g_rand_double_range (rand, 0, 10), g_rand_double_range (rand, 0, 10),
                            g_rand_double (rand), g_rand_double (rand),
                            g_rand_double_range (rand, -60, 60), g_rand_double_range (rand, -170, 170));
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append_printf (s, "P s%u s%u %.2f %.2f %.2f %.1f\n", i, j,
                                g_rand_double_range (rand, -1, 1), g_rand_double (rand),
                                g_rand_double (rand), g_rand_boolean (rand) ? 1.0 : 0.0);
  g_string_append_printf (s, "C c\nc c type coercive\nc c progress %.2f\n"
                          "a c s0 lead true\na c s0 stance 0.9\na c s1 stance %.2f\n"
                          "Y odb %.2f\nY years-since %.1f\n",
                          g_rand_double (rand), g_rand_double_range (rand, -1, 1),
                          g_rand_double_range (rand, -1, 1), g_rand_double_range (rand, 0, 100));
  return g_string_free (s, FALSE);
}

/* §0.2: no NaN, whatever the inputs (random scenarios, n = 2..14). */
static void
test_no_nan (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (0x5EED);

  for (guint trial = 0; trial < 40; trial++)
    {
      g_autofree char *text = random_text (rand, 2 + trial % 13);
      g_autoptr (EntenteScenario) sc = test_model_scenario (text);
      g_autoptr (EntenteResult) res = test_model_solve (sc);

      assert_finite (res);
    }
}

static void
test_cancelled (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (europe);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  EntenteResult *res;

  g_cancellable_cancel (cancellable);
  res = entente_model_solve (sc, NULL, cancellable, &error);
  g_assert_null (res);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
solved_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  EntenteResult **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = entente_model_solve_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (europe);
  g_autoptr (EntenteResult) sync = test_model_solve (sc);
  g_autoptr (EntenteResult) async = NULL;

  entente_model_solve_async (sc, NULL, NULL, solved_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_results_identical (sync, async);
}

/* The warm start is matched by id: a removed and an added state are fine,
 * and the baseline (A⁰ of §8) is inherited from the previous result. */
static void
test_warm_start_and_baseline (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (europe);
  g_autoptr (EntenteResult) first = test_model_solve (sc);
  g_autoptr (EntenteScenario) edited = entente_scenario_copy (sc);
  g_autoptr (EntenteResult) second = NULL;
  g_autoptr (EntenteResult) third = NULL;
  g_autoptr (GError) error = NULL;
  int germany, ah;

  for (guint x = 0; x < first->dyads->len; x++)
    g_assert_cmpfloat (g_array_index (first->dyads, EntenteDyadResult, x).break_risk, ==, 0.0);

  test_model_apply (edited, "s Germany mil 60\n");
  second = entente_model_solve (edited, first, NULL, &error);
  g_assert_no_error (error);
  germany = test_model_index (second, "Germany");
  ah = test_model_index (second, "AH");
  g_assert_cmpfloat_with_epsilon (second->baseline[germany], first->states[germany].share, 1e-15);
  for (guint x = 0; x < second->dyads->len; x++)
    {
      const EntenteDyadResult *d = &g_array_index (second->dyads, EntenteDyadResult, x);

      if ((int) d->i == germany && (int) d->j == ah)
        {
          double ch = fabs (second->states[germany].share - first->states[germany].share) /
                      first->states[germany].share;
          double ca = fabs (second->states[ah].share - first->states[ah].share) /
                      first->states[ah].share;

          g_assert_cmpfloat (d->break_risk, >, 0.0);
          g_assert_cmpfloat_with_epsilon (d->break_risk, 0.5 * (ch + ca) * (d->asymmetric ? 0.7 : 1.0), 1e-12);
        }
    }

  /* Remove a state and add one: previous blocs still map by id. */
  entente_scenario_remove_state (edited, (guint) test_model_index (second, "Serbia"));
  test_model_apply (edited, "S Newcomer 2 2 2 0.2 0.2 50 10\n");
  third = entente_model_solve (edited, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (third->n, ==, second->n);
  g_assert_cmpfloat_with_epsilon (third->baseline[test_model_index (third, "UK")],
                                  first->states[test_model_index (first, "UK")].share, 1e-15);
}

/* entente_model_solve_full() with an explicit baseline scenario. */
static void
test_explicit_baseline (void)
{
  g_autoptr (EntenteScenario) base = test_model_scenario (europe);
  g_autoptr (EntenteScenario) now = entente_scenario_copy (base);
  g_autoptr (EntenteResult) res = NULL;
  g_autoptr (GError) error = NULL;
  gboolean risky = FALSE;

  test_model_apply (now, "s France econ 40\n");
  res = entente_model_solve_full (now, base, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint x = 0; x < res->dyads->len; x++)
    risky |= g_array_index (res->dyads, EntenteDyadResult, x).break_risk > 0.05;
  g_assert_true (risky);
}

/* Switching to AB 1993 mode with a warm start that has unaligned states:
 * U does not exist there, so the result has two blocs only. */
static void
test_ab1993_warm_start (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (europe);
  g_autoptr (EntenteResult) entente = test_model_solve (sc);
  g_autoptr (EntenteScenario) ab = entente_scenario_copy (sc);
  g_autoptr (EntenteResult) res = NULL;
  g_autoptr (GError) error = NULL;
  gboolean had_u = FALSE;

  for (guint i = 0; i < entente->n; i++)
    had_u |= entente->states[i].bloc == ENTENTE_BLOC_U;
  g_assert_true (had_u);
  test_model_apply (ab, "Y mode ab1993\n");
  res = entente_model_solve (ab, entente, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < res->n; i++)
    {
      g_assert_cmpint (res->states[i].bloc, !=, ENTENTE_BLOC_U);
      g_assert_cmpfloat (res->kappa[i], ==, 0.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entente/model-pipeline/determinism", test_determinism);
  g_test_add_func ("/entente/model-pipeline/determinism-heuristic", test_determinism_heuristic);
  g_test_add_func ("/entente/model-pipeline/empty-and-single", test_empty_and_single);
  g_test_add_func ("/entente/model-pipeline/no-nan", test_no_nan);
  g_test_add_func ("/entente/model-pipeline/cancelled", test_cancelled);
  g_test_add_func ("/entente/model-pipeline/async", test_async);
  g_test_add_func ("/entente/model-pipeline/warm-start-and-baseline", test_warm_start_and_baseline);
  g_test_add_func ("/entente/model-pipeline/explicit-baseline", test_explicit_baseline);
  g_test_add_func ("/entente/model-pipeline/ab1993-warm-start", test_ab1993_warm_start);
  return g_test_run ();
}
