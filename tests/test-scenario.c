/* test-scenario.c: the scenario data structure and its attribute setter
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-scenario.h"
#include "entente-scenario-io.h"

#include <string.h>

static void
test_defaults (void)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  EntenteState *state;
  guint index;

  g_assert_cmpuint (entente_scenario_get_n_states (scenario), ==, 0);
  g_assert_cmpfloat_with_epsilon (scenario->system.half_life, 25.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (scenario->system.cost_of_war, 0.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (scenario->system.transparency, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (scenario->system.nu, 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (scenario->system.nu_p, 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (scenario->system.w_pop, 1.0 / 3.0, 1e-12);
  g_assert_cmpint (scenario->system.mode, ==, ENTENTE_ALIGN_MODE_ENTENTE);
  g_assert_cmpfloat_with_epsilon (scenario->params.theta_low, 0.12, 1e-12);
  g_assert_true (scenario->view.show_threats && scenario->view.show_legend);

  index = entente_scenario_add_state (scenario, "Ruritania");
  g_assert_cmpuint (index, ==, 0);
  state = entente_scenario_get_state (scenario, index);
  g_assert_cmpstr (state->id, ==, "state1");
  g_assert_cmpstr (state->name, ==, "Ruritania");
  g_assert_cmpfloat_with_epsilon (state->pop, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (state->offence, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (state->intention, 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (state->domestic, 0.3, 1e-12);
  g_assert_cmpint (entente_scenario_find_state (scenario, "state1"), ==, 0);
  g_assert_cmpint (entente_scenario_find_state (scenario, "nope"), ==, -1);
  g_assert_cmpuint (entente_scenario_add_state (scenario, NULL), ==, 1);
  g_assert_cmpstr (entente_scenario_get_state (scenario, 1)->id, ==, "state2");
}

static EntenteScenario *
make_three (void)
{
  EntenteScenario *scenario = entente_scenario_new ();

  g_assert_cmpint (entente_scenario_insert_state (scenario, "A", "Alpha", NULL), ==, 0);
  g_assert_cmpint (entente_scenario_insert_state (scenario, "B", NULL, NULL), ==, 1);
  g_assert_cmpint (entente_scenario_insert_state (scenario, "C", NULL, NULL), ==, 2);
  return scenario;
}

static void
test_pairs (void)
{
  g_autoptr (EntenteScenario) scenario = make_three ();
  g_autoptr (GError) error = NULL;
  const EntentePair *pair;

  g_assert_null (entente_scenario_get_pair (scenario, 0, 1));
  g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR, "C", "A",
                                                 "commitment", "0.5", &error));
  g_assert_no_error (error);
  g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR, "B", "A",
                                                 "affinity", "-0.25", &error));
  pair = entente_scenario_get_pair (scenario, 2, 0);
  g_assert_nonnull (pair);
  g_assert_cmpuint (pair->a, ==, 0);
  g_assert_cmpuint (pair->b, ==, 2);
  g_assert_cmpfloat (pair->commitment, ==, 0.5);
  /* Sorted by (a, b). */
  g_assert_cmpuint (g_array_index (scenario->pairs, EntentePair, 0).b, ==, 1);
  g_assert_cmpuint (g_array_index (scenario->pairs, EntentePair, 1).b, ==, 2);
  /* Back to default: no longer stored. */
  g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR, "A", "C",
                                                 "commitment", "0", &error));
  g_assert_null (entente_scenario_get_pair (scenario, 0, 2));
  g_assert_cmpuint (scenario->pairs->len, ==, 1);

  g_assert_false (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR, "A", "A",
                                                  "rivalry", "0.5", &error));
  g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR, "A", "Z",
                                                  "rivalry", "0.5", &error));
  g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "\"Z\""));
}

typedef struct
{
  EntenteChangeTarget target;
  const char *key;
  const char *value;
  gboolean    ok;
} AttrCase;

static const AttrCase attr_cases[] = {
  { ENTENTE_CHANGE_STATE, "intention", "0.7", TRUE },
  { ENTENTE_CHANGE_STATE, "intention", " 0.7 ", TRUE },
  { ENTENTE_CHANGE_STATE, "intention", "1.5", FALSE },
  { ENTENTE_CHANGE_STATE, "intention", "-0.1", FALSE },
  { ENTENTE_CHANGE_STATE, "intention", "NaN", FALSE },
  { ENTENTE_CHANGE_STATE, "intention", "nan", FALSE },
  { ENTENTE_CHANGE_STATE, "intention", "INF", FALSE },
  { ENTENTE_CHANGE_STATE, "mil", "1e400", FALSE },
  { ENTENTE_CHANGE_STATE, "mil", "12abc", FALSE },
  { ENTENTE_CHANGE_STATE, "mil", "", FALSE },
  { ENTENTE_CHANGE_STATE, "mil", "-1", FALSE },
  { ENTENTE_CHANGE_STATE, "mil", "1e6", TRUE },
  { ENTENTE_CHANGE_STATE, "lat", "91", FALSE },
  { ENTENTE_CHANGE_STATE, "lon", "-180", TRUE },
  { ENTENTE_CHANGE_STATE, "gp-override", "1", TRUE },
  { ENTENTE_CHANGE_STATE, "gp-override", "2", FALSE },
  { ENTENTE_CHANGE_STATE, "contained", "true", TRUE },
  { ENTENTE_CHANGE_STATE, "contained", "yes", FALSE },
  { ENTENTE_CHANGE_STATE, "name", "Ruritania", TRUE },
  { ENTENTE_CHANGE_STATE, "label", "RU", TRUE },
  { ENTENTE_CHANGE_STATE, "colour", "red", FALSE },
  { ENTENTE_CHANGE_SYSTEM, "odb", "-0.7", TRUE },
  { ENTENTE_CHANGE_SYSTEM, "odb", "-1.7", FALSE },
  { ENTENTE_CHANGE_SYSTEM, "half-life", "0", FALSE },
  { ENTENTE_CHANGE_SYSTEM, "mode", "ab1993", TRUE },
  { ENTENTE_CHANGE_SYSTEM, "mode", "ab1994", FALSE },
  { ENTENTE_CHANGE_SYSTEM, "theta-low", "0.2", TRUE },
  { ENTENTE_CHANGE_SYSTEM, "restarts", "8", TRUE },
  { ENTENTE_CHANGE_SYSTEM, "restarts", "-8", FALSE },
  { ENTENTE_CHANGE_SYSTEM, "seed", "18446744073709551615", TRUE },
  { ENTENTE_CHANGE_PAIR, "affinity", "-1", TRUE },
  { ENTENTE_CHANGE_PAIR, "commitment", "-0.1", FALSE },
  { ENTENTE_CHANGE_CRISIS, "progress", "0.8", TRUE },
  { ENTENTE_CHANGE_CRISIS, "type", "coercive", TRUE },
  { ENTENTE_CHANGE_CRISIS, "type", "war", FALSE },
  { ENTENTE_CHANGE_ACTOR, "stance", "-0.4", TRUE },
  { ENTENTE_CHANGE_ACTOR, "stake", "derived", TRUE },
  { ENTENTE_CHANGE_ACTOR, "veto", "derived", TRUE },
  { ENTENTE_CHANGE_ACTOR, "veto", "maybe", FALSE },
};

static void
test_attribute (gconstpointer data)
{
  const AttrCase *c = data;
  g_autoptr (EntenteScenario) scenario = make_three ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *a = NULL, *b = NULL;
  gboolean ok;

  g_ptr_array_add (scenario->crises, entente_crisis_new ("crisis"));
  switch (c->target)
    {
    case ENTENTE_CHANGE_STATE: a = "A"; break;
    case ENTENTE_CHANGE_PAIR: a = "A"; b = "B"; break;
    case ENTENTE_CHANGE_CRISIS: a = "crisis"; break;
    case ENTENTE_CHANGE_ACTOR: a = "crisis"; b = "C"; break;
    case ENTENTE_CHANGE_SYSTEM:
    default: break;
    }
  before = entente_scenario_get_attribute (scenario, c->target, a, b, c->key);
  ok = entente_scenario_set_attribute (scenario, c->target, a, b, c->key, c->value, &error);
  after = entente_scenario_get_attribute (scenario, c->target, a, b, c->key);
  if (c->ok)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID);
      g_assert_false (ok);
      /* The message names the attribute; a rejected value changes nothing. */
      g_assert_nonnull (strstr (error->message, c->key));
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_capability (void)
{
  g_autoptr (EntenteScenario) scenario = make_three ();
  EntenteState *state = entente_scenario_get_state (scenario, 1);

  g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, "B", NULL,
                                                 "capability", "10", NULL));
  g_assert_true (state->single_capability);
  g_assert_cmpfloat (state->pop, ==, 10);
  g_assert_cmpfloat (state->econ, ==, 10);
  g_assert_cmpfloat (state->mil, ==, 10);
  g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, "B", NULL,
                                                 "mil", "12", NULL));
  g_assert_false (state->single_capability);

  g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_SYSTEM, NULL, NULL,
                                                 "w-mil", "2", NULL));
  g_assert_cmpfloat_with_epsilon (scenario->system.w_mil, 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (scenario->system.w_pop, 0.25, 1e-15);
}

static void
test_copy_equal_remove (void)
{
  g_autoptr (EntenteScenario) scenario = make_three ();
  g_autoptr (EntenteScenario) copy = NULL;
  EntenteStep *step;
  EntenteCrisis *crisis = entente_crisis_new ("crisis");

  g_ptr_array_add (scenario->crises, crisis);
  g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_ACTOR, "crisis", "B",
                                                 "lead", "true", NULL));
  g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_ACTOR, "crisis", "C",
                                                 "stance", "0.5", NULL));
  g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR, "A", "B",
                                                 "rivalry", "0.5", NULL));
  g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR, "B", "C",
                                                 "rivalry", "0.25", NULL));
  step = entente_step_new ("1818");
  g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_STATE, "B", NULL,
                                                      "intention", "0.9"));
  g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_PAIR, "A", "C",
                                                      "commitment", "1"));
  g_ptr_array_add (scenario->steps, step);

  copy = entente_scenario_copy (scenario);
  g_assert_true (entente_scenario_equal (scenario, copy));
  g_assert_true (entente_scenario_set_attribute (copy, ENTENTE_CHANGE_STATE, "A", NULL,
                                                 "offence", "0.25", NULL));
  g_assert_false (entente_scenario_equal (scenario, copy));
  g_assert_cmpfloat (entente_scenario_get_state (scenario, 0)->offence, ==, 0.5);

  entente_scenario_remove_state (scenario, 0);
  g_assert_cmpuint (entente_scenario_get_n_states (scenario), ==, 2);
  g_assert_cmpint (entente_scenario_find_state (scenario, "A"), ==, -1);
  g_assert_cmpint (entente_scenario_find_state (scenario, "C"), ==, 1);
  g_assert_cmpuint (scenario->pairs->len, ==, 1);
  g_assert_cmpuint (g_array_index (scenario->pairs, EntentePair, 0).a, ==, 0);
  g_assert_cmpuint (g_array_index (scenario->pairs, EntentePair, 0).b, ==, 1);
  g_assert_cmpuint (crisis->actors->len, ==, 2);
  g_assert_cmpuint (g_array_index (crisis->actors, EntenteCrisisActor, 1).state, ==, 1);
  g_assert_cmpuint (step->changes->len, ==, 1);

  entente_scenario_remove_state (scenario, 0);  /* B */
  g_assert_cmpuint (scenario->pairs->len, ==, 0);
  g_assert_cmpuint (crisis->actors->len, ==, 1);
  g_assert_cmpuint (step->changes->len, ==, 0);
}

static void
test_steps (void)
{
  g_autoptr (EntenteScenario) scenario = make_three ();
  g_autoptr (EntenteScenario) s1 = NULL;
  g_autoptr (EntenteScenario) s2 = NULL;
  g_autoptr (EntenteScenario) s0 = NULL;
  g_autoptr (GError) error = NULL;
  EntenteStep *step;

  step = entente_step_new ("1815");
  g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_STATE, "B", NULL,
                                                      "intention", "0.9"));
  g_ptr_array_add (scenario->steps, step);
  step = entente_step_new ("1818");
  g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_SYSTEM, NULL, NULL,
                                                      "years-since", "3"));
  g_ptr_array_add (scenario->steps, step);
  g_assert_cmpint (entente_scenario_find_step (scenario, "1818"), ==, 1);
  g_assert_cmpint (entente_scenario_find_step (scenario, "1900"), ==, -1);

  s1 = entente_scenario_apply_step (scenario, "1815", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (entente_scenario_get_state (s1, 1)->intention, ==, 0.9);
  g_assert_cmpfloat (s1->system.years_since, ==, 0);
  s2 = entente_scenario_apply_step (scenario, "1818", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (entente_scenario_get_state (s2, 1)->intention, ==, 0.9);  /* cumulative */
  g_assert_cmpfloat (s2->system.years_since, ==, 3);
  g_assert_cmpstr (s2->view.step, ==, "1818");
  g_assert_cmpfloat (entente_scenario_get_state (scenario, 1)->intention, ==, 0.2);
  s0 = entente_scenario_apply_step (scenario, NULL, &error);
  g_assert_true (entente_scenario_equal (s0, scenario));
  g_assert_null (entente_scenario_apply_step (scenario, "1900", &error));
  g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID);
}

static void
test_many_states (void)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();

  for (guint i = 0; i < 500; i++)
    entente_scenario_add_state (scenario, NULL);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("state%u", i + 1);

      g_assert_cmpint (entente_scenario_find_state (scenario, id), ==, (int) i);
    }
  entente_scenario_remove_state (scenario, 10);
  g_assert_cmpint (entente_scenario_find_state (scenario, "state12"), ==, 10);
  g_assert_cmpint (entente_scenario_find_state (scenario, "state11"), ==, -1);
}

static void
test_format_double (void)
{
  static const double values[] = { 0.1, 0.3, 1.0 / 3.0, 2.5, 1e-300, 123456789.125, -0.7 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *s = entente_format_double (values[i]);

      g_assert_cmpfloat (g_ascii_strtod (s, NULL), ==, values[i]);
    }
  {
    g_autofree char *s = entente_format_double (0.1);
    g_autofree char *z = entente_format_double (-0.0);

    g_assert_cmpstr (s, ==, "0.1");
    g_assert_cmpstr (z, ==, "0");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entente/scenario/defaults", test_defaults);
  g_test_add_func ("/entente/scenario/pairs", test_pairs);
  for (guint i = 0; i < G_N_ELEMENTS (attr_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/scenario/attribute/%u-%s", i,
                                               attr_cases[i].key);

      g_test_add_data_func (path, &attr_cases[i], test_attribute);
    }
  g_test_add_func ("/entente/scenario/capability", test_capability);
  g_test_add_func ("/entente/scenario/copy-equal-remove", test_copy_equal_remove);
  g_test_add_func ("/entente/scenario/steps", test_steps);
  g_test_add_func ("/entente/scenario/many-states", test_many_states);
  g_test_add_func ("/entente/scenario/format-double", test_format_double);
  return g_test_run ();
}
