/* entente-landscape-exact.c: every local minimum and its basin, by Gray-code enumeration
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-landscape-exact"

#include "config.h"

#include "entente-landscape-private.h"

#include <string.h>

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
  guint32  pow3[16];                /* zeros past n, so that any byte indexes safely */
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

/* The configuration that @move leads to from @idx. Branch-free, and harmless for a tag byte
 * (the result is then meaningless, but computing it reads and shifts nothing out of range). */
static inline guint32
space_next (const Space *sp,
            guint32      idx,
            guint8       move)
{
  if (sp->three)
    return idx + (guint32) (move3_delta (move) * (gint32) sp->pow3[(move >> 2) & 15]);
  return idx ^ (move == 0 ? sp->all : 1u << ((move - 1) & 31));
}

/* Follows every configuration's chain of steepest moves to its minimum, with path compression,
 * and counts basins. Minima carry MOVE_TAG | k already. One byte per configuration keeps the
 * array in cache. Whether a byte is a tag is unpredictable, so the first two steps of each
 * chain are taken with selects instead of branches; thanks to path compression, longer chains
 * are rare. */
static gboolean
resolve_moves (const Landscape *ls,
               const Space     *sp,
               guint8          *moves,
               guint64         *counts)
{
  guint64 idx;

  for (idx = 0; idx < sp->size; idx++)
    {
      guint32 r0 = (guint32) idx;
      guint8 b0 = moves[r0];
      guint32 r1 = b0 & MOVE_TAG ? r0 : space_next (sp, r0, b0);
      guint8 b1 = moves[r1];
      guint32 r2 = b1 & MOVE_TAG ? r1 : space_next (sp, r1, b1);
      guint8 b2 = moves[r2], tag;

      if (G_LIKELY (b2 & MOVE_TAG))
        {
          tag = b2;
          moves[r0] = tag;
          moves[r1] = tag;
        }
      else
        {
          guint32 r = r2;
          guint8 b = b2;

          while (!(b & MOVE_TAG))
            {
              r = space_next (sp, r, b);
              b = moves[r];
            }
          tag = b;
          r = r0;
          b = b0;
          while (!(b & MOVE_TAG))
            {
              moves[r] = tag;
              r = space_next (sp, r, b);
              b = moves[r];
            }
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
  m = _entente_landscape_walker_refresh (ls, wk);
  for (t = 0; t < sp->size; t += REFRESH_MASK + 1)
    {
      if (t > 0)
        {
          if (g_cancellable_is_cancelled (ls->cancellable))
            return FALSE;
          m = _entente_landscape_walker_refresh (ls, wk);
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
  m = _entente_landscape_walker_refresh (ls, wk);
  for (t = 0; t < sp->size; t += REFRESH_MASK + 1)
    {
      if (t > 0)
        {
          if (g_cancellable_is_cancelled (ls->cancellable))
            return FALSE;
          m = _entente_landscape_walker_refresh (ls, wk);
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

gboolean
_entente_landscape_solve_exact (const Landscape               *ls,
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
  _entente_landscape_walker_init (&wk, ls);
  ok = ls->three ? enumerate_abu (ls, &sp, &wk, moves, minima)
                 : enumerate_ab (ls, &sp, &wk, moves, minima);
  _entente_landscape_walker_clear (&wk);
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
      _entente_landscape_canonical_out (ls, x, canon);
      _entente_landscape_found_add (index, found, canon, ls->n, counts[k],
                 entente_landscape_energy (problem, canon));
    }
  *total = sp.size;
  return TRUE;
}

/* }}} */
