/* entente-landscape.h: Axelrod–Bennett landscape energy and its minima
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Positions of one state (model-theory.md §6.2). */
typedef enum
{
  ENTENTE_BLOC_A = 0,
  ENTENTE_BLOC_B = 1,
  ENTENTE_BLOC_U = 2,           /* unaligned */
} EntenteBloc;

/* The landscape problem, free of any notion of states: sizes, symmetric
 * propensities and alignment costs. All arrays are borrowed. */
typedef struct
{
  guint          n;
  const double  *size;            /* s_i, n entries */
  const double  *propensity;      /* p_ij, n*n row-major, symmetric; diagonal ignored */
  const double  *kappa;           /* κ_i, n entries; NULL means 0 */
  gboolean       allow_unaligned; /* FALSE: AB 1993 mode, two blocs only */
  const guint   *rank;            /* tie-break order: rank[k] is the index of the k-th
                                   * state in (A desc, id) order; NULL means 0..n-1 */
  const guint8  *previous;        /* warm start (EntenteBloc per state) or NULL; NULL or no
                                   * aligned state = cold start (see entente_landscape_solve) */
  guint          exact_max_n3;    /* exact enumeration up to this n with U (default 12, max 14) */
  guint          exact_max_n2;    /* exact enumeration up to this n in AB mode (default 20,
                                   * max 24) */
  guint          restarts;        /* heuristic descents (default 64) */
  guint64        seed;            /* heuristic PRNG seed */
} EntenteLandscapeProblem;

typedef struct
{
  double   energy;
  double   basin;                 /* share of starts (or of all configurations, exact) ending here */
  guint8  *config;                /* n EntenteBloc values, canonical (A↔B symmetry removed) */
} EntenteLandscapeMinimum;

typedef struct
{
  gboolean  exact;                /* all configurations were enumerated */
  guint     n;
  GArray   *minima;               /* of EntenteLandscapeMinimum, by energy then canonical order */
  guint8   *current;              /* path-dependent configuration (warm start + descent) */
  double    current_energy;
  int       current_minimum;      /* index into minima, or -1 */
  gboolean  metastable;           /* a deeper minimum than current exists */
  double   *frustration;          /* F_i(current), n entries */
} EntenteLandscapeSolution;

void     entente_landscape_problem_init_defaults (EntenteLandscapeProblem *problem);

double   entente_landscape_energy      (const EntenteLandscapeProblem  *problem,
                                        const guint8                   *config);
double   entente_landscape_frustration (const EntenteLandscapeProblem  *problem,
                                        const guint8                   *config,
                                        guint                           i);

/* Returns NULL with G_IO_ERROR_CANCELLED if @cancellable fires mid-search, or with
 * G_IO_ERROR_INVALID_ARGUMENT if a size, propensity or κ is NaN or infinite. p is used
 * symmetrised, (p_ij + p_ji)/2. `current` keeps the labels of @previous (not canonicalised);
 * its minimum is always in `minima` (`current_minimum` ≥ 0), with basin 0 in heuristic mode
 * if no random start reached it. Heuristic basins are shares of the `restarts` random starts.
 * Cold start (previous NULL or all U): states take sides one by one in rank order, each
 * joining the bloc that suits it best given those already placed, then the descent runs (and
 * may move states to U). In AB mode, states that @previous puts in U are seated the same way. */
EntenteLandscapeSolution *entente_landscape_solve (const EntenteLandscapeProblem  *problem,
                                                   GCancellable                   *cancellable,
                                                   GError                        **error);
void     entente_landscape_solution_free (EntenteLandscapeSolution *solution);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteLandscapeSolution, entente_landscape_solution_free)

G_END_DECLS
