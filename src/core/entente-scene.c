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

/* Shaped text: laying out a label (itemising, shaping, breaking) costs far
 * more than drawing it, and the same labels are drawn in every frame of an
 * animation and in every scene rebuilt for a new result. Each thread keeps
 * its layouts (Pango objects are not shared between threads), made with a
 * device-independent context: metrics are unhinted, so they draw the same
 * on any surface and at any scale. */
#define SHAPED_MAX 2048

static void
shaped_cache_free (gpointer data)
{
  g_hash_table_unref (data);
}

static GPrivate shaped_cache = G_PRIVATE_INIT (shaped_cache_free);

PangoLayout *
_entente_scene_shaped_text (const char *family,
                            double      size,
                            gboolean    bold,
                            const char *text)
{
  GHashTable *table = g_private_get (&shaped_cache);
  union { double d; guint64 u; } bits = { .d = size };
  PangoLayout *layout;
  char *key;

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&shaped_cache, table);
    }
  key = g_strdup_printf ("%" G_GINT64_MODIFIER "x %d %s\x1f%s", bits.u, bold ? 1 : 0,
                         family != NULL ? family : "", text);
  layout = g_hash_table_lookup (table, key);
  if (layout != NULL)
    {
      g_free (key);
      return layout;
    }
  /* A borrowed layout is used at once, before the next call. */
  if (g_hash_table_size (table) >= SHAPED_MAX)
    g_hash_table_remove_all (table);
  layout = _entente_scene_create_layout (NULL, family, size, bold);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_baseline (layout);   /* lays it out now */
  g_hash_table_insert (table, key, layout);
  return layout;
}

/* Like _entente_scene_measure() with a layout of that font, from the
 * shaped-text cache. */
void
_entente_scene_measure_text (const char *family,
                             double      size,
                             gboolean    bold,
                             const char *text,
                             double     *w,
                             double     *h,
                             double     *ascent)
{
  PangoLayout *layout = _entente_scene_shaped_text (family, size, bold, text);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *w = (double) logical.width / PANGO_SCALE;
  *h = (double) logical.height / PANGO_SCALE;
  if (ascent != NULL)
    *ascent = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

void
_entente_scene_measure (PangoLayout *layout,
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
  {
    double h;

    _entente_scene_measure_text (self->font_family, self->font_size * 0.85, FALSE, hull->label,
                                 &hull->label_w, &h, NULL);
  }
  hull->members = g_array_new (FALSE, FALSE, sizeof (guint));
  for (i = 0; i < members->len; i++)
    {
      guint idx = g_array_index (members, guint, i);

      if (idx < self->nodes->len)
        g_array_append_val (hull->members, idx);
    }
  hull->points = g_array_new (FALSE, FALSE, sizeof (double));
  hull->loops = g_array_new (FALSE, FALSE, sizeof (guint));
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
  g_array_unref (hull->loops);
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
  /* A section is shown only when it has entries: no headings over nothing
   * (no states, or none with a result). */
  if (result != NULL && (bloc_used[0] || bloc_used[1] || bloc_used[2]))
    {
      legend_add (self, ENTENTE_SCENE_LEGEND_HEADING, 0, _("Alignment"));
      for (i = 0; i < 3; i++)
        if (bloc_used[i])
          legend_add (self, ENTENTE_SCENE_LEGEND_BLOC, i, bloc_title (i));
    }
  if (result != NULL)
    {
      gboolean any = FALSE;

      for (i = 0; i < ENTENTE_N_BEHAVIOURS; i++)
        any |= behaviour_used[i];
      if (any)
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

/* Capability */

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
          tie.width = self->line_width * (0.5 + 1.5 * pair->commitment);
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
  EntenteSceneBox area;

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

    _entente_scene_measure_text (self->font_family, self->font_size, FALSE, "Ag", &w,
                                 &self->text_height, &self->text_ascent);
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
      _entente_scene_measure_text (self->font_family, self->font_size, FALSE, node.label,
                                   &node.label_w, &node.label_h, &node.label_ascent);
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
      double aspect = _entente_scene_network_aspect (self, scenario);
      double avail_h = bottom - top, avail_w = self->width - 2 * margin;
      double rw, rh, bw, bh, score_right, score_bottom;

      /* Put the legend where it leaves the network the larger scale: at
       * the right of a tall network, under a wide one. */
      _entente_scene_layout_legend (self, layout, TRUE, avail_w, avail_h, &rw, &rh);
      _entente_scene_layout_legend (self, layout, FALSE, avail_w, avail_h, &bw, &bh);
      score_right = MIN ((avail_w - rw - margin * 0.5) / aspect, avail_h);
      score_bottom = MIN (avail_w / aspect, avail_h - bh - margin * 0.5);
      legend_right = rw <= self->width * 0.45 && score_right > score_bottom;
      _entente_scene_layout_legend (self, layout, legend_right, avail_w, avail_h, &legend_w, &legend_h);
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
      EntenteSceneBox cb;
      gboolean fits;

      _entente_scene_project (self, scenario, ax, ay, aw, ah);
      _entente_scene_separate_nodes (self, self->map_x, self->map_y, self->map_w, self->map_h);
      _entente_scene_place_labels (self, &area);
      entente_scene_update_geometry (self);
      cb = _entente_scene_content_box (self);
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
      hull->loops = g_array_new (FALSE, FALSE, sizeof (guint));
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

static gboolean
same_color (const EntenteSceneColor *a,
            const EntenteSceneColor *b)
{
  return a->r == b->r && a->g == b->g && a->b == b->b && a->a == b->a;
}

static gboolean
same_network (EntenteScene *a,
              EntenteScene *b)
{
  guint i;

  if (a->width != b->width || a->height != b->height ||
      !same_color (&a->background, &b->background) ||
      !same_color (&a->foreground, &b->foreground) || !same_color (&a->muted, &b->muted) ||
      !same_color (&a->halo, &b->halo) || a->font_size != b->font_size ||
      a->line_width != b->line_width || g_strcmp0 (a->font_family, b->font_family) != 0 ||
      a->nodes->len != b->nodes->len || a->ties->len != b->ties->len ||
      a->hulls->len != b->hulls->len)
    return FALSE;
  for (i = 0; i < a->nodes->len; i++)
    {
      const EntenteSceneNode *na = &g_array_index (a->nodes, EntenteSceneNode, i);
      const EntenteSceneNode *nb = &g_array_index (b->nodes, EntenteSceneNode, i);

      if (na->x != nb->x || na->y != nb->y || na->r != nb->r)
        return FALSE;
    }
  for (i = 0; i < a->ties->len; i++)
    {
      const EntenteSceneTie *ta = &g_array_index (a->ties, EntenteSceneTie, i);
      const EntenteSceneTie *tb = &g_array_index (b->ties, EntenteSceneTie, i);

      if (ta->a != tb->a || ta->b != tb->b || ta->kind != tb->kind || ta->width != tb->width ||
          ta->offset != tb->offset)
        return FALSE;
    }
  for (i = 0; i < a->hulls->len; i++)
    {
      const EntenteSceneHull *ha = g_ptr_array_index (a->hulls, i);
      const EntenteSceneHull *hb = g_ptr_array_index (b->hulls, i);

      if (ha->kind != hb->kind || !same_color (&ha->color, &hb->color) ||
          g_strcmp0 (ha->label, hb->label) != 0 || ha->label_x != hb->label_x ||
          ha->label_y != hb->label_y || ha->points->len != hb->points->len ||
          memcmp (ha->points->data, hb->points->data, sizeof (double) * ha->points->len) != 0 ||
          ha->loops->len != hb->loops->len ||
          memcmp (ha->loops->data, hb->loops->data, sizeof (guint) * ha->loops->len) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_text_lines (GArray *a,
                 GArray *b)
{
  guint i;

  if (a->len != b->len)
    return FALSE;
  for (i = 0; i < a->len; i++)
    {
      const EntenteSceneTextLine *la = &g_array_index (a, EntenteSceneTextLine, i);
      const EntenteSceneTextLine *lb = &g_array_index (b, EntenteSceneTextLine, i);

      if (la->x != lb->x || la->y != lb->y || g_strcmp0 (la->text, lb->text) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Everything the LABELS and LEGEND layers draw: state labels, legend, title,
 * caption. */
static gboolean
same_labels (EntenteScene *a,
             EntenteScene *b)
{
  guint i;

  if (a->width != b->width || a->height != b->height ||
      !same_color (&a->foreground, &b->foreground) || !same_color (&a->muted, &b->muted) ||
      !same_color (&a->halo, &b->halo) || !same_color (&a->threat_color, &b->threat_color) ||
      a->font_size != b->font_size || a->line_width != b->line_width ||
      a->badge_r != b->badge_r || a->title_size != b->title_size ||
      a->caption_size != b->caption_size || a->text_ascent != b->text_ascent ||
      a->text_height != b->text_height || g_strcmp0 (a->font_family, b->font_family) != 0 ||
      a->nodes->len != b->nodes->len || a->legend->len != b->legend->len ||
      a->legend_x != b->legend_x || a->legend_y != b->legend_y ||
      a->legend_row_h != b->legend_row_h ||
      !same_text_lines (a->title_lines, b->title_lines) ||
      !same_text_lines (a->caption_lines, b->caption_lines))
    return FALSE;
  for (i = 0; i < 3; i++)
    if (!same_color (&a->bloc_fill[i], &b->bloc_fill[i]) ||
        a->bloc_pattern[i] != b->bloc_pattern[i] ||
        !same_color (&a->hull_color[i], &b->hull_color[i]))
      return FALSE;
  for (i = 0; i < a->nodes->len; i++)
    {
      const EntenteSceneNode *na = &g_array_index (a->nodes, EntenteSceneNode, i);
      const EntenteSceneNode *nb = &g_array_index (b->nodes, EntenteSceneNode, i);

      if (na->label_visible != nb->label_visible || na->label_leader != nb->label_leader)
        return FALSE;
      if (na->label_visible &&
          (na->x + na->label_dx != nb->x + nb->label_dx ||
           na->y + na->label_dy != nb->y + nb->label_dy || g_strcmp0 (na->label, nb->label) != 0))
        return FALSE;
    }
  for (i = 0; i < a->legend->len; i++)
    {
      const EntenteSceneLegendEntry *ea = &g_array_index (a->legend, EntenteSceneLegendEntry, i);
      const EntenteSceneLegendEntry *eb = &g_array_index (b->legend, EntenteSceneLegendEntry, i);

      if (ea->kind != eb->kind || ea->value != eb->value || ea->x != eb->x || ea->y != eb->y ||
          g_strcmp0 (ea->text, eb->text) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
entente_scene_same_layers (EntenteScene       *a,
                           EntenteScene       *b,
                           EntenteSceneLayers  layers)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a == b)
    return TRUE;
  if (layers & ENTENTE_SCENE_LAYER_STATES)
    return FALSE;   /* not compared: anything may differ */
  return (!(layers & ENTENTE_SCENE_LAYER_NETWORK) || same_network (a, b)) &&
         (!(layers & (ENTENTE_SCENE_LAYER_LABELS | ENTENTE_SCENE_LAYER_LEGEND)) ||
          same_labels (a, b));
}
