/* entente-scene-layout.c: where things go: projection, node spacing, labels, hulls, legend
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-scene-layout"

#include "config.h"

#include "entente-scene.h"
#include "entente-scene-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef EntenteSceneBox Box;

/* Hulls */

static double box_clip_length (const Box *box,
                               double     x1,
                               double     y1,
                               double     x2,
                               double     y2);

/* The hull's label goes just outside its outline, where it covers the
 * fewest node labels and nodes and stays in the figure, the top preferred. */
static void
place_hull_label (EntenteScene     *self,
                  EntenteSceneHull *hull,
                  double            top)
{
  guint n_pts = hull->points->len / 2, s, i;
  double fs = self->font_size * 0.85, lh = self->text_height * 0.85, best = G_MAXDOUBLE, cy = 0;
  Box figure = { 0, 0, self->width, self->height };

  if (hull->label_w <= 0 || n_pts == 0)
    return;
  for (s = 0; s < n_pts; s++)
    cy += g_array_index (hull->points, double, 2 * s + 1) / n_pts;
  for (s = 0; s < n_pts; s++)
    {
      double px = g_array_index (hull->points, double, 2 * s);
      double py = g_array_index (hull->points, double, 2 * s + 1);
      gboolean above = py <= cy;
      Box b;
      double cost, inside;

      b.x0 = px - hull->label_w / 2;
      b.x1 = b.x0 + hull->label_w;
      b.y0 = above ? py - fs * 0.3 - lh : py + fs * 0.3;
      b.y1 = b.y0 + lh;
      inside = MAX (MIN (b.x1, figure.x1) - MAX (b.x0, figure.x0), 0) *
               MAX (MIN (b.y1, figure.y1) - MAX (b.y0, figure.y0), 0);
      cost = (py - top) * hull->label_w * 0.05 + (hull->label_w * lh - inside) * 50;
      for (i = 0; i < self->nodes->len; i++)
        {
          const EntenteSceneNode *node = &g_array_index (self->nodes, EntenteSceneNode, i);
          Box nb = { node->x - node->r, node->y - node->r, node->x + node->r, node->y + node->r };
          double ow = MIN (b.x1, nb.x1) - MAX (b.x0, nb.x0), oh = MIN (b.y1, nb.y1) - MAX (b.y0, nb.y0);

          if (ow > 0 && oh > 0)
            cost += ow * oh * 4 + hull->label_w * lh * 20;
          if (node->label_visible)
            {
              Box lb = { node->x + node->label_dx, node->y + node->label_dy - node->label_ascent,
                         0, 0 };

              lb.x1 = lb.x0 + node->label_w;
              lb.y1 = lb.y0 + node->label_h;
              ow = MIN (b.x1, lb.x1) - MAX (b.x0, lb.x0);
              oh = MIN (b.y1, lb.y1) - MAX (b.y0, lb.y0);
              if (ow > 0 && oh > 0)
                cost += ow * oh * 10;
            }
        }
      /* Ties under the label make it hard to read. */
      if ((gsize) self->ties->len * n_pts <= 400000)
        for (i = 0; i < self->ties->len; i++)
          {
            const EntenteSceneTie *tie = &g_array_index (self->ties, EntenteSceneTie, i);
            const EntenteSceneNode *ta = &g_array_index (self->nodes, EntenteSceneNode, tie->a);
            const EntenteSceneNode *tb = &g_array_index (self->nodes, EntenteSceneNode, tie->b);

            if (MAX (ta->x, tb->x) < b.x0 || MIN (ta->x, tb->x) > b.x1 ||
                MAX (ta->y, tb->y) < b.y0 || MIN (ta->y, tb->y) > b.y1)
              continue;
            cost += box_clip_length (&b, ta->x, ta->y, tb->x, tb->y) * lh;
          }
      if (cost < best)
        {
          best = cost;
          hull->label_x = b.x0;
          hull->label_y = b.y0 + self->text_ascent * 0.85;
        }
    }
}

/* Group outlines: the union of the members' discs (inflated by the hull's
 * pad), joined by narrower capsules along a minimum spanning tree of the
 * members, with the discs of non-members (and a gap) cut out, so the shape
 * does not enclose a state that is not in the group. Its boundary is traced
 * on a grid (marching squares) as one or more closed loops, drawn with the
 * even-odd rule. Deterministic: the same scene gives the same outline. */

#define HULL_MAX_CELLS 240

typedef struct
{
  const EntenteScene     *self;
  const EntenteSceneHull *hull;
  const guint            *cap_a, *cap_b;   /* capsules: member indices into hull->members */
  guint                   n_caps;
  const gboolean         *member;          /* by node index */
  gboolean                blocked[64];     /* capsule passes over a non-member: a thin bridge */
  double                  smooth, gap, bridge;
} HullField;

static double
seg_dist (double px,
          double py,
          double ax,
          double ay,
          double bx,
          double by)
{
  double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy, t = 0;

  if (l2 > 0)
    t = CLAMP (((px - ax) * dx + (py - ay) * dy) / l2, 0, 1);
  return hypot (px - ax - t * dx, py - ay - t * dy);
}

static double
smin (double a,
      double b,
      double k)
{
  double h = MAX (k - fabs (a - b), 0) / k;

  return MIN (a, b) - h * h * k * 0.25;
}

static const EntenteSceneNode *
hull_node (const HullField *f,
           guint            m)
{
  return &g_array_index (f->self->nodes, EntenteSceneNode, g_array_index (f->hull->members, guint, m));
}

static double
hull_cap_r (const HullField *f,
            guint            c)
{
  const EntenteSceneNode *a = hull_node (f, f->cap_a[c]), *b = hull_node (f, f->cap_b[c]);

  return (MIN (a->r, b->r) + f->hull->pad) * 0.5;
}

/* Negative inside the outline. */
static double
hull_field (const HullField *f,
            double           x,
            double           y)
{
  double v = G_MAXDOUBLE;
  guint m, c, i;

  for (m = 0; m < f->hull->members->len; m++)
    {
      const EntenteSceneNode *n = hull_node (f, m);
      double d = hypot (x - n->x, y - n->y) - (n->r + f->hull->pad);

      v = v == G_MAXDOUBLE ? d : smin (v, d, f->smooth);
    }
  for (c = 0; c < f->n_caps; c++)
    {
      const EntenteSceneNode *a = hull_node (f, f->cap_a[c]), *b = hull_node (f, f->cap_b[c]);
      double d;

      if (c < G_N_ELEMENTS (f->blocked) && f->blocked[c])
        continue;
      d = seg_dist (x, y, a->x, a->y, b->x, b->y) - hull_cap_r (f, c);
      v = smin (v, d, f->smooth);
    }
  for (i = 0; i < f->self->nodes->len; i++)
    {
      const EntenteSceneNode *n = &g_array_index (f->self->nodes, EntenteSceneNode, i);

      if (!f->member[i])
        v = MAX (v, n->r + f->gap - hypot (x - n->x, y - n->y));
    }
  /* Members kept apart by states outside stay joined by a thin bridge that
   * runs under those states' discs. */
  for (c = 0; c < f->n_caps && c < G_N_ELEMENTS (f->blocked); c++)
    if (f->blocked[c])
      {
        const EntenteSceneNode *a = hull_node (f, f->cap_a[c]), *b = hull_node (f, f->cap_b[c]);

        v = MIN (v, seg_dist (x, y, a->x, a->y, b->x, b->y) - f->bridge);
      }
  return v;
}

/* The grid cells (i, j) within @reach of the box (bx0, by0)-(bx1, by1). */
#define RASTER_RANGE(bx0, by0, bx1, by1, reach)                                       \
  i0 = (guint) CLAMP (floor (((bx0) - (reach) - x0) / cell), 0, nx);                  \
  i1 = (guint) CLAMP (ceil (((bx1) + (reach) - x0) / cell), 0, nx);                   \
  j0 = (guint) CLAMP (floor (((by0) - (reach) - y0) / cell), 0, ny);                  \
  j1 = (guint) CLAMP (ceil (((by1) + (reach) - y0) / cell), 0, ny)

/* hull_field() on the grid, shape by shape over the cells each can change:
 * the same values wherever they decide the outline (a shape further than
 * the smoothing and a few cells changes neither the sign nor the values
 * next to the outline), in time proportional to the shapes' areas. */
static void
hull_raster (const HullField *f,
             double          *v,
             double           x0,
             double           y0,
             double           cell,
             guint            nx,
             guint            ny)
{
  guint NX = nx + 1, m, c, k, i, j, i0, i1, j0, j1;
  double margin = f->smooth + 3 * cell;

  for (k = 0; k < NX * (ny + 1); k++)
    v[k] = G_MAXDOUBLE;
  for (m = 0; m < f->hull->members->len; m++)
    {
      const EntenteSceneNode *n = hull_node (f, m);
      double rr = n->r + f->hull->pad;

      RASTER_RANGE (n->x, n->y, n->x, n->y, rr + margin);
      for (j = j0; j <= j1; j++)
        for (i = i0; i <= i1; i++)
          {
            double d = hypot (x0 + i * cell - n->x, y0 + j * cell - n->y) - rr;
            double *p = &v[j * NX + i];

            *p = *p == G_MAXDOUBLE ? d : smin (*p, d, f->smooth);
          }
    }
  for (c = 0; c < f->n_caps; c++)
    {
      const EntenteSceneNode *a = hull_node (f, f->cap_a[c]), *b = hull_node (f, f->cap_b[c]);
      double rc = hull_cap_r (f, c);

      if (c < G_N_ELEMENTS (f->blocked) && f->blocked[c])
        continue;
      RASTER_RANGE (MIN (a->x, b->x), MIN (a->y, b->y), MAX (a->x, b->x), MAX (a->y, b->y),
                    rc + margin);
      for (j = j0; j <= j1; j++)
        for (i = i0; i <= i1; i++)
          {
            double d = seg_dist (x0 + i * cell, y0 + j * cell, a->x, a->y, b->x, b->y) - rc;
            double *p = &v[j * NX + i];

            *p = *p == G_MAXDOUBLE ? d : smin (*p, d, f->smooth);
          }
    }
  for (k = 0; k < f->self->nodes->len; k++)
    {
      const EntenteSceneNode *n = &g_array_index (f->self->nodes, EntenteSceneNode, k);

      if (f->member[k])
        continue;
      RASTER_RANGE (n->x, n->y, n->x, n->y, n->r + f->gap + margin);
      for (j = j0; j <= j1; j++)
        for (i = i0; i <= i1; i++)
          {
            double *p = &v[j * NX + i];

            *p = MAX (*p, n->r + f->gap - hypot (x0 + i * cell - n->x, y0 + j * cell - n->y));
          }
    }
  for (c = 0; c < f->n_caps && c < G_N_ELEMENTS (f->blocked); c++)
    {
      const EntenteSceneNode *a = hull_node (f, f->cap_a[c]), *b = hull_node (f, f->cap_b[c]);

      if (!f->blocked[c])
        continue;
      RASTER_RANGE (MIN (a->x, b->x), MIN (a->y, b->y), MAX (a->x, b->x), MAX (a->y, b->y),
                    f->bridge + margin);
      for (j = j0; j <= j1; j++)
        for (i = i0; i <= i1; i++)
          {
            double *p = &v[j * NX + i];

            *p = MIN (*p, seg_dist (x0 + i * cell, y0 + j * cell, a->x, a->y, b->x, b->y) - f->bridge);
          }
    }
}

#undef RASTER_RANGE

/* Prim's minimum spanning tree over the members; an edge that passes over
 * a non-member costs more, so the capsules go around states outside. */
static guint
hull_tree (const HullField *f,
           guint           *cap_a,
           guint           *cap_b)
{
  guint n = f->hull->members->len, k, m, c, i, n_caps = 0;
  g_autofree gboolean *in = g_new0 (gboolean, n);
  g_autofree double *best = g_new (double, n);
  g_autofree guint *from = g_new0 (guint, n);

  if (n == 0)
    return 0;
  for (m = 0; m < n; m++)
    best[m] = G_MAXDOUBLE;
  best[0] = 0;
  for (k = 0; k < n; k++)
    {
      guint u = n;
      const EntenteSceneNode *nu;

      for (m = 0; m < n; m++)
        if (!in[m] && (u == n || best[m] < best[u]))
          u = m;
      in[u] = TRUE;
      if (k > 0)
        {
          cap_a[n_caps] = from[u];
          cap_b[n_caps] = u;
          n_caps++;
        }
      nu = hull_node (f, u);
      for (c = 0; c < n; c++)
        {
          const EntenteSceneNode *nc = hull_node (f, c);
          double w;

          if (in[c])
            continue;
          w = hypot (nc->x - nu->x, nc->y - nu->y);
          for (i = 0; i < f->self->nodes->len; i++)
            {
              const EntenteSceneNode *o = &g_array_index (f->self->nodes, EntenteSceneNode, i);
              double rc = (MIN (nu->r, nc->r) + f->hull->pad) * 0.5;

              if (!f->member[i] && seg_dist (o->x, o->y, nu->x, nu->y, nc->x, nc->y) < o->r + f->gap + rc)
                w += 4 * hypot (nc->x - nu->x, nc->y - nu->y) + 1000;
            }
          if (w < best[c])
            {
              best[c] = w;
              from[c] = u;
            }
        }
    }
  return n_caps;
}

/* Marching squares cases: pairs of cell edges (0 top, 1 right, 2 bottom,
 * 3 left) joined by the outline; saddles (5, 10) are resolved by the centre. */
static const gint8 ms_table[16][4] = {
  { -1, -1, -1, -1 }, { 3, 0, -1, -1 }, { 0, 1, -1, -1 }, { 3, 1, -1, -1 },
  { 1, 2, -1, -1 }, { 3, 0, 1, 2 }, { 0, 2, -1, -1 }, { 3, 2, -1, -1 },
  { 2, 3, -1, -1 }, { 0, 2, -1, -1 }, { 0, 1, 2, 3 }, { 1, 2, -1, -1 },
  { 1, 3, -1, -1 }, { 0, 1, -1, -1 }, { 3, 0, -1, -1 }, { -1, -1, -1, -1 },
};

static void
hull_outline (EntenteScene     *self,
              EntenteSceneHull *hull)
{
  guint n = hull->members->len, nx, ny, NX, i, j, m, s;
  g_autofree gboolean *member = g_new0 (gboolean, self->nodes->len + 1);
  g_autofree guint *cap_a = g_new0 (guint, n + 1);
  g_autofree guint *cap_b = g_new0 (guint, n + 1);
  g_autofree double *v = NULL;
  g_autofree gint *slot = NULL;
  g_autoptr (GArray) segs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *used = NULL;
  HullField f = { self, hull, cap_a, cap_b, 0, member, { FALSE, }, 0, 0, 0 };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE, min_r = G_MAXDOUBLE;
  double cell;

  g_array_set_size (hull->points, 0);
  g_array_set_size (hull->loops, 0);
  if (n == 0)
    return;
  for (m = 0; m < n; m++)
    member[g_array_index (hull->members, guint, m)] = TRUE;
  for (m = 0; m < n; m++)
    {
      const EntenteSceneNode *node = hull_node (&f, m);
      double rr = node->r + hull->pad;

      x0 = MIN (x0, node->x - rr);
      y0 = MIN (y0, node->y - rr);
      x1 = MAX (x1, node->x + rr);
      y1 = MAX (y1, node->y + rr);
      min_r = MIN (min_r, rr);
    }
  f.smooth = min_r * 0.6;
  f.gap = self->line_width * 2.5;
  f.bridge = self->line_width * 1.6;
  f.n_caps = hull_tree (&f, cap_a, cap_b);
  for (m = 0; m < f.n_caps && m < G_N_ELEMENTS (f.blocked); m++)
    {
      const EntenteSceneNode *a = hull_node (&f, cap_a[m]), *b = hull_node (&f, cap_b[m]);
      double rc = hull_cap_r (&f, m);

      for (i = 0; i < self->nodes->len; i++)
        {
          const EntenteSceneNode *o = &g_array_index (self->nodes, EntenteSceneNode, i);

          if (!member[i] && seg_dist (o->x, o->y, a->x, a->y, b->x, b->y) < o->r + f.gap + rc)
            f.blocked[m] = TRUE;
        }
    }
  cell = MAX (min_r * 0.22, MAX (x1 - x0, y1 - y0) / HULL_MAX_CELLS);
  cell = MAX (cell, 0.05);
  /* A margin of two cells keeps the border outside. */
  x0 -= 2 * cell;
  y0 -= 2 * cell;
  nx = (guint) ceil ((x1 + 2 * cell - x0) / cell);
  ny = (guint) ceil ((y1 + 2 * cell - y0) / cell);
  NX = nx + 1;
  v = g_new (double, (gsize) NX * (ny + 1));
  hull_raster (&f, v, x0, y0, cell, nx, ny);

  /* Segments as pairs of grid-edge ids: horizontal 2k, vertical 2k + 1. */
  slot = g_new (gint, (gsize) NX * (ny + 1) * 4);
  memset (slot, 0xff, sizeof (gint) * (gsize) NX * (ny + 1) * 4);
  for (j = 0; j < ny; j++)
    for (i = 0; i < nx; i++)
      {
        double a = v[j * NX + i], b = v[j * NX + i + 1], c = v[(j + 1) * NX + i + 1], d = v[(j + 1) * NX + i];
        guint ci = (a < 0) | (b < 0) << 1 | (c < 0) << 2 | (d < 0) << 3;
        guint edge[4] = { 2 * (j * NX + i), 2 * (j * NX + i + 1) + 1, 2 * ((j + 1) * NX + i), 2 * (j * NX + i) + 1 };
        const gint8 *t = ms_table[ci];
        gint8 flip[4];

        if (ci == 5 || ci == 10)
          {
            gboolean centre_in = hull_field (&f, x0 + (i + 0.5) * cell, y0 + (j + 0.5) * cell) < 0;

            if ((ci == 5) == centre_in)
              {
                flip[0] = 0; flip[1] = 1; flip[2] = 2; flip[3] = 3;
              }
            else
              {
                flip[0] = 3; flip[1] = 0; flip[2] = 1; flip[3] = 2;
              }
            t = flip;
          }
        for (s = 0; s < 4 && t[s] >= 0; s += 2)
          {
            guint e0 = edge[t[s]], e1 = edge[t[s + 1]], k = segs->len / 2;

            g_array_append_val (segs, e0);
            g_array_append_val (segs, e1);
            slot[2 * e0 + (slot[2 * e0] >= 0)] = (gint) k;
            slot[2 * e1 + (slot[2 * e1] >= 0)] = (gint) k;
          }
      }

  used = g_new0 (gboolean, segs->len / 2 + 1);
  for (s = 0; s < segs->len / 2; s++)
    {
      guint k = s, start, e, count = 0;

      if (used[s])
        continue;
      start = g_array_index (segs, guint, 2 * s);
      e = start;
      do
        {
          guint gi = (e / 2) % NX, gj = (e / 2) / NX, ai = gi, aj = gj, bi, bj;
          double va, vb, t, px, py;
          gint other;

          bi = (e & 1) ? gi : gi + 1;
          bj = (e & 1) ? gj + 1 : gj;
          va = v[aj * NX + ai];
          vb = v[bj * NX + bi];
          t = va == vb ? 0.5 : CLAMP (va / (va - vb), 0, 1);
          px = x0 + (ai + t * (bi - ai)) * cell;
          py = y0 + (aj + t * (bj - aj)) * cell;
          g_array_append_val (hull->points, px);
          g_array_append_val (hull->points, py);
          count++;
          used[k] = TRUE;
          e = g_array_index (segs, guint, 2 * k) == e ? g_array_index (segs, guint, 2 * k + 1)
                                                       : g_array_index (segs, guint, 2 * k);
          other = slot[2 * e] == (gint) k ? slot[2 * e + 1] : slot[2 * e];
          if (other < 0 || used[other])
            break;
          k = (guint) other;
        }
      while (e != start);
      if (count < 3)
        g_array_set_size (hull->points, hull->points->len - 2 * count);
      else
        g_array_append_val (hull->loops, count);
    }
}

void
entente_scene_update_geometry (EntenteScene *self)
{
  guint h, s;

  g_return_if_fail (self != NULL);

  for (h = 0; h < self->hulls->len; h++)
    {
      EntenteSceneHull *hull = g_ptr_array_index (self->hulls, h);
      double top = G_MAXDOUBLE, top_x = 0;
      guint n_pts;

      hull_outline (self, hull);
      n_pts = hull->points->len / 2;
      for (s = 0; s < n_pts; s++)
        {
          double y = g_array_index (hull->points, double, 2 * s + 1);

          if (y < top)
            {
              top = y;
              top_x = g_array_index (hull->points, double, 2 * s);
            }
        }
      hull->label_x = top_x;
      hull->label_y = top - self->font_size * 0.3;
      place_hull_label (self, hull, top);
    }
}

/* Lays the legend out; returns its size. At the right of a wide figure it
 * is a list flowing into columns; under a figure it is compact: each group
 * on its own row(s), its heading first and its entries side by side. */
void
_entente_scene_layout_legend (EntenteScene *self,
                              PangoLayout  *layout,
                              gboolean      at_right,
                              double        avail_w,
                              double        avail_h,
                              double       *out_w,
                              double       *out_h)
{
  double row_h = self->legend_row_h;
  double swatch = self->font_size * 2.4;
  double pad = self->font_size * 0.4, gap = self->font_size * 1.2;
  guint n = self->legend->len, i;
  g_autofree double *widths = g_new0 (double, MAX (n, 1));
  double text_w = 0;

  for (i = 0; i < n; i++)
    {
      EntenteSceneLegendEntry *entry = &g_array_index (self->legend, EntenteSceneLegendEntry, i);
      double w, h;

      _entente_scene_measure_text (self->font_family, self->font_size, FALSE, entry->text, &w, &h,
                                   NULL);
      if (entry->kind == ENTENTE_SCENE_LEGEND_HEADING)
        w *= 1.08;   /* drawn bold */
      else
        w += swatch;
      widths[i] = w;
      text_w = MAX (text_w, w);
    }

  if (at_right)
    {
      double col_w = text_w + gap;
      guint rows_per_col = MAX (1, (guint) floor ((avail_h - 2 * pad) / row_h));
      guint col = 0, row = 0, max_row = 0;

      for (i = 0; i < n; i++)
        {
          EntenteSceneLegendEntry *entry = &g_array_index (self->legend, EntenteSceneLegendEntry, i);

          /* A heading never ends a column: it moves on with its entries. */
          if (row >= rows_per_col ||
              (entry->kind == ENTENTE_SCENE_LEGEND_HEADING && row > 0 && row + 1 >= rows_per_col))
            {
              col++;
              row = 0;
            }
          entry->x = pad + col * col_w;
          entry->y = pad + row * row_h;
          row++;
          max_row = MAX (max_row, row);
        }
      *out_w = (col + 1) * col_w - gap + 2 * pad;
      *out_h = max_row * row_h + 2 * pad;
    }
  else
    {
      double x = pad, y = pad, max_x = 0, indent = 0;

      for (i = 0; i < n; i++)
        {
          EntenteSceneLegendEntry *entry = &g_array_index (self->legend, EntenteSceneLegendEntry, i);

          if (entry->kind == ENTENTE_SCENE_LEGEND_HEADING)
            {
              double group_w = widths[i] + self->font_size * 0.6 +
                               (i + 1 < n ? widths[i + 1] : 0);

              /* A group continues the row when its heading and first entry
               * fit; else it starts a new row. */
              if (i > 0 && x + gap + group_w <= avail_w - pad)
                x += gap;
              else
                {
                  if (i > 0)
                    y += row_h;
                  x = pad;
                }
              entry->x = x;
              entry->y = y;
              indent = x == pad ? x + widths[i] + self->font_size * 0.6 : pad;
              x += widths[i] + self->font_size * 0.6;
              max_x = MAX (max_x, x);
              continue;
            }
          if (x + widths[i] > avail_w - pad && x > indent)
            {
              y += row_h;
              x = indent;
            }
          entry->x = x;
          entry->y = y;
          x += widths[i] + gap;
          max_x = MAX (max_x, x - gap);
        }
      *out_w = max_x + pad;
      *out_h = (n > 0 ? y + row_h : 0) + pad;
    }
}

static void
state_position (const EntenteState *st,
                double             *lat,
                double             *lon)
{
  *lat = st->has_node_position ? st->node_lat : st->lat;
  *lon = st->has_node_position ? st->node_lon : st->lon;
  if (!isfinite (*lat))
    *lat = 0;
  if (!isfinite (*lon))
    *lon = 0;
  *lat = CLAMP (*lat, -85, 85);
}

void
entente_scene_to_map (EntenteScene *self,
                      double        x,
                      double        y,
                      double       *lat,
                      double       *lon)
{
  g_return_if_fail (self != NULL);

  *lat = -(self->gmin_y + (y - self->by) / self->bh * self->gspan_y);
  *lat = CLAMP (*lat, -85, 85);
  *lon = (self->gmin_x + (x - self->bx) / self->bw * self->gspan_x) / self->coslat0 + self->lon0;
  while (*lon > 180)
    *lon -= 360;
  while (*lon < -180)
    *lon += 360;
}

typedef struct
{
  guint  index;
  double value;
} Ranked;

static int
ranked_cmp (gconstpointer a,
            gconstpointer b)
{
  const Ranked *p = a, *q = b;

  if (p->value != q->value)
    return p->value < q->value ? -1 : 1;
  return p->index < q->index ? -1 : (p->index > q->index);
}

/* Rank of each node along one axis, in [0,1]; equal values share a rank. */
static void
axis_ranks (EntenteSceneNode *nodes,
            guint             n,
            gboolean          along_y,
            double           *ranks)
{
  g_autofree Ranked *r = g_new (Ranked, n);
  guint i, j;

  for (i = 0; i < n; i++)
    {
      r[i].index = i;
      r[i].value = along_y ? nodes[i].y : nodes[i].x;
    }
  qsort (r, n, sizeof (Ranked), ranked_cmp);
  for (i = 0; i < n; i = j)
    {
      double mean;

      for (j = i + 1; j < n && r[j].value == r[i].value; j++)
        ;
      mean = n > 1 ? ((i + j - 1) / 2.0) / (n - 1) : 0.5;
      while (i < j)
        ranks[r[i++].index] = mean;
    }
}

/* How much of the rank order goes into the layout: 0 is the plain map, 1
 * an evenly spread grid of the map's orderings. A little keeps the
 * geography recognisable and opens up clusters (Europe next to the USA). */
#define RANK_BLEND 0.4
/* The box may stretch the map's aspect ratio by at most this factor. */
#define MAX_STRETCH 1.6

/* Fits the projection to (x, y, w, h) and places every node there. */
void
_entente_scene_project (EntenteScene    *self,
                        EntenteScenario *scenario,
                        double           x,
                        double           y,
                        double           w,
                        double           h)
{
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double lat_sum = 0, aspect, bw, bh;
  g_autofree double *rank_x = NULL;
  g_autofree double *rank_y = NULL;
  EntenteSceneNode *nodes = (EntenteSceneNode *) self->nodes->data;
  guint i, n = self->nodes->len;

  self->lon0 = 0;
  self->coslat0 = 1;
  if (n == 0)
    {
      self->gmin_x = self->gmin_y = -5;
      self->gspan_x = self->gspan_y = 10;
      self->bx = x;
      self->by = y;
      self->bw = MAX (w, 1);
      self->bh = MAX (h, 1);
      return;
    }

  /* Centre on the mean longitude of the states, taking the shortest way
   * round (so a Pacific scenario is not split at ±180°). */
  {
    double sx = 0, sy = 0;

    for (i = 0; i < n; i++)
      {
        double lat, lon;

        state_position (g_ptr_array_index (scenario->states, nodes[i].index), &lat, &lon);
        sx += cos (lon * G_PI / 180);
        sy += sin (lon * G_PI / 180);
        lat_sum += lat;
      }
    self->lon0 = (fabs (sx) + fabs (sy) > 1e-9) ? atan2 (sy, sx) * 180 / G_PI : 0;
  }
  self->coslat0 = MAX (cos (lat_sum / n * G_PI / 180), 0.25);

  for (i = 0; i < n; i++)
    {
      double lat, lon;

      state_position (g_ptr_array_index (scenario->states, nodes[i].index), &lat, &lon);
      nodes[i].x = remainder (lon - self->lon0, 360) * self->coslat0;
      nodes[i].y = -lat;
      min_x = MIN (min_x, nodes[i].x);
      max_x = MAX (max_x, nodes[i].x);
      min_y = MIN (min_y, nodes[i].y);
      max_y = MAX (max_y, nodes[i].y);
    }
  /* A degenerate axis (one state, or all on a parallel) gets 10° of room. */
  if (max_x - min_x < 1e-6)
    {
      min_x -= 5;
      max_x += 5;
    }
  if (max_y - min_y < 1e-6)
    {
      min_y -= 5;
      max_y += 5;
    }
  self->gmin_x = min_x;
  self->gmin_y = min_y;
  self->gspan_x = max_x - min_x;
  self->gspan_y = max_y - min_y;

  /* The box: the area, with the map's aspect ratio stretched at most
   * MAX_STRETCH times to use it. */
  aspect = self->gspan_x / self->gspan_y;
  bw = w;
  bh = h;
  if (w / h > aspect * MAX_STRETCH)
    bw = h * aspect * MAX_STRETCH;
  else if (w / h < aspect / MAX_STRETCH)
    bh = w / aspect * MAX_STRETCH;
  self->bw = MAX (bw, 1);
  self->bh = MAX (bh, 1);
  self->bx = x + (w - self->bw) / 2;
  self->by = y + (h - self->bh) / 2;

  rank_x = g_new (double, n);
  rank_y = g_new (double, n);
  axis_ranks (nodes, n, FALSE, rank_x);
  axis_ranks (nodes, n, TRUE, rank_y);
  for (i = 0; i < n; i++)
    {
      EntenteState *st = g_ptr_array_index (scenario->states, nodes[i].index);
      double gx = (nodes[i].x - min_x) / self->gspan_x;
      double gy = (nodes[i].y - min_y) / self->gspan_y;
      double blend = st->has_node_position || n < 3 ? 0 : RANK_BLEND;

      gx = (1 - blend) * gx + blend * rank_x[i];
      gy = (1 - blend) * gy + blend * rank_y[i];
      nodes[i].x = self->bx + gx * self->bw;
      nodes[i].y = self->by + gy * self->bh;
    }
}

/* Width over height of the projected network (1 for a single point). */
double
_entente_scene_network_aspect (EntenteScene    *self,
                               EntenteScenario *scenario)
{
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  guint i;

  if (self->nodes->len < 2)
    return 1;
  _entente_scene_project (self, scenario, 0, 0, 1000, 1000);
  for (i = 0; i < self->nodes->len; i++)
    {
      const EntenteSceneNode *node = &g_array_index (self->nodes, EntenteSceneNode, i);

      min_x = MIN (min_x, node->x);
      max_x = MAX (max_x, node->x);
      min_y = MIN (min_y, node->y);
      max_y = MAX (max_y, node->y);
    }
  /* Nodes and labels take room beyond the positions themselves. */
  return CLAMP ((max_x - min_x + 250) / (max_y - min_y + 250), 0.2, 5);
}

static int
node_by_x (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  const EntenteSceneNode *nodes = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (nodes[i].x != nodes[j].x)
    return nodes[i].x < nodes[j].x ? -1 : 1;
  return i < j ? -1 : (i > j);
}

/* Pushes overlapping nodes apart (deterministic), keeping them in the area. */
void
_entente_scene_separate_nodes (EntenteScene *self,
                               double        x,
                               double        y,
                               double        w,
                               double        h)
{
  guint n = self->nodes->len, iter, a, b, i, j;
  EntenteSceneNode *nodes = (EntenteSceneNode *) self->nodes->data;
  double gap = self->badge_r * 0.6 + self->line_width * 2, max_r = 0;
  g_autofree guint *order = g_new (guint, MAX (n, 1));

  for (i = 0; i < n; i++)
    {
      max_r = MAX (max_r, nodes[i].r);
      order[i] = i;
    }
  g_qsort_with_data (order, n, sizeof (guint), node_by_x, nodes);

  for (iter = 0; iter < 40; iter++)
    {
      gboolean moved = FALSE;

      /* A sweep along x: only nodes closer than two radii and the gap can
       * overlap, which keeps 500 states fast. The nodes moved a little
       * since the last sweep: insertion sort puts the order right in about
       * one pass (node_by_x is a total order, so this is the order a full
       * sort gives). */
      if (iter > 0)
        for (a = 1; a < n; a++)
          {
            guint v = order[a];

            for (b = a; b > 0 && node_by_x (&order[b - 1], &v, nodes) > 0; b--)
              order[b] = order[b - 1];
            order[b] = v;
          }
      for (a = 0; a < n; a++)
        for (b = a + 1; b < n; b++)
          {
            double dx, dy, want, d2, d, push, wi, wj;

            i = MIN (order[a], order[b]);
            j = MAX (order[a], order[b]);
            if (nodes[order[b]].x - nodes[order[a]].x > 2 * max_r + gap)
              break;
            dx = nodes[j].x - nodes[i].x;
            dy = nodes[j].y - nodes[i].y;
            want = nodes[i].r + nodes[j].r + gap;
            d2 = dx * dx + dy * dy;
            if (d2 >= want * want)
              continue;
            d = sqrt (d2);
            if (d < 1e-6)
              {
                /* Identical positions: spread along a golden-angle spiral. */
                double ang = (i * 2.399963 + j * 0.7);

                dx = cos (ang);
                dy = sin (ang);
                d = 1e-6;
              }
            else
              {
                dx /= d;
                dy /= d;
              }
            push = (want - d) * 0.5;
            /* The smaller node moves more, so great powers stay put. */
            wi = nodes[j].r / (nodes[i].r + nodes[j].r);
            wj = 1 - wi;
            nodes[i].x -= dx * push * wi * 2;
            nodes[i].y -= dy * push * wi * 2;
            nodes[j].x += dx * push * wj * 2;
            nodes[j].y += dy * push * wj * 2;
            moved = TRUE;
          }
      for (i = 0; i < n; i++)
        {
          nodes[i].x = CLAMP (nodes[i].x, x + nodes[i].r, x + w - nodes[i].r);
          nodes[i].y = CLAMP (nodes[i].y, y + nodes[i].r, y + h - nodes[i].r);
        }
      if (!moved)
        break;
    }
}

/* Labels: greedy placement among 8 candidates around each node. */


static double
box_overlap (const Box *a,
             const Box *b)
{
  double w = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
  double h = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

  return (w > 0 && h > 0) ? w * h : 0;
}

static double
box_outside (const Box *a,
             const Box *area)
{
  double inside = box_overlap (a, area);

  return (a->x1 - a->x0) * (a->y1 - a->y0) - inside;
}

static int
node_by_radius_desc (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const EntenteSceneNode *nodes = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (nodes[i].r != nodes[j].r)
    return nodes[i].r > nodes[j].r ? -1 : 1;
  return i < j ? -1 : (i > j);
}

static Box
node_box (const EntenteSceneNode *node,
          double                  extra)
{
  Box b = { node->x - node->r - extra, node->y - node->r - extra,
            node->x + node->r + extra, node->y + node->r + extra };

  return b;
}

/* First index in @boxes (sorted by x0) whose x0 is >= @x. */
static guint
lower_bound_x0 (GArray *boxes,
                double  x)
{
  guint lo = 0, hi = boxes->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (boxes, Box, mid).x0 < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* First position in @by_x (node indices sorted by x) whose x is >= @x. */
static guint
lower_bound_node (const EntenteSceneNode *nodes,
                  const guint            *by_x,
                  guint                   n,
                  double                  x)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (nodes[by_x[mid]].x < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Whether @box comes within @r of (cx, cy). */
static gboolean
box_meets_disc (const Box *box,
                double     cx,
                double     cy,
                double     r)
{
  double px = CLAMP (cx, box->x0, box->x1), py = CLAMP (cy, box->y0, box->y1);

  return (px - cx) * (px - cx) + (py - cy) * (py - cy) < r * r;
}

/* Distance from @box to the outline of @node's disc. */
static double
box_disc_gap (const Box              *box,
              const EntenteSceneNode *node)
{
  double px = CLAMP (node->x, box->x0, box->x1), py = CLAMP (node->y, box->y0, box->y1);

  return hypot (px - node->x, py - node->y) - node->r;
}

/* Length of the segment (x1,y1)-(x2,y2) inside @box (Liang-Barsky). */
static double
box_clip_length (const Box *box,
                 double     x1,
                 double     y1,
                 double     x2,
                 double     y2)
{
  double dx = x2 - x1, dy = y2 - y1, t0 = 0, t1 = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x1 - box->x0, box->x1 - x1, y1 - box->y0, box->y1 - y1 };
  int i;

  for (i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return 0;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 >= t1)
        return 0;
    }
  return (t1 - t0) * hypot (dx, dy);
}

void
_entente_scene_place_labels (EntenteScene *self,
                             const Box    *area)
{
  /* E, W, NE, SE, NW, SW, N, S with a small preference order, at four
   * distances: next to the node, a line further, and, as a last resort
   * when every nearer place covers another state or label, further still
   * (two distances) with a leader line. */
  static const double dirs[8][2] = {
    { 1, 0 }, { -1, 0 }, { 0.7071, -0.7071 }, { 0.7071, 0.7071 },
    { -0.7071, -0.7071 }, { -0.7071, 0.7071 }, { 0, -1 }, { 0, 1 },
  };
  guint n = self->nodes->len, k, c, j;
  EntenteSceneNode *nodes = (EntenteSceneNode *) self->nodes->data;
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree guint *by_x = g_new (guint, MAX (n, 1));
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (Box));
  double gap = self->line_width * 2 + self->font_size * 0.15;
  double reach = self->badge_r * 2 + self->line_width * 2, max_label_w = 0;
  /* Ties under labels cost a little; skipped for very large figures. */
  gboolean check_ties = (gsize) self->ties->len * n <= 250000;
  /* Above 40 states a label that finds no free place next to its node is
   * hidden (below), so the far rings with leader lines only cost time. */
  guint n_candidates = n > 40 ? 8 : 32;

  for (k = 0; k < n; k++)
    {
      order[k] = by_x[k] = k;
      reach = MAX (reach, nodes[k].r * 1.71 + self->badge_r + self->line_width * 2);
      max_label_w = MAX (max_label_w, nodes[k].label_w);
    }
  g_qsort_with_data (order, n, sizeof (guint), node_by_radius_desc, nodes);
  /* Obstacles are looked up in x order: only those within reach of a box. */
  g_qsort_with_data (by_x, n, sizeof (guint), node_by_x, nodes);

  for (k = 0; k < n; k++)
    {
      EntenteSceneNode *node = &nodes[order[k]];
      double best_cost = G_MAXDOUBLE, best_dx = 0, best_dy = 0, best_label_overlap = 0;
      double rr = node->r + self->line_width * 2 + gap;
      double lh2 = node->label_h * node->label_h, cover = 1000 * lh2;
      gboolean best_leader = FALSE;
      Box best_box = { 0, };

      node->label_leader = FALSE;
      if (!self->options.show_labels || node->label == NULL || *node->label == '\0')
        {
          node->label_visible = FALSE;
          continue;
        }

      for (c = 0; c < n_candidates; c++)
        {
          guint ring = c / 8;
          double ux = dirs[c % 8][0], uy = dirs[c % 8][1];
          double dist = rr + (ring == 0 ? 0 : ring == 1 ? node->label_h * 0.8 : node->label_h * (ring == 2 ? 2.4 : 4.2));
          double ax = node->x + ux * dist, ay = node->y + uy * dist;
          double bx, by, cost = (c % 8) * 0.01 * lh2 + (ring == 0 ? 0 : ring == 1 ? 2 * lh2 : ring == 2 ? 100 * lh2 : 150 * lh2);
          double label_overlap = 0, own_gap;
          Box box;

          /* Every term below only adds to a candidate's base cost, and the
           * base costs grow with c: once the best place found costs no more
           * than this base, no later candidate can beat it (same choice,
           * without scanning the rest). */
          if (cost >= best_cost)
            break;

          /* Anchor the box so that its side or corner facing the node
           * touches (ax, ay). */
          if (ux > 0.1)
            bx = ax;
          else if (ux < -0.1)
            bx = ax - node->label_w;
          else
            bx = ax - node->label_w / 2;
          if (uy > 0.1)
            by = ay;
          else if (uy < -0.1)
            by = ay - node->label_h;
          else
            by = ay - node->label_h / 2;
          box.x0 = bx;
          box.y0 = by;
          box.x1 = bx + node->label_w;
          box.y1 = by + node->label_h;

          own_gap = box_disc_gap (&box, node);
          cost += box_outside (&box, area) * 50;
          /* Placed labels are kept sorted by their left edge. */
          for (j = lower_bound_x0 (placed, box.x0 - max_label_w); j < placed->len; j++)
            {
              const Box *other = &g_array_index (placed, Box, j);

              if (other->x0 >= box.x1)
                break;
              label_overlap += box_overlap (&box, other);
            }
          cost += label_overlap * 10;
          /* Covering another label is nearly as bad as covering a state. */
          if (label_overlap > node->label_w * node->label_h * 0.02)
            cost += cover * 0.5;
          for (j = lower_bound_node (nodes, by_x, n, box.x0 - reach); j < n; j++)
            {
              const EntenteSceneNode *other = &nodes[by_x[j]];
              Box nb;

              if (other->x - reach > box.x1)
                break;
              if (other != node)
                {
                  /* Everything below is zero for a state whose disc, badge
                   * and "nearer than its own" distance are all clear of the
                   * box: skip it on a cheap axis test. */
                  double e = MAX (other->r + MAX (MAX (own_gap, 0), self->line_width * 2),
                                  other->r * 0.7071 + self->badge_r) * (1 + 1e-9) + 1e-9;

                  if (other->x + e < box.x0 || other->x - e > box.x1 ||
                      other->y + e < box.y0 || other->y - e > box.y1)
                    continue;
                }
              if (other != node)
                {
                  /* A label nearer another state than its own reads as
                   * that state's. */
                  if (box_disc_gap (&box, other) < own_gap)
                    cost += 3 * lh2;
                  nb = node_box (other, self->line_width * 2);
                  cost += box_overlap (&box, &nb) * 4;
                  /* Covering another state's disc is what a label must
                   * not do while any other place is free. */
                  if (box_meets_disc (&box, other->x, other->y, other->r + self->line_width * 1.5))
                    cost += cover;
                }
              if (other->has_result)
                {
                  double bxx = other->x + other->r * 0.7071, byy = other->y + other->r * 0.7071;
                  Box badge = { bxx - self->badge_r, byy - self->badge_r,
                                bxx + self->badge_r, byy + self->badge_r };

                  cost += box_overlap (&box, &badge) * 4;
                  if (other != node && box_meets_disc (&box, bxx, byy, self->badge_r))
                    cost += cover;
                }
            }
          if (check_ties)
            for (j = 0; j < self->ties->len; j++)
              {
                const EntenteSceneTie *tie = &g_array_index (self->ties, EntenteSceneTie, j);
                const EntenteSceneNode *ta = &nodes[tie->a], *tb = &nodes[tie->b];

                if (MAX (ta->x, tb->x) < box.x0 || MIN (ta->x, tb->x) > box.x1 ||
                    MAX (ta->y, tb->y) < box.y0 || MIN (ta->y, tb->y) > box.y1)
                  continue;
                cost += box_clip_length (&box, ta->x, ta->y, tb->x, tb->y) * node->label_h * 0.1;
              }
          if (cost < best_cost)
            {
              best_cost = cost;
              best_label_overlap = label_overlap;
              best_dx = bx - node->x;
              best_dy = by - node->y;
              best_box = box;
              best_leader = ring >= 2;
            }
        }

      /* In a crowded diagram, a label that would cover other labels badly
       * is left out rather than drawn illegibly; the full name stays in the
       * tooltip and the SVG <title>. */
      node->label_visible = !(n > 40 && best_label_overlap > node->label_w * node->label_h * 0.02);
      node->label_dx = best_dx;
      node->label_dy = best_dy + node->label_ascent;
      node->label_leader = node->label_visible && best_leader;
      if (node->label_visible)
        g_array_insert_val (placed, lower_bound_x0 (placed, best_box.x0), best_box);
    }
}

/* The leader line from a node to its label placed away from it: from the
 * node's outline towards the nearest point of the label's box. */
gboolean
_entente_scene_label_leader (EntenteScene           *self,
                             const EntenteSceneNode *node,
                             double                 *x1,
                             double                 *y1,
                             double                 *x2,
                             double                 *y2)
{
  double bx0 = node->x + node->label_dx, by0 = node->y + node->label_dy - node->label_ascent;
  double px, py, d;

  if (!node->label_visible || !node->label_leader)
    return FALSE;
  px = CLAMP (node->x, bx0, bx0 + node->label_w);
  py = CLAMP (node->y, by0, by0 + node->label_h);
  d = hypot (px - node->x, py - node->y);
  if (d <= node->r + self->line_width * 2)
    return FALSE;
  *x1 = node->x + (px - node->x) / d * (node->r + self->line_width);
  *y1 = node->y + (py - node->y) / d * (node->r + self->line_width);
  *x2 = px - (px - node->x) / d * self->line_width;
  *y2 = py - (py - node->y) / d * self->line_width;
  return TRUE;
}

/* The bounding box of what is drawn for the network (nodes, rings, badges,
 * labels, hull outlines). */
EntenteSceneBox
_entente_scene_content_box (EntenteScene *self)
{
  Box b = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  guint i;

  for (i = 0; i < self->nodes->len; i++)
    {
      const EntenteSceneNode *node = &g_array_index (self->nodes, EntenteSceneNode, i);
      double extra = self->line_width * 3;
      Box nb = node_box (node, extra);

      if (node->has_result)
        {
          nb.x1 = MAX (nb.x1, node->x + node->r * 0.7071 + self->badge_r + self->line_width);
          nb.y1 = MAX (nb.y1, node->y + node->r * 0.7071 + self->badge_r + self->line_width);
        }
      b.x0 = MIN (b.x0, nb.x0);
      b.y0 = MIN (b.y0, nb.y0);
      b.x1 = MAX (b.x1, nb.x1);
      b.y1 = MAX (b.y1, nb.y1);
      if (node->label_visible)
        {
          double lx = node->x + node->label_dx, ly = node->y + node->label_dy - node->label_ascent;

          b.x0 = MIN (b.x0, lx);
          b.y0 = MIN (b.y0, ly);
          b.x1 = MAX (b.x1, lx + node->label_w);
          b.y1 = MAX (b.y1, ly + node->label_h);
        }
    }
  for (i = 0; i < self->hulls->len; i++)
    {
      const EntenteSceneHull *hull = g_ptr_array_index (self->hulls, i);
      guint p;

      for (p = 0; p + 1 < hull->points->len; p += 2)
        {
          double x = g_array_index (hull->points, double, p);
          double y = g_array_index (hull->points, double, p + 1);

          b.x0 = MIN (b.x0, x - self->line_width);
          b.x1 = MAX (b.x1, x + self->line_width);
          b.y1 = MAX (b.y1, y + self->line_width);
          b.y0 = MIN (b.y0, y - self->line_width);
        }
      if (hull->label != NULL && *hull->label)
        b.y0 = MIN (b.y0, hull->label_y - self->font_size * 1.1);
    }

  return b;
}
