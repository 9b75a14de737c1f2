/* test-format.c: the panels' display helpers, table-driven
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-test-format"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "entente-format.h"

typedef struct
{
  double      value;
  const char *expected;
} NumberCase;

static const NumberCase number_cases[] = {
  { 0.0, "0.00" },
  { 0.4321, "0.43" },
  { 0.435, "0.43" },      /* binary 0.435 is just below: no surprise rounding up */
  { -0.001, "0.00" },     /* never "-0.00" */
  { -0.25, "\u22120.25" },  /* a real minus sign */
  { 12.5, "12.50" },
  { 1.0, "1.00" },
};

static const NumberCase percent_cases[] = {
  { 0.0, "0%" },
  { 0.43, "43%" },
  { 0.426, "43%" },
  { 1.0, "100%" },
  { 1.7, "100%" },        /* clamped */
  { -0.2, "0%" },
  { NAN, "0%" },
};

static const NumberCase attribute_cases[] = {
  { 0.0, "0" },
  { 0.3, "0.3" },
  { 0.43, "0.43" },
  { -1.0, "-1" },
  { 12.5, "12.5" },
  { 1.0 / 3.0, "0.3333333333333333" },
  { 1e-7, "1e-07" },
};

static void
test_number (gconstpointer data)
{
  const NumberCase *c = data;
  g_autofree char *text = entente_format_number (c->value);

  g_assert_cmpstr (text, ==, c->expected);
}

static void
test_percent (gconstpointer data)
{
  const NumberCase *c = data;
  g_autofree char *text = entente_format_percent (c->value);

  g_assert_cmpstr (text, ==, c->expected);
}

static void
test_attribute (gconstpointer data)
{
  const NumberCase *c = data;
  g_autofree char *text = entente_format_attribute (c->value);

  g_assert_cmpstr (text, ==, c->expected);
  /* It must parse back to the very same double: the file stores it. */
  g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, c->value);
}

typedef struct
{
  double max;
  double expected;
} UpperCase;

static const UpperCase upper_cases[] = {
  { 0.0, 10.0 },
  { -3.0, 10.0 },
  { 1.0, 2.0 },
  { 3.0, 5.0 },
  { 4.0, 5.0 },
  { 4.5, 10.0 },
  { 35.0, 50.0 },
  { 80.0, 100.0 },
  { 160.0, 200.0 },
  { 0.3, 0.5 },
};

static void
test_nice_upper (gconstpointer data)
{
  const UpperCase *c = data;

  g_assert_cmpfloat_with_epsilon (entente_format_nice_upper (c->max), c->expected, 1e-9);
}

typedef struct
{
  double value;
  guint  significant;
  double expected;
} RoundCase;

static const RoundCase round_cases[] = {
  { 30.499999999999996, 6, 30.5 },
  { 0.30000000000000004, 6, 0.3 },
  { 123456789.0, 6, 123457000.0 },
  { 0.000123456789, 3, 0.000123 },
  { -2.5, 1, -2.0 },      /* printf rounds half to even */
  { 0.0, 6, 0.0 },
};

static void
test_round (gconstpointer data)
{
  const RoundCase *c = data;

  g_assert_cmpfloat (entente_format_round (c->value, c->significant), ==, c->expected);
}

static void
test_symbols (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Every behaviour has its own mark, so the mark alone tells them apart. */
  for (guint b = 0; b < ENTENTE_N_BEHAVIOURS; b++)
    {
      const char *symbol = entente_format_behaviour_symbol (b);

      g_assert_nonnull (symbol);
      g_assert_cmpuint (strlen (symbol), >, 0);
      g_assert_true (g_utf8_validate (symbol, -1, NULL));
      g_assert_false (g_hash_table_contains (seen, symbol));
      g_hash_table_add (seen, (gpointer) symbol);
    }
  g_assert_cmpstr (entente_format_behaviour_symbol (ENTENTE_BEHAVIOUR_BALANCE), ==, "⚖");
  g_assert_cmpstr (entente_format_behaviour_symbol (ENTENTE_BEHAVIOUR_REVISIONIST_LEAD), ==, "★");
  g_assert_cmpstr (entente_format_behaviour_symbol (ENTENTE_N_BEHAVIOURS), ==, "·");
}

typedef struct
{
  const char  *name;
  const char  *title;
  EntenteBloc  bloc;
  const char  *threat;
  const char  *expected;
} AlignmentCase;

static const AlignmentCase alignment_cases[] = {
  { "Germany", "Revisionist lead", ENTENTE_BLOC_B, "France",
    "Germany: Revisionist lead, bloc B, threat France" },
  { "France", "Balancing", ENTENTE_BLOC_A, "Germany", "France: Balancing, bloc A, threat Germany" },
  { "Italy", "Hiding", ENTENTE_BLOC_U, NULL, "Italy: Hiding, unaligned" },
};

static void
test_alignment (gconstpointer data)
{
  const AlignmentCase *c = data;
  g_autofree char *text = entente_format_alignment (c->name, c->title, c->bloc, c->threat);

  g_assert_cmpstr (text, ==, c->expected);
}

static void
test_state_list (void)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  g_autoptr (GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  guint values[] = { 2, 0, 7 };
  g_autofree char *empty = NULL;
  g_autofree char *none = NULL;
  g_autofree char *list = NULL;

  entente_scenario_add_state (scenario, "France");
  entente_scenario_add_state (scenario, "Russia");
  entente_scenario_add_state (scenario, "United Kingdom");

  empty = entente_format_state_list (scenario, indices);
  g_assert_cmpstr (empty, ==, "none");
  none = entente_format_state_list (scenario, NULL);
  g_assert_cmpstr (none, ==, "none");

  /* Order is kept; an index past the end is skipped, not a crash. */
  g_array_append_vals (indices, values, G_N_ELEMENTS (values));
  list = entente_format_state_list (scenario, indices);
  g_assert_cmpstr (list, ==, "United Kingdom, France");
}

static void
test_capability (void)
{
  EntenteState state = { 0 };
  EntenteSystem system = { 0 };

  system.w_pop = system.w_econ = system.w_mil = 1.0 / 3.0;
  state.pop = 30;
  state.econ = 60;
  state.mil = 90;
  g_assert_cmpfloat_with_epsilon (entente_format_capability (&state, &system), 60.0, 1e-9);

  /* Weights need not sum to 1. */
  system.w_pop = 0;
  system.w_econ = 0;
  system.w_mil = 2;
  g_assert_cmpfloat_with_epsilon (entente_format_capability (&state, &system), 90.0, 1e-9);

  /* All-zero weights: the plain mean. */
  system.w_mil = 0;
  g_assert_cmpfloat_with_epsilon (entente_format_capability (&state, &system), 60.0, 1e-9);

  /* Values near G_MAXDOUBLE stay finite (a slider cannot show inf). */
  system.w_pop = system.w_econ = system.w_mil = G_MAXDOUBLE;
  state.pop = state.econ = state.mil = G_MAXDOUBLE;
  g_assert_true (isfinite (entente_format_capability (&state, &system)));
  g_assert_cmpfloat (entente_format_capability (&state, &system), >, 1e307);
  system.w_pop = system.w_econ = system.w_mil = 0;

  state.single_capability = TRUE;
  state.pop = state.econ = state.mil = 12;
  g_assert_cmpfloat_with_epsilon (entente_format_capability (&state, &system), 12.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/format/number/%u", i);
      g_test_add_data_func (path, &number_cases[i], test_number);
    }
  for (guint i = 0; i < G_N_ELEMENTS (percent_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/format/percent/%u", i);
      g_test_add_data_func (path, &percent_cases[i], test_percent);
    }
  for (guint i = 0; i < G_N_ELEMENTS (attribute_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/format/attribute/%u", i);
      g_test_add_data_func (path, &attribute_cases[i], test_attribute);
    }
  for (guint i = 0; i < G_N_ELEMENTS (upper_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/format/nice-upper/%u", i);
      g_test_add_data_func (path, &upper_cases[i], test_nice_upper);
    }
  for (guint i = 0; i < G_N_ELEMENTS (alignment_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/format/alignment/%u", i);
      g_test_add_data_func (path, &alignment_cases[i], test_alignment);
    }
  for (guint i = 0; i < G_N_ELEMENTS (round_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/format/round/%u", i);
      g_test_add_data_func (path, &round_cases[i], test_round);
    }
  g_test_add_func ("/entente/format/symbols", test_symbols);
  g_test_add_func ("/entente/format/state-list", test_state_list);
  g_test_add_func ("/entente/format/capability", test_capability);

  return g_test_run ();
}
