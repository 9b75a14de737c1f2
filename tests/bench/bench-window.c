/* bench-window.c: startup to first frame, slider-to-frame latency, RSS (printed)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display (run under xvfb-run). Figures are printed, never asserted:
 *   startup to first frame of the real binary (ms, median of 5 runs);
 *   slider change → new result → next painted frame, 20 and 60 states (ms);
 *   resident memory with a 200-state scenario in the window (MB).
 */
#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <gtk/gtk.h>
#include <libxml/parser.h>
#include <locale.h>
#include <stdlib.h>

#include "entente-application.h"
#include "entente-window.h"

#include "core/entente-model.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

static double
maximum (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len - 1);
}

static void
bench_startup (const char *binary)
{
  g_autoptr (GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) exits = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto (GStrv) envp = NULL;

  if (binary == NULL || !g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_print ("startup: skipped (ENTENTE_BINARY not set)\n");
      return;
    }

  /* The binary prints the monotonic time of its first painted frame; the
   * clock is the system's, so it compares with ours. */
  envp = g_environ_setenv (g_get_environ (), "ENTENTE_PRINT_STARTUP", "1", TRUE);

  for (guint run = 0; run < 11; run++)
    {
      const char *argv[] = { binary, "--exit-after-startup", NULL };
      g_autoptr (GError) error = NULL;
      g_autofree char *out = NULL;
      gint64 start = g_get_monotonic_time ();
      const char *line;
      int status = 0;
      double ms;

      if (!g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error))
        {
          g_print ("startup: %s\n", error->message);
          return;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (exits, ms);
      line = out != NULL ? strstr (out, "first frame after ") : NULL;
      if (line != NULL)
        {
          ms = g_ascii_strtod (line + strlen ("first frame after "), NULL) - start / 1000.0;
          g_array_append_val (frames, ms);
        }
    }

  if (frames->len > 0)
    g_print ("startup to first frame (process start → first painted frame): median %.0f ms, "
             "max %.0f ms (target ≤ 300 ms)\n", median (frames), maximum (frames));
  g_print ("  process start → first frame → exit: median %.0f ms, max %.0f ms\n",
           median (exits), maximum (exits));
}

static EntenteScenario *
make_scenario (guint n)
{
  EntenteScenario *scenario = entente_scenario_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("S%03u", i);
      g_autofree char *name = g_strdup_printf ("State %u", i);
      EntenteState *state;

      entente_scenario_insert_state (scenario, id, name, NULL);
      state = entente_scenario_get_state (scenario, i);
      state->pop = 1.0 + (i * 37 % 23);
      state->econ = 1.0 + (i * 11 % 19);
      state->mil = 1.0 + (i * 53 % 29);
      state->intention = (i * 17 % 20) / 20.0;
      state->lat = -50.0 + (i * 41 % 100);
      state->lon = -150.0 + (i * 73 % 300);
    }
  for (guint i = 0; i + 1 < n; i += 3)
    entente_scenario_ensure_pair (scenario, i, i + 1)->commitment = 0.6;

  return scenario;
}

static gboolean painted;
static gint64 layout_start;
static GArray *paint_times;

static void
layout_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  layout_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
  if (paint_times != NULL && layout_start != 0)
    {
      double ms = (g_get_monotonic_time () - layout_start) / 1000.0;

      g_array_append_val (paint_times, ms);
      layout_start = 0;
    }
}

static void
wait_result (EntenteWindow *window)
{
  EntenteSolver *solver = entente_window_get_solver (window);

  while (entente_solver_get_busy (solver) || entente_window_get_result (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_frame (void)
{
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static void
set_flag_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
}

static void
bench_latency (guint n)
{
  g_autoptr (EntenteScenario) scenario = make_scenario (n);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) solve_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) result_times = g_array_new (FALSE, FALSE, sizeof (double));
  EntenteWindow *window = g_object_new (ENTENTE_TYPE_WINDOW, NULL);
  EntenteDocument *document = entente_window_get_document (window);
  GdkFrameClock *clock;
  gulong handler;

  entente_document_reset (document, scenario, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_result (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), NULL);
  wait_frame ();
  paint_times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 30; i++)
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];
      gint64 start;
      double ms;

      g_ascii_dtostr (value, sizeof value, (i % 10) / 10.0 + 0.05);
      {
        /* The model alone, for comparison. */
        g_autoptr (EntenteScenario) copy = entente_document_dup_snapshot (document);
        g_autoptr (EntenteResult) result = NULL;

        start = g_get_monotonic_time ();
        result = entente_model_solve (copy, NULL, NULL, NULL);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (solve_times, ms);
      }
      start = g_get_monotonic_time ();
      entente_document_apply_attribute (document, ENTENTE_CHANGE_STATE, "S001", NULL,
                                        "intention", value, NULL);
      wait_result (window);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (result_times, ms);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_frame ();
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_print ("slider change → new result → painted frame, %u states: median %.1f ms, "
           "max %.1f ms (target ≤ 16 ms; the frame clock paces at ~16.7 ms)\n",
           n, median (times), maximum (times));
  g_print ("  of which: change → result shown in the panels %.1f ms (median); the model "
           "alone (entente_model_solve) %.1f ms (median)\n",
           median (result_times), median (solve_times));
  g_print ("  one frame of the whole window (layout → paint, renderer %s): median %.1f ms, "
           "max %.1f ms\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           median (paint_times), maximum (paint_times));
  g_clear_pointer (&paint_times, g_array_unref);

  /* The same from a window that has been idle for a while, so the frame
   * clock is free at once: the work of one step, without waiting for the
   * next frame slot (a drag at the display's rate waits for it). */
  g_array_set_size (times, 0);
  for (guint i = 0; i < 10; i++)
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];
      gboolean idle = FALSE;
      gint64 start;
      double ms;

      g_timeout_add_once (100, set_flag_cb, &idle);
      while (!idle)
        g_main_context_iteration (NULL, TRUE);

      g_ascii_dtostr (value, sizeof value, (i % 10) / 10.0 + 0.05);
      start = g_get_monotonic_time ();
      entente_document_apply_attribute (document, ENTENTE_CHANGE_STATE, "S001", NULL,
                                        "intention", value, NULL);
      wait_result (window);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_frame ();
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_print ("  from an idle window (one step, no frame slot to wait for): median %.1f ms, "
           "max %.1f ms\n", median (times), maximum (times));
  g_signal_handlers_disconnect_by_func (clock, layout_cb, NULL);

  g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static double
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static double rss_start;

static void
bench_rss (guint n)
{
  g_autoptr (EntenteScenario) scenario = make_scenario (n);
  double before = rss_mb ();
  EntenteWindow *window = g_object_new (ENTENTE_TYPE_WINDOW, NULL);
  double built = rss_mb ();
  GdkFrameClock *clock;
  gulong handler;

  entente_document_reset (entente_window_get_document (window), scenario, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_result (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  for (guint i = 0; i < 10; i++)
    {
      /* An idle window paints nothing: ask for the frames. */
      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_frame ();
    }
  g_signal_handler_disconnect (clock, handler);

  g_print ("resident memory with %u states in the window: %.1f MB (target ≤ 80 MB)\n",
           n, rss_mb ());
  g_print ("  of which: %.1f MB before gtk_init, %.1f MB after it, %.1f MB once the window "
           "is built (not shown yet)\n", rss_start, before, built);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *renderer;

  setlocale (LC_ALL, "");
  xmlInitParser ();
  rss_start = rss_mb ();
  /* The startup run first, before this process touches the display. */
  bench_startup (g_getenv ("ENTENTE_BINARY"));

  if (!gtk_init_check ())
    {
      g_print ("window benchmarks skipped: no display (run under xvfb-run)\n");
      return EXIT_SUCCESS;
    }
  /* The renderer the application would choose on this display. */
  renderer = entente_choose_renderer (gdk_display_get_default ());
  if (renderer != NULL)
    g_print ("software GL: the windows below use the %s renderer, as the application does\n",
             renderer);
  /* Memory first, in a process that has not held other windows yet.
   * "bench-window rss" runs that one alone (for massif and the like). */
  bench_rss (200);
  if (argc > 1 && g_str_equal (argv[1], "rss"))
    return EXIT_SUCCESS;
  bench_latency (20);
  bench_latency (60);

  return EXIT_SUCCESS;
}
