/* entente-landscape.c: Axelrod–Bennett landscape energy and its minima
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-landscape"

#include "config.h"

#include "entente-landscape.h"
#include "entente-landscape-private.h"

#include <math.h>
#include <string.h>

/* Energy and frustration {{{ */

/**
 * entente_landscape_problem_init_defaults:
 * @problem: the problem to reset
 *
 * Clears @problem and sets the defaults of model-theory.md §1.5: exact enumeration up to 12
 * states with U and 20 in AB mode, 64 restarts, seed 0x5EED, U allowed.
 */
void
entente_landscape_problem_init_defaults (EntenteLandscapeProblem *problem)
{
  g_return_if_fail (problem != NULL);

  *problem = (EntenteLandscapeProblem) {
    .allow_unaligned = TRUE,
    .exact_max_n3 = 12,
    .exact_max_n2 = 20,
    .restarts = 64,
    .seed = 0x5EED,
  };
}

/**
 * entente_landscape_energy:
 * @problem: the problem
 * @config: (array): n positions
 *
 * Returns: E(@config) = Σ_{i<j} 2 s_i s_j p_ij d(x_i, x_j) + 2 Σ_i s_i κ_i [x_i ≠ U], with p
 *   symmetrised as (p_ij + p_ji)/2 and κ ignored in AB mode. Positions above U count as U.
 */
double
entente_landscape_energy (const EntenteLandscapeProblem *problem,
                          const guint8                  *config)
{
  double energy = 0.0;
  guint i, j;

  g_return_val_if_fail (problem != NULL, 0.0);
  g_return_val_if_fail (problem->n == 0 || config != NULL, 0.0);

  /* Σ_{i<j} s_i s_j (p_ij + p_ji) d_ij = Σ_{i≠j} s_i s_j p_ij d_ij: rows only, cache-friendly. */
  for (i = 0; i < problem->n; i++)
    {
      const double *p = problem->propensity + (gsize) i * problem->n;
      const double *dist = distance[clamp_bloc (config[i])];
      double row = 0.0;

      for (j = 0; j < problem->n; j++)
        if (j != i)
          row += problem->size[j] * p[j] * dist[clamp_bloc (config[j])];
      energy += problem->size[i] * row;
      if (config[i] < ENTENTE_BLOC_U)
        energy += 2.0 * problem->size[i] * kappa_of (problem, i);
    }

  return energy;
}

/**
 * entente_landscape_frustration:
 * @problem: the problem
 * @config: (array): n positions
 * @i: a state index
 *
 * Returns: F_i(@config) = Σ_{j≠i} s_j p_ij d(x_i, x_j) + κ_i [x_i ≠ U]. A move of state i alone
 *   changes the energy by exactly 2 s_i ΔF_i.
 */
double
entente_landscape_frustration (const EntenteLandscapeProblem *problem,
                               const guint8                  *config,
                               guint                          i)
{
  double f = 0.0;
  guint8 xi;
  guint j;

  g_return_val_if_fail (problem != NULL, 0.0);
  g_return_val_if_fail (config != NULL, 0.0);
  g_return_val_if_fail (i < problem->n, 0.0);

  xi = clamp_bloc (config[i]);
  for (j = 0; j < problem->n; j++)
    if (j != i)
      f += problem->size[j] * sym_propensity (problem, i, j) *
           distance[xi][clamp_bloc (config[j])];
  if (xi != ENTENTE_BLOC_U)
    f += kappa_of (problem, i);

  return f;
}

/* }}} */

static gboolean
valid_rank (const EntenteLandscapeProblem *problem)
{
  g_autofree guint8 *seen = NULL;
  guint k;

  if (problem->rank == NULL)
    return TRUE;
  seen = g_new0 (guint8, problem->n);
  for (k = 0; k < problem->n; k++)
    {
      if (problem->rank[k] >= problem->n || seen[problem->rank[k]])
        return FALSE;
      seen[problem->rank[k]] = 1;
    }
  return TRUE;
}

/* Collecting minima {{{ */

guint
_entente_landscape_found_add (GHashTable *index,
                              GArray     *found,
                              guint8     *canonical,
                              guint       n,
                              guint64     count,
                              double      energy)
{
  g_autoptr (GBytes) key = g_bytes_new (canonical, n);
  gpointer slot;

  if (g_hash_table_lookup_extended (index, key, NULL, &slot))
    {
      Found *f = &g_array_index (found, Found, GPOINTER_TO_UINT (slot));

      f->count += count;
      return GPOINTER_TO_UINT (slot);
    }
  else
    {
      Found f = {
        .config = g_memdup2 (canonical, MAX (n, 1)),
        .energy = energy,
        .count = count,
      };

      g_array_append_val (found, f);
      g_hash_table_insert (index, g_bytes_ref (key), GUINT_TO_POINTER (found->len - 1));
      return found->len - 1;
    }
}

typedef struct
{
  GArray *found;
  guint   n;
  double  tol;
} SortData;

static int
compare_found (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortData *sd = user_data;
  const Found *fa = &g_array_index (sd->found, Found, *(const guint *) a);
  const Found *fb = &g_array_index (sd->found, Found, *(const guint *) b);

  if (fa->energy < fb->energy - sd->tol)
    return -1;
  if (fa->energy > fb->energy + sd->tol)
    return 1;
  return memcmp (fa->config, fb->config, sd->n);
}

/* Every F_i in one row-major pass (entente_landscape_frustration() per state would read p
 * column-wise, slow for large n). */
static double *
frustration_all (const EntenteLandscapeProblem *problem,
                 const guint8                  *config)
{
  double *f = g_new0 (double, MAX (problem->n, 1));
  guint i, j;

  for (i = 0; i < problem->n; i++)
    {
      const double *p = problem->propensity + (gsize) i * problem->n;
      const double *dist = distance[clamp_bloc (config[i])];

      for (j = 0; j < problem->n; j++)
        if (j != i)
          {
            double term = 0.5 * p[j] * dist[clamp_bloc (config[j])];

            f[i] += problem->size[j] * term;
            f[j] += problem->size[i] * term;
          }
      if (config[i] < ENTENTE_BLOC_U)
        f[i] += kappa_of (problem, i);
    }
  return f;
}

/* Builds the solution from the collected minima and the walker's current configuration. */
static EntenteLandscapeSolution *
solution_build (const Landscape               *ls,
                const EntenteLandscapeProblem *problem,
                GHashTable                    *index,
                GArray                        *found,
                const Walker                  *current,
                gboolean                       exact,
                guint64                        total)
{
  EntenteLandscapeSolution *sol = g_new0 (EntenteLandscapeSolution, 1);
  g_autofree guint8 *canon = g_new0 (guint8, MAX (ls->n, 1));
  g_autofree guint *perm = NULL;
  g_autofree guint *where = NULL;
  SortData sd = { found, ls->n, ls->tol };
  guint cur, k;

  sol->exact = exact;
  sol->n = ls->n;
  sol->current = g_new0 (guint8, MAX (ls->n, 1));
  for (k = 0; k < ls->n; k++)
    sol->current[ls->order[k]] = current->x[k];
  sol->current_energy = entente_landscape_energy (problem, sol->current);
  sol->frustration = frustration_all (problem, sol->current);

  _entente_landscape_canonical_out (ls, current->x, canon);
  cur = _entente_landscape_found_add (index, found, canon, ls->n, 0, sol->current_energy);

  perm = g_new (guint, found->len);
  where = g_new (guint, found->len);
  for (k = 0; k < found->len; k++)
    perm[k] = k;
  g_qsort_with_data (perm, found->len, sizeof (guint), compare_found, &sd);

  sol->minima = g_array_sized_new (FALSE, FALSE, sizeof (EntenteLandscapeMinimum), found->len);
  for (k = 0; k < found->len; k++)
    {
      Found *f = &g_array_index (found, Found, perm[k]);
      EntenteLandscapeMinimum min = {
        .energy = f->energy,
        .basin = total > 0 ? (double) f->count / (double) total : 0.0,
        .config = g_steal_pointer (&f->config),
      };

      g_array_append_val (sol->minima, min);
      where[perm[k]] = k;
    }
  sol->current_minimum = (int) where[cur];
  sol->metastable = g_array_index (sol->minima, EntenteLandscapeMinimum, 0).energy <
                    sol->current_energy - METASTABLE_TOL;
  return sol;
}

static void
found_clear (gpointer data)
{
  Found *f = data;

  g_clear_pointer (&f->config, g_free);
}

/* }}} */

/* Heuristic search {{{ */

static inline guint64
xorshift64star (guint64 *state)
{
  guint64 x = *state;

  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *state = x;
  return x * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D);
}

static guint64
seed_state (guint64 seed)
{
  /* splitmix64 spreads nearby seeds; xorshift needs a non-zero state. */
  guint64 z = seed + G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  z ^= z >> 31;
  return z != 0 ? z : G_GUINT64_CONSTANT (0x5EED);
}

static inline guint
random_below (guint64 *rng,
              guint    bound)
{
  return (guint) (((xorshift64star (rng) >> 32) * bound) >> 32);
}

/* Refinement (model-theory.md §6.5 step 3), iterated local search: a kick sends a few random
 * states of the best minimum to random positions, then descends; a deeper minimum replaces
 * the best and joins the list with basin 0 (no random start reached it). */
static gboolean
refine (const Landscape *ls,
        GHashTable      *index,
        GArray          *found,
        guint64         *rng,
        Walker          *best,
        guint            kicks)
{
  g_autofree guint8 *canon = g_new0 (guint8, ls->n);
  guint levels = ls->three ? 3 : 2;
  guint strength = CLAMP (ls->n / KICK_FRACTION, 2, ls->n);
  double best_e = _entente_landscape_walker_energy (ls, best);
  gboolean ok = TRUE;
  Walker wk;
  guint r, k;

  _entente_landscape_walker_init (&wk, ls);
  for (r = 0; r < kicks && ok; r++)
    {
      double m = 0.0, e;

      _entente_landscape_walker_copy (ls, &wk, best);
      for (k = 0; k < strength; k++)
        {
          guint i = random_below (rng, ls->n);
          guint8 b = (guint8) random_below (rng, levels);

          if (b != wk.x[i])
            m = _entente_landscape_walker_move (ls, &wk, i, b);
        }
      ok = _entente_landscape_walker_descend (ls, &wk, m) &&
           !g_cancellable_is_cancelled (ls->cancellable);
      e = _entente_landscape_walker_energy (ls, &wk);
      if (ok && e < best_e - ls->tol)
        {
          _entente_landscape_walker_copy (ls, best, &wk);
          _entente_landscape_walker_refresh (ls, best);
          best_e = _entente_landscape_walker_energy (ls, best);
          _entente_landscape_canonical_out (ls, best->x, canon);
          _entente_landscape_found_add (index, found, canon, ls->n, 0, best_e);
        }
    }
  _entente_landscape_walker_clear (&wk);
  return ok;
}

static gboolean
solve_heuristic (const Landscape               *ls,
                 const EntenteLandscapeProblem *problem,
                 GHashTable                    *index,
                 GArray                        *found,
                 guint64                       *total)
{
  g_autofree guint8 *canon = g_new0 (guint8, ls->n);
  guint64 rng = seed_state (problem->seed);
  guint levels = ls->three ? 3 : 2;
  double best_e = G_MAXDOUBLE;
  gboolean ok = TRUE;
  Walker wk, best;
  guint r, k;

  _entente_landscape_walker_init (&wk, ls);
  _entente_landscape_walker_init (&best, ls);
  for (r = 0; r < problem->restarts && ok; r++)
    {
      double m, e;

      for (k = 0; k < ls->n; k++)
        wk.x[k] = (guint8) random_below (&rng, levels);
      m = _entente_landscape_walker_refresh (ls, &wk);
      ok = _entente_landscape_walker_descend (ls, &wk, m) &&
           !g_cancellable_is_cancelled (ls->cancellable);
      if (!ok)
        break;
      e = _entente_landscape_walker_energy (ls, &wk);
      _entente_landscape_canonical_out (ls, wk.x, canon);
      _entente_landscape_found_add (index, found, canon, ls->n, 1, e);
      if (e < best_e - ls->tol)
        {
          best_e = e;
          _entente_landscape_walker_copy (ls, &best, &wk);
        }
    }
  if (ok && problem->restarts > 0 && ls->n > 0)
    ok = refine (ls, index, found, &rng, &best, KICKS (problem->restarts));
  _entente_landscape_walker_clear (&wk);
  _entente_landscape_walker_clear (&best);
  *total = problem->restarts;
  return ok;
}

/* }}} */

/**
 * entente_landscape_solve:
 * @problem: the problem; its arrays are only read during the call
 * @cancellable: (nullable): checked every few thousand steps
 * @error: return location for an error
 *
 * Finds the landscape's local minima (all of them, with exact basins, when n ≤ exact_max_n3,
 * or n ≤ exact_max_n2 in AB mode, capped at 14 and 24; otherwise the distinct minima reached
 * from @problem->restarts seeded random starts, with basin = share of those starts, plus any
 * deeper minimum that as many perturb-and-descend kicks from the best one find, with basin 0)
 * and the path-dependent current configuration: @problem->previous, then steepest single-move
 * descent.
 *
 * Cold start: if @previous is NULL, or has no aligned state, the states take sides one at a time
 * in rank order, each joining the bloc that suits it best given the states already placed (the
 * first one joins A), and the descent then lets any of them leave for U. In AB mode, states that
 * @previous puts in U are seated the same way. The current configuration keeps the labels of
 * @previous (it is not canonicalised); its minimum, canonicalised, is always in the list (with
 * basin 0 if no random start reached it).
 *
 * Returns: (transfer full) (nullable): the solution, or NULL with G_IO_ERROR_CANCELLED, or
 *   G_IO_ERROR_INVALID_ARGUMENT for NaN or infinite inputs
 */
EntenteLandscapeSolution *
entente_landscape_solve (const EntenteLandscapeProblem  *problem,
                         GCancellable                   *cancellable,
                         GError                        **error)
{
  g_autoptr (GHashTable) index = NULL;
  g_autoptr (GArray) found = NULL;
  EntenteLandscapeSolution *sol = NULL;
  Landscape ls = { 0 };
  Walker current;
  guint64 total = 0;
  gboolean exact, ok;
  guint n;

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (problem->n == 0 || (problem->size != NULL &&
                                            problem->propensity != NULL), NULL);
  g_return_val_if_fail (valid_rank (problem), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = problem->n;
  exact = problem->allow_unaligned ? n <= MIN (problem->exact_max_n3, EXACT_CAP_N3)
                                   : n <= MIN (problem->exact_max_n2, EXACT_CAP_N2);

  if (!_entente_landscape_init (&ls, problem, cancellable))
    {
      _entente_landscape_clear (&ls);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "Landscape sizes, propensities or alignment costs are not finite");
      return NULL;
    }
  index = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                 (GDestroyNotify) g_bytes_unref, NULL);
  found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_array_set_clear_func (found, found_clear);
  _entente_landscape_walker_init (&current, &ls);

  ok = _entente_landscape_walker_warm_start (&ls, &current, problem);
  if (ok && n == 0)
    total = 1;
  else if (ok && exact)
    ok = _entente_landscape_solve_exact (&ls, problem, index, found, &total);
  else if (ok)
    ok = solve_heuristic (&ls, problem, index, found, &total);

  if (ok && !g_cancellable_is_cancelled (cancellable))
    sol = solution_build (&ls, problem, index, found, &current, exact, total);
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                         "Landscape search cancelled");

  if (sol != NULL && n == 0)
    g_array_index (sol->minima, EntenteLandscapeMinimum, 0).basin = 1.0;

  _entente_landscape_walker_clear (&current);
  _entente_landscape_clear (&ls);
  return sol;
}

/**
 * entente_landscape_solution_free:
 * @solution: (nullable): a solution
 *
 * Frees @solution and everything it holds.
 */
void
entente_landscape_solution_free (EntenteLandscapeSolution *solution)
{
  guint k;

  if (solution == NULL)
    return;
  if (solution->minima != NULL)
    {
      for (k = 0; k < solution->minima->len; k++)
        g_free (g_array_index (solution->minima, EntenteLandscapeMinimum, k).config);
      g_array_unref (solution->minima);
    }
  g_free (solution->current);
  g_free (solution->frustration);
  g_free (solution);
}
