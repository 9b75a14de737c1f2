/* entente-landscape-private.h: the landscape engine's internals, shared by its three files
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-landscape.h"

#include <math.h>

G_BEGIN_DECLS

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

typedef struct
{
  guint8 *config;           /* canonical, original order */
  double  energy;
  guint64 count;
} Found;

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

static inline guint8
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

/* entente-landscape-walker.c */
gboolean _entente_landscape_init              (Landscape                     *ls,
                                               const EntenteLandscapeProblem *problem,
                                               GCancellable                  *cancellable);
void     _entente_landscape_clear             (Landscape                     *ls);
void     _entente_landscape_canonical_out     (const Landscape               *ls,
                                               const guint8                  *x,
                                               guint8                        *out);
void     _entente_landscape_walker_init       (Walker                        *wk,
                                               const Landscape               *ls);
void     _entente_landscape_walker_clear      (Walker                        *wk);
void     _entente_landscape_walker_copy       (const Landscape               *ls,
                                               Walker                        *dst,
                                               const Walker                  *src);
double   _entente_landscape_walker_refresh    (const Landscape               *ls,
                                               Walker                        *wk);
double   _entente_landscape_walker_move       (const Landscape               *ls,
                                               Walker                        *wk,
                                               guint                          i,
                                               guint8                         b);
guint    _entente_landscape_walker_pick       (const Landscape               *ls,
                                               const Walker                  *wk,
                                               double                         m);
double   _entente_landscape_walker_energy     (const Landscape               *ls,
                                               const Walker                  *wk);
gboolean _entente_landscape_walker_descend    (const Landscape               *ls,
                                               Walker                        *wk,
                                               double                         m);
gboolean _entente_landscape_walker_warm_start (const Landscape               *ls,
                                               Walker                        *wk,
                                               const EntenteLandscapeProblem *problem);

/* entente-landscape.c */
guint    _entente_landscape_found_add         (GHashTable                    *index,
                                               GArray                        *found,
                                               guint8                        *canonical,
                                               guint                          n,
                                               guint64                        count,
                                               double                         energy);

/* entente-landscape-exact.c */
gboolean _entente_landscape_solve_exact       (const Landscape               *ls,
                                               const EntenteLandscapeProblem *problem,
                                               GHashTable                    *index,
                                               GArray                        *found,
                                               guint64                       *total);

G_END_DECLS
