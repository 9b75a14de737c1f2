/* entente-landscape-kernels.h: the landscape's vector kernels, one instance per vector width
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Included only by entente-landscape.c, once per vector width, after it defines Landscape and
 * Walker and sets KERNEL_LANES (doubles per vector), KERNEL_NAME (x) (the instance's function
 * names) and KERNEL_ATTR (a target attribute, or nothing). Hence no include guard.
 *
 * Every operation is element-wise IEEE arithmetic without fused multiply-add, and the one
 * reduction is a minimum, so all widths give bit-identical results: the engine's output does
 * not depend on the machine's vector unit. Arrays are aligned to 32 bytes and padded to a
 * multiple of 4 doubles with zeros. */

typedef double KERNEL_NAME (vec) __attribute__ ((vector_size (KERNEL_LANES * sizeof (double))));
typedef gint64 KERNEL_NAME (mask) __attribute__ ((vector_size (KERNEL_LANES * sizeof (gint64))));

#define KVEC  KERNEL_NAME (vec)
#define KMASK KERNEL_NAME (mask)
/* Macros, not functions: wide vectors passed by value trip -Wpsabi. */
#define KSPLAT(v)   ((KVEC) { 0 } + (v))
#define KMIN(a, b)  ((KVEC) (((KMASK) (a) & ((a) < (b))) | ((KMASK) (b) & ~((a) < (b)))))
#define KABS(a)     ((KVEC) ((KMASK) (a) & ~((KMASK) { 0 } + G_MININT64)))

/* Bit l set when lane l of comparison result @m is true. */
#ifdef KERNEL_MOVEMASK
#define KBITS(m)    ((guint) KERNEL_MOVEMASK ((KVEC) (m)))
#else
static inline guint
KERNEL_NAME (bits) (KMASK m)
{
  guint b = 0, l;

  for (l = 0; l < KERNEL_LANES; l++)
    b |= (m[l] != 0) << l;
  return b;
}
#define KBITS(m)    KERNEL_NAME (bits) (m)
#endif

/* With U: H += dsig · row, then q_i = min (G_i(U) = 0, c_i − |H_i|) − G_i(x_i), where
 * G_i(x_i) = al_i c_i − σ_i H_i; returns min (0, min_i q_i). dsig = 0 only rescans. */
KERNEL_ATTR static double
KERNEL_NAME (scan3) (const Landscape *ls,
                     Walker          *wk,
                     const double    *row,
                     double           dsig)
{
  const KVEC *r = (const KVEC *) row;
  const KVEC *c = (const KVEC *) ls->c;
  const KVEC *sig = (const KVEC *) wk->sig;
  const KVEC *al = (const KVEC *) wk->al;
  KVEC *h = (KVEC *) wk->h;
  KVEC *q = (KVEC *) wk->q;
  KVEC mv = KSPLAT (0.0);
  double m;
  guint k, nv = ls->npad / KERNEL_LANES;

  for (k = 0; k < nv; k++)
    {
      KVEC hv = h[k] + dsig * r[k];
      KVEC aligned = c[k] - KABS (hv);
      KVEC zero = KSPLAT (0.0);
      KVEC best = KMIN (zero, aligned);
      KVEC qv = best - (al[k] * c[k] - sig[k] * hv);

      h[k] = hv;
      q[k] = qv;
      mv = KMIN (mv, qv);
    }

  m = mv[0];
  for (k = 1; k < KERNEL_LANES; k++)
    m = MIN (m, mv[k]);
  return m;
}

/* AB mode (c ≡ 0, no U): q_i = 2 σ_i H_i is the change of E if i switches blocs (stored
 * unclamped; only values below the returned min (0, min_i q_i) + tol/2 are ever looked at). */
KERNEL_ATTR static double
KERNEL_NAME (scan2) (const Landscape *ls,
                     Walker          *wk,
                     const double    *row,
                     double           dsig)
{
  const KVEC *r = (const KVEC *) row;
  const KVEC *sig = (const KVEC *) wk->sig;
  KVEC *h = (KVEC *) wk->h;
  KVEC *q = (KVEC *) wk->q;
  KVEC mv = KSPLAT (0.0);
  double m;
  guint k, nv = ls->npad / KERNEL_LANES;

  for (k = 0; k < nv; k++)
    {
      KVEC hv = h[k] + dsig * r[k];
      KVEC qv = (sig[k] * hv) * 2.0;

      h[k] = hv;
      q[k] = qv;
      mv = KMIN (mv, qv);
    }

  m = mv[0];
  for (k = 1; k < KERNEL_LANES; k++)
    m = MIN (m, mv[k]);
  return m;
}

/* h += s · row */
KERNEL_ATTR static void
KERNEL_NAME (axpy) (double       *h,
                    const double *row,
                    double        s,
                    guint         npad)
{
  const KVEC *r = (const KVEC *) row;
  KVEC *hv = (KVEC *) h;
  guint k;

  for (k = 0; k < npad / KERNEL_LANES; k++)
    hv[k] += s * r[k];
}

/* The first index whose q is at most @limit (< 0, so padding never matches), or G_MAXUINT. */
KERNEL_ATTR static guint
KERNEL_NAME (pick) (const double *q,
                    double        limit,
                    guint         npad)
{
  const KVEC *qv = (const KVEC *) q;
  KVEC lim = KSPLAT (limit);
  guint k;

  for (k = 0; k < npad / KERNEL_LANES; k++)
    {
      guint bits = KBITS (qv[k] <= lim);

      if (bits != 0)
        return k * KERNEL_LANES + (guint) __builtin_ctz (bits);
    }
  return G_MAXUINT;
}

/* The exact AB walk (see enumerate_ab()), steps [t0, t1) of a binary reflected Gray code over
 * states 1 … n−1, state 0 staying in A: records the steepest move of configuration *idx, then
 * switches state ctz (t + 1) + 1, and so on. The walker, *idx and *m (its min q) follow along.
 *
 * This is where exact AB mode spends its time, so the body is inlined once per vector count
 * (n ≤ 24 needs at most 24 / KERNEL_LANES vectors): the loops unroll completely and the fields
 * stay in registers. σ lives in memory, flipped by whole-vector XOR (a scalar store into a vector
 * loaded right after would stall store forwarding). */
#define KMAXV (24 / KERNEL_LANES)

static inline __attribute__ ((always_inline)) void
KERNEL_NAME (walk2_body) (const Landscape *ls,
                          Walker          *wk,
                          guint8          *moves,
                          GArray          *minima,
                          guint64          t0,
                          guint64          t1,
                          guint32         *idx_io,
                          double          *m_io,
                          const guint      nv)
{
  guint64 size = G_GUINT64_CONSTANT (1) << (ls->n - 1);
  guint32 idx = *idx_io;
  double m = *m_io;
  double tol = ls->tol;
  KVEC *sig = (KVEC *) wk->sig;
  KVEC h[KMAXV], u[KMAXV];
  KMASK flip[KERNEL_LANES];
  guint64 t;
  guint k;

  for (k = 0; k < KERNEL_LANES; k++)
    {
      flip[k] = (KMASK) { 0 };
      flip[k][k] = G_MININT64;
    }
#pragma GCC unroll 12
  for (k = 0; k < nv; k++)
    {
      h[k] = ((KVEC *) wk->h)[k];
      u[k] = sig[k] * h[k];
    }

  for (t = t0; t < t1; t++)
    {
      const KVEC *r;
      KVEC mv = KSPLAT (0.0);
      double ds;
      guint j;

      if (m < -tol)
        {
          /* q_i = 2 u_i ≤ m + tol/2, branch-free over all vectors. */
          KVEC lim = KSPLAT (0.5 * m + 0.25 * tol);
          guint64 bits = 0;
          guint i;

#pragma GCC unroll 12
          for (k = 0; k < nv; k++)
            bits |= (guint64) KBITS (u[k] <= lim) << (k * KERNEL_LANES);
          i = (guint) __builtin_ctzll (bits);
          moves[idx] = (guint8) i;
        }
      else
        {
          moves[idx] = MOVE_MINIMUM;
          g_array_append_val (minima, idx);
        }
      if (t + 1 == size)
        break;

      j = (guint) __builtin_ctzll (t + 1) + 1;
      idx ^= 1u << (j - 1);
      ds = -2.0 * wk->sig[j];
      sig[j / KERNEL_LANES] = (KVEC) ((KMASK) sig[j / KERNEL_LANES] ^ flip[j % KERNEL_LANES]);
      wk->x[j] ^= 1;
      r = (const KVEC *) (ls->wh + (gsize) j * ls->npad);
#pragma GCC unroll 12
      for (k = 0; k < nv; k++)
        {
          h[k] += ds * r[k];
          u[k] = sig[k] * h[k];
          mv = KMIN (mv, u[k]);
        }
      m = mv[0];
      for (k = 1; k < KERNEL_LANES; k++)
        m = MIN (m, mv[k]);
      m *= 2.0;
    }

#pragma GCC unroll 12
  for (k = 0; k < nv; k++)
    {
      ((KVEC *) wk->h)[k] = h[k];
      ((KVEC *) wk->q)[k] = u[k] * 2.0;
    }
  *idx_io = idx;
  *m_io = m;
}

KERNEL_ATTR static void
KERNEL_NAME (walk2) (const Landscape *ls,
                     Walker          *wk,
                     guint8          *moves,
                     GArray          *minima,
                     guint64          t0,
                     guint64          t1,
                     guint32         *idx_io,
                     double          *m_io)
{
  guint nv = ls->npad / KERNEL_LANES;

  g_assert (nv <= KMAXV);
  switch (nv)
    {
#define KCASE(v) \
    case v: \
      KERNEL_NAME (walk2_body) (ls, wk, moves, minima, t0, t1, idx_io, m_io, v); \
      break;
    KCASE (1) KCASE (2) KCASE (3) KCASE (4) KCASE (5) KCASE (6)
#if KERNEL_LANES < 4
    KCASE (7) KCASE (8) KCASE (9) KCASE (10) KCASE (11) KCASE (12)
#endif
#undef KCASE
    default:
      g_assert_not_reached ();
    }
}

#undef KMAXV

/* The exact walk with U (see enumerate_abu ()), steps [t0, t1) of the reflected ternary Gray
 * code held in @g: records the steepest move (move3_encode ()) of each configuration, then
 * moves one digit. Same arithmetic as scan3 (); σ and al lanes are set by whole-vector blends
 * (see walk2 () on store forwarding). Needs npad ≤ 16. */
KERNEL_ATTR static void
KERNEL_NAME (walk3) (const Landscape *ls,
                     Walker          *wk,
                     guint8          *moves,
                     GArray          *minima,
                     guint64          t0,
                     guint64          t1,
                     Gray3           *g,
                     double          *m_io)
{
  double m = *m_io;
  double tol = ls->tol;
  const KVEC *c = (const KVEC *) ls->c;
  KVEC *sig = (KVEC *) wk->sig;
  KVEC *al = (KVEC *) wk->al;
  KVEC *h = (KVEC *) wk->h;
  KVEC *q = (KVEC *) wk->q;
  KMASK lane[KERNEL_LANES];
  guint nv = ls->npad / KERNEL_LANES;
  guint64 t;
  guint k;

  g_assert (ls->npad <= 16);
  for (k = 0; k < KERNEL_LANES; k++)
    {
      lane[k] = (KMASK) { 0 };
      lane[k][k] = -1;
    }

  for (t = t0; t < t1; t++)
    {
      const KVEC *r;
      KVEC mv = KSPLAT (0.0);
      KMASK ln;
      double ds;
      guint8 b;
      guint d, v;

      if (m < -tol)
        {
          KVEC lim = KSPLAT (m + 0.5 * tol);
          guint bits = 0, i;

          for (k = 0; k < nv; k++)
            bits |= KBITS (q[k] <= lim) << (k * KERNEL_LANES);
          i = (guint) __builtin_ctz (bits);
          moves[g->idx] = move3_encode (i, wk->x[i], walker_target (ls, wk, i));
        }
      else
        {
          moves[g->idx] = MOVE_MINIMUM;
          g_array_append_val (minima, g->idx);
        }
      if (t + 1 == g->size)
        break;

      for (d = 0; g->counter[d] == 2; d++)
        g->counter[d] = 0;
      g->counter[d]++;
      b = (guint8) (wk->x[d] + g->dir[d]);
      if (b == 0 || b == 2)
        g->dir[d] = (gint8) -g->dir[d];
      g->idx = g->idx + g->pow3[d] * b - g->pow3[d] * wk->x[d];
      ds = sigma_of[b] - sigma_of[wk->x[d]];
      wk->x[d] = b;
      v = d / KERNEL_LANES;
      ln = lane[d % KERNEL_LANES];
      sig[v] = (KVEC) (((KMASK) sig[v] & ~ln) | ((KMASK) KSPLAT (sigma_of[b]) & ln));
      al[v] = (KVEC) (((KMASK) al[v] & ~ln) |
                      ((KMASK) KSPLAT (b != ENTENTE_BLOC_U ? 1.0 : 0.0) & ln));

      r = (const KVEC *) (ls->wh + (gsize) d * ls->npad);
      for (k = 0; k < nv; k++)
        {
          KVEC hv = h[k] + ds * r[k];
          KVEC aligned = c[k] - KABS (hv);
          KVEC zero = KSPLAT (0.0);
          KVEC best = KMIN (zero, aligned);
          KVEC qv = best - (al[k] * c[k] - sig[k] * hv);

          h[k] = hv;
          q[k] = qv;
          mv = KMIN (mv, qv);
        }
      m = mv[0];
      for (k = 1; k < KERNEL_LANES; k++)
        m = MIN (m, mv[k]);
    }
  *m_io = m;
}
#undef KBITS
#undef KABS
#undef KMIN
#undef KSPLAT
#undef KMASK
#undef KVEC
