/* test-document.c: undo/redo, coalescing, dirty flag and files of EntenteDocument
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "entente-document.h"
#include "entente-scenario-io.h"

/* A small world of three states, built by hand so the test does not depend
 * on the bundled files. */
static EntenteScenario *
make_scenario (void)
{
  EntenteScenario *scenario = entente_scenario_new ();
  g_autoptr (GError) error = NULL;

  entente_scenario_set_text (scenario, &scenario->title, "Test world");
  g_assert_cmpint (entente_scenario_insert_state (scenario, "A", "Alpha", &error), ==, 0);
  g_assert_cmpint (entente_scenario_insert_state (scenario, "B", "Beta", &error), ==, 1);
  g_assert_cmpint (entente_scenario_insert_state (scenario, "C", "Gamma", &error), ==, 2);
  g_assert_no_error (error);

  return scenario;
}

static EntenteDocument *
make_document (void)
{
  EntenteDocument *document = entente_document_new ();
  g_autoptr (EntenteScenario) scenario = make_scenario ();

  entente_document_reset (document, scenario, NULL);
  return document;
}

static guint
n_states (EntenteDocument *document)
{
  return entente_scenario_get_n_states (entente_document_get_scenario (document));
}

static double
intention_of (EntenteDocument *document,
              const char      *id)
{
  EntenteScenario *scenario = entente_document_get_scenario (document);
  int index = entente_scenario_find_state (scenario, id);

  g_assert_cmpint (index, >=, 0);
  return entente_scenario_get_state (scenario, index)->intention;
}

static void
set_intention (EntenteDocument *document,
               const char      *id,
               const char      *value)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (entente_document_apply_attribute (document, ENTENTE_CHANGE_STATE, id, NULL,
                                                   "intention", value, &error));
  g_assert_no_error (error);
}

static void
count_cb (gpointer object,
          gpointer pspec_or_null,
          guint   *count)
{
  (*count)++;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_reset_clean (void)
{
  g_autoptr (EntenteDocument) document = make_document ();
  g_autofree char *title = entente_document_dup_title (document);

  g_assert_false (entente_document_get_dirty (document));
  g_assert_false (entente_document_get_can_undo (document));
  g_assert_false (entente_document_get_can_redo (document));
  g_assert_null (entente_document_get_file (document));
  g_assert_cmpstr (title, ==, "Test world");
  g_assert_cmpuint (n_states (document), ==, 3);
}

static void
test_undo_redo (void)
{
  g_autoptr (EntenteDocument) document = make_document ();
  guint changed = 0;

  g_signal_connect (document, "changed", G_CALLBACK (count_cb), &changed);

  set_intention (document, "A", "0.7");
  g_assert_cmpfloat_with_epsilon (intention_of (document, "A"), 0.7, 1e-12);
  g_assert_true (entente_document_get_dirty (document));
  g_assert_true (entente_document_get_can_undo (document));
  g_assert_cmpuint (changed, ==, 1);

  entente_document_close_group (document);
  set_intention (document, "A", "0.9");
  g_assert_cmpuint (entente_document_get_n_undo (document), ==, 2);

  g_assert_true (entente_document_undo (document));
  g_assert_cmpfloat_with_epsilon (intention_of (document, "A"), 0.7, 1e-12);
  g_assert_true (entente_document_get_can_redo (document));
  g_assert_true (entente_document_undo (document));
  g_assert_cmpfloat_with_epsilon (intention_of (document, "A"), 0.2, 1e-12);
  /* Back where it was loaded: clean again. */
  g_assert_false (entente_document_get_dirty (document));
  g_assert_false (entente_document_undo (document));

  g_assert_true (entente_document_redo (document));
  g_assert_cmpfloat_with_epsilon (intention_of (document, "A"), 0.7, 1e-12);
  g_assert_true (entente_document_get_dirty (document));

  /* A new edit after an undo drops the redo branch. */
  set_intention (document, "B", "0.5");
  g_assert_false (entente_document_get_can_redo (document));
  g_assert_cmpuint (changed, ==, 6);
}

static void
test_coalescing (void)
{
  g_autoptr (EntenteDocument) document = make_document ();

  /* A slider drag: many values of one attribute are one undo step. */
  for (int i = 1; i <= 20; i++)
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      set_intention (document, "A", g_ascii_dtostr (value, sizeof value, i / 20.0));
    }
  g_assert_cmpuint (entente_document_get_n_undo (document), ==, 1);
  g_assert_cmpfloat_with_epsilon (intention_of (document, "A"), 1.0, 1e-12);

  /* Another attribute, or another state, is a new step. */
  set_intention (document, "B", "0.4");
  g_assert_cmpuint (entente_document_get_n_undo (document), ==, 2);
  set_intention (document, "A", "0.3");
  g_assert_cmpuint (entente_document_get_n_undo (document), ==, 3);

  g_assert_true (entente_document_undo (document));
  g_assert_true (entente_document_undo (document));
  g_assert_true (entente_document_undo (document));
  g_assert_cmpfloat_with_epsilon (intention_of (document, "A"), 0.2, 1e-12);
  g_assert_false (entente_document_get_dirty (document));
}

static void
test_coalescing_capability (void)
{
  g_autoptr (EntenteDocument) document = make_document ();
  g_autoptr (GError) error = NULL;
  static const char * const keys[] = { "pop", "econ", "mil" };
  EntenteState *state;

  /* The capability slider emits the three components at every step. */
  for (int i = 2; i <= 10; i++)
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      {
        char value[G_ASCII_DTOSTR_BUF_SIZE];

        g_assert_true (entente_document_apply_attribute (document, ENTENTE_CHANGE_STATE, "B",
                                                         NULL, keys[k],
                                                         g_ascii_dtostr (value, sizeof value, i),
                                                         &error));
        g_assert_no_error (error);
      }
  g_assert_cmpuint (entente_document_get_n_undo (document), ==, 1);
  state = entente_scenario_get_state (entente_document_get_scenario (document), 1);
  g_assert_cmpfloat (state->mil, ==, 10.0);

  g_assert_true (entente_document_undo (document));
  g_assert_false (entente_document_get_dirty (document));
}

static void
test_same_value_is_no_edit (void)
{
  g_autoptr (EntenteDocument) document = make_document ();
  g_autofree char *value = entente_scenario_get_attribute (entente_document_get_scenario (document),
                                                           ENTENTE_CHANGE_STATE, "A", NULL,
                                                           "intention");

  set_intention (document, "A", value);
  g_assert_false (entente_document_get_dirty (document));
  g_assert_false (entente_document_get_can_undo (document));
}

static void
test_invalid_value (void)
{
  g_autoptr (EntenteDocument) document = make_document ();
  g_autoptr (GError) error = NULL;

  g_assert_false (entente_document_apply_attribute (document, ENTENTE_CHANGE_STATE, "A", NULL,
                                                    "intention", "7", &error));
  g_assert_nonnull (error);
  g_assert_false (entente_document_get_dirty (document));
  g_assert_false (entente_document_get_can_undo (document));
  g_assert_cmpfloat_with_epsilon (intention_of (document, "A"), 0.2, 1e-12);
}

static void
test_structural (void)
{
  g_autoptr (EntenteDocument) document = make_document ();
  EntenteScenario *scenario;
  guint index;

  index = entente_document_add_state (document, "Delta");
  scenario = entente_document_get_scenario (document);
  g_assert_cmpuint (index, ==, 3);
  g_assert_cmpuint (entente_scenario_get_n_states (scenario), ==, 4);

  g_assert_true (entente_document_remove_state (document, "B"));
  g_assert_false (entente_document_remove_state (document, "nope"));
  scenario = entente_document_get_scenario (document);
  g_assert_cmpuint (entente_scenario_get_n_states (scenario), ==, 3);
  g_assert_cmpint (entente_scenario_find_state (scenario, "B"), ==, -1);

  g_assert_true (entente_document_move_node (document, "C", 48.5, 2.25));
  scenario = entente_document_get_scenario (document);
  index = entente_scenario_find_state (scenario, "C");
  g_assert_true (entente_scenario_get_state (scenario, index)->has_node_position);

  g_assert_cmpuint (entente_document_get_n_undo (document), ==, 3);
  g_assert_true (entente_document_undo (document));
  g_assert_true (entente_document_undo (document));
  scenario = entente_document_get_scenario (document);
  g_assert_cmpint (entente_scenario_find_state (scenario, "B"), ==, 1);
  g_assert_false (entente_scenario_get_state (scenario, 2)->has_node_position);
  g_assert_true (entente_document_undo (document));
  g_assert_cmpuint (n_states (document), ==, 3);
  g_assert_false (entente_document_get_dirty (document));
}

static void
test_snapshot_is_a_copy (void)
{
  g_autoptr (EntenteDocument) document = make_document ();
  g_autoptr (EntenteScenario) snapshot = entente_document_dup_snapshot (document);

  g_assert_true (snapshot != entente_document_get_scenario (document));
  set_intention (document, "A", "0.8");
  /* The snapshot handed to the model thread never changes. */
  g_assert_cmpfloat_with_epsilon (entente_scenario_get_state (snapshot, 0)->intention, 0.2, 1e-12);
}

static void
test_view_flags (void)
{
  g_autoptr (EntenteDocument) document = make_document ();
  gboolean threats = entente_document_get_scenario (document)->view.show_threats;

  entente_document_set_view_flag (document, "threats", !threats);
  g_assert_cmpint (entente_document_get_scenario (document)->view.show_threats, ==, !threats);
  g_assert_true (entente_document_get_dirty (document));
  g_assert_true (entente_document_undo (document));
  g_assert_cmpint (entente_document_get_scenario (document)->view.show_threats, ==, threats);
}

static void
test_save_open (void)
{
  g_autoptr (EntenteDocument) document = make_document ();
  g_autoptr (EntenteDocument) other = entente_document_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-document-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *title = NULL;
  guint dirty_notifies = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "world.entente", NULL);
  file = g_file_new_for_path (path);

  set_intention (document, "C", "0.65");
  g_signal_connect (document, "notify::dirty", G_CALLBACK (count_cb), &dirty_notifies);
  g_assert_true (entente_document_save (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (entente_document_get_dirty (document));
  g_assert_cmpuint (dirty_notifies, ==, 1);
  g_assert_true (g_file_equal (entente_document_get_file (document), file));
  title = entente_document_dup_title (document);
  g_assert_cmpstr (title, ==, "world.entente");

  /* Undo past the save point: dirty again; redo to it: clean. */
  g_assert_true (entente_document_undo (document));
  g_assert_true (entente_document_get_dirty (document));
  g_assert_true (entente_document_redo (document));
  g_assert_false (entente_document_get_dirty (document));

  entente_document_load_async (other, file, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (entente_document_load_finish (other, result, &error));
  g_assert_no_error (error);
  g_assert_true (entente_scenario_equal (entente_document_get_scenario (document),
                                         entente_document_get_scenario (other)));
  g_assert_false (entente_document_get_dirty (other));
  g_assert_cmpfloat_with_epsilon (intention_of (other, "C"), 0.65, 1e-12);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_open_bad_file_keeps_document (void)
{
  g_autoptr (EntenteDocument) document = make_document ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-document-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.entente", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GAsyncResult *result = NULL;

  set_intention (document, "A", "0.5");
  g_assert_true (g_file_set_contents (path, "<scenario><state", -1, &error));

  entente_document_load_async (document, file, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (entente_document_load_finish (document, result, &error));
  g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_MALFORMED);
  g_clear_object (&result);

  /* Untouched: same edit, same history, same (absent) file. */
  g_assert_cmpfloat_with_epsilon (intention_of (document, "A"), 0.5, 1e-12);
  g_assert_true (entente_document_get_dirty (document));
  g_assert_true (entente_document_get_can_undo (document));
  g_assert_null (entente_document_get_file (document));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_step (void)
{
  g_autoptr (EntenteDocument) document = entente_document_new ();
  g_autoptr (EntenteScenario) scenario = make_scenario ();
  g_autoptr (EntenteScenario) snapshot = NULL;
  EntenteStep *step = entente_step_new ("later");

  g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_STATE, "A", NULL,
                                                      "intention", "0.9"));
  g_ptr_array_add (scenario->steps, step);
  entente_document_reset (document, scenario, NULL);

  g_assert_false (entente_document_set_step (document, "never"));
  g_assert_true (entente_document_set_step (document, "later"));
  g_assert_cmpstr (entente_document_get_step (document), ==, "later");
  snapshot = entente_document_dup_snapshot (document);
  g_assert_cmpfloat_with_epsilon (entente_scenario_get_state (snapshot, 0)->intention, 0.9, 1e-12);
  /* The base scenario is what is edited and saved. */
  g_assert_cmpfloat_with_epsilon (intention_of (document, "A"), 0.2, 1e-12);

  g_assert_true (entente_document_undo (document));
  g_assert_null (entente_document_get_step (document));
}

int
main (int   argc,
      char *argv[])
{
  xmlInitParser ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/document/reset-clean", test_reset_clean);
  g_test_add_func ("/entente/document/undo-redo", test_undo_redo);
  g_test_add_func ("/entente/document/coalescing", test_coalescing);
  g_test_add_func ("/entente/document/coalescing-capability", test_coalescing_capability);
  g_test_add_func ("/entente/document/same-value", test_same_value_is_no_edit);
  g_test_add_func ("/entente/document/invalid-value", test_invalid_value);
  g_test_add_func ("/entente/document/structural", test_structural);
  g_test_add_func ("/entente/document/snapshot", test_snapshot_is_a_copy);
  g_test_add_func ("/entente/document/view-flags", test_view_flags);
  g_test_add_func ("/entente/document/save-open", test_save_open);
  g_test_add_func ("/entente/document/open-bad-file", test_open_bad_file_keeps_document);
  g_test_add_func ("/entente/document/step", test_step);

  return g_test_run ();
}
