/* entente-scene.c: build the diagram's display list from scenario, result and options
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-scene"

#include "config.h"

#include "entente-scene.h"
#include "entente-scene-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define LABEL_MAX_CHARS 28
#define HULL_SAMPLES 20

/* Options */

void
entente_scene_options_init (EntenteSceneOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->width = 640;
  options->height = 480;
  options->theme = ENTENTE_SCENE_THEME_LIGHT;
  options->palette = ENTENTE_SCENE_PALETTE_OKABE_ITO;
  options->show_threats = TRUE;
  options->show_hulls = TRUE;
  options->show_labels = TRUE;
  options->show_legend = TRUE;
  options->minimum = -1;
  options->font_size = 11;
  options->margin = -1;
}

void
entente_scene_options_clear (EntenteSceneOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->caption, g_free);
  g_clear_pointer (&options->font_family, g_free);
}

void
entente_scene_options_copy (EntenteSceneOptions       *dest,
                            const EntenteSceneOptions *src)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  *dest = *src;
  dest->title = g_strdup (src->title);
  dest->caption = g_strdup (src->caption);
  dest->font_family = g_strdup (src->font_family);
}

/* Names */

static const char * const behaviour_names[ENTENTE_N_BEHAVIOURS] = {
  "balance", "bandwagon", "buck-pass", "chain-gang", "tether", "hide", "revisionist-lead",
};

const char *
entente_scene_behaviour_name (EntenteBehaviour behaviour)
{
  g_return_val_if_fail (behaviour < ENTENTE_N_BEHAVIOURS, "unknown");

  return behaviour_names[behaviour];
}

const char *
entente_scene_behaviour_title (EntenteBehaviour behaviour)
{
  switch (behaviour)
    {
    case ENTENTE_BEHAVIOUR_BALANCE: return _("Balancing");
    case ENTENTE_BEHAVIOUR_BANDWAGON: return _("Bandwagoning");
    case ENTENTE_BEHAVIOUR_BUCK_PASS: return _("Buck-passing");
    case ENTENTE_BEHAVIOUR_CHAIN_GANG: return _("Chain-ganging");
    case ENTENTE_BEHAVIOUR_TETHER: return _("Tethering");
    case ENTENTE_BEHAVIOUR_HIDE: return _("Hiding");
    case ENTENTE_BEHAVIOUR_REVISIONIST_LEAD: return _("Revisionist lead");
    case ENTENTE_N_BEHAVIOURS:
    default:
      return _("Unknown");
    }
}

const char *
entente_scene_bloc_name (EntenteBloc bloc)
{
  switch (bloc)
    {
    case ENTENTE_BLOC_A: return "a";
    case ENTENTE_BLOC_B: return "b";
    case ENTENTE_BLOC_U:
    default:
      return "u";
    }
}

static const char *
bloc_title (EntenteBloc bloc)
{
  switch (bloc)
    {
    case ENTENTE_BLOC_A: return _("Bloc A");
    case ENTENTE_BLOC_B: return _("Bloc B");
    case ENTENTE_BLOC_U:
    default:
      return _("Unaligned");
    }
}

char *
entente_scene_sanitize_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
       * Line breaks become spaces: every label is one line. */
      if (c == '\t' || c == '\n' || c == '\r')
        g_string_append_c (out, ' ');
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfffe || c == 0xffff ||
               (c >= 0xd800 && c < 0xe000))
        continue;
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
ellipsize (const char *text,
           glong       max_chars)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, max_chars - 1);
  return g_strconcat (g_strchomp (head), "…", NULL);
}

/* Text measurement */

PangoLayout *
_entente_scene_create_layout (cairo_t    *cr,
                              const char *family,
                              double      size,
                              gboolean    bold)
{
  PangoContext *context;
  PangoFontDescription *desc;
  cairo_font_options_t *font_options;
  PangoLayout *layout;

  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  /* Unhinted metrics: the same widths at every scale and on every surface. */
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);

  layout = pango_layout_new (context);
  desc = pango_font_description_from_string (family != NULL && *family ? family : "Sans");
  pango_font_description_set_absolute_size (desc, MAX (size, 1) * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  g_object_unref (context);

  return layout;
}

static void
measure (PangoLayout *layout,
         const char  *text,
         double      *w,
         double      *h,
         double      *ascent)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  *w = (double) logical.width / PANGO_SCALE;
  *h = (double) logical.height / PANGO_SCALE;
  if (ascent != NULL)
    *ascent = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* Wraps @text into lines no wider than @width, appended to @lines. */
static double
wrap_lines (PangoLayout *layout,
            const char  *text,
            double       width,
            GArray      *lines,
            double      *ascent)
{
  PangoLayoutIter *iter;
  double line_h;
  int n = 0;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 10) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  *ascent = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  iter = pango_layout_get_iter (layout);
  line_h = 0;
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      EntenteSceneTextLine tl = { 0 };
      g_autofree char *slice = g_strndup (text + line->start_index, line->length);

      tl.text = g_strdup (g_strchomp (slice));
      tl.y = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (lines, tl);
      n++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  {
    PangoRectangle logical;

    pango_layout_get_extents (layout, NULL, &logical);
    line_h = (double) logical.height / PANGO_SCALE;
  }
  pango_layout_set_width (layout, -1);

  return n > 0 ? line_h : 0;
}

static void
clear_text_line (gpointer data)
{
  EntenteSceneTextLine *line = data;

  g_free (line->text);
}

/* Colours and themes */

static EntenteSceneColor
rgb (guint32 hex)
{
  EntenteSceneColor c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                          (hex & 0xff) / 255.0, 1.0 };

  return c;
}

static void
apply_theme (EntenteScene *self)
{
  EntenteScenePalette palette = self->options.palette;
  EntenteSceneTheme theme = self->options.theme;
  guint i;

  for (i = 0; i < 3; i++)
    self->bloc_pattern[i] = ENTENTE_SCENE_FILL_SOLID;

  switch (theme)
    {
    case ENTENTE_SCENE_THEME_DARK:
      self->background = rgb (0x242424);
      self->foreground = rgb (0xf2f2f2);
      self->muted = rgb (0xa0a0a0);
      break;
    case ENTENTE_SCENE_THEME_PRINT:
    case ENTENTE_SCENE_THEME_GRAYSCALE:
      self->background = rgb (0xffffff);
      self->foreground = rgb (0x000000);
      self->muted = rgb (0x4d4d4d);
      break;
    case ENTENTE_SCENE_THEME_LIGHT:
    default:
      self->background = rgb (0xffffff);
      self->foreground = rgb (0x1e1e1e);
      self->muted = rgb (0x6b6b6b);
      break;
    }
  self->halo = self->background;
  self->halo.a = 0.85;

  if (theme == ENTENTE_SCENE_THEME_GRAYSCALE)
    palette = ENTENTE_SCENE_PALETTE_GRAYSCALE;

  switch (palette)
    {
    case ENTENTE_SCENE_PALETTE_TOL_BRIGHT:
      /* Paul Tol's "bright" qualitative scheme. */
      self->bloc_fill[ENTENTE_BLOC_A] = rgb (0x4477aa);
      self->bloc_fill[ENTENTE_BLOC_B] = rgb (0xccbb44);
      self->bloc_fill[ENTENTE_BLOC_U] = rgb (0xbbbbbb);
      self->hull_color[ENTENTE_SCENE_HULL_CONCERT] = rgb (0x228833);
      self->hull_color[ENTENTE_SCENE_HULL_CONTACT_CORE] = rgb (0xaa3377);
      self->hull_color[ENTENTE_SCENE_HULL_FRIENDS] = rgb (0x66ccee);
      self->threat_color = rgb (0xee6677);
      break;
    case ENTENTE_SCENE_PALETTE_GRAYSCALE:
      /* Blocs differ by pattern and outline, not by colour. */
      self->bloc_fill[ENTENTE_BLOC_A] = rgb (0x595959);
      self->bloc_fill[ENTENTE_BLOC_B] = rgb (0xf0f0f0);
      self->bloc_fill[ENTENTE_BLOC_U] = rgb (0xffffff);
      self->bloc_pattern[ENTENTE_BLOC_B] = ENTENTE_SCENE_FILL_HATCH;
      self->bloc_pattern[ENTENTE_BLOC_U] = ENTENTE_SCENE_FILL_SOLID;
      if (theme == ENTENTE_SCENE_THEME_DARK)
        {
          self->bloc_fill[ENTENTE_BLOC_A] = rgb (0xbfbfbf);
          self->bloc_fill[ENTENTE_BLOC_B] = rgb (0x3a3a3a);
          self->bloc_fill[ENTENTE_BLOC_U] = rgb (0x242424);
        }
      for (i = 0; i < 3; i++)
        self->hull_color[i] = self->muted;
      self->threat_color = self->foreground;
      break;
    case ENTENTE_SCENE_PALETTE_OKABE_ITO:
    default:
      /* Okabe & Ito (2008), safe for the common colour-vision deficiencies. */
      self->bloc_fill[ENTENTE_BLOC_A] = rgb (0x0072b2);
      self->bloc_fill[ENTENTE_BLOC_B] = rgb (0xe69f00);
      self->bloc_fill[ENTENTE_BLOC_U] = rgb (0xc8c8c8);
      self->hull_color[ENTENTE_SCENE_HULL_CONCERT] = rgb (0x009e73);
      self->hull_color[ENTENTE_SCENE_HULL_CONTACT_CORE] = rgb (0xcc79a7);
      self->hull_color[ENTENTE_SCENE_HULL_FRIENDS] = rgb (0x56b4e9);
      self->threat_color = rgb (0xd55e00);
      break;
    }

  if (self->options.transparent)
    self->background.a = 0;
}

/* Dashes, shared by the back ends */

void
_entente_scene_dash (double  unit,
                     int     style,
                     double *dashes,
                     int    *n_dashes)
{
  switch (style)
    {
    case _ENTENTE_DASH_DASHED:
      dashes[0] = 4 * unit;
      dashes[1] = 2.5 * unit;
      *n_dashes = 2;
      break;
    case _ENTENTE_DASH_DOTTED:
      dashes[0] = 0.01 * unit;
      dashes[1] = 2 * unit;
      *n_dashes = 2;
      break;
    case _ENTENTE_DASH_NONE:
    default:
      *n_dashes = 0;
      break;
    }
}

int
_entente_scene_hull_dash (EntenteSceneHullKind kind)
{
  switch (kind)
    {
    case ENTENTE_SCENE_HULL_CONTACT_CORE: return _ENTENTE_DASH_DASHED;
    case ENTENTE_SCENE_HULL_FRIENDS: return _ENTENTE_DASH_DOTTED;
    case ENTENTE_SCENE_HULL_CONCERT:
    default:
      return _ENTENTE_DASH_NONE;
    }
}

/* Geometry of ties and arrows, computed from node positions at draw time so
 * that moving a node (drag, animation) needs no rebuild. */

gboolean
_entente_scene_tie_line (EntenteScene          *self,
                         const EntenteSceneTie *tie,
                         double                *x1,
                         double                *y1,
                         double                *x2,
                         double                *y2)
{
  const EntenteSceneNode *a = &g_array_index (self->nodes, EntenteSceneNode, tie->a);
  const EntenteSceneNode *b = &g_array_index (self->nodes, EntenteSceneNode, tie->b);
  double dx = b->x - a->x, dy = b->y - a->y;
  double d = hypot (dx, dy);
  double ux, uy, nx, ny;

  if (d <= a->r + b->r + 0.5)
    return FALSE;
  ux = dx / d;
  uy = dy / d;
  nx = -uy * tie->offset;
  ny = ux * tie->offset;
  *x1 = a->x + ux * a->r + nx;
  *y1 = a->y + uy * a->r + ny;
  *x2 = b->x - ux * b->r + nx;
  *y2 = b->y - uy * b->r + ny;

  return TRUE;
}

gboolean
_entente_scene_arrow_curve (EntenteScene            *self,
                            const EntenteSceneArrow *arrow,
                            double                  *pts)
{
  const EntenteSceneNode *a = &g_array_index (self->nodes, EntenteSceneNode, arrow->from);
  const EntenteSceneNode *b = &g_array_index (self->nodes, EntenteSceneNode, arrow->to);
  double dx = b->x - a->x, dy = b->y - a->y;
  double d = hypot (dx, dy);
  double ux, uy, bend, mx, my, head, tx, ty, t2x, t2y, tl;

  if (d <= a->r + b->r + 2)
    return FALSE;
  ux = dx / d;
  uy = dy / d;
  /* Bend to the right of the direction of travel, so that the arrows of a
   * mutual threat do not lie on each other or on a tie. */
  bend = MIN (d * 0.15, self->font_size * 2.5);
  mx = (a->x + b->x) / 2 + uy * bend;
  my = (a->y + b->y) / 2 - ux * bend;
  head = self->line_width * 5;

  /* Start and tip on the outlines, in the directions of the control point. */
  tx = mx - a->x;
  ty = my - a->y;
  tl = hypot (tx, ty);
  pts[0] = a->x + tx / tl * (a->r + self->line_width);
  pts[1] = a->y + ty / tl * (a->r + self->line_width);
  t2x = b->x - mx;
  t2y = b->y - my;
  tl = hypot (t2x, t2y);
  t2x /= tl;
  t2y /= tl;
  /* tip */
  pts[6] = b->x - t2x * (b->r + self->line_width);
  pts[7] = b->y - t2y * (b->r + self->line_width);
  /* curve end = base of the head */
  pts[4] = pts[6] - t2x * head;
  pts[5] = pts[7] - t2y * head;
  pts[2] = mx;
  pts[3] = my;
  pts[8] = pts[4] - t2y * head * 0.45;
  pts[9] = pts[5] + t2x * head * 0.45;
  pts[10] = pts[4] + t2y * head * 0.45;
  pts[11] = pts[5] - t2x * head * 0.45;

  return TRUE;
}

/* Hulls */

typedef struct
{
  double x, y;
} Pt;

static int
pt_cmp (gconstpointer a,
        gconstpointer b)
{
  const Pt *p = a, *q = b;

  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  return 0;
}

static double
cross (const Pt *o,
       const Pt *a,
       const Pt *b)
{
  return (a->x - o->x) * (b->y - o->y) - (a->y - o->y) * (b->x - o->x);
}

/* Andrew's monotone chain; writes the hull into @out (x, y pairs). */
static void
convex_hull (GArray *in,
             GArray *out)
{
  Pt *p = (Pt *) in->data;
  guint n = in->len, k = 0, i, t;
  Pt *h;

  g_array_set_size (out, 0);
  if (n == 0)
    return;
  qsort (p, n, sizeof (Pt), pt_cmp);
  h = g_new (Pt, 2 * n);
  for (i = 0; i < n; i++)
    {
      while (k >= 2 && cross (&h[k - 2], &h[k - 1], &p[i]) <= 0)
        k--;
      h[k++] = p[i];
    }
  for (i = n - 1, t = k + 1; i > 0; i--)
    {
      while (k >= t && cross (&h[k - 2], &h[k - 1], &p[i - 1]) <= 0)
        k--;
      h[k++] = p[i - 1];
    }
  if (k > 1)
    k--;
  for (i = 0; i < k; i++)
    {
      g_array_append_val (out, h[i].x);
      g_array_append_val (out, h[i].y);
    }
  g_free (h);
}

void
entente_scene_update_geometry (EntenteScene *self)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (Pt));
  guint h, m, s;

  g_return_if_fail (self != NULL);

  for (h = 0; h < self->hulls->len; h++)
    {
      EntenteSceneHull *hull = g_ptr_array_index (self->hulls, h);
      double top = G_MAXDOUBLE, top_x = 0;
      guint n_pts;

      g_array_set_size (samples, 0);
      for (m = 0; m < hull->members->len; m++)
        {
          guint idx = g_array_index (hull->members, guint, m);
          const EntenteSceneNode *node = &g_array_index (self->nodes, EntenteSceneNode, idx);
          double rr = node->r + hull->pad;

          for (s = 0; s < HULL_SAMPLES; s++)
            {
              double ang = 2 * G_PI * s / HULL_SAMPLES;
              Pt p = { node->x + rr * cos (ang), node->y + rr * sin (ang) };

              g_array_append_val (samples, p);
            }
        }
      convex_hull (samples, hull->points);
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
    }
}

static EntenteSceneHull *
hull_new (EntenteScene         *self,
          EntenteSceneHullKind  kind,
          const char           *label,
          GArray               *members)
{
  EntenteSceneHull *hull = g_new0 (EntenteSceneHull, 1);
  guint i;

  hull->kind = kind;
  hull->label = entente_scene_sanitize_text (label);
  hull->members = g_array_new (FALSE, FALSE, sizeof (guint));
  for (i = 0; i < members->len; i++)
    {
      guint idx = g_array_index (members, guint, i);

      if (idx < self->nodes->len)
        g_array_append_val (hull->members, idx);
    }
  hull->points = g_array_new (FALSE, FALSE, sizeof (double));
  hull->color = self->hull_color[kind];
  /* Nested hulls are drawn a little further out, so overlapping outlines
   * stay apart around shared members. */
  hull->pad = self->badge_r + self->line_width * 3 + self->hulls->len * self->line_width * 3.5;

  return hull;
}

static void
hull_free (gpointer data)
{
  EntenteSceneHull *hull = data;

  g_free (hull->label);
  g_array_unref (hull->members);
  g_array_unref (hull->points);
  g_free (hull);
}

/* Legend */

static void
legend_add (EntenteScene           *self,
            EntenteSceneLegendKind  kind,
            int                     value,
            const char             *text)
{
  EntenteSceneLegendEntry entry = { kind, value, g_strdup (text), 0, 0 };

  g_array_append_val (self->legend, entry);
}

static void
clear_legend_entry (gpointer data)
{
  EntenteSceneLegendEntry *entry = data;

  g_free (entry->text);
}

static void
build_legend (EntenteScene    *self,
              EntenteScenario *scenario,
              EntenteResult   *result)
{
  gboolean bloc_used[3] = { FALSE, FALSE, FALSE };
  gboolean behaviour_used[ENTENTE_N_BEHAVIOURS] = { FALSE, };
  gboolean tie_used[3] = { FALSE, FALSE, FALSE };
  gboolean hull_used[3] = { FALSE, FALSE, FALSE };
  guint i;

  for (i = 0; i < self->nodes->len; i++)
    {
      const EntenteSceneNode *node = &g_array_index (self->nodes, EntenteSceneNode, i);

      if (node->has_result)
        {
          bloc_used[node->bloc] = TRUE;
          behaviour_used[node->behaviour] = TRUE;
        }
    }
  for (i = 0; i < self->ties->len; i++)
    tie_used[g_array_index (self->ties, EntenteSceneTie, i).kind] = TRUE;
  for (i = 0; i < self->hulls->len; i++)
    hull_used[((EntenteSceneHull *) g_ptr_array_index (self->hulls, i))->kind] = TRUE;

  if (self->nodes->len > 0)
    {
      legend_add (self, ENTENTE_SCENE_LEGEND_HEADING, 0, _("States"));
      legend_add (self, ENTENTE_SCENE_LEGEND_SIZE, 0, _("Area ∝ capability"));
      legend_add (self, ENTENTE_SCENE_LEGEND_INTENTION, 0, _("Arc: intention"));
    }
  if (result != NULL)
    {
      legend_add (self, ENTENTE_SCENE_LEGEND_HEADING, 0, _("Alignment"));
      for (i = 0; i < 3; i++)
        if (bloc_used[i])
          legend_add (self, ENTENTE_SCENE_LEGEND_BLOC, i, bloc_title (i));
      legend_add (self, ENTENTE_SCENE_LEGEND_HEADING, 0, _("Behaviour"));
      for (i = 0; i < ENTENTE_N_BEHAVIOURS; i++)
        if (behaviour_used[i])
          legend_add (self, ENTENTE_SCENE_LEGEND_BEHAVIOUR, i, entente_scene_behaviour_title (i));
    }
  if (tie_used[0] || tie_used[1] || tie_used[2] || self->arrows->len > 0)
    {
      legend_add (self, ENTENTE_SCENE_LEGEND_HEADING, 0, _("Relations"));
      if (tie_used[ENTENTE_SCENE_TIE_COMMITMENT])
        legend_add (self, ENTENTE_SCENE_LEGEND_TIE, ENTENTE_SCENE_TIE_COMMITMENT,
                    _("Commitment (width: strength)"));
      if (tie_used[ENTENTE_SCENE_TIE_TETHER])
        legend_add (self, ENTENTE_SCENE_LEGEND_TIE, ENTENTE_SCENE_TIE_TETHER,
                    _("Tethered allies"));
      if (tie_used[ENTENTE_SCENE_TIE_RIVALRY])
        legend_add (self, ENTENTE_SCENE_LEGEND_TIE, ENTENTE_SCENE_TIE_RIVALRY, _("Rivalry"));
      if (self->arrows->len > 0)
        legend_add (self, ENTENTE_SCENE_LEGEND_THREAT, 0, _("Principal threat"));
    }
  if (hull_used[0] || hull_used[1] || hull_used[2])
    {
      legend_add (self, ENTENTE_SCENE_LEGEND_HEADING, 0, _("Groups"));
      if (hull_used[ENTENTE_SCENE_HULL_CONCERT])
        legend_add (self, ENTENTE_SCENE_LEGEND_HULL, ENTENTE_SCENE_HULL_CONCERT, _("Concert"));
      if (hull_used[ENTENTE_SCENE_HULL_CONTACT_CORE])
        legend_add (self, ENTENTE_SCENE_LEGEND_HULL, ENTENTE_SCENE_HULL_CONTACT_CORE,
                    _("Contact group"));
      if (hull_used[ENTENTE_SCENE_HULL_FRIENDS])
        legend_add (self, ENTENTE_SCENE_LEGEND_HULL, ENTENTE_SCENE_HULL_FRIENDS, _("Friends"));
    }
}

/* Lays the legend out; returns its size. At the right of a wide figure it
 * is a list flowing into columns; under a figure it is compact: each group
 * on its own row(s), its heading first and its entries side by side. */
static void
layout_legend (EntenteScene *self,
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

      measure (layout, entry->text, &w, &h, NULL);
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

/* Capability and positions */

static double
state_capability (EntenteScenario *scenario,
                  EntenteResult   *result,
                  guint            i,
                  double           total)
{
  EntenteState *st = g_ptr_array_index (scenario->states, i);
  double c;

  if (result != NULL && i < result->n)
    return MAX (result->states[i].share, 0);
  c = scenario->system.w_pop * st->pop + scenario->system.w_econ * st->econ +
      scenario->system.w_mil * st->mil;
  return total > 0 ? c / total : 0;
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
static void
project (EntenteScene    *self,
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
static double
network_aspect (EntenteScene    *self,
                EntenteScenario *scenario)
{
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  guint i;

  if (self->nodes->len < 2)
    return 1;
  project (self, scenario, 0, 0, 1000, 1000);
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
static void
separate_nodes (EntenteScene *self,
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
    max_r = MAX (max_r, nodes[i].r);

  for (iter = 0; iter < 40; iter++)
    {
      gboolean moved = FALSE;

      /* A sweep along x: only nodes closer than two radii and the gap can
       * overlap, which keeps 500 states fast. */
      for (i = 0; i < n; i++)
        order[i] = i;
      g_qsort_with_data (order, n, sizeof (guint), node_by_x, nodes);
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

typedef struct
{
  double x0, y0, x1, y1;
} Box;

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

static void
place_labels (EntenteScene *self,
              const Box    *area)
{
  /* E, W, NE, SE, NW, SW, N, S with a small preference order. */
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
      Box best_box = { 0, };

      if (!self->options.show_labels || node->label == NULL || *node->label == '\0')
        {
          node->label_visible = FALSE;
          continue;
        }

      for (c = 0; c < 8; c++)
        {
          double ux = dirs[c][0], uy = dirs[c][1];
          double ax = node->x + ux * rr, ay = node->y + uy * rr;
          double bx, by, cost = c * 0.01 * node->label_h * node->label_h;
          double label_overlap = 0;
          Box box;

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
          for (j = lower_bound_node (nodes, by_x, n, box.x0 - reach); j < n; j++)
            {
              const EntenteSceneNode *other = &nodes[by_x[j]];
              Box nb;

              if (other->x - reach > box.x1)
                break;
              nb = node_box (other, self->line_width * 2);
              cost += box_overlap (&box, &nb) * 4;
              if (other->has_result)
                {
                  double bxx = other->x + other->r * 0.7071, byy = other->y + other->r * 0.7071;
                  Box badge = { bxx - self->badge_r, byy - self->badge_r,
                                bxx + self->badge_r, byy + self->badge_r };

                  cost += box_overlap (&box, &badge) * 4;
                }
            }
          if (cost < best_cost)
            {
              best_cost = cost;
              best_label_overlap = label_overlap;
              best_dx = bx - node->x;
              best_dy = by - node->y;
              best_box = box;
            }
        }

      /* In a crowded diagram, a label that would cover other labels badly
       * is left out rather than drawn illegibly; the full name stays in the
       * tooltip and the SVG <title>. */
      node->label_visible = !(n > 40 && best_label_overlap > node->label_w * node->label_h * 0.02);
      node->label_dx = best_dx;
      node->label_dy = best_dy + node->label_ascent;
      if (node->label_visible)
        g_array_insert_val (placed, lower_bound_x0 (placed, best_box.x0), best_box);
    }
}

/* The bounding box of what is drawn for the network (nodes, rings, badges,
 * labels, hull outlines). */
static Box
content_box (EntenteScene *self)
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

/* Building */

static guint8
node_bloc (EntenteResult *result,
           int            minimum,
           guint          i)
{
  if (result == NULL || i >= result->n)
    return ENTENTE_BLOC_U;
  if (minimum >= 0 && result->landscape != NULL && result->landscape->minima != NULL &&
      (guint) minimum < result->landscape->minima->len && i < result->landscape->n)
    {
      EntenteLandscapeMinimum *m = &g_array_index (result->landscape->minima,
                                                   EntenteLandscapeMinimum, minimum);

      return MIN (m->config[i], ENTENTE_BLOC_U);
    }
  return MIN ((guint) result->states[i].bloc, ENTENTE_BLOC_U);
}

static char *
describe_node (EntenteScenario        *scenario,
               EntenteResult          *result,
               const EntenteSceneNode *node)
{
  GString *s = g_string_new (NULL);
  EntenteStateResult *sr;

  if (result == NULL || node->index >= result->n)
    {
      g_string_append (s, _("Not computed yet"));
      return g_string_free (s, FALSE);
    }
  sr = &result->states[node->index];
  g_string_append (s, entente_scene_behaviour_title (node->behaviour));
  if (sr->label_target >= 0 && (guint) sr->label_target < scenario->states->len)
    {
      EntenteState *t = g_ptr_array_index (scenario->states, sr->label_target);

      g_string_append_printf (s, _(" (%s)"), t->name);
    }
  g_string_append (s, ". ");
  g_string_append (s, bloc_title (node->bloc));
  g_string_append (s, ".");
  if (sr->threat >= 0 && (guint) sr->threat < scenario->states->len)
    {
      EntenteState *t = g_ptr_array_index (scenario->states, sr->threat);

      g_string_append_printf (s, _(" Principal threat: %s."), t->name);
    }
  if (sr->label_reason != ENTENTE_REASON_NONE)
    {
      const char *sentence = entente_reason_get_sentence (sr->label_reason);
      const char *citation = entente_reason_get_citation (sr->label_reason);

      if (sentence != NULL && *sentence)
        {
          g_string_append_c (s, ' ');
          g_string_append (s, sentence);
          if (citation != NULL && *citation)
            g_string_append_printf (s, " (%s)", citation);
          g_string_append_c (s, '.');
        }
    }

  return g_string_free (s, FALSE);
}

static void
clear_node (gpointer data)
{
  EntenteSceneNode *node = data;

  g_free (node->id);
  g_free (node->name);
  g_free (node->label);
  g_free (node->description);
}

static EntenteScene *
scene_alloc (const EntenteSceneOptions *options)
{
  EntenteScene *self = g_new0 (EntenteScene, 1);

  g_atomic_ref_count_init (&self->ref_count);
  entente_scene_options_copy (&self->options, options);
  self->nodes = g_array_new (FALSE, TRUE, sizeof (EntenteSceneNode));
  g_array_set_clear_func (self->nodes, clear_node);
  self->ties = g_array_new (FALSE, TRUE, sizeof (EntenteSceneTie));
  self->arrows = g_array_new (FALSE, TRUE, sizeof (EntenteSceneArrow));
  self->hulls = g_ptr_array_new_with_free_func (hull_free);
  self->legend = g_array_new (FALSE, TRUE, sizeof (EntenteSceneLegendEntry));
  g_array_set_clear_func (self->legend, clear_legend_entry);
  self->title_lines = g_array_new (FALSE, TRUE, sizeof (EntenteSceneTextLine));
  g_array_set_clear_func (self->title_lines, clear_text_line);
  self->caption_lines = g_array_new (FALSE, TRUE, sizeof (EntenteSceneTextLine));
  g_array_set_clear_func (self->caption_lines, clear_text_line);
  self->width = MAX (options->width, 1);
  self->height = MAX (options->height, 1);
  self->font_size = options->font_size > 0 ? options->font_size : 11;
  self->font_family = g_strdup (options->font_family != NULL && *options->font_family
                                ? options->font_family : "Sans");
  self->line_width = MAX (self->font_size / 11.0, 0.35);
  self->badge_r = self->font_size * 0.55;
  self->legend_row_h = self->font_size * 1.55;
  apply_theme (self);

  return self;
}

static void
add_ties (EntenteScene    *self,
          EntenteScenario *scenario,
          EntenteResult   *result)
{
  g_autoptr (GHashTable) tethers = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint p, d, n = self->nodes->len;

  /* The tethered dyads, by pair key, so that each pair is one lookup. */
  if (result != NULL && result->dyads != NULL)
    for (d = 0; d < result->dyads->len; d++)
      {
        EntenteDyadResult *dy = &g_array_index (result->dyads, EntenteDyadResult, d);

        if (dy->tethered)
          g_hash_table_add (tethers, GUINT_TO_POINTER (MIN (dy->i, dy->j) * n + MAX (dy->i, dy->j) + 1));
      }

  for (p = 0; p < scenario->pairs->len; p++)
    {
      const EntentePair *pair = &g_array_index (scenario->pairs, EntentePair, p);
      gboolean tethered, has_commit = pair->commitment > 0.05;
      EntenteSceneTie tie = { 0 };

      if (pair->a >= n || pair->b >= n)
        continue;
      tethered = g_hash_table_contains (tethers, GUINT_TO_POINTER (MIN (pair->a, pair->b) * n +
                                                                   MAX (pair->a, pair->b) + 1));
      tie.a = pair->a;
      tie.b = pair->b;
      if (has_commit || tethered)
        {
          tie.kind = tethered ? ENTENTE_SCENE_TIE_TETHER : ENTENTE_SCENE_TIE_COMMITMENT;
          tie.strength = pair->commitment;
          tie.width = self->line_width * (0.6 + 2.4 * pair->commitment);
          tie.offset = (!tethered && pair->rivalry > 0.05) ? -self->line_width * 1.5 : 0;
          g_array_append_val (self->ties, tie);
        }
      /* A tethered pair's rivalry is part of the tether mark. */
      if (pair->rivalry > 0.05 && !tethered)
        {
          tie.kind = ENTENTE_SCENE_TIE_RIVALRY;
          tie.strength = pair->rivalry;
          tie.width = self->line_width * (0.6 + 1.2 * pair->rivalry);
          tie.offset = has_commit ? self->line_width * 1.5 : 0;
          g_array_append_val (self->ties, tie);
        }
    }
}

static void
add_arrows (EntenteScene  *self,
            EntenteResult *result)
{
  guint i;

  if (result == NULL || !self->options.show_threats)
    return;
  for (i = 0; i < result->n && i < self->nodes->len; i++)
    {
      EntenteStateResult *sr = &result->states[i];
      EntenteSceneArrow arrow = { i, 0 };

      if (sr->threat < 0 || (guint) sr->threat >= self->nodes->len || (guint) sr->threat == i ||
          !(sr->threat_level > 0))
        continue;
      arrow.to = sr->threat;
      g_array_append_val (self->arrows, arrow);
    }
}

static void
add_hulls (EntenteScene    *self,
           EntenteScenario *scenario,
           EntenteResult   *result)
{
  guint c;

  if (result == NULL || !self->options.show_hulls)
    return;
  if (result->concert.forms && result->concert.members != NULL &&
      result->concert.members->len >= 2)
    g_ptr_array_add (self->hulls, hull_new (self, ENTENTE_SCENE_HULL_CONCERT, _("Concert"),
                                            result->concert.members));
  if (result->contacts == NULL)
    return;
  for (c = 0; c < result->contacts->len; c++)
    {
      EntenteContactResult *cr = &g_array_index (result->contacts, EntenteContactResult, c);
      const char *crisis = NULL;
      g_autofree char *core_label = NULL;
      g_autofree char *friends_label = NULL;

      if (cr->crisis < scenario->crises->len)
        {
          EntenteCrisis *cs = g_ptr_array_index (scenario->crises, cr->crisis);

          crisis = cs->name != NULL && *cs->name ? cs->name : cs->id;
        }
      core_label = crisis != NULL ? g_strdup_printf (_("Contact group: %s"), crisis)
                                  : g_strdup (_("Contact group"));
      if (cr->core != NULL && cr->core->len >= 1)
        g_ptr_array_add (self->hulls, hull_new (self, ENTENTE_SCENE_HULL_CONTACT_CORE,
                                                core_label, cr->core));
      if (cr->friends != NULL && cr->friends->len > 0)
        {
          g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));

          if (cr->group != NULL)
            g_array_append_vals (all, cr->group->data, cr->group->len);
          g_array_append_vals (all, cr->friends->data, cr->friends->len);
          friends_label = crisis != NULL ? g_strdup_printf (_("Friends of %s"), crisis)
                                         : g_strdup (_("Friends"));
          g_ptr_array_add (self->hulls, hull_new (self, ENTENTE_SCENE_HULL_FRIENDS,
                                                  friends_label, all));
        }
    }
}

EntenteScene *
entente_scene_new (EntenteScenario           *scenario,
                   EntenteResult             *result,
                   const EntenteSceneOptions *options)
{
  g_autoptr (PangoLayout) layout = NULL;
  g_autoptr (PangoLayout) title_layout = NULL;
  EntenteSceneOptions defaults;
  EntenteScene *self;
  double margin, total = 0, max_cap = 0, rmax, rmin, top, bottom, right;
  double inset[4];              /* left, top, right, bottom */
  double legend_w = 0, legend_h = 0;
  gboolean legend_right = FALSE;
  guint i, n, pass;
  Box area;

  g_return_val_if_fail (scenario != NULL, NULL);

  if (options == NULL)
    {
      entente_scene_options_init (&defaults);
      options = &defaults;
    }
  self = scene_alloc (options);
  if (result != NULL && result->n != scenario->states->len)
    result = NULL;   /* a stale result for another set of states: draw without it */

  n = scenario->states->len;
  margin = options->margin >= 0 ? options->margin : self->font_size * 0.9;
  layout = _entente_scene_create_layout (NULL, self->font_family, self->font_size, FALSE);
  {
    double w;

    measure (layout, "Ag", &w, &self->text_height, &self->text_ascent);
  }

  /* Nodes */
  for (i = 0; i < n; i++)
    {
      EntenteState *st = g_ptr_array_index (scenario->states, i);

      total += scenario->system.w_pop * st->pop + scenario->system.w_econ * st->econ +
               scenario->system.w_mil * st->mil;
    }
  for (i = 0; i < n; i++)
    {
      EntenteState *st = g_ptr_array_index (scenario->states, i);
      EntenteSceneNode node = { 0 };
      g_autofree char *shown = NULL;

      node.index = i;
      node.id = g_strdup (st->id);
      node.name = entente_scene_sanitize_text (st->name != NULL && *st->name ? st->name : st->id);
      shown = entente_scene_sanitize_text (st->label != NULL && *st->label ? st->label : node.name);
      node.label = ellipsize (g_strstrip (shown), LABEL_MAX_CHARS);
      node.capability = state_capability (scenario, result, i, total);
      node.intention = CLAMP (st->intention, 0, 1);
      node.has_result = result != NULL;
      node.bloc = node_bloc (result, options->minimum, i);
      node.behaviour = result != NULL ? MIN (result->states[i].label, ENTENTE_N_BEHAVIOURS - 1)
                                      : ENTENTE_BEHAVIOUR_HIDE;
      node.reason = result != NULL ? result->states[i].label_reason : ENTENTE_REASON_NONE;
      node.threat = result != NULL ? result->states[i].threat : -1;
      node.fill = result != NULL ? self->bloc_fill[node.bloc] : self->bloc_fill[ENTENTE_BLOC_U];
      node.pattern = result != NULL ? self->bloc_pattern[node.bloc] : ENTENTE_SCENE_FILL_SOLID;
      node.stroke = self->foreground;
      node.dashed = result == NULL || node.bloc == ENTENTE_BLOC_U;
      measure (layout, node.label, &node.label_w, &node.label_h, &node.label_ascent);
      max_cap = MAX (max_cap, node.capability);
      g_array_append_val (self->nodes, node);
    }
  for (i = 0; i < n; i++)
    {
      EntenteSceneNode *node = &g_array_index (self->nodes, EntenteSceneNode, i);

      node->description = describe_node (scenario, result, node);
    }

  add_ties (self, scenario, result);
  add_arrows (self, result);

  /* Title and caption */
  top = margin;
  bottom = self->height - margin;
  if (options->title != NULL && *options->title)
    {
      g_autofree char *title = entente_scene_sanitize_text (options->title);
      double ascent, h;

      self->title_size = self->font_size * 1.3;
      title_layout = _entente_scene_create_layout (NULL, self->font_family, self->title_size, TRUE);
      h = wrap_lines (title_layout, title, self->width - 2 * margin, self->title_lines, &ascent);
      for (i = 0; i < self->title_lines->len; i++)
        {
          EntenteSceneTextLine *line = &g_array_index (self->title_lines, EntenteSceneTextLine, i);

          line->x = margin;
          line->y += top;
        }
      top += h + self->font_size * 0.6;
    }
  if (options->caption != NULL && *options->caption)
    {
      g_autofree char *caption = entente_scene_sanitize_text (options->caption);
      g_autoptr (PangoLayout) caption_layout = NULL;
      double ascent, h;

      self->caption_size = self->font_size * 0.9;
      caption_layout = _entente_scene_create_layout (NULL, self->font_family,
                                                     self->caption_size, FALSE);
      h = wrap_lines (caption_layout, caption, self->width - 2 * margin, self->caption_lines,
                      &ascent);
      bottom -= h;
      for (i = 0; i < self->caption_lines->len; i++)
        {
          EntenteSceneTextLine *line = &g_array_index (self->caption_lines, EntenteSceneTextLine, i);

          line->x = margin;
          line->y += bottom;
        }
      bottom -= self->font_size * 0.6;
    }

  /* Hulls need node radii, and the legend needs to know which hulls exist,
   * so create them (geometry comes later). */
  add_hulls (self, scenario, result);
  if (options->show_legend)
    build_legend (self, scenario, result);

  right = self->width - margin;
  if (self->legend->len > 0)
    {
      double aspect = network_aspect (self, scenario);
      double avail_h = bottom - top, avail_w = self->width - 2 * margin;
      double rw, rh, bw, bh, score_right, score_bottom;

      /* Put the legend where it leaves the network the larger scale: at
       * the right of a tall network, under a wide one. */
      layout_legend (self, layout, TRUE, avail_w, avail_h, &rw, &rh);
      layout_legend (self, layout, FALSE, avail_w, avail_h, &bw, &bh);
      score_right = MIN ((avail_w - rw - margin * 0.5) / aspect, avail_h);
      score_bottom = MIN (avail_w / aspect, avail_h - bh - margin * 0.5);
      legend_right = rw <= self->width * 0.45 && score_right > score_bottom;
      layout_legend (self, layout, legend_right, avail_w, avail_h, &legend_w, &legend_h);
      if (legend_right)
        {
          self->legend_x = right - legend_w;
          self->legend_y = top;
          right -= legend_w + margin * 0.5;
        }
      else
        {
          self->legend_x = margin;
          self->legend_y = bottom - legend_h;
          bottom -= legend_h + margin * 0.5;
        }
      self->legend_w = legend_w;
      self->legend_h = legend_h;
    }

  self->map_x = margin;
  self->map_y = top;
  self->map_w = MAX (right - margin, 10);
  self->map_h = MAX (bottom - top, 10);

  /* Node sizes: area proportional to capability, the largest node given a
   * share of the map that shrinks as states get more numerous. */
  rmax = MIN (self->map_w, self->map_h) * 0.085;
  if (n > 0)
    rmax = MIN (rmax, sqrt (self->map_w * self->map_h / n) * 0.3);
  rmin = MAX (self->font_size * 0.3, self->line_width * 2);
  rmax = MAX (rmax, rmin * 1.5);
  for (i = 0; i < n; i++)
    {
      EntenteSceneNode *node = &g_array_index (self->nodes, EntenteSceneNode, i);

      node->r = max_cap > 0 ? rmax * sqrt (node->capability / max_cap) : rmax * 0.5;
      node->r = MAX (node->r, rmin);
    }

  /* Fit the projection so that the whole network, labels and hulls
   * included, lies inside the map area: project, place labels, measure the
   * overflow on each side and shrink that side; a few passes converge. */
  inset[0] = inset[1] = inset[2] = inset[3] = rmax + self->badge_r;
  area.x0 = self->map_x;
  area.y0 = self->map_y;
  area.x1 = self->map_x + self->map_w;
  area.y1 = self->map_y + self->map_h;
  for (pass = 0; pass < 5; pass++)
    {
      double ax = self->map_x + inset[0], ay = self->map_y + inset[1];
      double aw = MAX (self->map_w - inset[0] - inset[2], 1);
      double ah = MAX (self->map_h - inset[1] - inset[3], 1);
      Box cb;
      gboolean fits;

      project (self, scenario, ax, ay, aw, ah);
      separate_nodes (self, self->map_x, self->map_y, self->map_w, self->map_h);
      place_labels (self, &area);
      entente_scene_update_geometry (self);
      cb = content_box (self);
      fits = cb.x0 >= area.x0 - 0.01 && cb.y0 >= area.y0 - 0.01 &&
             cb.x1 <= area.x1 + 0.01 && cb.y1 <= area.y1 + 0.01;
      if (fits || n == 0)
        break;
      inset[0] += MAX (area.x0 - cb.x0, 0) + 0.5;
      inset[1] += MAX (area.y0 - cb.y0, 0) + 0.5;
      inset[2] += MAX (cb.x1 - area.x1, 0) + 0.5;
      inset[3] += MAX (cb.y1 - area.y1, 0) + 0.5;
      /* Never squeeze the network below a fifth of the area. */
      inset[0] = MIN (inset[0], self->map_w * 0.4);
      inset[2] = MIN (inset[2], self->map_w * 0.4);
      inset[1] = MIN (inset[1], self->map_h * 0.4);
      inset[3] = MIN (inset[3], self->map_h * 0.4);
    }

  /* Last resort: keep every label inside the figure. */
  for (i = 0; i < n; i++)
    {
      EntenteSceneNode *node = &g_array_index (self->nodes, EntenteSceneNode, i);
      double lx = node->x + node->label_dx;
      double ly = node->y + node->label_dy - node->label_ascent;
      double nlx = CLAMP (lx, 0, MAX (self->width - node->label_w, 0));
      double nly = CLAMP (ly, 0, MAX (self->height - node->label_h, 0));

      node->label_dx += nlx - lx;
      node->label_dy += nly - ly;
    }

  return self;
}

EntenteScene *
entente_scene_ref (EntenteScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
entente_scene_unref (EntenteScene *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  entente_scene_options_clear (&self->options);
  g_free (self->font_family);
  g_array_unref (self->nodes);
  g_array_unref (self->ties);
  g_array_unref (self->arrows);
  g_ptr_array_unref (self->hulls);
  g_array_unref (self->legend);
  g_array_unref (self->title_lines);
  g_array_unref (self->caption_lines);
  g_free (self);
}

int
entente_scene_find_node (EntenteScene *self,
                         const char   *id)
{
  guint i;

  g_return_val_if_fail (self != NULL, -1);

  if (id == NULL)
    return -1;
  for (i = 0; i < self->nodes->len; i++)
    if (g_strcmp0 (g_array_index (self->nodes, EntenteSceneNode, i).id, id) == 0)
      return i;
  return -1;
}

int
entente_scene_pick (EntenteScene *self,
                    double        x,
                    double        y)
{
  guint i;

  g_return_val_if_fail (self != NULL, -1);

  for (i = self->nodes->len; i > 0; i--)
    {
      const EntenteSceneNode *node = &g_array_index (self->nodes, EntenteSceneNode, i - 1);
      double slack = MAX (self->line_width * 3, 4);

      if (hypot (x - node->x, y - node->y) <= node->r + slack)
        return i - 1;
    }
  return -1;
}

static EntenteSceneColor
mix (EntenteSceneColor a,
     EntenteSceneColor b,
     double            t)
{
  EntenteSceneColor c = { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t,
                          a.b + (b.b - a.b) * t, a.a + (b.a - a.a) * t };

  return c;
}

EntenteScene *
entente_scene_interpolate (EntenteScene *from,
                           EntenteScene *to,
                           double        t)
{
  EntenteScene *self;
  guint i, h;

  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  t = CLAMP (t, 0, 1);
  /* Ease out: quick start, gentle landing. */
  t = 1 - (1 - t) * (1 - t) * (1 - t);

  self = scene_alloc (&to->options);
  self->width = to->width;
  self->height = to->height;
  self->lon0 = to->lon0;
  self->coslat0 = to->coslat0;
  self->gmin_x = to->gmin_x;
  self->gmin_y = to->gmin_y;
  self->gspan_x = to->gspan_x;
  self->gspan_y = to->gspan_y;
  self->bx = to->bx;
  self->by = to->by;
  self->bw = to->bw;
  self->bh = to->bh;
  self->map_x = to->map_x;
  self->map_y = to->map_y;
  self->map_w = to->map_w;
  self->map_h = to->map_h;
  self->legend_x = to->legend_x;
  self->legend_y = to->legend_y;
  self->legend_w = to->legend_w;
  self->legend_h = to->legend_h;
  self->legend_row_h = to->legend_row_h;
  self->title_size = to->title_size;
  self->text_ascent = to->text_ascent;
  self->text_height = to->text_height;
  self->caption_size = to->caption_size;

  for (i = 0; i < to->nodes->len; i++)
    {
      const EntenteSceneNode *b = &g_array_index (to->nodes, EntenteSceneNode, i);
      EntenteSceneNode node = *b;
      int j = entente_scene_find_node (from, b->id);

      node.id = g_strdup (b->id);
      node.name = g_strdup (b->name);
      node.label = g_strdup (b->label);
      node.description = g_strdup (b->description);
      if (j >= 0)
        {
          const EntenteSceneNode *a = &g_array_index (from->nodes, EntenteSceneNode, j);

          node.x = a->x + (b->x - a->x) * t;
          node.y = a->y + (b->y - a->y) * t;
          node.r = a->r + (b->r - a->r) * t;
          node.fill = mix (a->fill, b->fill, t);
          node.intention = a->intention + (b->intention - a->intention) * t;
          node.label_dx = a->label_dx + (b->label_dx - a->label_dx) * t;
          node.label_dy = a->label_dy + (b->label_dy - a->label_dy) * t;
        }
      g_array_append_val (self->nodes, node);
    }
  g_array_append_vals (self->ties, to->ties->data, to->ties->len);
  g_array_append_vals (self->arrows, to->arrows->data, to->arrows->len);
  for (h = 0; h < to->hulls->len; h++)
    {
      EntenteSceneHull *src = g_ptr_array_index (to->hulls, h);
      EntenteSceneHull *hull = g_new0 (EntenteSceneHull, 1);

      *hull = *src;
      hull->label = g_strdup (src->label);
      hull->members = g_array_copy (src->members);
      hull->points = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (self->hulls, hull);
    }
  for (i = 0; i < to->legend->len; i++)
    {
      EntenteSceneLegendEntry e = g_array_index (to->legend, EntenteSceneLegendEntry, i);

      e.text = g_strdup (e.text);
      g_array_append_val (self->legend, e);
    }
  for (i = 0; i < to->title_lines->len; i++)
    {
      EntenteSceneTextLine l = g_array_index (to->title_lines, EntenteSceneTextLine, i);

      l.text = g_strdup (l.text);
      g_array_append_val (self->title_lines, l);
    }
  for (i = 0; i < to->caption_lines->len; i++)
    {
      EntenteSceneTextLine l = g_array_index (to->caption_lines, EntenteSceneTextLine, i);

      l.text = g_strdup (l.text);
      g_array_append_val (self->caption_lines, l);
    }
  entente_scene_update_geometry (self);

  return self;
}
