/* bench-landscape.c: timings of the landscape engine (prints, never asserts)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-landscape"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "entente-landscape.h"

typedef struct
{
  guint   n;
  double *size;
  double *p;
  double *kappa;
  EntenteLandscapeProblem problem;
} Instance;

static Instance *
instance_new (guint    n,
              guint32  seed,
              gboolean allow_unaligned)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  Instance *inst = g_new0 (Instance, 1);
  guint i, j;

  inst->n = n;
  inst->size = g_new0 (double, n);
  inst->p = g_new0 (double, (gsize) n * n);
  inst->kappa = g_new0 (double, n);
  for (i = 0; i < n; i++)
    {
      inst->size[i] = g_rand_double_range (rand, 0.05, 1.0);
      inst->kappa[i] = g_rand_double_range (rand, 0.0, 0.2);
      for (j = i + 1; j < n; j++)
        inst->p[(gsize) i * n + j] = inst->p[(gsize) j * n + i] =
          g_rand_double_range (rand, -1.0, 1.0);
    }
  entente_landscape_problem_init_defaults (&inst->problem);
  inst->problem.n = n;
  inst->problem.size = inst->size;
  inst->problem.propensity = inst->p;
  inst->problem.kappa = inst->kappa;
  inst->problem.allow_unaligned = allow_unaligned;
  inst->problem.exact_max_n2 = 24;
  return inst;
}

static void
instance_free (Instance *inst)
{
  g_free (inst->size);
  g_free (inst->p);
  g_free (inst->kappa);
  g_free (inst);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Instance, instance_free)

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median wall time in ms over @reps solves; *minima gets the last solve's count. */
static double
time_solve (const EntenteLandscapeProblem *problem,
            guint                          reps,
            guint                         *minima)
{
  g_autofree double *ms = g_new0 (double, reps);
  guint r;

  for (r = 0; r < reps; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (EntenteLandscapeSolution) sol = entente_landscape_solve (problem, NULL, NULL);

      ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      *minima = sol->minima->len;
    }
  qsort (ms, reps, sizeof (double), compare_double);
  return ms[reps / 2];
}

static void
bench_exact (guint    n,
             gboolean with_u,
             guint    reps)
{
  g_autoptr (Instance) inst = instance_new (n, 100 + n, with_u);
  guint minima = 0;
  double ms = time_solve (&inst->problem, reps, &minima);

  g_print ("exact %-5s n = %2u: %9.2f ms median of %u, %u minima (all, with basins)\n",
           with_u ? "A/B/U" : "AB", n, ms, reps, minima);
}

static void
bench_heuristic (guint    n,
                 gboolean with_u,
                 guint    reps)
{
  g_autoptr (Instance) inst = instance_new (n, 200 + n, with_u);
  guint minima = 0;
  double ms;

  inst->problem.exact_max_n2 = inst->problem.exact_max_n3 = 0;
  inst->problem.restarts = 64;
  ms = time_solve (&inst->problem, reps, &minima);
  g_print ("heuristic %-5s n = %3u, 64 restarts: %8.2f ms median of %u, %u distinct minima\n",
           with_u ? "A/B/U" : "AB", n, ms, reps, minima);
}

/* The heuristic's best against the exact optimum over @count random instances. */
static void
bench_gap (guint    n,
           gboolean with_u,
           guint    count)
{
  double worst = 0.0, sum = 0.0;
  guint hits = 0, k;

  for (k = 0; k < count; k++)
    {
      g_autoptr (Instance) inst = instance_new (n, 300 + k, with_u);
      g_autoptr (EntenteLandscapeSolution) exact = NULL;
      g_autoptr (EntenteLandscapeSolution) heur = NULL;
      double e_exact, e_heur, gap;

      exact = entente_landscape_solve (&inst->problem, NULL, NULL);
      inst->problem.exact_max_n2 = inst->problem.exact_max_n3 = 0;
      inst->problem.seed = k;
      heur = entente_landscape_solve (&inst->problem, NULL, NULL);
      e_exact = g_array_index (exact->minima, EntenteLandscapeMinimum, 0).energy;
      e_heur = g_array_index (heur->minima, EntenteLandscapeMinimum, 0).energy;
      gap = (e_heur - e_exact) / MAX (1e-300, fabs (e_exact));
      hits += gap <= 1e-9;
      worst = MAX (worst, gap);
      sum += gap;
    }
  g_print ("gap %-5s n = %2u over %u instances: optimum found %u/%u, mean relative gap %.2e, "
           "worst %.2e\n", with_u ? "A/B/U" : "AB", n, count, hits, count, sum / count, worst);
}

/* Where exact is out of reach: 64 restarts against a long run (1024 restarts, other seed). */
static void
bench_gap_long (guint    n,
                gboolean with_u,
                guint    count)
{
  double sum = 0.0, worst = 0.0;
  guint hits = 0, k;

  for (k = 0; k < count; k++)
    {
      g_autoptr (Instance) inst = instance_new (n, 400 + k, with_u);
      g_autoptr (EntenteLandscapeSolution) quick = NULL;
      g_autoptr (EntenteLandscapeSolution) slow = NULL;
      double e_quick, e_slow, gap;

      inst->problem.exact_max_n2 = inst->problem.exact_max_n3 = 0;
      inst->problem.seed = k;
      quick = entente_landscape_solve (&inst->problem, NULL, NULL);
      inst->problem.restarts = 1024;
      inst->problem.seed = 1000 + k;
      slow = entente_landscape_solve (&inst->problem, NULL, NULL);
      e_quick = g_array_index (quick->minima, EntenteLandscapeMinimum, 0).energy;
      e_slow = g_array_index (slow->minima, EntenteLandscapeMinimum, 0).energy;
      gap = (e_quick - e_slow) / MAX (1e-300, fabs (e_slow));
      hits += gap <= 1e-9;
      worst = MAX (worst, gap);
      sum += gap;
    }
  g_print ("gap %-5s n = %3u, 64 vs 1024 restarts over %u instances: as deep %u/%u, "
           "mean relative gap %.2e, worst %.2e\n", with_u ? "A/B/U" : "AB", n, count, hits,
           count, sum / count, worst);
}

int
main (int   argc,
      char *argv[])
{
  const guint ab[] = { 16, 18, 20, 22 };
  const guint abu[] = { 10, 12 };
  const guint big[] = { 50, 200, 500 };
  guint k;

  g_print ("Landscape engine benchmark (targets: exact AB n = 20 <= 8 ms, "
           "heuristic n = 500 <= 16 ms)\n");
  for (k = 0; k < G_N_ELEMENTS (ab); k++)
    bench_exact (ab[k], FALSE, ab[k] <= 20 ? 9 : 5);
  for (k = 0; k < G_N_ELEMENTS (abu); k++)
    bench_exact (abu[k], TRUE, 7);
  for (k = 0; k < G_N_ELEMENTS (big); k++)
    bench_heuristic (big[k], TRUE, 9);
  for (k = 0; k < G_N_ELEMENTS (big); k++)
    bench_heuristic (big[k], FALSE, 9);
  bench_gap (20, FALSE, 20);
  bench_gap (12, TRUE, 20);
  bench_gap_long (200, FALSE, 5);
  bench_gap_long (200, TRUE, 5);
  return 0;
}
