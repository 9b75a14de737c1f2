/* bench-model.c: full model recompute times (prints, never asserts)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-model"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "entente-model.h"
#include "entente-scenario-io.h"

/* Each row: a warm-up, then solves until MAX_RUNS or the time budget is
 * spent (at least MIN_RUNS). "cold" solves from scratch as `entente solve`
 * does; "warm" passes the previous result, as the window does while a
 * slider is dragged. */
#define MIN_RUNS   5
#define MAX_RUNS   200
#define BUDGET_S   1.5
#define TARGET_MS  5.0

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted @values. */
static double
percentile (const double *values,
            guint         n,
            double        p)
{
  guint rank = (guint) (p / 100.0 * n + 0.999999);

  return values[CLAMP (rank, 1, n) - 1];
}

typedef struct
{
  double median, p95;
  guint  runs;
} Timing;

static gboolean
time_solves (EntenteScenario *scenario,
             gboolean         warm,
             Timing          *timing)
{
  g_autoptr (EntenteResult) previous = NULL;
  g_autoptr (GError) error = NULL;
  double samples[MAX_RUNS];
  double start = now_ms ();
  guint runs = 0;

  /* Warm-up (and the previous result for warm starts). */
  previous = entente_model_solve (scenario, NULL, NULL, &error);
  if (previous == NULL)
    {
      fprintf (stderr, "solve failed: %s\n", error->message);
      return FALSE;
    }

  while (runs < MAX_RUNS && (runs < MIN_RUNS || now_ms () - start < BUDGET_S * 1e3))
    {
      EntenteResult *result;
      double t0 = now_ms ();

      result = entente_model_solve (scenario, warm ? previous : NULL, NULL, NULL);
      samples[runs++] = now_ms () - t0;
      if (warm)
        {
          entente_result_unref (previous);
          previous = result;
        }
      else
        {
          entente_result_unref (result);
        }
    }

  qsort (samples, runs, sizeof samples[0], compare_doubles);
  timing->runs = runs;
  timing->median = percentile (samples, runs, 50);
  timing->p95 = percentile (samples, runs, 95);
  return TRUE;
}

static void
print_header (void)
{
  printf ("%-34s %4s %-9s %5s %10s %10s %10s %10s %s\n", "scenario", "n", "landscape", "runs",
          "cold med", "cold p95", "warm med", "warm p95", "target");
  printf ("%-34s %4s %-9s %5s %10s %10s %10s %10s %s\n", "", "", "", "", "ms", "ms", "ms", "ms",
          "");
}

static void
bench_row (const char      *name,
           EntenteScenario *scenario,
           gboolean         has_target,
           guint           *over)
{
  g_autoptr (EntenteResult) probe = entente_model_solve (scenario, NULL, NULL, NULL);
  Timing cold = { 0 }, warm = { 0 };
  const char *verdict = "";

  if (probe == NULL || !time_solves (scenario, FALSE, &cold) ||
      !time_solves (scenario, TRUE, &warm))
    {
      printf ("%-34s solve failed\n", name);
      (*over)++;
      return;
    }
  if (has_target)
    {
      gboolean ok = cold.median <= TARGET_MS && warm.median <= TARGET_MS;

      verdict = ok ? "ok (<= 5 ms)" : "OVER 5 ms";
      if (!ok)
        (*over)++;
    }
  printf ("%-34s %4u %-9s %5u %10.3f %10.3f %10.3f %10.3f %s\n", name, probe->n,
          probe->landscape == NULL ? "-" : probe->landscape->exact ? "exact" : "heuristic",
          cold.runs, cold.median, cold.p95, warm.median, warm.p95, verdict);
  fflush (stdout);
}

static void
set (EntenteScenario     *scenario,
     EntenteChangeTarget  target,
     const char          *a,
     const char          *b,
     const char          *key,
     double               value)
{
  g_autoptr (GError) error = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buf, sizeof buf, value);
  if (!entente_scenario_set_attribute (scenario, target, a, b, key, buf, &error))
    g_error ("%s=%s: %s", key, buf, error->message);
}

/* A random world of @n states spread over a continent (so that proximity
 * matters), each with a few allies, rivals and neighbours. */
static EntenteScenario *
synthetic_new (guint   n,
               guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  EntenteScenario *scenario = entente_scenario_new ();
  g_autofree char *title = g_strdup_printf ("synthetic %u", n);

  entente_scenario_set_text (scenario, &scenario->title, title);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("State %u", i + 1);
      guint index = entente_scenario_add_state (scenario, name);
      const char *id = entente_scenario_get_state (scenario, index)->id;
      /* A few large powers and many small ones. */
      double scale = pow (g_rand_double (rand), 3.0) * 100.0 + 1.0;

      static const char * const components[] = { "pop", "econ", "mil" };

      for (guint c = 0; c < G_N_ELEMENTS (components); c++)
        set (scenario, ENTENTE_CHANGE_STATE, id, NULL, components[c],
             scale * g_rand_double_range (rand, 0.5, 1.5));
      set (scenario, ENTENTE_CHANGE_STATE, id, NULL, "offence", g_rand_double (rand));
      set (scenario, ENTENTE_CHANGE_STATE, id, NULL, "intention", g_rand_double (rand));
      set (scenario, ENTENTE_CHANGE_STATE, id, NULL, "domestic", g_rand_double (rand));
      set (scenario, ENTENTE_CHANGE_STATE, id, NULL, "lat", g_rand_double_range (rand, 30, 65));
      set (scenario, ENTENTE_CHANGE_STATE, id, NULL, "lon", g_rand_double_range (rand, -10, 50));
    }
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < 3; k++)
      {
        guint j = (guint) g_rand_int_range (rand, 0, (gint32) n);
        const char *a = entente_scenario_get_state (scenario, i)->id;
        const char *b;

        if (j == i)
          continue;
        b = entente_scenario_get_state (scenario, j)->id;
        set (scenario, ENTENTE_CHANGE_PAIR, a, b, "affinity", g_rand_double_range (rand, -1, 1));
        if (g_rand_double (rand) < 0.4)
          set (scenario, ENTENTE_CHANGE_PAIR, a, b, "commitment", g_rand_double (rand));
        if (g_rand_double (rand) < 0.3)
          set (scenario, ENTENTE_CHANGE_PAIR, a, b, "rivalry", g_rand_double (rand));
        if (g_rand_double (rand) < 0.3)
          set (scenario, ENTENTE_CHANGE_PAIR, a, b, "contiguity", 1.0);
      }
  return scenario;
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
bundled_files (void)
{
  const char *datadir = g_getenv ("ENTENTE_DATADIR");
  g_autofree char *dir_path = g_build_filename (datadir != NULL ? datadir : SOURCE_DATADIR,
                                                "scenarios", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".entente"))
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  return files;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GPtrArray) files = bundled_files ();
  static const guint sizes[] = { 50, 200, 500 };
  guint over = 0;

  printf ("Full model recompute (entente_model_solve), median and p95 of up to %d runs.\n",
          MAX_RUNS);
  printf ("Target: <= %.0f ms for each bundled scenario (cold and warm median).\n\n", TARGET_MS);
  print_header ();

  if (files->len == 0)
    printf ("(no bundled scenarios found)\n");
  for (guint k = 0; k < files->len; k++)
    {
      g_autoptr (GFile) file = g_file_new_for_path (g_ptr_array_index (files, k));
      g_autoptr (GError) error = NULL;
      g_autoptr (EntenteScenario) scenario = entente_scenario_load_file (file, NULL, &error);
      g_autofree char *base = g_file_get_basename (file);

      if (scenario == NULL)
        {
          printf ("%-34s load failed: %s\n", base, error->message);
          over++;
          continue;
        }
      bench_row (base, scenario, TRUE, &over);
      /* The last timeline step, when there is one (the largest change set). */
      if (scenario->steps->len > 0)
        {
          const EntenteStep *step = g_ptr_array_index (scenario->steps, scenario->steps->len - 1);
          g_autoptr (EntenteScenario) stepped = entente_scenario_apply_step (scenario, step->name,
                                                                            NULL);
          g_autofree char *label = g_strdup_printf ("  + --step %s", step->name);

          if (stepped != NULL)
            bench_row (label, stepped, TRUE, &over);
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr (EntenteScenario) scenario = synthetic_new (sizes[k], 0x5EED + sizes[k]);
      g_autofree char *name = g_strdup_printf ("synthetic (seeded, %u states)", sizes[k]);

      bench_row (name, scenario, FALSE, &over);
    }

  printf ("\n%u bundled row(s) over the %.0f ms target.\n", over, TARGET_MS);
  return 0;
}
