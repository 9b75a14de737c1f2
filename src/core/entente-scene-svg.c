/* entente-scene-svg.c: write a scene as SVG with real text and the scenario embedded
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-scene-svg"

#include "config.h"

#include "entente-scene.h"
#include "entente-scene-private.h"
#include "entente-scenario-io.h"

#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>

#define SVG_NS "http://www.w3.org/2000/svg"

/* Numbers: fixed precision, C locale, trailing zeros dropped, so the same
 * scene always gives the same bytes. */
typedef struct
{
  char s[G_ASCII_DTOSTR_BUF_SIZE];
} Num;

static Num
num (double v)
{
  Num n;
  long long r;
  int frac;
  char *p = n.s;

  /* Hundredths as an integer: fast, and the same bytes on every libc. */
  if (!isfinite (v) || fabs (v) > 1e12)
    v = 0;
  r = llround (v * 100);
  if (r < 0)
    {
      *p++ = '-';
      r = -r;
    }
  frac = (int) (r % 100);
  {
    char digits[24];
    int k = 0;
    long long whole = r / 100;

    do
      {
        digits[k++] = '0' + (int) (whole % 10);
        whole /= 10;
      }
    while (whole > 0);
    while (k > 0)
      *p++ = digits[--k];
  }
  if (frac != 0)
    {
      *p++ = '.';
      *p++ = '0' + frac / 10;
      if (frac % 10 != 0)
        *p++ = '0' + frac % 10;
    }
  *p = '\0';
  return n;
}

static char *
color_hex (const EntenteSceneColor *c)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) lround (CLAMP (c->r, 0, 1) * 255),
                          (int) lround (CLAMP (c->g, 0, 1) * 255),
                          (int) lround (CLAMP (c->b, 0, 1) * 255));
}

/* Elements that hold only attributes and other such elements (a state's
 * arc, disc and badge) can be written as text, indented as the XML writer
 * indents them, which costs a fraction of the writer's calls: while a Raw
 * is current (per thread), start(), attr() and end() write into it. */
typedef struct
{
  GString    *s;
  guint       depth;            /* of the first element */
  guint       n;
  const char *names[8];
  gboolean    open[8];          /* start tag not closed yet */
} Raw;

static __thread Raw *current_raw;

static void
raw_indent (Raw   *raw,
            guint  depth)
{
  guint k;

  for (k = 0; k < depth; k++)
    g_string_append (raw->s, "  ");
}

static void
attr (xmlTextWriterPtr  w,
      const char       *name,
      const char       *value)
{
  Raw *raw = current_raw;
  const char *c;

  if (raw == NULL)
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value);
      return;
    }
  g_string_append_c (raw->s, ' ');
  g_string_append (raw->s, name);
  g_string_append (raw->s, "=\"");
  for (c = value; *c != '\0'; c++)
    switch (*c)
      {
      case '<': g_string_append (raw->s, "&lt;"); break;
      case '>': g_string_append (raw->s, "&gt;"); break;
      case '&': g_string_append (raw->s, "&amp;"); break;
      case '"': g_string_append (raw->s, "&quot;"); break;
      case '\n': g_string_append (raw->s, "&#10;"); break;
      case '\r': g_string_append (raw->s, "&#13;"); break;
      case '\t': g_string_append (raw->s, "&#9;"); break;
      default: g_string_append_c (raw->s, *c); break;
      }
  g_string_append_c (raw->s, '"');
}

static void
attr_num (xmlTextWriterPtr  w,
          const char       *name,
          double            value)
{
  attr (w, name, num (value).s);
}

/* color_hex() into @buf, without printf: the same bytes. */
static void
color_hex_buf (const EntenteSceneColor *c,
               char                     buf[8])
{
  static const char digits[] = "0123456789abcdef";
  int v[3], k;

  v[0] = (int) lround (CLAMP (c->r, 0, 1) * 255);
  v[1] = (int) lround (CLAMP (c->g, 0, 1) * 255);
  v[2] = (int) lround (CLAMP (c->b, 0, 1) * 255);
  buf[0] = '#';
  for (k = 0; k < 3; k++)
    {
      buf[1 + 2 * k] = digits[v[k] >> 4];
      buf[2 + 2 * k] = digits[v[k] & 15];
    }
  buf[7] = '\0';
}

/* "%.3g" of an opacity: a scene has a handful of them, so the last few
 * are kept (per thread) instead of asking printf for every element. */
static const char *
opacity_text (double a)
{
  static __thread double values[4];
  static __thread char texts[4][G_ASCII_DTOSTR_BUF_SIZE];
  static __thread guint used, next;
  guint k;

  for (k = 0; k < used; k++)
    if (values[k] == a)
      return texts[k];
  k = next;
  next = (next + 1) % G_N_ELEMENTS (values);
  used = MAX (used, next == 0 ? G_N_ELEMENTS (values) : next);
  values[k] = a;
  g_ascii_formatd (texts[k], sizeof texts[k], "%.3g", a);
  return texts[k];
}

static void
attr_color (xmlTextWriterPtr         w,
            const char              *name,
            const EntenteSceneColor *c,
            double                   alpha)
{
  char hex[8], op[32];
  double a = c->a * alpha;

  color_hex_buf (c, hex);
  attr (w, name, hex);
  if (a < 0.999)
    {
      g_snprintf (op, sizeof op, "%s-opacity", name);
      attr (w, op, opacity_text (a));
    }
}

static void
attr_dash (xmlTextWriterPtr  w,
           double            unit,
           int               style)
{
  double dashes[2];
  int n;

  _entente_scene_dash (unit, style, dashes, &n);
  if (n == 2)
    {
      g_autofree char *s = g_strdup_printf ("%s %s", num (MAX (dashes[0], 0.01)).s,
                                            num (dashes[1]).s);

      attr (w, "stroke-dasharray", s);
      if (style == _ENTENTE_DASH_DOTTED)
        attr (w, "stroke-linecap", "round");
    }
}

static void
start (xmlTextWriterPtr  w,
       const char       *name)
{
  Raw *raw = current_raw;

  if (raw == NULL)
    {
      xmlTextWriterStartElement (w, BAD_CAST name);
      return;
    }
  g_assert (raw->n < G_N_ELEMENTS (raw->names));
  if (raw->n > 0 && raw->open[raw->n - 1])
    {
      g_string_append (raw->s, ">\n");
      raw->open[raw->n - 1] = FALSE;
    }
  raw_indent (raw, raw->depth + raw->n);
  g_string_append_c (raw->s, '<');
  g_string_append (raw->s, name);
  raw->names[raw->n] = name;
  raw->open[raw->n++] = TRUE;
}

static void
end (xmlTextWriterPtr w)
{
  Raw *raw = current_raw;

  if (raw == NULL)
    {
      xmlTextWriterEndElement (w);
      return;
    }
  g_assert (raw->n > 0);
  raw->n--;
  if (raw->open[raw->n])
    g_string_append (raw->s, "/>\n");
  else
    {
      raw_indent (raw, raw->depth + raw->n);
      g_string_append (raw->s, "</");
      g_string_append (raw->s, raw->names[raw->n]);
      g_string_append (raw->s, ">\n");
    }
}

static void
circle (xmlTextWriterPtr w,
        double           cx,
        double           cy,
        double           r)
{
  attr_num (w, "cx", cx);
  attr_num (w, "cy", cy);
  attr_num (w, "r", r);
}

static void
text_element (xmlTextWriterPtr         w,
              EntenteScene            *self,
              const char              *class_name,
              const char              *text,
              double                   x,
              double                   y,
              double                   size,
              gboolean                 bold,
              const EntenteSceneColor *color,
              gboolean                 halo)
{
  start (w, "text");
  if (class_name != NULL)
    attr (w, "class", class_name);
  attr_num (w, "x", x);
  attr_num (w, "y", y);
  attr_num (w, "font-size", size);
  if (bold)
    attr (w, "font-weight", "bold");
  attr_color (w, "fill", color, 1);
  if (halo && self->halo.a > 0)
    {
      attr_color (w, "stroke", &self->halo, 1);
      attr_num (w, "stroke-width", size * 0.28);
      attr (w, "stroke-linejoin", "round");
      attr (w, "paint-order", "stroke");
    }
  xmlTextWriterWriteString (w, BAD_CAST text);
  end (w);
}

static void
glyph (xmlTextWriterPtr  w,
       EntenteScene     *self,
       EntenteBehaviour  behaviour,
       double            x,
       double            y,
       double            r)
{
  const EntenteGlyphPart *part;
  double s = r * _ENTENTE_GLYPH_SCALE;
  GString *fill = g_string_new (NULL);
  GString *stroke = g_string_new (NULL);
  guint i;

  for (part = _entente_scene_glyph (behaviour); part->op != _ENTENTE_GLYPH_END; part++)
    {
      GString *d = part->op == _ENTENTE_GLYPH_FILL_POLYGON ? fill : stroke;

      if (part->op == _ENTENTE_GLYPH_STROKE_CIRCLE)
        {
          double cx = x + part->pts[0] * s, cy = y + part->pts[1] * s, rr = part->pts[2] * s;

          g_string_append_printf (d, "M%s %s", num (cx - rr).s, num (cy).s);
          g_string_append_printf (d, "A%s %s 0 1 0 %s %s", num (rr).s, num (rr).s,
                                  num (cx + rr).s, num (cy).s);
          g_string_append_printf (d, "A%s %s 0 1 0 %s %s", num (rr).s, num (rr).s,
                                  num (cx - rr).s, num (cy).s);
          continue;
        }
      for (i = 0; i + 1 < part->n; i += 2)
        g_string_append_printf (d, "%c%s %s", i == 0 ? 'M' : 'L', num (x + part->pts[i] * s).s,
                                num (y + part->pts[i + 1] * s).s);
      if (part->op == _ENTENTE_GLYPH_FILL_POLYGON)
        g_string_append_c (d, 'Z');
    }
  if (fill->len > 0)
    {
      start (w, "path");
      attr (w, "class", "glyph");
      attr (w, "d", fill->str);
      attr_color (w, "fill", &self->foreground, 1);
      end (w);
    }
  if (stroke->len > 0)
    {
      start (w, "path");
      attr (w, "class", "glyph");
      attr (w, "d", stroke->str);
      attr (w, "fill", "none");
      attr_color (w, "stroke", &self->foreground, 1);
      attr_num (w, "stroke-width", r * _ENTENTE_GLYPH_STROKE);
      attr (w, "stroke-linecap", "round");
      attr (w, "stroke-linejoin", "round");
      end (w);
    }
  g_string_free (fill, TRUE);
  g_string_free (stroke, TRUE);
}

static void
badge (xmlTextWriterPtr  w,
       EntenteScene     *self,
       EntenteBehaviour  behaviour,
       double            x,
       double            y,
       double            r)
{
  EntenteSceneColor bg = self->halo;

  bg.a = 1;
  start (w, "g");
  attr (w, "class", "badge");
  start (w, "circle");
  circle (w, x, y, r);
  attr_color (w, "fill", &bg, 1);
  attr_color (w, "stroke", &self->foreground, 1);
  attr_num (w, "stroke-width", self->line_width * 0.8);
  end (w);
  glyph (w, self, behaviour, x, y, r);
  end (w);
}

static void
node_disc (xmlTextWriterPtr         w,
           EntenteScene            *self,
           double                   x,
           double                   y,
           double                   r,
           const EntenteSceneColor *fill,
           EntenteSceneFill         pattern,
           gboolean                 dashed)
{
  start (w, "circle");
  attr (w, "class", "node");
  circle (w, x, y, r);
  attr_color (w, "fill", fill, 1);
  if (pattern == ENTENTE_SCENE_FILL_SOLID)
    {
      attr_color (w, "stroke", &self->foreground, 1);
      attr_num (w, "stroke-width", self->line_width);
      if (dashed)
        attr_dash (w, self->line_width, _ENTENTE_DASH_DASHED);
      end (w);
      return;
    }
  end (w);
  /* The pattern and the outline on top of the fill. */
  start (w, "circle");
  attr (w, "class", "pattern");
  circle (w, x, y, r);
  attr (w, "fill", "url(#entente-hatch)");
  attr_color (w, "stroke", &self->foreground, 1);
  attr_num (w, "stroke-width", self->line_width);
  if (dashed)
    attr_dash (w, self->line_width, _ENTENTE_DASH_DASHED);
  end (w);
}

static void
intention_arc (xmlTextWriterPtr  w,
               EntenteScene     *self,
               double            x,
               double            y,
               double            r,
               double            intention)
{
  double rr = r + self->line_width * 1.9;

  start (w, "circle");
  attr (w, "class", "intention-track");
  circle (w, x, y, rr);
  attr (w, "fill", "none");
  attr_color (w, "stroke", &self->muted, 0.35);
  attr_num (w, "stroke-width", self->line_width * 0.6);
  end (w);
  if (intention > 0.005)
    {
      double a = -G_PI / 2 + 2 * G_PI * MIN (intention, 0.9999);
      g_autofree char *d = g_strdup_printf ("M%s %sA%s %s 0 %d 1 %s %s", num (x).s,
                                            num (y - rr).s, num (rr).s, num (rr).s,
                                            intention > 0.5 ? 1 : 0, num (x + rr * cos (a)).s,
                                            num (y + rr * sin (a)).s);

      start (w, "path");
      attr (w, "class", "intention");
      attr (w, "d", d);
      attr (w, "fill", "none");
      attr_color (w, "stroke", &self->foreground, 1);
      attr_num (w, "stroke-width", self->line_width * 1.4);
      end (w);
    }
}

/* A tie's colour, opacity and dashes come from the stylesheet (one rule
 * per kind, see write_style): thousands of ties stay small and quick. */
static void
tie_attrs (xmlTextWriterPtr     w,
           EntenteScene        *self,
           EntenteSceneTieKind  kind,
           double               width)
{
  switch (kind)
    {
    case ENTENTE_SCENE_TIE_RIVALRY:
      attr (w, "class", "tie rivalry");
      break;
    case ENTENTE_SCENE_TIE_TETHER:
      attr (w, "class", "tie tether");
      break;
    case ENTENTE_SCENE_TIE_COMMITMENT:
    default:
      attr (w, "class", "tie commitment");
      break;
    }
  attr_num (w, "stroke-width", width);
}

static char *
tether_bars_d (double x1,
               double y1,
               double x2,
               double y2,
               double len,
               double gap)
{
  double dx = x2 - x1, dy = y2 - y1, d = hypot (dx, dy), ux, uy, mx, my;
  GString *s = g_string_new (NULL);
  int k;

  if (d < 1e-6)
    return g_string_free (s, FALSE);
  ux = dx / d;
  uy = dy / d;
  mx = (x1 + x2) / 2;
  my = (y1 + y2) / 2;
  for (k = -1; k <= 1; k += 2)
    {
      double cx = mx + ux * gap * k, cy = my + uy * gap * k;

      g_string_append_printf (s, "M%s %sL%s %s", num (cx - uy * len).s, num (cy + ux * len).s,
                              num (cx + uy * len).s, num (cy - ux * len).s);
    }
  return g_string_free (s, FALSE);
}

static void
append_num (GString    *s,
            const char *name,
            double      value)
{
  g_string_append_c (s, ' ');
  g_string_append (s, name);
  g_string_append (s, "=\"");
  g_string_append (s, num (value).s);
  g_string_append_c (s, '"');
}

/* A tie as text, as the writer would put it among the children of the
 * top-level ties group: thousands of <line> elements through the XML
 * writer cost more than all the rest of the file, and these hold only
 * numbers and fixed names, which need no escaping. */
static void
tie_line_text (GString             *s,
               EntenteScene        *self,
               EntenteSceneTieKind  kind,
               double               width,
               double               x1,
               double               y1,
               double               x2,
               double               y2)
{
  switch (kind)
    {
    case ENTENTE_SCENE_TIE_RIVALRY:
      g_string_append (s, "\n    <line class=\"tie rivalry\"");
      break;
    case ENTENTE_SCENE_TIE_TETHER:
      g_string_append (s, "\n    <line class=\"tie tether\"");
      break;
    case ENTENTE_SCENE_TIE_COMMITMENT:
    default:
      g_string_append (s, "\n    <line class=\"tie commitment\"");
      break;
    }
  append_num (s, "stroke-width", width);
  append_num (s, "x1", x1);
  append_num (s, "y1", y1);
  append_num (s, "x2", x2);
  append_num (s, "y2", y2);
  g_string_append (s, "/>");
  if (kind == ENTENTE_SCENE_TIE_TETHER)
    {
      g_autofree char *d = tether_bars_d (x1, y1, x2, y2, self->font_size * 0.45,
                                          self->font_size * 0.2);

      g_string_append (s, "\n    <path class=\"tether-mark\" d=\"");
      g_string_append (s, d);
      g_string_append_c (s, '"');
      append_num (s, "stroke-width", self->line_width * 1.2);
      g_string_append (s, "/>");
    }
}

static void
tie_line (xmlTextWriterPtr     w,
          EntenteScene        *self,
          EntenteSceneTieKind  kind,
          double               width,
          double               x1,
          double               y1,
          double               x2,
          double               y2)
{
  start (w, "line");
  tie_attrs (w, self, kind, width);
  attr_num (w, "x1", x1);
  attr_num (w, "y1", y1);
  attr_num (w, "x2", x2);
  attr_num (w, "y2", y2);
  end (w);
  if (kind == ENTENTE_SCENE_TIE_TETHER)
    {
      g_autofree char *d = tether_bars_d (x1, y1, x2, y2, self->font_size * 0.45,
                                          self->font_size * 0.2);

      start (w, "path");
      attr (w, "class", "tether-mark");
      attr (w, "d", d);
      attr_num (w, "stroke-width", self->line_width * 1.2);
      end (w);
    }
}

/* attr_color() as text. */
static void
append_color (GString                 *s,
              const char              *name,
              const EntenteSceneColor *c,
              double                   alpha)
{
  char hex[8];
  double a = c->a * alpha;

  color_hex_buf (c, hex);
  g_string_append_printf (s, " %s=\"%s\"", name, hex);
  if (a < 0.999)
    g_string_append_printf (s, " %s-opacity=\"%s\"", name, opacity_text (a));
}

static void
append_point (GString    *s,
              char        command,
              double      x,
              double      y)
{
  if (command != '\0')
    g_string_append_c (s, command);
  g_string_append (s, num (x).s);
  g_string_append_c (s, ' ');
  g_string_append (s, num (y).s);
}

/* arrow() as text among the children of the top-level threats group (see
 * tie_line_text()): @stroke and @fill are the colour attributes. */
static void
arrow_text (GString      *s,
            const double *p,
            const char   *stroke,
            const char   *fill)
{
  g_string_append (s, "\n    <path d=\"");
  append_point (s, 'M', p[0], p[1]);
  append_point (s, 'Q', p[2], p[3]);
  append_point (s, ' ', p[4], p[5]);
  g_string_append (s, "\" fill=\"none\"");
  g_string_append (s, stroke);
  g_string_append (s, "/>\n    <path d=\"");
  append_point (s, 'M', p[6], p[7]);
  append_point (s, 'L', p[8], p[9]);
  append_point (s, 'L', p[10], p[11]);
  g_string_append (s, "Z\"");
  g_string_append (s, fill);
  g_string_append (s, "/>");
}

static void
arrow (xmlTextWriterPtr  w,
       EntenteScene     *self,
       const double     *p)
{
  g_autofree char *d = g_strdup_printf ("M%s %sQ%s %s %s %s", num (p[0]).s, num (p[1]).s,
                                        num (p[2]).s, num (p[3]).s, num (p[4]).s, num (p[5]).s);
  g_autofree char *head = g_strdup_printf ("M%s %sL%s %sL%s %sZ", num (p[6]).s, num (p[7]).s,
                                           num (p[8]).s, num (p[9]).s, num (p[10]).s,
                                           num (p[11]).s);

  start (w, "path");
  attr (w, "d", d);
  attr (w, "fill", "none");
  attr_color (w, "stroke", &self->threat_color, 0.95);
  attr_num (w, "stroke-width", self->line_width * 1.1);
  end (w);
  start (w, "path");
  attr (w, "d", head);
  attr_color (w, "fill", &self->threat_color, 0.95);
  end (w);
}

static void
legend_icon (xmlTextWriterPtr               w,
             EntenteScene                  *self,
             const EntenteSceneLegendEntry *entry,
             double                         cx,
             double                         cy)
{
  double fs = self->font_size;

  switch (entry->kind)
    {
    case ENTENTE_SCENE_LEGEND_BLOC:
      node_disc (w, self, cx, cy, fs * 0.45, &self->bloc_fill[entry->value],
                 self->bloc_pattern[entry->value], entry->value == ENTENTE_BLOC_U);
      break;
    case ENTENTE_SCENE_LEGEND_BEHAVIOUR:
      badge (w, self, entry->value, cx, cy, self->badge_r);
      break;
    case ENTENTE_SCENE_LEGEND_TIE:
      tie_line (w, self, entry->value,
                entry->value == ENTENTE_SCENE_TIE_RIVALRY ? self->line_width * 1.2
                                                          : self->line_width * 2,
                cx - fs * 0.95, cy, cx + fs * 0.95, cy);
      break;
    case ENTENTE_SCENE_LEGEND_THREAT:
      {
        double head = self->line_width * 5;
        double p[12] = { cx - fs * 0.95, cy, cx, cy, cx + fs * 0.95 - head, cy,
                         cx + fs * 0.95, cy, cx + fs * 0.95 - head, cy - head * 0.45,
                         cx + fs * 0.95 - head, cy + head * 0.45 };

        arrow (w, self, p);
      }
      break;
    case ENTENTE_SCENE_LEGEND_HULL:
      start (w, "rect");
      attr_num (w, "x", cx - fs * 0.9);
      attr_num (w, "y", cy - fs * 0.42);
      attr_num (w, "width", fs * 1.8);
      attr_num (w, "height", fs * 0.84);
      attr_color (w, "fill", &self->hull_color[entry->value], 0.09);
      attr_color (w, "stroke", &self->hull_color[entry->value], 1);
      attr_num (w, "stroke-width", self->line_width * 1.2);
      attr_dash (w, self->line_width * 1.2, _entente_scene_hull_dash (entry->value));
      end (w);
      break;
    case ENTENTE_SCENE_LEGEND_SIZE:
      start (w, "circle");
      circle (w, cx - fs * 0.55, cy + fs * 0.2, fs * 0.22);
      attr (w, "fill", "none");
      attr_color (w, "stroke", &self->foreground, 1);
      attr_num (w, "stroke-width", self->line_width);
      end (w);
      start (w, "circle");
      circle (w, cx + fs * 0.3, cy, fs * 0.44);
      attr (w, "fill", "none");
      attr_color (w, "stroke", &self->foreground, 1);
      attr_num (w, "stroke-width", self->line_width);
      end (w);
      break;
    case ENTENTE_SCENE_LEGEND_INTENTION:
      intention_arc (w, self, cx, cy, fs * 0.36, 0.6);
      node_disc (w, self, cx, cy, fs * 0.36, &self->bloc_fill[ENTENTE_BLOC_U],
                 ENTENTE_SCENE_FILL_SOLID, FALSE);
      break;
    case ENTENTE_SCENE_LEGEND_HEADING:
    default:
      break;
    }
}

static const char *
hull_class (EntenteSceneHullKind kind)
{
  switch (kind)
    {
    case ENTENTE_SCENE_HULL_CONTACT_CORE: return "hull contact-core";
    case ENTENTE_SCENE_HULL_FRIENDS: return "hull friends";
    case ENTENTE_SCENE_HULL_CONCERT:
    default:
      return "hull concert";
    }
}

/* A font family safe inside the CSS of <style>. */
static char *
css_family (const char *family)
{
  GString *s = g_string_new (NULL);
  const char *p;

  for (p = family; *p; p++)
    if (g_ascii_isalnum (*p) || *p == ' ' || *p == '-' || *p == '_' || (guchar) *p >= 0x80)
      g_string_append_c (s, *p);
  if (s->len == 0)
    g_string_append (s, "Sans");
  return g_string_free (s, FALSE);
}

static char *
css_color (const EntenteSceneColor *c,
           double                   alpha)
{
  g_autofree char *hex = color_hex (c);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.3g", c->a * alpha);
  return g_strdup_printf ("stroke: %s; stroke-opacity: %s", hex, buf);
}

static void
write_style (xmlTextWriterPtr  w,
             EntenteScene     *self)
{
  g_autofree char *family = css_family (self->font_family);
  g_autofree char *fg = css_color (&self->foreground, 0.75);
  g_autofree char *muted = css_color (&self->muted, 1);
  g_autofree char *css = NULL;
  double dashes[2];
  int n;

  /* Presentation attributes carry most of the look (so every renderer
   * agrees); the stylesheet sets the font and the look of ties, and gives
   * users hooks to restyle by class. */
  _entente_scene_dash (self->line_width * 1.2, _ENTENTE_DASH_DASHED, dashes, &n);
  css = g_strdup_printf ("\n"
                         "text { font-family: '%s', sans-serif; }\n"
                         ".tie { fill: none; stroke-linecap: butt; }\n"
                         ".tie.commitment, .tie.tether, .tether-mark { %s; fill: none; }\n"
                         ".tie.rivalry { %s; stroke-dasharray: %s %s; }\n"
                         ".hull path { stroke-linejoin: round; }\n",
                         family, fg, muted, num (dashes[0]).s, num (dashes[1]).s);
  start (w, "style");
  attr (w, "type", "text/css");
  xmlTextWriterWriteString (w, BAD_CAST css);
  end (w);
}

static void
write_defs (xmlTextWriterPtr  w,
            EntenteScene     *self)
{
  double step = self->line_width * 2.4 / G_SQRT2;

  start (w, "defs");
  start (w, "pattern");
  attr (w, "id", "entente-hatch");
  attr (w, "patternUnits", "userSpaceOnUse");
  attr_num (w, "width", step);
  attr_num (w, "height", step);
  attr (w, "patternTransform", "rotate(45)");
  start (w, "line");
  attr (w, "x1", "0");
  attr (w, "y1", "0");
  attr (w, "x2", "0");
  attr_num (w, "y2", step);
  attr_color (w, "stroke", &self->foreground, 0.8);
  attr_num (w, "stroke-width", self->line_width * 0.7 * 2);
  end (w);
  end (w);
  end (w);
}

static void
write_state (xmlTextWriterPtr        w,
             EntenteScene           *self,
             const EntenteSceneNode *node)
{
  g_autofree char *id = g_strconcat ("state-", node->id, NULL);
  g_autofree char *klass = NULL;
  double lx1, ly1, lx2, ly2;

  if (node->has_result)
    klass = g_strdup_printf ("state bloc-%s %s", entente_scene_bloc_name (node->bloc),
                             entente_scene_behaviour_name (node->behaviour));
  else
    klass = g_strdup ("state");

  start (w, "g");
  attr (w, "id", id);
  attr (w, "class", klass);
  start (w, "title");
  xmlTextWriterWriteString (w, BAD_CAST node->name);
  end (w);
  start (w, "desc");
  xmlTextWriterWriteString (w, BAD_CAST node->description);
  end (w);
  /* The state's group is a child of the top-level states group: its
   * children are at depth 3. */
  {
    Raw raw = { g_string_sized_new (1024), 3, 0, { NULL }, { FALSE } };

    current_raw = &raw;
    intention_arc (w, self, node->x, node->y, node->r, node->intention);
    node_disc (w, self, node->x, node->y, node->r, &node->fill, node->pattern, node->dashed);
    if (node->has_result)
      badge (w, self, node->behaviour, node->x + node->r * G_SQRT2 / 2,
             node->y + node->r * G_SQRT2 / 2, self->badge_r);
    current_raw = NULL;
    /* The writer indents the next start tag itself, but not the end tag
     * that follows text it did not write. */
    if (!node->label_visible)
      raw_indent (&raw, 2);
    xmlTextWriterWriteRaw (w, BAD_CAST raw.s->str);
    g_string_free (raw.s, TRUE);
  }
  if (_entente_scene_label_leader (self, node, &lx1, &ly1, &lx2, &ly2))
    {
      start (w, "line");
      attr (w, "class", "leader");
      attr_num (w, "x1", lx1);
      attr_num (w, "y1", ly1);
      attr_num (w, "x2", lx2);
      attr_num (w, "y2", ly2);
      attr_color (w, "stroke", &self->foreground, 0.6);
      attr_num (w, "stroke-width", self->line_width * 0.8);
      attr (w, "stroke-linecap", "round");
      end (w);
    }
  if (node->label_visible)
    text_element (w, self, "label", node->label, node->x + node->label_dx,
                  node->y + node->label_dy, self->font_size, FALSE, &self->foreground, TRUE);
  end (w);
}

GBytes *
entente_scene_write_svg (EntenteScene    *self,
                         EntenteScenario *scenario,
                         double           width_mm,
                         double           height_mm)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr w;
  g_autofree char *view_box = NULL;
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;
  g_autofree char *title = NULL;
  GBytes *bytes;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);

  buffer = xmlBufferCreate ();
  /* Grown by doubling, not by the size of each write. */
  xmlBufferSetAllocationScheme (buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  w = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "  ");
  xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);

  view_box = g_strdup_printf ("0 0 %s %s", num (self->width).s, num (self->height).s);
  width = g_strdup_printf ("%smm", num (width_mm).s);
  height = g_strdup_printf ("%smm", num (height_mm).s);

  start (w, "svg");
  attr (w, "xmlns", SVG_NS);
  attr (w, "version", "1.1");
  attr (w, "width", width);
  attr (w, "height", height);
  attr (w, "viewBox", view_box);
  attr (w, "role", "img");
  attr (w, "aria-labelledby", "entente-title entente-desc");

  if (self->title_lines->len > 0)
    title = entente_scene_sanitize_text (self->options.title);
  else if (scenario != NULL && scenario->title != NULL)
    title = entente_scene_sanitize_text (scenario->title);
  else
    title = g_strdup (_("Alliance network"));
  start (w, "title");
  attr (w, "id", "entente-title");
  xmlTextWriterWriteString (w, BAD_CAST title);
  end (w);
  {
    g_autofree char *desc = NULL;
    g_autofree char *clean = NULL;

    if (self->options.caption != NULL && *self->options.caption)
      desc = g_strdup (self->options.caption);
    else if (scenario != NULL && scenario->description != NULL)
      desc = g_strdup (scenario->description);
    else
      desc = g_strdup_printf (_("Alliance network of %u states drawn by Entente."),
                              self->nodes->len);
    clean = entente_scene_sanitize_text (desc);
    start (w, "desc");
    attr (w, "id", "entente-desc");
    xmlTextWriterWriteString (w, BAD_CAST clean);
    end (w);
  }

  start (w, "metadata");
  if (scenario != NULL)
    entente_scenario_write_xml (scenario, w);
  end (w);

  write_style (w, self);
  write_defs (w, self);

  if (self->background.a > 0)
    {
      start (w, "rect");
      attr (w, "class", "background");
      attr (w, "width", "100%");
      attr (w, "height", "100%");
      attr_color (w, "fill", &self->background, 1);
      end (w);
    }

  if (self->hulls->len > 0)
    {
      start (w, "g");
      attr (w, "id", "hulls");
      for (i = 0; i < self->hulls->len; i++)
        {
          const EntenteSceneHull *hull = g_ptr_array_index (self->hulls, i);
          GString *d = g_string_new (NULL);
          guint p = 0, l, k;

          for (l = 0; l < hull->loops->len; l++)
            {
              guint count = g_array_index (hull->loops, guint, l);

              for (k = 0; k < count && 2 * p + 1 < hull->points->len; k++, p++)
                g_string_append_printf (d, "%c%s %s", k == 0 ? 'M' : 'L',
                                        num (g_array_index (hull->points, double, 2 * p)).s,
                                        num (g_array_index (hull->points, double, 2 * p + 1)).s);
              g_string_append_c (d, 'Z');
            }
          start (w, "g");
          attr (w, "class", hull_class (hull->kind));
          start (w, "path");
          attr (w, "d", d->str);
          attr_color (w, "fill", &hull->color, 0.09);
          attr (w, "fill-rule", "evenodd");
          attr_color (w, "stroke", &hull->color, 1);
          attr_num (w, "stroke-width", self->line_width * 1.2);
          attr_dash (w, self->line_width * 1.2, _entente_scene_hull_dash (hull->kind));
          end (w);
          end (w);
          g_string_free (d, TRUE);
        }
      /* Hull labels above every outline, as the canvas draws them. */
      for (i = 0; i < self->hulls->len; i++)
        {
          const EntenteSceneHull *hull = g_ptr_array_index (self->hulls, i);

          if (hull->label != NULL && *hull->label)
            text_element (w, self, "hull-label", hull->label, hull->label_x, hull->label_y,
                          self->font_size * 0.85, FALSE, &hull->color, TRUE);
        }
      end (w);
    }

  if (self->ties->len > 0)
    {
      GString *text = g_string_sized_new (96 * self->ties->len);

      start (w, "g");
      attr (w, "id", "ties");
      for (i = 0; i < self->ties->len; i++)
        {
          const EntenteSceneTie *tie = &g_array_index (self->ties, EntenteSceneTie, i);
          double x1, y1, x2, y2;

          if (_entente_scene_tie_line (self, tie, &x1, &y1, &x2, &y2))
            tie_line_text (text, self, tie->kind, tie->width, x1, y1, x2, y2);
        }
      if (text->len > 0)
        {
          /* Then the closing tag, indented as the writer indents it. */
          g_string_append (text, "\n  ");
          xmlTextWriterWriteRaw (w, BAD_CAST text->str);
        }
      g_string_free (text, TRUE);
      end (w);
    }

  if (self->arrows->len > 0)
    {
      GString *text = g_string_sized_new (160 * self->arrows->len);
      GString *stroke = g_string_new (NULL);
      GString *fill = g_string_new (NULL);

      start (w, "g");
      append_color (stroke, "stroke", &self->threat_color, 0.95);
      append_num (stroke, "stroke-width", self->line_width * 1.1);
      append_color (fill, "fill", &self->threat_color, 0.95);
      attr (w, "id", "threats");
      attr (w, "class", "threat");
      for (i = 0; i < self->arrows->len; i++)
        {
          double p[12];

          if (_entente_scene_arrow_curve (self, &g_array_index (self->arrows, EntenteSceneArrow,
                                                                i), p))
            arrow_text (text, p, stroke->str, fill->str);
        }
      if (text->len > 0)
        {
          g_string_append (text, "\n  ");
          xmlTextWriterWriteRaw (w, BAD_CAST text->str);
        }
      g_string_free (text, TRUE);
      g_string_free (stroke, TRUE);
      g_string_free (fill, TRUE);
      end (w);
    }

  start (w, "g");
  attr (w, "id", "states");
  for (i = 0; i < self->nodes->len; i++)
    write_state (w, self, &g_array_index (self->nodes, EntenteSceneNode, i));
  end (w);

  if (self->legend->len > 0)
    {
      start (w, "g");
      attr (w, "id", "legend");
      for (i = 0; i < self->legend->len; i++)
        {
          const EntenteSceneLegendEntry *entry = &g_array_index (self->legend,
                                                                 EntenteSceneLegendEntry, i);
          double x = self->legend_x + entry->x, y = self->legend_y + entry->y;
          double baseline = y + (self->legend_row_h - self->text_height) / 2 + self->text_ascent;

          if (entry->kind == ENTENTE_SCENE_LEGEND_HEADING)
            {
              text_element (w, self, "legend-heading", entry->text, x, baseline, self->font_size,
                            TRUE, &self->foreground, FALSE);
              continue;
            }
          legend_icon (w, self, entry, x + self->font_size * 1.1, y + self->legend_row_h / 2);
          text_element (w, self, "legend-label", entry->text, x + self->font_size * 2.4, baseline,
                        self->font_size, FALSE, &self->foreground, FALSE);
        }
      end (w);
    }

  for (i = 0; i < self->title_lines->len; i++)
    {
      const EntenteSceneTextLine *line = &g_array_index (self->title_lines, EntenteSceneTextLine, i);

      text_element (w, self, "title", line->text, line->x, line->y, self->title_size, TRUE,
                    &self->foreground, FALSE);
    }
  for (i = 0; i < self->caption_lines->len; i++)
    {
      const EntenteSceneTextLine *line = &g_array_index (self->caption_lines,
                                                         EntenteSceneTextLine, i);

      text_element (w, self, "caption", line->text, line->x, line->y, self->caption_size, FALSE,
                    &self->foreground, FALSE);
    }

  end (w);   /* svg */
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);

  return bytes;
}
