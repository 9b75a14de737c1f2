/* entente-scene-cairo.c: draw a scene on any cairo context (screen, PDF, PNG)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-scene-cairo"

#include "config.h"

#include "entente-scene.h"
#include "entente-scene-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Glyphs: shapes, not letters, so they need no font and read in any
 * language: balance "=", bandwagon "▶" (riding along), buck-pass "»"
 * (passing on), chain-gang two linked rings, tether a bar held at both
 * ends, hide an empty box, revisionist lead a star. */
static const EntenteGlyphPart glyph_balance[] = {
  { _ENTENTE_GLYPH_FILL_POLYGON, 8, { -0.75, -0.5, 0.75, -0.5, 0.75, -0.14, -0.75, -0.14 } },
  { _ENTENTE_GLYPH_FILL_POLYGON, 8, { -0.75, 0.14, 0.75, 0.14, 0.75, 0.5, -0.75, 0.5 } },
  { _ENTENTE_GLYPH_END, 0, { 0 } },
};
static const EntenteGlyphPart glyph_bandwagon[] = {
  { _ENTENTE_GLYPH_FILL_POLYGON, 6, { -0.55, -0.8, 0.85, 0, -0.55, 0.8 } },
  { _ENTENTE_GLYPH_END, 0, { 0 } },
};
static const EntenteGlyphPart glyph_buck_pass[] = {
  { _ENTENTE_GLYPH_STROKE_POLYLINE, 6, { -0.8, -0.65, -0.1, 0, -0.8, 0.65 } },
  { _ENTENTE_GLYPH_STROKE_POLYLINE, 6, { 0.05, -0.65, 0.75, 0, 0.05, 0.65 } },
  { _ENTENTE_GLYPH_END, 0, { 0 } },
};
static const EntenteGlyphPart glyph_chain_gang[] = {
  { _ENTENTE_GLYPH_STROKE_CIRCLE, 3, { -0.36, 0, 0.46 } },
  { _ENTENTE_GLYPH_STROKE_CIRCLE, 3, { 0.36, 0, 0.46 } },
  { _ENTENTE_GLYPH_END, 0, { 0 } },
};
static const EntenteGlyphPart glyph_tether[] = {
  { _ENTENTE_GLYPH_STROKE_POLYLINE, 4, { -0.75, 0, 0.75, 0 } },
  { _ENTENTE_GLYPH_STROKE_POLYLINE, 4, { -0.75, -0.6, -0.75, 0.6 } },
  { _ENTENTE_GLYPH_STROKE_POLYLINE, 4, { 0.75, -0.6, 0.75, 0.6 } },
  { _ENTENTE_GLYPH_END, 0, { 0 } },
};
static const EntenteGlyphPart glyph_hide[] = {
  { _ENTENTE_GLYPH_STROKE_POLYLINE, 10, { -0.6, -0.6, 0.6, -0.6, 0.6, 0.6, -0.6, 0.6, -0.6, -0.6 } },
  { _ENTENTE_GLYPH_END, 0, { 0 } },
};
static const EntenteGlyphPart glyph_revisionist[] = {
  { _ENTENTE_GLYPH_FILL_POLYGON, 20, { 0, -1, 0.247, -0.34, 0.951, -0.309, 0.399, 0.13,
                                       0.588, 0.809, 0, 0.42, -0.588, 0.809, -0.399, 0.13,
                                       -0.951, -0.309, -0.247, -0.34 } },
  { _ENTENTE_GLYPH_END, 0, { 0 } },
};

const EntenteGlyphPart *
_entente_scene_glyph (EntenteBehaviour behaviour)
{
  switch (behaviour)
    {
    case ENTENTE_BEHAVIOUR_BALANCE: return glyph_balance;
    case ENTENTE_BEHAVIOUR_BANDWAGON: return glyph_bandwagon;
    case ENTENTE_BEHAVIOUR_BUCK_PASS: return glyph_buck_pass;
    case ENTENTE_BEHAVIOUR_CHAIN_GANG: return glyph_chain_gang;
    case ENTENTE_BEHAVIOUR_TETHER: return glyph_tether;
    case ENTENTE_BEHAVIOUR_REVISIONIST_LEAD: return glyph_revisionist;
    case ENTENTE_BEHAVIOUR_HIDE:
    case ENTENTE_N_BEHAVIOURS:
    default:
      return glyph_hide;
    }
}

static void
set_color (cairo_t                 *cr,
           const EntenteSceneColor *c,
           double                   alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a * alpha);
}

static void
set_dash (cairo_t *cr,
          double   unit,
          int      style)
{
  double dashes[2];
  int n;

  _entente_scene_dash (unit, style, dashes, &n);
  cairo_set_dash (cr, dashes, n, 0);
}

/* Appends the parts of a glyph that are filled (@fill) or stroked to the
 * current path, so that many badges draw in one operation each. */
static void
glyph_path (cairo_t          *cr,
            EntenteBehaviour  behaviour,
            double            x,
            double            y,
            double            r,
            gboolean          fill)
{
  const EntenteGlyphPart *part;
  double s = r * _ENTENTE_GLYPH_SCALE;
  guint i;

  for (part = _entente_scene_glyph (behaviour); part->op != _ENTENTE_GLYPH_END; part++)
    {
      if ((part->op == _ENTENTE_GLYPH_FILL_POLYGON) != fill)
        continue;
      cairo_new_sub_path (cr);
      switch (part->op)
        {
        case _ENTENTE_GLYPH_STROKE_CIRCLE:
          cairo_arc (cr, x + part->pts[0] * s, y + part->pts[1] * s, part->pts[2] * s, 0, 2 * G_PI);
          break;
        case _ENTENTE_GLYPH_FILL_POLYGON:
        case _ENTENTE_GLYPH_STROKE_POLYLINE:
          for (i = 0; i + 1 < part->n; i += 2)
            cairo_line_to (cr, x + part->pts[i] * s, y + part->pts[i + 1] * s);
          if (part->op == _ENTENTE_GLYPH_FILL_POLYGON)
            cairo_close_path (cr);
          break;
        case _ENTENTE_GLYPH_END:
        default:
          break;
        }
    }
}

void
entente_scene_draw_glyph (cairo_t          *cr,
                          EntenteBehaviour  behaviour,
                          double            x,
                          double            y,
                          double            r)
{
  const EntenteGlyphPart *part;
  double s = r * _ENTENTE_GLYPH_SCALE;
  guint i;

  cairo_save (cr);
  cairo_set_line_width (cr, r * _ENTENTE_GLYPH_STROKE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);
  for (part = _entente_scene_glyph (behaviour); part->op != _ENTENTE_GLYPH_END; part++)
    {
      cairo_new_path (cr);
      switch (part->op)
        {
        case _ENTENTE_GLYPH_STROKE_CIRCLE:
          cairo_arc (cr, x + part->pts[0] * s, y + part->pts[1] * s, part->pts[2] * s, 0, 2 * G_PI);
          cairo_stroke (cr);
          break;
        case _ENTENTE_GLYPH_FILL_POLYGON:
        case _ENTENTE_GLYPH_STROKE_POLYLINE:
          for (i = 0; i + 1 < part->n; i += 2)
            cairo_line_to (cr, x + part->pts[i] * s, y + part->pts[i + 1] * s);
          if (part->op == _ENTENTE_GLYPH_FILL_POLYGON)
            {
              cairo_close_path (cr);
              cairo_fill (cr);
            }
          else
            cairo_stroke (cr);
          break;
        case _ENTENTE_GLYPH_END:
        default:
          break;
        }
    }
  cairo_restore (cr);
}

/* What a drawing needs to know about its surface. Text layouts come
 * shaped from _entente_scene_shaped_text(). */
typedef struct
{
  gboolean     vector;          /* PDF, SVG, PostScript: halos as outlines */
} TextCache;

static void
text_cache_init (TextCache *tc,
                 cairo_t   *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  tc->vector = type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_PS ||
               type == CAIRO_SURFACE_TYPE_SVG;
}

static void
draw_text (cairo_t                 *cr,
           EntenteScene            *self,
           TextCache               *tc,
           const char              *text,
           double                   x,
           double                   baseline,
           double                   size,
           gboolean                 bold,
           const EntenteSceneColor *color,
           gboolean                 halo)
{
  PangoLayout *layout = _entente_scene_shaped_text (self->font_family, size, bold, text);
  double ascent;

  ascent = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  if (halo && self->halo.a > 0)
    {
      cairo_save (cr);
      set_color (cr, &self->halo, 1);
      if (tc->vector)
        {
          /* In vector files the halo is an outline, as in the SVG. */
          cairo_move_to (cr, x, baseline - ascent);
          pango_cairo_layout_path (cr, layout);
          cairo_set_line_width (cr, size * 0.28);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_stroke (cr);
        }
      else
        {
          /* On pixels, the text drawn around itself looks the same and
           * costs a fraction of stroking the glyph outlines. */
          static const double offsets[8][2] = {
            { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 },
            { 0.7, 0.7 }, { -0.7, 0.7 }, { 0.7, -0.7 }, { -0.7, -0.7 },
          };
          double d = size * 0.13;
          guint k;

          for (k = 0; k < G_N_ELEMENTS (offsets); k++)
            {
              cairo_move_to (cr, x + offsets[k][0] * d, baseline - ascent + offsets[k][1] * d);
              pango_cairo_show_layout (cr, layout);
            }
        }
      cairo_restore (cr);
    }
  cairo_move_to (cr, x, baseline - ascent);
  set_color (cr, color, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* The node disc with its bloc fill and pattern. */
static void
fill_node (cairo_t                 *cr,
           EntenteScene            *self,
           double                   x,
           double                   y,
           double                   r,
           const EntenteSceneColor *fill,
           EntenteSceneFill         pattern,
           gboolean                 dashed)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  set_color (cr, fill, 1);
  cairo_fill_preserve (cr);
  if (pattern != ENTENTE_SCENE_FILL_SOLID)
    {
      double step = self->line_width * 2.4, d;

      cairo_save (cr);
      cairo_clip_preserve (cr);
      cairo_new_path (cr);
      set_color (cr, &self->foreground, 0.8);
      cairo_set_line_width (cr, self->line_width * 0.7);
      if (pattern == ENTENTE_SCENE_FILL_HATCH)
        {
          for (d = -2 * r; d <= 2 * r; d += step)
            {
              cairo_move_to (cr, x + d - r, y + r);
              cairo_line_to (cr, x + d + r, y - r);
            }
          cairo_stroke (cr);
        }
      else
        {
          double yy, xx;

          for (yy = y - r; yy <= y + r; yy += step)
            for (xx = x - r; xx <= x + r; xx += step)
              {
                cairo_new_sub_path (cr);
                cairo_arc (cr, xx, yy, self->line_width * 0.5, 0, 2 * G_PI);
              }
          cairo_fill (cr);
        }
      cairo_restore (cr);
    }
  set_color (cr, &self->foreground, 1);
  cairo_set_line_width (cr, self->line_width);
  set_dash (cr, self->line_width, dashed ? _ENTENTE_DASH_DASHED : _ENTENTE_DASH_NONE);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_intention (cairo_t      *cr,
                EntenteScene *self,
                double        x,
                double        y,
                double        r,
                double        intention)
{
  double rr = r + self->line_width * 1.9;

  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, x, y, rr, 0, 2 * G_PI);
  set_color (cr, &self->muted, 0.35);
  cairo_set_line_width (cr, self->line_width * 0.6);
  cairo_stroke (cr);
  if (intention > 0.005)
    {
      cairo_arc (cr, x, y, rr, -G_PI / 2, -G_PI / 2 + 2 * G_PI * intention);
      set_color (cr, &self->foreground, 1);
      cairo_set_line_width (cr, self->line_width * 1.4);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_stroke (cr);
    }
}

static void
draw_badge (cairo_t          *cr,
            EntenteScene     *self,
            EntenteBehaviour  behaviour,
            double            x,
            double            y,
            double            r)
{
  EntenteSceneColor bg = self->halo;

  bg.a = 1;
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  set_color (cr, &bg, 1);
  cairo_fill_preserve (cr);
  set_color (cr, &self->foreground, 1);
  cairo_set_line_width (cr, self->line_width * 0.8);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);
  entente_scene_draw_glyph (cr, behaviour, x, y, r);
}

static void
tie_style (cairo_t               *cr,
           EntenteScene          *self,
           EntenteSceneTieKind    kind,
           double                 width)
{
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  switch (kind)
    {
    case ENTENTE_SCENE_TIE_RIVALRY:
      set_color (cr, &self->muted, 1);
      set_dash (cr, self->line_width * 1.2, _ENTENTE_DASH_DASHED);
      break;
    case ENTENTE_SCENE_TIE_COMMITMENT:
    case ENTENTE_SCENE_TIE_TETHER:
    default:
      set_color (cr, &self->foreground, 0.75);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

/* Two short bars across the middle of a tethered tie: the pair is held
 * together (Weitsman's tethering). */
static void
tether_bars (cairo_t *cr,
             double   x1,
             double   y1,
             double   x2,
             double   y2,
             double   len,
             double   gap)
{
  double dx = x2 - x1, dy = y2 - y1, d = hypot (dx, dy), ux, uy, mx, my;
  int s;

  if (d < 1e-6)
    return;
  ux = dx / d;
  uy = dy / d;
  mx = (x1 + x2) / 2;
  my = (y1 + y2) / 2;
  for (s = -1; s <= 1; s += 2)
    {
      double cx = mx + ux * gap * s, cy = my + uy * gap * s;

      cairo_move_to (cr, cx - uy * len, cy + ux * len);
      cairo_line_to (cr, cx + uy * len, cy - ux * len);
    }
}

/* Appends the outline of the segment (x1,y1)–(x2,y2) stroked @width wide
 * with butt caps: a quadrilateral. */
static void
segment_quad (cairo_t *cr,
              double   x1,
              double   y1,
              double   x2,
              double   y2,
              double   nx,
              double   ny)
{
  cairo_move_to (cr, x1 + nx, y1 + ny);
  cairo_line_to (cr, x2 + nx, y2 + ny);
  cairo_line_to (cr, x2 - nx, y2 - ny);
  cairo_line_to (cr, x1 - nx, y1 - ny);
  cairo_close_path (cr);
}

/* A line stroked @width wide with butt caps, dashed (@on, @off) from its
 * start as cairo dashes it, or solid when @on <= 0, as filled quads. */
static void
line_quads (cairo_t *cr,
            double   x1,
            double   y1,
            double   x2,
            double   y2,
            double   width,
            double   on,
            double   off)
{
  double dx = x2 - x1, dy = y2 - y1, d = hypot (dx, dy), ux, uy, nx, ny, t;

  if (d < 1e-9)
    return;
  ux = dx / d;
  uy = dy / d;
  nx = -uy * width / 2;
  ny = ux * width / 2;
  if (on <= 0)
    {
      segment_quad (cr, x1, y1, x2, y2, nx, ny);
      return;
    }
  for (t = 0; t < d; t += on + off)
    {
      double e = MIN (t + on, d);

      segment_quad (cr, x1 + ux * t, y1 + uy * t, x1 + ux * e, y1 + uy * e, nx, ny);
    }
}

/* On pixels, the ties are two fills: every solid tie (and tether bar) as
 * a quadrilateral in one path, every dash of every rivalry in another.
 * Thousands of separate strokes each cost a scan of their bounding box;
 * two fills cost one scan of the network, and fast (4×4) antialiasing is
 * enough for straight edges. Where ties cross, the translucent ink is laid
 * once instead of twice. Vector files keep one exact stroke per tie. */
static void
draw_ties_filled (cairo_t      *cr,
                  EntenteScene *self)
{
  double dashes[2];
  int n_dashes, pass;
  guint i;

  _entente_scene_dash (self->line_width * 1.2, _ENTENTE_DASH_DASHED, dashes, &n_dashes);
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (pass = 0; pass < 2; pass++)
    {
      gboolean rivalry = pass == 1, any = FALSE;

      cairo_new_path (cr);
      for (i = 0; i < self->ties->len; i++)
        {
          const EntenteSceneTie *tie = &g_array_index (self->ties, EntenteSceneTie, i);
          double x1, y1, x2, y2;

          if ((tie->kind == ENTENTE_SCENE_TIE_RIVALRY) != rivalry ||
              !_entente_scene_tie_line (self, tie, &x1, &y1, &x2, &y2))
            continue;
          any = TRUE;
          line_quads (cr, x1, y1, x2, y2, tie->width, rivalry ? dashes[0] : 0, dashes[1]);
          if (tie->kind == ENTENTE_SCENE_TIE_TETHER)
            {
              double dx = x2 - x1, dy = y2 - y1, d = hypot (dx, dy);
              double len = self->font_size * 0.45, gap = self->font_size * 0.2;
              int k;

              if (d < 1e-6)
                continue;
              dx /= d;
              dy /= d;
              for (k = -1; k <= 1; k += 2)
                {
                  double cx = (x1 + x2) / 2 + dx * gap * k, cy = (y1 + y2) / 2 + dy * gap * k;

                  line_quads (cr, cx - dy * len, cy + dx * len, cx + dy * len, cy - dx * len,
                              self->line_width * 1.2, 0, 0);
                }
            }
        }
      if (!any)
        continue;
      if (rivalry)
        set_color (cr, &self->muted, 1);
      else
        set_color (cr, &self->foreground, 0.75);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_ties (cairo_t      *cr,
           EntenteScene *self,
           gboolean      vector)
{
  guint i;

  if (!vector)
    {
      draw_ties_filled (cr, self);
      return;
    }
  for (i = 0; i < self->ties->len; i++)
    {
      const EntenteSceneTie *tie = &g_array_index (self->ties, EntenteSceneTie, i);
      double x1, y1, x2, y2;

      if (!_entente_scene_tie_line (self, tie, &x1, &y1, &x2, &y2))
        continue;
      tie_style (cr, self, tie->kind, tie->width);
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
      cairo_stroke (cr);
      if (tie->kind == ENTENTE_SCENE_TIE_TETHER)
        {
          cairo_set_line_width (cr, self->line_width * 1.2);
          tether_bars (cr, x1, y1, x2, y2, self->font_size * 0.45, self->font_size * 0.2);
          cairo_stroke (cr);
        }
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_arrow_shape (cairo_t      *cr,
                  EntenteScene *self,
                  const double *p)
{
  set_color (cr, &self->threat_color, 0.95);
  cairo_set_line_width (cr, self->line_width * 1.1);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, p[0], p[1]);
  cairo_curve_to (cr, p[0] + 2.0 / 3 * (p[2] - p[0]), p[1] + 2.0 / 3 * (p[3] - p[1]),
                  p[4] + 2.0 / 3 * (p[2] - p[4]), p[5] + 2.0 / 3 * (p[3] - p[5]), p[4], p[5]);
  cairo_stroke (cr);
  cairo_move_to (cr, p[6], p[7]);
  cairo_line_to (cr, p[8], p[9]);
  cairo_line_to (cr, p[10], p[11]);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
hull_path (cairo_t                *cr,
           const EntenteSceneHull *hull)
{
  guint p = 0, l, k;

  cairo_new_path (cr);
  for (l = 0; l < hull->loops->len; l++)
    {
      guint count = g_array_index (hull->loops, guint, l);

      for (k = 0; k < count && 2 * p + 1 < hull->points->len; k++, p++)
        {
          double x = g_array_index (hull->points, double, 2 * p);
          double y = g_array_index (hull->points, double, 2 * p + 1);

          if (k == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
}

static void
draw_hulls (cairo_t      *cr,
            EntenteScene *self,
            TextCache    *tc)
{
  guint h;

  for (h = 0; h < self->hulls->len; h++)
    {
      const EntenteSceneHull *hull = g_ptr_array_index (self->hulls, h);

      hull_path (cr, hull);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      set_color (cr, &hull->color, 0.09);
      cairo_fill_preserve (cr);
      set_color (cr, &hull->color, 1);
      cairo_set_line_width (cr, self->line_width * 1.2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      set_dash (cr, self->line_width * 1.2, _entente_scene_hull_dash (hull->kind));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
    }
  for (h = 0; h < self->hulls->len; h++)
    {
      const EntenteSceneHull *hull = g_ptr_array_index (self->hulls, h);

      if (hull->label != NULL && *hull->label)
        draw_text (cr, self, tc, hull->label, hull->label_x, hull->label_y, self->font_size * 0.85,
                   FALSE, &hull->color, TRUE);
    }
}

static gboolean
same_color (const EntenteSceneColor *a,
            const EntenteSceneColor *b)
{
  return a->r == b->r && a->g == b->g && a->b == b->b && a->a == b->a;
}

/* Every node, layer by layer: intention tracks, arcs, fills (one path per
 * colour), outlines, badges and glyphs are one cairo operation each, so
 * a few hundred states cost a few dozen operations. The nodes do not
 * overlap (the layout keeps them apart), so this draws what drawing them
 * one by one would. */
static void
draw_nodes (cairo_t      *cr,
            EntenteScene *self)
{
  guint n = self->nodes->len, i, j, b;
  EntenteSceneNode *nodes = (EntenteSceneNode *) self->nodes->data;
  g_autofree gboolean *done = g_new0 (gboolean, MAX (n, 1));
  EntenteSceneColor bg = self->halo;
  gboolean any_badge = FALSE;
  int dashed;

  if (n == 0)
    return;
  cairo_set_dash (cr, NULL, 0, 0);

  /* Intention: the faint full track, then the arcs. */
  cairo_new_path (cr);
  for (i = 0; i < n; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, nodes[i].x, nodes[i].y, nodes[i].r + self->line_width * 1.9, 0, 2 * G_PI);
    }
  set_color (cr, &self->muted, 0.35);
  cairo_set_line_width (cr, self->line_width * 0.6);
  cairo_stroke (cr);
  for (i = 0; i < n; i++)
    if (nodes[i].intention > 0.005)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, nodes[i].x, nodes[i].y, nodes[i].r + self->line_width * 1.9, -G_PI / 2,
                   -G_PI / 2 + 2 * G_PI * nodes[i].intention);
      }
  set_color (cr, &self->foreground, 1);
  cairo_set_line_width (cr, self->line_width * 1.4);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_stroke (cr);

  /* Fills, one path per colour; patterns on top of their node. */
  for (i = 0; i < n; i++)
    {
      if (done[i])
        continue;
      cairo_new_path (cr);
      for (j = i; j < n; j++)
        if (!done[j] && same_color (&nodes[j].fill, &nodes[i].fill))
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, nodes[j].x, nodes[j].y, nodes[j].r, 0, 2 * G_PI);
            done[j] = TRUE;
          }
      set_color (cr, &nodes[i].fill, 1);
      cairo_fill (cr);
    }
  for (i = 0; i < n; i++)
    if (nodes[i].pattern != ENTENTE_SCENE_FILL_SOLID)
      {
        /* fill_node() draws the pattern and the outline of one node. */
        fill_node (cr, self, nodes[i].x, nodes[i].y, nodes[i].r, &nodes[i].fill,
                   nodes[i].pattern, nodes[i].dashed);
      }

  /* Outlines: solid ones, then dashed ones. */
  for (dashed = 0; dashed <= 1; dashed++)
    {
      cairo_new_path (cr);
      for (i = 0; i < n; i++)
        if (nodes[i].dashed == dashed && nodes[i].pattern == ENTENTE_SCENE_FILL_SOLID)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, nodes[i].x, nodes[i].y, nodes[i].r, 0, 2 * G_PI);
          }
      set_color (cr, &self->foreground, 1);
      cairo_set_line_width (cr, self->line_width);
      set_dash (cr, self->line_width, dashed ? _ENTENTE_DASH_DASHED : _ENTENTE_DASH_NONE);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* Badges: discs, rims, then the glyphs of each behaviour. */
  bg.a = 1;
  cairo_new_path (cr);
  for (i = 0; i < n; i++)
    if (nodes[i].has_result)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, nodes[i].x + nodes[i].r * G_SQRT2 / 2, nodes[i].y + nodes[i].r * G_SQRT2 / 2,
                   self->badge_r, 0, 2 * G_PI);
        any_badge = TRUE;
      }
  if (!any_badge)
    {
      cairo_new_path (cr);
      return;
    }
  set_color (cr, &bg, 1);
  cairo_fill_preserve (cr);
  set_color (cr, &self->foreground, 1);
  cairo_set_line_width (cr, self->line_width * 0.8);
  cairo_stroke (cr);
  cairo_set_line_width (cr, self->badge_r * _ENTENTE_GLYPH_STROKE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (b = 0; b < ENTENTE_N_BEHAVIOURS; b++)
    {
      gboolean fill;

      for (fill = FALSE; fill <= TRUE; fill++)
        {
          cairo_new_path (cr);
          for (i = 0; i < n; i++)
            if (nodes[i].has_result && nodes[i].behaviour == b)
              glyph_path (cr, b, nodes[i].x + nodes[i].r * G_SQRT2 / 2,
                          nodes[i].y + nodes[i].r * G_SQRT2 / 2, self->badge_r, fill);
          if (fill)
            cairo_fill (cr);
          else
            cairo_stroke (cr);
        }
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
}

static void
draw_legend_icon (cairo_t                       *cr,
                  EntenteScene                  *self,
                  const EntenteSceneLegendEntry *entry,
                  double                         cx,
                  double                         cy)
{
  double fs = self->font_size;

  switch (entry->kind)
    {
    case ENTENTE_SCENE_LEGEND_BLOC:
      fill_node (cr, self, cx, cy, fs * 0.45, &self->bloc_fill[entry->value],
                 self->bloc_pattern[entry->value], entry->value == ENTENTE_BLOC_U);
      break;
    case ENTENTE_SCENE_LEGEND_BEHAVIOUR:
      draw_badge (cr, self, entry->value, cx, cy, self->badge_r);
      break;
    case ENTENTE_SCENE_LEGEND_TIE:
      tie_style (cr, self, entry->value,
                 entry->value == ENTENTE_SCENE_TIE_RIVALRY ? self->line_width * 1.2
                                                           : self->line_width * 2);
      cairo_move_to (cr, cx - fs * 0.95, cy);
      cairo_line_to (cr, cx + fs * 0.95, cy);
      cairo_stroke (cr);
      if (entry->value == ENTENTE_SCENE_TIE_TETHER)
        {
          cairo_set_line_width (cr, self->line_width * 1.2);
          tether_bars (cr, cx - fs, cy, cx + fs, cy, fs * 0.45, fs * 0.2);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case ENTENTE_SCENE_LEGEND_THREAT:
      {
        double head = self->line_width * 5;
        double p[12] = { cx - fs * 0.95, cy, cx, cy, cx + fs * 0.95 - head, cy,
                         cx + fs * 0.95, cy, cx + fs * 0.95 - head, cy - head * 0.45,
                         cx + fs * 0.95 - head, cy + head * 0.45 };

        draw_arrow_shape (cr, self, p);
      }
      break;
    case ENTENTE_SCENE_LEGEND_HULL:
      {
        const EntenteSceneColor *c = &self->hull_color[entry->value];

        cairo_new_path (cr);
        cairo_rectangle (cr, cx - fs * 0.9, cy - fs * 0.42, fs * 1.8, fs * 0.84);
        set_color (cr, c, 0.09);
        cairo_fill_preserve (cr);
        set_color (cr, c, 1);
        cairo_set_line_width (cr, self->line_width * 1.2);
        set_dash (cr, self->line_width * 1.2, _entente_scene_hull_dash (entry->value));
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case ENTENTE_SCENE_LEGEND_SIZE:
      cairo_new_path (cr);
      set_color (cr, &self->foreground, 1);
      cairo_set_line_width (cr, self->line_width);
      cairo_arc (cr, cx - fs * 0.55, cy + fs * 0.2, fs * 0.22, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, cx + fs * 0.3, cy, fs * 0.44, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case ENTENTE_SCENE_LEGEND_INTENTION:
      {
        EntenteSceneColor none = self->bloc_fill[ENTENTE_BLOC_U];

        draw_intention (cr, self, cx, cy, fs * 0.36, 0.6);
        fill_node (cr, self, cx, cy, fs * 0.36, &none, ENTENTE_SCENE_FILL_SOLID, FALSE);
      }
      break;
    case ENTENTE_SCENE_LEGEND_HEADING:
    default:
      break;
    }
}

static void
draw_legend (cairo_t      *cr,
             EntenteScene *self,
             TextCache    *tc)
{
  guint i;

  for (i = 0; i < self->legend->len; i++)
    {
      const EntenteSceneLegendEntry *entry = &g_array_index (self->legend,
                                                             EntenteSceneLegendEntry, i);
      double x = self->legend_x + entry->x, y = self->legend_y + entry->y;
      double baseline = y + (self->legend_row_h - self->text_height) / 2 + self->text_ascent;

      if (entry->kind == ENTENTE_SCENE_LEGEND_HEADING)
        {
          draw_text (cr, self, tc, entry->text, x, baseline, self->font_size, TRUE,
                     &self->foreground, FALSE);
          continue;
        }
      draw_legend_icon (cr, self, entry, x + self->font_size * 1.1, y + self->legend_row_h / 2);
      draw_text (cr, self, tc, entry->text, x + self->font_size * 2.4, baseline, self->font_size,
                 FALSE, &self->foreground, FALSE);
    }
}

/* On pixels, the threat arrows are one stroke (the curves) and one fill
 * (the heads); in vector files, one stroke and one fill each. */
static void
draw_arrows (cairo_t      *cr,
             EntenteScene *self,
             gboolean      vector)
{
  g_autofree double *pts = g_new (double, 12 * MAX (self->arrows->len, 1));
  guint i, n = 0;

  for (i = 0; i < self->arrows->len; i++)
    if (_entente_scene_arrow_curve (self, &g_array_index (self->arrows, EntenteSceneArrow, i),
                                    pts + 12 * n))
      n++;
  if (n == 0)
    return;
  if (vector)
    {
      for (i = 0; i < n; i++)
        draw_arrow_shape (cr, self, pts + 12 * i);
      return;
    }
  set_color (cr, &self->threat_color, 0.95);
  cairo_set_line_width (cr, self->line_width * 1.1);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_new_path (cr);
  for (i = 0; i < n; i++)
    {
      const double *p = pts + 12 * i;

      cairo_move_to (cr, p[0], p[1]);
      cairo_curve_to (cr, p[0] + 2.0 / 3 * (p[2] - p[0]), p[1] + 2.0 / 3 * (p[3] - p[1]),
                      p[4] + 2.0 / 3 * (p[2] - p[4]), p[5] + 2.0 / 3 * (p[3] - p[5]), p[4], p[5]);
    }
  cairo_stroke (cr);
  for (i = 0; i < n; i++)
    {
      const double *p = pts + 12 * i;

      cairo_move_to (cr, p[6], p[7]);
      cairo_line_to (cr, p[8], p[9]);
      cairo_line_to (cr, p[10], p[11]);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
}

static void
draw_background (cairo_t      *cr,
                 EntenteScene *self)
{
  if (self->background.a > 0)
    {
      set_color (cr, &self->background, 1);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_fill (cr);
    }
}

void
entente_scene_draw_layers (EntenteScene       *self,
                           cairo_t            *cr,
                           EntenteSceneLayers  layers)
{
  TextCache text_cache;
  TextCache *tc = &text_cache;
  guint i;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  text_cache_init (tc, cr);
  cairo_save (cr);
  /* On pixels, curves flattened to a third of a unit look the same and
   * rasterise a quarter faster (vector surfaces keep the exact curves). */
  if (!tc->vector)
    cairo_set_tolerance (cr, 0.3);

  /* Each layer starts from the same state, so that drawn alone (by the
   * canvas) it is what it is in the whole drawing. */
  if (layers & ENTENTE_SCENE_LAYER_NETWORK)
    {
      cairo_save (cr);
      draw_background (cr, self);
      draw_hulls (cr, self, tc);
      draw_ties (cr, self, tc->vector);
      cairo_restore (cr);
    }
  if (layers & ENTENTE_SCENE_LAYER_STATES)
    {
      cairo_save (cr);
      draw_arrows (cr, self, tc->vector);
      /* On pixels, the node layers (a few hundred circles each) use 4×4
       * antialiasing: it halves their cost and looks the same. */
      cairo_save (cr);
      if (!tc->vector)
        cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      draw_nodes (cr, self);
      cairo_restore (cr);
      cairo_restore (cr);
    }
  if (layers & ENTENTE_SCENE_LAYER_LABELS)
    {
      cairo_save (cr);
      for (i = 0; i < self->nodes->len; i++)
        {
          const EntenteSceneNode *node = &g_array_index (self->nodes, EntenteSceneNode, i);
          double lx1, ly1, lx2, ly2;

          if (_entente_scene_label_leader (self, node, &lx1, &ly1, &lx2, &ly2))
            {
              cairo_new_path (cr);
              cairo_move_to (cr, lx1, ly1);
              cairo_line_to (cr, lx2, ly2);
              set_color (cr, &self->foreground, 0.6);
              cairo_set_line_width (cr, self->line_width * 0.8);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
              cairo_stroke (cr);
            }
          if (node->label_visible)
            draw_text (cr, self, tc, node->label, node->x + node->label_dx, node->y + node->label_dy,
                       self->font_size, FALSE, &self->foreground, TRUE);
        }
      for (i = 0; i < self->title_lines->len; i++)
        {
          const EntenteSceneTextLine *line = &g_array_index (self->title_lines,
                                                             EntenteSceneTextLine, i);

          draw_text (cr, self, tc, line->text, line->x, line->y, self->title_size, TRUE,
                     &self->foreground, FALSE);
        }
      for (i = 0; i < self->caption_lines->len; i++)
        {
          const EntenteSceneTextLine *line = &g_array_index (self->caption_lines,
                                                             EntenteSceneTextLine, i);

          draw_text (cr, self, tc, line->text, line->x, line->y, self->caption_size, FALSE,
                     &self->foreground, FALSE);
        }
      cairo_restore (cr);
    }
  if (layers & ENTENTE_SCENE_LAYER_LEGEND)
    {
      cairo_save (cr);
      draw_legend (cr, self, tc);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

void
entente_scene_draw (EntenteScene *self,
                    cairo_t      *cr)
{
  entente_scene_draw_layers (self, cr, ENTENTE_SCENE_LAYER_ALL);
}
