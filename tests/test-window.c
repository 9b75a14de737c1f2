/* test-window.c: the explorer window under a display: result flow, undo, guard, files
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libxml/parser.h>

#include "entente-alignment-page.h"
#include "entente-application.h"
#include "entente-results-panel.h"
#include "entente-slider-row.h"
#include "entente-window-private.h"

#include "core/entente-model.h"
#include "core/entente-scenario-io.h"

/* Main-loop turns allowed for a result to come back: a computation of the
 * default scenario takes a few milliseconds; this is generous, yet bounded. */
#define MAX_ITERATIONS 20000

static EntenteWindow *
make_window (void)
{
  EntenteWindow *window = g_object_new (ENTENTE_TYPE_WINDOW, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (EntenteWindow *window)
{
  GtkWidget *weak = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&weak);
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; weak != NULL && i < MAX_ITERATIONS; i++)
    g_main_context_iteration (NULL, FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (weak);
}

/* Iterates until the window shows the result of its newest request. */
static EntenteResult *
wait_for_result (EntenteWindow *window)
{
  EntenteSolver *solver = entente_window_get_solver (window);
  guint i;

  for (i = 0; i < MAX_ITERATIONS; i++)
    {
      if (!entente_solver_get_busy (solver) && entente_window_get_result (window) != NULL)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (i, <, MAX_ITERATIONS);
  g_assert_nonnull (entente_window_get_result (window));
  g_test_message ("result after %u main-loop iterations", i);

  return entente_window_get_result (window);
}

static EntenteSliderRow *
find_slider (GtkWidget  *widget,
             const char *name)
{
  if (ENTENTE_IS_SLIDER_ROW (widget) &&
      g_strcmp0 (entente_slider_row_get_accessible_name (ENTENTE_SLIDER_ROW (widget)), name) == 0)
    return ENTENTE_SLIDER_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EntenteSliderRow *found = find_slider (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static EntenteSliderRow *
intention_slider (EntenteWindow *window,
                  guint          index)
{
  EntenteScenario *scenario = entente_document_get_scenario (entente_window_get_document (window));
  g_autofree char *name =
    g_strdup_printf ("Intention of %s", entente_scenario_get_state (scenario, index)->name);
  EntenteSliderRow *slider;

  /* Rows of a list view exist once it has been laid out. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  slider = find_slider (GTK_WIDGET (window), name);
  g_assert_nonnull (slider);
  return slider;
}

static const char *
alignment_text (EntenteWindow *window,
                guint          index)
{
  EntenteResultsPanel *panel = ENTENTE_RESULTS_PANEL (window->results_panel);
  GtkWidget *page = entente_results_panel_get_page_widget (panel, "alignments");

  g_assert_true (ENTENTE_IS_ALIGNMENT_PAGE (page));
  return entente_alignment_page_get_row_text (ENTENTE_ALIGNMENT_PAGE (page), index);
}

/* The alignment panel shows @result: each row starts with the state's name
 * and the title of its final label. */
static void
assert_panel_shows (EntenteWindow *window,
                    EntenteResult *result)
{
  for (guint i = 0; i < result->n; i++)
    {
      EntenteState *state = entente_scenario_get_state (result->scenario, i);
      g_autofree char *prefix =
        g_strdup_printf ("%s: %s", state->name,
                         entente_behaviour_get_title (result->states[i].label));
      const char *text = alignment_text (window, i);

      g_assert_nonnull (text);
      if (!g_str_has_prefix (text, prefix))
        g_error ("row %u reads “%s”, expected it to start with “%s”", i, text, prefix);
    }
}

/* What does not depend on the warm start of the landscape descent (which may
 * legitimately settle in another local minimum): threats and dispositions. */
static void
assert_same_dispositions (EntenteResult *a,
                          EntenteResult *b)
{
  g_assert_cmpuint (a->n, ==, b->n);
  g_assert_cmpint (a->polarity, ==, b->polarity);
  for (guint i = 0; i < a->n; i++)
    {
      g_assert_cmpint (a->states[i].disposition, ==, b->states[i].disposition);
      g_assert_cmpint (a->states[i].threat, ==, b->states[i].threat);
    }
  for (guint i = 0; i < a->n * a->n; i++)
    g_assert_cmpfloat_with_epsilon (a->threat[i], b->threat[i], 1e-12);
}

static double
intention_of (EntenteScenario *scenario,
              guint            index)
{
  return entente_scenario_get_state (scenario, index)->intention;
}

static void
test_opens_default (void)
{
  EntenteWindow *window = make_window ();
  g_autoptr (GFile) file = entente_scenario_get_bundled ("default.entente");
  g_autoptr (EntenteScenario) expected = NULL;
  g_autoptr (GError) error = NULL;
  EntenteDocument *document = entente_window_get_document (window);
  EntenteResult *result;

  expected = entente_scenario_load_file (file, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (entente_scenario_equal (entente_document_get_scenario (document), expected));
  g_assert_false (entente_document_get_dirty (document));
  g_assert_null (entente_window_get_error (window));
  g_assert_true (entente_window_is_pristine (window));

  result = wait_for_result (window);
  g_assert_true (entente_scenario_equal (result->scenario, expected));
  g_assert_cmpuint (result->n, ==, entente_scenario_get_n_states (expected));
  assert_panel_shows (window, result);
  /* Startup does its work once: one computation, none dropped. */
  g_assert_cmpuint (entente_solver_get_n_started (entente_window_get_solver (window)), ==, 1);
  g_assert_cmpuint (entente_solver_get_n_dropped (entente_window_get_solver (window)), ==, 0);

  destroy_window (window);
}

static void
test_slider_changes_result (void)
{
  EntenteWindow *window = make_window ();
  EntenteResult *before, *after;
  EntenteSliderRow *slider;
  GtkAdjustment *adjustment;
  double old_value, new_value;

  before = entente_result_ref (wait_for_result (window));
  slider = intention_slider (window, 0);
  adjustment = entente_slider_row_get_adjustment (slider);
  old_value = gtk_adjustment_get_value (adjustment);
  new_value = old_value < 0.5 ? 0.95 : 0.05;

  /* As the user would: the adjustment moves, the panel emits
   * "attribute-changed", the document changes, the model thread runs. */
  gtk_adjustment_set_value (adjustment, new_value);
  g_assert_true (entente_document_get_dirty (entente_window_get_document (window)));

  after = wait_for_result (window);
  g_assert_true (after != before);
  g_assert_cmpfloat_with_epsilon (intention_of (after->scenario, 0), new_value, 1e-9);
  assert_panel_shows (window, after);

  entente_result_unref (before);
  destroy_window (window);
}

static void
test_rapid_changes_and_undo (void)
{
  EntenteWindow *window = make_window ();
  EntenteDocument *document = entente_window_get_document (window);
  g_autoptr (EntenteResult) first = NULL;
  g_autoptr (EntenteResult) direct = NULL;
  g_autoptr (GError) error = NULL;
  EntenteResult *result;
  GtkAdjustment *adjustment;
  double original;
  guint generation;

  first = entente_result_ref (wait_for_result (window));
  adjustment = entente_slider_row_get_adjustment (intention_slider (window, 1));
  original = gtk_adjustment_get_value (adjustment);

  /* A fast drag: twenty values without a main-loop turn in between. */
  for (guint i = 1; i <= 20; i++)
    gtk_adjustment_set_value (adjustment, i / 20.0);
  generation = entente_solver_get_generation (entente_window_get_solver (window));

  result = wait_for_result (window);
  g_assert_cmpuint (entente_solver_get_generation (entente_window_get_solver (window)), ==,
                    generation);
  g_assert_cmpfloat_with_epsilon (intention_of (result->scenario, 1), 1.0, 1e-9);
  g_assert_true (entente_scenario_equal (result->scenario,
                                         entente_document_get_scenario (document)));
  direct = entente_model_solve (result->scenario, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_dispositions (result, direct);
  assert_panel_shows (window, result);

  /* The whole drag is one undo step, and undo brings the first result back. */
  g_assert_cmpuint (entente_document_get_n_undo (document), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  result = wait_for_result (window);
  g_assert_cmpfloat_with_epsilon (intention_of (result->scenario, 1), original, 1e-9);
  g_assert_true (entente_scenario_equal (result->scenario, first->scenario));
  assert_same_dispositions (result, first);
  for (guint i = 0; i < result->n; i++)
    g_assert_cmpint (result->states[i].label, ==, first->states[i].label);
  assert_panel_shows (window, result);
  g_assert_false (entente_document_get_dirty (document));
  /* The slider follows the document back. */
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), original, 1e-9);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  result = wait_for_result (window);
  g_assert_cmpfloat_with_epsilon (intention_of (result->scenario, 1), 1.0, 1e-9);

  entente_document_reset (document, first->scenario, NULL);
  destroy_window (window);
}

static GtkWindow *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == parent)
        return toplevel;
    }

  return NULL;
}

static void
test_unsaved_guard (void)
{
  EntenteWindow *window = make_window ();
  GtkWidget *weak = GTK_WIDGET (window);
  EntenteDocument *document = entente_window_get_document (window);
  GtkWindow *dialog;

  wait_for_result (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&weak);

  /* Clean: closing just closes. A fresh window to check that first. */
  {
    EntenteWindow *clean = make_window ();
    GtkWidget *weak_clean = GTK_WIDGET (clean);

    g_object_add_weak_pointer (G_OBJECT (clean), (gpointer *)&weak_clean);
    gtk_window_close (GTK_WINDOW (clean));
    for (guint i = 0; weak_clean != NULL && i < MAX_ITERATIONS; i++)
      g_main_context_iteration (NULL, FALSE);
    g_assert_null (weak_clean);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-state", NULL);
  g_assert_true (entente_document_get_dirty (document));

  /* Closing with changes asks, and Cancel keeps everything. */
  gtk_window_close (GTK_WINDOW (window));
  g_main_context_iteration (NULL, FALSE);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (weak);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  g_assert_nonnull (weak);
  g_assert_true (entente_document_get_dirty (document));

  /* Opening another file with changes asks too. */
  {
    g_autoptr (GFile) file = entente_scenario_get_bundled ("default.entente");

    entente_window_open_file (window, file);
    dialog = find_dialog (GTK_WINDOW (window));
    g_assert_nonnull (dialog);
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
    g_assert_true (entente_document_get_dirty (document));
  }

  /* Discard closes. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  for (guint i = 0; weak != NULL && i < MAX_ITERATIONS; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
}

static void
test_save_open_round_trip (void)
{
  EntenteWindow *window = make_window ();
  EntenteWindow *other;
  EntenteDocument *document = entente_window_get_document (window);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "round-trip.entente", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  EntenteResult *result;
  GtkAdjustment *adjustment;

  g_assert_no_error (error);
  wait_for_result (window);
  g_assert_true (entente_document_save (document, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "round-trip.entente — Entente");

  adjustment = entente_slider_row_get_adjustment (intention_slider (window, 0));
  gtk_adjustment_set_value (adjustment, 0.66);
  g_assert_true (entente_document_get_dirty (document));
  /* The unsaved mark. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "round-trip.entente • — Entente");

  /* The document has a file: Save writes it without asking. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (entente_document_get_dirty (document));
  g_assert_null (entente_window_get_error (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "round-trip.entente — Entente");

  other = make_window ();
  wait_for_result (other);
  /* Dropped onto the window, as from the file manager. */
  {
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (other));
    GtkDropTarget *target = NULL;
    GValue value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, G_TYPE_FILE);
    g_value_set_object (&value, file);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_value_unset (&value);
    g_assert_true (accepted);
  }
  for (guint i = 0; i < MAX_ITERATIONS &&
       entente_document_get_file (entente_window_get_document (other)) == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (entente_document_get_file (entente_window_get_document (other)));
  result = wait_for_result (other);
  g_assert_true (entente_scenario_equal (
    entente_document_get_scenario (entente_window_get_document (other)),
    entente_document_get_scenario (document)));
  g_assert_cmpfloat_with_epsilon (intention_of (result->scenario, 0), 0.66, 1e-9);
  g_assert_false (entente_window_is_pristine (other));

  destroy_window (other);
  destroy_window (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_bad_file (void)
{
  EntenteWindow *window = make_window ();
  EntenteDocument *document = entente_window_get_document (window);
  g_autoptr (EntenteScenario) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.entente", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  wait_for_result (window);
  before = entente_scenario_copy (entente_document_get_scenario (document));
  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?><scenario", -1, &error));

  entente_window_open_file (window, file);
  for (guint i = 0; i < MAX_ITERATIONS && entente_window_get_error (window) == NULL; i++)
    g_main_context_iteration (NULL, TRUE);

  /* An in-window error naming the file, and the document untouched. */
  g_assert_nonnull (entente_window_get_error (window));
  g_assert_nonnull (strstr (entente_window_get_error (window), "broken.entente"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->info_bar)));
  g_assert_true (entente_scenario_equal (entente_document_get_scenario (document), before));
  g_assert_null (entente_document_get_file (document));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL);
  g_assert_null (entente_window_get_error (window));

  destroy_window (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A window made for a file never loads or computes the example; one made
 * for a broken file shows the example and the loader's error. */
static void
test_window_for_file (void)
{
  g_autoptr (GFile) file = entente_scenario_get_bundled ("v06-cold-war.entente");
  g_autoptr (EntenteScenario) expected = NULL;
  g_autoptr (EntenteScenario) example = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.entente", NULL);
  g_autoptr (GFile) broken = g_file_new_for_path (path);
  g_autoptr (GFile) example_file = entente_scenario_get_bundled ("default.entente");
  EntenteWindow *window;
  EntenteResult *result;

  g_assert_nonnull (file);
  expected = entente_scenario_load_file (file, NULL, &error);
  g_assert_no_error (error);

  window = g_object_new (ENTENTE_TYPE_WINDOW, "file", file, NULL);
  gtk_window_present (GTK_WINDOW (window));
  result = wait_for_result (window);
  g_assert_true (entente_scenario_equal (result->scenario, expected));
  g_assert_true (g_file_equal (entente_document_get_file (entente_window_get_document (window)),
                               file));
  g_assert_null (entente_window_get_error (window));
  g_assert_false (entente_window_is_pristine (window));
  g_assert_cmpuint (entente_solver_get_n_started (entente_window_get_solver (window)), ==, 1);
  destroy_window (window);

  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?><scenario", -1, &error));
  example = entente_scenario_load_file (example_file, NULL, &error);
  g_assert_no_error (error);
  window = g_object_new (ENTENTE_TYPE_WINDOW, "file", broken, NULL);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < MAX_ITERATIONS && entente_window_get_error (window) == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (entente_window_get_error (window));
  g_assert_nonnull (strstr (entente_window_get_error (window), "broken.entente"));
  result = wait_for_result (window);
  g_assert_true (entente_scenario_equal (result->scenario, example));
  g_assert_null (entente_document_get_file (entente_window_get_document (window)));
  destroy_window (window);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
n_states (EntenteDocument *document)
{
  return entente_scenario_get_n_states (entente_document_get_scenario (document));
}

static void
test_actions (void)
{
  EntenteWindow *window = make_window ();
  EntenteDocument *document = entente_window_get_document (window);
  guint n;
  gboolean threats;

  wait_for_result (window);
  n = entente_scenario_get_n_states (entente_document_get_scenario (document));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-state", NULL);
  g_assert_cmpuint (n_states (document), ==, n + 1);
  /* The new state is selected, so Delete removes it again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-state", NULL);
  g_assert_cmpuint (n_states (document), ==, n);
  g_assert_cmpuint (entente_document_get_n_undo (document), ==, 2);

  g_object_get (window, "show-threats", &threats, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-threats", NULL);
  g_assert_cmpint (entente_document_get_scenario (document)->view.show_threats, ==, !threats);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-threats", NULL);
  g_assert_cmpint (entente_document_get_scenario (document)->view.show_threats, ==, threats);

  /* Export presents the figure dialog, transient for the window. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  g_assert_nonnull (window->export_dialog);
  g_assert_true (gtk_window_get_transient_for (window->export_dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->export_dialog)));
  gtk_window_destroy (window->export_dialog);
  g_assert_null (window->export_dialog);

  /* New asks nothing when clean after undoing everything. */
  while (entente_document_undo (document))
    ;
  g_assert_false (entente_document_get_dirty (document));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  g_assert_null (entente_document_get_file (document));
  g_assert_false (entente_document_get_can_undo (document));
  wait_for_result (window);

  destroy_window (window);
}

/* The system page is built the first time it is shown, with what the other
 * views show, and its sliders edit the document like any other. */
static void
test_system_page_on_demand (void)
{
  EntenteWindow *window = make_window ();
  EntenteDocument *document = entente_window_get_document (window);
  EntenteResult *result;
  EntenteSliderRow *slider;
  GtkAdjustment *adjustment;
  double old_value, new_value;

  result = wait_for_result (window);
  g_assert_null (window->system_panel);
  g_assert_null (find_slider (GTK_WIDGET (window), "War shock"));

  gtk_stack_set_visible_child_name (window->edit_stack, "system");
  g_assert_nonnull (window->system_panel);
  g_assert_true (gtk_widget_get_parent (window->system_panel) == GTK_WIDGET (window->system_slot));

  slider = find_slider (window->system_panel, "War shock");
  g_assert_nonnull (slider);
  adjustment = entente_slider_row_get_adjustment (slider);
  old_value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat_with_epsilon (old_value, result->scenario->system.war_shock, 1e-9);

  new_value = old_value < 0.5 ? 0.9 : 0.1;
  gtk_adjustment_set_value (adjustment, new_value);
  g_assert_true (entente_document_get_dirty (document));
  g_assert_cmpfloat_with_epsilon (entente_document_get_scenario (document)->system.war_shock,
                                  new_value, 1e-9);
  result = wait_for_result (window);
  g_assert_cmpfloat_with_epsilon (result->scenario->system.war_shock, new_value, 1e-9);

  /* Shown again, it is the same panel. */
  gtk_stack_set_visible_child_name (window->edit_stack, "states");
  slider = find_slider (window->system_panel, "War shock");
  gtk_stack_set_visible_child_name (window->edit_stack, "system");
  g_assert_true (find_slider (window->system_panel, "War shock") == slider);

  destroy_window (window);
}

/* A renderer the user chose is left alone; otherwise software GL gets cairo
 * and any other GL keeps GTK's default. */
static void
test_renderer_choice (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *saved = g_strdup (g_getenv ("GSK_RENDERER"));
  const char *chosen;

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_null (entente_choose_renderer (display));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");

  g_unsetenv ("GSK_RENDERER");
  chosen = entente_choose_renderer (display);
  g_test_message ("renderer chosen on this display: %s", chosen ? chosen : "GTK's default");
  if (chosen != NULL)
    {
      g_assert_cmpstr (chosen, ==, "cairo");
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
    }
  else
    g_assert_null (g_getenv ("GSK_RENDERER"));

  if (saved != NULL)
    g_setenv ("GSK_RENDERER", saved, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
}

/* The shortcuts window is built on demand, once, transient for the window. */
static void
test_help_overlay (void)
{
  EntenteWindow *window = make_window ();
  GtkShortcutsWindow *overlay;

  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                 overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_window_destroy (GTK_WINDOW (overlay));
  destroy_window (window);
}

/* Renders @widget offscreen to a PNG in the build directory, for a human to
 * look at after the run. */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  /* The canvas draws on its parent's background: give the file an opaque one. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%d × %d)", path, width, height);
}

static void
test_png (void)
{
  EntenteWindow *window = make_window ();

  wait_for_result (window);
  /* Let the canvas animation settle and the layout happen. */
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (300 * 1000);
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);

  if (window->canvas != NULL)
    save_png (window->canvas, "test-window-canvas.png");
  save_png (GTK_WIDGET (window), "test-window.png");

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  xmlInitParser ();
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The window's resources and styling, as the application loads them. */
  {
    g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/entente/window/opens-default", test_opens_default);
  g_test_add_func ("/entente/window/slider-changes-result", test_slider_changes_result);
  g_test_add_func ("/entente/window/rapid-changes-undo", test_rapid_changes_and_undo);
  g_test_add_func ("/entente/window/unsaved-guard", test_unsaved_guard);
  g_test_add_func ("/entente/window/save-open", test_save_open_round_trip);
  g_test_add_func ("/entente/window/bad-file", test_bad_file);
  g_test_add_func ("/entente/window/for-file", test_window_for_file);
  g_test_add_func ("/entente/window/actions", test_actions);
  g_test_add_func ("/entente/window/png", test_png);
  g_test_add_func ("/entente/window/system-page-on-demand", test_system_page_on_demand);
  g_test_add_func ("/entente/window/renderer-choice", test_renderer_choice);
  g_test_add_func ("/entente/window/help-overlay", test_help_overlay);

  return g_test_run ();
}
