/* test-panels.c: the side panels: accessible sliders, one edit per move, silent updates, results
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-test-panels"

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "entente-alignment-page.h"
#include "entente-alliance-page.h"
#include "entente-concert-page.h"
#include "entente-format.h"
#include "entente-landscape-page.h"
#include "entente-results-panel.h"
#include "entente-slider-row.h"
#include "entente-state-row.h"
#include "entente-states-panel.h"
#include "entente-system-panel.h"
#include "entente-scenario-io.h"
#include "test-model-common.h"

/* Four states, no crisis, no war shock (so no concert: J1 fails). */
static const char *scenario_text =
  "S france 40 40 40 0.5 0.2 48.86 2.35\n"
  "S germany 60 70 60 0.7 0.8 52.52 13.40\n"
  "S russia 80 40 50 0.5 0.3 55.75 37.62\n"
  "S uk 45 60 50 0.4 0.1 51.51 -0.13\n"
  "s france name France\n"
  "s germany name Germany\n"
  "s russia name Russia\n"
  "s uk name Britain\n"
  "P france germany -0.5 0 0.8 1\n"
  "P france russia 0.2 0.5 0 0\n"
  "P france uk 0.3 0.3 0.1 0.8\n";

typedef struct
{
  EntenteScenario *scenario;
  EntenteResult   *result;
  GtkWidget       *window;
  GtkWidget       *box;
  GPtrArray       *records;   /* "target|a|b|key|value" or "minimum N" … */
} Fixture;

static void
attribute_changed_cb (GtkWidget  *panel,
                      int         target,
                      const char *a,
                      const char *b,
                      const char *key,
                      const char *value,
                      Fixture    *fixture)
{
  g_ptr_array_add (fixture->records,
                   g_strdup_printf ("%d|%s|%s|%s|%s", target, a ? a : "-", b ? b : "-",
                                    key, value));
}

static void
minimum_selected_cb (GtkWidget *panel,
                     int        index,
                     Fixture   *fixture)
{
  g_ptr_array_add (fixture->records, g_strdup_printf ("minimum %d", index));
}

static void
state_selected_cb (GtkWidget  *panel,
                   const char *id,
                   Fixture    *fixture)
{
  g_ptr_array_add (fixture->records, g_strdup_printf ("selected %s", id ? id : "-"));
}

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets transitions (the stack's crossfade) finish before a picture. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @widget's window has painted a new frame. */
static void
wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->scenario = test_model_scenario (scenario_text);
  fixture->result = test_model_solve (fixture->scenario);
  fixture->records = g_ptr_array_new_with_free_func (g_free);
  fixture->window = gtk_window_new ();
  fixture->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (fixture->box), TRUE);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->box);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate (2);
  g_clear_pointer (&fixture->records, g_ptr_array_unref);
  g_clear_pointer (&fixture->result, entente_result_unref);
  g_clear_pointer (&fixture->scenario, entente_scenario_unref);
}

static GtkWidget *
add_panel (Fixture   *fixture,
           GtkWidget *panel)
{
  gtk_box_append (GTK_BOX (fixture->box), panel);
  if (g_signal_lookup ("attribute-changed", G_OBJECT_TYPE (panel)) != 0)
    g_signal_connect (panel, "attribute-changed", G_CALLBACK (attribute_changed_cb), fixture);
  if (g_signal_lookup ("minimum-selected", G_OBJECT_TYPE (panel)) != 0)
    g_signal_connect (panel, "minimum-selected", G_CALLBACK (minimum_selected_cb), fixture);
  if (g_signal_lookup ("state-selected", G_OBJECT_TYPE (panel)) != 0)
    g_signal_connect (panel, "state-selected", G_CALLBACK (state_selected_cb), fixture);
  return panel;
}

static EntenteSliderRow *
find_slider_in (GtkWidget  *widget,
                const char *name)
{
  if (ENTENTE_IS_SLIDER_ROW (widget) &&
      g_strcmp0 (entente_slider_row_get_accessible_name (ENTENTE_SLIDER_ROW (widget)), name) == 0)
    return ENTENTE_SLIDER_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EntenteSliderRow *found = find_slider_in (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* List views create their rows when laid out: give the main loop a few
 * turns to get there. */
static EntenteSliderRow *
find_slider (Fixture    *fixture,
             const char *name)
{
  EntenteSliderRow *row = NULL;

  gtk_window_present (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < 200 && row == NULL; i++)
    {
      row = find_slider_in (fixture->window, name);
      if (row == NULL)
        g_main_context_iteration (NULL, TRUE);
    }

  return row;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A copy of the fixture's scenario with one more attribute set, and its result. */
static EntenteScenario *
changed_scenario (Fixture             *fixture,
                  EntenteChangeTarget  target,
                  const char          *a,
                  const char          *key,
                  const char          *value)
{
  EntenteScenario *copy = entente_scenario_copy (fixture->scenario);
  g_autoptr (GError) error = NULL;

  entente_scenario_set_attribute (copy, target, a, NULL, key, value, &error);
  g_assert_no_error (error);

  return copy;
}

static void
test_states_accessible (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_states_panel_new ());
  const char *names[] = {
    "Capability of France", "Intention of France", "Capability of Germany",
    "Intention of Germany", "Capability of Russia", "Intention of Britain",
  };
  const char *details[] = {
    "Offensive capability of Germany", "Population of Germany", "Economy of Germany",
    "Military of Germany", "Domestic constraint of Germany",
  };

  entente_states_panel_set_model (ENTENTE_STATES_PANEL (panel), fixture->scenario, fixture->result);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (find_slider (fixture, names[i]));

  /* The details appear for the selected state only. */
  g_assert_null (find_slider_in (panel, "Offensive capability of Germany"));
  entente_states_panel_set_selected (ENTENTE_STATES_PANEL (panel), "germany");
  g_assert_cmpstr (entente_states_panel_get_selected (ENTENTE_STATES_PANEL (panel)), ==, "germany");
  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    g_assert_nonnull (find_slider (fixture, details[i]));
  g_assert_cmpfloat_with_epsilon (
    gtk_adjustment_get_value (entente_slider_row_get_adjustment (
      find_slider (fixture, "Offensive capability of Germany"))), 0.7, 1e-9);

  /* Selecting programmatically is not a user selection. */
  g_assert_cmpuint (fixture->records->len, ==, 0);
}

static void
test_states_emit (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_states_panel_new ());
  EntenteSliderRow *intention, *capability, *commitment;
  double expected[] = { 30, 35, 30 };
  const char *keys[] = { "pop", "econ", "mil" };

  entente_states_panel_set_model (ENTENTE_STATES_PANEL (panel), fixture->scenario, fixture->result);
  intention = find_slider (fixture, "Intention of Germany");
  g_assert_nonnull (intention);

  gtk_adjustment_set_value (entente_slider_row_get_adjustment (intention), 0.9);
  g_assert_cmpuint (fixture->records->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 0), ==, "0|germany|-|intention|0.9");

  /* The spin button shares the adjustment: typing a value is one edit too. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (entente_slider_row_get_spin_button (intention)), 0.75);
  g_assert_cmpuint (fixture->records->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 1), ==, "0|germany|-|intention|0.75");

  /* Stepping adds binary fractions (0.75 + 0.01 + 0.01 is not 0.77): what
   * goes to the file is the value shown, to the slider's digits. */
  gtk_spin_button_spin (GTK_SPIN_BUTTON (entente_slider_row_get_spin_button (intention)),
                        GTK_SPIN_STEP_FORWARD, 0.01);
  gtk_spin_button_spin (GTK_SPIN_BUTTON (entente_slider_row_get_spin_button (intention)),
                        GTK_SPIN_STEP_FORWARD, 0.01);
  g_assert_cmpuint (fixture->records->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 2), ==, "0|germany|-|intention|0.76");
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 3), ==, "0|germany|-|intention|0.77");

  /* Capability scales the three components together: half of each. */
  g_ptr_array_set_size (fixture->records, 0);
  capability = find_slider (fixture, "Capability of Germany");
  g_assert_nonnull (capability);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (entente_slider_row_get_adjustment (capability)),
                                  190.0 / 3.0, 1e-9);
  gtk_adjustment_set_value (entente_slider_row_get_adjustment (capability), 95.0 / 3.0);
  g_assert_cmpuint (fixture->records->len, ==, 3);
  for (guint k = 0; k < 3; k++)
    {
      g_auto (GStrv) f = g_strsplit (g_ptr_array_index (fixture->records, k), "|", -1);

      g_assert_cmpstr (f[0], ==, "0");
      g_assert_cmpstr (f[1], ==, "germany");
      g_assert_cmpstr (f[3], ==, keys[k]);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (f[4], NULL), expected[k], 1e-9);
    }

  /* A pair relation names the pair in scenario order (france < germany). */
  g_ptr_array_set_size (fixture->records, 0);
  entente_states_panel_set_selected (ENTENTE_STATES_PANEL (panel), "germany");
  commitment = find_slider (fixture, "Commitment of Germany and France");
  g_assert_nonnull (commitment);
  gtk_adjustment_set_value (entente_slider_row_get_adjustment (commitment), 0.5);
  g_assert_cmpuint (fixture->records->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 0), ==, "1|france|germany|commitment|0.5");
}

static void
test_states_silent (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_states_panel_new ());
  g_autoptr (EntenteScenario) changed = NULL;
  g_autoptr (EntenteResult) result = NULL;
  EntenteSliderRow *intention, *offence;
  GtkWidget *row;
  EntenteStateItem *item;

  entente_states_panel_set_model (ENTENTE_STATES_PANEL (panel), fixture->scenario, fixture->result);
  entente_states_panel_set_selected (ENTENTE_STATES_PANEL (panel), "germany");
  intention = find_slider (fixture, "Intention of Germany");
  offence = find_slider (fixture, "Offensive capability of Germany");
  g_assert_nonnull (intention);
  g_assert_nonnull (offence);
  row = gtk_widget_get_ancestor (GTK_WIDGET (intention), ENTENTE_TYPE_STATE_ROW);
  g_assert_nonnull (row);
  item = entente_state_row_get_item (ENTENTE_STATE_ROW (row));

  changed = changed_scenario (fixture, ENTENTE_CHANGE_STATE, "germany", "intention", "0.55");
  entente_scenario_set_attribute (changed, ENTENTE_CHANGE_STATE, "germany", NULL, "offence", "0.2",
                                  NULL);
  result = test_model_solve (changed);

  /* While computing, then with the result: the sliders follow, silently. */
  entente_states_panel_set_model (ENTENTE_STATES_PANEL (panel), changed, NULL);
  entente_states_panel_set_model (ENTENTE_STATES_PANEL (panel), changed, result);
  iterate (3);
  g_assert_cmpuint (fixture->records->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (entente_slider_row_get_adjustment (intention)),
                                  0.55, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (entente_slider_row_get_adjustment (offence)),
                                  0.2, 1e-9);

  /* Updated in place: the same row shows the same item. */
  g_assert_true (find_slider (fixture, "Intention of Germany") == intention);
  g_assert_true (entente_state_row_get_item (ENTENTE_STATE_ROW (row)) == item);
}

static void
remove_requested_cb (GtkWidget   *panel,
                     const char  *id,
                     char       **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static GtkWidget *
find_trash_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "user-trash-symbolic") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_trash_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_states_remove_rename (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_states_panel_new ());
  GtkWidget *entry;
  g_autofree char *removed = NULL;

  entente_states_panel_set_model (ENTENTE_STATES_PANEL (panel), fixture->scenario, fixture->result);
  entente_states_panel_set_selected (ENTENTE_STATES_PANEL (panel), "russia");
  g_assert_nonnull (find_slider (fixture, "Population of Russia"));

  entry = find_type (panel, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Russia");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Muscovy ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (fixture->records->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 0), ==, "0|russia|-|name|Muscovy");
  /* Asked once, even if Enter comes again before the window renames. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (fixture->records->len, ==, 1);

  /* Removing goes through the window: the panel only asks. */
  g_signal_connect (panel, "state-remove-requested", G_CALLBACK (remove_requested_cb), &removed);
  g_signal_emit_by_name (find_trash_button (panel), "clicked");
  g_assert_cmpstr (removed, ==, "russia");
  g_assert_cmpuint (fixture->records->len, ==, 1);
}

static void
test_states_user_select (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_states_panel_new ());
  GtkListView *list;
  GtkSelectionModel *model;

  entente_states_panel_set_model (ENTENTE_STATES_PANEL (panel), fixture->scenario, fixture->result);
  g_assert_nonnull (find_slider (fixture, "Intention of Britain"));

  list = GTK_LIST_VIEW (find_type (panel, GTK_TYPE_LIST_VIEW));
  model = gtk_list_view_get_model (list);
  gtk_selection_model_select_item (model, 3, TRUE);
  g_assert_cmpuint (fixture->records->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 0), ==, "selected uk");
  g_assert_cmpstr (entente_states_panel_get_selected (ENTENTE_STATES_PANEL (panel)), ==, "uk");
  g_assert_nonnull (find_slider (fixture, "Military of Britain"));
}

static void
test_system (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_system_panel_new ());
  const char *names[] = {
    "Offence–defence balance", "War shock", "Years since the war", "Transparency",
    "Cost of war", "Weight of intentions", "Weight of proximity",
  };
  g_autoptr (EntenteScenario) changed = NULL;
  EntenteSliderRow *odb;

  entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (panel), fixture->scenario, fixture->result);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (find_slider (fixture, names[i]));
  g_assert_cmpuint (fixture->records->len, ==, 0);

  odb = find_slider (fixture, "Offence–defence balance");
  gtk_adjustment_set_value (entente_slider_row_get_adjustment (odb), 0.5);
  g_assert_cmpuint (fixture->records->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 0), ==, "2|-|-|odb|0.5");

  gtk_adjustment_set_value (entente_slider_row_get_adjustment (find_slider (fixture, "Weight of intentions")),
                            0.0);
  g_assert_cmpuint (fixture->records->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 1), ==, "2|-|-|nu|0");

  changed = changed_scenario (fixture, ENTENTE_CHANGE_SYSTEM, NULL, "odb", "-0.3");
  entente_scenario_set_attribute (changed, ENTENTE_CHANGE_SYSTEM, NULL, NULL, "mode", "ab1993", NULL);
  entente_scenario_set_attribute (changed, ENTENTE_CHANGE_SYSTEM, NULL, NULL, "antihegemonic", "true",
                                  NULL);
  entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (panel), changed, NULL);
  g_assert_cmpuint (fixture->records->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (entente_slider_row_get_adjustment (odb)),
                                  -0.3, 1e-9);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_type (panel, GTK_TYPE_SWITCH))));

  /* The user's switch is an edit. */
  gtk_switch_set_active (GTK_SWITCH (find_type (panel, GTK_TYPE_SWITCH)), FALSE);
  g_assert_cmpuint (fixture->records->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 2), ==, "2|-|-|antihegemonic|false");
}

static void
test_concert (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_results_panel_new ());
  EntenteConcertPage *page;
  g_autofree char *failures = NULL;

  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (panel), fixture->scenario, fixture->result);
  page = ENTENTE_CONCERT_PAGE (entente_results_panel_get_page_widget (ENTENTE_RESULTS_PANEL (panel),
                                                                      "concert"));

  /* No antihegemonic war: J1 = 0 fails, named with its reason. */
  g_assert_false (fixture->result->concert.forms);
  g_assert_cmpstr (entente_concert_page_get_status (page), ==, "No concert");
  failures = entente_concert_page_dup_failure_text (page);
  g_assert_nonnull (strstr (failures, "J1 Shock of war"));
  g_assert_nonnull (strstr (failures,
                            entente_reason_get_sentence (ENTENTE_REASON_CONCERT_NO_WAR_SHOCK)));
}

static void
test_concert_forms (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_results_panel_new ());
  EntenteConcertPage *page;
  g_autoptr (EntenteScenario) changed = NULL;
  g_autoptr (EntenteResult) result = NULL;
  g_autofree char *failures = NULL;

  /* Right after a war against a hegemon, among satisfied, trusting powers. */
  changed = test_model_scenario ("S a 50 50 50 0.3 0.1 48 2\n"
                                 "S b 50 50 50 0.3 0.1 52 13\n"
                                 "S c 50 50 50 0.3 0.1 55 37\n"
                                 "P a b 0.6 0.5 0 0\n"
                                 "P a c 0.6 0.5 0 0\n"
                                 "P b c 0.6 0.5 0 0\n"
                                 "Y antihegemonic true\n"
                                 "Y war-shock 1\n"
                                 "Y transparency 0.9\n"
                                 "Y cost-of-war 0.6\n");
  result = test_model_solve (changed);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (panel), changed, result);
  page = ENTENTE_CONCERT_PAGE (entente_results_panel_get_page_widget (ENTENTE_RESULTS_PANEL (panel),
                                                                      "concert"));
  failures = entente_concert_page_dup_failure_text (page);
  g_assert_true (result->concert.forms);
  g_assert_nonnull (strstr (entente_concert_page_get_status (page), "concert forms"));
  g_assert_cmpstr (failures, ==, "");
}

static void
test_landscape (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_results_panel_new ());
  EntenteLandscapePage *page;

  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (panel), fixture->scenario, fixture->result);
  page = ENTENTE_LANDSCAPE_PAGE (entente_results_panel_get_page_widget (ENTENTE_RESULTS_PANEL (panel),
                                                                        "landscape"));
  g_assert_cmpuint (fixture->result->landscape->minima->len, >=, 1);
  g_assert_cmpuint (entente_landscape_page_get_n_rows (page), ==,
                    fixture->result->landscape->minima->len + 1);
  g_assert_cmpuint (fixture->records->len, ==, 0);

  /* The user picks the first minimum, then the current configuration. */
  entente_landscape_page_activate_row (page, 1);
  g_assert_cmpuint (fixture->records->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 0), ==, "minimum 0");
  entente_landscape_page_activate_row (page, 0);
  g_assert_cmpuint (fixture->records->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 1), ==, "minimum -1");

  /* Programmatic selection and a new result keep quiet. */
  entente_results_panel_set_minimum (ENTENTE_RESULTS_PANEL (panel), 0);
  g_assert_cmpint (entente_landscape_page_get_minimum (page), ==, 0);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (panel), fixture->scenario, fixture->result);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (panel), fixture->scenario, NULL);
  g_assert_cmpuint (fixture->records->len, ==, 2);
  g_assert_cmpint (entente_landscape_page_get_minimum (page), ==, 0);
}

static void
test_alignment (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_results_panel_new ());
  EntenteAlignmentPage *page;
  g_autoptr (EntenteScenario) changed = NULL;
  g_autoptr (EntenteResult) result = NULL;
  GtkWidget *first_row;

  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (panel), fixture->scenario, fixture->result);
  page = ENTENTE_ALIGNMENT_PAGE (entente_results_panel_get_page_widget (ENTENTE_RESULTS_PANEL (panel),
                                                                        "alignments"));

  for (guint i = 0; i < fixture->result->n; i++)
    {
      const EntenteStateResult *sr = &fixture->result->states[i];
      g_autofree char *expected =
        entente_format_alignment (entente_scenario_get_state (fixture->scenario, i)->name,
                                  entente_behaviour_get_title (sr->label), sr->bloc,
                                  sr->threat >= 0 ? entente_scenario_get_state (fixture->scenario,
                                                                                sr->threat)->name
                                                  : NULL);

      g_assert_cmpstr (entente_alignment_page_get_row_text (page, i), ==, expected);
    }
  g_assert_true (g_str_has_prefix (entente_alignment_page_get_row_text (page, 1), "Germany: "));
  g_assert_null (entente_alignment_page_get_row_text (page, 4));

  /* A new result updates the same rows. */
  first_row = find_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW);
  changed = changed_scenario (fixture, ENTENTE_CHANGE_STATE, "germany", "intention", "0");
  result = test_model_solve (changed);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (panel), changed, result);
  g_assert_true (find_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW) == first_row);
  for (guint i = 0; i < result->n; i++)
    {
      const EntenteStateResult *sr = &result->states[i];
      g_autofree char *expected =
        entente_format_alignment (entente_scenario_get_state (changed, i)->name,
                                  entente_behaviour_get_title (sr->label), sr->bloc,
                                  sr->threat >= 0 ? entente_scenario_get_state (changed,
                                                                                sr->threat)->name
                                                  : NULL);

      g_assert_cmpstr (entente_alignment_page_get_row_text (page, i), ==, expected);
    }

  /* Selecting a row is a user selection; set_selected is not. */
  entente_results_panel_set_selected (ENTENTE_RESULTS_PANEL (panel), "russia");
  g_assert_cmpuint (fixture->records->len, ==, 0);
  g_signal_emit_by_name (gtk_widget_get_parent (first_row), "row-selected", first_row);
  g_assert_cmpuint (fixture->records->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 0), ==, "selected france");
}

/* Removing or adding a state replaces just its rows, in both lists. */
static void
test_structural (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *states = add_panel (fixture, entente_states_panel_new ());
  GtkWidget *results = add_panel (fixture, entente_results_panel_new ());
  EntenteAlignmentPage *page;
  g_autoptr (EntenteScenario) removed = entente_scenario_copy (fixture->scenario);
  g_autoptr (EntenteScenario) added = NULL;
  g_autoptr (EntenteResult) removed_result = NULL;
  g_autoptr (EntenteResult) added_result = NULL;
  GtkWidget *first_row, *france_row;
  EntenteStateItem *france_item;

  entente_states_panel_set_model (ENTENTE_STATES_PANEL (states), fixture->scenario, fixture->result);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (results), fixture->scenario, fixture->result);
  page = ENTENTE_ALIGNMENT_PAGE (entente_results_panel_get_page_widget (ENTENTE_RESULTS_PANEL (results),
                                                                        "alignments"));
  first_row = find_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW);
  france_row = gtk_widget_get_ancestor (GTK_WIDGET (find_slider (fixture, "Intention of France")),
                                        ENTENTE_TYPE_STATE_ROW);
  france_item = entente_state_row_get_item (ENTENTE_STATE_ROW (france_row));

  entente_scenario_remove_state (removed, entente_scenario_find_state (removed, "germany"));
  removed_result = test_model_solve (removed);
  entente_states_panel_set_model (ENTENTE_STATES_PANEL (states), removed, removed_result);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (results), removed, removed_result);

  g_assert_null (entente_alignment_page_get_row_text (page, 3));
  g_assert_true (g_str_has_prefix (entente_alignment_page_get_row_text (page, 1), "Russia: "));
  g_assert_true (g_str_has_prefix (entente_alignment_page_get_row_text (page, 2), "Britain: "));
  g_assert_true (find_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW) == first_row);
  g_assert_null (find_slider_in (states, "Intention of Germany"));
  g_assert_true (entente_state_row_get_item (ENTENTE_STATE_ROW (gtk_widget_get_ancestor (
    GTK_WIDGET (find_slider (fixture, "Intention of France")), ENTENTE_TYPE_STATE_ROW))) == france_item);

  /* A new state at the end. */
  added = entente_scenario_copy (removed);
  entente_scenario_add_state (added, "Austria");
  added_result = test_model_solve (added);
  entente_states_panel_set_model (ENTENTE_STATES_PANEL (states), added, added_result);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (results), added, added_result);
  g_assert_true (g_str_has_prefix (entente_alignment_page_get_row_text (page, 3), "Austria: "));
  g_assert_nonnull (find_slider (fixture, "Intention of Austria"));
  g_assert_cmpuint (fixture->records->len, ==, 0);
}

/* Every allied dyad (commitment ≥ 0.3) has a row, named for the pair. */
static void
test_alliances (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_results_panel_new ());
  EntenteAlliancePage *page;

  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (panel), fixture->scenario, fixture->result);
  page = ENTENTE_ALLIANCE_PAGE (entente_results_panel_get_page_widget (ENTENTE_RESULTS_PANEL (panel),
                                                                       "alliances"));
  /* france–russia (0.5) and france–uk (0.3) are allied; france–germany (0) is not. */
  g_assert_cmpuint (fixture->result->dyads->len, ==, 2);
  g_assert_true (g_str_has_prefix (entente_alliance_page_get_row_text (page, 0), "France and "));
  g_assert_true (g_str_has_prefix (entente_alliance_page_get_row_text (page, 1), "France and "));
  g_assert_null (entente_alliance_page_get_row_text (page, 2));
}

/* Tab reaches the sliders inside the list's rows, and the editor's. */
static void
test_states_keyboard (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_states_panel_new ());
  g_autoptr (GHashTable) reached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  entente_states_panel_set_model (ENTENTE_STATES_PANEL (panel), fixture->scenario, fixture->result);
  entente_states_panel_set_selected (ENTENTE_STATES_PANEL (panel), "russia");
  g_assert_nonnull (find_slider (fixture, "Military of Russia"));
  wait_frame (panel);

  for (guint i = 0; i < 120; i++)
    {
      GtkWidget *focus;
      GtkWidget *row;

      if (!gtk_widget_child_focus (fixture->window, GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (fixture->window, GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      row = focus ? gtk_widget_get_ancestor (focus, ENTENTE_TYPE_SLIDER_ROW) : NULL;
      if (row != NULL && GTK_IS_SCALE (focus))
        g_hash_table_add (reached,
                          g_strdup (entente_slider_row_get_accessible_name (ENTENTE_SLIDER_ROW (row))));
    }

  g_assert_true (g_hash_table_contains (reached, "Intention of France"));
  g_assert_true (g_hash_table_contains (reached, "Capability of Britain"));
  g_assert_true (g_hash_table_contains (reached, "Military of Russia"));
}

/* The panels let go of everything: no reference cycles through signal
 * handlers, templates or list items. */
static void
test_finalize (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *states = g_object_ref_sink (entente_states_panel_new ());
  GtkWidget *system = g_object_ref_sink (entente_system_panel_new ());
  GtkWidget *results = g_object_ref_sink (entente_results_panel_new ());

  entente_states_panel_set_model (ENTENTE_STATES_PANEL (states), fixture->scenario, fixture->result);
  entente_states_panel_set_selected (ENTENTE_STATES_PANEL (states), "germany");
  entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (system), fixture->scenario, fixture->result);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (results), fixture->scenario, fixture->result);
  for (guint i = 0; i < 6; i++)
    {
      const char *pages[] = { "alignments", "alliances", "concert", "contact", "landscape", "polarity" };

      g_assert_nonnull (entente_results_panel_get_page_widget (ENTENTE_RESULTS_PANEL (results),
                                                               pages[i]));
    }

  g_assert_finalize_object (states);
  g_assert_finalize_object (system);
  g_assert_finalize_object (results);
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *states = add_panel (fixture, entente_states_panel_new ());
  GtkWidget *system = add_panel (fixture, entente_system_panel_new ());
  GtkWidget *results = add_panel (fixture, entente_results_panel_new ());

  entente_states_panel_set_model (ENTENTE_STATES_PANEL (states), fixture->scenario, fixture->result);
  entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (system), fixture->scenario, fixture->result);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (results), fixture->scenario, fixture->result);
  entente_states_panel_set_selected (ENTENTE_STATES_PANEL (states), "germany");
  g_assert_nonnull (find_slider (fixture, "Military of Germany"));
  iterate (20);

  save_png (fixture->window, "panels-alignments.png");
  entente_results_panel_set_page (ENTENTE_RESULTS_PANEL (results), "concert");
  wait_ms (400);
  save_png (fixture->window, "panels-concert.png");
  entente_results_panel_set_page (ENTENTE_RESULTS_PANEL (results), "landscape");
  wait_ms (400);
  save_png (fixture->window, "panels-landscape.png");
  entente_results_panel_set_page (ENTENTE_RESULTS_PANEL (results), "alliances");
  wait_ms (400);
  save_png (fixture->window, "panels-alliances.png");
  entente_results_panel_set_page (ENTENTE_RESULTS_PANEL (results), "polarity");
  wait_ms (400);
  save_png (fixture->window, "panels-polarity.png");
}

/* 500 states: the list is virtual (rows for the visible states only) and a
 * new result updates items, not rows. */
static void
test_states_many (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *states = add_panel (fixture, entente_states_panel_new ());
  GtkWidget *results = add_panel (fixture, entente_results_panel_new ());
  g_autoptr (EntenteScenario) big = entente_scenario_new ();
  g_autoptr (EntenteScenario) changed = NULL;
  g_autoptr (EntenteResult) result = NULL;
  g_autoptr (EntenteResult) result2 = NULL;
  g_autoptr (GError) error = NULL;
  EntenteSliderRow *first;
  guint n_rows = 0;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("State %u", i);
      g_autofree char *id = NULL;
      g_autofree char *value = g_strdup_printf ("%u", 1 + i % 37);

      entente_scenario_add_state (big, name);
      id = g_strdup (entente_scenario_get_state (big, i)->id);
      entente_scenario_set_attribute (big, ENTENTE_CHANGE_STATE, id, NULL, "mil", value, &error);
      g_assert_no_error (error);
    }
  result = entente_model_solve (big, NULL, NULL, &error);
  g_assert_no_error (error);

  changed = entente_scenario_copy (big);
  entente_scenario_set_attribute (changed, ENTENTE_CHANGE_STATE,
                                  entente_scenario_get_state (big, 0)->id, NULL, "intention",
                                  "0.9", &error);
  g_assert_no_error (error);
  result2 = entente_model_solve (changed, result, NULL, &error);
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_frame (states);
  entente_states_panel_set_model (ENTENTE_STATES_PANEL (states), big, result);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (results), big, result);
  wait_frame (states);
  first = find_slider (fixture, "Intention of State 0");
  g_assert_nonnull (first);

  /* Timings are in tests/bench/bench-panels.c. */
  entente_states_panel_set_model (ENTENTE_STATES_PANEL (states), changed, result2);
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (results), changed, result2);
  wait_frame (states);

  g_assert_true (find_slider (fixture, "Intention of State 0") == first);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (entente_slider_row_get_adjustment (first)),
                                  0.9, 1e-9);
  g_assert_cmpuint (fixture->records->len, ==, 0);

  /* Rows exist for the visible part (and GTK's small margin), not all states. */
  for (GtkWidget *w = gtk_widget_get_first_child (find_type (states, GTK_TYPE_LIST_VIEW));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    n_rows++;
  g_assert_cmpuint (n_rows, <, 500);

  /* Selecting a state far down (from the canvas) scrolls its row into being. */
  g_assert_null (find_slider_in (states, "Intention of State 499"));
  entente_states_panel_set_selected (ENTENTE_STATES_PANEL (states),
                                     entente_scenario_get_state (big, 499)->id);
  wait_frame (states);
  wait_frame (states);
  g_assert_nonnull (find_slider (fixture, "Intention of State 499"));
  g_assert_cmpuint (fixture->records->len, ==, 0);
}

static void
step_selected_cb (GtkWidget  *panel,
                  const char *step,
                  Fixture    *fixture)
{
  g_ptr_array_add (fixture->records, g_strdup_printf ("step %s", step ? step : "-"));
}

/* A scenario with a timeline shows the step selector. */
static void
test_system_steps (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_system_panel_new ());
  g_autoptr (GFile) file = entente_scenario_get_bundled ("v01-concert-of-europe.entente");
  g_autoptr (EntenteScenario) scenario = NULL;
  g_autoptr (GError) error = NULL;
  GtkDropDown *steps;
  GListModel *names;
  g_autofree char *expected = NULL;

  if (file == NULL)
    {
      g_test_skip ("v01-concert-of-europe.entente not found");
      return;
    }
  scenario = entente_scenario_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scenario->steps->len, >=, 2);
  g_signal_connect (panel, "step-selected", G_CALLBACK (step_selected_cb), fixture);
  expected = g_strdup_printf ("step %s",
                              ((EntenteStep *) g_ptr_array_index (scenario->steps, 1))->name);
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* Without steps the selector hides. */
  entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (panel), fixture->scenario, NULL);
  steps = GTK_DROP_DOWN (find_type (panel, GTK_TYPE_DROP_DOWN));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (steps)));

  entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (panel), scenario, NULL);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (steps)));
  names = gtk_drop_down_get_model (steps);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, scenario->steps->len + 1);
  g_assert_cmpuint (fixture->records->len, ==, 0);

  gtk_drop_down_set_selected (steps, 2);
  g_assert_cmpuint (fixture->records->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 0), ==, expected);
  gtk_drop_down_set_selected (steps, 0);
  g_assert_cmpuint (fixture->records->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->records, 1), ==, "step -");
}

/* The bundled Libya scenario: contact groups in two phases. A picture. */
static void
test_screenshot_libya (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *results = add_panel (fixture, entente_results_panel_new ());
  g_autoptr (GFile) file = entente_scenario_get_bundled ("v09-libya.entente");
  g_autoptr (EntenteScenario) scenario = NULL;
  g_autoptr (EntenteResult) result = NULL;
  g_autoptr (GError) error = NULL;

  if (file == NULL)
    {
      g_test_skip ("v09-libya.entente not found");
      return;
    }
  scenario = entente_scenario_load_file (file, NULL, &error);
  g_assert_no_error (error);
  result = entente_model_solve (scenario, NULL, NULL, &error);
  g_assert_no_error (error);

  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (results), scenario, result);
  entente_results_panel_set_page (ENTENTE_RESULTS_PANEL (results), "contact");
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_ms (400);
  save_png (fixture->window, "panels-contact.png");
  g_assert_cmpuint (result->contacts->len, >=, 1);
}

/* The captions of a state's sliders are shown whole at the width of the
 * window's side panel ("Capabil…" was cut short), and the two scales
 * still line up. */
static void
test_states_captions (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_states_panel_new ());
  const char *names[] = { "Capability of France", "Intention of France" };
  graphene_point_t origin[2];

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 380, 700);
  entente_states_panel_set_model (ENTENTE_STATES_PANEL (panel), fixture->scenario, fixture->result);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      EntenteSliderRow *row = find_slider (fixture, names[i]);
      GtkWidget *caption, *scale;
      int natural;

      g_assert_nonnull (row);
      wait_frame (GTK_WIDGET (row));
      caption = find_type (GTK_WIDGET (row), GTK_TYPE_LABEL);
      scale = entente_slider_row_get_scale (row);
      g_assert_nonnull (caption);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_NONE);
      gtk_widget_measure (caption, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      g_assert_cmpint (gtk_widget_get_width (caption), >=, natural);
      g_assert_true (gtk_widget_compute_point (scale, fixture->window,
                                               &GRAPHENE_POINT_INIT (0, 0), &origin[i]));
    }
  g_assert_cmpfloat (origin[0].x, ==, origin[1].x);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* With no state at all the polarity page does not call the system
 * "Unipolar" above "Poles: none". */
static void
test_polarity_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *panel = add_panel (fixture, entente_results_panel_new ());
  g_autoptr (EntenteScenario) empty = entente_scenario_new ();
  g_autoptr (EntenteResult) result = test_model_solve (empty);

  entente_results_panel_set_page (ENTENTE_RESULTS_PANEL (panel), "polarity");
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (panel), fixture->scenario, fixture->result);
  g_assert_true (has_label (panel, "Unipolar") || has_label (panel, "Multipolar") ||
                 has_label (panel, "Bipolar"));
  entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (panel), empty, result);
  g_assert_false (has_label (panel, "Unipolar"));
  g_assert_true (has_label (panel, "No states"));
}

/* The numeric entry has room for the longest number of its range:
 * "1500.0" was cut to "1500.(" at a fixed 4 characters. */
static void
test_slider_entry_width (Fixture       *fixture,
                         gconstpointer  data)
{
  EntenteSliderRow *row = ENTENTE_SLIDER_ROW (entente_slider_row_new ());
  GtkEditable *spin = GTK_EDITABLE (entente_slider_row_get_spin_button (row));

  g_object_ref_sink (row);
  entente_slider_row_set_digits (row, 2);
  entente_slider_row_set_range (row, 0.0, 1.0, 0.01);
  g_assert_cmpint (gtk_editable_get_width_chars (spin), >=, (int) strlen ("0.00"));
  entente_slider_row_set_digits (row, 1);
  entente_slider_row_set_range (row, 0.0, 50000.0, 1.0);
  g_assert_cmpint (gtk_editable_get_width_chars (spin), >=, (int) strlen ("50000.0"));
  /* A model value beyond the range widens it, and the entry with it. */
  entente_slider_row_set_value (row, 2500000.0);
  g_assert_cmpint (gtk_editable_get_width_chars (spin), >=, (int) strlen ("2500000.0"));
  entente_slider_row_set_range (row, -1.0, 1.0, 0.01);
  g_assert_cmpint (gtk_editable_get_width_chars (spin), >=, (int) strlen ("-1.0"));
  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  {
    /* The application's stylesheet, so the saved pictures look like the app. */
    g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/entente/panels/states/accessible", test_states_accessible);
  ADD ("/entente/panels/states/emit", test_states_emit);
  ADD ("/entente/panels/states/silent", test_states_silent);
  ADD ("/entente/panels/states/remove-rename", test_states_remove_rename);
  ADD ("/entente/panels/states/user-select", test_states_user_select);
  ADD ("/entente/panels/system/emit", test_system);
  ADD ("/entente/panels/system/steps", test_system_steps);
  ADD ("/entente/panels/concert/failing", test_concert);
  ADD ("/entente/panels/concert/forms", test_concert_forms);
  ADD ("/entente/panels/landscape/select", test_landscape);
  ADD ("/entente/panels/alignment/labels", test_alignment);
  ADD ("/entente/panels/structural", test_structural);
  ADD ("/entente/panels/alliances", test_alliances);
  ADD ("/entente/panels/finalize", test_finalize);
  ADD ("/entente/panels/states/keyboard", test_states_keyboard);
  ADD ("/entente/panels/states/captions", test_states_captions);
  ADD ("/entente/panels/polarity/empty", test_polarity_empty);
  ADD ("/entente/panels/slider/entry-width", test_slider_entry_width);
  ADD ("/entente/panels/screenshot", test_screenshot);
  ADD ("/entente/panels/screenshot-libya", test_screenshot_libya);
  ADD ("/entente/panels/states/many", test_states_many);
#undef ADD

  return g_test_run ();
}
