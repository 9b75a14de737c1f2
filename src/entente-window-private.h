/* entente-window-private.h: what the window's source files share
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-window.h"

G_BEGIN_DECLS

/* What to do once unsaved changes are saved or discarded. */
typedef enum
{
  ENTENTE_CONTINUE_CLOSE,
  ENTENTE_CONTINUE_NEW,
  ENTENTE_CONTINUE_OPEN_FILE,
  ENTENTE_CONTINUE_OPEN_CHOOSER,
} EntenteContinue;

struct _EntenteWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template children */
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkSpinner           *spinner;
  GtkMenuButton        *main_menu_button;
  GMenu                *recent_menu;
  GtkInfoBar           *info_bar;
  GtkLabel             *info_label;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  GtkStack             *edit_stack;
  GtkBox               *states_slot;
  GtkBox               *system_slot;
  GtkBox               *results_slot;
  GtkBox               *canvas_slot;

  /* The embedded widgets (created in code so the window still works while
   * one of them is missing) */
  GtkWidget            *canvas;
  GtkWidget            *states_panel;
  GtkWidget            *system_panel;
  GtkWidget            *results_panel;
  GtkWindow            *export_dialog;

  EntenteDocument      *document;
  EntenteSolver        *solver;
  EntenteResult        *result;
  char                 *selected;
  char                 *error_message;
  /* The file the window was created for, until its first load ends. */
  GFile                *initial_file;

  GSettings            *settings;
  GCancellable         *cancellable;
  GtkRecentManager     *recent_manager;

  guint                 computing_id;
  guint                 group_id;

  /* The default scenario is shown and nothing was changed or opened. */
  gboolean              pristine;
  /* The document is the bundled example (unsaved, but nothing to lose). */
  gboolean              bundled;
  /* The user answered the unsaved-changes question for this close. */
  gboolean              close_confirmed;
  /* A file chooser or question is up: a second one is not stacked on it. */
  gboolean              asking;
};

/* entente-window-actions.c */
void     _entente_window_class_actions_init (GtkWidgetClass   *widget_class);
void     _entente_window_actions_update     (EntenteWindow    *self);
void     _entente_window_update_recent      (EntenteWindow    *self);

/* entente-window-files.c */
void     _entente_window_files_init         (EntenteWindow    *self);
void     _entente_window_confirm            (EntenteWindow    *self,
                                             EntenteContinue   what,
                                             GFile            *file);
void     _entente_window_continue           (EntenteWindow    *self,
                                             EntenteContinue   what,
                                             GFile            *file);
void     _entente_window_load               (EntenteWindow    *self,
                                             GFile            *file);
void     _entente_window_save               (EntenteWindow    *self,
                                             gboolean          save_as);
void     _entente_window_show_error         (EntenteWindow    *self,
                                             const char       *message);
void     _entente_window_hide_error         (EntenteWindow    *self);
void     _entente_window_add_recent         (EntenteWindow    *self,
                                             GFile            *file);

/* entente-window.c */
void     _entente_window_new_document       (EntenteWindow    *self);
void     _entente_window_load_default       (EntenteWindow    *self);
void     _entente_window_select             (EntenteWindow    *self,
                                             const char       *id);
void     _entente_window_set_view_flag      (EntenteWindow    *self,
                                             const char       *key,
                                             gboolean          value);

G_END_DECLS
