/* test-canvas.c: the canvas and the export dialog under a virtual display
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-canvas"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "entente-canvas.h"

#include <math.h>
#include "entente-export-dialog.h"
#include "core/entente-model.h"
#include "core/entente-scenario-io.h"

typedef struct
{
  EntenteScenario *scenario;
  EntenteResult   *result;
  GtkWindow       *window;
  EntenteCanvas   *canvas;
} Fixture;

static EntenteScenario *
load_test_scenario (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "figures-europe.entente", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EntenteScenario *scenario = entente_scenario_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return scenario;
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->scenario = load_test_scenario ();
  f->result = entente_model_solve (f->scenario, NULL, NULL, &error);
  g_assert_no_error (error);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  f->canvas = ENTENTE_CANVAS (entente_canvas_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->canvas));
  gtk_window_present (f->window);
  entente_canvas_set_model (f->canvas, f->scenario, f->result);
  iterate (300);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->canvas), (gpointer *) &f->canvas);
  gtk_window_destroy (f->window);
  iterate (50);
  g_assert_null (f->canvas);
  g_clear_pointer (&f->result, entente_result_unref);
  g_clear_pointer (&f->scenario, entente_scenario_unref);
}

static guint render_pixels (GtkWidget  *widget,
                             const char *name,
                             guchar    **out);

/* Renders @widget to a texture, saves it for review and counts the pixels
 * that differ from the corner (the background). */
static guint
render_and_save (GtkWidget  *widget,
                 const char *name)
{
  return render_pixels (widget, name, NULL);
}

/* The same, and the pixels (w × h × 4) in @out when not NULL. */
static guint
render_pixels (GtkWidget  *widget,
               const char *name,
               guchar    **out)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget), x, y;
  guint differ = 0;

  g_assert_cmpint (w, >, 100);
  g_assert_cmpint (h, >, 100);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("canvas rendering saved to %s", path);

  pixels = g_malloc (w * h * 4);
  gdk_texture_download (texture, pixels, w * 4);
  for (y = 0; y < h; y++)
    for (x = 0; x < w; x++)
      if (memcmp (pixels + (y * w + x) * 4, pixels, 4) != 0)
        differ++;
  if (out != NULL)
    *out = g_steal_pointer (&pixels);
  return differ;
}

/* The legend stays in its corner of the widget when the network is zoomed
 * and panned: its pixels do not move (states under it show through only
 * faintly). */
static void
test_legend_fixed (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (f->canvas);
  g_autofree guchar *before = NULL;
  g_autofree guchar *after = NULL;
  EntenteScene *scene;
  int w = gtk_widget_get_width (widget), x, y, x0, y0, x1, y1, max_diff = 0, c;
  guint inked = 0;

  scene = entente_canvas_get_scene (f->canvas);
  g_assert_nonnull (scene);
  g_assert_cmpuint (scene->legend->len, >, 0);
  x0 = (int) ceil (scene->legend_x);
  y0 = (int) ceil (scene->legend_y);
  x1 = (int) floor (scene->legend_x + scene->legend_w);
  y1 = (int) floor (scene->legend_y + scene->legend_h);
  render_pixels (widget, "canvas-legend-fit.png", &before);
  entente_canvas_zoom_in (f->canvas);
  entente_canvas_zoom_in (f->canvas);
  entente_canvas_zoom_in (f->canvas);
  iterate (50);
  render_pixels (widget, "canvas-legend-zoomed.png", &after);
  for (y = y0; y < y1; y++)
    for (x = x0; x < x1; x++)
      for (c = 0; c < 4; c++)
        {
          int a = before[(y * w + x) * 4 + c], b = after[(y * w + x) * 4 + c];

          max_diff = MAX (max_diff, ABS (a - b));
          inked += c == 0 && a < 128;
        }
  g_assert_cmpuint (inked, >, 50);
  g_assert_cmpint (max_diff, <=, 40);
}

static void
test_renders (Fixture       *f,
              gconstpointer  data)
{
  guint drawn = render_and_save (GTK_WIDGET (f->canvas), "canvas.png");

  /* Nodes, ties, labels and the legend cover a good part of the view. */
  g_assert_cmpuint (drawn, >, 800 * 600 / 50);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  guint count = 0;
  g_autofree char *selected = NULL;

  g_signal_connect (f->canvas, "notify::selected", G_CALLBACK (notify_count_cb), &count);
  entente_canvas_set_selected (f->canvas, "FR");
  g_assert_cmpstr (entente_canvas_get_selected (f->canvas), ==, "FR");
  g_assert_cmpuint (count, ==, 1);
  entente_canvas_set_selected (f->canvas, "FR");
  g_assert_cmpuint (count, ==, 1);
  g_object_get (f->canvas, "selected", &selected, NULL);
  g_assert_cmpstr (selected, ==, "FR");
  iterate (50);

  /* A new model without the selected state clears the selection. */
  {
    g_autoptr (EntenteScenario) copy = entente_scenario_copy (f->scenario);

    entente_scenario_remove_state (copy, entente_scenario_find_state (copy, "FR"));
    entente_canvas_set_model (f->canvas, copy, NULL);
    g_assert_null (entente_canvas_get_selected (f->canvas));
    g_assert_cmpuint (count, ==, 2);
  }
  iterate (50);
}

/* Tab walks through every state, then leaves the canvas. */
static void
test_tab_cycles (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  guint i, n = f->scenario->states->len;

  gtk_widget_grab_focus (canvas);
  g_assert_true (gtk_widget_is_focus (canvas));
  for (i = 0; i < n; i++)
    {
      EntenteState *st = entente_scenario_get_state (f->scenario, i);

      g_assert_true (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));
      g_assert_cmpstr (entente_canvas_get_selected (f->canvas), ==, st->id);
    }
  g_assert_false (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));
  g_assert_null (entente_canvas_get_selected (f->canvas));
  g_assert_true (gtk_widget_child_focus (canvas, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpstr (entente_canvas_get_selected (f->canvas), ==,
                   entente_scenario_get_state (f->scenario, n - 1)->id);
}

/* A new result animates (~200 ms) and the canvas still renders after it. */
static void
test_new_result (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (EntenteScenario) changed = entente_scenario_copy (f->scenario);
  g_autoptr (EntenteResult) result = NULL;
  g_autoptr (GError) error = NULL;

  entente_scenario_set_attribute (changed, ENTENTE_CHANGE_STATE, "FR", NULL, "intention", "0.9",
                                  &error);
  g_assert_no_error (error);
  result = entente_model_solve (changed, f->result, NULL, &error);
  g_assert_no_error (error);
  entente_canvas_set_model (f->canvas, changed, result);
  iterate (100);
  g_assert_cmpuint (render_and_save (GTK_WIDGET (f->canvas), "canvas-animating.png"), >, 1000);
  iterate (300);
  g_assert_cmpuint (render_and_save (GTK_WIDGET (f->canvas), "canvas-after.png"), >, 1000);

  entente_canvas_set_computing (f->canvas, TRUE);
  iterate (20);
  entente_canvas_set_computing (f->canvas, FALSE);
}

static void
test_layers_and_zoom (Fixture       *f,
                      gconstpointer  data)
{
  guint count = 0;
  gboolean threats = TRUE;

  g_signal_connect (f->canvas, "notify::show-threats", G_CALLBACK (notify_count_cb), &count);
  g_object_set (f->canvas, "show-threats", FALSE, "show-legend", FALSE, NULL);
  g_object_get (f->canvas, "show-threats", &threats, NULL);
  g_assert_false (threats);
  g_assert_cmpuint (count, ==, 1);
  /* The palette follows the preference when the schema is installed. */
  if (g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE))
    {
      g_autoptr (GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *palette = NULL;

      g_settings_set_string (settings, "palette", "tol-bright");
      g_object_get (f->canvas, "palette", &palette, NULL);
      g_assert_cmpstr (palette, ==, "tol-bright");
      g_settings_reset (settings, "palette");
    }
  g_object_set (f->canvas, "palette", "grayscale", NULL);
  iterate (50);
  g_assert_cmpuint (render_and_save (GTK_WIDGET (f->canvas), "canvas-grayscale.png"), >, 1000);
  g_object_set (f->canvas, "palette", "okabe-ito", NULL);
  entente_canvas_zoom_in (f->canvas);
  entente_canvas_zoom_in (f->canvas);
  entente_canvas_zoom_out (f->canvas);
  iterate (50);
  g_assert_cmpuint (render_and_save (GTK_WIDGET (f->canvas), "canvas-zoomed.png"), >, 1000);
  entente_canvas_zoom_fit (f->canvas);
  entente_canvas_set_minimum (f->canvas, 0);
  iterate (300);
  entente_canvas_set_minimum (f->canvas, 999);   /* out of range: drawn as current */
  iterate (50);
}

/* Extreme models draw: no states, one state, 300 states at one place. */
static void
test_extremes (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (EntenteScenario) empty = entente_scenario_new ();
  g_autoptr (EntenteScenario) one = entente_scenario_new ();
  g_autoptr (EntenteScenario) many = entente_scenario_new ();
  guint i;

  entente_canvas_set_model (f->canvas, empty, NULL);
  iterate (50);
  entente_scenario_add_state (one, "Alone");
  entente_canvas_set_model (f->canvas, one, NULL);
  iterate (50);
  for (i = 0; i < 300; i++)
    entente_scenario_add_state (many, "Crowd");
  entente_canvas_set_model (f->canvas, many, NULL);
  iterate (100);
  g_assert_cmpuint (render_and_save (GTK_WIDGET (f->canvas), "canvas-crowd.png"), >, 1000);
}

/* The dialog previews and writes the file, and remembers its options. */
static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "figure.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *format = NULL;
  EntenteExportOptions options;
  GtkWindow *dialog;
  gsize length;

  dialog = entente_export_dialog_new (f->window, f->scenario, f->result);
  gtk_window_present (dialog);
  iterate (200);
  entente_export_dialog_get_options (ENTENTE_EXPORT_DIALOG (dialog), &options);
  if (g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE))
    {
      /* The options start from the remembered ones (here the defaults). */
      g_autoptr (GSettings) s = g_settings_new (APP_ID);
      g_autofree char *preset = g_settings_get_string (s, "export-preset");

      g_assert_cmpstr (entente_export_preset_to_string (options.preset), ==, preset);
      g_assert_cmpfloat (options.width, ==, g_settings_get_double (s, "export-width"));
    }
  else
    {
      g_assert_cmpint (options.preset, ==, ENTENTE_EXPORT_PRESET_SINGLE_COLUMN);
      g_assert_cmpfloat (options.width, ==, 85);
    }
  entente_export_options_clear (&options);

  file = g_file_new_for_path (path);
  g_assert_true (entente_export_dialog_export_to (ENTENTE_EXPORT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* Remembered: the format follows the file written. */
  if (g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE))
    {
      settings = g_settings_new (APP_ID);
      format = g_settings_get_string (settings, "export-format");
      g_assert_cmpstr (format, ==, "pdf");
    }
  else
    g_test_message ("schema not installed: settings not checked");

  gtk_window_destroy (dialog);
  iterate (50);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/entente/canvas/renders", test_renders);
  ADD ("/entente/canvas/legend-fixed", test_legend_fixed);
  ADD ("/entente/canvas/selection", test_selection);
  ADD ("/entente/canvas/tab-cycles", test_tab_cycles);
  ADD ("/entente/canvas/new-result", test_new_result);
  ADD ("/entente/canvas/layers-and-zoom", test_layers_and_zoom);
  ADD ("/entente/canvas/extremes", test_extremes);
  ADD ("/entente/canvas/export-dialog", test_export_dialog);
#undef ADD

  return g_test_run ();
}
