/* entente-canvas.c: the live alliance network, drawn from the scene
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-canvas"

#include "config.h"

#include "entente-canvas.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/entente-scene.h"

#define ANIMATION_USEC (200 * G_TIME_SPAN_MILLISECOND)
#define ZOOM_STEP 1.25
#define ZOOM_MIN 0.25
#define ZOOM_MAX 8.0
#define DRAG_THRESHOLD 4.0

#define N_LAYERS 3

struct _EntenteCanvas
{
  GtkWidget        parent_instance;

  EntenteScenario *scenario;
  EntenteResult   *result;

  EntenteScene    *scene;          /* the target: built for the current size and model */
  EntenteScene    *from;           /* where the animation starts */
  EntenteScene    *shown;          /* what is drawn: scene, or between from and scene */
  GskRenderNode   *cache;          /* the static part of shown, at cache_zoom and cache_pan */
  double           cache_zoom;
  double           cache_pan_x, cache_pan_y;
  /* The layers of cache, each with the scene it was drawn from, so that a
   * new scene redraws only the layers that changed (a new result mostly
   * leaves the ties, hulls and labels where they were). */
  GskRenderNode   *layer[N_LAYERS];
  EntenteScene    *layer_scene[N_LAYERS];
  int              layer_scale;    /* the scale factor the layers were drawn at */
  /* The legend, drawn in widget coordinates: it stays in its corner while
   * the network is panned and zoomed under it. */
  GskRenderNode   *legend;
  EntenteScene    *legend_scene;
  int              legend_scale;
  guint            rerender_id;    /* redraws the cache sharp after a pan or zoom */
  guint            tick_id;
  gint64           anim_start;

  char            *selected;
  int              hover;          /* node index or -1 */
  gboolean         show_threats;
  gboolean         show_hulls;
  gboolean         show_labels;
  gboolean         show_legend;
  int              minimum;
  gboolean         computing;
  gboolean         dark;
  EntenteScenePalette palette;
  GSettings       *settings;       /* NULL when the schema is not installed */

  double           zoom;
  double           pan_x, pan_y;
  double           pointer_x, pointer_y;

  /* A drag moves a node, or pans from empty space. */
  int              drag_node;
  gboolean         drag_moved;
  double           drag_node_x, drag_node_y;
  double           drag_pan_x, drag_pan_y;
  double           zoom_start;
};

G_DEFINE_FINAL_TYPE (EntenteCanvas, entente_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_SHOW_THREATS,
  PROP_SHOW_HULLS,
  PROP_SHOW_LABELS,
  PROP_SHOW_LEGEND,
  PROP_MINIMUM,
  PROP_COMPUTING,
  PROP_PALETTE,
  N_PROPS
};

enum {
  SIGNAL_STATE_MOVED,
  SIGNAL_STATE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Scene management */

static void
clear_layers (EntenteCanvas *self)
{
  guint i;

  for (i = 0; i < N_LAYERS; i++)
    {
      g_clear_pointer (&self->layer[i], gsk_render_node_unref);
      g_clear_pointer (&self->layer_scene[i], entente_scene_unref);
    }
  g_clear_pointer (&self->legend, gsk_render_node_unref);
  g_clear_pointer (&self->legend_scene, entente_scene_unref);
}

static void
invalidate_cache (EntenteCanvas *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
style_is_dark (EntenteCanvas *self)
{
  GdkRGBA fg;

  /* GTK 4.8 has no gtk_widget_get_color(): a light text colour means a dark style. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}

static double
widget_font_size (EntenteCanvas *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  double size = 11;

  if (desc != NULL && pango_font_description_get_size (desc) > 0)
    {
      size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (desc))
        size *= 96.0 / 72.0;
    }
  /* Labels a little smaller than body text keep the network readable. */
  return CLAMP (size * 0.9, 8, 24);
}

static EntenteScene *
build_scene (EntenteCanvas *self)
{
  EntenteSceneOptions options;
  EntenteScene *scene;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->scenario == NULL || w <= 1 || h <= 1)
    return NULL;

  entente_scene_options_init (&options);
  options.width = w;
  options.height = h;
  options.theme = self->dark ? ENTENTE_SCENE_THEME_DARK : ENTENTE_SCENE_THEME_LIGHT;
  options.palette = self->palette;
  /* The widget's own background shows through. */
  options.transparent = TRUE;
  options.show_threats = self->show_threats;
  options.show_hulls = self->show_hulls;
  options.show_labels = self->show_labels;
  options.show_legend = self->show_legend;
  options.minimum = self->minimum;
  options.font_size = widget_font_size (self);
  scene = entente_scene_new (self->scenario, self->result, &options);
  entente_scene_options_clear (&options);

  return scene;
}

static void
stop_animation (EntenteCanvas *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_pointer (&self->from, entente_scene_unref);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  EntenteCanvas *self = ENTENTE_CANVAS (widget);
  double t = (double) (gdk_frame_clock_get_frame_time (clock) - self->anim_start) / ANIMATION_USEC;

  g_clear_pointer (&self->shown, entente_scene_unref);
  if (t >= 1 || self->from == NULL || self->scene == NULL)
    {
      self->shown = self->scene != NULL ? entente_scene_ref (self->scene) : NULL;
      self->tick_id = 0;
      g_clear_pointer (&self->from, entente_scene_unref);
      invalidate_cache (self);
      return G_SOURCE_REMOVE;
    }
  self->shown = entente_scene_interpolate (self->from, self->scene, t);
  invalidate_cache (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
animations_enabled (EntenteCanvas *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled,
                NULL);
  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

/* Rebuilds the target scene; @animate moves nodes there from where they are.
 * Does not queue a draw (it runs inside snapshot too). */
static void
rebuild_scene (EntenteCanvas *self,
               gboolean       animate)
{
  EntenteScene *old = self->shown != NULL ? entente_scene_ref (self->shown) : NULL;

  stop_animation (self);
  g_clear_pointer (&self->scene, entente_scene_unref);
  g_clear_pointer (&self->shown, entente_scene_unref);
  self->scene = build_scene (self);

  if (self->scene != NULL)
    {
      /* Animate only what redraws within a frame: a network of hundreds
       * of states and thousands of ties takes one step instead. */
      if (animate && old != NULL && animations_enabled (self) &&
          self->scene->nodes->len <= 120 && self->scene->ties->len <= 800)
        {
          GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

          self->from = g_steal_pointer (&old);
          self->shown = entente_scene_ref (self->from);
          self->anim_start = clock != NULL ? gdk_frame_clock_get_frame_time (clock)
                                           : g_get_monotonic_time ();
          self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
        }
      else
        self->shown = entente_scene_ref (self->scene);
    }
  g_clear_pointer (&old, entente_scene_unref);
  self->hover = -1;
  g_clear_pointer (&self->cache, gsk_render_node_unref);
}

static void
rebuild (EntenteCanvas *self,
         gboolean       animate)
{
  rebuild_scene (self, animate);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Accessibility: the canvas's description says what is selected, so a
 * screen reader hears the selection move (GTK 4.8 has no announce()). */
static void
update_accessible (EntenteCanvas *self)
{
  g_autofree char *text = NULL;
  int i = self->shown != NULL ? entente_scene_find_node (self->shown, self->selected) : -1;

  if (i >= 0)
    {
      const EntenteSceneNode *node = &g_array_index (self->shown->nodes, EntenteSceneNode, i);

      text = g_strdup_printf (_("Selected: %s. %s"), node->name, node->description);
    }
  else if (self->scenario != NULL)
    text = g_strdup_printf (ngettext ("Alliance network of %u state. Use the arrow keys to select one.",
                                      "Alliance network of %u states. Use the arrow keys to select one.",
                                      self->scenario->states->len),
                            self->scenario->states->len);
  else
    text = g_strdup (_("No scenario"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Pan and zoom move the cached drawing at once (a transform of the render
 * node, no cairo work) and draw it again, sharp, once the view rests. */
static gboolean
rerender_cb (gpointer user_data)
{
  EntenteCanvas *self = user_data;

  self->rerender_id = 0;
  invalidate_cache (self);
  return G_SOURCE_REMOVE;
}

static void
view_changed (EntenteCanvas *self)
{
  g_clear_handle_id (&self->rerender_id, g_source_remove);
  self->rerender_id = g_timeout_add (150, rerender_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Coordinates */

static void
to_scene (EntenteCanvas *self,
          double         wx,
          double         wy,
          double        *sx,
          double        *sy)
{
  *sx = (wx - self->pan_x) / self->zoom;
  *sy = (wy - self->pan_y) / self->zoom;
}

static int
pick (EntenteCanvas *self,
      double         wx,
      double         wy)
{
  double sx, sy;

  if (self->shown == NULL)
    return -1;
  /* The legend lies over the network: states under it are not picked. */
  if (self->shown->legend->len > 0 &&
      wx >= self->shown->legend_x && wx <= self->shown->legend_x + self->shown->legend_w &&
      wy >= self->shown->legend_y && wy <= self->shown->legend_y + self->shown->legend_h)
    return -1;
  to_scene (self, wx, wy, &sx, &sy);
  return entente_scene_pick (self->shown, sx, sy);
}

static void
zoom_around (EntenteCanvas *self,
             double         factor,
             double         cx,
             double         cy)
{
  double zoom = CLAMP (self->zoom * factor, ZOOM_MIN, ZOOM_MAX);

  factor = zoom / self->zoom;
  self->pan_x = cx - (cx - self->pan_x) * factor;
  self->pan_y = cy - (cy - self->pan_y) * factor;
  self->zoom = zoom;
  view_changed (self);
}

/* Drawing */

static void
draw_ring (cairo_t                *cr,
           const EntenteSceneNode *node,
           double                  gap,
           double                  width,
           const GdkRGBA          *color)
{
  cairo_new_path (cr);
  cairo_arc (cr, node->x, node->y, node->r + gap, 0, 2 * G_PI);
  cairo_set_line_width (cr, width);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke (cr);
}

/* One layer of the drawing as a texture: every renderer composites it
 * without drawing it again (GSK's cairo renderer would replay a cairo
 * node in every frame). NULL when there is nothing to draw into. */
static GskRenderNode *
draw_layer (EntenteCanvas      *self,
            EntenteSceneLayers  layer,
            int                 w,
            int                 h,
            int                 scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int stride;

  if (w <= 0 || h <= 0)
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  if (layer == ENTENTE_SCENE_LAYER_LEGEND)
    {
      const EntenteScene *sc = self->shown;
      double pad = sc->font_size * 0.5, r = pad;
      double x0 = sc->legend_x - pad, y0 = sc->legend_y - pad;
      double x1 = sc->legend_x + sc->legend_w + pad, y1 = sc->legend_y + sc->legend_h + pad;

      /* A quiet backdrop in the window's colour keeps the legend legible
       * over states panned under it. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2);
      cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      if (self->dark)
        cairo_set_source_rgba (cr, 0.14, 0.14, 0.14, 0.92);
      else
        cairo_set_source_rgba (cr, 0.98, 0.98, 0.98, 0.92);
      cairo_fill (cr);
    }
  else
    {
      cairo_translate (cr, self->pan_x, self->pan_y);
      cairo_scale (cr, self->zoom, self->zoom);
    }
  entente_scene_draw_layers (self->shown, cr, layer);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * h * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (w * scale, h * scale, GDK_MEMORY_DEFAULT, bytes, stride);
  return gsk_texture_node_new (texture, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

static void
entente_canvas_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  EntenteCanvas *self = ENTENTE_CANVAS (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, w, h);
  cairo_t *cr;
  int sel;

  if (style_is_dark (self) != self->dark)
    {
      self->dark = !self->dark;
      rebuild_scene (self, FALSE);
    }
  if (self->scene == NULL && self->scenario != NULL)
    rebuild_scene (self, FALSE);
  if (self->shown == NULL)
    return;

  /* The static part, recorded once per zoom, pan and scene, layer by
   * layer: a layer that the new scene draws as the old one did is kept. */
  if (self->cache == NULL)
    {
      static const EntenteSceneLayers layers[N_LAYERS] = {
        ENTENTE_SCENE_LAYER_NETWORK, ENTENTE_SCENE_LAYER_STATES, ENTENTE_SCENE_LAYER_LABELS,
      };
      GskRenderNode *nodes[N_LAYERS];
      int scale = gtk_widget_get_scale_factor (widget);
      gboolean same_view = self->zoom == self->cache_zoom && self->pan_x == self->cache_pan_x &&
                           self->pan_y == self->cache_pan_y && scale == self->layer_scale;
      guint i, n = 0;

      for (i = 0; i < N_LAYERS; i++)
        {
          if (same_view && self->layer[i] != NULL &&
              entente_scene_same_layers (self->layer_scene[i], self->shown, layers[i]))
            {
              nodes[n++] = self->layer[i];
              continue;
            }
          g_clear_pointer (&self->layer[i], gsk_render_node_unref);
          g_clear_pointer (&self->layer_scene[i], entente_scene_unref);
          self->layer[i] = draw_layer (self, layers[i], w, h, scale);
          self->layer_scene[i] = entente_scene_ref (self->shown);
          if (self->layer[i] != NULL)
            nodes[n++] = self->layer[i];
        }
      self->layer_scale = scale;
      self->cache = gsk_container_node_new (nodes, n);
      self->cache_zoom = self->zoom;
      self->cache_pan_x = self->pan_x;
      self->cache_pan_y = self->pan_y;
    }
  gtk_snapshot_push_clip (snapshot, &bounds);
  if (self->cache != NULL)
    {
      gtk_snapshot_save (snapshot);
      if (self->zoom != self->cache_zoom || self->pan_x != self->cache_pan_x ||
          self->pan_y != self->cache_pan_y)
        {
          double k = self->zoom / self->cache_zoom;

          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->pan_x, self->pan_y));
          gtk_snapshot_scale (snapshot, k, k);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-self->cache_pan_x,
                                                                  -self->cache_pan_y));
        }
      gtk_snapshot_append_node (snapshot, self->cache);
      gtk_snapshot_restore (snapshot);
    }

  /* The legend, fixed in the widget's corner, not panned or zoomed. */
  if (self->shown->legend->len > 0)
    {
      int scale = gtk_widget_get_scale_factor (widget);

      if (self->legend == NULL || scale != self->legend_scale || self->legend_scene == NULL ||
          !entente_scene_same_layers (self->legend_scene, self->shown, ENTENTE_SCENE_LAYER_LEGEND))
        {
          g_clear_pointer (&self->legend, gsk_render_node_unref);
          g_clear_pointer (&self->legend_scene, entente_scene_unref);
          self->legend = draw_layer (self, ENTENTE_SCENE_LAYER_LEGEND, w, h, scale);
          self->legend_scene = entente_scene_ref (self->shown);
          self->legend_scale = scale;
        }
      if (self->legend != NULL)
        gtk_snapshot_append_node (snapshot, self->legend);
    }

  /* The overlay: hover, selection, focus and the busy mark. */
  sel = entente_scene_find_node (self->shown, self->selected);
  if (sel >= 0 || self->hover >= 0 || self->computing)
    {
      static const GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };   /* GNOME blue 3 */
      GdkRGBA hover_color = { 0.21, 0.52, 0.89, 0.5 };

      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_save (cr);
      cairo_translate (cr, self->pan_x, self->pan_y);
      cairo_scale (cr, self->zoom, self->zoom);
      if (self->hover >= 0 && self->hover != sel && (guint) self->hover < self->shown->nodes->len)
        draw_ring (cr, &g_array_index (self->shown->nodes, EntenteSceneNode, self->hover),
                   4 / self->zoom, 2 / self->zoom, &hover_color);
      if (sel >= 0)
        {
          const EntenteSceneNode *node = &g_array_index (self->shown->nodes, EntenteSceneNode, sel);

          draw_ring (cr, node, 5 / self->zoom, 3 / self->zoom, &accent);
          if (gtk_widget_has_visible_focus (widget))
            {
              double dash = 3 / self->zoom;

              cairo_set_dash (cr, &dash, 1, 0);
              draw_ring (cr, node, 9 / self->zoom, 1 / self->zoom, &accent);
            }
        }
      cairo_restore (cr);
      if (self->computing)
        {
          /* A small, quiet arc in the corner: the result is on its way. */
          cairo_arc (cr, w - 14, 14, 6, 0, 1.5 * G_PI);
          cairo_set_line_width (cr, 2);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.8);
          cairo_stroke (cr);
        }
      cairo_destroy (cr);
    }
  gtk_snapshot_pop (snapshot);
}

static void
entente_canvas_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  EntenteCanvas *self = ENTENTE_CANVAS (widget);

  if (self->scene == NULL || (int) self->scene->width != width ||
      (int) self->scene->height != height)
    rebuild (self, FALSE);
}

static void
entente_canvas_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static gboolean
entente_canvas_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  EntenteCanvas *self = ENTENTE_CANVAS (widget);
  const EntenteSceneNode *node;
  g_autofree char *markup = NULL;
  g_autofree char *name = NULL;
  g_autofree char *desc = NULL;
  int i;

  if (keyboard)
    i = self->shown != NULL ? entente_scene_find_node (self->shown, self->selected) : -1;
  else
    i = pick (self, x, y);
  if (i < 0)
    return FALSE;
  node = &g_array_index (self->shown->nodes, EntenteSceneNode, i);
  name = g_markup_escape_text (node->name, -1);
  desc = g_markup_escape_text (node->description, -1);
  markup = g_strdup_printf ("<b>%s</b>\n%s", name, desc);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Tab enters the canvas, then moves through the states (the selection
 * follows), and leaves it after the last one, so keyboard users reach every
 * state and never get stuck. */
static gboolean
entente_canvas_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  EntenteCanvas *self = ENTENTE_CANVAS (widget);
  guint n = self->shown != NULL ? self->shown->nodes->len : 0;
  int i;

  if (!gtk_widget_is_focus (widget))
    {
      gtk_widget_grab_focus (widget);
      return TRUE;
    }
  if (n == 0 || (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD))
    return FALSE;
  i = entente_scene_find_node (self->shown, self->selected);
  i += direction == GTK_DIR_TAB_FORWARD ? 1 : (i < 0 ? (int) n : -1);
  if (i < 0 || (guint) i >= n)
    {
      entente_canvas_set_selected (self, NULL);
      return FALSE;
    }
  entente_canvas_set_selected (self, g_array_index (self->shown->nodes, EntenteSceneNode, i).id);
  return TRUE;
}

/* Input */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EntenteCanvas            *self)
{
  int i = pick (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  if (i != self->hover)
    {
      self->hover = i;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), i >= 0 ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          EntenteCanvas            *self)
{
  if (self->hover >= 0)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           EntenteCanvas            *self)
{
  if (dy == 0)
    return FALSE;
  zoom_around (self, pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               EntenteCanvas  *self)
{
  self->drag_node = pick (self, x, y);
  self->drag_moved = FALSE;
  self->drag_pan_x = self->pan_x;
  self->drag_pan_y = self->pan_y;
  if (self->drag_node >= 0)
    {
      const EntenteSceneNode *node = &g_array_index (self->shown->nodes, EntenteSceneNode,
                                                     self->drag_node);

      self->drag_node_x = node->x;
      self->drag_node_y = node->y;
    }
  if (!gtk_widget_is_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
move_node (EntenteScene *scene,
           const char   *id,
           double        x,
           double        y)
{
  int i = entente_scene_find_node (scene, id);

  if (i >= 0)
    {
      EntenteSceneNode *node = &g_array_index (scene->nodes, EntenteSceneNode, i);

      node->x = x;
      node->y = y;
      entente_scene_update_geometry (scene);
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                EntenteCanvas  *self)
{
  if (!self->drag_moved && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  if (!self->drag_moved)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_moved = TRUE;

  if (self->drag_node >= 0 && self->shown != NULL &&
      (guint) self->drag_node < self->shown->nodes->len)
    {
      const char *id = g_array_index (self->shown->nodes, EntenteSceneNode, self->drag_node).id;
      double x = self->drag_node_x + dx / self->zoom, y = self->drag_node_y + dy / self->zoom;

      /* Move the node in what is drawn (ties and hulls follow); the file
       * changes when the drag ends. */
      stop_animation (self);
      if (self->shown != self->scene && self->scene != NULL)
        {
          g_clear_pointer (&self->shown, entente_scene_unref);
          self->shown = entente_scene_ref (self->scene);
        }
      move_node (self->shown, id, x, y);
      clear_layers (self);   /* the scene changed in place */
      invalidate_cache (self);
    }
  else
    {
      self->pan_x = self->drag_pan_x + dx;
      self->pan_y = self->drag_pan_y + dy;
      view_changed (self);
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             EntenteCanvas  *self)
{
  if (!self->drag_moved)
    {
      /* A click: select the node, or clear the selection on empty space. */
      const char *id = NULL;

      if (self->drag_node >= 0 && self->shown != NULL)
        id = g_array_index (self->shown->nodes, EntenteSceneNode, self->drag_node).id;
      entente_canvas_set_selected (self, id);
      return;
    }
  if (self->drag_node >= 0 && self->shown != NULL &&
      (guint) self->drag_node < self->shown->nodes->len)
    {
      const EntenteSceneNode *node = &g_array_index (self->shown->nodes, EntenteSceneNode,
                                                     self->drag_node);
      g_autofree char *id = g_strdup (node->id);
      double lat, lon;

      entente_scene_to_map (self->shown, node->x, node->y, &lat, &lon);
      entente_canvas_set_selected (self, id);
      g_signal_emit (self, signals[SIGNAL_STATE_MOVED], 0, id, lat, lon);
    }
  self->drag_node = -1;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            EntenteCanvas   *self)
{
  int i;

  if (n_press != 2)
    return;
  i = pick (self, x, y);
  if (i >= 0)
    g_signal_emit (self, signals[SIGNAL_STATE_ACTIVATED], 0,
                   g_array_index (self->shown->nodes, EntenteSceneNode, i).id);
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               EntenteCanvas    *self)
{
  self->zoom_start = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       EntenteCanvas  *self)
{
  double cx, cy;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    {
      cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_around (self, self->zoom_start * scale / self->zoom, cx, cy);
}

static void
select_step (EntenteCanvas *self,
             int            delta)
{
  guint n = self->shown != NULL ? self->shown->nodes->len : 0;
  int i;

  if (n == 0)
    return;
  i = entente_scene_find_node (self->shown, self->selected);
  if (i < 0)
    i = delta > 0 ? 0 : (int) n - 1;
  else
    i = ((i + delta) % (int) n + (int) n) % (int) n;
  entente_canvas_set_selected (self, g_array_index (self->shown->nodes, EntenteSceneNode, i).id);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EntenteCanvas         *self)
{
  double cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom_around (self, ZOOM_STEP, cx, cy);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_around (self, 1 / ZOOM_STEP, cx, cy);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      entente_canvas_zoom_fit (self);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      select_step (self, +1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      select_step (self, -1);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->selected == NULL)
        return FALSE;
      entente_canvas_set_selected (self, NULL);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->selected == NULL)
        return FALSE;
      g_signal_emit (self, signals[SIGNAL_STATE_ACTIVATED], 0, self->selected);
      return TRUE;
    default:
      return FALSE;
    }
}

/* GObject */

static void
entente_canvas_dispose (GObject *object)
{
  EntenteCanvas *self = ENTENTE_CANVAS (object);

  stop_animation (self);
  g_clear_handle_id (&self->rerender_id, g_source_remove);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  clear_layers (self);
  g_clear_pointer (&self->scene, entente_scene_unref);
  g_clear_pointer (&self->shown, entente_scene_unref);
  g_clear_pointer (&self->scenario, entente_scenario_unref);
  g_clear_pointer (&self->result, entente_result_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (entente_canvas_parent_class)->dispose (object);
}

static void
entente_canvas_finalize (GObject *object)
{
  EntenteCanvas *self = ENTENTE_CANVAS (object);

  g_free (self->selected);

  G_OBJECT_CLASS (entente_canvas_parent_class)->finalize (object);
}

static void
set_layer (EntenteCanvas *self,
           gboolean      *field,
           gboolean       value,
           int            prop)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  rebuild (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static const char *
palette_name (EntenteScenePalette palette)
{
  switch (palette)
    {
    case ENTENTE_SCENE_PALETTE_TOL_BRIGHT: return "tol-bright";
    case ENTENTE_SCENE_PALETTE_GRAYSCALE: return "grayscale";
    case ENTENTE_SCENE_PALETTE_OKABE_ITO:
    default:
      return "okabe-ito";
    }
}

/* The colour scheme by its GSettings name; unknown names mean Okabe–Ito. */
static void
set_palette (EntenteCanvas *self,
             const char    *name)
{
  EntenteScenePalette palette = ENTENTE_SCENE_PALETTE_OKABE_ITO;

  if (g_strcmp0 (name, "tol-bright") == 0)
    palette = ENTENTE_SCENE_PALETTE_TOL_BRIGHT;
  else if (g_strcmp0 (name, "grayscale") == 0)
    palette = ENTENTE_SCENE_PALETTE_GRAYSCALE;
  if (self->palette == palette)
    return;
  self->palette = palette;
  rebuild (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PALETTE]);
}

static void
entente_canvas_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntenteCanvas *self = ENTENTE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;
    case PROP_SHOW_THREATS:
      g_value_set_boolean (value, self->show_threats);
      break;
    case PROP_SHOW_HULLS:
      g_value_set_boolean (value, self->show_hulls);
      break;
    case PROP_SHOW_LABELS:
      g_value_set_boolean (value, self->show_labels);
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_MINIMUM:
      g_value_set_int (value, self->minimum);
      break;
    case PROP_COMPUTING:
      g_value_set_boolean (value, self->computing);
      break;
    case PROP_PALETTE:
      g_value_set_string (value, palette_name (self->palette));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_canvas_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EntenteCanvas *self = ENTENTE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      entente_canvas_set_selected (self, g_value_get_string (value));
      break;
    case PROP_SHOW_THREATS:
      set_layer (self, &self->show_threats, g_value_get_boolean (value), prop_id);
      break;
    case PROP_SHOW_HULLS:
      set_layer (self, &self->show_hulls, g_value_get_boolean (value), prop_id);
      break;
    case PROP_SHOW_LABELS:
      set_layer (self, &self->show_labels, g_value_get_boolean (value), prop_id);
      break;
    case PROP_SHOW_LEGEND:
      set_layer (self, &self->show_legend, g_value_get_boolean (value), prop_id);
      break;
    case PROP_MINIMUM:
      entente_canvas_set_minimum (self, g_value_get_int (value));
      break;
    case PROP_COMPUTING:
      entente_canvas_set_computing (self, g_value_get_boolean (value));
      break;
    case PROP_PALETTE:
      set_palette (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_canvas_class_init (EntenteCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_canvas_dispose;
  object_class->finalize = entente_canvas_finalize;
  object_class->get_property = entente_canvas_get_property;
  object_class->set_property = entente_canvas_set_property;

  widget_class->snapshot = entente_canvas_snapshot;
  widget_class->size_allocate = entente_canvas_size_allocate;
  widget_class->measure = entente_canvas_measure;
  widget_class->query_tooltip = entente_canvas_query_tooltip;
  widget_class->focus = entente_canvas_focus;

  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_THREATS] =
    g_param_spec_boolean ("show-threats", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_HULLS] =
    g_param_spec_boolean ("show-hulls", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LABELS] =
    g_param_spec_boolean ("show-labels", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINIMUM] =
    g_param_spec_int ("minimum", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PALETTE] =
    g_param_spec_string ("palette", NULL, NULL, "okabe-ito",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_STATE_MOVED] =
    g_signal_new ("state-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[SIGNAL_STATE_ACTIVATED] =
    g_signal_new ("state-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "entente-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
entente_canvas_init (EntenteCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->show_threats = TRUE;
  self->show_hulls = TRUE;
  self->show_labels = TRUE;
  self->show_legend = TRUE;
  self->minimum = -1;
  self->hover = -1;
  self->drag_node = -1;
  self->zoom = 1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Alliance network"),
                                  -1);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, 0);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (drag_update_cb), self, 0);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (zoom_begin_cb), self, 0);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* The palette follows the preference (GSettings "palette") by itself;
   * running from the build tree without the schema keeps Okabe–Ito. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr (GSettingsSchema) schema = NULL;

    if (source != NULL)
      schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
    if (schema != NULL && g_settings_schema_has_key (schema, "palette"))
      {
        self->settings = g_settings_new (APP_ID);
        g_settings_bind (self->settings, "palette", self, "palette", G_SETTINGS_BIND_GET);
      }
  }

  update_accessible (self);
}

/* Public API */

GtkWidget *
entente_canvas_new (void)
{
  return g_object_new (ENTENTE_TYPE_CANVAS, NULL);
}

void
entente_canvas_set_model (EntenteCanvas   *self,
                          EntenteScenario *scenario,
                          EntenteResult   *result)
{
  gboolean animate;

  g_return_if_fail (ENTENTE_IS_CANVAS (self));

  /* Animate only when a new result arrives for the states already shown. */
  animate = result != NULL && self->result != NULL && self->scenario != NULL &&
            scenario != NULL && scenario->states->len == self->scenario->states->len;

  if (scenario != NULL)
    entente_scenario_ref (scenario);
  g_clear_pointer (&self->scenario, entente_scenario_unref);
  self->scenario = scenario;
  if (result != NULL)
    entente_result_ref (result);
  g_clear_pointer (&self->result, entente_result_unref);
  self->result = result;

  rebuild (self, animate);
  if (self->selected != NULL && self->scene != NULL &&
      entente_scene_find_node (self->scene, self->selected) < 0)
    entente_canvas_set_selected (self, NULL);
  update_accessible (self);
}

const char *
entente_canvas_get_selected (EntenteCanvas *self)
{
  g_return_val_if_fail (ENTENTE_IS_CANVAS (self), NULL);

  return self->selected;
}

void
entente_canvas_set_selected (EntenteCanvas *self,
                             const char    *id)
{
  g_return_if_fail (ENTENTE_IS_CANVAS (self));

  if (g_strcmp0 (self->selected, id) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (id);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
entente_canvas_set_minimum (EntenteCanvas *self,
                            int            minimum)
{
  g_return_if_fail (ENTENTE_IS_CANVAS (self));

  minimum = MAX (minimum, -1);
  if (self->minimum == minimum)
    return;
  self->minimum = minimum;
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINIMUM]);
}

void
entente_canvas_set_computing (EntenteCanvas *self,
                              gboolean       computing)
{
  g_return_if_fail (ENTENTE_IS_CANVAS (self));

  computing = !!computing;
  if (self->computing == computing)
    return;
  self->computing = computing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTING]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
entente_canvas_zoom_fit (EntenteCanvas *self)
{
  g_return_if_fail (ENTENTE_IS_CANVAS (self));

  /* The scene is built for the widget's size: the identity fits it. */
  self->zoom = 1;
  self->pan_x = self->pan_y = 0;
  view_changed (self);
}

EntenteScene *
entente_canvas_get_scene (EntenteCanvas *self)
{
  g_return_val_if_fail (ENTENTE_IS_CANVAS (self), NULL);

  return self->shown;
}

void
entente_canvas_zoom_in (EntenteCanvas *self)
{
  g_return_if_fail (ENTENTE_IS_CANVAS (self));

  zoom_around (self, ZOOM_STEP, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
entente_canvas_zoom_out (EntenteCanvas *self)
{
  g_return_if_fail (ENTENTE_IS_CANVAS (self));

  zoom_around (self, 1 / ZOOM_STEP, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}
