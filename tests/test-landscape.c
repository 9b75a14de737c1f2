/* test-landscape.c: the landscape engine against brute force (model-theory.md §12)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-landscape"

#include "config.h"

#include <math.h>
#include <string.h>

#include "entente-landscape.h"

#define ENERGY_EPS 1e-9

/* A random instance: sizes in (0.05, 1], symmetric p in [−1, 1], κ in [0, kappa_max]. */
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
              gboolean allow_unaligned,
              double   kappa_max)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  Instance *inst = g_new0 (Instance, 1);
  guint i, j;

  inst->n = n;
  inst->size = g_new0 (double, MAX (n, 1));
  inst->p = g_new0 (double, MAX (n * n, 1));
  inst->kappa = g_new0 (double, MAX (n, 1));
  for (i = 0; i < n; i++)
    {
      inst->size[i] = g_rand_double_range (rand, 0.05, 1.0);
      inst->kappa[i] = g_rand_double_range (rand, 0.0, kappa_max);
      for (j = i + 1; j < n; j++)
        inst->p[i * n + j] = inst->p[j * n + i] = g_rand_double_range (rand, -1.0, 1.0);
    }
  entente_landscape_problem_init_defaults (&inst->problem);
  inst->problem.n = n;
  inst->problem.size = inst->size;
  inst->problem.propensity = inst->p;
  inst->problem.kappa = inst->kappa;
  inst->problem.allow_unaligned = allow_unaligned;
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

static EntenteLandscapeMinimum *
minimum (EntenteLandscapeSolution *sol,
         guint                     k)
{
  return &g_array_index (sol->minima, EntenteLandscapeMinimum, k);
}

/* Brute force helpers {{{ */

static guint64
space_size (const EntenteLandscapeProblem *problem)
{
  guint64 size = 1;
  guint k;

  for (k = 0; k < problem->n; k++)
    size *= problem->allow_unaligned ? 3 : 2;
  return size;
}

static void
decode (const EntenteLandscapeProblem *problem,
        guint64                        idx,
        guint8                        *x)
{
  guint levels = problem->allow_unaligned ? 3 : 2;
  guint k;

  for (k = 0; k < problem->n; k++, idx /= levels)
    x[k] = idx % levels;
}

/* The engine's canonical form: the first aligned state in rank order is in A. */
static void
canonicalise (const EntenteLandscapeProblem *problem,
              guint8                        *x)
{
  guint k;

  for (k = 0; k < problem->n; k++)
    {
      guint i = problem->rank != NULL ? problem->rank[k] : k;

      if (x[i] == ENTENTE_BLOC_U)
        continue;
      if (x[i] == ENTENTE_BLOC_B)
        {
          guint j;

          for (j = 0; j < problem->n; j++)
            if (x[j] != ENTENTE_BLOC_U)
              x[j] = 1 - x[j];
        }
      return;
    }
}

/* Largest decrease of E by one single-state move (≤ 0 means none), and which move it is. */
static double
best_move (const EntenteLandscapeProblem *problem,
           guint8                        *x,
           guint                         *best_i,
           guint8                        *best_b)
{
  double e = entente_landscape_energy (problem, x);
  double best = 0.0;
  guint i;
  guint8 b;

  for (i = 0; i < problem->n; i++)
    {
      guint8 old = x[i];

      for (b = 0; b < (problem->allow_unaligned ? 3 : 2); b++)
        {
          double d;

          if (b == old)
            continue;
          x[i] = b;
          d = e - entente_landscape_energy (problem, x);
          x[i] = old;
          if (d > best)
            {
              best = d;
              if (best_i != NULL)
                *best_i = i;
              if (best_b != NULL)
                *best_b = b;
            }
        }
    }
  return best;
}

static gboolean
is_local_minimum (const EntenteLandscapeProblem *problem,
                  guint8                        *x)
{
  return best_move (problem, x, NULL, NULL) <= 1e-10;
}

/* Every canonical local minimum, by brute force: a set of GBytes. */
static GHashTable *
brute_force_minima (const EntenteLandscapeProblem *problem,
                    double                        *min_energy)
{
  GHashTable *set = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                           (GDestroyNotify) g_bytes_unref, NULL);
  g_autofree guint8 *x = g_new0 (guint8, problem->n);
  guint64 idx, size = space_size (problem);

  *min_energy = G_MAXDOUBLE;
  for (idx = 0; idx < size; idx++)
    {
      decode (problem, idx, x);
      *min_energy = MIN (*min_energy, entente_landscape_energy (problem, x));
      if (is_local_minimum (problem, x))
        {
          canonicalise (problem, x);
          g_hash_table_add (set, g_bytes_new (x, problem->n));
        }
    }
  return set;
}

/* }}} */

static void
test_frustrated_triad (void)
{
  const double size[3] = { 1.0, 1.0, 1.0 };
  const double p[9] = { 0, -1, -1, -1, 0, -1, -1, -1, 0 };
  EntenteLandscapeProblem problem;
  g_autoptr (EntenteLandscapeSolution) sol = NULL;
  g_autoptr (GError) error = NULL;
  guint8 x[3];
  double ideal = 0.0;
  guint k, idx, together = 0;

  entente_landscape_problem_init_defaults (&problem);
  problem.n = 3;
  problem.size = size;
  problem.propensity = p;
  problem.allow_unaligned = FALSE;

  sol = entente_landscape_solve (&problem, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sol);
  g_assert_true (sol->exact);
  /* Two of the three pairs can be apart, never all three: E = 2·(−1)·2 = −4, and each of the
   * three ways of pairing two states is a minimum with a third of the configurations. */
  g_assert_cmpuint (sol->minima->len, ==, 3);
  for (k = 0; k < sol->minima->len; k++)
    {
      EntenteLandscapeMinimum *m = minimum (sol, k);

      g_assert_cmpfloat_with_epsilon (m->energy, -4.0, 1e-12);
      /* Equal energies sort by configuration: AAB, ABA, ABB. All-A (E = 0) moves its first
       * state in rank order on the three-way tie, to BAA, i.e. ABB. */
      g_assert_cmpuint (m->config[0], ==, ENTENTE_BLOC_A);
      g_assert_cmpfloat_with_epsilon (m->basin, k == 2 ? 0.5 : 0.25, 1e-12);
    }
  g_assert_cmpuint (minimum (sol, 2)->config[1], ==, ENTENTE_BLOC_B);
  g_assert_cmpuint (minimum (sol, 2)->config[2], ==, ENTENTE_BLOC_B);
  for (k = 0; k < 3; k++)
    together += minimum (sol, 0)->config[k] == minimum (sol, 0)->config[(k + 1) % 3];
  g_assert_cmpuint (together, ==, 1);

  /* Unavoidable frustration: with every pair apart, E would be −6 and every F_i −2. No
   * configuration reaches that, with or without U, and some state always stays above −2. */
  for (k = 0; k < 3; k++)
    ideal += -2.0;
  problem.allow_unaligned = TRUE;
  for (idx = 0; idx < 27; idx++)
    {
      double worst = -G_MAXDOUBLE;

      decode (&problem, idx, x);
      g_assert_cmpfloat (entente_landscape_energy (&problem, x), >=, -4.0 - 1e-12);
      g_assert_cmpfloat (entente_landscape_energy (&problem, x), >, ideal + 1.0);
      for (k = 0; k < 3; k++)
        worst = MAX (worst, entente_landscape_frustration (&problem, x, k));
      g_assert_cmpfloat (worst, >, -2.0 + 0.5);
    }

  /* With U and no alignment cost, the exact optimum is still −4 (A, B, U does no better). */
  g_clear_pointer (&sol, entente_landscape_solution_free);
  sol = entente_landscape_solve (&problem, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (minimum (sol, 0)->energy, -4.0, 1e-12);
}

static void
test_lyapunov (void)
{
  guint trial, improving = 0;

  for (trial = 0; trial < 50; trial++)
    {
      g_autoptr (Instance) inst = instance_new (8, 1000 + trial, TRUE, 0.5);
      g_autoptr (GRand) rand = g_rand_new_with_seed (trial);
      guint8 x[8], y[8];
      guint i, k;
      guint8 b;

      for (k = 0; k < 8; k++)
        x[k] = g_rand_int_range (rand, 0, 3);
      for (i = 0; i < 8; i++)
        for (b = 0; b < 3; b++)
          {
            double de, df;

            if (b == x[i])
              continue;
            memcpy (y, x, sizeof x);
            y[i] = b;
            de = entente_landscape_energy (&inst->problem, y) -
                 entente_landscape_energy (&inst->problem, x);
            df = entente_landscape_frustration (&inst->problem, y, i) -
                 entente_landscape_frustration (&inst->problem, x, i);
            g_assert_cmpfloat_with_epsilon (de, 2.0 * inst->size[i] * df, 1e-12);
            if (df < 0)
              {
                g_assert_cmpfloat (de, <, 0.0);
                improving++;
              }
          }
    }
  g_assert_cmpuint (improving, >, 100);
}

static void
test_exact_vs_heuristic (void)
{
  guint trial;

  for (trial = 0; trial < 100; trial++)
    {
      gboolean with_u = trial % 4 != 3;
      guint n = 3 + trial % 10;
      g_autoptr (Instance) inst = instance_new (n, 2000 + trial, with_u, 0.3);
      g_autoptr (EntenteLandscapeSolution) exact = NULL;
      g_autoptr (EntenteLandscapeSolution) heur = NULL;
      g_autoptr (GError) error = NULL;

      exact = entente_landscape_solve (&inst->problem, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (exact->exact);

      inst->problem.exact_max_n2 = inst->problem.exact_max_n3 = 0;
      inst->problem.seed = trial;
      heur = entente_landscape_solve (&inst->problem, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (heur->exact);
      g_assert_cmpfloat_with_epsilon (minimum (heur, 0)->energy, minimum (exact, 0)->energy,
                                      ENERGY_EPS);
      g_assert_cmpmem (minimum (heur, 0)->config, n, minimum (exact, 0)->config, n);
    }
}

static void
assert_solutions_identical (EntenteLandscapeSolution *a,
                            EntenteLandscapeSolution *b)
{
  guint k;

  g_assert_cmpint (a->exact, ==, b->exact);
  g_assert_cmpuint (a->n, ==, b->n);
  g_assert_cmpuint (a->minima->len, ==, b->minima->len);
  for (k = 0; k < a->minima->len; k++)
    {
      g_assert_cmpmem (minimum (a, k)->config, a->n, minimum (b, k)->config, b->n);
      g_assert_cmpmem (&minimum (a, k)->energy, sizeof (double),
                       &minimum (b, k)->energy, sizeof (double));
      g_assert_cmpmem (&minimum (a, k)->basin, sizeof (double),
                       &minimum (b, k)->basin, sizeof (double));
    }
  g_assert_cmpmem (a->current, a->n, b->current, b->n);
  g_assert_cmpmem (&a->current_energy, sizeof (double), &b->current_energy, sizeof (double));
  g_assert_cmpint (a->current_minimum, ==, b->current_minimum);
  g_assert_cmpint (a->metastable, ==, b->metastable);
  g_assert_cmpmem (a->frustration, a->n * sizeof (double), b->frustration, b->n * sizeof (double));
}

static void
test_determinism (void)
{
  const guint sizes[] = { 9, 40 };
  guint t;

  for (t = 0; t < G_N_ELEMENTS (sizes); t++)
    {
      g_autoptr (Instance) inst = instance_new (sizes[t], 3000 + t, TRUE, 0.2);
      g_autofree guint8 *previous = g_new0 (guint8, sizes[t]);
      g_autoptr (EntenteLandscapeSolution) a = NULL;
      g_autoptr (EntenteLandscapeSolution) b = NULL;
      g_autoptr (EntenteLandscapeSolution) c = NULL;
      guint k;

      for (k = 0; k < sizes[t]; k++)
        previous[k] = (k * 7) % 3;
      inst->problem.previous = previous;
      a = entente_landscape_solve (&inst->problem, NULL, NULL);
      b = entente_landscape_solve (&inst->problem, NULL, NULL);
      g_assert_nonnull (a);
      g_assert_nonnull (b);
      g_assert_cmpint (a->exact, ==, sizes[t] <= 12);
      assert_solutions_identical (a, b);

      /* A different seed may change the heuristic's sample, never the warm-start answer. */
      inst->problem.seed ^= 0xABCDEF;
      c = entente_landscape_solve (&inst->problem, NULL, NULL);
      g_assert_cmpmem (a->current, sizes[t], c->current, sizes[t]);
    }
}

/* The AVX2 and the 128-bit kernels give bit-identical results (trivially true on machines
 * without AVX2, where both runs use the 128-bit kernels). */
static void
test_kernels_agree (void)
{
  const struct { guint n; gboolean with_u; gboolean exact; } cases[] = {
    { 14, FALSE, TRUE }, { 23, FALSE, TRUE }, { 8, TRUE, TRUE },
    { 60, FALSE, FALSE }, { 60, TRUE, FALSE }, { 7, TRUE, FALSE },
  };
  guint t;

  for (t = 0; t < G_N_ELEMENTS (cases); t++)
    {
      g_autoptr (Instance) inst = instance_new (cases[t].n, 9000 + t, cases[t].with_u, 0.2);
      g_autoptr (EntenteLandscapeSolution) wide = NULL;
      g_autoptr (EntenteLandscapeSolution) narrow = NULL;

      inst->problem.exact_max_n2 = cases[t].exact ? 24 : 0;
      inst->problem.exact_max_n3 = cases[t].exact ? 12 : 0;
      wide = entente_landscape_solve (&inst->problem, NULL, NULL);
      g_setenv ("ENTENTE_LANDSCAPE_NO_AVX2", "1", TRUE);
      narrow = entente_landscape_solve (&inst->problem, NULL, NULL);
      g_unsetenv ("ENTENTE_LANDSCAPE_NO_AVX2");
      g_assert_cmpint (wide->exact, ==, cases[t].exact);
      assert_solutions_identical (wide, narrow);
    }
}

static void
test_ab_mode (void)
{
  guint trial;

  for (trial = 0; trial < 20; trial++)
    {
      guint n = 2 + trial % 12;
      g_autoptr (Instance) inst = instance_new (n, 4000 + trial, FALSE, 0.5);
      g_autoptr (EntenteLandscapeSolution) sol = NULL;
      g_autofree guint8 *x = g_new0 (guint8, n);
      g_autofree guint8 *best = g_new0 (guint8, n);
      double best_e = G_MAXDOUBLE;
      guint64 idx;
      guint k;

      /* Two blocs, no alignment cost: the κ given must be ignored. */
      for (idx = 0; idx < (G_GUINT64_CONSTANT (1) << n); idx++)
        {
          double e = 0.0;
          guint i, j;

          for (k = 0; k < n; k++)
            x[k] = (idx >> k) & 1;
          for (i = 0; i < n; i++)
            for (j = i + 1; j < n; j++)
              if (x[i] != x[j])
                e += 2.0 * inst->size[i] * inst->size[j] * inst->p[i * n + j];
          if (e < best_e - 1e-12)
            {
              best_e = e;
              memcpy (best, x, n);
            }
        }
      canonicalise (&inst->problem, best);

      sol = entente_landscape_solve (&inst->problem, NULL, NULL);
      g_assert_true (sol->exact);
      g_assert_cmpfloat_with_epsilon (minimum (sol, 0)->energy, best_e, ENERGY_EPS);
      g_assert_cmpmem (minimum (sol, 0)->config, n, best, n);
      for (k = 0; k < sol->minima->len; k++)
        {
          guint i;

          for (i = 0; i < n; i++)
            g_assert_cmpuint (minimum (sol, k)->config[i], !=, ENTENTE_BLOC_U);
        }
      for (k = 0; k < n; k++)
        g_assert_cmpuint (sol->current[k], !=, ENTENTE_BLOC_U);
    }
}

static void
check_exact_minima (Instance *inst)
{
  EntenteLandscapeProblem *problem = &inst->problem;
  g_autoptr (EntenteLandscapeSolution) sol = NULL;
  g_autoptr (GHashTable) brute = NULL;
  double min_energy, sum = 0.0;
  guint k;

  sol = entente_landscape_solve (problem, NULL, NULL);
  g_assert_true (sol->exact);
  brute = brute_force_minima (problem, &min_energy);
  g_assert_cmpuint (sol->minima->len, ==, g_hash_table_size (brute));
  g_assert_cmpfloat_with_epsilon (minimum (sol, 0)->energy, min_energy, ENERGY_EPS);
  for (k = 0; k < sol->minima->len; k++)
    {
      EntenteLandscapeMinimum *m = minimum (sol, k);
      g_autoptr (GBytes) key = g_bytes_new (m->config, problem->n);
      g_autofree guint8 *copy = g_memdup2 (m->config, problem->n);

      g_assert_true (is_local_minimum (problem, copy));
      g_assert_true (g_hash_table_contains (brute, key));
      g_assert_cmpfloat_with_epsilon (m->energy, entente_landscape_energy (problem, m->config),
                                      1e-12);
      g_assert_cmpfloat (m->basin, >, 0.0);
      if (k > 0)
        g_assert_cmpfloat (minimum (sol, k - 1)->energy, <=, m->energy + 1e-12);
      sum += m->basin;
    }
  g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-12);
  g_assert_cmpint (sol->current_minimum, >=, 0);
  g_assert_true (is_local_minimum (problem, sol->current));
}

/* Basins against the definition: steepest descent from every configuration, run from scratch
 * (generic random instances have no ties, so tie rules do not matter). */
static void
check_basins (Instance *inst)
{
  EntenteLandscapeProblem *problem = &inst->problem;
  g_autoptr (EntenteLandscapeSolution) sol = entente_landscape_solve (problem, NULL, NULL);
  g_autofree guint8 *x = g_new0 (guint8, problem->n);
  g_autofree double *counts = g_new0 (double, sol->minima->len);
  guint64 idx, size = space_size (problem);
  guint k;

  for (idx = 0; idx < size; idx++)
    {
      guint i;
      guint8 b;

      decode (problem, idx, x);
      while (best_move (problem, x, &i, &b) > 1e-10)
        x[i] = b;
      canonicalise (problem, x);
      for (k = 0; k < sol->minima->len; k++)
        if (memcmp (x, minimum (sol, k)->config, problem->n) == 0)
          break;
      g_assert_cmpuint (k, <, sol->minima->len);
      counts[k] += 1.0;
    }
  for (k = 0; k < sol->minima->len; k++)
    g_assert_cmpfloat_with_epsilon (minimum (sol, k)->basin, counts[k] / size, 1e-12);
}

static void
test_exact_minima (void)
{
  const guint rank[7] = { 4, 2, 6, 0, 1, 5, 3 };
  guint trial;

  for (trial = 0; trial < 12; trial++)
    {
      gboolean with_u = trial % 2 == 0;
      guint n = with_u ? 3 + trial % 5 : 4 + trial % 8;
      double kappa_max = trial % 3 == 0 ? 0.0 : 0.3;
      g_autoptr (Instance) inst = instance_new (n, 5000 + trial, with_u, kappa_max);

      if (n == 7)
        inst->problem.rank = rank;
      check_exact_minima (inst);
      check_basins (inst);
    }

  /* Larger landscapes (the walk's field refresh every 4096 steps comes into play): minima
   * only, the brute-force descents would take too long. */
  for (trial = 0; trial < 2; trial++)
    {
      g_autoptr (Instance) inst = instance_new (trial == 0 ? 14 : 9, 5100 + trial, trial == 1,
                                                0.3);

      check_exact_minima (inst);
    }
}

/* A warm start in a shallow minimum stays there and is flagged metastable. */
static void
test_metastable (void)
{
  guint trial, flagged = 0;

  for (trial = 0; trial < 20; trial++)
    {
      g_autoptr (Instance) inst = instance_new (8, 6000 + trial, TRUE, 0.1);
      g_autoptr (EntenteLandscapeSolution) sol = entente_landscape_solve (&inst->problem, NULL,
                                                                            NULL);
      g_autoptr (EntenteLandscapeSolution) warm = NULL;
      guint last, k, aligned = 0;

      /* The shallowest minimum with blocs. All-U (always a minimum when every κ > 0) is not
       * used: an all-U previous carries no bloc information and means a cold start. */
      for (last = sol->minima->len - 1; last > 0; last--)
        {
          for (k = 0, aligned = 0; k < 8; k++)
            aligned += minimum (sol, last)->config[k] != ENTENTE_BLOC_U;
          if (aligned > 0)
            break;
        }
      if (last == 0)
        continue;
      inst->problem.previous = minimum (sol, last)->config;
      warm = entente_landscape_solve (&inst->problem, NULL, NULL);
      g_assert_cmpmem (warm->current, 8, minimum (sol, last)->config, 8);
      g_assert_cmpint (warm->current_minimum, ==, (int) last);
      g_assert_cmpfloat_with_epsilon (warm->current_energy, minimum (sol, last)->energy, 1e-12);
      if (minimum (sol, last)->energy > minimum (sol, 0)->energy + 1e-6)
        {
          g_assert_true (warm->metastable);
          flagged++;
        }
      inst->problem.previous = minimum (sol, 0)->config;
      g_clear_pointer (&warm, entente_landscape_solution_free);
      warm = entente_landscape_solve (&inst->problem, NULL, NULL);
      g_assert_false (warm->metastable);
      g_assert_cmpint (warm->current_minimum, ==, 0);
    }
  g_assert_cmpuint (flagged, >, 5);
}

/* Cold start: no previous configuration still gives blocs, not a frozen all-U state. */
static void
test_cold_start (void)
{
  g_autoptr (Instance) inst = instance_new (10, 7000, TRUE, 0.05);
  g_autoptr (EntenteLandscapeSolution) sol = entente_landscape_solve (&inst->problem, NULL, NULL);
  guint k, aligned = 0;

  for (k = 0; k < 10; k++)
    aligned += sol->current[k] != ENTENTE_BLOC_U;
  g_assert_cmpuint (aligned, >, 0);
  g_assert_true (is_local_minimum (&inst->problem, sol->current));
  for (k = 0; k < 10; k++)
    g_assert_cmpfloat_with_epsilon (sol->frustration[k],
                                    entente_landscape_frustration (&inst->problem,
                                                                   sol->current, k), 1e-12);
}

static void
test_cancellation (void)
{
  const guint sizes[] = { 5, 11, 20, 300 };
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  guint t;

  g_cancellable_cancel (cancellable);
  for (t = 0; t < G_N_ELEMENTS (sizes); t++)
    {
      g_autoptr (Instance) inst = instance_new (sizes[t], 8000 + t, sizes[t] != 20, 0.1);
      g_autoptr (EntenteLandscapeSolution) sol = NULL;
      g_autoptr (GError) error = NULL;

      sol = entente_landscape_solve (&inst->problem, cancellable, &error);
      g_assert_null (sol);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
}

/* An asymmetric p is used symmetrised, (p_ij + p_ji)/2, everywhere. */
static void
test_asymmetric (void)
{
  const guint sizes[] = { 7, 30 };
  guint t;

  for (t = 0; t < G_N_ELEMENTS (sizes); t++)
    {
      guint n = sizes[t], i, j, k;
      g_autoptr (Instance) inst = instance_new (n, 11000 + t, TRUE, 0.2);
      g_autoptr (GRand) rand = g_rand_new_with_seed (t);
      g_autofree double *sym = g_memdup2 (inst->p, n * n * sizeof (double));
      g_autoptr (EntenteLandscapeSolution) a = NULL;
      g_autoptr (EntenteLandscapeSolution) b = NULL;

      for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
          {
            double skew = g_rand_double_range (rand, -0.5, 0.5);

            inst->p[i * n + j] += skew;
            inst->p[j * n + i] -= skew;
          }
      a = entente_landscape_solve (&inst->problem, NULL, NULL);
      g_assert_cmpfloat_with_epsilon (entente_landscape_energy (&inst->problem, a->current),
                                      a->current_energy, 1e-12);
      inst->problem.propensity = sym;
      b = entente_landscape_solve (&inst->problem, NULL, NULL);
      g_assert_cmpuint (a->minima->len, ==, b->minima->len);
      for (k = 0; k < a->minima->len; k++)
        {
          g_assert_cmpmem (minimum (a, k)->config, n, minimum (b, k)->config, n);
          g_assert_cmpfloat_with_epsilon (minimum (a, k)->energy, minimum (b, k)->energy, 1e-12);
        }
      g_assert_cmpmem (a->current, n, b->current, n);
      for (k = 0; k < n; k++)
        g_assert_cmpfloat_with_epsilon (a->frustration[k], b->frustration[k], 1e-12);
      inst->problem.propensity = inst->p;
    }
}

/* p ≡ 0, κ ≡ 0: every configuration is a local minimum (more than the 126 minima a byte can
 * number, which exercises the 32-bit basin resolution), mirror images merged. */
static void
test_flat (void)
{
  g_autoptr (Instance) ab = instance_new (9, 12, FALSE, 0.0);
  g_autoptr (Instance) abu = instance_new (6, 13, TRUE, 0.0);
  g_autoptr (EntenteLandscapeSolution) sol = NULL;
  double sum = 0.0;
  guint k;

  memset (ab->p, 0, 81 * sizeof (double));
  sol = entente_landscape_solve (&ab->problem, NULL, NULL);
  g_assert_cmpuint (sol->minima->len, ==, 256);
  for (k = 0; k < sol->minima->len; k++)
    {
      g_assert_cmpfloat (minimum (sol, k)->basin, ==, 1.0 / 256);
      g_assert_cmpfloat (minimum (sol, k)->energy, ==, 0.0);
      g_assert_cmpuint (minimum (sol, k)->config[0], ==, ENTENTE_BLOC_A);
      if (k > 0)
        g_assert_cmpint (memcmp (minimum (sol, k - 1)->config, minimum (sol, k)->config, 9), <, 0);
    }
  g_clear_pointer (&sol, entente_landscape_solution_free);

  /* With U: 3^6 = 729 configurations, all-U plus 364 mirror pairs. */
  memset (abu->p, 0, 36 * sizeof (double));
  memset (abu->kappa, 0, 6 * sizeof (double));
  sol = entente_landscape_solve (&abu->problem, NULL, NULL);
  g_assert_cmpuint (sol->minima->len, ==, 365);
  for (k = 0; k < sol->minima->len; k++)
    {
      gboolean all_u = memcmp (minimum (sol, k)->config, "\2\2\2\2\2\2", 6) == 0;

      g_assert_cmpfloat_with_epsilon (minimum (sol, k)->basin, (all_u ? 1.0 : 2.0) / 729, 1e-15);
      sum += minimum (sol, k)->basin;
    }
  g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-12);
}

static void
test_not_finite (void)
{
  g_autoptr (Instance) inst = instance_new (6, 10, TRUE, 0.1);
  g_autoptr (EntenteLandscapeSolution) sol = NULL;
  g_autoptr (GError) error = NULL;

  inst->p[1] = inst->p[6] = NAN;
  sol = entente_landscape_solve (&inst->problem, NULL, &error);
  g_assert_null (sol);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_degenerate (void)
{
  g_autoptr (Instance) empty = instance_new (0, 1, TRUE, 0.1);
  g_autoptr (Instance) one = instance_new (1, 1, TRUE, 0.1);
  g_autoptr (EntenteLandscapeSolution) sol = NULL;

  sol = entente_landscape_solve (&empty->problem, NULL, NULL);
  g_assert_cmpuint (sol->minima->len, ==, 1);
  g_assert_cmpfloat (minimum (sol, 0)->basin, ==, 1.0);
  g_clear_pointer (&sol, entente_landscape_solution_free);

  /* One state with a positive alignment cost: U is the only minimum. */
  sol = entente_landscape_solve (&one->problem, NULL, NULL);
  g_assert_cmpuint (sol->minima->len, ==, 1);
  g_assert_cmpuint (minimum (sol, 0)->config[0], ==, ENTENTE_BLOC_U);
  g_assert_cmpuint (sol->current[0], ==, ENTENTE_BLOC_U);
  g_assert_cmpfloat (minimum (sol, 0)->basin, ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entente/landscape/frustrated-triad", test_frustrated_triad);
  g_test_add_func ("/entente/landscape/lyapunov", test_lyapunov);
  g_test_add_func ("/entente/landscape/exact-vs-heuristic", test_exact_vs_heuristic);
  g_test_add_func ("/entente/landscape/determinism", test_determinism);
  g_test_add_func ("/entente/landscape/kernels-agree", test_kernels_agree);
  g_test_add_func ("/entente/landscape/ab-mode", test_ab_mode);
  g_test_add_func ("/entente/landscape/exact-minima", test_exact_minima);
  g_test_add_func ("/entente/landscape/metastable", test_metastable);
  g_test_add_func ("/entente/landscape/cold-start", test_cold_start);
  g_test_add_func ("/entente/landscape/cancellation", test_cancellation);
  g_test_add_func ("/entente/landscape/asymmetric", test_asymmetric);
  g_test_add_func ("/entente/landscape/flat", test_flat);
  g_test_add_func ("/entente/landscape/not-finite", test_not_finite);
  g_test_add_func ("/entente/landscape/degenerate", test_degenerate);
  return g_test_run ();
}
