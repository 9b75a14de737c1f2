/* entente-window.c: the explorer window: template, document, model thread
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-window"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-application.h"
#include "entente-window-private.h"

#include "core/entente-scenario-io.h"

/* The panels and the canvas are other files of the same program; the window
 * builds without any of them, so each part can land on its own. */
#if __has_include ("entente-canvas.c")
# include "entente-canvas.h"
# define HAVE_CANVAS 1
#endif
#if __has_include ("entente-states-panel.c")
# include "entente-states-panel.h"
# define HAVE_STATES_PANEL 1
#endif
#if __has_include ("entente-system-panel.c")
# include "entente-system-panel.h"
# define HAVE_SYSTEM_PANEL 1
#endif
#if __has_include ("entente-results-panel.c")
# include "entente-results-panel.h"
# define HAVE_RESULTS_PANEL 1
#endif

G_DEFINE_FINAL_TYPE (EntenteWindow, entente_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_RESULT,
  PROP_SHOW_THREATS,
  PROP_SHOW_HULLS,
  PROP_SHOW_LABELS,
  PROP_SHOW_LEGEND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A result that takes longer than this (about a frame) shows the spinner. */
#define COMPUTING_DELAY_MS 20
/* Slider changes further apart than this are separate undo steps. */
#define GROUP_TIMEOUT_MS 1000

static const char * const view_flags[] = { "threats", "hulls", "labels", "legend" };

static gboolean
get_view_flag (EntenteWindow *self,
               guint          flag)
{
  EntenteScenario *scenario;

  /* The property actions read the flags while the template is built, before
   * there is a document. */
  if (self->document == NULL)
    return TRUE;

  scenario = entente_document_get_scenario (self->document);
  switch (flag)
    {
    case 0: return scenario->view.show_threats;
    case 1: return scenario->view.show_hulls;
    case 2: return scenario->view.show_labels;
    case 3: return scenario->view.show_legend;
    default: g_assert_not_reached ();
    }
}

/* Hands scenario and result to every view; the scenario is an immutable
 * snapshot (result->scenario, or a fresh copy while the first result is on
 * its way). */
static void
set_views_model (EntenteWindow   *self,
                 EntenteScenario *scenario,
                 EntenteResult   *result)
{
#ifdef HAVE_CANVAS
  if (self->canvas != NULL)
    entente_canvas_set_model (ENTENTE_CANVAS (self->canvas), scenario, result);
#endif
#ifdef HAVE_STATES_PANEL
  if (self->states_panel != NULL)
    entente_states_panel_set_model (ENTENTE_STATES_PANEL (self->states_panel), scenario, result);
#endif
#ifdef HAVE_SYSTEM_PANEL
  if (self->system_panel != NULL)
    entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (self->system_panel), scenario, result);
#endif
#ifdef HAVE_RESULTS_PANEL
  if (self->results_panel != NULL)
    entente_results_panel_set_model (ENTENTE_RESULTS_PANEL (self->results_panel),
                                     scenario, result);
#endif
}

static void
update_title (EntenteWindow *self)
{
  g_autofree char *title = entente_document_dup_title (self->document);
  g_autofree char *window_title = NULL;
  EntenteScenario *scenario = entente_document_get_scenario (self->document);
  GFile *file = entente_document_get_file (self->document);
  gboolean dirty = entente_document_get_dirty (self->document);
  g_autofree char *subtitle = NULL;

  if (dirty)
    {
      /* The unsaved mark after the name, as GNOME's editors show it. */
      g_autofree char *marked = g_strdup_printf ("%s •", title);

      gtk_label_set_label (self->title_label, marked);
      window_title = g_strdup_printf ("%s — Entente", marked);
    }
  else
    {
      gtk_label_set_label (self->title_label, title);
      window_title = g_strdup_printf ("%s — Entente", title);
    }
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  if (file != NULL && scenario->title != NULL && scenario->title[0] != '\0')
    subtitle = g_strdup (scenario->title);
  else if (file == NULL && self->bundled && !dirty)
    subtitle = g_strdup (_("Example scenario"));
  else if (file == NULL)
    subtitle = g_strdup (_("Not saved"));
  else
    {
      g_autoptr (GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        subtitle = g_file_get_parse_name (parent);
    }

  if (entente_document_get_step (self->document) != NULL)
    {
      g_autofree char *with_step =
        g_strdup_printf (_("%s — step %s"), subtitle ? subtitle : "",
                         entente_document_get_step (self->document));

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_step);
    }

  gtk_label_set_label (self->subtitle_label, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
}

static void
sync_view_flags (EntenteWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (view_flags); i++)
    {
      g_autofree char *name = g_strdup_printf ("show-%s", view_flags[i]);
      gboolean value = get_view_flag (self, i);
      gboolean shown = FALSE;

      if (self->canvas != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (self->canvas),
                                                                name) != NULL)
        {
          g_object_get (self->canvas, name, &shown, NULL);
          if (shown != value)
            g_object_set (self->canvas, name, value, NULL);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_THREATS + i]);
    }
}

static void
document_changed_cb (EntenteWindow   *self,
                     EntenteDocument *document)
{
  g_autoptr (EntenteScenario) snapshot = entente_document_dup_snapshot (document);

  self->pristine = FALSE;
  entente_solver_request (self->solver, snapshot);

  update_title (self);
  sync_view_flags (self);
  _entente_window_actions_update (self);
}

static void
document_reset_cb (EntenteWindow   *self,
                   EntenteDocument *document)
{
  /* A different world: the last result must not warm-start the next one,
   * and the selection may name a state that no longer exists. */
  entente_solver_forget (self->solver);
  _entente_window_select (self, NULL);
  self->bundled = FALSE;
}

static void
document_notify_cb (EntenteWindow *self)
{
  update_title (self);
  _entente_window_actions_update (self);
}

static void
solver_result_cb (EntenteWindow *self,
                  EntenteResult *result,
                  guint          generation,
                  EntenteSolver *solver)
{
  if (self->result != result)
    {
      g_clear_pointer (&self->result, entente_result_unref);
      self->result = entente_result_ref (result);
    }

  set_views_model (self, result->scenario, result);
  _entente_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

static void
solver_failed_cb (EntenteWindow *self,
                  GError        *error,
                  guint          generation,
                  EntenteSolver *solver)
{
  g_autofree char *message = g_strdup_printf (_("The model failed: %s"), error->message);

  _entente_window_show_error (self, message);
}

static void
set_computing (EntenteWindow *self,
               gboolean       computing)
{
  gtk_spinner_set_spinning (self->spinner, computing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), computing);
#ifdef HAVE_CANVAS
  if (self->canvas != NULL)
    entente_canvas_set_computing (ENTENTE_CANVAS (self->canvas), computing);
#endif
}

static gboolean
computing_timeout_cb (gpointer user_data)
{
  EntenteWindow *self = user_data;

  self->computing_id = 0;
  set_computing (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
solver_busy_cb (EntenteWindow *self)
{
  if (entente_solver_get_busy (self->solver))
    {
      /* Most results land within a frame: only a slow one shows that it is
       * on its way, so fast drags do not flicker. */
      if (self->computing_id == 0 && !gtk_spinner_get_spinning (self->spinner))
        self->computing_id = g_timeout_add (COMPUTING_DELAY_MS, computing_timeout_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->computing_id, g_source_remove);
      set_computing (self, FALSE);
    }
}

static gboolean
group_timeout_cb (gpointer user_data)
{
  EntenteWindow *self = user_data;

  self->group_id = 0;
  entente_document_close_group (self->document);

  return G_SOURCE_REMOVE;
}

static void
attribute_changed_cb (EntenteWindow *self,
                      int            target,
                      const char    *a,
                      const char    *b,
                      const char    *key,
                      const char    *value)
{
  g_autoptr (GError) error = NULL;

  if (!entente_document_apply_attribute (self->document, target, a, b, key, value, &error))
    {
      _entente_window_show_error (self, error->message);
      return;
    }

  /* A drag is one undo step: changes of the same slider coalesce, and a
   * pause ends the group so the next drag is a step of its own. */
  g_clear_handle_id (&self->group_id, g_source_remove);
  self->group_id = g_timeout_add (GROUP_TIMEOUT_MS, group_timeout_cb, self);
}

static void
state_remove_requested_cb (EntenteWindow *self,
                           const char    *id)
{
  entente_document_remove_state (self->document, id);
}

static void
state_selected_cb (EntenteWindow *self,
                   const char    *id)
{
  _entente_window_select (self, id);
}

static void
minimum_selected_cb (EntenteWindow *self,
                     int            index)
{
#ifdef HAVE_CANVAS
  if (self->canvas != NULL)
    entente_canvas_set_minimum (ENTENTE_CANVAS (self->canvas), index);
#endif
}

static void
step_selected_cb (EntenteWindow *self,
                  const char    *step)
{
  if (!entente_document_set_step (self->document, step))
    _entente_window_show_error (self, _("This timeline step does not exist"));
}

#ifdef HAVE_CANVAS
static void
canvas_state_moved_cb (EntenteWindow *self,
                       const char    *id,
                       double         lat,
                       double         lon)
{
  entente_document_move_node (self->document, id, lat, lon);
}

static void
canvas_state_activated_cb (EntenteWindow *self,
                           const char    *id)
{
  _entente_window_select (self, id);
  gtk_stack_set_visible_child_name (self->edit_stack, "states");
}

static void
canvas_notify_selected_cb (EntenteWindow *self)
{
  g_autofree char *id = NULL;

  g_object_get (self->canvas, "selected", &id, NULL);
  _entente_window_select (self, id);
}
#endif

/* Connects @handler to @signal only when @widget has it, so a panel that has
 * not grown a signal yet does not break the window. */
static void
connect_if (GtkWidget  *widget,
            const char *signal,
            GCallback   handler,
            gpointer    self)
{
  gboolean exists;

  if (widget == NULL)
    return;

  /* "notify::x" is a detailed signal: check the property behind it. */
  if (g_str_has_prefix (signal, "notify::"))
    exists = g_object_class_find_property (G_OBJECT_GET_CLASS (widget),
                                           signal + strlen ("notify::")) != NULL;
  else
    exists = g_signal_lookup (signal, G_OBJECT_TYPE (widget)) != 0;

  if (exists)
    g_signal_connect_object (widget, signal, handler, self, G_CONNECT_SWAPPED);
}

G_GNUC_UNUSED static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_vexpand (label, TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
embed (GtkBox    *slot,
       GtkWidget *child)
{
  gtk_widget_set_vexpand (child, TRUE);
  gtk_widget_set_hexpand (child, TRUE);
  gtk_box_append (slot, child);
}

static void
connect_panel (EntenteWindow *self,
               GtkWidget     *panel)
{
  connect_if (panel, "attribute-changed", G_CALLBACK (attribute_changed_cb), self);
  connect_if (panel, "state-remove-requested", G_CALLBACK (state_remove_requested_cb), self);
  connect_if (panel, "state-selected", G_CALLBACK (state_selected_cb), self);
  connect_if (panel, "minimum-selected", G_CALLBACK (minimum_selected_cb), self);
  connect_if (panel, "step-selected", G_CALLBACK (step_selected_cb), self);
}

#ifdef HAVE_SYSTEM_PANEL
static void
ensure_system_panel (EntenteWindow *self)
{
  g_autoptr (EntenteScenario) snapshot = NULL;

  if (self->system_panel != NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->edit_stack), "system") != 0)
    return;

  self->system_panel = entente_system_panel_new ();
  embed (self->system_slot, self->system_panel);
  connect_panel (self, self->system_panel);

  /* What the other views show: the last result, or the document while the
   * first result is on its way. */
  if (self->result != NULL)
    entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (self->system_panel),
                                    self->result->scenario, self->result);
  else if (self->document != NULL)
    {
      snapshot = entente_document_dup_snapshot (self->document);
      entente_system_panel_set_model (ENTENTE_SYSTEM_PANEL (self->system_panel), snapshot, NULL);
    }
}
#endif

static void
create_views (EntenteWindow *self)
{
#ifdef HAVE_CANVAS
  self->canvas = entente_canvas_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Alliance network"),
                                  -1);
  connect_if (self->canvas, "state-moved", G_CALLBACK (canvas_state_moved_cb), self);
  connect_if (self->canvas, "state-activated", G_CALLBACK (canvas_state_activated_cb), self);
  connect_if (self->canvas, "notify::selected", G_CALLBACK (canvas_notify_selected_cb), self);
  embed (self->canvas_slot, self->canvas);
#else
  embed (self->canvas_slot, placeholder (_("The alliance network will be drawn here")));
#endif

#ifdef HAVE_STATES_PANEL
  self->states_panel = entente_states_panel_new ();
  embed (self->states_slot, self->states_panel);
#else
  embed (self->states_slot, placeholder (_("States")));
#endif

#ifdef HAVE_SYSTEM_PANEL
  /* The system panel is a page nobody sees at startup: it is built the first
   * time its page is shown (a fifth of the window's widgets). */
  g_signal_connect_object (self->edit_stack, "notify::visible-child",
                           G_CALLBACK (ensure_system_panel), self, G_CONNECT_SWAPPED);
#else
  embed (self->system_slot, placeholder (_("System")));
#endif

#ifdef HAVE_RESULTS_PANEL
  self->results_panel = entente_results_panel_new ();
  embed (self->results_slot, self->results_panel);
#else
  embed (self->results_slot, placeholder (_("Results")));
#endif

  connect_panel (self, self->states_panel);
  connect_panel (self, self->results_panel);
}

/* Sets the "selected" property of @widget to @id when it has one and differs. */
static void
set_selected_on (GtkWidget  *widget,
                 const char *id)
{
  g_autofree char *current = NULL;

  if (widget == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (widget),
                                                      "selected") == NULL)
    return;

  g_object_get (widget, "selected", &current, NULL);
  if (g_strcmp0 (current, id) != 0)
    g_object_set (widget, "selected", id, NULL);
}

void
_entente_window_select (EntenteWindow *self,
                        const char    *id)
{
  g_assert (ENTENTE_IS_WINDOW (self));

  if (g_strcmp0 (self->selected, id) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (id);

  set_selected_on (self->canvas, id);
  set_selected_on (self->states_panel, id);
  set_selected_on (self->results_panel, id);
  _entente_window_actions_update (self);
}

void
_entente_window_set_view_flag (EntenteWindow *self,
                               const char    *key,
                               gboolean       value)
{
  entente_document_set_view_flag (self->document, key, value);
  /* Remembered for the next new scenario. */
  if (self->settings != NULL)
    {
      g_autofree char *name = g_strdup_printf ("show-%s", key);

      g_settings_set_boolean (self->settings, name, value);
    }
}

/* The bundled default scenario, or an empty one (with the loader's error
 * shown) if it cannot be read. */
void
_entente_window_load_default (EntenteWindow *self)
{
  g_autoptr (GFile) file = entente_scenario_get_bundled ("default.entente");
  g_autoptr (EntenteScenario) scenario = NULL;
  g_autoptr (GError) error = NULL;

  if (file != NULL)
    scenario = entente_scenario_load_file (file, NULL, &error);

  if (scenario == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The default scenario could not be opened: %s"),
                         error ? error->message : _("not installed"));

      _entente_window_new_document (self);
      _entente_window_show_error (self, message);
      self->pristine = TRUE;
      return;
    }

  /* Not bound to the bundled file: Save asks where to put the copy. */
  entente_document_reset (self->document, scenario, NULL);
  self->pristine = TRUE;
  self->bundled = TRUE;
  update_title (self);
}

void
_entente_window_new_document (EntenteWindow *self)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();

  entente_scenario_set_text (scenario, &scenario->title, _("New scenario"));
  entente_scenario_add_state (scenario, _("State A"));
  entente_scenario_add_state (scenario, _("State B"));
  entente_scenario_add_state (scenario, _("State C"));
  /* A new scenario shows what the user last chose to see. */
  if (self->settings != NULL)
    {
      scenario->view.show_threats = g_settings_get_boolean (self->settings, "show-threats");
      scenario->view.show_hulls = g_settings_get_boolean (self->settings, "show-hulls");
      scenario->view.show_labels = g_settings_get_boolean (self->settings, "show-labels");
      scenario->view.show_legend = g_settings_get_boolean (self->settings, "show-legend");
    }
  entente_document_reset (self->document, scenario, NULL);
}

static void
restore_size (EntenteWindow *self)
{
  int width = 1280, height = 800;
  gboolean maximized = FALSE;

  if (self->settings != NULL)
    {
      width = g_settings_get_int (self->settings, "window-width");
      height = g_settings_get_int (self->settings, "window-height");
      maximized = g_settings_get_boolean (self->settings, "window-maximized");
    }

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 640), MAX (height, 480));
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_size (EntenteWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
entente_window_close_request (GtkWindow *window)
{
  EntenteWindow *self = ENTENTE_WINDOW (window);

  /* Unsaved work is never dropped silently: ask, and close later. */
  if (!self->close_confirmed && entente_document_get_dirty (self->document))
    {
      _entente_window_confirm (self, ENTENTE_CONTINUE_CLOSE, NULL);
      return TRUE;
    }

  save_size (self);
  entente_solver_cancel (self->solver);

  return GTK_WINDOW_CLASS (entente_window_parent_class)->close_request (window);
}

static void
entente_window_constructed (GObject *object)
{
  EntenteWindow *self = ENTENTE_WINDOW (object);

  G_OBJECT_CLASS (entente_window_parent_class)->constructed (object);

  /* A window made for a file does not load, draw and compute the example
   * first: the file's load (in a thread) usually ends before the first
   * frame; if it fails, the example comes in with the error. */
  if (self->initial_file != NULL)
    _entente_window_load (self, self->initial_file);
  else
    _entente_window_load_default (self);
  _entente_window_update_recent (self);
  _entente_window_actions_update (self);
}

static void
entente_window_dispose (GObject *object)
{
  EntenteWindow *self = (EntenteWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->computing_id, g_source_remove);
  g_clear_handle_id (&self->group_id, g_source_remove);
  if (self->solver != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->solver, self);
      entente_solver_cancel (self->solver);
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->export_dialog != NULL)
    gtk_window_destroy (self->export_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_WINDOW);

  g_clear_object (&self->solver);
  g_clear_object (&self->document);
  g_clear_pointer (&self->result, entente_result_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (entente_window_parent_class)->dispose (object);
}

static void
entente_window_finalize (GObject *object)
{
  EntenteWindow *self = (EntenteWindow *)object;

  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_object (&self->initial_file);

  G_OBJECT_CLASS (entente_window_parent_class)->finalize (object);
}

static void
entente_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntenteWindow *self = ENTENTE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_RESULT:
      g_value_set_boxed (value, self->result);
      break;

    case PROP_SHOW_THREATS:
    case PROP_SHOW_HULLS:
    case PROP_SHOW_LABELS:
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, get_view_flag (self, prop_id - PROP_SHOW_THREATS));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EntenteWindow *self = ENTENTE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_set_object (&self->initial_file, g_value_get_object (value));
      break;

    case PROP_SHOW_THREATS:
    case PROP_SHOW_HULLS:
    case PROP_SHOW_LABELS:
    case PROP_SHOW_LEGEND:
      _entente_window_set_view_flag (self, view_flags[prop_id - PROP_SHOW_THREATS],
                                     g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
info_bar_response_cb (EntenteWindow *self,
                      int            response)
{
  _entente_window_hide_error (self);
}

static void
entente_window_class_init (EntenteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = entente_window_constructed;
  object_class->dispose = entente_window_dispose;
  object_class->finalize = entente_window_finalize;
  object_class->get_property = entente_window_get_property;
  object_class->set_property = entente_window_set_property;
  window_class->close_request = entente_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENTENTE_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT] =
    g_param_spec_boxed ("result", NULL, NULL, ENTENTE_TYPE_RESULT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, info_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, edit_stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, states_slot);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, system_slot);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, results_slot);
  gtk_widget_class_bind_template_child (widget_class, EntenteWindow, canvas_slot);
  gtk_widget_class_bind_template_callback (widget_class, info_bar_response_cb);

  _entente_window_class_actions_init (widget_class);
}

static void
entente_window_init (EntenteWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = entente_settings_new_or_null ();
  self->document = entente_document_new ();
  self->solver = entente_solver_new ();

  create_views (self);

  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "reset",
                           G_CALLBACK (document_reset_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::dirty",
                           G_CALLBACK (document_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::title",
                           G_CALLBACK (document_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->solver, "result",
                           G_CALLBACK (solver_result_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->solver, "failed",
                           G_CALLBACK (solver_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->solver, "notify::busy",
                           G_CALLBACK (solver_busy_cb), self, G_CONNECT_SWAPPED);

  restore_size (self);
  _entente_window_files_init (self);
}


EntenteWindow *
entente_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (ENTENTE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

EntenteWindow *
entente_window_new_for_file (GtkApplication *application,
                             GFile          *file)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (ENTENTE_TYPE_WINDOW,
                       "application", application,
                       "file", file,
                       NULL);
}

/**
 * entente_window_get_document:
 *
 * Returns: (transfer none): the window's document
 */
EntenteDocument *
entente_window_get_document (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * entente_window_get_solver:
 *
 * Returns: (transfer none): the window's model thread
 */
EntenteSolver *
entente_window_get_solver (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->solver;
}

/**
 * entente_window_get_result:
 *
 * Returns: (transfer none) (nullable): the result shown
 */
EntenteResult *
entente_window_get_result (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->result;
}

void
entente_window_open_file (EntenteWindow *self,
                          GFile         *file)
{
  g_return_if_fail (ENTENTE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _entente_window_confirm (self, ENTENTE_CONTINUE_OPEN_FILE, file);
}

gboolean
entente_window_is_pristine (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), FALSE);

  return self->pristine && !entente_document_get_dirty (self->document);
}

const char *
entente_window_get_error (EntenteWindow *self)
{
  g_return_val_if_fail (ENTENTE_IS_WINDOW (self), NULL);

  return self->error_message;
}
