/* bench-export.c: figure export against Graphviz, and the canvas frame time offscreen
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints, for the default scenario and for 200 states / 2 000 ties (random
 * ties across the map, the worst case for drawing, and regional ties):
 *   - the SVG export time (scene + SVG writer, with and without the embedded
 *     scenario), next to Graphviz `neato -n2 -Tsvg` on the same node
 *     positions (a .dot file with pos attributes), and the ratio (target:
 *     Entente ≥ 5× faster). Both are also timed as whole commands
 *     (`entente export` vs `neato`), process start-up included;
 *   - the canvas frame time offscreen: the scene drawn with cairo into a
 *     1280×800 image, as the canvas draws it (target ≤ 8 ms), and a step of
 *     an intention slider: solve, new scene, and only the layers that
 *     changed redrawn, as the canvas does (entente_scene_same_layers()).
 * All figures are CPU time (this thread's, or the child process's user +
 * system time), medians of 15 runs, so a busy machine does not skew the
 * ratios. Nothing is asserted. ENTENTE_BENCH_RUNS (1–15) and ENTENTE_BENCH_ONLY
 * (a part of the case label, e.g. "60 states") shorten a run, e.g. under callgrind.
 */
#define G_LOG_DOMAIN "bench-export"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "entente-export.h"
#include "entente-model.h"
#include "entente-scenario-io.h"
#include "entente-scene.h"

#define RUNS 15

static int runs = RUNS;

/* In-process timings are the thread's CPU time: the machine running the
 * benchmark may be busy, and wall time would mostly measure the others. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof (double), cmp_double);
  return v[n / 2];
}

static void
set (EntenteScenario *scenario,
     const char      *id,
     const char      *key,
     double           value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buf, sizeof buf, value);
  entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL, key, buf, NULL);
}

/* @regional: each tie joins a state to one of its nearest neighbours, as
 * alliances and rivalries mostly do; otherwise ties join random states
 * across the world (the worst case for drawing: long lines). */
static EntenteScenario *
make_large (guint    n,
            guint    ties,
            gboolean regional)
{
  EntenteScenario *scenario = entente_scenario_new ();
  GRand *rand = g_rand_new_with_seed (2026);
  guint i, made = 0;

  for (i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("State %u", i + 1);
      guint index = entente_scenario_add_state (scenario, name);
      const char *id = entente_scenario_get_state (scenario, index)->id;

      set (scenario, id, "lat", g_rand_double_range (rand, -50, 65));
      set (scenario, id, "lon", g_rand_double_range (rand, -130, 150));
      set (scenario, id, "mil", g_rand_double_range (rand, 0.5, 50));
      set (scenario, id, "econ", g_rand_double_range (rand, 0.5, 50));
      set (scenario, id, "intention", g_rand_double (rand));
    }
  while (made < ties)
    {
      guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);
      EntentePair *pair;

      if (regional)
        {
          EntenteState *sa = entente_scenario_get_state (scenario, a);
          double best = G_MAXDOUBLE;
          guint k, tries = g_rand_int_range (rand, 1, 14);

          /* The nearest of a few random candidates not yet tied. */
          for (k = 0; k < 40 && tries > 0; k++)
            {
              guint c = g_rand_int_range (rand, 0, n);
              EntenteState *sc = entente_scenario_get_state (scenario, c);
              double d = hypot (sa->lat - sc->lat, sa->lon - sc->lon);

              if (c == a || entente_scenario_get_pair (scenario, a, c) != NULL)
                continue;
              tries--;
              if (d < best)
                {
                  best = d;
                  b = c;
                }
            }
        }

      if (a == b || entente_scenario_get_pair (scenario, a, b) != NULL)
        continue;
      pair = entente_scenario_ensure_pair (scenario, a, b);
      if (g_rand_boolean (rand))
        pair->commitment = g_rand_double_range (rand, 0.3, 1);
      else
        pair->rivalry = g_rand_double_range (rand, 0.2, 1);
      made++;
    }
  g_rand_free (rand);
  return scenario;
}

/* The same drawing for Graphviz: nodes at the scene's positions (points,
 * y up), sized and filled like ours, every tie an edge. */
static char *
write_dot (EntenteScene *scene)
{
  GString *s = g_string_new ("graph entente {\n  node [shape=circle, style=filled, fixedsize=true, fontsize=9];\n");
  g_autofree char *path = NULL;
  guint i;
  int fd;

  for (i = 0; i < scene->nodes->len; i++)
    {
      const EntenteSceneNode *node = &g_array_index (scene->nodes, EntenteSceneNode, i);

      g_string_append_printf (s, "  n%u [label=\"%s\", pos=\"%.2f,%.2f!\", width=%.3f, "
                              "fillcolor=\"#%02x%02x%02x\"];\n",
                              i, node->label, node->x, scene->height - node->y, 2 * node->r / 72,
                              (int) (node->fill.r * 255), (int) (node->fill.g * 255),
                              (int) (node->fill.b * 255));
    }
  for (i = 0; i < scene->ties->len; i++)
    {
      const EntenteSceneTie *tie = &g_array_index (scene->ties, EntenteSceneTie, i);

      g_string_append_printf (s, "  n%u -- n%u [penwidth=%.2f%s];\n", tie->a, tie->b, tie->width,
                              tie->kind == ENTENTE_SCENE_TIE_RIVALRY ? ", style=dashed" : "");
    }
  g_string_append (s, "}\n");
  fd = g_file_open_tmp ("entente-bench-XXXXXX.dot", &path, NULL);
  g_assert (fd >= 0);
  close (fd);
  g_file_set_contents (path, s->str, s->len, NULL);
  g_string_free (s, TRUE);
  return g_steal_pointer (&path);
}

/* The CPU time (user + system) the command used, like the in-process
 * figures, so that a busy machine does not skew the ratio. */
static double
time_command (char **argv)
{
  g_autoptr (GError) error = NULL;
  struct rusage before, after;
  int status = 0;

  getrusage (RUSAGE_CHILDREN, &before);
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  getrusage (RUSAGE_CHILDREN, &after);
  return (after.ru_utime.tv_sec - before.ru_utime.tv_sec) * 1e3 +
         (after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e3 +
         (after.ru_stime.tv_sec - before.ru_stime.tv_sec) * 1e3 +
         (after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e3;
}

static void
bench (const char      *label,
       EntenteScenario *scenario,
       const char      *scenario_path)
{
  g_autoptr (EntenteResult) result = NULL;
  g_autoptr (EntenteScene) canvas_scene = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dot = NULL;
  g_autofree char *svg_out = NULL;
  g_autofree char *entente_out = NULL;
  double t_export[RUNS], t_bare[RUNS], t_scene[RUNS], t_neato[RUNS], t_cli[RUNS], t_frame[RUNS], t_solve;
  double t_step[RUNS], t_step_full[RUNS];
  g_autoptr (EntenteScene) step_scene = NULL;
  g_autoptr (EntenteResult) step_result = NULL;
  EntenteSceneLayers kept = 0;
  EntenteExportOptions options;
  EntenteSceneOptions so;
  cairo_surface_t *surface;
  const char *binary = g_getenv ("ENTENTE_BINARY");
  gboolean have_neato = g_find_program_in_path ("neato") != NULL;
  gsize svg_size = 0;
  int i;
  gint64 start;

  /* ENTENTE_BENCH_ONLY: run only the cases whose label contains it. */
  if (g_getenv ("ENTENTE_BENCH_ONLY") != NULL && strstr (label, g_getenv ("ENTENTE_BENCH_ONLY")) == NULL)
    return;
  start = g_get_monotonic_time ();
  result = entente_model_solve (scenario, NULL, NULL, &error);
  t_solve = (g_get_monotonic_time () - start) / 1000.0;
  if (result == NULL)
    g_printerr ("model: %s\n", error->message);

  entente_export_options_init (&options);
  entente_export_options_set_preset (&options, ENTENTE_EXPORT_PRESET_DOUBLE_COLUMN);

  for (i = 0; i < runs; i++)
    {
      g_autoptr (EntenteScene) scene = NULL;
      g_autoptr (GBytes) svg = NULL;

      double t0 = cpu_ms (), t1;
      g_autoptr (GBytes) bare = NULL;

      scene = entente_export_build_scene (scenario, result, &options);
      t_scene[i] = cpu_ms () - t0;
      svg = entente_scene_write_svg (scene, scenario, 175, 126);
      t_export[i] = cpu_ms () - t0;
      t1 = cpu_ms ();
      bare = entente_scene_write_svg (scene, NULL, 175, 126);
      t_bare[i] = t_scene[i] + cpu_ms () - t1;
      svg_size = g_bytes_get_size (svg);
      /* ENTENTE_BENCH_SVG=prefix: keep the SVG, to compare versions. */
      if (i == 0 && g_getenv ("ENTENTE_BENCH_SVG") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s-%u-%u.svg", g_getenv ("ENTENTE_BENCH_SVG"),
                                                   scenario->states->len, scenario->pairs->len);

          g_file_set_contents (name, g_bytes_get_data (svg, NULL), svg_size, NULL);
        }
      if (dot == NULL)
        dot = write_dot (scene);
    }

  svg_out = g_strconcat (dot, ".svg", NULL);
  entente_out = g_strconcat (dot, "-entente.svg", NULL);
  for (i = 0; i < runs; i++)
    {
      char *neato[] = { (char *) "neato", (char *) "-n2", (char *) "-Tsvg", dot, (char *) "-o",
                        svg_out, NULL };
      char *cli[] = { (char *) binary, (char *) "export", (char *) scenario_path, (char *) "-o",
                      entente_out, (char *) "--preset", (char *) "double-column", NULL };

      t_neato[i] = have_neato ? time_command (neato) : -1;
      t_cli[i] = binary != NULL && scenario_path != NULL ? time_command (cli) : -1;
    }

  /* The canvas: a 1280×800 window, light style, drawn offscreen. */
  entente_scene_options_init (&so);
  so.width = 1280;
  so.height = 800;
  so.transparent = TRUE;
  so.font_size = 13;
  canvas_scene = entente_scene_new (scenario, result, &so);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  for (i = 0; i < runs; i++)
    {
      cairo_t *cr = cairo_create (surface);

      double t0 = cpu_ms ();

      entente_scene_draw (canvas_scene, cr);
      cairo_surface_flush (surface);
      t_frame[i] = cpu_ms () - t0;
      cairo_destroy (cr);
    }
  /* ENTENTE_BENCH_PNG=prefix: keep the frames, to look at them. */
  if (g_getenv ("ENTENTE_BENCH_PNG") != NULL)
    {
      g_autofree char *png = g_strdup_printf ("%s-%u-%u.png", g_getenv ("ENTENTE_BENCH_PNG"),
                                              scenario->states->len, canvas_scene->ties->len);

      cairo_surface_write_to_png (surface, png);
    }
  /* A step of the intention slider: the first state's intention moves,
   * the model solves again, the canvas builds the new scene and redraws
   * the layers that changed (it keeps the others, see entente-canvas.c). */
  if (scenario->states->len > 0)
    {
      EntenteState *first = entente_scenario_get_state (scenario, 0);
      double intention = first->intention;
      EntenteSceneLayers layers[] = { ENTENTE_SCENE_LAYER_NETWORK, ENTENTE_SCENE_LAYER_STATES,
                                      ENTENTE_SCENE_LAYER_LABELS };
      guint k;

      set (scenario, first->id, "intention", intention > 0.5 ? intention - 0.2 : intention + 0.2);
      step_result = entente_model_solve (scenario, NULL, NULL, NULL);
      set (scenario, first->id, "intention", intention);
      for (i = 0; i < runs; i++)
        {
          cairo_t *cr = cairo_create (surface);
          double t0 = cpu_ms (), t1;
          EntenteSceneLayers redraw = 0;

          g_clear_pointer (&step_scene, entente_scene_unref);
          step_scene = entente_scene_new (scenario, step_result, &so);
          t1 = cpu_ms ();
          for (k = 0; k < G_N_ELEMENTS (layers); k++)
            if (!entente_scene_same_layers (canvas_scene, step_scene, layers[k]))
              redraw |= layers[k];
          kept = ENTENTE_SCENE_LAYER_ALL & ~redraw;
          entente_scene_draw_layers (step_scene, cr, redraw);
          cairo_surface_flush (surface);
          t_step[i] = cpu_ms () - t0;
          t_step_full[i] = t1 - t0;
          cairo_destroy (cr);
        }
    }
  entente_scene_options_clear (&so);

  cairo_surface_destroy (surface);

  {
    double e = median (t_export, runs), s = median (t_scene, runs), f = median (t_frame, runs);
    double bare = median (t_bare, runs);
    double nt = median (t_neato, runs), c = median (t_cli, runs);

    g_print ("%s: %u states, %u ties (model solve %.1f ms, not part of the export)\n", label,
             scenario->states->len, canvas_scene->ties->len, t_solve);
    g_print ("  export SVG in process (CPU): %.2f ms (scene %.2f ms + writer), %.0f kB; "
             "%.2f ms without the embedded scenario\n", e, s, svg_size / 1024.0, bare);
    if (nt >= 0)
      g_print ("  graphviz neato -n2 -Tsvg (same positions, whole command, CPU): %.2f ms\n", nt);
    if (c >= 0)
      g_print ("  entente export (whole command: start, load, solve, write; CPU): %.2f ms\n", c);
    if (nt >= 0)
      g_print ("  RATIO in process: Entente %.1fx faster than neato (target >= 5x); "
               "%.1fx without the embedded scenario\n", nt / e, nt / bare);
    if (nt >= 0 && c >= 0)
      g_print ("  RATIO commands: entente export %.2fx the speed of neato\n", nt / c);
    g_print ("  canvas frame offscreen (1280x800, cairo, CPU): %.2f ms (target <= 8 ms)\n", f);
    g_print ("  canvas relayout (new result: scene rebuild + frame): %.2f ms\n", s + f);
    if (step_scene != NULL)
      g_print ("  canvas after an intention slider step (scene rebuild %.2f ms + the layers that "
               "changed; kept:%s%s%s): %.2f ms\n", median (t_step_full, runs),
               kept & ENTENTE_SCENE_LAYER_NETWORK ? " network" : "",
               kept & ENTENTE_SCENE_LAYER_STATES ? " states" : "",
               kept & ENTENTE_SCENE_LAYER_LABELS ? " labels" : "", median (t_step, runs));
  }

  g_unlink (dot);
  g_unlink (svg_out);
  g_unlink (entente_out);
  entente_export_options_clear (&options);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (EntenteScenario) large = make_large (200, 2000, FALSE);
  g_autoptr (EntenteScenario) regional = make_large (200, 2000, TRUE);
  g_autoptr (EntenteScenario) medium = make_large (60, 300, TRUE);
  g_autofree char *medium_path = NULL;
  g_autoptr (GBytes) medium_bytes = NULL;
  g_autofree char *regional_path = NULL;
  g_autoptr (GBytes) regional_bytes = NULL;
  g_autoptr (EntenteScenario) def = NULL;
  g_autoptr (GFile) file = entente_scenario_get_bundled ("default.entente");
  g_autoptr (GError) error = NULL;
  g_autofree char *default_path = g_file_get_path (file);
  g_autofree char *large_path = NULL;
  g_autoptr (GBytes) large_bytes = NULL;
  const char *runs_env = g_getenv ("ENTENTE_BENCH_RUNS");
  int fd;

  if (runs_env != NULL)
    runs = CLAMP (atoi (runs_env), 1, RUNS);
  xmlInitParser ();
  def = entente_scenario_load_file (file, NULL, &error);
  if (def == NULL)
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 1;
    }
  fd = g_file_open_tmp ("entente-bench-XXXXXX.entente", &large_path, NULL);
  close (fd);
  large_bytes = entente_scenario_to_bytes (large);
  g_file_set_contents (large_path, g_bytes_get_data (large_bytes, NULL),
                       g_bytes_get_size (large_bytes), NULL);

  fd = g_file_open_tmp ("entente-bench-XXXXXX.entente", &regional_path, NULL);
  close (fd);
  regional_bytes = entente_scenario_to_bytes (regional);
  g_file_set_contents (regional_path, g_bytes_get_data (regional_bytes, NULL),
                       g_bytes_get_size (regional_bytes), NULL);

  fd = g_file_open_tmp ("entente-bench-XXXXXX.entente", &medium_path, NULL);
  close (fd);
  medium_bytes = entente_scenario_to_bytes (medium);
  g_file_set_contents (medium_path, g_bytes_get_data (medium_bytes, NULL),
                       g_bytes_get_size (medium_bytes), NULL);

  bench ("default scenario", def, default_path);
  bench ("60 states / 300 regional ties (a large classroom scenario)", medium, medium_path);
  bench ("200 states / 2 000 random ties (worst case: lines across the map)", large, large_path);
  bench ("200 states / 2 000 regional ties (to near neighbours)", regional, regional_path);
  g_unlink (large_path);
  g_unlink (regional_path);
  g_unlink (medium_path);
  return 0;
}
