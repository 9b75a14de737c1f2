/* test-solver.c: the model thread: latest wins, stale results dropped, cancellation
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-solver"

#include "config.h"

#include <libxml/parser.h>

#include "entente-model.h"
#include "entente-result-json.h"
#include "entente-scenario-io.h"
#include "entente-solver.h"

typedef struct
{
  GPtrArray *results;        /* of EntenteResult* emitted */
  GArray    *generations;    /* of guint */
  guint      busy_notifies;
} Fixture;

static void
result_cb (EntenteSolver *solver,
           EntenteResult *result,
           guint          generation,
           Fixture       *fixture)
{
  g_ptr_array_add (fixture->results, entente_result_ref (result));
  g_array_append_val (fixture->generations, generation);
}

static void
busy_cb (EntenteSolver *solver,
         GParamSpec    *pspec,
         Fixture       *fixture)
{
  fixture->busy_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->results = g_ptr_array_new_with_free_func ((GDestroyNotify)entente_result_unref);
  fixture->generations = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->results);
  g_array_unref (fixture->generations);
}

static EntenteSolver *
make_solver (Fixture *fixture)
{
  EntenteSolver *solver = entente_solver_new ();

  g_signal_connect (solver, "result", G_CALLBACK (result_cb), fixture);
  g_signal_connect (solver, "notify::busy", G_CALLBACK (busy_cb), fixture);
  return solver;
}

/* A world big enough that a computation is not instant: many states with
 * varied capabilities and intentions, and some commitments. */
static EntenteScenario *
make_scenario (guint n)
{
  EntenteScenario *scenario = entente_scenario_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("S%u", i);
      g_autofree char *value = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_cmpint (entente_scenario_insert_state (scenario, id, NULL, &error), ==, (int)i);
      value = entente_format_double (1.0 + (i * 37 % 11));
      g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL,
                                                     "mil", value, &error));
      g_free (value);
      value = entente_format_double ((i * 53 % 17) / 16.0);
      g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL,
                                                     "intention", value, &error));
      g_free (value);
      value = entente_format_double (-60.0 + (i * 29 % 120));
      g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL,
                                                     "lon", value, &error));
      g_assert_no_error (error);
    }

  return scenario;
}

static EntenteScenario *
with_intention (EntenteScenario *scenario,
                const char      *id,
                double           intention)
{
  EntenteScenario *copy = entente_scenario_copy (scenario);
  g_autofree char *value = entente_format_double (intention);
  g_autoptr (GError) error = NULL;

  g_assert_true (entente_scenario_set_attribute (copy, ENTENTE_CHANGE_STATE, id, NULL,
                                                 "intention", value, &error));
  g_assert_no_error (error);
  return copy;
}

/* Two results are the same when they serialise to the same JSON. */
static void
assert_same_result (EntenteResult *a,
                    EntenteResult *b)
{
  g_autofree char *ja = entente_result_to_json (a, NULL, FALSE);
  g_autofree char *jb = entente_result_to_json (b, NULL, FALSE);

  g_assert_cmpstr (ja, ==, jb);
}

static void
wait_idle (EntenteSolver *solver,
           Fixture       *fixture)
{
  /* Bounded: a computation of this size takes milliseconds; 20 s of
   * iterations means the solver lost a request. Cancelled computations
   * must have returned too (each one started is emitted or dropped). */
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while ((entente_solver_get_busy (solver) ||
          entente_solver_get_n_started (solver) !=
          fixture->results->len + entente_solver_get_n_dropped (solver)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (entente_solver_get_busy (solver));
  g_assert_cmpuint (entente_solver_get_n_started (solver), ==,
                    fixture->results->len + entente_solver_get_n_dropped (solver));
}

static void
test_single (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (EntenteSolver) solver = make_solver (fixture);
  g_autoptr (EntenteScenario) scenario = make_scenario (8);
  g_autoptr (EntenteResult) direct = NULL;
  g_autoptr (GError) error = NULL;
  guint generation;

  generation = entente_solver_request (solver, scenario);
  g_assert_cmpuint (generation, ==, 1);
  g_assert_true (entente_solver_get_busy (solver));
  wait_idle (solver, fixture);

  g_assert_cmpuint (fixture->results->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->generations, guint, 0), ==, 1);
  g_assert_cmpuint (fixture->busy_notifies, ==, 2);
  g_assert_true (entente_solver_get_result (solver) == g_ptr_array_index (fixture->results, 0));

  direct = entente_model_solve (scenario, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_result (g_ptr_array_index (fixture->results, 0), direct);
}

static void
test_latest_wins (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (EntenteSolver) solver = make_solver (fixture);
  g_autoptr (EntenteScenario) base = make_scenario (40);
  g_autoptr (EntenteScenario) last = NULL;
  g_autoptr (EntenteResult) direct = NULL;
  g_autoptr (GError) error = NULL;
  EntenteResult *final;
  guint generation = 0;

  /* 20 requests without returning to the main loop, as a fast drag does. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr (EntenteScenario) snapshot = with_intention (base, "S3", i / 19.0);

      generation = entente_solver_request (solver, snapshot);
      if (i == 19)
        last = entente_scenario_ref (snapshot);
    }
  g_assert_cmpuint (generation, ==, 20);
  wait_idle (solver, fixture);

  /* Only the newest request is emitted; the first one started at once, the
   * last one waited; the 18 in between never ran. */
  g_assert_cmpuint (fixture->results->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->generations, guint, 0), ==, 20);
  g_assert_cmpuint (entente_solver_get_n_started (solver), ==, 2);
  g_assert_cmpuint (entente_solver_get_n_dropped (solver), ==, 1);

  final = g_ptr_array_index (fixture->results, 0);
  g_assert_true (entente_scenario_equal (final->scenario, last));
  direct = entente_model_solve (last, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_result (final, direct);
}

static void
test_stale_dropped (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (EntenteSolver) solver = make_solver (fixture);
  g_autoptr (EntenteScenario) base = make_scenario (12);

  /* Requests interleaved with main-loop turns: whatever arrives must be in
   * increasing generation order, and the last emitted is the last asked. */
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr (EntenteScenario) snapshot = with_intention (base, "S1", (i % 10) / 9.0);

      entente_solver_request (solver, snapshot);
      if (i % 3 == 0)
        g_main_context_iteration (NULL, FALSE);
    }
  wait_idle (solver, fixture);

  g_assert_cmpuint (fixture->results->len, >=, 1);
  for (guint i = 1; i < fixture->generations->len; i++)
    g_assert_cmpuint (g_array_index (fixture->generations, guint, i), >,
                      g_array_index (fixture->generations, guint, i - 1));
  g_assert_cmpuint (g_array_index (fixture->generations, guint, fixture->generations->len - 1),
                    ==, 30);
  /* Every computation started either was emitted or dropped. */
  g_assert_cmpuint (entente_solver_get_n_started (solver), ==,
                    fixture->results->len + entente_solver_get_n_dropped (solver));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (EntenteSolver) solver = make_solver (fixture);
  g_autoptr (EntenteScenario) scenario = make_scenario (20);

  entente_solver_request (solver, scenario);
  entente_solver_request (solver, scenario);
  entente_solver_cancel (solver);
  g_assert_false (entente_solver_get_busy (solver));
  wait_idle (solver, fixture);

  /* Nothing cancelled is ever emitted. */
  g_assert_cmpuint (fixture->results->len, ==, 0);
  g_assert_null (entente_solver_get_result (solver));
  g_assert_cmpuint (entente_solver_get_n_started (solver), ==, 1);
  g_assert_cmpuint (entente_solver_get_n_dropped (solver), ==, 1);

  /* And the solver still works afterwards. */
  entente_solver_request (solver, scenario);
  wait_idle (solver, fixture);
  g_assert_cmpuint (fixture->results->len, ==, 1);
}

static void
test_model_cancellable (void)
{
  g_autoptr (EntenteScenario) scenario = make_scenario (10);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (EntenteResult) result = NULL;
  g_autoptr (GError) error = NULL;

  /* What the solver relies on: a cancelled computation says so. */
  g_cancellable_cancel (cancellable);
  result = entente_model_solve (scenario, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  xmlInitParser ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/entente/solver/single", Fixture, NULL,
              fixture_set_up, test_single, fixture_tear_down);
  g_test_add ("/entente/solver/latest-wins", Fixture, NULL,
              fixture_set_up, test_latest_wins, fixture_tear_down);
  g_test_add ("/entente/solver/stale-dropped", Fixture, NULL,
              fixture_set_up, test_stale_dropped, fixture_tear_down);
  g_test_add ("/entente/solver/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add_func ("/entente/solver/model-cancellable", test_model_cancellable);

  return g_test_run ();
}
