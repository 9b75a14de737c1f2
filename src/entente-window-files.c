/* entente-window-files.c: New, Open, Save, unsaved changes, recent files, drops
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-window-files"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-window-private.h"

/* What waits for a question or a file chooser: the window and what to do
 * next (with the file to open, if any). */
typedef struct
{
  EntenteWindow   *self;
  EntenteContinue  what;
  GFile           *file;
  gboolean         has_next;
} Pending;

static Pending *
pending_new (EntenteWindow   *self,
             EntenteContinue  what,
             GFile           *file,
             gboolean         has_next)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->what = what;
  pending->file = file ? g_object_ref (file) : NULL;
  pending->has_next = has_next;
  return pending;
}

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->self);
  g_clear_object (&pending->file);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void save_then (EntenteWindow *self, gboolean save_as, Pending *then);

void
_entente_window_show_error (EntenteWindow *self,
                            const char    *message)
{
  g_assert (ENTENTE_IS_WINDOW (self));
  g_assert (message != NULL);

  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_label (self->info_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->info_bar), TRUE);
  gtk_info_bar_set_revealed (self->info_bar, TRUE);
  /* Screen readers hear it at once, as they would an alert. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->info_bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  _entente_window_actions_update (self);
}

void
_entente_window_hide_error (EntenteWindow *self)
{
  g_assert (ENTENTE_IS_WINDOW (self));

  g_clear_pointer (&self->error_message, g_free);
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->info_bar), FALSE);
  _entente_window_actions_update (self);
}

void
_entente_window_add_recent (EntenteWindow *self,
                            GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  /* The user may keep Entente out of the recent files. */
  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "remember-recent"))
    return;
  if (self->recent_manager != NULL && uri != NULL)
    gtk_recent_manager_add_item (self->recent_manager, uri);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (Pending) pending = user_data;
  EntenteWindow *self = pending->self;
  g_autoptr (GError) error = NULL;

  if (!entente_document_load_finish (ENTENTE_DOCUMENT (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* A window made for this file has nothing to show yet: the example. */
      if (self->initial_file != NULL)
        {
          g_clear_object (&self->initial_file);
          _entente_window_load_default (self);
        }
      /* The loader's message names the file and the line; the document
       * stays as it was. */
      message = g_strdup_printf (_("Could not open the scenario: %s"), error->message);
      _entente_window_show_error (self, message);
      return;
    }

  g_clear_object (&self->initial_file);
  _entente_window_hide_error (self);
  _entente_window_add_recent (self, pending->file);
  self->pristine = FALSE;
}

void
_entente_window_load (EntenteWindow *self,
                      GFile         *file)
{
  g_assert (ENTENTE_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  entente_document_load_async (self->document, file, self->cancellable, load_cb,
                               pending_new (self, ENTENTE_CONTINUE_OPEN_FILE, file, FALSE));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr (Pending) pending = user_data;
  g_autoptr (GFile) file = NULL;

  pending->self->asking = FALSE;
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file != NULL)
    _entente_window_load (pending->self, file);
}

static GtkFileFilter *
scenario_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Entente scenarios"));
  gtk_file_filter_add_pattern (filter, "*.entente");
  gtk_file_filter_add_mime_type (filter, "application/x-entente");
  return filter;
}

static void
open_chooser (EntenteWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) all = NULL;
  g_autoptr (GtkFileFilter) scenarios = scenario_filter ();
  g_autoptr (GtkFileFilter) figures = gtk_file_filter_new ();

  if (self->asking)
    return;

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("Scenarios and Entente figures"));
  gtk_file_filter_add_pattern (all, "*.entente");
  gtk_file_filter_add_mime_type (all, "application/x-entente");
  gtk_file_filter_add_pattern (all, "*.svg");
  /* An SVG exported by Entente carries its scenario and opens to it. */
  gtk_file_filter_set_name (figures, _("Figures exported by Entente (SVG)"));
  gtk_file_filter_add_pattern (figures, "*.svg");
  gtk_file_filter_add_mime_type (figures, "image/svg+xml");

  chooser = gtk_file_chooser_native_new (_("Open Scenario"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), scenarios);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), figures);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), all);

  self->asking = TRUE;
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb),
                    pending_new (self, ENTENTE_CONTINUE_OPEN_CHOOSER, NULL, FALSE));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_entente_window_continue (EntenteWindow   *self,
                          EntenteContinue  what,
                          GFile           *file)
{
  g_assert (ENTENTE_IS_WINDOW (self));

  switch (what)
    {
    case ENTENTE_CONTINUE_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    case ENTENTE_CONTINUE_NEW:
      _entente_window_new_document (self);
      _entente_window_hide_error (self);
      break;

    case ENTENTE_CONTINUE_OPEN_FILE:
      _entente_window_load (self, file);
      break;

    case ENTENTE_CONTINUE_OPEN_CHOOSER:
      open_chooser (self);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
confirm_response_cb (GtkDialog *dialog,
                     int        response,
                     gpointer   user_data)
{
  g_autoptr (Pending) pending = user_data;
  EntenteWindow *self = pending->self;

  self->asking = FALSE;
  /* Unlinked first: continuing may close the parent window, and the dialog
   * must not outlive it holding a pointer to it. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      save_then (self, FALSE, g_steal_pointer (&pending));
      break;

    case GTK_RESPONSE_REJECT:
      _entente_window_continue (self, pending->what, pending->file);
      break;

    default:
      /* Cancel, Escape or the dialog closed: nothing happens. */
      break;
    }
}

void
_entente_window_confirm (EntenteWindow   *self,
                         EntenteContinue  what,
                         GFile           *file)
{
  GtkWidget *dialog;
  GtkWidget *button;
  g_autofree char *title = NULL;
  g_autofree char *question = NULL;

  g_assert (ENTENTE_IS_WINDOW (self));

  if (!entente_document_get_dirty (self->document))
    {
      _entente_window_continue (self, what, file);
      return;
    }
  if (self->asking)
    return;

  title = entente_document_dup_title (self->document);
  if (what == ENTENTE_CONTINUE_CLOSE)
    question = g_strdup_printf (_("Save changes to “%s” before closing?"), title);
  else
    question = g_strdup_printf (_("Save changes to “%s” first?"), title);

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you don’t save, your changes will be "
                                              "permanently lost."));
  /* GTK 4.8 names a button with a mnemonic "_Save Save" for screen readers:
   * each gets its plain name. */
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discard"), -1);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  gtk_widget_add_css_class (dialog, "entente-unsaved-dialog");
  self->asking = TRUE;
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb),
                    pending_new (self, what, file, TRUE));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saves to @file; on success continues with @then (owned, nullable). */
static void
save_to (EntenteWindow *self,
         GFile         *file,
         Pending       *then)
{
  g_autoptr (Pending) next = then;
  g_autoptr (GError) error = NULL;

  if (!entente_document_save (self->document, file, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not save the scenario: %s"), error->message);

      /* Nothing continues after a failed save: the changes are still only
       * in this window. */
      _entente_window_show_error (self, message);
      return;
    }

  _entente_window_hide_error (self);
  _entente_window_add_recent (self, entente_document_get_file (self->document));
  if (next != NULL && next->has_next)
    _entente_window_continue (self, next->what, next->file);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  Pending *then = user_data;
  EntenteWindow *self = g_object_ref (then->self);
  g_autoptr (GFile) file = NULL;

  self->asking = FALSE;
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file != NULL)
    save_to (self, file, then);
  else
    pending_free (then);
  g_object_unref (self);
}

static void
save_then (EntenteWindow *self,
           gboolean       save_as,
           Pending       *then)
{
  GFile *file = entente_document_get_file (self->document);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  /* A scenario opened from an exported SVG is saved as a scenario file, not
   * written over the figure. */
  if (!save_as && file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      if (basename != NULL && g_str_has_suffix (basename, ".entente"))
        {
          save_to (self, file, then);
          return;
        }
    }

  if (self->asking)
    {
      if (then != NULL)
        pending_free (then);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Scenario"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  filter = scenario_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  title = entente_document_dup_title (self->document);
  if (g_str_has_suffix (title, ".entente") || g_str_has_suffix (title, ".svg"))
    *strrchr (title, '.') = '\0';
  name = g_strdup_printf ("%s.entente", title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (file != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  self->asking = TRUE;
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb),
                    then != NULL ? then : pending_new (self, ENTENTE_CONTINUE_CLOSE, NULL, FALSE));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_entente_window_save (EntenteWindow *self,
                      gboolean       save_as)
{
  g_assert (ENTENTE_IS_WINDOW (self));

  save_then (self, save_as, NULL);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EntenteWindow *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files != NULL)
        file = files->data;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      file = g_value_get_object (value);
    }

  if (file == NULL)
    return FALSE;

  entente_window_open_file (self, file);
  return TRUE;
}

static void
recent_changed_cb (EntenteWindow *self)
{
  _entente_window_update_recent (self);
}

void
_entente_window_files_init (EntenteWindow *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
}
