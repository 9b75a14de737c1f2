/* entente-window-actions.c: the window's commands, their keys, and when they apply
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-window-private.h"

#if __has_include ("entente-canvas.c")
# include "entente-canvas.h"
# define HAVE_CANVAS 1
#endif
#if __has_include ("entente-export-dialog.c")
# include "entente-export-dialog.h"
# define HAVE_EXPORT_DIALOG 1
#endif

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  _entente_window_confirm (ENTENTE_WINDOW (widget), ENTENTE_CONTINUE_NEW, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _entente_window_confirm (ENTENTE_WINDOW (widget), ENTENTE_CONTINUE_OPEN_CHOOSER, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  entente_window_open_file (ENTENTE_WINDOW (widget), file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _entente_window_save (ENTENTE_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _entente_window_save (ENTENTE_WINDOW (widget), TRUE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  entente_document_undo (ENTENTE_WINDOW (widget)->document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  entente_document_redo (ENTENTE_WINDOW (widget)->document);
}

#ifdef HAVE_EXPORT_DIALOG
static void
export_dialog_destroyed_cb (EntenteWindow *self)
{
  self->export_dialog = NULL;
}
#endif

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  if (self->result == NULL)
    return;

#ifdef HAVE_EXPORT_DIALOG
  if (self->export_dialog == NULL)
    {
      self->export_dialog = entente_export_dialog_new (GTK_WINDOW (self),
                                                       self->result->scenario, self->result);
      g_signal_connect_object (self->export_dialog, "destroy",
                               G_CALLBACK (export_dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (self->export_dialog);
#else
  _entente_window_show_error (self, _("Figure export is not available in this build"));
#endif
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
#ifdef HAVE_CANVAS
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  EntenteCanvas *canvas = ENTENTE_CANVAS (self->canvas);

  if (g_str_equal (action_name, "win.zoom-in"))
    entente_canvas_zoom_in (canvas);
  else if (g_str_equal (action_name, "win.zoom-out"))
    entente_canvas_zoom_out (canvas);
  else
    entente_canvas_zoom_fit (canvas);
#endif
}

static void
add_state_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  EntenteScenario *scenario;
  guint index;

  index = entente_document_add_state (self->document, _("New state"));
  scenario = entente_document_get_scenario (self->document);
  _entente_window_select (self, entente_scenario_get_state (scenario, index)->id);
  gtk_stack_set_visible_child_name (self->edit_stack, "states");
}

static void
remove_state_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  g_autofree char *id = g_strdup (self->selected);

  if (id == NULL)
    return;

  _entente_window_select (self, NULL);
  entente_document_remove_state (self->document, id);
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);
  /* "win.toggle-threats" → the "show-threats" property. */
  g_autofree char *property = g_strconcat ("show-", action_name + strlen ("win.toggle-"), NULL);
  gboolean value;

  g_object_get (self, property, &value, NULL);
  g_object_set (self, property, !value, NULL);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EntenteWindow *self = ENTENTE_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->edit_stack, g_variant_get_string (parameter, NULL));
}

/* The shortcuts window is built the first time it is asked for: GTK would
 * build gtk/help-overlay.ui for every new window, before its first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _entente_window_hide_error (ENTENTE_WINDOW (widget));
}

void
_entente_window_class_actions_init (GtkWidgetClass *widget_class)
{
  static const struct {
    const char *name;
    const char *parameter_type;
    GtkWidgetActionActivateFunc activate;
    guint key;
    GdkModifierType mods;
  } actions[] = {
    { "win.new", NULL, new_action, GDK_KEY_n, GDK_CONTROL_MASK },
    { "win.open", NULL, open_action, GDK_KEY_o, GDK_CONTROL_MASK },
    { "win.open-recent", "s", open_recent_action, 0, 0 },
    { "win.save", NULL, save_action, GDK_KEY_s, GDK_CONTROL_MASK },
    { "win.save-as", NULL, save_as_action, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "win.undo", NULL, undo_action, GDK_KEY_z, GDK_CONTROL_MASK },
    { "win.redo", NULL, redo_action, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "win.export", NULL, export_action, GDK_KEY_e, GDK_CONTROL_MASK },
    { "win.zoom-fit", NULL, zoom_action, GDK_KEY_0, GDK_CONTROL_MASK },
    { "win.zoom-in", NULL, zoom_action, GDK_KEY_plus, GDK_CONTROL_MASK },
    { "win.zoom-out", NULL, zoom_action, GDK_KEY_minus, GDK_CONTROL_MASK },
    { "win.add-state", NULL, add_state_action, GDK_KEY_Insert, 0 },
    { "win.remove-state", NULL, remove_state_action, GDK_KEY_Delete, 0 },
    { "win.toggle-threats", NULL, toggle_action, GDK_KEY_t, 0 },
    { "win.toggle-hulls", NULL, toggle_action, GDK_KEY_h, 0 },
    { "win.toggle-labels", NULL, toggle_action, GDK_KEY_l, 0 },
    { "win.toggle-legend", NULL, toggle_action, GDK_KEY_g, 0 },
    { "win.show-page", "s", show_page_action, 0, 0 },
    { "win.dismiss-error", NULL, dismiss_error_action, 0, 0 },
    { "win.show-help-overlay", NULL, show_help_overlay_action, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      gtk_widget_class_install_action (widget_class, actions[i].name,
                                       actions[i].parameter_type, actions[i].activate);
      /* Class bindings run after the focused widget had the key: typing "t"
       * in a name entry or Delete in a spin button stays with them. */
      if (actions[i].key != 0)
        gtk_widget_class_add_binding_action (widget_class, actions[i].key, actions[i].mods,
                                             actions[i].name, NULL);
    }

  /* The check items of the main menu. */
  gtk_widget_class_install_property_action (widget_class, "win.show-threats", "show-threats");
  gtk_widget_class_install_property_action (widget_class, "win.show-hulls", "show-hulls");
  gtk_widget_class_install_property_action (widget_class, "win.show-labels", "show-labels");
  gtk_widget_class_install_property_action (widget_class, "win.show-legend", "show-legend");

  /* Second keys, as the other GNOME apps have them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "win.redo", NULL);
}

/* Every action's enabled state, computed in one place from the window. */
void
_entente_window_actions_update (EntenteWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  EntenteDocument *document = self->document;
  gboolean has_canvas = self->canvas != NULL;
  gboolean has_selection = FALSE;

  if (document == NULL)
    return;

  if (self->selected != NULL)
    has_selection = entente_scenario_find_state (entente_document_get_scenario (document),
                                                 self->selected) >= 0;

  gtk_widget_action_set_enabled (widget, "win.undo", entente_document_get_can_undo (document));
  gtk_widget_action_set_enabled (widget, "win.redo", entente_document_get_can_redo (document));
  gtk_widget_action_set_enabled (widget, "win.save",
                                 entente_document_get_dirty (document) ||
                                 entente_document_get_file (document) == NULL);
  gtk_widget_action_set_enabled (widget, "win.export", self->result != NULL);
  gtk_widget_action_set_enabled (widget, "win.zoom-fit", has_canvas);
  gtk_widget_action_set_enabled (widget, "win.zoom-in", has_canvas);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", has_canvas);
  gtk_widget_action_set_enabled (widget, "win.remove-state", has_selection);
  gtk_widget_action_set_enabled (widget, "win.dismiss-error", self->error_message != NULL);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **)a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **)b;
  GDateTime *ta = gtk_recent_info_get_modified (info_a);
  GDateTime *tb = gtk_recent_info_get_modified (info_b);

  return g_date_time_compare (tb, ta);
}

#define MAX_RECENT 8

/* The "Open Recent" section of the main menu: Entente's own recent files. */
void
_entente_window_update_recent (EntenteWindow *self)
{
  g_autoptr (GPtrArray) items = NULL;
  GList *list;

  if (self->recent_manager == NULL)
    return;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify)gtk_recent_info_unref);
  list = gtk_recent_manager_get_items (self->recent_manager);
  for (GList *l = list; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      /* Scenarios, and the figures Entente itself exported or opened. */
      if (g_str_has_suffix (uri, ".entente") ||
          (g_str_has_suffix (uri, ".svg") &&
           gtk_recent_info_has_application (info, g_get_application_name ())))
        g_ptr_array_add (items, info);
      else
        gtk_recent_info_unref (info);
    }
  g_list_free (list);

  g_ptr_array_sort (items, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < items->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (items, i);
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      /* Underscores in file names are not mnemonics. */
      label = g_strdelimit (g_strdup (gtk_recent_info_get_display_name (info)), "_", ' ');
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }
}
