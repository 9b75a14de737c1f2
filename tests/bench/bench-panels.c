/* bench-panels.c: how long the side panels take to show a model, printed (needs a display)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-bench-panels"

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "entente-model.h"
#include "entente-results-panel.h"
#include "entente-states-panel.h"
#include "entente-system-panel.h"

#define N_UPDATES 10

typedef struct
{
  gint64   begin;
  gint64   end;
} Frame;

static void
before_paint_cb (GdkFrameClock *clock,
                 Frame         *frame)
{
  if (frame->begin == 0)
    frame->begin = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  if (frame->begin != 0)
    frame->end = g_get_monotonic_time ();
}

/* Runs the main loop until @widget's window has painted a new frame, and
 * returns the time spent in that frame (layout and paint, not the wait for
 * the frame's turn, which the display paces). */
static gint64
wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  Frame frame = { 0, 0 };
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frame);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);

  gtk_widget_queue_draw (widget);
  while (frame.end == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  return frame.end - frame.begin;
}

/* @n states on a ring of capitals, allied to their neighbours. */
static EntenteScenario *
make_scenario (guint n)
{
  EntenteScenario *scenario = entente_scenario_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("State %u", i);
      char value[G_ASCII_DTOSTR_BUF_SIZE];
      const char *id;

      entente_scenario_add_state (scenario, name);
      id = entente_scenario_get_state (scenario, i)->id;
      entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL, "mil",
                                      g_ascii_dtostr (value, sizeof value, 1 + (i * 7) % 37), NULL);
      entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL, "intention",
                                      g_ascii_dtostr (value, sizeof value, (i % 10) / 10.0), NULL);
      entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL, "lat",
                                      g_ascii_dtostr (value, sizeof value, 30 + (i % 25)), NULL);
      entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL, "lon",
                                      g_ascii_dtostr (value, sizeof value, (i * 13) % 60), NULL);
      if (i > 0 && i % 3 != 0)
        entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR,
                                        entente_scenario_get_state (scenario, i - 1)->id, id,
                                        "commitment", "0.5", NULL);
    }

  return scenario;
}

static void
bench (guint n)
{
  g_autoptr (EntenteScenario) base = make_scenario (n);
  g_autoptr (EntenteScenario) changed = entente_scenario_copy (base);
  g_autoptr (EntenteResult) r0 = NULL;
  g_autoptr (EntenteResult) r1 = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *states = entente_states_panel_new ();
  GtkWidget *system = entente_system_panel_new ();
  GtkWidget *results = entente_results_panel_new ();
  EntenteScenario *scenarios[2];
  EntenteResult *res[2];
  gint64 t0, t1, idle = 0, update = 0, call = 0;
  /* BENCH_PANEL=states|system|results updates only that panel. */
  const char *only = g_getenv ("BENCH_PANEL");

  if (only != NULL && only[0] == '\0')
    only = NULL;

  entente_scenario_set_attribute (changed, ENTENTE_CHANGE_STATE,
                                  entente_scenario_get_state (changed, 0)->id, NULL,
                                  "intention", "0.95", NULL);
  r0 = entente_model_solve (base, NULL, NULL, NULL);
  r1 = entente_model_solve (changed, r0, NULL, NULL);
  scenarios[0] = base;
  scenarios[1] = changed;
  res[0] = r0;
  res[1] = r1;

  gtk_box_append (GTK_BOX (box), states);
  gtk_box_append (GTK_BOX (box), system);
  gtk_box_append (GTK_BOX (box), results);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_frame (box);

  t0 = g_get_monotonic_time ();
  entente_states_panel_set_model (ENTENTE_STATES_PANEL (states), base, r0);
  entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (system), base, r0);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (results), base, r0);
  t1 = g_get_monotonic_time () - t0 + wait_frame (box);

  /* A frame with nothing new, then alternating results as during a drag. */
  for (guint k = 0; k < N_UPDATES; k++)
    {
      gint64 b;

      idle += wait_frame (box);
      b = g_get_monotonic_time ();

      if (only == NULL || g_str_equal (only, "states"))
        entente_states_panel_set_model (ENTENTE_STATES_PANEL (states), scenarios[(k + 1) % 2],
                                        res[(k + 1) % 2]);
      if (only == NULL || g_str_equal (only, "system"))
        entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (system), scenarios[(k + 1) % 2],
                                        res[(k + 1) % 2]);
      if (only == NULL || g_str_equal (only, "results"))
        entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (results), scenarios[(k + 1) % 2],
                                         res[(k + 1) % 2]);
      call += g_get_monotonic_time () - b;
      update += g_get_monotonic_time () - b + wait_frame (box);
    }

  /* set_model plus the work of the frame that shows it (layout, paint). */
  g_print ("panels, %3u states: first model %7.1f ms; a frame with nothing new %5.1f ms; "
           "a new result %6.1f ms (set_model %.1f ms)\n",
           n, t1 / 1000.0, idle / 1000.0 / N_UPDATES, update / 1000.0 / N_UPDATES,
           call / 1000.0 / N_UPDATES);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 8, 60, 200, 500 };

  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench (sizes[i]);

  return 0;
}
