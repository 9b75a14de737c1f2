/* entente-landscape-walker.c: fields, kernels and single-move descents of the landscape
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-landscape-walker"

#include "config.h"

#include "entente-landscape-private.h"

#include <string.h>

/* The kernels: 128-bit vectors everywhere (SSE2 is part of x86-64, NEON of aarch64), and a
 * 256-bit instance for x86 machines with AVX2, chosen at run time. */
#define KERNEL_LANES   2
#define KERNEL_NAME(x) x##_128
#define KERNEL_ATTR
#if defined (__GNUC__) && defined (__x86_64__)
#define KERNEL_MOVEMASK __builtin_ia32_movmskpd
#endif
#include "entente-landscape-kernels.h"
#undef KERNEL_MOVEMASK
#undef KERNEL_ATTR
#undef KERNEL_NAME
#undef KERNEL_LANES

#if defined (__GNUC__) && defined (__x86_64__)
#define HAVE_AVX2_KERNELS 1
#define KERNEL_LANES   4
#define KERNEL_NAME(x) x##_avx2
#define KERNEL_ATTR    __attribute__ ((target ("avx2")))
#define KERNEL_MOVEMASK __builtin_ia32_movmskpd256
#include "entente-landscape-kernels.h"
#undef KERNEL_MOVEMASK
#undef KERNEL_ATTR
#undef KERNEL_NAME
#undef KERNEL_LANES
#endif

/* The landscape in internal order {{{ */

/* Returns FALSE if a weight is not finite (NaN or infinite inputs, or overflow). */
gboolean
_entente_landscape_init (Landscape                     *ls,
                         const EntenteLandscapeProblem *problem,
                         GCancellable                  *cancellable)
{
  guint n = problem->n;
  guint npad = MAX (PAD, (n + PAD - 1) / PAD * PAD);
  double scale = 0.0, total_abs = 0.0;
  gboolean finite;
  guint a, b, a0, b0;

  ls->n = n;
  ls->npad = npad;
  ls->three = !!problem->allow_unaligned;
  ls->cancellable = cancellable;
  ls->order = g_new (guint, MAX (n, 1));
  for (a = 0; a < n; a++)
    ls->order[a] = problem->rank != NULL ? problem->rank[a] : a;

  ls->wh = g_aligned_alloc0 ((gsize) npad * npad, sizeof (double), 32);
  ls->c = g_aligned_alloc0 (npad, sizeof (double), 32);

  /* wh_ab = ½ s_i s_j p_ij read row by row, then wh_ab + wh_ba on both sides, tile by tile:
   * reading p by columns would miss the cache on every element for large n. */
  for (a = 0; a < n; a++)
    {
      const double *p = problem->propensity + (gsize) ls->order[a] * n;
      double si = 0.5 * problem->size[ls->order[a]];
      double *row = ls->wh + (gsize) a * npad;

      for (b = 0; b < n; b++)
        row[b] = a == b ? 0.0 : si * problem->size[ls->order[b]] * p[ls->order[b]];
    }
  for (a0 = 0; a0 < n; a0 += TILE)
    for (b0 = a0; b0 < n; b0 += TILE)
      for (a = a0; a < MIN (a0 + TILE, n); a++)
        for (b = MAX (b0, a + 1); b < MIN (b0 + TILE, n); b++)
          {
            double v = ls->wh[(gsize) a * npad + b] + ls->wh[(gsize) b * npad + a];

            ls->wh[(gsize) a * npad + b] = ls->wh[(gsize) b * npad + a] = v;
          }

  for (a = 0; a < n; a++)
    {
      const double *row = ls->wh + (gsize) a * npad;
      double sum = 0.0, abs_sum = 0.0;

      for (b = 0; b < n; b++)
        {
          sum += row[b];
          abs_sum += 2.0 * fabs (row[b]);
        }
      ls->c[a] = 2.0 * problem->size[ls->order[a]] * kappa_of (problem, ls->order[a]);
      ls->half_total += 0.5 * sum;
      scale = MAX (scale, abs_sum + fabs (ls->c[a]));
      total_abs += abs_sum + fabs (ls->c[a]);      /* NaN and ∞ survive a sum, not MAX */
    }
  ls->tol = 1e-12 * scale;
  finite = isfinite (total_abs);

  ls->scan = ls->three ? scan3_128 : scan2_128;
  ls->axpy = axpy_128;
  ls->pick = pick_128;
  ls->walk2 = walk2_128;
  ls->walk3 = walk3_128;
#ifdef HAVE_AVX2_KERNELS
  /* ENTENTE_LANDSCAPE_NO_AVX2 lets the tests check that both kernels agree bit for bit. */
  if (__builtin_cpu_supports ("avx2") && g_getenv ("ENTENTE_LANDSCAPE_NO_AVX2") == NULL)
    {
      ls->scan = ls->three ? scan3_avx2 : scan2_avx2;
      ls->axpy = axpy_avx2;
      ls->pick = pick_avx2;
      ls->walk2 = walk2_avx2;
      ls->walk3 = walk3_avx2;
    }
#endif

  return finite;
}

void
_entente_landscape_clear (Landscape *ls)
{
  g_clear_pointer (&ls->order, g_free);
  g_clear_pointer (&ls->wh, g_aligned_free);
  g_clear_pointer (&ls->c, g_aligned_free);
}

/* Internal-order configuration → canonical, original-order configuration. */
void
_entente_landscape_canonical_out (const Landscape *ls,
                                  const guint8    *x,
                                  guint8          *out)
{
  gboolean swap = FALSE;
  guint k;

  for (k = 0; k < ls->n; k++)
    if (x[k] != ENTENTE_BLOC_U)
      {
        swap = x[k] == ENTENTE_BLOC_B;
        break;
      }
  for (k = 0; k < ls->n; k++)
    {
      guint8 v = x[k];

      if (swap && v != ENTENTE_BLOC_U)
        v = v == ENTENTE_BLOC_A ? ENTENTE_BLOC_B : ENTENTE_BLOC_A;
      out[ls->order[k]] = v;
    }
}

/* }}} */

/* The walker: fields and best moves of one configuration {{{ */

void
_entente_landscape_walker_init (Walker          *wk,
                                const Landscape *ls)
{
  wk->x = g_new0 (guint8, MAX (ls->n, 1));
  wk->sig = g_aligned_alloc0 (ls->npad, sizeof (double), 32);
  wk->al = g_aligned_alloc0 (ls->npad, sizeof (double), 32);
  wk->h = g_aligned_alloc0 (ls->npad, sizeof (double), 32);
  wk->q = g_aligned_alloc0 (ls->npad, sizeof (double), 32);
}

void
_entente_landscape_walker_clear (Walker *wk)
{
  g_clear_pointer (&wk->x, g_free);
  g_clear_pointer (&wk->sig, g_aligned_free);
  g_clear_pointer (&wk->al, g_aligned_free);
  g_clear_pointer (&wk->h, g_aligned_free);
  g_clear_pointer (&wk->q, g_aligned_free);
}

/* Recomputes the fields of the configuration in wk->x from scratch; returns min q. */
double
_entente_landscape_walker_refresh (const Landscape *ls,
                                   Walker          *wk)
{
  guint j;

  memset (wk->h, 0, ls->npad * sizeof (double));
  for (j = 0; j < ls->n; j++)
    {
      wk->sig[j] = sigma_of[wk->x[j]];
      wk->al[j] = wk->x[j] != ENTENTE_BLOC_U ? 1.0 : 0.0;
    }
  for (j = 0; j < ls->n; j++)
    if (wk->x[j] != ENTENTE_BLOC_U)
      ls->axpy (wk->h, ls->wh + (gsize) j * ls->npad, wk->sig[j], ls->npad);
  return ls->scan (ls, wk, ls->wh, 0.0);
}

double
_entente_landscape_walker_move (const Landscape *ls,
                                Walker          *wk,
                                guint            i,
                                guint8           b)
{
  double dsig = sigma_of[b] - sigma_of[wk->x[i]];

  wk->x[i] = b;
  wk->sig[i] = sigma_of[b];
  wk->al[i] = b != ENTENTE_BLOC_U ? 1.0 : 0.0;
  return ls->scan (ls, wk, ls->wh + (gsize) i * ls->npad, dsig);
}

/* The steepest move's state: the first, in rank order, within tol/2 of the best. */
guint
_entente_landscape_walker_pick (const Landscape *ls,
                                const Walker    *wk,
                                double           m)
{
  guint k = ls->pick (wk->q, m + 0.5 * ls->tol, ls->npad);

  g_assert (k < ls->n);
  return k;
}

/* E of the walker's configuration from its fields, in O(n):
 * E = ½ Σ_ij wh_ij + Σ_i al_i c_i − ½ Σ_i σ_i H_i. */
double
_entente_landscape_walker_energy (const Landscape *ls,
                                  const Walker    *wk)
{
  double aligned = 0.0, field = 0.0;
  guint k;

  for (k = 0; k < ls->n; k++)
    {
      aligned += wk->al[k] * ls->c[k];
      field += wk->sig[k] * wk->h[k];
    }
  return ls->half_total + aligned - 0.5 * field;
}

/* Steepest single-move descent from the walker's configuration; m is its current min q.
 * Returns FALSE when cancelled. */
gboolean
_entente_landscape_walker_descend (const Landscape *ls,
                                   Walker          *wk,
                                   double           m)
{
  guint64 steps = 0;

  while (m < -ls->tol)
    {
      guint i = _entente_landscape_walker_pick (ls, wk, m);

      m = _entente_landscape_walker_move (ls, wk, i, walker_target (ls, wk, i));
      if ((++steps & DESCENT_CHECK) == 0 && g_cancellable_is_cancelled (ls->cancellable))
        return FALSE;
    }
  return TRUE;
}

/* Unplaced states (U in @unplaced) take a bloc one at a time in rank order, each the better
 * bloc given those already placed (ties: the first aligned state's bloc, or A). */
static double
walker_seat (const Landscape *ls,
             Walker          *wk,
             const guint8    *unplaced)
{
  double m = _entente_landscape_walker_refresh (ls, wk);
  double half = 0.5 * ls->tol;
  guint k;

  for (k = 0; k < ls->n; k++)
    {
      guint8 b;

      if (!unplaced[k])
        continue;
      if (wk->h[k] > half)
        b = ENTENTE_BLOC_A;
      else if (wk->h[k] < -half)
        b = ENTENTE_BLOC_B;
      else
        b = first_aligned_bloc (ls, wk->x);
      m = _entente_landscape_walker_move (ls, wk, k, b);
    }
  return m;
}

/* The path-dependent configuration: warm start and descent (model-theory.md §6.5 step 1). */
gboolean
_entente_landscape_walker_warm_start (const Landscape               *ls,
                                      Walker                        *wk,
                                      const EntenteLandscapeProblem *problem)
{
  g_autofree guint8 *unplaced = g_new0 (guint8, MAX (ls->n, 1));
  gboolean any_aligned = FALSE;
  double m;
  guint k;

  for (k = 0; k < ls->n; k++)
    {
      wk->x[k] = problem->previous != NULL ? clamp_bloc (problem->previous[ls->order[k]])
                                           : ENTENTE_BLOC_U;
      any_aligned |= wk->x[k] != ENTENTE_BLOC_U;
    }
  for (k = 0; k < ls->n; k++)
    unplaced[k] = wk->x[k] == ENTENTE_BLOC_U && (!ls->three || !any_aligned);

  m = walker_seat (ls, wk, unplaced);
  return _entente_landscape_walker_descend (ls, wk, m);
}

void
_entente_landscape_walker_copy (const Landscape *ls,
                                Walker          *dst,
                                const Walker    *src)
{
  memcpy (dst->x, src->x, ls->n);
  memcpy (dst->sig, src->sig, ls->npad * sizeof (double));
  memcpy (dst->al, src->al, ls->npad * sizeof (double));
  memcpy (dst->h, src->h, ls->npad * sizeof (double));
  memcpy (dst->q, src->q, ls->npad * sizeof (double));
}

/* }}} */
