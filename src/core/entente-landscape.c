/* entente-landscape.c: Axelrod–Bennett landscape energy and its minima
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-landscape"

#include "config.h"

#include "entente-landscape.h"

#include <math.h>
#include <string.h>

/*
 * How the search works (model-theory.md §6.2–§6.5).
 *
 * With w_ij = s_i s_j (p_ij + p_ji) (= 2 s_i s_j p_ij for a symmetric p) and c_i = 2 s_i κ_i,
 *
 *   E(x) = Σ_{i<j} w_ij d(x_i, x_j) + Σ_i c_i [x_i ≠ U].
 *
 * Because d(U, ·) = 1/2, the local cost of state i in each position needs a single field
 * H_i = ½ Σ_j w_ij σ_j with σ(A) = +1, σ(B) = −1, σ(U) = 0. Up to a term that does not depend
 * on x_i, the costs are
 *
 *   G_i(A) = c_i − H_i,   G_i(B) = c_i + H_i,   G_i(U) = 0,
 *
 * and a unilateral move changes E by exactly the difference of two of them (= 2 s_i ΔF_i).
 * Moving state j changes every H_i by ½ w_ij Δσ_j, so each step of a descent or of a Gray-code
 * walk costs O(n): one vectorised pass updates the fields and computes, per state, its best
 * improvement q_i = min_b G_i(b) − G_i(x_i) ≤ 0 and the overall minimum.
 *
 * Moves, ties and minima use one absolute tolerance, 1e-12 times the largest Σ_j |w_ij| + |c_i|:
 * a configuration is a local minimum when no q_i is below −tol; the steepest move is the first
 * state, in rank order, whose q_i is within tol/2 of the smallest. The tie window being half the
 * move threshold keeps every step a strict decrease of E, so descents and the exact successor
 * graph cannot cycle. A state's own target ties go, in a way that commutes with the A↔B swap
 * (so basins of a minimum and of its mirror image are equal): an aligned state prefers U over
 * the other bloc; an unaligned state joins the bloc of the first aligned state in rank order
 * (A if there is none).
 *
 * Internally states are renumbered in rank order, so "first in rank order" is "lowest index".
 */

/* Field arrays are aligned to 32 bytes and padded with zeros to PAD doubles, for the kernels. */
#define PAD   4

/* Exact enumeration keeps one byte (the steepest move) per configuration: cap the sizes
 * whatever the caller asks (3^14 and 2^23 configurations, 4.6 and 8 MiB, four times that
 * transiently if a landscape has more than 126 minima). */
#define EXACT_CAP_N3     14
#define EXACT_CAP_N2     24
#define MOVE_MINIMUM     0xFFu     /* a local minimum, not yet numbered */
#define MOVE_TAG         0x80u     /* MOVE_TAG | k: resolved, descends to minimum k */
#define MOVE_TAG_MAX     126u
#define MINIMUM_TAG      0x80000000u
#define REFRESH_MASK     4095u     /* fields recomputed from scratch every 4096 walk steps */
#define DESCENT_CHECK    255u      /* cancellation checked every 256 descent steps */
#define METASTABLE_TOL   1e-9
#define TILE             16
#define KICK_FRACTION    8         /* a kick moves n/8 random states (at least 2) */
#define KICKS(restarts)  (restarts) /* as many kicks as random starts */

static const double distance[3][3] = {
  { 0.0, 1.0, 0.5 },
  { 1.0, 0.0, 0.5 },
  { 0.5, 0.5, 0.5 },
};

static const double sigma_of[3] = { 1.0, -1.0, 0.0 };

typedef struct _Landscape Landscape;
typedef struct _Walker Walker;

typedef double (*ScanFunc) (const Landscape *ls,
                            Walker          *wk,
                            const double    *row,
                            double           dsig);
typedef void   (*AxpyFunc) (double          *h,
                            const double    *row,
                            double           s,
                            guint            npad);
typedef guint  (*PickFunc) (const double    *q,
                            double           limit,
                            guint            npad);
/* The state of a reflected ternary Gray code: counter[] counts in base 3 (its lowest non-2
 * digit is the one to move), dir[] is each digit's direction. */
typedef struct
{
  guint8          counter[EXACT_CAP_N3 + 1];
  gint8           dir[EXACT_CAP_N3 + 1];
  guint32         idx;
  guint64         size;
  const guint32  *pow3;
} Gray3;

typedef void   (*Walk3Func) (const Landscape *ls,
                             Walker          *wk,
                             guint8          *moves,
                             GArray          *minima,
                             guint64          t0,
                             guint64          t1,
                             Gray3           *g,
                             double          *m_io);
typedef void   (*Walk2Func) (const Landscape *ls,
                             Walker          *wk,
                             guint8          *moves,
                             GArray          *minima,
                             guint64          t0,
                             guint64          t1,
                             guint32         *idx_io,
                             double          *m_io);

struct _Landscape
{
  guint         n;
  guint         npad;       /* n rounded up to PAD */
  gboolean      three;      /* U allowed */
  guint        *order;      /* internal index -> state index (rank order) */
  double       *wh;         /* npad × npad, ½ w in internal order, zero diagonal and padding */
  double       *c;          /* npad, c_i (0 in AB mode) */
  double        half_total; /* ½ Σ_ij wh_ij, for energies from fields */
  double        tol;
  ScanFunc      scan;       /* the kernels for this mode and this machine */
  AxpyFunc      axpy;
  PickFunc      pick;
  Walk2Func     walk2;
  Walk3Func     walk3;
  GCancellable *cancellable;
};

struct _Walker
{
  guint8 *x;                /* n positions, internal order */
  double *sig;              /* npad, σ_i */
  double *al;               /* npad, [x_i ≠ U] */
  double *h;                /* npad, H_i */
  double *q;                /* npad, best improvement of each state (≤ 0) */
};

static guint8
first_aligned_bloc (const Landscape *ls,
                    const guint8    *x)
{
  guint k;

  for (k = 0; k < ls->n; k++)
    if (x[k] != ENTENTE_BLOC_U)
      return x[k];
  return ENTENTE_BLOC_A;
}

/* Where state i goes on its best move (it has one, q_i < −tol). Written to compile to
 * conditional moves: the exact walk with U calls it for nearly every configuration. */
static inline guint8
walker_target (const Landscape *ls,
               const Walker    *wk,
               guint            i)
{
  double h = wk->h[i];
  double half = 0.5 * ls->tol;
  guint8 x = wk->x[i];
  /* Aligned: the other bloc costs c + σ(x) H; U (cost 0) wins ties. */
  double co = ls->c[i] + sigma_of[x] * h;
  guint8 from_bloc = ls->three && co + half >= 0.0 ? ENTENTE_BLOC_U : x ^ 1;
  /* Unaligned: A costs c − H, B costs c + H; a tie joins the first aligned state's bloc. */
  guint8 from_u = h > 0.0 ? ENTENTE_BLOC_A : ENTENTE_BLOC_B;

  if (x != ENTENTE_BLOC_U)
    return from_bloc;
  if (fabs (2.0 * h) <= half)
    return first_aligned_bloc (ls, wk->x);
  return from_u;
}

/* With U, a move of state i from position a to b is stored as 4 i + code (b − a), the four
 * differences −2, −1, 1, 2 coded 0 … 3: the successor index is then idx + (b − a) 3^i, with no
 * division. */
static inline guint8
move3_encode (guint  i,
              guint8 from,
              guint8 to)
{
  int delta = (int) to - (int) from;

  return (guint8) (4 * i + (guint) (delta + 2 - (delta > 0)));
}

static inline int
move3_delta (guint8 move)
{
  int code = move & 3;

  return code - 2 + (code >= 2);
}

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

typedef struct
{
  guint8 *config;           /* canonical, original order */
  double  energy;
  guint64 count;
} Found;

/* Energy and frustration {{{ */

static inline guint8
clamp_bloc (guint8 b)
{
  return b > ENTENTE_BLOC_U ? ENTENTE_BLOC_U : b;
}

static inline double
sym_propensity (const EntenteLandscapeProblem *problem,
                guint                          i,
                guint                          j)
{
  return 0.5 * (problem->propensity[(gsize) i * problem->n + j] +
                problem->propensity[(gsize) j * problem->n + i]);
}

static inline double
kappa_of (const EntenteLandscapeProblem *problem,
          guint                          i)
{
  return problem->allow_unaligned && problem->kappa != NULL ? problem->kappa[i] : 0.0;
}

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

/* The landscape in internal order {{{ */

/* Returns FALSE if a weight is not finite (NaN or infinite inputs, or overflow). */
static gboolean
landscape_init (Landscape                     *ls,
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

static void
landscape_clear (Landscape *ls)
{
  g_clear_pointer (&ls->order, g_free);
  g_clear_pointer (&ls->wh, g_aligned_free);
  g_clear_pointer (&ls->c, g_aligned_free);
}

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

/* Internal-order configuration → canonical, original-order configuration. */
static void
canonical_out (const Landscape *ls,
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

static void
walker_init (Walker          *wk,
             const Landscape *ls)
{
  wk->x = g_new0 (guint8, MAX (ls->n, 1));
  wk->sig = g_aligned_alloc0 (ls->npad, sizeof (double), 32);
  wk->al = g_aligned_alloc0 (ls->npad, sizeof (double), 32);
  wk->h = g_aligned_alloc0 (ls->npad, sizeof (double), 32);
  wk->q = g_aligned_alloc0 (ls->npad, sizeof (double), 32);
}

static void
walker_clear (Walker *wk)
{
  g_clear_pointer (&wk->x, g_free);
  g_clear_pointer (&wk->sig, g_aligned_free);
  g_clear_pointer (&wk->al, g_aligned_free);
  g_clear_pointer (&wk->h, g_aligned_free);
  g_clear_pointer (&wk->q, g_aligned_free);
}

/* Recomputes the fields of the configuration in wk->x from scratch; returns min q. */
static double
walker_refresh (const Landscape *ls,
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

static double
walker_move (const Landscape *ls,
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
static inline guint
walker_pick (const Landscape *ls,
             const Walker    *wk,
             double           m)
{
  guint k = ls->pick (wk->q, m + 0.5 * ls->tol, ls->npad);

  g_assert (k < ls->n);
  return k;
}

/* E of the walker's configuration from its fields, in O(n):
 * E = ½ Σ_ij wh_ij + Σ_i al_i c_i − ½ Σ_i σ_i H_i. */
static double
walker_energy (const Landscape *ls,
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
static gboolean
walker_descend (const Landscape *ls,
                Walker          *wk,
                double           m)
{
  guint64 steps = 0;

  while (m < -ls->tol)
    {
      guint i = walker_pick (ls, wk, m);

      m = walker_move (ls, wk, i, walker_target (ls, wk, i));
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
  double m = walker_refresh (ls, wk);
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
      m = walker_move (ls, wk, k, b);
    }
  return m;
}

/* The path-dependent configuration: warm start and descent (model-theory.md §6.5 step 1). */
static gboolean
walker_warm_start (const Landscape               *ls,
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
  return walker_descend (ls, wk, m);
}

/* }}} */

/* Collecting minima {{{ */

static guint
found_add (GHashTable *index,
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

  canonical_out (ls, current->x, canon);
  cur = found_add (index, found, canon, ls->n, 0, sol->current_energy);

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

/* Exact enumeration {{{ */

/* The configuration space of the exact search and its move encoding. AB mode: index bit k−1 is
 * state k in B (state 0 stays in A); move i switches state i, and move 0 is followed by the
 * mirror swap, i.e. every other state switches. With U: index Σ x_k 3^k; moves are coded by
 * move3_encode (). */
typedef struct
{
  gboolean three;
  guint64  size;
  guint32  all;                    /* AB: the mask of every index bit */
  guint32  pow3[EXACT_CAP_N3 + 1];
} Space;

static void
space_init (Space           *sp,
            const Landscape *ls)
{
  guint k;

  *sp = (Space) { .three = ls->three };
  if (sp->three)
    {
      sp->size = 1;
      for (k = 0; k < ls->n; k++)
        {
          sp->pow3[k] = (guint32) sp->size;
          sp->size *= 3;
        }
    }
  else
    {
      sp->size = G_GUINT64_CONSTANT (1) << (ls->n - 1);
      sp->all = (guint32) (sp->size - 1);
    }
}

static inline guint32
space_next (const Space *sp,
            guint32      idx,
            guint8       move)
{
  if (sp->three)
    return idx + (guint32) (move3_delta (move) * (gint32) sp->pow3[move >> 2]);
  return move == 0 ? idx ^ sp->all : idx ^ (1u << (move - 1));
}

/* Follows every configuration's chain of steepest moves to its minimum, with path compression,
 * and counts basins. Minima carry MOVE_TAG | k already. One byte per configuration keeps the
 * random accesses of the chains in cache. */
static gboolean
resolve_moves (const Landscape *ls,
               const Space     *sp,
               guint8          *moves,
               guint64         *counts)
{
  guint64 idx;

  for (idx = 0; idx < sp->size; idx++)
    {
      guint32 r = (guint32) idx;
      guint8 b = moves[r], tag;

      /* Chains jump around the array: start fetching a later configuration's successor. */
      if (idx + 16 < sp->size && !(moves[idx + 16] & MOVE_TAG))
        __builtin_prefetch (&moves[space_next (sp, (guint32) idx + 16, moves[idx + 16])]);
      while (!(b & MOVE_TAG))
        {
          r = space_next (sp, r, b);
          b = moves[r];
        }
      tag = b;
      r = (guint32) idx;
      b = moves[r];
      while (!(b & MOVE_TAG))
        {
          moves[r] = tag;
          r = space_next (sp, r, b);
          b = moves[r];
        }
      counts[tag & ~MOVE_TAG]++;
      if ((idx & 0xffff) == 0 && g_cancellable_is_cancelled (ls->cancellable))
        return FALSE;
    }
  return TRUE;
}

/* The same with 32-bit successors, for landscapes with too many minima to number in a byte. */
static gboolean
resolve_successors (const Landscape *ls,
                    const Space     *sp,
                    const guint8    *moves,
                    GArray          *minima,
                    guint64         *counts)
{
  g_autofree guint32 *succ = g_new (guint32, sp->size);
  guint64 idx;
  guint k;

  for (idx = 0; idx < sp->size; idx++)
    succ[idx] = moves[idx] == MOVE_MINIMUM ? 0 : space_next (sp, (guint32) idx, moves[idx]);
  for (k = 0; k < minima->len; k++)
    succ[g_array_index (minima, guint32, k)] = MINIMUM_TAG | k;

  for (idx = 0; idx < sp->size; idx++)
    {
      guint32 r = (guint32) idx;
      guint32 tag;

      while (!(succ[r] & MINIMUM_TAG))
        r = succ[r];
      tag = succ[r];
      r = (guint32) idx;
      while (!(succ[r] & MINIMUM_TAG))
        {
          guint32 next = succ[r];

          succ[r] = tag;
          r = next;
        }
      counts[tag & ~MINIMUM_TAG]++;
      if ((idx & 0xffff) == 0 && g_cancellable_is_cancelled (ls->cancellable))
        return FALSE;
    }
  return TRUE;
}

/* AB mode: the first state in rank order is fixed in A (the other half is its mirror image,
 * and the descent commutes with the swap), so 2^(n−1) configurations are walked. */
static gboolean
enumerate_ab (const Landscape *ls,
              const Space     *sp,
              Walker          *wk,
              guint8          *moves,
              GArray          *minima)
{
  guint32 idx = 0;
  guint64 t;
  double m;

  memset (wk->x, ENTENTE_BLOC_A, ls->n);
  m = walker_refresh (ls, wk);
  for (t = 0; t < sp->size; t += REFRESH_MASK + 1)
    {
      if (t > 0)
        {
          if (g_cancellable_is_cancelled (ls->cancellable))
            return FALSE;
          m = walker_refresh (ls, wk);
        }
      ls->walk2 (ls, wk, moves, minima, t, MIN (sp->size, t + REFRESH_MASK + 1), &idx, &m);
    }
  return TRUE;
}

/* With U: a reflected ternary Gray code over all 3^n configurations. */
static gboolean
enumerate_abu (const Landscape *ls,
               const Space     *sp,
               Walker          *wk,
               guint8          *moves,
               GArray          *minima)
{
  Gray3 g = { .size = sp->size, .pow3 = sp->pow3 };
  guint64 t;
  double m;
  guint k;

  for (k = 0; k < ls->n; k++)
    g.dir[k] = 1;
  memset (wk->x, ENTENTE_BLOC_A, ls->n);
  m = walker_refresh (ls, wk);
  for (t = 0; t < sp->size; t += REFRESH_MASK + 1)
    {
      if (t > 0)
        {
          if (g_cancellable_is_cancelled (ls->cancellable))
            return FALSE;
          m = walker_refresh (ls, wk);
        }
      ls->walk3 (ls, wk, moves, minima, t, MIN (sp->size, t + REFRESH_MASK + 1), &g, &m);
    }
  return TRUE;
}

static void
decode (const Landscape *ls,
        guint32          idx,
        guint8          *x)
{
  guint k;

  if (ls->three)
    {
      for (k = 0; k < ls->n; k++, idx /= 3)
        x[k] = idx % 3;
    }
  else
    {
      x[0] = ENTENTE_BLOC_A;
      for (k = 1; k < ls->n; k++)
        x[k] = (idx >> (k - 1)) & 1 ? ENTENTE_BLOC_B : ENTENTE_BLOC_A;
    }
}

static gboolean
solve_exact (const Landscape               *ls,
             const EntenteLandscapeProblem *problem,
             GHashTable                    *index,
             GArray                        *found,
             guint64                       *total)
{
  g_autoptr (GArray) minima = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint8 *moves = NULL;
  g_autofree guint64 *counts = NULL;
  g_autofree guint8 *x = g_new0 (guint8, ls->n);
  g_autofree guint8 *canon = g_new0 (guint8, ls->n);
  Walker wk;
  Space sp;
  gboolean ok;
  guint k;

  space_init (&sp, ls);
  moves = g_new (guint8, sp.size);
  walker_init (&wk, ls);
  ok = ls->three ? enumerate_abu (ls, &sp, &wk, moves, minima)
                 : enumerate_ab (ls, &sp, &wk, moves, minima);
  walker_clear (&wk);
  if (!ok)
    return FALSE;

  counts = g_new0 (guint64, MAX (minima->len, 1));
  if (minima->len <= MOVE_TAG_MAX)
    {
      for (k = 0; k < minima->len; k++)
        moves[g_array_index (minima, guint32, k)] = (guint8) (MOVE_TAG | k);
      ok = resolve_moves (ls, &sp, moves, counts);
    }
  else
    ok = resolve_successors (ls, &sp, moves, minima, counts);
  if (!ok)
    return FALSE;

  for (k = 0; k < minima->len; k++)
    {
      decode (ls, g_array_index (minima, guint32, k), x);
      canonical_out (ls, x, canon);
      found_add (index, found, canon, ls->n, counts[k],
                 entente_landscape_energy (problem, canon));
    }
  *total = sp.size;
  return TRUE;
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

static void
walker_copy (const Landscape *ls,
             Walker          *dst,
             const Walker    *src)
{
  memcpy (dst->x, src->x, ls->n);
  memcpy (dst->sig, src->sig, ls->npad * sizeof (double));
  memcpy (dst->al, src->al, ls->npad * sizeof (double));
  memcpy (dst->h, src->h, ls->npad * sizeof (double));
  memcpy (dst->q, src->q, ls->npad * sizeof (double));
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
  double best_e = walker_energy (ls, best);
  gboolean ok = TRUE;
  Walker wk;
  guint r, k;

  walker_init (&wk, ls);
  for (r = 0; r < kicks && ok; r++)
    {
      double m = 0.0, e;

      walker_copy (ls, &wk, best);
      for (k = 0; k < strength; k++)
        {
          guint i = random_below (rng, ls->n);
          guint8 b = (guint8) random_below (rng, levels);

          if (b != wk.x[i])
            m = walker_move (ls, &wk, i, b);
        }
      ok = walker_descend (ls, &wk, m) && !g_cancellable_is_cancelled (ls->cancellable);
      e = walker_energy (ls, &wk);
      if (ok && e < best_e - ls->tol)
        {
          walker_copy (ls, best, &wk);
          walker_refresh (ls, best);
          best_e = walker_energy (ls, best);
          canonical_out (ls, best->x, canon);
          found_add (index, found, canon, ls->n, 0, best_e);
        }
    }
  walker_clear (&wk);
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

  walker_init (&wk, ls);
  walker_init (&best, ls);
  for (r = 0; r < problem->restarts && ok; r++)
    {
      double e;

      for (k = 0; k < ls->n; k++)
        wk.x[k] = (guint8) random_below (&rng, levels);
      ok = walker_descend (ls, &wk, walker_refresh (ls, &wk)) &&
           !g_cancellable_is_cancelled (ls->cancellable);
      if (!ok)
        break;
      e = walker_energy (ls, &wk);
      canonical_out (ls, wk.x, canon);
      found_add (index, found, canon, ls->n, 1, e);
      if (e < best_e - ls->tol)
        {
          best_e = e;
          walker_copy (ls, &best, &wk);
        }
    }
  if (ok && problem->restarts > 0 && ls->n > 0)
    ok = refine (ls, index, found, &rng, &best, KICKS (problem->restarts));
  walker_clear (&wk);
  walker_clear (&best);
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
 * from @problem->restarts seeded random starts, with basin = share of those starts) and the
 * path-dependent current configuration: @problem->previous, then steepest single-move descent.
 *
 * Cold start: if @previous is NULL, or has no aligned state, the states take sides one at a time
 * in rank order, each joining the bloc that suits it best given the states already placed (the
 * first one joins A), and the descent then lets any of them leave for U. In AB mode, states that
 * @previous puts in U are seated the same way. The current configuration keeps the labels of
 * @previous (it is not canonicalised); its minimum, canonicalised, is always in the list (with
 * basin 0 if no random start reached it).
 *
 * Returns: (transfer full) (nullable): the solution, or NULL with G_IO_ERROR_CANCELLED
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

  if (!landscape_init (&ls, problem, cancellable))
    {
      landscape_clear (&ls);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "Landscape sizes, propensities or alignment costs are not finite");
      return NULL;
    }
  index = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                 (GDestroyNotify) g_bytes_unref, NULL);
  found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_array_set_clear_func (found, found_clear);
  walker_init (&current, &ls);

  ok = walker_warm_start (&ls, &current, problem);
  if (ok && n == 0)
    total = 1;
  else if (ok && exact)
    ok = solve_exact (&ls, problem, index, found, &total);
  else if (ok)
    ok = solve_heuristic (&ls, problem, index, found, &total);

  if (ok && !g_cancellable_is_cancelled (cancellable))
    sol = solution_build (&ls, problem, index, found, &current, exact, total);
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                         "Landscape search cancelled");

  if (sol != NULL && n == 0)
    g_array_index (sol->minima, EntenteLandscapeMinimum, 0).basin = 1.0;

  walker_clear (&current);
  landscape_clear (&ls);
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
